"""Tests of netgraph.recommend.introductions: introductions and introductions_to_make."""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netgraph.errors import InputError, UnknownPersonError
from netgraph.recommend.introductions import (
    introductions,
    introductions_to_make,
    strength_curve,
)

INTRO_COLUMNS = [
    "person",
    "via",
    "score",
    "reason",
    "gain_effective_size",
    "constraint_before",
    "constraint_after",
    "new_community",
    "via_strength",
    "via_candidate_strength",
    "mutual_contacts",
]


def three_cliques() -> tuple[nx.Graph, dict]:
    """Cliques A, B, C of five (strength 0.8 inside); bridges a1-b0 (0.4) and a2-c0 (0.3).

    For a0 the answers are plain: the only people two steps away are b0 (through a1) and c0
    (through a2), each in a community a0 has no tie into.
    """
    G = nx.Graph()
    for group in "abc":
        members = [f"{group}{i}" for i in range(5)]
        G.add_weighted_edges_from(
            (u, v, 0.8) for i, u in enumerate(members) for v in members[i + 1 :]
        )
    G.add_edge("a1", "b0", weight=0.4)
    G.add_edge("a2", "c0", weight=0.3)
    for node in G:
        G.nodes[node]["name"] = node.upper() + " Person"
    groups = {node: "abc".index(node[0]) for node in G}
    return G, groups


def hypothetical_gain(G: nx.Graph, person, candidate, w_new: float, weight="weight"):
    """Effective size and constraint of `person` recomputed with networkx on a copy."""
    H = G.copy()
    H.add_edge(person, candidate, **({weight: w_new} if weight else {}))
    before = nx.effective_size(G, nodes=[person], weight=weight)[person]
    after = nx.effective_size(H, nodes=[person], weight=weight)[person]
    return after - before, nx.constraint(H, nodes=[person], weight=weight)[person]


# --------------------------------------------------------------------------- introductions


def test_three_cliques_obvious_answer():
    G, groups = three_cliques()
    recs = introductions(G, "a0", communities=groups)
    assert list(recs.columns[: len(INTRO_COLUMNS)]) == INTRO_COLUMNS
    assert set(zip(recs["person"], recs["via"], strict=True)) == {("b0", "a1"), ("c0", "a2")}
    assert recs["new_community"].all()
    assert (recs["mutual_contacts"] == 1).all()
    row = recs.set_index("person").loc["b0"]
    assert row["via_strength"] == pytest.approx(0.8)
    assert row["via_candidate_strength"] == pytest.approx(0.4)
    # c0's only tie into a0's circle is weaker (0.3 against 0.4), so c0 is less redundant
    # and worth more; the two connector ties sit about as near the 0.35 peak
    values = recs.set_index("person")["value"]
    assert values["c0"] > values["b0"]
    assert list(recs["person"]) == ["c0", "b0"]
    assert "A1 Person" in row["reason"] and "B0 Person" in row["reason"]
    assert "community 1" in row["reason"]


def test_gain_equals_networkx_recompute_on_copy():
    G, groups = three_cliques()
    recs = introductions(G, "a0", communities=groups)
    w_new = np.quantile([d["weight"] for _, _, d in G.edges("a0", data=True)], 0.25)
    c0 = nx.constraint(G, nodes=["a0"], weight="weight")["a0"]
    for row in recs.itertuples():
        gain, constraint_after = hypothetical_gain(G, "a0", row.person, w_new)
        assert row.gain_effective_size == pytest.approx(gain, abs=1e-9)
        assert row.constraint_after == pytest.approx(constraint_after, abs=1e-9)
        assert row.constraint_before == pytest.approx(c0, abs=1e-9)


