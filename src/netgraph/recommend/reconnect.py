r"""Reconnect: this week's short list of dormant or fading ties worth a message.

Dormant ties are an underused resource: Levin, Walter and Murnighan [1]_ found that
executives who reconnected with contacts they had not spoken to for three years or more got
advice as useful as from their current ties, and more novel, with the trust of the old
relationship intact. Ties that bridge to other circles carry the non-redundant information
of Granovetter's weak ties [2]_ and of Burt's structural holes [3]_.

References
----------
.. [1] Levin, Daniel Z., Jorge Walter, and J. Keith Murnighan. "Dormant Ties: The Value of
   Reconnecting." *Organization Science* 22, no. 4 (2011): 923-939.
.. [2] Granovetter, Mark S. "The Strength of Weak Ties." *American Journal of Sociology* 78,
   no. 6 (1973): 1360-1380.
.. [3] Burt, Ronald S. *Structural Holes: The Social Structure of Competition.* Cambridge, MA:
   Harvard University Press, 1992.
"""

from __future__ import annotations

import math
from collections.abc import Hashable
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from netgraph import _graph
from netgraph._dates import timestamp
from netgraph.errors import InputError
from netgraph.recommend._common import check_k as _check_k
from netgraph.recommend._common import check_person as _check_person
from netgraph.recommend._common import contacts_of as _contacts
from netgraph.recommend._common import count as _count
from netgraph.recommend._common import edge_frame as _edge_frame
from netgraph.recommend._common import empty as _empty
from netgraph.recommend._common import group_labels as _labels
from netgraph.recommend._common import group_text as _group_text
from netgraph.recommend._common import names as _names
from netgraph.recommend._common import undirected as _undirected

__all__ = ["reconnect"]

#: Usual gap between contacts assumed for a tie with fewer than two days of contact.
DEFAULT_INTERVAL_DAYS = 90.0
#: No tie is "fading" until this many days have passed since the last contact.
MIN_GAP_DAYS = 30.0
#: Weeks of the rotation are counted from this Monday.
_FIRST_MONDAY = pd.Timestamp("2024-01-01")

_DTYPES = {
    "person": object,
    "last_contact": "datetime64[us]",
    "overdue_days": float,
    "score": float,
    "reason": object,
    "days_since": float,
    "usual_interval_days": float,
    "value": float,
    "bridge": float,
    "overlap": float,
    "once_strong": float,
    "community": object,
}


