"""Network.merge, possible_duplicates and same_person (issue 11 point 3), and the public
readers for calendars, mailboxes, address books and LinkedIn's archive merged into one."""

from __future__ import annotations

import itertools
import warnings
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import netgraph
from netgraph import Network
from netgraph.cli import main
from netgraph.datasets import SAMPLE_ADDRESSES, sample_files
from netgraph.errors import InputError, NetgraphWarning, UnknownPersonError

DATA = Path(__file__).parent / "data"
ME = ["ana.silva@example.com", "ana@home.example"]


def quietly(function, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", NetgraphWarning)
        return function(*args, **kwargs)


def sources() -> list[Network]:
    linkedin = Network(
        pd.DataFrame(
            {
                "id": ["me", "bo-chen-1a2b", "farah-h"],
                "name": [None, "Bo Chen", "Farah Haddad"],
                "url": [
                    None,
                    "https://www.linkedin.com/in/bo-chen-1a2b",
                    "https://www.linkedin.com/in/farah-h",
                ],
            }
        ),  # fmt: skip
        pd.DataFrame(
            {"source": ["me", "me"], "target": ["bo-chen-1a2b", "farah-h"], "kind": "linkedin"}
        ),  # fmt: skip
        ego="me",
    )
    book = Network(
        pd.DataFrame(
            {
                "id": ["me", "bo@chen.example", "zoe@x.example"],
                "name": [None, "Bo Chen", "Zoë Quinn"],
                "email": [None, "bo@chen.example;bo.chen@acme.example", "zoe@x.example"],
                "url": [None, "linkedin.com/in/bo-chen-1a2b", None],
                "phone": [None, None, "07700 900999"],
                "circles": [None, "Climbing", "Climbing"],
            }
        ),  # fmt: skip
        pd.DataFrame(
            {"source": "me", "target": ["bo@chen.example", "zoe@x.example"], "kind": "contact"}
        ),  # fmt: skip
        ego="me",
    )
    calendar = Network(
        pd.DataFrame(
            {
                "id": [
                    "ana@acme.example",
                    "bo.chen@acme.example",
                    "farah@acme.example",
                    "zq@work.example",
                ],
                "name": ["Ana Silva", None, "Farah Haddad", "Zoë Quinn"],
                "email": [
                    "ana@acme.example",
                    "bo.chen@acme.example",
                    "Farah@Acme.example",
                    "zq@work.example",
                ],
                "phone": [None, None, None, "+44 7700 900999"],
                "groups": [None, "All hands", "All hands", None],
            }
        ),  # fmt: skip
        None,
        pd.DataFrame(
            {
                "source": ["ana@acme.example", "ana@acme.example", "bo.chen@acme.example"],
                "target": ["bo.chen@acme.example", "zq@work.example", "zq@work.example"],
                "date": ["2024-01-08", "2024-01-08", "2024-01-08"],
                "kind": ["meeting", "meeting", "co-attendance"],
                "event": "sync@2024-01-08",
                "weight": [1.0, 1.0, 1.0],
            }
        ),  # fmt: skip
        ego="ana@acme.example",
    )
    # Farah's address is only in the calendar; LinkedIn knows her URL alone: she is found
    # by name, not merged, unless asked.
    return [linkedin, book, calendar]


def summary(net: Network):
    ties = {frozenset(p) for p in net.ties.index}
    return sorted(net.people.index), ties, net.ego, len(net.interactions)


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))))
def test_merge_does_not_depend_on_order(order):
    nets = sources()
    reference = quietly(lambda: nets[0].merge(nets[1]).merge(nets[2]))
    merged = quietly(lambda: nets[order[0]].merge(nets[order[1]]).merge(nets[order[2]]))
    assert summary(merged) == summary(reference)
    assert set(reference.people.index) == {
        "me", "bo-chen-1a2b", "farah-h", "farah@acme.example", "zoe@x.example",
    }  # fmt: skip
    assert reference.ego == "me"
    bo = reference.people.loc["bo-chen-1a2b"]
    assert (bo["name"], bo["circles"], bo["groups"]) == ("Bo Chen", "Climbing", "All hands")


def test_merge_warns_who_matched_and_who_did_not():
    linkedin, book, calendar = sources()
    with pytest.warns(NetgraphWarning) as caught:
        linkedin.merge(book).merge(calendar)
    last = str(caught[-1].message)
    assert "matched someone here" in last and "by e-mail" in last and "by phone" in last
    assert "1 pair of people share a name under two ids" in last


