"""The netgraph command: demo, report, reconnect, introductions; clear one-line errors."""

import html
import json

import pytest

import netgraph
from netgraph.cli import main


def test_demo_writes_the_report_view_and_plots(tmp_path, capsys):
    out = tmp_path / "demo"
    assert main(["demo", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    # The demo reads the sample's files (LinkedIn archive, address book, calendar, mailbox)
    # and infers who probably knows whom; the report says where the ties come from.
    assert "Reading Alex Morgan's files: linkedin, calendar.ics, mail.mbox, contacts.csv" in printed
    assert "people" in printed and "Reconnect this week" in printed
    report = (out / "report.html").read_text(encoding="utf-8")
    for evidence in ("stated (a contact list", "observed (the same meeting", "inferred (shared"):
        assert evidence in report
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
    names = netgraph.sample().people["name"]
    for person in expected["person"]:
        assert names[person] in out  # by name, not by id


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


# -- LinkedIn and vCard exports ----------------------------------------------------------------

# As LinkedIn writes it: two lines of notes and a blank line before the header.
LINKEDIN = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses are'
    " missing. You will only see email addresses for connections who have allowed their"
    ' connections to see or download their email address using this setting."\n'
    "\n"
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Priya,Raman,https://www.linkedin.com/in/priya-raman-4b1a2c,priya.raman@example.com,"
    "Helix Health,Product Manager,15 Mar 2021\n"
    "Tomás,Ortega,https://www.linkedin.com/in/tomas-ortega,,Northwind Logistics,"
    "Operations Lead,02 Nov 2019\n"
    "Grace,Okafor,https://www.linkedin.com/in/grace-okafor,,Helix Health,"
    '"Director, Data Science",28 Jun 2023\n'
    "Sam,Lee,https://www.linkedin.com/in/samlee,sam@lee.example,,,07 Jan 2018\n"
)

VCARD = """BEGIN:VCARD
VERSION:3.0
FN:Priya Raman
N:Raman;Priya;;;
ORG:Helix Health
TITLE:Product Manager
EMAIL;TYPE=INTERNET:priya.raman@example.com
CATEGORIES:work,london
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:Jonas Weber
N:Weber;Jonas;;;
ORG:Brightline Studio;Design
TITLE:Creative Director
EMAIL;TYPE=INTERNET,HOME:jonas.weber@example.de
CATEGORIES:friends
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:Aunt Mei
N:Tan;Mei;;;
EMAIL;TYPE=INTERNET:mei.tan@example.net
CATEGORIES:family
END:VCARD
"""

# The headings and classes of report.html, one per section (see netgraph.report).
SECTIONS = (
    "class='verdict'",
    "<h2>Introductions to ask for</h2>",
    "<h2>Introductions to make</h2>",
    "<h2>Reconnect this week</h2>",
    "<h2>Balance: relationships out of balance</h2>",
    "<h2>Brokers (structural holes)</h2>",
    "<h2>Dormant and weakest ties</h2>",
    "<h2>Plots</h2>",
    "<h2>Interactive view</h2>",
)


@pytest.fixture
def exports(tmp_path):
    linkedin = tmp_path / "Connections.csv"
    linkedin.write_text(LINKEDIN, encoding="utf-8")
    vcard = tmp_path / "contacts.vcf"
    vcard.write_text(VCARD, encoding="utf-8")
    return linkedin, vcard


def test_report_from_linkedin_and_vcard_holds_every_section(exports, tmp_path, capsys):
    linkedin, vcard = exports
    out = tmp_path / "report"
    args = ["report", "--linkedin", str(linkedin), "--vcard", str(vcard), "--out", str(out)]
    assert main(args) == 0
    assert "report.html" in capsys.readouterr().out
    report = (out / "report.html").read_text(encoding="utf-8")
    for section in SECTIONS:
        assert section in report
    assert "Grace Okafor" in report and "Jonas Weber" in report  # both exports, merged
    assert report.count("<img ") == len(list((out / "plots").glob("*.png"))) >= 3
    assert (out / "network.html").exists()


def test_reconnect_and_introductions_from_exports(exports, capsys):
    linkedin, vcard = exports
    for command in ("reconnect", "introductions"):
        assert main([command, "--linkedin", str(linkedin), "--vcard", str(vcard), "--json"]) == 0
        assert isinstance(json.loads(capsys.readouterr().out), list)


def test_sample_report_holds_every_section(tmp_path):
    assert main(["report", "--sample", "--out", str(tmp_path / "r")]) == 0
    report = (tmp_path / "r" / "report.html").read_text(encoding="utf-8")
    for section in SECTIONS:
        assert section in report


# -- reports of thin networks ----------------------------------------------------------------


def test_report_of_people_without_ties(tmp_path, capsys):
    # Regression: the tie-strength plot crashed on an empty tie table.
    people = tmp_path / "people.csv"
    people.write_text("id\na\nb\n", encoding="utf-8")
    assert main(["report", str(people), "--out", str(tmp_path / "r")]) == 0
    report = (tmp_path / "r" / "report.html").read_text(encoding="utf-8")
    assert "<h2>Plots</h2>" in report
    assert (tmp_path / "r" / "plots" / "tie_strength.png").exists()


def test_report_of_a_linkedin_export_with_no_connections(tmp_path, capsys):
    linkedin = tmp_path / "Connections.csv"
    linkedin.write_text(LINKEDIN.split("Priya")[0], encoding="utf-8")  # the header only
    assert main(["report", "--linkedin", str(linkedin), "--out", str(tmp_path / "r")]) == 0
    assert (tmp_path / "r" / "report.html").exists()


def test_report_skips_an_empty_group_column(tmp_path, capsys):
    # Regression: a company column with no values made the whole report fail.
    people = tmp_path / "people.csv"
    people.write_text("id,company\nme,\na,\nb,\n", encoding="utf-8")
    ties = tmp_path / "ties.csv"
    ties.write_text("source,target\nme,a\nme,b\n", encoding="utf-8")
    out = tmp_path / "r"
    assert main(["report", str(people), "--ties", str(ties), "--ego", "me", "--out", str(out)]) == 0
    report = (out / "report.html").read_text(encoding="utf-8")
    assert "No affinity plot: the column(s) company have no values." in report
    assert not (out / "plots" / "affinity.png").exists()


# -- usage and input errors ------------------------------------------------------------------


def usage_error(argv, capsys) -> str:
    """Run argv, expect argparse's usage error (exit 2), return the error line."""
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    return capsys.readouterr().err.strip().splitlines()[-1]


def test_a_bad_today_is_a_usage_error(capsys):
    line = usage_error(["reconnect", "--sample", "--today", "notadate"], capsys)
    assert line == (
        "netgraph reconnect: error: argument --today: 'notadate' is not a date; "
        "write it as YYYY-MM-DD"
    )


def test_today_is_used(capsys):
    assert main(["reconnect", "--sample", "--k", "1", "--today", "2030-01-01", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    expected = netgraph.sample().reconnect(k=1, today="2030-01-01")
    assert [r["person"] for r in rows] == expected["person"].tolist()


@pytest.mark.parametrize(
    "extra, named",
    [(["--ego", "me"], "--ego"), (["--ties", "{ties}"], "--ties"), (["{ties}"], "people")],
)
def test_sample_refuses_other_inputs(extra, named, tmp_path, capsys):
    ties = tmp_path / "ties.csv"
    ties.write_text("source,target\nme,a\n", encoding="utf-8")
    extra = [a.format(ties=ties) for a in extra]
    line = usage_error(["introductions", "--sample", *extra], capsys)
    assert line == f"netgraph introductions: error: --sample cannot be combined with {named}"


def test_a_missing_file_is_a_usage_error(tmp_path, capsys):
    line = usage_error(["report", "--ties", str(tmp_path / "nope.csv"), "--out", "x"], capsys)
    assert "argument --ties: no such file:" in line and "nope.csv" in line


@pytest.mark.parametrize("command", ["reconnect", "introductions"])
def test_without_an_ego_the_cli_asks_for_ego(command, tmp_path, capsys):
    ties = tmp_path / "ties.csv"
    ties.write_text("source,target\nme,a\na,b\n", encoding="utf-8")
    assert main([command, "--ties", str(ties)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("netgraph: error:") and err.count("\n") == 1
    assert "--ego ID" in err and "person=" not in err


def test_an_unknown_ego_is_an_input_error(tmp_path, capsys):
    ties = tmp_path / "ties.csv"
    ties.write_text("source,target\nme,a\n", encoding="utf-8")
    assert main(["reconnect", "--ties", str(ties), "--ego", "zz"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("netgraph: error:") and "'zz'" in err and err.count("\n") == 1


def test_report_help_says_what_it_writes(capsys):
    with pytest.raises(SystemExit):
        main(["report", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    for name in ("report.html", "network.html", "plots/"):
        assert name in out


def test_an_error_starts_on_its_own_line_after_the_progress_bar(tmp_path, monkeypatch, capsys):
    net = netgraph.sample()

    def fail(*args, **kwargs):
        raise netgraph.InputError("broken ledger")

    monkeypatch.setattr(net, "ledger", fail)
    monkeypatch.setattr("netgraph.cli._load", lambda args: net)
    assert main(["report", "--out", str(tmp_path / "r")]) == 2
    err = capsys.readouterr().err
    assert "\nnetgraph: error: broken ledger.\n" in err
    assert err.endswith("netgraph: error: broken ledger.\n")


def test_report_anonymized_for_sharing(tmp_path, capsys):
    sample = netgraph.sample()
    out = tmp_path / "shared"
    assert main(["report", "--sample", "--out", str(out), "--anonymize", "company"]) == 0
    page = (out / "report.html").read_text(encoding="utf-8")
    view = (out / "network.html").read_text(encoding="utf-8")
    for person in ["me", "mei-lin-tan"]:
        name = sample.people.loc[person, "name"]
        assert name not in page and name not in view
    assert "Northwind Analytics" in page  # the kept column


def test_report_page_forbids_every_request_and_allows_only_the_views_scripts(tmp_path, capsys):
    """report.html gets the view's Content-Security-Policy: the view, embedded as an iframe
    srcdoc, inherits the report's policy, so its own script hashes must be allowed there."""
    import re

    from netgraph.view.html import content_security_policy

    assert main(["report", "--sample", "--out", str(tmp_path)]) == 0
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    view = (tmp_path / "network.html").read_text(encoding="utf-8")
    policies = [
        re.search(r"http-equiv=.Content-Security-Policy. content=\"([^\"]+)\"", html).group(1)
        for html in (page, view)
    ]
    assert policies[0] == policies[1] == content_security_policy()
    assert "default-src 'none'" in policies[0] and "connect-src 'none'" in policies[0]
    assert "<script" not in page.split("<iframe", 1)[0]  # the report itself runs nothing


def test_a_folder_written_by_to_csv_is_an_input(tmp_path, capsys):
    folder = netgraph.sample().to_csv(tmp_path / "export")
    assert main(["reconnect", str(folder), "--k", "2", "--json"]) == 0  # ego from the folder
    assert len(json.loads(capsys.readouterr().out)) == 2


def test_report_with_a_goal_and_a_brief(tmp_path, capsys):
    # issue 13: the goal and the brief appear in the report as well as on the command line
    net = netgraph.sample()
    someone = net.people.drop(index=net.ego).dropna(subset=["name"])["name"].iloc[0]
    out = tmp_path / "report"
    args = ["report", "--sample", "--out", str(out), "--goal", "role=CTO", "--brief", someone]
    assert main(args) == 0
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "Toward your goal" in page and html.escape(net.goal(role="CTO").gap) in page
    assert "Before a meeting" in page and html.escape(someone) in page
    assert main(["report", "--sample", "--out", str(out), "--goal", "CTO"]) == 2
    assert "FIELD=VALUE" in capsys.readouterr().err
