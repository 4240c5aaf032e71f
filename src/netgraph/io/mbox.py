"""Read a mailbox (``.mbox``) as who wrote to whom, from the headers alone.

Gmail (Google Takeout > Mail), Thunderbird (ImportExportTools) and Apple Mail (*Mailbox >
Export Mailbox*) export mail as mbox. :func:`read_mbox_tables` splits it with the standard
library's :mod:`mailbox` and reads, of each message, only the header block (up to the first
blank line) and in it only ``From``, ``To``, ``Cc``, ``Date`` and ``List-Id``: no subject and
no body is ever read or kept. Each mail then follows the rule of
:mod:`netgraph.io._events`: a message between you and each other correspondent (from the
sender), and among the correspondents other than you a co-recipient row per pair weighted
:math:`1/(n-1)` (Newman 2001).

Mailing-list mail (with a ``List-Id``) and mass mail (more than ``limit`` people) are not
ties: the list's name, or "mass mail from <sender>", goes to the ``groups`` of the people
seen in it, and the mail is counted in a warning.
"""

from __future__ import annotations

import datetime as dt
import email.header
import email.utils
import mailbox
import os
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from netgraph.errors import InputError
from netgraph.io._decode import MAGIC as _MAGIC
from netgraph.io._events import DEFAULT_LIMIT, EventLog, counted, my_addresses, normal_email
from netgraph.io._messages import warn as _warn

__all__ = ["read_mbox_tables"]

_HEADERS = ("from", "to", "cc", "date", "list-id")
_LIST_NAME = re.compile(r"<([^<>]+)>")
_EXPORT = (
    "Pass an mbox file: Google Takeout's 'All mail Including Spam and Trash.mbox' (unzipped), "
    "or a folder exported from Thunderbird or Apple Mail as mbox."
)


