"""The public surface: ``__all__`` is the documented API, and one contract over every analysis.

The API reference (``docs/reference/*.md``) is built by mkdocstrings from ``::: target``
directives; a module target shows what its ``__all__`` lists. So a top-level name is documented
when its object appears under one of those targets, and the reference pages name a top-level
``netgraph.X`` only when ``X`` is in ``netgraph.__all__``.
"""

import importlib
import inspect
import re
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest

import netgraph

DOCS = Path(__file__).resolve().parents[1] / "docs"
REFERENCE = sorted((DOCS / "reference").glob("*.md"))
DIRECTIVE = re.compile(r"^::: ([\w.]+)", re.MULTILINE)
# `netgraph.name` or `netgraph.a.b.name(...)` in backticks, in prose (not in a link target)
DOTTED = re.compile(r"`(?:except |import )?(netgraph(?:\.\w+)+)(?:\(\))?`")
# `netgraph.json` and the like are file names (to_csv's manifest, a store), not Python names
FILE_NAME = re.compile(r"netgraph\.(?:json|csv|sqlite|db|html|txt|ics|vcf|graphml|zip|mbox)$")


def _resolve(path: str):
    """The object a dotted path names (a module, or an attribute of one)."""
    parts = path.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for part in parts[cut:]:
            obj = getattr(obj, part)
        return obj
    raise ImportError(path)


def _documented() -> dict[int, str]:
    """id(object) -> the page that documents it, for everything the reference pages show."""
    shown: dict[int, str] = {}
    for page in REFERENCE:
        for target in DIRECTIVE.findall(page.read_text(encoding="utf-8")):
            obj = _resolve(target)
            shown[id(obj)] = page.name
            if inspect.ismodule(obj):
                assert hasattr(obj, "__all__"), f"{target} ({page.name}) has no __all__ to show"
                for name in obj.__all__:
                    assert hasattr(obj, name), f"{target}.__all__ lists {name}, which it lacks"
                    shown[id(getattr(obj, name))] = page.name
    return shown


def test_every_name_in_all_is_in_the_api_reference():
    shown = _documented()
    missing = [name for name in netgraph.__all__ if id(getattr(netgraph, name)) not in shown]
    assert not missing, (
        f"netgraph.__all__ lists {missing}, which no page of docs/reference/ shows: add it to "
        "the __all__ of a module a page documents with ::: (or document it on its own)"
    )


def test_every_top_level_name_the_docs_use_is_in_all():
    """`netgraph.X` in the docs is a name of __all__ or a subpackage; every dotted name exists."""
    pages = [*DOCS.glob("*.md"), *DOCS.glob("*/*.md")]
    wrong, stale = [], []
    for page in pages:
        for path in DOTTED.findall(page.read_text(encoding="utf-8")):
            if FILE_NAME.match(path):
                continue
            where = f"{page.relative_to(DOCS)}: {path}"
            try:
                _resolve(path)
            except (ImportError, AttributeError):
                stale.append(where)
                continue
            first = path.split(".")[1]
            if not inspect.ismodule(getattr(netgraph, first, None)) and first not in (
                netgraph.__all__
            ):
                wrong.append(where)
    assert not stale, f"the docs name objects that do not exist: {stale}"
    assert not wrong, f"the docs use top-level names missing from netgraph.__all__: {wrong}"


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
