"""Private helpers on unordered pairs of people, shared by the network's modules.

Used by :mod:`netgraph.network`, :mod:`netgraph._build`, :mod:`netgraph.merge` and
:mod:`netgraph._compare`: one rule for the key of an undirected tie (the smaller id first).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["pair_index", "pair_key", "sorted_ends"]


def pair_key(a: np.ndarray, b: np.ndarray, n: int) -> np.ndarray:
    """An integer key for each unordered pair of people positions below ``n``."""
    return np.minimum(a, b) * n + np.maximum(a, b)


def pair_index(source: pd.Series, target: pd.Series) -> pd.MultiIndex:
    """The unordered-pair key (smaller id first, ids compared as text) used by the tie table.

    The ids are kept as they are (0 stays 0); only their order is decided on their text.
    """
    s = np.asarray(source, dtype=object)
    t = np.asarray(target, dtype=object)
    swap = _text(s) > _text(t)
    lo = np.where(swap, t, s)
    hi = np.where(swap, s, t)
    return pd.MultiIndex.from_arrays([lo, hi], names=["source", "target"])


def _text(ids: np.ndarray) -> np.ndarray:
    """Ids as text, for ordering (a tuple id reads as its repr)."""
    try:
        return ids.astype(str)
    except ValueError:  # tuples: numpy reads them as sequences
        return np.array([str(v) for v in ids], dtype=str)


def sorted_ends(ties: pd.DataFrame) -> pd.DataFrame:
    """Undirected ties with the smaller id as the source, so that (a, b) and (b, a) match."""
    pairs = pair_index(ties["source"], ties["target"])
    return ties.assign(
        source=pairs.get_level_values(0).to_numpy(), target=pairs.get_level_values(1).to_numpy()
    )