def test_gain_with_weights_above_one_uses_their_scale():
    G, groups = three_cliques()
    for *_, d in G.edges(data=True):
        d["weight"] *= 10  # message counts rather than strengths
    recs = introductions(G, "a0", communities=groups)
    w_new = np.quantile([d["weight"] for _, _, d in G.edges("a0", data=True)], 0.25)
    assert w_new == pytest.approx(8.0)
    for row in recs.itertuples():
        gain, after = hypothetical_gain(G, "a0", row.person, w_new)
        assert row.gain_effective_size == pytest.approx(gain, abs=1e-9)
        assert row.constraint_after == pytest.approx(after, abs=1e-9)


def test_multigraph_parallel_edges_make_one_tie_with_the_largest_weight():
    G, groups = three_cliques()
    M = nx.MultiGraph(G)
    M.add_edge("a0", "a1", weight=0.1)
    M.add_edge("a0", "a2", weight=0.95)
    H = G.copy()
    H["a0"]["a2"]["weight"] = 0.95
    pd.testing.assert_frame_equal(
        introductions(M, "a0", communities=groups), introductions(H, "a0", communities=groups)
    )


def test_gain_with_given_new_tie_strength_and_unweighted():
    G, groups = three_cliques()
    recs = introductions(G, "a0", communities=groups, new_tie_strength=0.9)
    for row in recs.itertuples():
        gain, after = hypothetical_gain(G, "a0", row.person, 0.9)
        assert row.gain_effective_size == pytest.approx(gain, abs=1e-9)
        assert row.constraint_after == pytest.approx(after, abs=1e-9)
    recs = introductions(G, "a0", communities=groups, weight=None)
    for row in recs.itertuples():
        gain, after = hypothetical_gain(G, "a0", row.person, 1.0, weight=None)
        assert row.gain_effective_size == pytest.approx(gain, abs=1e-9)


def test_inverted_u_prefers_moderately_weak_connector_tie():
    # three symmetric routes that differ only in the connector-candidate strength
    G = nx.Graph()
    for i, s in enumerate([0.95, 0.35, 0.02]):
        G.add_edge("p", f"v{i}", weight=0.6)
        G.add_edge(f"v{i}", f"c{i}", weight=s)
    groups = dict.fromkeys(G, 0)
    recs = introductions(G, "p", communities=groups).set_index("person")
    assert recs.index[0] == "c1"  # the 0.35 tie
    assert recs.loc["c1", "feasibility"] > recs.loc["c0", "feasibility"]
    assert recs.loc["c1", "feasibility"] > recs.loc["c2", "feasibility"]


def test_mutual_contacts_weighted_by_their_share_of_attention():
    # two symmetric routes; v0 also knows 8 others, so her attention is split more ways
    G = nx.Graph()
    G.add_weighted_edges_from([("p", f"v{i}", 0.6) for i in range(2)])
    G.add_weighted_edges_from([("v0", "c0", 0.35), ("v1", "c1", 0.35)])
    G.add_weighted_edges_from((f"x{i}", "v0", 1.0) for i in range(8))
    recs = introductions(G, "p", k=20, communities=dict.fromkeys(G, 0)).set_index("person")
    curves = strength_curve(0.6, peak=0.6, floor=0.5) * strength_curve(0.35)
    # m = n / d_v: v1 knows 2 people like p (m = 1), v0 knows 10 (m = 2 / 10)
    assert recs.loc["c1", "feasibility"] == pytest.approx(curves * 1 / 2)
    assert recs.loc["c0", "feasibility"] == pytest.approx(curves * 0.2 / 1.2)
    assert recs.loc["c0", "mutual_contacts"] == recs.loc["c1", "mutual_contacts"] == 1


def test_strength_curve_is_an_inverted_u():
    s = np.linspace(0, 1, 101)
    g = strength_curve(s)
    peak = int(np.argmax(g))
    assert s[peak] == pytest.approx(0.35)
    assert g[peak] == pytest.approx(1.0)
    assert np.all(np.diff(g[: peak + 1]) >= 0) and np.all(np.diff(g[peak:]) <= 0)
    assert g[0] == pytest.approx(0.2) and g[-1] == pytest.approx(0.2)
    with pytest.raises(InputError):
        strength_curve(0.5, peak=1.0)


