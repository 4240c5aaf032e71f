"""A networkx backend that runs ``nx.constraint`` and ``nx.effective_size`` on netgraph's kernel.

Once netgraph is installed with the entry point below, networkx dispatches to it on request::

    nx.constraint(G, weight="weight", backend="netgraph")
    nx.effective_size(G, weight="weight", backend="netgraph")

Entry point (``pyproject.toml``)::

    [project.entry-points."networkx.backends"]
    netgraph = "netgraph.backend:backend_interface"

networkx loads this module only when the backend is first used. The optional
``networkx.backend_info`` entry point (``netgraph.backend:get_info``) would list netgraph in
networkx's docstrings, but networkx calls it while it is itself being imported, so every
``import networkx`` would import netgraph too (1.5 s instead of 0.3 s): it is left out.

The conversion is free: the backend graph is a thin wrapper around the networkx graph. Results
are networkx's dicts. Graphs on which netgraph's documented choices differ from networkx's
(self-loops beside other ties, which netgraph ignores and networkx counts; a lone self-loop in
networkx's per-node ``constraint``, 4 there and NaN in its all-nodes path and here; and
multigraphs) are declined through ``can_run``, so networkx reports that the backend cannot run
them rather than returning different numbers. networkx's own ``test_structuralholes`` passes on
this backend (``NETWORKX_TEST_BACKEND=netgraph``; the test suite runs it).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Any

import networkx as nx

__all__ = ["BackendInterface", "NetgraphGraph", "backend_interface", "get_info"]

_FUNCTIONS = ("constraint", "effective_size")


def get_info() -> dict[str, Any]:
    """Describe the backend to networkx (the ``networkx.backend_info`` entry point).

    Returns
    -------
    dict
        networkx's backend-info mapping: name, package, summary and implemented functions.

    Examples
    --------
    >>> sorted(get_info()["functions"])
    ['constraint', 'effective_size']
    """
    note = (
        "Vectorised triangle kernel (all nodes at once, no dense matrix). Self-loops and "
        "multigraphs are declined; weights must be finite and non-negative."
    )
    return {
        "backend_name": "netgraph",
        "project": "netgraph",
        "package": "netgraph",
        "short_summary": "Fast exact structural holes (Burt's constraint, effective size).",
        "functions": {name: {"additional_docs": note} for name in _FUNCTIONS},
    }


class NetgraphGraph:
    """A networkx graph handed to netgraph's kernel (no copy is made).

    Parameters
    ----------
    graph : networkx.Graph or networkx.DiGraph
        The wrapped graph.
    """

    __networkx_backend__ = "netgraph"

    def __init__(self, graph: nx.Graph) -> None:
        self.graph = graph

    def is_directed(self) -> bool:
        """Whether the wrapped graph is directed."""
        return self.graph.is_directed()

    def is_multigraph(self) -> bool:
        """Whether the wrapped graph is a multigraph."""
        return self.graph.is_multigraph()

    def __getattr__(self, name: str) -> Any:
        # everything else (number_of_nodes, edges, ...) is read from the wrapped graph
        if name == "graph":  # not set yet (copy, pickle)
            raise AttributeError(name)
        return getattr(self.graph, name)

    def __iter__(self):
        return iter(self.graph)

    def __len__(self) -> int:
        return len(self.graph)

    def __contains__(self, node: object) -> bool:
        return node in self.graph


def _unwrap(G: nx.Graph | NetgraphGraph) -> nx.Graph:
    return G.graph if isinstance(G, NetgraphGraph) else G


class BackendInterface:
    """The object networkx loads from the ``networkx.backends`` entry point."""

    @staticmethod
    def convert_from_nx(graph: nx.Graph, **_: Any) -> NetgraphGraph:
        """Wrap a networkx graph (free: no copy, attributes are read in place)."""
        return NetgraphGraph(graph)

    @staticmethod
    def convert_to_nx(obj: Any, *, name: str | None = None) -> Any:
        """Unwrap a graph; results (dicts) pass through unchanged."""
        return _unwrap(obj)

    @staticmethod
    def can_run(name: str, args: tuple, kwargs: dict) -> bool | str:
        """Decline the inputs on which netgraph's documented choices differ from networkx's."""
        G = args[0] if args else kwargs.get("G")
        G = _unwrap(G)
        if not isinstance(G, nx.Graph):
            return "the input is not a networkx graph"
        if G.is_multigraph():
            return "netgraph adds parallel edges' weights; networkx does not define multigraphs"
        # read the adjacency directly: nx.number_of_selfloops is itself dispatched to this
        # backend, so calling it here would make every call fall back to networkx
        loops = [u for u, nbrs in G.adj.items() if u in nbrs]
        if loops:
            # a lone self-loop gives NaN both here and in networkx, except in networkx's
            # per-node constraint (4); elsewhere networkx counts the loop and netgraph does not
            nodes = args[1] if len(args) > 1 else kwargs.get("nodes")
            if name == "constraint" and nodes is not None:
                return "networkx's per-node constraint counts a lone self-loop (4), netgraph not"
            if any(G.degree(u) > 2 for u in loops):
                return "netgraph ignores self-loops, networkx counts them"
        return True

    @staticmethod
    def set_edge_attributes(G: NetgraphGraph, values: Any, name: str | None = None) -> None:
        """Set edge attributes on the wrapped graph (networkx's own code, in place)."""
        nx.set_edge_attributes.orig_func(_unwrap(G), values, name)

    @staticmethod
    def constraint(
        G: NetgraphGraph, nodes: Iterable[Hashable] | None = None, weight: str | None = None
    ) -> dict:
        """``nx.constraint`` computed by :func:`netgraph.analysis.holes.structural_holes`."""
        return _column(G, nodes, weight, "constraint")

    @staticmethod
    def effective_size(
        G: NetgraphGraph, nodes: Iterable[Hashable] | None = None, weight: str | None = None
    ) -> dict:
        """``nx.effective_size`` computed by :func:`netgraph.analysis.holes.structural_holes`."""
        return _column(G, nodes, weight, "effective_size")


def _column(G: NetgraphGraph, nodes: Any, weight: str | None, column: str) -> dict:
    from netgraph.analysis.holes import structural_holes

    holes = structural_holes(_unwrap(G), weight=weight, nodes=nodes)
    return dict(zip(holes.index, holes[column].tolist(), strict=True))


backend_interface = BackendInterface()
