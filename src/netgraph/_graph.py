r"""How every analysis and recommendation reads a networkx graph (private, shared).

One module owns each of these rules, so that one input gives one answer whatever the code path.

The undirected rule
-------------------
Many measures (weak ties, the E-I index, communities, closure, introductions, reconnect, warm
paths) are defined on undirected ties. When they are given a directed graph or a multigraph,
every edge recorded between two people (``a -> b``, ``b -> a``, parallel edges) makes **one tie
whose weight is the largest of theirs**: with ``a -> b`` 0.9 and ``b -> a`` 0.1 every one of them
sees the tie ``a - b`` at 0.9, whichever end it reads from. :meth:`netgraph.Network.undirected`
follows the same rule. Why the largest and not the sum:

* netgraph's weights are tie strengths in [0, 1] (:func:`netgraph.tie_strength`), and a tie is
  as strong as the relationship is: a contact who writes rarely back does not make a close tie
  weaker (the minimum would), and a tie recorded from both ends, as in a directed log or a
  survey where both people name each other, is not twice as strong (the sum would double it
  and leave the [0, 1] scale, which the weak/strong cut and the introductions' inverted U of
  strength rely on [1]_ [2]_);
* the largest of repeated records is the record itself, so ``weight=None`` (every tie weighs 1)
  and a ``weight`` attribute absent from every edge (each counts 1) give one answer, for
  multigraphs too. To count repeated records, add them into one edge's weight first
  (:func:`netgraph.tie_strength` does that from an interaction log).

Measures defined on directed ties read arcs as arcs: Burt's structural holes add the two arcs
of a pair in a directed graph, by his definition (:func:`netgraph.structural_holes`), and
brokerage counts directed two-paths. Parallel edges of a multigraph are merged by the same
largest-weight rule there too.

The weight rule
---------------
A weight is read as ``float(value)``: numbers, and numeric strings such as a text file holds,
are accepted; anything else is an :class:`~netgraph.InputError` naming the edge. A missing
attribute counts 1. Weights must be finite and non-negative (tie strengths, counts).
Self-loops are not ties: they are ignored everywhere.

Ids as given
------------
People are the nodes as they are in the graph (``0`` stays ``0``, a tuple stays one id): every
index is built with ``tupleize_cols=False`` so that tuple ids do not become a MultiIndex.

References
----------
.. [1] Granovetter, Mark S. "The Strength of Weak Ties." *American Journal of Sociology* 78(6):
   1360-1380, 1973.
.. [2] Rajkumar, Karthik, et al. "A Causal Test of the Strength of Weak Ties." *Science* 377,
   no. 6612 (2022): 1304-1310.
"""

from __future__ import annotations

import warnings
from collections.abc import Hashable, Iterable, Iterator, Mapping
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from netgraph.errors import InputError, NetgraphWarning, UnknownPersonError

__all__ = [
    "arcs",
    "describe",
    "edge_arrays",
    "is_person",
    "kept_graph",
    "node_index",
    "plain",
    "positions",
    "resolve_groups",
    "undirected",
    "undirected_ties",
    "weights",
]


# --------------------------------------------------------------------------- ids


def plain(value: Any) -> Any:
    """Return `value` with numpy scalars made Python ones, for messages ("(0, 1)", not np.int64)."""
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, tuple):
        return tuple(plain(v) for v in value)
    return value


def labels(values: Iterable[Hashable], *, name: str | None = None) -> pd.Index:
    """An object Index of ids as given (a tuple id stays one label)."""
    return pd.Index(list(values), dtype=object, tupleize_cols=False, name=name)


def node_index(G: nx.Graph, *, name: str | None = "person") -> pd.Index:
    """The nodes of `G` in graph order as an Index (dtype inferred; tuples stay single ids)."""
    return pd.Index(list(G), tupleize_cols=False, name=name)


def positions(index: pd.Index, wanted: Iterable[Hashable]) -> np.ndarray:
    """Positions of `wanted` in `index`; a label not found is an error, never position -1."""
    wanted = list(wanted)
    found = index.get_indexer(labels(wanted))
    if (found < 0).any():
        raise UnknownPersonError(plain(wanted[int(np.argmax(found < 0))]))
    return found


def is_person(values: Any, person: Hashable) -> np.ndarray:
    """Elementwise ``values == person`` as a bool array, a tuple id compared as one id."""
    if isinstance(person, tuple):
        return np.fromiter((x == person for x in values), dtype=bool, count=len(values))
    return np.asarray(pd.Series(np.asarray(values, dtype=object)) == person, dtype=bool)


# --------------------------------------------------------------------------- weights


