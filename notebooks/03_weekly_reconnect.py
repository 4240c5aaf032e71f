# %% [markdown]
# # The weekly reconnect
#
# Dormant ties are an underused resource: people you have not spoken to for a long time
# still trust you, and they know things your current contacts do not. The habit this
# notebook sets up: **every Monday, look at three names, send three messages, and log
# them.** It runs on the bundled sample, whose data end on 31 December 2025.

# %%
import matplotlib.pyplot as plt
import pandas as pd

import netgraph
from netgraph.view.plots import interaction_timeline

pd.set_option("display.max_colwidth", 200)

net = netgraph.sample()
names = net.people["name"]
print("data up to", net.reference_date.date())

# %% [markdown]
# ## This week's list
#
# `reconnect(k=3, today=...)` lists the ties that are overdue: silent for longer than
# their own usual rhythm (`usual_interval_days`, three months when there is no rhythm
# yet) and for at least 30 days. Each is scored by how overdue it is and by its
# `value`: one point, plus a point each for being a `bridge` into a community you
# barely reach, for a low `overlap` with your other contacts (a non-redundant contact)
# and for being `once_strong`.

# %%
net.reconnect(k=3, today="2026-01-05")

# %% [markdown]
# ## Four Mondays in a row
#
# The list rotates. The ties overdue at the date of your data are ranked by score and
# cut into slices of three; each calendar week shows the next slice, and once everyone
# has been shown it starts round again. So you do not see the same three names every
# Monday, even when you reload a fresh export each week, and one date always gives the
# same list. `net.reconnect(k=1000)` shows the whole ranking.

# %%
mondays = pd.date_range("2026-01-05", periods=4, freq="W-MON")
weeks = {monday.date(): net.reconnect(k=3, today=monday) for monday in mondays}
for monday, week in weeks.items():
    print(monday, "|", ", ".join(week["person"].map(names)))

shown = pd.concat(weeks.values())["person"]
print(f"\n{shown.nunique()} different people in {len(shown)} slots over four weeks")

# %% [markdown]
# Every suggestion comes with its reason: how long it has been against the usual rhythm,
# which community the person connects you to, how many of your contacts they know and
# whether the tie was once close.

# %%
for reason in weeks[mondays[0].date()]["reason"]:
    print("-", reason)

# %% [markdown]
# ## The habit: message, log, repeat
#
# After sending the messages, log them: here as rows added to the interactions, in
# practice as lines in your meetings file (or a fresh calendar export) that you reload
# each Monday. The people you wrote to then leave the list by themselves, since their
# last contact moves, and the list moves on to the next most overdue.

# %%
log = net.interactions
for monday in mondays:
    current = netgraph.Network(net.people, net.stated_ties, log, ego="me")
    week = current.reconnect(k=3, today=monday)
    print(monday.date(), "|", ", ".join(week["person"].map(names)))
    sent = pd.DataFrame(
        {
            "source": "me",
            "target": week["person"],
            "date": monday + pd.Timedelta(days=1),
            "channel": "message",
            "kind": "message",
        }
    )
    log = pd.concat([log, sent], ignore_index=True)

# %% [markdown]
# ## The long-lost list
#
# With `dormant_after=365` only ties silent for a year or more qualify, whatever their
# usual rhythm: the dormant ties of Levin, Walter and Murnighan's study, whose advice
# was as useful as current contacts' and more novel. The six most worth reviving:

# %%
long_lost = net.reconnect(k=6, today=mondays[0], dormant_after=365)
long_lost.assign(name=long_lost["person"].map(names))[
    ["name", "last_contact", "days_since", "value", "bridge", "overlap", "once_strong"]
]

# %% [markdown]
# ## The timeline
#
# One row per contact, one dot per interaction; shaded bands mark dormant stretches
# (more than a year without contact). First, for comparison, Alex's fifteen most
# frequent contacts, in touch all along:

# %%
fig, ax = plt.subplots(figsize=(10, 6))
net.plot.interaction_timeline(ax=ax, top=15)
plt.show()

# %% [markdown]
# Then the people the four Mondays suggested, up to the last Monday. A shaded band is a
# tie gone dormant, more than a year without contact; a row without one is a tie that is
# overdue by its own rhythm, fading rather than dormant.

# %%
picked = set(shown)
log = net.interactions
with_me = (log["source"] == "me") | (log["target"] == "me")
theirs = log["source"].isin(picked) | log["target"].isin(picked)
fig, ax = plt.subplots(figsize=(10, 5))
interaction_timeline(
    log[with_me & theirs],
    person="me",
    top=len(picked),
    names=names,
    today=mondays[-1],
    ax=ax,
)
plt.show()
