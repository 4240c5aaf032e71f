# %% [markdown]
# # Organisational network analysis: e-mail at a research institution
#
# The same measures apply to a whole organisation, with no ego: where are the silos, who
# brokers between departments, do the informal groups follow the org chart, and which
# bridges are missing. The data are SNAP's *email-Eu-core*: 1,005 people at a European
# research institution, who wrote to whom, and each person's department (42 of them,
# anonymised). Yin, Benson, Leskovec and Gleich, KDD 2017.
#
# **The data.** `load_email_eu_core()` looks for the two SNAP files
# (`email-Eu-core.txt`, `email-Eu-core-department-labels.txt`) in `path=`, then in the
# folder named by the `NETGRAPH_DATA` environment variable, then in `~/.cache/netgraph`;
# only if they are in none of these does it download them (about 200 kB, checksum
# verified) and keep them in the cache.

# %%
import matplotlib.pyplot as plt
import pandas as pd

from netgraph.analysis.affinity import group_mixing
from netgraph.datasets import load_email_eu_core

net = load_email_eu_core()
department = net.people["department"]
net

# %%
department.value_counts().describe().round(1)

# %% [markdown]
# ## Silos: how inward-looking is each department?
#
# Network-wide first: the share of ties inside a department against what random wiring
# would give, and the assortativity (0 when departments do not matter, 1 when every tie
# is inside one).

# %%
by_person = net.affinity("department")
overall = pd.Series(by_person.attrs["network"])
shares = ["same_group_share", "expected_same_group_share", "ei_index", "expected_ei_index"]
overall[[*shares, "assortativity"]].round(3)

# %% [markdown]
# Per department, `group_mixing` counts `internal` and `external` ties and the E-I index
# (E − I) / (E + I): −1 when every tie stays inside, +1 when every tie goes out.
# `expected_ei_index` is what random wiring would give a department of that size, so
# the gap between the two is how much more inward-looking it is than chance. The most
# inward-looking departments of ten people or more:

# %%
mixing = group_mixing(net.graph, "department")
mixing["gap"] = mixing["ei_index"] - mixing["expected_ei_index"]
silos = mixing[mixing["size"] >= 10].sort_values("gap")
silos.head(8).round(3)

# %%
top = silos.head(15).iloc[::-1]
fig, ax = plt.subplots(figsize=(7, 6))
ax.barh(top.index, top["expected_ei_index"], color="lightgrey", label="expected by chance")
ax.barh(top.index, top["ei_index"], height=0.5, color="tab:blue", label="observed")
ax.axvline(0, color="black", linewidth=0.8)
ax.set_xlabel("E-I index (-1: all ties inside, +1: all outside)")
ax.set_title("The most inward-looking departments")
ax.legend(loc="lower left")
plt.show()

# %% [markdown]
# **What it means.** Every department of ten people or more is far more inward-looking
# than chance, which is normal: people work with their team. The ones at the top, whose
# E-I index is near or below 0, are silos: as much e-mail stays inside as goes out. They
# are the first places to look for duplicated work and for news that does not travel.

# %% [markdown]
# ## Brokers between departments
#
# Gould and Fernandez's brokerage roles count, for each person, the two-step paths
# A → B → C through them where A and C are not tied, by the departments involved:
# *coordinator* (all three in one department), *gatekeeper* and *representative*
# (controlling the way into or out of the broker's department), *itinerant* (A and C in
# one department, the broker outside it) and *liaison* (three different departments).
# Liaisons are the people who connect the organisation across departments.

# %%
roles = net.brokerage("department")
holes = net.structural_holes()
brokers = roles.join(holes[["constraint", "effective_size"]])
brokers.sort_values("liaison", ascending=False).head(8).round(3)

# %% [markdown]
# Raw counts favour people with many contacts. With `normalize=True` each count is
# divided by the count expected if people had been put into departments at random
# (given the person's number of open two-paths and the department sizes): above 1 is
# more of that role than chance. With 42 departments nearly every random two-path would
# be a liaison path, so liaison ratios stay at or below 1; the telling ratios are
# `gatekeeper` (e-mail from outside passed into the person's department) and
# `representative` (from the department passed outside): the doors of a department.
# Among the people with at least 1,000 open two-paths:

# %%
normalised = net.brokerage("department", normalize=True)
busy = normalised[normalised["total"] >= 1000]
busy.sort_values("gatekeeper", ascending=False).head(6).round(1)

# %% [markdown]
# Burt's scatter: the bottom right holds the people with many non-redundant contacts and
# low constraint, the structural-hole spanners; check them against the liaison list.

# %%
fig, ax = plt.subplots(figsize=(7, 5))
net.plot.brokerage(ax=ax, label_top=3)
plt.show()

# %% [markdown]
# **What to do.** These people carry a large share of the cross-department flow. Losing
# one (to another job, or to overload) cuts paths between departments; lean on them for
# cross-team projects, recognise the work, and make sure no pair of departments depends
# on one person alone.

# %% [markdown]
# ## Communities against departments
#
# `communities()` finds the groups that actually write to each other. Where a community
# is mostly one department, the org chart matches how people work; where it mixes many,
# the informal organisation cuts across the formal one.

# %%
found = net.communities()["community"]
table = pd.crosstab(found, department)
summary = pd.DataFrame(
    {
        "size": table.sum(axis=1),
        "main_department": table.idxmax(axis=1),
        "main_share": table.max(axis=1) / table.sum(axis=1),
        "departments": (table > 0).sum(axis=1),
    }
)
summary[summary["size"] >= 10].sort_values("size", ascending=False).round(2)

# %% [markdown]
# Read it row by row: a high `main_share` is a community that is essentially one
# department; a large community spread over many `departments` is a cross-cutting
# group (a shared service, a central unit, or people on joint projects).

# %% [markdown]
# ## Bridges the organisation lacks
#
# With no ego, `introductions_to_make()` looks for pairs of communities tied far less
# than their sizes and activity would predict (`ties_between` against
# `expected_ties`), and proposes for each a pair of well-connected members, one on each
# side, who are not yet in touch.

# %%
bridges = net.introductions_to_make(k=8)
bridges = bridges.assign(
    a_department=department.reindex(bridges["a"]).to_numpy(),
    b_department=department.reindex(bridges["b"]).to_numpy(),
)
pairs = ["a", "b", "a_department", "b_department", "a_community", "b_community"]
bridges[[*pairs, "ties_between", "expected_ties", "score"]].round(1)

# %%
for reason in bridges["reason"].head(3):
    print("-", reason)

# %% [markdown]
# ## The view
#
# The top liaison's contacts, coloured by department (the eleven largest; the rest are
# "other"), sized by effective size, laid out in Python (`physics=False`). The whole
# organisation works too (`net.show(color_by="department")`), but 1,005 people take a
# while to settle in the browser.

# %%
top_broker = brokers["liaison"].idxmax()
title = f"Person {top_broker} and their contacts"
net.show(focus=top_broker, color_by="department", title=title, physics=False)
