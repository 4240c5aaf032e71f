r"""The Friday review: three people to write to this week, why, and a draft to send.

The habit: keep lists of people to stay in touch with, to get to know and that you worked
with; each week write to a few of them, say why, and offer times to meet. Four kinds of
suggestion are mixed:

* **follow up**: a first meeting one to three weeks ago with no word since (a first
  follow-up is what turns a new acquaintance into a tie), or a message of yours unanswered
  for two to six weeks;
* **thank**: a favour received in the last `thank_days` days and not thanked since
  (:func:`netgraph.recommend.thanks.thanks_owed`);
* **write**: a dormant tie worth reviving, ranked by :func:`netgraph.recommend.reconnect`
  (Levin, Walter and Murnighan [1]_), and people on the *stay in touch* list silent for
  `stay_in_touch_days` days;
* **ask for an introduction**: someone on the *want to know* list, through the warmest path
  of :func:`netgraph.recommend.paths_to` (Granovetter's weak ties [2]_), or *write* to them
  when you already know them; not again for eight weeks once you wrote to them.

Where you owe someone, more asks than gives in :func:`netgraph.recommend.ledger`, the action
is **give first** (the rule of several gives per ask). The drafts are templates filled from
the data: shared history, a new role from the field history, what you could offer (a contact
in their industry they do not know), who introduced you, and two or three times next week.
No network call, no language model.

References
----------
.. [1] Levin, Daniel Z., Jorge Walter, and J. Keith Murnighan. "Dormant Ties: The Value of
   Reconnecting." *Organization Science* 22, no. 4 (2011): 923-939.
.. [2] Granovetter, Mark S. "The Strength of Weak Ties." *American Journal of Sociology* 78,
   no. 6 (1973): 1360-1380.
"""

from __future__ import annotations

import functools
from collections.abc import Hashable, Mapping
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from netgraph.recommend._common import kinds, text
from netgraph.recommend.ledger import ledger
from netgraph.recommend.paths import paths_to
from netgraph.recommend.reconnect import reconnect
from netgraph.recommend.thanks import thanks_owed

__all__ = ["candidates", "choose", "follow_through", "meeting_times", "to_ics", "week"]

ACTIONS = ("write", "follow up", "thank", "give first", "ask for an introduction")
#: The kinds of suggestion, in the order a week starts from (rotated week by week).
GROUPS = ("follow up", "thank", "write", "want to know")
#: Outgoing kinds that count as having written to someone.
CONTACT_KINDS = frozenset({"message", "meeting", "give", "ask", "thanks", "email", "call"})
_SLOTS = [  # (weekday, hour, minute) of next week, handed out three per suggestion
    (1, 10, 0),
    (2, 14, 0),
    (3, 16, 30),
    (1, 15, 0),
    (2, 9, 30),
    (4, 11, 0),
    (0, 14, 0),
    (3, 10, 0),
    (4, 15, 30),
]
_COLUMNS = ["person", "name", "action", "why", "message", "times", "kind", "via", "score"]
_DAY = pd.Timedelta(days=1)
_WHEN = "\x00when\x00"  # where a draft's times go, filled in by choose()


