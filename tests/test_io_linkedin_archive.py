"""LinkedIn's full archive (tests/data/linkedin_archive: the exporter's file names and headers,
Connections.csv with its Notes: preamble), read as a folder and as the zip LinkedIn sends."""

from __future__ import annotations

import shutil
import warnings
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from netgraph.errors import InputError, NetgraphWarning
from netgraph.io.linkedin_archive import is_linkedin_archive, read_linkedin_archive_tables
from netgraph.io.tables import validate_interactions, validate_people, validate_ties

ARCHIVE = Path(__file__).parent / "data" / "linkedin_archive"
SECRET = "the-merger-codename-is-BLUEHERON"


def read(source, **options):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        tables = read_linkedin_archive_tables(source, **options)
    return (*tables, [str(w.message) for w in caught if issubclass(w.category, NetgraphWarning)])


@pytest.fixture
def zipped(tmp_path):
    path = tmp_path / "Basic_LinkedInDataExport_03-01-2024.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in sorted(ARCHIVE.iterdir()):
            archive.write(file, file.name)
    return path


def rows(log, kind):
    part = log[log["kind"] == kind]
    return list(zip(part["source"], part["target"], strict=True))


def test_folder():
    people, ties, log, messages = read(ARCHIVE)
    assert len(ties) == 4 and (ties["source"] == "me").all()
    # The owner (in every conversation, never a connection) is the ego, named from Profile.csv.
    assert people.loc["me", "name"] == "Ana Silva"
    assert people.loc["me", "url"] == "https://www.linkedin.com/in/ana-silva-9f"
    # Messages, with direction.
    assert rows(log[log["event"] == "2-Y2hhdC0x"], "message") == [
        ("me", "bo-chen-1a2b3c"),
        ("bo-chen-1a2b3c", "me"),
    ]
    # The group conversation: co-participation once per pair, weight 1/(n-1) for n = 3.
    group = log[(log["event"] == "2-Z3JvdXAtMQ==") & (log["kind"] == "co-recipient")]
    assert len(group) == 3 and group["weight"].tolist() == pytest.approx([0.5] * 3)
    assert {"hannaberg", "josé-núñez-77", "recruiter-rita"} == set(group["source"]) | set(
        group["target"]
    )
    # A non-connection met in messages is a person, with a profile URL.
    assert people.loc["recruiter-rita", "name"] == "Rita Recruiter"
    assert people.loc["recruiter-rita", "url"] == "https://www.linkedin.com/in/recruiter-rita"
    # Invitations keep their direction.
    assert rows(log, "invitation") == [("me", "hannaberg"), ("recruiter-rita", "me")]
    # Gives for the ledger: recommendations (matched by name) and endorsements (by URL,
    # several skills on one day once).
    gives = log[log["kind"] == "give"]
    assert sorted(zip(gives["source"], gives["target"], gives["what"], strict=True)) == [
        ("farahhaddad", "me", "endorsement"),
        ("farahhaddad", "me", "recommendation"),
        ("me", "bo-chen-1a2b3c", "recommendation"),
        ("me", "josé-núñez-77", "endorsement"),
        ("old-boss", "me", "recommendation"),
    ]
    assert log.loc[log["what"] == "invitation", "date"].iloc[0] == pd.Timestamp("2023-02-04 09:12")
    assert messages == [
        f"{ARCHIVE}: skipped 1 draft or spam message, 1 row without a member's profile URL "
        "(sponsored or deleted members) and 1 recommendation naming nobody among your "
        "connections (kept, found by name)."
    ]
    validate_people(people.reset_index())
    validate_ties(ties, people=people)
    validate_interactions(log, people=people)


def test_zip_is_the_same_as_the_folder(zipped):
    assert is_linkedin_archive(zipped) and is_linkedin_archive(ARCHIVE)
    assert not is_linkedin_archive(ARCHIVE / "Connections.csv")
    a, b = read(ARCHIVE), read(zipped)
    for x, y in zip(a[:3], b[:3], strict=True):
        pd.testing.assert_frame_equal(x, y)


def test_no_message_content_subject_note_or_text_is_kept(zipped):
    assert SECRET.encode() in (ARCHIVE / "messages.csv").read_bytes()
    people, ties, log, messages = read(zipped)
    everything = "\n".join([people.to_csv(), ties.to_csv(), log.to_csv(), *messages])
    for text in (SECRET, "Lunch?", "Upgrade now", "Try Premium", "Great talk", "Python"):
        assert text not in everything


def test_connections_csv_alone_still_works():
    people, ties, log, _ = read(ARCHIVE / "Connections.csv")
    assert len(ties) == 4 and log.empty


def test_a_folder_without_the_files(tmp_path):
    (tmp_path / "Skills.csv").write_text("Name\nPython\n")
    with pytest.raises(InputError, match="neither Connections.csv nor messages.csv"):
        read_linkedin_archive_tables(tmp_path)


def test_a_broken_zip(tmp_path, zipped):
    broken = tmp_path / "broken.zip"
    broken.write_bytes(zipped.read_bytes()[:200] + b"\0" * 50 + zipped.read_bytes()[-100:])
    with pytest.raises(InputError, match=r"broken.zip: cannot open the zip archive"):
        read_linkedin_archive_tables(broken)


def test_a_date_not_in_linkedins_format_names_file_and_line(tmp_path):
    folder = tmp_path / "export"
    shutil.copytree(ARCHIVE, folder)
    path = folder / "Invitations.csv"
    path.write_text(path.read_text().replace("11/30/23, 4:45 PM", "yesterday"))
    with pytest.raises(InputError, match=r"Invitations.csv, row 3, column 'sent_at': 'yester"):
        read_linkedin_archive_tables(folder)


def test_an_entry_inside_the_zip_is_named(tmp_path):
    folder = tmp_path / "export"
    shutil.copytree(ARCHIVE, folder)
    path = folder / "messages.csv"
    path.write_text(path.read_text().replace("2024-01-08 10:00:00 UTC", "08/01/2024"))
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as out:
        for file in folder.iterdir():
            out.write(file, file.name)
    with pytest.raises(InputError, match=r"export.zip:messages.csv, row 2, column 'date'"):
        read_linkedin_archive_tables(archive)
