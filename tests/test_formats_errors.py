"""Files that read_csv (of a folder), read_json and read_graphml cannot use raise InputError.

Each error names the file (and for JSON and GraphML the table), the row and the column.
"""

import json

import networkx as nx
import pandas as pd
import pytest

import netgraph
from netgraph import InputError, Network


@pytest.fixture
def dated(tmp_path):
    """A folder written by to_csv whose people have a date column, as LinkedIn's do."""
    people = pd.DataFrame(
        {
            "id": ["me", "ann", "bob"],
            "connected_on": pd.to_datetime([None, "2023-03-02", "2023-04-12"]),
        }
    )
    ties = pd.DataFrame({"source": ["me", "me"], "target": ["ann", "bob"]})
    return Network.from_frames(people, ties, ego="me").to_csv(tmp_path / "out")


def _edit_people(folder, old, new):
    path = folder / "people.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


@pytest.mark.parametrize("edited", ["12 Apr 2023", '"Apr 12, 2023"', "2023/04/12"])
def test_people_dates_edited_in_a_spreadsheet_are_read(dated, edited):
    _edit_people(dated, "2023-04-12", edited)
    net = netgraph.read_csv(dated)
    assert net.people.loc["bob", "connected_on"] == pd.Timestamp("2023-04-12")


def test_an_ambiguous_people_date_names_file_row_and_column(dated):
    """A date edited to 12/04/2023 used to give a ValueError from pandas."""
    _edit_people(dated, "2023-04-12", "12/04/2023")
    with pytest.raises(InputError, match="ambiguous") as info:
        netgraph.read_csv(dated)
    err = info.value
    assert err.file == str(dated / "people.csv") and err.row == 4
    assert err.column == "connected_on" and err.fix


@pytest.mark.parametrize(
    "meta", ["{not json", "[1, 2]", '{"ego": "zed"}', '{"ego": 5}', '{"people_dates": "x"}']
)
def test_a_corrupt_netgraph_json_names_it(dated, meta):
    (dated / "netgraph.json").write_text(meta, encoding="utf-8")
    with pytest.raises(InputError) as info:
        netgraph.read_csv(dated)
    assert info.value.file == str(dated / "netgraph.json") and info.value.fix


@pytest.mark.parametrize(
    ("doc", "table", "row"),
    [
        ({"people": [1, 2]}, "people", 1),
        ({"people": "ann"}, "people", None),
        ({"people": [{"id": "a"}, "b"]}, "people", 2),
        ({"people": [{"id": "a", "d": "soon"}], "people_dates": ["d"]}, "people", 1),
        ({"people": [{"id": "a"}], "ties": [{"source": "a", "target": "z"}]}, "ties", 1),
        ({"interactions": [{"source": "a", "target": "b", "date": "x"}]}, "interactions", 1),
        ({"people": [{"id": "a"}], "people_dates": "d"}, None, None),
        ({"people": [{"id": "a"}], "ego": 5}, None, None),
        ({"people": [{"id": "a"}], "ego": "zed"}, None, None),
        ({"format": "other"}, None, None),
    ],
)
def test_read_json_errors_name_the_file(doc, table, row, tmp_path):
    path = tmp_path / "net.json"
    path.write_text(json.dumps({"format": "netgraph", **doc}), encoding="utf-8")
    with pytest.raises(InputError) as info:
        netgraph.read_json(path)
    err = info.value
    assert err.file == (str(path) if table is None else f"{path} ({table})")
    assert err.row == row and err.fix


@pytest.mark.parametrize(
    ("graph", "nodes", "table"),
    [
        ({"netgraph_people_columns": "[oops"}, {}, None),
        ({"netgraph_tie_columns": '{"a": 1}'}, {}, None),
        ({"netgraph_interactions": "[1]"}, {}, "netgraph_interactions"),
        ({"netgraph_people_dates": '["d"]'}, {"a": {"d": "soon"}}, "nodes"),
        ({"netgraph_interactions": "[]", "netgraph_ego": "zed"}, {}, None),
    ],
)
def test_read_graphml_errors_name_the_file(graph, nodes, table, tmp_path):
    G = nx.Graph(**graph)
    G.add_edge("a", "b")
    for node, attrs in nodes.items():
        G.nodes[node].update(attrs)
    path = tmp_path / "g.graphml"
    nx.write_graphml(G, path)
    with pytest.raises(InputError) as info:
        netgraph.read_graphml(path)
    assert info.value.file == (str(path) if table is None else f"{path} ({table})")
    assert info.value.fix
