"""Affinity bias (homophily): do people tie mostly within their own group?

The E-I index of Krackhardt and Stern [1]_ compares a person's external ties (to other
groups) with internal ones (to her own group), and the same-group share of her ties is set
against the share expected if she tied at random. Newman's assortativity coefficient [2]_
sums the pattern up for the whole network.

References
----------
.. [1] Krackhardt, David, and Robert N. Stern. "Informal Networks and Organizational Crises:
   An Experimental Simulation." *Social Psychology Quarterly* 51, no. 2 (1988): 123-140.
.. [2] Newman, M. E. J. "Mixing Patterns in Networks." *Physical Review E* 67 (2003): 026126.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping

import networkx as nx
import numpy as np
import pandas as pd

from netgraph import _graph

__all__ = ["affinity", "group_mixing"]


def affinity(
    G: nx.Graph,
    by: str | Mapping[Hashable, Hashable] | pd.Series,
    *,
    weight: str | None = None,
) -> pd.DataFrame:
    r"""Measure how much each person's ties stay inside her own group.

    For a person with :math:`I` ties to her own group (internal) and :math:`E` to other
    groups (external), the E-I index of Krackhardt and Stern [1]_ is

    .. math::

        \mathrm{EI} = \frac{E - I}{E + I} \in [-1, 1],

    -1 when every tie is internal (a closed, homophilous network), +1 when every tie crosses a
    group boundary. The observed same-group share :math:`I / (E + I)` is set against the share
    expected if she chose among the other people at random,
    :math:`(n_g - 1) / (n - 1)` for a group of :math:`n_g` among :math:`n` people.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        The network. Not modified. A directed graph is read as its undirected view: a tie
        exists when either person reached the other, with the larger weight of the two
        directions (the undirected rule of :mod:`netgraph._graph`; parallel edges alike).
        Self-loops are ignored.
    by : str, mapping, pandas.Series or partition
        The groups: the name of a node attribute, a mapping (or Series) person -> group, a
        communities table or an iterable of sets of people. A person given two groups is an
        InputError.
    weight : str, optional
        Edge attribute to weight ties by (a missing attribute counts as 1). None (the default)
        counts ties.

    Returns
    -------
    pandas.DataFrame
        One row per person (index ``person``, in the graph's node order) with columns
        ``group``, ``internal``, ``external``, ``ei_index``, ``same_group_share`` and
        ``expected_same_group_share``. ``ei_index`` and ``same_group_share`` are NaN for a
        person without classified ties (an isolate). ``df.attrs["network"]`` holds the
        whole-network figures, a plain dict:

        ``internal``, ``external``
            Internal and external ties (summed weights), each tie counted once.
        ``ei_index``
            :math:`(E - I) / (E + I)` over all ties.
        ``same_group_share``, ``expected_same_group_share``
            The observed share of internal ties, and the share of same-group pairs among all
            pairs of people, :math:`\sum_g n_g (n_g - 1) / (n (n - 1))`.
        ``expected_ei_index``
            The E-I index if ties fell at random: ``1 - 2 * expected_same_group_share``.
        ``assortativity``
            Newman's attribute assortativity coefficient [2]_, as
            :func:`networkx.attribute_assortativity_coefficient` computes it (unweighted,
            directed edges read as directed).
        ``numeric_assortativity``
            Newman's numeric (Pearson) coefficient, as
            :func:`networkx.numeric_assortativity_coefficient` computes it, when the groups
            are numbers; NaN otherwise. It is only meaningful when the numbers are quantities
            (age, grade), not codes.
        ``groups``, ``ungrouped``
            The number of groups, and of people without one.

    Warns
    -----
    NetgraphWarning
        When some people have no group. Their ties are neither internal nor external and they
        are left out of every figure: their counts are 0 and their ratios NaN.

    See Also
    --------
    group_mixing : The same figures by group.

    References
    ----------
    .. [1] Krackhardt, David, and Robert N. Stern. "Informal Networks and Organizational
       Crises: An Experimental Simulation." *Social Psychology Quarterly* 51, no. 2 (1988):
       123-140.
    .. [2] Newman, M. E. J. "Mixing Patterns in Networks." *Physical Review E* 67 (2003):
       026126.

    Examples
    --------
    Ann has two ties inside team x and one to team y: E-I = (1 - 2) / (1 + 2).

    >>> import networkx as nx
    >>> G = nx.Graph([("ann", "bob"), ("ann", "cat"), ("ann", "dan")])
    >>> teams = {"ann": "x", "bob": "x", "cat": "x", "dan": "y"}
    >>> df = affinity(G, teams)
    >>> print(f"{df.loc['ann', 'ei_index']:.4f}")
    -0.3333
    >>> print(f"{df.attrs['network']['expected_same_group_share']:.4f}")
    0.5000
    """
    nodes = list(G)
    n = len(nodes)
    group, codes = _graph.resolve_groups(G, by)
    _warn_ungrouped(codes, by)
    grouped = codes >= 0
    lo, hi, w = _graph.undirected_ties(G, weight)
    keep = grouped[lo] & grouped[hi]
    same = keep & (codes[lo] == codes[hi])
    other = keep & ~same
    internal = _tally(lo, hi, w, same, n)
    external = _tally(lo, hi, w, other, n)
    if weight is None:
        internal, external = internal.astype(np.int64), external.astype(np.int64)
    touched = internal + external
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.where(touched > 0, internal / touched, np.nan)
    sizes = np.bincount(codes[grouped])
    n_grouped = int(grouped.sum())
    expected = np.full(n, np.nan)
    if n_grouped > 1:
        expected[grouped] = (sizes[codes[grouped]] - 1) / (n_grouped - 1)

    frame = pd.DataFrame(
        {
            "group": group,
            "internal": internal,
            "external": external,
            "ei_index": 1.0 - 2.0 * share,
            "same_group_share": share,
            "expected_same_group_share": expected,
        },
        index=_graph.node_index(G),
    )

    total_in, total_ex = float(w[same].sum()), float(w[other].sum())
    all_ties = total_in + total_ex
    pairs = n_grouped * (n_grouped - 1)
    expected_share = float(np.sum(sizes * (sizes - 1)) / pairs) if pairs else np.nan
    net_share = total_in / all_ties if all_ties > 0 else np.nan
    frame.attrs["network"] = {
        "internal": total_in,
        "external": total_ex,
        "ei_index": 1.0 - 2.0 * net_share,
        "expected_ei_index": 1.0 - 2.0 * expected_share,
        "same_group_share": net_share,
        "expected_same_group_share": expected_share,
        "assortativity": _assortativity(G, codes),
        "numeric_assortativity": _numeric_assortativity(G, codes, group),
        "groups": int(sizes.size),
        "ungrouped": n - n_grouped,
    }
    return frame


def group_mixing(
    G: nx.Graph,
    by: str | Mapping[Hashable, Hashable] | pd.Series,
    *,
    weight: str | None = None,
) -> pd.DataFrame:
    r"""Summarise ties within and across each group.

    For group :math:`g` of :math:`n_g` people among :math:`n`, :math:`I_g` counts ties between
    two members and :math:`E_g` ties between a member and a non-member. The group's E-I index
    [1]_ is :math:`(E_g - I_g) / (E_g + I_g)`. If ties fell at random on pairs of people it
    would be, from the numbers of internal and external pairs,

    .. math::

        \mathrm{EI}^{\mathrm{exp}}_g = \frac{n_g (n - n_g) - n_g (n_g - 1) / 2}
                                          {n_g (n - n_g) + n_g (n_g - 1) / 2}.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        The network. Not modified. A directed graph is read as its undirected view (see
        :func:`affinity`). Self-loops are ignored.
    by : str, mapping, pandas.Series or partition
        The groups: the name of a node attribute, a mapping (or Series) person -> group, a
        communities table or an iterable of sets of people. A person given two groups is an
        InputError.
    weight : str, optional
        Edge attribute to weight ties by (a missing attribute counts as 1). None (the default)
        counts ties.

    Returns
    -------
    pandas.DataFrame
        One row per group (index ``group``, sorted when the groups sort) with columns
        ``size``, ``internal``, ``external``, ``ei_index`` (NaN for a group without ties),
        ``expected_ei_index`` and ``density``, the internal ties over the
        :math:`n_g (n_g - 1) / 2` pairs of members (NaN for a group of one). People without a
        group are left out, with a :class:`~netgraph.errors.NetgraphWarning`.

    References
    ----------
    .. [1] Krackhardt, David, and Robert N. Stern. "Informal Networks and Organizational
       Crises: An Experimental Simulation." *Social Psychology Quarterly* 51, no. 2 (1988):
       123-140.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([("ann", "bob"), ("bob", "cat"), ("cat", "dan")])
    >>> teams = {"ann": "x", "bob": "x", "cat": "y", "dan": "y"}
    >>> group_mixing(G, teams)[["size", "internal", "external", "ei_index"]]
    ... # doctest: +NORMALIZE_WHITESPACE
           size  internal  external  ei_index
    group
    x         2         1         1       0.0
    y         2         1         1       0.0
    """
    group, codes = _graph.resolve_groups(G, by)
    _warn_ungrouped(codes, by)
    grouped = codes >= 0
    k = int(codes.max(initial=-1)) + 1
    lo, hi, w = _graph.undirected_ties(G, weight)
    keep = grouped[lo] & grouped[hi]
    same = keep & (codes[lo] == codes[hi])
    other = keep & ~same
    internal = np.bincount(codes[lo[same]], w[same], minlength=k)
    external = np.bincount(codes[lo[other]], w[other], minlength=k) + np.bincount(
        codes[hi[other]], w[other], minlength=k
    )
    if weight is None:
        internal, external = internal.astype(np.int64), external.astype(np.int64)
    size = np.bincount(codes[grouped], minlength=k)
    n_grouped = int(grouped.sum())
    in_pairs = size * (size - 1) / 2
    out_pairs = size * (n_grouped - size)
    with np.errstate(divide="ignore", invalid="ignore"):
        ei = (external - internal) / (external + internal)
        expected = (out_pairs - in_pairs) / (out_pairs + in_pairs)
        density = np.where(in_pairs > 0, internal / in_pairs, np.nan)
    _, first = np.unique(codes, return_index=True)
    labels = group.iloc[first[codes[first] >= 0]]
    frame = pd.DataFrame(
        {
            "size": size,
            "internal": internal,
            "external": external,
            "ei_index": ei,
            "expected_ei_index": expected,
            "density": density,
        },
        index=_graph.labels(labels.array, name="group"),
    )
    return frame


def _tally(lo: np.ndarray, hi: np.ndarray, w: np.ndarray, mask: np.ndarray, n: int) -> np.ndarray:
    """Sum the weights of the selected ties at both of their ends."""
    return np.bincount(lo[mask], w[mask], minlength=n) + np.bincount(hi[mask], w[mask], minlength=n)


def _warn_ungrouped(codes: np.ndarray, by: object) -> None:
    """Warn, with a count, when some people have no group."""
    _graph.warn_ungrouped(
        codes, by, "their ties are left out of the internal and external counts.", stacklevel=4
    )


def _mixing_ends(G: nx.Graph, codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Return the (source, target) positions networkx's mixing functions read.

    Each directed edge once; each undirected edge in both directions except self-loops
    (once). Edges touching a person without a group are dropped.
    """
    src, dst, _ = _graph.edge_arrays(G, None)
    if not G.is_directed():
        loop = src == dst
        src, dst = np.concatenate([src, dst[~loop]]), np.concatenate([dst, src[~loop]])
    keep = (codes[src] >= 0) & (codes[dst] >= 0)
    return src[keep], dst[keep]


def _assortativity(G: nx.Graph, codes: np.ndarray) -> float:
    """Return Newman's attribute assortativity coefficient without building the mixing matrix.

    With ``e`` the normalised mixing matrix and ``a``, ``b`` its row and column sums,
    ``r = (trace(e) - a @ b) / (1 - a @ b)``.
    """
    src, dst = _mixing_ends(G, codes)
    if src.size == 0:
        return float("nan")
    k = int(codes.max()) + 1
    a = np.bincount(codes[src], minlength=k) / src.size
    b = np.bincount(codes[dst], minlength=k) / src.size
    trace = float(np.mean(codes[src] == codes[dst]))
    chance = float(a @ b)
    return (trace - chance) / (1.0 - chance) if chance < 1.0 else float("nan")


def _numeric_assortativity(G: nx.Graph, codes: np.ndarray, group: pd.Series) -> float:
    """Return the Pearson correlation of the group values at the two ends of each edge."""
    values = group.to_numpy(dtype=object)
    known = codes >= 0
    if not known.any() or not all(
        isinstance(v, int | float | np.number) and not isinstance(v, bool | np.bool_)
        for v in values[known]
    ):
        return float("nan")
    src, dst = _mixing_ends(G, codes)
    x = np.zeros(codes.size)
    x[known] = values[known].astype(float)
    if src.size < 2 or np.ptp(x[src]) == 0 or np.ptp(x[dst]) == 0:
        return float("nan")
    return float(np.corrcoef(x[src], x[dst])[0, 1])
