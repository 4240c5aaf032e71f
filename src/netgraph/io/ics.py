"""Read calendar exports (``.ics``) as who met whom: meetings and co-attendance.

Google Calendar (*Settings > Import & export > Export*), Outlook (*File > Save Calendar*, or
a shared calendar's ICS link) and Apple Calendar (*File > Export*) all write iCalendar
(RFC 5545 [1]_). :func:`read_ics_tables` parses it with the ``icalendar`` package and expands
repeating events with ``recurring-ical-events`` over a bounded window, then applies the rule
of :mod:`netgraph.io._events`: a meeting between you and each attendee, co-attendance among
the attendees weighted :math:`1/(n-1)` (Newman 2001), and an event with more than ``limit``
people recorded as a group (its title in ``groups``), not as a clique.

Who was there: the ``ORGANIZER`` and every ``ATTENDEE`` of the event itself (not the
``ATTENDEE`` of an e-mail alarm inside it), except attendees who declined
(``PARTSTAT=DECLINED``), rooms and resources (``CUTYPE=ROOM``/``RESOURCE``, Google's
``@resource.calendar.google.com`` addresses), invited groups (``CUTYPE=GROUP``) and Google
calendars (``@group.calendar.google.com``). Apple writes attendees as ``urn:uuid:...`` with
the address in an ``EMAIL`` parameter; that address is used. Cancelled events
(``STATUS:CANCELLED``) are skipped. You are at an event unless you declined it: the
calendar is yours.

References
----------
.. [1] Desruisseaux, B. (ed.) *Internet Calendaring and Scheduling Core Object Specification
   (iCalendar)*. RFC 5545, IETF, 2009.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from collections.abc import Sequence
from typing import IO, Any

import pandas as pd

from netgraph.errors import InputError
from netgraph.io._decode import read_text as _read_text
from netgraph.io._events import DEFAULT_LIMIT, EventLog, counted, my_addresses, normal_email
from netgraph.io._messages import warn as _warn

__all__ = ["read_ics_tables"]

_NOT_PEOPLE = ("resource.calendar.google.com", "group.calendar.google.com",
               "group.v.calendar.google.com", "import.calendar.google.com")  # fmt: skip
_EXPORT_AGAIN = "Export the calendar again (an .ics file), or fix that line in a text editor."


def read_ics_tables(
    source: str | os.PathLike | IO,
    *,
    me: str | Sequence[str],
    limit: int = DEFAULT_LIMIT,
    start: Any = None,
    end: Any = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read an iCalendar file as a people table and an interactions table.

    Parameters
    ----------
    source : str, path-like or file object
        The ``.ics`` file (one or several ``VCALENDAR`` blocks).
    me : str or sequence of str
        Your e-mail address, or several (work and home): they find you among the
        attendees. The first is your id, the ego's.
    limit : int, default 25
        An event with more people than this (you included) is a group you belong to, not a
        clique: it gives no interactions and its title goes to ``groups``.
    start, end : date-like, optional
        The window over which repeating events are expanded (and outside which no event is
        read). Default: from the earliest event to the latest date the file mentions (an
        event's start or its ``DTSTAMP``, which exports set to the time of export), so a
        weekly meeting with no end counts the weeks up to the export, not forever.

    Returns
    -------
    people : pandas.DataFrame
        Indexed by ``id`` (the lower-cased e-mail address), you first: ``name`` (the
        attendee's ``CN``, the most frequent one), ``email`` (yours: every address in
        ``me``, ``;``-separated) and ``groups`` (titles of the large events they were at,
        ``;``-separated).
    interactions : pandas.DataFrame
        ``source``, ``target``, ``date`` (the occurrence's start, UTC, tz-naive),
        ``channel`` (``"calendar"``), ``kind`` (``"meeting"`` between you and an attendee,
        from the organiser; ``"co-attendance"`` between two attendees), ``event`` (the
        event's ``UID`` and the occurrence's start) and ``weight`` (1 for meetings,
        :math:`1/(n-1)` for co-attendance among :math:`n` attendees).

    Raises
    ------
    InputError
        When the file is not iCalendar, a line cannot be parsed, an event's start or repeat
        rule is broken, or ``me`` is not an e-mail address; naming the file and the line or
        event.

    Warns
    -----
    NetgraphWarning
        Counting what was skipped: declined attendees, rooms and resources, cancelled
        events, events outside the window, and events too large (turned into groups).
    """
    import icalendar

    text, file = _read_text(source, name=None, default="calendar.ics")
    mine = my_addresses(me, file=file)
    ego = mine[0]
    first = next((line for line in text.split("\n") if line.strip()), "")
    if first.strip().upper() != "BEGIN:VCALENDAR":
        raise InputError(
            f"this is not an iCalendar file: it starts with {first[:40]!r}, not BEGIN:VCALENDAR",
            file=file,
            row=1 + text.split("\n").index(first) if first else 1,
            fix="Pass the .ics file your calendar exported.",
        )
    try:
        calendars = icalendar.Calendar.from_ical(text, multiple=True)
    except ValueError as err:
        raise InputError(
            f"cannot read this calendar: {err}",
            file=file,
            row=_line_of(text, str(err)),
            fix=_EXPORT_AGAIN,
        ) from err
    if not calendars:
        raise InputError(
            "the calendar has no END:VCALENDAR (the file is cut short)",
            file=file,
            fix="Export the calendar again; the file seems incomplete.",
        )
    skipped: Counter = Counter()
    for calendar in calendars:  # RFC 5545 requires DTSTART; without it there is no when
        for component in calendar.walk():
            kept = [c for c in component.subcomponents
                    if c.name != "VEVENT" or c.get("DTSTART") is not None]  # fmt: skip
            skipped["no start"] += len(component.subcomponents) - len(kept)
            component.subcomponents[:] = kept
    events = [e for cal in calendars for e in cal.walk("VEVENT")]
    for component in [*calendars, *events]:
        for prop, problem in component.errors:
            raise InputError(
                f"cannot read {prop or 'a line'} of event {_uid(component)!r}: {problem}",
                file=file,
                row=_line_of(text, problem if prop is None else str(component.get(prop))),
                fix=_EXPORT_AGAIN,
            )
    window = _window(events, start, end, file=file, text=text)

    log = EventLog(ego, kind="meeting", pair_kind="co-attendance", channel="calendar",
                   limit=limit)  # fmt: skip
    for calendar in calendars:
        for occurrence in _occurrences(calendar, window, file=file, text=text):
            if str(occurrence.get("STATUS", "")).upper() == "CANCELLED":
                skipped["cancelled"] += 1
                continue
            when = _timestamp(occurrence.get("DTSTART").dt)
            uid = _uid(occurrence)
            title = str(occurrence.get("SUMMARY", "")).strip() or None
            organiser = _address(occurrence.get("ORGANIZER"))
            attendees = occurrence.get("ATTENDEE", [])
            if not isinstance(attendees, list):
                attendees = [attendees]
            present, ego_present = [], True
            if organiser is not None:
                organiser = ego if organiser in mine else organiser
                log.name(organiser, occurrence["ORGANIZER"].params.get("CN"))
                if organiser != ego:
                    present.append(organiser)
            for attendee in attendees:
                params = attendee.params
                address = _address(attendee)
                cutype = str(params.get("CUTYPE", "INDIVIDUAL")).upper()
                if address is None:
                    skipped["no address"] += 1
                    continue
                if cutype in {"ROOM", "RESOURCE"} or address.endswith(_NOT_PEOPLE):
                    skipped["room"] += 1
                    continue
                if cutype == "GROUP":
                    skipped["group"] += 1
                    continue
                if str(params.get("ROLE", "")).upper() == "NON-PARTICIPANT":
                    skipped["non-participant"] += 1
                    continue
                declined = str(params.get("PARTSTAT", "")).upper() == "DECLINED"
                if address in mine:
                    log.name(ego, params.get("CN"))
                    ego_present = ego_present and not declined
                    if declined:
                        skipped["you declined"] += 1
                    continue
                if declined:
                    skipped["declined"] += 1
                    continue
                log.name(address, params.get("CN"))
                present.append(address)
            if not present:
                continue
            start_text = when.isoformat()
            event = f"{uid}@{start_text}" if uid else f"{title or 'event'}@{start_text}"
            initiator = organiser if organiser in present else None
            if not log.add(event, when, present, ego_present=ego_present, initiator=initiator,
                           title=title):  # fmt: skip
                skipped["large"] += 1
    if any(skipped.values()):
        _warn(f"{file}: skipped {counted(skipped, _SKIPPED, limit=log.limit)}.")
    people, interactions = log.tables(ego_email=";".join(mine))
    people.attrs["file"] = interactions.attrs["file"] = file
    return people, interactions


