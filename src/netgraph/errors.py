"""Exceptions raised by netgraph.

The tree::

    NetgraphError                 base class: ``except netgraph.NetgraphError`` catches them all
    └── InputError (ValueError)   bad input data: names the file, row and column, and the fix
        └── UnknownPersonError (KeyError)   a person that is not in the network

    NetgraphWarning (UserWarning)   something was skipped or adjusted; the message counts it
"""

from __future__ import annotations

import os

__all__ = ["InputError", "NetgraphError", "NetgraphWarning", "UnknownPersonError"]


class NetgraphError(Exception):
    """Base class of every error netgraph raises on purpose."""


class InputError(NetgraphError, ValueError):
    """Input data that netgraph cannot use as it is.

    Parameters
    ----------
    problem : str
        What is wrong, as a full sentence.
    file : str or path-like, optional
        The file (or table name, such as ``"ties"``) the problem is in.
    row : int, optional
        The 1-based line number in the file (the header is line 1), or the row label of a table.
    column : str, optional
        The column at fault.
    fix : str, optional
        How to fix it.

    Examples
    --------
    >>> err = InputError("date '31/02/2021' is not a date", file="meetings.csv", row=7,
    ...                  column="date", fix="Write dates as YYYY-MM-DD.")
    >>> print(err)
    meetings.csv, row 7, column 'date': date '31/02/2021' is not a date. Write dates as YYYY-MM-DD.
    """

    def __init__(
        self,
        problem: str,
        *,
        file: str | os.PathLike | None = None,
        row: int | str | None = None,
        column: str | None = None,
        fix: str | None = None,
    ) -> None:
        self.problem = problem
        self.file = None if file is None else os.fspath(file)
        self.row = row
        self.column = column
        self.fix = fix
        super().__init__(self._message())

    def _message(self) -> str:
        where = []
        if self.file is not None:
            where.append(str(self.file))
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column is not None:
            where.append(f"column {self.column!r}")
        text = self.problem.rstrip(".") + "."
        if where:
            text = ", ".join(where) + ": " + text
        if self.fix:
            text += " " + self.fix
        return text


class UnknownPersonError(InputError, KeyError):
    """A person that is not in the network (bad input: also an :class:`InputError`).

    ``hint`` says where the person was given or lists the nearest ids and names.
    """

    def __init__(self, person: object, *, hint: str | None = None) -> None:
        self.person = person
        super().__init__(f"{_plain(person)!r} is not a person in this network", fix=hint)

    def __str__(self) -> str:  # KeyError would repr() the message
        return str(self.args[0])


def _plain(value: object) -> object:
    """A numpy scalar as the Python value it holds (messages show 0, not np.int64(0))."""
    item = getattr(value, "item", None)
    if type(value).__module__ == "numpy" and callable(item):
        return item()
    if isinstance(value, tuple):
        return tuple(_plain(v) for v in value)
    return value


class NetgraphWarning(UserWarning):
    """Rows skipped or adjusted by choice (blank lines, exact duplicates), counted."""
