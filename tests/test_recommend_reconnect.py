"""Tests of netgraph.recommend.reconnect."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from netgraph.errors import InputError, UnknownPersonError
from netgraph.recommend.reconnect import reconnect
from netgraph.strength import tie_strength

TODAY = pd.Timestamp("2025-06-30")  # a Monday
COLUMNS = ["person", "last_contact", "overdue_days", "score", "reason"]


def tie_table(rows: list[dict]) -> pd.DataFrame:
    """A tie table like net.ties from (source, target, last_contact, ...) rows."""
    frame = pd.DataFrame(rows)
    frame["last_contact"] = pd.to_datetime(frame["last_contact"])
    for column, fill in (("usual_interval_days", np.nan), ("n_interactions", 5)):
        if column not in frame:
            frame[column] = fill
    return frame.set_index(["source", "target"]).sort_index()


def dormant_dozen() -> tuple[nx.Graph, pd.DataFrame, dict]:
    """Twelve contacts of "me", silent for a year against a monthly habit, plus one fresh tie
    elsewhere that dates the data to TODAY."""
    contacts = [f"c{i:02d}" for i in range(12)]
    G = nx.Graph()
    G.add_edges_from(("me", c) for c in contacts)
    G.add_edges_from([("c00", "c01"), ("c02", "c03"), ("c03", "c04"), ("x", "y")])
    rows = [
        {
            "source": c,
            "target": "me",
            "last_contact": TODAY - pd.Timedelta(days=300 + 5 * i),
            "usual_interval_days": 30.0,
            "n_interactions": 10 + i,
        }
        for i, c in enumerate(contacts)
    ]
    rows.append({"source": "x", "target": "y", "last_contact": TODAY})
    groups = {node: 0 for node in G}
    groups.update({"c05": 1, "c06": 1, "c07": 2})
    return G, tie_table(rows), groups


def test_rotation_over_four_weeks_shows_everyone_once():
    G, ties, groups = dormant_dozen()
    weeks = [
        reconnect(G, ties, "me", k=3, today=TODAY + pd.Timedelta(days=7 * w), communities=groups)
        for w in range(4)
    ]
    shown = [set(frame["person"]) for frame in weeks]
    assert all(len(s) == 3 for s in shown)
    assert set().union(*shown) == {f"c{i:02d}" for i in range(12)}  # disjoint, all twelve
    # week five starts the cycle again, and one date always gives one list
    again = reconnect(G, ties, "me", k=3, today=TODAY + pd.Timedelta(days=28), communities=groups)
    assert set(again["person"]) == shown[0]
    pd.testing.assert_frame_equal(
        weeks[0], reconnect(G, ties, "me", k=3, today=TODAY, communities=groups)
    )
    # any day of the week (Monday to Sunday) gives that week's list
    for day in range(1, 7):
        other_day = reconnect(
            G, ties, "me", k=3, today=TODAY + pd.Timedelta(days=day), communities=groups
        )
        assert set(other_day["person"]) == shown[0]


def test_rotation_with_uneven_slices():
    G, ties, groups = dormant_dozen()
    weeks = [
        list(
            reconnect(
                G, ties, "me", k=5, today=TODAY + pd.Timedelta(days=7 * w), communities=groups
            )["person"]
        )
        for w in range(6)
    ]
    # 12 in slices of 5, 5 and 2, shown in turn
    assert sorted(len(w) for w in weeks[:3]) == [2, 5, 5]
    assert set().union(*weeks[:3]) == {f"c{i:02d}" for i in range(12)}
    assert weeks[3:] == weeks[:3]


def test_consecutive_weeks_walk_down_the_ranking():
    G, ties, groups = dormant_dozen()
    everyone = list(reconnect(G, ties, "me", k=12, today=TODAY, communities=groups)["person"])
    slices = [everyone[i : i + 3] for i in range(0, 12, 3)]
    weeks = [
        list(
            reconnect(
                G, ties, "me", k=3, today=TODAY + pd.Timedelta(days=7 * w), communities=groups
            )["person"]
        )
        for w in range(4)
    ]
    first = slices.index(weeks[0])
    assert weeks == [slices[(first + w) % 4] for w in range(4)]


def test_data_refreshed_every_week_still_rotates():
    """A weekly export moves the data's date with the calendar: the list must move on too."""
    G, ties, groups = dormant_dozen()
    shown = []
    for w in range(4):
        later = TODAY + pd.Timedelta(days=7 * w)
        fresh = ties.copy()
        fresh.loc[("x", "y"), "last_contact"] = later  # new activity elsewhere, no call to today
        shown.append(set(reconnect(G, fresh, "me", k=3, communities=groups)["person"]))
    assert set().union(*shown) == {f"c{i:02d}" for i in range(12)}


