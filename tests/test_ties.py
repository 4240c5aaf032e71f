"""Tests of netgraph.analysis.ties.weak_ties against independent references.

References used:
* overlap and embeddedness: a literal implementation of Onnela et al. (PNAS 2007) with Python
  set intersections (``reference``);
* ``bridge``: :func:`networkx.bridges`; ``local_bridge`` and ``span``:
  :func:`networkx.local_bridges` with ``with_span=True``;
* the ``kind`` rule: hand-worked graphs with dates;
* Onnela's finding (overlap rises with tie strength) measured on SNAP's CollegeMsg data.
"""

from __future__ import annotations

import copy
import importlib

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scipy.stats import spearmanr

from netgraph.analysis.closure import closure
from netgraph.analysis.ties import weak_ties
from netgraph.errors import InputError

ties = importlib.import_module("netgraph.analysis.ties")

COLUMNS = [
    "strength",
    "overlap",
    "embeddedness",
    "bridge",
    "local_bridge",
    "span",
    "last_contact",
    "kind",
]


# --------------------------------------------------------------------------- references


def reference(G: nx.Graph) -> pd.DataFrame:
    """Overlap and embeddedness tie by tie, by set intersections (self-loops ignored)."""
    nbrs = {u: set(G[u]) - {u} for u in G}
    rows = {}
    for u, v in G.edges():
        if u == v:
            continue
        n = len(nbrs[u] & nbrs[v])
        denom = (len(nbrs[u]) - 1) + (len(nbrs[v]) - 1) - n
        rows[(u, v)] = (n / denom if denom else 0.0, n)
    ref = pd.DataFrame.from_dict(rows, orient="index", columns=["overlap", "embeddedness"])
    return ref.astype({"overlap": float, "embeddedness": np.int64})


def pair(u, v) -> frozenset:
    return frozenset((u, v))


def by_pair(df: pd.DataFrame, like: pd.DataFrame) -> pd.DataFrame:
    """Reorder `df` (a weak_ties table) to the ties of `like`, matching unordered pairs."""
    df = df.set_axis([pair(u, v) for u, v in df.index])
    return df.loc[[pair(u, v) for u, v in like.index]].set_axis(like.index)


def check_against_networkx(G: nx.Graph) -> pd.DataFrame:
    """Compare every column that has an independent reference; return the table."""
    df = weak_ties(G)
    ref = reference(G)
    assert list(df.index) == list(ref.index)
    np.testing.assert_allclose(df["overlap"].to_numpy(), ref["overlap"].to_numpy(), atol=1e-12)
    np.testing.assert_array_equal(df["embeddedness"].to_numpy(), ref["embeddedness"].to_numpy())

    keys = [pair(u, v) for u, v in df.index]
    bridges = {pair(u, v) for u, v in nx.bridges(G)}
    assert [k in bridges for k in keys] == df["bridge"].tolist()

    local = {pair(u, v): span for u, v, span in nx.local_bridges(G, with_span=True)}
    assert [k in local for k in keys] == df["local_bridge"].tolist()
    expected_span = [float(local.get(k, 2)) for k in keys]
    assert df["span"].tolist() == expected_span
    return df


# --------------------------------------------------------------------------- graphs


@pytest.fixture(scope="module")
def karate() -> nx.Graph:
    return nx.karate_club_graph()


@pytest.fixture(scope="module")
def lesmis() -> nx.Graph:
    return nx.les_miserables_graph()


@st.composite
def graphs(draw, *, max_nodes: int = 14) -> nx.Graph:
    n = draw(st.integers(0, max_nodes))
    G = nx.Graph()
    G.add_nodes_from(range(n))
    if n >= 2:
        pairs = st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)).filter(
            lambda p: p[0] != p[1]
        )
        for u, v in draw(st.lists(pairs, max_size=3 * n)):
            G.add_edge(u, v, weight=draw(st.integers(1, 9)))
    return G


# --------------------------------------------------------------------------- structure


def test_karate_matches_references(karate):
    df = check_against_networkx(karate)
    assert len(df) == karate.number_of_edges() == 78
    # Hand-worked: 0 and 1 share 7 contacts; k_0 = 16, k_1 = 9 -> 7 / (15 + 8 - 7).
    assert df.loc[(0, 1), "embeddedness"] == 7
    assert df.loc[(0, 1), "overlap"] == pytest.approx(7 / 16)
    # Person 11 has a single tie, to 0: the only bridge of the club.
    assert df.index[df["bridge"]].tolist() == [(0, 11)]
    np.testing.assert_array_equal(
        df["strength"].to_numpy(), [karate.edges[e]["weight"] for e in karate.edges]
    )


