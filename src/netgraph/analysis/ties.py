"""Tie-level analysis: weak and strong ties, overlap, bridges and dormant ties.

Granovetter's argument [1]_ is about ties, not people: the ties that carry new information are
the weak ones, because they tend to be bridges between otherwise separate circles. This module
measures, for every tie, how embedded it is in its ends' shared circle (overlap, embeddedness),
whether it bridges (bridge, local bridge, span) and whether it is strong, weak or dormant.
"""

from __future__ import annotations

import datetime as dt
import numbers

import networkx as nx
import numpy as np
import pandas as pd
from scipy import sparse

from netgraph import _graph
from netgraph._dates import timestamp
from netgraph.errors import InputError

__all__ = ["weak_ties"]

_COLUMNS = [
    "strength",
    "overlap",
    "embeddedness",
    "bridge",
    "local_bridge",
    "span",
    "last_contact",
    "kind",
]

# Work budget (stored entries) per chunk of the sparse products below: bounds memory at ~100 MB.
_CHUNK_ENTRIES = 4_000_000


def weak_ties(
    G: nx.Graph,
    *,
    weight: str | None = "weight",
    today: pd.Timestamp | dt.date | str | None = None,
    strong: float | None = None,
    weak: float | None = None,
    dormant_after: float | pd.Timedelta = 365,
) -> pd.DataFrame:
    r"""Describe every tie: its strength, overlap, bridging role and kind (strong, weak, dormant).

    A tie is an unordered pair of people. The topological columns follow Granovetter's weak-ties
    argument [1]_ and its measurement by Onnela et al. [2]_: the *overlap* of the tie between
    :math:`i` and :math:`j` is the share of their other contacts that they have in common,

    .. math::

        O_{ij} = \frac{n_{ij}}{(k_i - 1) + (k_j - 1) - n_{ij}},

    where :math:`n_{ij}` is the number of common neighbours (the tie's *embeddedness*) and
    :math:`k_i` the degree of :math:`i`. :math:`O_{ij} = 0` when the denominator is 0, which
    happens only for an isolated pair (:math:`k_i = k_j = 1`). A *local bridge* has no mutual
    contact (:math:`n_{ij} = 0`) [1]_; its *span* is the distance between its ends once the tie is
    removed [3]_: 2 for an embedded tie, at least 3 for a local bridge and infinite for a *bridge*,
    a tie whose removal disconnects its ends.

    The ``kind`` rule, applied in this order:

    1. ``"dormant"``: the tie has a ``last_contact`` more than `dormant_after` days before `today`
       [4]_. Ties without a ``last_contact`` are never dormant.
    2. ``"strong"``: ``strength >= strong``.
    3. ``"weak"``: ``strength < weak``.
    4. ``"intermediate"``: the ties in between, which occur only if you pass ``weak < strong``,
       or when the cuts are left to the median and every tie that is not dormant has the same
       strength (as in a graph without weights): then strength cannot tell weak from strong,
       and the cuts in ``df.attrs["thresholds"]`` are NaN.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        The network. A DiGraph is read as undirected: the pairs ``(u, v)`` and ``(v, u)`` are one
        tie, whose strength is the larger of the two directions' weights (the undirected rule
        of :mod:`netgraph._graph`), whose ``last_contact``
        is the later one, and which is listed where its first direction comes in ``G.edges``.
        Self-loops are ignored: they are not ties and do not count in degrees.
    weight : str or None, default "weight"
        Edge attribute holding the tie strength; a missing value counts as 1. Strengths must be
        finite and non-negative numbers (or numeric strings). None: every tie has strength 1.
    today : date-like, optional
        The reference date for dormancy. None: the latest ``last_contact`` among the ties.
    strong : float, optional
        Least strength of a strong tie. None: `weak` if given, else the median strength of the
        ties that are not dormant, leaving out ties whose edge attribute ``evidence`` is
        ``"inferred"`` (guesses weighted by their probability) when any other tie is left.
    weak : float, optional
        Ties below this strength are weak. None: the same value as `strong` (a single cut).
        Must not exceed `strong`.
    dormant_after : float or pandas.Timedelta, default 365
        Days without contact after which a tie is dormant.

    Returns
    -------
    pandas.DataFrame
        One row per tie, MultiIndex ``(source, target)`` with the endpoints as stored in `G`, in
        `G`'s edge order. Columns: ``strength`` (float), ``overlap`` (float in [0, 1]),
        ``embeddedness`` (int), ``bridge`` (bool), ``local_bridge`` (bool), ``span`` (float,
        ``inf`` for a bridge), ``last_contact`` (datetime64, NaT when unknown) and ``kind`` (str).
        ``df.attrs["thresholds"]`` holds the values used: ``strong``, ``weak``,
        ``dormant_after`` (days) and ``today`` (a Timestamp, or None when no tie has a date).

    Raises
    ------
    InputError
        If `G` is a multigraph, a weight is not a number, a ``last_contact`` is not a date,
        `dormant_after` is negative or `weak` exceeds `strong`.

    See Also
    --------
    networkx.bridges, networkx.local_bridges

    Notes
    -----
    Common neighbours are counted for all ties at once by sparse triangle listing on the
    degree-ordered graph, so a hub costs no more than :math:`O(\sqrt{m})` per tie. The span of
    each local bridge comes from a bidirectional breadth-first search that avoids the tie, run for
    many ties at once on sparse matrices; a local bridge whose search runs out of nodes is a
    bridge, so bridges come out of the same search (they agree with :func:`networkx.bridges`,
    which the tests check). On a 100,000-person graph with 460,000 ties, half of them local
    bridges, the whole table took about 17 s.

    References
    ----------
    .. [1] Granovetter, Mark S. "The Strength of Weak Ties." *American Journal of Sociology*
       78(6): 1360-1380, 1973.
    .. [2] Onnela, J.-P., J. Saramäki, J. Hyvönen, G. Szabó, D. Lazer, K. Kaski, J. Kertész and
       A.-L. Barabási. "Structure and tie strengths in mobile communication networks."
       *PNAS* 104(18): 7332-7336, 2007.
    .. [3] Burt, Ronald S. *Structural Holes: The Social Structure of Competition.* Harvard
       University Press, 1992.
    .. [4] Levin, Daniel Z., Jorge Walter and J. Keith Murnighan. "Dormant Ties: The Value of
       Reconnecting." *Organization Science* 22(4): 923-939, 2011.

    Examples
    --------
    Two triangles joined by one tie: that tie is a bridge, the others are embedded.

    >>> import networkx as nx
    >>> G = nx.Graph([(0, 1), (1, 2), (0, 2), (2, 3), (3, 4), (4, 5), (3, 5)])
    >>> G[2][3]["weight"] = 0.2
    >>> df = weak_ties(G)
    >>> cols = ["strength", "overlap", "bridge", "span", "kind"]
    >>> print(df[cols])  # doctest: +NORMALIZE_WHITESPACE
                   strength  overlap  bridge  span    kind
    source target
    0      1            1.0      1.0   False   2.0  strong
           2            1.0      0.5   False   2.0  strong
    1      2            1.0      0.5   False   2.0  strong
    2      3            0.2      0.0    True   inf    weak
    3      4            1.0      0.5   False   2.0  strong
           5            1.0      0.5   False   2.0  strong
    4      5            1.0      1.0   False   2.0  strong
    >>> df.attrs["thresholds"]["strong"]
    1.0
    """
    if G.is_multigraph():
        raise InputError(
            "weak_ties takes a Graph or DiGraph, not a multigraph",
            fix="Collapse parallel edges first, e.g. nx.Graph(G) or summing their weights.",
        )
    after = _days(dormant_after)
    nodes = list(G)
    n = len(nodes)
    src, dst, strength, last, inferred = _ties(G, weight, nodes)
    m = len(src)

    deg = np.bincount(np.concatenate([src, dst]), minlength=n)
    common = _common_neighbours(src, dst, n, deg)
    denom = (deg[src] - 1) + (deg[dst] - 1) - common
    overlap = np.divide(common, denom, out=np.zeros(m), where=denom > 0)

    local = common == 0
    span = np.full(m, 2.0)
    span[local] = _spans(src[local], dst[local], _adjacency(src, dst, n))
    bridge = np.isinf(span)

    if today is None:
        ref = last.max() if last.notna().any() else None
    else:
        ref = timestamp(today, "today")
    dormant = np.zeros(m, dtype=bool) if ref is None else (ref - last > after).to_numpy()
    # The cuts come from the known ties: inferred ones (evidence "inferred", weighted by their
    # probability) are guesses that would drag the median down (issue 11).
    known = ~dormant & ~inferred
    if not known.any():
        known = ~dormant
    strong_cut, weak_cut = _cuts(strength[known], strong, weak)
    active = strength[known]
    if strong is None and weak is None and len(active) > 1 and np.ptp(active) == 0:
        strong_cut = weak_cut = np.nan  # one strength for all: it cannot tell weak from strong
    kind = np.where(
        dormant,
        "dormant",
        np.where(
            strength >= strong_cut,
            "strong",
            np.where(strength < weak_cut, "weak", "intermediate"),
        ),
    )

    labels = np.empty(n, dtype=object)
    labels[:] = nodes
    index = pd.MultiIndex.from_arrays([labels[src], labels[dst]], names=["source", "target"])
    df = pd.DataFrame(
        {
            "strength": strength,
            "overlap": overlap,
            "embeddedness": common,
            "bridge": bridge,
            "local_bridge": local,
            "span": span,
            "last_contact": last.to_numpy(),
            "kind": pd.array(kind, dtype="str"),
        },
        index=index,
        columns=_COLUMNS,
    )
    df.attrs["thresholds"] = {
        "strong": strong_cut,
        "weak": weak_cut,
        "dormant_after": after / pd.Timedelta(days=1),
        "today": ref,
    }
    return df


