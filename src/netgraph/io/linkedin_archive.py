"""Read LinkedIn's full data archive (the zip, or its folder): connections, messages,
invitations, recommendations and endorsements.

LinkedIn's *Settings > Data privacy > Get a copy of your data* gives a zip of CSV files. This
module reads five of them; the column names below are the exporter's, as listed byte for byte
by open-source tools that parse or generate these archives (for instance the header
signatures of a Dart fixture generator's smoke test, and the parsers of several LinkedIn
export importers found with this project's code search), and match the exports we have seen:

=================================  ==========================================================
``Connections.csv``                ``Notes:`` preamble, then ``First Name, Last Name, URL,
                                   Email Address, Company, Position, Connected On``
``messages.csv``                   ``CONVERSATION ID, CONVERSATION TITLE, FROM, SENDER PROFILE
                                   URL, TO, RECIPIENT PROFILE URLS, DATE, SUBJECT, CONTENT,
                                   FOLDER`` (newer: ``ATTACHMENTS, IS MESSAGE DRAFT``); dates
                                   as ``2023-06-11 15:33:58 UTC``
``Invitations.csv``                ``From, To, Sent At, Message, Direction, inviterProfileUrl,
                                   inviteeProfileUrl``; ``Sent At`` as ``1/29/26, 2:37 PM``
``Recommendations_Given.csv``,     ``First Name, Last Name, Company, Job Title, Text, Creation
``Recommendations_Received.csv``   Date, Status`` (no profile URL: matched by name)
``Endorsement_Given_Info.csv``,    ``Endorsement Date, Skill Name, Endorsee (Endorser) First
``Endorsement_Received_Info.csv``  Name, ... Last Name, ... Public Url, Endorsement Status``;
                                   dates as ``2023/06/05 15:47:58 UTC``
=================================  ==========================================================

What is kept, and never more: of messages only who wrote to whom and when (``SUBJECT`` and
``CONTENT`` are dropped as soon as the file is parsed); of invitations who invited whom (not
the note); of recommendations who and when (not the text); of endorsements who and when (not
the skill).
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from collections import Counter
from pathlib import Path
from typing import IO
from urllib.parse import unquote

import numpy as np
import pandas as pd

from netgraph.errors import InputError
from netgraph.io._decode import decode as _decode
from netgraph.io._decode import parse_csv_text as _parse_csv_text
from netgraph.io._events import EventLog, counted
from netgraph.io._messages import warn as _warn
from netgraph.io._values import ego_id as _ego_id
from netgraph.io._values import slugify as _slug
from netgraph.io.linkedin import read_linkedin_connections

__all__ = ["read_linkedin_archive_tables", "is_linkedin_archive"]

_PROFILE = re.compile(r"linkedin\.com/in/([^/?#\s,;]+)", re.IGNORECASE)
_URLS = re.compile(r"[,;]\s*(?=(?:https?://)?(?:[\w-]+\.)?linkedin\.com)", re.IGNORECASE)
_FILES = {
    "connections": "connections.csv",
    "messages": "messages.csv",
    "invitations": "invitations.csv",
    "recommendations_given": "recommendations_given.csv",
    "recommendations_received": "recommendations_received.csv",
    "endorsements_given": "endorsement_given_info.csv",
    "endorsements_received": "endorsement_received_info.csv",
    "profile": "profile.csv",
}
_MAX_BYTES = 2 << 30  # an archive that unpacks to more than 2 GiB is not LinkedIn's
_HOW = (
    "Pass the zip from LinkedIn (Settings > Data privacy > Get a copy of your data), or its folder."
)
_DATE_FORMATS = {
    "messages": ("%Y-%m-%d %H:%M:%S UTC", "%Y-%m-%d %H:%M:%S"),
    "invitations": ("%m/%d/%y, %I:%M %p", "%m/%d/%Y, %I:%M %p", "%Y-%m-%d %H:%M:%S UTC"),
    "recommendations": (
        "%m/%d/%y, %I:%M %p",
        "%m/%d/%Y, %I:%M %p",
        "%Y-%m-%d %H:%M:%S UTC",
        "%m/%d/%y",
        "%d %b %Y",
    ),  # fmt: skip
    "endorsements": ("%Y/%m/%d %H:%M:%S UTC", "%Y-%m-%d %H:%M:%S UTC", "%Y/%m/%d"),
}


def is_linkedin_archive(source: object) -> bool:
    """Whether ``source`` is a path to a zip or folder (not a single CSV file)."""
    if not isinstance(source, str | os.PathLike):
        return False
    path = Path(source)
    return path.is_dir() or (path.is_file() and zipfile.is_zipfile(path))


def read_linkedin_archive_tables(
    source: str | os.PathLike | IO, *, me: str = "me"
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Read LinkedIn's archive as people, ties (the ego's connections) and interactions.

    Parameters
    ----------
    source : str or path-like
        The archive's zip, its unzipped folder, or ``Connections.csv`` alone.
    me : str, default "me"
        The id to give yourself, the ego.

    Returns
    -------
    people : pandas.DataFrame
        Indexed by ``id`` (the profile slug, as :func:`read_linkedin_connections` gives),
        the ego first: the connections' columns, then people you exchanged messages,
        invitations, recommendations or endorsements with who are not connections (with
        ``name`` and ``url``).
    ties : pandas.DataFrame
        The ego's connections (kind ``"linkedin"``, ``since`` = *Connected On*).
    interactions : pandas.DataFrame
        ``source``, ``target``, ``date``, ``channel`` (``"linkedin"``), ``kind``, ``event``,
        ``weight`` and ``what``:

        - ``"message"`` from the sender to each recipient when you are one of them, or
          from you to each recipient (``event``: the conversation);
        - ``"co-recipient"`` once per group conversation between each pair of the other
          participants, weight :math:`1/(n-1)` (Newman 2001);
        - ``"invitation"`` from the inviter to the invitee;
        - ``"give"`` for a recommendation or an endorsement (``what`` says which), from the
          one who wrote it; endorsements of several skills on one day count once.

    Raises
    ------
    InputError
        For a zip that cannot be opened, a folder or zip without ``Connections.csv`` or
        ``messages.csv``, or a date or column that is not LinkedIn's, naming the file
        (inside the archive) and its line.

    Warns
    -----
    NetgraphWarning
        Counting what was skipped: drafts and spam, messages from members without a profile
        URL (LinkedIn's sponsored messages), recommendations naming nobody among your
        connections (kept as people found by name).
    """
    files, label = _open(source)
    me = _ego_id(me, file=label)
    if "connections" not in files and "messages" not in files:
        raise InputError(
            "found neither Connections.csv nor messages.csv in this archive",
            file=label,
            fix=_HOW,
        )
    if "connections" in files:
        people, ties = read_linkedin_connections(_stream(files, "connections"), me=me)
        people.attrs.pop("file", None)
    else:
        people = pd.DataFrame(index=pd.Index([me], name="id", dtype="str"))
        ties = pd.DataFrame(columns=["source", "target", "kind", "since"])
    log = EventLog(me, kind="message", pair_kind="co-recipient", channel="linkedin",
                   limit=1_000_000)  # fmt: skip
    skipped: Counter = Counter()
    extra: list[tuple] = []  # invitations and gives: (source, target, date, kind, what)
    known_urls = _url_ids(people)
    by_name = _name_ids(people)
    owner = _owner(files, known_urls)

    def person(url: object, name: object) -> str | None:
        slug = _profile_slug(url)
        if slug is None:
            return None
        pid = me if slug == owner else known_urls.get(slug, slug)
        log.name(pid, name)
        if pid != me and pid not in people.index:
            log.attributes[pid]["url"] = f"https://www.linkedin.com/in/{slug}"
        return pid

    if "messages" in files:
        _messages(files, person, log, me=me, skipped=skipped)
    if "invitations" in files:
        frame = _table(files, "invitations")
        dates = _dates(frame, "sent_at", "invitations")
        for line, row in frame.iterrows():
            if str(row.get("direction", "")).upper() == "OUTGOING":
                a, b = me, person(row.get("inviteeprofileurl"), row.get("target"))
            else:
                a, b = person(row.get("inviterprofileurl"), row.get("source")), me
            if a is None or b is None or a == b:
                skipped["no profile"] += 1
                continue
            extra.append((a, b, dates[line], "invitation", "invitation"))
    for direction in ("given", "received"):
        key = f"recommendations_{direction}"
        if key in files:
            frame = _table(files, key)
            dates = _dates(frame, "creation_date", "recommendations")
            for line, row in frame.iterrows():
                name = " ".join(str(row.get(c) or "").strip() for c in ("first_name", "last_name"))
                name = " ".join(name.split())
                if not name:
                    continue
                pid = by_name.get(_slug(name))
                if pid is None:
                    skipped["recommendation unmatched"] += 1
                    pid = _slug(name)
                    log.name(pid, name)
                    for column, value in (("company", row.get("company")),
                                          ("role", row.get("job_title"))):  # fmt: skip
                        if isinstance(value, str) and value.strip():
                            log.attributes[pid][column] = value.strip()
                pair = (me, pid) if direction == "given" else (pid, me)
                extra.append((*pair, dates[line], "give", "recommendation"))
        key = f"endorsements_{direction}"
        if key in files:
            frame = _table(files, key)
            who = "endorsee" if direction == "given" else "endorser"
            dates = _dates(frame, "endorsement_date", "endorsements")
            seen = set()
            for line, row in frame.iterrows():
                name = f"{row.get(f'{who}_first_name') or ''} {row.get(f'{who}_last_name') or ''}"
                pid = person(row.get(f"{who}_public_url"), " ".join(name.split()))
                if pid is None or pid == me:
                    skipped["no profile"] += 1
                    continue
                day = dates[line].normalize()
                if (pid, day) in seen:
                    continue
                seen.add((pid, day))
                pair = (me, pid) if direction == "given" else (pid, me)
                extra.append((*pair, dates[line], "give", "endorsement"))

    found, interactions = log.tables(
        extra_people=[p for p, *_ in extra] + [q for _, q, *_ in extra]
    )
    if extra:
        rows = pd.DataFrame(extra, columns=["source", "target", "date", "kind", "what"])
        rows["channel"] = "linkedin"
        rows["weight"] = 1.0
        interactions = pd.concat([interactions, rows], ignore_index=True)
    for column in ("event", "what"):
        if column not in interactions.columns:
            interactions[column] = np.nan
        interactions[column] = interactions[column].astype("str")
    interactions["date"] = interactions["date"].astype("datetime64[ns]")
    interactions = interactions.sort_values("date", kind="stable", ignore_index=True)

    ego_name = _profile_name(files) or found.at[me, "name"]
    if isinstance(ego_name, str):
        people.loc[me, "name"] = ego_name
    if owner is not None and "url" in people.columns:
        people.loc[me, "url"] = f"https://www.linkedin.com/in/{owner}"
    found = found.drop(index=[p for p in found.index if p in people.index])
    found = found.drop(columns=[c for c in ("email", "groups") if found[c].isna().all()])
    people = pd.concat([people, found]) if len(found) else people
    if any(skipped.values()):
        _warn(f"{label}: skipped {counted(skipped, _SKIPPED, limit=0)}.")
    for frame in (people, ties, interactions):
        frame.attrs["file"] = label
    return people, ties, interactions


