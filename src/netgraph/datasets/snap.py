"""Loaders for real networks from SNAP, the Stanford Large Network Dataset Collection.

Like scikit-learn's fetchers: each file is looked for in ``path=`` (a folder), then in the
folder named by the ``NETGRAPH_DATA`` environment variable, then in the cache
(``~/.cache/netgraph``); only when it is in none of them, and ``download=True``, is it fetched
once from SNAP, its checksum verified, and kept in the cache. Nothing is downloaded otherwise.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from netgraph.errors import InputError, NetgraphError

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

    1,005 people in 42 departments and 25,571 directed edges (u wrote to v at least once);
    each person has a ``department`` attribute. A directed :class:`netgraph.Network` with no
    ego, for organisational network analysis.

    References
    ----------
    .. [1] Yin, Benson, Leskovec and Gleich. "Local Higher-order Graph Clustering." KDD 2017.
    .. [2] Leskovec, Kleinberg and Faloutsos. "Graph Evolution: Densification and Shrinking
       Diameters." ACM TKDD 2007.
    """
    from netgraph.network import Network

    edges = _read(_fetch(_EMAIL, path, download), ["source", "target"])
    labels = _read(_fetch(_DEPARTMENTS, path, download), ["id", "department"])
    people = labels.assign(department="dept-" + labels["department"])
    ties = edges[edges["source"] != edges["target"]]  # the published file has self-loops
    return Network(people, ties, None, directed=True)


def load_college_msg(path: str | os.PathLike | None = None, *, download: bool = True):
    """Load the UC Irvine online messaging log: 1,899 people, 59,835 dated messages.

    Each message is an interaction (``channel="message"``) from sender to receiver; tie
    strength follows from their frequency, recency and reciprocity. A directed
    :class:`netgraph.Network` with no ego.

    References
    ----------
    .. [1] Panzarasa, Opsahl and Carley. "Patterns and dynamics of users' behavior and
       interaction: Network analysis of an online community." JASIST 60(5), 2009.
    """
    from netgraph.network import Network

    log = _read(_fetch(_COLLEGE, path, download), ["source", "target", "timestamp"])
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


def _read(path: Path, columns: list[str]) -> pd.DataFrame:
    return pd.read_csv(path, sep=r"\s+", header=None, names=columns, dtype=str)


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
    target = data_home() / file.name
    target.parent.mkdir(parents=True, exist_ok=True)
    with urllib.request.urlopen(file.url, timeout=60) as response:  # noqa: S310 (fixed https URL)
        data = gzip.decompress(response.read()).replace(b"\r\n", b"\n")
    digest = hashlib.sha256(data).hexdigest()
    if digest != file.sha256:
        raise NetgraphError(
            f"the download of {file.url} does not match its checksum "
            f"(sha256 {digest}, expected {file.sha256}); nothing was saved. Try again later."
        )
    partial = target.with_suffix(".part")
    partial.write_bytes(data)
    partial.replace(target)
    return target
