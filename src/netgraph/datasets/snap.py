"""Loaders for real networks from SNAP, the Stanford Large Network Dataset Collection.

Like scikit-learn's fetchers: each file is looked for in ``path=`` (a folder), then in the
folder named by the ``NETGRAPH_DATA`` environment variable, then in the cache
(``~/.cache/netgraph``); only when it is in none of them, and ``download=True``, is it fetched
once from SNAP, its checksum verified, and kept in the cache. Nothing is downloaded otherwise.

A local copy is checked too: a line that cannot be read raises :class:`InputError` with the
file and line number, and a copy whose sha256 differs from the published file's only warns
(:class:`NetgraphWarning`), since you may have chosen another version on purpose.
"""

from __future__ import annotations

import gzip
import hashlib
import http.client
import os
import urllib.request
import zlib
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from netgraph.errors import InputError, NetgraphError
from netgraph.io._messages import warn as _warn

__all__ = ["data_home", "load_college_msg", "load_email_eu_core"]

_SNAP = "https://snap.stanford.edu/data/"


@dataclass(frozen=True)
class _File:
    name: str
    url: str
    sha256: str  # of the decompressed text with LF line endings


_EMAIL = _File(
    "email-Eu-core.txt",
    _SNAP + "email-Eu-core.txt.gz",
    "847180e74c2287338d23f5846a4bfaab6c51b73b656c849c465b8647e61c7642",
)
_DEPARTMENTS = _File(
    "email-Eu-core-department-labels.txt",
    _SNAP + "email-Eu-core-department-labels.txt.gz",
    "9724e297561cfca674de1389c95d339e3328af56dcd2e6dd664e3172c95f5db6",
)
_COLLEGE = _File(
    "CollegeMsg.txt",
    _SNAP + "CollegeMsg.txt.gz",
    "e00ba2415373dee52c00616065bcceaa4750e78de60d1855c76470600f10740f",
)


