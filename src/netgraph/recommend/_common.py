"""Steps shared by the recommendations (private): checks, reading ties, groups, ranking.

Every recommendation reads its graph through :func:`undirected` (the one undirected rule of
:mod:`netgraph._graph`), tie strengths through :func:`edge_frame` and :func:`own_strengths`
(the weight rule, then clipped to [0, 1]), groups through :func:`group_labels` (the one
resolver of ``by=`` and ``communities=``) and dates through :func:`netgraph._dates.timestamp`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from netgraph import _graph
from netgraph._dates import timestamp
from netgraph.errors import InputError, UnknownPersonError

__all__ = [
    "check_k",
    "check_person",
    "contacts_of",
    "count",
    "edge_frame",
    "empty",
    "finish",
    "greedy",
    "group_labels",
    "group_text",
    "kinds",
    "names",
    "new_tie_strength",
    "own_strengths",
    "recent_asks",
    "sort_by_score",
    "text",
    "tie_evidence",
    "undirected",
]

#: Quantile of the person's own tie strengths assumed for a tie that does not exist yet.
NEW_TIE_QUANTILE = 0.25


# --------------------------------------------------------------------------- checks


def undirected(G: nx.Graph, weight: str | None) -> nx.Graph:
    """`G` read as undirected by the one rule of :mod:`netgraph._graph` (largest weight)."""
    return _graph.undirected(G, weight)


def check_person(G: nx.Graph, person: Hashable) -> None:
    """Raise UnknownPersonError unless `person` is a node of `G`."""
    try:
        found = person in G
    except TypeError:  # unhashable
        found = False
    if not found:
        raise UnknownPersonError(_graph.plain(person))


def check_k(k: int, name: str = "k") -> int:
    """`k` as a non-negative int, or an InputError naming the argument."""
    if isinstance(k, bool) or not isinstance(k, int | np.integer) or k < 0:
        raise InputError(f"{name} must be a non-negative whole number, not {k!r}", column=name)
    return int(k)


def contacts_of(G: nx.Graph, person: Hashable) -> list:
    """The person's contacts, in adjacency order, without herself."""
    return [v for v in G.adj[person] if v != person]


# --------------------------------------------------------------------------- tie strengths


def edge_frame(G: nx.Graph, sources: Iterable[Hashable], weight: str | None) -> pd.DataFrame:
    """One row (src, dst, w) per tie of each source, self-loops dropped; w clipped to [0, 1]."""
    src, dst, raw = [], [], []
    adj = G.adj
    for u in sources:
        nbrs = adj[u]
        src.extend([u] * len(nbrs))
        dst.extend(nbrs)
        if weight is not None:
            raw.extend(d.get(weight, 1.0) for d in nbrs.values())
    if weight is None:
        w = np.ones(len(src))
    else:
        w = np.clip(_graph.weights(raw, weight, lambda k: (src[k], dst[k])), 0.0, 1.0)
    frame = pd.DataFrame(
        {"src": pd.Series(src, dtype=object), "dst": pd.Series(dst, dtype=object), "w": w}
    )
    keep = np.fromiter((u != v for u, v in zip(src, dst, strict=True)), bool, len(src))
    return frame[keep].reset_index(drop=True)


def own_strengths(
    G: nx.Graph, person: Hashable, contacts: list, weight: str | None, *, clip: bool = True
) -> pd.Series:
    """The person's tie strengths (clipped to [0, 1] unless `clip` is False), by contact."""
    if weight is None:
        values = np.ones(len(contacts))
    else:
        nbrs = G.adj[person]
        values = _graph.weights(
            [nbrs[c].get(weight, 1.0) for c in contacts], weight, lambda k: (person, contacts[k])
        )
        if clip:
            values = np.clip(values, 0.0, 1.0)
    return pd.Series(values, index=_graph.labels(contacts))


def new_tie_strength(own: pd.Series, given: float | None, weight: str | None) -> float:
    """Strength assumed for a tie that does not exist yet: given, or a low quantile of own."""
    if weight is None:
        return 1.0
    if given is not None:
        try:
            value = float(given)
        except (TypeError, ValueError):
            value = np.nan
        if not (np.isfinite(value) and value >= 0):
            raise InputError(
                f"new_tie_strength must be a non-negative number, not {given!r}",
                column="new_tie_strength",
            )
        return value
    if own.empty:
        return 0.5
    return float(np.quantile(own.to_numpy(float), NEW_TIE_QUANTILE))


# --------------------------------------------------------------------------- names and groups


def names(G: nx.Graph, nodes: Iterable[Hashable]) -> dict:
    """Display name of each node: its ``name`` attribute when present, else its id."""
    out = {}
    for node in nodes:
        if node in out:
            continue
        name = G.nodes[node].get("name") if node in G else None
        out[node] = name.strip() if isinstance(name, str) and name.strip() else str(node)
    return out


def group_labels(
    G: nx.Graph, nodes: list, communities: Any, by: str | None, weight: str | None
) -> pd.Series:
    """Group label of each node (object dtype, NaN when unknown), indexed by node.

    `by` (a node attribute) wins over `communities` (anything :func:`netgraph._graph.
    resolve_groups` takes); with neither, the communities of `G` are found.
    """
    source = by
    if by is None:
        source = communities
        if communities is None:
            from netgraph.analysis.communities import communities as find

            source = find(G, weight=weight, seed=0)
    group, _ = _graph.resolve_groups(G, source, nodes=nodes)
    group = group.astype(object)
    return group.where(group.notna(), np.nan).rename(None).rename_axis(None)


