"""Read address books exported as CSV by Google Contacts and Outlook, recognised by header.

Google Contacts (*Export > Google CSV* or *Outlook CSV*) and Outlook (*File > Open & Export >
Import/Export > Export to a file > Comma Separated Values*) write CSV files whose first
columns look like LinkedIn's (``First Name``, ``Last Name``), but whose e-mails, phones and
companies sit in other columns. :func:`address_book_kind` tells the four apart from the
header alone; :func:`read_address_book_people` reads the two address-book layouts.

The headers, as the exporters write them (checked against the import/export code of several
open-source contact tools that read or write these files):

- Google CSV (since 2023): ``First Name, Middle Name, Last Name, ..., Nickname, File As,
  Organization Name, Organization Title, Organization Department, Birthday, Notes, Photo,
  Labels, E-mail 1 - Label, E-mail 1 - Value, ..., Phone 1 - Label, Phone 1 - Value, ...,
  Address 1 - City, ..., Website 1 - Label, Website 1 - Value``. A cell holding several
  values separates them with `` ::: ``; ``Labels`` holds ``* myContacts`` and your labels.
- Google CSV (before 2023): ``Name, Given Name, Additional Name, Family Name, ...,
  Group Membership, E-mail 1 - Type, E-mail 1 - Value, Phone 1 - Type, Phone 1 - Value,
  Organization 1 - Name, Organization 1 - Title, Website 1 - Value``.
- Outlook CSV: ``First Name, Middle Name, Last Name, Title`` (Mr, Dr: not a job),
  ``..., E-mail Address, E-mail 2 Address, E-mail 3 Address, Primary Phone, Home Phone,
  Mobile Phone, ..., Business Phone, Company, Job Title, Department, ..., Web Page,
  Categories`` (``;``-separated).
"""

from __future__ import annotations

import os
import re
from typing import IO

import numpy as np
import pandas as pd

from netgraph.errors import InputError
from netgraph.io._decode import parse_csv_text as _parse_csv_text
from netgraph.io._decode import read_text as _read_text
from netgraph.io._events import normal_email
from netgraph.io._messages import describe_rows as _where
from netgraph.io._messages import plural as _count
from netgraph.io._messages import warn as _warn
from netgraph.io._values import slugify as _slug
from netgraph.io._values import unique_ids as _unique_ids

__all__ = ["address_book_kind", "read_address_book_people"]

_MULTI = re.compile(r"\s*:::\s*")
_GOOGLE_SYSTEM_LABELS = {"* myContacts", "* starred", "* other", "myContacts", "starred"}
_NUMBERED = re.compile(r"^(e-mail|phone|website)_(\d+)_-_value$")


def address_book_kind(columns: list[str]) -> str | None:
    """Which export a header is: ``"google"``, ``"outlook"``, ``"linkedin"`` or None.

    ``columns`` are header cells as written or normalised (lower-case, ``_`` for spaces).

    >>> address_book_kind(["First Name", "Last Name", "E-mail 1 - Value", "Labels"])
    'google'
    >>> address_book_kind(["First Name", "Last Name", "E-mail Address", "Job Title"])
    'outlook'
    >>> address_book_kind(["First Name", "Last Name", "URL", "Email Address", "Connected On"])
    'linkedin'
    """
    cells = {re.sub(r"\s+", "_", str(c).strip().strip('"').lower()) for c in columns}
    if "e-mail_1_-_value" in cells or "phone_1_-_value" in cells or "group_membership" in cells:
        return "google"
    names = {"first_name", "last_name"} <= cells
    if names and {"e-mail_address", "job_title"} & cells and "connected_on" not in cells:
        return "outlook"
    if names and {"connected_on", "url", "email_address", "position"} & cells:
        return "linkedin"
    return None