def reconnect(
    G: nx.Graph,
    ties: pd.DataFrame,
    person: Hashable,
    *,
    k: int = 3,
    today: Any = None,
    communities: Any = None,
    shared_contacts: pd.Series | None = None,
    dormant_after: float | pd.Timedelta | None = None,
    by: str | None = None,
    weight: str | None = "weight",
    default_interval_days: float = DEFAULT_INTERVAL_DAYS,
    min_gap_days: float = MIN_GAP_DAYS,
) -> pd.DataFrame:
    r"""List this week's dormant or fading ties worth a message, with the reason for each.

    **Eligible** ties are the person's ties (rows of `ties` with her on either side) whose
    last contact was more than their own usual interval ago (``usual_interval_days``; ties
    with fewer than two days of contact get `default_interval_days`) and at least
    `min_gap_days` ago. With `dormant_after` (days, or a Timedelta) a tie is eligible once
    that long has passed instead. Ties never in contact (no ``last_contact``) are left out.

    **Value** of a tie: one point, plus up to one point for each of three reasons to revive
    it [1]_,

    .. math::

        V = 1 + \text{bridge} + (1 - \text{overlap}) + \text{once\_strong},

    * *bridge* :math:`= 1 / n_g` when the contact is in a community (or `by` group) other
      than the person's, where she has :math:`n_g` contacts (1 for her only tie into it),
      else 0 [2]_;
    * *overlap* is the share of the person's other contacts the contact knows (Burt's
      redundancy [3]_: low overlap, non-redundant contact);
    * *once_strong* is the largest of the stated ``closeness``, the current ``strength`` and
      the rank of ``n_interactions`` among the person's ties (as a fraction, 1 for her most
      frequent contact): a once-close tie that went quiet.

    **Overdue**: with :math:`t` days since the last contact and usual interval :math:`u`,
    ``overdue_days`` :math:`= t - u` and the score is

    .. math::

        \text{score} = V \log_2\!\big(1 + t / u\big),

    with :math:`t` measured at the date of the data (the latest ``last_contact`` in `ties`,
    or `today` if earlier) so that the ranking does not move when only the calendar does.

    **Rotation**: the ties eligible at the date of the data are ranked by score (ties by
    contact id) and cut into :math:`\lceil N / k \rceil` slices of `k`. Calendar week
    :math:`w` (Monday to Sunday, counted from a fixed Monday) shows slice
    :math:`w \bmod \lceil N / k \rceil`. Consecutive weeks therefore show different people
    until every eligible tie has been shown, whether the data stays the same or is refreshed
    every week, and one `today` always gives the same list. A `k` of at least :math:`N`
    shows the whole ranking. (In use, a tie you write to leaves the list by itself: its last
    contact moves.)

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        The network, for communities and overlap (a DiGraph is read as undirected,
        one tie per pair with the larger weight of its arcs (:mod:`netgraph._graph`)). Not modified.
    ties : pandas.DataFrame
        The tie table of :func:`netgraph.tie_strength`: indexed (or with columns) ``source``,
        ``target``, with ``last_contact`` and optionally ``usual_interval_days``,
        ``n_interactions``, ``strength``, ``closeness``.
    person : node
        Whose ties.
    k : int, default 3
        How many people this week.
    today : date-like, optional
        The date of the list; None means the date of the data (latest ``last_contact``).
    communities : DataFrame, Series, mapping or list of sets, optional
        Community of each person (see :func:`netgraph.recommend.introductions`); None
        computes :func:`netgraph.communities`.
    shared_contacts : Series, optional
        How many of the person's other contacts each contact knows, by contact, when already
        counted (a :class:`~netgraph.Store` keeps the ties among contacts counted); None
        counts them in `G`.
    dormant_after : float or Timedelta, optional
        Days of silence after which any tie is eligible, replacing the cadence rule.
    by : str, optional
        A person attribute whose groups replace the communities.
    weight : str or None, default "weight"
        Edge attribute for computing communities when `communities` is None.
    default_interval_days : float, default 90
        Usual interval assumed for ties with no cadence yet.
    min_gap_days : float, default 30
        Days that must pass before a tie can be fading under the cadence rule.

    Returns
    -------
    pandas.DataFrame
        At most `k` rows, best first: ``person`` (the contact), ``last_contact``,
        ``overdue_days``, ``score``, ``reason``, ``days_since`` (as of `today`),
        ``usual_interval_days`` (the one used), ``value``, ``bridge``, ``overlap``,
        ``once_strong``, ``community``.

    Raises
    ------
    UnknownPersonError
        If `person` is not in `G`.
    InputError
        If `ties` has no ``last_contact`` column.

    References
    ----------
    .. [1] Levin, Daniel Z., Jorge Walter, and J. Keith Murnighan. "Dormant Ties: The Value
       of Reconnecting." *Organization Science* 22, no. 4 (2011): 923-939.
    .. [2] Granovetter, Mark S. "The Strength of Weak Ties." *American Journal of Sociology*
       78, no. 6 (1973): 1360-1380.
    .. [3] Burt, Ronald S. *Structural Holes: The Social Structure of Competition.*
       Cambridge, MA: Harvard University Press, 1992.

    Examples
    --------
    >>> G = nx.Graph([("me", "ann"), ("me", "bob"), ("ann", "bob"), ("me", "cy")])
    >>> ties = pd.DataFrame({
    ...     "source": ["ann", "bob", "cy"], "target": ["me", "me", "me"],
    ...     "last_contact": pd.to_datetime(["2025-06-01", "2024-01-10", "2024-04-01"]),
    ...     "usual_interval_days": [7.0, 30.0, 60.0], "n_interactions": [90, 12, 40],
    ... }).set_index(["source", "target"])
    >>> groups = {"me": 0, "ann": 0, "bob": 0, "cy": 1}
    >>> print(reconnect(G, ties, "me", k=2, communities=groups)["reason"].iloc[0])
    ... # doctest: +NORMALIZE_WHITESPACE
    You last spoke to cy 14 months ago (usually every 2 months). cy is your only tie into
    community 1; cy knows none of your other contacts; cy was one of your closer ties
    (40 interactions).
    """
    U = _undirected(G, weight)
    _check_person(U, person)
    k = _check_k(k)
    everyone = _person_ties(ties, person)
    if everyone.empty or k == 0:
        return _empty(_DTYPES)
    table, today = _overdue(
        everyone, ties, today, dormant_after, default_interval_days, min_gap_days
    )
    if table.empty:
        return _empty(_DTYPES)
    table = _tie_value(U, person, table, everyone, communities, shared_contacts, by, weight)
    shown = _this_week(table, today, k)
    names = _names(U, [person, *shown.index])
    shown = shown.assign(
        person=list(shown.index),
        reason=[
            _reason(names[c], r, by) for c, r in zip(shown.index, shown.itertuples(), strict=True)
        ],
    )
    out = shown.reset_index(drop=True)[list(_DTYPES)]
    return out.astype({c: t for c, t in _DTYPES.items() if t is not object})