# --------------------------------------------------------------------------- asks


def recent_asks(
    interactions: pd.DataFrame | None, person: Hashable, today: Any, days: float
) -> pd.Series:
    """Date of the person's latest ask of each contact within `days` before `today`."""
    empty_asks = pd.Series(dtype="datetime64[us]")
    cols = {"source", "target", "date", "kind"}
    if interactions is None or not len(interactions) or not cols <= set(interactions.columns):
        if today is not None:
            timestamp(today, "today")  # a bad date is an error even with nothing to read
        return empty_asks
    from netgraph.strength import reference_date

    ref = timestamp(today, "today") if today is not None else reference_date(interactions)
    dates = pd.to_datetime(interactions["date"], errors="coerce")
    kind = interactions["kind"].astype("string").str.strip().str.lower()
    source = interactions["source"]
    mine = np.fromiter((x == person for x in source), bool, len(source))
    mask = (
        mine
        & (kind == "ask").fillna(False).to_numpy(bool)
        & (dates <= ref).to_numpy(bool)
        & (dates > ref - pd.Timedelta(days=days)).to_numpy(bool)
    )
    found = dates[mask].groupby(_graph.labels(interactions["target"][mask])).max()
    found.attrs["today"] = ref
    return found


# --------------------------------------------------------------------------- ranking


def sort_by_score(frame: pd.DataFrame, score: str, keys: list[str]) -> pd.DataFrame:
    """Sort by score (descending) then by the string form of the key columns."""
    tmp = frame.assign(**{f"__{c}": [str(x) for x in frame[c]] for c in keys})
    tmp = tmp.sort_values(
        [score, *(f"__{c}" for c in keys)], ascending=[False] + [True] * len(keys), kind="stable"
    )
    return tmp.drop(columns=[f"__{c}" for c in keys])


def greedy(
    frame: pd.DataFrame,
    *,
    k: int,
    caps: dict[str, int],
    unique: str | None = None,
) -> list[int]:
    """Positions of the first `k` rows, in order, with unique `unique` and capped values.

    ``caps`` maps columns to the most rows a value may appear in; the columns share one
    count (a person counts the same as ``a`` or as ``b``).
    """
    taken: set = set()
    counts: Counter = Counter()
    out: list[int] = []
    keys = frame[unique].tolist() if unique else [None] * len(frame)
    values = list(zip(*(frame[c].tolist() for c in caps), strict=True)) or [()] * len(frame)
    limits = list(caps.values())
    for pos, (key, row) in enumerate(zip(keys, values, strict=True)):
        if len(out) >= k:
            break
        if unique and key in taken:
            continue
        if any(counts[x] >= limit for x, limit in zip(row, limits, strict=True)):
            continue
        out.append(pos)
        taken.add(key)
        counts.update(row)
    return out


def finish(frame: pd.DataFrame, dtypes: dict) -> pd.DataFrame:
    """The columns of `dtypes`, in order and with their dtypes, on a fresh RangeIndex."""
    out = frame.reset_index(drop=True)[list(dtypes)]
    return out.astype({c: t for c, t in dtypes.items() if t is not object})


def empty(dtypes: dict) -> pd.DataFrame:
    """An empty result with the columns and dtypes of `dtypes`."""
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in dtypes.items()})


# --------------------------------------------------------------------------- words


def group_text(label: Any, by: str | None) -> str:
    """A group in words: "company Acme", "community 3" or a descriptive label as it is."""
    if by is not None:
        return f"{by} {label}"
    return label if isinstance(label, str) else f"community {label}"


def count(n: int, word: str) -> str:
    """'1 tie', '3 ties', 'no ties'."""
    return f"{n} {word}" if n == 1 else f"{'no' if n == 0 else n} {word}s"


# --------------------------------------------------------------------------- the log


def text(values: pd.Series) -> np.ndarray:
    """Ids as text, an object array (compared row by row without pandas' string dtype)."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    labels = np.array([str(u) for u in uniques] + ["nan"], dtype=object)
    return labels[codes]


def kinds(log: pd.DataFrame) -> np.ndarray:
    """Each interaction's ``kind`` stripped and in lower case, "" when missing (one rule for
    every reader of the log; worked out once per distinct value)."""
    if "kind" not in log.columns:
        return np.full(len(log), "", dtype=object)
    codes, uniques = pd.factorize(log["kind"], use_na_sentinel=True)
    labels = np.array([str(u).strip().lower() for u in uniques] + [""], dtype=object)
    return labels[codes]


# --------------------------------------------------------------------------- tie evidence


def tie_evidence(
    G: nx.Graph, sources: Iterable[Hashable], targets: Iterable[Hashable]
) -> tuple[np.ndarray, np.ndarray]:
    """Each tie's probability and whether it is known, by the tie-evidence contract.

    A tie is *known* unless its ``evidence`` is "inferred" or its ``probability`` is below 1;
    a missing or unreadable probability counts 1. (An inferred tie's edge weight is already
    strength x probability.)
    """
    adj = G.adj
    p, known = [], []
    for u, v in zip(sources, targets, strict=True):
        data = adj[u][v]
        try:
            value = float(data.get("probability", 1.0))
        except (TypeError, ValueError):
            value = 1.0
        value = min(max(value, 0.0), 1.0) if np.isfinite(value) else 1.0
        p.append(value)
        known.append(value >= 1.0 and data.get("evidence") != "inferred")
    return np.asarray(p, dtype=float), np.asarray(known, dtype=bool)
