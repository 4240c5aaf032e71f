"""Read vCard address books (``.vcf``) as a people table.

Google Contacts, Apple Contacts and Outlook export address books as vCard 3.0 or 4.0 [1]_
[2]_ (older phones and Outlook as 2.1). :func:`read_vcard_people` reads the properties that
describe a person: ``FN``, ``N``, ``ORG``, ``TITLE``, ``EMAIL``, ``URL``, ``CATEGORIES`` and
``NOTE``. It handles folded lines, ``\\,`` and ``\\;`` escapes, ``TYPE`` parameters in their
3.0 and 4.0 spellings, Apple's ``item1.`` group prefixes, quoted-printable values (2.1 and
3.0) and CRLF line endings. Other properties (phones, addresses, photos) are not read.

References
----------
.. [1] Dawson, F. and Howes, T. *vCard MIME Directory Profile*. RFC 2426, IETF, 1998.
.. [2] Perreault, S. *vCard Format Specification*. RFC 6350, IETF, 2011.
"""

from __future__ import annotations

import codecs
import os
import quopri
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO

import pandas as pd

from netgraph.errors import InputError
from netgraph.io._decode import read_text as _read_text
from netgraph.io._messages import plural as _count
from netgraph.io._messages import warn as _warn
from netgraph.io._values import ego_id as _ego_id
from netgraph.io._values import slugify as _slug
from netgraph.io._values import unique_ids as _unique_ids

__all__ = ["read_vcard_people"]

_COLUMNS = ["name", "first_name", "last_name", "email", "emails", "company", "role", "url"]
_COLUMNS += ["tags", "note"]
_BASE64 = re.compile(r"[A-Za-z0-9+/=]+")
_EXPORT_AGAIN = "Export the address book again, or fix the card in a text editor."


@dataclass
class _Property:
    name: str
    params: dict[str, list[str]]
    value: str
    line: int


@dataclass
class _Card:
    line: int
    properties: list[_Property] = field(default_factory=list)

    def all(self, name: str) -> list[_Property]:
        return [p for p in self.properties if p.name == name]

    def first(self, name: str) -> _Property | None:
        return next((p for p in self.properties if p.name == name), None)


def read_vcard_people(source: str | os.PathLike | IO, *, me: str | None = None) -> pd.DataFrame:
    """Read a vCard address book (``.vcf``) as a people table.

    Parameters
    ----------
    source : str, path-like or file object
        The ``.vcf`` file (vCard 2.1, 3.0 or 4.0; one or many cards).
    me : str, optional
        An id kept for the ego: no id made from a name takes it (a contact named "Me"
        becomes ``me-2`` when ``me="me"``).

    Returns
    -------
    pandas.DataFrame
        Indexed by ``id``, one row per contact in file order, with ``str`` columns ``name``
        (``FN``, else the given and family names of ``N``), ``first_name`` and
        ``last_name`` (from ``N``), ``email`` (the preferred address, else the first;
        lower-cased), ``emails`` (every address, ``;``-separated), ``company`` (the first
        component of ``ORG``), ``role`` (``TITLE``, else ``ROLE``), ``url``, ``tags``
        (``CATEGORIES``, ``;``-separated) and ``note``.

    Raises
    ------
    InputError
        With the line number, for a card without ``END:VCARD``, text outside any card, a
        line inside a card that is not a property, or a file without any card.

    Warns
    -----
    NetgraphWarning
        When cards were skipped (no name and no e-mail address, or a 4.0 contact group) or
        merged (several cards with one e-mail address); counted.

    Notes
    -----
    The id of a contact is their e-mail address, lower-cased, when they have one (so that
    the same person in two exports is one id); otherwise their name as a slug (``"José
    Núñez"`` gives ``jose-nunez``), made unique in file order with ``-2``, ``-3``, ... and
    never equal to ``me``.

    Cards sharing an e-mail address are merged into the first: its values win, missing
    values are filled in from the later cards, and tags, e-mail addresses and notes are
    united. Cards with neither a name nor an e-mail address identify no one and are skipped,
    as are contact groups (``KIND:group``). Errors are raised instead where skipping could
    lose a contact silently: a card without ``END:VCARD`` (a cut-off file) or text outside
    the cards (a card whose ``BEGIN:VCARD`` line is missing).

    Examples
    --------
    >>> import io
    >>> book = io.StringIO(
    ...     "BEGIN:VCARD\\r\\nVERSION:3.0\\r\\nFN:Jane Doe\\r\\nN:Doe;Jane;;;\\r\\n"
    ...     "ORG:Acme\\\\, Inc.;Research\\r\\nEMAIL;TYPE=INTERNET:Jane@Example.org\\r\\n"
    ...     "CATEGORIES:friends,climbing\\r\\nEND:VCARD\\r\\n"
    ... )
    >>> people = read_vcard_people(book)
    >>> people[["name", "company", "tags"]]  # doctest: +NORMALIZE_WHITESPACE
                          name     company              tags
    id
    jane@example.org  Jane Doe  Acme, Inc.  friends;climbing
    """
    text, file = _read_text(source, name=None, default="contacts.vcf")
    if me is not None:
        me = _ego_id(me, file=file)
    rows: list[dict[str, str | None]] = []
    nameless, groups = [], []
    for card in _cards(text, file=file):
        kind = card.first("KIND")
        if kind is not None and kind.value.strip().lower() == "group":
            groups.append(card.line)
            continue
        row = _person(card)
        if row["name"] is None and row["email"] is None:
            nameless.append(card.line)
            continue
        rows.append(row)
    if nameless:
        _warn(
            f"{file}: skipped {_count(len(nameless), 'card')} with neither a name nor an "
            f"e-mail address ({_lines(nameless)})."
        )
    if groups:
        _warn(f"{file}: skipped {_count(len(groups), 'contact group')} ({_lines(groups)}).")
    rows = _merge_same_email(rows, file=file)

    people = pd.DataFrame(rows, columns=["line", *_COLUMNS]).astype({c: "str" for c in _COLUMNS})
    people = _clean_text(people, file=file)
    emails = people["email"]
    names = people["name"].fillna("").map(_slug)
    names = names.where(names != "", "contact")
    from_name = emails.isna().to_numpy()
    ids = emails.copy()
    if from_name.any():
        taken = set(emails.dropna()) | ({str(me)} if me is not None else set())
        ids[from_name] = _unique_ids(names[from_name], taken=taken)
    people.index = pd.Index(ids.to_numpy(), name="id", dtype="str")
    people = people.drop(columns="line")
    people.attrs["file"] = file
    return people


