"""Gould and Fernandez brokerage roles: who mediates between which groups.

A person ``v`` brokers when she sits on a two-path ``a -> v -> b`` whose ends are not tied
directly. With a partition of people into groups (departments, companies, schools) each such
two-path takes one of five roles, depending on which of the three people share a group [1]_.

References
----------
.. [1] Gould, Roger V., and Roberto M. Fernandez. "Structures of Mediation: A Formal Approach to
   Brokerage in Transaction Networks." *Sociological Methodology* 19 (1989): 89-126.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp

from netgraph import _graph

__all__ = ["ROLES", "brokerage"]

#: The five role columns, in the order :func:`brokerage` returns them.
ROLES = ("coordinator", "itinerant", "representative", "gatekeeper", "liaison")

# Wedges examined at once when listing triangles (about 100 MB of scratch memory).
_BLOCK_WEDGES = 1 << 21


def brokerage(
    G: nx.Graph,
    by: str | Mapping[Hashable, Hashable] | pd.Series,
    *,
    weight: str | None = None,
    normalize: bool = False,
) -> pd.DataFrame:
    r"""Count the Gould and Fernandez brokerage roles each person plays.

    Every directed two-path :math:`a \to v \to b` with :math:`a \ne b` and no tie
    :math:`a \to b` is an *open two-path* brokered by :math:`v`. Its role follows from the groups
    :math:`g(\cdot)` of the three people [1]_:

    ================  =======================================  ==========================
    role              groups                                   pattern
    ================  =======================================  ==========================
    coordinator       :math:`g(a) = g(v) = g(b)`               A -> A -> A
    itinerant         :math:`g(a) = g(b) \ne g(v)`             A -> B -> A (consultant)
    representative    :math:`g(a) = g(v) \ne g(b)`             A -> A -> B
    gatekeeper        :math:`g(a) \ne g(v) = g(b)`             A -> B -> B
    liaison           all three differ                         A -> B -> C
    ================  =======================================  ==========================

    In an undirected graph each tie counts in both directions, so every open two-path
    ``a - v - b`` is counted twice (``a -> v -> b`` and ``b -> v -> a``) and
    ``representative`` equals ``gatekeeper``. Self-loops are ignored, and so are parallel edges
    of a multigraph make one tie with the largest of their weights (the rule of
    :mod:`netgraph._graph`, so ``weight=None`` and an absent weight attribute agree).

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        The network. Not modified.
    by : str, mapping, pandas.Series or partition
        The groups: the name of a node attribute, a mapping (or Series) person -> group, a
        communities table or an iterable of sets of people. A person given two groups is an
        InputError.
    weight : str, optional
        Edge attribute to weight two-paths by. None (the default) counts two-paths; otherwise
        each open two-path counts :math:`w_{av} \, w_{vb}`, the product of its two tie weights
        (a missing attribute counts as 1; weights must be finite and non-negative, numbers or
        numeric strings). Whether :math:`a \to b` is a tie does not depend on
        its weight.
    normalize : bool, default False
        Divide each role count by the count expected by chance (see Notes). ``total`` stays the
        raw number of open two-paths, the base of every expectation.

    Returns
    -------
    pandas.DataFrame
        One row per person (index ``person``, in the graph's node order) with columns ``group``,
        ``coordinator``, ``itinerant``, ``representative``, ``gatekeeper``, ``liaison`` and
        ``total`` (the sum of the five). Counts are integers when ``weight`` is None and
        ``normalize`` is False, floats otherwise.

    Warns
    -----
    NetgraphWarning
        When some people have no group. Each of them is treated as a group of their own (so
        a two-path through them is never internal to a group); their ``group`` is missing.

    Notes
    -----
    The counts are computed without enumerating two-paths. With :math:`A` the adjacency
    matrix and :math:`M` the person-by-group membership matrix, :math:`A^\top M` and
    :math:`A M` count each person's in- and out-neighbours per group, whose products give all
    two-paths by (group of *a*, group of *b*). The two-paths with :math:`a = b` (reciprocated
    ties) and the closed ones (:math:`a \to b` present) are then subtracted. Closed two-paths
    lie on triangles, which are listed by the degree-ordered method (each tie oriented towards
    its higher-degree end), in blocks: the cost grows with the number of triangles, not with
    the square of a hub's degree.

    With ``normalize=True`` the expected count of a role is the person's number of open
    two-paths :math:`t_v` times the chance that an ordered pair :math:`(a, b)` of two
    distinct other people, drawn at random from the :math:`N - 1` others, has the role's
    group pattern [1]_. For a person in a group of size :math:`n_g`, with
    :math:`S = \sum_{h \ne g} n_h (n_h - 1)` and :math:`D = (N - 1)(N - 2)`:

    .. math::

        E[\text{coordinator}] &= t_v \, (n_g - 1)(n_g - 2) / D \\
        E[\text{representative}] = E[\text{gatekeeper}] &= t_v \, (n_g - 1)(N - n_g) / D \\
        E[\text{itinerant}] &= t_v \, S / D \\
        E[\text{liaison}] &= t_v \, \left[(N - n_g)(N - n_g - 1) - S\right] / D

    These are the proportions of the five roles in Gould and Fernandez's expectation (as in
    the R package sna), conditioned on the person's own number of open two-paths. A ratio
    above 1 means the person plays the role more than group sizes alone predict; it is NaN
    where the expectation is 0 (no open two-paths, or a role the group sizes rule out).

    References
    ----------
    .. [1] Gould, Roger V., and Roberto M. Fernandez. "Structures of Mediation: A Formal
       Approach to Brokerage in Transaction Networks." *Sociological Methodology* 19 (1989):
       89-126.

    Examples
    --------
    Bob links Ann (his own team) to Cat (another team). Each tie of an undirected graph counts
    both ways: Ann -> Bob -> Cat makes Bob a representative, Cat -> Bob -> Ann a gatekeeper.

    >>> import networkx as nx
    >>> G = nx.Graph([("ann", "bob"), ("bob", "cat")])
    >>> teams = {"ann": "x", "bob": "x", "cat": "y"}
    >>> brokerage(G, teams).loc["bob"].to_dict()  # doctest: +NORMALIZE_WHITESPACE
    {'group': 'x', 'coordinator': 0, 'itinerant': 0, 'representative': 1, 'gatekeeper': 1,
     'liaison': 0, 'total': 2}
    """
    n = G.number_of_nodes()
    group, codes = _graph.resolve_groups(G, by)
    missing = codes < 0
    if missing.any():
        n_missing = int(missing.sum())
        _graph.warn_ungrouped(
            codes, by, "each of them is treated as a group of their own.", stacklevel=2
        )
        codes = codes.copy()
        codes[missing] = codes.max(initial=-1) + 1 + np.arange(n_missing)
    k = int(codes.max(initial=-1)) + 1

    A, P = _directed_adjacency(G, weight)
    counts = _role_counts(A, P, codes, k)
    if weight is None:
        counts = np.rint(counts).astype(np.int64)
    total = counts.sum(axis=1)
    values = counts
    if normalize:
        sizes = np.bincount(codes, minlength=k).astype(float)
        values = counts / _expected(total, sizes[codes], sizes, n)

    frame = pd.DataFrame(values, index=_graph.node_index(G), columns=list(ROLES))
    frame.insert(0, "group", group)
    frame["total"] = total
    return frame


def _role_counts(A: sp.csr_array, P: sp.csr_array, codes: np.ndarray, k: int) -> np.ndarray:
    """Return the (n, 5) weighted counts of open two-paths per role, in the order of ROLES."""
    n = A.shape[0]
    if n == 0 or A.nnz == 0:
        return np.zeros((n, len(ROLES)))
    M = sp.csr_array((np.ones(n), (np.arange(n), codes)), shape=(n, k))

    # All two-paths a -> v -> b (a == b and closed ones included), by group of a and of b.
    into = (A.T @ M).tocsr()  # into[v, h]: weight of ties from group h into v
    out = (A @ M).tocsr()  # out[v, h]: weight of ties from v to group h
    in_all = np.asarray(A.sum(axis=0)).ravel()
    out_all = np.asarray(A.sum(axis=1)).ravel()
    in_own = np.asarray(into.multiply(M).sum(axis=1)).ravel()
    out_own = np.asarray(out.multiply(M).sum(axis=1)).ravel()
    same_pair = np.asarray(into.multiply(out).sum(axis=1)).ravel()  # g(a) == g(b)
    coordinator = in_own * out_own
    itinerant = same_pair - coordinator
    representative = in_own * (out_all - out_own)
    gatekeeper = (in_all - in_own) * out_own
    liaison = (in_all - in_own) * (out_all - out_own) - itinerant

    # Two-paths v -> a -> v back to the same person: a == b.
    recip = A.multiply(A.T).tocoo()
    own = codes[recip.row] == codes[recip.col]
    coordinator -= np.bincount(recip.row[own], recip.data[own], minlength=n)
    itinerant -= np.bincount(recip.row[~own], recip.data[~own], minlength=n)

    gross = np.column_stack([coordinator, itinerant, representative, gatekeeper, liaison])
    counts = gross - _closed_two_paths(A, P, codes)
    # Round-off left by subtracting from a person's gross two-path weight is not a count.
    counts[np.abs(counts) <= 1e-12 * (in_all * out_all)[:, None]] = 0.0
    return counts


def _closed_two_paths(A: sp.csr_array, P: sp.csr_array, codes: np.ndarray) -> np.ndarray:
    """Return the (n, 5) weights of closed two-paths a -> v -> b (a -> b present) per role.

    A closed two-path lies on a triangle of the undirected view. Triangles are listed by the
    degree-ordered (forward) method: orient each tie towards the higher-degree end and
    join each oriented tie u -> x with the ties x -> y leaving x, keeping the wedges closed
    by u -> y. Each person then has few ties pointing away, so a hub costs little. Each
    triangle is read in its six orders (a, v, b).
    """
    n = A.shape[0]
    U = (P + P.T).tocoo()
    degree = np.bincount(U.row, minlength=n)
    rank = np.empty(n, dtype=np.int64)
    rank[np.lexsort((np.arange(n), degree))] = np.arange(n)
    forward = rank[U.row] < rank[U.col]
    F = sp.csr_array((np.ones(forward.sum()), (U.row[forward], U.col[forward])), shape=(n, n))
    F.sum_duplicates()
    F.sort_indices()
    tail = np.repeat(np.arange(n), np.diff(F.indptr))
    head = F.indices
    f_keys = tail * n + head
    A.sort_indices()
    P.sort_indices()
    a_keys = np.repeat(np.arange(n), np.diff(A.indptr)) * n + A.indices
    p_keys = np.repeat(np.arange(n), np.diff(P.indptr)) * n + P.indices

    def weight_of(r: np.ndarray, c: np.ndarray) -> np.ndarray:
        """Look up A[r, c] (0 where there is no tie)."""
        found, pos = _find(a_keys, r * n + c)
        return np.where(found, A.data[pos], 0.0)

    totals = np.zeros(n * len(ROLES))
    wedges = np.diff(F.indptr)[head]  # wedges opened by each oriented tie u -> x
    for e0, e1 in _blocks(wedges, _BLOCK_WEDGES):
        reps = wedges[e0:e1]
        count = int(reps.sum())
        if count == 0:
            continue
        # Positions in F.indices of the ties x -> y leaving each x, ragged per tie u -> x.
        first = np.repeat(F.indptr[head[e0:e1]] - (np.cumsum(reps) - reps), reps)
        y = head[first + np.arange(count)]
        u = np.repeat(tail[e0:e1], reps)
        x = np.repeat(head[e0:e1], reps)
        closed, _ = _find(f_keys, u * n + y)
        u, x, y = u[closed], x[closed], y[closed]
        for a, v, b in ((u, x, y), (u, y, x), (x, u, y), (x, y, u), (y, u, x), (y, x, u)):
            a_to_b, _ = _find(p_keys, a * n + b)
            path = weight_of(a, v) * weight_of(v, b) * a_to_b
            role = _role_index(codes[a], codes[v], codes[b])
            totals += np.bincount(v * len(ROLES) + role, path, totals.size)
    return totals.reshape(n, len(ROLES))


def _role_index(ga: np.ndarray, gv: np.ndarray, gb: np.ndarray) -> np.ndarray:
    """Return the position in ROLES of each two-path a -> v -> b, from the three groups."""
    return np.select(
        [(ga == gv) & (gv == gb), ga == gb, ga == gv, gv == gb], [0, 1, 2, 3], default=4
    )


def _find(keys: np.ndarray, query: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Return whether each query is in the sorted ``keys``, and its position there."""
    if keys.size == 0:
        return np.zeros(query.size, dtype=bool), np.zeros(query.size, dtype=np.int64)
    pos = np.minimum(np.searchsorted(keys, query), keys.size - 1)
    return keys[pos] == query, pos


