"""Tuple ids (``Network.from_graph`` keeps them) in brief, goal, roles and thanks_owed.

Ids are compared by one rule, ``netgraph._graph.is_person``: a tuple id is one id, never a
sequence to compare element by element (``array == (1, 1)`` broadcasts or raises).
"""

import networkx as nx
import pandas as pd
import pytest

from netgraph import Network, recommend

ME, ANN, BO, CY = (1, 1), (0, 1), (1, 0), (0, 0)


@pytest.fixture(scope="module")
def grid():
    """A 3 x 3 grid of named people: the ego in the middle, Ann (0, 1) her mentor."""
    G = nx.grid_2d_graph(3, 3)
    nx.set_node_attributes(G, {n: f"Person {n[0]}{n[1]}" for n in G}, "name")
    nx.set_node_attributes(G, {n: ("Acme", "Globex", "Initech")[n[0]] for n in G}, "company")
    nx.set_node_attributes(G, {n: ("engineer", "CTO", "designer")[n[1]] for n in G}, "role")
    nx.set_edge_attributes(G, "colleague", "kind")
    G.edges[ME, ANN]["kind"] = "mentor"
    return G


@pytest.fixture(scope="module")
def net(grid):
    return Network.from_graph(grid, ego=ME)


def log(rows):
    """An interaction log whose ends are tuple ids (object columns, one tuple per cell)."""
    frame = pd.DataFrame(rows, columns=["source", "target", "date", "kind"])
    for end in ("source", "target"):
        cells = frame[end].tolist()
        frame[end] = pd.Series(cells, dtype=object)
    frame["date"] = pd.to_datetime(frame["date"])
    return frame


LOG = [
    (ME, ANN, "2025-01-10", "meeting"),
    (ANN, ME, "2025-02-01", "introduction"),
    (BO, ME, "2025-02-03", "give"),
    (ME, BO, "2025-02-04", "thanks"),
    (ME, ANN, "2025-03-01", "give"),
]


def test_network_keeps_tuple_ids(net):
    assert net.ego == ME and ANN in net.people.index


def test_brief_by_tuple_id_and_by_name(net):
    by_id = net.brief(ANN)
    assert by_id.person == ANN
    assert "# Brief: Person 01" in by_id.to_markdown()
    assert net.brief("Person 01").person == ANN
    # two steps away: the contacts both know are the ego's contacts next to Cy
    mutual = net.brief(CY).mutual
    assert set(mutual["contact"]) == {ANN, BO}


def test_brief_reads_the_history_notes_and_changes_of_tuple_ids(net, grid):
    interactions = log(LOG)
    notes = pd.DataFrame({"person": [ANN, BO], "date": ["2025-01-01"] * 2, "note": ["hi", "no"]})
    changes = pd.DataFrame(
        {
            "person": [ANN],
            "field": ["company"],
            "old": ["Initech"],
            "new": ["Acme"],
            "date": ["2025-01-05"],
        }
    )
    b = recommend.brief(
        net.undirected,
        net.people,
        interactions,
        ME,
        ANN,
        stated_ties=net.stated_ties,
        notes=notes,
        changes=changes,
        communities=net.communities()["community"],
    )
    assert b.history.set_index("item").loc["interactions", "value"] == "3"
    assert list(b.notes["note"]) == ["hi"]
    assert list(b.changes["field"]) == ["company"]
    assert "mentor" in b.to_markdown()


def test_goal_targets_are_tuple_ids(net):
    g = net.goal(company="Initech")
    assert set(g.known["contact"]) == {(2, 1)}  # a contact of yours
    assert set(g.paths["target"]) == {(2, 0), (2, 2)}  # two steps away
    assert [p[0] for p in g.paths["path"]] == [ME, ME]
    # nobody is a pilot: the best partial match, never the ego
    partial = net.goal(company="Globex", role="pilot")
    assert partial.paths.empty
    assert list(partial.bridge["person"]) == [BO]  # Globex, and a contact of yours


def test_roles_find_the_mentor_by_tie_kind_and_gives(net):
    r = recommend.roles(
        net.undirected, net.people, ME, stated_ties=net.stated_ties, interactions=log(LOG)
    )
    plays = r.plays.set_index("role")
    assert plays.loc["mentor", "person"] == ANN


def test_thanks_owed_with_tuple_ids():
    owed = recommend.thanks_owed(log(LOG), ME, names={ANN: "Ann", BO: "Bo"})
    # Bo's give was thanked; Ann's introduction was not
    assert list(owed["person"]) == [ANN]
    assert owed["name"].iloc[0] == "Ann"


def test_brief_offers_each_introduction_of_a_tuple_id(net):
    # Two pairs: `pairs["a"] == (0, 1)` compared the two rows with 0 and 1 one by one and
    # found neither.
    pairs = pd.DataFrame(
        {
            "a": pd.Series([ANN, ANN], dtype=object),
            "b": pd.Series([(2, 1), (1, 2)], dtype=object),
            "score": [0.5, 0.4],
            "reason": ["first", "second"],
        }
    )
    b = recommend.brief(net.undirected, net.people, None, ME, ANN, introductions_to_make=pairs)
    assert list(b.introductions["contact"]) == [(2, 1), (1, 2)]
