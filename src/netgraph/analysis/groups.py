r"""Groups and events: which affiliations bring new people, and which are worth joining.

People belong to groups (an organisation, a club, a conference, a large meeting series), and
groups are made of people: Breiger's *duality of persons and groups* [1]_. With the two-mode
incidence matrix :math:`A` (people by groups), :math:`A A^\top` counts the groups two people
share and :math:`A^\top A` the members two groups share; Borgatti and Everett [2]_ give the
measures used here without projecting the data away.

For you (the ego), a group you belong to **brings new people** when many of the contacts you
have in it share no other group with you (you know them through this group only) or you do
not know them yet; it **repeats your circles** when its members are people you already share
another group with. A group you are not in is **worth joining** when its members reach the
communities you barely touch:

.. math::

    \text{reach}(g) = \sum_{m \in g,\; m \notin N(\text{you})} \big(1 - \text{cover}(c_m)\big),
    \qquad \text{cover}(c) = \frac{|N(\text{you}) \cap c|}{|c|},

where :math:`c_m` is member :math:`m`'s community, discounted by the share of its members who
are already in your groups (the overlap :math:`A^\top A` with your own).

References
----------
.. [1] Breiger, Ronald L. "The Duality of Persons and Groups." *Social Forces* 53, no. 2
   (1974): 181-190.
.. [2] Borgatti, Stephen P., and Martin G. Everett. "Network Analysis of 2-Mode Data."
   *Social Networks* 19, no. 3 (1997): 243-269.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp

from netgraph._match import nearest, normalise, unknown_column
from netgraph.errors import InputError, UnknownPersonError

__all__ = ["affiliations", "groups", "groups_to_join", "incidence"]

#: People columns read as groups by default, and the kind each gives.
GROUP_COLUMNS = {"groups": "group", "circles": "circle"}
_AFFILIATION_COLUMNS = ["person", "group", "kind", "date"]

_GROUP_DTYPES = {
    "kind": object,
    "members": np.int64,
    "you_member": bool,
    "you_know": np.int64,
    "only_here": np.int64,
    "repeats": np.int64,
    "unknown": np.int64,
    "communities": np.int64,
    "new_people": np.int64,
    "verdict": object,
    "reason": object,
}
_JOIN_DTYPES = {
    "group": object,
    "kind": object,
    "members": np.int64,
    "unknown": np.int64,
    "score": float,
    "overlap": float,
    "communities": object,
    "reason": object,
}


def affiliations(
    people: pd.DataFrame,
    *,
    columns: Iterable[str] | None = None,
    table: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Collect the affiliations table: one row per person and group.

    Parameters
    ----------
    people : DataFrame
        People indexed by id.
    columns : iterable of str, optional
        People columns holding ``;``-separated groups. None reads ``groups`` (the groups large
        calendar events and mailing lists become) and ``circles`` where present.
    table : DataFrame, optional
        More affiliations: ``person``, ``group`` and optionally ``kind`` and ``date`` (as read
        by :func:`netgraph.io.affiliations.read_affiliations`). Its people must be in `people`.

    Returns
    -------
    DataFrame
        ``person, group, kind, date``, one row per person and group, sorted by person then
        group (groups are matched case-insensitively and keep their commonest spelling).

    Raises
    ------
    InputError
        If a column is not a people column, or the table names a person who is not there
        (the nearest ids are listed).

    Examples
    --------
    >>> people = pd.DataFrame({"circles": ["climbing;Acme", "climbing", None]},
    ...                       index=["me", "ann", "bob"])
    >>> print(affiliations(people)[["person", "group", "kind"]].to_string(index=False))
    person    group   kind
       ann climbing circle
        me     Acme circle
        me climbing circle
    """
    if columns is None:
        columns = [c for c in GROUP_COLUMNS if c in people.columns]
    else:
        columns = [columns] if isinstance(columns, str) else list(columns)
        for column in columns:
            if column not in people.columns:
                raise unknown_column(column, people.columns)
    frames = []
    for column in columns:
        values = people[column].dropna().astype(str)
        split = values.str.split(";").explode().str.strip()
        split = split[split != ""]
        frames.append(
            pd.DataFrame(
                {
                    "person": split.index.astype(str),
                    "group": split.to_numpy(object),
                    "kind": GROUP_COLUMNS.get(column, column),
                    "date": pd.NaT,
                }
            )
        )
    if table is not None and len(table):
        frames.append(_checked_table(table, people))
    if not frames:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in _AFFILIATION_COLUMNS})
    out = pd.concat(frames, ignore_index=True)
    # one spelling per group, case and punctuation aside: the commonest, then the smallest
    # (a rule that does not depend on the order of the rows)
    key = out["group"].map(normalise)
    counts = pd.DataFrame({"key": key, "spelling": out["group"].astype(str)})
    counts = counts.groupby(["key", "spelling"]).size().rename("n").reset_index()
    counts = counts.sort_values(["key", "n", "spelling"], ascending=[True, False, True])
    spelling = counts.drop_duplicates("key").set_index("key")["spelling"]
    out["group"] = key.map(spelling).to_numpy(object)
    out = out.sort_values(["person", "group", "kind"], kind="stable", key=_as_text)
    out = out.drop_duplicates(["person", "group"], keep="first").reset_index(drop=True)
    out["date"] = pd.to_datetime(out["date"], errors="coerce")
    return out[_AFFILIATION_COLUMNS]


