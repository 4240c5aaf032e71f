"""Read and write whole networks: a CSV folder, JSON and GraphML, each round-tripping exactly.

``to_csv`` writes ``people.csv``, ``ties.csv``, ``interactions.csv``, ``answers.csv`` (when
the user answered who knows whom) and a small ``netgraph.json`` (ego, direction, the columns
ties were inferred from); ``read_csv_tables`` reads either such a folder or the user's own
files. Every format keeps each tie's ``evidence`` and ``probability`` and the answers, so a
network after :meth:`~netgraph.Network.infer_ties` and :meth:`~netgraph.Network.confirm_ties`
reads back equal, and later answers infer its ties again alike. Readers return a
:class:`netgraph.io.NetworkTables`; the public ``read_*`` functions that return a Network are
in :mod:`netgraph.readers`.

Cells and column names that a spreadsheet would run as a formula (starting with ``=``,
``+``, ``-`` or ``@``, also after a ``;``, where a spreadsheet in a ``;`` locale starts a new
cell) are written with a leading apostrophe, the OWASP advice against CSV injection;
``read_csv`` of a folder written by netgraph removes it again. Every file is written
atomically, and ``netgraph.json`` records each file's line count, so that an interrupted
write is refused rather than read in part.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import IO, Any

import networkx as nx
import numpy as np
import pandas as pd

from netgraph._files import atomic_open, atomic_write
from netgraph.errors import InputError
from netgraph.io import tables
from netgraph.io._cells import escape_formulas as _escape
from netgraph.io._cells import unescape_formulas as _unescape
from netgraph.io._messages import short_repr
from netgraph.io._values import parse_dates
from netgraph.io.record import NetworkTables, TablesLike

__all__ = [
    "graph_tables",
    "read_csv_tables",
    "read_graphml_tables",
    "read_json_tables",
    "to_csv",
    "to_graphml",
    "to_json",
]

_META = "netgraph.json"
# Cells starting with these are written with a leading "'". The apostrophe itself is on the
# list so that reading back can strip one leading "'" without ambiguity.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")
_FORMAT_VERSION = 1
_JSON_FIX = "Pass a file written by to_json()."
_META_FIX = (
    f"Delete {_META} to read the folder as your own CSV files, or write it again with to_csv()."
)
_GRAPHML_FIX = "Write the file again with to_graphml(), or remove the netgraph_* graph attributes."
# Graph attributes of a file to_graphml wrote, each holding JSON.
_GRAPH_KEYS = (
    "netgraph_people_columns",
    "netgraph_people_dates",
    "netgraph_tie_columns",
    "netgraph_interactions",
)

Source = str | os.PathLike | IO


def read_csv_tables(
    people: Source | None = None,
    ties: Source | None = None,
    interactions: Source | None = None,
) -> NetworkTables:
    """Read a network's tables from CSV files (paths or file objects), or a ``to_csv`` folder.

    Parameters
    ----------
    people : path or file, optional
        One row per person with an ``id`` column; other columns become attributes. A folder
        reads ``people.csv``, ``ties.csv`` and ``interactions.csv`` from it.
    ties, interactions : path or file, optional
        Stated ties (``source``, ``target``, optional ``kind``, ``since``, ``closeness``) and
        dated interactions (``source``, ``target``, ``date``, optional ``channel``, ``kind``).

    Returns
    -------
    NetworkTables
        The tables as read (validated when they become a :class:`netgraph.Network`; each
        records its file in ``attrs["file"]`` for the errors), with the ego and direction a
        folder written by ``to_csv`` stores.

    Raises
    ------
    InputError
        For a file netgraph cannot use; the message names the file, row and column.
    """
    if people is not None and _is_dir(people):
        return _read_folder(Path(people))
    people_df = None if people is None else tables.read_table(people, name=_name(people, "people"))
    ties_df = None if ties is None else _read_log(ties, _name(ties, "ties"))
    inter_df = (
        None
        if interactions is None
        else _read_log(interactions, _name(interactions, "interactions"))
    )
    return NetworkTables(people_df, ties_df, inter_df)


def _read_log(source: Source, name: str) -> pd.DataFrame | None:
    """A ties or interactions file: a header without rows means none yet (as to_csv writes)."""
    frame = tables.read_table(source, name=name, allow_empty=True)
    if frame.columns.empty:
        raise InputError(
            "the file is empty",
            file=name,
            fix="Pass the file that holds the data, with a header row such as 'source,target'.",
        )
    return frame


def to_csv(net: TablesLike, folder: str | os.PathLike, *, escape_formulas: bool = True) -> Path:
    """Write ``people.csv``, ``ties.csv``, ``interactions.csv`` and ``netgraph.json`` to a folder.

    The user's answers about who knows whom (``net.answers``) go to ``answers.csv`` when there
    are any, and the columns ties were inferred from (``net.inferred_by``) to the manifest.

    Returns the folder. With ``escape_formulas`` (the default), text cells and column names
    starting with ``=``, ``+``, ``-`` or ``@`` get a leading ``'`` so that a spreadsheet shows
    them as text (as do those starting with ``'``, so that :func:`read_csv` restores them
    exactly); so do the parts of a cell after a ``;``, a tab or a line break, where a
    spreadsheet splitting cells on ``;`` (German, French, Dutch, Italian and Spanish locales)
    would start a cell: ``x;=cmd|...`` is written ``x;'=cmd|...``.

    Each file is written atomically. The manifest ``netgraph.json`` is written first marked
    incomplete and last with the number of lines of each file, so :func:`read_csv` refuses a
    folder whose write was interrupted, or a file cut off since, rather than read part of it.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    meta = {
        "format": "netgraph",
        "version": _FORMAT_VERSION,
        "ego": net.ego,
        "directed": net.directed,
        "formulas_escaped": "parts" if escape_formulas else False,
        "people_dates": _date_columns(net.people),
        "complete": False,  # until every file is written: read_csv refuses the folder
    }
    meta.update(_inference(net))
    atomic_write(folder / _META, json.dumps(meta, indent=2) + "\n")
    frames = {
        "people": net.people.reset_index(),
        "ties": net.stated_ties,
        "interactions": net.interactions,
    }
    if len(net.answers):
        frames["answers"] = net.answers
    files = {}
    for name, frame in frames.items():
        frame = _dates_to_text(frame)
        if escape_formulas:
            frame = frame.apply(_escape_column)
            frame.columns = [_escape(c) for c in frame.columns]
        data = frame.to_csv(index=False, lineterminator="\n").encode("utf-8")
        atomic_write(folder / f"{name}.csv", data)
        files[f"{name}.csv"] = {"lines": data.count(b"\n")}
    meta.update(complete=True, files=files)
    atomic_write(folder / _META, json.dumps(meta, indent=2) + "\n")
    return folder


