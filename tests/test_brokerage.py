"""Tests for netgraph.analysis.brokerage (Gould and Fernandez roles)."""

from __future__ import annotations

import importlib

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netgraph.analysis.brokerage import ROLES, brokerage
from netgraph.errors import InputError, NetgraphWarning


def brute_brokerage(G: nx.Graph, groups: dict, weight: str | None = None) -> pd.DataFrame:
    """Enumerate every two-path a -> v -> b and classify the open ones (the reference)."""
    D = G if G.is_directed() else G.to_directed()
    rows = {}
    for v in D:
        counts = dict.fromkeys(ROLES, 0.0)
        for a in D.predecessors(v):
            for b in D.successors(v):
                if v in (a, b) or a == b or D.has_edge(a, b):
                    continue
                ga, gv, gb = groups[a], groups[v], groups[b]
                if ga == gv == gb:
                    role = "coordinator"
                elif ga == gb:
                    role = "itinerant"
                elif ga == gv:
                    role = "representative"
                elif gv == gb:
                    role = "gatekeeper"
                else:
                    role = "liaison"
                w = 1.0
                if weight is not None:
                    w = D[a][v].get(weight, 1) * D[v][b].get(weight, 1)
                counts[role] += w
        rows[v] = counts
    return pd.DataFrame([rows[v] for v in G], index=list(G), columns=list(ROLES), dtype=float)


def assert_matches_brute(G, groups, weight=None):
    got = brokerage(G, groups, weight=weight)
    expected = brute_brokerage(G, groups, weight)
    np.testing.assert_allclose(got[list(ROLES)].to_numpy(float), expected.to_numpy(), atol=1e-9)
    np.testing.assert_allclose(got["total"].to_numpy(float), expected.sum(axis=1).to_numpy())
    assert list(got.index) == list(G)


# A directed example worked by hand. Groups: A = {a1, a2, a3}, B = {b1, b2}, C = {c1}.
HAND_EDGES = [
    ("a1", "a2"), ("a2", "a3"), ("a3", "a2"), ("a1", "b1"), ("b1", "a3"),
    ("a3", "b2"), ("b2", "c1"), ("c1", "b1"), ("c1", "a1"),
]  # fmt: skip
HAND_GROUPS = {"a1": "A", "a2": "A", "a3": "A", "b1": "B", "b2": "B", "c1": "C"}
# Two-paths per broker (in-neighbour -> broker -> out-neighbour):
#   a1: c1>a1>a2 gatekeeper (C A A); c1>a1>b1 closed by c1->b1, not counted
#   a2: a1>a2>a3 coordinator; a3>a2>a3 returns to a3, not counted
#   a3: a2>a3>b2 representative; b1>a3>a2 gatekeeper; b1>a3>b2 itinerant (B A B);
#       a2>a3>a2 not counted
#   b1: a1>b1>a3 itinerant (A B A); c1>b1>a3 liaison (C B A)
#   b2: a3>b2>c1 liaison (A B C)
#   c1: b2>c1>b1 itinerant (B C B); b2>c1>a1 liaison (B C A)
HAND_COUNTS = {
    #      coord itin  rep  gate liaison
    "a1": (0, 0, 0, 1, 0),
    "a2": (1, 0, 0, 0, 0),
    "a3": (0, 1, 1, 1, 0),
    "b1": (0, 1, 0, 0, 1),
    "b2": (0, 0, 0, 0, 1),
    "c1": (0, 1, 0, 0, 1),
}


def test_hand_worked_directed_example():
    G = nx.DiGraph(HAND_EDGES)
    df = brokerage(G, HAND_GROUPS)
    expected = pd.DataFrame.from_dict(HAND_COUNTS, orient="index", columns=list(ROLES))
    pd.testing.assert_frame_equal(
        df[list(ROLES)], expected.rename_axis("person"), check_dtype=False
    )
    assert df["total"].to_dict() == {"a1": 1, "a2": 1, "a3": 3, "b1": 2, "b2": 1, "c1": 2}
    assert df["group"].tolist() == ["A", "A", "A", "B", "B", "C"]
    assert df.index.name == "person"
    assert df[list(ROLES)].dtypes.eq(np.int64).all()
    assert_matches_brute(G, HAND_GROUPS)


