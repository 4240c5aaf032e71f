"""Dataset loaders read local copies (shared/data/snap) and never download in tests."""

import hashlib
from pathlib import Path

import pytest

from netgraph import NetgraphError
from netgraph.datasets import load_college_msg, load_email_eu_core, snap

SNAP = Path(__file__).resolve().parents[2] / "shared" / "data" / "snap"
needs_snap = pytest.mark.skipif(not SNAP.is_dir(), reason=f"SNAP data not found at {SNAP}")


@pytest.fixture(autouse=True)
def no_download(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("NETGRAPH_DATA", raising=False)

    def refuse(*args, **kwargs):
        raise AssertionError("a test tried to download")

    monkeypatch.setattr(snap.urllib.request, "urlopen", refuse)


@needs_snap
def test_email_eu_core_from_a_path():
    net = load_email_eu_core(path=SNAP)
    assert net.directed
    assert len(net.people) == 1005
    assert net.people["department"].nunique() == 42
    # 25,571 published edges, of which 642 are self-loops (dropped: a self-tie is not a tie).
    assert net.graph.number_of_edges() == 25571 - 642


@needs_snap
def test_college_msg_from_the_environment(monkeypatch):
    monkeypatch.setenv("NETGRAPH_DATA", str(SNAP))
    net = load_college_msg()
    assert len(net.interactions) == 59835
    assert net.interactions["date"].min().year == 2004
    assert len(net.people) == 1899


@needs_snap
def test_checksums_match_the_shared_copies():
    for file in (snap._EMAIL, snap._DEPARTMENTS, snap._COLLEGE):
        data = (SNAP / file.name).read_bytes().replace(b"\r\n", b"\n")
        assert hashlib.sha256(data).hexdigest() == file.sha256


def test_missing_data_without_download_is_a_clear_error(tmp_path):
    with pytest.raises(NetgraphError, match="download=False"):
        load_email_eu_core(download=False)
    with pytest.raises(NetgraphError, match="email-Eu-core.txt"):
        load_email_eu_core(path=tmp_path)
