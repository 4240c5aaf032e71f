"""Tests for netgraph.io.tables: reading CSV files and validating people, ties and interactions."""

from __future__ import annotations

import inspect
import io
import warnings

import numpy as np
import pandas as pd
import pytest

import netgraph.io
from netgraph.errors import InputError, NetgraphWarning
from netgraph.io import (
    read_interactions,
    read_people,
    read_table,
    read_ties,
    validate_interactions,
    validate_people,
    validate_ties,
)


def text(content: str) -> io.StringIO:
    return io.StringIO(content)


def raw(content: bytes) -> io.BytesIO:
    return io.BytesIO(content)


def no_warnings():
    catcher = warnings.catch_warnings()
    catcher.__enter__()
    warnings.simplefilter("error", NetgraphWarning)
    return catcher


def assert_error(err: InputError, *, file, row, column, fix_words: str) -> None:
    assert err.file == file
    assert err.row == row
    assert err.column == column
    assert err.fix and fix_words in err.fix
    assert fix_words in str(err)  # the message carries the fix


# --- the public surface ---------------------------------------------------------------------


def test_public_names_are_exported_and_sorted():
    assert netgraph.io.__all__ == sorted(netgraph.io.__all__)
    public = {
        name
        for name, value in vars(netgraph.io).items()
        if not name.startswith("_") and not inspect.ismodule(value)
    }
    assert set(netgraph.io.__all__) == public


# --- read_table -----------------------------------------------------------------------------


def test_excel_bom_semicolons_and_crlf():
    data = "\ufeffID;Full Name;E-mail\r\nann;Ann Lee;ann@example.org\r\nbob;Bob Ray;\r\n"
    frame = read_table(raw(data.encode("utf-8")), name="people.csv")
    assert list(frame.columns) == ["id", "full_name", "e-mail"]
    assert frame.index.name == "line"
    assert frame.index.tolist() == [2, 3]
    assert frame.loc[2, "full_name"] == "Ann Lee"
    assert pd.isna(frame.loc[3, "e-mail"])  # empty cells are missing, not ""
    assert frame.attrs["file"] == "people.csv"


def test_tab_separated_utf16_from_excel_unicode_text():
    data = "id\tname\nzoe\tZoë Łukasiewicz\n"
    frame = read_table(raw(data.encode("utf-16")))  # Excel's "Unicode Text": UTF-16 with a BOM
    assert frame["name"].tolist() == ["Zoë Łukasiewicz"]


def test_header_aliases_and_spaces():
    frame = read_table(text(" From , TO ,Person ID,Connected   On\na,b,c,d\n"))
    assert list(frame.columns) == ["source", "target", "id", "connected_on"]


def test_commas_win_a_tie_and_quoted_separators_do_not_count():
    frame = read_table(text('id,"note; with; semicolons"\nann,x\n'))
    assert list(frame.columns) == ["id", "note;_with;_semicolons"]


def test_blank_lines_are_skipped_counted_and_line_numbers_kept():
    data = "id,name\nann,Ann\n\n   \nbob,Bob\n,\ncat,Cat\n"
    with pytest.warns(NetgraphWarning, match=r"skipped 3 blank lines \(lines 3, 4 and 6\)"):
        frame = read_table(text(data), name="people.csv")
    assert frame.index.tolist() == [2, 5, 7]
    assert frame["id"].tolist() == ["ann", "bob", "cat"]


def test_trailing_and_leading_blank_lines_are_not_rows():
    catcher = no_warnings()
    try:
        frame = read_table(text("\n\nid,name\nann,Ann\n\n\n"))
    finally:
        catcher.__exit__(None, None, None)
    assert frame.index.tolist() == [4]  # the header is on line 3


def test_line_numbers_count_the_lines_of_multi_line_cells():
    data = (
        "source,target,note,since\n"
        'a,b,"two\nlines",2021-01-01\n'
        'b,c,"three\n\nlines",2021-01-02\n'
        "c,d,x,soon\n"
    )
    frame = read_table(text(data))
    assert frame.index.tolist() == [2, 4, 7]
    with pytest.raises(InputError) as caught:
        validate_ties(frame, file="ties.csv")
    assert caught.value.row == 7 and caught.value.column == "since"


