"""Comparing two networks' tables loosely: the rule behind :meth:`netgraph.Network.equals`."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

from netgraph._pairs import sorted_ends
from netgraph.io.record import NetworkTables

__all__ = ["same_frame", "same_tables"]


def same_tables(a: NetworkTables, b: NetworkTables) -> bool:
    """Whether two networks hold the same people, ties, interactions, ego and direction.

    Column order and row order do not matter, nor, in an undirected network, which end of a
    tie is its source; dtypes are compared loosely (an exported and re-read network equals
    the original).
    """
    if (a.ego, a.directed) != (b.ego, b.directed):
        return False
    ties, other_ties = a.ties, b.ties
    if not a.directed:
        ties, other_ties = sorted_ends(ties), sorted_ends(other_ties)
    return (
        same_frame(a.people, b.people, sort_index=True)
        and same_frame(ties, other_ties, by=["source", "target"])
        and same_frame(a.interactions, b.interactions, by=list(a.interactions.columns))
    )


def same_frame(
    a: pd.DataFrame, b: pd.DataFrame, *, sort_index: bool = False, by: Iterable[str] = ()
) -> bool:
    """Whether two frames hold the same columns and values, numbers within ``np.allclose``.

    ``sort_index`` compares the index as text after sorting; ``by`` sorts the rows by those
    columns first, so that row order does not matter.
    """
    if set(a.columns) != set(b.columns) or len(a) != len(b):
        return False
    b = b[list(a.columns)]
    if sort_index:
        a, b = a.sort_index(), b.sort_index()
        if not a.index.astype(str).equals(b.index.astype(str)):
            return False
    by = [c for c in by if c in a.columns]
    if by:
        a = a.astype(object).sort_values(by, kind="stable", ignore_index=True)
        b = b.astype(object).sort_values(by, kind="stable", ignore_index=True)
    for column in a.columns:
        x, y = a[column], b[column]
        if pd.api.types.is_numeric_dtype(x) and pd.api.types.is_numeric_dtype(y):
            if not np.allclose(x.to_numpy(float), y.to_numpy(float), equal_nan=True):
                return False
            continue
        xs = x.astype(object).where(x.notna(), None).map(_canonical)
        ys = y.astype(object).where(y.notna(), None).map(_canonical)
        if list(xs) != list(ys):
            return False
    return True


def _canonical(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, pd.Timestamp | np.datetime64):
        return pd.Timestamp(value).isoformat()
    return str(value)
