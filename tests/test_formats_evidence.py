"""Tie evidence and the answers about who knows whom survive every export (issue 11).

An inferred tie used to come back from GraphML (and from ``net.graph``) as a stated one, the
answers were lost by every format, and the first answer after a round trip dropped every
inferred tie, since the read network no longer knew how they had been inferred.
"""

import networkx as nx
import pandas as pd
import pytest

import netgraph
from _networks import linkedin_star
from netgraph import Network


@pytest.fixture(scope="module")
def answered():
    """After infer_ties() and confirm_ties(): a yes, two noes and a stated tie denied."""
    net = linkedin_star().infer_ties(by="company")
    answers = pd.DataFrame(
        {"a": ["p0", "p6", "p11", "me"], "b": ["p1", "p7", "p12", "p14"], "knows": [1, 0, 0, 0]}
    )
    return net.confirm_ties(answers)


def round_trip(net, fmt, tmp_path):
    if fmt == "csv":
        return netgraph.read_csv(net.to_csv(tmp_path / "out"))
    if fmt == "json":
        return netgraph.read_json(net.to_json(tmp_path / "net.json"))
    return netgraph.read_graphml(net.to_graphml(tmp_path / "net.graphml"))


def evidence(net):
    return net.ties[["evidence", "probability", "strength"]].sort_index()


@pytest.mark.parametrize("fmt", ["csv", "json", "graphml"])
def test_inferred_and_answered_network_round_trips(answered, fmt, tmp_path):
    assert (answered.ties["evidence"] == "inferred").sum() > 10
    assert len(answered.answers) == 4
    back = round_trip(answered, fmt, tmp_path)
    assert back.equals(answered)
    pd.testing.assert_frame_equal(evidence(back), evidence(answered))
    assert back.answers.sort_values(["a", "b"]).to_dict("list") == answered.answers.sort_values(
        ["a", "b"]
    ).to_dict("list")
    assert back.inferred_by == answered.inferred_by == ["company"]


@pytest.mark.parametrize("fmt", ["csv", "json", "graphml"])
def test_an_answer_after_a_round_trip_infers_the_ties_again_alike(answered, fmt, tmp_path):
    # Before, the read network had forgotten how its ties were inferred, so the next answer
    # dropped all of them (30 inferred ties -> 0).
    more = pd.DataFrame({"a": ["p2"], "b": ["p3"], "knows": [False]})
    expected = answered.confirm_ties(more)
    got = round_trip(answered, fmt, tmp_path).confirm_ties(more)
    assert got.equals(expected)
    pd.testing.assert_frame_equal(evidence(got), evidence(expected))


def test_equals_compares_the_answers(answered):
    # a no about two people at different companies changes no tie, only the answers
    no = answered.confirm_ties(pd.DataFrame({"a": ["p0"], "b": ["p13"], "knows": [False]}))
    assert no.ties.equals(answered.ties)
    assert not no.equals(answered)
    assert answered.equals(answered.confirm_ties(answered.answers))


def test_the_graph_and_a_graphml_file_written_from_it_keep_inferred_ties(answered, tmp_path):
    # net.graph weighs an inferred tie by strength x probability; reading it back divides the
    # probability out again, so strengths are not discounted twice.
    G = answered.graph
    assert G.edges["p0", "p2"]["evidence"] == "inferred"
    back = Network.from_graph(G, ego="me")
    pd.testing.assert_frame_equal(evidence(back), evidence(answered), check_dtype=False)
    plain = nx.Graph()
    plain.add_nodes_from(G.nodes)
    for u, v, d in G.edges(data=True):
        plain.add_edge(u, v, **{k: d[k] for k in ("weight", "probability", "evidence")})
    nx.write_graphml(plain, tmp_path / "gephi.graphml")
    read = netgraph.read_graphml(tmp_path / "gephi.graphml", me="me")
    pd.testing.assert_frame_equal(evidence(read), evidence(answered), check_dtype=False)


def test_a_network_without_answers_writes_no_answers_file(tmp_path):
    folder = linkedin_star().to_csv(tmp_path / "out")
    assert not (folder / "answers.csv").exists()
    assert netgraph.read_csv(folder).inferred_by is None