def test_les_miserables_weighted(lesmis):
    df = check_against_networkx(lesmis)
    assert len(df) == 254
    assert df.loc[("Napoleon", "Myriel"), "strength"] == 1.0
    assert df.loc[("Valjean", "Cosette"), "strength"] == lesmis["Valjean"]["Cosette"]["weight"]
    assert df["bridge"].sum() == len(list(nx.bridges(lesmis)))
    assert df.index.names == ["source", "target"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(graphs())
def test_random_graphs_match_references(G):
    check_against_networkx(G)


def test_chunked_paths_agree(monkeypatch):
    """Tiny work budgets force many chunks and batches; the answers must not change."""
    G = nx.powerlaw_cluster_graph(300, 3, 0.2, seed=3)
    G.add_edges_from([(300, 301), (301, 302), (302, 300), (0, 300), (303, 304)])
    whole = weak_ties(G)
    monkeypatch.setattr(ties, "_CHUNK_ENTRIES", 40)
    pieces = check_against_networkx(G)
    pd.testing.assert_frame_equal(whole, pieces)


def test_long_spans_and_bridges():
    # A cycle of 9: no tie has a mutual contact, each spans the rest of the ring (8 steps);
    # a pendant tie hung off it is a bridge.
    G = nx.cycle_graph(9)
    G.add_edge(0, "leaf")
    df = check_against_networkx(G)
    assert df.loc[(0, 1), "span"] == 8
    assert df.loc[(0, "leaf"), "span"] == np.inf
    assert df["local_bridge"].all()
    assert df.index[df["bridge"]].tolist() == [(0, "leaf")]


def test_isolated_pair_has_zero_overlap():
    # k_i = k_j = 1: the denominator of the overlap is 0, and the overlap is defined as 0.
    df = weak_ties(nx.Graph([("a", "b")]))
    assert df.loc[("a", "b"), "overlap"] == 0.0
    assert df.loc[("a", "b"), "bridge"]


def test_self_loops_are_ignored():
    G = nx.Graph([(0, 1), (1, 2), (0, 2), (2, 3)])
    with_loops = G.copy()
    with_loops.add_edges_from([(0, 0), (3, 3)])
    df = weak_ties(with_loops)
    pd.testing.assert_frame_equal(df, weak_ties(G))
    assert len(df) == 4


def test_edge_order_and_stored_endpoints():
    G = nx.Graph()
    G.add_edges_from([("z", "a"), ("m", "z"), ("a", "m"), ("a", "q")])
    df = weak_ties(G)
    assert list(df.index) == list(G.edges)


def test_weight_none_and_missing_weights():
    G = nx.Graph()
    G.add_edge("a", "b", weight=3.5)
    G.add_edge("b", "c")
    G.add_edge("c", "a", w=2)
    assert list(G.edges) == [("a", "b"), ("a", "c"), ("b", "c")]
    assert weak_ties(G)["strength"].tolist() == [3.5, 1.0, 1.0]
    assert weak_ties(G, weight="w")["strength"].tolist() == [1.0, 2.0, 1.0]
    assert weak_ties(G, weight=None)["strength"].tolist() == [1.0, 1.0, 1.0]


# --------------------------------------------------------------------------- directed


def test_digraph_is_read_as_undirected():
    D = nx.DiGraph()
    D.add_edge("a", "b", weight=2, last_contact=pd.Timestamp("2024-01-01"))
    D.add_edge("b", "c", weight=1)
    D.add_edge("b", "a", weight=5, last_contact=pd.Timestamp("2024-03-01"))
    D.add_edge("c", "a", weight=4)
    D.add_edge("c", "d", weight=1)
    df = weak_ties(D)
    # One row per pair, at its first direction in D.edges, endpoints as stored there.
    assert list(df.index) == [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")]
    assert df.loc[("a", "b"), "strength"] == 5  # the larger direction
    assert df.loc[("a", "b"), "last_contact"] == pd.Timestamp("2024-03-01")  # the later one
    assert pd.isna(df.loc[("b", "c"), "last_contact"])

    U = nx.Graph()
    U.add_edges_from(df.index)
    ref = reference(U)
    np.testing.assert_allclose(df["overlap"].to_numpy(), ref["overlap"].to_numpy())
    assert df["bridge"].tolist() == [False, False, False, True]
    assert df.loc[("c", "a"), "embeddedness"] == 1


def test_digraph_email_like_matches_undirected_reference():
    D = nx.gnp_random_graph(60, 0.08, seed=7, directed=True)
    for u, v in D.edges:
        D.edges[u, v]["weight"] = (u * 7 + v * 3) % 5 + 1
    df = weak_ties(D)
    U = nx.Graph()
    U.add_nodes_from(D)
    for u, v, w in D.edges(data="weight"):
        if not U.has_edge(u, v):
            back = D.edges[v, u]["weight"] if D.has_edge(v, u) else 0
            U.add_edge(u, v, weight=max(w, back))
    pd.testing.assert_frame_equal(df, by_pair(check_against_networkx(U), df))


# --------------------------------------------------------------------------- kinds


@pytest.fixture
def dated() -> nx.Graph:
    G = nx.Graph()
    G.add_edge("me", "ann", weight=0.9, last_contact=pd.Timestamp("2024-06-01"))
    G.add_edge("me", "bob", weight=0.2, last_contact=pd.Timestamp("2024-05-01"))
    G.add_edge("me", "cat", weight=0.8, last_contact=pd.Timestamp("2022-01-01"))
    G.add_edge("me", "dan", weight=0.5)  # no date: never dormant
    G.add_edge("ann", "bob", weight=0.4, last_contact="2023-06-02")  # 365 days before 2024-06-01
    return G


def test_kinds_with_data_driven_defaults(dated):
    df = weak_ties(dated)
    # today = the latest last_contact (2024-06-01); cat's tie is 882 days old: dormant.
    # ann-bob is exactly 365 days old: not *more* than dormant_after, so not dormant.
    # strong = median strength of the other four ties = median(0.9, 0.2, 0.5, 0.4) = 0.45.
    assert df["kind"].to_dict() == {
        ("me", "ann"): "strong",
        ("me", "bob"): "weak",
        ("me", "cat"): "dormant",
        ("me", "dan"): "strong",
        ("ann", "bob"): "weak",
    }
    assert df.attrs["thresholds"] == {
        "strong": pytest.approx(0.45),
        "weak": pytest.approx(0.45),
        "dormant_after": 365.0,
        "today": pd.Timestamp("2024-06-01"),
    }
    assert df["last_contact"].dtype == "datetime64[ns]"
    assert df.loc[("ann", "bob"), "last_contact"] == pd.Timestamp("2023-06-02")


def test_kinds_with_explicit_thresholds(dated):
    df = weak_ties(dated, today="2024-07-01", strong=0.8, weak=0.3, dormant_after=30)
    assert df["kind"].to_dict() == {
        ("me", "ann"): "strong",
        ("me", "bob"): "dormant",  # 61 days
        ("me", "cat"): "dormant",
        ("me", "dan"): "intermediate",  # 0.3 <= 0.5 < 0.8
        ("ann", "bob"): "dormant",
    }
    assert df.attrs["thresholds"]["today"] == pd.Timestamp("2024-07-01")

    one_cut = weak_ties(dated, weak=0.5, dormant_after=pd.Timedelta(days=10_000))
    assert one_cut["kind"].tolist() == ["strong", "weak", "strong", "strong", "weak"]
    assert one_cut.attrs["thresholds"]["strong"] == 0.5


def test_nothing_is_dormant_without_dates(karate):
    df = weak_ties(karate, today="2030-01-01", dormant_after=0)
    assert set(df["kind"]) == {"strong", "weak"}
    median = float(np.median([w for *_, w in karate.edges(data="weight")]))
    assert df.attrs["thresholds"]["strong"] == median
    assert df["kind"].eq("strong").tolist() == (df["strength"] >= median).tolist()
    assert weak_ties(karate).attrs["thresholds"]["today"] is None


def test_bad_input_is_reported(dated):
    with pytest.raises(InputError, match="multigraph"):
        weak_ties(nx.MultiGraph([(0, 1)]))
    G = nx.Graph()
    G.add_edge("a", "b", weight="heavy")
    with pytest.raises(InputError, match=r"\('a', 'b'\) has weight 'heavy'"):
        weak_ties(G)
    G = nx.Graph()
    G.add_edge("a", "b", last_contact="not a date")
    with pytest.raises(InputError, match="last_contact"):
        weak_ties(G)
    with pytest.raises(InputError, match="exceeds"):
        weak_ties(dated, strong=0.2, weak=0.6)
    with pytest.raises(InputError, match="dormant_after"):
        weak_ties(dated, dormant_after=-1)
    with pytest.raises(InputError, match="today"):
        weak_ties(dated, today="soon")


# --------------------------------------------------------------------------- contract


@pytest.mark.parametrize("G", [nx.Graph(), nx.empty_graph(4), nx.DiGraph()], ids=str)
def test_empty_graph_gives_empty_frame(G):
    df = weak_ties(G)
    assert df.empty
    assert list(df.columns) == COLUMNS
    assert df.index.names == ["source", "target"]
    assert df["last_contact"].dtype == "datetime64[ns]"
    assert df["embeddedness"].dtype == np.int64
    assert df["bridge"].dtype == bool
    assert np.isnan(df.attrs["thresholds"]["strong"])


def test_graph_is_not_mutated(dated, lesmis):
    D = nx.DiGraph(dated)
    D.add_edge("bob", "me", weight=0.7)
    for G in (dated, lesmis, D):
        before = copy.deepcopy(G)
        weak_ties(G)
        assert nx.utils.graphs_equal(G, before)
        assert list(G.edges(data=True)) == list(before.edges(data=True))


def test_columns_and_types(karate):
    df = weak_ties(karate)
    assert list(df.columns) == COLUMNS
    assert df["strength"].dtype == float
    assert df["span"].dtype == float
    assert df["kind"].dtype == "str"
    assert df["overlap"].between(0, 1).all()
    assert (df["local_bridge"] == (df["embeddedness"] == 0)).all()
    assert (df["span"] >= 2).all()


# --------------------------------------------------------------------------- real data


def test_email_eu_core_directed(snap_file):
    """A real directed e-mail log with self-loops: equal to its undirected reading."""
    path = snap_file("email-Eu-core.txt")
    edges = pd.read_csv(path, sep=r"\s+", header=None, names=["u", "v"])
    D = nx.DiGraph()
    D.add_edges_from(edges.itertuples(index=False))
    assert nx.number_of_selfloops(D) > 0
    df = weak_ties(D)
    U = nx.Graph(D)
    U.remove_edges_from(list(nx.selfloop_edges(U)))
    ref = check_against_networkx(U)
    assert len(df) == len(ref) == 16064
    pd.testing.assert_frame_equal(df, by_pair(ref, df))


@pytest.fixture(scope="module")
def college(snap_file) -> tuple[nx.Graph, pd.DataFrame]:
    path = snap_file("CollegeMsg.txt")
    msgs = pd.read_csv(path, sep=" ", header=None, names=["sender", "receiver", "ts"])
    a = np.minimum(msgs["sender"], msgs["receiver"])
    b = np.maximum(msgs["sender"], msgs["receiver"])
    counts = pd.DataFrame({"a": a, "b": b}).groupby(["a", "b"]).size()
    G = nx.Graph()
    G.add_weighted_edges_from((u, v, int(w)) for (u, v), w in counts.items())
    return G, weak_ties(G)


def test_college_msg_structure(college):
    G, college = college
    assert (G.number_of_nodes(), len(college)) == (1899, 13838)
    assert college["strength"].sum() == 59835  # every message counted once
    bridges = {pair(u, v) for u, v in nx.bridges(G)}
    assert college["bridge"].tolist() == [pair(u, v) in bridges for u, v in college.index]
    assert (college["span"][~college["local_bridge"]] == 2).all()


def test_college_msg_overlap_rises_with_strength(college):
    """Onnela et al.'s finding holds on CollegeMsg, weakly: stronger ties overlap more.

    Measured: Spearman rho = 0.185 (p ~ 1e-106) over 13,838 ties; mean overlap 0.0234 for the
    bottom strength decile (strength <= its 10th percentile, 1 message: 5,231 ties) and 0.0369
    for the top decile (strength >= its 90th percentile, 9 messages: 1,540 ties).
    """
    _, college = college
    rho, p = spearmanr(college["strength"], college["overlap"])
    assert rho == pytest.approx(0.1849, abs=1e-3)
    assert p < 1e-100

    w = college["strength"]
    low, high = w.quantile([0.1, 0.9])
    bottom = college.loc[w <= low, "overlap"].mean()
    top = college.loc[w >= high, "overlap"].mean()
    assert (low, high) == (1, 9)
    assert bottom == pytest.approx(0.02344, abs=1e-4)
    assert top == pytest.approx(0.03695, abs=1e-4)
    assert top > 1.5 * bottom


def test_one_strength_for_every_tie_cannot_tell_weak_from_strong():
    """Unweighted: the median cut would call every tie strong; they are intermediate instead."""
    G = nx.karate_club_graph()
    nx.set_edge_attributes(G, 1.0, "weight")
    ties = weak_ties(G)
    assert set(ties["kind"]) == {"intermediate"}
    assert np.isnan(ties.attrs["thresholds"]["strong"])
    assert np.isnan(closure(G)["weak_share"].iloc[0])
    # a cut the user gives still applies
    assert set(weak_ties(G, strong=1.0)["kind"]) == {"strong"}


def test_inferred_ties_do_not_move_the_cut_between_weak_and_strong():
    # issue 11: many low-weight guesses must not turn every known tie strong
    G = nx.Graph()
    G.add_weighted_edges_from([("a", "b", 0.2), ("a", "c", 0.5), ("a", "d", 0.8)])
    known = weak_ties(G)
    for i in range(20):
        G.add_edge(f"x{i}", f"y{i}", weight=0.05, evidence="inferred")
    with_guesses = weak_ties(G)
    assert with_guesses.attrs["thresholds"]["strong"] == known.attrs["thresholds"]["strong"]
    assert (with_guesses.loc[("a", "b"), "kind"]) == "weak"
    assert (with_guesses.loc[[("a", "b"), ("a", "c"), ("a", "d")], "kind"] == known["kind"]).all()
