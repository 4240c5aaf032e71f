"""The Network model: constructors, the cached graph, merge and equality."""

import networkx as nx
import pandas as pd
import pytest

import netgraph
from netgraph import InputError, Network, UnknownPersonError


@pytest.fixture
def frames():
    people = pd.DataFrame(
        {
            "id": ["me", "ann", "bob", "cy"],
            "name": ["Me", "Ann Lee", "Bob Roy", "Cy Dee"],
            "company": ["Acme", "Acme", "Initech", None],
        }
    )
    ties = pd.DataFrame(
        {
            "source": ["me", "me", "ann"],
            "target": ["ann", "bob", "bob"],
            "closeness": [0.9, 0.2, None],
        }
    )
    interactions = pd.DataFrame(
        {
            "source": ["me", "ann", "me", "cy"],
            "target": ["ann", "me", "bob", "me"],
            "date": ["2024-01-05", "2024-02-01", "2023-03-01", "2024-02-10"],
            "kind": ["meeting", "give", "ask", "message"],
        }
    )
    return people, ties, interactions


def test_from_frames_builds_people_ties_and_a_weighted_graph(frames):
    net = Network.from_frames(*frames, ego="me")
    assert list(net.people.index) == ["me", "ann", "bob", "cy"]
    G = net.graph
    assert isinstance(G, nx.Graph) and not G.is_directed()
    # Stated ties plus the pair (me, cy) seen only in interactions.
    assert {frozenset(e) for e in G.edges} == {
        frozenset(p) for p in [("me", "ann"), ("me", "bob"), ("ann", "bob"), ("me", "cy")]
    }
    for _, _, w in G.edges(data="weight"):
        assert 0 < w <= 1
    assert G.nodes["ann"]["company"] == "Acme"
    assert "company" not in G.nodes["cy"]  # missing attributes are left out, not NaN
    assert G.edges["me", "ann"]["n_interactions"] == 2
    # The frequent, close, reciprocal tie is stronger than the old one-sided ask.
    assert G.edges["me", "ann"]["weight"] > G.edges["me", "bob"]["weight"]


def test_graph_is_cached_and_tie_table_has_components(frames):
    net = Network.from_frames(*frames, ego="me")
    assert net.graph is net.graph
    for column in ("frequency", "recency", "duration", "reciprocity", "multiplexity", "strength"):
        assert column in net.ties.columns
    assert net.ties.index.names == ["source", "target"]


def test_people_made_from_ties_when_no_people_table():
    ties = pd.DataFrame({"source": ["a", "b"], "target": ["b", "c"]})
    net = Network.from_frames(ties=ties)
    assert sorted(net.people.index) == ["a", "b", "c"]
    assert net.graph.number_of_edges() == 2


def test_unknown_ego_and_unknown_person(frames):
    with pytest.raises(UnknownPersonError):
        Network.from_frames(*frames, ego="nobody")
    net = Network.from_frames(*frames, ego="me")
    with pytest.raises(UnknownPersonError, match="zed"):
        net.reconnect(person="zed")
    with pytest.raises(netgraph.NetgraphError):
        Network.from_frames(*frames).introductions()  # no ego and no person


def test_unknown_person_in_ties_is_an_input_error(frames):
    people, ties, _ = frames
    ties = pd.concat([ties, pd.DataFrame({"source": ["me"], "target": ["zed"]})])
    with pytest.raises(InputError) as info:
        Network.from_frames(people, ties)
    assert "zed" in str(info.value)


def test_from_graph_keeps_weights_and_attributes_and_leaves_graph_alone():
    G = nx.karate_club_graph()
    before = nx.to_dict_of_dicts(G)
    node_before = dict(G.nodes(data=True))
    net = Network.from_graph(G)
    assert nx.to_dict_of_dicts(G) == before and dict(G.nodes(data=True)) == node_before
    H = net.graph
    assert H.number_of_nodes() == 34 and H.number_of_edges() == 78
    assert H.edges[0, 1]["weight"] == G.edges[0, 1]["weight"]  # ids as given (issue 14.4)
    assert H.nodes[0]["club"] == "Mr. Hi"


def test_from_graph_directed():
    G = nx.DiGraph([(1, 2, {"weight": 0.5}), (2, 1, {"weight": 0.25}), (2, 3, {"weight": 1.0})])
    net = Network.from_graph(G)
    assert net.directed and net.graph.is_directed()
    assert net.graph.edges[1, 2]["weight"] == 0.5
    assert net.graph.edges[2, 1]["weight"] == 0.25
    assert net.undirected.number_of_edges() == 2
    assert net.undirected.edges[1, 2]["weight"] == 0.5  # the larger of the two arcs


def test_directed_graph_has_an_arc_per_direction_seen_with_its_pair_attributes():
    ties = pd.DataFrame({"source": ["a"], "target": ["b"], "weight": [0.05]})
    log = pd.DataFrame(
        {
            "source": ["b", "b", "c", "a"],
            "target": ["a", "c", "a", "c"],
            "date": ["2024-01-01", "2024-02-01", "2024-03-01", "2024-03-02"],
        }
    )
    net = Network.from_frames(None, ties, log, directed=True)
    G, table = net.graph, net.ties
    assert sorted(G.edges) == [("a", "b"), ("a", "c"), ("b", "a"), ("b", "c"), ("c", "a")]
    assert G.edges["a", "b"]["weight"] == 0.05  # given
    assert G.edges["b", "a"]["weight"] == table.loc[("a", "b"), "strength"]  # the pair's
    for u, v in G.edges:
        row = table.loc[tuple(sorted((u, v)))]
        assert G.edges[u, v]["n_interactions"] == row["n_interactions"]
        assert G.edges[u, v]["last_contact"] == row["last_contact"]
    U = net.undirected
    assert sorted(map(sorted, U.edges)) == [["a", "b"], ["a", "c"], ["b", "c"]]
    assert U.edges["a", "b"]["weight"] == 0.05
    assert U.edges["a", "c"]["weight"] == G.edges["a", "c"]["weight"] == G.edges["c", "a"]["weight"]


