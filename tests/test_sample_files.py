"""The sample as files (issue 11 point 7): reproducible, readable by netgraph's readers, and
faithful to the sample's hidden truth (who knows whom) without stating it."""

from __future__ import annotations

import importlib.util
import sys
import warnings
from pathlib import Path

import pandas as pd
import pytest

from netgraph.datasets import SAMPLE_ADDRESSES, sample_files
from netgraph.io.address_books import read_address_book_people
from netgraph.io.ics import read_ics_tables
from netgraph.io.linkedin_archive import read_linkedin_archive_tables
from netgraph.io.mbox import read_mbox_tables

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "netgraph" / "datasets" / "data"


def generator():
    spec = importlib.util.spec_from_file_location(
        "make_sample", ROOT / "scripts" / "make_sample.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_sample", module)
    spec.loader.exec_module(module)
    return module


def quietly(function, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return function(*args, **kwargs)


@pytest.fixture(scope="module")
def truth():
    people = pd.read_csv(DATA / "people.csv", dtype=str).set_index("id")
    ties = pd.read_csv(DATA / "ties.csv", dtype=str)
    pairs = {frozenset(p) for p in zip(ties["source"], ties["target"], strict=True)}
    by_email = {e: pid for pid, e in people["email"].dropna().items()}
    return people, pairs, by_email


def test_regenerated_byte_for_byte(tmp_path):
    paths = generator().write_files(tmp_path)
    assert len(paths) == 11
    for path in paths:
        packaged = DATA / "files" / path.relative_to(tmp_path)
        assert path.read_bytes() == packaged.read_bytes(), packaged


def test_files_are_small_enough_to_ship():
    size = sum(p.stat().st_size for p in (DATA / "files").rglob("*") if p.is_file())
    assert size < 1_500_000


def test_calendar_co_attendance_points_at_true_ties(truth):
    people, pairs, by_email = truth
    found, log = quietly(read_ics_tables, sample_files()["calendar"], me=SAMPLE_ADDRESSES)
    co = log[log["kind"] == "co-attendance"]
    observed = {
        frozenset((by_email[a], by_email[b]))
        for a, b in zip(co["source"], co["target"], strict=True)
    }
    precision = len(observed & pairs) / len(observed)
    assert 0.4 < precision < 1.0  # teams are dense, not cliques: evidence, not truth
    # The all-hands (about 60 people) and the meetup (35) are groups, not cliques.
    groups = found["groups"].dropna()
    assert groups.str.contains("Northwind all-hands").sum() > 25
    assert groups.str.contains("London Data Science Meetup").sum() > 25
    assert found.loc[SAMPLE_ADDRESSES[0], "name"] == "Alex Morgan"


def test_mailbox_co_recipients_and_groups(truth):
    people, pairs, by_email = truth
    found, log = quietly(read_mbox_tables, sample_files()["mailbox"], me=SAMPLE_ADDRESSES)
    co = log[log["kind"] == "co-recipient"]
    observed = {
        frozenset((by_email[a], by_email[b]))
        for a, b in zip(co["source"], co["target"], strict=True)
    }
    assert len(observed & pairs) / len(observed) > 0.4
    assert found["groups"].str.contains("Hackney Runners", na=False).sum() >= 5
    assert found["groups"].str.contains("mass mail from people@northwind", na=False).sum() > 25


def test_linkedin_archive_and_address_book():
    people, ties, log = quietly(read_linkedin_archive_tables, sample_files()["linkedin"])
    assert len(ties) > 60 and people.loc["me", "name"] == "Alex Morgan"
    assert {"message", "give", "invitation", "co-recipient"} <= set(log["kind"])
    book = quietly(read_address_book_people, sample_files()["contacts"], me="me")
    assert len(book) > 80 and book["phone"].notna().mean() > 0.6
    assert set(book["address_book"]) == {"google"}
