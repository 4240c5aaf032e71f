r"""Burt's structural holes: constraint, effective size, efficiency and hierarchy.

A person *spans a structural hole* when her contacts are not connected to each other: she
brokers between them and hears non-redundant information. Burt's measures (Burt 1992) quantify
it per person from the weighted ego network, with the definitions networkx uses (after
Borgatti 1997):

* mutual weight :math:`a_{ij} = w_{ij} + w_{ji}`: in a directed graph the arcs both ways, over
  predecessors and successors; in an undirected graph the tie's weight (networkx's factor 2
  cancels out of every measure);
* proportional strength :math:`p_{ij} = a_{ij} / s_i`, with :math:`s_i = \sum_k a_{ik}`;
* marginal strength :math:`m_{ij} = a_{ij} / x_i`, with :math:`x_i = \max_k a_{ik}`.

All people are computed at once by a vectorised triangle kernel: every triangle adds to the
three ties it contains, so only two sums per tie are needed,
:math:`Q_{ij} = \sum_z a_{iz} a_{zj} / s_z` and :math:`W_{ij} = \sum_z a_{iz} a_{zj}`. The cost
is linear in the number of wedges of the degree-oriented graph, not in :math:`\sum_i d_i^2`
(see ``benchmarks/bench_structural_holes.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from itertools import chain, compress
from operator import itemgetter, methodcaller

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.special import xlogy

from netgraph._graph import plain
from netgraph.errors import InputError, UnknownPersonError

__all__ = [
    "ego_structural_holes",
    "local_constraint",
    "structural_holes",
    "structural_holes_from_ties",
]

_COLUMNS = ["constraint", "effective_size", "efficiency", "hierarchy", "degree"]
# Wedges looked up per block; bounds the temporaries to roughly 50 bytes x this number.
_WEDGE_BLOCK = 1 << 22


def structural_holes(
    G: nx.Graph,
    *,
    weight: str | None = "weight",
    nodes: Iterable[Hashable] | None = None,
) -> pd.DataFrame:
    r"""Compute Burt's structural-hole measures for every person.

    Constraint [1]_ measures how much a person's contacts are invested in each other, so
    that she cannot play them off against one another:

    .. math::

        c_i = \sum_{j \in N(i)} c_{ij}, \qquad
        c_{ij} = \Big(p_{ij} + \sum_{q \in N(i)} p_{iq}\, p_{qj}\Big)^2 .

    Effective size [1]_ [2]_ is the number of contacts minus their redundancy, and efficiency
    is effective size per contact:

    .. math::

        e_i = \sum_{j \in N(i)} \Big(1 - \sum_{q \in N(i)} p_{iq}\, m_{jq}\Big), \qquad
        \mathrm{efficiency}_i = e_i / |N(i)| .

    Hierarchy [1]_ is the Coleman-Theil disorder of the local constraints: 0 when they are all
    equal, 1 when a single contact holds all the constraint:

    .. math::

        h_i = \frac{\sum_{j \in N(i)} r_j \ln r_j}{N \ln N}, \qquad
        r_j = \frac{c_{ij}}{c_i / N}, \quad N = |N(i)| .

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        The network. In a directed graph a contact is a predecessor or a successor and the
        mutual weight of a pair adds the arcs both ways, as in networkx and Burt. In a multigraph
        parallel edges make one tie with the largest weight (:mod:`netgraph._graph`), so an
        absent weight attribute and ``weight=None`` agree. Not modified.
    weight : str or None, default "weight"
        Edge attribute holding the tie weight, which must be finite and non-negative; an edge
        without it counts 1. None counts every edge 1 (in a directed graph a reciprocated pair
        then has mutual weight 2).
    nodes : iterable of node, optional
        Return only these people, in this order (duplicates dropped). Only their
        neighbourhoods are read, so a few people in a large graph are fast.

    Returns
    -------
    pandas.DataFrame
        Indexed by node (index name ``person``), in graph order unless `nodes` is given, with
        float columns ``constraint``, ``effective_size``, ``efficiency``, ``hierarchy`` and the
        int column ``degree`` (number of distinct contacts).

    Raises
    ------
    UnknownPersonError
        A node in `nodes` is not in `G`.
    InputError
        An edge weight is negative, infinite, NaN or not a number.

    See Also
    --------
    local_constraint : the terms :math:`c_{ij}`.
    ego_structural_holes : one person, with hypothetical extra ties.

    Notes
    -----
    The values equal networkx's definitions (``nx.constraint``, ``nx.effective_size``)
    with three documented choices that make one input give one answer:

    * self-loops are ignored (networkx's two code paths disagree on them);
    * a person with no contact (an isolate, or only a self-loop) gets NaN for every measure
      and degree 0; a person with one contact gets hierarchy 0 (:math:`N \ln N = 0`), as does
      a person whose local constraints are all 0 (only possible with zero weights);
    * when all of a person's tie weights are 0, her :math:`p_{ij}` are 0 (networkx's
      ``normalized_mutual_weight``), so constraint is 0 and effective size equals degree.

    In a directed graph a person with only incoming arcs gets her values from the formula
    (networkx's per-node path returns NaN for her, networkx issue #2661).

    Cost: all people of a graph of 100,000 people and 500,000 weighted ties take about
    0.7-1 s and under 100 MiB of temporary memory on a 2-core machine, more than 80% of it
    reading networkx's edge dicts (:meth:`netgraph.Network.structural_holes` skips that and
    takes about 0.15 s); networkx's ``constraint`` alone takes 7-11 s there, igraph's C
    ``constraint`` about 0.7 s (see ``benchmarks/bench_structural_holes.py``).

    References
    ----------
    .. [1] Burt, Ronald S. *Structural Holes: The Social Structure of Competition.*
           Cambridge, MA: Harvard University Press, 1992.
    .. [2] Borgatti, Stephen P. "Structural Holes: Unpacking Burt's Redundancy Measures."
           *Connections* 20(1): 35-38, 1997.

    Examples
    --------
    A star: the hub spans every hole, the leaves are fully constrained by her.

    >>> import networkx as nx
    >>> holes = structural_holes(nx.star_graph(3), weight=None)
    >>> print(holes.round(4).to_string())  # doctest: +NORMALIZE_WHITESPACE
            constraint  effective_size  efficiency  hierarchy  degree
    person
    0           0.3333             3.0         1.0        0.0       3
    1           1.0000             1.0         1.0        0.0       1
    2           1.0000             1.0         1.0        0.0       1
    3           1.0000             1.0         1.0        0.0       1
    """
    index = _node_index(G)
    if nodes is None:
        ties = _Ties.from_graph(G, index, weight)
        holes = ties.measures()
        return _frame(holes, index)
    positions = _positions(index, nodes)
    near = _closed_neighbourhood(G, index, positions)
    rows = near if 2 * len(near) < len(index) else None
    ties = _Ties.from_graph(G, index, weight, rows=rows)
    holes = ties.measures(focus=positions, near=near)
    return _frame({k: v[positions] for k, v in holes.items()}, index[positions])


def local_constraint(G: nx.Graph, *, weight: str | None = "weight") -> pd.DataFrame:
    r"""Compute Burt's local constraint of every person on each of her contacts.

    .. math::

        c_{ij} = \Big(p_{ij} + \sum_{q \in N(i)} p_{iq}\, p_{qj}\Big)^2

    is how much of person *i*'s network is invested, directly or through common contacts, in
    contact *j* [1]_. Summed over *j* it gives the constraint of :func:`structural_holes`.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        The network (see :func:`structural_holes`). Not modified.
    weight : str or None, default "weight"
        Edge attribute holding the tie weight (see :func:`structural_holes`).

    Returns
    -------
    pandas.DataFrame
        One row per ordered pair (person, contact), MultiIndex names ``("person",
        "contact")``, sorted by person then contact in graph order; column
        ``local_constraint``. Isolates have no rows.

    References
    ----------
    .. [1] Burt, Ronald S. *Structural Holes: The Social Structure of Competition.*
           Cambridge, MA: Harvard University Press, 1992.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([("ann", "bob"), ("ann", "cy"), ("bob", "cy"), ("cy", "dee")])
    >>> lc = local_constraint(G, weight=None)
    >>> print(lc.round(4).to_string())  # doctest: +NORMALIZE_WHITESPACE
                    local_constraint
    person contact
    ann    bob                0.4444
           cy                 0.5625
    bob    ann                0.4444
           cy                 0.5625
    cy     ann                0.2500
           bob                0.2500
           dee                0.1111
    dee    cy                 1.0000
    """
    index = _node_index(G)
    ties = _Ties.from_graph(G, index, weight)
    ego, contact, values = ties.local_constraints()
    order = np.lexsort((contact, ego))
    pairs = pd.MultiIndex(
        levels=[index, index],
        codes=[ego[order], contact[order]],
        names=["person", "contact"],
        verify_integrity=False,
    )
    return pd.DataFrame({"local_constraint": values[order]}, index=pairs)


def ego_structural_holes(
    G: nx.Graph,
    node: Hashable,
    *,
    weight: str | None = "weight",
    add: Iterable[tuple[Hashable, Hashable, float]] | None = None,
) -> pd.Series:
    """Compute the structural-hole measures of one person, optionally with hypothetical ties.

    Reads only the person's neighbourhood (her contacts, their strengths and strongest ties,
    and the ties among them), so it is cheap to call many times, for example to score each
    candidate introduction. The result equals the row of :func:`structural_holes` for `node`
    on a copy of `G` with the ties in `add` added, without copying `G`.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        The network (see :func:`structural_holes`). Not modified.
    node : node
        The person.
    weight : str or None, default "weight"
        Edge attribute holding the tie weight (see :func:`structural_holes`).
    add : iterable of (u, v, w), optional
        Hypothetical edges, with the meaning of ``H = G.copy();
        H.add_weighted_edges_from(add, weight=weight)``: in a Graph a new tie of weight `w`,
        or the new weight of an existing tie; in a DiGraph the arc u -> v; in a multigraph
        one more parallel edge. `w` is ignored when `weight` is None. People not in `G` may
        appear (a new contact); self-loops are ignored.

    Returns
    -------
    pandas.Series
        ``constraint``, ``effective_size``, ``efficiency``, ``hierarchy`` and ``degree`` (as
        float), named `node`.

    Raises
    ------
    UnknownPersonError
        `node` is neither in `G` nor in `add`.
    InputError
        A weight is negative, infinite, NaN or not a number, or an item of `add` is not a
        triple.

    See Also
    --------
    structural_holes : every person at once, with the formulas.

    Examples
    --------
    Introducing two of the hub's contacts to each other costs her some effective size:

    >>> import networkx as nx
    >>> G = nx.star_graph(3)
    >>> print(ego_structural_holes(G, 0, weight=None)["effective_size"])
    3.0
    >>> after = ego_structural_holes(G, 0, weight=None, add=[(1, 2, 1.0)])
    >>> print(f"{after['effective_size']:.4f}")
    2.3333
    """
    extra = _Overlay(G, add, weight)
    if node not in G and node not in extra.nodes:
        raise UnknownPersonError(node)
    ties = extra.mutual(node)
    k = len(ties)
    if k == 0:
        return pd.Series([np.nan] * 4 + [0.0], index=_COLUMNS, name=node)
    slot = {contact: i for i, contact in enumerate(ties)}
    a = np.fromiter(ties.values(), dtype=float, count=k)
    s = np.empty(k)
    x = np.empty(k)
    among_i: list[int] = []
    among_j: list[int] = []
    among_a: list[float] = []
    for i, contact in enumerate(ties):  # one pass over each contact's own ties
        theirs = extra.mutual(contact)
        s[i] = sum(theirs.values())
        x[i] = max(theirs.values())
        # in the contact's adjacency order, not a set's: sums in one order, one answer to the
        # last bit whatever the hash seed (a set made results differ by 1e-15 between runs)
        common = [v for v in theirs if v in slot]
        among_i.extend([i] * len(common))
        among_j.extend(map(slot.__getitem__, common))
        among_a.extend(map(theirs.__getitem__, common))
    i_, j_ = np.asarray(among_i, dtype=np.intp), np.asarray(among_j, dtype=np.intp)
    a_ij = np.asarray(among_a, dtype=float)
    total = a.sum()
    p = a / total if total > 0 else np.zeros(k)
    inv_s, inv_x = _safe_inverse(s), _safe_inverse(x)
    # c_uj = (p_uj + sum_q p_uq a_qj / s_q)^2 ; redundancy of j = sum_q p_uq a_jq / x_j
    indirect = np.bincount(j_, weights=p[i_] * a_ij * inv_s[i_], minlength=k)
    local = (p + indirect) ** 2
    redundancy = np.bincount(i_, weights=p[j_] * a_ij, minlength=k) * inv_x
    constraint = local.sum()
    effective = k - redundancy.sum()
    hierarchy = _hierarchy(np.array([constraint]), np.array([k]), np.array([_rlogr(local)]))[0]
    values = [constraint, effective, effective / k, hierarchy, float(k)]
    return pd.Series(values, index=_COLUMNS, name=node, dtype=float)


# --------------------------------------------------------------------------- graph to arrays


def _node_index(G: nx.Graph) -> pd.Index:
    # tupleize_cols=False: tuple nodes stay single labels rather than becoming a MultiIndex
    return pd.Index(list(G), tupleize_cols=False, name="person")


def _positions(index: pd.Index, nodes: Iterable[Hashable]) -> np.ndarray:
    if isinstance(nodes, str | bytes):
        raise InputError(
            f"nodes must be a list of people, such as [{nodes!r}], not a string", column="nodes"
        )
    wanted = list(dict.fromkeys(nodes))
    positions = index.get_indexer(pd.Index(wanted, tupleize_cols=False))
    missing = positions < 0
    if missing.any():
        raise UnknownPersonError(wanted[int(np.argmax(missing))])
    return positions.astype(np.intp)


def _closed_neighbourhood(G: nx.Graph, index: pd.Index, positions: np.ndarray) -> np.ndarray:
    people = index[positions]
    views = [G.adj] + ([G.pred] if G.is_directed() else [])
    contacts = set(chain.from_iterable(view[u] for view in views for u in people))
    # checked: contacts are nodes of G, all in `index` (no -1)
    found = index.get_indexer(pd.Index(list(contacts), tupleize_cols=False))
    return np.union1d(positions, found)


def _edge_weights(data: list, weight: str | None, multi: bool) -> np.ndarray:
    """Weights of a list of edge-data dicts (key dicts in a multigraph), missing = 1."""
    if weight is None:
        return np.ones(len(data))
    if multi:
        # parallel edges: one tie with the largest weight (the rule of netgraph._graph)
        values = (max(float(d.get(weight, 1)) for d in keys.values()) for keys in data)
    else:
        try:  # fast path when every edge has the attribute
            return np.fromiter(map(itemgetter(weight), data), dtype=float, count=len(data))
        except (KeyError, TypeError, ValueError):
            values = map(methodcaller("get", weight, 1), data)
    try:
        return np.fromiter(values, dtype=float, count=len(data))
    except (TypeError, ValueError) as err:
        raise InputError(
            f"an edge weight is not a number ({err})",
            column=weight,
            fix=f"Give every edge a numeric {weight!r} attribute, or pass weight=None.",
        ) from err


def _listed_arcs(
    adjacency: list[dict],
    rows: np.ndarray,
    position: dict,
    weight: str | None,
    multi: bool,
    keep: Callable[[np.ndarray, np.ndarray], np.ndarray],
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Arcs (row, neighbour, weight) listed by the adjacency dicts of `rows`, if `keep`."""
    dicts = [adjacency[r] for r in rows]
    counts = np.fromiter(map(len, dicts), dtype=np.intp, count=len(dicts))
    u = np.repeat(rows, counts)
    v = np.fromiter(map(position.__getitem__, chain.from_iterable(dicts)), np.intp, len(u))
    mask = keep(u, v)
    data = compress(chain.from_iterable(map(methodcaller("values"), dicts)), mask.tolist())
    return u[mask], v[mask], _edge_weights(list(data), weight, multi)


