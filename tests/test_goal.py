"""net.goal(...): the strategic network toward a goal (issue 13.2), hand-worked."""

import pandas as pd
import pytest

import netgraph
from netgraph import InputError, Network


def chain() -> Network:
    """me - ann (0.9) - tom (0.5), the CTO at Acme; me - bob (0.4) - sue (0.9), Acme's VP;
    me - kim (0.7), Director of Data at Acme; a far CTO at Globex five steps away."""
    ties = [
        ("me", "ann", 0.9),
        ("ann", "tom", 0.5),
        ("me", "bob", 0.4),
        ("bob", "sue", 0.9),
        ("me", "kim", 0.7),
        ("kim", "p1", 0.9),
        ("p1", "p2", 0.9),
        ("p2", "p3", 0.9),
        ("p3", "far", 0.9),
    ]
    people = pd.DataFrame(
        {
            "id": ["me", "ann", "tom", "bob", "sue", "kim", "p1", "p2", "p3", "far"],
            "name": ["Me", "Ann", "Tom", "Bob", "Sue", "Kim", "P1", "P2", "P3", "Far"],
            "company": ["X", "Y", "Acme", "Z", "Acme Corp", "Acme", "Q", "Q", "Q", "Globex"],
            "role": [
                "Analyst",
                "Engineer",
                "Chief Technology Officer",
                "Doctor",
                "Vice President, Sales",
                "Director of Data",
                None,
                None,
                None,
                "CTO",
            ],
            "city": ["Leeds"] * 9 + ["Berlin"],
        }
    )
    frame = pd.DataFrame(ties, columns=["source", "target", "weight"])
    return Network.from_frames(people, frame, ego="me")


def test_known_paths_and_missing_hand_worked():
    g = chain().goal(company="Acme", role="CTO")
    assert g.known.empty
    assert list(g.paths["target"]) == ["tom"]  # not kim (Director of Data), not the Doctor
    row = g.paths.iloc[0]
    assert (
        row["path"] == ["me", "ann", "tom"]
        and row["ask_first"] == "ann"
        and row["ask_first_name"] == "Ann"
    )
    assert row["trust"] == pytest.approx(0.45)
    assert row["priority"] == pytest.approx(0.45 * (1 + max(row["gain"], 0)) / 2)
    missing = g.missing.set_index("criterion")
    assert missing.loc["company", ["in_your_data", "you_know"]].tolist() == [3, 1]
    assert missing.loc["role", ["in_your_data", "you_know", "within_reach"]].tolist() == [2, 0, 1]
    assert g.gap.startswith("You know no one with company Acme, role CTO yourself, but 1 person")
    assert "asking Ann about Tom" in g.gap


def test_known_directly_and_vp_alias():
    g = chain().goal(company="acme", role="vp")
    assert g.known.empty and list(g.paths["target"]) == ["sue"]
    g = chain().goal(company="Acme")
    assert list(g.known["contact"]) == ["kim"]
    assert set(g.paths["target"]) == {"tom", "sue"}
    assert g.gap.startswith("You already know 1 person with company Acme, closest Kim")


def test_out_of_reach_says_why_and_names_the_bridge():
    g = chain().goal(company="Globex")
    assert g.known.empty and g.paths.empty
    assert g.gap == (
        "Out of reach: the 1 person with company Globex is more than 3 steps away; "
        "the nearest bridge is Kim."
    )
    assert g.bridge.iloc[0]["path"] == ["me", "kim", "p1", "p2", "p3", "far"]
    nobody = chain().goal(role="CEO", city="Berlin")
    assert nobody.gap.startswith("Out of reach: nobody in your data has role CEO, city Berlin")
    assert "(no one at all with role CEO)" in nobody.gap
    assert nobody.bridge.iloc[0]["person"] == "far"  # the only one in Berlin


def test_goal_errors_list_nearest_columns():
    with pytest.raises(InputError, match="Did you mean 'company'"):
        chain().goal(compnay="Acme")
    with pytest.raises(InputError, match="needs at least one"):
        chain().goal()


def test_goal_renders_and_sample():
    g = netgraph.sample().goal(role="CTO")
    assert set(netgraph.sample().people.loc[g.paths["target"], "role"]) == {"CTO"}
    assert str(g).startswith("# Goal: role=CTO") and "## The gap" in str(g)
    assert "<table>" in g._repr_html_()


def test_cli_goal(capsys):
    from netgraph.cli import main

    assert main(["goal", "--sample", "--role", "CTO"]) == 0
    assert "start by asking" in capsys.readouterr().out


def test_nothing_matches_names_the_contact_who_reaches_most():
    g = chain().goal(company="Initech")
    # ann reaches tom, bob reaches sue, kim reaches p1: one each; ties go to the smallest id
    assert g.bridge.iloc[0]["person"] == "ann"
    assert g.gap.endswith("the nearest bridge is Ann.")


def test_the_how_to_quotes_the_sample_as_it_is():
    """docs/how-to/before-a-meeting.md shows the sample's output: regenerate it if this fails."""
    from pathlib import Path

    page = Path(__file__).parents[1] / "docs" / "how-to" / "before-a-meeting.md"
    text = page.read_text(encoding="utf-8")
    net = netgraph.sample()
    assert net.goal(company="Kestrel Insurance", role="CTO").gap in text
    assert net.goal(role="CEO", city="Berlin").gap in text