def read_address_book_people(
    source: str | os.PathLike | IO, *, me: str | None = None
) -> pd.DataFrame:
    """Read a Google Contacts or Outlook CSV export as a people table.

    Parameters
    ----------
    source : str, path-like or file object
        The CSV file, as exported (UTF-8 or Windows-1252, with or without a byte-order
        mark; ``,`` or ``;`` separators).
    me : str, optional
        An id kept for the ego: no id made from a name takes it.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``id`` (the first e-mail address, else the name as a slug made unique
        in file order), one row per contact: ``name``, ``first_name``, ``last_name``,
        ``email`` (every address, lower-cased, ``;``-separated, the first one first),
        ``phone`` (every number as written, ``;``-separated), ``company``, ``role`` (the
        job title), ``url`` (the first website), ``circles`` (Google's labels without
        ``* myContacts``, Outlook's categories: the groups you drew, ``;``-separated, which
        :meth:`netgraph.Network.infer_ties` reads as circles) and ``address_book``
        (``"google"`` or ``"outlook"``). ``attrs["file"]`` holds the file's name.

    Raises
    ------
    InputError
        When the header is neither Google's nor Outlook's (a LinkedIn export is named as
        such, with the reader to use).

    Warns
    -----
    NetgraphWarning
        When rows with neither a name nor an e-mail address were skipped (counted), or two
        rows share an e-mail address (the first is kept; counted).
    """
    text, file = _read_text(source, name=None, default="contacts.csv")
    frame = _parse_csv_text(text, file=file)
    kind = address_book_kind(list(frame.columns))
    if kind not in {"google", "outlook"}:
        what = "LinkedIn's Connections.csv" if kind == "linkedin" else "an unknown CSV"
        raise InputError(
            f"this is {what}, not a Google Contacts or Outlook export (its columns: "
            f"{', '.join(list(frame.columns)[:6])}, ...)",
            file=file,
            row=1,
            fix="Read LinkedIn's export with read_linkedin, a table of your own with read_csv.",
        )
    frame = frame.apply(lambda c: c.str.strip()).replace("", np.nan)
    people = _google(frame) if kind == "google" else _outlook(frame)
    people["address_book"] = kind

    blank = (people["name"].isna() & people["email"].isna()).to_numpy()
    if blank.any():
        _warn(
            f"{file}: skipped {_count(int(blank.sum()), 'contact')} with neither a name nor "
            f"an e-mail address ({_where(people, blank)})."
        )
        people = people[~blank]
    first = _first(people["email"])
    again = first.duplicated(keep="first").to_numpy() & first.notna().to_numpy()
    if again.any():
        _warn(
            f"{file}: skipped {_count(int(again.sum()), 'contact')} whose e-mail address an "
            f"earlier contact has ({_where(people, again)}); kept the first."
        )
        people, first = people[~again], first[~again]
    from_name = first.isna()
    names = people["name"][from_name].map(_slug)
    names = names.where(names != "", "contact")
    taken = set(first.dropna()) | ({me} if me else set())
    ids = first.copy()
    ids[from_name] = _unique_ids(names, taken=taken)
    if me is not None and (ids == me).any():
        ids[ids == me] = _unique_ids(pd.Series([me]), taken=set(ids) | {me}).iloc[0]
    people.index = pd.Index(ids.to_numpy(), name="id", dtype="str")
    for column in people.columns:
        people[column] = people[column].astype("str")
    people.attrs["file"] = file
    return people


def _joined(frame: pd.DataFrame, columns: list[str], *, lower: bool = False) -> pd.Series:
    """The non-empty values of ``columns`` (each maybe ' ::: '-separated), ';'-joined."""
    present = [c for c in columns if c in frame.columns]

    def row_values(row) -> str | float:
        seen: list[str] = []
        for cell in row:
            if isinstance(cell, str):
                for value in _MULTI.split(cell):
                    value = value.strip().lower() if lower else value.strip()
                    if value and value not in seen:
                        seen.append(value)
        return ";".join(seen) if seen else np.nan

    if not present:
        return pd.Series(np.nan, index=frame.index, dtype="str")
    return frame[present].apply(row_values, axis=1).astype("str")


