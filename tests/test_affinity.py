"""Tests for netgraph.analysis.affinity (E-I index, same-group share, assortativity)."""

from __future__ import annotations

import random

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from netgraph.analysis.affinity import affinity, group_mixing
from netgraph.errors import InputError, NetgraphWarning

COLUMNS = [
    "group",
    "internal",
    "external",
    "ei_index",
    "same_group_share",
    "expected_same_group_share",
]


def hand_graph():
    # Teams: x = {ann, bob, cat}, y = {dan, eve}, z = {fay}; gus is an isolate in team y.
    G = nx.Graph(
        [("ann", "bob"), ("ann", "cat"), ("ann", "dan"), ("bob", "dan"), ("dan", "eve"),
         ("eve", "fay"), ("cat", "fay")]
    )  # fmt: skip
    G.add_node("gus")
    teams = {"ann": "x", "bob": "x", "cat": "x", "dan": "y", "eve": "y", "fay": "z", "gus": "y"}
    return G, teams


def test_hand_worked_ei_index():
    G, teams = hand_graph()
    df = affinity(G, teams)
    assert list(df.columns) == COLUMNS
    assert df.index.name == "person"
    # ann: bob, cat internal; dan external -> I = 2, E = 1, EI = (1 - 2) / 3 = -1/3
    # bob: ann internal; dan external      -> EI = (1 - 1) / 2 = 0
    # dan: eve internal; ann, bob external -> EI = (2 - 1) / 3 = 1/3
    # fay: eve, cat both external          -> EI = (2 - 0) / 2 = 1
    # gus: no ties                         -> NaN
    assert df.loc["ann", ["internal", "external"]].tolist() == [2, 1]
    assert df.loc["ann", "ei_index"] == pytest.approx(-1 / 3)
    assert df.loc["bob", "ei_index"] == pytest.approx(0.0)
    assert df.loc["dan", "ei_index"] == pytest.approx(1 / 3)
    assert df.loc["fay", "ei_index"] == pytest.approx(1.0)
    assert np.isnan(df.loc["gus", "ei_index"])
    assert np.isnan(df.loc["gus", "same_group_share"])
    assert df.loc["ann", "same_group_share"] == pytest.approx(2 / 3)
    # Chance share of own group among the other 6 people: x -> 2/6, y -> 2/6, z -> 0/6.
    assert df.loc["ann", "expected_same_group_share"] == pytest.approx(2 / 6)
    assert df.loc["gus", "expected_same_group_share"] == pytest.approx(2 / 6)
    assert df.loc["fay", "expected_same_group_share"] == 0.0

    net = df.attrs["network"]
    # Internal ties: ann-bob, ann-cat, dan-eve = 3; external: ann-dan, bob-dan, eve-fay,
    # cat-fay = 4. EI = (4 - 3) / 7 = 1/7.
    assert (net["internal"], net["external"]) == (3, 4)
    assert net["ei_index"] == pytest.approx(1 / 7)
    assert net["same_group_share"] == pytest.approx(3 / 7)
    # Same-group pairs: 3*2 + 3*2 + 1*0 = 12 ordered of 7*6 = 42 -> 2/7.
    assert net["expected_same_group_share"] == pytest.approx(2 / 7)
    assert net["expected_ei_index"] == pytest.approx(1 - 4 / 7)
    assert net["groups"] == 3
    assert net["ungrouped"] == 0


def test_weighted_ei_index():
    G, teams = hand_graph()
    G["ann"]["dan"]["w"] = 4.0  # ann: I = 1 + 1, E = 4 -> EI = (4 - 2) / 6 = 1/3
    df = affinity(G, teams, weight="w")
    assert df.loc["ann", "ei_index"] == pytest.approx(1 / 3)
    assert df.loc["ann", "external"] == 4.0
    # Network: I = 3, E = 4 + 3 = 7 -> (7 - 3) / 10
    assert df.attrs["network"]["ei_index"] == pytest.approx(0.4)


