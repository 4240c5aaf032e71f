"""Whole-word matching of people's attributes, with aliases for common job titles.

One rule for "does this person match what the user asked for", used by ``paths_to``, ``goal``
and ``roles``: the wanted text matches a value when its words appear in the value as whole
words, in order, ignoring case and punctuation. "CTO" matches "CTO" and "Chief Technology
Officer" but not "Director of Data" or "Doctor"; "acme" matches "Acme Corp" but not "Acmeware".
Titles are written in one canonical form on both sides before comparing (``chief technology
officer`` -> ``cto``, ``vice president`` -> ``vp``, ``sr`` -> ``senior``), so an alias and its
expansion match each other. Also here: the nearest matches of a misspelt name, for errors.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Hashable, Iterable
from typing import Any

import numpy as np
import pandas as pd

from netgraph.errors import InputError, UnknownPersonError

#: Canonical form -> the phrases that mean it (matched as whole words after normalising).
TITLE_ALIASES: dict[str, tuple[str, ...]] = {
    "ceo": ("chief executive officer", "chief executive"),
    "cto": ("chief technology officer", "chief technical officer"),
    "cfo": ("chief financial officer", "chief finance officer"),
    "coo": ("chief operating officer", "chief operations officer"),
    "cio": ("chief information officer",),
    "cdo": ("chief data officer",),
    "cmo": ("chief marketing officer",),
    "cpo": ("chief product officer",),
    "ciso": ("chief information security officer",),
    "vp": ("vice president", "vice-president", "v p"),
    "svp": ("senior vice president", "senior vp"),
    "evp": ("executive vice president", "executive vp"),
    "md": ("managing director",),
    "head": ("head of",),
    "senior": ("sr",),
    "junior": ("jr",),
    "manager": ("mgr",),
    "hr": ("human resources",),
    "ml": ("machine learning",),
    "ai": ("artificial intelligence",),
    "ux": ("user experience",),
    "qa": ("quality assurance",),
    "sre": ("site reliability engineer",),
}

# Longest phrases first, so "senior vice president" wins over "vice president".
_REPLACEMENTS = sorted(
    ((phrase, canonical) for canonical, phrases in TITLE_ALIASES.items() for phrase in phrases),
    key=lambda item: -len(item[0]),
)
_NON_WORD = re.compile(r"[^0-9a-z&+#]+")


def normalise(text: Any) -> str:
    """Lower-case words separated by single spaces, titles in their canonical form.

    >>> normalise("Sr. Vice-President, Engineering")
    'senior vp engineering'
    >>> normalise("Chief Technology Officer")
    'cto'
    """
    if text is None or (not isinstance(text, str) and pd.isna(text)):
        return ""
    words = _NON_WORD.sub(" ", str(text).lower().replace(".", "")).split()
    padded = " " + " ".join(words) + " "
    for phrase, canonical in _REPLACEMENTS:
        if " " + phrase + " " in padded:
            padded = padded.replace(" " + phrase + " ", " " + canonical + " ")
    return padded.strip()


def matches(values: pd.Series | Iterable[Any], wanted: Any) -> np.ndarray:
    """Whether each value contains the wanted text (or any of a list of texts) as whole words.

    Parameters
    ----------
    values : Series or iterable
        The values to test (missing values never match). ``;``-separated values, such as
        ``circles``, match when any part does.
    wanted : str or list of str
        What to look for; a list matches any of its items.

    Returns
    -------
    numpy.ndarray of bool

    Examples
    --------
    >>> matches(["CTO", "Director of Data", "Doctor", "Chief Technology Officer"], "cto")
    array([ True, False, False,  True])
    >>> matches(["Acme Corp", "Acmeware", None], ["acme", "initech"])
    array([ True, False, False])
    """
    values = pd.Series(list(values) if not isinstance(values, pd.Series) else values)
    options = [wanted] if isinstance(wanted, str) or not _listlike(wanted) else list(wanted)
    needles = [" " + n + " " for n in (normalise(o) for o in options) if n]
    if not needles:
        return np.zeros(len(values), dtype=bool)
    unique = pd.unique(values.astype(object).where(values.notna(), None))
    hit = {}
    for value in unique:
        if value is None:
            hit[value] = False
            continue
        parts = [" " + normalise(p) + " " for p in str(value).split(";")]
        hit[value] = any(n in p for n in needles for p in parts)
    keys = values.astype(object).where(values.notna(), None)
    return np.fromiter((hit[v] for v in keys), dtype=bool, count=len(values))


def _listlike(value: Any) -> bool:
    return isinstance(value, (list, tuple, set, frozenset, pd.Series, np.ndarray, pd.Index))


def nearest(name: Any, choices: Iterable[Any], n: int = 5) -> list[str]:
    """The choices closest to a misspelt name (difflib's ratio, case-insensitive).

    >>> nearest("compnay", ["company", "role", "city"])
    ['company']
    """
    choices = [str(c) for c in choices if c is not None and str(c)]
    lowered: dict[str, str] = {}
    for c in choices:
        lowered.setdefault(c.lower(), c)
    text = str(name).lower()
    close = difflib.get_close_matches(text, list(lowered), n=n, cutoff=0.6)
    # Also names that start with, or contain, what was typed ("ann" -> "Ann Lee").
    contains = [c for c in lowered if text and text in c and c not in close]
    return [lowered[c] for c in [*close, *contains][:n]]


def unknown_column(column: str, columns: Iterable[Any], *, file: str = "people") -> InputError:
    """An InputError for a column that is not there, listing the nearest ones."""
    columns = [str(c) for c in columns]
    near = nearest(column, columns)
    listed = ", ".join(columns) or "(none)"
    hint = f"Did you mean {', '.join(map(repr, near))}? " if near else ""
    return InputError(
        f"there is no people column {column!r}",
        file=file,
        column=column,
        fix=f"{hint}The columns are: {listed}.",
    )


def resolve_person(people: pd.DataFrame, person: Hashable, *, role: str = "person") -> str:
    """A person's id from an id, an e-mail or a name (case-insensitive), else an error.

    An unknown person is an :class:`~netgraph.UnknownPersonError` (an ``InputError``) listing
    the nearest ids and names; a name shared by several people lists them.
    """
    index = people.index
    try:
        if person in index:  # an id as given (0, or a tuple id such as (0, 1))
            return person
    except TypeError:  # unhashable: not an id
        pass
    text = str(person).strip()
    if text in index:
        return text
    lowered = text.lower()
    candidates: list[str] = []
    for column in ("name", "email"):
        if column not in people.columns:
            continue
        values = people[column].astype("string").str.lower()
        if column == "email":
            hit = values.str.split(";").map(
                lambda parts: isinstance(parts, list) and lowered in [p.strip() for p in parts],
                na_action="ignore",
            )
        else:
            hit = values.str.strip() == lowered
        candidates += list(index[hit.fillna(False).to_numpy(bool)])  # ids as given
    candidates = list(dict.fromkeys(candidates))
    if len(candidates) == 1:
        return candidates[0]
    if len(candidates) > 1:
        raise InputError(
            f"{text!r} names {len(candidates)} people: {', '.join(map(str, candidates[:10]))}",
            column=role,
            fix="Pass the id of the one you mean.",
        )
    names = people["name"].dropna().astype(str).tolist() if "name" in people.columns else []
    near = nearest(text, [*map(str, index), *names])
    hint = f"Did you mean {', '.join(map(repr, near))}?" if near else "No id or name is close."
    raise UnknownPersonError(text, hint=hint)


#: Title words and the seniority they signal (the highest word in a title wins).
SENIORITY: dict[str, float] = {
    **dict.fromkeys(
        [
            "ceo",
            "cto",
            "cfo",
            "coo",
            "cio",
            "cdo",
            "cmo",
            "cpo",
            "ciso",
            "chief",
            "founder",
            "cofounder",
            "co founder",
            "partner",
            "president",
            "owner",
            "md",
        ],
        5.0,
    ),
    **dict.fromkeys(["vp", "svp", "evp"], 4.5),
    **dict.fromkeys(["director", "head"], 4.0),
    **dict.fromkeys(["principal", "staff", "lead", "manager", "professor"], 3.0),
    **dict.fromkeys(["senior"], 2.5),
    **dict.fromkeys(
        ["junior", "graduate", "intern", "apprentice", "student", "trainee", "assistant"], 1.0
    ),
}


def seniority(title: Any) -> float:
    """A rough seniority level of a job title: 1 (junior) to 5 (chief, founder); 2 otherwise.

    NaN for a missing title.

    >>> [seniority(t) for t in ["Graduate Data Scientist", "Engineer", "VP Engineering", "CTO"]]
    [1.0, 2.0, 4.5, 5.0]
    """
    words = normalise(title)
    if not words:
        return float("nan")
    padded = f" {words} "
    found = [level for word, level in SENIORITY.items() if f" {word} " in padded]
    return max(found) if found else 2.0


def ids(values: Iterable[Hashable]) -> pd.Index:
    """Ids as a flat Index (tuple ids stay tuples, never a MultiIndex)."""
    return pd.Index(list(values), dtype=object, tupleize_cols=False)


def value_of(frame: pd.DataFrame, person: Hashable, column: str, default: Any = None) -> Any:
    """One cell of a people table, by id (any id: text, number or tuple), else `default`."""
    if column not in frame.columns or person not in frame.index:
        return default
    at = frame.index.get_loc(person)
    if not isinstance(at, (int, np.integer)):  # a repeated id: its first row
        at = int(np.flatnonzero(np.asarray(at))[0]) if not isinstance(at, slice) else at.start
    return frame[column].iloc[at]


def rows_of(frame: pd.DataFrame, people: Iterable[Hashable]) -> pd.DataFrame:
    """The rows of these ids that are in the table, in the order given."""
    at = frame.index.get_indexer(ids(people))
    return frame.iloc[at[at >= 0]]