def test_merge_matches_people_by_email_and_url():
    a = Network.from_frames(
        pd.DataFrame(
            {
                "id": ["me", "jo", "al"],
                "email": [None, "Jo@x.org", None],
                "url": [None, None, "https://www.linkedin.com/in/al-1/"],
            }
        ),
        pd.DataFrame({"source": ["me", "me"], "target": ["jo", "al"]}),
        ego="me",
    )
    b = Network.from_frames(
        pd.DataFrame(
            {
                "id": ["me", "jo@x.org", "al-b", "new"],
                "email": [None, "jo@x.org", None, None],
                "url": [None, None, "http://linkedin.com/in/al-1", None],
                "company": [None, "Acme", "Initech", "Globex"],
            }
        ),
        pd.DataFrame({"source": ["me", "me", "me"], "target": ["jo@x.org", "al-b", "new"]}),
        ego="me",
    )
    merged = a.merge(b)
    assert sorted(merged.people.index) == ["al", "jo", "me", "new"]
    assert merged.people.loc["jo", "company"] == "Acme"
    assert merged.people.loc["al", "company"] == "Initech"
    assert merged.graph.number_of_edges() == 3
    assert merged.ego == "me"


def test_equals_is_order_insensitive(frames):
    people, ties, interactions = frames
    a = Network.from_frames(people, ties, interactions, ego="me")
    b = Network.from_frames(people.iloc[::-1], ties.iloc[::-1], interactions.iloc[::-1], ego="me")
    assert a == b
    c = Network.from_frames(people, ties.iloc[:2], interactions, ego="me")
    assert a != c


def test_repr_and_html_summary_escape(frames):
    people, ties, interactions = frames
    people = people.assign(id=people["id"].replace({"me": "<b>me</b>"}))
    ties = ties.replace({"me": "<b>me</b>"})
    interactions = interactions.replace({"me": "<b>me</b>"})
    net = Network.from_frames(people, ties, interactions, ego="<b>me</b>")
    assert "4 people" in repr(net)
    assert "<b>me</b>" not in net._repr_html_()
    assert "&lt;b&gt;me&lt;/b&gt;" in net._repr_html_()


def test_structural_holes_from_the_tie_table_equals_the_graph_path():
    net = netgraph.sample()
    fast = net.structural_holes()
    slow = netgraph.structural_holes(net.graph)
    pd.testing.assert_frame_equal(fast, slow.loc[fast.index], rtol=1e-12)


def test_from_graph_with_a_node_attribute_named_id():
    G = nx.Graph([("a", "b")])
    nx.set_node_attributes(G, {"a": "a", "b": "b"}, "id")
    assert "id" not in Network.from_graph(G).people.columns  # it repeated the node id
    nx.set_node_attributes(G, {"a": "x1", "b": "x2"}, "id")
    net = Network.from_graph(G)
    assert net.people.loc[["a", "b"], "id_attribute"].tolist() == ["x1", "x2"]


def test_a_today_that_is_not_a_date_is_an_input_error():
    net = netgraph.sample()
    with pytest.raises(InputError, match="today"):
        net.reconnect(today="notadate")
    with pytest.raises(InputError, match=r"not a date\. Pass a date such as"):
        Network.from_frames(ties=pd.DataFrame({"source": ["a"], "target": ["b"]}), today="x")


def test_ledger_counts_recent_asks_up_to_the_networks_today():
    sample = netgraph.sample()
    today = sample.reference_date - pd.Timedelta(days=120)
    net = Network.from_frames(
        sample.people.reset_index(), sample.stated_ties, sample.interactions, ego="me", today=today
    )
    expected = netgraph.recommend.ledger(sample.interactions, "me", today=today)
    recent = net.ledger()["recent_asks_of"]
    assert recent.equals(expected["recent_asks_of"])
    assert not recent.equals(sample.ledger()["recent_asks_of"])  # the window moved


def test_community_is_a_group_for_affinity_and_brokerage():
    net = netgraph.sample()
    found = net.communities()["community"]
    by_name = net.affinity("community")
    assert by_name["ei_index"].equals(net.affinity(found)["ei_index"])
    assert by_name.attrs["network"]["ei_index"] < 0  # communities look inward by construction
    assert net.brokerage("community").equals(net.brokerage(found))


def test_a_person_is_found_by_id_email_or_name_and_a_typo_lists_the_nearest():
    net = netgraph.sample()
    ego = net.ego
    row = net.people.drop(index=ego).dropna(subset=["name"]).iloc[0]
    by_id = net.reconnect(person=row.name, k=3)
    pd.testing.assert_frame_equal(net.reconnect(person=row["name"], k=3), by_id)
    with pytest.raises(netgraph.UnknownPersonError, match="Did you mean") as err:
        net.reconnect(person=row["name"][:-1] + "x", k=3)
    assert isinstance(err.value, netgraph.InputError)
