"""The Friday review (issue 12 point 5) and its follow-through (point 6), on a small network
built to hold one case of each kind, and on the sample."""

from __future__ import annotations

import pandas as pd
import pytest

import netgraph
from netgraph.recommend import week as week_module

FRIDAY = "2026-01-09"  # its Monday is 2026-01-05


def habit_network():
    """Me, with: Ann (dormant), Bob (met once, 2025-12-29), Cy (gave me an intro on
    2025-12-20), Dee (a stranger Eve knows), Eve (in touch weekly), Fay (asked 3 times, gave
    nothing, dormant), Gus (dormant, a colleague of Ann's)."""
    people = pd.DataFrame(
        {
            "id": ["me", "ann", "bob", "cy", "dee", "eve", "fay", "gus"],
            "name": ["Me Myself", "Ann Lee", "Bob Park", "Cy Diaz", "Dee Roy", "Eve Moss",
                     "Fay Wu", "Gus Hart"],
            "company": ["Northwind", "Acme", "Initech", "Helix", "Globex", "Globex", "Contoso",
                        "Acme"],
            "role": ["Analyst", "CTO", "Founder", "Recruiter", "Head of Data", "Engineer",
                     "Designer", "CFO"],
            "industry": ["fintech", "health", "fintech", "health", "retail", "retail", "design",
                         "health"],
        }
    )  # fmt: skip
    ties = pd.DataFrame(
        {"source": ["me"] * 6 + ["eve"], "target": ["ann", "bob", "cy", "eve", "fay", "gus", "dee"]}
    )
    rows = []
    for month in range(1, 7):
        rows.append(("me", "ann", f"2025-0{month}-10", "message"))
        rows.append(("ann", "me", f"2025-0{month}-12", "message"))
        rows.append(("me", "fay", f"2025-0{month}-15", "ask" if month <= 3 else "message"))
        rows.append(("me", "gus", f"2025-0{month}-20", "message"))
    for day in range(1, 29, 3):
        rows.append(("me", "eve", f"2025-12-{day:02d}", "message"))
    rows.append(("me", "bob", "2025-12-29", "meeting"))
    rows.append(("me", "cy", "2025-11-02", "message"))
    rows.append(("cy", "me", "2025-12-20", "give"))
    log = pd.DataFrame(rows, columns=["source", "target", "date", "kind"])
    log["note"] = ["the intro to Helix" if k == "give" else None for k in log["kind"]]
    return netgraph.Network.from_frames(people, ties, log, ego="me")


@pytest.fixture
def store(tmp_path):
    with netgraph.open(tmp_path / "habit.sqlite") as store:
        store.add(habit_network(), date="2025-12-31")
        store.tag("Dee Roy", "want to know")
        yield store


def test_every_kind_of_suggestion_with_its_reason(store):
    review = store.week(k=10, today=FRIDAY, record=False).set_index("person")
    assert review.loc["cy", "action"] == "thank"
    assert "the intro to Helix" in review.loc["cy", "why"]
    assert "thank you for the intro to Helix" in review.loc["cy", "message"]
    assert review.loc["bob", "action"] == "follow up"
    assert "for the first time" in review.loc["bob", "why"]
    assert review.loc["dee", "action"] == "ask for an introduction"
    assert review.loc["dee", "via"] == "eve" and "ask Eve Moss" in review.loc["dee", "why"]
    assert review.loc["dee", "message"].startswith("Hi Eve, I would love to meet Dee Roy")
    assert review.loc["ann", "action"] == "write"
    # Fay was asked three times and given nothing: give first
    assert review.loc["fay", "action"] == "give first"
    assert "asked Fay Wu 3 times and given nothing" in review.loc["fay", "why"]
    assert "eve" not in review.index  # in touch every few days
    assert set(review["action"]) <= set(week_module.ACTIONS)


def test_three_mix_the_kinds_and_offer_times_next_week(store):
    review = store.week(today=FRIDAY)
    assert len(review) == 3 and review["kind"].nunique() == 3
    slots = [t for times in review["times"] for t in times]
    assert len(set(slots)) == 9  # nobody is offered the same slot
    assert all(pd.Timestamp("2026-01-12") <= t < pd.Timestamp("2026-01-17") for t in slots)
    for r in review.itertuples():
        first = r.times[0]
        assert f"{first:%A} {first.day} {first:%B} at {first:%H:%M}" in r.message


def test_the_draft_draws_on_the_data(store):
    review = store.week(k=10, today=FRIDAY, record=False).set_index("person")
    assert "thank you for the intro to Helix" in review.loc["cy", "message"]
    assert "good to meet you on Monday 29 December" in review.loc["bob", "message"]
    assert "last in touch in June 2025" in review.loc["ann", "message"]
    # what Ann could be offered: someone in health she does not know, not her colleague Gus
    assert "introduction to Cy Diaz at Helix" in review.loc["ann", "message"]


def test_a_new_role_from_the_field_history_is_congratulated(store):
    moved = habit_network().people.reset_index()
    moved.loc[moved["id"] == "gus", "company"] = "Globex"
    store.add(netgraph.Network.from_frames(moved, ego="me"), date="2025-11-01")
    review = store.week(k=10, today=FRIDAY, record=False).set_index("person")
    assert "Congratulations on the move from Acme to Globex!" in review.loc["gus", "message"]


def test_the_same_week_gives_the_same_list(store):
    first = store.week(today="2026-01-06")
    again = store.week(today=FRIDAY)
    assert again[["person", "action"]].equals(first[["person", "action"]])


