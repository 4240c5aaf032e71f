r"""The give-and-ask ledger: is each relationship in balance?

Networking advice has long held that relationships run on deposits and withdrawals, and that
one should give several times for each ask (a common rule of thumb is seven to one). The
ledger counts the gives and asks recorded in the interaction log (``kind`` ``"give"`` or
``"ask"``) per relationship and flags the ones that lean on one side, and connectors asked too
often, whose goodwill an introduction would spend [1]_.

References
----------
.. [1] Burt, Ronald S. *Brokerage and Closure: An Introduction to Social Capital.* Oxford:
   Oxford University Press, 2005.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from netgraph import _graph
from netgraph._dates import timestamp
from netgraph.errors import InputError
from netgraph.recommend._common import kinds

__all__ = ["ledger"]

#: Asks of one person within the window above which they are asked too often.
ASKED_OFTEN = 3
#: Asks from which a relationship can be one-sided.
ONE_SIDED_ASKS = 3
#: A side that asked at least this many times more than it gave back is one-sided.
ONE_SIDED_RATIO = 3

_COUNTS = ["gives_to", "asks_of", "gives_from", "asks_from"]
_DTYPES = {
    "gives_to": np.int64,
    "asks_of": np.int64,
    "gives_from": np.int64,
    "asks_from": np.int64,
    "interactions": np.int64,
    "balance": float,
    "balance_from": float,
    "recent_asks_of": np.int64,
    "recent_asks_from": np.int64,
    "one_sided": bool,
    "asked_too_often": bool,
    "reason": object,
}


def ledger(
    interactions: pd.DataFrame | None,
    person: Hashable | None = None,
    *,
    ratio: float = 7,
    names: Mapping | pd.Series | pd.DataFrame | None = None,
    asked_often: int | None = None,
    today: Any = None,
    window_days: float = 90,
    one_sided_asks: int = ONE_SIDED_ASKS,
) -> pd.DataFrame:
    r"""Count gives and asks per relationship and flag the ones out of balance.

    From the point of view of the person (or, for every pair, of the one whose id sorts
    first), ``gives_to`` and ``asks_of`` count her gives to and asks of the contact, and
    ``gives_from`` and ``asks_from`` the contact's gives to and asks of her. The balance
    weighs each ask as `ratio` gives, the rule of thumb of `ratio` deposits per withdrawal:

    .. math::

        \text{balance} = \text{gives\_to} - r \cdot \text{asks\_of}, \qquad
        \text{balance\_from} = \text{gives\_from} - r \cdot \text{asks\_from} .

    A balance of 0 or more keeps to the rule. ``one_sided`` flags a relationship where one
    side asked at least `one_sided_asks` times (default 3) and at least three times as often
    as it gave back (asking three times and giving nothing is one case; asking nine times and
    giving six is a busy relationship, not a one-sided one). ``asked_too_often`` flags a
    contact the person asked more than `asked_often` times (default 3) in the `window_days`
    (default 90) days up to `today` (without a person: either side of the pair).

    Parameters
    ----------
    interactions : pandas.DataFrame or None
        The log: ``source`` (who initiated: the giver of a give, the asker of an ask),
        ``target``, and optionally ``kind`` and ``date``. Kinds are matched
        case-insensitively; other kinds count only in ``interactions``. Without ``date``
        nothing is recent.
    person : node, optional
        Whose relationships; None for every pair.
    ratio : float, default 7
        Gives expected per ask.
    names : mapping, Series or DataFrame, optional
        Display names by id (a people table with a ``name`` column will do), for the reasons.
    asked_often : int, optional
        Asks in the window above which a contact is asked too often; default 3.
    today : date-like, optional
        The end of the window; None means the latest interaction date.
    window_days : float, default 90
        The length of the window, in days.
    one_sided_asks : int, default 3
        Asks from which a relationship can be one-sided.

    Returns
    -------
    pandas.DataFrame
        With a person: indexed by ``contact``; otherwise by ``(source, target)`` with
        ``source`` sorting before ``target``. Columns ``gives_to``, ``asks_of``,
        ``gives_from``, ``asks_from``, ``interactions`` (all kinds), ``balance``,
        ``balance_from``, ``recent_asks_of``, ``recent_asks_from`` (in the window),
        ``one_sided``, ``asked_too_often`` and ``reason``. Sorted by balance, most
        overdrawn first, then by id.

    Raises
    ------
    InputError
        If `interactions` lacks ``source`` or ``target``.

    References
    ----------
    .. [1] Burt, Ronald S. *Brokerage and Closure: An Introduction to Social Capital.*
       Oxford: Oxford University Press, 2005.

    Examples
    --------
    >>> log = pd.DataFrame({
    ...     "source": ["me", "me", "me", "bo", "me"],
    ...     "target": ["bo", "bo", "bo", "me", "cy"],
    ...     "kind": ["ask", "ask", "ask", "give", "give"],
    ...     "date": pd.to_datetime(["2025-01-05", "2025-02-01", "2025-03-01", "2025-03-02",
    ...                             "2025-03-03"]),
    ... })
    >>> book = ledger(log, "me", names={"bo": "Bo Diaz"})
    >>> columns = ["gives_to", "asks_of", "gives_from", "balance", "one_sided"]
    >>> print(book[columns])  # doctest: +NORMALIZE_WHITESPACE
             gives_to  asks_of  gives_from  balance  one_sided
    contact
    bo              0        3           1    -21.0       True
    cy              1        0           0      1.0      False
    >>> print(book.loc["bo", "reason"])  # doctest: +NORMALIZE_WHITESPACE
    You asked Bo Diaz 3 times and gave nothing back: the 7-to-1 rule of thumb asks for
    about 21 gives. Bo Diaz gave you 1 time.
    """
    if interactions is None:
        interactions = pd.DataFrame(columns=["source", "target"])
    missing = [c for c in ("source", "target") if c not in interactions.columns]
    if missing:
        raise InputError(
            f"the interactions table has no {missing[0]!r} column",
            file="interactions",
            column=missing[0],
            fix="Give the interactions 'source' and 'target' columns (and 'kind', 'date').",
        )
    limit = ASKED_OFTEN if asked_often is None else int(asked_often)
    log = interactions.dropna(subset=["source", "target"])
    log = log[(log["source"] != log["target"]).to_numpy(bool)]
    source, target = log["source"].to_numpy(object), log["target"].to_numpy(object)
    kind = kinds(log)
    dates = (
        pd.to_datetime(log["date"], errors="coerce")
        if "date" in log.columns
        else pd.Series(pd.NaT, index=log.index, dtype="datetime64[us]")
    )
    if today is None:  # the latest interaction date, as netgraph.strength.reference_date
        end = dates.max() if dates.notna().any() else pd.Timestamp.today().normalize()
    else:
        end = timestamp(today, "today")
    recent = ((dates <= end) & (dates > end - pd.Timedelta(days=window_days))).to_numpy(bool)

    if person is not None:
        mine = _graph.is_person(source, person) | _graph.is_person(target, person)
        outward = _graph.is_person(source[mine], person)  # the person initiated
        keys = {"contact": np.where(outward, target[mine], source[mine])}
        kind, recent = kind[mine], recent[mine]
    else:
        outward = source.astype(str) <= target.astype(str)
        keys = {
            "source": np.where(outward, source, target),
            "target": np.where(outward, target, source),
        }
    give, ask = kind == "give", kind == "ask"
    flags = pd.DataFrame(
        {
            **keys,
            "gives_to": give & outward,
            "asks_of": ask & outward,
            "gives_from": give & ~outward,
            "asks_from": ask & ~outward,
            "interactions": np.ones(len(outward), dtype=np.int64),
            "recent_asks_of": ask & outward & recent,
            "recent_asks_from": ask & ~outward & recent,
        }
    )
    book = flags.groupby(list(keys), sort=False).sum().astype(np.int64)
    book["balance"] = book["gives_to"] - ratio * book["asks_of"]
    book["balance_from"] = book["gives_from"] - ratio * book["asks_from"]
    far = ONE_SIDED_RATIO
    takes = (book["asks_of"] >= one_sided_asks) & (book["asks_of"] >= far * book["gives_to"])
    taken = (book["asks_from"] >= one_sided_asks) & (book["asks_from"] >= far * book["gives_from"])
    book["one_sided"] = takes | taken
    often = book["recent_asks_of"] > limit
    if person is None:
        often = often | (book["recent_asks_from"] > limit)
    book["asked_too_often"] = often

    label = _namer(names)
    if person is None:
        book["reason"] = [
            _pair_reason(label(a), label(b), r, ratio, limit, window_days)
            for (a, b), r in zip(book.index, book.itertuples(index=False), strict=True)
        ]
    else:
        book["reason"] = [
            _reason(label(c), r, ratio, limit, window_days)
            for c, r in zip(book.index, book.itertuples(index=False), strict=True)
        ]
    book = book.assign(_key=[str(x) for x in book.index])
    book = book.sort_values(["balance", "_key"], kind="stable").drop(columns="_key")
    out = book[list(_DTYPES)]
    if out.empty:  # keep the documented index and dtypes
        index = (
            pd.Index([], dtype=object, name="contact")
            if person is not None
            else pd.MultiIndex.from_arrays([[], []], names=["source", "target"])
        )
        out = pd.DataFrame({c: pd.Series(dtype=t) for c, t in _DTYPES.items()}).set_axis(index)
    return out.astype({c: t for c, t in _DTYPES.items() if t is not object})


def _namer(names: Mapping | pd.Series | pd.DataFrame | None):
    if isinstance(names, pd.DataFrame):
        names = names["name"] if "name" in names.columns else None
    if isinstance(names, pd.Series):
        names = names.dropna().to_dict()
    names = dict(names or {})

    def label(x: Hashable) -> str:
        name = names.get(x)
        return name.strip() if isinstance(name, str) and name.strip() else str(x)

    return label


def _times(n: int) -> str:
    return f"{n} time" if n == 1 else f"{n} times"


def _side(who: str, whom: str, gives: int, asks: int, ratio: float) -> str:
    """One side of a relationship in words, e.g. 'You asked Bo 3 times and gave ...'."""
    if asks == 0:
        return f"{who} gave {whom} {_times(gives)} and asked nothing." if gives else ""
    gave = "gave nothing back" if gives == 0 else f"gave {_times(gives)}"
    needed = ratio * asks
    verdict = (
        f"the {ratio:g}-to-1 rule of thumb asks for about {needed:g} gives"
        if gives < needed
        else f"that keeps to the {ratio:g}-to-1 rule of thumb"
    )
    return f"{who} asked {whom} {_times(asks)} and {gave}: {verdict}."


def _reason(name: str, r: Any, ratio: float, limit: int, window: float) -> str:
    if r.gives_to + r.asks_of + r.gives_from + r.asks_from == 0:
        return f"No gives or asks recorded with {name} ({_times(r.interactions)} in touch)."
    parts = [_side("You", name, r.gives_to, r.asks_of, ratio)]
    if r.asks_from:
        parts.append(_side(name, "you", r.gives_from, r.asks_from, ratio))
    elif r.gives_from:
        parts.append(f"{name} gave you {_times(r.gives_from)}.")
    if r.asked_too_often:
        parts.append(
            f"You asked {name} {_times(r.recent_asks_of)} in the last {window:g} days "
            f"(more than {limit}): give before asking again."
        )
    return " ".join(p for p in parts if p)


def _pair_reason(a: str, b: str, r: Any, ratio: float, limit: int, window: float) -> str:
    if r.gives_to + r.asks_of + r.gives_from + r.asks_from == 0:
        return f"No gives or asks recorded between {a} and {b}."
    parts = [
        _side(a, b, r.gives_to, r.asks_of, ratio),
        _side(b, a, r.gives_from, r.asks_from, ratio),
    ]
    for who, whom, n in ((a, b, r.recent_asks_of), (b, a, r.recent_asks_from)):
        if n > limit:
            parts.append(f"{who} asked {whom} {_times(n)} in the last {window:g} days.")
    return " ".join(p for p in parts if p)
