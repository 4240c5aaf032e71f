"""The public readers: files in, a :class:`netgraph.Network` out.

Each reads the tables with :mod:`netgraph.io` (which never builds a Network) and validates
them into a Network here. Options common to all: ``today`` and ``strength_model`` (see
:class:`netgraph.Network`).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import IO

from netgraph import strength as _strength
from netgraph._names import renamed
from netgraph.errors import InputError, UnknownPersonError
from netgraph.io import contacts, formats, ics, mbox
from netgraph.io.record import NetworkTables
from netgraph.network import Network

__all__ = [
    "read_contacts",
    "read_csv",
    "read_graphml",
    "read_ics",
    "read_json",
    "read_linkedin",
    "read_mbox",
    "read_vcard",
]

Source = str | os.PathLike | IO


@renamed(ego="me")
def read_csv(
    people: Source | None = None,
    ties: Source | None = None,
    interactions: Source | None = None,
    *,
    me: str | None = None,
    directed: bool = False,
    today: object = None,
    strength_model: _strength.StrengthModel | None = None,
) -> Network:
    """Read a network from CSV files (paths or file objects), or from a folder ``to_csv`` wrote.

    Parameters
    ----------
    people : path or file, optional
        One row per person with an ``id`` column; other columns become attributes. A folder
        reads ``people.csv``, ``ties.csv`` and ``interactions.csv`` from it.
    ties, interactions : path or file, optional
        Stated ties (``source``, ``target``, optional ``kind``, ``since``, ``closeness``) and
        dated interactions (``source``, ``target``, ``date``, optional ``channel``, ``kind``).
    me : str, optional
        Your own id: the person whose network this is, who becomes ``net.ego`` (replaces
        the one a folder stores). Readers all take ``me=``; ``ego=`` is refused with a
        ``TypeError`` naming ``me=``.
    directed : bool, default False
        Whether the ties are directed (a folder written from a directed network is).
    today : date-like, optional
        The reference date for recency; None means the latest interaction date.
    strength_model : netgraph.StrengthModel, optional
        The tie-strength model; None uses the documented defaults.

    Returns
    -------
    Network

    Raises
    ------
    InputError
        For a file netgraph cannot use; the message names the file, row and column.
    """
    return _network(
        formats.read_csv_tables(people, ties, interactions),
        ego=me,
        directed=directed,
        today=today,
        strength_model=strength_model,
    )


@renamed(ego="me")
def read_json(
    path: str | os.PathLike,
    *,
    me: str | None = None,
    today: object = None,
    strength_model: _strength.StrengthModel | None = None,
) -> Network:
    """Read a network written by :meth:`Network.to_json`; ``me`` (your id) replaces its ego.

    Errors name the file and the table, such as ``net.json (ties), row 2``: rows count the
    records of that table from 1. ``today`` and ``strength_model`` are as for
    :func:`read_csv`.

    Returns
    -------
    Network
    """
    return _network(
        formats.read_json_tables(path), ego=me, today=today, strength_model=strength_model
    )


@renamed(ego="me")
def read_graphml(
    path: str | os.PathLike,
    *,
    me: str | None = None,
    today: object = None,
    strength_model: _strength.StrengthModel | None = None,
) -> Network:
    """Read a GraphML file: one written by :meth:`Network.to_graphml` exactly, any other as a graph.

    ``me`` (your id) replaces the ego stored in a file written by ``to_graphml``. A foreign file is
    read as by :meth:`Network.from_graph` (node attributes become people columns, the edge
    ``weight`` the tie strength). ``today`` and ``strength_model`` are as for
    :func:`read_csv`.

    Returns
    -------
    Network
    """
    return _network(
        formats.read_graphml_tables(path), ego=me, today=today, strength_model=strength_model
    )


@renamed(ego="me")
def read_linkedin(
    source: Source,
    *,
    me: str = "me",
    directed: bool = False,
    today: object = None,
    strength_model: _strength.StrengthModel | None = None,
) -> Network:
    """Read LinkedIn's export as an ego network: the full archive, or ``Connections.csv``.

    Request it under *Settings > Data privacy > Get a copy of your data*. The ego ``me`` is
    tied to every connection (kind ``"linkedin"``, ``since`` = *Connected On*); people are
    identified by their profile URL, which :meth:`Network.merge` uses to match them with
    other sources. The full archive adds messages (with direction; a group conversation
    gives co-recipient rows), invitations, and recommendations and endorsements given and
    received (gives, for :meth:`Network.ledger`); see
    :func:`netgraph.io.linkedin_archive.read_linkedin_archive_tables`.

    Parameters
    ----------
    source : path or file
        The archive's zip or folder, or ``Connections.csv`` (with or without LinkedIn's
        ``Notes:`` preamble).
    me : str, default "me"
        The id to give yourself, the ego.
    directed, today, strength_model
        As for :class:`netgraph.Network`.

    Returns
    -------
    Network
    """
    return _network(
        contacts.read_linkedin_tables(source, me=me),
        directed=directed,
        today=today,
        strength_model=strength_model,
    )


@renamed(ego="me")
def read_vcard(
    source: Source,
    *,
    me: str = "me",
    directed: bool = False,
    today: object = None,
    strength_model: _strength.StrengthModel | None = None,
) -> Network:
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
    directed, today, strength_model
        As for :class:`netgraph.Network`.

    Returns
    -------
    Network

    Warns
    -----
    NetgraphWarning
        When a card became the ego (its e-mail address is ``me``), besides the warnings of
        :func:`netgraph.io.read_vcard_people`.
    """
    return _network(
        contacts.read_vcard_tables(source, me=me),
        directed=directed,
        today=today,
        strength_model=strength_model,
    )


