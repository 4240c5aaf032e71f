"""Fuzz the public readers end to end: read_csv (files and folders), read_linkedin,
read_vcard, read_json and read_graphml.

The rule: a generated file either reads, or raises :class:`netgraph.InputError` whose message
names the file (and the row, where one is at fault); never a bare KeyError, TypeError or
UnicodeError. A valid file, whatever its encoding and however odd its names, loses no row.
A network that was read is usable: its tie table and structural holes can be computed.

tests/test_io_fuzz.py fuzzes the lower-level readers of :mod:`netgraph.io`; this file goes
through the public functions, with real files on disk.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import random
import tempfile
import warnings
from datetime import date, timedelta
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import netgraph
from netgraph import InputError, NetgraphWarning, UnknownPersonError

# Modest by default so the file runs in about 30 s; raise it to fuzz harder.
FUZZ = settings(
    max_examples=int(os.environ.get("NETGRAPH_FUZZ_EXAMPLES", "25")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Any character a person could type (no control characters, surrogates or unassigned code
# points, which XML cannot hold), so emoji, right-to-left scripts, combining marks and
# zero-width characters are all in; and names chosen to break things.
TYPED = st.characters(blacklist_categories=("Cc", "Cs", "Cn", "Co"))
TRICKY = [
    "محمد العلي",  # Arabic, right to left
    "שלום עולם",  # Hebrew
    "\u202eexe.txt",  # right-to-left override
    "\u200fמרים\u200e",  # right-to-left and left-to-right marks
    "王小明",
    "Zoë Łukasiewicz",
    "e\u0301",  # e + combining acute: not the same id as "é"
    "é",
    "a\u200bb",  # zero-width space
    "\u200d",  # a lone zero-width joiner
    "x\ufeffy",  # a byte-order mark inside a name
    "👩‍👩‍👧 family",  # emoji joined by zero-width joiners
    "🏳️‍🌈",
    "Z̴̡̛a̷l̸g̵o̶",
    "line\u2028separator",
    '=HYPERLINK("http://evil.example","click")',
    "=1+1",
    "+44 20 7946 0000",
    "-2",
    "@SUM(A1:A9)",
    "'quoted",
    "NaN",
    "null",
    "None",
    "N/A",
    "#N/A",
    "TRUE",
    "0",
    "1e5",
    '"quoted", with a comma',
    "semi;colon",
]
NAME = st.one_of(st.sampled_from(TRICKY), st.text(TYPED, min_size=1, max_size=12))
IDS = st.lists(
    NAME.filter(lambda s: s.strip()), min_size=2, max_size=7, unique_by=lambda s: s.strip()
)
DAYS = st.integers(min_value=0, max_value=20_000).map(lambda d: date(1970, 1, 1) + timedelta(d))
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "latin-1", "cp1252"]
ENCODINGS += ["shift_jis"]


# --- helpers --------------------------------------------------------------------------------


@contextlib.contextmanager
def workdir():
    """A fresh folder per example (hypothesis runs many examples in one test call)."""
    with tempfile.TemporaryDirectory() as folder:
        yield Path(folder)


def csv_text(rows) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def clean(value) -> str | None:
    """A cell as the readers give it back: stripped, empty text as missing."""
    if not isinstance(value, str):
        return None
    return value.strip() or None


def attempt(read, *, files, ego=None):
    """Run ``read``: a usable Network comes back, or an InputError naming one of ``files``.

    Any other exception fails the test, except an UnknownPersonError for an ``ego`` the
    caller passed that is not in the file.
    """
    names = [os.fspath(f) for f in files]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", NetgraphWarning)
        try:
            net = read()
        except UnknownPersonError as err:  # an InputError too: test it first
            assert ego is not None and ego == err.person, str(err)
            return err
        except InputError as err:
            assert err.file is not None, str(err)
            assert any(name in str(err) for name in names), (str(err), names)
            assert err.row is None or f"row {err.row}" in str(err)
            return err
        usable(net)
        return net


def usable(net) -> None:
    """A network that was read can be analysed."""
    ties = net.ties
    holes = net.structural_holes()
    assert len(holes) == len(net.people)
    ends = ties.index.get_level_values("source").union(ties.index.get_level_values("target"))
    assert set(ends) <= set(net.people.index)


def reads(read):
    """``read()`` must succeed; warnings (such as "read as Windows-1252") are fine."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", NetgraphWarning)
        net = read()
    usable(net)
    return net