def test_someone_you_wrote_to_leaves_the_list(store):
    first = store.week(today="2026-01-07")
    store.log(first["person"].iloc[0], kind="thanks" if first["action"].iloc[0] == "thank"
              else "message", date="2026-01-08")  # fmt: skip
    after = store.week(today=FRIDAY)
    assert after["person"].tolist() == first["person"].tolist()[1:]
    # next week they are not due any more, and the list is full again
    later = store.week(today="2026-01-16")
    assert first["person"].iloc[0] not in set(later["person"]) and len(later) == 3


def test_skip_replaces_and_snooze_keeps_out_for_weeks(store):
    first = store.week(today=FRIDAY)
    skipped, snoozed = first["person"].iloc[0], first["person"].iloc[1]
    store.skip(skipped, date=FRIDAY)
    store.snooze(snoozed, weeks=4, date=FRIDAY)
    after = store.week(today=FRIDAY)
    assert len(after) == 3 and not {skipped, snoozed} & set(after["person"])
    shown = lambda day: set(store.week(k=10, today=day, record=False)["person"])  # noqa: E731
    assert skipped in shown("2026-01-16") and snoozed not in shown("2026-01-16")
    assert snoozed in shown("2026-02-13")


def test_a_message_with_no_reply_comes_back_as_a_follow_up(store):
    store.log("Ann Lee", kind="message", note="Coffee soon?", date="2026-01-08")
    soon = store.week(k=10, today="2026-01-16", record=False).set_index("person")
    assert "ann" not in soon.index
    later = store.week(k=10, today="2026-02-06", record=False).set_index("person")
    assert later.loc["ann", "action"] == "follow up"
    assert "have not heard back" in later.loc["ann", "why"]
    store.log("Ann Lee", kind="reply", date="2026-01-20")
    replied = store.week(k=10, today="2026-02-06", record=False)
    assert "ann" not in set(replied["person"])


def test_history_says_what_became_of_the_suggestions(store):
    first = store.week(today=FRIDAY)
    a, b = first["person"].iloc[:2]
    store.log(a, kind="message", date="2026-01-09 17:00")
    store.log(a, kind="reply", date="2026-01-12")
    store.skip(b, date=FRIDAY)
    store.week(today=FRIDAY)
    history = store.history(today="2026-01-16")
    assert history.attrs["summary"] == "1 of 4 suggested people written to in four weeks; 1 replied"
    row = history.set_index("person").loc[a]
    assert row["written"] == pd.Timestamp("2026-01-09 17:00") and pd.notna(row["replied"])
    assert history.set_index("person").loc[b, "decision"] == "skipped"


def test_the_review_runs_on_the_sample(tmp_path):
    with netgraph.open(tmp_path / "s.sqlite") as store:
        store.add(netgraph.sample())
        store.tag("priya-shah", "stay in touch")
        review = store.week(today="2026-01-09")
    assert len(review) == 3
    assert review["message"].str.startswith("Hi ").all()
    assert review["why"].str.len().gt(40).all()


def test_ics_holds_each_proposed_time(store, tmp_path):
    review = store.week(today=FRIDAY)
    text = week_module.to_ics(review, stamp=FRIDAY)
    assert text.count("BEGIN:VEVENT") == 9 and text.endswith("END:VCALENDAR\r\n")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    icalendar = pytest.importorskip("icalendar")
    calendar = icalendar.Calendar.from_ical(text)
    starts = sorted(e.decoded("dtstart") for e in calendar.walk("VEVENT"))
    assert [pd.Timestamp(s) for s in starts] == sorted(t for ts in review["times"] for t in ts)


def test_the_report_gains_a_habit_section(store, tmp_path):
    first = store.week(today=FRIDAY)
    store.log(first["person"].iloc[0], kind="message", date="2026-01-09 17:00")
    path = store.report(tmp_path / "report", progress=False)
    html = path.read_text(encoding="utf-8")
    assert "<h2>The weekly habit</h2>" in html
    assert "1 of 3 suggested people written to in four weeks; 0 replied." in html
    assert first["name"].iloc[1] in html


def test_an_introduction_asked_follows_through_and_leaves_the_list(store):
    review = store.week(k=10, today=FRIDAY).set_index("person")
    assert review.loc["dee", "via"] == "eve"
    store.log("Eve Moss", kind="message", note="Would you introduce me to Dee?", date=FRIDAY)
    assert "dee" not in set(store.week(k=10, today=FRIDAY)["person"])
    assert "dee" not in set(store.week(k=10, today="2026-01-16", record=False)["person"])
    history = store.history(today="2026-01-16").set_index("person")
    assert history.loc["dee", "written"] == pd.Timestamp(FRIDAY)


@pytest.mark.parametrize(("me", "new"), [(0, 7), ((0, 0), (0, 7))], ids=["int", "tuple"])
def test_the_pure_review_reads_ids_that_are_not_text(me, new):
    """Ids as given by Network.from_graph: an int or a tuple is read as its text."""
    import networkx as nx

    G = nx.Graph([(me, new)])
    log = pd.DataFrame(
        {
            "source": pd.Series([me], dtype=object),
            "target": pd.Series([new], dtype=object),
            "date": pd.to_datetime(["2025-12-22"]),
            "kind": ["meeting"],
        }
    )
    ties = pd.DataFrame({"source": [me], "target": [new], "last_contact": log["date"]})
    found = week_module.candidates(
        G, ties, log, pd.DataFrame(index=[me, new]), me, today="2026-01-09"
    )
    assert found["person"].tolist() == [str(new)]
    assert found["group"].tolist() == ["follow up"]
