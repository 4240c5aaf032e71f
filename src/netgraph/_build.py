"""Building a network's tie table and networkx graphs from its validated tables.

Private to :class:`netgraph.Network`, which caches each result: the tie table (strength per
pair, :func:`tie_table`), the graph (:func:`build_graph`) and its undirected form
(:func:`build_undirected`).
"""

from __future__ import annotations

import gc
from collections.abc import Iterable
from typing import Any, NamedTuple

import networkx as nx
import numpy as np
import pandas as pd

from netgraph import strength as _strength
from netgraph._pairs import pair_index, pair_key

__all__ = [
    "Arcs",
    "add_edges",
    "arcs",
    "build_graph",
    "build_undirected",
    "edge_columns",
    "tie_table",
]


class Arcs(NamedTuple):
    """Distinct directed arcs of a directed network."""

    source: list[str]
    target: list[str]
    pair: np.ndarray  # row of the tie table
    weight: np.ndarray  # given weight, NaN where the model decides


def tie_table(
    stated: pd.DataFrame,
    interactions: pd.DataFrame,
    *,
    today: pd.Timestamp | None,
    model: _strength.StrengthModel,
) -> pd.DataFrame:
    """One row per pair with each strength component and ``strength``.

    See :func:`netgraph.strength.tie_strength` for the model; a ``weight`` given with the
    stated ties replaces the modelled strength (the largest where a pair has several).
    """
    table = _strength.tie_strength(
        stated.drop(columns="weight"), interactions, today=today, model=model
    )
    given = stated.dropna(subset=["weight"])
    if len(given):
        key = pair_index(given["source"], given["target"])
        weights = pd.Series(given["weight"].to_numpy(float), index=key)
        weights = weights.groupby(level=[0, 1]).max()
        table.loc[weights.index, "strength"] = weights.to_numpy()
    return table


def edge_columns(table: pd.DataFrame) -> dict[str, np.ndarray]:
    """The graph's edge attributes, one array each, aligned with the tie table."""
    return {
        # issue 11: an inferred tie weighs its expected strength, strength x probability
        "weight": (table["strength"] * table["probability"]).to_numpy(float),
        "probability": table["probability"].to_numpy(float),
        "evidence": table["evidence"].astype(object).to_numpy(),
        "last_contact": table["last_contact"].astype(object).to_numpy(),
        "n_interactions": table["n_interactions"].to_numpy(int),
        "kind": table["kind"].astype(object).where(table["kind"].notna(), None).to_numpy(),
    }


def arcs(
    people: pd.DataFrame, stated: pd.DataFrame, interactions: pd.DataFrame, table: pd.DataFrame
) -> Arcs:
    """Distinct directed arcs: their ends, row in the tie table ``table`` and given weight."""
    ids = people.index
    source = ids.get_indexer(pd.concat([stated["source"], interactions["source"]]))
    target = ids.get_indexer(pd.concat([stated["target"], interactions["target"]]))
    given = np.concatenate([stated["weight"].to_numpy(float), np.full(len(interactions), np.nan)])
    # One row per arc: a stated tie's given weight over the interactions (NaN sorts last).
    by_weight = np.argsort(given, kind="stable")
    n = len(ids)
    _, first = np.unique((source * n + target)[by_weight], return_index=True)
    rows = np.sort(by_weight[first])  # stated ties first, then interactions by date
    source, target, given = source[rows], target[rows], given[rows]
    pairs = table.index
    tie_key = pd.Index(
        pair_key(
            ids.get_indexer(pairs.get_level_values(0)),
            ids.get_indexer(pairs.get_level_values(1)),
            n,
        )
    )
    names = ids.to_numpy(object)
    return Arcs(
        names[source].tolist(),
        names[target].tolist(),
        tie_key.get_indexer(pair_key(source, target, n)),
        given,
    )


def build_graph(
    people: pd.DataFrame,
    table: pd.DataFrame,
    columns: dict[str, np.ndarray],
    *,
    ego: str | None,
    arcs: Arcs | None = None,
) -> nx.Graph:
    """The people as a graph with edge ``weight`` = tie strength.

    Nodes carry the people columns as attributes; edges the ``columns``. Given ``arcs``, a
    DiGraph with an arc for each direction seen, its pair's attributes and its own given
    weight; else a Graph with an edge per row of ``table``.
    """
    G = nx.Graph() if arcs is None else nx.DiGraph()
    G.graph["ego"] = ego
    records = people.to_dict(orient="index")
    G.add_nodes_from(
        (pid, {k: v for k, v in attrs.items() if not missing(v)}) for pid, attrs in records.items()
    )
    if arcs is None:
        add_edges(G, *_ends(table.index), columns)
        return G
    arc_columns = {name: values[arcs.pair] for name, values in columns.items()}
    arc_columns["weight"] = np.where(np.isnan(arcs.weight), arc_columns["weight"], arcs.weight)
    add_edges(G, arcs.source, arcs.target, arc_columns)
    return G


def build_undirected(
    G: nx.DiGraph, table: pd.DataFrame, columns: dict[str, np.ndarray], arcs: Arcs
) -> nx.Graph:
    """The undirected form of a directed network's graph: each pair once, with the larger
    weight of its two arcs."""
    H = nx.Graph()
    H.graph.update(G.graph)
    H.add_nodes_from(G.nodes(data=True))
    columns = dict(columns)
    weight = np.where(np.isnan(arcs.weight), columns["weight"][arcs.pair], arcs.weight)
    columns["weight"] = np.full(len(columns["weight"]), np.nan)
    np.fmax.at(columns["weight"], arcs.pair, weight)
    add_edges(H, *_ends(table.index), columns)
    return H


def _ends(pairs: pd.MultiIndex) -> tuple[list, list]:
    return pairs.get_level_values(0).tolist(), pairs.get_level_values(1).tolist()


def add_edges(G: nx.Graph, source: Iterable, target: Iterable, columns: dict) -> None:
    """Add edges with attributes from aligned arrays, quickly.

    The garbage collector is paused meanwhile: each new attribute dict would otherwise
    trigger collections that scan the whole growing graph (half the time on a million ties).
    """
    names = list(columns)
    rows = zip(*(values.tolist() for values in columns.values()), strict=True)
    attributes = (dict(zip(names, row, strict=True)) for row in rows)
    enabled = gc.isenabled()
    gc.disable()
    try:
        G.add_edges_from(zip(source, target, attributes, strict=True))
    finally:
        if enabled:
            gc.enable()


def missing(value: Any) -> bool:
    """Whether a cell is missing (None, NaN or NaT): such node attributes are left out."""
    return value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NaT
