"""Tests for netgraph.io.vcard against hand-written Google-like (3.0) and Apple-like (4.0) books."""

from __future__ import annotations

import io
import warnings
from pathlib import Path

import pandas as pd
import pytest

from netgraph import read_vcard
from netgraph.errors import InputError, NetgraphWarning
from netgraph.io import read_vcard_people, validate_people

DATA = Path(__file__).parent / "data"
V3 = DATA / "contacts_v3.vcf"
V4 = DATA / "contacts_v4.vcf"


def read_v3():
    with pytest.warns(NetgraphWarning, match=r"skipped 1 card with neither .* \(line 65\)"):
        return read_vcard_people(V3)


def read_v4():
    with pytest.warns(NetgraphWarning, match=r"skipped 1 contact group \(line 51\)"):
        return read_vcard_people(V4)


def card(*lines: str) -> str:
    return "BEGIN:VCARD\nVERSION:3.0\n" + "\n".join(lines) + "\nEND:VCARD\n"


def test_google_export_ids_and_columns():
    people = read_v3()
    assert people.index.name == "id"
    assert people.index.tolist() == [
        "jane.doe@example.org",
        "jose-nunez",
        "priya.raman@example.com",  # lower-cased
        "chris-lee",
        "chris-lee-2",  # a namesake without e-mail
        "m.alali@mustaqbal.example",
        "kwame@ashanti.example",
        "renee@mueller-partner.example",  # TYPE=PREF beats the first address
    ]
    assert list(people.columns) == [
        "name",
        "first_name",
        "last_name",
        "email",
        "emails",
        "company",
        "role",
        "url",
        "tags",
        "note",
    ]
    assert all(people[c].dtype == "str" for c in people.columns)


def test_google_export_values():
    people = read_v3()
    jane = people.loc["jane.doe@example.org"]
    assert (jane["name"], jane["first_name"], jane["last_name"]) == ("Jane Doe", "Jane", "Doe")
    assert jane["company"] == "Acme, Inc."  # ORG's first component, "\," unescaped
    assert jane["role"] == "Chief Technology Officer"
    assert jane["emails"] == "jane.doe@example.org;jane@home.example"
    assert jane["url"] == "https://www.linkedin.com/in/jane-doe-1a2b3c"
    assert jane["tags"] == "myContacts;Work"
    assert jane["note"] == (  # a folded line joined, "\n" a new line
        "Met at PyCon 2019 in Cleveland, introduced by Priya. Likes climbing and long walks."
        "\nAsk about the robotics project."
    )
    assert people.loc["priya.raman@example.com", "role"] == "Director, Partnerships"
    assert people.loc["m.alali@mustaqbal.example", "name"] == "محمد العلي"
    assert people.loc["kwame@ashanti.example", "name"] == "Kwame Mensah 🚀"
    assert people.loc["kwame@ashanti.example", "tags"] == "myContacts;Ghana"  # after the photo


def test_quoted_printable_values():
    renee = read_v3().loc["renee@mueller-partner.example"]
    assert (renee["first_name"], renee["last_name"]) == ("Renée", "Müller")
    assert renee["note"] == "Anwältin für Arbeitsrecht, kennt die halbe Stadt."  # a soft break
    assert renee["emails"] == "renee@mueller-partner.example;r.mueller@example.de"


def test_apple_export_with_groups_and_vcard_4():
    people = read_v4()
    assert people.index.tolist() == [
        "ingrid.berg@equinor.example",
        "aiko.tanaka@example.jp",
        "am.dubois@pasteur.example",
        "王小明",
        "zoe@lukasiewicz.example",  # PREF=1 on the second address
    ]
    ingrid = people.loc["ingrid.berg@equinor.example"]
    assert ingrid["company"] == "Equinor"
    assert ingrid["url"] == "https://www.linkedin.com/in/ingrid-berg-no"  # "\:" unescaped
    assert ingrid["tags"] == "Climbing;Norway"
    assert ingrid["note"] == (
        "Met on the Lofoten trip. She knows everyone in the Stavanger climbing scene; "
        "ask her about the guide course."
    )
    dubois = people.loc["am.dubois@pasteur.example"]
    assert dubois["name"] == "Dr. Anne-Marie Claire Dubois"
    assert dubois["first_name"] == "Anne-Marie Claire"
    assert dubois["note"].endswith("collaboration sur les réseaux de contacts.")
    zoe = people.loc["zoe@lukasiewicz.example"]
    assert zoe["name"] == "Zoë Łukasiewicz" and pd.isna(zoe["first_name"])
    assert zoe["emails"] == "zoe.lukasiewicz@fabrikam.example;zoe@lukasiewicz.example"