def test_hand_worked_normalized():
    # N = 6 people, D = (N - 1)(N - 2) = 20 ordered pairs of others.
    # a3 (group A, n_g = 3, t = 3): P(coord) = 2*1/20 = .1, P(rep) = P(gate) = 2*3/20 = .3,
    #   P(itin) = (2*1 + 1*0)/20 = .1, P(liaison) = (3*2 - 2)/20 = .2 (they sum to 1).
    #   Expected = 3 * P = .3, .3, .9, .9, .6; observed 0, 1, 1, 1, 0.
    # c1 (group C, n_g = 1, t = 2): coordinator, representative and gatekeeper impossible;
    #   P(itin) = (3*2 + 2*1)/20 = .4, P(liaison) = (5*4 - 8)/20 = .6.
    #   Expected itin .8, liaison 1.2; observed 1, 1.
    df = brokerage(nx.DiGraph(HAND_EDGES), HAND_GROUPS, normalize=True)
    a3 = df.loc["a3", list(ROLES)].to_numpy(float)
    np.testing.assert_allclose(a3, [0.0, 1 / 0.3, 1 / 0.9, 1 / 0.9, 0.0])
    c1 = df.loc["c1", list(ROLES)].to_numpy(float)
    assert np.isnan(c1[[0, 2, 3]]).all()
    np.testing.assert_allclose(c1[[1, 4]], [1 / 0.8, 1 / 1.2])
    assert df.loc["a3", "total"] == 3  # the raw base of the expectation


def test_weighted_two_paths_multiply_their_tie_weights():
    G = nx.DiGraph(HAND_EDGES)
    G["b2"]["c1"]["w"] = 2.0
    G["c1"]["a1"]["w"] = 3.0
    df = brokerage(G, HAND_GROUPS, weight="w")
    # c1: b2>c1>b1 itinerant = 2 * 1; b2>c1>a1 liaison = 2 * 3
    assert df.loc["c1", "itinerant"] == 2.0
    assert df.loc["c1", "liaison"] == 6.0
    # a1: c1>a1>a2 gatekeeper = 3 * 1
    assert df.loc["a1", "gatekeeper"] == 3.0
    assert_matches_brute(G, HAND_GROUPS, weight="w")


def test_undirected_star_counts_each_pair_both_ways():
    # Centre x (A) with leaves l1 (A), l2 (B), l3 (C): 3 * 2 ordered leaf pairs.
    # (l1, l2), (l1, l3): A A B, A A C representative; reversed: gatekeeper;
    # (l2, l3), (l3, l2): liaison.
    G = nx.star_graph(["x", "l1", "l2", "l3"])
    groups = {"x": "A", "l1": "A", "l2": "B", "l3": "C"}
    row = brokerage(G, groups).loc["x"]
    assert row[list(ROLES)].tolist() == [0, 0, 2, 2, 2]
    assert row["total"] == 6
    # Tying l2 to l3 closes both liaison two-paths.
    G.add_edge("l2", "l3")
    row = brokerage(G, groups).loc["x"]
    assert row[list(ROLES)].tolist() == [0, 0, 2, 2, 0]


def test_undirected_representative_equals_gatekeeper():
    G = nx.karate_club_graph()
    groups = {v: G.nodes[v]["club"] for v in G}
    df = brokerage(G, "club")
    assert (df["representative"] == df["gatekeeper"]).all()
    assert_matches_brute(G, groups)


@st.composite
def graphs(draw):
    n = draw(st.integers(0, 9))
    directed = draw(st.booleans())
    G = nx.DiGraph() if directed else nx.Graph()
    G.add_nodes_from(range(n))
    if n:
        pairs = st.tuples(st.integers(0, n - 1), st.integers(0, n - 1), st.integers(1, 5))
        for u, v, w in draw(st.lists(pairs, max_size=3 * n)):
            G.add_edge(u, v, w=w)  # self-loops included: they must be ignored
    groups = {v: draw(st.sampled_from("abc")) for v in G}
    return G, groups


@settings(max_examples=150, deadline=None)
@given(graphs())
def test_matches_brute_force_on_random_graphs(case):
    G, groups = case
    assert_matches_brute(G, groups)
    assert_matches_brute(G, groups, weight="w")


def test_triangles_listed_in_small_blocks_give_the_same_counts(monkeypatch):
    # Force the closed two-paths to be found a few wedges at a time.
    module = importlib.import_module("netgraph.analysis.brokerage")

    G = nx.gnp_random_graph(40, 0.2, seed=2, directed=True)
    groups = {v: v % 3 for v in G}
    whole = brokerage(G, groups)
    monkeypatch.setattr(module, "_BLOCK_WEDGES", 7)
    pd.testing.assert_frame_equal(brokerage(G, groups), whole)
    assert_matches_brute(G, groups)


def test_by_attribute_mapping_and_series_agree():
    G = nx.DiGraph(HAND_EDGES)
    nx.set_node_attributes(G, HAND_GROUPS, "team")
    from_attr = brokerage(G, "team")
    pd.testing.assert_frame_equal(from_attr, brokerage(G, HAND_GROUPS))
    pd.testing.assert_frame_equal(from_attr, brokerage(G, pd.Series(HAND_GROUPS)))