def _overdue(
    table: pd.DataFrame,
    ties: pd.DataFrame,
    today: Any,
    dormant_after: float | pd.Timedelta | None,
    default_interval_days: float,
    min_gap_days: float,
) -> tuple[pd.DataFrame, pd.Timestamp]:
    """The person's ties overdue for contact, with how overdue they are; and `today`.

    Eligibility is judged at the data's date, so the list a rotation walks through stays the
    same from week to week.
    """
    data_date = pd.Timestamp(pd.to_datetime(ties["last_contact"], errors="coerce").max())
    if today is None:
        today = data_date if pd.notna(data_date) else pd.Timestamp.today().normalize()
    today = timestamp(today, "today")
    as_of = min(today, data_date) if pd.notna(data_date) else today

    day = pd.Timedelta(days=1)
    last = table["last_contact"]
    since = ((today - last) / day).to_numpy(float)
    since_then = ((as_of - last) / day).to_numpy(float)
    usual = table["usual_interval_days"].to_numpy(float)
    assumed = ~(np.isfinite(usual) & (usual > 0))
    usual = np.where(assumed, default_interval_days, usual)
    if dormant_after is None:
        eligible = (since_then > usual) & (since_then >= min_gap_days)
    else:
        limit = (
            dormant_after / day if isinstance(dormant_after, pd.Timedelta) else float(dormant_after)
        )
        eligible = since_then >= limit
    table = table.assign(
        days_since=since,
        usual_interval_days=usual,
        cadence_assumed=assumed,
        overdue_days=since - usual,
        overdue_factor=np.log2(1 + np.clip(since_then, 0, None) / usual),
    )[eligible & np.isfinite(since)]
    return table, today


def _tie_value(
    U: nx.Graph,
    person: Hashable,
    table: pd.DataFrame,
    everyone: pd.DataFrame,
    communities: Any,
    shared_contacts: pd.Series | None,
    by: str | None,
    weight: str | None,
) -> pd.DataFrame:
    """Add each tie's value (bridge into another group, non-redundancy, once strong) and score."""
    contacts = _contacts(U, person)
    n_contacts = len(contacts)
    labels = _labels(U, [person, *contacts, *table.index], communities, by, weight)
    own = labels.get(person)
    per_group = labels.reindex(contacts).value_counts()
    group = labels.reindex(table.index)
    n_into = per_group.reindex(group.to_numpy()).fillna(0).to_numpy()
    other = group.notna().to_numpy() & (group.to_numpy() != own if pd.notna(own) else True)
    bridge = np.where(other, 1 / np.maximum(n_into, 1), 0.0)

    if shared_contacts is None:
        edges = _edge_frame(U, [c for c in table.index if c in U], None)
        in_network = edges["dst"].isin(set(contacts)) & (edges["dst"] != person)
        shared_contacts = edges[in_network].groupby("src").size()
    shared = shared_contacts.reindex(table.index).fillna(0).astype(float)
    is_contact = np.array([c in U.adj[person] for c in table.index])
    others = n_contacts - is_contact.astype(int)
    overlap = np.where(others > 0, shared.to_numpy() / np.maximum(others, 1), 0.0)

    strong = np.zeros(len(table))
    if "n_interactions" in everyone.columns:
        rank = everyone["n_interactions"].rank(pct=True, method="max")
        rank = rank.where(everyone["n_interactions"] > 0, 0.0)
        strong = np.maximum(strong, rank.reindex(table.index).fillna(0).to_numpy())
    for column in ("closeness", "strength"):
        if column in table.columns:
            values = pd.to_numeric(table[column], errors="coerce").fillna(0).to_numpy(float)
            strong = np.maximum(strong, np.clip(values, 0, 1))

    table = table.assign(
        bridge=bridge,
        overlap=overlap,
        once_strong=strong,
        community=group.to_numpy(),
        ties_into=n_into,
        shared_contacts=shared.to_numpy(),
        other_contacts=others,
    )
    table["value"] = 1 + table["bridge"] + (1 - table["overlap"]) + table["once_strong"]
    table["score"] = table["value"] * table["overdue_factor"]
    return table