def fan_graph() -> nx.Graph:
    """p's contacts v0 (fans out to 12 people), v1 and v2 (3 each); all alike otherwise."""
    G = nx.Graph()
    for v, fan in (("v0", 12), ("v1", 3), ("v2", 3)):
        G.add_edge("p", v, weight=0.5)
        G.add_weighted_edges_from((v, f"{v}_c{i}", 0.35) for i in range(fan))
    return G


@pytest.mark.parametrize("k", [3, 6, 9, 10])
def test_no_connector_carries_more_than_a_third(k):
    G = fan_graph()
    recs = introductions(G, "p", k=k, communities=dict.fromkeys(G, 0))
    cap = math.ceil(k / 3)
    assert recs["via"].value_counts().max() <= cap
    assert len(recs) == min(k, 3 * cap)


def test_max_per_connector_option():
    G = fan_graph()
    recs = introductions(G, "p", k=10, communities=dict.fromkeys(G, 0), max_per_connector=10)
    assert len(recs) == 10


def test_recent_ask_down_weights_the_connector():
    G = nx.Graph()
    G.add_weighted_edges_from(
        [("p", "v1", 0.5), ("p", "v2", 0.5), ("v1", "c1", 0.35), ("v2", "c2", 0.35)]
    )
    groups = dict.fromkeys(G, 0)
    plain = introductions(G, "p", communities=groups)
    assert list(plain["person"]) == ["c1", "c2"]  # a tie, broken by id
    log = pd.DataFrame(
        {
            "source": ["p", "x"],
            "target": ["v1", "y"],
            "date": pd.to_datetime(["2025-05-01", "2025-06-01"]),
            "kind": ["Ask", "meeting"],
        }
    )
    recs = introductions(G, "p", communities=groups, interactions=log)
    assert list(recs["person"]) == ["c2", "c1"]
    row = recs.set_index("person").loc["c1"]
    assert bool(row["asked_recently"])
    assert row["score"] == pytest.approx(plain.set_index("person").loc["c1", "score"] / 2)
    assert "You asked v1 for something 31 days ago" in row["reason"]
    # an ask long ago no longer counts
    later = introductions(G, "p", communities=groups, interactions=log, today="2025-12-01")
    assert list(later["person"]) == ["c1", "c2"]


def test_by_attribute_replaces_communities():
    G, _ = three_cliques()
    for node in G:
        G.nodes[node]["company"] = "Acme" if node[0] in "ab" else "Initech"
    recs = introductions(G, "a0", by="company").set_index("person")
    assert bool(recs.loc["c0", "new_community"]) and not bool(recs.loc["b0", "new_community"])
    assert recs.loc["c0", "community"] == "Initech"
    assert "company Initech" in recs.loc["c0", "reason"]
    with pytest.raises(InputError, match="nobody_has_this"):
        introductions(G, "a0", by="nobody_has_this")


def test_default_communities_are_computed():
    G, groups = three_cliques()
    recs = introductions(G, "a0")
    assert set(recs["person"]) == {"b0", "c0"}
    assert recs["new_community"].all()


def test_deterministic_and_insertion_order_free():
    G, groups = three_cliques()
    first = introductions(G, "a0", communities=groups)
    pd.testing.assert_frame_equal(first, introductions(G, "a0", communities=groups))
    H = nx.Graph()
    H.add_nodes_from(reversed(list(G.nodes(data=True))))
    H.add_edges_from(reversed(list(G.edges(data=True))))
    pd.testing.assert_frame_equal(first, introductions(H, "a0", communities=groups))


def test_directed_graph_reads_as_undirected():
    G, groups = three_cliques()
    D = nx.DiGraph()
    D.add_nodes_from(G.nodes(data=True))
    D.add_edges_from(G.edges(data=True))
    pd.testing.assert_frame_equal(
        introductions(D, "a0", communities=groups), introductions(G, "a0", communities=groups)
    )


