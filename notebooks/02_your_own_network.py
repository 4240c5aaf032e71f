# %% [markdown]
# # Your own network: LinkedIn, address book and meetings
#
# Your network is spread over several exports. This notebook reads three of them from
# `data/` and merges them into one network, where the same person found in two sources
# is one person:
#
# - `Connections.csv`, your LinkedIn connections. On LinkedIn: *Settings > Data privacy >
#   Get a copy of your data > Connections*, then unzip the archive it sends.
# - `contacts.vcf`, your address book as vCards. Google Contacts: *Export > vCard*;
#   Apple Contacts: *File > Export > Export vCard*; Outlook: save the contacts as `.vcf`.
# - `meetings.csv`, who you met and when: your own log, or a calendar export reshaped to
#   its five columns.
#
# The example files are made up; replace the paths with your own files.

# %%
from pathlib import Path

import pandas as pd

import netgraph

pd.set_option("display.max_colwidth", 120)
DATA = Path("data")

# %% [markdown]
# ## LinkedIn connections
#
# LinkedIn's export starts with a `Notes:` line and a quoted note about missing e-mail
# addresses, then a blank line, then the header. `read_linkedin` finds the header
# wherever it is:

# %%
print((DATA / "Connections.csv").read_text(encoding="utf-8")[:700])

# %%
linkedin = netgraph.read_linkedin(DATA / "Connections.csv")
linkedin

# %%
linkedin.people[["name", "company", "role", "email", "url", "connected_on"]]

# %% [markdown]
# You are the ego, `"me"`, tied to every connection. A connection's id is the end of
# their profile URL, which stays the same from one export to the next. Most e-mail
# addresses are missing: LinkedIn only exports those of members who allow it.

# %% [markdown]
# ## Address book
#
# `read_vcard` reads vCard 3.0 and 4.0 (`.vcf`) files. A contact's id is their e-mail
# address, lower-cased, or their name when they have none (Kai below).

# %%
book = netgraph.read_vcard(DATA / "contacts.vcf")
book.people[["name", "company", "role", "email", "url", "tags"]]

# %% [markdown]
# ## Meetings
#
# The meetings log has one row per interaction: `source` (who started it), `target`,
# `date`, `channel` and `kind`. You are `me`; other people are named by e-mail address,
# the id the address book gives them, so the rows attach to the right people. A meeting
# of several people is one row per pair of attendees, which also records who among your
# contacts know each other. `kind` is `give` or `ask` for favours, which the ledger
# counts.

# %%
print("\n".join((DATA / "meetings.csv").read_text(encoding="utf-8").splitlines()[:6]))
meetings = netgraph.read_csv(interactions=DATA / "meetings.csv", me="me")
meetings

# %% [markdown]
# ## One network
#
# `merge` combines two networks of the same ego. People who share an e-mail address
# (ignoring case), a profile URL (ignoring `https://`, `www.` and a trailing `/`) or a
# phone number *are* one person. They keep one id by one rule, whichever network came
# first: an id that is not an e-mail address (here the LinkedIn one), else the smallest.
# E-mail addresses, tags and groups are pooled; other values come from the id kept, with
# gaps filled from the other source. A warning counts who matched and how.

# %%
net = book.merge(linkedin).merge(meetings)
print(f"address book: {len(book.people) - 1} contacts")
print(f"LinkedIn:     {len(linkedin.people) - 1} connections")
print(f"merged:       {len(net.people) - 1} people")
net

# %% [markdown]
# Six people are in both the address book and LinkedIn. Priya, Aisha and Helen were
# matched by e-mail (LinkedIn exported their addresses; Priya's in other capitals);
# Tom, Hana and Sofia by profile URL, which their cards hold (Tom's with a trailing
# `/`, Hana's without `www.`). Each row now has the address book's tags and e-mail
# address and LinkedIn's role and connection date:

# %%
people = net.people
in_both = people["tags"].notna() & people["connected_on"].notna()
people.loc[in_both, ["name", "email", "url", "tags", "role", "connected_on"]]

# %% [markdown]
# Their two ties to you became one: Tom (now `tom-becker-88b2c1`, his LinkedIn id) is an
# address-book contact connected on LinkedIn since 2 March 2023.

# %%
net.stated_ties.query("target == 'tom-becker-88b2c1'")

# %% [markdown]
# Nadia is only in the meetings log: she is a new person whose id is her e-mail address,
# with no name until a later export (or a card in your address book) supplies one.

# %%
people.loc[["nadia.rahman@lumen.example"], ["name", "email"]]

# %% [markdown]
# ## What it says
#
# The same analyses as in the quickstart now run on your network: whether it is closed
# or open, whom to get back in touch with this week, and where gives and asks are out
# of balance.

# %%
print(net.closure()["reasons"].iloc[0])

# %%
for reason in net.reconnect(k=3)["reason"]:
    print("-", reason)

# %%
ledger = net.ledger()
ledger[ledger["gives_to"] + ledger["asks_of"] + ledger["gives_from"] > 0][
    ["gives_to", "asks_of", "gives_from", "asks_from", "reason"]
]

# %%
net.show()

# %% [markdown]
# ## When a file is wrong
#
# A file netgraph cannot use raises `netgraph.InputError`, whose message names the file,
# the line and the column, and says how to fix it. Here one date of the meetings log is
# written the way a US calendar writes it, `07/02/2024`, which could be 7 February or
# 2 July:

# %%
import io

text = (DATA / "meetings.csv").read_text(encoding="utf-8")
edited = io.StringIO(text.replace("2024-07-02", "07/02/2024"))
edited.name = "meetings.csv"
try:
    netgraph.read_csv(interactions=edited, me="me")
except netgraph.InputError as err:
    print(err)
    print()
    print("file:", err.file, "| line:", err.row, "| column:", err.column)
    print("fix: ", err.fix)

# %% [markdown]
# Passing the wrong file says so too:

# %%
try:
    netgraph.read_linkedin(DATA / "meetings.csv")
except netgraph.InputError as err:
    print(err)

# %% [markdown]
# `InputError` is a `ValueError`, and every error netgraph raises on purpose is a
# `netgraph.NetgraphError`, so `except netgraph.NetgraphError` catches them all.
#
# ## Keep it
#
# `to_csv` writes the merged network to a folder (`people.csv`, `ties.csv`,
# `interactions.csv` and `netgraph.json`) that `netgraph.read_csv(folder)` reads back.
# Here it goes to a temporary folder; use a folder of your own, such as
# `net.to_csv("my-network")`.

# %%
import tempfile

folder = net.to_csv(Path(tempfile.mkdtemp()) / "my-network")
print(sorted(path.name for path in folder.iterdir()))
netgraph.read_csv(folder)