def test_line_endings_do_not_matter():
    crlf = V4.read_bytes()
    assert b"\r\n" in crlf
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", NetgraphWarning)
        a = read_vcard_people(io.BytesIO(crlf))
        b = read_vcard_people(io.BytesIO(crlf.replace(b"\r\n", b"\n")))
        c = read_vcard_people(io.StringIO(crlf.decode("utf-8")))
    pd.testing.assert_frame_equal(a, b)
    pd.testing.assert_frame_equal(a, c)


def test_the_table_passes_validation():
    people = read_v3()
    pd.testing.assert_frame_equal(validate_people(people), people)


def test_vcard_2_1_bare_parameters_and_name_from_n():
    book = (
        "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Okafor;Ngozi;;;\r\n"
        "EMAIL;INTERNET;PREF:Ngozi@Okafor.example\r\nTITLE:Chair\r\nEND:VCARD\r\n"
    )
    people = read_vcard_people(io.StringIO(book))
    assert people.index.tolist() == ["ngozi@okafor.example"]
    assert people.loc["ngozi@okafor.example", "name"] == "Ngozi Okafor"


def test_cards_sharing_an_email_are_merged():
    book = card("FN:Ann Lee", "EMAIL:ann@example.org", "CATEGORIES:chess", "NOTE:first") + card(
        "FN:Ann B. Lee",
        "EMAIL:ANN@example.org",
        "EMAIL:ann@home.example",
        "ORG:Acme",
        "CATEGORIES:chess,climbing",
        "NOTE:second",
    )
    with pytest.warns(NetgraphWarning, match=r"merged 1 card .* \(line 8\)"):
        people = read_vcard_people(io.StringIO(book))
    ann = people.loc["ann@example.org"]
    assert len(people) == 1
    assert ann["name"] == "Ann Lee"  # the first card wins
    assert ann["company"] == "Acme"  # missing values filled in
    assert ann["tags"] == "chess;climbing"
    assert ann["emails"] == "ann@example.org;ann@home.example"
    assert ann["note"] == "first\nsecond"


def test_a_card_with_only_an_email_is_kept():
    people = read_vcard_people(io.StringIO(card("EMAIL:who@example.org")))
    assert people.index.tolist() == ["who@example.org"]
    assert pd.isna(people.loc["who@example.org", "name"])


@pytest.mark.parametrize(
    ("book", "row", "problem"),
    [
        ("BEGIN:VCARD\nVERSION:3.0\nFN:Ann\n", 1, "no END:VCARD"),
        (card("FN:Ann") + "BEGIN:VCARD\nFN:Bob\nBEGIN:VCARD\nFN:Cat\nEND:VCARD\n", 7, "on line 5"),
        (card("FN:Ann") + "FN:Bob\nEMAIL:bob@example.org\n", 5, "outside"),
        (card("FN:Ann") + "END:VCARD\n", 5, "without a BEGIN"),
        (card("FN:Ann", "this is not a property"), 4, "not a property"),
        ("id,name\nann,Ann\n", None, "no BEGIN:VCARD"),
    ],
)
def test_malformed_books_name_the_line(book, row, problem):
    with pytest.raises(InputError, match=problem) as caught:
        read_vcard_people(io.StringIO(book))
    assert caught.value.file == "contacts.vcf"
    assert caught.value.row == row
    assert caught.value.fix


def test_a_path_names_the_file(tmp_path):
    path = tmp_path / "book.vcf"
    path.write_text("BEGIN:VCARD\nFN:Ann\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_vcard_people(path)
    assert caught.value.file == str(path)
    assert "cut off" in str(caught.value)


def test_a_contact_named_like_the_ego_is_kept_apart():
    book = card("FN:Me") + card("FN:Ann", "EMAIL:ann@example.org")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # nothing skipped or merged
        net = read_vcard(io.StringIO(book))
    assert net.ego == "me"
    assert net.people.index.tolist() == ["me", "me-2", "ann@example.org"]
    assert net.people.loc["me-2", "name"] == "Me" and pd.isna(net.people.loc["me", "name"])
    assert net.graph.has_edge("me", "me-2") and net.graph.has_edge("me", "ann@example.org")


def test_the_ego_id_is_never_made_from_a_name():
    book = card("FN:Alex Morgan") + card("FN:Alex Morgan")
    people = read_vcard_people(io.StringIO(book), me="alex-morgan")
    assert people.index.tolist() == ["alex-morgan-2", "alex-morgan-3"]
    net = read_vcard(io.StringIO(book), me="alex-morgan")
    assert len(net.people) == 3 and net.graph.degree("alex-morgan") == 2


def test_your_own_card_by_email_becomes_the_ego_with_a_warning():
    book = card("FN:Alex Morgan", "EMAIL:Alex@Example.org") + card("FN:Ann")
    with pytest.warns(NetgraphWarning, match=r"'alex@example.org' as your own"):
        net = read_vcard(io.StringIO(book), me="alex@example.org")
    assert net.ego == "alex@example.org"
    assert net.people.loc["alex@example.org", "name"] == "Alex Morgan"
    assert net.people.index.tolist() == ["alex@example.org", "ann"]