_SKIPPED = {
    "no start": ("event without a start (DTSTART)", "events without a start (DTSTART)"),
    "cancelled": ("cancelled event", "cancelled events"),
    "you declined": ("event you declined", "events you declined"),
    "declined": ("declined attendee", "declined attendees"),
    "room": ("room, resource or calendar", "rooms, resources or calendars"),
    "group": ("invited group (a mailing list)", "invited groups (mailing lists)"),
    "non-participant": ("non-participant", "non-participants"),
    "no address": ("attendee without an e-mail address", "attendees without an e-mail address"),
    "large": (
        "event with more than {limit} people (a group, not a clique)",
        "events with more than {limit} people (groups, not cliques)",
    ),
}


def _address(prop: Any) -> str | None:
    """The e-mail address of an ORGANIZER or ATTENDEE (Apple: its EMAIL parameter)."""
    if prop is None:
        return None
    address = normal_email(str(prop))
    if address is None and hasattr(prop, "params"):
        address = normal_email(prop.params.get("EMAIL"))
    return address


def _uid(component: Any) -> str:
    return str(component.get("UID", "")).strip()


def _timestamp(value: Any) -> pd.Timestamp:
    """An event start as a tz-naive UTC timestamp (an all-day date at midnight)."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
        return pd.Timestamp(value)
    return pd.Timestamp(value.year, value.month, value.day)


def _window(
    events: list, start: Any, end: Any, *, file: str, text: str
) -> tuple[dt.datetime, dt.datetime]:
    """The bounded window for repeating events (see read_ics_tables)."""
    starts, stamps = [], []
    for event in events:
        for key, found in (("DTSTART", starts), ("DTSTAMP", stamps)):
            prop = event.get(key)
            if prop is None:
                continue
            value = getattr(prop, "dt", None)
            if not isinstance(value, dt.date):
                raise InputError(
                    f"the {key} of event {_uid(event)!r} is not a date: {str(prop)[:40]!r}",
                    file=file,
                    row=_line_of(text, str(prop)),
                    fix=_EXPORT_AGAIN,
                )
            found.append(_timestamp(value))
    first = pd.Timestamp(start) if start is not None else min(starts, default=pd.Timestamp(0))
    if end is not None:
        last = pd.Timestamp(end)
    else:
        last = max([*starts, *stamps], default=first) + pd.Timedelta(days=1)
    if last <= first:
        raise InputError(
            f"the window for repeating events is empty ({first} to {last})",
            file=file,
            fix="Pass start= before end=.",
        )
    return first.to_pydatetime(), last.to_pydatetime()


def _occurrences(calendar: Any, window: tuple, *, file: str, text: str) -> list:
    import recurring_ical_events

    try:
        return list(recurring_ical_events.of(calendar).between(*window))
    except Exception as err:  # the library raises its own types and ValueErrors
        raise InputError(
            f"cannot expand the repeating events: {err}",
            file=file,
            row=_line_of(text, "RRULE"),
            fix=_EXPORT_AGAIN,
        ) from err


def _line_of(text: str, needle: str) -> int | None:
    """The 1-based line of the first line holding the start of ``needle``, if any."""
    for quote in ("'", '"'):  # error messages quote the offending content line
        if needle.count(quote) >= 2:
            needle = needle.split(quote)[1]
            break
    needle = needle.strip()[:30]
    if not needle:
        return None
    at = text.find(needle)
    return None if at < 0 else text.count("\n", 0, at) + 1
