"""Read people, ties and interactions from CSV files and check them, naming the line at fault.

Every table goes through two steps. :func:`read_table` turns a file into a frame of text:
it detects the encoding (UTF-8 with or without Excel's byte-order mark, UTF-16, and falls back
to Windows-1252 with a warning), sniffs the separator (``,``, ``;`` or tab), normalises the
header and keeps each row's line number as the index, so that errors can point at the line
even when blank lines were skipped. The ``validate_*`` functions then check and convert a
frame, whether it came from a file or was built in Python:

- :func:`validate_people`: one row per ``id``; other columns are kept as they are.
- :func:`validate_ties`: ``source``, ``target``, optional ``kind``, ``since``, ``closeness``.
- :func:`validate_interactions`: ``source``, ``target``, ``date``, optional ``channel``,
  ``kind``.

Problems raise :class:`~netgraph.errors.InputError` with the file, the row (the line in the
file, or the frame's row label), the column and how to fix it. Rows skipped by choice (blank
lines, exact duplicates) are counted in a :class:`~netgraph.errors.NetgraphWarning`.

Dates are read in the formats of :data:`DATE_FORMATS`. Numeric day/month orders such as
``03/04/2021`` are refused rather than guessed: they mean 3 April in Europe and 4 March in the
United States.
"""

from __future__ import annotations

import csv
import io
import os
import re
import sys
import unicodedata
import warnings
from collections.abc import Collection, Iterable
from pathlib import Path
from typing import IO, Any

import numpy as np
import pandas as pd

from netgraph.errors import InputError, NetgraphWarning

__all__ = [
    "COLUMN_ALIASES",
    "DATE_FORMATS",
    "KIND_SYNONYMS",
    "read_interactions",
    "read_people",
    "read_table",
    "read_ties",
    "validate_interactions",
    "validate_people",
    "validate_ties",
]

Source = str | os.PathLike | IO

#: Header names read as another column (after stripping, lower-casing, spaces to underscores).
COLUMN_ALIASES: dict[str, str] = {
    "from": "source",
    "to": "target",
    "person": "id",
    "person_id": "id",
}

#: Date formats accepted in ``since``, ``date`` and LinkedIn's *Connected On*, in the order tried.
DATE_FORMATS: tuple[str, ...] = (
    "ISO 8601: 2021-03-15, 2021-03-15 14:30, 2021-03-15T14:30:00+01:00 (converted to UTC)",
    "year first with slashes or dots: 2021/03/15, 2021.03.15",
    "month in words: 15 Mar 2021, 15 March 2021, 15-Mar-2021, Mar 15, 2021, March 15 2021",
)
_TEXT_DATE_FORMATS = (
    "%d %b %Y",
    "%d %B %Y",
    "%d-%b-%Y",
    "%b %d, %Y",
    "%B %d, %Y",
    "%b %d %Y",
    "%B %d %Y",
)
_DATE_FIX = (
    "Write dates as YYYY-MM-DD (such as 2021-03-15) or with the month in words (15 Mar 2021)."
)

#: Interaction kinds read as ``"give"`` or ``"ask"`` (after lower-casing); others are kept as text.
KIND_SYNONYMS: dict[str, str] = {
    "give": "give",
    "gave": "give",
    "given": "give",
    "help": "give",
    "helped": "give",
    "favour": "give",
    "favor": "give",
    "favour given": "give",
    "favor given": "give",
    "intro given": "give",
    "introduction given": "give",
    "referral given": "give",
    "ask": "ask",
    "asked": "ask",
    "request": "ask",
    "favour asked": "ask",
    "favor asked": "ask",
    "intro asked": "ask",
    "introduction asked": "ask",
    "help asked": "ask",
}

_SEPARATORS = {",": "comma", ";": "semicolon", "\t": "tab"}
_MAGIC = {
    b"PK\x03\x04": "a zip archive or an Excel workbook (.xlsx)",
    b"\xd0\xcf\x11\xe0": "an old Excel workbook (.xls)",
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
}
_CONTROL_BYTES = bytes([*range(0x09), *range(0x0E, 0x20), 0x7F])
_SPACE_AFTER_NUL = re.compile(r"\x00\s")  # a literal first: fast to scan for
_SAVE_AS_CSV = "Save it as CSV (in Excel: File > Save As > 'CSV UTF-8') and read that file."


# --- reading ----------------------------------------------------------------------------------


def read_table(
    source: Source, *, name: str | None = None, allow_empty: bool = False
) -> pd.DataFrame:
    """Read a CSV file as text columns, keeping each row's line number.

    Parameters
    ----------
    source : str, path-like or file object
        A path, or a file opened in text or binary mode (binary lets netgraph detect the
        encoding).
    name : str, optional
        What to call the file in errors and warnings. Default: the path, the file object's
        ``name``, or ``"table"``.
    allow_empty : bool, default False
        Return an empty frame for an empty or header-only file instead of raising.

    Returns
    -------
    pandas.DataFrame
        One ``str`` column per header cell, with missing values for empty cells. The header
        is stripped, lower-cased and spaces become underscores; ``from``, ``to``, ``person``
        and ``person_id`` become ``source``, ``target``, ``id`` and ``id``
        (:data:`COLUMN_ALIASES`). The index ``line`` is each row's line in the file (the
        header is line 1 when it is the first line). ``attrs["file"]`` holds ``name``.

    Raises
    ------
    InputError
        For an empty or header-only file (unless ``allow_empty``), a binary file (such as an
        Excel workbook), a row with more fields than the header, an unclosed quote, or two
        columns with the same name.

    Warns
    -----
    NetgraphWarning
        When blank lines were skipped (counted), or the file was not UTF-8 and was read as
        Windows-1252.

    Notes
    -----
    Encodings: UTF-8, with or without a byte-order mark; UTF-16 and UTF-32 with a byte-order
    mark, and UTF-16 without one; anything else is read as Windows-1252 (or Latin-1 for bytes
    Windows-1252 leaves undefined), with a warning. The separator is whichever of ``,``, ``;``
    and tab occurs most often in the header line (outside quotes); a comma on a tie. Line
    endings may be ``\\n``, ``\\r\\n`` or ``\\r``; inside quoted cells they become ``\\n``.
    Rows with fewer fields than the header are padded with missing values. Cells are not
    stripped here (the ``validate_*`` functions do that) and never interpreted: a cell such
    as ``=HYPERLINK("x")`` stays that text.

    Examples
    --------
    >>> import io
    >>> text = "ID;Name\\nann;Ann Lee\\n\\nbob;Bob Ray\\n"
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     frame = read_table(io.StringIO(text), name="people.csv")
    >>> frame  # doctest: +NORMALIZE_WHITESPACE
            id     name
    line
    2      ann  Ann Lee
    4      bob  Bob Ray
    >>> print(caught[0].message)
    people.csv: skipped 1 blank line (line 3).
    """
    text, label = _read_text(source, name=name, default="table")
    return _parse_csv_text(text, file=label, allow_empty=allow_empty)