def _cards(text: str, *, file: str) -> Iterator[_Card]:
    """Yield the cards of a vCard file, raising InputError for malformed structure."""
    if not re.search(r"^[ \t]*BEGIN[ \t]*:[ \t]*VCARD[ \t]*$", text, re.IGNORECASE | re.MULTILINE):
        raise InputError(
            "no BEGIN:VCARD found; this is not a vCard (.vcf) file",
            file=file,
            fix="Export the address book as vCard (.vcf): Google Contacts > Export > vCard, "
            "or Apple Contacts > File > Export > Export vCard.",
        )
    card: _Card | None = None
    for line_number, line in _logical_lines(text):
        if not line.strip():
            continue
        split = _split_property(line)
        head = split[0].strip().upper() if split else ""
        value = split[1].strip().upper() if split else ""
        if head == "BEGIN" and value == "VCARD":
            if card is not None:
                raise InputError(
                    f"the card that starts on line {card.line} has no END:VCARD before this "
                    "next BEGIN:VCARD",
                    file=file,
                    row=line_number,
                    fix=f"Add END:VCARD at the end of that card. {_EXPORT_AGAIN}",
                )
            card = _Card(line_number)
        elif head == "END" and value == "VCARD":
            if card is None:
                raise InputError(
                    "END:VCARD without a BEGIN:VCARD before it",
                    file=file,
                    row=line_number,
                    fix=f"Add BEGIN:VCARD where the card starts. {_EXPORT_AGAIN}",
                )
            yield card
            card = None
        elif card is None:
            raise InputError(
                "text outside a BEGIN:VCARD ... END:VCARD card",
                file=file,
                row=line_number,
                fix=(
                    "If it belongs to a contact, add the card's missing BEGIN:VCARD line; "
                    "otherwise delete it."
                ),
            )
        elif split is None:
            previous = card.properties[-1] if card.properties else None
            if previous is not None and _is_binary(previous) and _BASE64.fullmatch(line.strip()):
                continue  # vCard 2.1 base64 data (a photo) continuing without indentation
            raise InputError(
                "this line in a card is not a property (NAME:value)",
                file=file,
                row=line_number,
                fix=(
                    "Start a line that continues the previous one with a space, or delete "
                    f"it. {_EXPORT_AGAIN}"
                ),
            )
        else:
            card.properties.append(_parse_property(split[0], split[1], line_number))
    if card is not None:
        raise InputError(
            "the card that starts on this line has no END:VCARD (the file may be cut off)",
            file=file,
            row=card.line,
            fix=f"Add END:VCARD at the end of the card. {_EXPORT_AGAIN}",
        )