def test_possible_duplicates_and_same_person():
    net = quietly(lambda: sources()[0].merge(sources()[1]).merge(sources()[2]))
    pairs = net.possible_duplicates()
    assert pairs[["a", "b"]].values.tolist() == [["farah-h", "farah@acme.example"]]
    joined = net.same_person(pairs)
    assert "farah@acme.example" not in joined.people.index
    farah = joined.people.loc["farah-h"]
    assert farah["email"] == "Farah@Acme.example" and farah["groups"] == "All hands"
    assert joined.possible_duplicates().empty
    assert net.same_person("farah@acme.example", "farah-h").equals(joined)
    with pytest.raises(UnknownPersonError):
        net.same_person("farah-h", "nobody")
    with pytest.raises(TypeError):
        net.same_person("farah-h")


def test_same_person_keeps_the_ego_and_drops_a_tie_with_oneself():
    net = Network(
        pd.DataFrame({"id": ["me", "ana@x.org", "bo"], "name": [None, "Ana", "Bo"]}),
        pd.DataFrame({"source": ["me", "me", "ana@x.org"], "target": ["bo", "ana@x.org", "bo"]}),
        ego="me",
    )
    with pytest.warns(NetgraphWarning, match="1 tie of a person with themself"):
        joined = net.same_person("ana@x.org", "me")
    assert sorted(joined.people.index) == ["bo", "me"] and joined.ego == "me"
    assert len(joined.stated_ties) == 1


@st.composite
def networks(draw):
    ids = draw(st.lists(st.sampled_from(["ann", "bob", "a@x.org", "b@x.org", "c@x.org"]),
                        min_size=1, max_size=4, unique=True))  # fmt: skip
    emails = [draw(st.sampled_from([None, "a@x.org", "b@x.org", "c@x.org"])) for _ in ids]
    people = pd.DataFrame({"id": ["me", *ids], "email": [None, *emails]})
    ties = pd.DataFrame({"source": "me", "target": ids})
    return Network(people, ties, ego="me")


@settings(max_examples=60, deadline=None)
@given(st.lists(networks(), min_size=2, max_size=3), st.randoms())
def test_property_merged_networks_have_the_same_people_and_ties(nets, random):
    order = list(range(len(nets)))
    random.shuffle(order)

    def merged(sequence):
        out = sequence[0]
        for other in sequence[1:]:
            out = out.merge(other)
        return out

    a = quietly(merged, nets)
    b = quietly(merged, [nets[i] for i in order])
    assert summary(a) == summary(b)


# --- the public readers ---------------------------------------------------------------------


def test_public_readers_give_networks():
    calendar = quietly(netgraph.read_ics, DATA / "calendars" / "google.ics", me=ME)
    assert calendar.ego == "ana.silva@example.com" and len(calendar.stated_ties) == 0
    assert {"meeting", "co-attendance"} <= set(calendar.interactions["kind"])
    book = quietly(netgraph.read_contacts, DATA / "outlook_contacts.csv")
    assert book.people.loc["farah.haddad@example.com", "company"] == "Acme, Ltd"
    vcf = quietly(netgraph.read_contacts, DATA / "contacts_v3.vcf")
    assert len(vcf.people) > 1 and vcf.ego == "me"
    archive = quietly(netgraph.read_linkedin, DATA / "linkedin_archive")
    assert {"message", "give", "invitation"} <= set(archive.interactions["kind"])
    merged = quietly(lambda: archive.merge(book).merge(calendar))
    assert merged.ego == "me"


def test_linkedin_reader_names_an_address_book_and_the_reader_to_use():
    with pytest.raises(InputError, match=r"Outlook contacts export.*read_contacts"):
        netgraph.read_linkedin(DATA / "outlook_contacts.csv")


def test_cli_reads_calendar_mailbox_contacts_and_archive(capsys):
    files = sample_files()
    args = ["reconnect", "--linkedin", str(files["linkedin"]), "--contacts",
            str(files["contacts"]), "--ics", str(files["calendar"]), "--mbox",
            str(files["mailbox"])]  # fmt: skip
    for address in SAMPLE_ADDRESSES:
        args += ["--me", address]
    assert main([*args, "--k", "2"]) == 0
    assert capsys.readouterr().out.strip()


def test_cli_ics_needs_me(capsys):
    assert main(["reconnect", "--ics", str(sample_files()["calendar"])]) != 0
    assert "--ics needs your e-mail address" in capsys.readouterr().err


def test_sample_from_files():
    net = quietly(netgraph.datasets.sample_from_files)
    assert net.ego == "me" and net.possible_duplicates().empty
    assert net.people.loc["me", "name"] == "Alex Morgan"
    assert len(net.people) > 200
    kinds = set(net.interactions["kind"])
    assert {"meeting", "message", "co-attendance", "co-recipient", "give"} <= kinds
