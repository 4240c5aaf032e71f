r"""Introductions: whom to meet next, and whom to introduce to each other.

A new contact is worth what it adds to the openness of a person's network: the change in
Burt's effective size and constraint [1]_ with the new tie in place, computed exactly by
:func:`netgraph.analysis.holes.ego_structural_holes`. Contacts in other circles bring
non-redundant information; Granovetter's weak ties are the bridges to them [2]_.

Whether an introduction can happen depends on the connector who would make it. Rajkumar et
al. [3]_ found, in a randomised experiment over 20 million LinkedIn members, that moderately
weak ties, not the weakest nor the strongest, were the most useful for finding a new job: an
inverted U in tie strength. :func:`strength_curve` is the inverted U used to weigh the two ties
an introduction travels over. Both findings are about ties that exist: when a tie is only
inferred (from a shared circle or affiliation, with a probability), an introduction over it
counts by its chance of existing, and one that starts with a tie the person is not known to
have ranks after those she can ask for herself (see :func:`introductions`).

References
----------
.. [1] Burt, Ronald S. *Structural Holes: The Social Structure of Competition.* Cambridge, MA:
   Harvard University Press, 1992.
.. [2] Granovetter, Mark S. "The Strength of Weak Ties." *American Journal of Sociology* 78,
   no. 6 (1973): 1360-1380.
.. [3] Rajkumar, Karthik, Guillaume Saint-Jacques, Iavor Bojinov, Erik Brynjolfsson, and Sinan
   Aral. "A Causal Test of the Strength of Weak Ties." *Science* 377, no. 6612 (2022):
   1304-1310.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp

from netgraph import _graph
from netgraph.analysis.holes import ego_structural_holes
from netgraph.errors import InputError
from netgraph.inference import FAMILIES
from netgraph.recommend._common import NEW_TIE_QUANTILE as NEW_TIE_QUANTILE
from netgraph.recommend._common import check_k as _check_k
from netgraph.recommend._common import check_person as _check_person
from netgraph.recommend._common import contacts_of as _contacts
from netgraph.recommend._common import count as _count
from netgraph.recommend._common import edge_frame as _edge_frame
from netgraph.recommend._common import empty as _empty
from netgraph.recommend._common import finish as _finish
from netgraph.recommend._common import greedy as _greedy
from netgraph.recommend._common import group_labels as _labels
from netgraph.recommend._common import group_text as _group_text
from netgraph.recommend._common import names as _names
from netgraph.recommend._common import new_tie_strength as _new_tie_strength
from netgraph.recommend._common import own_strengths as _own_strengths
from netgraph.recommend._common import recent_asks as _recent_asks
from netgraph.recommend._common import sort_by_score as _sorted
from netgraph.recommend._common import tie_evidence as _tie_evidence
from netgraph.recommend._common import undirected as _undirected

__all__ = ["introductions", "introductions_to_make", "strength_curve"]

#: Extra value (as a fraction) of a contact in a group the person has few ties into.
GROUP_BONUS = 0.5
#: Most communities considered when proposing bridges for a whole organisation.
MAX_COMMUNITIES = 2000
#: Inverted U of the person -> connector tie (the ask): closer is easier, up to a point.
ASK_CURVE = {"peak": 0.6, "floor": 0.5}
#: Inverted U of the connector -> candidate tie (the reach): moderately weak is best [3]_.
REACH_CURVE = {"peak": 0.35, "floor": 0.2}

_INTRO_DTYPES = {
    "person": object,
    "via": object,
    "score": float,
    "reason": object,
    "gain_effective_size": float,
    "constraint_before": float,
    "constraint_after": float,
    "new_community": bool,
    "via_strength": float,
    "via_candidate_strength": float,
    "mutual_contacts": np.int64,
    "community": object,
    "feasibility": float,
    "value": float,
    "asked_recently": bool,
    "via_probability": float,
    "via_candidate_probability": float,
}
_PAIR_DTYPES = {
    "a": object,
    "b": object,
    "score": float,
    "reason": object,
    "a_community": object,
    "b_community": object,
    "gain_a": float,
    "gain_b": float,
}
_PERSON_PAIR_DTYPES = {
    **_PAIR_DTYPES,
    "a_strength": float,
    "b_strength": float,
    "mutual_contacts": np.int64,
}
_ORG_PAIR_DTYPES = {
    **_PAIR_DTYPES,
    "a_inside": float,
    "b_inside": float,
    "ties_between": np.int64,
    "expected_ties": float,
}


def strength_curve(
    s: float | Iterable[float] | np.ndarray,
    *,
    peak: float = 0.35,
    floor: float = 0.2,
    sharpness: float = 2.0,
) -> np.ndarray:
    r"""Weigh tie strengths by an inverted U: moderately weak ties count most.

    Rajkumar et al. [1]_ found that job mobility through a LinkedIn tie rises with tie
    strength up to moderately weak ties and falls for stronger ones. This curve is a smooth,
    documented stand-in for that shape (the paper does not publish a formula): a beta-shaped
    bump with its maximum 1 at `peak`, lifted so that no tie counts less than `floor`:

    .. math::

        g(s) = f + (1 - f) \left(\frac{s}{s^*}\right)^{a}
               \left(\frac{1 - s}{1 - s^*}\right)^{a (1 - s^*) / s^*}

    with :math:`s^*` the peak, :math:`f` the floor and :math:`a` the sharpness; :math:`g(0) =
    g(1) = f`. Strengths are clipped to [0, 1].

    Parameters
    ----------
    s : float or array-like
        Tie strengths.
    peak : float, default 0.35
        The strength that counts most, in (0, 1).
    floor : float, default 0.2
        The weight of the weakest and the strongest ties, in [0, 1].
    sharpness : float, default 2.0
        The exponent :math:`a`: larger values make the bump narrower.

    Returns
    -------
    numpy.ndarray
        The weights, in [floor, 1].

    References
    ----------
    .. [1] Rajkumar, Karthik, et al. "A Causal Test of the Strength of Weak Ties." *Science*
       377, no. 6612 (2022): 1304-1310.

    Examples
    --------
    >>> print(strength_curve([0.05, 0.35, 0.6, 0.95]).round(3))
    [0.267 1.    0.587 0.2  ]
    """
    if not 0 < peak < 1:
        raise InputError(f"peak must be strictly between 0 and 1, not {peak!r}", column="peak")
    x = np.clip(np.asarray(s, dtype=float), 0.0, 1.0)
    b = sharpness * (1 - peak) / peak
    bump = (x / peak) ** sharpness * ((1 - x) / (1 - peak)) ** b
    return floor + (1 - floor) * bump


def introductions(
    G: nx.Graph,
    person: Hashable,
    *,
    k: int = 10,
    communities: Any = None,
    interactions: pd.DataFrame | None = None,
    today: Any = None,
    weight: str | None = "weight",
    by: str | None = None,
    new_tie_strength: float | None = None,
    max_per_connector: int | None = None,
    max_per_community: int | None = None,
    recent_days: float = 90,
    recent_ask_penalty: float = 0.5,
    n_exact: int | None = None,
    among: Iterable[Hashable] | None = None,
) -> pd.DataFrame:
    r"""Recommend people to be introduced to, through whom, and why it opens the network.

    Candidates are the people two steps away: not the person, not already a contact, and tied
    to at least one of the person's contacts (a *connector*, tied to both sides). Each
    candidate gets one row, through the connector that makes the best introduction.

    **Value** is what the new tie adds to the person's network, computed exactly with the tie
    in place [1]_: the gain in effective size :math:`\Delta e` and the relative drop in
    constraint, scaled so that both terms are 1 for a contact wholly outside the network of a
    person with :math:`n` unconnected contacts,

    .. math::

        V = \tfrac12\Big(\max(\Delta e, 0) + (n + 1)
            \max\big(\tfrac{c_\text{before} - c_\text{after}}{c_\text{before}}, 0\big)\Big)
            \times (1 + 0.5 \, [\text{new community}]),

    where the bonus applies when the candidate's community (or `by` group) is one the person
    has few ties into: at most :math:`\max(1, \operatorname{round}(n / 10))` contacts. The new
    tie is assumed to have the strength of the person's weaker ties (the 25th percentile of
    her tie strengths) unless `new_tie_strength` is given.

    **Feasibility** is how likely the introduction is to happen and to matter, through
    connector :math:`v`, with :math:`M` the candidate's mutual contacts (connectors):

    .. math::

        F = q_{pv} \, g_\text{ask}(s_{pv}) \; q_{vc} \, g_\text{reach}(s_{vc}) \;
            \frac{m}{m + 1}
            \times (0.5 \text{ if } v \text{ was asked in the last 90 days}),
        \qquad m = \sum_{u \in M} q_{pu} \, q_{uc} \, \frac{n}{d_u} .

    :math:`g` is :func:`strength_curve`, an inverted U after Rajkumar et al. [3]_: the
    connector-to-candidate tie peaks at moderately weak (0.35, floor 0.2), where novel
    contacts come from; the person-to-connector tie peaks later (0.6, floor 0.5), since a
    closer tie makes the ask easier, but the strongest ties, in the person's own circle, help
    least. :math:`m` counts the mutual contacts as resource allocation does [4]_: a mutual
    contact :math:`u` with :math:`d_u` contacts gives each of them a :math:`1 / d_u` share of
    her attention, here relative to the person's own :math:`1 / n`, so a mutual contact who
    knows as many people as the person counts 1 and one who knows twice as many counts 1/2.
    Mutual contacts saturate: :math:`m = 1` gives 0.5, :math:`m = 3` gives 0.75. The score is
    :math:`V F`.

    **Uncertain ties** (issue 11's evidence: a tie is *stated*, *observed* or *inferred*, and
    an inferred tie has a probability :math:`q` and enters `G` with weight strength
    :math:`\times\, q`; a known tie has :math:`q = 1`). An introduction can only travel over
    ties that exist, so feasibility is an expectation over them: a hop counts
    :math:`q \, g(s)` with :math:`s = w / q` the strength the tie has if it exists, never
    :math:`g(q s)`, which would credit a tie that is probably absent as a moderately weak one
    and give it at least the curve's floor. Mutual contacts count by the chance that both
    their ties exist, and :math:`n` and :math:`d_u` are expected numbers of contacts (sums of
    probabilities). With every :math:`q = 1` this is the formula above, unchanged.
    Granovetter's weak ties [2]_ and the moderately weak ties of Rajkumar et al. [3]_ are
    ties that exist: a shared meetup of 200 people is not one. Two rules follow for the
    ranking:

    - *You cannot ask someone you do not know.* Rows whose first hop (person to connector)
      is known rank above every row whose first hop is only inferred, whatever their score;
      a candidate is offered through a known connector when she has one. The reason of an
      inferred first hop says so ("If you do know ...").
    - The connector-to-candidate hop may be inferred, and the reason then gives its chance
      and what it rests on ("may know Dee (6%; both in London Data Science Meetup)";
      "probably knows" from 50%), and how many mutual contacts to expect.

    **Fairness and diversity**: no connector is named for more than ``ceil(k / 3)`` rows
    (`max_per_connector`), so the list does not lean on one person: a candidate whose best
    connector is full is offered through her next-best connector, or left out. Each
    candidate's value is worked out as if she were the only new contact, but candidates of
    one community are redundant with each other [1]_ (once you know one, the others are a
    step away), so no community (or `by` group) gets more than ``ceil(k / 3)`` rows
    (`max_per_community`) while other communities have candidates; when they run out, the
    best remaining candidates fill the list after them. The list may be shorter than `k`
    only through the connector cap. A connector the person asked for something (interactions
    of kind ``"ask"`` from the person to the connector) within `recent_days` before `today`
    is down-weighted by `recent_ask_penalty`.

    **Scale**: every candidate gets a cheap pre-score (the unweighted gain in effective size,
    :math:`1 + 2t/n - 2(t + m)/(n + 1)` with :math:`t` ties among the person's :math:`n`
    contacts, times the group bonus and the best feasibility); only the best `n_exact`
    (default ``max(50, 5 k)``) are scored exactly.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        The network, edge `weight` = tie strength in [0, 1]. A DiGraph or multigraph is read
        as undirected, one tie per pair with the larger weight of its arcs
        (:mod:`netgraph._graph`). Not modified.
    person : node
        The person to recommend for.
    k : int, default 10
        How many introductions.
    communities : DataFrame, Series, mapping or list of sets, optional
        Community of each person (the frame of :func:`netgraph.communities`, a Series or dict
        person -> label, or networkx-style sets). None computes :func:`netgraph.communities`.
    interactions : DataFrame, optional
        The interaction log (``source``, ``target``, ``date``, ``kind``), to find recent asks.
    today : date-like, optional
        The date "recent" is measured from; None means the latest interaction date.
    weight : str or None, default "weight"
        Edge attribute holding tie strength (missing counts 1); None treats ties alike.
    by : str, optional
        A person attribute (such as ``"company"``) whose groups replace the communities.
    new_tie_strength : float, optional
        Strength assumed for the new tie; default the 25th percentile of the person's ties.
    max_per_connector : int, optional
        Most rows one connector may carry; default ``ceil(k / 3)``.
    max_per_community : int, optional
        Most rows of one community (or `by` group) before the other communities run out of
        candidates; default ``ceil(k / 3)``. ``max_per_community=k`` ranks by score alone.
    recent_days : float, default 90
        How far back an ask counts as recent.
    recent_ask_penalty : float, default 0.5
        Factor applied to the feasibility through a recently asked connector.
    n_exact : int, optional
        How many candidates are scored exactly; default ``max(50, 5 k)``.
    among : iterable of nodes, optional
        Consider only these candidates (for instance the contacts of one contact, as
        ``net.brief`` does); their mutual contacts still count every connector.

    Returns
    -------
    pandas.DataFrame
        At most `k` rows, best first, columns ``person`` (the candidate), ``via`` (the
        connector), ``score``, ``reason``, ``gain_effective_size``, ``constraint_before``,
        ``constraint_after``, ``new_community``, ``via_strength`` (person-connector),
        ``via_candidate_strength`` (each the strength the tie has if it exists),
        ``mutual_contacts`` (contacts tied, for sure or possibly, to the candidate),
        ``community`` (the candidate's community or `by` group), ``feasibility``, ``value``,
        ``asked_recently``, ``via_probability`` and ``via_candidate_probability`` (1 for a
        known tie). Ties in score are broken by candidate id, then connector id.

    Raises
    ------
    UnknownPersonError
        If `person` is not in `G`.

    References
    ----------
    .. [1] Burt, Ronald S. *Structural Holes: The Social Structure of Competition.*
       Cambridge, MA: Harvard University Press, 1992.
    .. [2] Granovetter, Mark S. "The Strength of Weak Ties." *American Journal of Sociology*
       78, no. 6 (1973): 1360-1380.
    .. [3] Rajkumar, Karthik, et al. "A Causal Test of the Strength of Weak Ties." *Science*
       377, no. 6612 (2022): 1304-1310.
    .. [4] Zhou, Tao, Linyuan Lü, and Yi-Cheng Zhang. "Predicting Missing Links via Local
       Information." *The European Physical Journal B* 71, no. 4 (2009): 623-630.

    Examples
    --------
    Ann's circle is a closed triangle; Bob also knows Cy, who has his own circle.

    >>> G = nx.Graph()
    >>> G.add_weighted_edges_from([("ann", "bob", 0.6), ("ann", "dee", 0.8), ("bob", "dee", 0.8),
    ...                            ("bob", "cy", 0.35), ("cy", "eve", 0.9), ("cy", "fay", 0.9)])
    >>> recs = introductions(G, "ann", communities={"ann": 0, "bob": 0, "dee": 0,
    ...                                             "cy": 1, "eve": 1, "fay": 1})
    >>> print(recs[["person", "via", "new_community"]].to_string(index=False))
    person via  new_community
        cy bob           True
    >>> print(f"{recs['gain_effective_size'].iloc[0]:.4f}")
    1.0645
    """
    U = _undirected(G, weight)
    _check_person(U, person)
    k = _check_k(k)
    contacts = _contacts(U, person)
    if not contacts or k == 0:
        return _empty(_INTRO_DTYPES)
    rows, is_contact = _intro_candidates(U, person, contacts, weight)
    if rows.empty:
        return _empty(_INTRO_DTYPES)
    own = _own_strengths(U, person, contacts, weight)
    w_new = _new_tie_strength(
        _own_strengths(U, person, contacts, weight, clip=False), new_tie_strength, weight
    )
    asked = _recent_asks(interactions, person, today, recent_days)
    own_p, own_known = _tie_evidence(U, [person] * len(contacts), contacts)
    sure = pd.DataFrame({"p": own_p, "known": own_known}, index=own.index)
    rows = _intro_feasibility(U, rows, contacts, own, sure, asked, recent_ask_penalty)
    if among is not None:  # only these candidates (net.brief: one contact's contacts)
        rows = rows[rows["person"].isin(list(among))]
        if rows.empty:
            return _empty(_INTRO_DTYPES)
    labels, cand = _intro_groups(U, rows, contacts, communities, by, weight)
    limit = max(50, 5 * k) if n_exact is None else max(1, int(n_exact))
    cand = _intro_shortlist(cand, rows, is_contact, len(contacts), limit)
    cand, es0, c0 = _intro_exact_value(U, person, cand, len(contacts), w_new, weight)
    picked, connectors = _intro_pick(rows, cand, k, max_per_connector, max_per_community)
    if picked.empty:
        return _empty(_INTRO_DTYPES)
    picked = picked.assign(constraint_before=c0)
    picked["reason"] = _intro_reasons(
        U, person, picked, connectors, contacts, labels, own, asked, es0, by
    )
    return _finish(picked, _INTRO_DTYPES)


def _intro_candidates(
    U: nx.Graph, person: Hashable, contacts: list, weight: str | None
) -> tuple[pd.DataFrame, pd.Series]:
    """Rows (via, person, via_candidate_strength, via_candidate_probability): each contact's
    contacts not yet known."""
    edges = _edge_frame(U, contacts, weight)
    is_contact = edges["dst"].isin(set(contacts))
    rows = edges[~is_contact & (edges["dst"] != person)].rename(
        columns={"src": "via", "dst": "person", "w": "via_candidate_strength"}
    )
    p, known = _tie_evidence(U, rows["via"], rows["person"])
    rows = rows.assign(via_candidate_probability=p, reach_known=known)
    return rows, is_contact


def _intro_feasibility(
    U: nx.Graph,
    rows: pd.DataFrame,
    contacts: list,
    own: pd.Series,
    sure: pd.DataFrame,
    asked: pd.Series,
    recent_ask_penalty: float,
) -> pd.DataFrame:
    """Add each row's chance of happening: the ask, the reach, the mutual contacts [3]_,
    each tie counted by its probability (an expectation over the uncertain ties)."""
    p_ask = sure["p"].reindex(rows["via"]).to_numpy(float)
    p_reach = rows["via_candidate_probability"].to_numpy(float)
    # an inferred tie's weight is strength x probability: the strength it has if it exists
    s_ask = np.clip(own.reindex(rows["via"]).to_numpy(float) / np.maximum(p_ask, 1e-12), 0, 1)
    w_reach = rows["via_candidate_strength"].to_numpy(float)
    s_reach = np.clip(w_reach / np.maximum(p_reach, 1e-12), 0, 1)
    rows["via_strength"] = s_ask
    rows["via_candidate_strength"] = s_reach
    rows["via_probability"] = p_ask
    rows["ask_known"] = sure["known"].reindex(rows["via"]).to_numpy(bool)
    rows["mutual_contacts"] = rows.groupby("person", sort=False)["via"].transform("size")
    rows["asked_recently"] = rows["via"].isin(asked.index)
    # each mutual contact counts n / d_v: her share of attention relative to the person's [4]_,
    # with n and d_v expected numbers of contacts and the mutual contact's own chance of
    # being one (both her ties exist)
    n = float(sure["p"].sum())
    degree = {v: _expected_degree(U, v) for v in contacts}
    both = p_ask * p_reach
    share = n / rows["via"].map(degree).to_numpy(float) * both
    m = pd.Series(share).groupby(rows["person"].to_numpy(), sort=False).transform("sum")
    m = m.to_numpy(float)
    rows["expected_mutual"] = (
        pd.Series(both).groupby(rows["person"].to_numpy(), sort=False).transform("sum").to_numpy()
    )
    rows["feasibility"] = (
        p_ask
        * strength_curve(s_ask, **ASK_CURVE)
        * (p_reach * strength_curve(s_reach, **REACH_CURVE))
        * m
        / (m + 1)
        * np.where(rows["asked_recently"].to_numpy(), recent_ask_penalty, 1.0)
    )
    return rows


def _expected_degree(U: nx.Graph, v: Hashable) -> float:
    """The expected number of v's contacts: the sum of her ties' probabilities."""
    nbrs = [w for w in U.adj[v] if w != v]
    return float(_tie_evidence(U, [v] * len(nbrs), nbrs)[0].sum())


def _intro_groups(
    U: nx.Graph,
    rows: pd.DataFrame,
    contacts: list,
    communities: Any,
    by: str | None,
    weight: str | None,
) -> tuple[pd.Series, pd.DataFrame]:
    """The group labels, and per candidate: her group and how many contacts are in it."""
    candidates = pd.unique(rows["person"])
    labels = _labels(U, [*contacts, *candidates], communities, by, weight)
    per_group = labels.reindex(contacts).value_counts()
    few = max(1, round(0.1 * len(contacts)))
    group = labels.reindex(candidates)
    into = per_group.reindex(group.to_numpy()).fillna(0).to_numpy()
    cand = pd.DataFrame(
        {"community": group.to_numpy(), "ties_into": into.astype(np.int64)}, index=candidates
    )
    cand["new_community"] = group.notna().to_numpy() & (into <= few)
    return labels, cand


def _intro_shortlist(
    cand: pd.DataFrame, rows: pd.DataFrame, is_contact: pd.Series, n: int, limit: int
) -> pd.DataFrame:
    """The `limit` best candidates by a cheap pre-score: the unweighted gain in effective
    size, times the group bonus and the best feasibility."""
    candidates = cand.index
    t = int(is_contact.sum()) // 2
    best = rows.groupby("person", sort=False)["feasibility"].max()
    mutual = rows.groupby("person", sort=False)["mutual_contacts"].first()
    approx = 1 + 2 * t / n - 2 * (t + mutual.reindex(candidates).to_numpy()) / (n + 1)
    bonus = 1 + GROUP_BONUS * cand["new_community"].to_numpy()
    cand["pre"] = np.maximum(approx, 0.01) * bonus * best.reindex(candidates).to_numpy()
    cand["_key"] = [str(c) for c in candidates]
    # candidates a contact the person knows can introduce come first (see _intro_pick)
    cand["_askable"] = rows.groupby("person", sort=False)["ask_known"].any().reindex(candidates)
    order = cand.sort_values(["pre", "_key"], ascending=[False, True], kind="stable")
    order = order.sort_values("_askable", ascending=False, kind="stable")
    return order.drop(columns="_askable").head(limit)


def _intro_exact_value(
    U: nx.Graph, person: Hashable, cand: pd.DataFrame, n: int, w_new: float, weight: str | None
) -> tuple[pd.DataFrame, float, float]:
    """Each shortlisted candidate's exact value: effective size and constraint with the tie."""
    before = ego_structural_holes(U, person, weight=weight)
    es0, c0 = float(before["effective_size"]), float(before["constraint"])
    after = [
        ego_structural_holes(U, person, weight=weight, add=[(person, c, w_new)]) for c in cand.index
    ]
    cand["effective_size_after"] = [float(a["effective_size"]) for a in after]
    cand["constraint_after"] = [float(a["constraint"]) for a in after]
    cand["gain_effective_size"] = cand["effective_size_after"] - es0
    drop = (c0 - cand["constraint_after"]) / c0 if c0 > 0 else 0.0 * cand["constraint_after"]
    cand["value"] = (
        0.5
        * (np.maximum(cand["gain_effective_size"], 0) + (n + 1) * np.maximum(drop, 0))
        * (1 + GROUP_BONUS * cand["new_community"])
    )
    return cand, es0, c0


def _intro_pick(
    rows: pd.DataFrame,
    cand: pd.DataFrame,
    k: int,
    max_per_connector: int | None,
    max_per_community: int | None,
) -> tuple[pd.DataFrame, pd.Series]:
    """The k best rows, one per candidate (see :func:`_diverse`); and each candidate's
    connectors, best first."""
    rows = rows[rows["person"].isin(cand.index)]
    rows = rows.join(cand.drop(columns=["pre", "_key"]), on="person")
    rows["score"] = rows["value"] * rows["feasibility"]
    rows = rows[rows["score"] > 0]
    cap = math.ceil(k / 3) if max_per_connector is None else max(1, int(max_per_connector))
    per_group = math.ceil(k / 3) if max_per_community is None else max(1, int(max_per_community))
    rows = _sorted(rows, "score", ["person", "via"])
    # you cannot ask someone you do not know: known first hops rank above inferred ones
    rows = rows.sort_values("ask_known", ascending=False, kind="stable")
    connectors = rows.groupby("person", sort=False)["via"].agg(list)  # best first
    # a candidate's row can only be passed over because its connector is full, and at most
    # k // cap connectors fill up: her first k // cap + 1 rows are all the greedy pass can use
    rows = rows[rows.groupby("person", sort=False).cumcount() <= k // cap]
    # one key per community; no community: no cap
    rows["_group"] = [
        g if pd.notna(g) else ("no community", c)
        for g, c in zip(rows["community"], rows["person"], strict=True)
    ]
    first = rows.iloc[_diverse(rows, k, cap, per_group)]
    return first, connectors


def _diverse(rows: pd.DataFrame, k: int, cap: int, per_group: int) -> list[int]:
    """Positions of the rows picked, in order: rows through a known connector before the
    others; within each, best first with at most `per_group` per community, then the rest
    filling the list; one row per candidate and at most `cap` per connector throughout."""
    person, via = rows["person"].tolist(), rows["via"].tolist()
    group, known = rows["_group"].tolist(), rows["ask_known"].tolist()
    taken: set = set()
    per_via: Counter = Counter()
    in_group: Counter = Counter()
    out: list[int] = []
    for tier in (True, False):
        here = [i for i, sure in enumerate(known) if sure == tier]
        for capped in (True, False):
            for i in here:
                if len(out) == k:
                    return out
                if person[i] in taken or per_via[via[i]] >= cap:
                    continue
                if capped and in_group[group[i]] >= per_group:
                    continue
                out.append(i)
                taken.add(person[i])
                per_via[via[i]] += 1
                in_group[group[i]] += 1
    return out


def _intro_reasons(
    U: nx.Graph,
    person: Hashable,
    picked: pd.DataFrame,
    connectors: pd.Series,
    contacts: list,
    labels: pd.Series,
    own: pd.Series,
    asked: pd.Series,
    es0: float,
    by: str | None,
) -> list[str]:
    """The reason of each picked row, naming connectors and the contacts already in a group."""
    shown = {
        c: [v, *(x for x in connectors[c] if x != v)]
        for c, v in zip(picked["person"], picked["via"], strict=True)
    }
    # the contacts the person already has in each group, closest first (named in reasons)
    mine = labels.reindex(contacts).dropna()
    mine = mine.loc[own.reindex(mine.index).sort_values(ascending=False, kind="stable").index]
    known_in = {
        g: list(members[:2]) for g, members in mine.groupby(mine, sort=False).groups.items()
    }
    known = [c for g in picked["community"] if pd.notna(g) for c in known_in.get(g, [])]
    names = _names(
        U, [person, *picked["person"], *(v for c in shown.values() for v in c[:3]), *known]
    )
    today_ts = None if asked.empty else asked.attrs["today"]
    about = {c: _about(U, c) for c in picked["person"]}
    basis = {  # what each inferred tie on the path rests on
        (a, b): _shared(U, a, b)
        for a, b, sure in [
            *zip(picked["via"], picked["person"], picked["reach_known"], strict=True),
            *((person, v, s) for v, s in zip(picked["via"], picked["ask_known"], strict=True)),
        ]
        if not sure
    }
    return [
        _intro_reason(r, names, shown[r.person], es0, by, asked, today_ts, known_in, about, basis)
        for r in picked.assign(me=[person] * len(picked)).itertuples(index=False)
    ]


def introductions_to_make(
    G: nx.Graph,
    person: Hashable | None = None,
    *,
    k: int = 10,
    communities: Any = None,
    weight: str | None = "weight",
    by: str | None = None,
    new_tie_strength: float | None = None,
    max_per_person: int | None = None,
    n_exact: int | None = None,
    min_size: int = 3,
    max_contacts: int = 2000,
    involving: Hashable | None = None,
) -> pd.DataFrame:
    r"""Recommend pairs of people to introduce to each other: give before you ask.

    **For a person**: pairs of her contacts who are not tied, sit in different communities
    (or `by` groups), and would each gain effective size [1]_ from the tie, computed exactly
    with the tie in place (strength assumed as in :func:`introductions`). Brokers who connect
    others build goodwill; the pair gains the non-redundant contact Granovetter's weak ties
    provide [2]_. Score, with :math:`s_{pa}` the person's tie strength to :math:`a`:

    .. math::

        \text{score} = \sqrt{s_{pa} \, s_{pb}} \; \sqrt{\Delta e_a \, \Delta e_b},
        \qquad \Delta e_a, \Delta e_b > 0 .

    Only the best `n_exact` pairs (default ``max(50, 5 k)``) by a cheap pre-score (closeness
    times the unweighted gains :math:`1 - 2 m / (d + 1)`, with :math:`m` common contacts and
    :math:`d` degree) are scored exactly; the person's `max_contacts` closest contacts are
    considered. No contact appears in more than ``ceil(k / 3)`` pairs (`max_per_person`), and
    no two groups are joined by more than ``ceil(k / 3)`` pairs, so the list spans several of
    the person's circles rather than the two best matched (it may then be shorter than `k`).

    **For an organisation** (``person=None``): bridges between communities that are tied less
    than their sizes would predict. For communities :math:`X, Y` with :math:`n_X, n_Y` members,
    :math:`E_{XY}` ties between them and volumes (sums of degrees) :math:`D_X, D_Y` in a
    network of :math:`M` ties, the expected count under random wiring is :math:`D_X D_Y / 2M`
    and the need is

    .. math::

        \text{need}_{XY} = \sqrt{n_X n_Y}\, \max\Big(0, 1 - \frac{E_{XY}}{D_X D_Y / 2M}\Big).

    For each pair of communities with the highest need (each at least `min_size` people; the
    2,000 largest such communities are considered), the
    pair of people proposed is the most embedded one that is not yet tied, each drawn from the
    five members who know the largest share of their own community (``a_inside``), preferring
    people not proposed already; the score is :math:`\text{need}_{XY}
    \sqrt{\text{inside}_a \, \text{inside}_b}`, and both must gain effective size.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        The network (a DiGraph is read as undirected, one tie per pair with the larger weight
        of its arcs: :mod:`netgraph._graph`). Not modified.
    person : node, optional
        The person making the introductions; None for the whole organisation.
    k : int, default 10
        How many pairs.
    communities : DataFrame, Series, mapping or list of sets, optional
        As in :func:`introductions`; None computes :func:`netgraph.communities`.
    weight : str or None, default "weight"
        Edge attribute holding tie strength; None treats ties alike.
    by : str, optional
        A person attribute whose groups replace the communities.
    new_tie_strength : float, optional
        Strength assumed for the new tie; default the 25th percentile of the person's tie
        strengths (of all tie strengths for an organisation).
    max_per_person : int, optional
        Most pairs one contact may appear in (person mode); default ``ceil(k / 3)``.
    n_exact : int, optional
        Pairs scored exactly (person mode); default ``max(50, 5 k)``.
    min_size : int, default 3
        Smallest community considered (organisation mode).
    max_contacts : int, default 2000
        Most contacts considered (person mode), the closest first.
    involving : node, optional
        Person mode only: keep the pairs that include this contact (the introductions you
        could make *for* them, as in ``net.brief``); the caps per person and per pair of
        groups then do not apply.

    Returns
    -------
    pandas.DataFrame
        At most `k` rows, best first, with ``a``, ``b`` (``a`` sorts before ``b``),
        ``score``, ``reason``, ``a_community``, ``b_community``, ``gain_a``, ``gain_b``
        (their gains in effective size) and, for a person, ``a_strength``, ``b_strength``
        (her ties to them) and ``mutual_contacts`` (their common contacts, her included);
        for an organisation, ``a_inside``, ``b_inside`` (share of their own community each
        knows), ``ties_between`` and ``expected_ties`` (between the two communities).

    Raises
    ------
    UnknownPersonError
        If `person` is given and not in `G`.

    References
    ----------
    .. [1] Burt, Ronald S. *Structural Holes: The Social Structure of Competition.*
       Cambridge, MA: Harvard University Press, 1992.
    .. [2] Granovetter, Mark S. "The Strength of Weak Ties." *American Journal of Sociology*
       78, no. 6 (1973): 1360-1380.

    Examples
    --------
    Two triangles; Ann knows Bob in the first and Cy in the second.

    >>> G = nx.Graph([("ann", "bob"), ("bob", "bo2"), ("bo2", "bo3"), ("bob", "bo3"),
    ...               ("ann", "cy"), ("cy", "cy2"), ("cy2", "cy3"), ("cy", "cy3")])
    >>> groups = {"ann": 0, "bob": 1, "bo2": 1, "bo3": 1, "cy": 2, "cy2": 2, "cy3": 2}
    >>> pairs = introductions_to_make(G, "ann", communities=groups, weight=None)
    >>> print(pairs[["a", "b", "gain_a", "gain_b"]].round(4).to_string(index=False))
      a  b  gain_a  gain_b
    bob cy  0.6667  0.6667
    """
    U = _undirected(G, weight)
    k = _check_k(k)
    if person is None:
        return _bridges(
            U,
            k=k,
            communities=communities,
            weight=weight,
            by=by,
            new_tie_strength=new_tie_strength,
            min_size=min_size,
        )
    _check_person(U, person)
    contacts = _contacts(U, person)
    if len(contacts) < 2 or k == 0:
        return _empty(_PERSON_PAIR_DTYPES)
    own = _own_strengths(U, person, contacts, weight)
    w_new = _new_tie_strength(
        _own_strengths(U, person, contacts, weight, clip=False), new_tie_strength, weight
    )
    if len(contacts) > max_contacts:
        keep = own.rename("w").to_frame().assign(_key=[str(c) for c in own.index])
        contacts = list(_sorted(keep, "w", ["_key"]).index[:max_contacts])
        own = own.reindex(contacts)
    labels = _labels(U, contacts, communities, by, weight).reindex(contacts)
    common, tied, degree = _contact_matrix(U, contacts, weight)
    limit = max(50, 5 * k) if n_exact is None else max(1, int(n_exact))
    pairs = _candidate_pairs(contacts, labels, own, common, tied, degree, involving, limit)
    if pairs.empty:
        return _empty(_PERSON_PAIR_DTYPES)
    out = _pair_gains(U, contacts, pairs, labels, own, common, w_new, weight)
    out = _pick_pairs(out, k, max_per_person, involving)
    names = _names(U, [*out["a"], *out["b"]])
    out["reason"] = [_make_reason(r, names, by) for r in out.itertuples(index=False)]
    return _finish(out, _PERSON_PAIR_DTYPES)


def _contact_matrix(
    U: nx.Graph, contacts: list, weight: str | None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Among the contacts: common neighbours, who is tied to whom, and each one's degree."""
    d = len(contacts)
    # contacts x everyone they know, as a sparse 0/1 matrix
    edges = _edge_frame(U, contacts, weight)
    row = _graph.positions(_graph.labels(contacts), edges["src"])
    col, reach = pd.factorize(edges["dst"].to_numpy(object))
    R = sp.csr_array((np.ones(len(row)), (row, col)), shape=(d, len(reach)))
    common = (R @ R.T).toarray()
    # a contact whom no other contact knows is in no column of R: tied to none of them
    at = _graph.labels(reach).get_indexer(_graph.labels(contacts))
    tied = np.zeros((d, d), dtype=bool)
    tied[:, at >= 0] = R[:, at[at >= 0]].toarray() > 0
    degree = np.asarray(R.sum(axis=1)).ravel()
    return common, tied, degree


def _candidate_pairs(
    contacts: list,
    labels: pd.Series,
    own: pd.Series,
    common: np.ndarray,
    tied: np.ndarray,
    degree: np.ndarray,
    involving: Hashable | None,
    limit: int,
) -> pd.DataFrame:
    """Untied pairs of contacts in different groups, the `limit` best by a cheap pre-score
    (closeness to both, times the unweighted gain in effective size of each)."""
    d = len(contacts)
    codes, _ = pd.factorize(labels.to_numpy(), use_na_sentinel=True)
    i, j = np.triu_indices(d, 1)
    ok = (codes[i] >= 0) & (codes[j] >= 0) & (codes[i] != codes[j]) & ~tied[i, j]
    if involving is not None:  # only the pairs with this contact
        at = contacts.index(involving) if involving in contacts else -1
        ok &= (i == at) | (j == at)
    i, j = i[ok], j[ok]
    m = common[i, j]
    wa, wb = own.to_numpy(float)[i], own.to_numpy(float)[j]
    closeness = np.sqrt(np.clip(wa, 0, None) * np.clip(wb, 0, None))
    approx = np.clip(1 - 2 * m / (degree[i] + 1), 0.01, None) * np.clip(
        1 - 2 * m / (degree[j] + 1), 0.01, None
    )
    ids = [str(c) for c in contacts]
    pairs = pd.DataFrame(
        {"i": i, "j": j, "pre": closeness * approx, "_a": np.take(ids, i), "_b": np.take(ids, j)}
    )
    return _sorted(pairs, "pre", ["_a", "_b"]).head(limit)


def _pair_gains(
    U: nx.Graph,
    contacts: list,
    pairs: pd.DataFrame,
    labels: pd.Series,
    own: pd.Series,
    common: np.ndarray,
    w_new: float,
    weight: str | None,
) -> pd.DataFrame:
    """Each shortlisted pair (a sorting before b) with the exact gain in effective size the
    new tie brings to each end; pairs that do not help both are dropped."""
    es = {
        c: float(ego_structural_holes(U, c, weight=weight)["effective_size"])
        for c in {contacts[x] for x in (*pairs["i"], *pairs["j"])}
    }

    def gain(u: Hashable, v: Hashable) -> float:
        after = ego_structural_holes(U, u, weight=weight, add=[(u, v, w_new)])
        return float(after["effective_size"]) - es[u]

    a = [contacts[x] for x in pairs["i"]]
    b = [contacts[x] for x in pairs["j"]]
    # a sorts before b
    swap = pairs["_a"].to_numpy() > pairs["_b"].to_numpy()
    a, b = (
        [y if s else x for x, y, s in zip(a, b, swap, strict=True)],
        [x if s else y for x, y, s in zip(a, b, swap, strict=True)],
    )
    out = pd.DataFrame(
        {
            "a": pd.Series(a, dtype=object),
            "b": pd.Series(b, dtype=object),
            "a_community": labels.reindex(a).to_numpy(),
            "b_community": labels.reindex(b).to_numpy(),
            "gain_a": [gain(x, y) for x, y in zip(a, b, strict=True)],
            "gain_b": [gain(y, x) for x, y in zip(a, b, strict=True)],
            "a_strength": own.reindex(a).to_numpy(float),
            "b_strength": own.reindex(b).to_numpy(float),
            "mutual_contacts": common[pairs["i"], pairs["j"]].astype(np.int64),
        }
    )
    return out[(out["gain_a"] > 1e-9) & (out["gain_b"] > 1e-9)]


def _pick_pairs(
    out: pd.DataFrame, k: int, max_per_person: int | None, involving: Hashable | None
) -> pd.DataFrame:
    """The k best pairs by score, at most ceil(k/3) per person and per pair of groups."""
    out["score"] = np.sqrt(
        np.clip(out["a_strength"] * out["b_strength"], 0, None) * out["gain_a"] * out["gain_b"]
    )
    out = out.assign(_a=[str(x) for x in out["a"]], _b=[str(x) for x in out["b"]])
    out = _sorted(out, "score", ["_a", "_b"])
    cap = math.ceil(k / 3) if max_per_person is None else max(1, int(max_per_person))
    out["_join"] = [  # the two groups a pair joins, one key whichever comes first
        ("join", frozenset((str(x), str(y))))
        for x, y in zip(out["a_community"], out["b_community"], strict=True)
    ]
    if involving is None:
        return out.iloc[_greedy(out, k=k, caps={"a": cap, "b": cap, "_join": math.ceil(k / 3)})]
    return out.head(k)


# --------------------------------------------------------------------------- organisation


def _bridges(
    U: nx.Graph,
    *,
    k: int,
    communities: Any,
    weight: str | None,
    by: str | None,
    new_tie_strength: float | None,
    min_size: int,
) -> pd.DataFrame:
    """Bridges between under-connected communities (introductions_to_make, person=None)."""
    nodes = list(U)
    if len(nodes) < 2 or U.number_of_edges() == 0 or k == 0:
        return _empty(_ORG_PAIR_DTYPES)
    index = pd.Index(nodes, tupleize_cols=False)
    labels = _labels(U, nodes, communities, by, weight).reindex(index)
    blocks = _community_blocks(U, labels, min_size)
    if len(blocks.big) < 2 or blocks.two_m == 0:
        return _empty(_ORG_PAIR_DTYPES)
    needy = _needy_pairs(blocks)
    share, top_by_code = _embedded_members(blocks, nodes, index)
    if weight is None:
        w_new = 1.0
    else:
        weights = _graph.undirected_ties(U, weight)[2]
        w_new = _new_tie_strength(pd.Series(weights), new_tie_strength, weight)
    rows = _bridge_rows(U, blocks, needy, share, top_by_code, index, k, w_new, weight)
    if not rows:
        return _empty(_ORG_PAIR_DTYPES)
    out = pd.DataFrame(rows)
    out = out.assign(_a=[str(x) for x in out["a"]], _b=[str(x) for x in out["b"]])
    out = _sorted(out, "score", ["_a", "_b"])
    names = _names(U, [*out["a"], *out["b"]])
    out["reason"] = [_bridge_reason(r, names, by) for r in out.itertuples(index=False)]
    return _finish(out, _ORG_PAIR_DTYPES)


@dataclass
class _Blocks:
    """People by community: the adjacency ``A``, membership ``B`` of the big communities."""

    codes: np.ndarray  # community code of each person (-1: none), in label text order
    uniques: np.ndarray  # the community labels by code
    size: np.ndarray  # people per community
    big: np.ndarray  # codes of the communities considered, largest first
    slot: np.ndarray  # code -> column of B (-1: not considered)
    member: np.ndarray  # whether each person is in a considered community
    B: sp.csr_array
    AB: sp.csr_array  # people x communities: neighbours in each
    E: np.ndarray  # ties between communities (twice the ties inside, diagonal)
    volume: np.ndarray  # sum of the members' degrees per community
    two_m: float


def _community_blocks(U: nx.Graph, labels: pd.Series, min_size: int) -> _Blocks:
    """The communities of at least `min_size` people (the largest MAX_COMMUNITIES of them)."""
    n = U.number_of_nodes()
    codes, uniques = _sorted_codes(labels.to_numpy(object))  # not in node order
    u, v, _ = _graph.undirected_ties(U, None)  # positions in list(U), each tie once
    A = sp.coo_array((np.ones(2 * len(u)), (np.r_[u, v], np.r_[v, u])), shape=(n, n)).tocsr()
    A.data[:] = 1.0  # duplicates collapse to one tie
    known = codes >= 0
    size = np.bincount(codes[known], minlength=len(uniques))
    big = np.flatnonzero(size >= min_size)
    big = big[np.lexsort((big, -size[big]))][:MAX_COMMUNITIES]
    slot = np.full(len(uniques), -1)
    slot[big] = np.arange(len(big))
    member = known.copy()
    member[known] = slot[codes[known]] >= 0
    people = np.flatnonzero(member)
    B = sp.csr_array((np.ones(len(people)), (people, slot[codes[people]])), shape=(n, len(big)))
    AB = A @ B
    degree = np.asarray(A.sum(axis=1)).ravel()
    return _Blocks(
        codes=codes,
        uniques=uniques,
        size=size,
        big=big,
        slot=slot,
        member=member,
        B=B,
        AB=AB,
        E=(B.T @ AB).toarray(),
        volume=B.T @ degree,
        two_m=A.sum(),
    )


def _needy_pairs(blocks: _Blocks) -> dict[str, np.ndarray]:
    """Pairs (X, Y) of communities with fewer ties than their degrees lead one to expect
    (``expected = vol_X vol_Y / 2m``), by need: sqrt(size_X size_Y) times the deficit."""
    size, big, E = blocks.size, blocks.big, blocks.E
    X, Y = np.triu_indices(len(big), 1)
    expected = blocks.volume[X] * blocks.volume[Y] / blocks.two_m
    with np.errstate(divide="ignore", invalid="ignore"):
        deficit = np.where(expected > 0, 1 - E[X, Y] / expected, 0.0)
    need = np.sqrt(size[big[X]] * size[big[Y]]) * np.clip(deficit, 0, None)
    order = np.lexsort((Y, X, -need))
    order = order[need[order] > 0]
    return {"X": X, "Y": Y, "expected": expected, "need": need, "order": order}


def _embedded_members(
    blocks: _Blocks, nodes: list, index: pd.Index
) -> tuple[np.ndarray, dict[int, list]]:
    """Each person's share of her community she is tied to, and its five most embedded."""
    codes, member = blocks.codes, blocks.member
    inside_count = np.asarray(blocks.AB.multiply(blocks.B).sum(axis=1)).ravel()
    share = np.zeros(len(nodes))
    share[member] = inside_count[member] / np.maximum(blocks.size[codes[member]] - 1, 1)
    members = pd.DataFrame(
        {"code": blocks.slot[codes], "share": share, "_key": [str(x) for x in nodes]},
        index=index,
    )[member]
    members = members.sort_values(["code", "share", "_key"], ascending=[True, False, True])
    top = members[members.groupby("code").cumcount() < 5]
    return share, {c: list(g.index) for c, g in top.groupby("code", sort=False)}


def _bridge_rows(
    U: nx.Graph,
    blocks: _Blocks,
    needy: dict[str, np.ndarray],
    share: np.ndarray,
    top_by_code: dict[int, list],
    index: pd.Index,
    k: int,
    w_new: float,
    weight: str | None,
) -> list[dict]:
    """For the neediest pairs of communities in turn, the first pair of their embedded
    members (not yet tied) whom the tie helps both, people not proposed yet first."""
    X, Y, need, expected = needy["X"], needy["Y"], needy["need"], needy["expected"]
    size, big, uniques, E = blocks.size, blocks.big, blocks.uniques, blocks.E
    rows, used = [], Counter()
    es: dict[Hashable, float] = {}

    def gain(x: Hashable, y: Hashable) -> float:
        if x not in es:
            es[x] = float(ego_structural_holes(U, x, weight=weight)["effective_size"])
        after = ego_structural_holes(U, x, weight=weight, add=[(x, y, w_new)])
        return float(after["effective_size"]) - es[x]

    for p in needy["order"]:
        if len(rows) == k:
            break
        x, y = X[p], Y[p]
        options = [
            (share[index.get_loc(a)] * share[index.get_loc(b)], a, b)
            for a in top_by_code.get(x, [])
            for b in top_by_code.get(y, [])
            if not U.has_edge(a, b)
        ]
        # most embedded first, people not proposed yet before those already proposed
        options.sort(key=lambda o: (used[o[1]] + used[o[2]] > 0, -o[0], str(o[1]), str(o[2])))
        for s, a, b in options:
            ga, gb = gain(a, b), gain(b, a)
            if ga > 1e-9 and gb > 1e-9:
                if str(a) > str(b):
                    a, b, ga, gb, x, y = b, a, gb, ga, y, x
                rows.append(
                    {
                        "a": a,
                        "b": b,
                        "score": need[p] * math.sqrt(s),
                        "a_community": uniques[big[x]],
                        "b_community": uniques[big[y]],
                        "gain_a": ga,
                        "gain_b": gb,
                        "a_inside": share[index.get_loc(a)],
                        "b_inside": share[index.get_loc(b)],
                        "ties_between": int(E[x, y]),
                        "expected_ties": float(expected[p]),
                        "size_a": int(size[big[x]]),
                        "size_b": int(size[big[y]]),
                    }
                )
                used.update([a, b])
                break
    return rows


def _sorted_codes(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Codes of the labels numbered in the order of their text (-1: no label)."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    rank = np.argsort(np.argsort(np.array([str(x) for x in uniques], dtype=object), kind="stable"))
    out = np.where(codes >= 0, rank[np.maximum(codes, 0)] if len(rank) else -1, -1)
    ordered = np.empty(len(uniques), dtype=object)
    for r, label in zip(rank, uniques, strict=True):
        ordered[r] = label
    return out.astype(np.int64), ordered


# --------------------------------------------------------------------------- reasons


def _intro_reason(
    r: Any,
    names: dict,
    connectors: list,
    es0: float,
    by: str | None,
    asked: pd.Series,
    today: pd.Timestamp | None,
    known_in: dict,
    about: dict,
    basis: dict,
) -> str:
    via, cand = names[r.via], names[r.person]
    if r.ask_known:
        text = f"Ask {via} to introduce you to {cand}{about[r.person]}. {via} knows you (tie "
        text += f"strength {r.via_strength:.2f})"
    else:  # you cannot ask someone you do not know: say so first
        text = f"If you do know {via}, ask {via} to introduce you to {cand}{about[r.person]}. "
        text += f"{via} {_maybe(r.via_probability)} you ({_chance(r.via_probability)}"
        text += f"{basis[(r.me, r.via)]})"
    if r.reach_known:
        text += f" and {'' if r.ask_known else 'knows '}{cand} ({r.via_candidate_strength:.2f})"
    else:
        p = r.via_candidate_probability
        text += f" and {_maybe(p)} {cand} ({_chance(p)}{basis[(r.via, r.person)]})"
    sure = abs(r.expected_mutual - r.mutual_contacts) < 1e-9
    if r.mutual_contacts > 1:
        others = [names.get(c, str(c)) for c in connectors[:3]]
        more = ", ..." if len(connectors) > 3 else ""
        listed = f"({', '.join(others)}{more})"
        if sure:
            text += f"; {r.mutual_contacts} of your contacts know {cand} {listed}"
        else:
            text += (
                f"; {r.mutual_contacts} of your contacts may know {cand} {listed}, "
                f"{r.expected_mutual:.1f} of them by the inferred chances"
            )
    elif sure:
        text += f"; {via} is the only contact you share with {cand}"
    else:
        text += f"; {via} is the only contact of yours who may know {cand}"
    text += "."
    if pd.notna(r.community):
        known = [names[c] for c in known_in.get(r.community, [])]
        more = f" ({', '.join(known)}{', ...' if r.ties_into > len(known) else ''})"
        ties = f"{_count(int(r.ties_into), 'tie')}{more if known else ''}"
        if r.new_community:
            text += f" {cand} is in {_group_text(r.community, by)}, where you have {ties}."
        else:
            text += f" {cand} is in {_group_text(r.community, by)}, where you already have {ties}."
    if r.gain_effective_size > 0:
        text += (
            f" Knowing {cand} would raise your effective size from {es0:.2f} to "
            f"{r.effective_size_after:.2f}"
        )
    else:
        text += f" Knowing {cand} would leave your effective size at {es0:.2f}"
    text += f"{_constraint_change(r.constraint_before, r.constraint_after)}."
    if r.asked_recently and today is not None:
        days = int((today - asked[r.via]) / pd.Timedelta(days=1))
        text += f" You asked {via} for something {_count(days, 'day')} ago, so {via} ranks lower."
    return text


def _maybe(p: float) -> str:
    """How sure an inferred tie is, in words."""
    return "probably knows" if p >= 0.5 else "may know"


def _chance(p: float) -> str:
    """A probability as a percentage: '64%', 'under 1%'."""
    return f"{p:.0%}" if p >= 0.005 else "under 1%"


def _about(U: nx.Graph, node: Hashable) -> str:
    """' (UX Researcher at Northwind Analytics)' from the node's role and company, if known."""
    data = U.nodes[node]
    role, company = (_plain_text(data.get(c)) for c in ("role", "company"))
    if role and company:
        return f" ({role} at {company})"
    return f" ({role or company})" if role or company else ""


def _plain_text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _shared(U: nx.Graph, a: Hashable, b: Hashable, limit: int = 2) -> str:
    """What an inferred tie between a and b rests on: '; both in London Data Science Meetup'.

    The groups they share in the columns :func:`netgraph.inference.tie_probabilities` infers
    from (values of ``;``-separated people columns, compared case-insensitively).
    """
    found = []
    for column in FAMILIES:
        theirs = {x.casefold() for x in _parts(U.nodes[b].get(column))}
        found += [
            x if column in ("circles", "groups") else f"{column} {x}"
            for x in _parts(U.nodes[a].get(column))
            if x.casefold() in theirs
        ]
    found = list(dict.fromkeys(found))
    if not found:
        return ""
    more = f" and {_count(len(found) - limit, 'more group')}" if len(found) > limit else ""
    return f"; both in {', '.join(found[:limit])}{more}"


def _parts(value: Any) -> list[str]:
    return [x.strip() for x in value.split(";") if x.strip()] if isinstance(value, str) else []


def _constraint_change(before: float, after: float) -> str:
    """The change in constraint in words: a relative change, as the values are small."""
    if not (np.isfinite(before) and np.isfinite(after)) or before <= 0:
        return ""
    change = (after - before) / before
    if abs(change) < 0.0005:
        return " and leave your constraint as it is"
    verb = "lower" if change < 0 else "raise"
    return f" and {verb} your constraint by {abs(change):.1%} (to {after:.3g})"


def _make_reason(r: Any, names: dict, by: str | None) -> str:
    a, b = names[r.a], names[r.b]
    others = int(r.mutual_contacts) - 1
    return (
        f"Introduce {a} to {b}: you know both ({r.a_strength:.2f} and {r.b_strength:.2f}), they "
        f"are not tied, and they sit in different circles ({_group_text(r.a_community, by)} and "
        f"{_group_text(r.b_community, by)}), sharing {_count(others, 'contact')} besides you. "
        f"The tie would raise {a}'s effective size by {r.gain_a:.2f} and {b}'s by {r.gain_b:.2f}."
    )


def _bridge_reason(r: Any, names: dict, by: str | None) -> str:
    a, b = names[r.a], names[r.b]
    ga, gb = _group_text(r.a_community, by), _group_text(r.b_community, by)
    return (
        f"Introduce {a} to {b}. {ga[0].upper() + ga[1:]} ({r.size_a} people) and {gb} "
        f"({r.size_b} people) have {_count(int(r.ties_between), 'tie')} between them where "
        f"their members' ties would lead you to expect {r.expected_ties:.1f}. {a} knows "
        f"{r.a_inside:.0%} of {ga} and {b} {r.b_inside:.0%} of {gb}; the tie would raise "
        f"{a}'s effective size by {r.gain_a:.2f} and {b}'s by {r.gain_b:.2f}."
    )
