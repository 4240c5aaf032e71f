"""read_ics_tables on real calendar files: those shipped inside the installed icalendar and
recurring-ical-events packages (Google, Outlook, BlackBerry exports), and fixtures written
as Google Calendar, Outlook and Apple Calendar export them (tests/data/calendars)."""

from __future__ import annotations

import importlib.util
import io
import warnings
from pathlib import Path

import pandas as pd
import pytest

from netgraph.errors import InputError, NetgraphWarning
from netgraph.io.ics import read_ics_tables
from netgraph.io.tables import validate_interactions, validate_people

DATA = Path(__file__).parent / "data" / "calendars"
ME = ["ana.silva@example.com", "ana@home.example"]


def shipped(package: str, *parts: str) -> Path:
    """A test calendar shipped inside an installed package (skip when it is not shipped)."""
    spec = importlib.util.find_spec(package)
    path = Path(spec.origin).parent.joinpath(*parts) if spec and spec.origin else None
    if path is None or not path.is_file():
        pytest.skip(f"{package} does not ship {'/'.join(parts)}")
    return path


def read(path, **options):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        people, interactions = read_ics_tables(path, **options)
    messages = [str(w.message) for w in caught if issubclass(w.category, NetgraphWarning)]
    return people, interactions, messages


def pairs(interactions, kind):
    rows = interactions[interactions["kind"] == kind]
    return sorted({tuple(sorted(p)) for p in zip(rows["source"], rows["target"], strict=True)})


# --- fixtures modelled on the three big exporters ---------------------------------------------


def test_google_export():
    people, log, messages = read(DATA / "google.ics", me=ME)
    # The weekly sync, expanded from 8 Jan over the export window (DTSTAMP 1 Mar 2024),
    # without the EXDATE of 15 Jan: 7 occurrences.
    sync = log[log["event"].str.startswith("1q2w3e4r5t6y7u8i9o0p@google.com")]
    assert sorted(sync["date"].dt.strftime("%m-%d").unique()) == [
        "01-08", "01-22", "01-29", "02-05", "02-12", "02-19", "02-26"
    ]  # fmt: skip
    assert sync["date"].iloc[0] == pd.Timestamp("2024-01-08 10:00")  # London in winter = UTC
    assert len(sync) == 7 * 3  # me-Bo, me-Chidi, Bo-Chidi
    assert pairs(sync, "co-attendance") == [("bo.chen@example.com", "chidi@example.org")]
    # The room and the e-mail alarm's ATTENDEE are not people.
    assert not people.index.str.contains("resource.calendar").any()
    # Declined: Bo was not at the kick-off; Dara organised it, so the meeting runs from her.
    kickoff = log[log["event"].str.startswith("7abc8def9ghi")]
    assert "bo.chen@example.com" not in set(kickoff["source"]) | set(kickoff["target"])
    meetings = kickoff[kickoff["kind"] == "meeting"]
    assert ("dara@partner.example.net", "ana.silva@example.com") in set(
        zip(meetings["source"], meetings["target"], strict=True)
    )
    # The cancelled offsite is gone; the all-hands of 31 people is a group, not a clique.
    assert not log["event"].str.startswith(("cancelled-offsite", "allhands")).any()
    assert people.loc["staff07@example.com", "groups"] == "All hands"
    assert people.loc["ana.silva@example.com", "groups"] == "All hands"
    # Names from CN; a CN that is only the address is no name; addresses lower-cased.
    assert people.loc["bo.chen@example.com", "name"] == "Bo Chen"
    assert pd.isna(people.loc["chidi@example.org", "name"])
    assert "eve.martin@partner.example.net" in people.index
    assert people.index[0] == "ana.silva@example.com"
    assert people.loc["ana.silva@example.com", "email"] == "ana.silva@example.com;ana@home.example"
    assert messages == [
        f"{DATA / 'google.ics'}: skipped 1 cancelled event, 1 declined attendee, "
        "7 rooms, resources or calendars and 1 event with more than 25 people "
        "(a group, not a clique)."
    ]