def to_json(net: TablesLike, path: str | os.PathLike) -> Path:
    """Write the network as one JSON document (people, ties, interactions, ego, direction).

    The answers about who knows whom and the columns ties were inferred from are kept under
    ``answers`` and ``inferred_by`` when the network has them.
    """
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
    if len(net.answers):
        doc["answers"] = _records(net.answers)
    doc.update(_inference(net))
    return atomic_write(Path(path), json.dumps(doc, ensure_ascii=False, indent=1))


def read_json_tables(path: str | os.PathLike) -> NetworkTables:
    """Read the tables of a network written by :func:`to_json`.

    Errors name the file and the table, such as ``net.json (ties), row 2``: rows count the
    records of that table from 1.

    Returns
    -------
    NetworkTables
        The tables with the stored ego and direction; ``source`` is ``path``.
    """
    doc = _read_json_object(path, fix=_JSON_FIX)
    if doc.get("format") != "netgraph":
        raise InputError("not a netgraph JSON document", file=path, fix=_JSON_FIX)
    frames = {
        key: _frame(doc.get(key), file=f"{os.fspath(path)} ({key})", fix=_JSON_FIX)
        for key in ("people", "ties", "interactions")
    }
    dates = _names(doc.get("people_dates"), "people_dates", file=path, fix=_JSON_FIX)
    frames["people"] = _restore_dates(frames["people"], dates)
    return NetworkTables(
        frames["people"],
        frames["ties"],
        frames["interactions"],
        ego=_text(doc.get("ego"), "ego", file=path, fix=_JSON_FIX),
        directed=bool(doc.get("directed")),
        source=path,
        answers=_frame(doc.get("answers"), file=f"{os.fspath(path)} (answers)", fix=_JSON_FIX),
        inferred_by=_names(doc.get("inferred_by"), "inferred_by", file=path, fix=_JSON_FIX),
    )