def test_empty_file_names_the_file():
    with pytest.raises(InputError) as caught:
        read_table(text(""), name="people.csv")
    assert_error(caught.value, file="people.csv", row=None, column=None, fix_words="header row")
    assert "empty" in str(caught.value)


def test_header_only_raises_unless_empty_is_allowed(tmp_path):
    path = tmp_path / "ties.csv"
    path.write_text("source,target\n\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_ties(path)
    assert caught.value.file == str(path)
    assert "no rows" in str(caught.value) and caught.value.fix
    frame = read_table(path, allow_empty=True)
    assert frame.empty and list(frame.columns) == ["source", "target"]


def test_ragged_row_names_its_line():
    data = 'id,name\nann,"Ann\nLee"\nbob,Bob,extra\n'
    with pytest.raises(InputError) as caught:
        read_table(text(data), name="people.csv")
    assert_error(caught.value, file="people.csv", row=4, column=None, fix_words="double quotes")
    assert "3 fields but the header has 2" in str(caught.value)


def test_unclosed_quote_names_the_line_it_opens_on():
    with pytest.raises(InputError) as caught:
        read_table(text('id,name\nann,Ann\nbob,"Bob\ncat,Cat\n'))
    assert caught.value.row == 3
    assert "never closed" in str(caught.value)


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"PK\x03\x04\x14\x00\x06\x00", "Excel workbook"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Excel"),
        (b"id,name\nann,A\x00nn\n", "binary"),
        (bytes(range(256)) * 8, "binary"),
    ],
)
def test_binary_files_are_refused(data, what):
    with pytest.raises(InputError, match=what) as caught:
        read_people(raw(data))
    assert "CSV UTF-8" in caught.value.fix


def test_windows_1252_is_read_with_a_warning():
    data = "id,name,budget\nzoe,Zoë,€12\n".encode("cp1252")
    with pytest.warns(
        NetgraphWarning, match=r"not UTF-8 \(line 2 has the byte 0xEB\).*Windows-1252"
    ):
        people = read_people(raw(data))
    assert people.loc["zoe", "name"] == "Zoë"
    assert people.loc["zoe", "budget"] == "€12"


def test_utf8_is_not_second_guessed():
    catcher = no_warnings()
    try:
        people = read_people(raw("id,name\nzoe,Zoë\n".encode()))
    finally:
        catcher.__exit__(None, None, None)
    assert people.loc["zoe", "name"] == "Zoë"


def test_text_mode_file_with_the_wrong_encoding(tmp_path):
    path = tmp_path / "people.csv"
    path.write_bytes("id,name\nzoe,Zoë\n".encode("latin-1"))
    with open(path, encoding="utf-8") as handle, pytest.raises(InputError) as caught:
        read_people(handle)
    assert caught.value.file == str(path)
    assert "binary mode" in caught.value.fix


def test_csv_text_passed_as_a_path():
    with pytest.raises(InputError, match="not a path") as caught:
        read_people("id,name\nann,Ann\n")
    assert "StringIO" in caught.value.fix


def test_two_columns_with_one_name():
    with pytest.raises(InputError) as caught:
        read_table(text("from,source,target\na,b,c\n"), name="ties.csv")
    assert_error(caught.value, file="ties.csv", row=1, column="source", fix_words="Rename")
    assert "'from' and 'source' both mean 'source'" in str(caught.value)


def test_empty_unnamed_trailing_columns_are_dropped_but_filled_ones_kept():
    assert list(read_table(text("id,name,\nann,Ann,\n")).columns) == ["id", "name"]
    frame = read_table(text("id,name,\nann,Ann,x\n"))
    assert frame["unnamed_3"].tolist() == ["x"]