def test_graph_not_modified():
    G, groups = three_cliques()
    before = nx.to_dict_of_dicts(G)
    introductions(G, "a0", communities=groups)
    introductions_to_make(G, "a1", communities=groups)
    introductions_to_make(G, None, communities=groups)
    assert nx.to_dict_of_dicts(G) == before


def test_unknown_person_and_tiny_graphs():
    G, groups = three_cliques()
    with pytest.raises(UnknownPersonError):
        introductions(G, "nobody", communities=groups)
    with pytest.raises(UnknownPersonError):
        introductions_to_make(G, "nobody", communities=groups)
    lonely = nx.Graph()
    lonely.add_node("me")
    for frame in (
        introductions(lonely, "me", communities={"me": 0}),
        introductions(nx.Graph([("me", "you")]), "me", communities={"me": 0, "you": 0}),
        introductions(G, "a0", k=0, communities=groups),
    ):
        assert frame.empty and list(frame.columns[: len(INTRO_COLUMNS)]) == INTRO_COLUMNS
    for frame in (
        introductions_to_make(lonely, "me", communities={"me": 0}),
        introductions_to_make(lonely, None, communities={"me": 0}),
        introductions_to_make(nx.Graph(), None, communities={}),
    ):
        assert frame.empty and list(frame.columns[:4]) == ["a", "b", "score", "reason"]


def test_thousands_of_candidates_spread_over_vias():
    # the speed on this graph is measured in benchmarks/bench_email_eu_core.py, not here
    rng = np.random.default_rng(1)
    G = nx.Graph()
    for i in range(50):
        G.add_edge("p", f"v{i}", weight=float(rng.uniform(0.1, 0.9)))
        G.add_weighted_edges_from(
            (f"v{i}", f"c{i}_{j}", float(rng.uniform(0.05, 1))) for j in range(80)
        )
    groups = {n: n.split("_")[0] if n.startswith("c") else "home" for n in G}
    recs = introductions(G, "p", communities=groups)
    assert len(recs) == 10 and recs["via"].value_counts().max() <= 4


@st.composite
def graphs(draw):
    n = draw(st.integers(2, 12))
    p = draw(st.floats(0.1, 0.7))
    seed = draw(st.integers(0, 10_000))
    G = nx.gnp_random_graph(n, p, seed=seed)
    rng = np.random.default_rng(seed)
    for u, v in G.edges():
        G[u][v]["weight"] = float(rng.choice([0.05, 0.3, 0.5, 0.9, 1.0]))
    person = draw(st.sampled_from(sorted(G)))
    groups = {node: int(rng.integers(0, 3)) for node in G}
    return G, person, groups


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(graphs(), st.integers(1, 8))
def test_never_names_person_contact_or_stranger_connector(case, k):
    G, person, groups = case
    recs = introductions(G, person, k=k, communities=groups)
    assert len(recs) <= k
    assert recs["person"].is_unique
    for row in recs.itertuples():
        assert row.person != person
        assert not G.has_edge(person, row.person)
        assert G.has_edge(person, row.via) and G.has_edge(row.via, row.person)
        assert row.mutual_contacts == len(set(G[person]) & set(G[row.person]))
        assert row.score > 0
    # best first within each community; a community past its cap only after the others
    for _, scores in recs.groupby("community")["score"]:
        assert list(scores) == sorted(scores, reverse=True)
    assert (recs["via"].value_counts() <= math.ceil(k / 3)).all()
    cap = math.ceil(k / 3)
    seen = recs.groupby("community").cumcount().to_numpy()
    beyond = np.flatnonzero(seen >= cap)
    if len(beyond):  # the rows before the first past its community's cap: best first
        assert list(recs["score"][: beyond[0]]) == sorted(recs["score"][: beyond[0]], reverse=True)
    else:
        assert list(recs["score"]) == sorted(recs["score"], reverse=True)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(graphs(), st.integers(1, 8))
