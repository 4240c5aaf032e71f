"""Personal contact exports as networks: LinkedIn connections and vCard address books."""

from __future__ import annotations

import os
from typing import IO, Any

import pandas as pd

from netgraph.io.linkedin import read_linkedin_connections
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

    people, ties = read_linkedin_connections(source, me=me)
    return Network(people, ties, None, ego=me, **options)


def read_vcard(source: str | os.PathLike | IO, *, me: str = "me", **options: Any):
    """Read a vCard address book (``.vcf``; vCard 3.0 and 4.0) as an ego network.

    Google Contacts, Apple Contacts and Outlook all export this format. Each contact is tied
    to the ego ``me`` (kind ``"contact"``); people are identified by e-mail where they have one.
    """
    from netgraph.network import Network

    people = read_vcard_people(source)
    if me not in people.index:
        people = pd.concat([pd.DataFrame(index=pd.Index([me], name="id")), people])
    contacts = people.index[people.index != me]
    ties = pd.DataFrame({"source": me, "target": contacts.astype(str), "kind": "contact"})
    return Network(people.reset_index(), ties, None, ego=me, **options)
