"""Dataset loaders read local copies (shared/data/snap); downloads are served by a fake urlopen."""

import gzip
import hashlib
import io
import urllib.error
import warnings
from dataclasses import replace

import pytest

from netgraph import InputError, NetgraphError, NetgraphWarning
from netgraph.datasets import load_college_msg, load_email_eu_core, snap


@pytest.fixture(autouse=True)
def no_download(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("NETGRAPH_DATA", raising=False)

    def refuse(*args, **kwargs):
        raise AssertionError("a test tried to download")

    monkeypatch.setattr(snap.urllib.request, "urlopen", refuse)


@pytest.mark.filterwarnings("error")  # the published files pass the checksum
def test_email_eu_core_from_a_path(snap_dir):
    with pytest.warns(NetgraphWarning, match="skipped 642 self-loops"):
        net = load_email_eu_core(path=snap_dir)
    assert net.directed
    assert len(net.people) == 1005
    assert net.people["department"].nunique() == 42
    # 25,571 published edges, of which 642 are self-loops (dropped: a self-tie is not a tie).
    assert net.graph.number_of_edges() == 25571 - 642


@pytest.mark.filterwarnings("error")
def test_college_msg_from_the_environment(monkeypatch, snap_dir):
    monkeypatch.setenv("NETGRAPH_DATA", str(snap_dir))
    net = load_college_msg()
    assert len(net.interactions) == 59835
    assert net.interactions["date"].min().year == 2004
    assert len(net.people) == 1899


def test_checksums_match_the_shared_copies(snap_dir):
    for file in (snap._EMAIL, snap._DEPARTMENTS, snap._COLLEGE):
        data = (snap_dir / file.name).read_bytes().replace(b"\r\n", b"\n")
        assert hashlib.sha256(data).hexdigest() == file.sha256


def test_missing_data_without_download_is_a_clear_error(tmp_path):
    with pytest.raises(NetgraphError, match="download=False"):
        load_email_eu_core(download=False)
    with pytest.raises(NetgraphError, match="email-Eu-core.txt"):
        load_email_eu_core(path=tmp_path)


# Small stand-ins for the SNAP files, served by a fake urlopen with their own checksums.
EDGES = b"0 1\n1 2\n2 0\n0 0\n"
LABELS = b"0 1\n1 1\n2 7\n"
MESSAGES = b"1 2 1082040961\n2 1 1082155839\n3 1 1082414391\n"


def small(monkeypatch, contents):
    """Point the loaders at ``contents`` ({_File attribute: bytes}) and fake SNAP serving it."""
    served, calls = {}, []
    for attribute, data in contents.items():
        published = data.replace(b"\r\n", b"\n")  # checksums are of the LF text
        file = replace(getattr(snap, attribute), sha256=hashlib.sha256(published).hexdigest())
        monkeypatch.setattr(snap, attribute, file)
        served[file.url] = gzip.compress(data)

    def urlopen(url, timeout=None):
        calls.append(url)
        return io.BytesIO(served[url])

    monkeypatch.setattr(snap.urllib.request, "urlopen", urlopen)
    return calls


def test_download_once_then_use_the_cache(monkeypatch):
    calls = small(monkeypatch, {"_EMAIL": EDGES, "_DEPARTMENTS": LABELS})
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a verified copy does not warn
        warnings.filterwarnings("ignore", "email-Eu-core.txt: skipped 1 self-loop")
        net = load_email_eu_core()
        assert sorted(calls) == sorted([snap._EMAIL.url, snap._DEPARTMENTS.url])
        assert (snap.data_home() / "email-Eu-core.txt").read_bytes() == EDGES
        again = load_email_eu_core()
    assert len(calls) == 2  # the second call read the cache
    assert net.graph.number_of_edges() == again.graph.number_of_edges() == 3  # no self-loop
    assert net.people.loc["2", "department"] == "dept-7"
    assert sorted(p.name for p in snap.data_home().iterdir()) == [
        "email-Eu-core-department-labels.txt",
        "email-Eu-core.txt",
    ]


def test_download_college_msg(monkeypatch):
    calls = small(monkeypatch, {"_COLLEGE": MESSAGES.replace(b"\n", b"\r\n")})
    net = load_college_msg()
    assert calls == [snap._COLLEGE.url]
    assert (snap.data_home() / "CollegeMsg.txt").read_bytes() == MESSAGES  # CRLF made LF
    assert len(net.interactions) == 3
    load_college_msg(download=False)
    assert len(calls) == 1


def test_download_with_a_wrong_checksum_saves_nothing(monkeypatch):
    calls = small(monkeypatch, {"_COLLEGE": MESSAGES})
    monkeypatch.setattr(snap, "_COLLEGE", replace(snap._COLLEGE, sha256="0" * 64))
    with pytest.raises(NetgraphError, match="does not match its checksum.*nothing was saved"):
        load_college_msg()
    assert calls == [snap._COLLEGE.url]
    assert not snap.data_home().exists()


def test_download_that_is_not_gzip_saves_nothing(monkeypatch):
    monkeypatch.setattr(
        snap.urllib.request, "urlopen", lambda url, timeout=None: io.BytesIO(b"<html>")
    )
    with pytest.raises(NetgraphError, match="not a complete gzip file"):
        load_college_msg()
    assert not snap.data_home().exists()


def test_offline_download_names_the_url_and_the_manual_way(monkeypatch):
    def offline(url, timeout=None):
        raise urllib.error.URLError("[Errno -2] Name or service not known")

    monkeypatch.setattr(snap.urllib.request, "urlopen", offline)
    with pytest.raises(NetgraphError) as caught:
        load_college_msg()
    message = str(caught.value)
    assert snap._COLLEGE.url in message and "Name or service not known" in message
    assert str(snap.data_home()) in message and "path=" in message
    assert isinstance(caught.value.__cause__, urllib.error.URLError)
    assert not snap.data_home().exists()


@pytest.mark.parametrize(
    ("name", "content", "row", "problem"),
    [
        ("CollegeMsg.txt", b"1 2 1082040961\n\n1 2 abc\n", 3, "expected 3 whole numbers"),
        ("CollegeMsg.txt", b"1 2 1082040961\n1 2\n", 2, "found '1 2'"),
        ("CollegeMsg.txt", b"1 2 3\n\xfe\xa7\x00\x91\n", 2, "non-ASCII"),
        ("CollegeMsg.txt", b"", None, "no data"),
        ("CollegeMsg.txt", gzip.compress(MESSAGES), None, "compressed"),
        ("email-Eu-core.txt", b"0 1\n1\n", 2, "expected 2 whole numbers"),
        ("email-Eu-core.txt", b"0 1\n1 5\n", 2, "person 5 has no department"),
        ("email-Eu-core-department-labels.txt", b"0 1\n1 x\n", 2, "found '1 x'"),
        ("email-Eu-core-department-labels.txt", b"0 1\n1 1\n0 2\n2 1\n", 3, "second time"),
    ],
    ids=["text", "short", "bytes", "empty", "gzip", "edge", "unknown", "label", "twice"],
)
@pytest.mark.parametrize("where", ["path", "NETGRAPH_DATA", "cache"])
def test_a_corrupt_local_copy_names_the_file_and_line(
    monkeypatch, tmp_path, where, name, content, row, problem
):
    folder = {"path": tmp_path / "data", "NETGRAPH_DATA": tmp_path / "env"}.get(
        where, snap.data_home()
    )
    folder.mkdir(parents=True)
    good = {"email-Eu-core.txt": EDGES, "email-Eu-core-department-labels.txt": LABELS}
    for file, data in {**good, name: content}.items():
        (folder / file).write_bytes(data)
    if where == "NETGRAPH_DATA":
        monkeypatch.setenv("NETGRAPH_DATA", str(folder))
    load = load_college_msg if name == "CollegeMsg.txt" else load_email_eu_core
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", NetgraphWarning)  # the small good files differ from SNAP's
        with pytest.raises(InputError, match=problem) as caught:
            load(path=folder if where == "path" else None, download=False)
    assert caught.value.file == str(folder / name)
    assert caught.value.row == row
    assert caught.value.fix


def test_a_local_copy_that_differs_from_snap_warns_but_loads(tmp_path):
    (tmp_path / "CollegeMsg.txt").write_bytes(MESSAGES)
    with pytest.warns(NetgraphWarning, match=r"CollegeMsg.txt is not the file SNAP publishes"):
        net = load_college_msg(path=tmp_path)
    assert len(net.interactions) == 3


def test_a_cache_folder_that_cannot_be_written_is_a_clear_error(monkeypatch, tmp_path):
    small(monkeypatch, {"_COLLEGE": MESSAGES})
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder should be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    with pytest.raises(NetgraphError, match="NETGRAPH_DATA"):
        load_college_msg()