def read_people(source: Source, *, name: str | None = None) -> pd.DataFrame:
    """Read and check a people CSV: :func:`read_table` then :func:`validate_people`.

    Parameters
    ----------
    source : str, path-like or file object
        The file; see :func:`read_table`.
    name : str, optional
        What to call it in messages (default: the path, or ``"people"``).

    Returns
    -------
    pandas.DataFrame
        Indexed by ``id``; see :func:`validate_people`.

    Examples
    --------
    >>> import io
    >>> people = read_people(io.StringIO("id,name,tags\\nann,Ann Lee,chess ; climbing\\n"))
    >>> people  # doctest: +NORMALIZE_WHITESPACE
            name            tags
    id
    ann  Ann Lee  chess;climbing
    """
    text, label = _read_text(source, name=name, default="people")
    return validate_people(_parse_csv_text(text, file=label), file=label)


def read_ties(
    source: Source,
    *,
    people: pd.DataFrame | Collection[str] | None = None,
    name: str | None = None,
) -> pd.DataFrame:
    """Read and check a ties CSV: :func:`read_table` then :func:`validate_ties`.

    Parameters
    ----------
    source : str, path-like or file object
        The file; see :func:`read_table`.
    people : pandas.DataFrame or collection of str, optional
        The known people (a frame indexed by ``id``, or ids); every tie must name two of them.
    name : str, optional
        What to call the file in messages (default: the path, or ``"ties"``).

    Returns
    -------
    pandas.DataFrame
        See :func:`validate_ties`.
    """
    text, label = _read_text(source, name=name, default="ties")
    return validate_ties(_parse_csv_text(text, file=label), people=people, file=label)


def read_interactions(
    source: Source,
    *,
    people: pd.DataFrame | Collection[str] | None = None,
    name: str | None = None,
    drop_self: bool = False,
) -> pd.DataFrame:
    """Read and check an interactions CSV: :func:`read_table` then :func:`validate_interactions`.

    Parameters
    ----------
    source : str, path-like or file object
        The file; see :func:`read_table`.
    people : pandas.DataFrame or collection of str, optional
        The known people; every interaction must name two of them.
    name : str, optional
        What to call the file in messages (default: the path, or ``"interactions"``).
    drop_self : bool, default False
        Drop (and count) interactions of a person with themselves instead of raising.

    Returns
    -------
    pandas.DataFrame
        See :func:`validate_interactions`.
    """
    text, label = _read_text(source, name=name, default="interactions")
    frame = _parse_csv_text(text, file=label)
    return validate_interactions(frame, people=people, file=label, drop_self=drop_self)


# --- validation -------------------------------------------------------------------------------


def validate_people(df: pd.DataFrame, *, file: str | os.PathLike | None = None) -> pd.DataFrame:
    """Check a people table and index it by ``id``.

    Parameters
    ----------
    df : pandas.DataFrame
        One row per person with an ``id`` column (or an index named ``id``); any other
        columns are attributes (``name``, ``email``, ``company``, ``tags``, ...).
    file : str or path-like, optional
        What to call the table in messages. Default: ``df.attrs["file"]`` (set by
        :func:`read_table`), else ``"people"``.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``id`` (``str``), in input order. Text cells are stripped and empty text
        is missing; ``tags`` is ``;``-separated text with the spaces around ``;`` removed.
        Other columns are kept as they are, including cells that look like spreadsheet
        formulas (kept as text, never evaluated).

    Raises
    ------
    InputError
        When the ``id`` column is missing, an id is empty, or the same id is on two rows
        that differ (the message names both rows and the first column that differs).

    Warns
    -----
    NetgraphWarning
        When rows repeating an earlier row exactly were dropped (counted).

    Examples
    --------
    >>> people = pd.DataFrame({"id": ["ann", " bob "], "name": ["Ann Lee", "Bob Ray"]})
    >>> validate_people(people)  # doctest: +NORMALIZE_WHITESPACE
            name
    id
    ann  Ann Lee
    bob  Bob Ray
    """
    file = _file_label(df, file, "people")
    df = _prepare(df, file=file, required=("id",))
    _require(
        df,
        ["id"],
        file=file,
        fix=(
            "Add an 'id' column with a unique id for each person (an e-mail address or a "
            "short name), or rename the column that holds the ids to 'id'."
        ),
    )
    df = _strip_text(df)
    _no_missing(df, "id", file=file, what="person")
    if "tags" in df.columns:
        df["tags"] = _clean_tags(df["tags"])

    try:
        exact = df.duplicated(keep="first").to_numpy()
    except TypeError:  # unhashable cells, such as lists, in a frame built in Python
        exact = df.astype("str").duplicated(keep="first").to_numpy()
    if exact.any():
        _warn(
            f"{file}: dropped {_count(int(exact.sum()), 'row')} repeating an earlier row exactly "
            f"({_where(df, exact)})."
        )
        df = df[~exact]
    again = df["id"].duplicated(keep="first").to_numpy()
    if again.any():
        second = int(np.flatnonzero(again)[0])
        pid = df["id"].iat[second]
        first = int(np.flatnonzero((df["id"] == pid).to_numpy())[0])
        column = next(
            c
            for c in df.columns
            if not _same(df[c].iat[first], df[c].iat[second])  # exact duplicates are gone
        )
        word = _row_word(df)
        raise InputError(
            f"id {_short(pid)} is on {word} {_label(df.index[first])} and again on {word} "
            f"{_label(df.index[second])} with a different {column!r} "
            f"({_short(df[column].iat[first])} vs {_short(df[column].iat[second])})",
            file=file,
            row=_label(df.index[second]),
            column=column,
            fix="Keep one row per person: merge the two rows, or give one of them another id.",
        )
    out = df.set_index("id")
    out.attrs["file"] = file
    return out