# --- a small valid network, as CSV rows -----------------------------------------------------


@st.composite
def networks(draw, ids=IDS, names=NAME):
    """People, ties and interactions rows (header first) with their expected counts."""
    people_ids = draw(ids)
    people = [["id", "name", "note"]]
    people += [[pid, draw(names), draw(st.one_of(st.just(""), names))] for pid in people_ids]
    pairs = [(a, b) for i, a in enumerate(people_ids) for b in people_ids[i + 1 :]]
    chosen = draw(st.lists(st.sampled_from(pairs), min_size=1, max_size=8, unique=True))
    ties = [["source", "target", "kind", "since", "closeness"]]
    for a, b in chosen:
        a, b = draw(st.permutations([a, b]))
        since = draw(st.one_of(st.just(""), DAYS.map(date.isoformat)))
        closeness = draw(st.one_of(st.just(""), st.floats(0, 1).map(repr)))
        ties.append([a, b, draw(names), since, closeness])
    interactions = [["source", "target", "date", "channel"]]
    for _ in range(draw(st.integers(0, 8))):
        a, b = draw(st.permutations(people_ids))[:2]
        interactions.append([a, b, draw(DAYS).isoformat(), draw(names)])
    return {"people": people, "ties": ties, "interactions": interactions}


def write_files(folder: Path, tables: dict, encoding: str = "utf-8") -> dict[str, Path]:
    paths = {}
    for key, rows in tables.items():
        paths[key] = folder / f"{key}.csv"
        paths[key].write_bytes(csv_text(rows).encode(encoding))
    return paths


def check_counts(net, tables) -> None:
    """No valid row lost: every person, stated tie and interaction is in the network."""
    assert len(net.people) == len(tables["people"]) - 1
    assert len(net.stated_ties) == len(tables["ties"]) - 1
    assert len(net.interactions) == len(tables["interactions"]) - 1
    assert net.people.index.tolist() == [r[0].strip() for r in tables["people"][1:]]


def check_names(net, tables) -> None:
    got = [clean(v) for v in net.people["name"]]
    assert got == [clean(r[1]) for r in tables["people"][1:]]


def read_files(paths, ego=None):
    return netgraph.read_csv(paths["people"], paths["ties"], paths["interactions"], me=ego)


# --- read_csv with three files --------------------------------------------------------------


@FUZZ
@given(tables=networks())
def test_valid_files_with_odd_names_lose_no_row(tables):
    ego = tables["people"][1][0].strip()
    with workdir() as folder:
        paths = write_files(folder, tables)
        net = reads(lambda: read_files(paths, ego=ego))
    check_counts(net, tables)
    check_names(net, tables)
    assert net.ego == ego


def encodable(encoding):
    def ok(text: str) -> bool:
        try:
            text.encode(encoding)
        except UnicodeEncodeError:
            return False
        return True

    return ok


LATIN = st.characters(min_codepoint=0x20, max_codepoint=0xFF, blacklist_categories=("Cc",))
JAPANESE = st.characters(min_codepoint=0x3041, max_codepoint=0x30FF) | st.sampled_from("日本語東京")
ALPHABETS = {
    # UTF-16 without a byte-order mark is recognised by its zero bytes: mostly-Latin text.
    "utf-16-le": LATIN,
    "utf-16-be": LATIN,
    "latin-1": LATIN,
    "cp1252": st.sampled_from(
        [c for c in bytes(range(0x20, 0x100)).decode("cp1252", "ignore") if c.isprintable()]
    ),
    "shift_jis": JAPANESE | st.characters(min_codepoint=0x20, max_codepoint=0x7E),
}


@pytest.mark.parametrize("encoding", ENCODINGS)
@FUZZ
@given(data=st.data())
def test_valid_files_in_any_encoding_lose_no_row(encoding, data):
    alphabet = ALPHABETS.get(encoding, TYPED)
    names = st.text(alphabet, min_size=1, max_size=10).filter(encodable(encoding))
    ids = st.lists(st.integers(0, 99).map("p{}".format), min_size=2, max_size=6, unique=True)
    tables = data.draw(networks(ids=ids, names=names))
    with workdir() as folder:
        paths = write_files(folder, tables, encoding)
        net = reads(lambda: read_files(paths, ego=tables["people"][1][0]))
        raw = paths["people"].read_bytes()
    check_counts(net, tables)
    # Names survive exactly unless a legacy 8-bit file is also valid UTF-8 (then it is read as
    # UTF-8) or is Shift-JIS (read as Windows-1252: mojibake, but every row is kept).
    legacy = encoding in ("latin-1", "cp1252", "shift_jis")
    if not legacy or (encoding != "shift_jis" and not raw.isascii() and not valid_utf8(raw)):
        check_names(net, tables)


