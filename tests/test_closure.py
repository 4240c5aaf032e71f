"""The closed-versus-open verdict, on graphs whose answer is known by construction."""

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import netgraph
from netgraph import UnknownPersonError, closure


def test_a_clique_is_closed_and_says_why():
    row = closure(nx.complete_graph(6), 0).iloc[0]
    assert row["density"] == 1.0 and row["clustering"] == 1.0
    assert row["efficiency"] == pytest.approx(
        1 / 5
    )  # effective size of a clique is 1 (Borgatti 1997)
    assert row["verdict"] == "closed"
    assert "density 1.00" in row["reasons"]


def test_a_broker_between_cliques_is_open():
    # Person 0 is tied to one member of each of four separate triangles.
    G = nx.Graph()
    for k in "wxyz":
        a, b, c = (f"{k}a", f"{k}b", f"{k}c")
        G.add_edges_from([(a, b), (b, c), (a, c), ("0", a)])
    communities = pd.Series({n: (n[0] if n != "0" else "0") for n in G})
    row = closure(G, "0", communities=communities).iloc[0]
    assert row["size"] == 4 and row["ties"] == 0 and row["density"] == 0
    assert row["communities_reached"] == 4
    assert row["ei_index"] == 1.0  # every contact is outside person 0's own group
    assert row["verdict"] == "open"


def test_ego_values_match_independent_networkx_measures():
    G = nx.les_miserables_graph()
    person = "Valjean"
    row = closure(G, person).iloc[0]
    ego = nx.ego_graph(G, person, undirected=True)
    assert row["size"] == G.degree(person)
    assert row["ties"] == ego.number_of_edges() - G.degree(person)
    assert row["clustering"] == pytest.approx(nx.clustering(G, person))
    assert row["constraint"] == pytest.approx(nx.constraint(G, [person], weight="weight")[person])
    assert row["effective_size"] == pytest.approx(
        nx.effective_size(G, [person], weight="weight")[person]
    )


def test_whole_network_summary():
    G = nx.karate_club_graph()
    row = closure(G).iloc[0]
    assert row.name == "network"
    assert row["density"] == pytest.approx(nx.density(G))
    assert row["clustering"] == pytest.approx(nx.transitivity(G))
    assert row["verdict"] in {"closed", "mixed", "open"}


def test_unknown_person():
    with pytest.raises(UnknownPersonError):
        closure(nx.path_graph(3), "nobody")


def test_sample_network_verdicts():
    net = netgraph.sample()
    ego = net.closure().iloc[0]
    assert ego.name == "me" and ego["communities_reached"] >= 5
    assert ego["verdict"] == "open"  # Alex spans seven circles
    # Someone inside one circle, whose contacts know each other, reads as more closed.
    insider = net.structural_holes().drop("me").sort_values("constraint").index[-1]
    inside = net.closure(insider).iloc[0]
    assert inside["density"] > ego["density"]
    assert inside["verdict"] in {"closed", "mixed"}
    assert not np.isnan(inside["ei_index"])