def validate_ties(
    df: pd.DataFrame,
    *,
    people: pd.DataFrame | Collection[str] | None = None,
    file: str | os.PathLike | None = None,
    directed: bool = False,
) -> pd.DataFrame:
    """Check a table of stated ties and merge repeated pairs.

    Parameters
    ----------
    df : pandas.DataFrame
        Columns ``source`` and ``target`` (person ids; ``from`` and ``to`` also work),
        optional ``kind``, ``since`` (a date, see :data:`DATE_FORMATS`) and ``closeness``
        (a number from 0 to 1; a decimal comma as in ``0,5`` is accepted). Other columns are
        kept.
    people : pandas.DataFrame or collection of str, optional
        The known people (a frame indexed by ``id`` or with an ``id`` column, or ids). When
        given, every tie must name two of them.
    file : str or path-like, optional
        What to call the table in messages. Default: ``df.attrs["file"]``, else ``"ties"``.
    directed : bool, default False
        Ties are undirected, so ``a, b`` and ``b, a`` are one tie; with ``directed=True``
        (such as a graph of who e-mails whom) they are two, and only ``a, b`` listed again
        is a repeat.

    Returns
    -------
    pandas.DataFrame
        One row per unordered pair (ordered with ``directed``), in input order, with the
        input's index (the line in the file for :func:`read_table` output). ``source``,
        ``target`` and ``kind`` are ``str`` (``kind`` lower-cased), ``since`` is
        ``datetime64[ns]`` and ``closeness`` is ``float64``.

    Raises
    ------
    InputError
        For a missing ``source`` or ``target`` column or id, a tie of a person with
        themselves, a person not in ``people``, a date that is not in :data:`DATE_FORMATS`
        (or is ambiguous, such as ``03/04/2021``), or a closeness that is not a number from 0
        to 1.

    Warns
    -----
    NetgraphWarning
        When a pair is listed more than once (as ``a, b`` or ``b, a``). The rows are merged
        into the first one: the highest ``closeness``, the earliest ``since``, every distinct
        ``kind`` joined with ``;``, and for other columns the first value that is present.

    Examples
    --------
    >>> ties = pd.DataFrame({"from": ["ann"], "to": ["bob"], "since": ["15 Mar 2021"],
    ...                      "closeness": ["0,8"]})
    >>> validate_ties(ties)
      source target      since  closeness
    0    ann    bob 2021-03-15        0.8
    """
    file = _file_label(df, file, "ties")
    df = _prepare(df, file=file, required=("source", "target"))
    _require(
        df,
        ["source", "target"],
        file=file,
        fix=(
            "Add 'source' and 'target' columns holding the ids of the two people of each tie "
            "('from' and 'to' also work)."
        ),
    )
    df = _check_ids(df, people, file=file, what="tie")
    if "kind" in df.columns:
        df["kind"] = _map_unique(df["kind"], _lower)
    if "since" in df.columns:
        df["since"] = _parse_dates(df["since"], file=file, column="since", frame=df)
    if "closeness" in df.columns:
        df["closeness"] = _parse_closeness(df["closeness"], file=file, frame=df)
    for column in df.columns.difference(["source", "target", "kind", "since", "closeness"]):
        if _is_text(df[column]):
            df[column] = _as_text(df[column])
    df = _merge_repeated_ties(df, file=file, directed=directed)
    df.attrs["file"] = file
    return df


def validate_interactions(
    df: pd.DataFrame,
    *,
    people: pd.DataFrame | Collection[str] | None = None,
    file: str | os.PathLike | None = None,
    drop_self: bool = False,
) -> pd.DataFrame:
    """Check a table of dated interactions and sort it by date.

    Parameters
    ----------
    df : pandas.DataFrame
        Columns ``source`` (who initiated), ``target`` and ``date``, optional ``channel``
        (email, call, meeting, ...) and ``kind``. Other columns are kept.
    people : pandas.DataFrame or collection of str, optional
        The known people; when given, every interaction must name two of them.
    file : str or path-like, optional
        What to call the table in messages. Default: ``df.attrs["file"]``, else
        ``"interactions"``.
    drop_self : bool, default False
        Drop interactions of a person with themselves (such as an e-mail to oneself) and
        count them in a warning, instead of raising.

    Returns
    -------
    pandas.DataFrame
        Sorted by ``date`` (stable: rows on the same date keep their order), with the
        input's index (the line in the file). ``source``, ``target``, ``channel``, ``kind``
        are ``str``; ``date`` is ``datetime64[ns]``, tz-naive. ``channel`` and ``kind`` are
        lower-cased and ``kind`` synonyms become ``"give"`` or ``"ask"``
        (:data:`KIND_SYNONYMS`).

    Raises
    ------
    InputError
        For a missing column, id or date, a date not in :data:`DATE_FORMATS`, an interaction
        of a person with themselves (unless ``drop_self``) or a person not in ``people``.

    Notes
    -----
    A ``date`` column made only of whole numbers is read as Unix time (as in SNAP's
    ``CollegeMsg``): seconds, or milliseconds, microseconds or nanoseconds when the largest
    value is at least :math:`10^{11}`, :math:`10^{14}` or :math:`10^{17}`; except when every
    value is an 8-digit date from 1900 to 2099 such as ``20210315`` (Unix seconds for a few
    days of August 1970), which is read as YYYYMMDD. Dates with a UTC offset are converted
    to UTC and the offset dropped.

    Examples
    --------
    >>> log = pd.DataFrame({"source": ["ann", "bob"], "target": ["bob", "ann"],
    ...                     "date": ["2021-03-16", "2021-03-15"], "kind": ["Intro given", "ASK"]})
    >>> validate_interactions(log)
      source target       date  kind
    1    bob    ann 2021-03-15   ask
    0    ann    bob 2021-03-16  give
    """
    file = _file_label(df, file, "interactions")
    df = _prepare(df, file=file, required=("source", "target", "date"))
    _require(
        df,
        ["source", "target", "date"],
        file=file,
        fix=(
            "Add 'source', 'target' and 'date' columns: who started the interaction, with "
            "whom, and when (YYYY-MM-DD)."
        ),
    )
    df = _check_ids(df, people, file=file, what="interaction", drop_self=drop_self)
    df["date"] = _parse_dates(df["date"], file=file, column="date", frame=df, unix=True)
    _no_missing(df, "date", file=file, what="interaction")
    if "channel" in df.columns:
        df["channel"] = _map_unique(df["channel"], _lower)
    if "kind" in df.columns:
        df["kind"] = _map_unique(df["kind"], _interaction_kind)
    for column in df.columns.difference(["source", "target", "date", "channel", "kind"]):
        if _is_text(df[column]):
            df[column] = _as_text(df[column])
    dates = df["date"].to_numpy()
    if len(dates) > 1 and not (dates[1:] >= dates[:-1]).all():
        df = df.iloc[np.argsort(dates, kind="stable")]
    df.attrs["file"] = file
    return df


# --- decoding and parsing (shared with linkedin.py and vcard.py) ------------------------------