def read_mbox_tables(
    source: str | os.PathLike,
    *,
    me: str | Sequence[str],
    limit: int = DEFAULT_LIMIT,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read an mbox file's headers as a people table and an interactions table.

    Parameters
    ----------
    source : str or path-like
        The ``.mbox`` file (Apple Mail's ``.mbox`` folder holding an ``mbox`` file works
        too).
    me : str or sequence of str
        Your e-mail address, or several: they find you among senders and recipients. The
        first is your id, the ego's.
    limit : int, default 25
        A mail with more people than this (sender, To and Cc, you included) is mass mail: a
        group, not ties.

    Returns
    -------
    people : pandas.DataFrame
        Indexed by ``id`` (the lower-cased address), you first: ``name`` (the display name,
        the most frequent one, decoded from MIME encoded words; also the old
        ``addr (Name)`` form), ``email`` (yours: every address in ``me``) and ``groups``
        (mailing lists and mass mailings they were seen in, ``;``-separated).
    interactions : pandas.DataFrame
        ``source``, ``target``, ``date`` (the ``Date`` header, UTC, tz-naive), ``channel``
        (``"email"``), ``kind`` (``"message"`` between you and a correspondent, from the
        sender; ``"co-recipient"`` between two other people on the same mail, from the
        sender when one of them sent it), ``event`` (the file's name and the mail's number
        in it) and ``weight`` (1, or :math:`1/(n-1)` among :math:`n` correspondents).

    Raises
    ------
    InputError
        When the file is not an mbox (it does not start with a ``From`` line), or ``me`` is
        not an e-mail address.

    Warns
    -----
    NetgraphWarning
        Counting what was skipped: mailing-list mail, mass mail, mail without a sender or
        a readable date, and mail only to yourself.

    Notes
    -----
    Bcc is not read (a sent mail's Bcc is yours to know, but Gmail keeps it only on your
    copy). Headers repeated or folded over several lines are read as one.
    """
    if not isinstance(source, str | os.PathLike):
        raise TypeError(
            f"read an mbox from its path, not a {type(source).__name__}: the mailbox module "
            "needs the file itself"
        )
    path = Path(source)
    file = os.fspath(source)
    if path.is_dir():
        inner = path / "mbox"
        if not inner.is_file():
            raise InputError("this is a folder, not an mbox file", file=file, fix=_EXPORT)
        path = inner
    if not path.is_file():
        raise InputError("there is no such file", file=file, fix=_EXPORT)
    mine = my_addresses(me, file=file)
    ego = mine[0]
    _check_mbox(path, file=file)

    log = EventLog(ego, kind="message", pair_kind="co-recipient", channel="email", limit=limit)
    skipped: Counter = Counter()
    stem = path.name if path.name != "mbox" else path.parent.name
    box = mailbox.mbox(path, create=False)
    try:
        for number, key in enumerate(box.iterkeys(), start=1):
            headers = _headers(box, key)
            listed = headers.get("list-id", [""])[0]
            # the list's own address (its List-Id, RFC 2919, as Mailman forms it: runners@lists.x
            # has the id runners.lists.x) is the list, not a person
            own = _list_address(listed)
            senders = _addresses(headers.get("from", []), log, mine, ego, own)
            recipients = _addresses(
                headers.get("to", []) + headers.get("cc", []), log, mine, ego, own
            )
            if listed:
                log.group([*senders, *recipients, ego], _list_name(listed))
                skipped["list"] += 1
                continue
            if not senders:
                skipped["no sender"] += 1
                continue
            sender = senders[0]
            try:
                when = email.utils.parsedate_to_datetime(headers.get("date", [""])[0])
            except (TypeError, ValueError, IndexError):
                skipped["no date"] += 1
                continue
            if when.tzinfo is not None:
                when = when.astimezone(dt.UTC).replace(tzinfo=None)
            people = list(dict.fromkeys([sender, *recipients]))
            others = [p for p in people if p != ego]
            if not others:
                skipped["to yourself"] += 1
                continue
            if not log.add(f"{stem}#{number}", pd.Timestamp(when), others, initiator=sender,
                           title=f"mass mail from {sender}"):  # fmt: skip
                skipped["mass"] += 1
    finally:
        box.close()
    if any(skipped.values()):
        _warn(f"{file}: skipped {counted(skipped, _SKIPPED, limit=log.limit)}.")
    people, interactions = log.tables(ego_email=";".join(mine))
    people.attrs["file"] = interactions.attrs["file"] = file
    return people, interactions


def _check_mbox(path: Path, *, file: str) -> None:
    """Raise unless the file starts (after blank lines) with an mbox 'From ' line."""
    with open(path, "rb") as handle:
        head = handle.read(4096)
    for magic, what in _MAGIC.items():
        if head.startswith(magic):
            hint = " (unzip Google Takeout's archive first)" if magic == b"PK\x03\x04" else ""
            raise InputError(f"this is {what}{hint}, not an mbox file", file=file, row=1,
                             fix=_EXPORT)  # fmt: skip
    stripped = head.lstrip(b"\r\n")
    line = head[: len(head) - len(stripped)].count(b"\n") + 1
    if not stripped:
        raise InputError("the mailbox is empty", file=file, fix=_EXPORT)
    if not stripped.startswith(b"From "):
        first = stripped.split(b"\n", 1)[0][:40].decode("utf-8", "replace")
        raise InputError(
            f"this is not an mbox file: line {line} is {first!r}, not a 'From ' line starting "
            "a message",
            file=file,
            row=line,
            fix=_EXPORT + " A single message (.eml) is not a mailbox.",
        )


def _headers(box: mailbox.mbox, key: str) -> dict[str, list[str]]:
    """The wanted header fields of one message, unfolded; the body is never read."""
    handle = box.get_file(key)  # after the 'From ' line
    try:
        fields: dict[str, list[str]] = {}
        name = None
        while True:
            line = handle.readline()
            if not line or not line.strip(b"\r\n"):  # end of the header block
                break
            text = line.decode("utf-8", "surrogateescape").rstrip("\r\n")
            if text[:1] in (" ", "\t"):  # a folded continuation
                if name is not None:
                    fields[name][-1] += " " + text.strip()
                continue
            head, colon, value = text.partition(":")
            name = head.strip().lower() if colon else None
            if name in _HEADERS:
                fields.setdefault(name, []).append(value.strip())
            else:
                name = None
        return fields
    finally:
        handle.close()


def _addresses(
    values: list[str], log: EventLog, mine: list[str], ego: str, skip: str | None = None
) -> list[str]:
    """Ids of the addresses in header values (yours become the ego; `skip` is left out),
    names recorded."""
    ids = []
    for name, address in email.utils.getaddresses(values):
        pid = normal_email(address)
        if pid is None or pid == skip:
            continue
        pid = ego if pid in mine else pid
        log.name(pid, _decode(name))
        ids.append(pid)
    return ids


def _decode(text: str) -> str:
    """Decode MIME encoded words (=?utf-8?q?...?=) in a display name."""
    if "=?" not in text:
        return text
    try:
        return str(email.header.make_header(email.header.decode_header(text)))
    except (ValueError, LookupError, UnicodeError):
        return text


def _list_address(value: str) -> str | None:
    """The posting address a List-Id names: ``<runners.lists.x>`` is runners@lists.x."""
    found = _LIST_NAME.search(value)
    label, _, namespace = (found.group(1) if found else "").strip().lower().partition(".")
    return f"{label}@{namespace}" if label and "." in namespace else None


def _list_name(value: str) -> str:
    """A List-Id's readable name: its phrase, else the id in angle brackets."""
    phrase = _decode(_LIST_NAME.sub("", value)).strip().strip('"').strip()
    if phrase:
        return phrase
    found = _LIST_NAME.search(value)
    return found.group(1).strip() if found else value.strip()


_SKIPPED = {
    "list": ("mailing-list mail (List-Id)", "mailing-list mails (List-Id)"),
    "mass": (
        "mass mail (more than {limit} people; kept as a group)",
        "mass mails (more than {limit} people; kept as groups)",
    ),
    "no sender": ("mail without a sender", "mails without a sender"),
    "no date": ("mail without a readable date", "mails without a readable date"),
    "to yourself": ("mail only to yourself", "mails only to yourself"),
}
