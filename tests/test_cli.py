"""The netgraph command: demo, report, reconnect, introductions; clear one-line errors."""

import json

import pytest

import netgraph
from netgraph.cli import main


def test_demo_writes_the_report_view_and_plots(tmp_path, capsys):
    out = tmp_path / "demo"
    assert main(["demo", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "276 people" in printed and "looks open" in printed
    assert "Introductions to ask for" in printed and "Reconnect this week" in printed
    report = (out / "report.html").read_text(encoding="utf-8")
    for heading in ("Introductions to ask for", "Reconnect this week", "Brokers", "Plots"):
        assert heading in report
    assert (out / "network.html").stat().st_size > 10_000
    pngs = sorted(p.name for p in (out / "plots").glob("*.png"))
    assert pngs == [
        "affinity.png",
        "brokerage.png",
        "ego_map.png",
        "tie_strength.png",
        "timeline.png",
    ]


def test_report_from_csv_files(tmp_path, capsys):
    folder = netgraph.sample().to_csv(tmp_path / "csv")
    args = [
        "report",
        str(folder / "people.csv"),
        "--ties",
        str(folder / "ties.csv"),
        "--interactions",
        str(folder / "interactions.csv"),
        "--ego",
        "me",
        "--out",
        str(tmp_path / "report"),
    ]
    assert main(args) == 0
    assert (tmp_path / "report" / "report.html").exists()


def test_reconnect_json_matches_the_api(capsys):
    assert main(["reconnect", "--sample", "--k", "3", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    expected = netgraph.sample().reconnect(k=3)
    assert [r["person"] for r in rows] == expected["person"].tolist()
    assert all(r["reason"] for r in rows)


def test_introductions_table(capsys):
    assert main(["introductions", "--sample", "--k", "4"]) == 0
    out = capsys.readouterr().out
    expected = netgraph.sample().introductions(k=4)
    for person in expected["person"]:
        assert person in out


def test_bad_input_is_one_clear_line_and_exit_2(tmp_path, capsys):
    bad = tmp_path / "ties.csv"
    bad.write_text("source,target\nme,me\n", encoding="utf-8")
    assert main(["reconnect", "--ties", str(bad), "--ego", "me"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("netgraph: error:") and "ties.csv" in err and "\n" not in err


def test_no_input_is_an_error(capsys):
    assert main(["introductions"]) == 2
    assert "--linkedin" in capsys.readouterr().err


def test_help_lists_every_command(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    for command in ("demo", "report", "reconnect", "introductions"):
        assert command in out
