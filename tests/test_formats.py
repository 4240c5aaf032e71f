"""Exports round-trip to an equal network; CSV export neutralises formula injection."""

from pathlib import Path

import pandas as pd
import pytest

import netgraph
from netgraph import InputError, Network


@pytest.fixture
def net():
    people = pd.DataFrame(
        {
            "id": ["me", "ann", "bob", "eve"],
            "name": ["Me", "Ann, the 'first'", '=HYPERLINK("http://x","y")', "Ève 😀 שלום"],
            "company": ["Acme", "+44 Corp", None, "@home"],
            "tags": ["a;b", None, "-1", "x"],
        }
    )
    ties = pd.DataFrame(
        {
            "source": ["me", "me", "ann"],
            "target": ["ann", "bob", "bob"],
            "kind": ["colleague", None, "friend"],
            "since": ["2020-01-01", None, "2019-05-05"],
            "closeness": [0.8, None, 0.3],
        }
    )
    interactions = pd.DataFrame(
        {
            "source": ["me", "ann", "eve"],
            "target": ["ann", "me", "me"],
            "date": ["2024-01-05", "2024-02-01 10:30:00", "2024-03-01"],
            "channel": ["email", None, "call"],
            "kind": ["ask", "give", None],
        }
    )
    return Network.from_frames(people, ties, interactions, ego="me")


def test_csv_folder_round_trip(net, tmp_path):
    folder = net.to_csv(tmp_path / "out")
    back = netgraph.read_csv(folder)
    assert back == net
    assert back.ego == "me"
    assert back.graph.number_of_edges() == net.graph.number_of_edges()


def test_csv_export_neutralises_formulas(net, tmp_path):
    folder = net.to_csv(tmp_path / "out")
    raw = pd.read_csv(folder / "people.csv", dtype=str, keep_default_na=False)
    for cell in raw.to_numpy().ravel():
        assert not cell.startswith(("=", "+", "-", "@")), cell
    assert "'=HYPERLINK" in (folder / "people.csv").read_text(encoding="utf-8")


def test_json_round_trip(net, tmp_path):
    back = netgraph.read_json(net.to_json(tmp_path / "net.json"))
    assert back == net


def test_graphml_round_trip(net, tmp_path):
    back = netgraph.read_graphml(net.to_graphml(tmp_path / "net.graphml"))
    assert back == net
    assert back.ties["strength"].round(9).equals(net.ties["strength"].round(9))


def test_foreign_graphml_reads_as_graph(tmp_path):
    import networkx as nx

    G = nx.Graph()
    G.add_edge("a", "b", weight=0.25)
    G.nodes["a"]["name"] = "A"
    nx.write_graphml(G, tmp_path / "g.graphml")
    net = netgraph.read_graphml(tmp_path / "g.graphml")
    assert net.graph.edges["a", "b"]["weight"] == 0.25
    assert net.people.loc["a", "name"] == "A"


def test_bad_json_and_graphml_name_the_file(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match="bad.json"):
        netgraph.read_json(bad)
    bad = tmp_path / "bad.graphml"
    bad.write_text("<graphml><oops", encoding="utf-8")
    with pytest.raises(InputError, match="bad.graphml"):
        netgraph.read_graphml(bad)


def test_read_csv_of_an_empty_folder_says_what_is_missing(tmp_path):
    with pytest.raises(InputError, match="people.csv"):
        netgraph.read_csv(tmp_path)


def test_read_csv_errors_name_the_users_file_row_and_column(tmp_path):
    (tmp_path / "people.csv").write_text("id,name\nme,Me\nann,Ann\n", encoding="utf-8")
    (tmp_path / "ties.csv").write_text(
        "source;target;closeness\nme;ann;0.5\nme;zed;0.2\n", encoding="utf-8-sig"
    )
    with pytest.raises(InputError) as info:
        netgraph.read_csv(tmp_path / "people.csv", tmp_path / "ties.csv", me="me")
    err = info.value
    assert str(err.file).endswith("ties.csv") and err.row == 3 and err.column == "target"
    assert "zed" in str(err)


def test_read_csv_reads_excel_bom_and_semicolons(tmp_path):
    (tmp_path / "ties.csv").write_text(
        "Source;Target;Closeness\nme;ann;0,5\n", encoding="utf-8-sig"
    )
    net = netgraph.read_csv(None, tmp_path / "ties.csv", me="me")
    assert net.stated_ties["closeness"].tolist() == [0.5]


@pytest.mark.filterwarnings("ignore::netgraph.NetgraphWarning")
@pytest.mark.parametrize("fmt", ["csv", "json", "graphml"])
def test_linkedin_network_with_dated_people_round_trips(fmt, tmp_path):
    net = netgraph.read_linkedin(Path(__file__).parent / "data" / "linkedin_Connections.csv")
    assert any(pd.api.types.is_datetime64_any_dtype(c) for _, c in net.people.items())
    if fmt == "csv":
        back = netgraph.read_csv(net.to_csv(tmp_path / "out"))
    elif fmt == "json":
        back = netgraph.read_json(net.to_json(tmp_path / "net.json"))
    else:
        back = netgraph.read_graphml(net.to_graphml(tmp_path / "net.graphml"))
    assert back == net


