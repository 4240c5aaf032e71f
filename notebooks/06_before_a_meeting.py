# %% [markdown]
# # Before a meeting and toward a goal
#
# Networking well is mostly preparation: before meeting someone, know their background
# and your history together, find the common ground, bring something to offer, and leave
# with two or three more people to talk to. And it starts from a goal: whom do I know
# there, who could introduce me, whom do I still need to know?
#
# This notebook runs each step on the bundled sample (Alex Morgan, id `"me"`):
#
# 1. `net.brief(person)`: the page to read before a meeting;
# 2. `net.goal(company=..., role=...)`: the strategic network toward a goal;
# 3. `net.roles()`: mentors, mentees, reverse mentors, champions and allies;
# 4. `net.groups()` and `net.groups_to_join()`: which groups and events are worth your
#    evenings;
# 5. `net.thanks_owed()`: favours you have not thanked anyone for yet.
#
# Every recommendation has a `reason`; each has a command too (`netgraph brief NAME`,
# `netgraph goal`, `netgraph roles`, `netgraph groups`, `netgraph thanks`).

# %%
import warnings

import pandas as pd

import netgraph

pd.set_option("display.max_colwidth", 120)
net = netgraph.sample()
net

# %% [markdown]
# ## 1. The brief
#
# Alex is meeting Catherine Blake, a mentor, next week. `net.brief` takes an id, a name
# or an e-mail, and renders as a page in Jupyter (`print(brief)` gives Markdown, for
# notes or an e-mail to yourself).

# %%
brief = net.brief("Catherine Blake")
brief

# %% [markdown]
# Each part is a DataFrame. The history says how you met, how often you are in touch and
# the gives and asks both ways; here Alex has asked far more than given, so the brief
# says to offer something first.

# %%
print("\n".join(brief.summary["history"]))
brief.history

# %% [markdown]
# End the meeting by asking for three more people: the contacts of Catherine's whom
# Alex does not know, ranked by how much each would open Alex's network (the value of an
# introduction: the effective size gained, more in a community Alex barely reaches).

# %%
brief.ask_for[["name", "value", "reason"]]

# %% [markdown]
# A misspelt name is an error that lists the nearest names:

# %%
try:
    net.brief("Catherin Blake")
except netgraph.InputError as err:
    print(err)

# %% [markdown]
# ## 2. A goal: a CTO at Kestrel Insurance
#
# `net.goal` matches whole words, ignoring case, with aliases for common titles:
# `role="CTO"` finds "CTO" and "Chief Technology Officer", never "Director of Data" or
# "Doctor". It returns who you know there, warm paths (ranked by trust, the product of
# the tie strengths along the chain, and by the gain in effective size a tie to the
# target would bring), who you still need to know, and the gap in one sentence.

# %%
goal = net.goal(company="Kestrel Insurance", role="CTO")
print(goal.gap)
goal.paths[["name", "ask_first_name", "trust", "gain", "priority"]]

# %%
goal.missing

# %% [markdown]
# A goal out of reach says why and names the nearest bridge:

# %%
far = net.goal(role="CEO", city="Berlin")
print(far.gap)
print(far.bridge["reason"].iloc[0])

# %% [markdown]
# ## 3. Mentors, champions and allies
#
# Roles are tie kinds (`kind="mentor"` on the tie to someone) or tags on contacts. The
# sample records mentors and mentees; for the roles nobody plays, `net.roles` names two
# people who could, and why. With a target company, the champion (sponsor) should be
# there.

# %%
roles = net.roles(company="Kestrel Insurance")
roles.plays[["role", "name", "source"]]

# %%
for reason in roles.missing["reason"]:
    print("-", reason)

# %% [markdown]
# ## 4. Groups and events worth your evenings
#
# Groups come from the people column `groups` (large calendar events and mailing lists),
# `circles` (the groups you draw), the columns you name, and an affiliations table
# (person, group, kind, date). The sample has neither column, so its `tags` are read,
# with a warning. `net.groups()` says which groups bring new people and which only
# repeat the circles you have (a two-mode analysis, after Breiger 1974).

# %%
with warnings.catch_warnings():
    warnings.simplefilter("ignore", netgraph.NetgraphWarning)
    groups = net.groups()
groups[["members", "you_know", "unknown", "communities", "verdict"]].head(8)

# %% [markdown]
# Two events Alex could go to, as an affiliations table (a CSV with the same columns
# works too: `net.groups_to_join(affiliations="events.csv")`). `groups_to_join` ranks
# the groups Alex is not in by their members Alex does not know, each weighted by how
# little of their community Alex reaches.

# %%
people = net.people
edinburgh = people.index[people["city"].eq("Edinburgh")][:12]
fintech = people.index[people["industry"].eq("Financial technology")][:12]
events = pd.DataFrame(
    {
        "person": [*edinburgh, *fintech],
        "group": ["Edinburgh data meetup"] * len(edinburgh)
        + ["Fintech founders dinner"] * len(fintech),
        "kind": "event",
    }
)
join = net.groups_to_join(k=3, columns=[], affiliations=events)  # only the events
for reason in join["reason"]:
    print("-", reason)

# %% [markdown]
# ## 5. Thank-yous owed
#
# Each favour received (a give, an introduction made for you) with no thanks logged
# since. With a store (notebook 03), `store.log(person, kind="thanks")` clears it.

# %%
owed = net.thanks_owed()
print(f"{len(owed)} favours not thanked yet")
owed[["name", "date", "favour"]].head()

# %% [markdown]
# ## Next
#
# - `04_introductions.ipynb`: introductions to ask for and to make, paths to a company.
# - `03_weekly_reconnect.ipynb`: the weekly habit, where the brief's history and notes
#   come from.
# - The how-to guide *Before a meeting and toward a goal* in the documentation.
