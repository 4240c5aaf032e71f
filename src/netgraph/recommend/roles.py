"""Roles in a developmental network: mentors, mentees, reverse mentors, champions and allies.

Careers are helped by a *developmental network*, several people playing different roles, more
than by one mentor [1]_: mentors who advise, sponsors (champions) who advocate for you where
decisions are made [2]_, allies who are peers you trade help with, mentees you teach, and
reverse mentors, often more junior, who teach you what they know better (a new field, a new
technology) [3]_. The user records the roles as tie kinds (``kind="mentor"`` on the tie to
someone) or as tags on people; :func:`roles` lists who plays each and, for a role nobody
plays, names people who could, and why.

Candidates are read from the data: seniority from job titles (:func:`netgraph._match.seniority`:
1 for junior titles to 5 for chiefs and founders), tie strength, the industry and company, and
gives in both directions (the ledger's ``give`` interactions).

References
----------
.. [1] Higgins, Monica C., and Kathy E. Kram. "Reconceptualizing Mentoring at Work: A
   Developmental Network Perspective." *Academy of Management Review* 26, no. 2 (2001):
   264-288.
.. [2] Hewlett, Sylvia Ann. *Forget a Mentor, Find a Sponsor.* Boston: Harvard Business
   Review Press, 2013.
.. [3] Murphy, Wendy M. "Reverse Mentoring at Work: Fostering Cross-Generational Learning and
   Developing Millennial Leaders." *Human Resource Management* 51, no. 4 (2012): 549-573.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from netgraph import _graph
from netgraph._match import ids, matches, normalise, seniority, value_of
from netgraph._sections import Section, Sections
from netgraph.recommend.paths import paths_to

__all__ = ["ROLE_WORDS", "Roles", "roles"]

#: Each role and the words that record it in a tie kind or a tag (whole words, any case).
ROLE_WORDS: dict[str, tuple[str, ...]] = {
    "mentor": ("mentor", "mentors", "my mentor"),
    "mentee": ("mentee", "mentees", "protege", "protégé"),
    "reverse mentor": ("reverse mentor", "reverse-mentor", "reverse mentoring"),
    "champion": ("champion", "sponsor", "advocate"),
    "ally": ("ally", "allies", "peer mentor"),
}
#: Candidates suggested for a role nobody plays.
CANDIDATES = 2

_PLAYS = ["role", "person", "name", "source", "strength", "reason"]
_MISSING = ["role", "candidates", "names", "reason"]


class Roles(Sections):
    """Who plays each role for you and what is missing; render with ``str()`` or in Jupyter.

    Attributes
    ----------
    plays : DataFrame
        ``role, person, name, source, strength, reason``: the roles recorded.
    missing : DataFrame
        ``role, candidates, names, reason``: each role nobody plays (or nobody plays at the
        target company, for a champion) with up to two people who could, and why.
    """

    title = "Roles in your network"

    def __init__(self, plays: pd.DataFrame, missing: pd.DataFrame, company: str | None) -> None:
        self.plays = plays
        self.missing = missing
        self.company = company

    def __repr__(self) -> str:
        return (
            f"<netgraph.Roles: {self.plays['role'].nunique()} roles played, "
            f"{len(self.missing)} missing>"
        )

    @property
    def parts(self) -> dict[str, pd.DataFrame]:
        return {"plays": self.plays, "missing": self.missing}

    def sections(self) -> list[Section]:
        played = (
            [f"Recorded: {', '.join(sorted(self.plays['role'].unique()))}."]
            if len(self.plays)
            else [
                "No role is recorded yet: give ties a kind such as mentor, mentee, reverse "
                "mentor, champion (sponsor) or ally, or tag people with it."
            ]
        )
        return [
            Section(
                "Who plays each role", played, self.plays, ["role", "name", "source", "reason"]
            ),
            Section(
                "What is missing",
                [] if len(self.missing) else ["Every role has someone."],
                self.missing,
                ["role", "reason"],
            ),
        ]


def roles(
    G: nx.Graph,
    people: pd.DataFrame,
    ego: Hashable,
    *,
    stated_ties: pd.DataFrame | None = None,
    interactions: pd.DataFrame | None = None,
    company: Any = None,
    tag_columns: tuple[str, ...] = ("tags", "roles", "circles"),
    weight: str = "weight",
) -> Roles:
    """List who plays each developmental role for `ego`, and who could play the missing ones.

    A tie's ``kind`` names the other person's role for you (``me, ann, mentor``: Ann is your
    mentor); a tag on a person (in ``tags``, ``roles`` or ``circles``) does the same. For a
    role nobody plays, up to two candidates among your contacts:

    * **mentor**: more senior than you (by title), the strongest ties first;
    * **mentee**: more junior than you, the strongest ties first;
    * **reverse mentor**: more junior than you and in another industry or line of work;
    * **champion**: senior (director or above) and, with ``company=``, at that company; a
      champion at the target company counts only there;
    * **ally**: a peer (seniority within one step of yours) in your industry or company with
      gives in both directions, else the strongest such peer.

    Parameters
    ----------
    G : networkx.Graph
        Undirected network with tie strength in `weight`. Not modified.
    people : DataFrame
        People indexed by id (``role``, ``company``, ``industry`` are read when present).
    ego : node
        You.
    stated_ties : DataFrame, optional
        The ties as given, for their ``kind``.
    interactions : DataFrame, optional
        The log, for gives in both directions.
    company : str, optional
        Your target company: the champion should be there.

    Returns
    -------
    Roles
    """
    G = _graph.undirected(G, weight)  # the one undirected rule (largest weight)
    _graph.edge_arrays(G, weight)  # the weight rule: a bad weight is an InputError
    names = _names(people)
    contacts = [c for c in G[ego] if c != ego] if ego in G else []
    strength = {c: float(G.edges[ego, c].get(weight, np.nan)) for c in contacts}
    plays = _recorded(people, ego, stated_ties, tag_columns, names, strength)
    level = (
        people["role"].map(seniority).reindex(ids(contacts))
        if "role" in people.columns
        else pd.Series(np.nan, index=pd.Index(contacts, dtype=object))
    )
    mine = seniority(value_of(people, ego, "role")) if "role" in people.columns else np.nan
    if np.isnan(mine):
        mine = 2.0
    gives = _gives(interactions, ego)

    missing = []
    for role in ROLE_WORDS:
        who = plays.loc[plays["role"] == role, "person"].tolist()
        if role == "champion" and company is not None:
            at = [p for p in who if _at(people, p, company)]
            if at:
                continue
        elif who:
            continue
        picked, why = _candidates(
            role, people, ego, contacts, level, mine, strength, gives, company
        )
        row = _missing_row(role, picked, why, names, company, bool(who))
        if role == "champion" and company is not None and not row[1]:
            row = _champion_beyond(G, people, ego, company, names, row, weight)
        missing.append(row)
    missing_table = pd.DataFrame(missing, columns=_MISSING)
    if "role" not in people.columns and len(missing_table):
        missing_table["reason"] += " Add job titles in a 'role' people column to find candidates."
    return Roles(plays, missing_table, None if company is None else str(company))


def _names(people: pd.DataFrame) -> dict:
    if "name" not in people.columns:
        return {}
    return {k: str(v) for k, v in people["name"].items() if isinstance(v, str) and v.strip()}


def _role_of(text: Any) -> list[str]:
    """The roles a kind or tag names ("reverse mentor" is not also "mentor")."""
    found = []
    for role, words in ROLE_WORDS.items():
        if bool(matches([text], list(words))[0]):
            found.append(role)
    if "reverse mentor" in found and "mentor" in found:
        parts = [normalise(p) for p in str(text).split(";")]
        if not any(p in ("mentor", "mentors", "my mentor") for p in parts):
            found.remove("mentor")
    return found


def _recorded(people, ego, stated, tag_columns, names, strength) -> pd.DataFrame:
    rows = []
    if stated is not None and len(stated) and "kind" in stated.columns:
        from_you = _graph.is_person(stated["source"], ego)  # the one id rule: tuples too
        yours = from_you | _graph.is_person(stated["target"], ego)
        for i in np.flatnonzero(yours):
            tie = stated.iloc[i]
            if not isinstance(tie["kind"], str):
                continue
            other = tie["target"] if from_you[i] else tie["source"]
            for role in _role_of(tie["kind"]):
                rows.append((role, other, f"tie kind '{tie['kind']}'"))
    for column in tag_columns:
        if column not in people.columns:
            continue
        # a tag names a role for you only on a contact (a "mentors" circle is not yours)
        values = people[column].reindex(ids(strength)).dropna()
        for person, value in values.items():
            for role in _role_of(value):
                rows.append((role, person, f"{column} '{value}'"))
    table = pd.DataFrame(rows, columns=["role", "person", "source"])
    table = table.drop_duplicates(["role", "person"])
    table["name"] = [names.get(p, str(p)) for p in table["person"]]
    table["strength"] = [strength.get(p, np.nan) for p in table["person"]]
    table["reason"] = [
        f"{r.name} is your {r.role} ({r.source}"
        + (f"; tie strength {r.strength:.2f}" if not np.isnan(r.strength) else "; no tie recorded")
        + ")."
        for r in table.itertuples(index=False)
    ]
    order = {role: i for i, role in enumerate(ROLE_WORDS)}
    table["_o"] = table["role"].map(order)
    table = table.sort_values(["_o", "strength", "person"], ascending=[True, False, True])
    return table.drop(columns="_o")[_PLAYS].reset_index(drop=True)


def _gives(interactions: pd.DataFrame | None, ego) -> pd.DataFrame:
    """Gives to and from each contact."""
    if interactions is None or "kind" not in interactions.columns or not len(interactions):
        return pd.DataFrame(columns=["to", "from"])
    give = interactions[interactions["kind"].astype("string").str.lower() == "give"]
    to = give.loc[_graph.is_person(give["source"], ego), "target"].value_counts()
    back = give.loc[_graph.is_person(give["target"], ego), "source"].value_counts()
    return pd.DataFrame({"to": to, "from": back}).fillna(0).astype(int)


def _at(people: pd.DataFrame, person, company) -> bool:
    return (
        "company" in people.columns
        and person in people.index
        and bool(matches([value_of(people, person, "company")], company)[0])
    )


def _candidates(role, people, ego, contacts, level, mine, strength, gives, company):
    """Up to CANDIDATES contacts who could play `role`, and the rule that picked them."""
    frame = pd.DataFrame(
        {
            "person": pd.Series(contacts, dtype=object),
            "level": level.reindex(ids(contacts)).to_numpy(float),
            "strength": [strength[c] for c in contacts],
        }
    )
    if frame.empty:
        return frame, ""
    for column in ("industry", "company", "role"):
        frame[column] = (
            people[column].reindex(ids(contacts)).to_numpy(object)
            if column in people.columns
            else None
        )
    frame["_key"] = frame["person"].astype(str)

    def same(column: str) -> np.ndarray:
        if column not in people.columns:
            return np.zeros(len(frame), dtype=bool)
        wanted = normalise(value_of(people, ego, column))
        return frame[column].map(normalise).eq(wanted).to_numpy(bool) & bool(wanted)

    if role == "mentor":
        pool, why = frame[frame["level"] > mine], "more senior than you"
    elif role == "mentee":
        pool, why = frame[frame["level"] < mine], "more junior than you"
    elif role == "reverse mentor":
        pool = frame[(frame["level"] < mine) & ~same("industry")]
        why = "more junior than you and in another field, so they can teach you theirs"
    elif role == "champion":
        pool = frame[frame["level"] >= 4]
        if company is not None:
            pool = pool[[bool(matches([c], company)[0]) for c in pool["company"]]]
            why = f"senior at {company}"
        else:
            why = "senior (director or above), able to speak for you"
    else:  # ally
        peer = ((frame["level"] - mine).abs() <= 1).to_numpy(bool) & (
            same("industry") | same("company")
        )
        pool = frame[peer]
        both = gives[(gives["to"] > 0) & (gives["from"] > 0)].index if len(gives) else []
        pool = pool.assign(_mutual=pool["person"].isin(list(both)))
        pool = pool.sort_values(["_mutual", "strength", "_key"], ascending=[False, False, True])
        return pool.head(CANDIDATES), "a peer in your field you know well"
    pool = pool.sort_values(["strength", "_key"], ascending=[False, True], kind="stable")
    return pool.head(CANDIDATES), why


def _champion_beyond(G, people, ego, company, names, row, weight):
    """No senior contact at the target company: the warmest senior person there within reach."""
    found = paths_to(G, people, ego, k=max(len(people), 1), weight=weight, company=company)
    if "role" in people.columns and len(found):
        level = people["role"].map(seniority).reindex(ids(found["target"])).to_numpy(float)
        found = found[level >= 4]
    if found.empty:
        return row
    best = found.iloc[0]
    target, via = best["target"], best["ask_first"]
    title = value_of(people, target, "role", "")
    reason = (
        f"No champion (sponsor) at {company} among your contacts; the nearest who could become "
        f"one is {names.get(target, str(target))} ({title}), {int(best['hops'])} steps away: "
        f"ask {names.get(via, str(via))} for an introduction (chain strength "
        f"{best['score']:.2f}), then build the relationship before asking them to speak for you."
    )
    return (row[0], [target], [names.get(target, str(target))], reason)


def _missing_row(role, picked, why, names, company, played_elsewhere):
    label = "champion (sponsor)" if role == "champion" else role
    where = f" at {company}" if role == "champion" and company is not None else ""
    start = f"No {label}{where}"
    if played_elsewhere:
        start += " (you have one elsewhere)"
    if picked is None or len(picked) == 0:
        hint = (
            f" and no contact who fits ({why}): net.goal(role=...) finds whom to meet"
            if why
            else ""
        )
        return (role, [], [], f"{start}{hint}.")
    people = list(picked["person"])
    who = [names.get(p, str(p)) for p in people]
    count = {1: "one person", 2: "two people"}.get(len(people), f"{len(people)} people")
    details = []
    for r in picked.itertuples(index=False):
        title = ", ".join(str(v) for v in (r.role, r.company) if isinstance(v, str) and v)
        details.append(
            f"{names.get(r.person, str(r.person))}"
            + (f" ({title})" if title else "")
            + f", tie strength {r.strength:.2f}"
        )
    reason = f"{start}; {count} who could become one, {why}: " + "; ".join(details) + "."
    if role == "ally" and "_mutual" in picked and picked["_mutual"].any():
        both = [names.get(p, str(p)) for p in picked.loc[picked["_mutual"], "person"]]
        reason += f" You and {' and '.join(both)} have already given each other help."
    return (role, people, who, reason)
