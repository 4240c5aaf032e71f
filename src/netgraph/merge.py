"""Combining two networks of the same person: one person across sources (issue 11 point 3).

Works on validated tables (:class:`netgraph.io.NetworkTables`); :meth:`netgraph.Network.merge`
and :meth:`netgraph.Network.same_person` are the public entry points. Who is the same person
is decided by :mod:`netgraph.identity`: any shared e-mail address, LinkedIn profile or phone
number, with ids chosen by one rule, so that merging does not depend on the order.
"""

from __future__ import annotations

from collections import Counter

import numpy as np
import pandas as pd

from netgraph import identity
from netgraph._pairs import pair_index
from netgraph.errors import UnknownPersonError
from netgraph.io._messages import plural as _count
from netgraph.io._messages import warn as _warn
from netgraph.io.record import NetworkTables

__all__ = ["dedupe_ties", "join_people", "match_people", "merge_tables", "normal_url"]

_EVIDENCE_RANK = {"stated": 0, "observed": 1, "inferred": 2}


def merge_tables(ours: NetworkTables, theirs: NetworkTables) -> NetworkTables:
    """Combine the validated tables of two networks of the same person.

    People are matched by :func:`netgraph.identity.resolve`: any shared e-mail address (an
    id that is an address counts), LinkedIn profile URL or phone number (normalised with
    ``phonenumbers``), transitively; the same id in both is the same person; the two egos
    are the same person. A matched person keeps one id, chosen by one rule (not an address,
    then the smallest), so ``a.merge(b)`` and ``b.merge(a)`` have the same people and ties.
    Multi-valued columns (``email``, ``phone``, ``groups``, ``circles``, ``tags``) take the
    union; other columns the kept id's value first.

    Parameters
    ----------
    ours, theirs : NetworkTables
        Validated tables: people indexed by id, ties and interactions with ``source`` and
        ``target``.

    Returns
    -------
    NetworkTables
        The combined tables: ties deduplicated (stated before observed before inferred, then
        the first given, gaps filled from the others), interactions deduplicated and sorted
        by date, the egos' id, directed when either is.

    Warns
    -----
    NetgraphWarning
        Counting the people of ``theirs`` that matched someone (and how) and those that
        matched nobody (added as new people), the ties and interactions of a person with
        themself after matching (dropped), and the probable duplicates left (the same name
        under two ids; see :meth:`netgraph.Network.possible_duplicates`).
    """
    mappings, matched = identity.resolve([ours.people, theirs.people], egos=[ours.ego, theirs.ego])
    people = identity.combine_people([ours.people, theirs.people], mappings)
    directed = ours.directed or theirs.directed
    ties = pd.concat(
        [_remap(ours.ties, mappings[0]), _remap(theirs.ties, mappings[1])], ignore_index=True
    )
    interactions = pd.concat(
        [_remap(ours.interactions, mappings[0]), _remap(theirs.interactions, mappings[1])],
        ignore_index=True,
    )
    ties, interactions, dropped = _drop_self(ties, interactions)
    ties = dedupe_ties(ties, directed=directed)
    interactions = interactions.drop_duplicates().sort_values(
        "date", kind="stable", ignore_index=True
    )
    egos = [e for e in (ours.ego, theirs.ego) if e is not None]
    ego = None
    if egos:
        first = ours.ego if ours.ego is not None else theirs.ego
        ego = mappings[0 if ours.ego is not None else 1].get(first, first)
    _report(matched, dropped, people, ego)
    return NetworkTables(people, ties, interactions, ego=ego, directed=directed)


def join_people(tables: NetworkTables, pairs) -> NetworkTables:
    """Join people known to be the same: ``pairs`` of ids (a frame with ``a`` and ``b``
    columns, or (a, b) tuples), transitively; see :meth:`netgraph.Network.same_person`."""
    if isinstance(pairs, pd.DataFrame):
        pairs = list(zip(pairs["a"].astype(str), pairs["b"].astype(str), strict=True))
    known = tables.people.index
    groups: dict[str, set[str]] = {}
    for a, b in pairs:
        for pid in (a, b):
            if pid not in known:
                raise UnknownPersonError(pid)
        merged = groups.get(a, {a}) | groups.get(b, {b})
        for pid in merged:
            groups[pid] = merged
    mapping = {}
    for members in {id(g): g for g in groups.values()}.values():
        keep = identity.canonical_id(members)
        if tables.ego in members:
            keep = tables.ego
        mapping.update({pid: keep for pid in members if pid != keep})
    people = identity.combine_people([tables.people], [mapping])
    ties, interactions, dropped = _drop_self(
        _remap(tables.ties, mapping), _remap(tables.interactions, mapping)
    )
    ties = dedupe_ties(ties, directed=tables.directed)
    interactions = interactions.drop_duplicates().sort_values(
        "date", kind="stable", ignore_index=True
    )
    if any(dropped.values()):
        _report(Counter(), dropped, people, tables.ego, duplicates=False)
    return tables._replace(people=people, ties=ties, interactions=interactions)


