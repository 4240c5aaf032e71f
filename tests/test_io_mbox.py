"""read_mbox_tables on real mail: CPython's own test messages (Debian's libpython3-testsuite,
when installed) gathered into an mbox, and a Gmail Takeout-style mbox built with the email
package in the header forms mail really has (encoded words, folded headers, quoted names with
commas, the old 'addr (Name)' form, List-Id)."""

from __future__ import annotations

import mailbox
import sys
import warnings
import zipfile
from email.headerregistry import Address
from email.message import EmailMessage
from pathlib import Path

import pandas as pd
import pytest

from netgraph.errors import InputError, NetgraphWarning
from netgraph.io.mbox import read_mbox_tables
from netgraph.io.tables import validate_interactions, validate_people

SECRET = "the-merger-codename-is-BLUEHERON"
ME = ["ana.silva@example.com", "ana@home.example"]


def read(path, **options):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        people, interactions = read_mbox_tables(path, **options)
    messages = [str(w.message) for w in caught if issubclass(w.category, NetgraphWarning)]
    return people, interactions, messages


def message(sender, to, date, *, cc=None, list_id=None, body=SECRET, raw_headers=()):
    msg = mailbox.mboxMessage()
    for name, value in raw_headers:
        msg[name] = value
    msg["From"] = sender
    msg["To"] = to
    if cc:
        msg["Cc"] = cc
    msg["Date"] = date
    msg["Subject"] = f"Re: {SECRET}"
    msg["X-GM-THRID"] = "1781234567890123456"
    msg["X-Gmail-Labels"] = "Inbox,Important,Opened"
    if list_id:
        msg["List-Id"] = list_id
    msg.set_payload(f"Hi,\n\n{body}\nFrom here on it is confidential.\n")  # plain text
    when = pd.Timestamp("2024-01-12") if date == "not a date" else pd.Timestamp(date)
    msg.set_from("1781234567890123456@xxx", when.timetuple())
    return msg


def takeout(path: Path) -> Path:
    box = mailbox.mbox(path)
    mails = [
        # 1: from me (work address) to two people and one on Cc: n = 3 correspondents.
        message(
            "Ana Silva <ana.silva@example.com>",
            '"Chen, Bo" <Bo.Chen@Example.com>, =?UTF-8?Q?Jos=C3=A9_N=C3=BA=C3=B1ez?= <jose@x.org>',
            "Mon, 08 Jan 2024 10:00:00 +0000",
            cc="=?UTF-8?B?R3VzIMOYZGVnYWFyZA==?= <gus@fjord.example>",
        ),
        # 2: a reply to my home address, the old comment form of a name.
        message(
            "bo.chen@example.com (Bo Chen)",
            "ana@home.example",
            "Tue, 09 Jan 2024 08:30:00 -0500",
        ),
        # 3: a mailing list: a group, not ties.
        message(
            "Dara Okoye <dara@partner.example.net>",
            "climbing@lists.example.org",
            "Wed, 10 Jan 2024 12:00:00 +0000",
            list_id="Leeds Climbing Club <climbing.lists.example.org>",
        ),
        # 4: a mass mail to 30 people.
        message(
            "News <news@shop.example>",
            ", ".join(f"person{i}@example.com" for i in range(29)) + ", ana.silva@example.com",
            "Thu, 11 Jan 2024 07:00:00 +0000",
        ),
        # 5: no date.
        message("Eve <eve@x.org>", "ana.silva@example.com", "not a date"),
    ]
    for mail in mails:
        box.add(mail)
    box.flush()
    box.close()
    return path


@pytest.fixture
def box(tmp_path):
    return takeout(tmp_path / "All mail Including Spam and Trash.mbox")


def test_takeout_mbox(box):
    people, log, messages = read(box, me=ME)
    assert messages == [
        f"{box}: skipped 1 mailing-list mail (List-Id), 1 mass mail (more than 25 people; "
        "kept as a group) and 1 mail without a readable date."
    ]
    first = log[log["event"] == f"{box.name}#1"]
    sent = first[first["kind"] == "message"]
    assert set(zip(sent["source"], sent["target"], strict=True)) == {
        ("ana.silva@example.com", "bo.chen@example.com"),
        ("ana.silva@example.com", "jose@x.org"),
        ("ana.silva@example.com", "gus@fjord.example"),
    }
    co = first[first["kind"] == "co-recipient"]
    assert len(co) == 3 and co["weight"].tolist() == pytest.approx([0.5] * 3)
    # My home address is me; the reply runs from Bo to me; the date is in UTC.
    reply = log[log["event"] == f"{box.name}#2"]
    assert reply[["source", "target"]].values.tolist() == [["bo.chen@example.com",
                                                            "ana.silva@example.com"]]  # fmt: skip
    assert reply["date"].tolist() == [pd.Timestamp("2024-01-09 13:30")]
    # Display names: quoted with a comma, MIME encoded words (Q and B), the comment form.
    assert people.loc["bo.chen@example.com", "name"] in {"Chen, Bo", "Bo Chen"}
    assert people.loc["jose@x.org", "name"] == "José Núñez"
    assert people.loc["gus@fjord.example", "name"] == "Gus Ødegaard"
    # The list and the mass mail are groups of the people seen in them.
    assert people.loc["dara@partner.example.net", "groups"] == "Leeds Climbing Club"
    assert "climbing@lists.example.org" not in people.index  # the list itself is no one
    assert people.loc["ana.silva@example.com", "groups"] == (
        "Leeds Climbing Club;mass mail from news@shop.example"
    )
    assert people.loc["person3@example.com", "groups"] == "mass mail from news@shop.example"
    assert not log["event"].isin([f"{box.name}#{n}" for n in (3, 4, 5)]).any()
    assert people.loc["ana.silva@example.com", "email"] == "ana.silva@example.com;ana@home.example"
    validate_people(people.reset_index())
    validate_interactions(log, people=people)