def valid_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


WHICH = st.sampled_from(["people", "ties", "interactions"])


@FUZZ
@given(tables=networks(), which=WHICH, junk=st.binary(max_size=400), how=st.integers(0, 2))
def test_random_bytes_in_one_file(tables, which, junk, how):
    ego = tables["people"][1][0].strip()
    with workdir() as folder:
        paths = write_files(folder, tables)
        good = paths[which].read_bytes()
        at = len(good) // 2
        paths[which].write_bytes([junk, good[:at] + junk + good[at:], good + junk][how])
        attempt(lambda: read_files(paths, ego=ego), files=paths.values(), ego=ego)


@FUZZ
@given(
    tables=networks(),
    which=st.sampled_from(["ties", "interactions"]),
    data=st.data(),
)
def test_ragged_rows(tables, which, data):
    rows = [list(r) for r in tables[which]]
    assume(len(rows) > 1)
    bad = data.draw(st.integers(1, len(rows) - 1))
    width = len(rows[0])
    keep = data.draw(st.one_of(st.integers(1, width - 1), st.integers(width + 1, width + 3)))
    rows[bad] = (rows[bad] + ["extra"] * 3)[:keep]
    required = 2 if which == "ties" else 3  # source, target (and date)
    with workdir() as folder:
        paths = write_files(folder, {**tables, which: rows})
        line = bad + 1  # the header is line 1; ids and dates hold no new lines
        result = attempt(lambda: read_files(paths), files=paths.values())
    if keep > width or keep < required:
        assert isinstance(result, InputError)
        assert result.file.endswith(f"{which}.csv") and f"row {line}" in str(result)
    else:  # fewer fields, all optional ones: padded with missing values, nothing lost
        check_counts(result, tables)


# --- huge fields ----------------------------------------------------------------------------

HUGE = "Ω" + "x" * 2_000_000 + " 😀"


def huge_tables(column: str) -> dict:
    tables = {
        "people": [["id", "name"], ["me", "Me"], ["ann", "Ann"], ["bob", "Bob"]],
        "ties": [["source", "target", "kind"], ["me", "ann", "friend"], ["ann", "bob", "work"]],
        "interactions": [["source", "target", "date", "channel"], ["me", "bob", "2021-03-15", ""]],
    }
    table, row, position = {
        "name": ("people", 2, 1),
        "kind": ("ties", 1, 2),
        "channel": ("interactions", 1, 3),
    }[column]
    tables[table][row][position] = HUGE
    return tables


@pytest.mark.parametrize("column", ["name", "kind", "channel"])
def test_a_huge_field_in_read_csv_files_and_folder(tmp_path, column):
    tables = huge_tables(column)
    paths = write_files(tmp_path, tables)
    net = reads(lambda: read_files(paths, ego="me"))
    check_counts(net, tables)
    if column == "name":
        assert net.people.loc["ann", "name"] == HUGE.strip()
    again = reads(lambda: netgraph.read_csv(net.to_csv(tmp_path / "folder")))
    check_counts(again, tables)
    assert again.people.equals(net.people)


def test_a_huge_field_in_linkedin_vcard_json_and_graphml(tmp_path):
    export = tmp_path / "Connections.csv"
    header = ["First Name", "Last Name", "URL", "Email Address", "Company", "Connected On"]
    export.write_text(
        csv_text([header, [HUGE, "Doe", "", "", "", "15 Mar 2021"], ["Bo", "Li", "", "", "", ""]]),
        encoding="utf-8",
    )
    net = reads(lambda: netgraph.read_linkedin(export))
    assert len(net.people) == 3 and net.people["first_name"].iloc[1] == HUGE.strip()

    book = tmp_path / "contacts.vcf"
    book.write_text(
        f"BEGIN:VCARD\nVERSION:3.0\nFN:{HUGE}\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nFN:Bo Li\nEND:VCARD\n",
        encoding="utf-8",
    )
    net = reads(lambda: netgraph.read_vcard(book))
    assert len(net.people) == 3 and net.people["name"].iloc[1] == HUGE.strip()

    net = reads(lambda: read_files(write_files(tmp_path, huge_tables("name")), ego="me"))
    for path in (net.to_json(tmp_path / "net.json"), net.to_graphml(tmp_path / "net.graphml")):
        read = netgraph.read_json if path.suffix == ".json" else netgraph.read_graphml
        again = reads(lambda: read(path))  # noqa: B023
        assert again.people.loc["ann", "name"] == HUGE.strip()
        assert len(again.stated_ties) == 2 and len(again.interactions) == 1


