"""Google Contacts and Outlook CSV exports read as what they are (tests/data holds files with
the exporters' full headers: Google's current and pre-2023 layouts, Outlook's)."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest

from netgraph.errors import InputError, NetgraphWarning
from netgraph.io.address_books import address_book_kind, read_address_book_people
from netgraph.io.linkedin import read_linkedin_connections
from netgraph.io.tables import validate_people

DATA = Path(__file__).parent / "data"


def test_outlook_export():
    with pytest.warns(NetgraphWarning, match=r"skipped 1 contact with neither .* \(line 5\)"):
        people = read_address_book_people(DATA / "outlook_contacts.csv")
    farah = people.loc["farah.haddad@example.com"]
    assert farah["name"] == "Farah Haddad"
    assert farah["email"] == "farah.haddad@example.com;farah@home.example"  # lower-cased
    assert farah["phone"] == "+44 7700 900123;020 7946 0958"  # not the fax, not the assistant
    assert (farah["company"], farah["role"]) == ("Acme, Ltd", "Head of Finance")  # not 'Dr.'
    assert farah["url"] == "https://www.linkedin.com/in/farah-haddad"
    assert farah["circles"] == "Work;Leeds"
    assert people.loc["zoe-quinn", "phone"] == "0113 496 0000"  # no e-mail: id from the name
    assert (people["address_book"] == "outlook").all()
    validate_people(people.reset_index())


def test_google_export():
    with pytest.warns(NetgraphWarning, match="skipped 1 contact"):
        people = read_address_book_people(DATA / "google_contacts.csv")
    bo = people.loc["bo.chen@example.com"]
    assert bo["email"] == "bo.chen@example.com;bo@chen.example;bochen@gmail.example"  # ' ::: '
    assert bo["phone"] == "+44 7700 900456;07700 900457"
    assert (bo["company"], bo["role"]) == ("Acme, Ltd", "Engineer")
    assert bo["circles"] == "Work;Climbing"  # without '* myContacts'
    assert people.loc["jose@x.org", "name"] == "José María Núñez"
    assert pd.isna(people.loc["jose@x.org", "circles"])  # '* starred' is Google's, not a label
    assert people.loc["plumber-dave", "name"] == "Plumber (Dave)"  # 'File As'


def test_google_legacy_export():
    people = read_address_book_people(DATA / "google_contacts_legacy.csv")
    hanna = people.loc["hanna.berg@fjord.example"]
    assert (hanna["name"], hanna["company"], hanna["role"], hanna["circles"]) == (
        "Hanna Berg", "Fjord AS", "CTO", "Fjord"
    )  # fmt: skip


@pytest.mark.parametrize(
    ("file", "kind"),
    [
        ("outlook_contacts.csv", "outlook"),
        ("google_contacts.csv", "google"),
        ("google_contacts_legacy.csv", "google"),
        ("linkedin_Connections.csv", "linkedin"),
        ("linkedin_Connections_old.csv", "linkedin"),
    ],
)
def test_kind_from_the_header(file, kind):
    lines = (DATA / file).read_text(encoding="utf-8-sig").splitlines()
    header = next(line for line in lines if "First Name" in line or "Given Name" in line)
    assert address_book_kind(header.replace('"', "").split(",")) == kind


@pytest.mark.parametrize("file", ["outlook_contacts.csv", "google_contacts_legacy.csv"])
def test_linkedin_reader_refuses_address_books(file):
    """They used to be read as LinkedIn exports with e-mail and company silently empty."""
    with pytest.raises(InputError, match=r"row 1: this is an? .* contacts export, not LinkedIn"):
        read_linkedin_connections(DATA / file)


def test_address_book_reader_refuses_linkedin():
    with pytest.raises(InputError, match="this is LinkedIn's Connections.csv.*read_linkedin"):
        read_address_book_people(DATA / "linkedin_Connections_old.csv")


def test_me_is_never_an_id_from_a_name():
    text = "First Name,Last Name,E-mail Address,Job Title\nMe,,,\n"
    people = read_address_book_people(io.StringIO(text), me="me")
    assert list(people.index) == ["me-2"]
