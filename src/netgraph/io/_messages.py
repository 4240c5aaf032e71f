"""The wording of the readers' messages: warnings attributed to the caller, counts, row lists.

Shared by the modules of :mod:`netgraph.io` (and :mod:`netgraph.datasets`), so that every
warning and error names rows and counts things the same way.
"""

from __future__ import annotations

import sys
import warnings
from typing import Any

import numpy as np
import pandas as pd

from netgraph.errors import NetgraphWarning


def warn(message: str) -> None:
    """Warn with a NetgraphWarning attributed to the first caller outside netgraph."""
    frame, level = sys._getframe(1), 2
    while frame is not None and frame.f_globals.get("__name__", "").startswith("netgraph."):
        frame, level = frame.f_back, level + 1
    warnings.warn(message, NetgraphWarning, stacklevel=level)


def article(noun: str) -> str:
    return "an" if noun[:1] in "aeiou" else "a"


def plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def row_word(df: pd.DataFrame) -> str:
    return "line" if df.index.name == "line" else "row"


def describe_rows(df: pd.DataFrame, mask: np.ndarray, *, limit: int = 5) -> str:
    """'line 3', 'lines 3, 7 and 9' or 'lines 3, 7, 9, 12, 15, ...' for the masked rows."""
    labels = [str(row_label(x)) for x in df.index[np.flatnonzero(mask)[: limit + 1]]]
    word = row_word(df)
    if len(labels) == 1:
        return f"{word} {labels[0]}"
    if len(labels) > limit:
        return f"{word}s {', '.join(labels[:limit])}, ..."
    return f"{word}s {', '.join(labels[:-1])} and {labels[-1]}"


def row_label(value: Any) -> int | str:
    """A row label as ``int`` when it is an integer, else as text."""
    if isinstance(value, int | np.integer) and not isinstance(value, bool):
        return int(value)
    return str(value)


def short_repr(value: Any, limit: int = 60) -> str:
    text = repr(value) if isinstance(value, str) else repr(str(value))
    return text if len(text) <= limit else text[: limit - 4] + "...'"


def same_value(a: Any, b: Any) -> bool:
    return (pd.isna(a) and pd.isna(b)) if (_scalar_na(a) or _scalar_na(b)) else bool(a == b)


def _scalar_na(value: Any) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def all_blank(values: pd.Series) -> bool:
    return bool(values.isna().all() or (values.dropna().str.strip() == "").all())
