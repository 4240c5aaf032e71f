"""The store's commands: netgraph import, log, tag, lists, week (--json, --ics), snooze, skip,
history (issue 12)."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest

import netgraph
from netgraph.cli import main

ROOT = Path(__file__).resolve().parents[1]
LINKEDIN = ROOT / "tests" / "data" / "linkedin_Connections.csv"
SAMPLE = ROOT / "src" / "netgraph" / "datasets" / "data"


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("NETGRAPH_HOME", str(tmp_path))
    monkeypatch.setenv("COLUMNS", "72")
    return tmp_path


def test_import_twice_then_log_tag_and_week(home, capsys):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert main(["import", str(SAMPLE), str(LINKEDIN)]) == 0
        assert main(["import", str(LINKEDIN)]) == 0
    out = capsys.readouterr().out
    assert "276 people added" in out and "12 ties" in out
    assert "0 people added, 0 details changed, 0 ties and 0 interactions added" in out
    assert main(["log", "Priya Shah", "--kind", "meeting", "--note", "Coffee",
                 "--date", "2026-01-06"]) == 0  # fmt: skip
    assert "Logged meeting with Priya Shah." in capsys.readouterr().out
    assert main(["tag", "Jane Doe", "want to know"]) == 0
    assert "Jane Doe" in capsys.readouterr().out
    assert main(["week", "--today", "2026-01-09", "--ics", str(home / "week.ics")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("1. ") and "   Why: " in out and "   Draft: Hi " in out
    assert max(len(line) for line in out.splitlines()) <= 72
    assert (home / "week.ics").read_text().count("BEGIN:VEVENT") == 9
    assert main(["week", "--today", "2026-01-09", "--json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert len(records) == 3 and {"person", "name", "action", "why", "message"} <= set(records[0])
    assert main(["skip", records[0]["person"]]) == 0
    assert main(["history"]) == 0
    assert "suggested people written to in four weeks" in capsys.readouterr().out
    with netgraph.open() as store:
        assert store.path == home / "store.sqlite"
        assert len(store.network.interactions) == 9141


def test_log_of_an_unknown_name_is_exit_status_2(home, capsys):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        main(["import", str(SAMPLE)])
    assert main(["log", "Prya Shah"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("netgraph: error: ") and "Did you mean 'Priya Shah'" in err


def test_a_damaged_store_is_exit_status_2(home, capsys):
    (home / "store.sqlite").write_text("not a database")
    assert main(["week"]) == 2
    assert "will not open this file" in capsys.readouterr().err
    assert (home / "store.sqlite").read_text() == "not a database"