def test_paths_strings_and_open_files_read_the_same(tmp_path):
    path = tmp_path / "people.csv"
    path.write_bytes(b"id,name\nann,Ann\n")
    frames = [read_table(path), read_table(str(path))]
    with open(path, "rb") as handle:
        frames.append(read_table(handle))
    with open(path, encoding="utf-8") as handle:
        frames.append(read_table(handle))
    for frame in frames:
        pd.testing.assert_frame_equal(frame, frames[0])
        assert frame.attrs["file"] == str(path)


# --- validate_people -----------------------------------------------------------------------


def test_missing_id_column_lists_the_columns_found_and_the_fix():
    with pytest.raises(InputError) as caught:
        read_people(text("name,email\nAnn,ann@example.org\n"), name="people.csv")
    assert_error(caught.value, file="people.csv", row=None, column="id", fix_words="Add an 'id'")
    assert "columns found: 'name', 'email'" in str(caught.value)


def test_empty_id_names_the_line():
    with pytest.raises(InputError) as caught:
        read_people(text("id,name\nann,Ann\n  ,Bob\n"), name="people.csv")
    assert_error(caught.value, file="people.csv", row=3, column="id", fix_words="delete the row")


def test_exact_duplicates_are_dropped_and_counted():
    data = "id,name\nann,Ann\nbob,Bob\nann,Ann\n ann , Ann \nbob,Bob\n"
    with pytest.warns(NetgraphWarning, match=r"dropped 3 rows .*lines 4, 5 and 6"):
        people = read_people(text(data))
    assert people.index.tolist() == ["ann", "bob"]


def test_conflicting_duplicates_name_both_lines_and_the_column():
    data = "id,name,email\nann,Ann,a@example.org\nbob,Bob,\nann,Ann,b@example.org\n"
    with pytest.raises(InputError) as caught:
        read_people(text(data), name="people.csv")
    assert_error(caught.value, file="people.csv", row=4, column="email", fix_words="one row per")
    assert "line 2 and again on line 4" in str(caught.value)
    assert "'a@example.org' vs 'b@example.org'" in str(caught.value)


def test_people_cells_are_stripped_tags_cleaned_and_extra_columns_kept():
    data = "id,name,tags,shoe size\n ann , Ann Lee ,chess ; climbing;;,38\nbob,Bob,,\n"
    people = read_people(text(data))
    assert people.index.name == "id"
    assert people.index.tolist() == ["ann", "bob"]
    assert people.loc["ann", "name"] == "Ann Lee"
    assert people.loc["ann", "tags"] == "chess;climbing"
    assert pd.isna(people.loc["bob", "tags"])
    assert people.loc["ann", "shoe_size"] == "38"


def test_formula_cells_are_kept_verbatim():
    data = 'id,name,site\nann,"=HYPERLINK(""https://evil.example"",""x"")",+1\nbob,@SUM(A1),-2\n'
    people = read_people(text(data))
    assert people.loc["ann", "name"] == '=HYPERLINK("https://evil.example","x")'
    assert people.loc["ann", "site"] == "+1"
    assert people.loc["bob", "name"] == "@SUM(A1)"
    assert people.loc["bob", "site"] == "-2"


def test_validate_people_of_a_frame_names_row_labels():
    frame = pd.DataFrame({"id": [1, 2, 1], "name": ["a", "b", "c"]}, index=["x", "y", "z"])
    with pytest.raises(InputError) as caught:
        validate_people(frame)
    assert caught.value.file == "people" and caught.value.row == "z"
    assert "row x and again on row z" in str(caught.value)


def test_an_id_index_is_used_unless_there_is_an_id_column():
    indexed = pd.DataFrame({"name": ["Ann"]}, index=pd.Index(["ann"], name="ID"))
    assert validate_people(indexed).index.tolist() == ["ann"]
    both = pd.DataFrame({"id": ["ann"]}, index=pd.Index(["x"], name="id"))
    assert validate_people(both).index.tolist() == ["ann"]


def test_validate_people_leaves_non_text_columns_alone():
    frame = pd.DataFrame({"id": ["a", "b"], "mixed": [3, " x "], "lists": [[1], [2]]})
    people = validate_people(frame)
    assert people["mixed"].tolist() == [3, " x "]
    assert people["lists"].tolist() == [[1], [2]]


