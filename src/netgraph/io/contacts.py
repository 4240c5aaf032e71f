"""Personal contact exports as ego-network tables: LinkedIn, vCard and CSV address books.

The public readers that return a :class:`netgraph.Network` are :func:`netgraph.read_linkedin`,
:func:`netgraph.read_vcard` and :func:`netgraph.read_contacts` (in :mod:`netgraph.readers`).
"""

from __future__ import annotations

import io
import os
from typing import IO

import pandas as pd

from netgraph.io._decode import read_text as _read_text
from netgraph.io._messages import warn
from netgraph.io._values import ego_id as _ego_id
from netgraph.io.address_books import read_address_book_people
from netgraph.io.linkedin import read_linkedin_connections
from netgraph.io.linkedin_archive import is_linkedin_archive, read_linkedin_archive_tables
from netgraph.io.record import NetworkTables
from netgraph.io.vcard import read_vcard_people

__all__ = ["read_contacts_tables", "read_linkedin_tables", "read_vcard_tables"]


def read_linkedin_tables(source: str | os.PathLike | IO, *, me: str = "me") -> NetworkTables:
    """Read LinkedIn's export as the tables of an ego network.

    The ego ``me`` is tied to every connection (kind ``"linkedin"``, ``since`` = *Connected
    On*); people are identified by their profile URL. The full archive adds messages,
    invitations, recommendations and endorsements as interactions (see
    :func:`netgraph.io.linkedin_archive.read_linkedin_archive_tables`).

    Parameters
    ----------
    source : path or file
        The archive (the zip LinkedIn sends, or its folder), or ``Connections.csv`` alone,
        with or without LinkedIn's ``Notes:`` preamble.
    me : str, default "me"
        The id to give yourself, the ego.

    Returns
    -------
    NetworkTables
        People and ties, with ``ego`` = ``me``.
    """
    me = str(me).strip()  # as ids are kept; read_linkedin_connections refuses an empty one
    if is_linkedin_archive(source):
        people, ties, interactions = read_linkedin_archive_tables(source, me=me)
        return NetworkTables(people, ties, interactions, ego=me)
    people, ties = read_linkedin_connections(source, me=me)
    return NetworkTables(people, ties, None, ego=me)


def read_contacts_tables(source: str | os.PathLike | IO, *, me: str = "me") -> NetworkTables:
    """Read an address book as ego-network tables: a vCard file, or a Google Contacts or
    Outlook CSV export, told apart by their content.

    Each contact is tied to the ego ``me`` (kind ``"contact"``). See
    :func:`read_vcard_tables` and :func:`netgraph.io.address_books.read_address_book_people`.

    Parameters
    ----------
    source : path or file
        The ``.vcf`` or ``.csv`` file.
    me : str, default "me"
        The id to give yourself, the ego.

    Returns
    -------
    NetworkTables
        People and ties, with ``ego`` = ``me``.
    """
    text, file = _read_text(source, name=None, default="contacts")
    if text.lstrip()[:11].upper() == "BEGIN:VCARD":
        stream = io.StringIO(text)
        stream.name = file
        return read_vcard_tables(stream, me=me)
    me = _ego_id(me, file=file)
    stream = io.StringIO(text)
    stream.name = file
    people = read_address_book_people(stream, me=me)
    people = pd.concat([pd.DataFrame(index=pd.Index([me], name="id", dtype="str")), people])
    contacts = people.index[people.index != me]
    ties = pd.DataFrame({"source": me, "target": contacts.astype(str), "kind": "contact"})
    return NetworkTables(people.reset_index(), ties, None, ego=me)


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
