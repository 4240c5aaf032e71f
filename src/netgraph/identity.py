"""One person across sources: who is the same person in two people tables.

A person is known by *keys*: each of their e-mail addresses (the ``email`` and ``emails``
columns, ``;``-separated, and an id that is itself an address), their LinkedIn profile (the
``url`` column, or an id that is a profile slug with that URL), and each phone number (the
``phone`` column) normalised with ``phonenumbers``, Google's libphonenumber. Two rows that
share a key are one person, transitively (union-find), whichever table they come from and in
whatever order the tables are merged.

Which id the merged person keeps is one rule too, so that merging A into B and B into A give the
same ids: an id that is not an e-mail address (your own ``me``, a LinkedIn slug, an id from your
spreadsheet) before one that is, then the smallest. The ids a merged person no longer uses are
kept in the column ``aliases``, so that a later merge still finds them by those ids.
Multi-valued columns (``email``, ``phone``, ``groups``, ``circles``, ``tags``, ``aliases``)
take the union of the values; other columns take the value of the row whose id is kept, then
of the others in id order; a name that is an e-mail address is used only when no other name
is known.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from urllib.parse import unquote

import numpy as np
import pandas as pd

__all__ = [
    "MULTI_VALUED",
    "canonical_id",
    "identity_keys",
    "name_key",
    "possible_duplicates",
    "resolve",
    "combine_people",
]

#: People columns holding several ``;``-separated values, combined as a union when merging.
MULTI_VALUED = ("email", "emails", "phone", "groups", "circles", "tags", "aliases")

_EMAIL = re.compile(r"^[^@\s;,<>]+@[^@\s;,<>]+\.[^@\s;,<>]+$")
_PROFILE = re.compile(r"linkedin\.com/in/([^/?#\s;,]+)", re.IGNORECASE)
_SPLIT = re.compile(r"\s*[;,]\s*")


def is_email(value: object) -> bool:
    return isinstance(value, str) and bool(_EMAIL.match(value.strip()))


def _profile(url: object) -> str | None:
    if not isinstance(url, str):
        return None
    found = _PROFILE.search(url)
    if found is None:
        return None
    slug = unquote(found.group(1)).strip().strip("-").lower()
    return slug or None


def _phone_keys(number: str) -> list[str]:
    """Keys for a phone number: its national significant number (E.164 without the country
    code, after ``phonenumbers``), so '+44 7700 900123' and '07700 900123' match."""
    import phonenumbers

    text = number.strip()
    digits = re.sub(r"\D", "", text)
    if len(digits) < 7:
        return []
    if text.startswith(("+", "00")):
        try:
            parsed = phonenumbers.parse("+" + digits.removeprefix("00") if text.startswith("00")
                                        else text, None)  # fmt: skip
        except phonenumbers.NumberParseException:
            return [f"tel:{digits}"]
        return [f"tel:{parsed.national_number}"]
    return [f"tel:{digits.lstrip('0')}"]  # written nationally: drop the trunk prefix


def identity_keys(people: pd.DataFrame) -> pd.DataFrame:
    """The keys that identify each person: one row per (``id``, ``key``).

    Parameters
    ----------
    people : pandas.DataFrame
        Indexed by id; the columns ``email``, ``emails``, ``url`` and ``phone`` are read when
        present.

    Returns
    -------
    pandas.DataFrame
        Columns ``id`` and ``key`` (``"id:ann"`` for the id and each of its ``aliases``,
        ``"email:ann@x.org"``, ``"linkedin:ann-lee-1a2b"``, ``"tel:7700900123"``), without
        repeats.

    Examples
    --------
    >>> people = pd.DataFrame({"email": ["Ann@X.org; ann@home.org", None],
    ...                        "url": [None, "https://www.linkedin.com/in/bo-chen/"],
    ...                        "phone": [None, "+44 7700 900123"]},
    ...                       index=pd.Index(["ann", "bo"], name="id"))
    >>> identity_keys(people)["key"].tolist()  # doctest: +NORMALIZE_WHITESPACE
    ['id:ann', 'id:bo', 'email:ann@x.org', 'email:ann@home.org', 'linkedin:bo-chen',
     'tel:7700900123']
    """
    rows: list[tuple[str, str]] = []
    ids = people.index.astype(str)
    aliases = people["aliases"] if "aliases" in people.columns else pd.Series(index=people.index)
    for pid, others in zip(ids, aliases, strict=True):
        names = [pid] + (others.split(";") if isinstance(others, str) else [])
        for name in names:
            rows.append((pid, f"id:{name}"))
            if is_email(name):
                rows.append((pid, f"email:{name.strip().lower()}"))
    for column in ("email", "emails"):
        if column in people.columns:
            for pid, cell in zip(ids, people[column], strict=True):
                if isinstance(cell, str):
                    rows.extend(
                        (pid, f"email:{v.lower()}") for v in _SPLIT.split(cell) if is_email(v)
                    )
    if "url" in people.columns:
        for pid, cell in zip(ids, people["url"], strict=True):
            if isinstance(cell, str):
                for value in _SPLIT.split(cell):
                    slug = _profile(value)
                    if slug:
                        rows.append((pid, f"linkedin:{slug}"))
    if "phone" in people.columns:
        for pid, cell in zip(ids, people["phone"], strict=True):
            if isinstance(cell, str):
                for value in cell.split(";"):
                    rows.extend((pid, key) for key in _phone_keys(value))
    keys = pd.DataFrame(rows, columns=["id", "key"], dtype="str")
    return keys.drop_duplicates(ignore_index=True)


def canonical_id(ids: Iterable[str]) -> str:
    """The id a merged person keeps: not an e-mail address first, then the smallest.

    >>> canonical_id(["jo@x.org", "jo-lee-1a2b", "jo"])
    'jo'
    """
    return min(ids, key=lambda pid: (is_email(pid), pid))


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict = {}

    def find(self, x):
        parent = self.parent.setdefault(x, x)
        while parent != x:
            grand = self.parent.setdefault(parent, parent)
            self.parent[x] = grand
            x, parent = parent, grand
        return x

    def union(self, a, b) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def resolve(
    tables: Sequence[pd.DataFrame], *, egos: Sequence[str | None] = ()
) -> tuple[list[dict[str, str]], Counter]:
    """Find the same people across people tables.

    Parameters
    ----------
    tables : sequence of pandas.DataFrame
        People tables indexed by id.
    egos : sequence of str or None
        Each table's ego (the same person in all of them), or None.

    Returns
    -------
    mappings : list of dict
        For each table, its ids that change, to the id they take.
    matched : collections.Counter
        How many people of the later tables matched someone in an earlier one, by kind of
        key (``"e-mail"``, ``"LinkedIn profile"``, ``"phone"``, ``"same id"``, ``"ego"``),
        and ``"nobody"`` for those that matched no one.
    """
    union = _UnionFind()
    owner: dict[str, tuple[int, str]] = {}
    matched: Counter = Counter()
    for t, people in enumerate(tables):
        keys = identity_keys(people)
        by_id: dict[str, list[str]] = {}
        for pid, key in zip(keys["id"], keys["key"], strict=True):
            by_id.setdefault(pid, []).append(key)
        for pid in people.index.astype(str):
            node = (t, pid)
            union.find(node)
            how = None
            for key in by_id.get(pid, ()):
                other = owner.setdefault(key, node)
                if other != node:
                    if other[0] < t and how is None:
                        how = _KEY_KIND[key.split(":", 1)[0]]
                    union.union(node, other)
            if how is not None:
                matched[how] += 1
    egos = [(t, str(e)) for t, e in enumerate(egos) if e is not None]
    for node in egos[1:]:
        if union.find(node) != union.find(egos[0]):
            matched["ego"] += 1
        union.union(node, egos[0])
    members: dict = {}
    for node in list(union.parent):
        members.setdefault(union.find(node), []).append(node)
    for nodes in members.values():
        first = min(t for t, _ in nodes)
        matched["nobody"] += sum(t > first for t, _ in nodes) == 0 and first > 0
    members = {root: [pid for _, pid in nodes] for root, nodes in members.items()}
    chosen = {root: canonical_id(ids) for root, ids in members.items()}
    mappings = []
    for t, people in enumerate(tables):
        mapping = {}
        for pid in people.index.astype(str):
            new = chosen[union.find((t, pid))]
            if new != pid:
                mapping[pid] = new
        mappings.append(mapping)
    return mappings, matched


_KEY_KIND = {"id": "same id", "email": "e-mail", "linkedin": "LinkedIn profile", "tel": "phone"}


def _join(values: Iterable) -> str | float:
    seen: list[str] = []
    for cell in values:
        if isinstance(cell, str):
            for value in cell.split(";"):
                value = value.strip()
                if value and value.lower() not in (s.lower() for s in seen):
                    seen.append(value)
    return ";".join(seen) if seen else np.nan


def combine_people(frames: Sequence[pd.DataFrame], mappings: Sequence[dict]) -> pd.DataFrame:
    """One row per person from people tables renamed by :func:`resolve`'s mappings.

    Rows keep the order of first appearance. For a person made of several rows, the columns
    in :data:`MULTI_VALUED` take the union of the values (e-mail addresses compared without
    case); others take the first value present among the rows, the row whose id was kept
    first and the others in order of their original id; a name that is an e-mail address
    only when no other name is known.
    """
    parts = []
    for frame, mapping in zip(frames, mappings, strict=True):
        part = frame.copy()
        part["_old"] = part.index.astype(str)
        part.index = pd.Index([mapping.get(p, p) for p in part["_old"]], name="id", dtype="str")
        parts.append(part)
    rows = pd.concat(parts) if len(parts) > 1 else parts[0]
    moved = (rows["_old"] != rows.index.to_numpy()).to_numpy()
    if moved.any():  # the ids a person had stay known, so later merges still match them
        if "aliases" not in rows.columns:
            rows["aliases"] = pd.Series(pd.NA, index=rows.index, dtype="str")
        old = rows["_old"][moved]
        before = rows["aliases"][moved]
        rows.loc[moved, "aliases"] = [
            o if not isinstance(b, str) else f"{b};{o}" for o, b in zip(old, before, strict=True)
        ]
    order = list(dict.fromkeys(rows.index))
    repeated = rows.index.duplicated(keep=False)
    single = rows[~repeated]
    many = rows[repeated]
    if len(many):
        many = many.assign(_kept=many["_old"] != many.index.to_numpy())
        many = many.sort_values(["_kept", "_old"], kind="stable")  # the kept id's row first
        if "name" in many.columns:
            email_name = many["name"].map(is_email)
            many.loc[email_name.to_numpy(), "name"] = np.nan
        grouped = many.drop(columns=["_kept", "_old"]).groupby(level=0, sort=False)
        combined = grouped.first()
        for column in MULTI_VALUED:
            if column in many.columns:
                combined[column] = grouped[column].agg(_join)
        if "name" in rows.columns:
            fallback = rows.loc[rows.index.isin(combined.index), "name"].groupby(level=0).first()
            combined["name"] = combined["name"].fillna(fallback)
        people = pd.concat([single.drop(columns=["_old"]), combined])
    else:
        people = single.drop(columns=["_old"])
    people = people.loc[order]
    for column in people.columns:
        if (
            people[column].dtype == object
            and people[column]
            .map(
                lambda v: v is None or isinstance(v, str) or (isinstance(v, float) and np.isnan(v))
            )
            .all()
        ):
            people[column] = people[column].astype("str")
    people.index.name = "id"
    return people


def name_key(name: object) -> str | None:
    """A name for comparing: accents and case dropped, words sorted ('Chen, Bo' = 'Bo Chen').

    >>> name_key("José  Núñez"), name_key("Núñez, José")
    ('jose nunez', 'jose nunez')
    """
    if not isinstance(name, str) or is_email(name):
        return None
    bare = unicodedata.normalize("NFKD", name)
    bare = "".join(ch for ch in bare if not unicodedata.combining(ch)).lower()
    words = sorted(w for w in re.split(r"[\W_]+", bare) if w)
    return " ".join(words) if len(words) >= 2 else None


def possible_duplicates(people: pd.DataFrame, *, ego: str | None = None) -> pd.DataFrame:
    """Pairs of people who are probably the same person: the same name under two ids.

    Parameters
    ----------
    people : pandas.DataFrame
        Indexed by id, with a ``name`` column.
    ego : str, optional
        The ego, compared like anyone else.

    Returns
    -------
    pandas.DataFrame
        Columns ``a``, ``b`` (ids, ``a < b``), ``name``, ``reason``; one row per pair. Names
        are compared without accents, case, punctuation or word order, and need two words
        (a lone first name says too little).
    """
    columns = ["a", "b", "name", "reason"]
    if "name" not in people.columns or people.empty:
        return pd.DataFrame(columns=columns, dtype="str")
    keys = people["name"].map(name_key)
    keys = keys[keys.notna()]
    rows = []
    for _key, ids in keys.groupby(keys, sort=True).groups.items():
        ids = sorted(str(i) for i in ids)
        for i in range(len(ids)):
            for j in range(i + 1, len(ids)):
                a, b = ids[i], ids[j]
                name = people.at[a, "name"]
                what = "you" if ego in (a, b) else "two people"
                rows.append(
                    (a, b, name, f"{what} named {name!r} under two ids ({a} and {b}): join "
                     f"them with net.same_person({a!r}, {b!r}) if they are one person")
                )  # fmt: skip
    return pd.DataFrame(rows, columns=columns, dtype="str")