# --- a folder written by to_csv, then corrupted ---------------------------------------------


def valid_network(tables):
    with workdir() as folder:
        paths = write_files(folder, tables)
        return reads(lambda: read_files(paths, ego=tables["people"][1][0].strip()))


@FUZZ
@given(tables=networks())
def test_to_csv_folder_round_trips_odd_names_and_formulas(tables):
    net = valid_network(tables)
    with workdir() as folder:
        again = reads(lambda: netgraph.read_csv(net.to_csv(folder)))
    check_counts(again, tables)
    check_names(again, tables)
    assert again.ego == net.ego
    assert again.people.equals(net.people)


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**20), 10**20)
    | st.floats()
    | st.text(TYPED, max_size=8)
    | st.sampled_from(["name", "since", "closeness", "date", "id", "me", "nobody"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=6,
)
META_KEYS = ["format", "version", "ego", "directed", "formulas_escaped", "people_dates", "new"]


@st.composite
def corruptions(draw):
    """A way to damage a folder: (file, how, argument)."""
    which = draw(st.sampled_from(["people.csv", "ties.csv", "interactions.csv", "netgraph.json"]))
    how = draw(st.sampled_from(["bytes", "insert", "truncate", "ragged", "edit"]))
    if how == "edit":
        which = "netgraph.json"
        return which, how, (draw(st.sampled_from(META_KEYS)), draw(JSON_VALUES))
    return which, how, (draw(st.binary(max_size=200)), draw(st.floats(0, 1)), draw(st.booleans()))


def corrupt(path: Path, how: str, argument) -> None:
    if how == "edit":
        key, value = argument
        meta = json.loads(path.read_text(encoding="utf-8"))
        meta[key] = value
        path.write_text(json.dumps(meta), encoding="utf-8")
        return
    junk, fraction, extra = argument
    data = path.read_bytes()
    at = int(len(data) * fraction)
    if how == "bytes":
        path.write_bytes(junk)
    elif how == "insert":
        path.write_bytes(data[:at] + junk + data[at:])
    elif how == "truncate":
        path.write_bytes(data[:at])
    else:  # ragged: a field more, or one fewer, on one line
        lines = data.split(b"\n")
        i = min(int(len(lines) * fraction), len(lines) - 1)
        lines[i] = lines[i] + b",extra" if extra else lines[i].rpartition(b",")[0]
        path.write_bytes(b"\n".join(lines))


@FUZZ
@given(tables=networks(), damage=corruptions(), ego=st.one_of(st.none(), NAME))
def test_a_corrupted_folder(tables, damage, ego):
    net = valid_network(tables)
    which, how, argument = damage
    with workdir() as folder:
        net.to_csv(folder)
        corrupt(folder / which, how, argument)
        result = attempt(lambda: netgraph.read_csv(folder, me=ego), files=[folder], ego=ego)
    if isinstance(result, netgraph.Network) and how == "truncate" and which != "netgraph.json":
        key = which.removesuffix(".csv")
        assert len(getattr(result, "stated_ties" if key == "ties" else key)) <= len(
            tables[key]
        ) - 1 or (key == "people" and len(result.people) <= len(net.people))


def test_a_corrupted_folder_names_the_file_and_line(tmp_path):
    log = io.StringIO("source,target,date\nann,bob,2021-03-15\nbob,cy,2021-03-16\n")
    net = netgraph.read_csv(None, None, log)
    folder = net.to_csv(tmp_path / "net")
    with (folder / "interactions.csv").open("a", encoding="utf-8") as out:
        out.write("cy,ann,2021-03-17,email,meeting,surplus\n")
    with pytest.raises(InputError) as caught:
        netgraph.read_csv(folder)
    assert str(folder / "interactions.csv") in str(caught.value) and "row 4" in str(caught.value)
    (folder / "interactions.csv").write_bytes(b"\x00\xff\xfe" * 50)
    with pytest.raises(InputError, match="interactions.csv"):
        netgraph.read_csv(folder)


# --- LinkedIn and vCard exports -------------------------------------------------------------

LINKEDIN_HEADER = ["First Name", "Last Name", "URL", "Email Address", "Company", "Position"]
LINKEDIN_HEADER += ["Connected On"]


@st.composite
def linkedin_exports(draw, names=NAME):
    people = draw(st.lists(st.tuples(names, names, st.booleans(), DAYS), min_size=1, max_size=8))
    rows = [LINKEDIN_HEADER]
    for i, (first, last, url, day) in enumerate(people):
        link = f"https://www.linkedin.com/in/p-{i}" if url else ""
        rows.append([first, last, link, "", draw(names), draw(names), day.strftime("%d %b %Y")])
    named = sum(1 for first, last, *_ in people if first.strip() or last.strip())
    return rows, named


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252"])
@FUZZ
@given(data=st.data(), preamble=st.booleans(), me=NAME)
def test_linkedin_exports_lose_no_connection(encoding, data, preamble, me):
    names = st.text(ALPHABETS.get(encoding, TYPED), max_size=10).filter(encodable(encoding))
    if encoding in ("utf-8", "utf-8-sig"):
        names = NAME | names
    rows, named = data.draw(linkedin_exports(names))
    notes = 'Notes:\n"When exporting, some e-mail addresses are missing."\n\n' if preamble else ""
    with workdir() as folder:
        path = folder / "Connections.csv"
        path.write_bytes((notes + csv_text(rows)).encode(encoding))
        result = attempt(lambda: netgraph.read_linkedin(path, me=me), files=[path])
    if isinstance(result, InputError):  # only a blank ego id, or a connection with the ego's
        assert not me.strip() or "is also the id of the connection" in result.problem
    else:
        assert len(result.people) == named + 1 and len(result.stated_ties) == named
        assert result.ego == me.strip()


@pytest.mark.parametrize("reader", [netgraph.read_linkedin, netgraph.read_vcard])
@FUZZ
@given(junk=st.binary(max_size=500), prefix=st.sampled_from([b"", b"BEGIN:VCARD\n", b"First"]))
def test_contact_readers_on_random_bytes(reader, junk, prefix):
    with workdir() as folder:
        path = folder / "export"
        path.write_bytes(prefix + junk)
        attempt(lambda: reader(path), files=[path])


def vcard_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;").replace("\n", "\\n")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-16-le", "latin-1"])
@FUZZ
@given(data=st.data(), me=NAME.filter(str.strip), crlf=st.booleans())
def test_vcards_lose_no_contact(encoding, data, me, crlf):
    names = st.text(ALPHABETS.get(encoding, TYPED), min_size=1, max_size=10)
    names = names.filter(lambda s: s.strip())
    if encoding == "utf-8":
        names = names | st.sampled_from(TRICKY)
    contacts = data.draw(st.lists(st.tuples(names, st.booleans()), min_size=1, max_size=8))
    lines = []
    for i, (name, email) in enumerate(contacts):
        lines += ["BEGIN:VCARD", "VERSION:3.0", "FN:" + vcard_escape(name)]
        lines += [f"EMAIL:c{i}@example.org"] if email else []
        lines += ["END:VCARD"]
    text = "\r\n".join(lines) if crlf else "\n".join(lines)
    with workdir() as folder:
        path = folder / "contacts.vcf"
        path.write_bytes(text.encode(encoding))
        net = reads(lambda: netgraph.read_vcard(path, me=me))
        raw = path.read_bytes()
    assert len(net.people) == len(contacts) + 1
    assert len(net.stated_ties) == len(contacts)
    assert net.ego == me.strip()
    if encoding != "latin-1" or not (raw.isascii() or valid_utf8(raw)):
        assert [clean(v) for v in net.people["name"].iloc[1:]] == [n.strip() for n, _ in contacts]


