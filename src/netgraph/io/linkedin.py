"""Read LinkedIn's ``Connections.csv`` export as people and ego ties.

LinkedIn's data export (*Settings > Data privacy > Get a copy of your data > Connections*)
holds ``Connections.csv``. Recent exports start with a ``Notes:`` line, a quoted note about
missing e-mail addresses and a blank line, then the header::

    First Name,Last Name,URL,Email Address,Company,Position,Connected On

Older exports have no ``URL`` column and no preamble. :func:`read_linkedin_connections` finds
the header by its content, so either works, as does a copy re-saved by a spreadsheet with
``;`` separators.
"""

from __future__ import annotations

import io
import os
import re
from typing import IO
from urllib.parse import unquote

import numpy as np
import pandas as pd

from netgraph.errors import InputError
from netgraph.io._decode import parse_csv_text as _parse_csv_text
from netgraph.io._decode import read_text as _read_text
from netgraph.io._messages import describe_rows as _where
from netgraph.io._messages import plural as _count
from netgraph.io._messages import warn as _warn
from netgraph.io._values import ego_id as _ego_id
from netgraph.io._values import parse_dates as _parse_dates
from netgraph.io._values import slugify as _slug
from netgraph.io._values import unique_ids as _unique_ids
from netgraph.io.address_books import address_book_kind

__all__ = ["read_linkedin_connections"]

_PROFILE = re.compile(r"linkedin\.com/in/([^/?#\s]+)", re.IGNORECASE)
_HOW_TO_EXPORT = (
    "Pass Connections.csv from LinkedIn's export (Settings > Data privacy > Get a copy of your "
    "data > Connections), unzipped."
)
_COLUMNS = {
    "first_name": "first_name",
    "last_name": "last_name",
    "url": "url",
    "email_address": "email",
    "company": "company",
    "position": "role",
    "connected_on": "connected_on",
}


