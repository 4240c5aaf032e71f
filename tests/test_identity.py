"""One person across sources (issue 11 point 3): keys, order-independent matching, combining
rows, and probable duplicates by name."""

from __future__ import annotations

import itertools

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netgraph.identity import (
    canonical_id,
    combine_people,
    identity_keys,
    name_key,
    possible_duplicates,
    resolve,
)


def table(rows: dict[str, dict]) -> pd.DataFrame:
    frame = pd.DataFrame.from_dict(rows, orient="index")
    frame.index.name = "id"
    return frame


LINKEDIN = table({
    "me": {"name": "Ana Silva"},
    "bo-chen-1a2b": {"name": "Bo Chen", "url": "https://www.linkedin.com/in/bo-chen-1a2b/"},
    "farah-h": {"name": "Farah Haddad", "url": "https://linkedin.com/in/farah-h",
                "email": "Farah@Acme.example"},
    "jose-n": {"name": "José Núñez", "url": "https://www.linkedin.com/in/jose-n"},
})  # fmt: skip
CONTACTS = table({
    "bo@chen.example": {"name": "Bo Chen", "email": "bo@chen.example;bo.chen@acme.example",
                        "url": "http://www.LinkedIn.com/in/bo-chen-1a2b", "phone": "07700 900123",
                        "circles": "Climbing"},
    "zoe@x.example": {"name": "Zoë Quinn", "email": "zoe@x.example", "phone": "+44 7700 900999"},
})  # fmt: skip
CALENDAR = table({
    "ana@acme.example": {"name": "Ana Silva", "email": "ana@acme.example"},
    "bo.chen@acme.example": {"name": "bo.chen@acme.example", "groups": "All hands"},
    "farah@acme.example": {"name": "Farah Haddad"},
    "zq@work.example": {"name": "Zoë Quinn", "phone": "+447700900999", "groups": "All hands"},
    "jose@x.org": {"name": "Núñez, José"},
})  # fmt: skip
TABLES = [LINKEDIN, CONTACTS, CALENDAR]
EGOS = ["me", None, "ana@acme.example"]


def test_keys_emails_profile_phone():
    keys = identity_keys(CONTACTS)
    bo = keys[keys["id"] == "bo@chen.example"]["key"].tolist()
    assert bo == [
        "id:bo@chen.example",
        "email:bo@chen.example",
        "email:bo.chen@acme.example",
        "linkedin:bo-chen-1a2b",
        "tel:7700900123",
    ]


def test_phone_numbers_match_in_any_writing():
    people = table({
        "a": {"phone": "+44 7700 900123"}, "b": {"phone": "07700 900123"},
        "c": {"phone": "0044 (0)7700-900123"}, "d": {"phone": "+1 415 555 0100"},
    })  # fmt: skip
    keys = identity_keys(people)
    keys = keys[keys["key"].str.startswith("tel:")].set_index("id")["key"]
    assert keys["a"] == keys["b"] == keys["c"] == "tel:7700900123"
    assert keys["d"] == "tel:4155550100"


def test_one_person_across_three_sources():
    mappings, matched = resolve(TABLES, egos=EGOS)
    linkedin, contacts, calendar = mappings
    # Bo: LinkedIn URL (contacts) and e-mail (calendar) lead to the LinkedIn slug.
    assert contacts["bo@chen.example"] == "bo-chen-1a2b"
    assert calendar["bo.chen@acme.example"] == "bo-chen-1a2b"
    # Farah: an e-mail in another case; Zoë: the phone, written two ways.
    assert calendar["farah@acme.example"] == "farah-h"
    assert calendar["zq@work.example"] == "zoe@x.example"
    # The egos are one person, whose id is 'me' (not an address).
    assert calendar["ana@acme.example"] == "me"
    assert linkedin == {}
    assert "jose@x.org" not in calendar  # nothing but the name in common
    assert matched["nobody"] == 1  # José's calendar row
    assert matched["e-mail"] == 2 and matched["LinkedIn profile"] == 1 and matched["phone"] == 1