_SKIPPED = {
    "draft": ("draft or spam message", "draft or spam messages"),
    "no profile": (
        "row without a member's profile URL (sponsored or deleted members)",
        "rows without a member's profile URL (sponsored or deleted members)",
    ),
    "recommendation unmatched": (
        "recommendation naming nobody among your connections (kept, found by name)",
        "recommendations naming nobody among your connections (kept, found by name)",
    ),
}


def _open(source: str | os.PathLike | IO) -> tuple[dict[str, tuple[str, bytes]], str]:
    """The archive's files we read: {key: (label, bytes)}, and the archive's label."""
    if not isinstance(source, str | os.PathLike):  # a file object: Connections.csv
        data = source.read()
        data = data.encode("utf-8") if isinstance(data, str) else data
        name = getattr(source, "name", "Connections.csv")
        return {"connections": (str(name), data)}, str(name)
    label = os.fspath(source)
    path = Path(source)
    wanted = {name: key for key, name in _FILES.items()}
    found: dict[str, tuple[str, bytes]] = {}
    if path.is_dir():
        for file in sorted(path.rglob("*.csv")):
            key = wanted.get(file.name.lower())
            if key and key not in found:
                found[key] = (os.fspath(file), file.read_bytes())
        return found, label
    if not path.is_file():
        raise InputError("there is no such file or folder", file=label, fix=_HOW)
    if not zipfile.is_zipfile(path):
        return {"connections": (label, path.read_bytes())}, label
    try:
        with zipfile.ZipFile(path) as archive:
            members = [m for m in archive.infolist() if not m.is_dir()]
            if sum(m.file_size for m in members) > _MAX_BYTES:
                raise InputError("the archive unpacks to more than 2 GiB", file=label, fix=_HOW)
            for member in sorted(members, key=lambda m: m.filename.count("/")):
                key = wanted.get(member.filename.rsplit("/", 1)[-1].lower())
                if key and key not in found:
                    found[key] = (f"{label}:{member.filename}", archive.read(member))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError) as err:
        raise InputError(f"cannot open the zip archive: {err}", file=label, fix=_HOW) from err
    return found, label


