"""Read an affiliations table: who belongs to which group, club, organisation or event."""

from __future__ import annotations

import pandas as pd

from netgraph._match import nearest
from netgraph.errors import InputError
from netgraph.io.tables import Source, read_table

__all__ = ["read_affiliations"]


def read_affiliations(source: Source) -> pd.DataFrame:
    """Read a CSV of affiliations: ``person, group`` and optionally ``kind`` and ``date``.

    ``kind`` says what the group is (``event``, ``organisation``, ``club``, ...; default
    ``group``), ``date`` when the person took part (YYYY-MM-DD). Give the result to
    ``net.groups(affiliations=...)`` or ``net.groups_to_join(affiliations=...)``.

    Parameters
    ----------
    source : str, path-like or file object
        The CSV file (read like every netgraph CSV: any common encoding, ``,`` or ``;``).

    Returns
    -------
    DataFrame
        ``person, group, kind, date``, indexed by the line in the file; ``attrs["file"]``
        names the file.

    Raises
    ------
    InputError
        If ``person`` or ``group`` is missing (the nearest columns are listed), a group is
        empty, or a date cannot be read; each names the file, line and column.
    """
    table = read_table(source)
    file = table.attrs.get("file", "affiliations")
    table = table.rename(columns={"id": "person"})
    for column in ("person", "group"):
        if column not in table.columns:
            near = nearest(column, table.columns)
            hint = f"Did you mean {', '.join(map(repr, near))}? " if near else ""
            raise InputError(
                f"there is no {column!r} column",
                file=file,
                column=column,
                fix=f"{hint}An affiliations file has the columns person, group and optionally "
                "kind and date.",
            )
        blank = table[column].isna() | (table[column].astype("string").str.strip() == "")
        if blank.any():
            raise InputError(
                f"the {column} is empty",
                file=file,
                row=table.index[blank.to_numpy(bool)][0],
                column=column,
                fix=f"Give a {column} on every row, or delete the row.",
            )
    kind = table["kind"] if "kind" in table.columns else pd.Series("group", index=table.index)
    date = pd.Series(pd.NaT, index=table.index, dtype="datetime64[ns]")
    if "date" in table.columns:
        text = table["date"].astype("string").str.strip()
        date = pd.to_datetime(text, errors="coerce", format="%Y-%m-%d")
        bad = text.notna() & (text != "") & date.isna()
        if bad.any():
            row = table.index[bad.to_numpy(bool)][0]
            raise InputError(
                f"date {text[row]!r} is not a date",
                file=file,
                row=row,
                column="date",
                fix="Write dates as YYYY-MM-DD.",
            )
    out = pd.DataFrame(
        {
            "person": table["person"].astype("string").str.strip(),
            "group": table["group"].astype("string").str.strip(),
            "kind": kind.fillna("group").astype("string").str.strip(),
            "date": date,
        },
        index=table.index,
    )
    out.attrs["file"] = file
    return out
