"""The one rule for a date given as an argument, such as ``today=`` (private, shared).

A date argument is anything :class:`pandas.Timestamp` reads (a Timestamp, a datetime or date,
an ISO string such as ``"2024-06-30"``, a numpy datetime64). The result is tz-naive: a
tz-aware value is converted to UTC first. Anything else, and a missing value (None where a
date is required, NaT), is an :class:`~netgraph.InputError` naming the argument. Dates inside
tables (interaction logs, ties files) are parsed by :mod:`netgraph.io`, which names the file,
row and column.
"""

from __future__ import annotations

import pandas as pd

from netgraph.errors import InputError

__all__ = ["timestamp"]


def timestamp(value: object, name: str = "today") -> pd.Timestamp:
    """Return the date argument `name` as a tz-naive Timestamp (tz-aware: converted to UTC).

    Examples
    --------
    >>> timestamp("2024-06-30T12:00+02:00")
    Timestamp('2024-06-30 10:00:00')
    >>> timestamp("31/02/2021")
    Traceback (most recent call last):
    ...
    netgraph.errors.InputError: today='31/02/2021' is not a date. Pass a date such as '2024-06-30'.
    """
    fix = "Pass a date such as '2024-06-30'."
    try:
        ts = pd.Timestamp(value)
    except (TypeError, ValueError, OverflowError) as err:
        raise InputError(f"{name}={value!r} is not a date", fix=fix) from err
    if pd.isna(ts):
        raise InputError(f"{name}={value!r} is not a date", fix=fix)
    return ts.tz_convert(None) if ts.tz is not None else ts