# --- JSON and GraphML -----------------------------------------------------------------------


def paths_in(doc, prefix=()):
    """Every path to a value of a JSON document, as a tuple of keys and indexes."""
    yield prefix
    if isinstance(doc, dict):
        for key, value in doc.items():
            yield from paths_in(value, (*prefix, key))
    elif isinstance(doc, list):
        for i, value in enumerate(doc):
            yield from paths_in(value, (*prefix, i))


def replace(doc, path, value):
    if not path:
        return value
    target = doc
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return doc


@FUZZ
@given(tables=networks(), data=st.data(), edits=st.integers(1, 3))
def test_an_edited_json_file(tables, data, edits):
    net = valid_network(tables)
    with workdir() as folder:
        path = net.to_json(folder / "net.json")
        again = reads(lambda: netgraph.read_json(path))
        check_counts(again, tables)
        assert again.people.equals(net.people)
        doc = json.loads(path.read_text(encoding="utf-8"))
        for _ in range(edits):
            where = data.draw(st.sampled_from(list(paths_in(doc))))
            doc = replace(doc, where, data.draw(JSON_VALUES))
        path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        attempt(lambda: netgraph.read_json(path), files=[path])


@pytest.mark.parametrize("suffix", [".json", ".graphml"])
@FUZZ
@given(junk=st.binary(max_size=300), fraction=st.floats(0, 1), how=st.integers(0, 2))
def test_json_and_graphml_on_random_bytes_and_cut_files(suffix, junk, fraction, how):
    read = netgraph.read_json if suffix == ".json" else netgraph.read_graphml
    with workdir() as folder:
        net = NET_FOR_CUTS
        path = net.to_json(folder / "net.json") if suffix == ".json" else None
        path = path or net.to_graphml(folder / "net.graphml")
        data = path.read_bytes()
        at = int(len(data) * fraction)
        path.write_bytes([junk, data[:at], data[:at] + junk + data[at:]][how])
        attempt(lambda: read(path), files=[path])


