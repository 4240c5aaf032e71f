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

from collections.abc import Collection

import pandas as pd

from netgraph.io._decode import COLUMN_ALIASES, Source, parse_csv_text, read_text
from netgraph.io._values import DATE_FORMATS, KIND_SYNONYMS
from netgraph.io.schema import validate_interactions, validate_people, validate_ties

__all__ = [
    "COLUMN_ALIASES",
    "DATE_FORMATS",
    "KIND_SYNONYMS",
    "Source",
    "read_interactions",
    "read_people",
    "read_table",
    "read_ties",
    "validate_interactions",
    "validate_people",
    "validate_ties",
]


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
    text, label = read_text(source, name=name, default="table")
    return parse_csv_text(text, file=label, allow_empty=allow_empty)


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
    text, label = read_text(source, name=name, default="people")
    return validate_people(parse_csv_text(text, file=label), file=label)


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
    text, label = read_text(source, name=name, default="ties")
    return validate_ties(parse_csv_text(text, file=label), people=people, file=label)


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
    text, label = read_text(source, name=name, default="interactions")
    frame = parse_csv_text(text, file=label)
    return validate_interactions(frame, people=people, file=label, drop_self=drop_self)