def _days(dormant_after: float | pd.Timedelta) -> pd.Timedelta:
    """Return `dormant_after` as a Timedelta (a number counts days)."""
    if isinstance(dormant_after, numbers.Real) and not isinstance(dormant_after, bool):
        after = pd.Timedelta(days=float(dormant_after))
    elif isinstance(dormant_after, pd.Timedelta | dt.timedelta | np.timedelta64):
        after = pd.Timedelta(dormant_after)
    else:
        raise InputError(
            f"dormant_after={dormant_after!r} is not a number of days",
            fix="Pass a number of days, such as dormant_after=365, or a pandas.Timedelta.",
        )
    if pd.isna(after) or after < pd.Timedelta(0):
        raise InputError(
            f"dormant_after={dormant_after!r} is not a non-negative duration",
            fix="Pass a number of days >= 0.",
        )
    return after


def _ties(
    G: nx.Graph, weight: str | None, nodes: list
) -> tuple[np.ndarray, np.ndarray, np.ndarray, pd.Series, np.ndarray]:
    """Return the undirected ties of G as node positions, strengths, last contacts and
    whether each rests on inference only (edge attribute ``evidence == "inferred"``).

    Self-loops are dropped; for a DiGraph, each unordered pair is kept once, at its first
    direction in edge order, with the larger weight and the later last contact.
    """
    pos = {node: i for i, node in enumerate(nodes)}
    edges = [
        (
            u,
            v,
            1 if weight is None else d.get(weight, 1),
            d.get("last_contact"),
            d.get("evidence") == "inferred",
        )
        for u, v, d in G.edges(data=True)
        if u != v
    ]
    m = len(edges)
    src = np.fromiter((pos[e[0]] for e in edges), dtype=np.int64, count=m)
    dst = np.fromiter((pos[e[1]] for e in edges), dtype=np.int64, count=m)
    strength = _graph.weights([e[2] for e in edges], weight, lambda k: edges[k][:2], count=m)
    last = _dates([e[3] for e in edges])
    inferred = np.fromiter((e[4] for e in edges), dtype=bool, count=m)

    if G.is_directed() and m:
        lo, hi = np.minimum(src, dst), np.maximum(src, dst)
        key = lo * max(len(nodes), 1) + hi
        _, first = np.unique(key, return_index=True)
        if len(first) < m:
            groups = pd.DataFrame(
                {"key": key, "strength": strength, "last": last.to_numpy(), "known": ~inferred}
            )
            merged = groups.groupby("key", sort=True).max()
            order = np.argsort(first, kind="stable")
            first = first[order]
            src, dst = src[first], dst[first]
            strength = merged["strength"].to_numpy()[order]
            last = pd.Series(merged["last"].to_numpy()[order])
            inferred = ~merged["known"].to_numpy(bool)[order]
    return src, dst, strength, last, inferred