def _stream(files: dict, key: str) -> io.StringIO:
    name, data = files[key]
    stream = io.StringIO(_decode(data, file=name))
    stream.name = name
    return stream


def _table(files: dict, key: str, *, columns: list[str] | None = None) -> pd.DataFrame:
    name, data = files[key]
    text = _decode(data, file=name).replace("\r\n", "\n")
    frame = _parse_csv_text(text, file=name, allow_empty=True)
    if columns is not None:
        frame = frame[[c for c in frame.columns if c in columns]]
    return frame


def _dates(frame: pd.DataFrame, column: str, kind: str) -> pd.Series:
    file = frame.attrs.get("file", kind)
    if column not in frame.columns:
        raise InputError(
            f"no {column.replace('_', ' ').title()!r} column: this is not LinkedIn's {kind} file",
            file=file,
            row=1,
            fix=_HOW,
        )
    text = frame[column].str.strip()
    out = pd.Series(pd.NaT, index=frame.index, dtype="datetime64[ns]")
    for fmt in _DATE_FORMATS[kind]:
        todo = out.isna() & text.notna()
        if not todo.any():
            break
        out[todo] = pd.to_datetime(text[todo], format=fmt, errors="coerce")
    bad = out.isna() & text.notna()
    missing = text.isna()
    if bad.any() or missing.any():
        line = frame.index[int(np.flatnonzero((bad | missing).to_numpy())[0])]
        value = text[line]
        raise InputError(
            f"{value!r} is not a date in LinkedIn's format"
            if isinstance(value, str)
            else "the date is missing",
            file=file,
            row=int(line),
            column=column,
            fix="Pass the file as LinkedIn exported it (re-saving it in a spreadsheet can "
            "change its dates).",
        )
    return out


