"""Gratitude: favours received that were never followed by a thanks.

Reciprocity keeps a network alive: people who help and are thanked help again, and a favour
left unacknowledged quietly spends goodwill [1]_. The interaction log already records the
favours (``kind`` ``"give"`` from a contact to you, an ``"introduction"`` someone made for you)
and, once you log them, the thanks (``kind`` ``"thanks"``); this lists each favour with no
thanks to its giver on or after its date.

References
----------
.. [1] Grant, Adam M., and Francesca Gino. "A Little Thanks Goes a Long Way: Explaining Why
   Gratitude Expressions Motivate Prosocial Behavior." *Journal of Personality and Social
   Psychology* 98, no. 6 (2010): 946-955.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from netgraph._dates import timestamp
from netgraph.errors import InputError
from netgraph.recommend._common import kinds, text

__all__ = ["thanks_owed"]

#: Interaction kinds from a contact to you that are favours (matched case-insensitively).
FAVOUR_KINDS = (
    "give",
    "introduction",
    "intro",
    "referral",
    "recommendation",
    "endorsement",
    "favour",
    "favor",
    "help",
)
#: Interaction kinds from you to a contact that thank them.
THANKS_KINDS = ("thanks", "thank", "thank you", "thank-you", "thankyou")
#: Columns that may name the person who introduced you (on an interaction with someone new).
VIA_COLUMNS = ("via", "introduced_by")
_NOTE_COLUMNS = ("note", "notes", "subject")
#: How each favour kind reads in a sentence.
_WHAT = {
    "give": "helped you",
    "introduction": "made an introduction for you",
    "intro": "made an introduction for you",
    "referral": "referred you",
    "recommendation": "recommended you",
    "endorsement": "endorsed you",
}

_DTYPES = {
    "person": object,
    "name": object,
    "date": "datetime64[ns]",
    "favour": object,
    "days_ago": float,
    "reason": object,
}


def thanks_owed(
    interactions: pd.DataFrame | None,
    person: Hashable,
    *,
    names: Mapping | pd.Series | None = None,
    today: Any = None,
) -> pd.DataFrame:
    """List the favours `person` received and never thanked, newest first.

    A favour is an interaction from a contact to `person` of a kind in :data:`FAVOUR_KINDS`
    (a give, an introduction, a referral, a recommendation or endorsement), or an interaction
    between `person` and someone new whose ``via`` (or ``introduced_by``) column names the
    contact who introduced them. It is thanked when `person` later logs an interaction of a
    kind in :data:`THANKS_KINDS` ("thanks") to the giver, on or after the favour's date; one
    thanks covers every earlier favour from that giver.

    Parameters
    ----------
    interactions : DataFrame or None
        The log: ``source``, ``target``, ``date``, ``kind`` and optionally ``note`` and ``via``.
    person : node
        Whose debts of gratitude.
    names : mapping or Series, optional
        Display names by id.
    today : date-like, optional
        For ``days_ago``; None means the latest interaction.

    Returns
    -------
    DataFrame
        One row per favour: ``person`` (the giver), ``name``, ``date``, ``favour`` (what it
        was, with the note when there is one), ``days_ago`` and ``reason``.

    Examples
    --------
    >>> log = pd.DataFrame({"source": ["ann", "me", "bob"], "target": ["me", "ann", "me"],
    ...                     "date": pd.to_datetime(["2024-01-02", "2024-01-03", "2024-02-01"]),
    ...                     "kind": ["give", "thanks", "introduction"]})
    >>> print(thanks_owed(log, "me")[["person", "favour"]].to_string(index=False))
    person                       favour
       bob made an introduction for you
    """
    if interactions is None or len(interactions) == 0:
        return _empty()
    for column in ("source", "target"):
        if column not in interactions.columns:
            raise InputError(
                f"the interactions have no {column!r} column", file="interactions", column=column
            )
    if "kind" not in interactions.columns and not any(
        c in interactions.columns for c in VIA_COLUMNS
    ):
        return _empty()
    log = interactions.reset_index(drop=True)
    source = pd.Series(text(log["source"]), index=log.index)
    target = pd.Series(text(log["target"]), index=log.index)
    me = str(person)
    kind = pd.Series(kinds(log), index=log.index)
    dates = (
        pd.to_datetime(log["date"], errors="coerce")
        if "date" in log.columns
        else pd.Series(pd.NaT, index=log.index)
    )
    note = _notes(log)

    favours = []  # (giver as given, giver as text, date, what)
    given = (target == me) & (source != me) & kind.isin(FAVOUR_KINDS).fillna(False)
    for i in np.flatnonzero(given.to_numpy(bool)):
        what = _WHAT.get(str(kind.iloc[i]), f"did you a favour ({kind.iloc[i]})")
        what += f": {note[i]}" if note[i] else ""
        favours.append((log["source"].iloc[i], source.iloc[i], dates.iloc[i], what))
    for column in VIA_COLUMNS:
        if column not in log.columns:
            continue
        via = log[column].astype("string").str.strip()
        mine = ((source == me) | (target == me)) & via.notna() & (via != "") & (via != me)
        for i in np.flatnonzero(mine.fillna(False).to_numpy(bool)):
            other = log["target"].iloc[i] if source.iloc[i] == me else log["source"].iloc[i]
            who = _name_of(names, other)
            favours.append(
                (str(via.iloc[i]), str(via.iloc[i]), dates.iloc[i], f"introduced you to {who}")
            )
    if not favours:
        return _empty()
    table = pd.DataFrame(favours, columns=["person", "_key", "date", "favour"])
    # one row per favour: an introduction logged as a kind and by via counts once
    table = table.sort_values(["_key", "date", "favour"], kind="stable")
    table = table.drop_duplicates(["_key", "date"], keep="last")

    thanked = ((source == me) & kind.isin(THANKS_KINDS).fillna(False)).to_numpy(bool)
    last_thanks = pd.Series(dates.to_numpy()[thanked]).groupby(target.to_numpy()[thanked]).max()
    latest = last_thanks.reindex(table["_key"]).to_numpy()
    covered = pd.notna(latest) & (
        table["date"].isna().to_numpy() | (latest >= table["date"].to_numpy())
    )
    table = table[~covered]
    if table.empty:
        return _empty()
    if today is None:
        today = dates.max()
        today = pd.Timestamp(today) if pd.notna(today) else pd.NaT
    else:
        today = timestamp(today, "today")  # the one date rule (netgraph._dates)
    table["days_ago"] = (today - table["date"]).dt.days.astype(float)
    table["name"] = [_name_of(names, p) for p in table["person"]]
    table["reason"] = [_reason(r) for r in table.itertuples(index=False)]
    table = table.sort_values(
        ["date", "_key", "favour"], ascending=[False, True, True], na_position="last"
    )
    return table.reset_index(drop=True)[list(_DTYPES)].astype({"days_ago": float})


def _name_of(names: Mapping | pd.Series | None, person: Hashable) -> str:
    """A display name, or the id."""
    if names is None:
        return str(person)
    value = names.get(person) if hasattr(names, "get") else None
    return str(value) if isinstance(value, str) and value.strip() else str(person)


def _notes(log: pd.DataFrame) -> list[str]:
    for column in _NOTE_COLUMNS:
        if column in log.columns:
            values = log[column].astype("string").str.strip().fillna("")
            return values.tolist()
    return [""] * len(log)


def _reason(r) -> str:
    when = f" on {r.date:%Y-%m-%d}" if pd.notna(r.date) else ""
    ago = f" ({r.days_ago:.0f} days ago)" if pd.notna(r.days_ago) else ""
    return (
        f"{r.name} {r.favour}{when}{ago}, and no thanks is logged since: "
        f"thank {r.name} (and log it with kind 'thanks')."
    )


def _empty() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in _DTYPES.items()})