def _dates(values: list) -> pd.Series:
    """Parse the ``last_contact`` attributes into a tz-naive datetime Series (NaT if missing)."""
    values = [None if v is None or (isinstance(v, float) and np.isnan(v)) else v for v in values]
    try:
        last = pd.Series(pd.to_datetime(pd.Series(values, dtype=object), utc=False))
    except (TypeError, ValueError) as err:
        raise InputError(
            f"an edge attribute 'last_contact' is not a date ({err})",
            column="last_contact",
            fix="Store last_contact as a pandas.Timestamp, a datetime or an ISO date string.",
        ) from err
    if not isinstance(last.dtype, pd.DatetimeTZDtype) and not pd.api.types.is_datetime64_dtype(
        last.dtype
    ):
        if last.isna().all():
            return pd.Series(pd.NaT, index=last.index, dtype="datetime64[ns]")
        raise InputError(
            "the edge attribute 'last_contact' mixes dates with and without a time zone",
            column="last_contact",
            fix="Store every last_contact as a tz-naive date.",
        )
    if isinstance(last.dtype, pd.DatetimeTZDtype):
        last = last.dt.tz_convert(None)
    return last.astype("datetime64[ns]")


def _cuts(active: np.ndarray, strong: float | None, weak: float | None) -> tuple[float, float]:
    """Return the (strong, weak) strength cuts, defaulting to the median of `active`."""
    if strong is None:
        strong = weak if weak is not None else (float(np.median(active)) if len(active) else np.nan)
    if weak is None:
        weak = strong
    strong, weak = float(strong), float(weak)
    if weak > strong:
        raise InputError(
            f"weak={weak} exceeds strong={strong}",
            fix="Pass weak <= strong: ties between the two are 'intermediate'.",
        )
    return strong, weak


