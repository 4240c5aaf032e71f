"""Tests for netgraph.io.linkedin against hand-written exports of both LinkedIn generations."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd
import pytest

from netgraph.errors import InputError, NetgraphWarning
from netgraph.io import read_linkedin_connections, validate_people, validate_ties

DATA = Path(__file__).parent / "data"
NEW = DATA / "linkedin_Connections.csv"
OLD = DATA / "linkedin_Connections_old.csv"


def read_new(**kwargs):
    with pytest.warns(NetgraphWarning, match=r"skipped 1 row without a name \(line 14\)"):
        return read_linkedin_connections(NEW, **kwargs)


def reference_rows(path: Path, header_line: int) -> list[dict[str, str]]:
    """The named rows as Python's csv module reads them (an independent parser)."""
    with open(path, encoding="utf-8", newline="") as handle:
        lines = handle.read().splitlines()[header_line - 1 :]
    rows = list(csv.DictReader(lines))
    return [r for r in rows if r["First Name"] or r["Last Name"]]


def test_new_export_people_match_an_independent_parse():
    people, _ = read_new()
    expected = reference_rows(NEW, header_line=4)
    assert len(people) == len(expected) + 1  # + the ego
    connections = people.iloc[1:]
    assert connections["first_name"].tolist() == [r["First Name"] for r in expected]
    assert connections["last_name"].tolist() == [r["Last Name"] for r in expected]
    assert connections["company"].fillna("").tolist() == [r["Company"] for r in expected]
    assert connections["role"].fillna("").tolist() == [r["Position"] for r in expected]
    assert connections["url"].tolist() == [r["URL"] for r in expected]


def test_new_export_values():
    people, _ = read_new()
    assert list(people.columns) == [
        "name",
        "first_name",
        "last_name",
        "url",
        "email",
        "company",
        "role",
        "connected_on",
    ]
    assert people.index.name == "id"
    jane = people.loc["jane-doe-1a2b3c"]
    assert jane["name"] == "Jane Doe"
    assert jane["company"] == "Acme, Inc."  # a quoted comma
    assert pd.isna(jane["email"])  # most e-mails are empty
    assert jane["connected_on"] == pd.Timestamp("2021-03-15")
    assert people.loc["priyaraman", "role"] == "Director, Partnerships"
    assert people.loc["priyaraman", "email"] == "priya.raman@example.com"
    assert people.loc["sam-oneill-1", "role"] == 'Head of "Special" Projects'
    # slugs: percent-decoded, lower-cased, country sub-domains and trailing slashes
    assert people.loc["josé-núñez-4b5c6d", "name"] == "José Núñez"
    assert people.loc["oliversmith", "company"] == "Smith & Sons, Ltd."
    assert people.loc["xiaoming-wang-88", "name"] == "小明 王"
    assert people.loc["mohammed-alali", "company"] == "شركة المستقبل"
    assert people.loc["kwamemensah", "role"] == "Founder & CEO 🚀"
    assert people["email"].notna().sum() == 2
    assert people["connected_on"].dtype == "datetime64[ns]"
    assert people.index.is_unique


def test_new_export_ego_and_ties():
    people, ties = read_new(me="ego")
    assert people.index[0] == "ego"
    assert people.loc["ego"].isna().all()
    assert list(ties.columns) == ["source", "target", "kind", "since"]
    assert (ties["source"] == "ego").all() and (ties["kind"] == "linkedin").all()
    assert ties["target"].tolist() == people.index[1:].tolist()
    assert ties.index.name == "line"
    assert ties.index.tolist() == [5, 6, 7, 8, 9, 10, 11, 12, 13, 15, 16, 17]  # line 14: hidden
    assert ties.set_index("target")["since"].to_dict() == people["connected_on"].iloc[1:].to_dict()


def test_the_tables_pass_validation():
    people, ties = read_new()
    checked = validate_people(people.reset_index())
    pd.testing.assert_frame_equal(checked, people, check_like=False)
    checked_ties = validate_ties(ties, people=people)
    pd.testing.assert_frame_equal(checked_ties, ties)


