# %% [markdown]
# # Quickstart: is your network closed or open?
#
# netgraph models the people you know as a weighted graph and answers two questions:
# **is your network closed** (dense clusters of people who all know each other, who
# mostly know what you know) **or open** (weak ties and bridges across *structural
# holes*, where new information and opportunities come from), and **what should you do
# next** (whom to ask for an introduction, whom to introduce, whom to get back in touch
# with).
#
# This notebook runs every step on the bundled sample: the synthetic network of Alex
# Morgan (id `"me"`), a lead data scientist in London with about 275 contacts in seven
# circles (current and former employers, university, a meetup, the neighbourhood, a
# mentoring programme, family and friends) and three years of dated interactions. Run
# it top to bottom; notebook 02 shows how to load your own contacts instead.

# %%
import matplotlib.pyplot as plt
import pandas as pd

import netgraph

pd.set_option("display.max_colwidth", 120)

net = netgraph.sample()
net

# %% [markdown]
# ## The tables
#
# A `Network` holds three tables. **people**: one row per person, indexed by id, with
# free attributes (company, school, city, tags, ...).

# %%
net.people.head()

# %% [markdown]
# **interactions**: dated events, `source` being who started it. `kind` is `give` (you
# gave something: advice, an introduction, a referral), `ask` (you asked for something)
# or anything else, such as `meeting` or `message`.

# %%
net.interactions.tail()

# %% [markdown]
# **ties**: one row per pair of people who know each other. netgraph turns the stated
# ties and the interactions into a *tie strength* between 0 and 1 from five components:
# how often you are in touch (`frequency`), how recently (`recency`), for how long
# (`duration`), whether it goes both ways (`reciprocity`) and over how many channels
# and kinds of relationship (`multiplexity`). Alex's strongest ties:

# %%
mine = net.ties.query("source == 'me' or target == 'me'")
columns = ["kind", "n_interactions", "last_contact", "recency", "reciprocity", "strength"]
mine.sort_values("strength", ascending=False)[columns].head()

# %% [markdown]
# ## Closed or open?
#
# `closure()` summarises the ego network, the people Alex knows and the ties among
# them: `density` (the share of pairs of contacts who know each other), Burt's
# `constraint` (high when your contacts all know each other, so that they lean on you
# together) and `effective_size` (the number of non-redundant contacts), the shares of
# `weak` and `dormant` ties, the number of communities reached and the E-I index (from
# -1, every tie inside your own community, to +1, every tie outside it). The `verdict`
# is *closed*, *mixed* or *open*, with the `reasons`.

# %%
verdict = net.closure()
verdict.T

# %%
print(verdict["reasons"].iloc[0])

# %% [markdown]
# **What it means.** Alex's contacts rarely know each other: Alex sits across several
# circles that are closed inside but not tied to each other. That position is worth a
# lot (Burt: brokers hear about more, and earlier) but it is fragile, since each
# bridge is a single tie, often a weak or a dormant one.
#
# **What to do.** In an open network, keep the bridges alive (reconnect) and give
# before you ask (introduce people from different circles). In a closed network, ask
# the few people who reach outside it for introductions.

# %% [markdown]
# ## Structural holes: who are the brokers?
#
# For each person, `structural_holes()` gives Burt's `constraint` (low is good: the
# contacts do not all know each other), `effective_size` (contacts minus redundancy),
# `efficiency` (effective size per contact) and `hierarchy` (how much the constraint
# comes from one contact). The least constrained people, Alex aside, are the brokers of
# this network:

# %%
holes = net.structural_holes()
brokers = holes.drop(index="me").sort_values("constraint").head(8)
brokers.join(net.people[["name", "company", "tags"]])

# %% [markdown]
# Their contacts do not all know each other. Some of them bridge two or three of Alex's
# circles (their `tags` name several circles); others join several groups inside one
# circle. They are the people to ask for an introduction outside a circle (notebook 04),
# and worth keeping close. Burt's scatter shows everyone: brokers sit at the bottom
# right (large effective size, low constraint), people inside one closed group at the
# top left.

# %%
fig, ax = plt.subplots(figsize=(7, 5))
net.plot.brokerage(ax=ax)
plt.show()

# %% [markdown]
# ## Weak ties
#
# `weak_ties()` describes every tie: its `strength`, its `overlap` (the share of the two
# people's contacts they have in common, Onnela et al.'s measure: low overlap means the
# tie reaches people the other side does not), `embeddedness` (contacts in common),
# whether it is a `bridge` or a `local_bridge` (no contact in common), its `span` (how
# far apart the two would be without it) and its `kind`: *strong*, *weak*, or *dormant*
# (no contact for a year).