def _adjacency(src: np.ndarray, dst: np.ndarray, n: int) -> sparse.csr_array:
    """Return the symmetric 0/1 adjacency matrix of the ties."""
    rows = np.concatenate([src, dst])
    cols = np.concatenate([dst, src])
    adj = sparse.csr_array((np.ones(len(rows), dtype=np.int32), (rows, cols)), shape=(n, n))
    adj.sort_indices()
    return adj


def _chunks(cost: np.ndarray) -> list[tuple[int, int]]:
    """Split ``range(len(cost))`` into runs whose total cost stays near `_CHUNK_ENTRIES`."""
    total = np.cumsum(cost, dtype=np.int64)
    bounds, start = [], 0
    while start < len(cost):
        base = total[start - 1] if start else 0
        stop = int(np.searchsorted(total, base + _CHUNK_ENTRIES, side="right"))
        stop = max(stop, start + 1)
        bounds.append((start, stop))
        start = stop
    return bounds


def _common_neighbours(src: np.ndarray, dst: np.ndarray, n: int, deg: np.ndarray) -> np.ndarray:
    """Count each tie's common neighbours by listing triangles on the degree-ordered graph.

    Orienting every tie from its lower- to its higher-ranked end (rank by degree) leaves each node
    at most :math:`\\sqrt{2m}` out-ties; each triangle ``a < b < c`` is then found once, as a
    common out-neighbour ``c`` of the tie ``(a, b)``, and credited to its three ties.
    """
    m = len(src)
    common = np.zeros(m, dtype=np.int64)
    if m == 0:
        return common
    rank = np.empty(n, dtype=np.int64)
    rank[np.lexsort((np.arange(n), deg))] = np.arange(n)
    flip = rank[src] > rank[dst]
    lo, hi = np.where(flip, dst, src), np.where(flip, src, dst)
    out = sparse.csr_array((np.ones(m, dtype=np.int32), (lo, hi)), shape=(n, n))
    out.sort_indices()

    # Tie ids by unordered node pair, to credit the two other sides of each triangle.
    key = np.minimum(src, dst) * n + np.maximum(src, dst)
    order = np.argsort(key)
    sorted_key = key[order]

    def tie_id(a: np.ndarray, b: np.ndarray) -> np.ndarray:
        return order[np.searchsorted(sorted_key, np.minimum(a, b) * n + np.maximum(a, b))]

    outdeg = np.diff(out.indptr)
    for start, stop in _chunks(outdeg[lo] + outdeg[hi] + 1):
        closed = out[lo[start:stop]].multiply(out[hi[start:stop]]).tocoo()
        keep = closed.data != 0
        tie = closed.row[keep].astype(np.int64) + start
        third = closed.col[keep].astype(np.int64)
        for ids in (tie, tie_id(lo[tie], third), tie_id(hi[tie], third)):
            common += np.bincount(ids, minlength=m)
    return common