def read_linkedin_connections(
    source: str | os.PathLike | IO, *, me: str = "me"
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read LinkedIn's ``Connections.csv`` as a people table and the ego's ties.

    Parameters
    ----------
    source : str, path-like or file object
        ``Connections.csv``, with or without the ``Notes:`` preamble and the ``URL`` column.
    me : str, default "me"
        The id of the ego, the owner of the export; added as a person and tied to every
        connection.

    Returns
    -------
    people : pandas.DataFrame
        Indexed by ``id``, the ego first, then the connections in file order. Columns
        ``name`` (first and last name), ``first_name``, ``last_name``, ``url``, ``email``
        (lower-cased; mostly missing, as LinkedIn only exports those members allow),
        ``company``, ``role`` (LinkedIn's *Position*) and ``connected_on``
        (``datetime64[ns]``), then any other column of the export. The ego's row is empty
        apart from its id.
    ties : pandas.DataFrame
        One row per connection, indexed by its line in the file: ``source`` (``me``),
        ``target``, ``kind`` (``"linkedin"``) and ``since`` (*Connected On*).

    Raises
    ------
    InputError
        When no header with *First Name* and *Last Name* is found, a *Connected On* date
        cannot be read, or ``me`` is also a connection's id.

    Warns
    -----
    NetgraphWarning
        When rows without a name were skipped (LinkedIn leaves them for members who hide
        their profile) or a profile was listed twice (the first row is kept); counted.

    Notes
    -----
    A connection's id is the slug of their profile URL, lower-cased and percent-decoded
    (``https://www.linkedin.com/in/jane-doe-1a2b3c/`` gives ``jane-doe-1a2b3c``), which is
    stable across exports. Without a URL (older exports), the id is the name as a slug
    (``"José Núñez"`` gives ``jose-nunez``), made unique in file order by appending ``-2``,
    ``-3``, ... to later namesakes.

    Examples
    --------
    >>> import io
    >>> export = io.StringIO(
    ...     'Notes:\\n"Some e-mail addresses may be missing."\\n\\n'
    ...     "First Name,Last Name,URL,Email Address,Company,Position,Connected On\\n"
    ...     'Jane,Doe,https://www.linkedin.com/in/jane-doe-1a2b3c,,"Acme, Inc.",CTO,15 Mar 2021\\n'
    ... )
    >>> people, ties = read_linkedin_connections(export)
    >>> people[["name", "company", "connected_on"]]  # doctest: +NORMALIZE_WHITESPACE
                         name     company connected_on
    id
    me                    NaN         NaN          NaT
    jane-doe-1a2b3c  Jane Doe  Acme, Inc.   2021-03-15
    >>> ties  # doctest: +NORMALIZE_WHITESPACE
         source           target      kind      since
    line
    5        me  jane-doe-1a2b3c  linkedin 2021-03-15
    """
    text, file = _read_text(source, name=None, default="Connections.csv")
    me = _ego_id(me, file=file)
    header, start = _find_header(text, file=file)
    frame = _parse_csv_text(text[start:], file=file, first_line=header + 1, allow_empty=True)
    frame = frame.rename(columns=_COLUMNS)
    for column in _COLUMNS.values():
        if column not in frame.columns:
            frame[column] = pd.Series(np.nan, index=frame.index, dtype="str")
    for column in frame.columns:
        frame[column] = frame[column].str.strip().replace("", np.nan)

    name = (frame["first_name"].fillna("") + " " + frame["last_name"].fillna("")).str.strip()
    nameless = (name == "").to_numpy()
    if nameless.any():
        _warn(
            f"{file}: skipped {_count(int(nameless.sum()), 'row')} without a name "
            f"({_where(frame, nameless)}); LinkedIn leaves these for members who hide their "
            "profile."
        )
        frame, name = frame[~nameless], name[~nameless]
    frame["name"] = name
    frame["email"] = frame["email"].str.lower()
    frame["connected_on"] = _parse_dates(
        frame["connected_on"], file=file, column="Connected On", frame=frame
    )

    slug = frame["url"].str.extract(_PROFILE, expand=False).astype("str")
    slug = slug.map(unquote, na_action="ignore").astype("str").str.lower().str.strip("-")
    slug = slug.where(slug != "")
    from_name = slug.isna().to_numpy()
    again = slug.duplicated(keep="first").to_numpy() & ~from_name
    if again.any():
        _warn(
            f"{file}: skipped {_count(int(again.sum()), 'profile')} listed twice "
            f"({_where(frame, again)}); kept the first row."
        )
        frame, slug, from_name = frame[~again], slug[~again], from_name[~again]
    if (slug == me).any():
        line = frame.index[int(np.flatnonzero((slug == me).to_numpy())[0])]
        raise InputError(
            f"the ego's id {me!r} is also the id of the connection on this line",
            file=file,
            row=int(line),
            column="URL",
            fix="Pass another id as me=, such as your own LinkedIn profile slug.",
        )
    names = frame["name"][from_name].map(_slug)
    names = names.where(names != "", "linkedin")
    slug[from_name] = _unique_ids(names, taken=set(slug.dropna()) | {me})

    columns = ["name", "first_name", "last_name", "url", "email", "company", "role"]
    extra = [c for c in frame.columns if c not in columns and c != "connected_on"]
    people = frame[columns].astype("str")
    people["connected_on"] = frame["connected_on"]
    people[extra] = frame[extra]  # columns a later export may add, kept as they are
    people.index = pd.Index(slug.to_numpy(), name="id", dtype="str")
    ego = pd.DataFrame({c: pd.Series([np.nan], dtype=people[c].dtype) for c in people.columns})
    ego.index = pd.Index([me], name="id", dtype="str")
    people = pd.concat([ego, people]) if len(people) else ego
    people.attrs["file"] = file

    ties = pd.DataFrame(
        {
            "source": pd.Series(me, index=frame.index, dtype="str"),
            "target": pd.Series(slug.to_numpy(), index=frame.index, dtype="str"),
            "kind": pd.Series("linkedin", index=frame.index, dtype="str"),
            "since": frame["connected_on"],
        }
    )
    ties.attrs["file"] = file
    return people, ties


def _find_header(text: str, *, file: str) -> tuple[int, int]:
    """Line number (0-based) and offset of the first line naming *First Name* and *Last Name*."""
    offset = 0
    for number, line in enumerate(io.StringIO(text)):
        cells = {cell.strip().strip('"').strip().lower() for cell in re.split(r"[,;\t]", line)}
        if {"first name", "last name"} <= cells or "e-mail 1 - value" in cells:
            kind = address_book_kind(list(cells))
            if kind in {"google", "outlook"}:
                raise InputError(
                    f"this is {'a Google Contacts' if kind == 'google' else 'an Outlook'} "
                    "contacts export, not LinkedIn's Connections.csv",
                    file=file,
                    row=number + 1,
                    fix="Read it as an address book: netgraph.read_contacts(path), or "
                    "--contacts on the command line.",
                )
            return number, offset
        offset += len(line)
    raise InputError(
        "no header with 'First Name' and 'Last Name' found; this is not LinkedIn's Connections.csv",
        file=file,
        fix=_HOW_TO_EXPORT,
    )