def week(
    G: nx.Graph,
    ties: pd.DataFrame,
    interactions: pd.DataFrame,
    people: pd.DataFrame,
    person: Hashable,
    *,
    k: int = 3,
    today: Any = None,
    lists: pd.DataFrame | None = None,
    decisions: pd.DataFrame | None = None,
    changes: pd.DataFrame | None = None,
    this_week: pd.DataFrame | None = None,
    communities: Any = None,
    thank_days: float = 60,
    stay_in_touch_days: float = 60,
    ratio: float = 7,
) -> pd.DataFrame:
    """Choose this week's `k` people to write to, with the reason, the action and a draft.

    The candidates of the four kinds (see the module docstring) are worked out as of the
    Monday of `today`'s week. People you have contacted since that Monday, snoozed or
    skipped (`decisions` still running at `today`) are left out: whom you wrote to this week
    leaves the list, and the list does not fill up again until next week. People already
    suggested this week (`this_week`) keep their place; the rest is filled round-robin over
    the kinds, starting from a kind that rotates week by week, each kind's candidates best
    first. The same inputs give the same list.

    Parameters
    ----------
    G : networkx.Graph
        The undirected network, edge ``weight`` = tie strength.
    ties : pandas.DataFrame
        The tie table of :func:`netgraph.tie_strength` (with ``last_contact``).
    interactions : pandas.DataFrame
        The log: source, target, date, kind (and optionally note).
    people : pandas.DataFrame
        People indexed by id (``name``, ``first_name``, ``company``, ``role``,
        ``industry``, ``introduced_by`` are used when present).
    person : node
        You.
    k : int, default 3
    today : date-like, optional
        Default now.
    lists : DataFrame, optional
        ``person``, ``list`` (``"stay in touch"``, ``"want to know"``, ``"worked with"``).
    decisions : DataFrame, optional
        ``person``, ``decision`` (snooze or skip), ``until``: who to leave out.
    changes : DataFrame, optional
        Field history: ``person``, ``field``, ``old``, ``new``, ``date`` (a new role).
    this_week : DataFrame, optional
        Suggestions already made this week: ``person``, ``rank``.
    communities : optional
        Passed to :func:`netgraph.recommend.reconnect`.
    thank_days, stay_in_touch_days : float
        Windows for a thank-you owed and for the stay-in-touch list.
    ratio : float, default 7
        Gives per ask (:func:`netgraph.recommend.ledger`).

    Returns
    -------
    pandas.DataFrame
        At most `k` rows: ``person``, ``name``, ``action`` (write, follow up, thank, give
        first, ask for an introduction), ``why``, ``message`` (the draft), ``times`` (the
        proposed slots next week), ``kind`` (follow up, thank, write, want to know), ``via``
        (the connector of an introduction) and ``score``.

    Examples
    --------
    >>> import netgraph
    >>> net = netgraph.sample()
    >>> review = week(net.undirected, net.ties, net.interactions, net.people, "me",
    ...               today="2026-01-09")
    >>> len(review), set(review["action"]) <= set(ACTIONS)
    (3, True)
    """
    today = pd.Timestamp.now() if today is None else pd.Timestamp(today)
    monday = _monday(today)
    pool = candidates(
        G,
        ties,
        interactions,
        people,
        person,
        today=today,
        lists=lists,
        changes=changes,
        communities=communities,
        thank_days=thank_days,
        stay_in_touch_days=stay_in_touch_days,
        ratio=ratio,
    )
    log = _own_log(interactions, person)
    contacted = set(log.loc[(log["date"] >= monday) & log["out"], "contact"])
    return choose(
        pool, k=k, today=today, contacted=contacted, decisions=decisions, this_week=this_week
    )


def candidates(
    G: nx.Graph,
    ties: pd.DataFrame,
    interactions: pd.DataFrame,
    people: pd.DataFrame,
    person: Hashable,
    *,
    today: Any = None,
    lists: pd.DataFrame | None = None,
    changes: pd.DataFrame | None = None,
    communities: Any = None,
    thank_days: float = 60,
    stay_in_touch_days: float = 60,
    ratio: float = 7,
    pool: int = 10,
    asked: set | None = None,
    shared_contacts: pd.Series | None = None,
) -> pd.DataFrame:
    """The week's candidates of each kind, as of the Monday of `today`'s week, best first.

    The slow half of :func:`week` (a store keeps it for the week): one row per person, the
    best `pool` of each kind, with ``person``, ``name``, ``group`` (the kind), ``action``,
    ``why``, ``draft`` (the message, times to be filled in by :func:`choose`), ``via`` and
    ``score``. `asked`: want-to-know people whose introduction you already asked for (left
    out). `shared_contacts`: how many of your other contacts each contact knows, when already
    counted (see :func:`netgraph.recommend.reconnect`). Other parameters as for :func:`week`.
    """
    today = pd.Timestamp.now() if today is None else pd.Timestamp(today)
    monday = _monday(today)
    names = _name_map(people)
    log = _own_log(interactions, person)
    before = log[log["date"] < monday]
    # the ledger and the thank-yous only read the person's own rows: give them only those
    ends = (text(interactions["source"]) == str(person)) | (
        text(interactions["target"]) == str(person)
    )
    interactions = interactions[ends]
    book = ledger(interactions, person, ratio=ratio, today=monday) if len(log) else None
    owed = set()
    if book is not None and len(book):
        owed = set(book.index[(book["asks_of"] > book["gives_to"]).to_numpy()])
    tagged = _tagged(lists)
    found = pd.concat(
        [
            _follow_ups(before, monday, names),
            _thanks(interactions, person, monday, names, thank_days),
            _dormant(
                G,
                ties,
                person,
                monday,
                names,
                tagged,
                before,
                stay_in_touch_days,
                {"communities": communities, "shared_contacts": shared_contacts},
            ),
            _want_to_know(
                G,
                people,
                person,
                # left out: introductions asked, and people you wrote to in the last 8 weeks
                tagged.get("want to know", set())
                - set(asked or ())
                - set(
                    before.loc[before["out"] & (before["date"] >= monday - 56 * _DAY), "contact"]
                ),
                names,
            ),
        ],
        ignore_index=True,
    )
    found = found[found["person"] != str(person)]
    found = found.sort_values(
        ["group", "score", "person"], ascending=[True, False, True], kind="stable"
    ).drop_duplicates("person")  # one suggestion per person
    found = found.groupby("group", sort=False).head(pool)
    context = _Context(G, people, person, names, tagged, changes, before, today, monday)
    out = []
    for r in found.itertuples(index=False):
        action, why = r.action, r.why
        target = r.via if isinstance(r.via, str) and r.via else r.person
        if target in owed and action in ("write", "follow up", "ask for an introduction"):
            row = book.loc[target]
            why += (
                f" You have asked {names.get(target, target)} {_times(row['asks_of'])} and given "
                f"{_times(row['gives_to'])}: give first."
            )
            action = "give first"
        out.append(
            {
                "person": r.person,
                "name": names.get(r.person, r.person),
                "group": r.group,
                "action": action,
                "why": why,
                "draft": context.draft(r.person, action, r.group, r.via, r.detail, None),
                "via": r.via if isinstance(r.via, str) else None,
                "score": float(r.score),
            }
        )
    columns = ["person", "name", "group", "action", "why", "draft", "via", "score"]
    return pd.DataFrame(out, columns=columns).astype({"score": float})


