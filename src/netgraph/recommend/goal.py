r"""A strategic network from a goal: who you know there, who can get you there, who is missing.

Career advice on networking starts from a goal ("a CTO role in Berlin fintech") and works
backwards: who do I know there, who could introduce me, whom do I still need to know. The
warm paths are those of :func:`netgraph.recommend.paths_to` (the product of tie strengths along
a chain of introductions, after Granovetter [1]_); each target is also weighed by how much a
tie to them would open your network, the gain in Burt's effective size [2]_ with the tie in
place, so that of two equally warm paths the one into a circle you do not reach comes first:

.. math::

    \text{priority} = \text{trust} \times \frac{1 + \max(\Delta e, 0)}{2} .

Matching is on whole words, case-insensitive, with aliases for common titles (see
:func:`netgraph._match.matches`): ``role="CTO"`` finds "Chief Technology Officer" and not
"Director of Data".

References
----------
.. [1] Granovetter, Mark S. "The Strength of Weak Ties." *American Journal of Sociology* 78,
   no. 6 (1973): 1360-1380.
.. [2] Burt, Ronald S. *Structural Holes: The Social Structure of Competition.* Cambridge, MA:
   Harvard University Press, 1992.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from netgraph import _graph
from netgraph._match import matches, unknown_column, value_of
from netgraph._sections import Section, Sections
from netgraph.analysis.holes import ego_structural_holes
from netgraph.errors import InputError
from netgraph.recommend.introductions import NEW_TIE_QUANTILE
from netgraph.recommend.paths import paths_to

__all__ = ["Goal", "goal"]

_KNOWN = ["contact", "name", "matched", "strength", "reason"]
_PATHS = [
    "target",
    "name",
    "matched",
    "path",
    "ask_first",
    "ask_first_name",
    "trust",
    "gain",
    "priority",
    "reason",
]
#: Which parts of a goal count most when looking for the nearest bridge.
_PRIORITY = ("company", "role", "industry", "city")
_MISSING = ["criterion", "value", "in_your_data", "you_know", "within_reach", "reason"]


class Goal(Sections):
    """Your network toward a goal; render with ``str()`` or in Jupyter.

    Attributes
    ----------
    criteria : dict
        The goal, such as ``{"company": "Acme", "role": "CTO"}``.
    known : DataFrame
        ``contact, name, matched, strength, reason``: people you know who match.
    paths : DataFrame
        ``target, name, matched, path, ask_first, ask_first_name, trust, gain, priority,
        reason``: warm paths to people who match, best first (``trust`` is the chain's
        strength, ``gain`` the effective size a tie to them would add).
    missing : DataFrame
        ``criterion, value, in_your_data, you_know, within_reach, reason``: each part of the
        goal alone, and whether anyone in your data, or in your network, covers it.
    bridge : DataFrame
        ``person, name, path, matched, reason``: when nobody matching is within reach, the
        nearest bridge toward the goal (empty otherwise).
    gap : str
        The gap in one sentence.
    """

    def __init__(self, **parts: Any) -> None:
        for key, value in parts.items():
            setattr(self, key, value)
        described = ", ".join(f"{k}={v!s}" for k, v in self.criteria.items())
        self.title = f"Goal: {described}"

    def __repr__(self) -> str:
        return f"<netgraph.Goal: {self.gap}>"

    @property
    def parts(self) -> dict[str, pd.DataFrame]:
        """Every table of the goal by name."""
        return {n: getattr(self, n) for n in ("known", "paths", "missing", "bridge")}

    def sections(self) -> list[Section]:
        out = [
            Section("The gap", [self.gap]),
            Section(
                "Who you know there",
                [] if len(self.known) else ["Nobody you know directly matches."],
                self.known,
                ["name", "matched", "reason"],
            ),
            Section(
                "Who can get you there",
                [] if len(self.paths) else ["No warm path to anyone who matches."],
                self.paths,
                ["name", "matched", "ask_first_name", "trust", "gain", "reason"],
            ),
            Section(
                "Who you still need to know", [], self.missing, ["criterion", "value", "reason"]
            ),
        ]
        if len(self.bridge):
            out.append(Section("The nearest bridge", [], self.bridge, ["name", "reason"]))
        return out


def goal(
    G: nx.Graph,
    people: pd.DataFrame,
    ego: Hashable,
    *,
    k: int = 5,
    max_hops: int = 3,
    communities: pd.Series | None = None,
    weight: str = "weight",
    **criteria: Any,
) -> Goal:
    """Build the strategic network toward a goal: known, warm paths, missing, the gap.

    Parameters
    ----------
    G : networkx.Graph
        The undirected network, edge `weight` = tie strength. Not modified.
    people : DataFrame
        People indexed by id, with the columns the criteria name.
    ego : node
        You.
    k : int, default 5
        How many warm paths to list.
    max_hops : int, default 3
        Longest chain of introductions considered warm.
    communities : Series, optional
        Community labels, for the reasons.
    weight : str, default "weight"
        The tie-strength edge attribute.
    **criteria
        Column = value, such as ``company="Acme", role="CTO", city="Berlin"`` (whole words,
        case-insensitive, title aliases; a list matches any of its values). ``None`` values
        are ignored.

    Returns
    -------
    Goal

    Raises
    ------
    InputError
        If no criterion is given, or one names no people column (the nearest are listed).
    """
    G = _graph.undirected(G, weight)  # the one undirected rule (largest weight)
    _graph.edge_arrays(G, weight)  # the weight rule: a bad weight is an InputError
    criteria = {c: v for c, v in criteria.items() if v is not None}
    if not criteria:
        raise InputError(
            "a goal needs at least one of company=, role=, industry=, city= (or another column)",
            fix="For example net.goal(company='Acme', role='CTO').",
        )
    for column in criteria:
        if column not in people.columns:
            raise unknown_column(column, people.columns)
    names = _names(people)
    contacts = set(G[ego]) - {ego} if ego in G else set()
    masks = {c: matches(people[c], v) for c, v in criteria.items()}
    every = np.logical_and.reduce(list(masks.values()))
    targets = [t for t in people.index[every] if t != ego]

    found = paths_to(G, people, ego, k=max(len(people), 1), max_hops=max_hops, **criteria)
    found = found[~_graph.is_person(found["target"], ego)]
    direct = found[found["hops"] == 1]
    known = _known(direct, people, criteria, names)
    paths = _paths(G, found[found["hops"] > 1], people, ego, criteria, names, communities, weight)
    paths = paths.head(k).reset_index(drop=True)
    reachable = set(found["target"])
    missing = _missing(people, masks, criteria, contacts, reachable, G, ego, max_hops)
    bridge = pd.DataFrame(columns=["person", "name", "path", "matched", "reason"])
    if not reachable:
        bridge = _bridge(G, people, ego, targets, masks, criteria, names)
    gap = _gap(criteria, targets, known, paths, missing, bridge, names, max_hops)
    return Goal(
        criteria=criteria,
        known=known,
        paths=paths,
        missing=missing,
        bridge=bridge,
        gap=gap,
    )


def _names(people: pd.DataFrame) -> dict:
    if "name" not in people.columns:
        return {}
    return {k: str(v) for k, v in people["name"].items() if isinstance(v, str) and v.strip()}


def _matched(people: pd.DataFrame, person: Hashable, criteria: dict) -> str:
    parts = []
    for column in criteria:
        value = value_of(people, person, column)
        if isinstance(value, str) or (value is not None and pd.notna(value)):
            parts.append(str(value))
    return ", ".join(parts)


def _known(direct: pd.DataFrame, people, criteria, names) -> pd.DataFrame:
    if direct.empty:
        return pd.DataFrame(columns=_KNOWN)
    out = pd.DataFrame(
        {
            "contact": direct["target"].to_numpy(object),
            "name": [names.get(t, str(t)) for t in direct["target"]],
            "matched": [_matched(people, t, criteria) for t in direct["target"]],
            "strength": direct["score"].to_numpy(float),
        }
    )
    out["reason"] = [
        f"You know {r.name} ({r.matched}) directly, tie strength {r.strength:.2f}: "
        + ("ask them yourself." if r.strength >= 0.3 else "a weak tie: warm it up before asking.")
        for r in out.itertuples(index=False)
    ]
    return out.sort_values(
        ["strength", "contact"], ascending=[False, True], kind="stable"
    ).reset_index(drop=True)


def _paths(G, found, people, ego, criteria, names, communities, weight) -> pd.DataFrame:
    if found.empty:
        return pd.DataFrame(columns=_PATHS)
    own = [float(d.get(weight, 1.0)) for _, _, d in G.edges(ego, data=True)]
    w_new = float(np.quantile(own, NEW_TIE_QUANTILE)) if own else 0.1
    before = float(ego_structural_holes(G, ego, weight=weight)["effective_size"])
    gains = [
        float(ego_structural_holes(G, ego, weight=weight, add=[(ego, t, w_new)])["effective_size"])
        - before
        for t in found["target"]
    ]
    out = pd.DataFrame(
        {
            "target": found["target"].to_numpy(object),
            "name": [names.get(t, str(t)) for t in found["target"]],
            "matched": [_matched(people, t, criteria) for t in found["target"]],
            "path": found["path"].to_numpy(object),
            "ask_first": found["ask_first"].to_numpy(object),
            "ask_first_name": [names.get(a, str(a)) for a in found["ask_first"]],
            "trust": found["score"].to_numpy(float),
            "gain": np.asarray(gains, dtype=float),
        }
    )
    out["priority"] = out["trust"] * (1 + out["gain"].clip(lower=0)) / 2
    reasons = []
    for r, why in zip(out.itertuples(index=False), found["reason"], strict=True):
        where = ""
        if communities is not None and r.target in communities.index:
            label = communities[r.target]
            mine = sum(1 for c in G[ego] if c in communities.index and communities[c] == label)
            where = f" They are in {label}, where you know {mine}."
        reasons.append(
            f"{why} A tie to {r.name} would add {max(r.gain, 0):.2f} to your effective size.{where}"
        )
    out["reason"] = reasons
    out["_key"] = [str(t) for t in out["target"]]
    out = out.sort_values(["priority", "_key"], ascending=[False, True], kind="stable")
    return out.drop(columns="_key")[_PATHS].reset_index(drop=True)


def _missing(people, masks, criteria, contacts, reachable, G, ego, max_hops) -> pd.DataFrame:
    """Each part of the goal alone: in your data, known to you, within reach."""
    within = (
        set(nx.single_source_shortest_path_length(G, ego, cutoff=max_hops)) if ego in G else set()
    )
    rows = []
    for column, wanted in criteria.items():
        ids = [p for p in people.index[masks[column]] if p != ego]
        know = [p for p in ids if p in contacts]
        reach = [p for p in ids if p in within]
        value = wanted if isinstance(wanted, str) else " or ".join(map(str, wanted))
        if not ids:
            reason = f"No one in your data has {column} {value}: you need to meet someone there."
        elif not know and not reach:
            reason = (
                f"{len(ids)} in your data have {column} {value}, none within {max_hops} steps "
                "of you: you need a bridge."
            )
        elif not know:
            reason = (
                f"You know no one with {column} {value} yourself; {len(reach)} are within "
                f"{max_hops} steps."
            )
        else:
            reason = f"You know {len(know)} with {column} {value}."
        rows.append((column, value, len(ids), len(know), len(reach), reason))
    return pd.DataFrame(rows, columns=_MISSING)


def _bridge(G, people, ego, targets, masks, criteria, names) -> pd.DataFrame:
    """The nearest bridge toward a goal nobody within reach matches.

    If someone matches but is far, the first step of the shortest chain to the nearest of
    them; otherwise the contact (or, failing that, the person) who matches most parts of
    the goal, with the shortest chain to them.
    """
    columns = ["person", "name", "path", "matched", "reason"]
    if ego not in G:
        return pd.DataFrame(columns=columns)
    distance = nx.single_source_shortest_path_length(G, ego)
    far = [t for t in targets if t in distance]
    if far:
        target = min(far, key=lambda t: (distance[t], str(t)))
        path = nx.shortest_path(G, ego, target)
        first = path[1]
        reason = (
            f"{names.get(target, target)} ({_matched(people, target, criteria)}) is "
            f"{len(path) - 1} steps away, too far for a warm introduction: start with "
            f"{names.get(first, first)}, the first link of the chain "
            f"{' -> '.join(names.get(p, str(p)) for p in path)}."
        )
        return pd.DataFrame(
            [(first, names.get(first, str(first)), path, "", reason)], columns=columns
        )
    # Nobody matches the whole goal (or nobody who does is connected): who matches most?
    rank = {c: len(_PRIORITY) - _PRIORITY.index(c) if c in _PRIORITY else 0.5 for c in masks}
    count = np.sum([masks[c] * (1 + rank[c]) for c in masks], axis=0)
    score = pd.Series(count, index=people.index)
    not_you = ~_graph.is_person(score.index, ego)
    score = score[(score > 0) & not_you & score.index.isin(list(distance))]
    if score.empty:  # nothing matches at all: the contact who reaches most people you do not
        mine = set(G[ego]) | {ego}
        reach = {c: len(set(G[c]) - mine) for c in G[ego] if c != ego}
        if not reach or max(reach.values()) == 0:
            return pd.DataFrame(columns=columns)
        best = min(reach, key=lambda c: (-reach[c], str(c)))
        reason = (
            f"No one in your data matches any part of the goal; {names.get(best, best)} knows "
            f"the most people you do not ({reach[best]}): ask them who they know there."
        )
        row = (best, names.get(best, str(best)), [ego, best], "", reason)
        return pd.DataFrame([row], columns=columns)
    order = sorted(score.index, key=lambda p: (-score[p], distance[p], str(p)))
    best = order[0]
    path = nx.shortest_path(G, ego, best)
    parts = [c for c in criteria if masks[c][people.index.get_loc(best)]]
    what = ", ".join(f"{c} {value_of(people, best, c)}" for c in parts)
    how = (
        "you know them"
        if len(path) == 2
        else f"through {' -> '.join(names.get(p, str(p)) for p in path[1:-1])}"
    )
    reason = (
        f"No one in your network matches the whole goal; {names.get(best, best)} comes closest "
        f"({what}; {how}): ask them who they know."
    )
    return pd.DataFrame([(best, names.get(best, str(best)), path, what, reason)], columns=columns)


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _gap(criteria, targets, known, paths, missing, bridge, names, max_hops) -> str:
    described = ", ".join(
        f"{c} {v if isinstance(v, str) else ' or '.join(map(str, v))}" for c, v in criteria.items()
    )
    if len(known):
        top = known.iloc[0]
        more = (
            f", and {_plural(len(paths), 'more is', 'more are')} within reach" if len(paths) else ""
        )
        return (
            f"You already know {_plural(len(known), 'person', 'people')} with {described}, "
            f"closest {top['name']}{more}."
        )
    if len(paths):
        top = paths.iloc[0]
        return (
            f"You know no one with {described} yourself, but "
            f"{_plural(len(paths), 'person is', 'people are')} within {max_hops} steps: start "
            f"by asking {top['ask_first_name']} about {top['name']} (trust {top['trust']:.2f})."
        )
    lacking = missing[missing["in_your_data"] == 0]
    if not targets:
        why = f"nobody in your data has {described}"
        if len(lacking):
            parts = [f"{r.criterion} {r.value}" for r in lacking.itertuples(index=False)]
            why += f" (no one at all with {' or '.join(parts)})"
    else:
        why = (
            f"the {_plural(len(targets), 'person', 'people')} with {described} "
            f"{'is' if len(targets) == 1 else 'are'} more than {max_hops} steps away"
        )
    bridge_text = f"; the nearest bridge is {bridge.iloc[0]['name']}" if len(bridge) else ""
    return f"Out of reach: {why}{bridge_text}."
