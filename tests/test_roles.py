"""net.roles(): mentors, mentees, reverse mentors, champions, allies (issue 13.3), hand-worked."""

import pandas as pd

import netgraph
from netgraph import Network
from netgraph._match import seniority


def team() -> Network:
    people = pd.DataFrame(
        [
            ("me", "Me", "Lead Data Scientist", "Finance", "Acme", None),
            ("ann", "Ann", "Director of Data", "Finance", "Acme", None),
            ("bob", "Bob", "Graduate Analyst", "Finance", "Acme", None),
            ("cat", "Cat", "Junior Designer", "Design", "Studio", None),
            ("dan", "Dan", "VP Engineering", "Software", "Globex", None),
            ("eve", "Eve", "Senior Data Scientist", "Finance", "Acme", None),
            ("fay", "Fay", "Data Scientist", "Finance", "Acme", None),
            ("gus", "Gus", "Student", "Education", "Uni", "reverse mentor"),  # not a contact
            ("hal", "Hal", "Chief Technology Officer", "Software", "Initech", None),
        ],
        columns=["id", "name", "role", "industry", "company", "tags"],
    )
    ties = pd.DataFrame(
        [
            ("me", "ann", "mentor", 0.8),
            ("me", "bob", None, 0.6),
            ("me", "cat", None, 0.8),
            ("me", "dan", None, 0.5),
            ("me", "eve", None, 0.7),
            ("me", "fay", None, 0.9),
            ("dan", "hal", None, 0.6),
            ("gus", "hal", None, 0.5),
        ],
        columns=["source", "target", "kind", "weight"],
    )
    interactions = pd.DataFrame(
        {
            "source": ["me", "eve"],
            "target": ["eve", "me"],
            "date": ["2024-01-01", "2024-02-01"],
            "kind": ["give", "give"],
        }
    )
    return Network.from_frames(people, ties, interactions, ego="me")


def test_seniority_levels():
    assert [seniority(t) for t in ["Lead Data Scientist", "Director of Data", "Student"]] == [
        3.0,
        4.0,
        1.0,
    ]


def test_hand_worked_roles():
    r = team().roles()
    assert r.plays[["role", "person"]].values.tolist() == [["mentor", "ann"]]  # not gus
    missing = r.missing.set_index("role")
    assert list(missing.index) == ["mentee", "reverse mentor", "champion", "ally"]
    assert missing.loc["mentee", "candidates"] == ["fay", "cat"]  # more junior, closest first
    assert missing.loc["reverse mentor", "candidates"] == ["cat"]  # junior, another field
    assert missing.loc["champion", "candidates"] == ["ann", "dan"]  # director or above
    assert missing.loc["ally", "candidates"] == ["eve", "fay"]  # eve: gives both ways
    assert missing.loc["champion", "reason"].startswith(
        "No champion (sponsor); two people who could become one, senior (director or above)"
    )
    assert "You and Eve have already given each other help." in missing.loc["ally", "reason"]


def test_champion_at_a_target_company_beyond_your_contacts():
    r = team().roles(company="Initech")
    reason = r.missing.set_index("role").loc["champion", "reason"]
    assert reason.startswith("No champion (sponsor) at Initech among your contacts")
    assert "Hal (Chief Technology Officer), 2 steps away: ask Dan" in reason
    acme = team().roles(company="Acme").missing.set_index("role")
    assert acme.loc["champion", "candidates"] == ["ann"]


def test_recorded_champion_and_rendering():
    net = team()
    ties = net.stated_ties.copy()
    ties.loc[ties["target"] == "dan", "kind"] = "sponsor"
    net = Network.from_frames(net.people, ties, net.interactions, ego="me")
    r = net.roles()
    assert ["champion", "dan"] in r.plays[["role", "person"]].values.tolist()
    assert "champion" not in set(r.missing["role"])
    assert "## What is missing" in str(r) and "<table>" in r._repr_html_()


def test_sample_and_cli(capsys):
    r = netgraph.sample().roles()
    assert {"mentor", "mentee"} <= set(r.plays["role"])
    from netgraph.cli import main

    assert main(["roles", "--sample", "--company", "Kestrel Insurance"]) == 0
    assert "No champion (sponsor) at Kestrel Insurance" in capsys.readouterr().out
