"""Turn shared events (meetings, mails, group conversations) into people and interactions.

Shared by the calendar, mailbox and LinkedIn readers, so the three follow one rule, the data
contract of tie evidence:

- a row between the user (the ego) and each participant, kind ``"meeting"`` or
  ``"message"``, weight 1, directed from whoever started the event (the organiser, the
  sender) when known;
- among the :math:`n` participants other than the user, one co-occurrence row per pair, kind
  ``"co-attendance"`` or ``"co-recipient"``, weight :math:`1/(n-1)` after Newman [1]_ (each
  participant's unit of attention shared among the others), all with the same ``event`` id;
- an event with more than ``limit`` people is not a clique but a group: no rows, and its title
  goes to the ``groups`` column of everyone in it.

References
----------
.. [1] Newman, M. E. J. Scientific collaboration networks. II. Shortest paths, weighted
   networks, and centrality. *Physical Review E* 64, 016132 (2001).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from email.utils import parseaddr

import numpy as np
import pandas as pd

from netgraph.errors import InputError

#: Default size above which an event is a group, not a clique (people, the user included).
DEFAULT_LIMIT = 25

_IN_PARENTHESES = re.compile(r"\s*\([^()]*@[^()]*\)")  # Outlook's "Ann Lee (ann@x.org)"
_EMAIL = re.compile(r"^[^@\s<>(),;:\"\[\]]+@[^@\s<>(),;:\"\[\]]+\.[^@\s<>(),;:\"\[\]]+$")


def normal_email(value: object) -> str | None:
    """A lower-cased bare address (``mailto:`` and angle brackets removed), or None.

    >>> normal_email("MAILTO:Ann.Lee@Example.ORG")
    'ann.lee@example.org'
    >>> normal_email("Ann <ann@x.org>"), normal_email("not an address")
    ('ann@x.org', None)
    """
    if value is None:
        return None
    text = str(value).strip()
    if text[:7].lower() == "mailto:":
        text = text[7:]
    if "<" in text:
        text = parseaddr(text)[1]
    text = text.strip().strip("<>").strip().lower()
    return text if _EMAIL.match(text) else None


def my_addresses(me: str | Sequence[str], *, file: str) -> list[str]:
    """The user's addresses from ``me`` (one or several; normalised), the ego id first."""
    values = [me] if isinstance(me, str) else list(me)
    addresses = []
    for value in values:
        address = normal_email(value)
        if address is None:
            raise InputError(
                f"me={value!r} is not an e-mail address",
                file=file,
                fix="Pass your own address(es) as me=, such as me=['ann@work.com', "
                "'ann@home.org']: they find you among the attendees or correspondents.",
            )
        if address not in addresses:
            addresses.append(address)
    if not addresses:
        raise InputError("me= names no address", file=file, fix="Pass your own address(es).")
    return addresses


def counted(counts: Counter, labels: dict[str, tuple[str, str]], *, limit: int) -> str:
    """'2 declined attendees, 1 cancelled event and ...', in the order of ``labels``."""
    parts = [
        f"{counts[key]} {words[counts[key] != 1].format(limit=limit)}"
        for key, words in labels.items()
        if counts[key]
    ]
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


class EventLog:
    """Collects events, then gives the people and interactions tables of the contract.

    Parameters
    ----------
    ego : str
        The user's id.
    kind, pair_kind : str
        The interaction kinds of user-participant rows and of co-occurrence rows.
    channel : str
        The ``channel`` of every row (``"calendar"``, ``"email"``, ``"linkedin"``).
    limit : int
        Events with more people than this (the user included) are groups.
    """

    def __init__(self, ego: str, *, kind: str, pair_kind: str, channel: str, limit: int) -> None:
        if int(limit) < 2:
            raise ValueError(f"limit must be at least 2 people, got {limit!r}")
        self.ego = ego
        self.kind, self.pair_kind, self.channel = kind, pair_kind, channel
        self.limit = int(limit)
        self.rows: list[tuple] = []
        self.names: dict[str, Counter] = defaultdict(Counter)
        self.attributes: dict[str, dict[str, str]] = defaultdict(dict)
        self.groups: dict[str, set[str]] = defaultdict(set)
        self.large: Counter = Counter()  # group title -> events too large

    def name(self, pid: str, name: object) -> None:
        """Record a display name seen for ``pid`` (the most frequent one wins)."""
        if name is None:
            return
        text = _IN_PARENTHESES.sub("", " ".join(str(name).split())).strip("'\" ")
        if text and normal_email(text) != pid and text.lower() != pid:
            self.names[pid][text] += 1

    def group(self, pids: Iterable[str], title: str) -> None:
        for pid in pids:
            self.groups[pid].add(title)

    def add(
        self,
        event: str,
        date: pd.Timestamp,
        participants: Sequence[str],
        *,
        ego_present: bool = True,
        initiator: str | None = None,
        title: str | None = None,
        pairs: bool = True,
    ) -> bool:
        """Add one event; False when it was too large and became a group instead.

        ``participants`` are the people other than the user, without repeats; ``pairs=False``
        adds only the rows between the user and each participant.
        """
        people = [p for p in dict.fromkeys(participants) if p != self.ego]
        n = len(people)
        if n + int(ego_present) > self.limit:
            label = title or "a large event"
            self.group([*people, self.ego] if ego_present else people, label)
            self.large[label] += 1
            return False
        if ego_present:
            for p in people:
                pair = (p, self.ego) if initiator == p else (self.ego, p)
                self.rows.append((*pair, date, self.kind, event, 1.0))
        if pairs and n >= 2:
            weight = 1.0 / (n - 1)
            for i in range(n):
                for j in range(i + 1, n):
                    a, b = people[i], people[j]
                    if b == initiator or (a != initiator and b < a):
                        a, b = b, a
                    self.rows.append((a, b, date, self.pair_kind, event, weight))
        return True

    def tables(
        self, *, extra_people: Iterable[str] = (), ego_email: str | None = None
    ) -> tuple[pd.DataFrame, pd.DataFrame]:
        """The people table (indexed by ``id``) and the interactions table."""
        interactions = pd.DataFrame(
            self.rows, columns=["source", "target", "date", "kind", "event", "weight"]
        )
        interactions.insert(3, "channel", self.channel)
        interactions["date"] = pd.to_datetime(interactions["date"]).astype("datetime64[ns]")
        for column in ("source", "target", "channel", "kind", "event"):
            interactions[column] = interactions[column].astype("str")
        interactions["weight"] = interactions["weight"].astype("float64")
        interactions = interactions.sort_values("date", kind="stable", ignore_index=True)

        ids = [self.ego]
        seen = {self.ego}
        for pid in [
            *interactions["source"],
            *interactions["target"],
            *self.groups,
            *self.names,
            *extra_people,
        ]:
            if pid not in seen:
                seen.add(pid)
                ids.append(pid)
        names = [self.names[p].most_common(1)[0][0] if self.names.get(p) else np.nan for p in ids]
        emails = [
            ego_email if p == self.ego else (p if normal_email(p) == p else np.nan) for p in ids
        ]
        groups = [";".join(sorted(self.groups[p])) if self.groups.get(p) else np.nan for p in ids]
        people = pd.DataFrame(
            {"name": names, "email": emails, "groups": groups},
            index=pd.Index(ids, name="id", dtype="str"),
        )
        columns = sorted({c for values in self.attributes.values() for c in values})
        for column in columns:
            people[column] = [self.attributes.get(p, {}).get(column, np.nan) for p in ids]
        for column in people.columns:
            people[column] = people[column].astype("str")
        return people, interactions