def to_graphml(net: TablesLike, path: str | os.PathLike) -> Path:
    """Write the graph as GraphML for Gephi, Cytoscape or yEd.

    Nodes carry the people's attributes, edges the tie strength as ``weight`` and the stated
    tie attributes (an inferred tie's ``evidence`` and ``probability`` too); the interactions
    travel as JSON in the graph attribute ``netgraph_interactions``, the answers about who
    knows whom in ``netgraph_answers`` and the columns ties were inferred from in
    ``netgraph_inferred_by``, so that :func:`read_graphml` gives back an equal network.
    """
    G = nx.DiGraph() if net.directed else nx.Graph()
    G.graph["netgraph_ego"] = "" if net.ego is None else net.ego
    G.graph["netgraph_interactions"] = json.dumps(_records(net.interactions), ensure_ascii=False)
    G.graph["netgraph_people_columns"] = json.dumps(list(net.people.columns))
    G.graph["netgraph_people_dates"] = json.dumps(_date_columns(net.people))
    G.graph["netgraph_tie_columns"] = json.dumps(list(net.stated_ties.columns))
    if len(net.answers):
        G.graph["netgraph_answers"] = json.dumps(_records(net.answers), ensure_ascii=False)
    if net.inferred_by is not None:
        G.graph["netgraph_inferred_by"] = json.dumps(net.inferred_by, ensure_ascii=False)
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
    with atomic_open(path, "wb") as handle:
        nx.write_graphml(G, handle)
    return path


def read_graphml_tables(path: str | os.PathLike) -> NetworkTables:
    """Read the tables of a GraphML file: one written by :func:`to_graphml` exactly, any other
    as a graph (see :func:`graph_tables`: node attributes become people columns, the edge
    ``weight`` the tie strength, and errors name ``path (nodes)`` or ``path (edges)``).

    Returns
    -------
    NetworkTables
        The tables, with the ego stored by :func:`to_graphml` (None in a foreign file) and the
        graph's direction; ``source`` is ``path``.
    """
    try:
        G = nx.read_graphml(path)
    except Exception as err:  # networkx raises several types for malformed XML
        raise InputError(
            f"not a readable GraphML file ({err})", file=path, fix="Check the file is GraphML."
        ) from err
    if not any(key in G.graph for key in _GRAPH_KEYS):
        return graph_tables(G, file=path)
    # Written by to_graphml, perhaps edited since (in Gephi, say): read every node and edge
    # attribute, and the stored column lists for columns that no node or edge holds.
    stored = {key: _graph_json(G, key, path) for key in _GRAPH_KEYS}
    people = _frame(
        [{"id": n, **node_attributes(n, d)} for n, d in G.nodes(data=True)],
        file=f"{os.fspath(path)} (nodes)",
        fix=_GRAPHML_FIX,
        columns=stored["netgraph_people_columns"],
    )
    people = _restore_dates(people, stored["netgraph_people_dates"])
    rows = []
    for u, v, d in G.edges(data=True):
        row = {"source": u, "target": v, **{k: x for k, x in d.items() if k != "weight"}}
        row["weight"] = row.pop("given_weight", None)
        rows.append(row)
    ties = _frame(
        rows,
        file=f"{os.fspath(path)} (edges)",
        fix=_GRAPHML_FIX,
        columns=stored["netgraph_tie_columns"],
    )
    interactions = _frame(
        stored["netgraph_interactions"],
        file=f"{os.fspath(path)} (netgraph_interactions)",
        fix=_GRAPHML_FIX,
    )
    answers = _frame(
        _graph_json(G, "netgraph_answers", path),
        file=f"{os.fspath(path)} (netgraph_answers)",
        fix=_GRAPHML_FIX,
    )
    return NetworkTables(
        people,
        ties,
        interactions,
        ego=G.graph.get("netgraph_ego") or None,
        directed=G.is_directed(),
        source=path,
        answers=answers,
        inferred_by=_graph_json(G, "netgraph_inferred_by", path),
    )


