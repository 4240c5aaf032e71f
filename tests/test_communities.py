"""Tests for netgraph.analysis.communities (Leiden and Louvain through igraph)."""

from __future__ import annotations

import random

import igraph as ig
import networkx as nx
import numpy as np
import pytest

from netgraph.analysis.communities import communities
from netgraph.errors import InputError


def partition(df):
    """The communities as a set of frozensets of people."""
    return {frozenset(members) for members in df.groupby("community").groups.values()}


def nx_modularity(G, df, weight, resolution=1.0):
    parts = [set(m) for m in df.groupby("community").groups.values()]
    return nx.community.modularity(G, parts, weight=weight, resolution=resolution)


def test_karate_club_leiden_reaches_the_known_optimum():
    # The best modularity partition of Zachary's karate club (unweighted) has Q = 0.4198.
    df = communities(nx.karate_club_graph(), weight=None)
    assert df.attrs["modularity"] == pytest.approx(0.4198, abs=1e-4)
    assert df.attrs["communities"] == 4
    assert df.attrs["modularity"] == pytest.approx(nx_modularity(nx.karate_club_graph(), df, None))


def test_karate_club_louvain_is_close():
    df = communities(nx.karate_club_graph(), weight=None, method="louvain")
    assert 0.38 < df.attrs["modularity"] <= 0.4198 + 1e-9
    assert df.attrs["method"] == "louvain"


def test_two_cliques_split_exactly():
    G = nx.barbell_graph(6, 0)  # cliques 0..5 and 6..11 joined by the tie 5-6
    for method in ("leiden", "louvain"):
        df = communities(G, method=method)
        assert partition(df) == {frozenset(range(6)), frozenset(range(6, 12))}
        # Labels: equal sizes, so the clique holding the smaller id gets 0.
        assert df.loc[0, "community"] == 0
        assert df.loc[11, "community"] == 1


@pytest.mark.parametrize("resolution", [0.5, 1.0, 2.0])
def test_modularity_agrees_with_networkx_weighted(resolution):
    G = nx.les_miserables_graph()  # weighted co-appearances
    df = communities(G, resolution=resolution)
    assert df.attrs["modularity"] == pytest.approx(
        nx_modularity(G, df, "weight", resolution), abs=1e-12
    )
    # Leiden should do at least as well as networkx's greedy algorithm at this resolution.
    greedy = nx.community.greedy_modularity_communities(G, weight="weight", resolution=resolution)
    greedy_q = nx.community.modularity(G, greedy, weight="weight", resolution=resolution)
    assert df.attrs["modularity"] >= greedy_q - 1e-9


def test_higher_resolution_gives_more_communities():
    G = nx.les_miserables_graph()
    low = communities(G, resolution=0.5).attrs["communities"]
    high = communities(G, resolution=2.0).attrs["communities"]
    assert high > low


def test_labels_are_canonical():
    df = communities(nx.les_miserables_graph())
    sizes = df["community"].value_counts().sort_index()
    assert sizes.index.tolist() == list(range(len(sizes)))
    assert sizes.is_monotonic_decreasing
    assert df.index.name == "person"
    assert df["community"].dtype == np.int64


def test_deterministic_and_independent_of_insertion_order():
    G = nx.les_miserables_graph()
    first = communities(G)
    second = communities(G)
    assert first.equals(second)
    nodes = list(G)
    edges = list(G.edges(data=True))
    rng = random.Random(3)
    rng.shuffle(nodes)
    rng.shuffle(edges)
    H = nx.Graph()
    H.add_nodes_from(nodes)
    H.add_edges_from((v, u, d) for u, v, d in edges)
    shuffled = communities(H)
    assert list(shuffled.index) == nodes
    assert (shuffled["community"].reindex(first.index) == first["community"]).all()
    assert shuffled.attrs["modularity"] == pytest.approx(first.attrs["modularity"])


def test_random_state_untouched_and_igraph_generator_restored():
    state = random.getstate()
    communities(nx.karate_club_graph(), seed=5)
    assert random.getstate() == state
    # igraph draws from Python's random module again: same seed, same random graph.
    random.seed(11)
    a = ig.Graph.Erdos_Renyi(n=30, p=0.2).get_edgelist()
    random.seed(11)
    b = ig.Graph.Erdos_Renyi(n=30, p=0.2).get_edgelist()
    assert a == b


def test_empty_graph_and_isolates():
    empty = communities(nx.Graph())
    assert empty.empty
    assert list(empty.columns) == ["community"]
    assert np.isnan(empty.attrs["modularity"])

    alone = communities(nx.empty_graph(3))
    assert sorted(alone["community"]) == [0, 1, 2]
    assert np.isnan(alone.attrs["modularity"])

    G = nx.complete_graph(4)
    G.add_nodes_from(["x", "y"])
    df = communities(G)
    assert df.loc[[0, 1, 2, 3], "community"].nunique() == 1
    assert df.loc["x", "community"] != df.loc["y", "community"]
    assert df["community"].value_counts().tolist() == [4, 1, 1]
    assert df.attrs["modularity"] == pytest.approx(nx_modularity(G, df, "weight"))


def test_directed_graph_uses_undirected_view_with_the_larger_weight():
    """The undirected rule of netgraph._graph (issue 14.1): a -> b 1 and b -> a 2 is a - b 2."""
    D = nx.DiGraph()
    D.add_weighted_edges_from(
        [("a", "b", 1.0), ("b", "a", 2.0), ("b", "c", 1.0), ("c", "a", 1.0),
         ("c", "d", 0.5), ("d", "e", 2.0), ("e", "f", 1.0), ("f", "d", 1.0), ("d", "d", 9.0)]
    )  # fmt: skip
    df = communities(D)
    U = nx.Graph()
    U.add_weighted_edges_from(
        [("a", "b", 2.0), ("b", "c", 1.0), ("a", "c", 1.0),
         ("c", "d", 0.5), ("d", "e", 2.0), ("e", "f", 1.0), ("d", "f", 1.0)]
    )  # fmt: skip
    assert partition(df) == {frozenset("abc"), frozenset("def")}
    assert df.attrs["modularity"] == pytest.approx(nx_modularity(U, df, "weight"))


def test_errors_and_no_mutation():
    G = nx.karate_club_graph()
    before = nx.to_dict_of_dicts(G), dict(G.nodes(data=True))
    communities(G)
    assert (nx.to_dict_of_dicts(G), dict(G.nodes(data=True))) == before
    with pytest.raises(InputError, match="unknown community method"):
        communities(G, method="spectral")
    with pytest.raises(InputError, match="resolution must be a positive"):
        communities(G, resolution=0)
    G[0][1]["weight"] = -1.0
    with pytest.raises(InputError, match="negative"):
        communities(G)


def test_email_eu_core(snap_file):
    # its speed is measured in benchmarks/bench_email_eu_core.py, not here
    edges_file = snap_file("email-Eu-core.txt")
    G = nx.DiGraph()
    G.add_edges_from(np.loadtxt(edges_file, dtype=np.int64).tolist())
    df = communities(G)
    assert df.attrs["modularity"] > 0.4
    # Undirected view: each pair once, weight 1 (the larger of its arcs' weights, 1 each).
    U = nx.Graph()
    U.add_nodes_from(G)
    U.add_weighted_edges_from((u, v, 1) for u, v in G.edges() if u != v)
    assert df.attrs["modularity"] == pytest.approx(nx_modularity(U, df, "weight"))
    unweighted = communities(G, weight=None)
    assert unweighted.attrs["modularity"] == pytest.approx(nx_modularity(U, unweighted, None))
