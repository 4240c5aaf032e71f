"""Tests of netgraph.recommend.ledger, against counts made by hand."""

from __future__ import annotations

import pandas as pd
import pytest

from netgraph.errors import InputError
from netgraph.recommend.ledger import ledger

COUNTS = ["gives_to", "asks_of", "gives_from", "asks_from", "interactions"]


def make_log() -> pd.DataFrame:
    """me and bo: me asked 4 times (3 within 90 days of 2025-06-30) and gave nothing;
    bo gave twice. me and cy: me gave 3 times, asked once, cy asked once. dee asked cy
    twice and gave nothing. One self-interaction and a meeting."""
    rows = [
        ("me", "bo", "ask", "2025-01-10"),
        ("me", "bo", "ASK", "2025-04-15"),
        ("me", "bo", " ask ", "2025-05-20"),
        ("me", "bo", "ask", "2025-06-30"),
        ("bo", "me", "give", "2025-02-01"),
        ("bo", "me", "give", "2025-06-01"),
        ("me", "cy", "give", "2025-01-01"),
        ("me", "cy", "give", "2025-02-01"),
        ("me", "cy", "Give", "2025-03-01"),
        ("me", "cy", "ask", "2025-03-05"),
        ("cy", "me", "ask", "2025-03-06"),
        ("cy", "me", "meeting", "2025-03-07"),
        ("dee", "cy", "ask", "2025-06-01"),
        ("dee", "cy", "ask", "2025-06-02"),
        ("me", "me", "give", "2025-06-03"),
    ]
    frame = pd.DataFrame(rows, columns=["source", "target", "kind", "date"])
    frame["date"] = pd.to_datetime(frame["date"])
    return frame


def test_person_counts_by_hand():
    book = ledger(make_log(), "me", names={"bo": "Bo Diaz"})
    assert book.index.name == "contact"
    assert list(book.index) == ["bo", "cy"]  # most overdrawn first
    assert book.loc["bo", COUNTS].tolist() == [0, 4, 2, 0, 6]
    assert book.loc["cy", COUNTS].tolist() == [3, 1, 0, 1, 6]
    assert book.loc["bo", "balance"] == 0 - 7 * 4
    assert book.loc["cy", "balance"] == 3 - 7 * 1
    assert book.loc["cy", "balance_from"] == 0 - 7 * 1
    assert book.loc["bo", "recent_asks_of"] == 3  # 2025-04-15, 05-20, 06-30
    assert bool(book.loc["bo", "one_sided"])
    assert not bool(book.loc["cy", "one_sided"])
    assert not book["asked_too_often"].any()  # 3 is not more than 3
    reason = book.loc["bo", "reason"]
    assert reason.startswith("You asked Bo Diaz 4 times and gave nothing back")
    assert "about 28 gives" in reason and "Bo Diaz gave you 2 times" in reason


def test_thresholds_and_ratio():
    log = make_log()
    book = ledger(log, "me", asked_often=2)
    assert bool(book.loc["bo", "asked_too_often"]) and not bool(book.loc["cy", "asked_too_often"])
    assert "in the last 90 days" in book.loc["bo", "reason"]
    assert ledger(log, "me", ratio=3).loc["cy", "balance"] == 0
    # a shorter window ending earlier
    book = ledger(log, "me", today="2025-05-31", window_days=60, asked_often=1)
    assert book.loc["bo", "recent_asks_of"] == 2 and bool(book.loc["bo", "asked_too_often"])
    # three asks and one give back is one-sided (3 >= 3 x 1); two asks and one give is not
    three = pd.DataFrame(
        {
            "source": ["me", "me", "me", "x"],
            "target": ["x", "x", "x", "me"],
            "kind": ["ask", "ask", "ask", "give"],
        }
    )
    assert bool(ledger(three, "me").loc["x", "one_sided"])
    assert not bool(ledger(three.iloc[1:], "me").loc["x", "one_sided"])
    # with the threshold lowered to two asks, two asks and nothing back is one-sided
    assert bool(ledger(three.iloc[:2], "me", one_sided_asks=2).loc["x", "one_sided"])


def test_all_pairs():
    book = ledger(
        make_log(), names=pd.DataFrame({"name": ["Dee Ray"]}, index=["dee"]), one_sided_asks=2
    )
    assert book.index.names == ["source", "target"]
    assert set(book.index) == {("bo", "me"), ("cy", "me"), ("cy", "dee")}
    # from the point of view of the first id: bo gave me 2, me asked bo 4 times
    assert book.loc[("bo", "me"), COUNTS].tolist() == [2, 0, 0, 4, 6]
    assert book.loc[("cy", "me"), COUNTS].tolist() == [0, 1, 3, 1, 6]
    assert book.loc[("cy", "dee"), COUNTS].tolist() == [0, 0, 0, 2, 2]
    assert bool(book.loc[("cy", "dee"), "one_sided"])  # dee asked twice, gave nothing
    assert "Dee Ray asked cy 2 times and gave nothing back" in book.loc[("cy", "dee"), "reason"]
    assert book.loc[("bo", "me"), "balance_from"] == -28


def test_empty_and_missing_columns():
    empty = ledger(None, "me")
    assert empty.empty and empty.index.name == "contact" and "balance" in empty.columns
    pairs = ledger(make_log().iloc[:0])
    assert pairs.empty and pairs.index.names == ["source", "target"]
    assert ledger(make_log(), "stranger").empty
    with pytest.raises(InputError, match="target"):
        ledger(pd.DataFrame({"source": ["a"]}), "a")
    no_kind = ledger(make_log().drop(columns=["kind", "date"]), "me")
    assert no_kind.loc["bo", "interactions"] == 6 and no_kind["balance"].eq(0).all()
    assert no_kind.loc["bo", "reason"].startswith("No gives or asks recorded with bo")