def graph_tables(G: nx.Graph, *, file: str | os.PathLike | None = None) -> NetworkTables:
    """The people and ties of a networkx graph, leaving the graph unchanged.

    Node attributes become people columns (see :func:`node_attributes`); the edge attribute
    ``weight`` becomes the given tie weight (1.0 where absent), and ``kind``, ``since``,
    ``closeness``, ``evidence`` and ``probability`` are kept. An inferred edge of a netgraph
    graph (``net.graph``, or GraphML written from it) weighs strength x probability, so its
    weight is divided by its probability to give back the tie's strength. Node ids become
    strings.

    Parameters
    ----------
    G : networkx.Graph
        Any graph or digraph.
    file : str or path-like, optional
        The file the graph was read from: errors then name ``file (nodes)`` and
        ``file (edges)`` and count nodes and edges from 1. Without it the tables are called
        ``people`` and ``ties`` with rows from 0.

    Returns
    -------
    NetworkTables
        People and ties, no interactions, no ego; ``directed`` is the graph's.
    """
    people = pd.DataFrame.from_dict(
        {str(n): node_attributes(str(n), d) for n, d in G.nodes(data=True)},
        orient="index",
    )
    people.index.name = "id"
    people = people.reset_index()
    rows = []
    for u, v, d in G.edges(data=True):
        row = {c: d[c] for c in _GRAPH_TIE_COLUMNS if c in d}
        row.update(source=str(u), target=str(v), weight=_strength_of(d))
        rows.append(row)
    ties = pd.DataFrame(rows, columns=None if rows else ["source", "target", "weight"])
    if file is not None:
        for frame, part in ((people, "nodes"), (ties, "edges")):
            frame.index += 1
            frame.attrs["file"] = f"{os.fspath(file)} ({part})"
    return NetworkTables(people, ties, None, directed=G.is_directed(), source=file)


# -- helpers ---------------------------------------------------------------------------------

# Edge attributes of a graph kept as tie columns (the tie evidence contract of issue 11).
_GRAPH_TIE_COLUMNS = ("kind", "since", "closeness", "evidence", "probability")


def _strength_of(edge: dict) -> Any:
    """An edge's given weight: its ``weight`` (1.0 where absent), over its probability for an
    inferred edge, which netgraph's graph weighs by its expected strength."""
    weight, probability = edge.get("weight", 1.0), edge.get("probability")
    inferred = str(edge.get("evidence", "")).strip().lower() == "inferred"
    numbers = all(
        isinstance(x, int | float | np.number) and not isinstance(x, bool)
        for x in (weight, probability)
    )
    if inferred and numbers and 0 < probability <= 1:
        return weight / probability
    return weight


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


def _read_folder(folder: Path) -> NetworkTables:
    meta_path = folder / _META
    meta = _read_json_object(meta_path, fix=_META_FIX) if meta_path.exists() else {}
    if not (folder / "people.csv").exists() and not (folder / "ties.csv").exists():
        raise InputError(
            "the folder has neither people.csv nor ties.csv",
            file=folder,
            fix="Pass the folder to_csv() wrote, or the CSV files themselves.",
        )
    frames = {}
    for name in ("people", "ties", "interactions", "answers"):
        path = folder / f"{name}.csv"
        if path.exists():
            frame = tables.read_table(path, name=str(path), allow_empty=True)
            if frame.empty:
                continue
            if meta.get("formulas_escaped"):
                # "parts" since each ;-separated part is escaped; True: the cell's start only
                how = _unescape if meta["formulas_escaped"] == "parts" else _unescape_cell
                frame = frame.apply(_unescape_column, unescape=how)
                frame.columns = [how(c) for c in frame.columns]
            frames[name] = frame
    _check_manifest(folder, meta)  # after parsing, whose errors name the row at fault
    people, ties, inter = (frames.get(n) for n in ("people", "ties", "interactions"))
    dates = _names(meta.get("people_dates"), "people_dates", file=meta_path, fix=_META_FIX)
    people = _restore_dates(people, dates)
    return NetworkTables(
        people,
        ties,
        inter,
        ego=_text(meta.get("ego"), "ego", file=meta_path, fix=_META_FIX),
        directed=bool(meta.get("directed", False)),
        source=meta_path,
        answers=frames.get("answers"),
        inferred_by=_names(meta.get("inferred_by"), "inferred_by", file=meta_path, fix=_META_FIX),
    )