def _as_text(column: pd.Series) -> pd.Series:
    return column.astype(str)


def _kinds(table: pd.DataFrame) -> pd.Series:
    """One kind per group: the commonest, then the smallest."""
    pairs = pd.DataFrame({"group": table["group"], "kind": table["kind"].astype(str)})
    counts = pairs.groupby(["group", "kind"]).size().rename("n").reset_index()
    counts = counts.sort_values(["group", "n", "kind"], ascending=[True, False, True])
    return counts.drop_duplicates("group").set_index("group")["kind"]


def _checked_table(table: pd.DataFrame, people: pd.DataFrame) -> pd.DataFrame:
    file = table.attrs.get("file", "affiliations")
    for column in ("person", "group"):
        if column not in table.columns:
            raise InputError(
                f"the affiliations have no {column!r} column",
                file=file,
                column=column,
                fix="Give the columns person, group and optionally kind and date.",
            )
    if table.index.name != "line":  # a table read from a file keeps its line numbers
        table = table.reset_index(drop=True)
        table.index = table.index + 2
    person = table["person"].astype("string").str.strip()
    known = person.isin(people.index.astype(str))
    if not known.all():
        i = int(np.flatnonzero(~known.to_numpy(bool))[0])
        near = nearest(person.iloc[i], people.index)
        raise InputError(
            f"{person.iloc[i]!r} is not one of the people",
            file=file,
            row=table.index[i],
            column="person",
            fix=f"Did you mean {', '.join(map(repr, near))}?"
            if near
            else "Use the ids of the people table.",
        )
    return pd.DataFrame(
        {
            "person": person.to_numpy(object),
            "group": table["group"].astype("string").str.strip().to_numpy(object),
            "kind": table["kind"].to_numpy(object) if "kind" in table else "group",
            "date": table["date"].to_numpy(object) if "date" in table else pd.NaT,
        }
    ).dropna(subset=["group"])


def incidence(table: pd.DataFrame, people: Iterable[Hashable]) -> tuple[sp.csr_array, pd.Index]:
    """The two-mode incidence matrix: people (in the given order) by groups, 0/1.

    Returns the sparse matrix and the index of groups, in order of first appearance.
    """
    index = pd.Index(list(people), dtype=object, tupleize_cols=False)
    rows = index.get_indexer(table["person"].to_numpy(object))
    keep = rows >= 0
    codes, groups = pd.factorize(table["group"].to_numpy(object)[keep])
    A = sp.csr_array(
        (np.ones(int(keep.sum())), (rows[keep], codes)), shape=(len(index), len(groups))
    )
    A.data[:] = 1.0
    return A, pd.Index(groups, name="group", dtype=object)