@renamed(ego="me")
def read_contacts(
    source: Source,
    *,
    me: str = "me",
    today: object = None,
    strength_model: _strength.StrengthModel | None = None,
) -> Network:
    """Read an address book as an ego network: vCard, or a Google Contacts or Outlook CSV.

    The format is recognised from the content (a CSV export from its header), so a Google
    or Outlook CSV is never taken for LinkedIn's. Each contact is tied to the ego ``me``
    (kind ``"contact"``) and carries ``email`` (every address), ``phone``, ``company``,
    ``role``, ``url`` and ``circles`` (the labels or categories you gave them), which
    :meth:`Network.merge` uses to match them with other sources.

    Parameters
    ----------
    source : path or file
        The ``.vcf`` or ``.csv`` file.
    me : str, default "me"
        The id to give yourself, the ego.
    today, strength_model
        As for :class:`netgraph.Network`.

    Returns
    -------
    Network

    Examples
    --------
    >>> import io
    >>> book = io.StringIO("First Name,Last Name,E-mail Address,Mobile Phone,Company,Job Title\\n"
    ...                    "Bo,Chen,bo@acme.example,+44 7700 900123,Acme,Engineer\\n")
    >>> net = read_contacts(book)
    >>> net.people.loc["bo@acme.example", ["name", "phone", "company"]].tolist()
    ['Bo Chen', '+44 7700 900123', 'Acme']
    """
    return _network(
        contacts.read_contacts_tables(source, me=me), today=today, strength_model=strength_model
    )


@renamed(ego="me")
def read_ics(
    source: Source,
    *,
    me: str | Sequence[str],
    limit: int = 25,
    start: object = None,
    end: object = None,
    today: object = None,
    strength_model: _strength.StrengthModel | None = None,
) -> Network:
    """Read a calendar export (``.ics`` from Google, Outlook or Apple) as who met whom.

    Each event is a meeting between you and each attendee who did not decline, and
    co-attendance among the attendees weighted :math:`1/(n-1)` (Newman 2001); an event with
    more than ``limit`` people is a group (its title in ``groups``), not a clique; repeating
    events are expanded up to the export. The result has no stated ties: the ties are
    observed, from the interactions. See :func:`netgraph.io.ics.read_ics_tables`.

    Parameters
    ----------
    source : path or file
        The ``.ics`` file.
    me : str or sequence of str
        Your e-mail address, or all of them (work, home): the first is your id.
    limit : int, default 25
        Events with more people (you included) are groups.
    start, end : date-like, optional
        The window for repeating events; default from the first event to the export.
    today, strength_model
        As for :class:`netgraph.Network`.

    Returns
    -------
    Network
    """
    people, interactions = ics.read_ics_tables(source, me=me, limit=limit, start=start, end=end)
    tables = NetworkTables(people, None, interactions, ego=str(people.index[0]))
    return _network(tables, today=today, strength_model=strength_model)


@renamed(ego="me")
def read_mbox(
    source: str | os.PathLike,
    *,
    me: str | Sequence[str],
    limit: int = 25,
    today: object = None,
    strength_model: _strength.StrengthModel | None = None,
) -> Network:
    """Read a mailbox (``.mbox``: Gmail's Takeout, Thunderbird, Apple Mail) as who wrote to whom.

    Only the ``From``, ``To``, ``Cc``, ``Date`` and ``List-Id`` headers are read, never a
    subject or body. Each mail is a message between you and each correspondent (from the
    sender), and a co-recipient row between each pair of the others weighted
    :math:`1/(n-1)`; mailing lists and mass mail (more than ``limit`` people) are groups,
    not ties. See :func:`netgraph.io.mbox.read_mbox_tables`.

    Parameters
    ----------
    source : str or path-like
        The ``.mbox`` file (or Apple Mail's ``.mbox`` folder).
    me : str or sequence of str
        Your e-mail address, or all of them: the first is your id.
    limit : int, default 25
        Mails with more people are mass mail.
    today, strength_model
        As for :class:`netgraph.Network`.

    Returns
    -------
    Network
    """
    people, interactions = mbox.read_mbox_tables(source, me=me, limit=limit)
    tables = NetworkTables(people, None, interactions, ego=str(people.index[0]))
    return _network(tables, today=today, strength_model=strength_model)


def _network(
    tables: NetworkTables,
    *,
    ego: str | None = None,
    directed: bool = False,
    today: object = None,
    strength_model: _strength.StrengthModel | None = None,
) -> Network:
    """A Network from read tables, with the caller's ego, else the one the source stores.

    An unknown stored ego is an InputError naming the file that stores it; an unknown ego
    from the caller stays an UnknownPersonError.
    """
    options = {
        "directed": directed or tables.directed,
        "today": today,
        "strength_model": strength_model,
    }
    people, ties, interactions = tables.people, tables.ties, tables.interactions
    if ego is not None or tables.ego is None:
        net = Network(people, ties, interactions, ego=ego, **options)
    else:
        try:
            net = Network(people, ties, interactions, ego=tables.ego, **options)
        except UnknownPersonError as err:
            if tables.source is None:
                raise
            raise InputError(
                f"the ego {tables.ego!r} is not one of the people",
                file=tables.source,
                fix="Set the ego to the id of one of the people, or to null.",
            ) from err
    if tables.answers is None and tables.inferred_by is None:
        return net
    # who knows whom (issue 11): the answers, and how the inferred ties were inferred
    return net._with_who_knows_whom(tables.answers, tables.inferred_by)
