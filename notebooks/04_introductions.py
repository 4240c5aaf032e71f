# %% [markdown]
# # Introductions: to ask for and to make
#
# An introduction is the cheapest way to open a network: a tie to someone two steps away
# who reaches a circle you do not. This notebook covers the introductions to ask for,
# the ones to make for others (giving before asking), warm paths to a company, and the
# map with the suggestions drawn in. It uses the bundled sample.

# %%
import pandas as pd

import netgraph

pd.set_option("display.max_colwidth", 200)

net = netgraph.sample()
names = net.people["name"]

# %% [markdown]
# ## Introductions to ask for
#
# Candidates are the people two steps away: not contacts yet, but known to at least one
# of your contacts (the *connector*). Each candidate gets one row, through the best
# connector.

# %%
intros = net.introductions(k=10)
evidence = [
    "gain_effective_size",
    "constraint_before",
    "constraint_after",
    "new_community",
    "via_strength",
    "via_candidate_strength",
    "mutual_contacts",
    "feasibility",
    "value",
    "score",
]
shown = intros.assign(person=intros["person"].map(names), via=intros["via"].map(names))
shown[["person", "via", *evidence]].round(3)

# %% [markdown]
# What the evidence columns mean:
#
# - **`gain_effective_size`**: how much your effective size (your non-redundant contacts)
#   grows with this person added, computed with the new tie in place. About 1 means
#   they would be a wholly new contact; less means they know people you already know.
# - **`constraint_before`**, **`constraint_after`**: Burt's constraint on you now and
#   with the new tie. Lower is more open. With 120-odd unconnected contacts one tie
#   moves it little; in a small closed network the drop is large.
# - **`new_community`**: whether the candidate is in a community you have few ties into.
#   Such introductions count half as much again, since they are what opens a network.
# - **`via_strength`**: your tie to the connector. A closer connector is easier to ask.
# - **`via_candidate_strength`**: the connector's tie to the candidate. Moderately weak
#   ties (about 0.35) carry the most novel contacts (Rajkumar et al., 2022).
# - **`mutual_contacts`**: how many of your contacts know the candidate: more people who
#   can vouch for you, and a warmer introduction.
# - **`feasibility`**: how likely the introduction is to happen, from the two strengths and
#   the mutual contacts (halved when you asked the connector for something in the last
#   90 days). **`value`** is what it adds; **`score`** = value × feasibility.
#
# No connector is named for more than a third of the list, so you do not lean on one
# person for everything:

# %%
intros["via"].map(names).value_counts()

# %% [markdown]
# The `reason` column says all this in a sentence, ready to act on:

# %%
for reason in intros["reason"].head(3):
    print("-", reason)

# %% [markdown]
# `by="company"` judges novelty by company instead of community: `new_community` is then
# True for someone at a company you have few contacts in.

# %%
by_company = net.introductions(k=5, by="company")
by_company.assign(person=by_company["person"].map(names), via=by_company["via"].map(names))[
    ["person", "via", "community", "new_community", "score"]
]

# %% [markdown]
# ## Introductions to make: give before you ask
#
# Introducing two of your contacts who do not know each other costs you little and helps
# both, and it is what makes your own asks welcome. `introductions_to_make` proposes
# pairs from different communities who share no contacts besides you; `gain_a` and
# `gain_b` are how much each one's effective size would grow, `a_strength` and
# `b_strength` your ties to them.

# %%
make = net.introductions_to_make(k=6)
make.assign(a=make["a"].map(names), b=make["b"].map(names))[
    ["a", "b", "a_community", "b_community", "gain_a", "gain_b", "a_strength", "b_strength"]
].round(3)

# %%
for reason in make["reason"].head(3):
    print("-", reason)

# %% [markdown]
# The ledger says where giving is overdue: the people Alex asked at least twice and
# never gave anything back. An introduction for one of them is a good place to start.

# %%
ledger = net.ledger()
owed = ledger[(ledger["asks_of"] >= 2) & (ledger["gives_to"] == 0)]
owed = owed.assign(name=owed.index.map(names))
owed[["name", "asks_of", "gives_to", "gives_from"]].head()

# %% [markdown]
# ## Warm paths to a company
#
# `paths_to(company=...)` finds the warmest chain of introductions to people at a
# company (any attribute works: `role=`, `city=`, several at once). A path's `score` is
# the product of the tie strengths along it, so a short chain of strong ties beats a long
# one; `ask_first` is the contact to ask. Alex knows nobody at Kestrel Insurance:

# %%
paths = net.paths_to(company="Kestrel Insurance")
paths.assign(target=paths["target"].map(names), ask_first=paths["ask_first"].map(names))[
    ["target", "hops", "score", "ask_first", "strengths"]
]

# %%
for reason in paths["reason"].head(3):
    print("-", reason)

# %% [markdown]
# ## On the map
#
# `overlay=` draws suggested ties as dashed magenta lines on the interactive view;
# hovering one shows its columns (here the connector and the reason). A table with a
# `person` column draws ties from you; one with `a` and `b` columns draws ties between
# the two. `physics=False` lays the network out in Python, so it is drawn at once
# instead of settling in the browser. `net.to_html("introductions.html", overlay=...)`
# writes the same page to a file.

# %%
net.show(
    overlay=intros[["person", "via", "reason"]],
    title="Introductions to ask for",
    physics=False,
)

# %%
net.show(
    overlay=make[["a", "b", "reason"]],
    focus="me",
    title="Introductions to make",
    physics=False,
)