def _read_text(source: Source, *, name: str | None, default: str) -> tuple[str, str]:
    """Return the decoded text of ``source`` (newlines as ``\\n``) and its label."""
    if isinstance(source, str | os.PathLike):
        if isinstance(source, str) and ("\n" in source or "\r" in source):
            raise InputError(
                "this text looks like the contents of a file, not a path",
                file=name or default,
                fix="Pass a path, or wrap the text in io.StringIO(...).",
            )
        label = name or os.fspath(source)
        data: str | bytes = Path(source).read_bytes()
    elif hasattr(source, "read"):
        file_name = getattr(source, "name", None)
        label = name or (file_name if isinstance(file_name, str) else default)
        try:
            data = source.read()
        except UnicodeDecodeError as err:
            raise InputError(
                f"the file is not in the encoding it was opened with ({err.encoding})",
                file=label,
                fix="Pass the path, or open the file in binary mode (open(path, 'rb')) so "
                "netgraph can detect the encoding.",
            ) from err
    else:
        raise TypeError(
            f"expected a path or a file object, got {type(source).__name__}; to read text, "
            "wrap it in io.StringIO(...)"
        )
    if isinstance(data, bytes | bytearray):
        text = _decode(bytes(data), file=label)
    elif isinstance(data, str):
        text = data.removeprefix("\ufeff")
    else:
        raise TypeError(f"{label}: read() returned {type(data).__name__}, not text or bytes")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    _refuse_binary(text, file=label)
    return text, label


def _decode(data: bytes, *, file: str) -> str:
    """Decode file bytes: byte-order marks, UTF-8, UTF-16 without a mark, then Windows-1252."""
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise InputError(f"this is {what}, not a CSV or text file", file=file, fix=_SAVE_AS_CSV)
    boms = (
        (b"\xff\xfe\x00\x00", "utf-32-le"),
        (b"\x00\x00\xfe\xff", "utf-32-be"),
        (b"\xff\xfe", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be"),
    )
    encoding = next((enc for bom, enc in boms if data.startswith(bom)), None)
    if encoding is None:
        encoding = _utf16_without_bom(data)
    if encoding is not None:
        try:
            return data.decode(encoding).removeprefix("\ufeff")
        except UnicodeDecodeError as err:
            raise InputError(
                f"the file looks like {encoding.upper()} text but is not valid {encoding.upper()}",
                file=file,
                fix="Save it again as CSV UTF-8.",
            ) from err
    data = data.removeprefix(b"\xef\xbb\xbf")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        if b"\x00" in data:
            raise _binary_error(file) from err
        line = data.count(b"\n", 0, err.start) + 1
        bad = data[err.start]
        try:
            text, used = data.decode("cp1252"), "Windows-1252 (Western European)"
        except UnicodeDecodeError:
            text, used = data.decode("latin-1"), "Latin-1"
        _warn(
            f"{file}: not UTF-8 (line {line} has the byte 0x{bad:02X}), so it was read as "
            f"{used}. If accented names look wrong, save the file as 'CSV UTF-8' and read it "
            "again."
        )
        return text


def _utf16_without_bom(data: bytes) -> str | None:
    """Recognise mostly-ASCII UTF-16 without a byte-order mark by its zero bytes."""
    head = data[:4096]
    if len(data) % 2 or len(head) < 4 or b"\x00" not in head:
        return None
    half = len(head) // 2
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if odd >= 0.8 * half and even == 0:
        return "utf-16-le"
    if even >= 0.8 * half and odd == 0:
        return "utf-16-be"
    return None


def _binary_error(file: str) -> InputError:
    return InputError(
        "this looks like a binary file (it contains control characters), not CSV text",
        file=file,
        fix=_SAVE_AS_CSV,
    )


def _refuse_binary(text: str, *, file: str) -> None:
    """Raise when the text has NUL bytes or more than 5% control characters."""
    data = text.encode("utf-8", "surrogatepass")
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    if controls and ("\x00" in text or controls > 0.05 * len(text)):
        raise _binary_error(file)


def _parse_csv_text(
    text: str, *, file: str, first_line: int = 1, allow_empty: bool = False
) -> pd.DataFrame:
    """Parse CSV text whose first line is line ``first_line`` of the file; see read_table."""
    lead = re.match(r"(?:[ \t\f\v]*\n)*", text)
    body = text[lead.end() :]
    header_line = first_line + text.count("\n", 0, lead.end())
    body = _drop_trailing_blank_lines(body)
    if not body:
        if allow_empty:
            return _empty_frame(file)
        raise InputError(
            "the file is empty",
            file=file,
            fix="Pass the file that holds the data, with a header row such as 'id,name'.",
        )
    sep = _sniff_separator(body[: body.find("\n")] if "\n" in body else body)
    try:
        raw = pd.read_csv(
            io.StringIO(body),
            sep=sep,
            header=None,
            dtype=str,
            keep_default_na=False,
            na_values=[""],
            skip_blank_lines=False,
            index_col=False,
            quotechar='"',
            doublequote=True,
            engine="c",
        )
    except (ValueError, OverflowError) as err:  # ParserError is a ValueError
        raise _parser_error(err, body=body, sep=sep, file=file, first_line=header_line) from err

    lines = _record_lines(raw, body, header_line)
    header_cells = raw.iloc[0].fillna("").tolist()
    data = raw.iloc[1:]
    data.index = pd.Index(lines[1:], name="line")
    header = [_normalise_column(cell) for cell in header_cells]
    data.columns = _name_columns(header, header_cells, file=file, line=header_line)
    data = data.drop(
        columns=[c for c in data.columns if c.startswith("unnamed_") and _empty(data[c])]
    )

    blank = _blank_rows(data)
    if blank.any():
        _warn(f"{file}: skipped {_count(int(blank.sum()), 'blank line')} ({_where(data, blank)}).")
        data = data[~blank]
    if data.empty and not allow_empty:
        raise InputError(
            "the file has a header but no rows",
            file=file,
            fix="Add rows below the header, or leave this file out.",
        )
    data.attrs["file"] = file
    return data


def _empty_frame(file: str) -> pd.DataFrame:
    frame = pd.DataFrame(index=pd.Index([], dtype="int64", name="line"))
    frame.attrs["file"] = file
    return frame


def _drop_trailing_blank_lines(body: str) -> str:
    body = body.rstrip("\n")
    while True:
        cut = body.rfind("\n")
        if cut < 0 or body[cut + 1 :].strip(" \t\f\v"):
            return body
        body = body[:cut].rstrip("\n")


def _sniff_separator(header: str) -> str:
    """Pick ``,``, ``;`` or tab: the most frequent outside quotes in the header line."""
    bare = re.sub(r'"[^"]*"', "", header)
    counts = {sep: bare.count(sep) for sep in _SEPARATORS}
    best = max(counts, key=counts.get)  # the first of equals wins, so a comma on a tie
    return best if counts[best] else ","


def _record_lines(raw: pd.DataFrame, body: str, header_line: int) -> np.ndarray:
    """Line in the file where each parsed record starts (quoted cells may span lines)."""
    n = len(raw)
    if body.count("\n") + 1 == n:  # every record is one line
        return header_line + np.arange(n, dtype=np.int64)
    spans = np.ones(n, dtype=np.int64)
    for column in raw.columns:
        spans += raw[column].str.count("\n").fillna(0).to_numpy(dtype=np.int64)
    return header_line + np.concatenate([[0], np.cumsum(spans)[:-1]])


def _parser_error(err: Exception, *, body: str, sep: str, file: str, first_line: int) -> InputError:
    message = str(err)
    found = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", message)
    if found:
        expected, record, saw = (int(g) for g in found.groups())
        sep_name = _SEPARATORS[sep]
        return InputError(
            f"this row has {saw} fields but the header has {expected}",
            file=file,
            row=_line_of_record(body, sep, record, first_line),
            fix=(
                f"Put values that contain a {sep_name} ({sep!r}) in double quotes, such as "
                '"Acme, Inc.", or remove the extra separators (or add the missing header).'
            ),
        )
    found = re.search(r"EOF inside string starting at row (\d+)", message)
    if found:
        return InputError(
            "a double quote opened on this row is never closed",
            file=file,
            row=_line_of_record(body, sep, int(found.group(1)) + 1, first_line),
            fix='Close the quote, or write a quote inside a value as two quotes ("").',
        )
    return InputError(f"cannot read this file as CSV ({message})", file=file, fix=_SAVE_AS_CSV)


def _line_of_record(body: str, sep: str, record: int, first_line: int) -> int | None:
    """Line in the file where the 1-based ``record`` starts (only called on errors)."""
    limit = csv.field_size_limit()
    start = 1
    try:
        csv.field_size_limit(2**31 - 1)
        reader = csv.reader(io.StringIO(body), delimiter=sep)
        for number, _ in enumerate(reader, start=1):
            if number == record:
                break
            start = reader.line_num + 1
    except csv.Error:
        pass  # the unclosed quote: ``start`` is the line it opened on
    finally:
        csv.field_size_limit(limit)
    return first_line + start - 1


def _normalise_column(name: object) -> str:
    text = re.sub(r"\s+", "_", str(name).replace("\ufeff", "").strip().lower())
    return COLUMN_ALIASES.get(text, text)


def _name_columns(names: list[str], original: list[str], *, file: str, line: int | None) -> list:
    """Name empty header cells ``unnamed_<position>`` and refuse two columns with one name."""
    names = [name or f"unnamed_{i}" for i, name in enumerate(names, start=1)]
    seen: dict[str, int] = {}
    for i, name in enumerate(names):
        if name in seen:
            a, b = original[seen[name]], original[i]
            same = (
                f"'{a}' and '{b}' both mean"
                if str(a).strip() != str(b).strip()
                else "two columns are"
            )
            raise InputError(
                f"{same} {name!r} (columns {seen[name] + 1} and {i + 1})",
                file=file,
                row=line,
                column=name,
                fix="Rename or remove one of the two columns.",
            )
        seen[name] = i
    return names


def _blank_rows(data: pd.DataFrame) -> np.ndarray:
    """Rows whose cells are all missing or whitespace (checked column by column, vectorised)."""
    blank = np.ones(len(data), dtype=bool)
    for column in data.columns:
        candidates = np.flatnonzero(blank)
        if not len(candidates):
            break
        values = data[column].iloc[candidates]
        empty = values.isna().to_numpy().copy()
        if not empty.all():
            present = values[~empty]
            if _padded(present.to_numpy()):
                empty[~empty] = (present.str.strip() == "").to_numpy()
        blank[candidates[~empty]] = False
    return blank


# --- validation helpers -------------------------------------------------------------------------


def _file_label(df: pd.DataFrame, file: str | os.PathLike | None, default: str) -> str:
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"expected a pandas DataFrame, got {type(df).__name__}")
    if file is not None:
        return os.fspath(file)
    return str(df.attrs.get("file", default))


