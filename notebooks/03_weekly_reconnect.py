# %% [markdown]
# # The weekly habit: a store and a Friday review
#
# The habit at the heart of netgraph: keep three lists (people to **stay in touch**
# with, people you **want to know**, people you **worked with**); every Friday spend
# fifteen minutes on them and write to three people, saying why and offering a few
# times to meet. Give before you ask, follow up after a first meeting, thank people.
#
# A habit needs memory: what you imported, whom you wrote to, who replied. This notebook
# keeps it in a **store**, one SQLite file on your machine (`netgraph.open()`), and
# simulates twelve Fridays on the bundled sample, whose data end on 31 December 2025.

# %%
import os
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

import netgraph
from netgraph.recommend.week import to_ics

pd.set_option("display.max_colwidth", 120)

# netgraph.open() with no path uses $NETGRAPH_HOME or your user data folder; working in
# a new temporary folder keeps this notebook from touching yours.
os.chdir(tempfile.mkdtemp())
store = netgraph.open("store.sqlite")
print(store.add(netgraph.sample(), date="2025-12-31", origin="sample"))
store

# %% [markdown]
# Importing is repeatable: the same export again adds nothing, and next month's export
# adds only what is new. `store.network` is an ordinary `Network`, so every analysis
# works on it as before.

# %%
print(store.add(netgraph.sample()))
net = store.network
print(net.closure()["reasons"].iloc[0])

# %% [markdown]
# ## The three lists
#
# `store.tag(person, list)` takes an id, an e-mail or a name; `store.tag_from(file,
# column)` reads the lists from a spreadsheet column.

# %%
sheet = Path("lists.csv")
sheet.write_text(
    "name,list\n"
    "Aisha Butt,want to know\n"
    "Agnieszka Krawczyk,want to know\n"
    "Ben Carter,worked with; stay in touch\n"
    "Astrid Berg,worked with\n"
    "Priya Shah,stay in touch\n"
)
store.tag_from(sheet, "list")
store.lists()[["person", "name", "list"]]  # lists() also has the date each was added

# %% [markdown]
# ## The first Friday
#
# `store.week(k=3, today=...)` mixes the kinds of action: a dormant tie worth reviving,
# a follow-up after a first meeting or an unanswered message, someone from the
# want-to-know list through the warmest path, a thank-you owed. Where you have asked
# someone more than you have given, the action is **give first**. Each row has its
# reason and a short draft drawn from the data, offering three times next week.

# %%
review = store.week(today="2026-01-09")
review[["name", "action", "why"]]

# %%
for r in review.itertuples():
    print(f"To {r.name} ({r.action}):\n  {r.message}\n")

# %% [markdown]
# The proposed times can go into your calendar as tentative holds (`netgraph week --ics
# FILE` on the command line):

# %%
print("\n".join(to_ics(review, stamp="2026-01-09").splitlines()[:14]))

# %% [markdown]
# ## Twelve Fridays
#
# Each simulated Friday we look at the review and act on it as a busy person would:
# write to about three in four of the people suggested (`store.log`), skip some and
# snooze others; about half of the people written to reply within a week. In week six a
# fresh export arrives in which one contact has changed company. The list moves on
# because of what was done: whom you wrote to leaves it, a message without a reply
# comes back as a follow-up, the snoozed return a month later.

# %%
rng = np.random.default_rng(12)
kinds = {"thank": "thanks", "give first": "give", "ask for an introduction": "message"}
fridays = pd.date_range("2026-01-09", periods=12, freq="7D")
weeks = []
for n, friday in enumerate(fridays, start=1):
    if n == 3:  # a favour received: Ewa Nowak introduced you to someone
        store.log(
            "Ewa Nowak",
            kind="give",
            by="them",
            date=friday - pd.Timedelta(days=4),
            note="the introduction to the Helix data team",
        )
    if n == 6:  # next export: Priya Shah moved company
        people = store.network.people.reset_index()
        people.loc[people["id"] == "priya-shah", "company"] = "Globex Bank"
        store.add(netgraph.Network.from_frames(people, ego="me"), date=friday)
    review = store.week(today=friday)
    weeks.append(review.assign(week=n))
    for r in review.itertuples():
        roll = rng.random()
        if roll < 0.75:
            to = r.via if r.action in ("ask for an introduction",) and r.via else r.person
            store.log(to, kind=kinds.get(r.action, "message"), date=friday)
            if rng.random() < 0.5:
                store.log(to, kind="reply", date=friday + pd.Timedelta(days=3))
        elif roll < 0.85:
            store.skip(r.person, date=friday)
        else:
            store.snooze(r.person, weeks=4, date=friday)
suggested = pd.concat(weeks, ignore_index=True)
suggested.groupby("week")["name"].apply(", ".join)

# %% [markdown]
# What kinds of action the twelve weeks mixed:

# %%
suggested["action"].value_counts()

# %% [markdown]
# Priya Shah's new company from week six shows in the draft the next time she is
# suggested (the store keeps the history of every changed field):

# %%
print(store.field_history("Priya Shah")[["field", "old", "new", "date"]])
priya = suggested[suggested["person"] == "priya-shah"]
for r in priya.itertuples():
    print(f"week {r.week}: {r.message}")

# %% [markdown]
# ## Follow-through you can see
#
# `store.history()` shows what was suggested and what became of it, with a one-line
# summary of the last four weeks. `store.report(folder)` adds the same to the HTML
# report.

# %%
history = store.history(today=fridays[-1])
print(history.attrs["summary"])
history.tail(8)[["week", "name", "action", "written", "replied", "decision"]]

# %%
per_week = history.groupby(history["week"].dt.strftime("%d %b"), sort=False).agg(
    suggested=("person", "size"),
    written=("written", "count"),
    replied=("replied", "count"),
)
ax = per_week.plot.bar(figsize=(9, 3.5), rot=0, color=["#bbbbbb", "#4c72b0", "#55a868"])
ax.set_xlabel("week of")
ax.set_ylabel("people")
ax.set_title("Twelve Fridays: suggested, written to, replied")
# %% [markdown]
# Nothing is lost: every import and every log is one SQLite transaction, several
# processes can log at once, and a file that is damaged or was written by a newer
# netgraph is refused and left as it is. From the command line the same habit is
# `netgraph import Connections.csv`, `netgraph log "Priya Shah" --kind message`,
# `netgraph week --ics week.ics` and `netgraph history`.

# %%
store.close()
