"""SNAP ego-Facebook: real ego networks with the truth about who knows whom.

Each ego network of McAuley and Leskovec's collection [1]_ gives the ego's contacts, their
anonymised profile fields (employer, school, location, hometown, ...), the circles the ego drew
by hand and the true friendships among the contacts. :func:`load_ego_facebook` reads one ego from
a folder holding the files as published (``E.edges``, ``E.feat``, ``E.featnames``,
``E.circles``), such as ``../shared/data/ego-facebook``; nothing is downloaded.

References
----------
.. [1] McAuley, Julian, and Jure Leskovec. "Learning to Discover Social Circles in Ego
   Networks." *NIPS 2012*.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from netgraph.errors import InputError

__all__ = ["FEATURE_COLUMNS", "load_ego_facebook"]

#: People columns made from ego-Facebook's feature families, named as a contacts table names them.
FEATURE_COLUMNS = {
    "company": "work;employer;id",
    "school": "education;school;id",
    "city": "location;id",
    "hometown": "hometown;id",
    "concentration": "education;concentration;id",
    "work_location": "work;location;id",
}


def load_ego_facebook(ego: int | str, folder: str | Path):
    """Load one ego of SNAP ego-Facebook as a star network and its true ties.

    Parameters
    ----------
    ego : int or str
        The ego's id, the stem of its files (``0``, ``348``, ``414`` in the shared copy).
    folder : path
        The folder holding ``{ego}.edges``, ``{ego}.feat``, ``{ego}.featnames`` and
        ``{ego}.circles``.

    Returns
    -------
    net : Network
        The ego (id ``str(ego)``) with a stated tie to each contact and nothing between
        contacts, as a LinkedIn export gives. People carry the columns of
        :data:`FEATURE_COLUMNS` (``company``, ``school``, ``city``, ``hometown``,
        ``concentration``, ``work_location``) and ``circles``, each a ``;``-separated list of
        anonymised values (``"company 12;company 40"``), empty when unknown.
    truth : DataFrame
        The true ties between contacts: ``source``, ``target``, each pair once.

    Raises
    ------
    InputError
        If a file is missing or a line cannot be read (naming the file and line).
    """
    from netgraph.network import Network

    folder = Path(folder)
    ego = str(ego)
    paths = {part: folder / f"{ego}.{part}" for part in ("edges", "feat", "featnames", "circles")}
    for path in paths.values():
        if not path.is_file():
            raise InputError(f"{path}: no such file; ego-Facebook needs {ego}.edges/.feat/...")

    families = {}
    for lineno, line in enumerate(paths["featnames"].read_text().splitlines(), 1):
        index, _, name = line.partition(" ")
        family, _, _ = name.rpartition(";anonymized feature")
        if not index.isdigit() or not family:
            raise InputError(f"{paths['featnames']}, line {lineno}: cannot read {line[:60]!r}")
        families[int(index)] = family
    try:
        feat = np.loadtxt(paths["feat"], dtype=np.int64, ndmin=2)
    except ValueError as err:
        raise InputError(f"{paths['feat']}: {err}") from err
    ids = feat[:, 0].astype(str)
    values = feat[:, 1:]
    people = pd.DataFrame({"id": ids})
    for column, family in FEATURE_COLUMNS.items():
        cols = [i for i, f in families.items() if f == family and i < values.shape[1]]
        people[column] = [
            ";".join(f"{column} {cols[j]}" for j in np.flatnonzero(row)) for row in values[:, cols]
        ]
    circles: dict[str, list[str]] = {pid: [] for pid in ids}
    for lineno, line in enumerate(paths["circles"].read_text().splitlines(), 1):
        name, *members = line.split("\t")
        for member in members:
            if member not in circles:
                raise InputError(
                    f"{paths['circles']}, line {lineno}: {member!r} is not one of the contacts"
                )
            circles[member].append(name)
    people["circles"] = people["id"].map(lambda pid: ";".join(circles[pid]))
    people["name"] = "contact " + people["id"]
    me = pd.DataFrame({"id": [ego], "name": ["ego " + ego]})
    people = pd.concat([me, people], ignore_index=True).fillna("")

    try:
        edges = np.loadtxt(paths["edges"], dtype=np.int64, ndmin=2).astype(str)
    except ValueError as err:
        raise InputError(f"{paths['edges']}: {err}") from err
    pairs = pd.DataFrame(np.sort(edges, axis=1), columns=["source", "target"])
    truth = pairs[pairs["source"] != pairs["target"]].drop_duplicates(ignore_index=True)
    star = pd.DataFrame({"source": ego, "target": ids})
    return Network(people, star, ego=ego), truth