def test_outlook_export_windows_time_zone_and_organiser():
    people, log, _ = read(DATA / "outlook.ics", me=ME)
    # Monthly on the second Tuesday, COUNT=3, but the export (DTSTAMP 10 Mar) bounds the
    # window: 9 Jan and 13 Feb. "GMT Standard Time" is London: 09:30 in winter is 09:30 UTC.
    assert sorted(log["date"].unique()) == [
        pd.Timestamp("2024-01-09 09:30"),
        pd.Timestamp("2024-02-13 09:30"),
    ]
    meetings = log[log["kind"] == "meeting"]
    assert set(zip(meetings["source"], meetings["target"], strict=True)) == {
        ("farah.haddad@example.com", "ana.silva@example.com"),
        ("ana.silva@example.com", "bo.chen@example.com"),
    }
    # Outlook's 'Ana Silva (ana.silva@example.com)' is the name Ana Silva.
    assert people.loc["ana.silva@example.com", "name"] == "Ana Silva"


def test_apple_export_urn_attendees_and_my_second_address():
    people, log, messages = read(DATA / "apple.ics", me=ME)
    assert messages == []
    assert list(people.index) == ["ana.silva@example.com", "gus@fjord.example",
                                  "hanna.berg@fjord.example"]  # fmt: skip
    assert people.loc["gus@fjord.example", "name"] == "Gus Ødegaard"
    assert pairs(log, "meeting") == [
        ("ana.silva@example.com", "gus@fjord.example"),
        ("ana.silva@example.com", "hanna.berg@fjord.example"),
    ]
    assert log["date"].iloc[0] == pd.Timestamp("2024-03-05 11:00")  # 12:00 in Paris


def test_tables_pass_netgraph_validation():
    people, log, _ = read(DATA / "google.ics", me=ME)
    validate_people(people.reset_index())
    checked = validate_interactions(log, people=people)
    assert list(checked.columns) == ["source", "target", "date", "channel", "kind", "event",
                                     "weight"]  # fmt: skip


# --- the weight rule, the size limit and the window ------------------------------------------

