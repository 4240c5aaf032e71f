r"""Warm paths: chains of introductions to people who match a description.

Most jobs and deals reach people through contacts of contacts [1]_, and a chain of
introductions is only as strong as its links. The best chain to each target maximises the
product of the tie strengths along it (each link a chance that the introduction is made),
found with a hop-limited Bellman-Ford search on :math:`-\log(\text{strength})`, never by
listing all paths.

References
----------
.. [1] Granovetter, Mark S. "The Strength of Weak Ties." *American Journal of Sociology* 78,
   no. 6 (1973): 1360-1380.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from netgraph import _graph
from netgraph._match import matches, unknown_column
from netgraph.errors import InputError
from netgraph.recommend._common import check_k as _check_k
from netgraph.recommend._common import check_person as _check_person
from netgraph.recommend._common import count as _count
from netgraph.recommend._common import edge_frame as _edge_frame
from netgraph.recommend._common import names as _names
from netgraph.recommend._common import tie_evidence as _tie_evidence
from netgraph.recommend._common import undirected as _undirected

__all__ = ["paths_to"]

#: Strengths are clipped below at this value so that -log stays finite.
_TINY = 1e-12

_DTYPES = {
    "target": object,
    "path": object,
    "hops": np.int64,
    "score": float,
    "ask_first": object,
    "reason": object,
    "strengths": object,
    "probabilities": object,
}


def paths_to(
    G: nx.Graph,
    people: pd.DataFrame | None,
    person: Hashable,
    *,
    k: int = 5,
    max_hops: int = 3,
    weight: str | None = "weight",
    **criteria: Any,
) -> pd.DataFrame:
    r"""Find the warmest chains of introductions to people matching some attributes.

    Targets are the people whose attributes contain every given value as whole words,
    case-insensitively, with aliases for common titles (``company="acme"`` matches "Acme
    Corp" but not "Acmeware"; ``role="CTO"`` matches "Chief Technology Officer" but not
    "Director of Data"; a list of values matches any of them; ids match exactly). For each
    target within `max_hops` ties of the person, the best path maximises the product of the
    tie strengths :math:`s_e` along it,

    .. math::

        \text{score}(P) = \prod_{e \in P} s_e
                        = \exp\Big(-\sum_{e \in P} -\log s_e\Big),

    found by `max_hops` rounds of Bellman-Ford relaxation over the ties of the people within
    ``max_hops - 1`` steps: round :math:`h` gives the best path of at most :math:`h` ties.
    Strengths are clipped to [1e-12, 1], so no cost is negative and the best walk is a simple
    path. Equal scores prefer fewer hops, then intermediaries with smaller ids. A target
    who is already a contact is a path of one hop (ask her yourself).

    **Uncertain ties** (issue 11: an inferred tie has a probability :math:`q_e` and enters
    `G` with weight :math:`s_e q_e`): the score is then the chain's *expected* strength,
    :math:`\prod_e s_e q_e`, the chance that every tie of the chain exists (independently)
    times its strength if they do; a chain over a tie that probably is not there scores
    low, not like a moderately weak one. The first tie is the one the person must ask
    over, and she cannot ask someone she does not know: targets reached with a known
    (stated or observed) first tie come first, and one reached only through an inferred
    first tie follows them, its reason opening "If you do know ...". Reasons give each
    inferred tie's chance ("Andrea Cruz (0.50, 6% likely)").

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        The network, edge `weight` = tie strength (a DiGraph is read as undirected,
        one tie per pair with the larger weight of its arcs (:mod:`netgraph._graph`)). Not modified.
    people : pandas.DataFrame or None
        People indexed by id (or with an ``id`` column), with the attribute columns; None
        uses the node attributes of `G`.
    person : node
        Where the paths start.
    k : int, default 5
        How many targets (one path each), best first.
    max_hops : int, default 3
        Longest chain, in ties (3: two intermediaries).
    weight : str or None, default "weight"
        Edge attribute holding tie strength (missing counts 1); None makes every tie 1, so
        the shortest paths win.
    **criteria
        Column = value pairs, such as ``company="Acme", role="engineering manager"``; the
        column ``id`` (or the index name) matches ids. No criteria: everyone.

    Returns
    -------
    pandas.DataFrame
        At most `k` rows: ``target``, ``path`` (list of ids from the person to the target),
        ``hops``, ``score``, ``ask_first`` (the first person to ask: ``path[1]``),
        ``reason``, ``strengths`` (the tie strengths along the path, each the strength the
        tie has if it exists) and ``probabilities`` (each tie's probability, 1 when known).

    Raises
    ------
    UnknownPersonError
        If `person` is not in `G`.
    InputError
        If a criterion names no column of `people` (the message lists the nearest columns).

    References
    ----------
    .. [1] Granovetter, Mark S. "The Strength of Weak Ties." *American Journal of Sociology*
       78, no. 6 (1973): 1360-1380.

    Examples
    --------
    >>> G = nx.Graph()
    >>> G.add_weighted_edges_from([("me", "ann", 0.9), ("ann", "tom", 0.5), ("me", "bob", 0.4),
    ...                            ("bob", "tom", 0.9), ("bob", "sue", 0.8)])
    >>> people = pd.DataFrame({"company": ["Acme Corp", "Initech"]}, index=["tom", "sue"])
    >>> found = paths_to(G, people, "me", company="acme")
    >>> print(found[["target", "path", "hops", "score", "ask_first"]].to_string(index=False))
    target           path  hops  score ask_first
       tom [me, ann, tom]     2   0.45       ann
    """
    U = _undirected(G, weight)
    _check_person(U, person)
    k = _check_k(k)
    if isinstance(max_hops, bool) or not isinstance(max_hops, (int, np.integer)) or max_hops < 1:
        raise InputError(
            f"max_hops must be a whole number >= 1, not {max_hops!r}", column="max_hops"
        )
    if people is None:
        people = pd.DataFrame.from_dict(dict(U.nodes(data=True)), orient="index")
    elif "id" in people.columns and people.index.name != "id":
        people = people.set_index("id")
    targets = _match(people, criteria)
    targets = {t for t in targets if t != person and t in U}
    if not targets or k == 0:
        return _empty()

    # you cannot ask someone you do not know: paths whose first tie is known come first
    mine = [v for v in U.adj[person] if v != person]
    known = _tie_evidence(U, [person] * len(mine), mine)[1]
    unsure = {v for v, sure in zip(mine, known, strict=True) if not sure}
    runs = [_best_paths(U, person, max_hops, weight, skip=unsure)]
    if unsure:
        runs.append(_best_paths(U, person, max_hops, weight))
    table, chosen = [], {}
    for tier, (best, hops, _, index) in enumerate(runs):
        found = [t for t in targets if t in index and t not in chosen]
        at = _graph.positions(index, found)
        part = pd.DataFrame(
            {"target": pd.Series(found, dtype=object), "cost": best[at], "hops": hops[at]}
        ).assign(_tier=tier)
        part = part[np.isfinite(part["cost"])]
        chosen.update(dict.fromkeys(part["target"], tier))
        table.append(part)
    table = pd.concat(table, ignore_index=True)
    table["_key"] = [str(t) for t in table["target"]]
    table["_cost"] = table["cost"].round(12)  # equal scores up to rounding: fewer hops first
    table = table.sort_values(["_tier", "_cost", "hops", "_key"], kind="stable").head(k)
    if table.empty:
        return _empty()

    paths = []
    for t, tier in zip(table["target"], table["_tier"], strict=True):
        _, _, preds, index = runs[tier]
        paths.append(_walk(preds, int(index.get_loc(t)), index.get_loc(person), index))
    hops = [list(zip(p, p[1:], strict=False)) for p in paths]
    chances = [list(_tie_evidence(U, [u for u, _ in h], [v for _, v in h])[0]) for h in hops]
    weights = [[_strength(U, u, v, weight) for u, v in h] for h in hops]
    # an inferred tie's weight is strength x probability: the strength it has if it exists
    strengths = [
        [min(w / q, 1.0) if q < 1 else w for w, q in zip(ws, qs, strict=True)]
        for ws, qs in zip(weights, chances, strict=True)
    ]
    names = _names(U, [x for p in paths for x in p])
    out = pd.DataFrame(
        {
            "target": table["target"].to_numpy(object),
            "path": pd.Series(paths, dtype=object),
            "hops": table["hops"].to_numpy(np.int64),
            "score": [float(np.prod(w)) for w in weights],
            "ask_first": pd.Series([p[1] for p in paths], dtype=object),
            "strengths": pd.Series(strengths, dtype=object),
            "probabilities": pd.Series(chances, dtype=object),
        }
    )
    out["reason"] = [
        _reason(p, s, q, names, _described(people, p[-1], criteria))
        for p, s, q in zip(paths, strengths, chances, strict=True)
    ]
    return out[list(_DTYPES)].astype({"hops": np.int64, "score": float})


def _match(people: pd.DataFrame, criteria: dict[str, Any]) -> list:
    """Ids of the people whose columns contain every criterion as whole words.

    Case-insensitive, with title aliases (``role="CTO"`` matches "Chief Technology Officer",
    not "Director of Data"); see :mod:`netgraph._match`. Ids match exactly.
    """
    mask = np.ones(len(people), dtype=bool)
    for column, wanted in criteria.items():
        if column in people.columns:
            mask &= matches(people[column], wanted)
        elif column == "id" or column == people.index.name:
            options = [wanted] if isinstance(wanted, str) or not _listlike(wanted) else wanted
            mask &= people.index.astype(str).isin([str(o) for o in options])
        else:
            raise unknown_column(column, people.columns)
    return list(people.index[mask])


def _listlike(value: Any) -> bool:
    return isinstance(value, (list, tuple, set, frozenset, pd.Series, np.ndarray))


def _best_paths(
    G: nx.Graph, person: Hashable, max_hops: int, weight: str | None, skip: set | None = None
) -> tuple[np.ndarray, np.ndarray, list[np.ndarray], pd.Index]:
    """Hop-limited Bellman-Ford from `person` on -log(strength), leaving out her ties to the
    people in `skip`.

    Returns the best cost and its number of hops per node, the predecessor arrays of each
    round (-1 where the round did not improve the node) and the node index.
    """
    inner = list(nx.single_source_shortest_path_length(G, person, cutoff=max_hops - 1))
    edges = _edge_frame(G, inner, weight)
    if skip:
        mine = np.fromiter((u == person for u in edges["src"]), bool, len(edges))
        theirs = np.fromiter((v == person for v in edges["dst"]), bool, len(edges))
        other = np.where(mine, edges["dst"], edges["src"])
        drop = (mine | theirs) & np.fromiter((x in skip for x in other), bool, len(edges))
        edges = edges[~drop].reset_index(drop=True)
    index = pd.Index(
        list(dict.fromkeys([*inner, *edges["dst"]])), dtype=object, tupleize_cols=False
    )
    n = len(index)
    rank = np.empty(n, dtype=np.int64)
    rank[np.argsort(np.array([str(x) for x in index], dtype=object), kind="stable")] = np.arange(n)
    src = _graph.positions(index, edges["src"])
    dst = _graph.positions(index, edges["dst"])
    cost = -np.log(np.clip(edges["w"].to_numpy(float), _TINY, 1.0))
    best = np.full(n, np.inf)
    hops = np.zeros(n, dtype=np.int64)
    best[index.get_loc(person)] = 0.0
    preds = []
    for _ in range(max_hops):
        offer = best[src] + cost
        live = np.isfinite(offer)
        s, t, c = src[live], dst[live], offer[live]
        order = np.lexsort((rank[s], c, t))  # per target: cheapest, then smallest id
        s, t, c = s[order], t[order], c[order]
        first = np.r_[True, t[1:] != t[:-1]] if len(t) else np.zeros(0, dtype=bool)
        s, t, c = s[first], t[first], c[first]
        better = c < best[t] - 1e-9 * np.maximum(1.0, np.where(np.isfinite(best[t]), best[t], 1))
        pred = np.full(n, -1, dtype=np.int64)
        pred[t[better]] = s[better]
        new_best, new_hops = best.copy(), hops.copy()
        new_best[t[better]] = c[better]
        new_hops[t[better]] = hops[s[better]] + 1
        best, hops = new_best, new_hops
        preds.append(pred)
    return best, hops, preds, index


def _walk(preds: list[np.ndarray], node: int, start: int, index: pd.Index) -> list:
    """The path start -> node from the per-round predecessors."""
    out = [node]
    level = len(preds)
    while node != start:
        while preds[level - 1][node] < 0:  # the round that last improved the node
            level -= 1
        node = int(preds[level - 1][node])
        out.append(node)
        level -= 1
    return [index[i] for i in reversed(out)]


def _strength(G: nx.Graph, u: Hashable, v: Hashable, weight: str | None) -> float:
    if weight is None:
        return 1.0
    value = _graph.weights([G.adj[u][v].get(weight, 1.0)], weight, lambda _: (u, v))[0]
    return float(np.clip(value, _TINY, 1.0))


def _described(people: pd.DataFrame, target: Hashable, criteria: dict[str, Any]) -> str:
    """' (company: Acme Corp; role: CTO)' from the target's matched columns."""
    parts = []
    for column in criteria:
        if column in people.columns and target in people.index:
            value = people.at[target, column]
            if isinstance(value, str) or pd.notna(value):
                parts.append(f"{column}: {value}")
    return f" ({'; '.join(parts)})" if parts else ""


def _reason(
    path: list, strengths: list[float], chances: list[float], names: dict, described: str
) -> str:
    target = names[path[-1]]
    first = names[path[1]]
    if len(path) == 2:
        if chances[0] < 1:
            return (
                f"You may know {target}{described} directly ({_chance(chances[0])}, inferred; "
                f"tie strength {strengths[0]:.2f} if so): if you do, ask {target} yourself."
            )
        return (
            f"You know {target}{described} directly (tie strength {strengths[0]:.2f}): "
            f"ask {target} yourself."
        )
    chain = " -> ".join(
        ["you"]
        + [
            f"{names[x]} ({s:.2f})" if q >= 1 else f"{names[x]} ({s:.2f}, {_chance(q)} likely)"
            for x, s, q in zip(path[1:], strengths, chances, strict=True)
        ]
    )
    score = float(np.prod(strengths) * np.prod(chances))
    ask = f"Ask {first} first" if chances[0] >= 1 else f"If you do know {first}, ask them first"
    if all(q >= 1 for q in chances):
        return (
            f"{target}{described} is {len(path) - 1} steps away: {chain}. "
            f"{ask}; the chain's strength (the product of the tie strengths) is {score:.2f}."
        )
    inferred = sum(q < 1 for q in chances)
    return (
        f"{target}{described} is {len(path) - 1} steps away: {chain}. {ask}; "
        f"{_count(inferred, 'tie')} of the chain {'is' if inferred == 1 else 'are'} only "
        f"inferred, so it holds with a chance of {_chance(float(np.prod(chances)))}, and its "
        f"expected strength (the product of strength x chance) is {score:.2f}."
    )


def _chance(p: float) -> str:
    return f"{p:.0%}" if p >= 0.005 else "under 1%"


def _empty() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in _DTYPES.items()})
