"""Read and write whole networks: a CSV folder, JSON and GraphML, each round-tripping exactly.

``to_csv`` writes ``people.csv``, ``ties.csv``, ``interactions.csv`` and a small
``netgraph.json`` (ego, direction); ``read_csv`` reads either such a folder or the user's own
files. Cells that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``
or ``@``) are written with a leading apostrophe, the OWASP advice against CSV injection;
``read_csv`` of a folder written by netgraph removes it again.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import IO, Any

import networkx as nx
import numpy as np
import pandas as pd

from netgraph.errors import InputError
from netgraph.io import tables

__all__ = ["read_csv", "read_graphml", "read_json", "to_csv", "to_graphml", "to_json"]

_META = "netgraph.json"
# Cells starting with these are written with a leading "'". The apostrophe itself is on the
# list so that reading back can strip one leading "'" without ambiguity.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")
_FORMAT_VERSION = 1

Source = str | os.PathLike | IO


def read_csv(
    people: Source | None = None,
    ties: Source | None = None,
    interactions: Source | None = None,
    *,
    ego: str | None = None,
    directed: bool = False,
    **options: Any,
):
    """Read a network from CSV files (paths or file objects), or from a folder ``to_csv`` wrote.

    Parameters
    ----------
    people : path or file, optional
        One row per person with an ``id`` column; other columns become attributes. A folder
        reads ``people.csv``, ``ties.csv`` and ``interactions.csv`` from it.
    ties, interactions : path or file, optional
        Stated ties (``source``, ``target``, optional ``kind``, ``since``, ``closeness``) and
        dated interactions (``source``, ``target``, ``date``, optional ``channel``, ``kind``).
    ego : str, optional
        The id of the person whose network this is.
    **options
        Passed to :class:`netgraph.Network` (``directed``, ``today``, ``strength_model``).

    Returns
    -------
    Network

    Raises
    ------
    InputError
        For a file netgraph cannot use; the message names the file, row and column.
    """
    from netgraph.network import Network

    if people is not None and _is_dir(people):
        return _read_folder(Path(people), ego=ego, directed=directed, **options)
    # Network validates each table once; read_table records the file name for its errors.
    people_df = None if people is None else tables.read_table(people, name=_name(people, "people"))
    ties_df = None if ties is None else tables.read_table(ties, name=_name(ties, "ties"))
    inter_df = (
        None
        if interactions is None
        else tables.read_table(interactions, name=_name(interactions, "interactions"))
    )
    return Network(people_df, ties_df, inter_df, ego=ego, directed=directed, **options)


def to_csv(net, folder: str | os.PathLike, *, escape_formulas: bool = True) -> Path:
    """Write ``people.csv``, ``ties.csv``, ``interactions.csv`` and ``netgraph.json`` to a folder.

    Returns the folder. With ``escape_formulas`` (the default), text cells starting with
    ``=``, ``+``, ``-`` or ``@`` get a leading ``'`` so that a spreadsheet shows them as text
    (as do cells starting with ``'``, so that :func:`read_csv` restores every cell exactly).
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    frames = {
        "people": net.people.reset_index(),
        "ties": net.stated_ties,
        "interactions": net.interactions,
    }
    for name, frame in frames.items():
        frame = _dates_to_text(frame)
        if escape_formulas:
            frame = frame.apply(_escape_column)
        frame.to_csv(folder / f"{name}.csv", index=False, lineterminator="\n")
    meta = {
        "format": "netgraph",
        "version": _FORMAT_VERSION,
        "ego": net.ego,
        "directed": net.directed,
        "formulas_escaped": escape_formulas,
        "people_dates": _date_columns(net.people),
    }
    (folder / _META).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return folder


def to_json(net, path: str | os.PathLike) -> Path:
    """Write the network as one JSON document (people, ties, interactions, ego, direction)."""
    doc = {
        "format": "netgraph",
        "version": _FORMAT_VERSION,
        "ego": net.ego,
        "directed": net.directed,
        "people_dates": _date_columns(net.people),
        "people": _records(net.people.reset_index()),
        "ties": _records(net.stated_ties),
        "interactions": _records(net.interactions),
    }
    path = Path(path)
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def read_json(path: str | os.PathLike, **options: Any):
    """Read a network written by :func:`to_json`."""
    from netgraph.network import Network

    try:
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise InputError(
            f"not a JSON document ({err})", file=path, fix="Pass a file written by to_json()."
        ) from err
    if not isinstance(doc, dict) or doc.get("format") != "netgraph":
        raise InputError(
            "not a netgraph JSON document", file=path, fix="Pass a file written by to_json()."
        )
    # An empty table is absent: its columns are not known from zero records.
    frames = {
        key: pd.DataFrame.from_records(doc[key]) if doc.get(key) else None
        for key in ("people", "ties", "interactions")
    }
    frames["people"] = _restore_dates(frames["people"], doc.get("people_dates"))
    return Network(
        frames["people"],
        frames["ties"],
        frames["interactions"],
        ego=doc.get("ego"),
        directed=bool(doc.get("directed")),
        **options,
    )


def to_graphml(net, path: str | os.PathLike) -> Path:
    """Write the graph as GraphML for Gephi, Cytoscape or yEd.

    Nodes carry the people's attributes, edges the tie strength as ``weight`` and the stated
    tie attributes; the interactions travel as JSON in the graph attribute
    ``netgraph_interactions`` so that :func:`read_graphml` gives back an equal network.
    """
    G = nx.DiGraph() if net.directed else nx.Graph()
    G.graph["netgraph_ego"] = "" if net.ego is None else net.ego
    G.graph["netgraph_interactions"] = json.dumps(_records(net.interactions), ensure_ascii=False)
    G.graph["netgraph_people_columns"] = json.dumps(list(net.people.columns))
    G.graph["netgraph_people_dates"] = json.dumps(_date_columns(net.people))
    G.graph["netgraph_tie_columns"] = json.dumps(list(net.stated_ties.columns))
    for pid, attrs in _records(net.people.reset_index(), index="id").items():
        G.add_node(pid, **{k: v for k, v in attrs.items() if v is not None})
    strength = net.ties["strength"]
    for row in _records(net.stated_ties):
        attrs = {k: v for k, v in row.items() if v is not None and k not in ("source", "target")}
        # The given weight is kept apart so an absent one is not mistaken for the model's value.
        if "weight" in attrs:
            attrs["given_weight"] = attrs.pop("weight")
        pair = tuple(sorted((row["source"], row["target"])))
        attrs["weight"] = float(strength.get(pair, np.nan))
        G.add_edge(row["source"], row["target"], **attrs)
    path = Path(path)
    nx.write_graphml(G, path)
    return path


def read_graphml(path: str | os.PathLike, **options: Any):
    """Read a GraphML file: one written by :func:`to_graphml` exactly, any other as a graph.

    A foreign file is read with :meth:`Network.from_graph` (node attributes become people
    columns, the edge ``weight`` the tie strength).
    """
    from netgraph.network import Network

    try:
        G = nx.read_graphml(path)
    except Exception as err:  # networkx raises several types for malformed XML
        raise InputError(
            f"not a readable GraphML file ({err})", file=path, fix="Check the file is GraphML."
        ) from err
    if "netgraph_interactions" not in G.graph:
        return Network.from_graph(G, **options)
    people = pd.DataFrame.from_records(
        [{"id": n, **d} for n, d in G.nodes(data=True)],
        columns=["id", *json.loads(G.graph["netgraph_people_columns"])],
    )
    people = _restore_dates(people, json.loads(G.graph.get("netgraph_people_dates", "[]")))
    tie_columns = json.loads(G.graph["netgraph_tie_columns"])
    rows = []
    for u, v, d in G.edges(data=True):
        row = {"source": u, "target": v, **{k: x for k, x in d.items() if k != "weight"}}
        row["weight"] = row.pop("given_weight", None)
        rows.append(row)
    ties = pd.DataFrame.from_records(rows, columns=tie_columns)
    interactions = pd.DataFrame.from_records(json.loads(G.graph["netgraph_interactions"]))
    if interactions.empty:
        interactions = None
    return Network(
        people,
        ties,
        interactions,
        ego=G.graph.get("netgraph_ego") or None,
        directed=G.is_directed(),
        **options,
    )


# -- helpers ---------------------------------------------------------------------------------


def _is_dir(source: Source) -> bool:
    return isinstance(source, str | os.PathLike) and Path(source).is_dir()


def _name(source: Source, default: str) -> str:
    if isinstance(source, str | os.PathLike):
        return os.fspath(source)
    return (
        getattr(source, "name", default)
        if isinstance(getattr(source, "name", None), str)
        else default
    )


def _read_folder(folder: Path, *, ego: str | None, directed: bool, **options: Any):
    from netgraph.network import Network

    meta_path = folder / _META
    meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
    if not (folder / "people.csv").exists() and not (folder / "ties.csv").exists():
        raise InputError(
            "the folder has neither people.csv nor ties.csv",
            file=folder,
            fix="Pass the folder to_csv() wrote, or the CSV files themselves.",
        )
    frames = {}
    for name in ("people", "ties", "interactions"):
        path = folder / f"{name}.csv"
        if path.exists():
            frame = tables.read_table(path, name=str(path), allow_empty=True)
            if frame.empty:
                continue
            if meta.get("formulas_escaped"):
                frame = frame.apply(_unescape_column)
            frames[name] = frame
    directed = directed or bool(meta.get("directed", False))
    people, ties, inter = (frames.get(n) for n in ("people", "ties", "interactions"))
    people = _restore_dates(people, meta.get("people_dates"))
    ego = ego if ego is not None else meta.get("ego")
    return Network(people, ties, inter, ego=ego, directed=directed, **options)


def _escape_column(column: pd.Series) -> pd.Series:
    if pd.api.types.is_numeric_dtype(column) or pd.api.types.is_datetime64_any_dtype(column):
        return column
    text = column.astype(object)
    risky = text.map(lambda v: isinstance(v, str) and v.startswith(_FORMULA_START))
    return text.where(~risky, "'" + text.astype(str))


def _unescape_column(column: pd.Series) -> pd.Series:
    text = column.astype(object)
    escaped = text.map(
        lambda v: isinstance(v, str) and len(v) > 1 and v[0] == "'" and v[1] in "=+-@\t\r'"
    )
    return text.where(~escaped, text.astype(str).str[1:])


def _date_columns(people: pd.DataFrame) -> list[str]:
    """People columns holding dates, which the formats store as text and read back as dates."""
    return [c for c in people.columns if pd.api.types.is_datetime64_any_dtype(people[c])]


def _restore_dates(people: pd.DataFrame | None, columns: list[str] | None):
    if people is None or not columns:
        return people
    dated = {c: pd.to_datetime(people[c]) for c in columns if c in people.columns}
    return people.assign(**dated)


def _dates_to_text(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for column in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[column]):
            out[column] = _iso(out[column])
    return out


def _iso(values: pd.Series) -> pd.Series:
    """ISO dates, with the time only where a value has one."""
    has_time = (values.dropna() != values.dropna().dt.normalize()).any()
    fmt = "%Y-%m-%dT%H:%M:%S" if has_time else "%Y-%m-%d"
    return values.dt.strftime(fmt).astype(object).where(values.notna(), None)


def _records(frame: pd.DataFrame, index: str | None = None):
    """JSON-ready records: dates as ISO text, missing values as None."""
    frame = _dates_to_text(frame).astype(object)
    frame = frame.where(frame.notna(), None)
    rows = [
        {k: (v.item() if isinstance(v, np.generic) else v) for k, v in row.items()}
        for row in frame.to_dict(orient="records")
    ]
    if index is None:
        return rows
    return {row.pop(index): row for row in rows}
