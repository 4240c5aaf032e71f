"""One name for one thing (issue 14.6): me= for readers, ego= for the model, person= for
the person a method is about, nodes= for a set of people; k keyword-only everywhere."""

import inspect
from pathlib import Path

import pandas as pd
import pytest

import netgraph
from netgraph import Network, recommend

DATA = Path(netgraph.__file__).parent / "datasets" / "data"
LINKEDIN = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"


@pytest.fixture(scope="module")
def net():
    return netgraph.sample()


def test_read_linkedin_with_ego_names_me(tmp_path):
    path = tmp_path / "Connections.csv"
    path.write_text(LINKEDIN + "Ann,Lee,https://www.linkedin.com/in/ann,,Acme,CTO,01 Mar 2021\n")
    with pytest.raises(TypeError, match=r"read_linkedin\(\) takes me= .* not ego="):
        netgraph.read_linkedin(path, ego="me")
    assert netgraph.read_linkedin(path, me="me").ego == "me"


@pytest.mark.parametrize(
    "read", [netgraph.read_csv, netgraph.read_json, netgraph.read_graphml, netgraph.read_vcard]
)
def test_every_reader_refuses_ego_and_names_me(read):
    with pytest.raises(TypeError, match="takes me="):
        read(DATA, ego="me")
    assert "me" in inspect.signature(read).parameters
    assert "ego" not in inspect.signature(read).parameters


def test_read_csv_takes_me():
    net = netgraph.read_csv(DATA / "people.csv", DATA / "ties.csv", me="me")
    assert net.ego == "me"


@pytest.mark.parametrize("wrong", ["ego", "me", "node"])
@pytest.mark.parametrize(
    "method", ["closure", "introductions", "reconnect", "ledger", "thanks_owed"]
)
def test_methods_about_one_person_name_person(net, method, wrong):
    with pytest.raises(TypeError, match=rf"{method}\(\) takes person= .* not {wrong}="):
        getattr(net, method)(**{wrong: "me"})


def test_paths_to_does_not_read_ego_as_a_column(net):
    with pytest.raises(TypeError, match="takes person="):
        net.paths_to(ego="me", company="Acme")


def test_plots_name_person(net):
    with pytest.raises(TypeError, match="takes person="):
        net.plot.ego_map(ego="me")


def test_structural_holes_names_nodes(net):
    with pytest.raises(TypeError, match="takes nodes="):
        net.structural_holes(person="me")


def test_constructors_name_ego():
    ties = pd.DataFrame({"source": ["a"], "target": ["b"]})
    with pytest.raises(TypeError, match="takes ego="):
        Network(None, ties, me="a")
    with pytest.raises(TypeError, match="takes ego="):
        Network.from_frames(ties=ties, me="a")
    assert Network.from_frames(ties=ties, ego="a").ego == "a"


def test_the_right_names_show_in_help():
    assert "person" in inspect.signature(Network.introductions).parameters
    assert "ego" not in inspect.signature(Network.introductions).parameters
    assert inspect.getdoc(Network.introductions).startswith("People to be introduced")


def callables():
    for name, member in inspect.getmembers(Network):
        if not name.startswith("_") and callable(member):
            yield f"Network.{name}", member
    for name in netgraph.__all__:
        member = getattr(netgraph, name)
        if callable(member) and not isinstance(member, type):
            yield f"netgraph.{name}", member
    for name in recommend.__all__:
        member = getattr(recommend, name)
        if callable(member) and not isinstance(member, type):
            yield f"netgraph.recommend.{name}", member


@pytest.mark.parametrize(("name", "function"), list(callables()), ids=lambda x: str(x))
def test_k_is_keyword_only_everywhere(name, function):
    try:
        parameters = inspect.signature(function).parameters
    except (TypeError, ValueError):
        pytest.skip("no signature")
    if "k" in parameters:
        assert parameters["k"].kind is inspect.Parameter.KEYWORD_ONLY, name