NET_FOR_CUTS = netgraph.read_csv(
    io.StringIO("id,name,joined\nme,Me,2020-01-01\nann,محمد,\nbob,=1+1,2021-02-03\n"),
    io.StringIO("source,target,kind,since,closeness\nme,ann,friend,2019-05-01,0.5\nann,bob,,,\n"),
    io.StringIO("source,target,date,channel\nme,bob,2021-03-15,email\n"),
    me="me",
)


XML_TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Cn", "Co")), max_size=12)


@FUZZ
@given(tables=networks(), data=st.data(), edits=st.integers(1, 3))
def test_an_edited_graphml_file(tables, data, edits):
    """The values of a file to_graphml wrote, edited (as in Gephi) to anything."""
    net = valid_network(tables)
    with workdir() as folder:
        path = net.to_graphml(folder / "net.graphml")
        again = reads(lambda: netgraph.read_graphml(path))
        check_counts(again, tables)
        G = nx.read_graphml(path)
        for _ in range(edits):
            kind = data.draw(st.sampled_from(["graph", "node", "edge"]))
            if kind == "graph":
                attrs = G.graph
            elif kind == "node":
                attrs = G.nodes[data.draw(st.sampled_from(list(G.nodes)))]
            else:
                attrs = G.edges[data.draw(st.sampled_from(list(G.edges)))]
            key = data.draw(st.sampled_from([*attrs, "since", "closeness", "id", "weight"]))
            value = data.draw(
                st.one_of(XML_TEXT, st.integers(-(2**31), 2**31), st.floats(), st.booleans())
                | JSON_VALUES.map(json.dumps)
            )
            attrs[key] = value
        try:
            nx.write_graphml(G, path)
        except (TypeError, AttributeError, nx.NetworkXError):  # networkx cannot write this
            assume(False)
        attempt(lambda: netgraph.read_graphml(path), files=[path])


@FUZZ
@given(
    nodes=st.lists(NAME, min_size=1, max_size=6, unique=True),
    data=st.data(),
    directed=st.booleans(),
)
def test_a_foreign_graphml_file(nodes, data, directed):
    """A GraphML file from another tool: any node ids, attributes and edges."""
    G = nx.DiGraph() if directed else nx.Graph()
    values = st.one_of(XML_TEXT, st.integers(-(2**31), 2**31), st.floats(), st.booleans())
    for node in nodes:
        G.add_node(node, **data.draw(st.dictionaries(st.sampled_from(["name", "id", "x"]), values)))
    keys = st.sampled_from(["weight", "kind", "since", "closeness", "label"])
    for u, v in data.draw(st.lists(st.tuples(st.sampled_from(nodes), st.sampled_from(nodes)))):
        G.add_edge(u, v, **data.draw(st.dictionaries(keys, values)))
    with workdir() as folder:
        path = folder / "foreign.graphml"
        nx.write_graphml(G, path)
        result = attempt(lambda: netgraph.read_graphml(path), files=[path])
    if isinstance(result, netgraph.Network):
        assert len(result.people) == len(nodes)


