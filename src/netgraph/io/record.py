"""The record every reader in :mod:`netgraph.io` returns: a network's tables, not a Network.

``io`` reads and writes tables only; :mod:`netgraph.readers` turns a :class:`NetworkTables`
into a :class:`netgraph.Network`, so data flows one way (files -> io -> Network).
"""

from __future__ import annotations

import os
from typing import NamedTuple, Protocol

import pandas as pd

__all__ = ["NetworkTables", "TablesLike"]


class NetworkTables(NamedTuple):
    """The tables of one network as read from files, before validation.

    Attributes
    ----------
    people, ties, interactions : pandas.DataFrame or None
        The three tables (see :class:`netgraph.Network` for their columns); None for a table
        the source does not have.
    ego : str or None
        The ego the source names (a file written by ``to_csv``, ``to_json`` or
        ``to_graphml`` stores one; a contact export names the user), else None.
    directed : bool
        Whether the source describes a directed network.
    source : str or None
        The file that stored ``ego``, named in an error when the ego is not one of the people.
    answers : pandas.DataFrame or None
        The user's answers about who knows whom (``a``, ``b``, ``knows``; see
        :meth:`netgraph.Network.confirm_ties`), None when the source holds none.
    inferred_by : list of str or None
        The people columns the source's inferred ties were inferred from (see
        :meth:`netgraph.Network.infer_ties`), so that later answers infer them again alike;
        None when the source does not say.
    """

    people: pd.DataFrame | None
    ties: pd.DataFrame | None
    interactions: pd.DataFrame | None
    ego: str | None = None
    directed: bool = False
    source: str | os.PathLike | None = None
    answers: pd.DataFrame | None = None
    inferred_by: list[str] | None = None


class TablesLike(Protocol):
    """What the writers in :mod:`netgraph.io.formats` read from a network (a Network is one)."""

    @property
    def people(self) -> pd.DataFrame: ...

    @property
    def stated_ties(self) -> pd.DataFrame: ...

    @property
    def interactions(self) -> pd.DataFrame: ...

    @property
    def ties(self) -> pd.DataFrame: ...

    @property
    def ego(self) -> str | None: ...

    @property
    def answers(self) -> pd.DataFrame: ...

    @property
    def inferred_by(self) -> list[str] | None: ...

    @property
    def directed(self) -> bool: ...
