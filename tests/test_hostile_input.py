"""Hostile and messy input (issue 15): each test reproduces one finding of the outside probe.

Browser checks of the report and view layout live in ``test_view_browser.py``.
"""

from __future__ import annotations

import io

import matplotlib
import pandas as pd
import pytest

import netgraph
from netgraph.errors import InputError

matplotlib.use("Agg")

DOLLARS = "Raising $5M | Investor $$$"


def _dollar_network() -> netgraph.Network:
    people = pd.DataFrame(
        {
            "id": ["me", "a", "b", "c"],
            "name": ["Me $x$", DOLLARS, "$\\frac{1}{0}$", "Plain"],
            "company": ["$$", "Acme $1", "$", "b$"],
        }
    )
    ties = pd.DataFrame({"source": ["me", "me", "me", "a"], "target": ["a", "b", "c", "b"]})
    interactions = pd.DataFrame(
        {
            "source": ["me", "me", "me"],
            "target": ["a", "b", "c"],
            "date": ["2020-01-01", "2024-01-01", "2024-02-01"],
        }
    )
    return netgraph.Network.from_frames(people, ties, interactions, ego="me")


# -- 1. a $ in a name is plain text, not mathtext ---------------------------------------------


def test_every_plot_draws_names_with_dollar_signs_as_plain_text():
    import matplotlib.pyplot as plt

    net = _dollar_network()
    draws = [
        net.plot.ego_map,
        net.plot.brokerage,
        net.plot.strength_distribution,
        net.plot.interaction_timeline,
        lambda ax: net.plot.affinity_composition(by=["company"], ax=ax),
    ]
    for draw in draws:
        fig, ax = plt.subplots()
        try:
            draw(ax=ax)
            fig.savefig(io.BytesIO(), format="png")  # mathtext raised ValueError here
            shown = [t for t in fig.findobj(matplotlib.text.Text) if "$" in t.get_text()]
            for text in shown:  # drawn as the dollar signs themselves
                assert not text._preprocess_math(text.get_text())[1]
        finally:
            plt.close(fig)


def test_report_with_dollar_names(tmp_path):
    from netgraph.report import write_report

    path = write_report(_dollar_network(), tmp_path, progress=False)
    assert path.exists() and (tmp_path / "plots" / "ego_map.png").exists()


# -- 3. vCard reading is linear in quoted-printable soft line breaks ---------------------------


def test_vcard_soft_line_breaks_are_unfolded_in_linear_work(monkeypatch):
    """Each logical line is split once: the work does not grow with its square."""
    from netgraph.io import vcard

    lines = "=\r\n".join(["Met=20at=20the=20Leeds=20meetup=3B=20knows=20payments"] * 3000)
    text = (
        "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Jane Doe\r\n"
        f"NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:{lines}\r\nEND:VCARD\r\n"
    )
    scanned = []
    split = vcard._split_property
    monkeypatch.setattr(
        vcard, "_split_property", lambda line: scanned.append(len(line)) or split(line)
    )
    people = vcard.read_vcard_people(io.StringIO(text))
    assert people["note"].iloc[0].count("Leeds") == 3000
    assert sum(scanned) < 3 * len(text)  # was about 3000 / 2 times the text


