"""The brief: one page to read before meeting someone.

Preparing for a meeting is a practice older than any software: know the person's background,
recall your history together, find the common ground, plan what you can offer, and end by
asking for two or three more people to talk to, which is how a network grows beyond its own
circles [1]_. Burt's brokerage [2]_ says which of those people would open the network most:
the ones in circles you do not reach yet.

:func:`brief` gathers the pieces from the tables (people, ties, interactions, the store's notes
and field history when there are any) into a :class:`Brief`, which renders as Markdown
(``str()``), in Jupyter (``_repr_html_``) and keeps each part as a DataFrame.

References
----------
.. [1] Ferrazzi, Keith, and Tahl Raz. *Never Eat Alone.* New York: Currency, 2005.
.. [2] Burt, Ronald S. *Structural Holes: The Social Structure of Competition.* Cambridge, MA:
   Harvard University Press, 1992.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from netgraph import _graph
from netgraph._match import ids, normalise, rows_of, value_of
from netgraph._sections import Section, Sections
from netgraph.recommend.ledger import ledger

__all__ = ["Brief", "brief"]

#: People columns that hold several ``;``-separated groups: shared values are common ground.
GROUP_COLUMNS = ("circles", "groups", "tags")
#: People columns with one value each: the same value is common ground.
PLACE_COLUMNS = ("company", "school", "industry", "city", "hometown")
#: Columns shown under "who they are", in this order, when present.
WHO_COLUMNS = ("name", "company", "role", "industry", "city", "school", "email", "url")
#: Interaction columns that may carry the user's notes.
NOTE_COLUMNS = ("note", "notes")
#: Stated-tie columns that may say how two people met.
MET_COLUMNS = ("how_met", "met", "introduced_by", "note", "notes")
#: How many people to ask them for.
ASK_FOR = 3


class Brief(Sections):
    """What to know before meeting someone; render with ``str()`` or in Jupyter.

    Attributes
    ----------
    person : id
        Who the brief is about, the id as given (a number or tuple id stays one).
    name : str
        Their name, else their id as text.
    who : DataFrame
        ``field, value``: name, company, role and the other known attributes.
    changes : DataFrame
        ``field, old, new, date``: what changed about them (from the store's field history).
    history : DataFrame
        ``item, value``: how you met, first and last contact, usual rhythm, gives and asks.
    notes : DataFrame
        ``date, kind, note``: your notes about them, newest first.
    shared : DataFrame
        ``kind, value``: circles, groups, company, school or city you both have.
    mutual : DataFrame
        ``contact, name, your_strength, their_strength, how_well``: people you both know.
    introductions : DataFrame
        ``contact, name, score, reason``: introductions you could make for them.
    in_their_field : DataFrame
        ``contact, name, role, company, your_strength, reason``: people you know in their field.
    ask_for : DataFrame
        ``contact, name, value, reason``: up to three of their contacts to ask them for.
    advice : list of str
        Sentences that do not fit a table ("their network is unknown: ask them").
    """

    def __init__(self, **parts: Any) -> None:
        self.person: Hashable = parts.pop("person")
        self.name: str = parts.pop("name")
        self.advice: list[str] = parts.pop("advice", [])
        self.summary: dict[str, list[str]] = parts.pop("summary", {})
        for key, value in parts.items():
            setattr(self, key, value)
        self.title = f"Brief: {self.name}"

    def __repr__(self) -> str:
        return f"<netgraph.Brief: {self.name} ({self.person})>"

    @property
    def parts(self) -> dict[str, pd.DataFrame]:
        """Every table of the brief by name."""
        names = ["who", "changes", "history", "notes", "shared", "mutual"]
        names += ["introductions", "in_their_field", "ask_for"]
        return {n: getattr(self, n) for n in names}

    def sections(self) -> list[Section]:
        s = self.summary
        return [
            Section("Who they are", s.get("who", []), self.who),
            Section("What changed", s.get("changes", []), self.changes),
            Section("Your history", s.get("history", []), self.history),
            Section("Your notes", s.get("notes", []), self.notes),
            Section("Common ground", s.get("shared", []), self.shared),
            Section("Contacts you both know", s.get("mutual", []), self.mutual),
            Section(
                "What you can offer: introductions",
                s.get("introductions", []),
                self.introductions,
                ["name", "reason"],
            ),
            Section(
                "What you can offer: people you know in their field",
                s.get("in_their_field", []),
                self.in_their_field,
                ["name", "reason"],
            ),
            Section(
                "Three people to ask them for",
                s.get("ask_for", []),
                self.ask_for,
                ["name", "reason"],
            ),
        ]


def brief(
    G: nx.Graph,
    people: pd.DataFrame,
    interactions: pd.DataFrame | None,
    ego: Hashable,
    person: Hashable,
    *,
    stated_ties: pd.DataFrame | None = None,
    introductions_to_make: pd.DataFrame | None = None,
    introductions: pd.DataFrame | None = None,
    communities: pd.Series | None = None,
    changes: pd.DataFrame | None = None,
    notes: pd.DataFrame | None = None,
    affiliations: pd.DataFrame | None = None,
    today: Any = None,
    weight: str = "weight",
) -> Brief:
    """Gather what to know before meeting `person`: who, history, common ground, offers, asks.

    Parameters
    ----------
    G : networkx.Graph
        The undirected network, edge `weight` = tie strength. Not modified.
    people : DataFrame
        People indexed by id.
    interactions : DataFrame or None
        The log: ``source, target, date, kind`` and optionally ``note``.
    ego, person : node
        You, and whom you are about to meet.
    stated_ties : DataFrame, optional
        The ties as given (``kind``, ``since`` and perhaps ``how_met``), for how you met.
    introductions_to_make : DataFrame, optional
        Pairs you could introduce that include `person` (``a, b, score, reason``), from
        :func:`netgraph.recommend.introductions_to_make` with ``involving=person``.
    introductions : DataFrame, optional
        :func:`netgraph.recommend.introductions` for the ego (every candidate), to rank the
        person's contacts by what they would add to your network (``value``).
    communities : Series, optional
        Each person's community label, for the reasons.
    changes : DataFrame, optional
        Field history ``person, field, old, new, date`` (the store keeps it).
    notes : DataFrame, optional
        The store's notes ``person, date, note``; notes in the interactions are read too.
    affiliations : DataFrame, optional
        ``person, group, kind`` (see :func:`netgraph.analysis.groups.affiliations`): groups
        you are both in are common ground, besides the people columns.
    today : date-like, optional
        Now, for "last contact 40 days ago"; None means the latest interaction.

    Returns
    -------
    Brief
    """
    G = _graph.undirected(G, weight)  # the one undirected rule (largest weight)
    _graph.edge_arrays(G, weight)  # the weight rule: a bad weight is an InputError
    interactions = _frame(interactions)
    names = _names(people)
    name = names.get(person, str(person))
    pair = _pair_rows(interactions, ego, person)
    if today is None:
        today = interactions["date"].max() if "date" in interactions and len(interactions) else None
    today = None if today is None or pd.isna(today) else pd.Timestamp(today)
    summary: dict[str, list[str]] = {}
    advice: list[str] = []

    who = _who(people, person)
    if who.empty:
        summary["who"] = [f"You have only {name}'s id; add company and role to the people table."]
    changes = _changes(changes, person)
    if changes.empty:
        summary["changes"] = [
            "Nothing recorded as changed (the store keeps the history of fields)."
        ]
    else:
        summary["changes"] = [_change_sentence(name, r) for r in changes.head(3).itertuples()]

    history, rhythm_text = _history(G, pair, stated_ties, ego, person, names, today, weight)
    summary["history"] = rhythm_text
    notes = _notes(pair, notes, person)
    if notes.empty:
        summary["notes"] = ["No notes yet."]

    shared = _shared(people, ego, person, affiliations)
    if shared.empty:
        summary["shared"] = ["No circle, group, company, school or city in common on record."]
    mutual = _mutual(G, ego, person, names, weight)
    summary["mutual"] = [
        f"You both know {len(mutual)} {'person' if len(mutual) == 1 else 'people'}."
        if len(mutual)
        else "You know none of the same people, as far as the data says."
    ]

    offer = _introductions_for(introductions_to_make, person, names)
    if offer.empty:
        summary["introductions"] = [
            f"No introduction in your network would widen {name}'s much "
            "(everyone you could introduce is already in their circles or unknown)."
        ]
    field = _in_their_field(G, people, ego, person, names, weight)
    if field.empty:
        summary["in_their_field"] = [
            f"You know no one else in {name}'s field, as far as the data says."
        ]

    ask_for, ask_text = _ask_for(G, people, ego, person, names, introductions, communities)
    summary["ask_for"] = ask_text
    return Brief(
        person=person,
        name=name,
        who=who,
        changes=changes,
        history=history,
        notes=notes,
        shared=shared,
        mutual=mutual,
        introductions=offer,
        in_their_field=field,
        ask_for=ask_for,
        advice=advice,
        summary=summary,
    )


# -- the parts ---------------------------------------------------------------------------


def _frame(interactions: pd.DataFrame | None) -> pd.DataFrame:
    if interactions is None:
        return pd.DataFrame(columns=["source", "target", "date", "kind"])
    return interactions


def _names(people: pd.DataFrame) -> dict:
    if "name" not in people.columns:
        return {}
    return {k: str(v) for k, v in people["name"].items() if isinstance(v, str) and v.strip()}


def _present(value: Any) -> bool:
    return (
        value is not None
        and not (not isinstance(value, str) and pd.isna(value))
        and str(value).strip() != ""
    )


def _who(people: pd.DataFrame, person: Hashable) -> pd.DataFrame:
    row = rows_of(people, [person]).iloc[0] if person in people.index else pd.Series(dtype=object)
    columns = [c for c in WHO_COLUMNS if c in row.index] + [
        c for c in row.index if c not in WHO_COLUMNS
    ]
    rows = [(c, str(row[c])) for c in columns if _present(row[c])]
    return pd.DataFrame(rows, columns=["field", "value"])


def _changes(changes: pd.DataFrame | None, person: Hashable) -> pd.DataFrame:
    """The field history of one person, newest first, in the columns field, old, new, date."""
    out = pd.DataFrame(columns=["field", "old", "new", "date"])
    if changes is None or len(changes) == 0:
        return out
    aliases = {
        "person": ("person", "id", "source"),
        "field": ("field", "column"),
        "old": ("old", "before", "old_value"),
        "new": ("new", "after", "new_value", "value"),
        "date": ("date", "changed", "when", "at"),
    }
    picked = {}
    for key, options in aliases.items():
        found = next((c for c in options if c in changes.columns), None)
        if found is not None:
            picked[key] = changes[found]
    if "person" not in picked or "field" not in picked:
        return out
    table = pd.DataFrame(picked)
    table = table[table["person"].astype(str) == str(person)].drop(columns="person")
    if "date" in table:
        table["date"] = pd.to_datetime(table["date"], errors="coerce")
        table = table.sort_values(["date", "field"], ascending=[False, True], kind="stable")
    return table.reindex(columns=out.columns).reset_index(drop=True)


def _change_sentence(name: str, r: Any) -> str:
    """'Ann's company changed from Acme to Globex on 2025-01-01.' (ask about it)"""
    when = f" on {pd.Timestamp(r.date):%Y-%m-%d}" if pd.notna(r.date) else ""
    old = f"from {r.old} " if _present(r.old) else ""
    return f"{name}'s {r.field} changed {old}to {r.new}{when}: ask how it is going."


def _pair_rows(interactions: pd.DataFrame, ego: Hashable, person: Hashable) -> pd.DataFrame:
    rows = interactions[_between(interactions, ego, person)]
    if "date" in rows:
        keys = ["date"] + [c for c in ("kind", "source") if c in rows]
        rows = rows.sort_values(keys, kind="stable", key=_by_text)
    return rows


def _by_text(column: pd.Series) -> pd.Series:
    """Sort dates as dates and everything else as text (a rule independent of row order)."""
    return column if column.name == "date" else column.astype(str)


def _history(G, pair, stated_ties, ego, person, names, today, weight):
    """The rows of "your history" and the sentences above them."""
    name = names.get(person, str(person))
    rows: list[tuple[str, str]] = []
    text: list[str] = []
    tie = _stated_tie(stated_ties, ego, person)
    met = []
    if tie is not None:
        if _present(tie.get("kind")):
            met.append(str(tie["kind"]).replace(";", ", "))
        if _present(tie.get("since")):
            met.append(f"since {pd.Timestamp(tie['since']):%Y-%m-%d}")
        for column in MET_COLUMNS:
            if _present(tie.get(column)):
                value = str(tie[column])
                if column == "introduced_by":
                    value = f"introduced by {names.get(value, value)}"
                met.append(value)
    intro = _introduced_by(pair, ego, names)
    if intro:
        met.append(intro)
    dated = pair.dropna(subset=["date"]) if "date" in pair else pair.iloc[:0]
    if len(dated):
        first = dated.iloc[0]
        what = str(first["kind"]) if "kind" in dated and _present(first["kind"]) else "contact"
        met.append(f"first recorded contact a {what} on {first['date']:%Y-%m-%d}")
    rows.append(("how you met", "; ".join(met) if met else "not recorded"))
    if G.has_edge(ego, person):
        strength = G.edges[ego, person].get(weight)
        if strength is not None and not pd.isna(strength):
            rows.append(("tie strength", f"{float(strength):.2f}"))
    if len(dated):
        first, last = dated["date"].iloc[0], dated["date"].iloc[-1]
        rows.append(("first contact", f"{first:%Y-%m-%d}"))
        ago = f" ({(today - last).days} days ago)" if today is not None else ""
        rows.append(("last contact", f"{last:%Y-%m-%d}{ago}"))
        rows.append(("interactions", str(len(pair))))
        days = dated["date"].dt.normalize().drop_duplicates().diff().dt.days.dropna()
        if len(days):
            gap = float(days.median())
            rows.append(("usual rhythm", _rhythm(gap)))
            if today is not None and (today - last).days > 2 * max(gap, 7):
                text.append(
                    f"It has been {(today - last).days} days since you were last in touch, "
                    f"more than twice your usual gap ({gap:.0f} days): say why you are writing."
                )
    else:
        rows.append(("interactions", "none recorded"))
        text.append(f"No interaction with {name} is recorded: this may be a first meeting.")
    balance = ledger(pair, ego) if len(pair) else None
    if balance is not None and person in balance.index:
        r = rows_of(balance, [person]).iloc[0]
        rows.append(("you gave / asked", f"{int(r['gives_to'])} gives, {int(r['asks_of'])} asks"))
        rows.append(
            ("they gave / asked", f"{int(r['gives_from'])} gives, {int(r['asks_from'])} asks")
        )
        if r["asks_of"] > r["gives_to"]:
            text.append(
                f"You have asked {name} more often than you have given ({int(r['asks_of'])} asks, "
                f"{int(r['gives_to'])} gives): offer something before you ask again."
            )
        elif r["gives_from"] > 0:
            text.append(
                f"{name} has given you {int(r['gives_from'])} times: thank them if you have not."
            )
    return pd.DataFrame(rows, columns=["item", "value"]), text


def _rhythm(days: float) -> str:
    if days <= 1.5:
        return "about daily"
    if days <= 10:
        return f"about every {days:.0f} days"
    if days <= 60:
        return f"about every {days / 7:.0f} weeks"
    return f"about every {days / 30.4:.0f} months"


def _stated_tie(stated: pd.DataFrame | None, ego: Hashable, person: Hashable) -> pd.Series | None:
    if stated is None or len(stated) == 0:
        return None
    rows = stated[_between(stated, ego, person)]
    return None if rows.empty else rows.iloc[0]


def _between(frame: pd.DataFrame, ego: Hashable, person: Hashable) -> np.ndarray:
    """The rows of a ties or interactions table between the two, either way (ids compared by
    the one rule, ``_graph.is_person``: a tuple id is one id)."""
    s, t = frame["source"], frame["target"]
    from_ego, to_ego = _graph.is_person(s, ego), _graph.is_person(t, ego)
    from_them, to_them = _graph.is_person(s, person), _graph.is_person(t, person)
    return (from_ego & to_them) | (from_them & to_ego)


def _introduced_by(pair: pd.DataFrame, ego, names) -> str:
    """'introduced by X' from an interaction of kind introduction that names an introducer."""
    if "kind" not in pair or not len(pair):
        return ""
    kinds = pair["kind"].astype(str).str.lower()
    for column in ("via", "introduced_by", "by"):
        if column in pair:
            rows = pair[kinds.isin(["introduction", "intro"]) & pair[column].notna()]
            if len(rows):
                who = str(rows.iloc[0][column])
                return f"introduced by {names.get(who, who)}"
    return ""


def _notes(pair: pd.DataFrame, notes: pd.DataFrame | None, person: Hashable) -> pd.DataFrame:
    frames = []
    for column in NOTE_COLUMNS:
        if column in pair:
            rows = pair.loc[pair[column].map(_present).astype(bool)]
            frames.append(
                pd.DataFrame(
                    {
                        "date": rows.get("date", pd.NaT),
                        "kind": rows.get("kind"),
                        "note": rows[column].astype(str),
                    }
                )
            )
    if notes is not None and len(notes):
        who = next((c for c in ("person", "id", "target") if c in notes.columns), None)
        text = next((c for c in ("note", "text", "notes") if c in notes.columns), None)
        if who is not None and text is not None:
            rows = notes[notes[who].astype(str) == str(person)]
            frames.append(
                pd.DataFrame(
                    {
                        "date": pd.to_datetime(rows["date"], errors="coerce")
                        if "date" in rows
                        else pd.NaT,
                        "kind": "note",
                        "note": rows[text].astype(str),
                    }
                )
            )
    if not frames:
        return pd.DataFrame(columns=["date", "kind", "note"])
    out = pd.concat(frames, ignore_index=True)
    out = out.sort_values(["date", "note"], ascending=[False, True], na_position="last")
    return out.reset_index(drop=True)


def _values(people: pd.DataFrame, person: Hashable, column: str) -> dict[str, str]:
    """A person's ``;``-separated values in a column, normalised -> as written."""
    if column not in people.columns or person not in people.index:
        return {}
    value = value_of(people, person, column)
    if not _present(value):
        return {}
    return {normalise(v): v.strip() for v in str(value).split(";") if normalise(v)}


def _shared(
    people: pd.DataFrame, ego: Hashable, person: Hashable, affiliations: pd.DataFrame | None
) -> pd.DataFrame:
    rows = []
    for column in (*GROUP_COLUMNS, *PLACE_COLUMNS):
        mine, theirs = _values(people, ego, column), _values(people, person, column)
        for key in theirs:
            if key in mine:
                rows.append((column, theirs[key]))
    if affiliations is not None and len(affiliations):
        who = affiliations["person"].astype(str)
        groups = affiliations["group"].map(normalise)
        both = set(groups[who == str(ego)]) & set(groups[who == str(person)])
        seen = {normalise(v) for _, v in rows}
        for row in affiliations[(who == str(person)) & groups.isin(both)].itertuples():
            if normalise(row.group) not in seen:
                seen.add(normalise(row.group))
                rows.append((str(getattr(row, "kind", "group")), str(row.group)))
    return pd.DataFrame(rows, columns=["kind", "value"])


def _how_well(s: float) -> str:
    if np.isnan(s):
        return "unknown"
    return "well" if s >= 0.6 else ("somewhat" if s >= 0.3 else "a little")


def _mutual(G: nx.Graph, ego, person, names, weight) -> pd.DataFrame:
    if ego not in G or person not in G:
        return pd.DataFrame(
            columns=["contact", "name", "your_strength", "their_strength", "how_well"]
        )
    both = (set(G[ego]) & set(G[person])) - {ego, person}

    def w(u, v):
        value = G.edges[u, v].get(weight, np.nan)
        return float(value) if value is not None else np.nan

    table = pd.DataFrame(
        {
            "contact": sorted(both, key=str),
        }
    )
    table["name"] = [names.get(c, str(c)) for c in table["contact"]]
    table["your_strength"] = [w(ego, c) for c in table["contact"]]
    table["their_strength"] = [w(person, c) for c in table["contact"]]
    table["how_well"] = [
        f"you know them {_how_well(a)}, {{}} knows them {_how_well(b)}".format(
            names.get(person, str(person))
        )
        for a, b in zip(table["your_strength"], table["their_strength"], strict=True)
    ]
    key = np.fmin(table["your_strength"], table["their_strength"])
    return (
        table.assign(_k=key)
        .sort_values(["_k", "contact"], ascending=[False, True], kind="stable")
        .drop(columns="_k")
        .reset_index(drop=True)
    )


def _introductions_for(pairs: pd.DataFrame | None, person, names) -> pd.DataFrame:
    columns = ["contact", "name", "score", "reason"]
    if pairs is None or pairs.empty:
        return pd.DataFrame(columns=columns)
    rows = pairs[_graph.is_person(pairs["a"], person) | _graph.is_person(pairs["b"], person)]
    other = np.where(_graph.is_person(rows["a"], person), rows["b"], rows["a"])
    out = pd.DataFrame(
        {
            "contact": other,
            "name": [names.get(o, str(o)) for o in other],
            "score": rows["score"].to_numpy(float),
            "reason": rows["reason"].to_numpy(object),
        }
    )
    return out.head(5).reset_index(drop=True)


def _in_their_field(G, people, ego, person, names, weight) -> pd.DataFrame:
    """Your contacts in the person's industry (or with their role), whom they do not know."""
    columns = ["contact", "name", "role", "company", "your_strength", "reason"]
    if ego not in G or person not in people.index:
        return pd.DataFrame(columns=columns)
    contacts = [c for c in G[ego] if c not in (ego, person) and not G.has_edge(person, c)]
    contacts = [c for c in contacts if c in people.index]
    if not contacts:
        return pd.DataFrame(columns=columns)
    rows = rows_of(people, contacts)
    same = np.zeros(len(rows), dtype=bool)
    basis = ""
    for column in ("industry", "role"):
        if column in people.columns and _present(value_of(people, person, column)):
            wanted = normalise(value_of(people, person, column))
            same = rows[column].map(normalise).eq(wanted).to_numpy(bool)
            basis = column
            if same.any():
                break
    rows = rows[same]
    if rows.empty:
        return pd.DataFrame(columns=columns)
    name = names.get(person, str(person))
    strength = [float(G.edges[ego, c].get(weight, np.nan)) for c in rows.index]
    out = pd.DataFrame(
        {
            "contact": rows.index.to_numpy(object),
            "name": [names.get(c, str(c)) for c in rows.index],
            "role": rows["role"].to_numpy(object) if "role" in rows else None,
            "company": rows["company"].to_numpy(object) if "company" in rows else None,
            "your_strength": strength,
        }
    )
    field = str(value_of(people, person, basis))

    def reason(r) -> str:
        at = " at " + str(r.company) if _present(r.company) else ""
        role = f" ({r.role}{at})" if _present(r.role) else ""
        return (
            f"{r.name}{role} shares {name}'s {basis} ({field}) and {name} does not know them "
            f"yet; you know {r.name} {_how_well(r.your_strength)} (tie strength "
            f"{r.your_strength:.2f}), so you could introduce them."
        )

    out["reason"] = [reason(r) for r in out.itertuples(index=False)]
    out = out.sort_values(["your_strength", "contact"], ascending=[False, True], kind="stable")
    return out.head(5).reset_index(drop=True)


def _ask_for(G, people, ego, person, names, introductions, communities):
    """Up to three of the person's contacts you do not know, who would open your network most."""
    columns = ["contact", "name", "value", "reason"]
    name = names.get(person, str(person))
    if person not in G:
        return pd.DataFrame(columns=columns), [f"{name} has no ties in your data."]
    theirs = [c for c in G[person] if c != ego]
    if not theirs:
        return pd.DataFrame(columns=columns), [
            f"Your data holds none of {name}'s own contacts, so their network is unknown: ask "
            f"{name} for three people you should talk to, and add who they know afterwards."
        ]
    unknown = [c for c in theirs if not G.has_edge(ego, c)]
    if not unknown:
        return pd.DataFrame(columns=columns), [
            f"You already know all {len(theirs)} of {name}'s contacts in your data: their "
            f"network beyond that is unknown, so ask {name} whom else you should meet."
        ]
    value = np.full(len(unknown), np.nan)
    if introductions is not None and len(introductions):
        column = "value" if "value" in introductions.columns else "score"
        at = ids(introductions["person"]).get_indexer(ids(unknown))
        found = at >= 0
        value[found] = introductions[column].to_numpy(float)[at[found]]
    table = pd.DataFrame({"contact": pd.Series(unknown, dtype=object), "value": value})
    table["_key"] = [str(c) for c in table["contact"]]
    table = table.sort_values(
        ["value", "_key"], ascending=[False, True], kind="stable", na_position="last"
    )
    table = table.head(ASK_FOR).drop(columns="_key").reset_index(drop=True)
    table["name"] = [names.get(c, str(c)) for c in table["contact"]]

    def reason(r) -> str:
        about = []
        for column in ("role", "company"):
            if (
                column in people.columns
                and r.contact in people.index
                and _present(value_of(people, r.contact, column))
            ):
                about.append(str(value_of(people, r.contact, column)))
        about_text = f" ({', '.join(about)})" if about else ""
        where = ""
        if communities is not None and r.contact in communities.index:
            label = communities[r.contact]
            mine = sum(1 for c in G[ego] if c in communities.index and communities[c] == label)
            where = f", in {label}, where you know {mine} {'person' if mine == 1 else 'people'}"
        gain = (
            f"; meeting them would open your network by {r.value:.2f} (effective size gained, "
            "counted more in a community you barely touch)"
            if not np.isnan(r.value)
            else ""
        )
        return f"{name} knows {r.name}{about_text}{where}{gain}."

    table["reason"] = [reason(r) for r in table.itertuples(index=False)]
    text = [
        f"Ask {name} to introduce you to these ({len(table)} of the {len(unknown)} contacts of "
        "theirs you do not know)."
    ]
    return table[columns], text
