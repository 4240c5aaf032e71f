"""introductions() over stated, observed and inferred ties (issue 11's evidence).

An inferred tie enters the graph with weight = strength x probability and the edge attributes
``probability`` and ``evidence``; introductions must rank paths you can act on first and say
how sure each hop is.
"""

from __future__ import annotations

import math
import warnings

import networkx as nx
import pandas as pd
import pytest

import netgraph
from netgraph.recommend.introductions import ASK_CURVE, REACH_CURVE, introductions
from netgraph.recommend.introductions import strength_curve as g


def tie(G: nx.Graph, u, v, strength: float, evidence: str = "stated", p: float = 1.0) -> None:
    """A tie by the data contract: weight = strength x probability."""
    G.add_edge(u, v, weight=strength * p, probability=p, evidence=evidence)


def evidence_graph() -> tuple[nx.Graph, dict]:
    """Me with a stated tie to Ann, an observed one to Obi and an inferred one to Ina (70%).

    Ina knows Cy for sure (a moderately weak 0.35: the best reach); Ann probably knows Dee
    (64%, both in the climbing club) and may know Fay (20%); Obi knows Eve (0.35).
    """
    G = nx.Graph()
    tie(G, "me", "ann", 0.6)
    tie(G, "me", "obi", 0.6, "observed")
    tie(G, "me", "ina", 0.5, "inferred", 0.7)
    tie(G, "ann", "obi", 0.6)
    tie(G, "ina", "cy", 0.35)
    tie(G, "ann", "dee", 0.5, "inferred", 0.64)
    tie(G, "ann", "fay", 0.5, "inferred", 0.2)
    tie(G, "obi", "eve", 0.35, "observed")
    for node in G:
        G.nodes[node]["name"] = node.capitalize()
    G.nodes["ann"]["circles"] = "Climbing club; Book group"
    G.nodes["dee"]["circles"] = "climbing club"
    G.nodes["me"]["circles"] = "Book group"
    G.nodes["ina"]["circles"] = "book group"
    G.nodes["dee"]["company"] = "Acme"
    G.nodes["dee"]["role"] = "CTO"
    groups = {"me": 0, "ann": 0, "obi": 0, "ina": 0, "cy": 1, "dee": 2, "fay": 3, "eve": 4}
    return G, groups


def test_known_first_hops_rank_above_inferred_ones_whatever_the_score():
    G, groups = evidence_graph()
    recs = introductions(G, "me", communities=groups, max_per_connector=10)
    assert set(recs["person"]) == {"cy", "dee", "fay", "eve"}
    known = recs["via_probability"].to_numpy() == 1.0
    # every row you can ask for yourself comes before the one through Ina
    assert list(known) == sorted(known, reverse=True)
    assert recs["via"].iloc[-1] == "ina" and recs["person"].iloc[-1] == "cy"
    # and the rule bites: Cy's introduction scores above one that ranks before it
    cy = recs.set_index("person").loc["cy", "score"]
    assert (recs.loc[known, "score"] < cy).any()


def test_inferred_hops_count_by_their_chance_of_existing():
    G, groups = evidence_graph()
    recs = introductions(G, "me", communities=groups).set_index("person")
    dee = recs.loc["dee"]
    # the columns give the strength a tie has if it exists, and its probability
    assert dee["via_candidate_strength"] == pytest.approx(0.5)
    assert dee["via_candidate_probability"] == pytest.approx(0.64)
    assert recs.loc["cy", "via_probability"] == pytest.approx(0.7)
    assert recs.loc["cy", "via_strength"] == pytest.approx(0.5)
    # F = q_pv g_ask(s_pv) q_vc g_reach(s_vc) m / (m + 1), m = q_pv q_vc n / d_v with n and
    # d_v expected numbers of contacts: me 1 + 1 + 0.7, Ann 1 + 1 + 0.64 + 0.2
    m = 0.64 * 2.7 / 2.84
    want = float(g(0.6, **ASK_CURVE)[()] * 0.64 * g(0.5, **REACH_CURVE)[()] * m / (m + 1))
    assert dee["feasibility"] == pytest.approx(want, rel=1e-12)
    # not g(q s): a 20% tie is worth a fifth of a sure one, not the curve's floor
    assert recs.loc["fay", "feasibility"] < recs.loc["dee", "feasibility"] * 0.2 / 0.64 * 1.01


def test_reasons_give_the_chance_and_what_an_inferred_tie_rests_on():
    G, groups = evidence_graph()
    recs = introductions(G, "me", communities=groups).set_index("person")
    dee = recs.loc["dee", "reason"]
    assert dee.startswith("Ask Ann to introduce you to Dee (CTO at Acme).")
    assert "Ann knows you (tie strength 0.60) and probably knows Dee (64%; both in " in dee
    assert "Climbing club" in dee and "Book group" not in dee
    assert "may know Fay (20%)" in recs.loc["fay", "reason"]
    # a tie you cannot rely on is not one to ask through: the reason says so first
    cy = recs.loc["cy", "reason"]
    assert cy.startswith("If you do know Ina, ask Ina to introduce you to Cy.")
    assert "Ina probably knows you (70%; both in Book group) and knows Cy (0.35)" in cy
    # known ties read as before
    assert "Obi knows you (tie strength 0.60) and Eve (0.35)" in recs.loc["eve", "reason"]
    assert "Obi is the only contact you share with Eve" in recs.loc["eve", "reason"]


