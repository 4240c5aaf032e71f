"""On the bundled sample, the recommendations find what the generator planted."""

import importlib.util
from pathlib import Path

import pandas as pd
import pytest

import netgraph

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "make_sample.py"


@pytest.fixture(scope="module")
def planted():
    spec = importlib.util.spec_from_file_location("make_sample", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.PLANTED


@pytest.fixture(scope="module")
def net():
    return netgraph.sample()


def test_dormant_bridges_and_quiet_ties_rank_high_and_come_up_in_turn(net, planted):
    ranking = list(net.reconnect(k=1000)["person"])
    assert set(planted["dormant"]) <= set(ranking[:15])
    assert set(planted["quiet"]) <= set(ranking[:15])
    weeks = [
        list(net.reconnect(k=3, today=net.reference_date + pd.Timedelta(weeks=w))["person"])
        for w in range(len(ranking) // 3)
    ]
    shown = [p for week in weeks for p in week]
    assert len(shown) == len(set(shown))  # no one twice while others are overdue
    assert set(planted["dormant"]) | set(planted["quiet"]) <= set(shown)


def test_reconnect_reasons_name_the_person_and_the_silence(net):
    names = net.people["name"]
    for row in net.reconnect(k=3).itertuples():
        assert names[row.person] in row.reason and "last spoke" in row.reason


def test_one_sided_relationships_are_flagged(net, planted):
    book = net.ledger()
    flagged = set(book.index[book["one_sided"]])
    assert set(planted["asks"]) <= flagged  # Alex asks and never gives
    assert set(planted["gives"]) <= flagged  # mentees who only take
    assert len(flagged) < 0.25 * len(book)  # a flag, not the norm
    asks = book.loc[planted["asks"]]
    assert (asks["gives_to"] == 0).all() and (asks["balance"] < 0).all()


def test_introductions_never_name_the_ego_or_a_contact_and_use_real_connectors(net):
    G = net.graph
    intros = net.introductions(k=10)
    assert len(intros) > 0
    for row in intros.itertuples():
        assert row.person != "me" and not G.has_edge("me", row.person)
        assert G.has_edge("me", row.via) and G.has_edge(row.via, row.person)
        assert row.reason
    made = net.introductions_to_make(k=10)
    for row in made.itertuples():
        assert G.has_edge("me", row.a) and G.has_edge("me", row.b)
        assert not G.has_edge(row.a, row.b)


def test_introduction_reasons_say_how_much_and_name_who_you_know_there(net):
    intros = net.introductions(k=10)
    names = net.people["name"]
    contacts = set(net.undirected["me"])
    for row in intros.itertuples():
        assert "your constraint by" in row.reason or "constraint as it is" in row.reason
        if row.new_community:
            inside = row.reason.split("where you have")[1].split(")")[0]
            assert any(names[c] in inside for c in contacts), row.reason


def test_introductions_to_make_span_several_circles(net):
    pairs = net.introductions_to_make(k=9)
    joins = pairs.apply(lambda r: frozenset((r["a_community"], r["b_community"])), axis=1)
    assert joins.value_counts().max() <= 3  # ceil(9 / 3) pairs per two circles
    assert joins.nunique() >= 3
    people = pd.concat([pairs["a"], pairs["b"]])
    assert people.value_counts().max() <= 3