def test_no_body_or_subject_is_ever_kept(box):
    raw = box.read_bytes()
    assert SECRET.encode() in raw and b">From here on it is confidential" in raw  # in clear
    people, log, messages = read(box, me=ME)
    everything = "\n".join(
        [people.to_csv(), log.to_csv(), repr(people.attrs), repr(log.attrs), *messages]
    )
    assert SECRET not in everything
    assert "confidential" not in everything
    assert "Inbox" not in everything  # nor Gmail's labels


def test_bodies_are_not_parsed(box, monkeypatch):
    """Only the header block is read: the message parser never sees a body."""
    import email.parser

    def refuse(*args, **kwargs):
        raise AssertionError("a whole message was parsed")

    monkeypatch.setattr(email.parser.BytesParser, "parse", refuse)
    monkeypatch.setattr(email.parser.Parser, "parse", refuse)
    people, log, _ = read(box, me=ME)
    assert len(log) == 7


CPYTHON_DATA = [  # the base Python (a virtualenv's sys.prefix has no test suite), then Debian's
    Path(sys.base_prefix) / "lib" / f"python{sys.version_info[0]}.{sys.version_info[1]}",
    Path(sys.prefix) / "lib" / f"python{sys.version_info[0]}.{sys.version_info[1]}",
    Path(f"/usr/lib/python{sys.version_info[0]}.{sys.version_info[1]}"),
]


def cpython_messages() -> list[Path]:
    for root in CPYTHON_DATA:
        found = sorted((root / "test" / "test_email" / "data").glob("msg_*.txt"))
        if found:
            return found
    pytest.skip("CPython's test_email data is not installed (Debian: libpython3-testsuite)")


def test_cpython_test_messages(tmp_path):
    path = tmp_path / "cpython.mbox"
    box = mailbox.mbox(path)
    files = cpython_messages()
    for file in files:
        box.add(file.read_bytes())
    box.flush()
    box.close()
    people, log, messages = read(path, me="barry@python.org")
    # 'bbb@ddd.com (John X. Doe)': the comment form gives the name.
    assert people.loc["bbb@ddd.com", "name"] == "John X. Doe"
    assert people.loc["aperson@dom.ain", "name"] == "Anne P. Erson"
    # msg_16 carries a List-Id: the list is a group, not a tie.
    assert people.loc["postmaster@ucla.edu", "groups"] == "SoCal-Raves"
    assert "postmaster@ucla.edu" not in set(log["source"]) | set(log["target"])
    # Messages without From, with a broken Date, or to Barry alone are counted, not lost.
    assert "mails without a sender" in messages[0]
    assert "only to yourself" in messages[0]
    assert log["date"].between("1990", "2030").all()
    validate_interactions(log, people=people)


# --- broken mailboxes ------------------------------------------------------------------------


def test_not_an_mbox(tmp_path):
    path = tmp_path / "contacts.csv"
    path.write_text("\n\nFirst Name,Last Name\nAna,Silva\n")
    with pytest.raises(InputError, match=r"contacts.csv, row 3: this is not an mbox file"):
        read_mbox_tables(path, me=ME)


def test_a_single_eml_is_not_a_mailbox(tmp_path):
    path = tmp_path / "one.eml"
    mail = EmailMessage()
    mail["From"] = Address("Ana", addr_spec="ana@x.org")
    path.write_bytes(bytes(mail))
    with pytest.raises(InputError, match=r"not a 'From ' line.*\.eml\) is not a mailbox"):
        read_mbox_tables(path, me=ME)


def test_a_takeout_zip_says_unzip(tmp_path):
    path = tmp_path / "takeout.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("Takeout/Mail/All mail.mbox", "From x\n")
    with pytest.raises(InputError, match=r"takeout.zip, row 1: .*unzip"):
        read_mbox_tables(path, me=ME)


def test_empty_and_missing(tmp_path):
    (tmp_path / "empty.mbox").write_bytes(b"")
    with pytest.raises(InputError, match="empty"):
        read_mbox_tables(tmp_path / "empty.mbox", me=ME)
    with pytest.raises(InputError, match="no such file"):
        read_mbox_tables(tmp_path / "missing.mbox", me=ME)
    with pytest.raises(InputError, match="a folder, not an mbox"):
        read_mbox_tables(tmp_path, me=ME)


def test_apple_mail_export_folder(tmp_path, box):
    folder = tmp_path / "Inbox.mbox"
    folder.mkdir()
    (folder / "mbox").write_bytes(box.read_bytes())
    _, log, _ = read(folder, me=ME)
    assert len(log) == 7 and log["event"].str.startswith("Inbox.mbox#").all()