def _check_manifest(folder: Path, meta: dict) -> None:
    """Refuse a folder whose to_csv was interrupted, or a file cut off since it was written.

    The manifest counts the lines of each file; a spreadsheet that edits cells keeps them,
    a write cut off half way does not.
    """
    if meta.get("complete") is False:
        raise InputError(
            "to_csv was interrupted while writing this folder: its files may be a mix of two "
            "versions",
            file=folder / _META,
            fix="Write the folder again with to_csv().",
        )
    files = meta.get("files")
    if files is None:  # a folder written before manifests listed files
        return
    if not isinstance(files, dict):
        raise InputError("'files' must be an object", file=folder / _META, fix=_META_FIX)
    for name, expected in files.items():
        path = folder / str(name)
        lines = expected.get("lines") if isinstance(expected, dict) else None
        if not path.is_file():
            problem = "is missing"
        else:
            with path.open("rb") as handle:
                found = sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))
            if found == lines:
                continue
            problem = (
                f"has {found:,} lines where to_csv wrote {lines if lines is None else f'{lines:,}'}"
            )
        raise InputError(
            f"{name} {problem}: the file was cut off (an interrupted write?) or rows were "
            "added or removed since",
            file=path,
            fix="Write the folder again with to_csv(); or, to read edited files as your own "
            f"CSV files, delete {_META}.",
        )


