"""What a store keeps of the whole network for the Friday review (private to the store).

The review ranks *your* ties, but it also reads the ties among your contacts: whom each contact
knows (Burt's redundancy, for reconnecting), the communities (bridges), and warm paths to the
people you want to know. Working those out means building the whole network, seconds for a
million interactions. They change only when the ties among your contacts change, that is on
an import or an answer about who knows whom, never on :meth:`~netgraph.Store.log` (everything
you log has you at one end). So the store keeps them, worked out once per such change
(:func:`keep`), and the review puts them together with your own ties, worked out afresh from
your own interactions (:func:`review_inputs`):

* the ties among your contacts, as a compressed sparse adjacency with their weights (dated as
  of the import that brought them: you have no news of them since);
* each person's community (:meth:`netgraph.Network.communities` at that import);
* your stated ties (imports and answers make them; logging does not);
* the latest interaction among your contacts, for the network's reference date.

Together these give the graph, tie table and counts the review's pure functions take, equal
to the stored network's own (``store.network``) while nothing has been logged since the
import (a test checks that the reviews agree), and for your own ties always.
"""

from __future__ import annotations

import io
import json
from typing import Any, NamedTuple

import numpy as np
import pandas as pd
import scipy.sparse as sp

from netgraph import _build, _graph
from netgraph import strength as _strength
from netgraph._pairs import pair_index

__all__ = ["FORMAT", "Kept", "ReviewInputs", "keep", "load", "readable", "review_inputs"]

#: The layout of what is kept; one kept by another layout is worked out again, not read.
FORMAT = 1

_NS_PER_US = 1_000


class Kept(NamedTuple):
    """The kept structure, as :func:`load` reads it back."""

    ids: list[str]
    indptr: np.ndarray
    indices: np.ndarray
    weight: np.ndarray
    community: pd.Series  # by id
    stated: pd.DataFrame  # your stated ties: source, target, kind, since, closeness, weight, ...
    latest_other: tuple[str, str, pd.Timestamp] | None  # the latest interaction among contacts
    log: pd.DataFrame  # your interactions up to the store's row `last_id`
    last_id: int
    directed: bool


class ReviewInputs(NamedTuple):
    """What :func:`netgraph.recommend.week.candidates` reads, put together for the review."""

    graph: Any  # networkx.Graph (frozen; the kept ties are read on demand)
    ties: pd.DataFrame
    communities: pd.Series
    shared_contacts: pd.Series