def test_validate_people_numeric_ids_become_text_and_is_idempotent():
    frame = pd.DataFrame({"id": [10, 20], "age": [31.0, np.nan]})
    people = validate_people(frame)
    assert people.index.tolist() == ["10", "20"]
    assert people["age"].dtype == np.float64
    pd.testing.assert_frame_equal(validate_people(people), people)


# --- validate_ties -------------------------------------------------------------------------

PEOPLE = "id,name\nann,Ann\nbob,Bob\ncat,Cat\n"


def people_frame():
    return read_people(text(PEOPLE), name="people.csv")


def test_ties_columns_and_types():
    data = "From,To,Kind,Since,Closeness\nann,bob,Colleague,2021-03-15,0.5\nann,cat,,,\n"
    ties = read_ties(text(data), people=people_frame())
    assert ties[["source", "target"]].values.tolist() == [["ann", "bob"], ["ann", "cat"]]
    assert ties["kind"].tolist()[0] == "colleague"
    assert ties["since"].dtype == "datetime64[ns]"
    assert ties["closeness"].dtype == np.float64
    assert ties["since"].iloc[0] == pd.Timestamp("2021-03-15")
    assert pd.isna(ties["since"].iloc[1]) and pd.isna(ties["closeness"].iloc[1])


def test_missing_source_column():
    with pytest.raises(InputError) as caught:
        read_ties(text("person,target\nann,bob\n"), name="ties.csv")
    assert_error(caught.value, file="ties.csv", row=None, column="source", fix_words="'from'")
    assert "columns found: 'id', 'target'" in str(caught.value)


@pytest.mark.parametrize("column", ["source", "target"])
def test_unknown_person_in_a_tie(column):
    rows = {"source": "ann,bob\nzed,cat\n", "target": "ann,bob\ncat,zed\n"}[column]
    with pytest.raises(InputError) as caught:
        read_ties(text("source,target\n" + rows), people=people_frame(), name="ties.csv")
    assert_error(
        caught.value,
        file="ties.csv",
        row=3,
        column=column,
        fix_words="Add a row for 'zed' to people.csv, or remove this tie",
    )


def test_people_may_be_a_collection_of_ids():
    with pytest.raises(InputError, match="'bob' is not in the people table"):
        read_ties(text("source,target\nann,bob\n"), people={"ann", "cat"})


def test_self_tie():
    with pytest.raises(InputError) as caught, pytest.warns(NetgraphWarning, match="blank line"):
        read_ties(text("source,target\nann,bob\n\nbob , bob\n"), name="ties.csv")
    assert_error(caught.value, file="ties.csv", row=4, column="target", fix_words="Remove this row")
    assert "'bob' has a tie with themselves" in str(caught.value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-03-15", "2021-03-15"),
        ("2021-03-15 14:30", "2021-03-15 14:30"),
        ("2021-03-15T14:30:00+02:00", "2021-03-15 12:30"),
        ("2021/03/15", "2021-03-15"),
        ("15 Mar 2021", "2021-03-15"),
        ("15 march 2021", "2021-03-15"),
        ("15-Mar-2021", "2021-03-15"),
        ("Mar 15, 2021", "2021-03-15"),
        ("March 5 2021", "2021-03-05"),
    ],
)
def test_accepted_date_formats(value, expected):
    ties = validate_ties(pd.DataFrame({"source": ["a"], "target": ["b"], "since": [value]}))
    assert ties["since"].iloc[0] == pd.Timestamp(expected)


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("03/04/2021", "ambiguous"),
        ("15/03/2021", "ambiguous"),
        ("3.4.21", "ambiguous"),
        ("2021-02-30", "not a date"),
        ("yesterday", "not a date"),
        ("9999-12-31", "outside the dates"),
    ],
)
def test_bad_dates_name_row_and_column(value, problem):
    data = f"source,target,since\nann,bob,2020-01-01\nann,cat,{value}\n"
    with pytest.raises(InputError, match=problem) as caught:
        read_ties(text(data), name="ties.csv")
    fix = "YYYY-MM-DD" if problem != "outside the dates" else "year"
    assert_error(caught.value, file="ties.csv", row=3, column="since", fix_words=fix)