def test_two_cliques_interior_is_minus_one():
    # Two 5-cliques joined by one tie 4-5; groups are the cliques.
    G = nx.barbell_graph(5, 0)
    groups = {v: "left" if v < 5 else "right" for v in G}
    df = affinity(G, groups)
    interior = [v for v in G if v not in (4, 5)]
    assert (df.loc[interior, "ei_index"] == -1.0).all()
    # Bridge ends: 4 internal, 1 external -> (1 - 4) / 5.
    assert df.loc[4, "ei_index"] == pytest.approx(-0.6)
    # Network: 20 internal, 1 external.
    assert df.attrs["network"]["ei_index"] == pytest.approx((1 - 20) / 21)


def test_bipartite_pattern_is_plus_one():
    G = nx.complete_bipartite_graph(2, 3)
    side = {v: G.nodes[v]["bipartite"] for v in G}
    df = affinity(G, side)
    assert (df["ei_index"] == 1.0).all()
    assert (df["same_group_share"] == 0.0).all()
    net = df.attrs["network"]
    assert net["ei_index"] == 1.0
    assert net["assortativity"] == pytest.approx(-1.0)


def brute_network(G: nx.Graph, groups: dict, weight: str | None) -> tuple[float, float]:
    """Internal and external tie weight of the undirected view, the larger reciprocal weight."""
    ties: dict[frozenset, float] = {}
    for u, v, w in G.edges(data=weight, default=1):
        if u != v:
            key = frozenset((u, v))
            ties[key] = max(ties.get(key, 0.0), 1.0 if weight is None else w)
    if weight is None:
        ties = dict.fromkeys(ties, 1.0)
    internal = sum(w for k, w in ties.items() if len({groups[x] for x in k}) == 1)
    external = sum(w for k, w in ties.items() if len({groups[x] for x in k}) == 2)
    return internal, external


@pytest.mark.parametrize("directed", [False, True])
@pytest.mark.parametrize("weight", [None, "w"])
def test_network_and_person_values_match_brute_force(directed, weight):
    rng = random.Random(7)
    for trial in range(20):
        G = nx.gnp_random_graph(rng.randint(2, 15), 0.3, seed=trial, directed=directed)
        for u, v in G.edges():
            G[u][v]["w"] = rng.uniform(0.1, 2.0)
        G.add_edge(0, 0, w=5.0)  # self-loops are ignored
        groups = {v: rng.choice("abc") for v in G}
        df = affinity(G, groups, weight=weight)
        internal, external = brute_network(G, groups, weight)
        net = df.attrs["network"]
        assert net["internal"] == pytest.approx(internal)
        assert net["external"] == pytest.approx(external)
        if internal + external:
            assert net["ei_index"] == pytest.approx((external - internal) / (internal + external))
        # Each tie is counted at both ends.
        assert df["internal"].sum() == pytest.approx(2 * internal)
        assert df["external"].sum() == pytest.approx(2 * external)
        nx.set_node_attributes(G, groups, "g")
        if G.number_of_edges() > 1:
            with np.errstate(invalid="ignore", divide="ignore"):  # r = 0/0 for one group
                reference = nx.attribute_assortativity_coefficient(G, "g")
            assert net["assortativity"] == pytest.approx(reference, nan_ok=True)


def test_directed_graph_read_as_undirected():
    G = nx.DiGraph([("a", "b"), ("b", "a"), ("a", "c")])
    nx.set_edge_attributes(G, 1.0, "w")
    G["b"]["a"]["w"] = 0.25
    groups = {"a": 1, "b": 1, "c": 2}
    unweighted = affinity(G, groups)
    assert unweighted.loc["a", ["internal", "external"]].tolist() == [1, 1]
    weighted = affinity(G, groups, weight="w")  # the larger of a -> b and b -> a
    assert weighted.loc["a", ["internal", "external"]].tolist() == [1.0, 1.0]


def test_numeric_assortativity_matches_networkx():
    G = nx.karate_club_graph()
    age = {v: 20 + (v * 7) % 13 for v in G}
    nx.set_node_attributes(G, age, "age")
    net = affinity(G, "age").attrs["network"]
    assert net["numeric_assortativity"] == pytest.approx(
        nx.numeric_assortativity_coefficient(G, "age")
    )
    assert net["assortativity"] == pytest.approx(nx.attribute_assortativity_coefficient(G, "age"))
    assert np.isnan(affinity(G, "club").attrs["network"]["numeric_assortativity"])