def _read_json_object(path: str | os.PathLike, *, fix: str) -> dict:
    """The JSON object in a file, or an InputError naming the file.

    Text no file can hold (a lone UTF-16 surrogate such as ``\\ud800``) and nesting deeper
    than Python's parser goes are InputErrors too.
    """
    try:
        text = Path(path).read_text(encoding="utf-8")
        doc = json.loads(text)
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise InputError(f"not a JSON document ({err})", file=path, fix=fix) from err
    except RecursionError as err:
        raise InputError(
            "the JSON is nested too deeply to be a netgraph document", file=path, fix=fix
        ) from err
    if "\\ud" in text or "\\uD" in text:  # an escaped surrogate: check that each one is half a pair
        try:
            json.dumps(doc, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError as err:
            bad = err.object[err.start : err.end].encode("unicode_escape").decode("ascii")
            raise InputError(
                f"the JSON holds a lone surrogate ({bad}), which is not text",
                file=path,
                fix=fix,
            ) from err
    if not isinstance(doc, dict):
        raise InputError("the JSON is not an object ({...})", file=path, fix=fix)
    return doc


def _graph_json(G: nx.Graph, key: str, path: str | os.PathLike) -> Any:
    """The JSON held by a graph attribute of a GraphML file, None when absent.

    The interactions are checked by :func:`_frame`; the other keys hold column names.
    """
    if key not in G.graph:
        return None
    try:
        value = json.loads(G.graph[key])
    except (TypeError, json.JSONDecodeError) as err:
        raise InputError(
            f"the graph attribute {key!r} is not JSON ({err})", file=path, fix=_GRAPHML_FIX
        ) from err
    if key in ("netgraph_interactions", "netgraph_answers"):
        return value
    return _names(value, key, file=path, fix=_GRAPHML_FIX)


def _names(value: Any, key: str, *, file: str | os.PathLike, fix: str) -> list[str] | None:
    """A stored list of column names, None when absent."""
    if value is None or (isinstance(value, list) and all(isinstance(v, str) for v in value)):
        return value
    raise InputError(
        f"{key!r} must be a list of column names, not {short_repr(value)}", file=file, fix=fix
    )


def _text(value: Any, key: str, *, file: str | os.PathLike, fix: str) -> str | None:
    """A stored text, None when absent."""
    if value is None or isinstance(value, str):
        return value
    raise InputError(f"{key!r} must be text, not {short_repr(value)}", file=file, fix=fix)


def _frame(
    records: Any, *, file: str, fix: str, columns: list[str] | None = None
) -> pd.DataFrame | None:
    """A table from a list of records (dicts), None when empty (no columns are known then).

    ``columns`` adds columns that no record holds. Rows are numbered from 1 and the frame
    is called ``file`` in errors.
    """
    if records is None:
        return None
    if not isinstance(records, list):
        raise InputError(
            f"the table must be a list of rows, not {short_repr(records)}", file=file, fix=fix
        )
    for i, record in enumerate(records, start=1):
        if not isinstance(record, dict):
            raise InputError(
                f"a row must be an object of column names and values, not {short_repr(record)}",
                file=file,
                row=i,
                fix=fix,
            )
    if not records:
        return None
    frame = pd.DataFrame.from_records(records)
    missing = [c for c in columns or () if c not in frame.columns]
    frame = frame.assign(**dict.fromkeys(missing))
    frame.index += 1
    frame.attrs["file"] = file
    return frame


def node_attributes(node: str, attrs: dict) -> dict:
    """A node's attributes as people columns: ``id`` names the person, so an attribute of
    that name is dropped where it repeats the node id and kept as ``id_attribute`` otherwise
    (used by read_graphml and Network.from_graph)."""
    attrs = dict(attrs)
    if "id" in attrs:
        value = attrs.pop("id")
        if str(value) != node:
            attrs["id_attribute"] = value
    return attrs


def _unescape_cell(value: Any) -> Any:
    """The value the escaping of earlier versions (the cell's start only) was given."""
    if isinstance(value, str) and len(value) > 1 and value[0] == "'" and value[1] in _FORMULA_START:
        return value[1:]
    return value


def _escape_column(column: pd.Series) -> pd.Series:
    if pd.api.types.is_numeric_dtype(column) or pd.api.types.is_datetime64_any_dtype(column):
        return column
    return column.astype(object).map(_escape)


def _unescape_column(column: pd.Series, unescape=_unescape) -> pd.Series:
    # Keep the text dtype, so that a column with no value reads back as it was written.
    return column.astype(object).map(unescape).astype(column.dtype)


def _inference(net: TablesLike) -> dict:
    """``{"inferred_by": [...]}`` for a network whose ties infer_ties inferred, else empty."""
    return {} if net.inferred_by is None else {"inferred_by": list(net.inferred_by)}


def _date_columns(people: pd.DataFrame) -> list[str]:
    """People columns holding dates, which the formats store as text and read back as dates."""
    return [c for c in people.columns if pd.api.types.is_datetime64_any_dtype(people[c])]


def _restore_dates(people: pd.DataFrame | None, columns: list[str] | None):
    """Parse the people date columns as ``since`` and ``date`` are parsed: a cell edited in a
    spreadsheet may have another format. A bad value is an InputError naming its row."""
    if people is None or not columns:
        return people
    file = people.attrs.get("file", "people")
    dated = {c: parse_dates(people[c], file=file, column=c) for c in columns if c in people.columns}
    return people.assign(**dated)


def _dates_to_text(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for column in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[column]):
            out[column] = _iso(out[column])
    return out


def _iso(values: pd.Series) -> pd.Series:
    """ISO dates, with the time only where a value has one, as precise as the values.

    ``2021-03-15`` when no value has a time, else ``2021-03-15T14:30:00`` with 3, 6 or 9
    decimals of the second when some value needs them (Unix milliseconds keep theirs).
    """
    present = values.notna().to_numpy()
    clock = (values - values.dt.normalize()).to_numpy().astype("timedelta64[ns]")
    nanos = np.where(present, clock.astype(np.int64), 0)  # since midnight
    if not nanos.any():
        return values.dt.strftime("%Y-%m-%d").astype(object).where(present, None)
    text = values.dt.strftime("%Y-%m-%dT%H:%M:%S")
    fraction = nanos % 10**9
    digits = next(d for d in (0, 3, 6, 9) if not (fraction % 10 ** (9 - d)).any())
    if digits:
        decimals = pd.Series(fraction // 10 ** (9 - digits), index=values.index)
        text = text + "." + decimals.astype(str).str.zfill(digits)
    return text.astype(object).where(present, None)


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