def test_old_export_without_url_uses_unique_name_slugs():
    people, ties = read_linkedin_connections(OLD)
    assert people.index.tolist() == [
        "me",
        "john-smith",
        "renee-muller",
        "john-smith-2",
        "aiko-tanaka",
        "bob",
        "ngozi-okafor",
    ]
    assert people["url"].isna().all()
    assert people.loc["renee-muller", "company"] == "Müller, Schmidt & Partner"
    assert people.loc["bob", "name"] == "Bob"  # a first name alone is a name
    assert people.loc["john-smith-2", "company"] == "Initech"
    assert ties.index.tolist() == [2, 3, 4, 5, 6, 7]
    assert ties.loc[7, "since"] == pd.Timestamp("2012-09-09")


def test_a_copy_resaved_with_semicolons_and_a_bom_reads_the_same():
    with open(NEW, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(rows)
    data = ("\ufeff" + out.getvalue()).encode("utf-8")
    with pytest.warns(NetgraphWarning, match="without a name"):
        people, ties = read_linkedin_connections(io.BytesIO(data))
    expected_people, expected_ties = read_new()
    pd.testing.assert_frame_equal(people, expected_people, check_dtype=False)
    assert ties["target"].tolist() == expected_ties["target"].tolist()


def test_name_slug_ids_never_collide_with_url_ids():
    data = (
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Ann,Lee,https://www.linkedin.com/in/ann-lee,,,,01 Jan 2020\n"
        "Ann,Lee,,,,,02 Jan 2020\n"
        "Ann,Lee,,,,,03 Jan 2020\n"
    )
    people, _ = read_linkedin_connections(io.StringIO(data))
    assert people.index.tolist() == ["me", "ann-lee", "ann-lee-2", "ann-lee-3"]


def test_a_profile_listed_twice_keeps_the_first_row():
    data = (
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Ann,Lee,https://www.linkedin.com/in/ann-lee,,Old Co,,01 Jan 2020\n"
        "Ann,Lee,https://de.linkedin.com/in/Ann-Lee/,,New Co,,01 Jan 2020\n"
    )
    with pytest.warns(NetgraphWarning, match=r"1 profile listed twice \(line 3\)"):
        people, ties = read_linkedin_connections(io.StringIO(data))
    assert people.loc["ann-lee", "company"] == "Old Co"
    assert len(ties) == 1


def test_not_a_linkedin_export():
    with pytest.raises(InputError) as caught:
        read_linkedin_connections(io.StringIO("id,name\nann,Ann\n"))
    assert caught.value.file == "Connections.csv"
    assert "First Name" in str(caught.value)
    assert "Get a copy of your data" in caught.value.fix


def test_bad_connected_on_date_names_the_line():
    data = (
        'Notes:\n"A note."\n\n'
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Ann,Lee,https://www.linkedin.com/in/ann-lee,,,,01 Jan 2020\n"
        "Bob,Ray,https://www.linkedin.com/in/bob-ray,,,,03/04/2020\n"
    )
    with pytest.raises(InputError, match="ambiguous") as caught:
        read_linkedin_connections(io.StringIO(data))
    assert caught.value.row == 6
    assert caught.value.column == "Connected On"
    assert "YYYY-MM-DD" in caught.value.fix


def test_ego_id_taken_by_a_connection():
    data = (
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Me,Too,https://www.linkedin.com/in/me,,,,01 Jan 2020\n"
    )
    with pytest.raises(InputError) as caught:
        read_linkedin_connections(io.StringIO(data))
    assert (caught.value.row, caught.value.column) == (2, "URL")
    assert "me=" in caught.value.fix


def test_columns_a_later_export_adds_are_kept():
    data = (
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On,Location\n"
        "Ann,Lee,https://www.linkedin.com/in/ann-lee,,,,01 Jan 2020, Lyon \n"
    )
    people, _ = read_linkedin_connections(io.StringIO(data))
    assert people.loc["ann-lee", "location"] == "Lyon"


def test_header_only_export_is_just_the_ego():
    people, ties = read_linkedin_connections(
        io.StringIO("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n")
    )
    assert people.index.tolist() == ["me"]
    assert ties.empty and list(ties.columns) == ["source", "target", "kind", "since"]