def weights(
    values: Iterable[Any] | Any,
    weight: str | None,
    ends: Any = None,
    *,
    count: int = -1,
) -> np.ndarray:
    """Read edge weights by the weight rule (``float(value)``, finite and non-negative).

    `values` is a sequence, or a zero-argument callable returning a fresh iterator (read again
    only to name a bad value); `ends` is a callable ``i -> (u, v)`` naming the i-th edge.
    """
    try:
        w = np.fromiter(values() if callable(values) else values, dtype=float, count=count)
    except (TypeError, ValueError) as err:
        again = values() if callable(values) else values
        k, bad = next(((k, x) for k, x in enumerate(again) if not _is_float(x)), (None, None))
        edge = "an edge" if k is None or ends is None else f"the edge {plain(tuple(ends(k)))!r}"
        raise InputError(
            f"{edge} has weight {plain(bad)!r}, which is not a number",
            column=weight,
            fix="Store numbers in it, or pass weight=None to count every tie as 1.",
        ) from err
    check(w, weight, ends)
    return w


def _is_float(value: Any) -> bool:
    try:
        float(value)
    except (TypeError, ValueError):
        return False
    return True


def check(w: np.ndarray, weight: str | None, ends: Any = None) -> None:
    """Refuse NaN, infinite and negative weights, naming the first such edge."""
    bad = ~(np.isfinite(w) & (w >= 0))
    if bad.any():
        k = int(np.argmax(bad))
        edge = "an edge" if ends is None else f"the edge {plain(tuple(ends(k)))!r}"
        raise InputError(
            f"{edge} has weight {plain(w[k])!r}; weights must be finite and non-negative",
            column=weight,
            fix="Fix or drop that edge, or pass weight=None to count every tie as 1.",
        )


