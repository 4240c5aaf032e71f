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
