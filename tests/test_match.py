"""Whole-word matching with title aliases (issue 13.2), and the nearest-match errors."""

import networkx as nx
import pandas as pd
import pytest

import netgraph
from netgraph._match import matches, nearest, normalise, resolve_person
from netgraph.errors import InputError, UnknownPersonError
from netgraph.recommend import paths_to

ROLES = [
    "CTO",
    "Director of Data",
    "Doctor",
    "Chief Technology Officer",
    "Acting CTO, Payments",
    "Factory worker",
    None,
]


def test_cto_matches_whole_words_and_its_alias_only():
    assert list(matches(ROLES, "CTO")) == [True, False, False, True, True, False, False]
    assert list(matches(ROLES, "chief technology officer")) == list(matches(ROLES, "cto"))


@pytest.mark.parametrize(
    ("value", "wanted", "hit"),
    [
        ("VP Engineering", "vice president", True),
        ("Vice-President, Sales", "VP", True),
        ("Senior Vice President", "vp", False),  # an SVP is its own title
        ("Senior Vice President", "svp", True),
        ("Sr. Data Scientist", "senior data scientist", True),
        ("Head of Data", "head of", True),
        ("Head of Data", "head of product", False),
        ("Headhunter", "head", False),
        ("Acme Corp", "acme", True),
        ("Acmeware", "acme", False),
        ("Machine Learning Engineer", "ML", True),
        ("edinburgh;informatics", "informatics", True),
        ("CEO", "chief executive officer", True),
        ("Chief Financial Officer", "CFO", True),
    ],
)
def test_aliases_and_whole_words(value, wanted, hit):
    assert bool(matches([value], wanted)[0]) is hit


def test_normalise_canonical_forms():
    assert normalise("Sr. Vice-President, Engineering") == "senior vp engineering"
    assert normalise(float("nan")) == ""


def test_paths_to_role_cto_on_the_sample_is_no_longer_director_or_doctor():
    net = netgraph.sample()
    found = net.paths_to(k=50, role="CTO")
    roles = set(net.people.loc[found["target"], "role"])
    assert roles == {"CTO"}, roles
    assert len(found) == (net.people["role"] == "CTO").sum()


def test_unknown_column_lists_the_nearest():
    G = nx.path_graph(["me", "a", "b"])
    people = pd.DataFrame({"company": ["x", "y", "z"]}, index=["me", "a", "b"])
    with pytest.raises(InputError, match="Did you mean 'company'"):
        paths_to(G, people, "me", compnay="x")


def test_resolve_person_by_id_name_email_and_nearest():
    people = pd.DataFrame(
        {"name": ["Ann Lee", "Bob Ray", "Bob Ray"], "email": ["ann@x.org;a@y.org", None, None]},
        index=["ann", "bob1", "bob2"],
    )
    assert resolve_person(people, "ann") == "ann"
    assert resolve_person(people, "ann lee") == "ann"
    assert resolve_person(people, "A@Y.org") == "ann"
    with pytest.raises(InputError, match="names 2 people: bob1, bob2"):
        resolve_person(people, "Bob Ray")
    with pytest.raises(UnknownPersonError, match="Did you mean 'Ann Lee'") as err:
        resolve_person(people, "Ann Le")
    assert isinstance(err.value, InputError) and isinstance(err.value, KeyError)
    assert nearest("compnay", ["company", "role"]) == ["company"]