def _graph_arcs(
    G: nx.Graph, index: pd.Index, weight: str | None, rows: np.ndarray | None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Arcs of `G` incident to `rows` (all when None), each arc (or undirected edge) once."""
    n = len(index)
    multi = G.is_multigraph()
    in_rows = np.ones(n, dtype=bool)
    if rows is None:
        rows = np.arange(n)
    else:
        in_rows = np.zeros(n, dtype=bool)
        in_rows[rows] = True
    position = dict(zip(G, range(n), strict=True))
    # adjacency() hands out networkx's own inner dicts: no copy, no per-edge view objects
    succ = [nbrs for _, nbrs in G.adjacency()]
    if G.is_directed():
        u, v, w = _listed_arcs(succ, rows, position, weight, multi, lambda u, v: u != v)
        if not in_rows.all():  # arcs into the rows from outside them
            pred = [nbrs for _, nbrs in G.reverse(copy=False).adjacency()]
            v2, u2, w2 = _listed_arcs(pred, rows, position, weight, multi, lambda v, u: ~in_rows[u])
            u, v, w = np.concatenate((u, u2)), np.concatenate((v, v2)), np.concatenate((w, w2))
    else:  # an undirected edge is listed from both ends: keep it once (no self-loops)
        u, v, w = _listed_arcs(
            succ, rows, position, weight, multi, lambda u, v: (u < v) | ~in_rows[v]
        )
    bad = ~(np.isfinite(w) & (w >= 0))
    if bad.any():
        k = int(np.argmax(bad))
        raise InputError(
            f"the edge {plain((index[u[k]], index[v[k]]))!r} has weight {plain(w[k])!r}; "
            "weights must be finite and non-negative",
            column=weight,
            fix="Fix or drop that edge, or pass weight=None to count every tie as 1.",
        )
    return u, v, w


def _safe_inverse(values: np.ndarray) -> np.ndarray:
    out = np.zeros_like(values, dtype=float)
    np.divide(1.0, values, out=out, where=values > 0)
    return out


def _rlogr(local: np.ndarray) -> float:
    """sum_j r_j ln r_j for one ego's local constraints (r_j = c_j / mean c)."""
    total = local.sum()
    if total <= 0:
        return 0.0
    r = local * (len(local) / total)
    return float(xlogy(r, r).sum())


def _hierarchy(constraint: np.ndarray, degree: np.ndarray, rlogr: np.ndarray) -> np.ndarray:
    """Burt's hierarchy from sum_j r_j ln r_j; 0 for one contact, NaN for none."""
    out = np.full(len(degree), np.nan)
    has = degree > 0
    out[has] = 0.0
    many = (degree > 1) & (constraint > 0)
    n = degree[many].astype(float)
    # r ln r sums to >= 0 (Jensen); clip the last-bit rounding below 0 and above 1
    out[many] = np.clip(rlogr[many] / (n * np.log(n)), 0.0, 1.0)
    return out


# --------------------------------------------------------------------------- triangle kernel


class _Ties:
    """Undirected mutual-weight ties of a graph, stored in degree-rank order.

    Node positions (in graph order) are relabelled by rank of (degree, position), and every
    tie is stored once as (lo, hi) with lo < hi in rank, sorted: the out-lists of this
    orientation are short (at most about sqrt(2m)), so pairing them lists each triangle once.
    """

    def __init__(self, n: int, u: np.ndarray, v: np.ndarray, a: np.ndarray, *, unique: bool):
        keep = u != v  # self-loops are ignored
        u, v, a = u[keep], v[keep], a[keep]
        lo, hi = np.minimum(u, v), np.maximum(u, v)
        if not unique:  # reciprocal arcs and parallel edges: add their weights
            merged = sp.coo_array((a, (lo, hi)), shape=(n, n)).tocsr()
            merged.sum_duplicates()
            lo = np.repeat(np.arange(n), np.diff(merged.indptr))
            hi, a = merged.indices.astype(np.intp), merged.data
        degree = np.bincount(lo, minlength=n) + np.bincount(hi, minlength=n)
        self.order = np.argsort(degree, kind="stable")  # order[rank] = position
        self.rank = np.empty(n, dtype=np.intp)
        self.rank[self.order] = np.arange(n)
        ru, rv = self.rank[lo], self.rank[hi]
        ranked = sp.csr_array((a, (np.minimum(ru, rv), np.maximum(ru, rv))), shape=(n, n))
        ranked.sum_duplicates()  # no duplicates left; this sorts each row's targets
        self.n = n
        self.indptr = ranked.indptr.astype(np.intp)
        self.lo = np.repeat(np.arange(n), np.diff(self.indptr))
        self.hi = ranked.indices.astype(np.intp)
        self.a = ranked.data.astype(float)
        self.degree = degree[self.order]  # by rank
        self.strength = np.bincount(self.lo, self.a, n) + np.bincount(self.hi, self.a, n)
        self.row_max = np.zeros(n)
        np.maximum.at(self.row_max, self.lo, self.a)
        np.maximum.at(self.row_max, self.hi, self.a)

    @classmethod
    def from_graph(
        cls, G: nx.Graph, index: pd.Index, weight: str | None, *, rows: np.ndarray | None = None
    ) -> _Ties:
        u, v, a = _graph_arcs(G, index, weight, rows)
        return cls(len(index), u, v, a, unique=not (G.is_directed() or G.is_multigraph()))

    def triangle_sums(
        self, focus: np.ndarray | None = None, near: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Per tie (i, j): Q = sum_z a_iz a_zj / s_z and W = sum_z a_iz a_zj.

        With `focus` (a boolean mask by rank) only triangles touching it are counted, and
        only wedges centred in `near` (the focus and its contacts) are formed.
        """
        n, lo, hi, a, indptr = self.n, self.lo, self.hi, self.a, self.indptr
        m = len(hi)
        q_sum, w_sum = np.zeros(m), np.zeros(m)
        if m == 0:
            return q_sum, w_sum
        # a hash table of the tie keys: looks up closing ties faster than binary search
        ties_by_key = pd.Index(lo * n + hi)
        inv_s = _safe_inverse(self.strength)
        # wedges: position p pairs with every later position of the same out-list
        partners = indptr[lo + 1] - np.arange(m) - 1
        if near is not None:
            partners[~near[lo]] = 0
        ends = np.cumsum(partners)
        start = 0
        while start < m:
            limit = ends[start] - partners[start] + _WEDGE_BLOCK
            stop = max(int(np.searchsorted(ends, limit, side="right")), start + 1)
            count = partners[start:stop]
            total = int(count.sum())
            if total:
                first = np.repeat(np.arange(start, stop), count)
                offset = np.arange(total) - np.repeat(np.cumsum(count) - count, count)
                second = first + 1 + offset
                if focus is not None:
                    touch = focus[lo[first]] | focus[hi[first]] | focus[hi[second]]
                    first, second = first[touch], second[touch]
                third = ties_by_key.get_indexer(hi[first] * n + hi[second])
                closed = third >= 0
                e1, e2, e3 = first[closed], second[closed], third[closed]
                a1, a2, a3 = a[e1], a[e2], a[e3]
                # triangle (z, x, y) with ties e1 = zx, e2 = zy, e3 = xy: each tie gets the
                # path through the opposite corner
                ties = np.concatenate((e3, e1, e2))
                paths = np.concatenate((a1 * a2, a2 * a3, a1 * a3))
                corner = np.concatenate((lo[e1], hi[e2], hi[e1]))
                w_sum += np.bincount(ties, paths, m)
                q_sum += np.bincount(ties, paths * inv_s[corner], m)
            start = stop
        return q_sum, w_sum

    def local_constraints(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(ego position, contact position, c_ij) for every ordered pair of contacts."""
        q_sum, _ = self.triangle_sums()
        c_lo, c_hi = self._local(q_sum)
        ego = self.order[np.concatenate((self.lo, self.hi))]
        contact = self.order[np.concatenate((self.hi, self.lo))]
        return ego, contact, np.concatenate((c_lo, c_hi))

    def _local(self, q_sum: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        inv_s = _safe_inverse(self.strength)
        direct = self.a + q_sum
        return (direct * inv_s[self.lo]) ** 2, (direct * inv_s[self.hi]) ** 2

    def measures(
        self, focus: np.ndarray | None = None, near: np.ndarray | None = None
    ) -> dict[str, np.ndarray]:
        """The five measures per node position (only right for `focus` when given)."""
        n, lo, hi = self.n, self.lo, self.hi
        focus_mask = near_mask = None
        if focus is not None:
            focus_mask = np.zeros(n, dtype=bool)
            focus_mask[self.rank[focus]] = True
            near_mask = np.zeros(n, dtype=bool)
            near_mask[self.rank[near]] = True
        q_sum, w_sum = self.triangle_sums(focus_mask, near_mask)
        c_lo, c_hi = self._local(q_sum)
        constraint = np.bincount(lo, c_lo, n) + np.bincount(hi, c_hi, n)
        inv_s, inv_x = _safe_inverse(self.strength), _safe_inverse(self.row_max)
        redundancy = np.bincount(lo, w_sum * inv_s[lo] * inv_x[hi], n) + np.bincount(
            hi, w_sum * inv_s[hi] * inv_x[lo], n
        )
        degree = self.degree
        # hierarchy: r_j = N c_ij / C_i, summed as r ln r per ego
        scale = degree * _safe_inverse(constraint)
        rlogr = np.bincount(lo, xlogy(c_lo * scale[lo], c_lo * scale[lo]), n) + np.bincount(
            hi, xlogy(c_hi * scale[hi], c_hi * scale[hi]), n
        )
        isolated = degree == 0
        with np.errstate(invalid="ignore", divide="ignore"):
            effective = np.where(isolated, np.nan, degree - redundancy)
            efficiency = effective / degree
        by_rank = {
            "constraint": np.where(isolated, np.nan, constraint),
            "effective_size": effective,
            "efficiency": efficiency,
            "hierarchy": _hierarchy(constraint, degree, rlogr),
            "degree": degree.astype(np.int64),
        }
        return {name: values[self.rank] for name, values in by_rank.items()}


def structural_holes_from_ties(
    people: pd.Index, source: np.ndarray, target: np.ndarray, weight: np.ndarray
) -> pd.DataFrame:
    """Compute :func:`structural_holes` of an undirected graph given as tie arrays.

    ``source`` and ``target`` hold positions in ``people``, one entry per tie (a pair listed
    twice has its weights added). This skips reading networkx's dicts, about half the cost
    of :func:`structural_holes` on a large graph; :class:`netgraph.Network` uses it with its
    tie table.

    >>> people = pd.Index(["a", "b", "c"])
    >>> print(structural_holes_from_ties(people, np.array([0, 0]), np.array([1, 2]),
    ...                                  np.array([1.0, 1.0]))["constraint"].tolist())
    [0.5, 1.0, 1.0]
    """
    weight = np.asarray(weight, dtype=float)
    if not np.all(np.isfinite(weight) & (weight >= 0)):
        raise InputError(
            "tie weights must be finite and non-negative",
            column="weight",
            fix="Fix or drop the ties with negative, infinite or missing weights.",
        )
    ties = _Ties(len(people), np.asarray(source), np.asarray(target), weight, unique=False)
    return _frame(ties.measures(), pd.Index(people))


def _frame(holes: dict[str, np.ndarray], index: pd.Index) -> pd.DataFrame:
    return pd.DataFrame(holes, index=index.rename("person"), columns=_COLUMNS)


# ---------------------------------------------------------------- one ego, with additions


class _Overlay:
    """Mutual weights read from a graph plus hypothetical edges, without copying the graph."""

    def __init__(self, G: nx.Graph, add: Iterable | None, weight: str | None):
        self.G, self.weight = G, weight
        self.directed, self.multi = G.is_directed(), G.is_multigraph()
        self.succ: dict = {}
        self.pred: dict = {}
        self.nodes: set = set()
        for item in add or ():
            try:
                u, v, w = item
            except (TypeError, ValueError) as err:
                raise InputError(
                    f"{item!r} in add is not a (u, v, weight) triple", column="add"
                ) from err
            self.nodes.update((u, v))
            if u == v:  # self-loops are ignored, whatever their weight
                continue
            w = self._check(u, v, w)
            self._put(self.succ, u, v, w)
            self._put(self.pred if self.directed else self.succ, v, u, w)

    def _check(self, u: Hashable, v: Hashable, w: object) -> float:
        if self.weight is None:
            return 1.0
        try:
            value = float(w)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            value = np.nan
        if not (np.isfinite(value) and value >= 0):
            raise InputError(
                f"the added edge {plain((u, v))!r} has weight {plain(w)!r}; weights must be "
                "finite and non-negative",
                column="add",
            )
        return value

    def _put(self, arcs: dict, u: Hashable, v: Hashable, w: float) -> None:
        row = arcs.setdefault(u, {})
        if self.multi and self.weight is not None:
            row[v] = max(row.get(v, 0.0), w)  # one more parallel edge: the largest counts
        else:
            row[v] = w  # a new tie, or the tie's new weight

    def _arcs(self, view: nx.classes.coreviews.AdjacencyView, extra: dict, u: Hashable) -> dict:
        """{v: weight of the arc u -> v} (or of the tie), self-loop dropped, `add` applied."""
        weight = self.weight
        nbrs = view[u] if u in self.G else {}
        if weight is None:
            out = dict.fromkeys(nbrs, 1.0)
        else:
            try:
                if self.multi:
                    raw = [
                        max(float(d.get(weight, 1)) for d in keys.values())
                        for keys in nbrs.values()
                    ]
                else:
                    raw = [d.get(weight, 1) for d in nbrs.values()]
                values = np.asarray(raw, dtype=float)
            except (TypeError, ValueError) as err:
                raise InputError(
                    f"a weight of an edge of {plain(u)!r} is not a number ({err})",
                    column=weight,
                    fix=f"Give every edge a numeric {weight!r} attribute, or pass weight=None.",
                ) from err
            out = dict(zip(nbrs, values.tolist(), strict=True))
            bad = ~(np.isfinite(values) & (values >= 0))  # checked at once, not per contact
            if bad.any():
                for v, w, b in zip(nbrs, values.tolist(), bad.tolist(), strict=True):
                    if b and v != u:  # self-loops are ignored, whatever their weight
                        raise InputError(
                            f"the edge {plain((u, v))!r} has weight {plain(w)!r}; weights must "
                            "be finite and non-negative",
                            column=weight,
                            fix="Fix or drop that edge, or pass weight=None to count every tie "
                            "as 1.",
                        )
        out.pop(u, None)  # self-loops are ignored, whatever their weight
        for v, w in extra.get(u, {}).items():
            out[v] = max(out.get(v, 0.0), w) if self.multi and weight is not None else w
        return out

    def mutual(self, u: Hashable) -> dict:
        """{contact: mutual weight} of `u`, without `u` itself."""
        out = self._arcs(self.G.adj, self.succ, u)
        if self.directed:
            for v, w in self._arcs(self.G.pred, self.pred, u).items():
                out[v] = out.get(v, 0.0) + w
        return out