@pytest.mark.parametrize(
    ("value", "problem", "fix"),
    [
        ("-0.1", "outside 0 to 1", "number from 0 to 1"),
        ("1.5", "outside 0 to 1", "number from 0 to 1"),
        ("80", "outside 0 to 1", "divide by 100"),
        ("high", "not a number", "number from 0 to 1"),
        ("50%", "not a number", "number from 0 to 1"),
        ("inf", "outside 0 to 1", "number from 0 to 1"),
    ],
)
def test_bad_closeness_names_row_and_column(value, problem, fix):
    data = f"source,target,closeness\nann,bob,0.2\nann,cat,{value}\n"
    with pytest.raises(InputError, match=problem) as caught:
        read_ties(text(data), name="ties.csv")
    assert_error(caught.value, file="ties.csv", row=3, column="closeness", fix_words=fix)


def test_closeness_with_a_decimal_comma():
    ties = read_ties(text("source;target;closeness\nann;bob;0,75\nann;cat;1\nbob;cat;,5\n"))
    assert ties["closeness"].tolist() == [0.75, 1.0, 0.5]


def test_repeated_ties_are_merged_and_counted():
    data = (
        "source,target,kind,since,closeness,note\n"
        "ann,bob,colleague,2020-05-01,0.4,\n"
        "ann,cat,friend,,,\n"
        "bob,ann,friend,2018-01-01,0.9,met in Lyon\n"
        "ann,bob,colleague,2019-01-01,,\n"
    )
    with pytest.warns(
        NetgraphWarning, match=r"merged 2 repeated ties .*line 4, which repeats line 2"
    ):
        ties = read_ties(text(data))
    assert ties.index.tolist() == [2, 3]  # the first row of each pair, in file order
    first = ties.loc[2]
    assert (first["source"], first["target"]) == ("ann", "bob")
    assert first["closeness"] == 0.9
    assert first["since"] == pd.Timestamp("2018-01-01")
    assert first["kind"] == "colleague;friend"
    assert first["note"] == "met in Lyon"
    assert ties.loc[3, "kind"] == "friend"


def test_directed_ties_keep_both_directions():
    frame = pd.DataFrame(
        {"source": ["a", "b", "a"], "target": ["b", "a", "b"], "closeness": [0.5, 0.2, 0.7]}
    )
    with pytest.warns(NetgraphWarning, match=r"merged 1 repeated tie .*row 2, which repeats row 0"):
        ties = validate_ties(frame, directed=True)
    assert ties[["source", "target"]].values.tolist() == [["a", "b"], ["b", "a"]]
    assert ties["closeness"].tolist() == [0.7, 0.2]


def test_validate_ties_of_a_frame_uses_row_labels_and_is_idempotent():
    frame = pd.DataFrame({"source": ["a", "b"], "target": ["b", "b"]})
    with pytest.raises(InputError) as caught:
        validate_ties(frame)
    assert (caught.value.file, caught.value.row, caught.value.column) == ("ties", 1, "target")
    ties = validate_ties(
        pd.DataFrame({"source": ["a"], "target": ["b"], "since": ["2021-01-01"], "closeness": [1]})
    )
    pd.testing.assert_frame_equal(validate_ties(ties), ties)


# --- validate_interactions -----------------------------------------------------------------


def test_interactions_are_typed_normalised_and_sorted_stably():
    data = (
        "source,target,date,channel,kind\n"
        "ann,bob,2021-03-16,Email,Intro Given\n"
        "bob,ann,2021-03-15,CALL,asked\n"
        "cat,ann,2021-03-16,meeting,Meeting\n"
        "ann,cat,15 Mar 2021,email,favour\n"
    )
    log = read_interactions(text(data), people=people_frame())
    assert log.index.tolist() == [3, 5, 2, 4]
    assert log["kind"].tolist() == ["ask", "give", "give", "meeting"]
    assert log["channel"].tolist() == ["call", "email", "email", "meeting"]
    assert log["date"].dtype == "datetime64[ns]"
    assert log["source"].dtype == "str"


