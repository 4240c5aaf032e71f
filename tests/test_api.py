"""The public surface: a sorted __all__, and one contract over every public analysis."""

import networkx as nx
import pandas as pd
import pytest

import netgraph


def test_all_is_sorted_and_complete():
    assert netgraph.__all__ == sorted(netgraph.__all__)
    public = {
        n
        for n in dir(netgraph)
        if not n.startswith("_") and n[0].isupper() or n in netgraph.__all__
    }
    for name in netgraph.__all__:
        assert hasattr(netgraph, name), name
    assert "Network" in public


def _graph(directed=False):
    G = nx.les_miserables_graph()
    G = nx.relabel_nodes(G, {n: n.replace(".", "") for n in G})
    groups = {n: i % 4 for i, n in enumerate(sorted(G))}
    nx.set_node_attributes(G, groups, "group")
    return G.to_directed() if directed else G


ANALYSES = {
    "structural_holes": lambda G: netgraph.structural_holes(G),
    "brokerage": lambda G: netgraph.brokerage(G, "group"),
    "affinity": lambda G: netgraph.affinity(G, "group"),
    "communities": lambda G: netgraph.communities(G),
}


@pytest.mark.parametrize("name", sorted(ANALYSES))
@pytest.mark.parametrize("directed", [False, True])
def test_every_analysis_returns_a_frame_indexed_by_person_and_leaves_the_graph_alone(
    name, directed
):
    G = _graph(directed)
    before = (nx.to_dict_of_dicts(G), dict(G.nodes(data=True)), G.graph.copy())
    result = ANALYSES[name](G)
    assert isinstance(result, pd.DataFrame)
    assert result.index.name == "person"
    assert set(result.index) == set(G)
    assert (nx.to_dict_of_dicts(G), dict(G.nodes(data=True)), G.graph) == before


@pytest.mark.parametrize("directed", [False, True])
def test_weak_ties_is_indexed_by_tie_and_leaves_the_graph_alone(directed):
    G = _graph(directed)
    before = nx.to_dict_of_dicts(G)
    result = netgraph.weak_ties(G)
    assert list(result.index.names) == ["source", "target"]
    assert len(result) == G.to_undirected().number_of_edges()
    assert nx.to_dict_of_dicts(G) == before
