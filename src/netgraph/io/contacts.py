"""Personal contact exports as networks: LinkedIn connections and vCard address books."""

from __future__ import annotations

import os
from typing import IO, Any

import pandas as pd

from netgraph.io.linkedin import read_linkedin_connections
from netgraph.io.tables import _warn
from netgraph.io.vcard import read_vcard_people

__all__ = ["read_linkedin", "read_vcard"]


def read_linkedin(source: str | os.PathLike | IO, *, me: str = "me", **options: Any):
    """Read LinkedIn's ``Connections.csv`` export as an ego network.

    Request it under *Settings > Data privacy > Get a copy of your data > Connections*. The
    ego ``me`` is tied to every connection (kind ``"linkedin"``, ``since`` = *Connected On*);
    people are identified by their profile URL, which :meth:`Network.merge` uses to match
    them with other sources.

    Parameters
    ----------
    source : path or file
        The ``Connections.csv`` file, with or without LinkedIn's ``Notes:`` preamble.
    me : str, default "me"
        The id to give yourself, the ego.
    **options
        Passed to :class:`netgraph.Network`.
    """
    from netgraph.network import Network

    me = str(me).strip()  # as ids are kept; read_linkedin_connections refuses an empty one
    people, ties = read_linkedin_connections(source, me=me)
    return Network(people, ties, None, ego=me, **options)


def read_vcard(source: str | os.PathLike | IO, *, me: str = "me", **options: Any):
    """Read a vCard address book (``.vcf``; vCard 2.1, 3.0 and 4.0) as an ego network.

    Google Contacts, Apple Contacts and Outlook all export this format. Each contact is tied
    to the ego ``me`` (kind ``"contact"``); people are identified by e-mail where they have one,
    otherwise by their name as a slug (see :func:`netgraph.io.read_vcard_people`).

    Parameters
    ----------
    source : path or file
        The ``.vcf`` file.
    me : str, default "me"
        The id to give yourself, the ego. An id made from a name never takes it: a contact
        named "Me" becomes ``me-2``. When ``me`` is an e-mail address and a card has it (your
        own card), that card describes the ego and is not a contact; a warning says so.
    **options
        Passed to :class:`netgraph.Network`.

    Warns
    -----
    NetgraphWarning
        When a card became the ego (its e-mail address is ``me``), besides the warnings of
        :func:`netgraph.io.read_vcard_people`.
    """
    from netgraph.network import Network

    me = str(me).strip()  # as ids are kept; read_vcard_people refuses an empty one
    people = read_vcard_people(source, me=me)
    if me in people.index:  # only an e-mail address can be me: ids from names skip it
        _warn(
            f"{people.attrs['file']}: used the card with the e-mail address {me!r} as your own "
            "(the ego's), not as a contact. Pass another id as me= to keep it as a contact."
        )
    else:
        people = pd.concat([pd.DataFrame(index=pd.Index([me], name="id", dtype="str")), people])
    contacts = people.index[people.index != me]
    ties = pd.DataFrame({"source": me, "target": contacts.astype(str), "kind": "contact"})
    return Network(people.reset_index(), ties, None, ego=me, **options)