def test_missing_date_column():
    with pytest.raises(InputError) as caught:
        read_interactions(text("source,target,when\na,b,2021-01-01\n"), name="log.csv")
    assert_error(caught.value, file="log.csv", row=None, column="date", fix_words="'date'")


def test_unknown_person_in_an_interaction():
    data = "source,target,date\nann,bob,2021-01-01\nann,zed,2021-01-02\n"
    with pytest.raises(InputError) as caught:
        read_interactions(text(data), people=people_frame(), name="log.csv")
    assert_error(
        caught.value,
        file="log.csv",
        row=3,
        column="target",
        fix_words="Add a row for 'zed' to people.csv, or remove this interaction",
    )


def test_bad_and_missing_dates_in_interactions():
    with pytest.raises(InputError, match="ambiguous") as caught:
        read_interactions(text("source,target,date\nann,bob,04/03/2021\n"), name="log.csv")
    assert_error(caught.value, file="log.csv", row=2, column="date", fix_words="YYYY-MM-DD")
    with pytest.raises(InputError, match="empty") as caught:
        read_interactions(text("source,target,date\nann,bob,2021-01-01\nbob,ann,\n"))
    assert (caught.value.row, caught.value.column) == (3, "date")


def test_self_interaction_raises_or_is_dropped_on_request():
    data = "source,target,date\nann,ann,2021-01-01\nann,bob,2021-01-02\n"
    with pytest.raises(InputError) as caught:
        read_interactions(text(data), name="log.csv")
    assert_error(caught.value, file="log.csv", row=2, column="target", fix_words="drop_self=True")
    with pytest.warns(NetgraphWarning, match=r"dropped 1 interaction of a person with themselves"):
        log = read_interactions(text(data), drop_self=True)
    assert log.index.tolist() == [3]


def test_unix_timestamps_match_collegemsg(snap_file):
    path = snap_file("CollegeMsg.txt")
    raw_log = pd.read_csv(path, sep=" ", names=["source", "target", "date"], nrows=2000)
    csv_text = raw_log.to_csv(index=False)
    log = read_interactions(text(csv_text))
    expected = pd.to_datetime(raw_log["date"], unit="s").sort_values(kind="stable")
    assert len(log) == len(raw_log)
    np.testing.assert_array_equal(log["date"].to_numpy(), expected.to_numpy())
    assert log["source"].iloc[0] == str(raw_log.loc[expected.index[0], "source"])
    integers = validate_interactions(raw_log)  # an int64 column is Unix time too
    np.testing.assert_array_equal(integers["date"].to_numpy(), expected.to_numpy())


def test_unix_milliseconds_and_compact_dates():
    log = read_interactions(text("source,target,date\na,b,1616000000000\n"))
    assert log["date"].iloc[0] == pd.Timestamp(1616000000, unit="s")
    log = read_interactions(text("source,target,date\na,b,20210315\nb,a,20201231\n"))
    assert log["date"].tolist() == [pd.Timestamp("2020-12-31"), pd.Timestamp("2021-03-15")]


def test_unix_time_too_large():
    with pytest.raises(InputError, match="too large") as caught:
        read_interactions(text("source,target,date\na,b,1\na,b,99999999999999999999999\n"))
    assert (caught.value.row, caught.value.column) == (3, "date")


def test_validate_interactions_is_idempotent_and_keeps_tz_free_dates():
    frame = pd.DataFrame(
        {
            "source": ["a", "b"],
            "target": ["b", "a"],
            "date": pd.to_datetime(["2021-03-15 10:00+01:00", "2021-03-15 08:00+00:00"], utc=True),
        }
    )
    log = validate_interactions(frame)
    assert log["date"].dt.tz is None
    assert log["date"].tolist() == [
        pd.Timestamp("2021-03-15 08:00"),
        pd.Timestamp("2021-03-15 09:00"),
    ]
    pd.testing.assert_frame_equal(validate_interactions(log), log)
