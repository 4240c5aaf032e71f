"""Pseudonymising a network for sharing: keyed-hash ids, and only the columns netgraph reads.

Works on validated tables (:class:`netgraph.io.NetworkTables`);
:meth:`netgraph.Network.anonymize` is the public entry point.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Iterable

import pandas as pd

from netgraph._privacy import FREE_TEXT_COLUMNS, scrub
from netgraph.errors import InputError, NetgraphError
from netgraph.io.record import NetworkTables

__all__ = ["INTERACTION_COLUMNS", "TIE_COLUMNS", "anonymize_tables"]

# The columns of ties and interactions that netgraph reads (anonymize keeps only these).
TIE_COLUMNS = [
    *("source", "target", "kind", "since", "closeness", "weight", "evidence", "probability")
]
INTERACTION_COLUMNS = ["source", "target", "date", "channel", "kind", "weight", "event"]


def anonymize_tables(
    tables: NetworkTables, *, keep: Iterable[str] = (), key: str | bytes | None = None
) -> NetworkTables:
    """Rename every person to a pseudonym such as ``p-3f9a1c2b7d04e6a8``.

    Pseudonyms are keyed hashes (HMAC-SHA256) of the ids: the same person gets the same
    pseudonym in every table and, given the same ``key``, in every call. With no key a
    random one is used, so nobody can recover a name by hashing candidate ids. Free text
    in the tie and interaction columns netgraph reads (``kind``, ``channel``, ``evidence``)
    is kept only where it is a known category word ("give", "meeting", "email",
    "colleague"); any other value becomes a keyed pseudonym such as ``kind-3f9a1c2b``, and
    event ids are always pseudonymised, unless the column is named in ``keep``.

    Parameters
    ----------
    tables : NetworkTables
        Validated tables (people indexed by id).
    keep : iterable of str
        People columns to keep (all others are dropped), and extra tie or interaction
        columns to keep besides those netgraph reads (:data:`TIE_COLUMNS`,
        :data:`INTERACTION_COLUMNS`).
    key : str or bytes, optional
        The HMAC key; None draws a random one. An empty or non-text key (``""``, ``b""``,
        ``0``) is an :class:`InputError`.

    Returns
    -------
    NetworkTables
        The renamed tables, with the ego's pseudonym.
    """
    if key is None:
        secret = secrets.token_bytes(32)
    elif isinstance(key, str | bytes) and key:
        secret = key.encode() if isinstance(key, str) else key
    else:  # an empty key lets anyone recompute the pseudonyms; 0 is no key at all
        raise InputError(
            f"key={key!r} is not a usable secret: it must be a non-empty str or bytes",
            fix="Pass a long random secret you keep (key=secrets.token_hex(32)), or no key "
            "for a random one.",
        )
    ids = tables.people.index.astype(str)
    pseudonyms = {
        pid: "p-" + hmac.new(secret, pid.encode(), hashlib.sha256).hexdigest()[:16] for pid in ids
    }
    if len(set(pseudonyms.values())) < len(pseudonyms):  # 64 bits: about 1e-10 at 100k
        raise NetgraphError("two people got the same pseudonym; call anonymize() again")
    keep = list(keep)
    people = tables.people[[c for c in keep if c in tables.people.columns]]
    people = people.rename(index=pseudonyms)
    people.index.name = "id"

    def rename(frame: pd.DataFrame, documented: list[str]) -> pd.DataFrame:
        frame = frame[[c for c in frame.columns if c in documented or c in keep]]
        # Categories netgraph reads may hold free text ("Lunch with Jane Doe"): kept only as
        # known words, other values pseudonymised, unless the user keeps the column.
        text = {
            c: scrub(frame[c], secret=secret, prefix=c, keep_known=c != "event")
            for c in FREE_TEXT_COLUMNS
            if c in frame.columns and c not in keep
        }
        return frame.assign(
            source=frame["source"].map(pseudonyms), target=frame["target"].map(pseudonyms), **text
        )

    return tables._replace(
        people=people,
        ties=rename(tables.ties, TIE_COLUMNS),
        interactions=rename(tables.interactions, INTERACTION_COLUMNS),
        ego=None if tables.ego is None else pseudonyms[tables.ego],
    )