def test_a_random_shuffle_of_a_valid_file_never_escapes_input_error(tmp_path):
    """Shuffled lines of every kind of file: a deterministic smoke test of the whole set."""
    rng = random.Random(7)
    folder = NET_FOR_CUTS.to_csv(tmp_path / "net")
    files = [folder / n for n in ("people.csv", "ties.csv", "interactions.csv")]
    files += [NET_FOR_CUTS.to_json(tmp_path / "net.json")]
    files += [NET_FOR_CUTS.to_graphml(tmp_path / "net.graphml")]
    for path in files:
        original = path.read_bytes()
        for _ in range(5):
            lines = original.split(b"\n")
            rng.shuffle(lines)
            path.write_bytes(b"\n".join(lines))
            if path.suffix == ".csv":
                attempt(lambda: netgraph.read_csv(folder), files=[folder])  # noqa: B023
            elif path.suffix == ".json":
                attempt(lambda: netgraph.read_json(path), files=[path])  # noqa: B023
            else:
                attempt(lambda: netgraph.read_graphml(path), files=[path])  # noqa: B023
        path.write_bytes(original)


# --- regressions found by the fuzzing above -------------------------------------------------


@pytest.mark.parametrize("reader", [netgraph.read_linkedin, netgraph.read_vcard])
def test_the_ego_id_is_stripped_like_every_id(reader, tmp_path):
    """me="0 " gave UnknownPersonError: the ego row kept the space, the network stripped it."""
    path = tmp_path / "export"
    path.write_text(
        "First Name,Last Name,Connected On\nAda,Li,15 Mar 2021\n"
        if reader is netgraph.read_linkedin
        else "BEGIN:VCARD\nFN:Ada Li\nEND:VCARD\n",
        encoding="utf-8",
    )
    net = reads(lambda: reader(path, me=" 0 "))
    assert net.ego == "0" and net.people.index.tolist() == ["0", "ada-li"]
    usable(net)


@pytest.mark.parametrize("reader", [netgraph.read_linkedin, netgraph.read_vcard])
@pytest.mark.parametrize("me", ["", "  "])
def test_a_blank_ego_id_is_an_input_error_naming_the_file(reader, me, tmp_path):
    """A blank me= was an InputError at "row 0" of a table called "people"."""
    path = tmp_path / "export"
    path.write_text("BEGIN:VCARD\nFN:Ada Li\nEND:VCARD\nFirst Name,Last Name\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        reader(path, me=me)
    assert caught.value.file == str(path) and caught.value.row is None
    assert "me=" in str(caught.value)


@pytest.mark.parametrize(
    ("edge", "column"),
    [(("a", "a", {}), "target"), (("a", "b", {"closeness": 2.0}), "closeness")],
)
def test_a_foreign_graphml_error_names_the_file_and_edge(edge, column, tmp_path):
    """Errors in a foreign GraphML file named a table "ties" and "row 0", not the file."""
    G = nx.Graph()
    G.add_edge("x", "y")
    G.add_edge(*edge[:2], **edge[2])
    path = tmp_path / "g.graphml"
    nx.write_graphml(G, path)
    with pytest.raises(InputError) as caught:
        netgraph.read_graphml(path)
    assert caught.value.file == f"{path} (edges)"
    assert (caught.value.row, caught.value.column) == (2, column)


def test_an_empty_text_column_round_trips_through_a_folder(tmp_path):
    """A text column with no value came back from read_csv(folder) as float64."""
    people = io.StringIO("id,name,note\nann,Ann,\nbob,Bob,\n")
    net = netgraph.read_csv(people, io.StringIO("source,target\nann,bob\n"))
    again = netgraph.read_csv(net.to_csv(tmp_path / "net"))
    assert again.people["note"].dtype == net.people["note"].dtype
    assert again.people.equals(net.people)


def test_a_bad_weight_names_the_ties_file(tmp_path):
    path = tmp_path / "my_ties.csv"
    path.write_text("source,target,weight\nann,bob,heavy\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        netgraph.read_csv(None, path)
    assert caught.value.file == str(path) and caught.value.row == 2
