"""Affiliations and two-mode group analysis (issue 13.4), hand-worked."""

import warnings

import pandas as pd
import pytest

import netgraph
from netgraph import InputError, NetgraphWarning, Network
from netgraph.analysis.groups import affiliations, groups, groups_to_join, incidence
from netgraph.io.affiliations import read_affiliations


def club() -> Network:
    people = pd.DataFrame(
        {
            "id": ["me", "ann", "bob", "cat", "dan", "eve", "fay"],
            "name": ["Me", "Ann", "Bob", "Cat", "Dan", "Eve", "Fay"],
            "circles": [
                "climbing;acme;book club",
                "Climbing;running",
                "climbing;acme;book club",
                "acme",
                "chess;running",
                "chess",
                "chess;climbing",
            ],
        }
    )
    ties = pd.DataFrame(
        {
            "source": ["me", "me", "me", "dan", "eve"],
            "target": ["ann", "bob", "cat", "eve", "fay"],
        }
    )
    return Network.from_frames(people, ties, ego="me")


COMMUNITIES = pd.Series(
    ["A", "A", "A", "A", "B", "B", "B"], index=["me", "ann", "bob", "cat", "dan", "eve", "fay"]
)


def test_affiliations_from_columns_one_spelling_per_group():
    table = club().affiliations()
    assert set(table.columns) == {"person", "group", "kind", "date"}
    climbing = table[table["group"] == "climbing"]
    assert sorted(climbing["person"]) == ["ann", "bob", "fay", "me"]  # "Climbing" joins it
    assert (table["kind"] == "circle").all()
    A, names = incidence(table, list(club().graph))
    assert A.shape == (7, 5) and A.sum() == len(table)


def test_groups_hand_worked():
    net = club()
    table = net.affiliations()
    result = groups(net.undirected, table, "me", communities=COMMUNITIES).loc[
        ["climbing", "acme", "book club", "chess"]
    ]
    got = result[["you_member", "you_know", "only_here", "repeats", "unknown", "new_people"]]
    assert got.values.tolist() == [
        [True, 2, 1, 1, 1, 2],  # ann only here, bob also in acme, fay unknown
        [True, 2, 1, 1, 0, 1],  # cat only here, bob repeats
        [True, 1, 0, 1, 0, 0],  # only bob, whom you share two other groups with
        [False, 0, 0, 0, 3, 3],
    ]
    assert list(result["verdict"][:3]) == [
        "brings new people",
        "brings new people",
        "repeats your circles",
    ]
    assert result.loc["chess", "communities"] == 1 and result.loc["climbing", "communities"] == 2
    assert result["reason"].str.len().gt(0).all()


def test_groups_to_join_hand_worked():
    net = club()
    table = net.affiliations()
    join = groups_to_join(net.undirected, table, "me", communities=COMMUNITIES)
    # chess: dan, eve, fay unknown, in B where you know nobody: reach 3; fay is in your
    # climbing group, overlap 1/3: score 2. running: dan (1) and ann (known): reach 1,
    # overlap 1/2: score 0.5.
    assert list(join["group"]) == ["chess", "running"]
    assert join["score"].tolist() == pytest.approx([2.0, 0.5])
    assert join.loc[0, "reason"].startswith("chess has 3 members, 3 you do not know: 3 in B")


def test_network_wrappers_and_unknown_group():
    net = club()
    assert len(net.groups_to_join(k=1)) == 1
    members = net.group("CLIMBING")
    assert list(members.index) == ["ann", "bob", "fay", "me"]
    assert members["you_know"].tolist() == [True, True, False, False]
    with pytest.raises(InputError, match="Did you mean 'chess'"):
        net.group("chees")
    with pytest.raises(InputError, match="Did you mean 'circles'"):
        net.groups(columns=["circle"])


def test_read_affiliations_csv_and_its_errors(tmp_path):
    path = tmp_path / "affiliations.csv"
    path.write_text(
        "person,group,kind,date\nme,PyData Leeds,event,2024-05-01\ndan,PyData Leeds,event,\n",
        encoding="utf-8",
    )
    table = read_affiliations(path)
    assert table["group"].tolist() == ["PyData Leeds"] * 2
    assert str(table["date"].iloc[0].date()) == "2024-05-01"
    net = club()
    both = net.affiliations(table=path)
    assert set(both.loc[both["group"] == "PyData Leeds", "kind"]) == {"event"}
    assert "PyData Leeds" in net.groups(affiliations=path).index
    bad = tmp_path / "bad.csv"
    bad.write_text("person,group\nme,x\nannn,y\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"row 3, column 'person'.*Did you mean 'ann'"):
        net.affiliations(table=bad)
    bad.write_text("persn,group\nme,x\n", encoding="utf-8")
    with pytest.raises(InputError, match="Did you mean 'persn'"):
        read_affiliations(bad)
    bad.write_text("person,group,date\nme,x,31/02/2024\n", encoding="utf-8")
    with pytest.raises(InputError, match="row 2, column 'date'"):
        read_affiliations(bad)


def test_sample_reads_tags_with_a_warning():
    net = netgraph.sample()
    with pytest.warns(NetgraphWarning, match="from 'tags'"):
        result = net.groups()
    assert "ego" not in result.index  # a group of you alone says nothing
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", NetgraphWarning)
        join = net.groups_to_join(k=5)
    assert len(join) == 5 and join["score"].is_monotonic_decreasing


def test_affiliations_doc_example():
    people = pd.DataFrame({"circles": ["a;b", "a"]}, index=["x", "y"])
    assert len(affiliations(people)) == 3


def test_a_large_calendar_event_becomes_a_group():
    """The readers' contract: an event over the limit goes to the people column `groups`."""
    from pathlib import Path

    from netgraph.io.ics import read_ics_tables

    path = Path(__file__).parent / "data" / "calendars" / "google.ics"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", NetgraphWarning)
        people, interactions = read_ics_tables(path, me="alex.morgan@example.com")
    net = Network.from_frames(
        people.reset_index(), interactions=interactions, ego="alex.morgan@example.com"
    )
    table = net.groups()
    members = people["groups"].fillna("").str.contains("All hands").sum()
    row = table.loc["All hands"]
    assert row["you_member"] and row["members"] == members and row["kind"] == "group"
    # the people you met in small meetings are your contacts; the rest of the hall is new
    assert row["you_know"] + row["unknown"] == members - 1
    assert row["unknown"] > row["you_know"] and row["verdict"] == "brings new people"