def test_vcard_benchmark_runs(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    script = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_vcard.py"
    done = subprocess.run([sys.executable, str(script), "--quick"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "many cards" in done.stdout and "one card" in done.stdout


# -- 7. codec errors, lone surrogates and NUL are no raw exceptions ----------------------------


def _card(value_line: str) -> io.StringIO:
    return io.StringIO(f"BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Jane\r\n{value_line}\r\nEND:VCARD\r\n")


@pytest.mark.parametrize(
    ("charset", "value", "expected"),
    [
        ("idna", "xn--", "xn--"),  # UnicodeError: label empty
        ("idna", "xn--zz=2Eb", "xn--zz.b"),  # UnicodeError from punycode
        ("punycode", "a=2E=2Eb", "a..b"),
        ("UTF-7", "+2AA-", "+2AA-"),  # a lone surrogate
        ("x-no-such-charset", "caf=C3=A9", "caf\u00e9"),
        ("rot13", "abc", "abc"),  # not a text encoding
    ],
)
def test_vcard_odd_charsets_decode_as_text(charset, value, expected):
    from netgraph.io.vcard import read_vcard_people

    card = _card(f"NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET={charset}:{value}")
    assert read_vcard_people(card)["note"].iloc[0] == expected


def test_vcard_nul_and_surrogates_are_replaced_and_counted(tmp_path):
    from netgraph.io.vcard import read_vcard_people

    card = io.StringIO(
        "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Ja\ud800ne\r\nEMAIL:jane@example.org\r\n"
        "NOTE;ENCODING=QUOTED-PRINTABLE:a=00b=07c\r\nEND:VCARD\r\n"
    )
    with pytest.warns(netgraph.NetgraphWarning, match="replaced 3 unprintable characters"):
        people = read_vcard_people(card)
    assert people["note"].iloc[0] == "a\ufffdb\ufffdc"
    assert people["name"].iloc[0] == "Ja\ufffdne"
    card.seek(0)
    with pytest.warns(netgraph.NetgraphWarning):
        net = netgraph.read_vcard(card, me="me")
    folder = net.to_csv(tmp_path / "csv")  # what to_csv writes, read_csv reads back
    assert netgraph.read_csv(folder).people.loc["jane@example.org", "note"] == "a\ufffdb\ufffdc"
    net.to_html(tmp_path / "view.html")


# -- 5. an empty or falsy anonymize key is refused ---------------------------------------------


@pytest.mark.parametrize("key", ["", b"", 0, 0.0, False, [], 12345])
def test_anonymize_refuses_an_empty_or_non_text_key(key):
    with pytest.raises(InputError, match="key="):
        netgraph.sample().anonymize(key=key)


def test_anonymize_keys_that_work():
    net = netgraph.sample()
    assert net.anonymize(key="s").people.index.equals(net.anonymize(key=b"s").people.index)
    assert not net.anonymize().people.index.equals(net.anonymize().people.index)


# -- 8. writes are atomic ----------------------------------------------------------------------


def test_atomic_write_keeps_the_old_file_when_writing_fails(tmp_path, monkeypatch):
    from netgraph import _files

    target = tmp_path / "report.html"
    _files.atomic_write(target, "good")
    target.chmod(0o640)
    with pytest.raises(UnicodeEncodeError):
        _files.atomic_write(target, "half" * 1000 + "\ud800")
    assert target.read_text() == "good" and [p.name for p in tmp_path.iterdir()] == [target.name]

    def no_disk(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(_files.os, "fsync", no_disk)
    with pytest.raises(OSError, match="No space"):
        _files.atomic_write(target, b"new bytes")
    assert target.read_text() == "good" and len(list(tmp_path.iterdir())) == 1
    monkeypatch.undo()
    _files.atomic_write(target, "better")
    assert target.read_text() == "better" and target.stat().st_mode & 0o777 == 0o640
    _files.atomic_write(tmp_path / "secret.csv", "x", private=True)
    assert (tmp_path / "secret.csv").stat().st_mode & 0o777 == 0o600


def test_a_report_that_fails_half_way_keeps_the_good_report(tmp_path):
    from netgraph.report import write_report

    net = netgraph.sample()
    good = write_report(net, tmp_path, progress=False).read_text(encoding="utf-8")
    view = (tmp_path / "network.html").read_text(encoding="utf-8")
    broken = net.people.assign(name=net.people["name"].where(net.people.index != "me", "Me\ud800"))
    bad = netgraph.Network.from_frames(
        broken.reset_index(), net.stated_ties, net.interactions, ego="me"
    )
    with pytest.raises(UnicodeEncodeError):
        write_report(bad, tmp_path, progress=False)
    assert (tmp_path / "report.html").read_text(encoding="utf-8") == good
    assert (tmp_path / "network.html").read_text(encoding="utf-8") == view
    assert not [p for p in tmp_path.rglob("*.tmp")]


# -- 6 and 14. the command line: escaped control characters, clean warnings, readable tables ---

PWNED = "\x1b]0;PWNED\x07\x1b[2J\u202eEve"


def _folder_with_names(tmp_path, rename):
    net = netgraph.sample()
    people = net.people.copy()
    for pid, name in rename.items():
        people.loc[pid, "name"] = name
    net = netgraph.Network.from_frames(
        people.reset_index(), net.stated_ties, net.interactions, ego=net.ego
    )
    return net, net.to_csv(tmp_path / "net")


def test_cli_escapes_terminal_control_characters(tmp_path, capsys):
    from netgraph.cli import main

    first = netgraph.sample().reconnect(k=1)["person"].iloc[0]
    _, folder = _folder_with_names(tmp_path, {first: PWNED})
    assert main(["reconnect", str(folder), "--k", "1"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "\\x1b]0;PWNED\\x07\\x1b[2J\\u202eEve" in out
    assert main(["reconnect", str(folder), "--ego", PWNED]) == 2  # an error names the id
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\\x1b" in err


def test_cli_prints_names_wrapped_to_the_terminal(tmp_path, capsys, monkeypatch):
    from netgraph.cli import main

    monkeypatch.setenv("COLUMNS", "60")
    for command, id_columns in (("reconnect", ["person"]), ("introductions", ["person", "via"])):
        assert main([command, "--sample", "--k", "3"]) == 0
        out = capsys.readouterr().out
        lines = out.splitlines()
        assert max(len(line) for line in lines) <= 60
        assert all(line == line.lstrip() or line.startswith("   ") for line in lines)
        expected = getattr(netgraph.sample(), command)(k=3)
        names = netgraph.sample().people["name"]
        for column in id_columns:
            for pid in expected[column]:
                assert pid not in out  # ids such as quang-nguyen are not shown
                assert names[pid].split()[0] in out


def test_cli_warnings_are_one_clean_line(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    ties = tmp_path / "ties.csv"
    ties.write_text("source,target\nme,a\nme,a\na,b\n\n", encoding="utf-8")
    command = Path(sys.executable).with_name("netgraph")
    done = subprocess.run(
        [str(command), "introductions", "--ties", str(ties), "--ego", "me"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stderr.splitlines()
    assert lines and all(line.startswith("netgraph: warning: ") for line in lines), lines
    assert "NetgraphWarning" not in done.stderr and "sys.exit" not in done.stderr


# -- 12 and 14.6. one palette: one community, one colour, everywhere ---------------------------


def _drawn_colours(path) -> dict[str, str]:
    import json
    import re

    page = path.read_text(encoding="utf-8")
    data = json.loads(re.search(r'id="netgraph-data">(.*?)</script>', page, re.S).group(1))
    return {node["label"]: node["color"]["background"] for node in data["nodes"]}


def test_a_community_has_one_colour_in_every_view_and_plot(tmp_path):
    import matplotlib.pyplot as plt

    from netgraph.view import _palette

    net = netgraph.sample()
    community = net.communities()["community"]
    name = net.people["name"]
    full = _drawn_colours(net.to_html(tmp_path / "full.html"))
    colour_of = {}  # community -> the one colour it has in the full view
    for pid, c in community.items():
        colour_of.setdefault(c, set()).add(full[name[pid]])
    assert all(len(colours) == 1 for colours in colour_of.values())
    colour_of = {c: colours.pop() for c, colours in colour_of.items()}
    # A focused view of a small community's member and a filtered view keep those colours.
    small = community.value_counts().index[-1]
    member = community[community == small].index[0]
    for options in ({"focus": member}, {"where": {"city": "Leeds"}}):
        part = _drawn_colours(net.to_html(tmp_path / "part.html", **options))
        assert len(part) < len(full)
        for pid, c in community.items():
            if name[pid] in part:
                assert part[name[pid]] == colour_of[c], (options, pid)
    # The ego map's legend gives each community the same colour.
    fig, ax = plt.subplots()
    try:
        net.plot.ego_map(ax=ax)
        for handle, text in zip(
            ax.get_legend().legend_handles, ax.get_legend().get_texts(), strict=True
        ):
            c = int(text.get_text().split()[0]) if text.get_text()[0].isdigit() else None
            label = text.get_text().rsplit(" (", 1)[0]
            ours = [k for k in colour_of if str(k) == label or f"community {k}" in label]
            assert c is not None or ours
            key = c if c is not None else ours[0]
            assert matplotlib.colors.to_hex(handle.get_color()) == colour_of[key]
    finally:
        plt.close(fig)
    # Dormant ties: one colour in the view and the plots.
    assert _palette.KIND_COLORS["dormant"] == _palette.DORMANT_COLOR
    from netgraph.view import html, plots

    assert plots.KIND_COLORS["dormant"] == html.DORMANT_COLOR


# -- 2. anonymize leaks nothing: names, e-mails and URLs are gone from every output ------------

_SECRETS = {
    "names": ["Jane Doe", "Rahul Okonkwo-Smith", "Zoë Quartermaine"],
    "emails": ["jane.doe@acme.com", "rahul@okonkwo.example", "zoe.q@quarter.example"],
    "urls": ["https://www.linkedin.com/in/jane-doe-123", "https://quarter.example/zoe"],
}


def _leaky_network() -> netgraph.Network:
    people = pd.DataFrame(
        {
            "id": ["me", "jane.doe@acme.com", "rahul-okonkwo", "zoe-quartermaine"],
            "name": ["Me Myself", *_SECRETS["names"]],
            "email": [None, *_SECRETS["emails"]],
            "url": [None, _SECRETS["urls"][0], None, _SECRETS["urls"][1]],
            "company": ["Acme", "Acme", "Okonkwo Ltd", "Quarter"],
        }
    )
    ties = pd.DataFrame(
        {
            "source": ["me", "me", "me", "rahul-okonkwo"],
            "target": [
                "jane.doe@acme.com",
                "rahul-okonkwo",
                "zoe-quartermaine",
                "zoe-quartermaine",
            ],
            "kind": ["Lunch with Jane Doe", "colleague", "friend of zoe.q@quarter.example", None],
            "note": ["met via https://quarter.example/zoe", None, None, None],
        }
    )
    interactions = pd.DataFrame(
        {
            "source": ["me", "me", "rahul-okonkwo", "me"],
            "target": ["jane.doe@acme.com", "rahul-okonkwo", "me", "zoe-quartermaine"],
            "date": ["2024-01-05", "2024-02-01", "2024-03-01", "2023-01-01"],
            "channel": ["jane.doe@acme.com", "email", "Call with Rahul Okonkwo-Smith", "phone"],
            "kind": ["give", "Lunch with Jane Doe", "ask", "meeting"],
            "subject": ["Re: Zoë Quartermaine's offer", None, None, None],
        }
    )
    return netgraph.Network.from_frames(people, ties, interactions, ego="me")


def _all_output_text(folder) -> str:
    texts = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix != ".png"):
        texts.append(path.read_text(encoding="utf-8"))
    import html
    import json

    text = "\n".join(texts)
    # Also the forms an output may hold a string in: HTML- and JSON-escaped.
    return text + html.unescape(text) + json.loads(json.dumps(text, ensure_ascii=True))


def test_anonymized_outputs_hold_no_name_email_or_url(tmp_path):
    from netgraph.cli import main

    net = _leaky_network()
    anon = net.anonymize(key="a long secret")
    out = tmp_path / "out"
    out.mkdir()
    anon.to_html(out / "view.html")
    anon.to_csv(out / "csv")
    anon.to_json(out / "net.json")
    anon.to_graphml(out / "net.graphml")
    from netgraph.report import write_report

    write_report(anon, out / "report", progress=False)
    folder = net.to_csv(tmp_path / "original")
    assert main(["report", str(folder), "--anonymize", "company", "--out", str(out / "cli")]) == 0
    text = _all_output_text(out)
    for kind, values in _SECRETS.items():
        for value in values:
            assert value.lower() not in text.lower(), (kind, value)
    for pid in net.people.index:
        assert pid == "me" or pid not in text
    # What netgraph reads stays readable: the kinds it knows and the people's structure.
    assert set(anon.interactions["kind"]) >= {"give", "ask", "meeting"}
    assert "email" in set(anon.interactions["channel"])
    assert "colleague" in set(anon.stated_ties["kind"])
    assert len(anon.ties) == len(net.ties) and anon.ledger().shape[0] == net.ledger().shape[0]
    # A column the user keeps is kept as it is.
    kept = net.anonymize(key="k", keep=["kind"])
    assert "lunch with jane doe" in set(kept.interactions["kind"].str.lower())


# -- 4. formula escaping holds where a spreadsheet splits cells on ";" -------------------------


def test_no_live_formula_when_a_spreadsheet_splits_on_semicolons(tmp_path):
    import csv

    hostile = ["x;=cmd|' /C calc'!A0;", "a;+1+1", "b;-2;@SUM(A1)", "c,d;=1", '"q";=2']
    people = pd.DataFrame({"id": ["me", "a", "b", "c", "d"], "note": hostile})
    ties = pd.DataFrame({"source": ["me"] * 4, "target": ["a", "b", "c", "d"]})
    net = netgraph.Network.from_frames(people, ties, ego="me")
    folder = net.to_csv(tmp_path / "csv")
    for path in folder.glob("*.csv"):
        text = path.read_text(encoding="utf-8")
        for delimiter in (",", ";", "\t"):  # Excel's separator depends on the locale
            for row in csv.reader(text.splitlines(), delimiter=delimiter):
                for cell in row:
                    assert not cell.startswith(("=", "+", "-", "@")), (path.name, cell)
    back = netgraph.read_csv(folder)
    assert back.people["note"].tolist() == people.set_index("id")["note"].tolist()


# -- 7. JSON: lone surrogates and deep nesting are InputErrors ---------------------------------


def test_read_json_refuses_lone_surrogates_and_deep_nesting(tmp_path):
    good = netgraph.sample().to_json(tmp_path / "good.json")
    text = good.read_text(encoding="utf-8")
    broken = tmp_path / "surrogate.json"
    broken.write_text(text.replace('"Alex Morgan"', '"Alex \\ud800Morgan"', 1), encoding="utf-8")
    with pytest.raises(InputError, match="surrogate"):
        netgraph.read_json(broken)
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(InputError, match="nested"):
        netgraph.read_json(deep)


# -- 8. to_csv: files written atomically, the manifest last, checked by read_csv ---------------


def test_read_csv_refuses_a_folder_whose_write_was_interrupted(tmp_path, monkeypatch):
    net = netgraph.sample()
    folder = net.to_csv(tmp_path / "csv")
    interactions = folder / "interactions.csv"
    text = interactions.read_text(encoding="utf-8")
    interactions.write_text(text[: len(text) // 10], encoding="utf-8")  # cut off at 10%
    with pytest.raises(InputError, match="interactions.csv"):
        netgraph.read_csv(folder)
    # A write interrupted before the manifest leaves no manifest claiming the folder whole.
    import os

    real = os.replace

    def interrupted(src, dst):
        if str(dst).endswith("interactions.csv"):
            raise KeyboardInterrupt  # Ctrl-C just before interactions.csv is replaced
        return real(src, dst)

    net.to_csv(folder)  # whole again
    assert netgraph.read_csv(folder).equals(net)
    monkeypatch.setattr(os, "replace", interrupted)
    changed = net.anonymize(key="k")
    with pytest.raises(KeyboardInterrupt):
        changed.to_csv(folder)
    monkeypatch.undo()
    with pytest.raises(InputError):
        netgraph.read_csv(folder)  # new people.csv, old interactions.csv: refused
    assert interactions.read_text(encoding="utf-8") == text  # never truncated


def test_to_json_and_graphml_write_atomically(tmp_path, monkeypatch):
    from netgraph import _files

    net = netgraph.sample()
    for write, name in ((net.to_json, "net.json"), (net.to_graphml, "net.graphml")):
        path = write(tmp_path / name)
        before = path.read_bytes()
        monkeypatch.setattr(_files.os, "fsync", lambda fd: (_ for _ in ()).throw(OSError("full")))
        with pytest.raises(OSError):
            write(tmp_path / name)
        monkeypatch.undo()
        assert path.read_bytes() == before
        assert [p.name for p in tmp_path.iterdir() if p.suffix == ".tmp"] == []


# -- 9. Excel serial dates ---------------------------------------------------------------------


def test_excel_serial_dates_are_read_as_excel_dates_with_a_warning(tmp_path):
    ties = tmp_path / "ties.csv"
    ties.write_text("source,target\nme,a\nme,b\n", encoding="utf-8")
    interactions = tmp_path / "interactions.csv"
    interactions.write_text(
        "source,target,date\nme,a,44571\nme,b,45000\nme,a,45292.5\n", encoding="utf-8"
    )
    with pytest.warns(netgraph.NetgraphWarning, match="Excel"):
        net = netgraph.read_csv(None, ties, interactions, me="me")
    dates = net.interactions["date"].sort_values().tolist()
    assert dates[0] == pd.Timestamp("2022-01-10")  # Excel's 44571
    assert dates[-1] == pd.Timestamp("2024-01-01 12:00")
    assert len(net.reconnect(k=3, today="2026-01-01")) > 0
    # The same column from a spreadsheet read by pandas (whole numbers, not text).
    frame = pd.read_csv(interactions).assign(date=[44571, 45000, 45292])
    with pytest.warns(netgraph.NetgraphWarning, match="44571' is 2022-01-10"):
        net = netgraph.Network.from_frames(interactions=frame, ego="me")
    assert net.interactions["date"].min() == pd.Timestamp("2022-01-10")
    # Unix seconds and YYYYMMDD numbers are read as before.
    unix = frame.assign(date=[1_641_772_800, 1_641_772_800, 1_700_000_000])
    assert netgraph.Network.from_frames(interactions=unix).interactions["date"].min() == (
        pd.Timestamp("2022-01-10")
    )


# -- 10 and 11. the report: a sentence, names, the columns a person reads ----------------------


def test_report_speaks_of_people_by_name(tmp_path):
    from netgraph.report import write_report

    net = netgraph.sample()
    page = write_report(net, tmp_path / "a", progress=False).read_text(encoding="utf-8")
    tables = page.split("<h2>Interactive view")[0]
    assert "&lt;netgraph.Network" not in tables and "<netgraph.Network" not in tables
    assert "Alex Morgan" in tables.split("<h2>")[0]  # title and subtitle name the ego
    shown = set(net.introductions(k=10)["person"]) | set(net.reconnect(k=3)["person"])
    for pid in shown:  # ids such as quang-nguyen are shown as names
        assert f">{pid}<" not in tables and net.people.loc[pid, "name"] in tables
    assert "Balance" in tables and "gives_from" not in tables and "balance_from" not in tables
    # An ego without a name is "you", never "nan" or an empty cell.
    people = net.people.copy()
    people.loc["me", "name"] = None
    unnamed = netgraph.Network.from_frames(
        people.reset_index(), net.stated_ties, net.interactions, ego="me"
    )
    page = write_report(unnamed, tmp_path / "b", progress=False).read_text(encoding="utf-8")
    tables = page.split("<h2>Interactive view")[0]
    assert ">nan<" not in tables.lower() and ">me<" not in tables
    assert "Your network" in tables and ">you<" in tables  # the ego among the brokers


def test_every_command_escapes_control_characters_in_what_it_prints(tmp_path, capsys):
    from netgraph.cli import main

    people = netgraph.sample().people
    some = list(people.index[1:40])
    _, folder = _folder_with_names(tmp_path, {pid: PWNED + pid for pid in some})
    person = some[0]
    for command in (["brief", person], ["roles"], ["groups"], ["thanks"], ["demo"]):
        extra = [] if command == ["demo"] else [str(folder)]
        if command == ["demo"]:
            command = ["demo", "--out", str(tmp_path / "demo")]
        assert main([*command, *extra]) == 0, command
        out = capsys.readouterr().out
        assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out, command
    assert main(["brief", person, str(folder)]) == 0
    assert "\\x1b]0;PWNED" in capsys.readouterr().out