def choose(
    pool: pd.DataFrame,
    *,
    k: int = 3,
    today: Any = None,
    contacted: set | None = None,
    decisions: pd.DataFrame | None = None,
    this_week: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Pick the week's `k` from the :func:`candidates` and fill in the times (fast half).

    Leaves out whom you `contacted` since Monday (they count against `k`: the list does not
    fill up again until next week), the snoozed and skipped (`decisions` running at `today`);
    keeps this week's earlier suggestions (`this_week`: ``person``, ``rank``) in their
    places; fills the rest round-robin over the kinds from a kind that rotates weekly.
    """
    today = pd.Timestamp.now() if today is None else pd.Timestamp(today)
    monday = _monday(today)
    contacted = set(contacted or ())
    excluded = set(contacted)
    if decisions is not None and len(decisions):
        running = decisions[pd.to_datetime(decisions["until"]) > today]
        excluded |= set(running["person"].astype(str))
    addressee = pool["via"].where(pool["via"].notna(), pool["person"])
    pool = pool[~(pool["person"].isin(excluded) | addressee.isin(excluded))]
    chosen: list[str] = []
    done = 0
    if this_week is not None and len(this_week):
        earlier = this_week.sort_values("rank")
        via = earlier["via"] if "via" in earlier.columns else pd.Series(None, index=earlier.index)
        done = int((earlier["person"].isin(contacted) | via.isin(contacted)).sum())
        keep = set(pool["person"])
        chosen = [p for p in earlier["person"] if p in keep]
    slots = max(int(k) - done, 0)
    chosen = chosen[:slots]
    groups = [g for g in GROUPS if g in set(pool["group"])]
    if groups:
        start = (monday - pd.Timestamp("2024-01-01")).days // 7 % len(groups)
        groups = groups[start:] + groups[:start]
    queues = {g: list(pool.loc[pool["group"] == g, "person"]) for g in groups}
    while len(chosen) < slots and any(queues.values()):
        for g in groups:
            while queues[g] and queues[g][0] in chosen:
                queues[g].pop(0)
            if queues[g] and len(chosen) < slots:
                chosen.append(queues[g].pop(0))
    if not chosen:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in _COLUMNS})
    rows = pool.set_index("person").loc[chosen].reset_index()
    out = []
    for i, r in enumerate(rows.itertuples(index=False)):
        times = meeting_times(today, i)
        out.append(
            {
                "person": r.person,
                "name": r.name,
                "action": r.action,
                "why": r.why,
                "message": r.draft.replace(_WHEN, _times_text(times)),
                "times": times,
                "kind": r.group,
                "via": r.via if isinstance(r.via, str) else None,
                "score": float(r.score),
            }
        )
    return pd.DataFrame(out, columns=_COLUMNS)


def meeting_times(today: Any, index: int = 0, n: int = 3) -> list[pd.Timestamp]:
    """`n` distinct slots in the week after `today`'s, different for each suggestion index.

    Examples
    --------
    >>> [t.strftime("%a %H:%M") for t in meeting_times("2026-01-09")]
    ['Tue 10:00', 'Wed 14:00', 'Thu 16:30']
    """
    next_monday = _monday(pd.Timestamp(today)) + pd.Timedelta(weeks=1)
    picks = [_SLOTS[(index * n + j) % len(_SLOTS)] for j in range(n)]
    times = [next_monday + pd.Timedelta(days=d, hours=h, minutes=m) for d, h, m in picks]
    return sorted(times)


def to_ics(review: pd.DataFrame, *, minutes: int = 30, stamp: Any = None) -> str:
    """The proposed times of a review as an iCalendar file (RFC 5545), one tentative hold each.

    Examples
    --------
    >>> review = pd.DataFrame({"person": ["jo"], "name": ["Jo"], "action": ["write"],
    ...                        "why": ["why"], "times": [meeting_times("2026-01-09")]})
    >>> text = to_ics(review, stamp="2026-01-09")
    >>> text.count("BEGIN:VEVENT"), "STATUS:TENTATIVE" in text
    (3, True)
    """
    stamp = pd.Timestamp.now() if stamp is None else pd.Timestamp(stamp)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//netgraph//Friday review//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    for r in review.itertuples(index=False):
        for j, start in enumerate(r.times):
            start = pd.Timestamp(start)
            end = start + pd.Timedelta(minutes=minutes)
            lines += [
                "BEGIN:VEVENT",
                f"UID:{start:%Y%m%dT%H%M%S}-{_ics_text(str(r.person))}-{j}@netgraph.local",
                f"DTSTAMP:{stamp:%Y%m%dT%H%M%S}",
                f"DTSTART:{start:%Y%m%dT%H%M%S}",
                f"DTEND:{end:%Y%m%dT%H%M%S}",
                f"SUMMARY:{_ics_text(f'Proposed: {r.action} - {r.name}')}",
                f"DESCRIPTION:{_ics_text(str(r.why))}",
                "STATUS:TENTATIVE",
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
            ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"


def follow_through(
    suggestions: pd.DataFrame,
    log: pd.DataFrame,
    person: Hashable,
    *,
    decisions: pd.DataFrame | None = None,
    names: Mapping | None = None,
    today: Any = None,
    weeks: int = 4,
) -> pd.DataFrame:
    """What became of each suggestion: written to, replied, snoozed or skipped.

    Parameters
    ----------
    suggestions : DataFrame
        ``week`` (its Monday), ``person``, ``action`` (from :func:`week`).
    log : DataFrame
        Interactions between `person` and the people suggested: source, target, date, kind.
    person : node
        You.
    decisions : DataFrame, optional
        ``person``, ``decision``, ``date``.
    names : mapping, optional
    today : date-like, optional
    weeks : int, default 4
        The window of the summary line.

    Returns
    -------
    pandas.DataFrame
        week, person, name, action, written, replied, decision; the summary line is in
        ``attrs["summary"]``.

    Examples
    --------
    >>> s = pd.DataFrame({"week": pd.to_datetime(["2026-01-05", "2026-01-05"]),
    ...                   "person": ["jo", "al"], "action": ["write", "thank"]})
    >>> log = pd.DataFrame({"source": ["me", "jo"], "target": ["jo", "me"],
    ...                     "date": pd.to_datetime(["2026-01-09", "2026-01-12"]),
    ...                     "kind": ["message", "reply"]})
    >>> follow_through(s, log, "me", today="2026-01-16").attrs["summary"]
    '1 of 2 suggested people written to in four weeks; 1 replied'
    """
    names = dict(names or {})
    today = pd.Timestamp.now() if today is None else pd.Timestamp(today)
    frame = suggestions.copy()
    frame["week"] = pd.to_datetime(frame["week"])
    log = log.assign(date=pd.to_datetime(log["date"]))
    out = log[(log["source"] == person)].sort_values("date", kind="stable")
    back = log[(log["target"] == person)].sort_values("date", kind="stable")
    written, replied, decided = [], [], []
    for r in frame.itertuples(index=False):
        via = getattr(r, "via", None)
        to = {r.person, via} if isinstance(via, str) and via else {r.person}
        mine = out[out["target"].isin(to) & (out["date"] >= r.week)]
        w = mine["date"].iloc[0] if len(mine) else pd.NaT
        written.append(w)
        if pd.notna(w):
            theirs = back[back["source"].isin(to) & (back["date"] > w)]
            replied.append(theirs["date"].iloc[0] if len(theirs) else pd.NaT)
        else:
            replied.append(pd.NaT)
        d = None
        if decisions is not None and len(decisions):
            rows = decisions[
                (decisions["person"] == r.person)
                & (pd.to_datetime(decisions["date"]) >= r.week)
                & (pd.to_datetime(decisions["date"]) < r.week + pd.Timedelta(weeks=1))
            ]
            if len(rows):
                d = {"snooze": "snoozed", "skip": "skipped"}[rows["decision"].iloc[-1]]
        decided.append(d)
    frame["name"] = [names.get(p, p) for p in frame["person"]]
    frame["written"] = pd.to_datetime(pd.Series(written, dtype="datetime64[us]"))
    frame["replied"] = pd.to_datetime(pd.Series(replied, dtype="datetime64[us]"))
    frame["decision"] = decided
    columns = ["week", "person", "name", "action", "written", "replied", "decision"]
    frame = frame[[c for c in columns if c in frame.columns]]
    start = _monday(today) - pd.Timedelta(weeks=weeks - 1)
    recent = frame[frame["week"] >= start]
    people = recent["person"].nunique()
    wrote = recent.loc[recent["written"].notna(), "person"].nunique()
    answered = recent.loc[recent["replied"].notna(), "person"].nunique()
    frame.attrs["summary"] = (
        f"{wrote} of {people} suggested people written to in {_number(weeks)} "
        f"week{'s' if weeks != 1 else ''}; {answered} replied"
    )
    return frame


# -- the candidates ----------------------------------------------------------------------------


def _frame(rows: list[dict]) -> pd.DataFrame:
    columns = ["person", "group", "action", "why", "score", "via", "detail"]
    return pd.DataFrame(rows, columns=columns).astype({"score": float})


def _own_log(interactions: pd.DataFrame, person: Hashable) -> pd.DataFrame:
    """The person's interactions, one row each: contact, date, kind, out (hers), note.

    Ids are read as text, as everywhere in the review (0 is "0", a tuple its text)."""
    me = str(person)
    src = text(interactions["source"])
    dst = text(interactions["target"])
    mine = (src == me) | (dst == me)
    log = interactions[mine]
    out = src[mine] == me
    frame = pd.DataFrame(
        {
            # object columns (not pandas' inferred string dtype): read row by row below
            "contact": pd.Series(np.where(out, dst[mine], src[mine]), dtype=object),
            "date": pd.to_datetime(log["date"]).to_numpy(),
            "kind": pd.Series(kinds(log), dtype=object),
            "out": out,
            "note": log["note"].to_numpy() if "note" in log.columns else None,
        }
    )
    frame = frame[frame["contact"] != me]
    return frame[frame["date"].notna()].sort_values("date", kind="stable", ignore_index=True)


def _follow_ups(log: pd.DataFrame, monday: pd.Timestamp, names: dict) -> pd.DataFrame:
    rows = []
    if log.empty:
        return _frame(rows)
    by_contact = log.groupby("contact", sort=True)
    first = by_contact["date"].min()
    first_kind = log.drop_duplicates("contact").set_index("contact")["kind"]
    outgoing = log[log["out"]]
    last_out = outgoing.groupby("contact")["date"].max()
    last_in = log[~log["out"]].groupby("contact")["date"].max()
    # a first meeting one to three weeks ago, and no word since
    new = first[(first >= monday - 21 * _DAY) & (first <= monday - 7 * _DAY)]
    for contact, met in new.items():
        if first_kind.get(contact) != "meeting":
            continue
        after = outgoing[(outgoing["contact"] == contact) & (outgoing["date"] > met)]
        if len(after):
            continue
        days = (monday - met).days
        rows.append(
            {
                "person": contact,
                "group": "follow up",
                "action": "follow up",
                "why": f"You met {names.get(contact, contact)} for the first time on "
                f"{_day(met)}, {_span(days)} ago, and have not been in touch since; a "
                "follow-up one or two weeks after a first meeting turns it into a tie.",
                "score": 2.0 + days / 21,
                "via": None,
                "detail": {"met": met},
            }
        )
    # a message of yours unanswered for two to six weeks
    messages = outgoing[outgoing["kind"] == "message"]
    last_message = messages.groupby("contact")["date"].max()
    waiting = last_message[
        (last_message >= monday - 42 * _DAY) & (last_message <= monday - 14 * _DAY)
    ]
    for contact, sent in waiting.items():
        if last_in.get(contact, pd.NaT) > sent or last_out.get(contact) > sent:
            continue
        days = (monday - sent).days
        rows.append(
            {
                "person": contact,
                "group": "follow up",
                "action": "follow up",
                "why": f"You wrote to {names.get(contact, contact)} on {_day(sent)} and have not "
                f"heard back in {_span(days)}; a short, friendly follow-up is welcome.",
                "score": 1.0 + days / 42,
                "via": None,
                "detail": {"sent": sent},
            }
        )
    return _frame(rows)


def _thanks(interactions, person, monday, names: dict, days: float) -> pd.DataFrame:
    """Favours not thanked yet (:func:`netgraph.recommend.thanks.thanks_owed`), recent ones."""
    rows = []
    dates = pd.to_datetime(interactions["date"], errors="coerce")
    owed = thanks_owed(
        interactions[(dates < monday).to_numpy(bool)], person, names=names, today=monday
    )
    owed = owed[owed["days_ago"] <= days]
    for giver, favours in owed.groupby("person", sort=True):
        last = favours["date"].max()
        text = str(favours.sort_values("date")["favour"].iloc[-1])
        note = text.split(": ", 1)[1] if ": " in text else None
        rows.append(
            {
                "person": giver,
                "group": "thank",
                "action": "thank",
                "why": str(favours.sort_values("date")["reason"].iloc[-1]),
                "score": 1.0 + len(favours) + (1 - (monday - last).days / days),
                "via": None,
                "detail": {"note": note, "given": last},
            }
        )
    return _frame(rows)


def _dormant(G, ties, person, monday, names, tagged, log, quiet_days, structure):
    rows = []
    stay = tagged.get("stay in touch", set())
    if person in G and len(ties) and "last_contact" in ties.columns:
        options = {k: v for k, v in structure.items() if v is not None}
        ranked = reconnect(G, ties, person, k=max(len(ties), 1), today=monday, **options)
        ranked = ranked[ranked["last_contact"] < monday]
        n = len(ranked)
        for i, r in enumerate(ranked.itertuples(index=False)):
            boost = 1.0 if r.person in stay else 0.0
            rows.append(
                {
                    "person": r.person,
                    "group": "write",
                    "action": "write",
                    "why": r.reason,
                    "score": boost + (n - i) / max(n, 1),
                    "via": None,
                    "detail": {"last": r.last_contact},
                }
            )
    seen = {r["person"] for r in rows}
    if stay:
        last = log.groupby("contact")["date"].max() if len(log) else pd.Series(dtype="M8[us]")
        for contact in sorted(stay - seen - {person}):
            when = last.get(contact, pd.NaT)
            if pd.notna(when) and (monday - when).days < quiet_days:
                continue
            since = (
                f"you last spoke {_span((monday - when).days)} ago"
                if pd.notna(when)
                else "you have no contact with them on record"
            )
            rows.append(
                {
                    "person": contact,
                    "group": "write",
                    "action": "write",
                    "why": f"{names.get(contact, contact)} is on your stay-in-touch list and "
                    f"{since}.",
                    "score": 1.5,
                    "via": None,
                    "detail": {"last": when},
                }
            )
    return _frame(rows)


def _want_to_know(G, people, person, wanted, names) -> pd.DataFrame:
    rows = []
    wanted = sorted(str(w) for w in wanted if str(w) != str(person))
    if not wanted:
        return _frame(rows)
    paths = pd.DataFrame()
    if person in G:
        reachable = [w for w in wanted if w in G]
        if reachable:
            # every path of up to three ties me - x - y - target lies among these people
            # (x and y are not me: neither is expanded from me, who may know everyone)
            near = set(reachable).union(*(G.adj[t] for t in reachable)) - {person}
            second = set().union(*(G.adj[y] for y in near)) & set(G.adj[person])
            nodes = near | second | {person}
            # all of G (you know most people) is read directly: a view filters every read
            H = G if len(nodes) == len(G) else G.subgraph(nodes)
            paths = paths_to(H, None, person, k=len(H), id=reachable)
            paths = paths[paths["target"].isin(set(reachable))]
    best = {r.target: r for r in paths.itertuples(index=False)} if len(paths) else {}
    for target in wanted:
        name = names.get(target, target)
        r = best.get(target)
        if r is not None and r.hops == 1:
            rows.append(
                {
                    "person": target,
                    "group": "want to know",
                    "action": "write",
                    "why": f"{name} is on your want-to-know list and you already know "
                    "each other: write to them yourself.",
                    "score": 1.0,
                    "via": None,
                    "detail": {},
                }
            )
        elif r is not None:
            via = r.path[1]
            chain = " -> ".join(names.get(p, p) for p in r.path[1:])
            rows.append(
                {
                    "person": target,
                    "group": "want to know",
                    "action": "ask for an introduction",
                    "why": f"{name} is on your want-to-know list; the warmest path is "
                    f"{chain} ({r.hops - 1} introduction"
                    f"{'s' if r.hops > 2 else ''}): ask {names.get(via, via)}.",
                    "score": float(r.score),
                    "via": via,
                    "detail": {},
                }
            )
        else:
            rows.append(
                {
                    "person": target,
                    "group": "want to know",
                    "action": "write",
                    "why": f"{name} is on your want-to-know list and nobody you know "
                    "knows them: write to them directly, saying why.",
                    "score": 0.0,
                    "via": None,
                    "detail": {},
                }
            )
    return _frame(rows)


# -- the drafts ------------------------------------------------------------------------------


class _Context:
    """What the drafts draw on: names, attributes, history, lists, new roles."""

    def __init__(self, G, people, person, names, tagged, changes, log, today, monday):
        self.G, self.people, self.me, self.names = G, people, person, names
        self.tagged, self.log, self.today = tagged, log, today
        self._columns: dict[str, dict] = {}
        self.changes = (
            changes
            if changes is not None
            else pd.DataFrame(columns=["person", "field", "old", "new", "date"])
        )

    def first(self, pid: str) -> str:
        value = self.attr(pid, "first_name")
        if value:
            return value
        name = self.names.get(pid, pid)
        return name.split()[0] if name.split() else name

    def attr(self, pid: str, column: str) -> str | None:
        return self._column(column).get(str(pid))

    def _column(self, column: str) -> dict[str, str]:
        """A people column as {id: stripped text}, blanks left out (built once)."""
        if column not in self._columns:
            if column not in self.people.columns:
                self._columns[column] = {}
            else:
                values = self.people[column]
                self._columns[column] = {
                    str(i): v.strip()
                    for i, v in zip(values.index, values.astype(object), strict=True)
                    if isinstance(v, str) and v.strip()
                }
        return self._columns[column]

    @functools.cached_property
    def _news(self) -> dict:
        """Each person's latest change of company, else of role, in the last year."""
        c = self.changes
        recent = c[
            c["field"].isin(["company", "role"])
            & c["old"].notna()
            & (pd.to_datetime(c["date"]) >= self.today - pd.Timedelta(days=365))
        ]
        news = {}
        for r in recent.sort_values("date", kind="stable").itertuples(index=False):
            if r.field == "company":
                news[r.person] = f"congratulations on the move from {r.old} to {r.new}"
            elif not str(news.get(r.person, "")).startswith("congratulations on the move"):
                news[r.person] = f"congratulations on the new role as {r.new}"
        return news

    def news(self, pid: str) -> str | None:
        """A new role or company from the field history of the last year."""
        return self._news.get(pid)

    @functools.cached_property
    def _last(self) -> pd.DataFrame:
        """Your latest interaction with each contact (kind, date), by contact."""
        return self.log.drop_duplicates("contact", keep="last").set_index("contact")

    def history(self, pid: str) -> str | None:
        if pid in self.tagged.get("worked with", set()):
            return "since we worked together"
        if pid in self._last.index:
            kind, date = self._last.loc[pid, ["kind", "date"]]
            what = {"meeting": "we met", "give": "you helped me", "ask": "we spoke"}.get(
                kind, "we were last in touch"
            )
            return f"{what} in {date:%B %Y}"
        for column in ("company", "school"):
            ours, theirs = self.attr(self.me, column), self.attr(pid, column)
            if ours and theirs and ours.lower() == theirs.lower():
                return f"we are both at {ours}" if column == "company" else f"we both know {ours}"
        return None

    @functools.cached_property
    def _by_industry(self) -> pd.DataFrame:
        """Your contacts with an industry (lower case), strongest tie first (then by id)."""
        adjacency = self.G.adj[self.me] if self.me in self.G else {}
        contacts = pd.DataFrame(
            {
                "contact": pd.Series([str(c) for c in adjacency], dtype=object),
                "w": [float(d.get("weight", 0) or 0) for d in adjacency.values()],
            }
        )
        lower = {pid: text.lower() for pid, text in self._column("industry").items()}
        industry = contacts["contact"].map(lower)
        contacts = contacts.assign(industry=industry)[industry.notna().to_numpy()]
        return contacts.sort_values(["w", "contact"], ascending=[False, True], kind="stable")

    def offer(self, pid: str) -> str | None:
        """A contact of yours in their industry whom they do not know yet."""
        industry = self.attr(pid, "industry")
        if not industry:
            return None
        known = set(self.G.adj[pid]) if pid in self.G else set()
        theirs = (self.attr(pid, "company") or "").lower()
        same = self._by_industry[self._by_industry["industry"] == industry.lower()]
        for contact in same["contact"]:
            if contact == pid or contact in known:
                continue
            company = self.attr(contact, "company")
            if company and company.lower() == theirs:
                continue  # colleagues know each other
            where = f" at {company}" if company else ""
            return f"an introduction to {self.names.get(contact, contact)}{where}"
        return None

    def intro(self, pid: str) -> str | None:
        who = self.attr(pid, "introduced_by")
        return None if who is None else f"{self.names.get(who, who)} introduced us"

    def draft(self, pid, action, group, via, detail, times) -> str:
        when = _WHEN if times is None else _times_text(times)
        ask = f"Would you have 30 minutes next week? I could do {when}."
        name = self.first(pid)
        if action == "ask for an introduction" or (action == "give first" and via):
            target = self.names.get(pid, pid)
            role = ", ".join(x for x in (self.attr(pid, "role"), self.attr(pid, "company")) if x)
            about = f" ({role})" if role else ""
            hello = f"Hi {self.first(via)},"
            if action == "give first":
                offer = self.offer(via)
                give = (
                    f"first, I thought of you and could offer {offer}, if useful. "
                    if offer
                    else "first, is there anything I can help you with? "
                )
                return (
                    f"{hello} {give[0].upper()}{give[1:]}Separately, I would love to meet "
                    f"{target}{about} one day, when the time is right. {ask}"
                )
            return (
                f"{hello} I would love to meet {target}{about}. Would you be comfortable "
                f"introducing us? Happy to send a short note you can forward. {ask}"
            )
        parts = [f"Hi {name},"]
        news, history, offer, intro = (
            self.news(pid),
            self.history(pid),
            self.offer(pid),
            self.intro(pid),
        )
        if action == "thank":
            note = detail.get("note") if isinstance(detail, dict) else None
            parts.append(f"thank you for {note}." if note else "thank you for your help.")
            parts.append("It made a real difference.")
            if offer:
                parts.append(f"If it is any use, I could offer {offer} in return.")
            parts.append(f"I would love to catch up: I could do {when}.")
            return " ".join(parts)
        if action == "follow up" and isinstance(detail, dict) and "met" in detail:
            parts.append(f"it was good to meet you on {_day(detail['met'])}.")
            if intro:
                parts.append(f"Thanks to {intro.split(' introduced')[0]} for introducing us.")
            parts.append(
                "I have been thinking about what we discussed and would like to "
                "continue the conversation."
            )
        elif action == "follow up" and isinstance(detail, dict) and "sent" in detail:
            parts.append(
                f"I wanted to bring my note of {_day(detail['sent'])} back to the "
                "top of your inbox, in case it got buried."
            )
        else:
            if news:
                parts.append(f"{news[0].upper()}{news[1:]}!")
            elif history and history.startswith("since"):
                parts.append(f"it has been a while {history}.")
            elif history:
                parts.append(f"it has been a while: {history}.")
            else:
                parts.append("I have been meaning to get in touch.")
            if intro and not news:
                parts.append(f"{intro[0].upper()}{intro[1:]}, and I would like to keep in touch.")
        if action == "give first" or offer:
            parts.append(
                f"I thought of you and could offer {offer}, if useful."
                if offer
                else "Is there anything I can help you with at the moment?"
            )
        parts.append(ask)
        return " ".join(parts)


# -- small helpers ---------------------------------------------------------------------------


def _name_map(people: pd.DataFrame) -> dict:
    if "name" not in people.columns:
        return {}
    names = people["name"]
    return {str(i): str(v) for i, v in names.items() if isinstance(v, str) and v.strip()}


def _tagged(lists: pd.DataFrame | None) -> dict[str, set]:
    if lists is None or lists.empty:
        return {}
    return {tag: set(group["person"].astype(str)) for tag, group in lists.groupby("list")}


def _monday(when: pd.Timestamp) -> pd.Timestamp:
    day = pd.Timestamp(when).normalize()
    return day - pd.Timedelta(days=day.weekday())


def _day(when: Any) -> str:
    when = pd.Timestamp(when)
    return f"{when:%A} {when.day} {when:%B}"


def _span(days: float) -> str:
    if days < 14:
        return f"{round(days)} day{'s' if round(days) != 1 else ''}"
    if days < 60:
        return f"{round(days / 7)} weeks"
    if days < 730:
        return f"{round(days / 30.44)} months"
    return f"{days / 365.25:.1f} years"


def _times(n: Any) -> str:
    n = int(n)
    return "nothing" if n == 0 else ("once" if n == 1 else f"{n} times")


def _times_text(times: list[pd.Timestamp]) -> str:
    parts = [f"{t:%A} {t.day} {t:%B} at {t:%H:%M}" for t in times]
    return ", ".join(parts[:-1]) + " or " + parts[-1] if len(parts) > 1 else parts[0]


def _number(n: int) -> str:
    words = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
    ]
    return words[n] if 0 <= n < len(words) else str(n)


def _ics_text(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _fold(line: str) -> str:
    """Fold a content line at 75 octets (RFC 5545, 3.1)."""
    data = line.encode()
    if len(data) <= 75:
        return line
    parts, start, limit = [], 0, 75
    while start < len(data):
        end = min(start + limit, len(data))
        while end < len(data) and (data[end] & 0xC0) == 0x80:  # not inside a UTF-8 character
            end -= 1
        parts.append(data[start:end].decode())
        start, limit = end, 74
    return "\r\n ".join(parts)