def _prepare(df: pd.DataFrame, *, file: str, required: tuple[str, ...]) -> pd.DataFrame:
    """Copy, normalise column names and bring required columns out of the index."""
    df = df.copy()
    present = {_normalise_column(c) for c in df.columns}
    levels = [
        n
        for n in df.index.names
        if n is not None
        and _normalise_column(n) in required
        and _normalise_column(n) not in present
    ]
    if levels:
        df = df.reset_index(level=levels)
    original = [str(c) for c in df.columns]
    df.columns = _name_columns(
        [_normalise_column(c) for c in df.columns], original, file=file, line=None
    )
    return df


def _require(df: pd.DataFrame, columns: list[str], *, file: str, fix: str) -> None:
    missing = [c for c in columns if c not in df.columns]
    if missing:
        found = ", ".join(repr(c) for c in df.columns) or "none"
        raise InputError(
            f"there is no {missing[0]!r} column (columns found: {found})",
            file=file,
            column=missing[0],
            fix=fix,
        )


def _is_text(values: pd.Series) -> bool:
    """Whether a column holds text (an object column only if all its values are ``str``)."""
    if isinstance(values.dtype, pd.StringDtype):
        return True
    return values.dtype == object and pd.api.types.infer_dtype(values, skipna=True) in (
        "string",
        "empty",
    )