def _first(values: pd.Series) -> pd.Series:
    """The first of ';'-separated values."""
    return values.map(lambda v: v.split(";")[0], na_action="ignore").astype("str")


def _emails(frame: pd.DataFrame, columns: list[str]) -> pd.Series:
    joined = _joined(frame, columns, lower=True)
    return joined.map(
        lambda v: ";".join(a for a in (normal_email(x) for x in v.split(";")) if a) or np.nan,
        na_action="ignore",
    ).astype("str")


def _numbered(frame: pd.DataFrame, kind: str) -> list[str]:
    """'e-mail_1_-_value', 'e-mail_2_-_value', ... in number order."""
    found = [(int(m.group(2)), c) for c in frame.columns if (m := _NUMBERED.match(c))]
    return [c for n, c in sorted(found) if c.startswith(kind)]


def _name(frame: pd.DataFrame, parts: list[str], whole: list[str]) -> pd.Series:
    joined = frame.reindex(columns=parts).apply(
        lambda row: " ".join(v for v in row if isinstance(v, str)) or np.nan, axis=1
    )
    for column in whole:  # 'Name', 'File As', 'Nickname' when the parts are empty
        if column in frame.columns:
            joined = joined.fillna(frame[column])
    return joined.astype("str")


def _tags(values: pd.Series, separator: re.Pattern | str) -> pd.Series:
    def clean(cell: str) -> str | float:
        tags = [t.strip() for t in re.split(separator, cell) if t.strip()]
        tags = [t for t in tags if t not in _GOOGLE_SYSTEM_LABELS]
        return ";".join(dict.fromkeys(tags)) or np.nan

    return values.map(clean, na_action="ignore").astype("str")


def _column(frame: pd.DataFrame, *names: str) -> pd.Series:
    for name in names:
        if name in frame.columns:
            return frame[name].astype("str")
    return pd.Series(np.nan, index=frame.index, dtype="str")


def _google(frame: pd.DataFrame) -> pd.DataFrame:
    first = _column(frame, "first_name", "given_name")
    last = _column(frame, "last_name", "family_name")
    labels = _column(frame, "labels", "group_membership")
    return pd.DataFrame(
        {
            "name": _name(
                frame,
                [
                    "first_name",
                    "given_name",
                    "middle_name",
                    "additional_name",
                    "last_name",
                    "family_name",
                ],  # fmt: skip
                ["name", "file_as", "nickname"],
            ),
            "first_name": first,
            "last_name": last,
            "email": _emails(frame, _numbered(frame, "e-mail")),
            "phone": _joined(frame, _numbered(frame, "phone")),
            "company": _column(frame, "organization_name", "organization_1_-_name"),
            "role": _column(frame, "organization_title", "organization_1_-_title"),
            "url": _first(_joined(frame, _numbered(frame, "website"))),
            "circles": _tags(labels, _MULTI),
        },
        index=frame.index,
    )


def _outlook(frame: pd.DataFrame) -> pd.DataFrame:
    phones = [  # the contact's own numbers: not faxes, not their assistant's
        c for c in frame.columns if re.search(r"phone(_\d)?$", c) and "assistant" not in c
    ]
    return pd.DataFrame(
        {
            "name": _name(frame, ["first_name", "middle_name", "last_name"], ["nickname"]),
            "first_name": _column(frame, "first_name"),
            "last_name": _column(frame, "last_name"),
            "email": _emails(frame, ["e-mail_address", "e-mail_2_address", "e-mail_3_address"]),
            "phone": _joined(frame, phones),
            "company": _column(frame, "company"),
            "role": _column(frame, "job_title"),
            "url": _column(frame, "web_page", "personal_web_page"),
            "circles": _tags(_column(frame, "categories"), r";"),
        },
        index=frame.index,
    )