# %%
ties = net.weak_ties()
print(ties["kind"].value_counts().to_string())
print(ties.attrs["thresholds"])

# %% [markdown]
# Granovetter's point: new information comes through weak ties, because they reach
# circles your strong ties do not. Alex's weak and dormant ties with the lowest overlap
# are the ones that reach furthest:

# %%
own = ties.reset_index().query("source == 'me' or target == 'me'")
own = own.assign(contact=own["source"].where(own["target"] == "me", own["target"]))
own = own.join(net.people[["name", "company"]], on="contact")
columns = ["name", "company", "kind", "strength", "overlap", "last_contact"]
own[own["kind"] != "strong"].sort_values("overlap")[columns].head(8)

# %%
fig, ax = plt.subplots(figsize=(7, 4))
net.plot.strength_distribution(ax=ax)
plt.show()

# %% [markdown]
# **What to do.** A dormant tie with low overlap is a door into another circle that has
# been left shut; reviving it costs one message, and Levin, Walter and Murnighan found
# that advice from reconnected dormant ties is as useful as from current ties, and more
# novel. `reconnect()` below turns this into a short weekly list.

# %% [markdown]
# ## Communities
#
# `communities()` finds the groups of people more tied to each other than to the rest
# (seeded Leiden on tie strength, so the result is the same every run). In the sample
# they recover Alex's circles (the first tag of each person):

# %%
found = net.communities()
n, q = found.attrs["communities"], found.attrs["modularity"]
print(f"{n} communities, modularity {q:.2f}")
circle = net.people["tags"].str.split(";").str[0]
pd.crosstab(found["community"], circle)

# %% [markdown]
# The ego map draws Alex in the centre and the contacts around, one arc per community:
# the thin lines are ties among contacts, dense inside each arc and rare between them.

# %%
fig, ax = plt.subplots(figsize=(8, 8))
net.plot.ego_map(ax=ax)
plt.show()

# %% [markdown]
# ## Recommendations
#
# **Introductions to ask for**: people two steps away, the contact to ask, and why
# knowing them would open the network (notebook 04 explains the evidence columns).

# %%
intros = net.introductions(k=5)
for reason in intros["reason"]:
    print("-", reason)

# %% [markdown]
# **Introductions to make**: pairs of your contacts from different circles who would
# both gain from knowing each other. Making them is the giving that makes asking easy.

# %%
for reason in net.introductions_to_make(k=3)["reason"]:
    print("-", reason)

# %% [markdown]
# **Reconnect**: this week's three dormant or fading ties most worth a message, with the
# reason for each; the list rotates from week to week (notebook 03).

# %%
this_week = net.reconnect(k=3)
for reason in this_week["reason"]:
    print("-", reason)

# %% [markdown]
# **Ledger**: gives and asks per relationship, against the rule of thumb of several
# gives for each ask (seven by default). `one_sided` flags a relationship where one
# side keeps asking and gives little back; the table is sorted by `balance`, your gives
# minus seven times your asks, so the relationships you have overdrawn come first, and
# the `reason` says who asked whom. Where it is you, the next thing to do is give (an
# introduction, a referral, your time) before asking again.

# %%
ledger = net.ledger()
one_sided = ledger[ledger["one_sided"]]
print(f"{len(one_sided)} one-sided relationships out of {len(ledger)}")
one_sided[["gives_to", "asks_of", "gives_from", "asks_from", "balance", "reason"]].head()

# %% [markdown]
# ## See it
#
# `net.show()` draws the network inline: colour is the community, size the effective
# size, width the tie strength; weak ties are thin and dormant ties dashed grey. Hover a
# person or a tie for the details, drag to move, scroll to zoom. The page is
# self-contained (nothing is loaded from the internet); `net.to_html("my-network.html")`
# saves it to a file to open in a browser.

# %%
net.show()

# %% [markdown]
# ## Next
#
# - `02_your_own_network.ipynb`: load your LinkedIn export, address book and meetings.
# - `03_weekly_reconnect.ipynb`: the weekly reconnect habit.
# - `04_introductions.ipynb`: introductions to ask for and to make, paths to a company.
# - `05_organisation.ipynb`: organisational network analysis of an e-mail network.