def _round_trip(net, fmt, folder):
    if fmt == "csv":
        return netgraph.read_csv(net.to_csv(folder / "out"))
    if fmt == "json":
        return netgraph.read_json(net.to_json(folder / "net.json"))
    return netgraph.read_graphml(net.to_graphml(folder / "net.graphml"))


@pytest.mark.parametrize("fmt", ["csv", "json", "graphml"])
def test_sub_second_times_round_trip(fmt, tmp_path):
    """Unix milliseconds and fractions of a second used to lose their decimals on export."""
    (tmp_path / "log.csv").write_text(
        "source,target,date\na,b,1577872800250\nb,a,1577872800000\n", encoding="utf-8"
    )
    net = netgraph.read_csv(None, None, tmp_path / "log.csv")
    people = pd.DataFrame(
        {"id": ["a", "b"], "seen": pd.to_datetime(["2020-01-01 10:00:00.123456789", None])}
    )
    net = Network.from_frames(people, None, net.interactions)
    back = _round_trip(net, fmt, tmp_path)
    assert back == net
    assert back.interactions["date"].max() == pd.Timestamp("2020-01-01 10:00:00.250")


def test_csv_writes_plain_dates_plainly_and_times_to_the_millisecond(tmp_path):
    interactions = pd.DataFrame(
        {"source": ["a"], "target": ["b"], "date": ["2020-01-01 10:00:00.250"]}
    )
    ties = pd.DataFrame({"source": ["a"], "target": ["b"], "since": ["2021-03-15"]})
    folder = Network.from_frames(None, ties, interactions).to_csv(tmp_path / "out")
    assert "2020-01-01T10:00:00.250\n" in (folder / "interactions.csv").read_text("utf-8")
    assert ",2021-03-15," in (folder / "ties.csv").read_text("utf-8")


def test_csv_header_cells_that_look_like_formulas_are_escaped(tmp_path):
    people = pd.DataFrame(
        {"id": ["me", "ann"], "=cmd|calc!A0": ["x", "y"], "@sum": [1, 2], "'=kept": ["a", "b"]}
    )
    net = Network.from_frames(people, pd.DataFrame({"source": ["me"], "target": ["ann"]}))
    folder = net.to_csv(tmp_path / "out")
    header = (folder / "people.csv").read_text(encoding="utf-8").splitlines()[0]
    for cell in header.split(","):
        assert not cell.lstrip('"').startswith(("=", "+", "-", "@")), header
    back = netgraph.read_csv(folder)
    assert back == net
    assert {"=cmd|calc!a0", "@sum", "'=kept"} <= set(back.people.columns)


def test_foreign_graphml_with_an_id_node_attribute(tmp_path):
    """yEd and Gephi write a node attribute 'id'; it used to clash with the person id."""
    import networkx as nx

    G = nx.Graph()
    G.add_node("n0", id="alice")
    G.add_node("n1", id="n1")
    G.add_edge("n0", "n1")
    nx.write_graphml(G, tmp_path / "g.graphml")
    net = netgraph.read_graphml(tmp_path / "g.graphml")
    assert list(net.people.index) == ["n0", "n1"]
    assert net.people.loc["n0", "id_attribute"] == "alice"


def test_graphml_with_some_netgraph_attributes_only(tmp_path):
    """A hand-edited file with netgraph_interactions but no column lists is still read."""
    import networkx as nx

    G = nx.Graph()
    G.graph["netgraph_interactions"] = '[{"source": "a", "target": "b", "date": "2020-01-01"}]'
    G.graph["netgraph_ego"] = "a"
    G.add_node("a", name="Ann")
    G.add_edge("a", "b", kind="friend", weight=0.5)
    nx.write_graphml(G, tmp_path / "g.graphml")
    net = netgraph.read_graphml(tmp_path / "g.graphml")
    assert net.ego == "a"
    assert net.people.loc["a", "name"] == "Ann"
    assert net.stated_ties["kind"].tolist() == ["friend"]
    assert len(net.interactions) == 1


@pytest.mark.parametrize("fmt", ["json", "graphml"])
def test_read_json_and_graphml_take_me(net, fmt, tmp_path):
    path = net.to_json(tmp_path / "n.json") if fmt == "json" else net.to_graphml(tmp_path / "g")
    read = netgraph.read_json if fmt == "json" else netgraph.read_graphml
    assert read(path, me="ann").ego == "ann"


def test_the_three_exported_files_read_back_one_by_one(tmp_path):
    """to_csv writes a header-only interactions.csv when there are none: that reads as none."""
    net = Network.from_frames(ties=pd.DataFrame({"source": ["a"], "target": ["b"]}))
    net.to_csv(tmp_path)
    files = [tmp_path / f"{name}.csv" for name in ("people", "ties", "interactions")]
    assert netgraph.read_csv(*files) == net
    (tmp_path / "empty.csv").write_text("")
    with pytest.raises(netgraph.InputError, match="empty"):
        netgraph.read_csv(files[0], files[1], tmp_path / "empty.csv")
