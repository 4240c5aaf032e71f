"""The store (issue 12): one SQLite file that keeps the network, the log, the lists and the
Friday review over time, and loses nothing."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import warnings
from pathlib import Path

import pandas as pd
import pytest

import netgraph
from netgraph import store as store_module

ROOT = Path(__file__).resolve().parents[1]
LINKEDIN = ROOT / "tests" / "data" / "linkedin_Connections.csv"


def _linkedin(path=LINKEDIN):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", netgraph.NetgraphWarning)  # a row without a name
        return netgraph.read_linkedin(path)


@pytest.fixture
def sample_store(tmp_path):
    with netgraph.open(tmp_path / "net.sqlite") as store:
        store.add(netgraph.sample(), date="2025-12-31")
        yield store


def _counts(path):
    con = sqlite3.connect(path)
    try:
        return {
            t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("people", "fields", "ties", "interactions", "field_history", "imports")
        }
    finally:
        con.close()


# -- opening -------------------------------------------------------------------------------


def test_default_path_follows_netgraph_home(tmp_path, monkeypatch):
    monkeypatch.setenv("NETGRAPH_HOME", str(tmp_path / "home"))
    with netgraph.open() as store:
        assert store.path == tmp_path / "home" / "store.sqlite"
    assert store.path.is_file()
    con = sqlite3.connect(store.path)
    assert con.execute("PRAGMA user_version").fetchone()[0] == store_module.SCHEMA_VERSION
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    con.close()


def test_default_path_without_netgraph_home_is_the_user_data_dir(monkeypatch):
    import platformdirs

    monkeypatch.delenv("NETGRAPH_HOME", raising=False)
    expected = Path(platformdirs.user_data_dir("netgraph", appauthor=False))
    assert store_module.default_path() == expected / "store.sqlite"


@pytest.mark.parametrize(
    "content",
    [b"id,name\nme,Me\n", b"SQLite format 3\x00" + b"\x07" * 5000, b"\x00" * 4096],
    ids=["csv", "damaged-sqlite", "zeros"],
)
def test_a_file_that_is_not_a_store_is_refused_and_left_alone(tmp_path, content):
    path = tmp_path / "net.sqlite"
    path.write_bytes(content)
    with pytest.raises(netgraph.InputError, match="will not open this file") as err:
        netgraph.open(path)
    assert str(path) in str(err.value)
    assert path.read_bytes() == content


def test_a_truncated_store_is_refused_and_left_alone(tmp_path, sample_store):
    sample_store.close()
    data = sample_store.path.read_bytes()
    con = sqlite3.connect(sample_store.path)  # fold the WAL into the file, then cut it
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    data = sample_store.path.read_bytes()
    cut = tmp_path / "cut.sqlite"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(netgraph.InputError, match="damaged|cannot be read"):
        netgraph.open(cut).network  # noqa: B018
    assert cut.read_bytes() == data[: len(data) // 2]


def test_another_sqlite_file_is_refused(tmp_path):
    path = tmp_path / "other.sqlite"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE songs (title TEXT)")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(netgraph.InputError, match="not a netgraph store"):
        netgraph.open(path)
    assert path.read_bytes() == before


def test_a_store_from_a_newer_netgraph_is_refused(tmp_path, sample_store):
    sample_store._con.execute(f"PRAGMA user_version = {store_module.SCHEMA_VERSION + 1}")
    sample_store.close()
    before = _counts(sample_store.path)
    with pytest.raises(netgraph.InputError, match="newer netgraph.*Upgrade netgraph"):
        netgraph.open(sample_store.path)
    assert _counts(sample_store.path) == before


def test_a_migration_backs_up_the_file_first(tmp_path, sample_store, monkeypatch):
    sample_store.close()
    before = _counts(sample_store.path)
    latest = store_module.SCHEMA_VERSION

    def add_column(con):
        con.execute("ALTER TABLE notes ADD COLUMN topic TEXT")

    monkeypatch.setattr(store_module, "SCHEMA_VERSION", latest + 1)
    monkeypatch.setattr(store_module, "MIGRATIONS", [*store_module.MIGRATIONS, add_column])
    with netgraph.open(sample_store.path) as store:
        assert store._con.execute("PRAGMA user_version").fetchone()[0] == latest + 1
        assert "topic" in [r[1] for r in store._con.execute("PRAGMA table_info(notes)")]
    backup = sample_store.path.with_name(f"net.sqlite.v{latest}.backup")
    assert _counts(backup) == before
    con = sqlite3.connect(backup)
    assert con.execute("PRAGMA user_version").fetchone()[0] == latest
    con.close()


def test_a_version_1_store_is_upgraded_with_its_data(sample_store):
    con = sample_store._con
    con.execute("ALTER TABLE suggestions DROP COLUMN via")
    con.execute("DROP TABLE review_cache")
    con.execute("DROP INDEX interactions_recorded")
    con.execute("DROP TABLE kept")
    con.execute("PRAGMA user_version = 1")
    sample_store.close()
    before = _counts(sample_store.path)
    with netgraph.open(sample_store.path) as store:
        version = store._con.execute("PRAGMA user_version").fetchone()[0]
        assert version == netgraph.store.SCHEMA_VERSION == 4
        assert len(store.week(today="2026-01-09")) == 3
    assert _counts(sample_store.path.with_name("net.sqlite.v1.backup")) == before


# -- imports ----------------------------------------------------------------------------------


def test_the_stored_network_equals_the_imported_one(sample_store):
    net = sample_store.network
    assert net.equals(netgraph.sample())
    assert len(net.closure()) == 1  # the analyses work on it as before


def test_importing_the_same_sample_twice_changes_nothing(sample_store):
    before = _counts(sample_store.path)
    counts = sample_store.add(netgraph.sample())
    assert counts == {
        "people_added": 0,
        "fields_changed": 0,
        "ties_added": 0,
        "ties_updated": 0,
        "interactions_added": 0,
        "answers_added": 0,
    }
    after = _counts(sample_store.path)
    assert {**after, "imports": before["imports"]} == before
    # two identical rows in one file (two messages on a day) are both kept, once
    assert before["interactions"] == len(netgraph.sample().interactions)


def test_a_linkedin_export_twice_and_a_changed_company(tmp_path):
    path = tmp_path / "net.sqlite"
    with netgraph.open(path) as store:
        first = store.add(_linkedin(), date="2025-03-01", origin="Connections.csv")
        assert first["people_added"] == 13 and first["ties_added"] == 12
        assert sum(store.add(_linkedin()).values()) == 0
        # next year's export: Priya moved from Northwind Traders to Globex
        text = LINKEDIN.read_text(encoding="utf-8").replace("Northwind Traders", "Globex")
        later = tmp_path / "Connections.csv"
        later.write_text(text, encoding="utf-8")
        counts = store.add(_linkedin(later), date="2026-02-01", origin="Connections 2026.csv")
        assert counts["people_added"] == 0 and counts["fields_changed"] == 1
        assert store.people.set_index("id").loc["priyaraman", "company"] == "Globex"
        history = store.field_history("priya.raman@example.com")
        assert history[["person", "field", "old", "new"]].values.tolist() == [
            ["priyaraman", "company", "Northwind Traders", "Globex"]
        ]
        assert history["date"].iloc[0] == pd.Timestamp("2026-02-01")
        assert len(store.network.people) == 13


def test_people_matched_by_email_take_the_stored_id(tmp_path):
    with netgraph.open(tmp_path / "net.sqlite") as store:
        store.add(_linkedin())
        people = pd.DataFrame(
            {
                "id": ["me", "pr"],
                "email": [None, "Priya.Raman@example.com"],
                "city": [None, "Leeds"],
            }
        )
        ties = pd.DataFrame({"source": ["me"], "target": ["pr"]})
        counts = store.add(netgraph.Network.from_frames(people, ties, ego="me"))
        assert counts["people_added"] == 0 and counts["ties_added"] == 0
        assert store.people.set_index("id").loc["priyaraman", "city"] == "Leeds"


def test_add_refuses_what_is_not_a_network(tmp_path):
    with netgraph.open(tmp_path / "net.sqlite") as store, pytest.raises(netgraph.InputError):
        store.add(pd.DataFrame({"id": ["a"]}))


# -- logging ---------------------------------------------------------------------------------


def test_log_by_id_email_and_name(sample_store):
    n = len(sample_store.network.interactions)
    assert sample_store.log("priya-shah") == "priya-shah"
    email = sample_store.people.set_index("id").loc["priya-shah", "email"]
    assert sample_store.log(email.upper(), kind="meeting", date="2026-01-05") == "priya-shah"
    assert sample_store.log("priya SHAH", kind="reply", note="Thanks!") == "priya-shah"
    log = sample_store.network.interactions
    assert len(log) == n + 3
    reply = log[log["note"] == "Thanks!"].iloc[0]
    assert (reply["source"], reply["target"], reply["kind"]) == ("priya-shah", "me", "reply")


def test_an_ambiguous_name_lists_the_candidates(sample_store):
    people = pd.DataFrame(
        {
            "id": ["me", "jo-1", "jo-2"],
            "name": [None, "Jo Kim", "Jo Kim"],
            "company": [None, "Acme", "Globex"],
        }
    )
    ties = pd.DataFrame({"source": ["me", "me"], "target": ["jo-1", "jo-2"]})
    sample_store.add(netgraph.Network.from_frames(people, ties, ego="me"))
    with pytest.raises(netgraph.InputError, match=r"could be 2 people.*jo-1 \(Jo Kim, Acme\)"):
        sample_store.log("jo kim")


def test_an_unknown_name_lists_the_nearest(sample_store):
    with pytest.raises(netgraph.InputError, match="'Prya Shah' is not.*Did you mean 'Priya Shah'"):
        sample_store.log("Prya Shah")
    with pytest.raises(netgraph.InputError, match="kind 'lunch'"):
        sample_store.log("priya-shah", kind="lunch")


def test_log_needs_an_ego(tmp_path):
    with netgraph.open(tmp_path / "net.sqlite") as store:
        store.add(
            netgraph.Network.from_frames(ties=pd.DataFrame({"source": ["a"], "target": ["b"]}))
        )
        with pytest.raises(netgraph.InputError, match="has no ego"):
            store.log("a")


# -- lists, notes, answers ---------------------------------------------------------------------


def test_lists_tags_and_a_spreadsheet_column(sample_store, tmp_path):
    sample_store.tag("Priya Shah", "Want to get to know")
    sample_store.tag("priya-shah", "want to know")  # the same list, once
    sheet = tmp_path / "lists.csv"
    sheet.write_text("name,list\nEwa Nowak,stay in touch; worked with\nLiam O'Connor,\n")
    assert sample_store.tag_from(sheet, "list") == 2
    lists = sample_store.lists()
    assert lists[["person", "list"]].values.tolist() == [
        ["ewa-nowak", "stay in touch"],
        ["priya-shah", "want to know"],
        ["ewa-nowak", "worked with"],
    ]
    assert lists.loc[1, "name"] == "Priya Shah"
    sample_store.untag("Priya Shah", "want to know")
    assert "priya-shah" not in set(sample_store.lists()["person"])
    bad = tmp_path / "bad.csv"
    bad.write_text("name,list\nEwa Nowak,worked with\nNobody Here,stay in touch\n")
    with pytest.raises(netgraph.InputError, match="bad.csv, row 3, column 'name'"):
        sample_store.tag_from(bad, "list")
    assert len(sample_store.lists()) == 2  # all or nothing


def test_notes_and_answers(sample_store):
    sample_store.note("ewa-nowak", "Training for the Berlin marathon", date="2026-01-02")
    assert sample_store.notes("Ewa Nowak")["text"].tolist() == ["Training for the Berlin marathon"]
    sample_store.answer("ewa-nowak", "priya-shah", True, date="2026-01-02")
    sample_store.answer("priya-shah", "ewa-nowak", None, date="2026-01-03")
    answers = sample_store.answers()
    assert answers[["a", "b"]].values.tolist() == [["ewa-nowak", "priya-shah"]]
    assert answers["knows"].iloc[0] is None
    assert sample_store.network.answers.empty  # "not sure" is no answer
    sample_store.answer("Priya Shah", "Ewa Nowak", True, date="2026-01-04")
    net = sample_store.network
    assert net.answers[["a", "b", "knows"]].values.tolist() == [["ewa-nowak", "priya-shah", True]]
    assert net.graph.has_edge("ewa-nowak", "priya-shah")
    # the answers travel with the network: importing it again adds none
    assert sample_store.add(net)["answers_added"] == 0


# -- nothing lost ----------------------------------------------------------------------------

_LOGGER = """
import sys, netgraph
with netgraph.open(sys.argv[1]) as store:
    for i in range(int(sys.argv[3])):
        store.log("priya-shah", note=f"{sys.argv[2]}-{i}")
