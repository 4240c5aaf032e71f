"""Schema checks: validate people, ties and interactions tables into their canonical forms.

Each ``validate_*`` function checks and converts a frame, whether it came from a file
(:func:`netgraph.io.read_table`) or was built in Python:

- :func:`validate_people`: one row per ``id``; other columns are kept as they are.
- :func:`validate_ties`: ``source``, ``target``, optional ``kind``, ``since``, ``closeness``.
- :func:`validate_interactions`: ``source``, ``target``, ``date``, optional ``channel``,
  ``kind``.

Problems raise :class:`~netgraph.errors.InputError` with the file, the row (the line in the
file, or the frame's row label), the column and how to fix it. Rows skipped by choice
(exact duplicates) are counted in a :class:`~netgraph.errors.NetgraphWarning`.
"""

from __future__ import annotations

import os
from collections.abc import Collection, Iterable
from typing import Any

import numpy as np
import pandas as pd

from netgraph.errors import InputError
from netgraph.io._decode import name_columns, normalise_column
from netgraph.io._messages import (
    article,
    describe_rows,
    plural,
    row_label,
    row_word,
    same_value,
    short_repr,
    warn,
)
from netgraph.io._values import (
    as_ids,
    as_text,
    clean_tags,
    interaction_kind,
    is_text,
    lower_cells,
    map_unique,
    parse_closeness,
    parse_dates,
    strip_cells,
    strip_text,
)

__all__ = ["validate_interactions", "validate_people", "validate_ties"]


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
    df = strip_text(df)
    _no_missing(df, "id", file=file, what="person")
    if "tags" in df.columns:
        df["tags"] = clean_tags(df["tags"])

    try:
        exact = df.duplicated(keep="first").to_numpy()
    except TypeError:  # unhashable cells, such as lists, in a frame built in Python
        exact = df.astype("str").duplicated(keep="first").to_numpy()
    if exact.any():
        warn(
            f"{file}: dropped {plural(int(exact.sum()), 'row')} repeating an earlier row exactly "
            f"({describe_rows(df, exact)})."
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
            if not same_value(df[c].iat[first], df[c].iat[second])  # exact duplicates are gone
        )
        word = row_word(df)
        raise InputError(
            f"id {short_repr(pid)} is on {word} {row_label(df.index[first])} and again on {word} "
            f"{row_label(df.index[second])} with a different {column!r} "
            f"({short_repr(df[column].iat[first])} vs {short_repr(df[column].iat[second])})",
            file=file,
            row=row_label(df.index[second]),
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
        df["kind"] = map_unique(df["kind"], lower_cells)
    if "since" in df.columns:
        df["since"] = parse_dates(df["since"], file=file, column="since", frame=df)
    if "closeness" in df.columns:
        df["closeness"] = parse_closeness(df["closeness"], file=file, frame=df)
    for column in df.columns.difference(["source", "target", "kind", "since", "closeness"]):
        if is_text(df[column]):
            df[column] = as_text(df[column])
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
    df["date"] = parse_dates(df["date"], file=file, column="date", frame=df, unix=True)
    _no_missing(df, "date", file=file, what="interaction")
    if "channel" in df.columns:
        df["channel"] = map_unique(df["channel"], lower_cells)
    if "kind" in df.columns:
        df["kind"] = map_unique(df["kind"], interaction_kind)
    for column in df.columns.difference(["source", "target", "date", "channel", "kind"]):
        if is_text(df[column]):
            df[column] = as_text(df[column])
    dates = df["date"].to_numpy()
    if len(dates) > 1 and not (dates[1:] >= dates[:-1]).all():
        df = df.iloc[np.argsort(dates, kind="stable")]
    df.attrs["file"] = file
    return df


def _file_label(df: pd.DataFrame, file: str | os.PathLike | None, default: str) -> str:
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"expected a pandas DataFrame, got {type(df).__name__}")
    if file is not None:
        return os.fspath(file)
    return str(df.attrs.get("file", default))


def _prepare(df: pd.DataFrame, *, file: str, required: tuple[str, ...]) -> pd.DataFrame:
    """Copy, normalise column names and bring required columns out of the index."""
    df = df.copy()
    present = {normalise_column(c) for c in df.columns}
    levels = [
        n
        for n in df.index.names
        if n is not None and normalise_column(n) in required and normalise_column(n) not in present
    ]
    if levels:
        df = df.reset_index(level=levels)
    original = [str(c) for c in df.columns]
    df.columns = name_columns(
        [normalise_column(c) for c in df.columns], original, file=file, line=None
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


def _no_missing(df: pd.DataFrame, column: str, *, file: str, what: str) -> None:
    missing = df[column].isna().to_numpy()
    if missing.any():
        row = row_label(df.index[int(np.flatnonzero(missing)[0])])
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
    both = pd.concat([as_ids(df["source"]), as_ids(df["target"])], ignore_index=True)
    codes, uniques = pd.factorize(both)
    clean = strip_cells(pd.Series(uniques, dtype="str"))
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
        warn(
            f"{file}: dropped {plural(int(same.sum()), what)} of a person with themselves "
            f"({describe_rows(df, same)})."
        )
        df, source, target, same = df[~same], source[~same], target[~same], same[~same]
    if same.any():
        pos = int(np.flatnonzero(same)[0])
        fix = "Remove this row, or correct one of the two ids."
        if what == "interaction":
            fix = "Remove this row, correct one of the two ids, or pass drop_self=True."
        raise InputError(
            f"{short_repr(df['source'].iat[pos])} has {article(what)} {what} with themselves",
            file=file,
            row=row_label(df.index[pos]),
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
                f"{short_repr(person)} is not in {where}",
                file=file,
                row=row_label(df.index[pos]),
                column=column,
                fix=f"Add a row for {short_repr(person)} to {where}, or remove this {what}.",
            )
    return df


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
    return pd.Index(as_text(pd.Series(ids)).dropna().unique()), where


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
    word = row_word(df)

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
    warn(
        f"{file}: merged {plural(n, 'repeated tie')} into the first row of the same pair"
        f"{'' if directed else ' in either direction'} (such as {word} "
        f"{row_label(df.index[example])}, which repeats "
        f"{word} {row_label(df.index[first_of_example])}): kept the highest closeness, the "
        "earliest since and every kind."
    )
    return out


def _join_kinds(kinds: pd.Series) -> Any:
    parts = [p.strip() for k in kinds.dropna() for p in str(k).split(";") if p.strip()]
    return ";".join(dict.fromkeys(parts)) if parts else np.nan
