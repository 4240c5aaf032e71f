"""Decoding and sniffing: a file or text in, a frame of text cells out.

Detects the encoding (UTF-8 with or without Excel's byte-order mark, UTF-16, falling back to
Windows-1252 with a warning), refuses binary files (zip, Excel, PDF, images) with the fix,
sniffs the separator (``,``, ``;`` or tab), normalises the header (:data:`COLUMN_ALIASES`)
and keeps each record's line number as the index. Shared by the CSV readers in
:mod:`netgraph.io` (tables, LinkedIn, address books, vCard, calendars); private to ``io``.
"""

from __future__ import annotations

import csv
import io
import os
import re
from pathlib import Path
from typing import IO

import numpy as np
import pandas as pd

from netgraph.errors import InputError
from netgraph.io._messages import all_blank, describe_rows, plural, warn
from netgraph.io._values import padded

Source = str | os.PathLike | IO


#: Header names read as another column (after stripping, lower-casing, spaces to underscores).
COLUMN_ALIASES: dict[str, str] = {
    "from": "source",
    "to": "target",
    "person": "id",
    "person_id": "id",
}


_SEPARATORS = {",": "comma", ";": "semicolon", "\t": "tab"}


MAGIC = {
    b"PK\x03\x04": "a zip archive or an Excel workbook (.xlsx)",
    b"\xd0\xcf\x11\xe0": "an old Excel workbook (.xls)",
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
}


_CONTROL_BYTES = bytes([*range(0x09), *range(0x0E, 0x20), 0x7F])


_SAVE_AS_CSV = "Save it as CSV (in Excel: File > Save As > 'CSV UTF-8') and read that file."


def read_text(source: Source, *, name: str | None, default: str) -> tuple[str, str]:
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
        text = decode(bytes(data), file=label)
    elif isinstance(data, str):
        text = data.removeprefix("\ufeff")
    else:
        raise TypeError(f"{label}: read() returned {type(data).__name__}, not text or bytes")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    _refuse_binary(text, file=label)
    return text, label


def decode(data: bytes, *, file: str) -> str:
    """Decode file bytes: byte-order marks, UTF-8, UTF-16 without a mark, then Windows-1252."""
    for magic, what in MAGIC.items():
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
        warn(
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


def parse_csv_text(
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
    header = [normalise_column(cell) for cell in header_cells]
    data.columns = name_columns(header, header_cells, file=file, line=header_line)
    data = data.drop(
        columns=[c for c in data.columns if c.startswith("unnamed_") and all_blank(data[c])]
    )

    blank = _blank_rows(data)
    if blank.any():
        skipped = plural(int(blank.sum()), "blank line")
        warn(f"{file}: skipped {skipped} ({describe_rows(data, blank)}).")
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


def normalise_column(name: object) -> str:
    text = re.sub(r"\s+", "_", str(name).replace("\ufeff", "").strip().lower())
    return COLUMN_ALIASES.get(text, text)


def name_columns(names: list[str], original: list[str], *, file: str, line: int | None) -> list:
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
            if padded(present.to_numpy()):
                empty[~empty] = (present.str.strip() == "").to_numpy()
        blank[candidates[~empty]] = False
    return blank