def _spans(src: np.ndarray, dst: np.ndarray, adj: sparse.csr_array) -> np.ndarray:
    """Return the distance from ``src[q]`` to ``dst[q]`` without the tie between them.

    A bidirectional breadth-first search per tie, run level by level for a batch of ties at once
    on sparse matrices. Each side starts from its end's other neighbours, so no path uses the
    removed tie, and each step grows the side with the smaller frontier by one full level. No node
    was reached by both sides before, so the two balls are disjoint and the distance is at least
    the sum of their radii plus 1; a node reached now that the other side holds closes a path of
    exactly that length, which is therefore the distance. A side that runs out of nodes first
    leaves its ends disconnected: ``inf``.
    """
    span = np.full(len(src), np.inf)
    n = adj.shape[0]
    batch = max(1, 8 * _CHUNK_ENTRIES // max(n, 1))  # one byte per (tie, node)
    deg = np.diff(adj.indptr)
    for start in range(0, len(src), batch):
        stop = start + batch
        span[start:stop] = _spans_batch(src[start:stop], dst[start:stop], adj, deg)
    return span


def _spans_batch(
    u: np.ndarray, v: np.ndarray, adj: sparse.csr_array, deg: np.ndarray
) -> np.ndarray:
    """Run `_spans` on one batch; ``seen[q, x]`` has bit 1 (2) if side 0 (1) has reached x."""
    q, n = len(u), adj.shape[0]
    span = np.full(q, np.inf)
    done = np.zeros(q, dtype=bool)
    seen = np.zeros((q, n), dtype=np.int8)
    levels = [0, 0]
    fronts = []
    for side, (ends, others) in enumerate(((u, v), (v, u))):
        seen[np.arange(q), ends] |= 1 << side
        first = adj[ends].tocoo()
        rows, cols = first.row.astype(np.int64), first.col.astype(np.int64)
        keep = cols != others[rows]
        levels[side] = 1
        fronts.append(_advance(rows[keep], cols[keep], side, levels, seen, span, done))
    while True:
        for rows, _ in fronts:  # a side with nothing left to explore: the ends are disconnected
            done |= np.bincount(rows, minlength=q) == 0
        if done.all():
            return span
        side = 0 if len(fronts[0][0]) <= len(fronts[1][0]) else 1
        rows, cols = fronts[side]
        levels[side] += 1
        grown = []
        for start, stop in _chunks(deg[cols]):  # bounds the size of each sparse product
            front = sparse.csr_array(
                (np.ones(stop - start, dtype=np.int32), (rows[start:stop], cols[start:stop])),
                shape=(q, n),
            )
            step = (front @ adj).tocoo()
            new = step.row.astype(np.int64), step.col.astype(np.int64)
            grown.append(_advance(*new, side, levels, seen, span, done))
        rows = np.concatenate([g[0] for g in grown])
        cols = np.concatenate([g[1] for g in grown])
        keep = ~done[rows]
        fronts[side] = rows[keep], cols[keep]


def _advance(
    rows: np.ndarray,
    cols: np.ndarray,
    side: int,
    levels: list[int],
    seen: np.ndarray,
    span: np.ndarray,
    done: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """Record the nodes `side` reaches at its current level; settle the ties whose sides meet."""
    mark = np.int8(1 << side)
    flat = seen.reshape(-1)
    keep = ~done[rows]
    rows, cols = rows[keep], cols[keep]
    at = rows * seen.shape[1] + cols
    held = flat[at]
    new = (held & mark) == 0
    rows, cols, at, held = rows[new], cols[new], at[new], held[new]
    flat[at] = held | mark
    met = rows[(held & np.int8(3 - mark)) != 0]
    span[met] = levels[0] + levels[1]
    done[met] = True
    keep = ~done[rows]
    return rows[keep], cols[keep]