def test_people_without_group_are_left_out():
    G, teams = hand_graph()
    del teams["dan"]
    with pytest.warns(NetgraphWarning, match="1 of 7 people have no group"):
        df = affinity(G, teams)
    # ann's tie to dan is neither internal nor external: I = 2, E = 0.
    assert df.loc["ann", ["internal", "external"]].tolist() == [2, 0]
    assert df.loc["ann", "ei_index"] == -1.0
    assert np.isnan(df.loc["dan", "ei_index"])
    assert np.isnan(df.loc["dan", "expected_same_group_share"])
    net = df.attrs["network"]
    assert net["ungrouped"] == 1
    # Six grouped people: x = 3, y = 2 (eve, gus), z = 1 -> (6 + 2) / 30.
    assert net["expected_same_group_share"] == pytest.approx(8 / 30)


def test_group_mixing_hand_worked():
    G, teams = hand_graph()
    gm = group_mixing(G, teams)
    assert gm.index.name == "group"
    assert gm.index.tolist() == ["x", "y", "z"]
    # x: ann-bob, ann-cat inside; ann-dan, bob-dan, cat-fay out -> EI = (3 - 2) / 5
    # y: dan-eve inside; ann-dan, bob-dan, eve-fay out          -> EI = (3 - 1) / 4
    # z: eve-fay, cat-fay out                                   -> EI = 1
    assert gm["size"].tolist() == [3, 3, 1]
    assert gm["internal"].tolist() == [2, 1, 0]
    assert gm["external"].tolist() == [3, 3, 2]
    np.testing.assert_allclose(gm["ei_index"], [0.2, 0.5, 1.0])
    # Density: 2 of 3 pairs in x, 1 of 3 in y, undefined for a group of one.
    np.testing.assert_allclose(gm["density"], [2 / 3, 1 / 3, np.nan])
    # Expected, x: internal pairs 3, external pairs 3 * 4 = 12 -> (12 - 3) / 15.
    assert gm.loc["x", "expected_ei_index"] == pytest.approx(9 / 15)
    assert gm.loc["z", "expected_ei_index"] == pytest.approx(1.0)


def test_group_mixing_consistent_with_affinity():
    G = nx.karate_club_graph()
    gm = group_mixing(G, "club", weight="weight")
    net = affinity(G, "club", weight="weight").attrs["network"]
    assert gm["internal"].sum() == pytest.approx(net["internal"])
    assert gm["external"].sum() == pytest.approx(2 * net["external"])
    assert gm["size"].sum() == 34


def test_input_forms_and_errors():
    G, teams = hand_graph()
    nx.set_node_attributes(G, teams, "team")
    pd.testing.assert_frame_equal(affinity(G, "team"), affinity(G, pd.Series(teams)))
    with pytest.raises(InputError, match="no person has a group"):
        affinity(G, "nope")
    assert affinity(nx.Graph(), {}).empty


def test_graph_is_not_mutated():
    G, teams = hand_graph()
    nx.set_node_attributes(G, teams, "team")
    before = nx.to_dict_of_dicts(G), dict(G.nodes(data=True))
    affinity(G, "team", weight="weight")
    group_mixing(G, "team", weight="weight")
    assert (nx.to_dict_of_dicts(G), dict(G.nodes(data=True))) == before


def test_email_eu_core_departments(snap_file):
    edges_file = snap_file("email-Eu-core.txt", "email-Eu-core-department-labels.txt")
    labels_file = edges_file.with_name("email-Eu-core-department-labels.txt")
    labels = np.loadtxt(labels_file, dtype=np.int64)
    G = nx.DiGraph()
    G.add_nodes_from(labels[:, 0].tolist())
    G.add_edges_from(np.loadtxt(edges_file, dtype=np.int64).tolist())
    nx.set_node_attributes(G, dict(labels.tolist()), "dept")
    df = affinity(G, "dept")  # its speed: benchmarks/bench_email_eu_core.py
    gm = group_mixing(G, "dept")
    net = df.attrs["network"]
    assert net["groups"] == 42
    assert net["assortativity"] == pytest.approx(nx.attribute_assortativity_coefficient(G, "dept"))
    internal, external = brute_network(G, dict(labels.tolist()), None)
    assert (net["internal"], net["external"]) == (internal, external)
    # Departments are far more inward-looking than chance.
    assert net["same_group_share"] > 5 * net["expected_same_group_share"]
    assert len(gm) == 42
    assert gm["internal"].sum() == internal