def _profile_slug(url: object) -> str | None:
    if not isinstance(url, str):
        return None
    found = _PROFILE.search(url)
    if not found:
        return None
    slug = unquote(found.group(1)).lower().strip("-")
    return slug or None


def _url_ids(people: pd.DataFrame) -> dict[str, str]:
    if "url" not in people.columns:
        return {}
    return {
        slug: pid
        for pid, url in people["url"].dropna().items()
        if (slug := _profile_slug(url)) is not None
    }


def _name_ids(people: pd.DataFrame) -> dict[str, str]:
    if "name" not in people.columns:
        return {}
    slugs = people["name"].dropna().map(_slug)
    unique = slugs[~slugs.duplicated(keep=False)]
    return {slug: pid for pid, slug in unique.items()}


def _owner(files: dict, known: dict[str, str]) -> str | None:
    """The archive owner's profile slug: in every conversation, never a connection."""
    if "messages" not in files:
        return None
    frame = _table(files, "messages", columns=["conversation_id", "sender_profile_url",
                                               "recipient_profile_urls"])  # fmt: skip
    conversations: dict[str, set[str]] = {}
    for row in frame.itertuples(index=False):
        row = row._asdict()
        slugs = {_profile_slug(u) for u in _split_urls(row.get("recipient_profile_urls"))}
        slugs.add(_profile_slug(row.get("sender_profile_url")))
        conversations.setdefault(row.get("conversation_id"), set()).update(slugs - {None})
    counts = Counter(s for slugs in conversations.values() for s in slugs if s not in known)
    if not counts:
        return None
    return counts.most_common(1)[0][0]