def _logical_lines(text: str) -> Iterator[tuple[int, str]]:
    """Unfold lines: yield (line number where it starts, content line).

    A line starting with a space or tab continues the previous one (RFC 6350, 3.2); so does
    the line after a quoted-printable value ending in ``=`` (a soft line break). Linear in the
    size of the file: whether a logical line is quoted-printable is decided once, from its head.
    """
    start, parts, qp = 0, [], None
    for number, line in enumerate(text.split("\n"), start=1):
        if parts and line[:1] in (" ", "\t"):
            parts.append(line[1:])
            continue
        if parts and parts[-1].endswith("="):
            if qp is None:  # decided once the head (up to the first colon) is complete
                split = _split_property("".join(parts))
                qp = None if split is None else "QUOTED-PRINTABLE" in split[0].upper()
            if qp:
                parts.append("\n" + line)  # "=" and a line break: decoded away as a soft break
                continue
        if parts:
            yield start, "".join(parts)
        start, parts, qp = number, [line], None
    if parts:
        yield start, "".join(parts)


def _split_property(line: str) -> tuple[str, str] | None:
    """Split ``group.NAME;params:value`` at the first colon outside quotes."""
    quoted = False
    for i, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == ":" and not quoted:
            head = line[:i]
            return (head, line[i + 1 :]) if head.strip() else None
    return None


def _parse_property(head: str, value: str, line: int) -> _Property:
    parts = _split_unquoted(head, ";")
    name = parts[0].strip().upper().rsplit(".", 1)[-1]  # drop Apple's "item1." group
    params: dict[str, list[str]] = {}
    for part in parts[1:]:
        key, eq, val = part.partition("=")
        if not eq:  # vCard 2.1: "EMAIL;INTERNET;PREF:..."
            key, val = "TYPE", key
        values = [v.strip().strip('"') for v in _split_unquoted(val, ",")]
        params.setdefault(key.strip().upper(), []).extend(v for v in values if v)
    encoding = " ".join(params.get("ENCODING", []) + params.get("TYPE", [])).upper()
    if "QUOTED-PRINTABLE" in encoding:
        charset = (params.get("CHARSET") or ["utf-8"])[0]
        value = _decode_quoted_printable(value, charset)
    return _Property(name, params, value, line)


def _split_unquoted(text: str, sep: str) -> list[str]:
    parts, current, quoted = [], [], False
    for char in text:
        if char == '"':
            quoted = not quoted
        if char == sep and not quoted:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


def _decode_quoted_printable(value: str, charset: str) -> str:
    """Decode a quoted-printable value in its ``CHARSET``, else UTF-8, else Windows-1252.

    Only ordinary text encodings are tried: a charset Python does not know, or one that is
    not a plain text encoding (``idna``, ``punycode``, ``UTF-7``, ``unicode_escape``), falls
    back to UTF-8 and Windows-1252, so no codec error escapes the reader.
    """
    data = quopri.decodestring(value.encode("latin-1", "replace"))
    for encoding in (charset, "utf-8", "cp1252"):
        if not _is_plain_text_encoding(encoding):
            continue
        try:
            return data.decode(encoding)
        except (UnicodeError, LookupError):
            continue
    return data.decode("latin-1")


def _is_plain_text_encoding(name: str) -> bool:
    try:
        info = codecs.lookup(name)
    except (LookupError, TypeError, ValueError):
        return False
    return info._is_text_encoding and info.name not in _NOT_PLAIN_TEXT


#: Text codecs that decode to something other than the characters of the text.
_NOT_PLAIN_TEXT = {"idna", "punycode", "utf-7", "unicode-escape", "raw-unicode-escape"}
#: Characters no contact field holds: NUL and other C0 controls (not tab, line feed and
#: carriage return) and lone surrogates (from a UTF-7 value, say), which no file can hold.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def _clean_text(people: pd.DataFrame, *, file: str) -> pd.DataFrame:
    """Replace unprintable characters with U+FFFD, counting them in a warning."""
    replaced = 0
    for column in _COLUMNS:
        values = people[column]
        found = values.str.count(_UNPRINTABLE).fillna(0).sum()
        if found:
            replaced += int(found)
            people[column] = values.str.replace(_UNPRINTABLE, "\ufffd", regex=True)
    if replaced:
        _warn(
            f"{file}: replaced {_count(replaced, 'unprintable character')} (NUL, control "
            "characters or broken UTF-16) with \ufffd."
        )
    return people