def _this_week(table: pd.DataFrame, today: pd.Timestamp, k: int) -> pd.DataFrame:
    """The rotation: each calendar week the next k of the ranking, round again once every
    eligible tie has been shown (counted from the calendar, not from the data's date, so that
    data refreshed every week still moves on)."""
    table["_key"] = [str(c) for c in table.index]
    table = table.sort_values(["score", "_key"], ascending=[False, True], kind="stable")
    slices = math.ceil(len(table) / k)
    week = (today.normalize() - _FIRST_MONDAY).days // 7
    start = (week % slices) * k
    return table.iloc[start : start + k]


def _person_ties(ties: pd.DataFrame, person: Hashable) -> pd.DataFrame:
    """The person's rows of the tie table, indexed by contact (latest contact kept)."""
    if "last_contact" not in ties.columns:
        raise InputError(
            "the tie table has no 'last_contact' column",
            file="ties",
            column="last_contact",
            fix="Pass the tie table of netgraph.tie_strength (net.ties).",
        )
    if {"source", "target"} <= set(ties.columns):
        table = ties.reset_index(drop=True)
    else:
        table = ties.reset_index()
        if not {"source", "target"} <= set(table.columns):
            table = table.rename(columns={table.columns[0]: "source", table.columns[1]: "target"})
    mine = _graph.is_person(table["source"], person) | _graph.is_person(table["target"], person)
    table = table[mine]
    outward = _graph.is_person(table["source"], person)
    ends = [_graph.labels(table[c]).to_numpy() for c in ("source", "target")]
    contact = np.where(outward, ends[1], ends[0])
    table = table.assign(
        last_contact=pd.to_datetime(table["last_contact"], errors="coerce").astype("datetime64[us]")
    )
    if "usual_interval_days" not in table.columns:
        table = table.assign(usual_interval_days=np.nan)
    table.index = pd.Index(contact, dtype=object, name="contact", tupleize_cols=False)
    table = table[~_graph.is_person(table.index, person)]
    table = table.sort_values("last_contact", na_position="first")
    table = table[~table.index.duplicated(keep="last")]
    return table[table["last_contact"].notna()].drop(columns=["source", "target"])


def _span(days: float) -> str:
    """A duration in words: '5 days', '3 weeks', '14 months', '2.5 years'."""
    if days < 1.5:
        return "1 day"
    if days < 14:
        return f"{round(days)} days"
    if days < 60:
        return f"{round(days / 7)} weeks"
    if days < 730:
        return f"{round(days / 30.44)} months"
    return f"{days / 365.25:.1f} years"


def _reason(name: str, r: Any, by: str | None) -> str:
    every = "day" if r.usual_interval_days < 1.5 else _span(r.usual_interval_days)
    usually = (
        f"no usual rhythm yet, {every} assumed" if r.cadence_assumed else f"usually every {every}"
    )
    text = f"You last spoke to {name} {_span(r.days_since)} ago ({usually})."
    parts = []
    if r.bridge > 0:
        where = _group_text(r.community, by)
        if r.ties_into <= 1:
            parts.append(f"{name} is your only tie into {where}")
        else:
            parts.append(f"{name} is one of {int(r.ties_into)} ties you have into {where}")
    if r.other_contacts > 0:
        if r.shared_contacts == 0:
            parts.append(f"{name} knows none of your other contacts")
        else:
            parts.append(
                f"{name} knows {int(r.shared_contacts)} of your {int(r.other_contacts)} other "
                "contacts"
            )
    if r.once_strong >= 0.5:
        detail = ""
        if hasattr(r, "n_interactions") and pd.notna(r.n_interactions) and r.n_interactions > 0:
            detail = f" ({_count(int(r.n_interactions), 'interaction')})"
        parts.append(f"{name} was one of your closer ties{detail}")
    if parts:
        text += " " + "; ".join(parts) + "."
    return text