def _profile_name(files: dict) -> str | None:
    """Your name, from Profile.csv."""
    if "profile" not in files:
        return None
    frame = _table(files, "profile")
    if frame.empty:
        return None
    row = frame.iloc[0]
    name = " ".join(str(row.get(c) or "").strip() for c in ("first_name", "last_name")).strip()
    return name or None


def _split_urls(value: object) -> list[str]:
    return [u.strip() for u in _URLS.split(value)] if isinstance(value, str) else []


def _messages(files: dict, person, log: EventLog, *, me: str, skipped: Counter) -> None:
    keep = ["conversation_id", "conversation_title", "source", "sender_profile_url", "target",
            "recipient_profile_urls", "date", "folder", "is_message_draft"]  # fmt: skip
    frame = _table(files, "messages", columns=keep)  # SUBJECT and CONTENT are dropped here
    if frame.empty:
        return
    dates = _dates(frame, "date", "messages")
    folder = frame.get("folder", pd.Series("", index=frame.index)).fillna("").str.upper()
    draft = frame.get("is_message_draft", pd.Series("", index=frame.index)).fillna("")
    drop = folder.isin(["SPAM", "DRAFTS", "DRAFT"]) | draft.str.lower().isin(["yes", "true"])
    skipped["draft"] += int(drop.sum())
    conversations: dict[str, tuple[pd.Timestamp, list[str]]] = {}
    for line, row in frame[~drop].iterrows():
        sender = person(row.get("sender_profile_url"), row.get("source"))
        urls = _split_urls(row.get("recipient_profile_urls"))
        names = str(row.get("target") or "").split(",")
        names = names if len(names) == len(urls) else [None] * len(urls)
        recipients = [person(u, n) for u, n in zip(urls, names, strict=True)]
        recipients = [r for r in recipients if r is not None and r != sender]
        if sender is None or not recipients:
            skipped["no profile"] += 1
            continue
        conversation = str(row.get("conversation_id") or f"line {line}")
        when = dates[line]
        others = [p for p in dict.fromkeys([sender, *recipients]) if p != me]
        if me in (sender, *recipients):
            log.add(conversation, when, others, initiator=sender, pairs=False)
        first, members = conversations.get(conversation, (when, []))
        conversations[conversation] = (min(first, when), list(dict.fromkeys(members + others)))
    for conversation, (when, members) in conversations.items():
        if len(members) >= 2:  # a group conversation: co-participation, once
            log.add(conversation, when, members, ego_present=False)