def test_combined_rows():
    mappings, _ = resolve(TABLES, egos=EGOS)
    people = combine_people(TABLES, mappings)
    assert list(people.index[:4]) == ["me", "bo-chen-1a2b", "farah-h", "jose-n"]
    bo = people.loc["bo-chen-1a2b"]
    assert bo["name"] == "Bo Chen"  # never the address the calendar had as a name
    assert bo["email"] == "bo@chen.example;bo.chen@acme.example"
    assert (bo["circles"], bo["groups"]) == ("Climbing", "All hands")
    assert people.loc["me", "email"] == "ana@acme.example"
    assert people.loc["farah-h", "email"] == "Farah@Acme.example"


def test_an_address_is_a_name_only_when_nothing_else_is_known():
    a = table({"x@y.org": {"name": "x@y.org"}})
    b = table({"x-y": {"name": None, "email": "x@y.org"}})
    mappings, _ = resolve([a, b])
    assert combine_people([a, b], mappings).loc["x-y", "name"] == "x@y.org"


def test_canonical_id():
    assert canonical_id(["b@x.org", "a@x.org"]) == "a@x.org"
    assert canonical_id(["zed", "a@x.org"]) == "zed"


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))))
def test_every_order_gives_the_same_people(order):
    reference, _ = resolve(TABLES, egos=EGOS)
    people = combine_people(TABLES, reference)
    mappings, _ = resolve([TABLES[i] for i in order], egos=[EGOS[i] for i in order])
    again = combine_people([TABLES[i] for i in order], mappings)
    assert sorted(again.index) == sorted(people.index)
    for pid in people.index:
        for column in ("email", "groups", "circles", "phone"):
            assert _set(again.at[pid, column]) == _set(people.at[pid, column]), (pid, column)


def _set(cell) -> set[str]:
    return set() if not isinstance(cell, str) else {v.lower() for v in cell.split(";")}


ADDRESSES = st.sampled_from([f"{n}@x.org" for n in "abcdef"])
PHONES = st.sampled_from(["+44 7700 900001", "07700 900001", "07700 900002", "+1 415 555 0100"])
IDS = st.sampled_from(["ann", "bob", "cy", "dee", "a@x.org", "b@x.org", "c@x.org"])


@st.composite
def people_tables(draw):
    ids = draw(st.lists(IDS, min_size=1, max_size=5, unique=True))
    rows = {}
    for pid in ids:
        row = {}
        if draw(st.booleans()):
            row["email"] = ";".join(draw(st.lists(ADDRESSES, min_size=1, max_size=2)))
        if draw(st.booleans()):
            row["phone"] = draw(PHONES)
        rows[pid] = row
    frame = pd.DataFrame.from_dict(rows, orient="index").reindex(columns=["email", "phone"])
    frame.index.name = "id"
    return frame


@settings(max_examples=150, deadline=None)
@given(st.lists(people_tables(), min_size=2, max_size=4), st.randoms())
def test_property_matching_does_not_depend_on_order(tables, random):
    """Whatever the order of the tables, the same rows become the same people, with the
    same ids."""
    order = list(range(len(tables)))
    random.shuffle(order)
    first, _ = resolve(tables)
    second, _ = resolve([tables[i] for i in order])
    second = [second[order.index(t)] for t in range(len(tables))]
    for t, people in enumerate(tables):
        for pid in people.index:
            assert first[t].get(pid, pid) == second[t].get(pid, pid)


def test_name_key_and_possible_duplicates():
    assert name_key("Bo Chen") == name_key("chen, BO") == name_key("Bó Chén")
    assert name_key("Bo") is None and name_key("bo@chen.example") is None
    people = table({
        "bo-chen-1a2b": {"name": "Bo Chen"}, "bo@x.org": {"name": "Chen, Bo"},
        "me": {"name": "Ana Silva"}, "ana@acme.example": {"name": "Ana Silva"},
        "bo": {"name": "Bo"},
    })  # fmt: skip
    pairs = possible_duplicates(people, ego="me")
    assert pairs[["a", "b"]].values.tolist() == [
        ["ana@acme.example", "me"],
        ["bo-chen-1a2b", "bo@x.org"],
    ]
    assert pairs["reason"].iloc[0].startswith("you named 'Ana Silva' under two ids")
    assert "net.same_person('bo-chen-1a2b', 'bo@x.org')" in pairs["reason"].iloc[1]
