"""Property tests for netgraph.io: bad input fails only with InputError, good input loses nothing.

Every failure must be an :class:`InputError` naming the file (and the line where one applies),
never a bare KeyError, TypeError, UnicodeError or pandas ParserError; and for valid generated
files, every row comes back with the values written.
"""

from __future__ import annotations

import csv
import io
import warnings
from datetime import date, timedelta

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from netgraph.errors import InputError, NetgraphWarning
from netgraph.io import (
    read_interactions,
    read_linkedin_connections,
    read_people,
    read_table,
    read_ties,
    read_vcard_people,
    validate_interactions,
    validate_people,
    validate_ties,
)

FUZZ = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
PEOPLE = pd.DataFrame(index=pd.Index(["ann", "bob", "cat", "dan"], name="id"))

READERS = {
    "table": read_table,
    "people": read_people,
    "ties": lambda source: read_ties(source, people=PEOPLE),
    "interactions": lambda source: read_interactions(source, people=PEOPLE),
    "linkedin": read_linkedin_connections,
    "vcard": read_vcard_people,
}

# Text a person could type: any character but control characters and lone surrogates, so
# emoji, right-to-left scripts, combining marks and non-breaking spaces are all in.
TYPED = st.characters(blacklist_categories=("Cc", "Cs"))
FORMULAS = st.sampled_from(
    ['=HYPERLINK("http://evil.example","x")', "+1", "-2", "@SUM(A1)", "=1+1", "'=quoted"]
)
SCRIPTS = st.sampled_from(
    [
        "محمد العلي",
        "שלום עולם",
        "\u202eevil.exe",
        "王小明",
        "Zoë Łukasiewicz",
        "👩‍👩‍👧 family",
        "e\u0301",
    ]
)
CELL = st.one_of(st.text(TYPED, max_size=20), FORMULAS, SCRIPTS)
NOTE = st.one_of(CELL, st.lists(CELL, min_size=2, max_size=3).map("\n".join))


