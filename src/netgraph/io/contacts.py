"""Personal contact exports as ego-network tables: LinkedIn connections and vCard address books.

The public readers that return a :class:`netgraph.Network` are :func:`netgraph.read_linkedin`
and :func:`netgraph.read_vcard` (in :mod:`netgraph.readers`).
"""

from __future__ import annotations

import os
from typing import IO

import pandas as pd

from netgraph.io._messages import warn
from netgraph.io.linkedin import read_linkedin_connections
from netgraph.io.record import NetworkTables
from netgraph.io.vcard import read_vcard_people

__all__ = ["read_linkedin_tables", "read_vcard_tables"]


def read_linkedin_tables(source: str | os.PathLike | IO, *, me: str = "me") -> NetworkTables:
    """Read LinkedIn's ``Connections.csv`` export as the tables of an ego network.

    The ego ``me`` is tied to every connection (kind ``"linkedin"``, ``since`` = *Connected
    On*); people are identified by their profile URL.

    Parameters
    ----------
    source : path or file
        The ``Connections.csv`` file, with or without LinkedIn's ``Notes:`` preamble.
    me : str, default "me"
        The id to give yourself, the ego.

    Returns
    -------
    NetworkTables
        People and ties, with ``ego`` = ``me``.
    """
    me = str(me).strip()  # as ids are kept; read_linkedin_connections refuses an empty one
    people, ties = read_linkedin_connections(source, me=me)
    return NetworkTables(people, ties, None, ego=me)


def read_vcard_tables(source: str | os.PathLike | IO, *, me: str = "me") -> NetworkTables:
    """Read a vCard address book (``.vcf``; vCard 2.1, 3.0 and 4.0) as ego-network tables.

    Each contact is tied to the ego ``me`` (kind ``"contact"``); people are identified by
    e-mail where they have one, otherwise by their name as a slug (see
    :func:`netgraph.io.read_vcard_people`).

    Parameters
    ----------
    source : path or file
        The ``.vcf`` file.
    me : str, default "me"
        The id to give yourself, the ego. An id made from a name never takes it: a contact
        named "Me" becomes ``me-2``. When ``me`` is an e-mail address and a card has it (your
        own card), that card describes the ego and is not a contact; a warning says so.

    Returns
    -------
    NetworkTables
        People and ties, with ``ego`` = ``me``.

    Warns
    -----
    NetgraphWarning
        When a card became the ego (its e-mail address is ``me``), besides the warnings of
        :func:`netgraph.io.read_vcard_people`.
    """
    me = str(me).strip()  # as ids are kept; read_vcard_people refuses an empty one
    people = read_vcard_people(source, me=me)
    if me in people.index:  # only an e-mail address can be me: ids from names skip it
        warn(
            f"{people.attrs['file']}: used the card with the e-mail address {me!r} as your own "
            "(the ego's), not as a contact. Pass another id as me= to keep it as a contact."
        )
    else:
        people = pd.concat([pd.DataFrame(index=pd.Index([me], name="id", dtype="str")), people])
    contacts = people.index[people.index != me]
    ties = pd.DataFrame({"source": me, "target": contacts.astype(str), "kind": "contact"})
    return NetworkTables(people.reset_index(), ties, None, ego=me)