def test_value_bridge_non_redundant_and_once_strong():
    # identical silences; they differ in one reason each
    G = nx.Graph()
    G.add_edges_from(("me", c) for c in ["bridge", "plain", "close", "inner", "a", "b"])
    G.add_edges_from([("inner", "a"), ("inner", "b"), ("a", "b")])
    groups = {n: 0 for n in G} | {"bridge": 1}
    common = {"target": "me", "last_contact": "2024-06-30", "usual_interval_days": 30.0}
    ties = tie_table(
        [
            {"source": "bridge", "n_interactions": 5, **common},
            {"source": "plain", "n_interactions": 5, **common},
            {"source": "close", "n_interactions": 80, **common},
            {"source": "inner", "n_interactions": 5, **common},
            {"source": "a", "target": "me", "last_contact": TODAY, "n_interactions": 5},
            {"source": "b", "target": "me", "last_contact": TODAY, "n_interactions": 5},
        ]
    )
    out = reconnect(G, ties, "me", k=10, today=TODAY, communities=groups).set_index("person")
    assert set(out.index) == {"bridge", "plain", "close", "inner"}  # a, b are not overdue
    assert out.loc["bridge", "bridge"] == 1.0 and out.loc["plain", "bridge"] == 0.0
    assert out.loc["inner", "overlap"] == pytest.approx(2 / 5)  # knows a and b of 5 others
    assert out.loc["close", "once_strong"] == 1.0
    assert out.loc["bridge", "score"] > out.loc["plain", "score"]
    assert out.loc["close", "score"] > out.loc["plain", "score"]
    assert out.loc["plain", "score"] > out.loc["inner", "score"]
    assert out.index[0] == "bridge"
    days = (TODAY - pd.Timestamp("2024-06-30")).days
    assert out.loc["plain", "overdue_days"] == pytest.approx(days - 30)
    expected = out.loc["plain", "value"] * np.log2(1 + days / 30)
    assert out.loc["plain", "score"] == pytest.approx(expected)
    reason = out.loc["bridge", "reason"]
    assert reason.startswith("You last spoke to bridge 12 months ago (usually every 4 weeks).")
    assert "your only tie into community 1" in reason


def mine(contact: str, last, every: float = np.nan) -> dict:
    """A tie of "me": last contact and usual interval in days."""
    return {"source": "me", "target": contact, "last_contact": last, "usual_interval_days": every}


def test_more_overdue_ranks_higher_against_own_cadence():
    G = nx.Graph([("me", "weekly"), ("me", "yearly"), ("me", "fresh")])
    # 60 days silent against a weekly habit, versus 400 days against a yearly one
    ties = tie_table(
        [
            mine("weekly", "2025-05-01", 7.0),
            mine("yearly", "2024-05-26", 365.0),
            mine("fresh", TODAY),
        ]
    )
    out = reconnect(G, ties, "me", k=5, today=TODAY, communities=dict.fromkeys(G, 0))
    assert list(out["person"]) == ["weekly", "yearly"]


def test_eligibility_rules():
    G = nx.Graph([("me", x) for x in ["recent", "quick", "nocadence", "old", "never", "mid"]])
    ties = tie_table(
        [
            mine("recent", "2025-06-20", 30.0),
            mine("quick", "2025-06-10", 7.0),  # overdue, but under 30 days
            mine("nocadence", "2025-05-01"),  # 60 days, under the default 90
            mine("old", "2023-01-01"),
            mine("never", pd.NaT),
            mine("mid", "2025-03-01", 400.0),
        ]
    )
    kw = {"today": TODAY, "communities": dict.fromkeys(G, 0), "k": 10}

    def shown(**options):
        return set(reconnect(G, ties, "me", **kw, **options)["person"])

    assert shown() == {"old"}
    assert shown(min_gap_days=0) == {"quick", "old"}
    assert shown(dormant_after=100) == {"old", "mid"}
    assert shown(dormant_after=pd.Timedelta(days=30)) == {"old", "mid", "nocadence"}
    assert shown(default_interval_days=45) == {"old", "nocadence"}


def test_from_tie_strength_table():
    dates = pd.to_datetime(
        ["2023-01-05", "2023-02-04", "2023-03-06", "2023-04-05", "2025-06-01", "2025-06-29"]
    )
    log = pd.DataFrame(
        {
            "source": ["me", "priya", "me", "priya", "me", "bo"],
            "target": ["priya", "me", "priya", "me", "bo", "me"],
            "date": dates,
        }
    )
    ties = tie_strength(None, log)
    G = nx.Graph([("me", "priya"), ("me", "bo")])
    G.nodes["priya"]["name"] = "Priya Shah"
    out = reconnect(G, ties, "me", communities={"me": 0, "bo": 0, "priya": 1})
    assert list(out.columns[:5]) == COLUMNS
    assert list(out["person"]) == ["priya"]
    assert out["last_contact"].iloc[0] == pd.Timestamp("2023-04-05")
    reason = out["reason"].iloc[0]
    assert reason.startswith("You last spoke to Priya Shah 2.2 years ago (usually every 4 weeks)")
    assert "Priya Shah is your only tie into community 1" in reason


def test_errors_and_empty():
    G, ties, groups = dormant_dozen()
    with pytest.raises(UnknownPersonError):
        reconnect(G, ties, "nobody", communities=groups)
    with pytest.raises(InputError, match="last_contact"):
        reconnect(G, ties.drop(columns="last_contact"), "me", communities=groups)
    G.add_node("loner")
    for frame in (
        reconnect(G, ties, "loner", communities=groups | {"loner": 0}),
        reconnect(G, ties, "me", k=0, communities=groups),
        reconnect(G, ties.iloc[:0], "me", communities=groups),
    ):
        assert frame.empty and list(frame.columns[:5]) == COLUMNS


def test_names_only_the_persons_ties():
    G, ties, groups = dormant_dozen()
    for w in range(6):
        out = reconnect(
            G, ties, "c00", k=3, today=TODAY + pd.Timedelta(days=7 * w), communities=groups
        )
        assert set(out["person"]) <= {"me"}
    out = reconnect(G, ties, "me", k=12, today=TODAY, communities=groups)
    assert "me" not in set(out["person"]) and "x" not in set(out["person"])
    assert out["score"].is_monotonic_decreasing