def call(reader, data):
    """Run a reader; let InputError (checked) and success through, anything else fails."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", NetgraphWarning)
        try:
            return reader(io.BytesIO(data) if isinstance(data, bytes) else io.StringIO(data))
        except InputError as err:
            assert err.file
            assert err.row is None or (isinstance(err.row, int) and err.row >= 1)
            assert err.fix
            return err


def expected_cell(value: str) -> object:
    value = value.strip()
    return value if value else np.nan


def valid_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def write(rows, *, delimiter=",", quoting=csv.QUOTE_MINIMAL, terminator="\n") -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, quoting=quoting, lineterminator=terminator).writerows(rows)
    return out.getvalue()


def start_lines(rows) -> list[int]:
    """The line each data row starts on, with the header on line 1."""
    lines, line = [], 1 + sum(cell.count("\n") for cell in rows[0]) + 1
    for row in rows[1:]:
        lines.append(line)
        line += 1 + sum(cell.count("\n") for cell in row)
    return lines


# --- anything in, InputError or a frame out --------------------------------------------------


@pytest.mark.parametrize("reader", READERS.values(), ids=READERS.keys())
@FUZZ
@given(data=st.binary(max_size=600))
def test_random_bytes(reader, data):
    call(reader, data)


CSVISH = st.text(
    alphabet=st.sampled_from(list('abn,;\t"\n\r =+-@019/:.') + ["é", "€", "😀", "א", "\x00"]),
    max_size=200,
)
HEADERS = st.sampled_from(
    [
        "",
        "id,name\n",
        "source,target,date\n",
        "source;target;since;closeness\n",
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n",
        "BEGIN:VCARD\nFN:",
    ]
)
ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "latin-1", "cp1252", "utf-16", "utf-16-le"])


@pytest.mark.parametrize("reader", READERS.values(), ids=READERS.keys())
@FUZZ
@given(header=HEADERS, body=CSVISH, encoding=ENCODINGS)
def test_csv_like_text_in_any_encoding(reader, header, body, encoding):
    text = header + body
    result = call(reader, text.encode(encoding, errors="replace"))
    if isinstance(result, InputError) and isinstance(result.row, int):
        assert result.row <= text.replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1


VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(TYPED, max_size=12),
    st.sampled_from(["ann", "bob", " cat ", "2021-03-15", "15 Mar 2021", "03/04/2021", "0,5"]),
)


@FUZZ
@given(
    rows=st.lists(
        st.fixed_dictionaries(
            {c: VALUES for c in ("source", "target", "since", "closeness", "date", "id")}
        ),
        max_size=6,
    )
)
def test_validators_on_frames_of_mixed_values(rows):
    frame = pd.DataFrame(rows, columns=["source", "target", "since", "closeness", "date", "id"])
    for validate in (
        validate_people,
        lambda f: validate_ties(f.drop(columns="date"), people=PEOPLE),
        lambda f: validate_interactions(f.drop(columns=["since", "closeness"])),
    ):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", NetgraphWarning)
            try:
                validate(frame)
            except InputError as err:
                assert err.file and err.fix
                if err.row is not None:
                    assert err.row in frame.index


# --- valid files lose nothing ---------------------------------------------------------------


@st.composite
def people_files(draw):
    ids = draw(
        st.lists(
            st.text(TYPED, min_size=1, max_size=10).filter(lambda s: s.strip()),
            min_size=1,
            max_size=12,
            unique_by=lambda s: s.strip(),
        )
    )
    rows = [["id", "name", "note", "formula"]]
    rows += [[i, draw(CELL), draw(NOTE), draw(FORMULAS)] for i in ids]
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    quoting = draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]))
    terminator = draw(st.sampled_from(["\n", "\r\n"]))
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
    text = write(rows, delimiter=delimiter, quoting=quoting, terminator=terminator)
    return rows, text.encode(encoding)


@FUZZ
@given(file=people_files())
def test_valid_people_files_lose_no_row_and_no_value(file):
    rows, data = file
    with warnings.catch_warnings():
        warnings.simplefilter("error", NetgraphWarning)  # nothing may be skipped
        frame = read_table(io.BytesIO(data))
        people = read_people(io.BytesIO(data))
    assert frame.index.tolist() == start_lines(rows)
    assert len(people) == len(rows) - 1
    assert people.index.tolist() == [r[0].strip() for r in rows[1:]]
    for column, position in (("name", 1), ("note", 2), ("formula", 3)):
        expected = [expected_cell(r[position]) for r in rows[1:]]
        got = people[column].tolist()
        assert [e if isinstance(e, str) else None for e in expected] == [
            g if isinstance(g, str) else None for g in got
        ]


LATIN = st.characters(min_codepoint=0x20, max_codepoint=0xFF, blacklist_categories=("Cc",))


@FUZZ
@given(names=st.lists(st.text(LATIN, min_size=1, max_size=12), min_size=1, max_size=8))
def test_latin_1_files_lose_nothing(names):
    rows = [["id", "name"]] + [[f"p{i}", name] for i, name in enumerate(names)]
    data = write(rows).encode("latin-1")
    # Latin-1 bytes that also spell valid UTF-8 (such as "Â\xa0", bytes C2 A0) are read as
    # UTF-8: the byte sequence is UTF-8 text too, and real Latin-1 files almost never hit this.
    assume(data.isascii() or not valid_utf8(data))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", NetgraphWarning)  # "read as Windows-1252"
        people = read_people(io.BytesIO(data))
    assert people["name"].fillna("").tolist() == [n.strip() for n in names]


@FUZZ
@given(file=people_files(), data=st.data())
def test_a_ragged_row_is_an_input_error_at_its_line(file, data):
    rows, _ = file
    bad = data.draw(st.integers(min_value=1, max_value=len(rows) - 1))
    rows = [list(r) for r in rows]
    rows[bad].append("extra")
    with pytest.raises(InputError) as caught:
        read_people(io.StringIO(write(rows)), name="people.csv")
    assert caught.value.file == "people.csv"
    assert caught.value.row == start_lines(rows)[bad - 1]


DAYS = st.integers(min_value=0, max_value=30_000).map(lambda d: date(1950, 1, 1) + timedelta(d))
DATE_STYLES = st.sampled_from(["%Y-%m-%d", "%Y/%m/%d", "%d %b %Y", "%d %B %Y", "%b %d, %Y"])


@st.composite
def interaction_files(draw):
    ids = ["ann", "bob", "cat", "dan"]
    n = draw(st.integers(min_value=1, max_value=15))
    rows, expected = [["source", "target", "date", "kind"]], []
    for _ in range(n):
        source, target = draw(st.permutations(ids))[:2]
        day = draw(DAYS)
        rows.append([source, target, day.strftime(draw(DATE_STYLES)), draw(CELL)])
        expected.append((source, target, pd.Timestamp(day)))
    return rows, expected


@FUZZ
@given(file=interaction_files())
def test_valid_interactions_lose_nothing(file):
    rows, expected = file
    log = read_interactions(io.StringIO(write(rows)), people=PEOPLE)
    assert len(log) == len(expected)
    order = sorted(range(len(expected)), key=lambda i: expected[i][2])  # stable
    assert list(zip(log["source"], log["target"], log["date"], strict=True)) == [
        expected[i] for i in order
    ]
    assert log.index.tolist() == [start_lines(rows)[i] for i in order]


@FUZZ
@given(
    closeness=st.lists(st.floats(min_value=0, max_value=1), min_size=1, max_size=6),
    comma=st.booleans(),
    bad=st.sampled_from([None, "1.01", "-0.5", "x", "1e9", "nan"]),
    data=st.data(),
)
def test_closeness_round_trips_and_bad_values_are_located(closeness, comma, bad, data):
    pairs = [("ann", "bob"), ("ann", "cat"), ("ann", "dan"), ("bob", "cat"), ("bob", "dan")]
    pairs += [("cat", "dan")]
    cells = [repr(c).replace(".", ",") if comma else repr(c) for c in closeness]
    position = data.draw(st.integers(0, len(cells) - 1))
    if bad is not None:
        cells[position] = bad
    rows = [["source", "target", "closeness"]] + [[*pairs[i], c] for i, c in enumerate(cells)]
    text = write(rows, delimiter=";" if comma else ",")
    if bad is None:
        ties = read_ties(io.StringIO(text), people=PEOPLE)
        assert ties["closeness"].tolist() == closeness
    else:
        with pytest.raises(InputError) as caught:
            read_ties(io.StringIO(text), people=PEOPLE, name="ties.csv")
        assert (caught.value.row, caught.value.column) == (position + 2, "closeness")


@FUZZ
@given(
    names=st.lists(st.tuples(CELL, CELL), min_size=1, max_size=10),
    days=st.lists(DAYS, min_size=10, max_size=10),
    preamble=st.booleans(),
)
def test_valid_linkedin_exports_lose_no_connection(names, days, preamble):
    header = ["First Name", "Last Name", "URL", "Email Address", "Company", "Position"]
    rows = [[*header, "Connected On"]]
    for i, (first, last) in enumerate(names):
        url = f"https://www.linkedin.com/in/p-{i}"
        rows.append([first, last, url, "", "Acme, Inc.", "", days[i].strftime("%d %b %Y")])
    notes = 'Notes:\n"When exporting, some e-mail addresses are missing."\n\n' if preamble else ""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", NetgraphWarning)
        people, ties = read_linkedin_connections(io.StringIO(notes + write(rows)))
    named = [i for i, (f, la) in enumerate(names) if f.strip() or la.strip()]
    assert people.index.tolist() == ["me"] + [f"p-{i}" for i in named]
    assert ties["since"].tolist() == [pd.Timestamp(days[i]) for i in named]
    for column, position in (("first_name", 0), ("last_name", 1)):
        expected = [expected_cell(names[i][position]) for i in named]
        got = people[column].iloc[1:].tolist()
        assert [e if isinstance(e, str) else None for e in expected] == [
            g if isinstance(g, str) else None for g in got
        ]


def vcard_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;").replace("\n", "\\n")


@FUZZ
@given(
    names=st.lists(NOTE, min_size=1, max_size=8),
    fold=st.integers(min_value=1, max_value=20),
    crlf=st.booleans(),
)
def test_valid_vcards_lose_no_contact(names, fold, crlf):
    lines = []
    for i, name in enumerate(names):
        fn = "FN:" + vcard_escape(name)
        folded = "\n ".join(fn[j : j + fold] for j in range(0, len(fn), fold))
        org = "ORG:" + vcard_escape(name) + ";Department"
        lines += ["BEGIN:VCARD", "VERSION:4.0", folded, org, f"EMAIL:P{i}@Example.org", "END:VCARD"]
    book = "\n".join(lines) + "\n"
    if crlf:
        book = book.replace("\n", "\r\n")
    people = read_vcard_people(io.BytesIO(book.encode("utf-8")))
    assert people.index.tolist() == [f"p{i}@example.org" for i in range(len(names))]
    expected = [n.strip() or None for n in names]
    assert [v if isinstance(v, str) else None for v in people["name"]] == expected
    assert [v if isinstance(v, str) else None for v in people["company"]] == expected


# --- huge fields ----------------------------------------------------------------------------


def test_a_one_megabyte_cell_and_the_lines_after_it():
    huge = "x" * 1_000_000 + ", with a comma\nand a new line"
    rows = [["id", "note"], ["ann", huge], ["bob", "short"], ["cat", "also short", "extra"]]
    with pytest.raises(InputError) as caught:
        read_people(io.StringIO(write(rows)))
    assert caught.value.row == 5  # the line after the two lines of the huge cell, and "bob"
    people = read_people(io.StringIO(write(rows[:3])))
    assert people.loc["ann", "note"] == huge
    assert people.loc["bob", "note"] == "short"