def edge_arrays(G: nx.Graph, weight: str | None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return the edges of ``G`` as arrays of node positions (``list(G)`` order) and weights.

    Each edge appears once as networkx stores it (one direction for an undirected graph, every
    key of a multigraph), self-loops included. Weights follow the weight rule; they are 1 when
    ``weight`` is None or the attribute is missing.
    """
    index = {node: i for i, node in enumerate(G)}
    m = G.number_of_edges()
    ends = np.fromiter((index[x] for e in G.edges() for x in e[:2]), dtype=np.int64, count=2 * m)
    src, dst = ends[0::2], ends[1::2]
    if weight is None:
        return src, dst, np.ones(m)
    nodes = list(G)
    w = weights(
        lambda: (d for *_, d in G.edges(data=weight, default=1)),
        weight,
        lambda k: (nodes[src[k]], nodes[dst[k]]),
        count=m,
    )
    return src, dst, w


def _merge_max(keys: np.ndarray, w: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Unique keys (sorted) and the largest weight of each."""
    if keys.size == 0:
        return keys, w
    order = np.argsort(keys, kind="stable")
    keys, w = keys[order], w[order]
    start = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    return keys[start], np.maximum.reduceat(w, start)


def arcs(G: nx.Graph, weight: str | None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return the distinct arcs of ``G`` (both ways for an undirected graph), sorted.

    Self-loops are dropped; parallel edges make one arc with the largest weight.
    """
    n = max(G.number_of_nodes(), 1)
    src, dst, w = edge_arrays(G, weight)
    keep = src != dst
    src, dst, w = src[keep], dst[keep], w[keep]
    if not G.is_directed():
        src, dst, w = np.concatenate([src, dst]), np.concatenate([dst, src]), np.tile(w, 2)
    keys, w = _merge_max(src * n + dst, w)
    return keys // n, keys % n, w


def undirected_ties(G: nx.Graph, weight: str | None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return the ties of ``G`` read as undirected: positions ``lo < hi`` and weights.

    The undirected rule: edges joining the same two people (both directions, parallel edges)
    make one tie with the largest of their weights. Self-loops are dropped; with
    ``weight=None`` every tie weighs 1.
    """
    n = max(G.number_of_nodes(), 1)
    src, dst, w = edge_arrays(G, weight)
    keep = src != dst
    lo = np.minimum(src[keep], dst[keep])
    hi = np.maximum(src[keep], dst[keep])
    keys, w = _merge_max(lo * n + hi, w[keep])
    return keys // n, keys % n, w


def undirected(G: nx.Graph, weight: str | None = "weight") -> nx.Graph:
    """Return `G` read as an undirected simple graph by the undirected rule.

    An undirected simple graph is returned as it is (no copy). Otherwise a new Graph: each pair
    of people once, with the largest `weight` of the edges between them (validated by the
    weight rule), the other attributes of that strongest edge, and the latest
    ``last_contact``. Self-loops are kept as they are (every measure ignores them).
    """
    if not (G.is_directed() or G.is_multigraph()):
        return G
    H = nx.Graph()
    H.graph.update(G.graph)
    H.add_nodes_from(G.nodes(data=True))
    adj = H._adj  # noqa: SLF001 - read-only lookups in a graph built here
    for u, v, d in G.edges(data=True):
        old = adj[u].get(v)
        if old is None:
            H.add_edge(u, v, **d)
            continue
        merged = dict(old)
        if weight is not None and _weight(d, weight, u, v) > _weight(old, weight, u, v):
            merged = dict(d)
        last = [x for x in (old.get("last_contact"), d.get("last_contact")) if _is_date(x)]
        if last:
            merged["last_contact"] = max(last, key=pd.Timestamp)
        old.clear()
        old.update(merged)
    return H


def _weight(d: dict, weight: str, u: Hashable, v: Hashable) -> float:
    return float(weights([d.get(weight, 1)], weight, lambda _: (u, v), count=1)[0])


def _is_date(value: Any) -> bool:
    return (
        value is not None
        and not (isinstance(value, float) and np.isnan(value))
        and (not pd.isna(value))
    )


# --------------------------------------------------------------------------- groups


def resolve_groups(
    G: nx.Graph, by: Any, *, nodes: Iterable[Hashable] | None = None
) -> tuple[pd.Series, np.ndarray]:
    """Return each person's group (a Series over `nodes`, default ``list(G)``) and codes.

    `by` is the name of a node attribute, a mapping or Series person -> group, a communities
    table (a DataFrame with a ``community`` column) or a partition (an iterable of sets of
    people, as networkx's community functions return). Blank strings and missing values mean
    no group (code -1). A person given two groups (a repeated index, or two sets) is an
    :class:`~netgraph.InputError`, and so is a `by` that gives nobody in `G` a group. Codes
    are numbered in sorted group order when the groups can be sorted.
    """
    nodes = list(G) if nodes is None else list(dict.fromkeys(nodes))
    index = labels(nodes, name="person")
    column = by if isinstance(by, str) else None
    if isinstance(by, str):
        values = [G.nodes[x].get(by) if x in G else None for x in nodes]
        group = pd.Series(values, index=index, dtype=object)
    else:
        series = _as_series(by)
        if not series.index.is_unique:
            dup = plain(series.index[series.index.duplicated()][0])
            raise InputError(
                f"{describe(by)} gives {dup!r} more than one group",
                column=series.name if isinstance(series.name, str) else None,
                fix="Give each person one group.",
            )
        series.index = labels(series.index)
        group = series.astype(object).reindex(index)
    group = group.where(group.notna() & ~group.map(_blank).astype(bool))
    group.name = "group"
    absent = group.isna().to_numpy()
    if absent.all() and (nodes or G.number_of_nodes()) and not _anyone(G, by):
        raise InputError(
            f"no person has a group in {describe(by)}",
            column=column,
            fix="Check the attribute name, or pass a mapping person -> group.",
        )
    try:
        codes, _ = pd.factorize(group, sort=True)
    except TypeError as err:
        if "unhashable" in str(err):
            raise InputError(
                f"groups in {describe(by)} must be single values such as strings",
                column=column,
                fix="Give each person one group name (not a list).",
            ) from err
        codes, _ = pd.factorize(group, sort=False)  # groups of mixed types do not sort
    observed = group[~absent].infer_objects()
    if absent.any() and pd.api.types.is_integer_dtype(observed.dtype):
        group = group.astype("Int64")
    else:
        group = group.infer_objects()
    return group, np.asarray(codes, dtype=np.int64)


def _blank(value: Any) -> bool:
    return isinstance(value, str) and not value.strip()


def _anyone(G: nx.Graph, by: Any) -> bool:
    """Whether `by` gives anyone in `G` a group (checked only when the asked nodes have none)."""
    if isinstance(by, str):
        return any(not _missing(d.get(by)) for _, d in G.nodes(data=True))
    series = _as_series(by)
    return any(x in G and not _missing(g) for x, g in series.items())


def _missing(value: Any) -> bool:
    return value is None or _blank(value) or (not isinstance(value, list | set) and pd.isna(value))


def _as_series(by: Any) -> pd.Series:
    if isinstance(by, pd.DataFrame):
        if "community" not in by.columns:
            raise InputError(
                "the communities table has no 'community' column",
                column="community",
                fix="Pass the output of netgraph.communities(G) or a Series of labels.",
            )
        return by["community"].copy()
    if isinstance(by, pd.Series):
        return by.copy()
    if isinstance(by, Mapping):
        return pd.Series(list(by.values()), index=labels(by.keys()), dtype=object)
    if isinstance(by, Iterable) and not isinstance(by, str | bytes):
        people, groups = [], []
        for i, block in enumerate(by):
            if isinstance(block, str | bytes) or not isinstance(block, Iterable):
                raise InputError(
                    f"a partition must be an iterable of sets of people, not of {block!r}",
                    fix="Pass e.g. [{'ann', 'bob'}, {'cy'}] or a mapping person -> group.",
                )
            for person in block:
                people.append(person)
                groups.append(i)
        return pd.Series(groups, index=labels(people), dtype=object)
    raise InputError(
        f"groups must be a node attribute name, a mapping person -> group or a partition, "
        f"not {type(by).__name__}",
        fix="Pass e.g. by='department' or by={'ann': 'sales', ...}.",
    )


def describe(by: object) -> str:
    """Name the source of the groups for messages."""
    if isinstance(by, str):
        return f"node attribute {by!r}"
    if isinstance(by, pd.Series) and by.name is not None:
        return f"Series {by.name!r}"
    if isinstance(by, pd.DataFrame):
        return "the communities table"
    if isinstance(by, Mapping):
        return "the mapping"
    return "the partition"


def warn_ungrouped(codes: np.ndarray, by: object, consequence: str, *, stacklevel: int) -> None:
    """Warn, with a count, when some people have no group."""
    missing = int((codes < 0).sum())
    if missing:
        warnings.warn(
            f"{missing} of {codes.size} people have no group in {describe(by)}; {consequence}",
            NetgraphWarning,
            stacklevel=stacklevel + 1,
        )


# --------------------------------------------------------------------------- a kept graph


class _KeptAdjacency(Mapping):
    """Each person's neighbours, read from a compressed sparse adjacency when first asked for.

    The adjacency mapping of the graph :func:`kept_graph` returns: a mapping from each node to
    a dict of its neighbours and their edge attributes, as networkx keeps it, except that a
    node's dict is built on first use. Reading a few people's ties costs what they have.
    """

    def __init__(self, ids: list, indptr: np.ndarray, indices: np.ndarray, weight: np.ndarray):
        self._ids = ids
        self._position = {node: i for i, node in enumerate(ids)}
        self._indptr, self._indices, self._weight = indptr, indices, weight
        self._extra: dict[Hashable, dict] = {}
        self._built: dict[Hashable, dict] = {}

    def add(self, u: Hashable, v: Hashable, attributes: dict) -> None:
        """Add an edge to those of the sparse adjacency (before anything is read)."""
        self._extra.setdefault(u, {})[v] = attributes
        self._extra.setdefault(v, {})[u] = attributes

    def __getitem__(self, node: Hashable) -> dict:
        neighbours = self._built.get(node)
        if neighbours is None:
            i = self._position[node]  # a KeyError for an unknown node, as a dict gives
            lo, hi = self._indptr[i], self._indptr[i + 1]
            ids, ends, weights = self._ids, self._indices[lo:hi], self._weight[lo:hi]
            neighbours = {
                ids[j]: {"weight": w} for j, w in zip(ends.tolist(), weights.tolist(), strict=True)
            }
            neighbours.update(self._extra.get(node, {}))
            self._built[node] = neighbours
        return neighbours

    def __contains__(self, node: object) -> bool:
        try:
            return node in self._position
        except TypeError:  # unhashable
            return False

    def __iter__(self) -> Iterator:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)


def kept_graph(
    ids: list,
    indptr: np.ndarray,
    indices: np.ndarray,
    weight: np.ndarray,
    *,
    edges: Iterable[tuple[Hashable, Hashable, dict]] = (),
    nodes: dict[Hashable, dict] | None = None,
) -> nx.Graph:
    """A frozen undirected graph over a kept compressed sparse adjacency, read on demand.

    ``ids[i]``'s neighbours are ``ids[indices[indptr[i]:indptr[i + 1]]]`` with edge
    ``weight``; `edges` adds more (each pair once, not also in the sparse part) and `nodes`
    gives node attributes. Every networkx reader works on it as on a graph built edge by edge
    (whatever reads every tie pays for every tie), but a reader of a few people's ties (a
    warm path, a contact's neighbours) costs what they have: :meth:`netgraph.Store.week`
    reads the kept ties among a million-interaction store's contacts this way.
    """
    G = nx.Graph()
    adjacency = _KeptAdjacency(ids, indptr, indices, weight)
    for u, v, attributes in edges:
        adjacency.add(u, v, attributes)
    nodes = nodes or {}
    G._node = {node: nodes.get(node, {}) for node in ids}  # noqa: SLF001 - a graph built here
    G._adj = adjacency  # noqa: SLF001
    return nx.freeze(G)
