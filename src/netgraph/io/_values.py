"""Value parsing: text cells, ids, dates, closeness and interaction kinds.

Dates are read in the formats of :data:`DATE_FORMATS` (and Unix times and Excel serial
numbers); numeric day/month orders such as ``03/04/2021`` are refused rather than guessed.
Shared by the readers and the schema checks of :mod:`netgraph.io`; private to ``io``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

from netgraph.errors import InputError
from netgraph.io._messages import row_label, short_repr, warn

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


_SPACE_AFTER_NUL = re.compile(r"\x00\s")  # a literal first: fast to scan for


def is_text(values: pd.Series) -> bool:
    """Whether a column holds text (an object column only if all its values are ``str``)."""
    if isinstance(values.dtype, pd.StringDtype):
        return True
    return values.dtype == object and pd.api.types.infer_dtype(values, skipna=True) in (
        "string",
        "empty",
    )


def as_text(values: pd.Series) -> pd.Series:
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
            return map_unique(text, strip_cells)
    return strip_cells(text)


def strip_cells(text: pd.Series) -> pd.Series:
    """Strip ``str`` values and make empty ones missing; skipped when nothing needs it."""
    present = text.dropna().to_numpy()
    if not len(present) or not padded(present):
        return text
    stripped = text.str.strip()
    return stripped.where(stripped != "")


def padded(values: np.ndarray) -> bool:
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


def map_unique(values: pd.Series, func: Any) -> pd.Series:
    """Apply ``func`` (Series -> Series of text) to each distinct value once."""
    codes, uniques = pd.factorize(values.astype("str"))
    mapped = func(strip_cells(pd.Series(uniques, dtype="str"))).to_numpy(dtype=object)
    return pd.Series(np.append(mapped, np.nan)[codes], index=values.index, dtype="str")


def lower_cells(values: pd.Series) -> pd.Series:
    return values.str.lower()


def interaction_kind(kinds: pd.Series) -> pd.Series:
    return kinds.str.lower().str.replace(r"[\s_]+", " ", regex=True).replace(KIND_SYNONYMS)


def strip_text(df: pd.DataFrame) -> pd.DataFrame:
    for column in df.columns:
        if column == "id" or is_text(df[column]):
            df[column] = as_text(df[column])
    return df


def clean_tags(tags: pd.Series) -> pd.Series:
    text = as_text(tags).str.replace(r"\s*;[\s;]*", ";", regex=True).str.strip(";")
    return text.where(text != "")


def as_ids(values: pd.Series) -> pd.Series:
    """Ids as ``str`` (whole floats such as ``3.0`` become ``"3"``), not yet stripped."""
    if values.dtype.kind == "f":
        return as_text(values)
    return values.astype("str")


def parse_dates(
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
    text = as_text(values)
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
            problem = f"{short_repr(value)} is ambiguous (day/month or month/day)"
        else:
            problem = f"{short_repr(value)} is not a date netgraph can read"
        raise InputError(
            problem, file=file, row=row_label(index[pos]), column=column, fix=_DATE_FIX
        )
    if outside.any():
        pos = int(np.flatnonzero(outside)[0])
        raise InputError(
            f"{short_repr(text.iat[pos])} is outside the dates netgraph supports (1678 to 2261)",
            file=file,
            row=row_label(index[pos]),
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
        text = as_text(values)
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
    warn(
        f"{file}: read the numbers in column {column!r} as Excel serial dates "
        f"({short_repr(values.iat[first])} is {dates[first]:%Y-%m-%d}); "
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
            f"{short_repr(values[pos])} is too large for a Unix time",
            file=file,
            row=row_label(index[np.flatnonzero(present)[pos]]),
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
            f"Unix time {short_repr(text.iat[where[pos]])} is outside the dates netgraph supports "
            "(1678 to 2261)",
            file=file,
            row=row_label(index[where[pos]]),
            column=column,
            fix="Write Unix time in seconds, or the date as YYYY-MM-DD.",
        )
    out[where] = (number * factor).view("datetime64[ns]")
    return pd.Series(out, index=text.index)


def parse_closeness(values: pd.Series, *, file: str, frame: pd.DataFrame) -> pd.Series:
    fix = "Write closeness as a number from 0 to 1, such as 0.75 (leave the cell empty if unknown)."
    if values.dtype.kind in "iufb":
        number = values.astype("float64")
        text = values.astype("str")
    else:
        text = as_text(values)
        decimal_point = text.str.replace(
            r"^([+-]?\d*),(\d+(?:[eE][+-]?\d+)?)$", r"\1.\2", regex=True
        )
        number = pd.to_numeric(decimal_point, errors="coerce").astype("float64")
        not_number = (text.notna() & number.isna()).to_numpy()
        if not_number.any():
            pos = int(np.flatnonzero(not_number)[0])
            raise InputError(
                f"closeness {short_repr(text.iat[pos])} is not a number",
                file=file,
                row=row_label(frame.index[pos]),
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
            f"closeness {short_repr(text.iat[pos])} is outside 0 to 1",
            file=file,
            row=row_label(frame.index[pos]),
            column="closeness",
            fix=fix,
        )
    return number


def ego_id(me: object, *, file: str) -> str:
    """The ego's id as ids are kept (stripped); an empty one is an InputError."""
    ego = str(me).strip()
    if not ego:
        raise InputError(
            f"the ego's id me={me!r} is empty", file=file, fix="Pass your own id, such as me='me'."
        )
    return ego


def slugify(text: str) -> str:
    """Lower-case ASCII-ish slug: accents dropped, other letters kept, '-' between words.

    >>> slugify("José  O'Brien-Smith")
    'jose-o-brien-smith'
    """
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[\W_]+", "-", bare.lower()).strip("-")


def unique_ids(wanted: pd.Series, taken: Iterable[str] = ()) -> pd.Series:
    """Make ids unique in order: the second 'ann' becomes 'ann-2', the third 'ann-3', ...

    >>> unique_ids(pd.Series(["ann", "bob", "ann", "ann-2"])).tolist()
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