def _is_binary(prop: _Property) -> bool:
    encoding = {v.upper() for v in prop.params.get("ENCODING", [])}
    return bool(encoding & {"B", "BASE64"}) or prop.name in {"PHOTO", "LOGO", "SOUND", "KEY"}


def _components(value: str, sep: str | None) -> list[str]:
    """Split at unescaped ``sep`` (None: no split) and unescape the parts (``\\n``: new line).

    Works token by token (escapes and separators), so a long value costs one regex pass.
    """
    if "\\" not in value:
        return [part.strip() for part in (value.split(sep) if sep else [value])]
    pattern = _ESCAPE_OR_SEP[sep]
    parts, current, at = [], [], 0
    for match in pattern.finditer(value):
        current.append(value[at : match.start()])
        token, at = match.group(), match.end()
        if token == sep:
            parts.append("".join(current).strip())
            current = []
        else:  # a backslash and the character it escapes (nothing at the very end)
            following = token[1:]
            current.append("\n" if following in ("n", "N") else following)
    current.append(value[at:])
    parts.append("".join(current).strip())
    return parts


_ESCAPE_OR_SEP = {
    sep: re.compile(r"\\[\s\S]?" + ("|" + re.escape(sep) if sep else ""))
    for sep in (None, ";", ",")
}


def _text(prop: _Property | None) -> str | None:
    if prop is None:
        return None
    value = _components(prop.value, None)[0]
    return value or None


def _person(card: _Card) -> dict[str, str | None]:
    """The people-table row of one card."""
    n = _components(card.first("N").value, ";") if card.first("N") else []
    family = n[0] if len(n) > 0 else ""
    given = " ".join(part for part in n[1:3] if part)  # given and additional names
    name = _text(card.first("FN")) or (" ".join(p for p in (given, family) if p) or None)
    emails, preferred = [], []
    for prop in card.all("EMAIL"):
        address = _text(prop)
        if address and address.lower().startswith("mailto:"):
            address = address[len("mailto:") :].strip()
        if address:
            emails.append(address)
            types = {t.lower() for t in prop.params.get("TYPE", [])}
            if "PREF" in prop.params or "pref" in types:
                preferred.append(address)
    email = (preferred or emails or [None])[0]
    org = card.first("ORG")
    tags = [t for p in card.all("CATEGORIES") for t in _components(p.value, ",") if t]
    notes = [t for t in (_text(p) for p in card.all("NOTE")) if t]
    return {
        "line": card.line,
        "name": name,
        "first_name": given or None,
        "last_name": family or None,
        "email": email.lower() if email else None,
        "emails": ";".join(dict.fromkeys(e.lower() for e in emails)) or None,
        "company": (_components(org.value, ";")[0] or None) if org else None,
        "role": _text(card.first("TITLE")) or _text(card.first("ROLE")),
        "url": _text(card.first("URL")),
        "tags": ";".join(dict.fromkeys(tags)) or None,
        "note": "\n".join(notes) or None,
    }


def _merge_same_email(rows: list[dict], *, file: str) -> list[dict]:
    """Merge cards with the same e-mail address into the first; see read_vcard_people."""
    by_email: dict[str, dict] = {}
    out, merged = [], []
    for row in rows:
        email = row["email"]
        first = by_email.get(email) if email else None
        if first is None:
            if email:
                by_email[email] = row
            out.append(row)
            continue
        merged.append(row["line"])
        for key, value in row.items():
            if value is None or key == "line":
                continue
            if first[key] is None:
                first[key] = value
            elif key in ("tags", "emails"):
                first[key] = ";".join(dict.fromkeys([*first[key].split(";"), *value.split(";")]))
            elif key == "note" and value not in first[key]:
                first[key] = f"{first[key]}\n{value}"
    if merged:
        _warn(
            f"{file}: merged {_count(len(merged), 'card')} into an earlier card with the same "
            f"e-mail address ({_lines(merged)})."
        )
    return out


def _lines(numbers: list[int], limit: int = 5) -> str:
    shown = [str(n) for n in numbers[: limit + 1]]
    if len(shown) == 1:
        return f"line {shown[0]}"
    if len(shown) > limit:
        return f"lines {', '.join(shown[:limit])}, ..."
    return f"lines {', '.join(shown[:-1])} and {shown[-1]}"