def keep(net: Any, log: pd.DataFrame, last_id: int) -> tuple[bytes, str]:
    """Work out what to keep of `net` (an ego network) and of `log` (your interactions as the
    store reads them, up to row `last_id`): arrays (npz) and a JSON text."""
    ego = net.ego
    U = net.undirected
    ids = [str(node) for node in U]
    n = len(ids)
    src, dst, w = _graph.arcs(U, "weight")  # both ways, sorted by (src, dst), no self-loops
    me = ids.index(ego)
    among = (src != me) & (dst != me)
    src, dst, w = src[among], dst[among], w[among]
    indptr = np.concatenate([[0], np.cumsum(np.bincount(src, minlength=n))]).astype(np.int64)
    community = net.communities()["community"].reindex(pd.Index(ids, dtype=object))
    stated = net.stated_ties
    mine = (stated["source"].astype(str) == ego) | (stated["target"].astype(str) == ego)
    tables = {"log": _columns(log), "stated": _columns(stated[mine].reset_index(drop=True))}
    buffer = io.BytesIO()
    np.savez(
        buffer,
        ids=np.array(ids, dtype=str),
        indptr=indptr,
        indices=dst.astype(np.int64),
        weight=w.astype(np.float64),
        community=community.to_numpy(dtype=np.float64, na_value=np.nan),
        **{
            f"{table}.{name}": values
            for table, (arrays, _) in tables.items()
            for name, values in arrays.items()
        },
    )
    log = net.interactions
    others = log[(log["source"].astype(str) != ego) & (log["target"].astype(str) != ego)]
    others = others[others["date"].notna()]
    latest = None
    if len(others):
        row = others.loc[others["date"].idxmax()]
        latest = [str(row["source"]), str(row["target"]), int(row["date"].value // _NS_PER_US)]
    text = json.dumps(
        {
            "tables": {table: described for table, (_, described) in tables.items()},
            "latest_other": latest,
            "last_id": int(last_id),
            "directed": bool(net.directed),
            "format": FORMAT,
        }
    )
    return buffer.getvalue(), text


def readable(text: str) -> bool:
    """Whether what was kept (its JSON text) has this netgraph's layout."""
    try:
        return json.loads(text).get("format") == FORMAT
    except (ValueError, AttributeError):
        return False


def load(arrays: bytes, text: str) -> Kept:
    """Read back what :func:`keep` wrote."""
    with np.load(io.BytesIO(arrays), allow_pickle=False) as data:
        ids = data["ids"].tolist()
        parts = {name: data[name] for name in data.files}
    extra = json.loads(text)
    tables = {
        table: _frame(
            {name.split(".", 1)[1]: v for name, v in parts.items() if name.startswith(f"{table}.")},
            described,
        )
        for table, described in extra["tables"].items()
    }
    latest = extra["latest_other"]
    if latest is not None:
        latest = (latest[0], latest[1], pd.Timestamp(latest[2], unit="us"))
    community = pd.Series(parts["community"], index=pd.Index(ids, dtype=object), name="community")
    return Kept(
        ids,
        parts["indptr"],
        parts["indices"],
        parts["weight"],
        community.dropna().astype(np.int64),
        tables["stated"],
        latest,
        tables["log"],
        extra["last_id"],
        extra["directed"],
    )


def review_inputs(
    kept: Kept, names: dict[str, str], interactions: pd.DataFrame, ego: str
) -> ReviewInputs:
    """Your ties from your own `interactions` (every one with you at an end), with the kept rest.

    The tie table is :func:`netgraph.strength.tie_strength` of your stated ties and your
    interactions, dated as the whole network is (its latest interaction); the graph has those
    ties and the kept ones among your contacts; ``shared_contacts`` counts, for each contact,
    how many of your other contacts they know.
    """
    latest = kept.latest_other
    known = [interactions["date"].max(), None if latest is None else latest[2]]
    known = [d for d in known if pd.notna(d)]
    today = max(known) if known else None  # the latest interaction, as Network dates ties
    table = _build.tie_table(
        _stated_columns(kept.stated), interactions, today=today, model=_strength.StrengthModel()
    )
    weight = _build.edge_columns(table)["weight"].copy()  # the review reads the weight alone
    given = kept.stated.dropna(subset=["weight"]) if "weight" in kept.stated else kept.stated[:0]
    if kept.directed and len(given):  # a given arc weight stands (Network.undirected's rule)
        pairs = pd.Series(
            given["weight"].to_numpy(float), index=pair_index(given["source"], given["target"])
        )
        pairs = pairs.groupby(level=[0, 1]).max()
        weight[_graph.positions(table.index, pairs.index)] = pairs.to_numpy()
    pairs = table.index
    sources = pairs.get_level_values(0).astype(str)
    contacts = np.where(sources == ego, pairs.get_level_values(1).astype(str), sources)
    edges = [
        (ego, c, {"weight": w})
        for c, w in zip(contacts.tolist(), weight.tolist(), strict=True)
        if c != ego
    ]
    graph = _graph.kept_graph(
        kept.ids,
        kept.indptr,
        kept.indices,
        kept.weight,
        edges=edges,
        nodes={pid: {"name": name} for pid, name in names.items()},
    )
    # how many of your other contacts each one knows: the kept adjacency times "is a contact"
    position = pd.Index(kept.ids, dtype=object)
    mask = np.zeros(len(kept.ids))
    mask[_graph.positions(position, [c for _, c, _ in edges])] = 1.0  # all kept people
    adjacency = sp.csr_array(
        (np.ones(len(kept.indices)), kept.indices, kept.indptr),
        shape=(len(kept.ids), len(kept.ids)),
    )
    shared = pd.Series(adjacency @ mask, index=position)
    if latest is not None:  # reconnect dates the data by the latest tie of the whole table
        other = pd.DataFrame(
            {"last_contact": [latest[2]]},
            index=pd.MultiIndex.from_tuples([latest[:2]], names=["source", "target"]),
        )
        table = pd.concat([table, other])
    return ReviewInputs(graph, table, kept.community, shared)


def _stated_columns(stated: pd.DataFrame) -> pd.DataFrame:
    """The stated ties as the tie table reads them (a ``weight`` column, dates as dates)."""
    stated = stated.copy()
    if "weight" not in stated.columns:
        stated["weight"] = np.nan
    if "since" in stated.columns:
        stated["since"] = pd.to_datetime(stated["since"]).astype("datetime64[us]")
    return stated


def _columns(frame: pd.DataFrame) -> tuple[dict[str, np.ndarray], dict[str, Any]]:
    """A table as plain arrays (numbers, dates as int64 microseconds, text as codes into a
    list of labels) and a JSON-able description, to keep without pickling."""
    arrays, described = {}, {"columns": list(frame.columns), "labels": {}, "dates": []}
    for name in frame.columns:
        values = frame[name]
        if pd.api.types.is_datetime64_any_dtype(values):
            arrays[name] = values.astype("datetime64[us]").to_numpy().view(np.int64)
            described["dates"].append(name)
        elif pd.api.types.is_float_dtype(values):
            arrays[name] = values.to_numpy(dtype=np.float64)
        else:
            codes, labels = pd.factorize(values, use_na_sentinel=True)
            arrays[name] = codes.astype(np.int64)
            described["labels"][name] = [_plain(v) for v in labels]
    return arrays, described


def _frame(arrays: dict[str, np.ndarray], described: dict[str, Any]) -> pd.DataFrame:
    """The table :func:`_columns` described."""
    columns = {}
    for name in described["columns"]:
        values = arrays[name]
        if name in described["dates"]:
            columns[name] = values.view("datetime64[us]")
        elif name in described["labels"]:
            labels = np.array([*described["labels"][name], None], dtype=object)
            columns[name] = pd.Series(labels[values], dtype=object)  # code -1: missing
        else:
            columns[name] = values
    return pd.DataFrame(columns)


def _plain(value: Any) -> Any:
    """A label as JSON keeps it (numpy scalars as Python ones)."""
    return value.item() if isinstance(value, np.generic) else value