"""


@pytest.mark.slow
def test_several_processes_logging_at_once_lose_nothing(sample_store):
    before = len(sample_store.network.interactions)
    n_procs, n_logs = 4, 25
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _LOGGER, str(sample_store.path), f"p{p}", str(n_logs)]
        )
        for p in range(n_procs)
    ]
    assert [p.wait(timeout=120) for p in procs] == [0] * n_procs
    log = sample_store.network.interactions
    assert len(log) == before + n_procs * n_logs
    notes = set(log["note"].dropna())
    assert notes == {f"p{p}-{i}" for p in range(n_procs) for i in range(n_logs)}


_KILLED = """
import os, signal, sys, netgraph
from netgraph import store as module
module._before_commit = lambda store: os.kill(os.getpid(), signal.SIGKILL)
with netgraph.open(sys.argv[1]) as store:
    store.add(netgraph.read_linkedin(sys.argv[2]))
"""


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_process_killed_during_an_import_leaves_the_store_as_it_was(sample_store):
    before_counts = _counts(sample_store.path)
    before = sample_store.network
    proc = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", _KILLED, str(sample_store.path), str(LINKEDIN)],
        capture_output=True,
    )
    assert proc.returncode == -9, proc.stderr.decode()
    assert _counts(sample_store.path) == before_counts
    with netgraph.open(sample_store.path) as again:
        assert again.network.equals(before)
        assert again.add(_linkedin())["people_added"] == 12  # and the store still works


def test_backup_is_a_whole_copy(sample_store, tmp_path):
    copy = sample_store.backup(tmp_path / "copy.sqlite")
    assert _counts(copy) == _counts(sample_store.path)
    assert not list(tmp_path.glob(".copy.sqlite*"))


def test_a_copied_store_opens(sample_store, tmp_path):
    sample_store.close()
    shutil.copy(sample_store.path, tmp_path / "copy.sqlite")
    with netgraph.open(tmp_path / "copy.sqlite") as copy:
        assert len(copy.people) == 276


def test_repr_names_the_counts(sample_store):
    assert "276 people" in repr(sample_store) and "ego='me'" in repr(sample_store)