def groups(
    G: nx.Graph,
    table: pd.DataFrame,
    ego: Hashable | None = None,
    *,
    communities: pd.Series | None = None,
) -> pd.DataFrame:
    """Say which groups bring you new people and which repeat the circles you have.

    Parameters
    ----------
    G : networkx.Graph
        The network (undirected). Not modified.
    table : DataFrame
        Affiliations ``person, group, kind`` (see :func:`affiliations`).
    ego : node, optional
        You; None describes the groups of a whole organisation (members and communities).
    communities : Series, optional
        Each person's community (label), to count the communities a group spans.

    Returns
    -------
    DataFrame
        Indexed by ``group``: ``kind``, ``members``, ``you_member``, ``you_know`` (members
        who are your contacts), ``only_here`` (of those, the ones who share no other group of
        yours: the people this group gave you), ``repeats`` (contacts who share another of
        your groups), ``unknown`` (members you do not know yet), ``communities`` (spanned),
        ``new_people`` (``only_here + unknown``), ``verdict`` ("brings new people", "repeats
        your circles" or "mixed") and ``reason``. Your groups first, most new people first.
    """
    people = list(G)
    A, names = incidence(table, people)
    empty = pd.DataFrame({c: pd.Series(dtype=t) for c, t in _GROUP_DTYPES.items()})
    empty.index.name = "group"
    if not len(names):
        return empty
    index = pd.Index(people, dtype=object, tupleize_cols=False)
    members = np.asarray(A.sum(axis=0)).ravel().astype(np.int64)
    kind = _kinds(table).reindex(names)
    spans = _spans(A, index, communities)
    if ego is None:
        out = pd.DataFrame(
            {"kind": kind.to_numpy(object), "members": members, "communities": spans},
            index=names,
        )
        out["reason"] = [
            f"{g}: {m} members across {c} {'community' if c == 1 else 'communities'}."
            for g, m, c in zip(names, members, spans, strict=True)
        ]
        return out.sort_values(["members"], ascending=False, kind="stable")
    if ego not in G:
        raise UnknownPersonError(ego)
    e = index.get_loc(ego)
    mine = A[[e], :].toarray().ravel() > 0
    contact = np.zeros(len(index), dtype=bool)
    contact[index.get_indexer([n for n in G[ego] if n != ego])] = True
    contact[e] = False
    shared = A @ mine.astype(float)  # per person: how many of your groups they are in
    C = A.multiply(contact[:, None]).tocsc()  # contacts x groups
    you_know = np.asarray(C.sum(axis=0)).ravel().astype(np.int64)
    lone = (shared == 1)[:, None]  # in exactly one of your groups
    only_here = np.asarray(C.multiply(lone).sum(axis=0)).ravel().astype(np.int64)
    only_here = np.where(mine, only_here, 0)
    repeats = np.where(mine, you_know - only_here, you_know)
    outsider = ~contact
    outsider[e] = False
    unknown = np.asarray(A.multiply(outsider[:, None]).sum(axis=0)).ravel().astype(np.int64)
    out = pd.DataFrame(
        {
            "kind": kind.to_numpy(object),
            "members": members,
            "you_member": mine,
            "you_know": you_know,
            "only_here": only_here,
            "repeats": repeats,
            "unknown": unknown,
            "communities": spans,
        },
        index=names,
    )
    out = out[(out["members"] - out["you_member"].astype(int)) > 0]  # not groups of you alone
    out["new_people"] = out["only_here"] + out["unknown"]
    others = (out["members"] - out["you_member"].astype(int)).clip(lower=1)
    new_share = out["new_people"] / others
    out["verdict"] = np.where(
        new_share >= 0.5,
        "brings new people",
        np.where(out["repeats"] / others >= 0.5, "repeats your circles", "mixed"),
    )
    out["reason"] = [_group_reason(g, r) for g, r in zip(out.index, out.itertuples(), strict=True)]
    out["_key"] = [str(g) for g in out.index]
    out = out.sort_values(
        ["you_member", "new_people", "_key"], ascending=[False, False, True], kind="stable"
    )
    out = out.drop(columns="_key").astype({c: t for c, t in _GROUP_DTYPES.items()})
    out.index.name = "group"
    return out


def _spans(A: sp.csr_array, index: pd.Index, communities: pd.Series | None) -> np.ndarray:
    """How many communities each group's members span."""
    if communities is None:
        return np.zeros(A.shape[1], dtype=np.int64)
    codes, _ = pd.factorize(communities.reindex(index).to_numpy(object), use_na_sentinel=True)
    known = codes >= 0
    if not known.any():
        return np.zeros(A.shape[1], dtype=np.int64)
    B = sp.csr_array(
        (np.ones(int(known.sum())), (np.flatnonzero(known), codes[known])),
        shape=(len(index), int(codes.max()) + 1),
    )
    return np.asarray(((A.T @ B) > 0).sum(axis=1)).ravel().astype(np.int64)


def _group_reason(group: Any, r: Any) -> str:
    others = r.members - int(r.you_member)
    if not r.you_member:
        verdict = {
            "brings new people": "it would bring new people",
            "repeats your circles": "it would repeat your circles",
        }.get(r.verdict, "mixed")
        return (
            f"You are not in {group}: you know {r.you_know} of its {r.members} members and "
            f"{r.unknown} would be new ({verdict})."
        )
    if r.verdict == "brings new people":
        return (
            f"{group} brings new people: of its {others} other members, {r.only_here} are "
            f"contacts you share no other group with and {r.unknown} you do not know yet."
        )
    if r.verdict == "repeats your circles":
        return (
            f"{group} repeats your circles: {r.repeats} of its {others} other members are "
            f"contacts you already share another group with."
        )
    return (
        f"{group} is mixed: {r.only_here} contacts known only through it, {r.repeats} shared "
        f"with your other groups, {r.unknown} not known yet, of {others} other members."
    )