def test_mutual_contacts_that_may_know_the_candidate_are_counted_as_expected():
    G, groups = evidence_graph()
    tie(G, "obi", "dee", 0.5, "inferred", 0.3)
    recs = introductions(G, "me", communities=groups).set_index("person")
    assert recs.loc["dee", "mutual_contacts"] == 2
    assert (
        "2 of your contacts may know Dee (Ann, Obi), 0.9 of them by the inferred chances"
        in (recs.loc["dee", "reason"])
    )


def one_big_community(k_big: int = 8) -> tuple[nx.Graph, dict]:
    """Me and six contacts; eight candidates of community X, each known by three of them
    (moderately weak ties), and one candidate each in Y and Z through a very strong tie, at
    the floor of the reach curve: X scores highest."""
    G = nx.Graph()
    contacts = [f"c{i}" for i in range(6)]
    for c in contacts:
        tie(G, "me", c, 0.6)
    for i in range(k_big):
        for c in contacts[i % 3 :: 3] + contacts[(i + 1) % 3 :: 3]:
            tie(G, c, f"x{i}", 0.35)
    tie(G, "c3", "y0", 0.99)
    tie(G, "c4", "z0", 0.99)
    groups = {n: "home" for n in ["me", *contacts]}
    groups.update({f"x{i}": "X" for i in range(k_big)} | {"y0": "Y", "z0": "Z"})
    return G, groups


def test_no_community_fills_the_list_while_others_have_candidates():
    G, groups = one_big_community()
    k = 6
    by_score = introductions(G, "me", k=k, communities=groups, max_per_community=k)
    assert list(by_score["community"][:4]) == ["X"] * 4  # the cap has something to do
    recs = introductions(G, "me", k=k, communities=groups)
    cap = math.ceil(k / 3)
    assert len(recs) == k  # X fills the list once Y and Z are in it
    assert set(recs["community"]) == {"X", "Y", "Z"}
    head = recs.iloc[: cap + 2]
    assert (head["community"] == "X").sum() == cap
    assert set(head["community"]) == {"X", "Y", "Z"}
    # the capped rows are the best of their community, in score order
    assert recs["score"][recs["community"] == "X"].is_monotonic_decreasing


def test_the_caps_keep_nothing_twice_and_lists_stay_full():
    G, groups = one_big_community(12)
    for k in range(1, 12):
        recs = introductions(G, "me", k=k, communities=groups, max_per_connector=k)
        assert len(recs) == k
        assert recs["person"].is_unique


@pytest.mark.slow
def test_demo_introductions_go_through_people_you_know_and_span_communities():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", netgraph.NetgraphWarning)
        net = netgraph.datasets.sample_from_files().infer_ties()
    k = 10
    recs = net.introductions(k=k)
    G = net.undirected
    me = net.ego

    def known(u, v) -> bool:
        return G.edges[u, v].get("evidence") != "inferred"

    # the candidates you could reach through a contact you know, and their communities
    labels = net._community_labels
    contacts = set(G[me])
    askable = {c for v in contacts if known(me, v) for c in G[v] if c not in contacts | {me}}
    assert len(askable) >= k
    communities = labels.reindex(sorted(askable)).dropna()
    n = min(communities.nunique(), math.ceil(k / math.ceil(k / 3)))
    assert n >= 2  # the demo offers more than one community: the test can fail
    assert len(recs) == k
    assert all(known(me, v) for v in recs["via"])
    assert (recs["via_probability"] == 1.0).all()
    assert recs["community"].nunique() >= n
    # every hop that rests on inference says how likely it is, in words and per cent
    inferred = [not known(v, c) for v, c in zip(recs["via"], recs["person"], strict=True)]
    names = net.people["name"]
    for row, guess in zip(recs.itertuples(), inferred, strict=True):
        if guess:
            p = row.via_candidate_probability
            said = "may know" if p < 0.5 else "probably knows"
            assert f"{said} {names[row.person]} ({p:.0%}; both in " in row.reason
    # no two reasons the same, and not all in one community with one connector
    assert recs["reason"].is_unique
    assert recs["via"].nunique() >= 2


def test_network_ties_with_evidence_flow_into_the_reasons():
    people = pd.DataFrame(
        {
            "id": ["me", "ann", "bo", "cy"],
            "name": ["Me", "Ann", "Bo", "Cy"],
            "circles": ["", "Acme 2019", "", "acme 2019"],
        }
    )
    ties = pd.DataFrame(
        {
            "source": ["me", "me", "ann"],
            "target": ["ann", "bo", "cy"],
            "closeness": [0.6, 0.6, 0.5],
            "evidence": ["stated", "stated", "inferred"],
            "probability": [1.0, 1.0, 0.64],
        }
    )
    net = netgraph.Network.from_frames(people, ties, ego="me")
    recs = net.introductions(communities={"me": 0, "ann": 0, "bo": 0, "cy": 1})
    assert list(recs["person"]) == ["cy"]
    assert "Ann knows you (tie strength" in recs["reason"].iloc[0]
    assert "probably knows Cy (64%; both in Acme 2019)" in recs["reason"].iloc[0]


def test_rows_filling_a_community_past_its_cap_still_come_before_unsure_first_hops():
    G, groups = one_big_community(4)
    tie(G, "me", "ina", 0.6, "inferred", 0.7)
    tie(G, "ina", "w0", 0.35)
    groups.update(ina="home", w0="W")
    k = 9
    recs = introductions(G, "me", k=k, communities=groups)
    # three of X, then Y and Z, then the fourth of X, and only then W through Ina
    assert list(recs["community"]) == ["X", "X", "X", "Y", "Z", "X", "W"]
    assert list(recs["via_probability"] == 1.0) == [True] * 6 + [False]