def _remap(frame: pd.DataFrame, mapping: dict[str, str]) -> pd.DataFrame:
    if not mapping or frame is None or frame.empty:
        return frame

    def renamed(ids: pd.Series) -> pd.Series:  # each distinct id once: logs are long
        codes, uniques = pd.factorize(ids)
        new = np.array([mapping.get(u, u) for u in uniques], dtype=object)
        return pd.Series(new[codes], index=ids.index, dtype="str")

    return frame.assign(source=renamed(frame["source"]), target=renamed(frame["target"]))


def _drop_self(ties, interactions):
    dropped = Counter()
    self_tie = (ties["source"] == ties["target"]).to_numpy()
    self_log = (interactions["source"] == interactions["target"]).to_numpy()
    dropped["tie"], dropped["interaction"] = int(self_tie.sum()), int(self_log.sum())
    return ties[~self_tie], interactions[~self_log], dropped


def _report(matched: Counter, dropped: Counter, people, ego, *, duplicates: bool = True) -> None:
    parts = []
    how = {k: v for k, v in matched.items() if k not in ("nobody", "ego") and v}
    if how:
        ways = ", ".join(f"{n} by {k}" for k, n in sorted(how.items(), key=lambda kv: -kv[1]))
        parts.append(f"{_people(sum(how.values()))} matched someone here ({ways})")
    if matched["nobody"]:
        n = matched["nobody"]
        parts.append(f"{_people(n)} matched nobody here and {'was' if n == 1 else 'were'} added")
    for what in ("tie", "interaction"):
        if dropped[what]:
            parts.append(
                f"{_count(dropped[what], what)} of a person with themself after matching "
                "were dropped"
            )
    if duplicates:
        n = len(identity.possible_duplicates(people, ego=ego))
        if n:
            parts.append(
                f"{_count(n, 'pair')} of people share a name under two ids: see "
                "net.possible_duplicates(), and join them with net.same_person()"
            )
    if matched["nobody"] or any(dropped.values()) or (duplicates and parts and n):
        _warn("merge: " + "; ".join(parts) + ".")


def _people(n: int) -> str:
    return f"{n} person" if n == 1 else f"{n} people"


def normal_url(url: str) -> str:
    """A profile URL without scheme, ``www.``, case or trailing slash, for matching."""
    url = url.strip().lower().rstrip("/")
    for prefix in ("https://", "http://", "www."):
        url = url.removeprefix(prefix)
    return url


def match_people(ours: pd.DataFrame, theirs: pd.DataFrame) -> dict[str, str]:
    """Map ids in ``theirs`` to ids in ``ours`` for the same people (:mod:`netgraph.identity`'s
    keys); ids of ``ours`` never change here (a store keeps its ids)."""
    mappings, _ = identity.resolve([ours, theirs])
    ours_ids = {str(p) for p in ours.index}
    kept = {}  # merged id -> the id it has in ours
    for pid in ours_ids:
        kept.setdefault(mappings[0].get(pid, pid), pid)
    mapping = {}
    for pid in theirs.index.astype(str):
        target = kept.get(mappings[1].get(pid, pid))
        if target is not None and target != pid:
            mapping[pid] = target
    return mapping


def dedupe_ties(ties: pd.DataFrame, *, directed: bool) -> pd.DataFrame:
    """Keep one row per tie: the strongest evidence (stated, observed, inferred), then the
    first one given, with gaps filled from the others."""
    if "evidence" in ties.columns:
        rank = ties["evidence"].map(_EVIDENCE_RANK).fillna(0).to_numpy()
        ties = ties.iloc[np.argsort(rank, kind="stable")]
    if directed:
        key = [ties["source"], ties["target"]]
    else:
        pair = pair_index(ties["source"], ties["target"])
        key = [pair.get_level_values(0), pair.get_level_values(1)]
    grouped = ties.groupby(key, sort=False)
    return grouped.first().reset_index(drop=True)[list(ties.columns)]