def _blocks(cost: np.ndarray, budget: int) -> list[tuple[int, int]]:
    """Split ``range(len(cost))`` into consecutive blocks costing about ``budget`` each."""
    cum = np.cumsum(cost)
    if cum.size == 0:
        return []
    cuts = np.searchsorted(cum, np.arange(budget, cum[-1], budget)) + 1
    bounds = np.unique(np.concatenate([[0], cuts, [cost.size]]).clip(0, cost.size))
    return list(zip(bounds[:-1].tolist(), bounds[1:].tolist(), strict=True))


def _expected(total: np.ndarray, own_size: np.ndarray, sizes: np.ndarray, n: int) -> np.ndarray:
    """Return the (n, 5) expected role counts given open two-paths and group sizes."""
    pairs = (n - 1) * (n - 2)
    s_all = float(np.sum(sizes * (sizes - 1)))
    others_same = s_all - own_size * (own_size - 1)  # pairs inside one group other than v's
    outside = n - own_size
    shares = np.column_stack(
        [
            (own_size - 1) * (own_size - 2),
            others_same,
            (own_size - 1) * outside,
            (own_size - 1) * outside,
            outside * (outside - 1) - others_same,
        ]
    )
    expected = total[:, None] * shares
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(expected > 0, expected / pairs, np.nan) if pairs else expected * np.nan


def _directed_adjacency(G: nx.Graph, weight: str | None) -> tuple[sp.csr_array, sp.csr_array]:
    """Return the weighted adjacency ``A`` and its 0/1 pattern ``P``, both ways if undirected.

    Self-loops are dropped; parallel edges make one arc with the largest weight
    (:mod:`netgraph._graph`).
    """
    n = G.number_of_nodes()
    src, dst, w = _graph.arcs(G, weight)
    P = sp.csr_array((np.ones(src.size), (src, dst)), shape=(n, n))
    if weight is None:
        return P, P
    A = sp.csr_array((w, (src, dst)), shape=(n, n))
    return A, P
