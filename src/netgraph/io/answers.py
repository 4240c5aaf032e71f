"""Questions about who knows whom, and their answers, as CSV files for a spreadsheet.

:meth:`netgraph.Network.who_knows_whom` gives the questions; :func:`write_questions` writes
them with an empty ``knows`` column to fill in (``y`` or ``n``; leave blank to skip);
:func:`read_answers` reads the file back for :meth:`netgraph.Network.confirm_ties`. ``netgraph
ask`` writes the same file as the answers come. Tables only: this module never builds a
network.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Collection

import pandas as pd

from netgraph._files import atomic_write
from netgraph.errors import InputError, NetgraphWarning
from netgraph.io._cells import escape_formulas, unescape_formulas
from netgraph.io.tables import read_table

__all__ = ["ANSWER_COLUMNS", "parse_knows", "read_answers", "validate_answers", "write_questions"]

#: The columns of a questions-and-answers file, in order.
ANSWER_COLUMNS = ("a", "b", "a_name", "b_name", "probability", "reason", "knows")

_YES = {"y", "yes", "true", "1", "t", "x", "oui", "ja", "si", "sí"}
_NO = {"n", "no", "false", "0", "f", "non", "nein"}


def parse_knows(value: object) -> bool | None:
    """Read one answer: True for yes, False for no, None for a blank or a skip.

    Raises ValueError for anything else.

    Examples
    --------
    >>> parse_knows("Yes"), parse_knows(" n "), parse_knows(""), parse_knows(False)
    (True, False, None, False)
    """
    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, bool):
        return value
    text = str(value).strip().casefold()
    if text in ("", "skip", "s", "?", "-"):
        return None
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise ValueError(value)


def validate_answers(
    answers: pd.DataFrame,
    *,
    people: Collection[str] | None = None,
    file: str | os.PathLike | None = None,
) -> pd.DataFrame:
    """Check a table of answers: ``a``, ``b`` (two people) and ``knows`` (yes or no).

    Rows whose ``knows`` is blank (skipped questions) are left out, with a count in a
    NetgraphWarning. Returns ``a``, ``b`` (str), ``knows`` (bool) and ``closeness`` if given.

    Raises
    ------
    InputError
        For a missing column, an answer that is not yes or no, a pair of one person, or a
        person not in ``people``, naming the row.
    """
    file = file or answers.attrs.get("file") or "answers"
    missing = [c for c in ("a", "b", "knows") if c not in answers.columns]
    if missing:
        raise InputError(
            f"no column {missing[0]!r}",
            file=file,
            column=missing[0],
            fix="Answers are a table with the columns a, b (the two people) and knows (y or n).",
        )
    knows = []
    for row, value in answers["knows"].items():
        try:
            knows.append(parse_knows(value))
        except ValueError:
            raise InputError(
                f"answer {value!r} is neither yes nor no",
                file=file,
                row=row,
                column="knows",
                fix="Write y or n, or leave the cell blank to skip the question.",
            ) from None
    frame = answers.assign(knows=knows)
    skipped = int(frame["knows"].isna().sum())
    frame = frame[frame["knows"].notna()]
    if skipped:
        warnings.warn(
            f"{file}: {skipped} question{'s' if skipped != 1 else ''} not answered (blank "
            "knows) left out.",
            NetgraphWarning,
            stacklevel=3,
        )
    for end in ("a", "b"):
        blank = frame[end].isna() | (frame[end].astype(str).str.strip() == "")
        if blank.any():
            raise InputError(
                f"an answer has no person in column {end!r}",
                file=file,
                row=frame.index[blank.to_numpy()][0],
                column=end,
                fix="Give the ids of both people, as in the questions file.",
            )
    a = frame["a"].astype(str).str.strip()
    b = frame["b"].astype(str).str.strip()
    same = a == b
    if same.any():
        raise InputError(
            f"an answer pairs {a[same].iloc[0]!r} with themself",
            file=file,
            row=frame.index[same.to_numpy()][0],
            fix="Each answer is about two different people.",
        )
    if people is not None:
        known = pd.Index(people).astype(str)
        for end, ids in (("a", a), ("b", b)):
            unknown = ~ids.isin(known)
            if unknown.any():
                raise InputError(
                    f"{ids[unknown].iloc[0]!r} is not one of the people",
                    file=file,
                    row=frame.index[unknown.to_numpy()][0],
                    column=end,
                    fix="Answer the questions of this network (ids as in who_knows_whom).",
                )
    out = pd.DataFrame({"a": a, "b": b, "knows": frame["knows"].astype(bool)})
    if "closeness" in frame.columns:
        out["closeness"] = pd.to_numeric(frame["closeness"], errors="coerce")
    return out.reset_index(drop=True)


def read_answers(path: str | os.PathLike) -> pd.DataFrame:
    """Read a questions-and-answers CSV file (as written by :func:`write_questions` or
    ``netgraph ask``, or saved from a spreadsheet) and keep the answered rows.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> questions = pd.DataFrame({"a": ["ann"], "b": ["bo"], "a_name": ["Ann"],
    ...                           "b_name": ["Bo"], "probability": [0.4], "reason": ["..."]})
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "questions.csv"
    >>> _ = write_questions(questions.assign(knows="y"), path)
    >>> read_answers(path)
         a   b  knows
    0  ann  bo   True
    """
    table = read_table(path)
    for column in ("a", "b"):  # ids were formula-escaped by write_questions
        if column in table.columns:
            table[column] = table[column].map(unescape_formulas)
    return validate_answers(table, file=table.attrs.get("file", os.fspath(path)))


def write_questions(questions: pd.DataFrame, path: str | os.PathLike) -> os.PathLike:
    """Write questions (and any answers so far) to a CSV file for a spreadsheet.

    The file has the columns of :data:`ANSWER_COLUMNS`; ``knows`` is left blank where there
    is no answer yet (fill in ``y`` or ``n``). Text that a spreadsheet could run as a formula
    (a name starting with ``=``) gets a leading ``'``, which :func:`read_answers` removes from
    the ids. Written atomically: a crash leaves the previous file whole.
    """
    frame = questions.copy()
    if "knows" not in frame.columns:
        frame["knows"] = ""
    frame["knows"] = frame["knows"].map(
        lambda v: "y" if v is True else "n" if v is False else ("" if v is None else v)
    )
    for column in ANSWER_COLUMNS:
        if column not in frame.columns:
            frame[column] = ""
    if "probability" in frame.columns:
        frame["probability"] = pd.to_numeric(frame["probability"], errors="coerce").round(3)
    for column in ("a", "b", "a_name", "b_name", "reason"):  # no cell runs as a formula
        frame[column] = frame[column].map(escape_formulas)
    text = frame[list(ANSWER_COLUMNS)].to_csv(index=False)
    return atomic_write(path, text)