def data_home() -> Path:
    """The cache folder for downloads: ``$XDG_CACHE_HOME/netgraph`` or ``~/.cache/netgraph``."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "netgraph"


def load_email_eu_core(path: str | os.PathLike | None = None, *, download: bool = True):
    """Load the e-mail network of a European research institution, with departments.

    1,005 people in 42 departments and 25,571 directed edges (u wrote to v at least once),
    of which 642 self-loops are skipped with a warning, leaving 24,929 arcs between 16,064
    pairs; each person has a ``department`` attribute. A directed :class:`netgraph.Network` with no
    ego, for organisational network analysis.

    Parameters
    ----------
    path : str or path-like, optional
        A folder holding ``email-Eu-core.txt`` and ``email-Eu-core-department-labels.txt``
        (decompressed), looked in before ``NETGRAPH_DATA`` and the cache.
    download : bool, default True
        Whether to download the files from SNAP when no local copy is found.

    Raises
    ------
    InputError
        When a file is missing from ``path``, or a line of a local copy cannot be read (with
        the file and line number).
    NetgraphError
        When the download fails or does not match the published checksum; nothing is saved.

    Warns
    -----
    NetgraphWarning
        When a local copy reads well but differs from the published file (its sha256).

    References
    ----------
    .. [1] Yin, Benson, Leskovec and Gleich. "Local Higher-order Graph Clustering." KDD 2017.
    .. [2] Leskovec, Kleinberg and Faloutsos. "Graph Evolution: Densification and Shrinking
       Diameters." ACM TKDD 2007.
    """
    from netgraph.network import Network

    edges = _read(_EMAIL, _fetch(_EMAIL, path, download), ["source", "target"])
    labels = _read(_DEPARTMENTS, _fetch(_DEPARTMENTS, path, download), ["id", "department"])
    _check_people(edges, labels)
    people = labels.assign(department="dept-" + labels["department"])
    loop = edges["source"] == edges["target"]
    if loop.any():  # the published file has 642: e-mails to oneself are not ties
        n = int(loop.sum())
        _warn(f"{_EMAIL.name}: skipped {n:,} self-loop{'s' * (n != 1)} (e-mails to oneself).")
    return Network(people, edges[~loop], None, directed=True)


def load_college_msg(path: str | os.PathLike | None = None, *, download: bool = True):
    """Load the UC Irvine online messaging log: 1,899 people, 59,835 dated messages.

    Each message is an interaction (``channel="message"``) from sender to receiver; tie
    strength follows from their frequency, recency and reciprocity. A directed
    :class:`netgraph.Network` with no ego.

    Parameters
    ----------
    path : str or path-like, optional
        A folder holding ``CollegeMsg.txt`` (decompressed), looked in before
        ``NETGRAPH_DATA`` and the cache.
    download : bool, default True
        Whether to download the file from SNAP when no local copy is found.

    Raises
    ------
    InputError
        When the file is missing from ``path``, or a line of a local copy cannot be read
        (with the file and line number).
    NetgraphError
        When the download fails or does not match the published checksum; nothing is saved.

    Warns
    -----
    NetgraphWarning
        When a local copy reads well but differs from the published file (its sha256).

    References
    ----------
    .. [1] Panzarasa, Opsahl and Carley. "Patterns and dynamics of users' behavior and
       interaction: Network analysis of an online community." JASIST 60(5), 2009.
    """
    from netgraph.network import Network

    log = _read(_COLLEGE, _fetch(_COLLEGE, path, download), ["source", "target", "timestamp"])
    log = log[log["source"] != log["target"]]
    interactions = pd.DataFrame(
        {
            "source": log["source"],
            "target": log["target"],
            "date": pd.to_datetime(log["timestamp"].astype("int64"), unit="s"),
            "channel": "message",
        }
    )
    return Network(None, None, interactions, directed=True)


def _read(file: _File, path: Path, columns: list[str]) -> pd.DataFrame:
    """Read a local copy: whole numbers separated by spaces, as ``str`` columns.

    Raises InputError naming the line that cannot be read; warns when the copy reads well
    but is not the published file.
    """
    data = path.read_bytes().replace(b"\r\n", b"\n")
    if data[:2] == b"\x1f\x8b":
        raise InputError(
            "this is the compressed .gz file",
            file=path,
            fix=f"Decompress it (gunzip) and name the result {file.name}.",
        )
    try:
        text = data.decode("ascii")
    except UnicodeDecodeError as err:
        raise InputError(
            "this is not a text file of numbers (it has non-ASCII bytes)",
            file=path,
            row=data.count(b"\n", 0, err.start) + 1,
            fix=_fix_local(file),
        ) from None
    rows = []
    for number, line in enumerate(text.split("\n"), start=1):
        fields = line.split()
        if not fields or fields[0].startswith("#"):
            continue  # blank lines and comments
        if len(fields) != len(columns) or not all(f.isdigit() for f in fields):
            raise InputError(
                f"expected {len(columns)} whole numbers ({', '.join(columns)}), "
                f"found {line.strip()[:80]!r}",
                file=path,
                row=number,
                fix=_fix_local(file),
            )
        rows.append([*fields, number])
    if not rows:
        raise InputError("the file has no data", file=path, fix=_fix_local(file))
    table = pd.DataFrame(rows, columns=[*columns, "line"])
    table = table.astype({c: "str" for c in columns}).set_index("line")
    table.attrs["file"] = str(path)
    if hashlib.sha256(data).hexdigest() != file.sha256:
        _warn(
            f"{path} is not the file SNAP publishes (its sha256 differs), so results may differ "
            "from published ones. If that is not on purpose, delete it and call again (without "
            "path=) to download a fresh copy."
        )
    return table


def _check_people(edges: pd.DataFrame, labels: pd.DataFrame) -> None:
    """Raise InputError for a person listed twice, or an edge to a person without a label."""
    twice = labels["id"].duplicated()
    if twice.any():
        raise InputError(
            f"person {labels['id'][twice].iloc[0]} is listed a second time",
            file=labels.attrs["file"],
            row=int(labels.index[twice][0]),
            fix=_fix_local(_DEPARTMENTS),
        )
    for column in ("source", "target"):
        unknown = ~edges[column].isin(labels["id"])
        if unknown.any():
            raise InputError(
                f"person {edges[column][unknown].iloc[0]} has no department in {_DEPARTMENTS.name}",
                file=edges.attrs["file"],
                row=int(edges.index[unknown][0]),
                fix=f"Use the two files from the same SNAP release. {_fix_local(_DEPARTMENTS)}",
            )


def _fix_local(file: _File) -> str:
    return (
        "The file may be damaged: delete it and call again (without path=) to download a "
        f"fresh copy, or replace it with {file.url}, decompressed."
    )


def _fix_manual(file: _File) -> str:
    return (
        f"To get it by hand, download {file.url}, decompress it (gunzip) and put {file.name} "
        f"in {data_home()}, or in a folder you pass as path= or set as NETGRAPH_DATA."
    )


def _fetch(file: _File, path: str | os.PathLike | None, download: bool) -> Path:
    """The local copy of ``file``: from ``path``, ``NETGRAPH_DATA``, the cache, or SNAP."""
    folders = [Path(p) for p in (path, os.environ.get("NETGRAPH_DATA")) if p]
    for folder in [*folders, data_home()]:
        candidate = folder / file.name
        if candidate.is_file():
            return candidate
    if path is not None:
        raise InputError(
            f"{file.name} is not in this folder",
            file=path,
            fix=f"Put {file.name} there, or call without path= to download it from SNAP.",
        )
    if not download:
        raise NetgraphError(
            f"{file.name} is not cached in {data_home()} and download=False. "
            "Pass path= or set NETGRAPH_DATA to a folder holding it."
        )
    return _download(file)


def _download(file: _File) -> Path:
    """Fetch ``file`` from SNAP into the cache; save it only when its checksum matches."""
    try:
        with urllib.request.urlopen(file.url, timeout=60) as response:  # noqa: S310 (https)
            payload = response.read()
    except (OSError, http.client.HTTPException) as err:  # URLError, timeouts, cut connections
        raise NetgraphError(
            f"could not download {file.url} ({err}). Check your connection and try again. "
            + _fix_manual(file)
        ) from err
    try:
        data = gzip.decompress(payload).replace(b"\r\n", b"\n")
    except (OSError, EOFError, zlib.error) as err:
        raise NetgraphError(
            f"the download of {file.url} is not a complete gzip file ({err}); nothing was "
            f"saved. Try again later. {_fix_manual(file)}"
        ) from err
    digest = hashlib.sha256(data).hexdigest()
    if digest != file.sha256:
        raise NetgraphError(
            f"the download of {file.url} does not match its checksum "
            f"(sha256 {digest}, expected {file.sha256}); nothing was saved. Try again later. "
            + _fix_manual(file)
        )
    target = data_home() / file.name
    partial = target.with_suffix(".part")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(data)
        partial.replace(target)
    except OSError as err:
        raise NetgraphError(
            f"could not save {file.name} in the cache folder {target.parent} ({err}). Set "
            "NETGRAPH_DATA or XDG_CACHE_HOME to a folder you can write to, or pass path=."
        ) from err
    return target