FOUR = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//test//EN
BEGIN:VEVENT
UID:four
DTSTART:20240301T090000Z
DTSTAMP:20240301T090000Z
SUMMARY:Design review
ORGANIZER:mailto:me@x.org
ATTENDEE;PARTSTAT=ACCEPTED:mailto:a@x.org
ATTENDEE;PARTSTAT=ACCEPTED:mailto:b@x.org
ATTENDEE;PARTSTAT=ACCEPTED:mailto:c@x.org
ATTENDEE;PARTSTAT=ACCEPTED:mailto:d@x.org
END:VEVENT
END:VCALENDAR
"""


def test_co_attendance_weighs_each_pair_one_over_n_minus_one():
    _, log, _ = read(io.StringIO(FOUR), me="me@x.org")
    co = log[log["kind"] == "co-attendance"]
    assert len(co) == 6  # every pair of the 4 attendees
    assert co["weight"].tolist() == pytest.approx([1 / 3] * 6)  # Newman 2001
    assert (co["event"] == "four@2024-03-01T09:00:00").all()
    assert log[log["kind"] == "meeting"]["weight"].tolist() == [1.0] * 4
    # Each attendee's co-attendance adds up to one unit of time shared with the others.
    ends = pd.concat([co["source"], co["target"]])
    weights = pd.concat([co["weight"], co["weight"]])
    assert weights.groupby(ends.to_numpy()).sum().tolist() == pytest.approx([1.0] * 4)


def test_limit_turns_an_event_into_a_group():
    people, log, messages = read(io.StringIO(FOUR), me="me@x.org", limit=4)
    assert log.empty
    assert (people["groups"] == "Design review").all()
    assert "1 event with more than 4 people" in messages[0]


def test_declined_by_me_keeps_the_others_co_attendance():
    text = FOUR.replace("ORGANIZER:mailto:me@x.org", "ATTENDEE;PARTSTAT=DECLINED:mailto:me@x.org")
    _, log, messages = read(io.StringIO(text), me="me@x.org")
    assert set(log["kind"]) == {"co-attendance"}
    assert "1 event you declined" in messages[0]


def test_window_start_and_end():
    _, log, _ = read(DATA / "google.ics", me=ME, start="2024-02-01", end="2024-02-15")
    assert log["date"].min() >= pd.Timestamp("2024-02-01")
    assert log["date"].max() <= pd.Timestamp("2024-02-15")
    assert log["date"].nunique() == 3  # the syncs of 5 and 12 Feb, the kick-off on the 12th


# --- real calendars shipped with the calendar packages ---------------------------------------


def test_blackberry_invitation_from_icalendar_tests():
    path = shipped("icalendar", "tests", "calendars", "property_params.ics")
    people, log, _ = read(path, me="rembrand@daxlab.com")  # the organiser is me
    assert people.loc["rembrand@xs4all.nl", "name"] == "RembrandXS"
    assert pairs(log, "meeting") == [
        ("rembrand@daxlab.com", "rembrand@xs4all.nl"),
        ("rembrand@daxlab.com", "rembspam@xs4all.nl"),
    ]
    assert log["date"].tolist() == [pd.Timestamp("2012-08-14")] * 3  # an all-day event


def test_event_without_a_start_from_icalendar_tests_is_counted():
    path = shipped("icalendar", "tests", "calendars", "rfc_6868.ics")
    people, log, messages = read(path, me="me@example.com")
    assert "1 event without a start" in messages[0]  # the file's event has no DTSTART
    assert log.empty


def test_google_calendar_from_recurring_ical_events_tests():
    path = shipped("recurring_ical_events", "test", "calendars", "machbar_16_feb_2019.ics")
    people, log, messages = read(path, me="someone@example.com")
    # Its only attendee is a Google calendar (@group.calendar.google.com), not a person.
    assert list(people.index) == ["someone@example.com"] and log.empty
    assert "rooms, resources or calendars" in messages[0]


def test_outlook_calendar_from_recurring_ical_events_tests():
    path = shipped("recurring_ical_events", "test", "calendars", "subcomponents.ics")
    people, log, messages = read(path, me="me@example.com")
    assert list(people.index) == ["me@example.com", "redacted@example.com"]
    assert log["kind"].tolist() == ["meeting"]
    assert log["date"].tolist() == [pd.Timestamp("2019-05-27 12:00")]  # 14:00 Berlin, summer
    assert "2 rooms, resources or calendars" in messages[0]  # CUTYPE=RESOURCE


def test_alarm_attendee_is_not_a_person():
    path = shipped("icalendar", "tests", "calendars", "alarm_google_acknowledged.ics")
    people, log, _ = read(path, me="me@example.com")
    assert list(people.index) == ["me@example.com"] and log.empty


# --- broken calendars --------------------------------------------------------------------------


def test_not_a_calendar():
    with pytest.raises(InputError, match=r"calendar.ics, row 2: this is not an iCalendar file"):
        read_ics_tables(io.StringIO("\nFirst Name,Last Name\n"), me="me@x.org")


def test_unparseable_line_names_it(tmp_path):
    path = tmp_path / "cal.ics"
    path.write_text(FOUR.replace("ATTENDEE;PARTSTAT=ACCEPTED:mailto:b", 'ATTENDEE;CN="b:mailto:b'))
    with pytest.raises(InputError, match=r"cal.ics, row 11: cannot read"):
        read_ics_tables(path, me="me@x.org")


def test_broken_start_names_the_line(tmp_path):
    path = tmp_path / "cal.ics"
    path.write_text(FOUR.replace("DTSTART:20240301T090000Z", "DTSTART:2024-03-01 9am"))
    with pytest.raises(InputError, match=r"cal.ics, row 6: .*DTSTART"):
        read_ics_tables(path, me="me@x.org")


def test_cut_short(tmp_path):
    path = tmp_path / "cal.ics"
    path.write_text(FOUR[: FOUR.index("END:VEVENT")])
    with pytest.raises(InputError, match="no END:VCALENDAR"):
        read_ics_tables(path, me="me@x.org")


def test_me_must_be_an_address():
    with pytest.raises(InputError, match="me='me' is not an e-mail address"):
        read_ics_tables(DATA / "google.ics", me="me")