def _as_text(values: pd.Series) -> pd.Series:
    """Values as stripped ``str``, empty text missing; whole floats lose their ``.0``."""
    if values.dtype.kind == "f":
        number = values.to_numpy(dtype=float)
        missing = np.isnan(number)
        if (missing | ((np.abs(number) < 2**53) & (number == np.round(number)))).all():
            whole = np.where(missing, 0, number).astype(np.int64).astype(str)
            values = pd.Series(whole, index=values.index, dtype="str").where(~missing)
    text = values.astype("str")
    if len(text) > 50_000:  # many repeats (names of channels, ids): clean each value once
        sample = text.iloc[:: len(text) // 10_000]
        if sample.nunique() < 0.5 * len(sample):
            return _map_unique(text, _strip)
    return _strip(text)


def _strip(text: pd.Series) -> pd.Series:
    """Strip ``str`` values and make empty ones missing; skipped when nothing needs it."""
    present = text.dropna().to_numpy()
    if not len(present) or not _padded(present):
        return text
    stripped = text.str.strip()
    return stripped.where(stripped != "")


def _padded(values: np.ndarray) -> bool:
    """Whether some ``str`` value is empty or starts or ends with whitespace.

    One pass over the values joined by NUL instead of a Python call per value; NUL before
    whitespace finds leading whitespace, and the same search in the reversed text finds
    trailing whitespace.
    """
    joined = "\x00".join(values)
    return (
        not joined
        or joined[0].isspace()
        or joined[-1].isspace()
        or joined[0] == "\x00"
        or joined[-1] == "\x00"
        or "\x00\x00" in joined
        or _SPACE_AFTER_NUL.search(joined) is not None
        or _SPACE_AFTER_NUL.search(joined[::-1]) is not None
    )


def _map_unique(values: pd.Series, func: Any) -> pd.Series:
    """Apply ``func`` (Series -> Series of text) to each distinct value once."""
    codes, uniques = pd.factorize(values.astype("str"))
    mapped = func(_strip(pd.Series(uniques, dtype="str"))).to_numpy(dtype=object)
    return pd.Series(np.append(mapped, np.nan)[codes], index=values.index, dtype="str")


def _lower(values: pd.Series) -> pd.Series:
    return values.str.lower()


def _interaction_kind(kinds: pd.Series) -> pd.Series:
    return kinds.str.lower().str.replace(r"[\s_]+", " ", regex=True).replace(KIND_SYNONYMS)


def _strip_text(df: pd.DataFrame) -> pd.DataFrame:
    for column in df.columns:
        if column == "id" or _is_text(df[column]):
            df[column] = _as_text(df[column])
    return df


def _clean_tags(tags: pd.Series) -> pd.Series:
    text = _as_text(tags).str.replace(r"\s*;[\s;]*", ";", regex=True).str.strip(";")
    return text.where(text != "")


def _no_missing(df: pd.DataFrame, column: str, *, file: str, what: str) -> None:
    missing = df[column].isna().to_numpy()
    if missing.any():
        row = _label(df.index[int(np.flatnonzero(missing)[0])])
        fix = {
            "person": "Give every person an id, or delete the row.",
            "tie": "Fill in the ids of both people of the tie, or delete the row.",
            "interaction": "Fill in who and when, or delete the row.",
        }[what]
        raise InputError(
            f"the {column!r} cell is empty", file=file, row=row, column=column, fix=fix
        )


def _check_ids(
    df: pd.DataFrame, people: Any, *, file: str, what: str, drop_self: bool = False
) -> pd.DataFrame:
    """Clean ``source`` and ``target`` in place; raise for an empty id, a self-tie or a stranger.

    Both columns are encoded against one table of distinct ids, so the checks compare
    integers and clean each id once.
    """
    n = len(df)
    both = pd.concat([_as_ids(df["source"]), _as_ids(df["target"])], ignore_index=True)
    codes, uniques = pd.factorize(both)
    clean = _strip(pd.Series(uniques, dtype="str"))
    merged, distinct = pd.factorize(clean)  # ' ann' and 'ann' are one id
    codes = np.append(merged, -1)[codes]  # -1 (missing) stays -1
    distinct = np.append(np.asarray(distinct, dtype=object), np.nan)
    df["source"] = pd.Series(distinct[codes[:n]], index=df.index, dtype="str")
    df["target"] = pd.Series(distinct[codes[n:]], index=df.index, dtype="str")
    source, target = codes[:n], codes[n:]
    for column, column_codes in (("source", source), ("target", target)):
        if (column_codes < 0).any():
            _no_missing(df, column, file=file, what=what)

    same = source == target
    if same.any() and drop_self:
        _warn(
            f"{file}: dropped {_count(int(same.sum()), what)} of a person with themselves "
            f"({_where(df, same)})."
        )
        df, source, target, same = df[~same], source[~same], target[~same], same[~same]
    if same.any():
        pos = int(np.flatnonzero(same)[0])
        fix = "Remove this row, or correct one of the two ids."
        if what == "interaction":
            fix = "Remove this row, correct one of the two ids, or pass drop_self=True."
        raise InputError(
            f"{_short(df['source'].iat[pos])} has {_article(what)} {what} with themselves",
            file=file,
            row=_label(df.index[pos]),
            column="target",
            fix=fix,
        )
    if people is not None:
        ids, where = _people_ids(people)
        known = np.append(pd.Index(distinct[:-1]).isin(ids), False)
        bad = ~known[source] | ~known[target]
        if bad.any():
            pos = int(np.flatnonzero(bad)[0])
            column = "source" if not known[source[pos]] else "target"
            person = df[column].iat[pos]
            raise InputError(
                f"{_short(person)} is not in {where}",
                file=file,
                row=_label(df.index[pos]),
                column=column,
                fix=f"Add a row for {_short(person)} to {where}, or remove this {what}.",
            )
    return df


def _as_ids(values: pd.Series) -> pd.Series:
    """Ids as ``str`` (whole floats such as ``3.0`` become ``"3"``), not yet stripped."""
    if values.dtype.kind == "f":
        return _as_text(values)
    return values.astype("str")


def _people_ids(people: Any) -> tuple[pd.Index, str]:
    """The known ids and what to call their table in messages."""
    if isinstance(people, pd.DataFrame):
        ids = people["id"] if "id" in people.columns else people.index.to_series()
        where = str(people.attrs.get("file", "the people table"))
    elif isinstance(people, Iterable) and not isinstance(people, str):
        ids, where = pd.Series(list(people), dtype=object), "the people table"
    else:
        raise TypeError(
            f"people must be a DataFrame or a collection of ids, not {type(people).__name__}"
        )
    return pd.Index(_as_text(pd.Series(ids)).dropna().unique()), where


def _parse_dates(
    values: pd.Series,
    *,
    file: str,
    column: str,
    frame: pd.DataFrame | None = None,
    unix: bool = False,
) -> pd.Series:
    """Parse a column of dates to tz-naive ``datetime64[ns]``; see :data:`DATE_FORMATS`.

    ``frame`` supplies the row labels for errors (default: ``values.index``).
    """
    index = values.index if frame is None else frame.index
    if pd.api.types.is_datetime64_any_dtype(values):
        out = values
        if getattr(values.dt, "tz", None) is not None:
            out = values.dt.tz_convert("UTC").dt.tz_localize(None)
        return out.astype("datetime64[ns]")
    excel = _excel_dates(values, file=file, column=column)
    if excel is not None:
        return excel
    if unix and values.dtype.kind in "iu":
        present = np.ones(len(values), dtype=bool)
        text = values.astype("str")
        number = _whole_numbers(text, present, file=file, column=column, index=index)
        return _from_unix(number, present, text, file=file, column=column, index=index)
    text = _as_text(values)
    present = text.notna().to_numpy()
    if unix and present.any() and re.fullmatch(r"[+-]?\d+", text[present].iat[0]):
        number = _whole_numbers(text, present, file=file, column=column, index=index)
        if number is not None:
            return _from_unix(number, present, text, file=file, column=column, index=index)
    distinct, codes = text, None
    if len(text) > 50_000:  # dates repeat (days in a log): parse each distinct value once
        sample = text.iloc[:: len(text) // 10_000]
        if sample.nunique() < 0.5 * len(sample):
            codes, uniques = pd.factorize(text)
            distinct = pd.Series(uniques, dtype="str")
    parsed, failed = _dates_from_text(distinct)
    low, high = pd.Timestamp.min.ceil("D"), pd.Timestamp.max.floor("D")
    outside = ((parsed < low) | (parsed > high)).to_numpy()
    if codes is not None:
        parsed = pd.Series(np.append(parsed.to_numpy(), np.datetime64("NaT"))[codes])
        failed, outside = np.append(failed, False)[codes], np.append(outside, False)[codes]
    if failed.any():
        pos = int(np.flatnonzero(failed)[0])
        value = text.iat[pos]
        if re.fullmatch(r"\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}", value):
            problem = f"{_short(value)} is ambiguous (day/month or month/day)"
        else:
            problem = f"{_short(value)} is not a date netgraph can read"
        raise InputError(problem, file=file, row=_label(index[pos]), column=column, fix=_DATE_FIX)
    if outside.any():
        pos = int(np.flatnonzero(outside)[0])
        raise InputError(
            f"{_short(text.iat[pos])} is outside the dates netgraph supports (1678 to 2261)",
            file=file,
            row=_label(index[pos]),
            column=column,
            fix="Check the year.",
        )
    return pd.Series(parsed.to_numpy().astype("datetime64[ns]"), index=values.index)


#: Excel's serial dates of 1 January 1950 and 31 December 2099: numbers in this range in a
#: date column are days since Excel's epoch (1899-12-30), not seconds since 1970 (which would
#: put every date within the first day of 1970).
_EXCEL_FIRST, _EXCEL_LAST = 18_264, 73_050
_EXCEL_EPOCH = pd.Timestamp("1899-12-30")
_EXCEL_TEXT = re.compile(r"\d{5}(\.\d+)?")


def _excel_dates(values: pd.Series, *, file: str, column: str) -> pd.Series | None:
    """Excel serial dates (44571 is 2022-01-10; 44571.5 its noon) as dates, else None.

    A column is read so when every value is a number from 18264 to 73050 (1950 to 2099), as
    a spreadsheet saved with its date cells formatted as numbers gives; a warning says so.
    """
    if values.dtype.kind in "iuf":
        number = values.astype("float64")
    elif values.dtype.kind in "OUT" or pd.api.types.is_string_dtype(values):
        text = _as_text(values)
        present = text.dropna()
        if present.empty or not _EXCEL_TEXT.fullmatch(present.iat[0]):
            return None  # the usual case costs one match
        if not present.str.fullmatch(_EXCEL_TEXT).all():
            return None
        number = pd.to_numeric(text, errors="coerce")
    else:
        return None
    x = number.to_numpy()
    known = np.flatnonzero(~np.isnan(x))
    if not len(known) or x[known].min() < _EXCEL_FIRST or x[known].max() > _EXCEL_LAST + 1:
        return None
    dates = (_EXCEL_EPOCH + pd.to_timedelta(x, unit="D")).round("s")
    first = int(known[0])
    _warn(
        f"{file}: read the numbers in column {column!r} as Excel serial dates "
        f"({_short(values.iat[first])} is {dates[first]:%Y-%m-%d}); "
        "format the column as dates (YYYY-MM-DD) in the spreadsheet to say so."
    )
    return pd.Series(dates.to_numpy().astype("datetime64[ns]"), index=values.index)


def _dates_from_text(text: pd.Series) -> tuple[pd.Series, np.ndarray]:
    """Parse stripped date text; returns the dates and where a present value failed."""
    out = pd.to_datetime(text, format="ISO8601", errors="coerce", utc=True).dt.tz_localize(None)
    todo = text.notna().to_numpy() & out.isna().to_numpy()
    for fmt in _TEXT_DATE_FORMATS:
        if not todo.any():
            break
        parsed = pd.to_datetime(text[todo], format=fmt, errors="coerce")
        out[todo] = parsed
        todo[todo] = parsed.isna().to_numpy()
    return out, todo


def _whole_numbers(
    text: pd.Series, present: np.ndarray, *, file: str, column: str, index: pd.Index
) -> np.ndarray | None:
    """The present values as int64, or None when one of them is not a whole number."""
    values = text.to_numpy(dtype=object)[present]
    try:
        return values.astype(np.int64)
    except ValueError:
        return None
    except OverflowError:
        pos = next(i for i, v in enumerate(values) if abs(int(v)) >= 2**63)
        raise InputError(
            f"{_short(values[pos])} is too large for a Unix time",
            file=file,
            row=_label(index[np.flatnonzero(present)[pos]]),
            column=column,
            fix="Write Unix time in seconds, or the date as YYYY-MM-DD.",
        ) from None


def _from_unix(
    number: np.ndarray,
    present: np.ndarray,
    text: pd.Series,
    *,
    file: str,
    column: str,
    index: pd.Index,
) -> pd.Series:
    """Whole numbers as dates: YYYYMMDD when all are such dates, else Unix time.

    The unit of Unix time (s, ms, us, ns) follows the largest magnitude.
    """
    out = np.full(len(present), np.datetime64("NaT"), dtype="datetime64[ns]")
    where = np.flatnonzero(present)
    if len(number) and number.min() >= 1900_01_01 and number.max() <= 2099_12_31:
        compact = pd.to_datetime(pd.Series(number.astype(str)), format="%Y%m%d", errors="coerce")
        if compact.notna().all():  # 20210315: a date, not 1970-08-23 in Unix seconds
            out[where] = compact.to_numpy().astype("datetime64[ns]")
            return pd.Series(out, index=text.index)
    largest = int(np.abs(number).max()) if len(number) else 0
    if largest < 10**11:
        factor = 10**9
    elif largest < 10**14:
        factor = 10**6
    elif largest < 10**17:
        factor = 10**3
    else:
        factor = 1
    outside = np.abs(number) >= np.iinfo(np.int64).max // factor
    if outside.any():
        pos = int(np.flatnonzero(outside)[0])
        raise InputError(
            f"Unix time {_short(text.iat[where[pos]])} is outside the dates netgraph supports "
            "(1678 to 2261)",
            file=file,
            row=_label(index[where[pos]]),
            column=column,
            fix="Write Unix time in seconds, or the date as YYYY-MM-DD.",
        )
    out[where] = (number * factor).view("datetime64[ns]")
    return pd.Series(out, index=text.index)


def _parse_closeness(values: pd.Series, *, file: str, frame: pd.DataFrame) -> pd.Series:
    fix = "Write closeness as a number from 0 to 1, such as 0.75 (leave the cell empty if unknown)."
    if values.dtype.kind in "iufb":
        number = values.astype("float64")
        text = values.astype("str")
    else:
        text = _as_text(values)
        decimal_point = text.str.replace(
            r"^([+-]?\d*),(\d+(?:[eE][+-]?\d+)?)$", r"\1.\2", regex=True
        )
        number = pd.to_numeric(decimal_point, errors="coerce").astype("float64")
        not_number = (text.notna() & number.isna()).to_numpy()
        if not_number.any():
            pos = int(np.flatnonzero(not_number)[0])
            raise InputError(
                f"closeness {_short(text.iat[pos])} is not a number",
                file=file,
                row=_label(frame.index[pos]),
                column="closeness",
                fix=fix,
            )
    outside = ~((number >= 0) & (number <= 1)).to_numpy() & number.notna().to_numpy()
    if outside.any():
        pos = int(np.flatnonzero(outside)[0])
        value = number.iat[pos]
        if 1 < value <= 100 and np.isfinite(value):
            fix += " If you used a 0-100 scale, divide by 100."
        raise InputError(
            f"closeness {_short(text.iat[pos])} is outside 0 to 1",
            file=file,
            row=_label(frame.index[pos]),
            column="closeness",
            fix=fix,
        )
    return number


def _merge_repeated_ties(df: pd.DataFrame, *, file: str, directed: bool) -> pd.DataFrame:
    """Merge rows naming the same pair into the first; see validate_ties."""
    source, target = df["source"].to_numpy(dtype=object), df["target"].to_numpy(dtype=object)
    swap = np.zeros(len(df), dtype=bool) if directed else (df["source"] > df["target"]).to_numpy()
    low = np.where(swap, target, source)
    high = np.where(swap, source, target)
    pairs = pd.MultiIndex.from_arrays([low, high])
    repeated = pairs.duplicated(keep=False)
    if not repeated.any():
        return df
    later = pairs.duplicated(keep="first")
    example = int(np.flatnonzero(later)[0])
    first_of_example = int(np.flatnonzero((low == low[example]) & (high == high[example]))[0])
    word = _row_word(df)

    group = df[repeated]
    grouped = group.groupby([low[repeated], high[repeated]], sort=False)
    merged = grouped.first()  # first present value of each column, groups in order of appearance
    firsts = group[~later[repeated]]  # the first row of each pair, same order as the groups
    merged.index = firsts.index
    merged["source"] = firsts["source"]
    merged["target"] = firsts["target"]
    if "closeness" in group.columns:
        merged["closeness"] = grouped["closeness"].max().to_numpy()
    if "since" in group.columns:
        merged["since"] = grouped["since"].min().to_numpy()
    if "kind" in group.columns:
        merged["kind"] = grouped["kind"].agg(_join_kinds).to_numpy()
    merged = merged[group.columns]
    for column in merged.columns:
        merged[column] = merged[column].astype(df[column].dtype)

    kept = df[~repeated]
    position = np.concatenate([np.flatnonzero(~repeated), np.flatnonzero(repeated & ~later)])
    out = pd.concat([kept, merged]).iloc[np.argsort(position, kind="stable")]
    n = int(later.sum())
    _warn(
        f"{file}: merged {_count(n, 'repeated tie')} into the first row of the same pair"
        f"{'' if directed else ' in either direction'} (such as {word} "
        f"{_label(df.index[example])}, which repeats "
        f"{word} {_label(df.index[first_of_example])}): kept the highest closeness, the "
        "earliest since and every kind."
    )
    return out


def _join_kinds(kinds: pd.Series) -> Any:
    parts = [p.strip() for k in kinds.dropna() for p in str(k).split(";") if p.strip()]
    return ";".join(dict.fromkeys(parts)) if parts else np.nan


# --- small helpers --------------------------------------------------------------------------------


def _ego_id(me: object, *, file: str) -> str:
    """The ego's id as ids are kept (stripped); an empty one is an InputError."""
    ego = str(me).strip()
    if not ego:
        raise InputError(
            f"the ego's id me={me!r} is empty", file=file, fix="Pass your own id, such as me='me'."
        )
    return ego


def _warn(message: str) -> None:
    """Warn with a NetgraphWarning attributed to the first caller outside netgraph."""
    frame, level = sys._getframe(1), 2
    while frame is not None and frame.f_globals.get("__name__", "").startswith("netgraph."):
        frame, level = frame.f_back, level + 1
    warnings.warn(message, NetgraphWarning, stacklevel=level)


def _article(noun: str) -> str:
    return "an" if noun[:1] in "aeiou" else "a"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _row_word(df: pd.DataFrame) -> str:
    return "line" if df.index.name == "line" else "row"


def _where(df: pd.DataFrame, mask: np.ndarray, *, limit: int = 5) -> str:
    """'line 3', 'lines 3, 7 and 9' or 'lines 3, 7, 9, 12, 15, ...' for the masked rows."""
    labels = [str(_label(x)) for x in df.index[np.flatnonzero(mask)[: limit + 1]]]
    word = _row_word(df)
    if len(labels) == 1:
        return f"{word} {labels[0]}"
    if len(labels) > limit:
        return f"{word}s {', '.join(labels[:limit])}, ..."
    return f"{word}s {', '.join(labels[:-1])} and {labels[-1]}"


def _label(value: Any) -> int | str:
    """A row label as ``int`` when it is an integer, else as text."""
    if isinstance(value, int | np.integer) and not isinstance(value, bool):
        return int(value)
    return str(value)


def _short(value: Any, limit: int = 60) -> str:
    text = repr(value) if isinstance(value, str) else repr(str(value))
    return text if len(text) <= limit else text[: limit - 4] + "...'"


def _same(a: Any, b: Any) -> bool:
    return (pd.isna(a) and pd.isna(b)) if (_scalar_na(a) or _scalar_na(b)) else bool(a == b)


def _scalar_na(value: Any) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _empty(values: pd.Series) -> bool:
    return bool(values.isna().all() or (values.dropna().str.strip() == "").all())


def _slug(text: str) -> str:
    """Lower-case ASCII-ish slug: accents dropped, other letters kept, '-' between words.

    >>> _slug("José  O'Brien-Smith")
    'jose-o-brien-smith'
    """
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[\W_]+", "-", bare.lower()).strip("-")


def _unique_ids(wanted: pd.Series, taken: Iterable[str] = ()) -> pd.Series:
    """Make ids unique in order: the second 'ann' becomes 'ann-2', the third 'ann-3', ...

    >>> _unique_ids(pd.Series(["ann", "bob", "ann", "ann-2"])).tolist()
    ['ann', 'bob', 'ann-3', 'ann-2']
    """
    ids = wanted.astype(object).to_numpy().copy()
    used = set(taken)
    fixed = set(ids) | used  # ids that are kept as they are win their name
    counter: dict[str, int] = {}
    seen: set[str] = set(used)
    for i, value in enumerate(ids):
        if value not in seen:
            seen.add(value)
            continue
        n = counter.get(value, 1)
        while True:
            n += 1
            candidate = f"{value}-{n}"
            if candidate not in seen and candidate not in fixed:
                break
        counter[value] = n
        ids[i] = candidate
        seen.add(candidate)
    return pd.Series(ids, index=wanted.index, dtype="str")
