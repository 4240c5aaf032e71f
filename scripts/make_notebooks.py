"""Write the tutorial notebooks in ``notebooks/`` from the cells listed here.

The notebooks are generated so that they are easy to review (this file is plain Python) and
stay in step with the library: edit the cells below, then run ``python scripts/make_notebooks.py``.
``--check`` writes nothing and exits with status 1 if a notebook on disk differs from what this
script would write (``tests/test_notebooks.py`` runs the same comparison). The notebooks are
written without outputs and with stable cell ids, so the same script gives the same bytes.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

__all__ = ["NOTEBOOKS", "build", "main", "render"]

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "notebooks"


def md(text: str) -> tuple[str, str]:
    """A markdown cell."""
    return "markdown", textwrap.dedent(text).strip()


def py(text: str) -> tuple[str, str]:
    """A code cell."""
    return "code", textwrap.dedent(text).strip()


QUICKSTART = [
    md(
        """
        # Quickstart: is your network closed or open?

        netgraph models the people you know as a weighted graph and answers two questions:
        **is your network closed** (dense clusters of people who all know each other, who
        mostly know what you know) **or open** (weak ties and bridges across *structural
        holes*, where new information and opportunities come from), and **what should you do
        next** (whom to ask for an introduction, whom to introduce, whom to get back in touch
        with).

        This notebook runs every step on the bundled sample: the synthetic network of Alex
        Morgan (id `"me"`), a lead data scientist in London with about 275 contacts in seven
        circles (current and former employers, university, a meetup, the neighbourhood, a
        mentoring programme, family and friends) and three years of dated interactions. Run
        it top to bottom; notebook 02 shows how to load your own contacts instead.
        """
    ),
    py(
        """
        import matplotlib.pyplot as plt
        import pandas as pd

        import netgraph

        pd.set_option("display.max_colwidth", 120)

        net = netgraph.sample()
        net
        """
    ),
    md(
        """
        ## The tables

        A `Network` holds three tables. **people**: one row per person, indexed by id, with
        free attributes (company, school, city, tags, ...).
        """
    ),
    py("net.people.head()"),
    md(
        """
        **interactions**: dated events, `source` being who started it. `kind` is `give` (you
        gave something: advice, an introduction, a referral), `ask` (you asked for something)
        or anything else, such as `meeting` or `message`.
        """
    ),
    py("net.interactions.tail()"),
    md(
        """
        **ties**: one row per pair of people who know each other. netgraph turns the stated
        ties and the interactions into a *tie strength* between 0 and 1 from five components:
        how often you are in touch (`frequency`), how recently (`recency`), for how long
        (`duration`), whether it goes both ways (`reciprocity`) and over how many channels
        and kinds of relationship (`multiplexity`). Alex's strongest ties:
        """
    ),
    py(
        """
        mine = net.ties.query("source == 'me' or target == 'me'")
        columns = ["kind", "n_interactions", "last_contact", "recency", "reciprocity", "strength"]
        mine.sort_values("strength", ascending=False)[columns].head()
        """
    ),
    md(
        """
        ## Closed or open?

        `closure()` summarises the ego network, the people Alex knows and the ties among
        them: `density` (the share of pairs of contacts who know each other), Burt's
        `constraint` (high when your contacts all know each other, so that they lean on you
        together) and `effective_size` (the number of non-redundant contacts), the shares of
        `weak` and `dormant` ties, the number of communities reached and the E-I index (from
        -1, every tie inside your own community, to +1, every tie outside it). The `verdict`
        is *closed*, *mixed* or *open*, with the `reasons`.
        """
    ),
    py(
        """
        verdict = net.closure()
        verdict.T
        """
    ),
    py('print(verdict["reasons"].iloc[0])'),
    md(
        """
        **What it means.** Alex's contacts rarely know each other: Alex sits across several
        circles that are closed inside but not tied to each other. That position is worth a
        lot (Burt: brokers hear about more, and earlier) but it is fragile, since each
        bridge is a single tie, often a weak or a dormant one.

        **What to do.** In an open network, keep the bridges alive (reconnect) and give
        before you ask (introduce people from different circles). In a closed network, ask
        the few people who reach outside it for introductions.
        """
    ),
    md(
        """
        ## Structural holes: who are the brokers?

        For each person, `structural_holes()` gives Burt's `constraint` (low is good: the
        contacts do not all know each other), `effective_size` (contacts minus redundancy),
        `efficiency` (effective size per contact) and `hierarchy` (how much the constraint
        comes from one contact). The least constrained people, Alex aside, are the brokers of
        this network:
        """
    ),
    py(
        """
        holes = net.structural_holes()
        brokers = holes.drop(index="me").sort_values("constraint").head(8)
        brokers.join(net.people[["name", "company", "tags"]])
        """
    ),
    md(
        """
        Their contacts do not all know each other. Some of them bridge two or three of Alex's
        circles (their `tags` name several circles); others join several groups inside one
        circle. They are the people to ask for an introduction outside a circle (notebook 04),
        and worth keeping close. Burt's scatter shows everyone: brokers sit at the bottom
        right (large effective size, low constraint), people inside one closed group at the
        top left.
        """
    ),
    py(
        """
        fig, ax = plt.subplots(figsize=(7, 5))
        net.plot.brokerage(ax=ax);
        """
    ),
    md(
        """
        ## Weak ties

        `weak_ties()` describes every tie: its `strength`, its `overlap` (the share of the two
        people's contacts they have in common, Onnela et al.'s measure: low overlap means the
        tie reaches people the other side does not), `embeddedness` (contacts in common),
        whether it is a `bridge` or a `local_bridge` (no contact in common), its `span` (how
        far apart the two would be without it) and its `kind`: *strong*, *weak*, or *dormant*
        (no contact for a year).
        """
    ),
    py(
        """
        ties = net.weak_ties()
        print(ties["kind"].value_counts().to_string())
        print(ties.attrs["thresholds"])
        """
    ),
    md(
        """
        Granovetter's point: new information comes through weak ties, because they reach
        circles your strong ties do not. Alex's weak and dormant ties with the lowest overlap
        are the ones that reach furthest:
        """
    ),
    py(
        """
        own = ties.reset_index().query("source == 'me' or target == 'me'")
        own = own.assign(contact=own["source"].where(own["target"] == "me", own["target"]))
        own = own.join(net.people[["name", "company"]], on="contact")
        columns = ["name", "company", "kind", "strength", "overlap", "last_contact"]
        own[own["kind"] != "strong"].sort_values("overlap")[columns].head(8)
        """
    ),
    py(
        """
        fig, ax = plt.subplots(figsize=(7, 4))
        net.plot.strength_distribution(ax=ax);
        """
    ),
    md(
        """
        **What to do.** A dormant tie with low overlap is a door into another circle that has
        been left shut; reviving it costs one message, and Levin, Walter and Murnighan found
        that advice from reconnected dormant ties is as useful as from current ties, and more
        novel. `reconnect()` below turns this into a short weekly list.
        """
    ),
    md(
        """
        ## Communities

        `communities()` finds the groups of people more tied to each other than to the rest
        (seeded Leiden on tie strength, so the result is the same every run). In the sample
        they recover Alex's circles (the first tag of each person):
        """
    ),
    py(
        """
        found = net.communities()
        n, q = found.attrs["communities"], found.attrs["modularity"]
        print(f"{n} communities, modularity {q:.2f}")
        circle = net.people["tags"].str.split(";").str[0]
        pd.crosstab(found["community"], circle)
        """
    ),
    md(
        """
        The ego map draws Alex in the centre and the contacts around, one arc per community:
        the thin lines are ties among contacts, dense inside each arc and rare between them.
        """
    ),
    py(
        """
        fig, ax = plt.subplots(figsize=(8, 8))
        net.plot.ego_map(ax=ax);
        """
    ),
    md(
        """
        ## Recommendations

        **Introductions to ask for**: people two steps away, the contact to ask, and why
        knowing them would open the network (notebook 04 explains the evidence columns).
        """
    ),
    py(
        """
        intros = net.introductions(k=5)
        for reason in intros["reason"]:
            print("-", reason)
        """
    ),
    md(
        """
        **Introductions to make**: pairs of your contacts from different circles who would
        both gain from knowing each other. Making them is the giving that makes asking easy.
        """
    ),
    py(
        """
        for reason in net.introductions_to_make(k=3)["reason"]:
            print("-", reason)
        """
    ),
    md(
        """
        **Reconnect**: this week's three dormant or fading ties most worth a message, with the
        reason for each; the list rotates from week to week (notebook 03).
        """
    ),
    py(
        """
        this_week = net.reconnect(k=3)
        for reason in this_week["reason"]:
            print("-", reason)
        """
    ),
    md(
        """
        **Ledger**: gives and asks per relationship, against the rule of thumb of several
        gives for each ask (seven by default). `one_sided` flags a relationship where one
        side keeps asking and gives little back; the table is sorted by `balance`, your gives
        minus seven times your asks, so the relationships you have overdrawn come first, and
        the `reason` says who asked whom. Where it is you, the next thing to do is give (an
        introduction, a referral, your time) before asking again.
        """
    ),
    py(
        """
        ledger = net.ledger()
        one_sided = ledger[ledger["one_sided"]]
        print(f"{len(one_sided)} one-sided relationships out of {len(ledger)}")
        one_sided[["gives_to", "asks_of", "gives_from", "asks_from", "balance", "reason"]].head()
        """
    ),
    md(
        """
        ## See it

        `net.show()` draws the network inline: colour is the community, size the effective
        size, width the tie strength; weak ties are thin and dormant ties dashed grey. Hover a
        person or a tie for the details, drag to move, scroll to zoom. The page is
        self-contained (nothing is loaded from the internet); `net.to_html("my-network.html")`
        saves it to a file to open in a browser.
        """
    ),
    py("net.show()"),
    md(
        """
        ## Next

        - `02_your_own_network.ipynb`: load your LinkedIn export, address book and meetings.
        - `03_weekly_reconnect.ipynb`: the weekly reconnect habit.
        - `04_introductions.ipynb`: introductions to ask for and to make, paths to a company.
        - `05_organisation.ipynb`: organisational network analysis of an e-mail network.
        """
    ),
]


YOUR_OWN = [
    md(
        """
        # Your own network: LinkedIn, address book and meetings

        Your network is spread over several exports. This notebook reads three of them from
        `data/` and merges them into one network, where the same person found in two sources
        is one person:

        - `Connections.csv`, your LinkedIn connections. On LinkedIn: *Settings > Data privacy >
          Get a copy of your data > Connections*, then unzip the archive it sends.
        - `contacts.vcf`, your address book as vCards. Google Contacts: *Export > vCard*;
          Apple Contacts: *File > Export > Export vCard*; Outlook: save the contacts as `.vcf`.
        - `meetings.csv`, who you met and when: your own log, or a calendar export reshaped to
          its five columns.

        The example files are made up; replace the paths with your own files.
        """
    ),
    py(
        """
        from pathlib import Path

        import pandas as pd

        import netgraph

        pd.set_option("display.max_colwidth", 120)
        DATA = Path("data")
        """
    ),
    md(
        """
        ## LinkedIn connections

        LinkedIn's export starts with a `Notes:` line and a quoted note about missing e-mail
        addresses, then a blank line, then the header. `read_linkedin` finds the header
        wherever it is:
        """
    ),
    py('print((DATA / "Connections.csv").read_text(encoding="utf-8")[:700])'),
    py(
        """
        linkedin = netgraph.read_linkedin(DATA / "Connections.csv")
        linkedin
        """
    ),
    py('linkedin.people[["name", "company", "role", "email", "url", "connected_on"]]'),
    md(
        """
        You are the ego, `"me"`, tied to every connection. A connection's id is the end of
        their profile URL, which stays the same from one export to the next. Most e-mail
        addresses are missing: LinkedIn only exports those of members who allow it.
        """
    ),
    md(
        """
        ## Address book

        `read_vcard` reads vCard 3.0 and 4.0 (`.vcf`) files. A contact's id is their e-mail
        address, lower-cased, or their name when they have none (Kai below).
        """
    ),
    py(
        """
        book = netgraph.read_vcard(DATA / "contacts.vcf")
        book.people[["name", "company", "role", "email", "url", "tags"]]
        """
    ),
    md(
        """
        ## Meetings

        The meetings log has one row per interaction: `source` (who started it), `target`,
        `date`, `channel` and `kind`. You are `me`; other people are named by e-mail address,
        the id the address book gives them, so the rows attach to the right people. A meeting
        of several people is one row per pair of attendees, which also records who among your
        contacts know each other. `kind` is `give` or `ask` for favours, which the ledger
        counts.
        """
    ),
    py(
        """
        print("\\n".join((DATA / "meetings.csv").read_text(encoding="utf-8").splitlines()[:6]))
        meetings = netgraph.read_csv(interactions=DATA / "meetings.csv", ego="me")
        meetings
        """
    ),
    md(
        """
        ## One network

        `merge` combines two networks of the same ego. A person in the second whose e-mail
        address (ignoring case) or profile URL (ignoring `https://`, `www.` and a trailing
        `/`) matches someone in the first *is* that person: they keep the first network's id,
        its values win, and the gaps are filled from the second.
        """
    ),
    py(
        """
        net = book.merge(linkedin).merge(meetings)
        print(f"address book: {len(book.people) - 1} contacts")
        print(f"LinkedIn:     {len(linkedin.people) - 1} connections")
        print(f"merged:       {len(net.people) - 1} people")
        net
        """
    ),
    md(
        """
        Six people are in both the address book and LinkedIn. Priya, Aisha and Helen were
        matched by e-mail (LinkedIn exported their addresses; Priya's in other capitals);
        Tom, Hana and Sofia by profile URL, which their cards hold (Tom's with a trailing
        `/`, Hana's without `www.`). Each row now has the address book's tags and e-mail
        address and LinkedIn's role and connection date:
        """
    ),
    py(
        """
        people = net.people
        in_both = people["tags"].notna() & people["connected_on"].notna()
        people.loc[in_both, ["name", "email", "url", "tags", "role", "connected_on"]]
        """
    ),
    md(
        """
        Their two ties to you became one: Tom is an address-book contact (the first source)
        connected on LinkedIn since 2 March 2023 (from the second).
        """
    ),
    py("net.stated_ties.query(\"target == 'tom.becker@fennel.example'\")"),
    md(
        """
        Nadia is only in the meetings log: she is a new person whose id is her e-mail address,
        with no name until a later export (or a card in your address book) supplies one.
        """
    ),
    py('people.loc[["nadia.rahman@lumen.example"], ["name", "email"]]'),
    md(
        """
        ## What it says

        The same analyses as in the quickstart now run on your network: whether it is closed
        or open, whom to get back in touch with this week, and where gives and asks are out
        of balance.
        """
    ),
    py('print(net.closure()["reasons"].iloc[0])'),
    py(
        """
        for reason in net.reconnect(k=3)["reason"]:
            print("-", reason)
        """
    ),
    py(
        """
        ledger = net.ledger()
        ledger[ledger["gives_to"] + ledger["asks_of"] + ledger["gives_from"] > 0][
            ["gives_to", "asks_of", "gives_from", "asks_from", "reason"]
        ]
        """
    ),
    py("net.show()"),
    md(
        """
        ## When a file is wrong

        A file netgraph cannot use raises `netgraph.InputError`, whose message names the file,
        the line and the column, and says how to fix it. Here one date of the meetings log is
        written the way a US calendar writes it, `07/02/2024`, which could be 7 February or
        2 July:
        """
    ),
    py(
        """
        import io

        text = (DATA / "meetings.csv").read_text(encoding="utf-8")
        edited = io.StringIO(text.replace("2024-07-02", "07/02/2024"))
        edited.name = "meetings.csv"
        try:
            netgraph.read_csv(interactions=edited, ego="me")
        except netgraph.InputError as err:
            print(err)
            print()
            print("file:", err.file, "| line:", err.row, "| column:", err.column)
            print("fix: ", err.fix)
        """
    ),
    md("Passing the wrong file says so too:"),
    py(
        """
        try:
            netgraph.read_linkedin(DATA / "meetings.csv")
        except netgraph.InputError as err:
            print(err)
        """
    ),
    md(
        """
        `InputError` is a `ValueError`, and every error netgraph raises on purpose is a
        `netgraph.NetgraphError`, so `except netgraph.NetgraphError` catches them all.

        ## Keep it

        `to_csv` writes the merged network to a folder (`people.csv`, `ties.csv`,
        `interactions.csv` and `netgraph.json`) that `netgraph.read_csv(folder)` reads back.
        Here it goes to a temporary folder; use a folder of your own, such as
        `net.to_csv("my-network")`.
        """
    ),
    py(
        """
        import tempfile

        folder = net.to_csv(Path(tempfile.mkdtemp()) / "my-network")
        print(sorted(path.name for path in folder.iterdir()))
        netgraph.read_csv(folder)
        """
    ),
]


WEEKLY = [
    md(
        """
        # The weekly reconnect

        Dormant ties are an underused resource: people you have not spoken to for a long time
        still trust you, and they know things your current contacts do not. The habit this
        notebook sets up: **every Monday, look at three names, send three messages, and log
        them.** It runs on the bundled sample, whose data end on 31 December 2025.
        """
    ),
    py(
        """
        import matplotlib.pyplot as plt
        import pandas as pd

        import netgraph
        from netgraph.view.plots import interaction_timeline

        pd.set_option("display.max_colwidth", 200)

        net = netgraph.sample()
        names = net.people["name"]
        print("data up to", net.reference_date.date())
        """
    ),
    md(
        """
        ## This week's list

        `reconnect(k=3, today=...)` lists the ties that are overdue: silent for longer than
        their own usual rhythm (`usual_interval_days`, three months when there is no rhythm
        yet) and for at least 30 days. Each is scored by how overdue it is and by its
        `value`: one point, plus a point each for being a `bridge` into a community you
        barely reach, for a low `overlap` with your other contacts (a non-redundant contact)
        and for being `once_strong`.
        """
    ),
    py('net.reconnect(k=3, today="2026-01-05")'),
    md(
        """
        ## Four Mondays in a row

        The list rotates. The ties overdue at the date of your data are ranked by score and
        cut into slices of three; each calendar week shows the next slice, and once everyone
        has been shown it starts round again. So you do not see the same three names every
        Monday, even when you reload a fresh export each week, and one date always gives the
        same list. `net.reconnect(k=1000)` shows the whole ranking.
        """
    ),
    py(
        """
        mondays = pd.date_range("2026-01-05", periods=4, freq="W-MON")
        weeks = {monday.date(): net.reconnect(k=3, today=monday) for monday in mondays}
        for monday, week in weeks.items():
            print(monday, "|", ", ".join(week["person"].map(names)))

        shown = pd.concat(weeks.values())["person"]
        print(f"\\n{shown.nunique()} different people in {len(shown)} slots over four weeks")
        """
    ),
    md(
        """
        Every suggestion comes with its reason: how long it has been against the usual rhythm,
        which community the person connects you to, how many of your contacts they know and
        whether the tie was once close.
        """
    ),
    py(
        """
        for reason in weeks[mondays[0].date()]["reason"]:
            print("-", reason)
        """
    ),
    md(
        """
        ## The habit: message, log, repeat

        After sending the messages, log them: here as rows added to the interactions, in
        practice as lines in your meetings file (or a fresh calendar export) that you reload
        each Monday. The people you wrote to then leave the list by themselves, since their
        last contact moves, and the list moves on to the next most overdue.
        """
    ),
    py(
        """
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
        """
    ),
    md(
        """
        ## The long-lost list

        With `dormant_after=365` only ties silent for a year or more qualify, whatever their
        usual rhythm: the dormant ties of Levin, Walter and Murnighan's study, whose advice
        was as useful as current contacts' and more novel. The six most worth reviving:
        """
    ),
    py(
        """
        long_lost = net.reconnect(k=6, today=mondays[0], dormant_after=365)
        long_lost.assign(name=long_lost["person"].map(names))[
            ["name", "last_contact", "days_since", "value", "bridge", "overlap", "once_strong"]
        ]
        """
    ),
    md(
        """
        ## The timeline

        One row per contact, one dot per interaction; shaded bands mark dormant stretches
        (more than a year without contact). First, for comparison, Alex's fifteen most
        frequent contacts, in touch all along:
        """
    ),
    py(
        """
        fig, ax = plt.subplots(figsize=(10, 6))
        net.plot.interaction_timeline(ax=ax, top=15);
        """
    ),
    md(
        """
        Then the people the four Mondays suggested, up to the last Monday. A shaded band is a
        tie gone dormant, more than a year without contact; a row without one is a tie that is
        overdue by its own rhythm, fading rather than dormant.
        """
    ),
    py(
        """
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
        );
        """
    ),
]


INTRODUCTIONS = [
    md(
        """
        # Introductions: to ask for and to make

        An introduction is the cheapest way to open a network: a tie to someone two steps away
        who reaches a circle you do not. This notebook covers the introductions to ask for,
        the ones to make for others (giving before asking), warm paths to a company, and the
        map with the suggestions drawn in. It uses the bundled sample.
        """
    ),
    py(
        """
        import pandas as pd

        import netgraph

        pd.set_option("display.max_colwidth", 200)

        net = netgraph.sample()
        names = net.people["name"]
        """
    ),
    md(
        """
        ## Introductions to ask for

        Candidates are the people two steps away: not contacts yet, but known to at least one
        of your contacts (the *connector*). Each candidate gets one row, through the best
        connector.
        """
    ),
    py(
        """
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
        """
    ),
    md(
        """
        What the evidence columns mean:

        - **`gain_effective_size`**: how much your effective size (your non-redundant contacts)
          grows with this person added, computed with the new tie in place. About 1 means
          they would be a wholly new contact; less means they know people you already know.
        - **`constraint_before`**, **`constraint_after`**: Burt's constraint on you now and
          with the new tie. Lower is more open. With 120-odd unconnected contacts one tie
          moves it little; in a small closed network the drop is large.
        - **`new_community`**: whether the candidate is in a community you have few ties into.
          Such introductions count half as much again, since they are what opens a network.
        - **`via_strength`**: your tie to the connector. A closer connector is easier to ask.
        - **`via_candidate_strength`**: the connector's tie to the candidate. Moderately weak
          ties (about 0.35) carry the most novel contacts (Rajkumar et al., 2022).
        - **`mutual_contacts`**: how many of your contacts know the candidate: more people who
          can vouch for you, and a warmer introduction.
        - **`feasibility`**: how likely the introduction is to happen, from the two strengths and
          the mutual contacts (halved when you asked the connector for something in the last
          90 days). **`value`** is what it adds; **`score`** = value × feasibility.

        No connector is named for more than a third of the list, so you do not lean on one
        person for everything:
        """
    ),
    py('intros["via"].map(names).value_counts()'),
    md("The `reason` column says all this in a sentence, ready to act on:"),
    py(
        """
        for reason in intros["reason"].head(3):
            print("-", reason)
        """
    ),
    md(
        """
        `by="company"` judges novelty by company instead of community: `new_community` is then
        True for someone at a company you have few contacts in.
        """
    ),
    py(
        """
        by_company = net.introductions(k=5, by="company")
        by_company.assign(person=by_company["person"].map(names), via=by_company["via"].map(names))[
            ["person", "via", "community", "new_community", "score"]
        ]
        """
    ),
    md(
        """
        ## Introductions to make: give before you ask

        Introducing two of your contacts who do not know each other costs you little and helps
        both, and it is what makes your own asks welcome. `introductions_to_make` proposes
        pairs from different communities who share no contacts besides you; `gain_a` and
        `gain_b` are how much each one's effective size would grow, `a_strength` and
        `b_strength` your ties to them.
        """
    ),
    py(
        """
        make = net.introductions_to_make(k=6)
        make.assign(a=make["a"].map(names), b=make["b"].map(names))[
            ["a", "b", "a_community", "b_community", "gain_a", "gain_b", "a_strength", "b_strength"]
        ].round(3)
        """
    ),
    py(
        """
        for reason in make["reason"].head(3):
            print("-", reason)
        """
    ),
    md(
        """
        The ledger says where giving is overdue: the people Alex asked at least twice and
        never gave anything back. An introduction for one of them is a good place to start.
        """
    ),
    py(
        """
        ledger = net.ledger()
        owed = ledger[(ledger["asks_of"] >= 2) & (ledger["gives_to"] == 0)]
        owed = owed.assign(name=owed.index.map(names))
        owed[["name", "asks_of", "gives_to", "gives_from"]].head()
        """
    ),
    md(
        """
        ## Warm paths to a company

        `paths_to(company=...)` finds the warmest chain of introductions to people at a
        company (any attribute works: `role=`, `city=`, several at once). A path's `score` is
        the product of the tie strengths along it, so a short chain of strong ties beats a long
        one; `ask_first` is the contact to ask. Alex knows nobody at Kestrel Insurance:
        """
    ),
    py(
        """
        paths = net.paths_to(company="Kestrel Insurance")
        paths.assign(target=paths["target"].map(names), ask_first=paths["ask_first"].map(names))[
            ["target", "hops", "score", "ask_first", "strengths"]
        ]
        """
    ),
    py(
        """
        for reason in paths["reason"].head(3):
            print("-", reason)
        """
    ),
    md(
        """
        ## On the map

        `overlay=` draws suggested ties as dashed magenta lines on the interactive view;
        hovering one shows its columns (here the connector and the reason). A table with a
        `person` column draws ties from you; one with `a` and `b` columns draws ties between
        the two. `physics=False` lays the network out in Python, so it is drawn at once
        instead of settling in the browser. `net.to_html("introductions.html", overlay=...)`
        writes the same page to a file.
        """
    ),
    py(
        """
        net.show(
            overlay=intros[["person", "via", "reason"]],
            title="Introductions to ask for",
            physics=False,
        )
        """
    ),
    py(
        """
        net.show(
            overlay=make[["a", "b", "reason"]],
            focus="me",
            title="Introductions to make",
            physics=False,
        )
        """
    ),
]


ORGANISATION = [
    md(
        """
        # Organisational network analysis: e-mail at a research institution

        The same measures apply to a whole organisation, with no ego: where are the silos, who
        brokers between departments, do the informal groups follow the org chart, and which
        bridges are missing. The data are SNAP's *email-Eu-core*: 1,005 people at a European
        research institution, who wrote to whom, and each person's department (42 of them,
        anonymised). Yin, Benson, Leskovec and Gleich, KDD 2017.

        **The data.** `load_email_eu_core()` looks for the two SNAP files
        (`email-Eu-core.txt`, `email-Eu-core-department-labels.txt`) in `path=`, then in the
        folder named by the `NETGRAPH_DATA` environment variable, then in `~/.cache/netgraph`;
        only if they are in none of these does it download them (about 200 kB, checksum
        verified) and keep them in the cache.
        """
    ),
    py(
        """
        import matplotlib.pyplot as plt
        import pandas as pd

        from netgraph.analysis.affinity import group_mixing
        from netgraph.datasets import load_email_eu_core

        net = load_email_eu_core()
        department = net.people["department"]
        net
        """
    ),
    py("department.value_counts().describe().round(1)"),
    md(
        """
        ## Silos: how inward-looking is each department?

        Network-wide first: the share of ties inside a department against what random wiring
        would give, and the assortativity (0 when departments do not matter, 1 when every tie
        is inside one).
        """
    ),
    py(
        """
        by_person = net.affinity("department")
        overall = pd.Series(by_person.attrs["network"])
        shares = ["same_group_share", "expected_same_group_share", "ei_index", "expected_ei_index"]
        overall[[*shares, "assortativity"]].round(3)
        """
    ),
    md(
        """
        Per department, `group_mixing` counts `internal` and `external` ties and the E-I index
        (E − I) / (E + I): −1 when every tie stays inside, +1 when every tie goes out.
        `expected_ei_index` is what random wiring would give a department of that size, so
        the gap between the two is how much more inward-looking it is than chance. The most
        inward-looking departments of ten people or more:
        """
    ),
    py(
        """
        mixing = group_mixing(net.graph, "department")
        mixing["gap"] = mixing["ei_index"] - mixing["expected_ei_index"]
        silos = mixing[mixing["size"] >= 10].sort_values("gap")
        silos.head(8).round(3)
        """
    ),
    py(
        """
        top = silos.head(15).iloc[::-1]
        fig, ax = plt.subplots(figsize=(7, 6))
        ax.barh(top.index, top["expected_ei_index"], color="lightgrey", label="expected by chance")
        ax.barh(top.index, top["ei_index"], height=0.5, color="tab:blue", label="observed")
        ax.axvline(0, color="black", linewidth=0.8)
        ax.set_xlabel("E-I index (-1: all ties inside, +1: all outside)")
        ax.set_title("The most inward-looking departments")
        ax.legend(loc="lower left");
        """
    ),
    md(
        """
        **What it means.** Every department of ten people or more is far more inward-looking
        than chance, which is normal: people work with their team. The ones at the top, whose
        E-I index is near or below 0, are silos: as much e-mail stays inside as goes out. They
        are the first places to look for duplicated work and for news that does not travel.
        """
    ),
    md(
        """
        ## Brokers between departments

        Gould and Fernandez's brokerage roles count, for each person, the two-step paths
        A → B → C through them where A and C are not tied, by the departments involved:
        *coordinator* (all three in one department), *gatekeeper* and *representative*
        (controlling the way into or out of the broker's department), *itinerant* (A and C in
        one department, the broker outside it) and *liaison* (three different departments).
        Liaisons are the people who connect the organisation across departments.
        """
    ),
    py(
        """
        roles = net.brokerage("department")
        holes = net.structural_holes()
        brokers = roles.join(holes[["constraint", "effective_size"]])
        brokers.sort_values("liaison", ascending=False).head(8).round(3)
        """
    ),
    md(
        """
        Raw counts favour people with many contacts. With `normalize=True` each count is
        divided by the count expected if people had been put into departments at random
        (given the person's number of open two-paths and the department sizes): above 1 is
        more of that role than chance. With 42 departments nearly every random two-path would
        be a liaison path, so liaison ratios stay at or below 1; the telling ratios are
        `gatekeeper` (e-mail from outside passed into the person's department) and
        `representative` (from the department passed outside): the doors of a department.
        Among the people with at least 1,000 open two-paths:
        """
    ),
    py(
        """
        normalised = net.brokerage("department", normalize=True)
        busy = normalised[normalised["total"] >= 1000]
        busy.sort_values("gatekeeper", ascending=False).head(6).round(1)
        """
    ),
    md(
        """
        Burt's scatter: the bottom right holds the people with many non-redundant contacts and
        low constraint, the structural-hole spanners; check them against the liaison list.
        """
    ),
    py(
        """
        fig, ax = plt.subplots(figsize=(7, 5))
        net.plot.brokerage(ax=ax, label_top=3);
        """
    ),
    md(
        """
        **What to do.** These people carry a large share of the cross-department flow. Losing
        one (to another job, or to overload) cuts paths between departments; lean on them for
        cross-team projects, recognise the work, and make sure no pair of departments depends
        on one person alone.
        """
    ),
    md(
        """
        ## Communities against departments

        `communities()` finds the groups that actually write to each other. Where a community
        is mostly one department, the org chart matches how people work; where it mixes many,
        the informal organisation cuts across the formal one.
        """
    ),
    py(
        """
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
        """
    ),
    md(
        """
        Read it row by row: a high `main_share` is a community that is essentially one
        department; a large community spread over many `departments` is a cross-cutting
        group (a shared service, a central unit, or people on joint projects).
        """
    ),
    md(
        """
        ## Bridges the organisation lacks

        With no ego, `introductions_to_make()` looks for pairs of communities tied far less
        than their sizes and activity would predict (`ties_between` against
        `expected_ties`), and proposes for each a pair of well-connected members, one on each
        side, who are not yet in touch.
        """
    ),
    py(
        """
        bridges = net.introductions_to_make(k=8)
        bridges = bridges.assign(
            a_department=department.reindex(bridges["a"]).to_numpy(),
            b_department=department.reindex(bridges["b"]).to_numpy(),
        )
        pairs = ["a", "b", "a_department", "b_department", "a_community", "b_community"]
        bridges[[*pairs, "ties_between", "expected_ties", "score"]].round(1)
        """
    ),
    py(
        """
        for reason in bridges["reason"].head(3):
            print("-", reason)
        """
    ),
    md(
        """
        ## The view

        The top liaison's contacts, coloured by department (the eleven largest; the rest are
        "other"), sized by effective size, laid out in Python (`physics=False`). The whole
        organisation works too (`net.show(color_by="department")`), but 1,005 people take a
        while to settle in the browser.
        """
    ),
    py(
        """
        top_broker = brokers["liaison"].idxmax()
        title = f"Person {top_broker} and their contacts"
        net.show(focus=top_broker, color_by="department", title=title, physics=False)
        """
    ),
]


BEFORE_A_MEETING = [
    md(
        """
        # Before a meeting and toward a goal

        Networking well is mostly preparation: before meeting someone, know their background
        and your history together, find the common ground, bring something to offer, and leave
        with two or three more people to talk to. And it starts from a goal: whom do I know
        there, who could introduce me, whom do I still need to know?

        This notebook runs each step on the bundled sample (Alex Morgan, id `"me"`):

        1. `net.brief(person)`: the page to read before a meeting;
        2. `net.goal(company=..., role=...)`: the strategic network toward a goal;
        3. `net.roles()`: mentors, mentees, reverse mentors, champions and allies;
        4. `net.groups()` and `net.groups_to_join()`: which groups and events are worth your
           evenings;
        5. `net.thanks_owed()`: favours you have not thanked anyone for yet.

        Every recommendation has a `reason`; each has a command too (`netgraph brief NAME`,
        `netgraph goal`, `netgraph roles`, `netgraph groups`, `netgraph thanks`).
        """
    ),
    py(
        """
        import warnings

        import pandas as pd

        import netgraph

        pd.set_option("display.max_colwidth", 120)
        net = netgraph.sample()
        net
        """
    ),
    md(
        """
        ## 1. The brief

        Alex is meeting Catherine Blake, a mentor, next week. `net.brief` takes an id, a name
        or an e-mail, and renders as a page in Jupyter (`print(brief)` gives Markdown, for
        notes or an e-mail to yourself).
        """
    ),
    py(
        """
        brief = net.brief("Catherine Blake")
        brief
        """
    ),
    md(
        """
        Each part is a DataFrame. The history says how you met, how often you are in touch and
        the gives and asks both ways; here Alex has asked far more than given, so the brief
        says to offer something first.
        """
    ),
    py(
        """
        print("\\n".join(brief.summary["history"]))
        brief.history
        """
    ),
    md(
        """
        End the meeting by asking for three more people: the contacts of Catherine's whom
        Alex does not know, ranked by how much each would open Alex's network (the value of an
        introduction: the effective size gained, more in a community Alex barely reaches).
        """
    ),
    py('brief.ask_for[["name", "value", "reason"]]'),
    md(
        """
        A misspelt name is an error that lists the nearest names:
        """
    ),
    py(
        """
        try:
            net.brief("Catherin Blake")
        except netgraph.InputError as err:
            print(err)
        """
    ),
    md(
        """
        ## 2. A goal: a CTO at Kestrel Insurance

        `net.goal` matches whole words, ignoring case, with aliases for common titles:
        `role="CTO"` finds "CTO" and "Chief Technology Officer", never "Director of Data" or
        "Doctor". It returns who you know there, warm paths (ranked by trust, the product of
        the tie strengths along the chain, and by the gain in effective size a tie to the
        target would bring), who you still need to know, and the gap in one sentence.
        """
    ),
    py(
        """
        goal = net.goal(company="Kestrel Insurance", role="CTO")
        print(goal.gap)
        goal.paths[["name", "via", "trust", "gain", "priority"]]
        """
    ),
    py("goal.missing"),
    md(
        """
        A goal out of reach says why and names the nearest bridge:
        """
    ),
    py(
        """
        far = net.goal(role="CEO", city="Berlin")
        print(far.gap)
        print(far.bridge["reason"].iloc[0])
        """
    ),
    md(
        """
        ## 3. Mentors, champions and allies

        Roles are tie kinds (`kind="mentor"` on the tie to someone) or tags on contacts. The
        sample records mentors and mentees; for the roles nobody plays, `net.roles` names two
        people who could, and why. With a target company, the champion (sponsor) should be
        there.
        """
    ),
    py(
        """
        roles = net.roles(company="Kestrel Insurance")
        roles.plays[["role", "name", "source"]]
        """
    ),
    py(
        """
        for reason in roles.missing["reason"]:
            print("-", reason)
        """
    ),
    md(
        """
        ## 4. Groups and events worth your evenings

        Groups come from the people column `groups` (large calendar events and mailing lists),
        `circles` (the groups you draw), the columns you name, and an affiliations table
        (person, group, kind, date). The sample has neither column, so its `tags` are read,
        with a warning. `net.groups()` says which groups bring new people and which only
        repeat the circles you have (a two-mode analysis, after Breiger 1974).
        """
    ),
    py(
        """
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", netgraph.NetgraphWarning)
            groups = net.groups()
        groups[["members", "you_know", "unknown", "communities", "verdict"]].head(8)
        """
    ),
    md(
        """
        Two events Alex could go to, as an affiliations table (a CSV with the same columns
        works too: `net.groups_to_join(affiliations="events.csv")`). `groups_to_join` ranks
        the groups Alex is not in by their members Alex does not know, each weighted by how
        little of their community Alex reaches.
        """
    ),
    py(
        """
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
        """
    ),
    md(
        """
        ## 5. Thank-yous owed

        Each favour received (a give, an introduction made for you) with no thanks logged
        since. With a store (notebook 03), `store.log(person, kind="thanks")` clears it.
        """
    ),
    py(
        """
        owed = net.thanks_owed()
        print(f"{len(owed)} favours not thanked yet")
        owed[["name", "date", "favour"]].head()
        """
    ),
    md(
        """
        ## Next

        - `04_introductions.ipynb`: introductions to ask for and to make, paths to a company.
        - `03_weekly_reconnect.ipynb`: the weekly habit, where the brief's history and notes
          come from.
        - The how-to guide *Before a meeting and toward a goal* in the documentation.
        """
    ),
]


NOTEBOOKS: dict[str, list[tuple[str, str]]] = {
    "01_quickstart.ipynb": QUICKSTART,
    "02_your_own_network.ipynb": YOUR_OWN,
    "03_weekly_reconnect.ipynb": WEEKLY,
    "04_introductions.ipynb": INTRODUCTIONS,
    "05_organisation.ipynb": ORGANISATION,
    "06_before_a_meeting.ipynb": BEFORE_A_MEETING,
}


def build(cells: list[tuple[str, str]]) -> nbformat.NotebookNode:
    """Make a notebook without outputs from (kind, source) pairs, with stable cell ids."""
    nb = new_notebook(
        metadata={
            "kernelspec": {
                "display_name": "Python 3 (ipykernel)",
                "language": "python",
                "name": "python3",
            },
            "language_info": {"name": "python"},
        }
    )
    for number, (kind, source) in enumerate(cells, start=1):
        make = new_markdown_cell if kind == "markdown" else new_code_cell
        nb.cells.append(make(source, id=f"cell-{number:02d}"))
    nbformat.validate(nb)
    return nb


def render(name: str) -> str:
    """The text of notebook `name` as this script writes it."""
    return nbformat.writes(build(NOTEBOOKS[name])) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write the notebooks (or, with ``--check``, compare them with the files)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="folder (default: notebooks/)")
    parser.add_argument("--check", action="store_true", help="compare only; exit 1 on a change")
    args = parser.parse_args(argv)
    stale = []
    for name in NOTEBOOKS:
        path = args.out / name
        text = render(name)
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path}")
    if stale:
        print("out of date (run python scripts/make_notebooks.py):", ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