def groups_to_join(
    G: nx.Graph,
    table: pd.DataFrame,
    ego: Hashable,
    *,
    k: int = 5,
    communities: pd.Series | None = None,
    min_members: int = 2,
) -> pd.DataFrame:
    """Recommend groups whose members reach the communities you barely touch.

    Scores each group you are not in by :math:`\\text{reach}(g)` (see the module docstring):
    its members you do not know, each weighted by how little of their community you reach,
    times one minus the share of its members already in your own groups.

    Parameters
    ----------
    G : networkx.Graph
        The network (undirected). Not modified.
    table : DataFrame
        Affiliations ``person, group, kind``.
    ego : node
        You.
    k : int, default 5
        How many groups.
    communities : Series, optional
        Each person's community label; None treats everyone as one community (then only the
        number of new people counts).
    min_members : int, default 2
        Smallest group considered.

    Returns
    -------
    DataFrame
        At most `k` rows, best first: ``group, kind, members, unknown, score, overlap``
        (share of members already in your groups), ``communities`` (the communities it
        reaches that you barely touch) and ``reason``.
    """
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or k < 0:
        raise InputError(f"k must be a whole number >= 0, not {k!r}", column="k")
    empty = pd.DataFrame({c: pd.Series(dtype=t) for c, t in _JOIN_DTYPES.items()})
    if ego not in G:
        raise UnknownPersonError(ego)
    people = list(G)
    index = pd.Index(people, dtype=object, tupleize_cols=False)
    A, names = incidence(table, people)
    if not len(names) or k == 0:
        return empty
    e = index.get_loc(ego)
    mine = A[[e], :].toarray().ravel() > 0
    contact = np.zeros(len(index), dtype=bool)
    contact[index.get_indexer([n for n in G[ego] if n != ego])] = True
    contact[e] = False
    if communities is None:
        label = pd.Series("everyone", index=index)
    else:
        label = communities.reindex(index).astype(object).fillna("no community")
    size = label.map(label.value_counts())
    known_in = label.map(label[contact].value_counts()).fillna(0)
    cover = (known_in / size).to_numpy(float)
    weight = np.where(contact | (np.arange(len(index)) == e), 0.0, 1.0 - cover)
    reach = A.T @ weight
    in_mine = (A @ mine.astype(float)) > 0  # people in one of your groups
    members = np.asarray(A.sum(axis=0)).ravel()
    overlap = (A.T @ in_mine.astype(float)) / np.maximum(members, 1)
    unknown = A.T @ (~contact & (np.arange(len(index)) != e)).astype(float)
    score = reach * (1 - overlap)
    ok = ~mine & (members >= min_members) & (score > 0)
    if not ok.any():
        return empty
    kind = _kinds(table).reindex(names)
    out = pd.DataFrame(
        {
            "group": names.to_numpy(object),
            "kind": kind.to_numpy(object),
            "members": members.astype(np.int64),
            "unknown": unknown.astype(np.int64),
            "score": score,
            "overlap": overlap,
        }
    )[ok]
    out["_key"] = [str(g) for g in out["group"]]
    out = out.sort_values(["score", "_key"], ascending=[False, True], kind="stable").head(k)
    A = A.tocsc()
    described, reasons = [], []
    for row in out.itertuples():
        j = names.get_loc(row.group)
        who = A[:, [j]].toarray().ravel() > 0
        new = who & ~contact & (np.arange(len(index)) != e)
        counts = label[new].value_counts()
        parts = []
        for c, n in counts.head(3).items():
            you = int(known_in[label == c].iloc[0]) if (label == c).any() else 0
            parts.append(f"{n} in {c} (you know {you} of its {int(size[label == c].iloc[0])})")
        described.append("; ".join(parts))
        reasons.append(
            f"{row.group} has {row.members} members, {row.unknown} you do not know: "
            + ("; ".join(parts) or "none in a community you reach little")
            + f". {row.overlap:.0%} of its members are already in your groups."
        )
    out["communities"] = described
    out["reason"] = reasons
    return out.drop(columns="_key").reset_index(drop=True).astype(_JOIN_DTYPES)
