"""Combining two networks of the same person, and matching their people by e-mail or URL.

Works on validated tables (:class:`netgraph.io.NetworkTables`); :meth:`netgraph.Network.merge`
is the public entry point.
"""

from __future__ import annotations

import pandas as pd

from netgraph._pairs import pair_index
from netgraph.io.record import NetworkTables

__all__ = ["dedupe_ties", "match_people", "merge_tables", "normal_url"]


def merge_tables(ours: NetworkTables, theirs: NetworkTables) -> NetworkTables:
    """Combine the validated tables of two networks of the same person.

    A person in ``theirs`` whose e-mail (case-insensitive) or profile URL matches someone in
    ``ours`` takes that person's id; attributes known in ``ours`` win and gaps are filled
    from ``theirs``. The two egos are taken to be the same person.

    Parameters
    ----------
    ours, theirs : NetworkTables
        Validated tables: people indexed by id, ties and interactions with ``source`` and
        ``target``.

    Returns
    -------
    NetworkTables
        The combined tables: ties deduplicated (the first given, gaps filled from the
        others), interactions deduplicated and sorted by date, ``ours``'s ego (else
        ``theirs``'s), directed when either is.
    """
    mapping = match_people(ours.people, theirs.people)
    if ours.ego is not None and theirs.ego is not None:
        mapping[theirs.ego] = ours.ego
    their_people = theirs.people.rename(index=mapping)
    their_people = their_people[~their_people.index.duplicated()]
    people = ours.people.combine_first(their_people)
    people = people.loc[
        list(ours.people.index) + [i for i in their_people.index if i not in ours.people.index]
    ]
    people.index.name = "id"

    def remap(frame: pd.DataFrame) -> pd.DataFrame:
        return frame.assign(
            source=frame["source"].replace(mapping), target=frame["target"].replace(mapping)
        )

    directed = ours.directed or theirs.directed
    ties = pd.concat([ours.ties, remap(theirs.ties)], ignore_index=True)
    ties = dedupe_ties(ties, directed=directed)
    interactions = pd.concat(
        [ours.interactions, remap(theirs.interactions)], ignore_index=True
    ).drop_duplicates()
    interactions = interactions.sort_values("date", kind="stable", ignore_index=True)
    ego = ours.ego or (None if theirs.ego is None else mapping.get(theirs.ego, theirs.ego))
    return NetworkTables(people, ties, interactions, ego=ego, directed=directed)


def normal_url(url: str) -> str:
    """A profile URL without scheme, ``www.``, case or trailing slash, for matching."""
    url = url.strip().lower().rstrip("/")
    for prefix in ("https://", "http://", "www."):
        url = url.removeprefix(prefix)
    return url


def match_people(ours: pd.DataFrame, theirs: pd.DataFrame) -> dict[str, str]:
    """Map ids in ``theirs`` to ids in ``ours`` for people with the same e-mail or URL."""
    mapping: dict[str, str] = {}
    for column, normal in (("email", str.lower), ("url", normal_url)):
        if column not in ours.columns or column not in theirs.columns:
            continue
        known = {
            normal(str(value).strip()): pid
            for pid, value in ours[column].dropna().items()
            if str(value).strip()
        }
        for pid, value in theirs[column].dropna().items():
            match = known.get(normal(str(value).strip()))
            if match is not None:
                mapping.setdefault(pid, match)
    return mapping


def dedupe_ties(ties: pd.DataFrame, *, directed: bool) -> pd.DataFrame:
    """Keep one row per tie: the first one given, with gaps filled from the others."""
    if directed:
        key = [ties["source"], ties["target"]]
    else:
        pair = pair_index(ties["source"], ties["target"])
        key = [pair.get_level_values(0), pair.get_level_values(1)]
    grouped = ties.groupby(key, sort=False)
    return grouped.first().reset_index(drop=True)[list(ties.columns)]