def test_pairs_to_make_are_untied_contacts_who_both_gain(case, k):
    G, person, groups = case
    pairs = introductions_to_make(G, person, k=k, communities=groups)
    assert len(pairs) <= k
    contacts = set(G[person])
    w_new = np.quantile([G[person][c]["weight"] for c in contacts], 0.25) if contacts else 0
    for row in pairs.itertuples():
        assert {row.a, row.b} <= contacts and row.a != row.b
        assert not G.has_edge(row.a, row.b)
        assert groups[row.a] != groups[row.b]
        assert row.gain_a > 0 and row.gain_b > 0
        gain_a, _ = hypothetical_gain(G, row.a, row.b, w_new)
        assert row.gain_a == pytest.approx(gain_a, abs=1e-9)
    counts = pd.concat([pairs["a"], pairs["b"]]).value_counts()
    assert (counts <= math.ceil(k / 3)).all()
    whole = introductions_to_make(G, None, k=k, communities=groups, min_size=1)
    for row in whole.itertuples():
        assert not G.has_edge(row.a, row.b) and row.a != row.b
        assert groups[row.a] != groups[row.b]


# --------------------------------------------------------------------------- pairs to make


def broker_graph() -> tuple[nx.Graph, dict]:
    """Three cliques; p sits in A (closeness 0.5) and also knows b0 and c0 well (0.9)."""
    G, groups = three_cliques()
    G.remove_edges_from([("a1", "b0"), ("a2", "c0")])
    G.add_edge("p", "b0", weight=0.9)
    G.add_edge("p", "c0", weight=0.9)
    G.add_weighted_edges_from(("p", f"a{i}", 0.5) for i in range(5))
    groups["p"] = 0
    return G, groups


def test_pairs_to_make_for_a_broker():
    G, groups = broker_graph()
    pairs = introductions_to_make(G, "p", communities=groups)
    assert (pairs["a"].iloc[0], pairs["b"].iloc[0]) == ("b0", "c0")
    top = pairs.iloc[0]
    assert top["a_strength"] == pytest.approx(0.9) and top["mutual_contacts"] == 1
    w_new = np.quantile([d["weight"] for _, _, d in G.edges("p", data=True)], 0.25)
    assert top["gain_a"] == pytest.approx(hypothetical_gain(G, "b0", "c0", w_new)[0])
    assert top["gain_b"] == pytest.approx(hypothetical_gain(G, "c0", "b0", w_new)[0])
    assert "B0 Person" in top["reason"] and "C0 Person" in top["reason"]
    assert (pairs["a"] < pairs["b"]).all()
    assert (pairs["a_community"] != pairs["b_community"]).all()


def test_organisation_bridges_the_unlinked_communities_first():
    G, groups = three_cliques()
    G.remove_edge("a2", "c0")  # A-B have one tie; C has none to anyone
    pairs = introductions_to_make(G, None, communities=groups)
    first_two = {frozenset((r.a_community, r.b_community)) for r in pairs.head(2).itertuples()}
    assert first_two == {frozenset((0, 2)), frozenset((1, 2))}
    assert set(pairs["ties_between"].head(2)) == {0}
    for row in pairs.itertuples():
        assert not G.has_edge(row.a, row.b)
        assert row.gain_a > 0 and row.gain_b > 0
        assert row.expected_ties > row.ties_between
    assert "expect" in pairs["reason"].iloc[0]


def test_organisation_bridges_on_email_eu_core(snap_file):
    # its speed is measured in benchmarks/bench_email_eu_core.py, not here
    path = snap_file("email-Eu-core.txt")
    D = nx.read_edgelist(path, nodetype=int, create_using=nx.DiGraph)
    pairs = introductions_to_make(D, None, k=10)
    assert len(pairs) == 10
    U = D.to_undirected(as_view=True)
    assert not any(U.has_edge(r.a, r.b) for r in pairs.itertuples())
    assert (pairs["a_community"] != pairs["b_community"]).all()
    assert (pairs[["gain_a", "gain_b"]] > 0).all().all()
    assert pairs["score"].is_monotonic_decreasing