def test_people_without_group_are_groups_of_their_own():
    G = nx.DiGraph(HAND_EDGES)
    partial = {k: v for k, v in HAND_GROUPS.items() if k != "b2"}
    with pytest.warns(NetgraphWarning, match="1 of 6 people have no group"):
        df = brokerage(G, partial)
    assert pd.isna(df.loc["b2", "group"])
    # Same as giving b2 a group nobody else has.
    assert_matches_brute(G, {**partial, "b2": "only-b2"})
    reference = brokerage(G, {**partial, "b2": "only-b2"})
    pd.testing.assert_frame_equal(df[list(ROLES)], reference[list(ROLES)])


def test_integer_groups_with_missing_stay_integers():
    G = nx.path_graph(4)
    with pytest.warns(NetgraphWarning):
        df = brokerage(G, {0: 1, 1: 1, 2: 2})
    assert str(df["group"].dtype) == "Int64"
    assert df["group"].tolist()[:3] == [1, 1, 2]


def test_errors_name_the_problem():
    G = nx.path_graph(3)
    with pytest.raises(InputError, match="no person has a group in node attribute 'dept'"):
        brokerage(G, "dept")
    with pytest.raises(InputError, match="mapping person -> group"):
        brokerage(G, 42)
    G[0][1]["w"] = "heavy"
    with pytest.raises(InputError, match="not a number"):
        brokerage(G, {0: "a", 1: "a", 2: "b"}, weight="w")


def test_empty_and_edgeless_graphs():
    assert brokerage(nx.Graph(), {}).empty
    df = brokerage(nx.empty_graph(3), {0: "a", 1: "a", 2: "b"})
    assert (df["total"] == 0).all()
    assert df.index.name == "person"


def test_graph_is_not_mutated():
    G = nx.DiGraph(HAND_EDGES)
    nx.set_node_attributes(G, HAND_GROUPS, "team")
    before = nx.to_dict_of_dicts(G), dict(G.nodes(data=True))
    brokerage(G, "team", weight="weight", normalize=True)
    assert (nx.to_dict_of_dicts(G), dict(G.nodes(data=True))) == before


@pytest.fixture(scope="module")
def email_eu_core(snap_file):
    edges_file = snap_file("email-Eu-core.txt", "email-Eu-core-department-labels.txt")
    labels_file = edges_file.with_name("email-Eu-core-department-labels.txt")
    edges = np.loadtxt(edges_file, dtype=np.int64)
    labels = np.loadtxt(labels_file, dtype=np.int64)
    G = nx.DiGraph()
    G.add_nodes_from(labels[:, 0].tolist())
    G.add_edges_from(edges.tolist())
    return G, dict(labels.tolist())


def test_email_eu_core_equals_brute_force(email_eu_core):
    # its speed is measured in benchmarks/bench_email_eu_core.py, not here
    G, dept = email_eu_core
    assert (G.number_of_nodes(), G.number_of_edges(), len(set(dept.values()))) == (1005, 25571, 42)
    df = brokerage(G, dept)
    expected = brute_brokerage(G, dept)
    np.testing.assert_array_equal(df[list(ROLES)].to_numpy(), expected.to_numpy())
    # Total = number of open two-paths a -> v -> b (a, v, b distinct, no a -> b).
    A = nx.to_scipy_sparse_array(G, format="csr")
    A.setdiag(0)
    A.eliminate_zeros()
    A.data[:] = 1
    two_paths = A @ A
    all_paths = two_paths.sum() - two_paths.diagonal().sum()
    closed = two_paths.multiply(A).sum()
    assert df["total"].sum() == all_paths - closed == 1_082_347


def test_email_eu_core_normalized_matches_group_size_formula(email_eu_core):
    G, dept = email_eu_core
    raw = brokerage(G, dept)
    norm = brokerage(G, dept, normalize=True)
    n = G.number_of_nodes()
    sizes = pd.Series(dept).value_counts()
    ng = raw["group"].map(sizes).to_numpy(float)
    s_other = float((sizes * (sizes - 1)).sum()) - ng * (ng - 1)
    pairs = (n - 1) * (n - 2)
    p = {
        "coordinator": (ng - 1) * (ng - 2) / pairs,
        "itinerant": s_other / pairs,
        "representative": (ng - 1) * (n - ng) / pairs,
        "gatekeeper": (ng - 1) * (n - ng) / pairs,
        "liaison": ((n - ng) * (n - ng - 1) - s_other) / pairs,
    }
    np.testing.assert_allclose(sum(p.values()), 1.0)
    for role in ROLES:
        expected = raw["total"].to_numpy() * p[role]
        with np.errstate(divide="ignore", invalid="ignore"):
            ratio = np.where(expected > 0, raw[role].to_numpy() / expected, np.nan)
        np.testing.assert_allclose(norm[role].to_numpy(), ratio, equal_nan=True)
    assert (norm["total"] == raw["total"]).all()
