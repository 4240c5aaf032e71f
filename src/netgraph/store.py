"""A local store that keeps your network over time: one SQLite file.

:func:`open` opens (or creates) the store; :meth:`Store.add` imports any reader's network again
and again without duplicating anything; :meth:`Store.log` records what you did in one call;
:meth:`Store.tag` keeps your lists; :meth:`Store.week` is the Friday review and
:meth:`Store.history` shows what became of it. ``store.network`` is a :class:`~netgraph.Network`
on which every analysis works as before.

The file is written with the standard library's :mod:`sqlite3`: write-ahead logging, foreign
keys, one transaction per import or log (a process killed half-way leaves the store as it
was), the schema version in ``PRAGMA user_version`` with a backup before each migration. A file
that is not a netgraph store, is damaged, or was written by a newer netgraph is refused with an
:class:`~netgraph.InputError` and left untouched.

Examples
--------
>>> import tempfile, netgraph
>>> folder = tempfile.mkdtemp()
>>> with netgraph.open(f"{folder}/net.sqlite") as store:
...     counts = store.add(netgraph.sample())
...     again = store.add(netgraph.sample())
...     who = store.log("Priya Shah", kind="message", note="Congrats!", date="2026-01-05")
>>> counts["people_added"] > 200, again["people_added"], again["interactions_added"], who
(True, 0, 0, 'priya-shah')
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import hashlib
import json
import os
import sqlite3
from collections.abc import Hashable, Iterable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from netgraph import _kept
from netgraph._match import nearest
from netgraph.errors import InputError, NetgraphError, UnknownPersonError

__all__ = ["KINDS", "LISTS", "SCHEMA_VERSION", "Store", "default_path", "open"]

#: The version of the schema this netgraph writes (``PRAGMA user_version``).
SCHEMA_VERSION = 4
#: ``PRAGMA application_id`` of a netgraph store ("NGST"), so other SQLite files are refused.
APPLICATION_ID = 0x4E475354
#: What :meth:`Store.log` records. ``reply`` is the contact writing back to you.
KINDS = ("message", "meeting", "give", "ask", "thanks", "reply")
#: The three lists of the weekly habit (any other tag is kept too).
LISTS = ("stay in touch", "want to know", "worked with")
_LIST_ALIASES = {
    "want to get to know": "want to know",
    "want-to-know": "want to know",
    "stay-in-touch": "stay in touch",
    "keep in touch": "stay in touch",
    "worked-with": "worked with",
}
_US = 1_000_000  # microseconds per second: dates are stored as integer microseconds
_TIE_COLUMNS = ("kind", "since", "closeness", "weight", "evidence", "probability")
_INTERACTION_COLUMNS = ("channel", "kind", "event", "weight")
_EVIDENCE_RANK = {"stated": 3, "observed": 2, "inferred": 1}

_SCHEMA_1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
CREATE TABLE people (
    id TEXT PRIMARY KEY,
    added INTEGER NOT NULL
);
-- people's attributes as key/value rows: any column a reader produces, no fixed schema
CREATE TABLE fields (
    person TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    field TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (person, field)
) WITHOUT ROWID;
CREATE INDEX fields_value ON fields (field, value COLLATE NOCASE);
CREATE TABLE columns (
    field TEXT PRIMARY KEY,
    type TEXT NOT NULL CHECK (type IN ('text', 'number', 'date', 'bool')),
    position INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE field_history (
    id INTEGER PRIMARY KEY,
    person TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    field TEXT NOT NULL,
    old TEXT,
    new TEXT,
    date INTEGER NOT NULL,
    origin TEXT
);
CREATE INDEX field_history_person ON field_history (person, field, date);
CREATE TABLE ties (
    source TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    target TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    kind TEXT,
    since INTEGER,
    closeness REAL,
    weight REAL,
    evidence TEXT,
    probability REAL,
    extra TEXT,
    PRIMARY KEY (source, target)
) WITHOUT ROWID;
CREATE INDEX ties_target ON ties (target);
CREATE TABLE interactions (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    target TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    date INTEGER,
    channel TEXT,
    kind TEXT,
    event TEXT,
    weight REAL,
    note TEXT,
    extra TEXT,
    key TEXT NOT NULL,
    origin TEXT NOT NULL,
    recorded INTEGER NOT NULL
);
CREATE INDEX interactions_source ON interactions (source, date);
CREATE INDEX interactions_target ON interactions (target, date);
-- key: a hash of the row's content, then ':n' for its n-th identical copy (two messages on one day)
CREATE UNIQUE INDEX interactions_key ON interactions (key);
-- answers about who knows whom (knows: 1 yes, 0 no, NULL not sure)
CREATE TABLE answers (
    id INTEGER PRIMARY KEY,
    a TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    b TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    knows INTEGER CHECK (knows IN (0, 1)),
    date INTEGER NOT NULL
);
CREATE INDEX answers_pair ON answers (a, b);
CREATE TABLE tags (
    person TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    added INTEGER NOT NULL,
    PRIMARY KEY (person, tag)
) WITHOUT ROWID;
CREATE TABLE notes (
    id INTEGER PRIMARY KEY,
    person TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    date INTEGER NOT NULL,
    text TEXT NOT NULL
);
-- the Friday review: who was suggested which week, and what the user decided
CREATE TABLE suggestions (
    week INTEGER NOT NULL,
    person TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    rank INTEGER NOT NULL,
    action TEXT NOT NULL,
    why TEXT NOT NULL,
    message TEXT NOT NULL,
    suggested INTEGER NOT NULL,
    PRIMARY KEY (week, person)
) WITHOUT ROWID;
CREATE TABLE decisions (
    id INTEGER PRIMARY KEY,
    person TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    decision TEXT NOT NULL CHECK (decision IN ('snooze', 'skip')),
    date INTEGER NOT NULL,
    until INTEGER NOT NULL
);
CREATE INDEX decisions_person ON decisions (person, until);
CREATE TABLE imports (
    id INTEGER PRIMARY KEY,
    date INTEGER NOT NULL,
    origin TEXT,
    people_added INTEGER NOT NULL,
    fields_changed INTEGER NOT NULL,
    ties_added INTEGER NOT NULL,
    interactions_added INTEGER NOT NULL
);
"""

_SCHEMA_2 = """
-- the week's candidates, worked out once per week and state of the data (meta 'state')
CREATE TABLE review_cache (
    week INTEGER NOT NULL,
    state INTEGER NOT NULL,
    candidates TEXT NOT NULL,
    PRIMARY KEY (week, state)
) WITHOUT ROWID;
CREATE INDEX interactions_recorded ON interactions (recorded);
"""

_SCHEMA_3 = """
-- the connector asked for an introduction (writing to them follows the suggestion through)
ALTER TABLE suggestions ADD COLUMN via TEXT;
"""

_SCHEMA_4 = """
-- what the review reads of the whole network, worked out once per import or answer (meta
-- 'structure'): the ties among your contacts, communities, your stated ties (netgraph._kept)
CREATE TABLE kept (
    structure INTEGER PRIMARY KEY,
    arrays BLOB NOT NULL,
    extra TEXT NOT NULL
);
"""

#: MIGRATIONS[v] upgrades a store from version v to v + 1 (inside one transaction).
MIGRATIONS: list[Any] = [
    lambda con: _script(con, _SCHEMA_1),
    lambda con: _script(con, _SCHEMA_2),
    lambda con: _script(con, _SCHEMA_3),
    lambda con: _script(con, _SCHEMA_4),
]


def _script(con: sqlite3.Connection, text: str) -> None:
    """Run SQL statements inside the current transaction (executescript would commit it)."""
    lines = [line for line in text.splitlines() if not line.lstrip().startswith("--")]
    for statement in "\n".join(lines).split(";"):
        if statement.strip():
            con.execute(statement)


# A hook for the tests: called inside the import transaction, after the rows are written and
# before the commit (the crash test kills the process there).
_before_commit = None


def default_path() -> Path:
    """Where :func:`open` keeps the store by default.

    ``$NETGRAPH_HOME/store.sqlite`` when the environment variable ``NETGRAPH_HOME`` is set,
    else ``store.sqlite`` in the user's data directory (``platformdirs.user_data_dir``:
    ``~/.local/share/netgraph`` on Linux, ``~/Library/Application Support/netgraph`` on macOS,
    ``%LOCALAPPDATA%\\netgraph`` on Windows).
    """
    home = os.environ.get("NETGRAPH_HOME")
    if home:
        return Path(home).expanduser() / "store.sqlite"
    import platformdirs

    return Path(platformdirs.user_data_dir("netgraph", appauthor=False)) / "store.sqlite"


def open(path: str | os.PathLike | None = None) -> Store:  # noqa: A001 - netgraph.open
    """Open the store at `path` (created if missing), or the default one.

    Parameters
    ----------
    path : str or path-like, optional
        The SQLite file; None means :func:`default_path`.

    Returns
    -------
    Store
        Use it as a context manager, or call :meth:`Store.close`.

    Raises
    ------
    InputError
        If the file is not a netgraph store, is damaged, or was written by a newer netgraph
        (the file is left as it is).
    """
    return Store(default_path() if path is None else path)


class Store:
    """Your network kept over time in one SQLite file; see :func:`netgraph.open`."""

    def __init__(self, path: str | os.PathLike) -> None:
        self.path = Path(path).expanduser()
        self._cached: tuple[int, Any] | None = None
        self.path.parent.mkdir(parents=True, exist_ok=True)
        _check_file(self.path)
        self._con = sqlite3.connect(self.path, timeout=60, isolation_level=None)
        try:
            self._open()
        except BaseException:
            self._con.close()
            raise

    def _open(self) -> None:
        con = self._con
        try:
            version = con.execute("PRAGMA user_version").fetchone()[0]
            app = con.execute("PRAGMA application_id").fetchone()[0]
            n_tables = con.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        except sqlite3.DatabaseError as err:
            raise _refused(self.path, f"it cannot be read as SQLite ({err})") from err
        if n_tables and app != APPLICATION_ID:
            raise _refused(self.path, "it is an SQLite file but not a netgraph store")
        if version > SCHEMA_VERSION:
            raise _refused(
                self.path,
                f"it was written by a newer netgraph (schema version {version}; this netgraph "
                f"reads up to {SCHEMA_VERSION})",
                fix="Upgrade netgraph (pip install -U netgraph) to open it.",
            )
        if n_tables:
            self._check_size()
        con.execute("PRAGMA foreign_keys = ON")
        con.execute("PRAGMA busy_timeout = 60000")
        if con.execute("PRAGMA journal_mode = WAL").fetchone()[0].lower() != "wal":
            raise NetgraphError(f"{self.path}: the store could not switch to write-ahead logging")
        con.execute("PRAGMA synchronous = NORMAL")
        if version < SCHEMA_VERSION:
            self._migrate(version)

    def _check_size(self) -> None:
        """Refuse a file shorter than its header says (cut short by a crash or a copy)."""
        con = self._con
        size = con.execute("PRAGMA page_size").fetchone()[0]
        pages = con.execute("PRAGMA page_count").fetchone()[0]
        wal = Path(f"{self.path}-wal")
        if (
            not wal.exists() or wal.stat().st_size == 0
        ) and self.path.stat().st_size < size * pages:
            raise _refused(
                self.path,
                f"it is damaged (cut short: {self.path.stat().st_size} "
                f"bytes where its header says {size * pages})",
            )

    def check(self) -> None:
        """Check the whole file (SQLite's quick_check); a damaged store is an InputError."""
        try:
            problem = self._con.execute("PRAGMA quick_check(1)").fetchone()[0]
        except sqlite3.DatabaseError as err:
            problem = str(err)
        if problem != "ok":
            raise _refused(self.path, f"it is damaged ({problem})")

    def _migrate(self, version: int) -> None:
        """Upgrade the schema step by step, backing up the file before each step."""
        if version > 0:
            self.check()
        while version < SCHEMA_VERSION:
            if version > 0:
                self.backup(self.path.with_name(f"{self.path.name}.v{version}.backup"))
            with self._transaction() as con:
                # another process may have migrated meanwhile
                version = con.execute("PRAGMA user_version").fetchone()[0]
                if version >= SCHEMA_VERSION:
                    break
                MIGRATIONS[version](con)
                con.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                con.execute(f"PRAGMA user_version = {version + 1}")
            version += 1

    # -- plumbing -----------------------------------------------------------------------------

    def close(self) -> None:
        """Close the file."""
        self._con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        counts = {
            table: self._con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("people", "ties", "interactions")
        }
        return (
            f"<netgraph.Store {str(self.path)!r}: {counts['people']} people, {counts['ties']} "
            f"ties, {counts['interactions']} interactions, ego={self.ego!r}>"
        )

    @contextlib.contextmanager
    def _transaction(self, *, data: bool = True) -> Iterator[sqlite3.Connection]:
        """One write transaction: all of it is written, or none of it."""
        con = self._con
        con.execute("BEGIN IMMEDIATE")
        try:
            yield con
        except BaseException:
            con.execute("ROLLBACK")
            raise
        con.execute("COMMIT")
        if data:  # people, ties or interactions changed: rebuild the network when next asked
            self._cached = None

    def backup(self, path: str | os.PathLike) -> Path:
        """Copy the store to `path` with SQLite's online backup, written whole or not at all."""
        path = Path(path)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            target = sqlite3.connect(tmp)
            try:
                self._con.backup(target)
            finally:
                target.close()
            with tmp.open("rb+") as f:  # on disk before the rename
                os.fsync(f.fileno())
            os.replace(tmp, path)
        finally:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
        return path

    def _bump(self, con: sqlite3.Connection, key: str = "state") -> None:
        """Mark that what the weekly review is worked out from has changed: ``state`` for
        anything it reads, ``structure`` for the ties among your contacts (:mod:`netgraph._kept`).
        """
        con.execute(
            "INSERT INTO meta VALUES (?, '1') "
            "ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1",
            (key,),
        )

    def _meta(self, key: str) -> str | None:
        row = self._con.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else row[0]

    @property
    def ego(self) -> str | None:
        """Your own id in the store (set by the first import with an ego)."""
        return self._meta("ego")

    # -- reading ------------------------------------------------------------------------------

    @property
    def network(self) -> Any:
        """The stored people, ties and interactions as a :class:`~netgraph.Network`.

        Built on first use and again after each change (by this process or another one).
        Interactions keep their ``note``; people their stored attributes.
        """
        version = self._con.execute("PRAGMA data_version").fetchone()[0]
        if self._cached is None or self._cached[0] != version:
            self._cached = (version, self._build())
        return self._cached[1]

    def _build(self) -> Any:
        from netgraph.network import Network

        net = Network(
            self.people,
            self._ties_frame(),
            self._interactions_frame(),
            ego=self.ego,
            directed=self._meta("directed") == "1",
        )
        answers = self.answers()
        answers = answers[answers["knows"].notna()]
        if len(answers):  # who knows whom: a yes is a stated tie, a no a known non-tie
            net = net.confirm_ties(answers[["a", "b", "knows"]].astype({"knows": bool}))
        # what net.brief() and the review read besides the three tables
        net.field_history = self.field_history()
        net.notes = self.notes().rename(columns={"text": "note"})
        return net

    @property
    def people(self) -> pd.DataFrame:
        """The stored people, indexed by id, one column per attribute."""
        con = self._con
        ids = [r[0] for r in con.execute("SELECT id FROM people ORDER BY rowid")]
        rows = con.execute("SELECT person, field, value FROM fields").fetchall()
        kinds = dict(
            (f, t) for f, t in con.execute("SELECT field, type FROM columns ORDER BY position")
        )
        # one cell per (person, field) row, placed in one vectorised step (missing: NaN)
        long = np.array(rows, dtype=object).reshape(len(rows), 3)
        person, field, value = long[:, 0], long[:, 1], long[:, 2]
        fields = [f for f in kinds if f in set(field)]
        row, column = pd.Index(ids).get_indexer(person), pd.Index(fields).get_indexer(field)
        known = (row >= 0) & (column >= 0)  # a field without a type is left out, as ever
        cells = np.full((len(ids), len(fields)), np.nan, dtype=object)
        cells[row[known], column[known]] = value[known]
        frame = pd.DataFrame(cells, columns=fields, dtype=object)
        for name in fields:
            frame[name] = _decode(frame[name], kinds[name])
        frame.index = pd.Index(ids, name="id", dtype="str")
        frame.columns.name = None
        return frame.reset_index()

    def _ties_frame(self) -> pd.DataFrame:
        frame = pd.read_sql_query(
            "SELECT source, target, kind, since, closeness, weight, evidence, probability, extra "
            "FROM ties",
            self._con,
        )
        frame["since"] = _dates(frame["since"])
        frame = _unpack(frame)
        for column in ("evidence", "probability"):  # only when some tie has them
            if frame[column].isna().all():
                frame = frame.drop(columns=column)
        return frame

    def _interactions_frame(
        self, person: str | None = None, *, after: int = -1, upto: int | None = None
    ) -> pd.DataFrame:
        """The interactions (those of `person`: an end; those with row id in (`after`, `upto`]),
        in order of date, with the optional columns some row uses."""
        optional = ("event", "weight", "note", "extra")
        columns = ["id", "source", "target", "date", "channel", "kind"]
        if person is None:
            present = self._con.execute(  # one scan in C; fetching empty columns costs more
                "SELECT "
                + ", ".join(f"max({c} IS NOT NULL)" for c in optional)
                + " FROM interactions"
            ).fetchone()
            columns += [c for c, used in zip(optional, present, strict=True) if used]
            query, params = f"SELECT {', '.join(columns)} FROM interactions WHERE 1", ()
        else:  # one index range per end; every column, the empty ones dropped below
            columns += optional
            select = f"SELECT {', '.join(columns)} FROM interactions"
            query = f"{select} WHERE source = ? UNION ALL {select} WHERE target = ? AND source != ?"
            params = (person, person, person)
        if after >= 0 or upto is not None:
            query = f"SELECT * FROM ({query}) WHERE id > ? AND id <= ?"
            params = (*params, after, 2**63 - 1 if upto is None else upto)
        # text as Python objects (not pandas' string dtype): the review compares ids row by row
        frame = pd.DataFrame(
            self._con.execute(query, params).fetchall(), columns=columns, dtype=object
        )
        frame = frame.drop(columns=[c for c in optional if c in frame and frame[c].isna().all()])
        if "weight" in frame.columns:
            frame["weight"] = pd.to_numeric(frame["weight"])
        dates = pd.to_numeric(frame["date"]).to_numpy(float)  # by date (missing first), then id
        order = np.lexsort((frame["id"].to_numpy(np.int64), np.nan_to_num(dates, nan=-np.inf)))
        frame = frame.iloc[order].drop(columns="id").reset_index(drop=True)
        frame["date"] = _dates(frame["date"])
        return _unpack(frame) if "extra" in frame.columns else frame

    def field_history(self, person: Hashable | None = None) -> pd.DataFrame:
        """Changes to people's attributes: person, field, old, new, date, origin."""
        where, params = ("WHERE person = ?", (self._resolve(person),)) if person else ("", ())
        frame = pd.read_sql_query(
            f"SELECT person, field, old, new, date, origin FROM field_history {where} "
            "ORDER BY date, id",
            self._con,
            params=params,
        )
        frame["date"] = _dates(frame["date"])
        return frame

    # -- importing ----------------------------------------------------------------------------

    def add(self, network: Any, *, date: Any = None, origin: str | None = None) -> dict[str, int]:
        """Import a network (any reader's result): new people, ties and interactions are added,
        changed attributes updated with their history kept, and nothing is duplicated.

        People are matched as :meth:`netgraph.Network.merge` matches them (same id, or the same
        e-mail or profile URL); the network's ego is taken to be the store's ego. An attribute
        that changed (a new company) replaces the stored one and the change is kept in
        :meth:`field_history` with `date`. A tie already stored has its gaps filled; an
        interaction identical to a stored one is skipped, so importing the same export twice
        changes nothing. The import is one transaction.

        Parameters
        ----------
        network : netgraph.Network
        date : date-like, optional
            When the changes happened (default now).
        origin : str, optional
            Where the data came from (a file name), kept with the history.

        Returns
        -------
        dict
            Counts: ``people_added``, ``fields_changed`` (values replaced; details filled in
            where there were none are kept in the history too but not counted),
            ``ties_added``, ``ties_updated``, ``interactions_added``, ``answers_added`` (the
            network's answers about who knows whom, :attr:`netgraph.Network.answers`).
        """
        from netgraph.network import Network

        if not isinstance(network, Network):
            raise InputError(
                f"store.add() takes a netgraph.Network, not {type(network).__name__}",
                fix="Read the file first, e.g. store.add(netgraph.read_linkedin(path)).",
            )
        when = _micro(date if date is not None else pd.Timestamp.now())
        with self._transaction() as con:
            mapping = self._identities(network)
            counts = {"people_added": 0, "fields_changed": 0}
            self._add_people(con, network.people, mapping, when, origin, counts)
            if network.ego is not None and self._meta("ego") is None:
                con.execute("INSERT INTO meta VALUES ('ego', ?)", (mapping[network.ego],))
            if network.directed:
                con.execute("INSERT OR REPLACE INTO meta VALUES ('directed', '1')")
            counts.update(self._add_ties(con, network, mapping))
            counts["answers_added"] = self._add_answers(con, network, mapping, when)
            counts["interactions_added"] = self._add_interactions(
                con, network.interactions, mapping, origin or "import", when
            )
            con.execute(
                "INSERT INTO imports (date, origin, people_added, fields_changed, ties_added, "
                "interactions_added) VALUES (?, ?, ?, ?, ?, ?)",
                (
                    when,
                    origin,
                    counts["people_added"],
                    counts["fields_changed"],
                    counts["ties_added"],
                    counts["interactions_added"],
                ),
            )
            self._bump(con)
            self._bump(con, "structure")
            if _before_commit is not None:
                _before_commit(self)
        if self.ego is not None:
            self._structure()  # worked out now, so that the next review does not wait for it
        return counts

    def _identities(self, network: Any) -> dict[str, str]:
        """Map each id of `network` to its id in the store (Network.merge's identity rule)."""
        from netgraph.merge import match_people  # the one identity rule (Network.merge)

        incoming = network.people
        ids = [str(i) for i in incoming.index]
        mapping = {i: i for i in ids}
        columns = [c for c in ("email", "url", "phone") if c in incoming.columns]
        if columns:
            stored = self._fields_frame(columns)
            if len(stored):
                mapping.update(match_people(stored, incoming[columns]))
        ego = self.ego
        if ego is not None and network.ego is not None:
            mapping[str(network.ego)] = ego
        return mapping

    def _fields_frame(self, columns: list[str]) -> pd.DataFrame:
        marks = ", ".join("?" * len(columns))
        rows = self._con.execute(
            f"SELECT person, field, value FROM fields WHERE field IN ({marks})", columns
        ).fetchall()
        if not rows:
            return pd.DataFrame(columns=columns)
        long = pd.DataFrame(rows, columns=["person", "field", "value"])
        wide = long.pivot(index="person", columns="field", values="value")
        wide.columns.name = None
        return wide

    def _add_people(self, con, people, mapping, when, origin, counts) -> None:
        kinds = dict(con.execute("SELECT field, type FROM columns").fetchall())
        position = len(kinds)
        for column in people.columns:
            if column not in kinds:
                kinds[column] = _kind(people[column])
                con.execute(
                    "INSERT INTO columns VALUES (?, ?, ?)", (column, kinds[column], position)
                )
                position += 1
        sids = pd.Series([mapping.get(str(p), str(p)) for p in people.index], dtype=object)
        existing = {r[0] for r in con.execute("SELECT id FROM people")}
        # a person is new on the first row with an id not stored yet; later rows update them
        fresh = (~sids.duplicated() & ~sids.isin(existing)).to_numpy()
        con.executemany("INSERT INTO people VALUES (?, ?)", [(s, when) for s in sids[fresh]])
        counts["people_added"] += int(fresh.sum())
        stored = {(p, f): v for p, f, v in con.execute("SELECT person, field, value FROM fields")}
        values = _field_values(people, sids, kinds)
        if values.empty:
            return
        changes = _field_changes(values, stored)
        # a detail learnt (old None) or changed, with its date; not for people added now
        history = changes[~fresh[changes["row"].to_numpy()]]
        con.executemany(
            "INSERT INTO field_history (person, field, old, new, date, origin) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [
                (p, f, o, n, when, origin)
                for p, f, o, n in history[["person", "field", "old", "new"]].to_numpy().tolist()
            ],
        )
        counts["fields_changed"] += int(history["old"].notna().sum())
        # each field's last value in the import is the one kept
        last = changes.drop_duplicates(["person", "field"], keep="last")
        was = [stored.get(k) for k in zip(last["person"], last["field"], strict=True)]
        new_fields, changed = [], []
        for person, field, text, old in zip(
            last["person"], last["field"], last["new"], was, strict=True
        ):
            if old is None:
                new_fields.append((person, field, text))
            elif old != text:
                changed.append((text, person, field))
        new_fields.sort(
            key=lambda row: (row[0], str(row[1]))
        )  # in key order: appended to the table's B-tree, not scattered in it
        con.executemany("INSERT INTO fields VALUES (?, ?, ?)", new_fields)
        con.executemany("UPDATE fields SET value = ? WHERE person = ? AND field = ?", changed)

    def _add_ties(self, con, network, mapping) -> dict[str, int]:
        ties = network.stated_ties
        if ties.empty:
            return {"ties_added": 0, "ties_updated": 0}
        directed = network.directed or self._meta("directed") == "1"
        source = ties["source"].astype(str).map(lambda x: mapping.get(x, x)).to_numpy(object)
        target = ties["target"].astype(str).map(lambda x: mapping.get(x, x)).to_numpy(object)
        if not directed:  # one row per pair, the smaller id first
            swap = source > target
            source, target = np.where(swap, target, source), np.where(swap, source, target)
        stored = {
            (r[0], r[1]): r[2:]
            for r in con.execute(
                "SELECT source, target, kind, since, closeness, weight, evidence, probability, "
                "extra FROM ties"
            )
        }
        rank = _EVIDENCE_RANK.get
        added, updated = [], []
        keys = zip(source, target, strict=True)
        for key, new in zip(keys, zip(*_tie_columns(ties), strict=True), strict=True):
            old = stored.get(key)
            if old is None:
                stored[key] = new
                added.append((*key, *new))
                continue
            merged = [o if o is not None else n for o, n in zip(old, new, strict=True)]
            if new[4] is not None and rank(new[4], 0) > rank(old[4] or "", 0):
                merged[4] = new[4]  # stated beats observed beats inferred
            if tuple(merged) != tuple(old):
                stored[key] = tuple(merged)
                updated.append((*merged, *key))
        added.sort(key=lambda row: row[:2])  # in key order, as the fields
        con.executemany("INSERT INTO ties VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", added)
        con.executemany(
            "UPDATE ties SET kind = ?, since = ?, closeness = ?, weight = ?, evidence = ?, "
            "probability = ?, extra = ? WHERE source = ? AND target = ?",
            updated,
        )
        return {"ties_added": len(added), "ties_updated": len(updated)}

    def _add_answers(self, con, network, mapping, when) -> int:
        """The network's answers about who knows whom (``net.answers``), new ones only."""
        answers = getattr(network, "answers", None)
        if not isinstance(answers, pd.DataFrame) or answers.empty:
            return 0
        latest = {
            (a, b): knows
            for a, b, knows in con.execute(
                "SELECT a, b, knows FROM answers WHERE id IN "
                "(SELECT max(id) FROM answers GROUP BY a, b)"
            )
        }
        rows = []
        for a, b, knows in answers[["a", "b", "knows"]].itertuples(index=False):
            a, b = sorted((mapping.get(str(a), str(a)), mapping.get(str(b), str(b))))
            value = None if pd.isna(knows) else int(bool(knows))
            if latest.get((a, b), "none") != value:
                latest[a, b] = value
                rows.append((a, b, value, when))
        con.executemany("INSERT INTO answers (a, b, knows, date) VALUES (?, ?, ?, ?)", rows)
        return len(rows)

    def _add_interactions(self, con, frame, mapping, origin, when) -> int:
        if frame.empty:
            return 0
        values, texts = _interaction_columns(frame, mapping)
        keys = _keys(texts)
        held = con.execute("SELECT count(*) FROM interactions").fetchone()[0]
        known = self._known_keys(con, keys, held)
        if known:  # only the rows not stored yet
            fresh = np.array([k not in known for k in keys], dtype=bool)
            values = [v[fresh] for v in values]
            keys = np.asarray(keys, dtype=object)[fresh].tolist()
        n = len(keys)
        rows = list(zip(*(v.tolist() for v in values), keys, [origin] * n, [when] * n, strict=True))
        _insert_many(
            con,
            "interactions",
            "INSERT INTO interactions (source, target, date, channel, kind, event, weight, note, "
            "extra, key, origin, recorded) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
            held,
        )
        return n

    @staticmethod
    def _known_keys(con, keys: list[str], held: int) -> set[str]:
        """Which of `keys` the store holds (`held` interactions): every stored key read in one
        scan when there are not many more of them than `keys`, else looked up 500 at a time."""
        if held == 0:
            return set()
        if held <= 3 * len(keys):
            return {r[0] for r in con.execute("SELECT key FROM interactions")}.intersection(keys)
        known: set[str] = set()
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            known.update(
                r[0]
                for r in con.execute(f"SELECT key FROM interactions WHERE key IN ({marks})", chunk)
            )
        return known

    # -- logging ------------------------------------------------------------------------------

    def log(
        self,
        person: Hashable,
        kind: str = "message",
        note: str | None = None,
        date: Any = None,
        *,
        by: str = "me",
    ) -> str:
        """Record something you did with a person, in one call and one transaction.

        Parameters
        ----------
        person : str
            Their id, e-mail or name (case-insensitive). An ambiguous name is an
            :class:`~netgraph.InputError` listing the candidates; an unknown one lists the
            nearest matches.
        kind : {"message", "meeting", "give", "ask", "thanks", "reply"}, default "message"
            ``reply`` records them writing back to you.
        note : str, optional
            Free text kept with the interaction (what you wrote, what you gave).
        date : date-like, optional
            When; default now.
        by : {"me", "them"}, default "me"
            Who did it: ``by="them"`` records a favour (``give``), ask or message from them.

        Returns
        -------
        str
            The person's id.
        """
        if kind not in KINDS:
            raise InputError(
                f"kind {kind!r} is not one netgraph logs",
                column="kind",
                fix=f"Use one of {', '.join(KINDS)}.",
            )
        if by not in ("me", "them"):
            raise InputError(f"by={by!r} is neither 'me' nor 'them'", fix="Pass by='them'.")
        ego = self._need_ego("log")
        pid = self._resolve(person)
        when = _micro(date if date is not None else pd.Timestamp.now())
        source, target = (pid, ego) if (by == "them" or kind == "reply") else (ego, pid)
        channel = "meeting" if kind == "meeting" else "logged"
        row = (source, target, when, channel, kind, None, None, note, None)
        content = _key(row)
        with self._transaction() as con:
            cached = con.execute("SELECT max(week) FROM review_cache").fetchone()[0]
            if cached is not None and when < cached:  # back-dated: the review must see it
                self._bump(con)
            copies = con.execute(  # earlier identical rows: this one is the next copy
                "SELECT count(*) FROM interactions WHERE key > ? AND key < ?",
                (f"{content}:", f"{content};"),
            ).fetchone()[0]
            con.execute(
                "INSERT INTO interactions (source, target, date, channel, kind, event, weight, "
                "note, extra, key, origin, recorded) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'log', ?)",
                (*row, f"{content}:{copies}", _micro(pd.Timestamp.now())),
            )
        return pid

    def note(self, person: Hashable, text: str, date: Any = None) -> str:
        """Keep a note about a person (what they care about, what you promised)."""
        pid = self._resolve(person)
        when = _micro(date if date is not None else pd.Timestamp.now())
        with self._transaction() as con:
            con.execute(
                "INSERT INTO notes (person, date, text) VALUES (?, ?, ?)", (pid, when, text)
            )
        return pid

    def notes(self, person: Hashable | None = None) -> pd.DataFrame:
        """The notes kept: person, date, text."""
        where, params = ("WHERE person = ?", (self._resolve(person),)) if person else ("", ())
        frame = pd.read_sql_query(
            f"SELECT person, date, text FROM notes {where} ORDER BY date, id",
            self._con,
            params=params,
        )
        frame["date"] = _dates(frame["date"])
        return frame

    def answer(self, a: Hashable, b: Hashable, knows: bool | None, date: Any = None) -> None:
        """Keep an answer about whether two people know each other (None: not sure)."""
        pa, pb = sorted((self._resolve(a), self._resolve(b)))
        when = _micro(date if date is not None else pd.Timestamp.now())
        value = None if knows is None else int(bool(knows))
        with self._transaction() as con:
            con.execute(
                "INSERT INTO answers (a, b, knows, date) VALUES (?, ?, ?, ?)", (pa, pb, value, when)
            )
            self._bump(con, "structure")

    def answers(self) -> pd.DataFrame:
        """The latest answer for each pair: a, b, knows (True, False or None), date."""
        frame = pd.read_sql_query(
            "SELECT a, b, knows, date FROM answers WHERE id IN "
            "(SELECT max(id) FROM answers GROUP BY a, b) ORDER BY a, b",
            self._con,
        )
        frame["date"] = _dates(frame["date"])
        frame["knows"] = pd.Series(
            [None if pd.isna(v) else bool(v) for v in frame["knows"]],
            index=frame.index,
            dtype=object,
        )
        return frame

    def _need_ego(self, what: str) -> str:
        ego = self.ego
        if ego is None:
            raise InputError(
                f"store.{what}() needs to know who you are, and the store has no ego yet",
                file=str(self.path),
                fix="Import a network with an ego first, e.g. "
                "store.add(netgraph.read_linkedin(path, me='me')).",
            )
        return ego

    def _resolve(self, person: Hashable) -> str:
        """The id of a person given by id, e-mail or name; a clear error otherwise."""
        text = str(person).strip()
        con = self._con
        if con.execute("SELECT 1 FROM people WHERE id = ?", (text,)).fetchone():
            return text
        if "@" in text:
            rows = con.execute(
                "SELECT person, value FROM fields WHERE field = 'email' AND value LIKE ?",
                (f"%{text}%",),
            ).fetchall()
            found = sorted(
                {
                    pid
                    for pid, value in rows
                    if text.lower() in (v.strip().lower() for v in value.split(";"))
                }
            )
            if len(found) == 1:
                return found[0]
        else:
            found = [
                r[0]
                for r in con.execute(
                    "SELECT person FROM fields WHERE field = 'name' AND value = ? COLLATE NOCASE "
                    "ORDER BY person",
                    (text,),
                )
            ]
            if len(found) == 1:
                return found[0]
        if len(found) > 1:
            raise InputError(
                f"{text!r} could be {len(found)} people: {self._describe(found)}",
                fix="Pass the id (the first word of each candidate above) instead.",
            )
        names = [r[0] for r in con.execute("SELECT value FROM fields WHERE field = 'name'")]
        near = nearest(text, [*self._ids(), *names])
        hint = f"Did you mean {', '.join(map(repr, near))}?" if near else "No id or name is close."
        raise UnknownPersonError(text, hint=f"Nobody in {self.path} by id, e-mail or name. {hint}")

    def _ids(self) -> list[str]:
        return [r[0] for r in self._con.execute("SELECT id FROM people")]

    def _describe(self, ids: Iterable[str]) -> str:
        parts = []
        for pid in ids:
            fields = dict(
                self._con.execute(
                    "SELECT field, value FROM fields WHERE person = ? AND field IN "
                    "('name', 'company', 'email')",
                    (pid,),
                )
            )
            detail = ", ".join(fields[f] for f in ("name", "company", "email") if f in fields)
            parts.append(f"{pid} ({detail})" if detail else pid)
        return "; ".join(parts)

    # -- lists --------------------------------------------------------------------------------

    def tag(self, person: Hashable, tag: str, date: Any = None) -> str:
        """Put a person on a list, such as ``"want to know"`` (any tag is allowed)."""
        pid = self._resolve(person)
        when = _micro(date if date is not None else pd.Timestamp.now())
        with self._transaction() as con:
            con.execute("INSERT OR IGNORE INTO tags VALUES (?, ?, ?)", (pid, _tag(tag), when))
            self._bump(con)
        return pid

    def untag(self, person: Hashable, tag: str) -> str:
        """Take a person off a list."""
        pid = self._resolve(person)
        with self._transaction() as con:
            con.execute("DELETE FROM tags WHERE person = ? AND tag = ?", (pid, _tag(tag)))
            self._bump(con)
        return pid

    def tag_from(
        self, table: pd.DataFrame | str | os.PathLike, column: str, *, person: str | None = None
    ) -> int:
        """Set lists from a spreadsheet column: each row's cell names its lists (``;``-separated).

        Parameters
        ----------
        table : DataFrame or path of a CSV file
        column : str
            The column holding list names, e.g. ``"list"`` with cells such as
            ``"want to know"`` or ``"stay in touch; worked with"``.
        person : str, optional
            The column naming the person (id, e-mail or name); default the first of ``id``,
            ``email``, ``name`` present.

        Returns
        -------
        int
            How many tags were set. The whole column is one transaction: an unknown person
            is an InputError naming the row, and nothing is tagged.
        """
        name = "table"
        if not isinstance(table, pd.DataFrame):
            name = os.fspath(table)
            table = pd.read_csv(name, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        if column not in table.columns:
            raise InputError(
                f"no column {column!r}",
                file=name,
                fix=f"The columns are: {', '.join(map(str, table.columns))}.",
            )
        if person is None:
            person = next((c for c in ("id", "email", "name") if c in table.columns), None)
            if person is None:
                raise InputError(
                    "no id, email or name column to say who each row is",
                    file=name,
                    fix="Pass person='<column>'.",
                )
        pairs = []
        for i, (who, cell) in enumerate(zip(table[person], table[column], strict=True)):
            if pd.isna(cell) or not str(cell).strip():
                continue
            try:
                pid = self._resolve(who)
            except InputError as err:
                raise InputError(
                    err.problem, file=name, row=i + 2, column=person, fix=err.fix
                ) from err
            pairs += [(pid, _tag(t)) for t in str(cell).split(";") if t.strip()]
        when = _micro(pd.Timestamp.now())
        with self._transaction() as con:
            self._bump(con)
            before = con.total_changes
            con.executemany(
                "INSERT OR IGNORE INTO tags VALUES (?, ?, ?)", [(p, t, when) for p, t in pairs]
            )
            return con.total_changes - before

    def lists(self) -> pd.DataFrame:
        """Who is on which list: person, name, list, added; the three lists first."""
        frame = pd.read_sql_query(
            "SELECT t.person, f.value AS name, t.tag AS list, t.added FROM tags t "
            "LEFT JOIN fields f ON f.person = t.person AND f.field = 'name' "
            "ORDER BY t.tag, t.person",
            self._con,
        )
        frame["added"] = _dates(frame["added"])
        order = {name: i for i, name in enumerate(LISTS)}
        frame["_order"] = frame["list"].map(lambda t: order.get(t, len(order)))
        return (
            frame.sort_values(["_order", "list", "person"], kind="stable")
            .drop(columns="_order")
            .reset_index(drop=True)
        )

    # -- the Friday review --------------------------------------------------------------------

    def snooze(self, person: Hashable, weeks: float = 4, date: Any = None) -> str:
        """Keep a person out of the weekly review for `weeks` weeks."""
        return self._decide(person, "snooze", pd.Timedelta(weeks=weeks), date)

    def skip(self, person: Hashable, date: Any = None) -> str:
        """Leave a person out of this week's review (another takes the place)."""
        pid = self._resolve(person)
        when = pd.Timestamp(date) if date is not None else pd.Timestamp.now()
        monday = _monday(when)
        return self._decide(pid, "skip", monday + pd.Timedelta(weeks=1) - when, when)

    def _decide(self, person, decision, length, date) -> str:
        pid = self._resolve(person)
        when = pd.Timestamp(date) if date is not None else pd.Timestamp.now()
        with self._transaction() as con:
            con.execute(
                "INSERT INTO decisions (person, decision, date, until) VALUES (?, ?, ?, ?)",
                (pid, decision, _micro(when), _micro(when + length)),
            )
        return pid

    def week(self, k: int = 3, today: Any = None, *, record: bool = True) -> pd.DataFrame:
        """This week's review: `k` people to write to, why, what to do and a draft message.

        See :func:`netgraph.recommend.week.week` for the rules. The list is worked out as of
        the Monday of `today`'s week (stable all week) and leaves out whoever you have
        written to since, snoozed or skipped. Each suggestion is kept for :meth:`history`.
        Your own ties are worked out afresh from your interactions; the ties among your
        contacts and the communities are read as the last import or answer left them
        (:mod:`netgraph._kept`), so that the first review of a week takes a second or two
        even for a million interactions.

        Returns
        -------
        pandas.DataFrame
            person, name, action, why, message, times (the proposed slots), kind.
        """
        from netgraph.recommend import week as _week

        ego = self._need_ego("week")
        today = pd.Timestamp.now() if today is None else pd.Timestamp(today)
        monday = _micro(_monday(today))
        con = self._con
        decisions = pd.read_sql_query(
            "SELECT person, decision, date, until FROM decisions WHERE until > ?",
            con,
            params=(_micro(today),),
        )
        for column in ("date", "until"):
            decisions[column] = _dates(decisions[column])
        this_week = pd.read_sql_query(
            "SELECT person, rank, via FROM suggestions WHERE week = ?", con, params=(monday,)
        )
        contacted = {
            r[0]
            for r in con.execute(
                "SELECT DISTINCT target FROM interactions WHERE source = ? AND date >= ?",
                (ego, monday),
            )
        }
        table = _week.choose(
            self._candidates(ego, today, monday),
            k=k,
            today=today,
            contacted=contacted,
            decisions=decisions,
            this_week=this_week,
        )
        if record and len(table):
            with self._transaction(data=False) as con:
                start = con.execute(
                    "SELECT coalesce(max(rank) + 1, 0) FROM suggestions WHERE week = ?", (monday,)
                ).fetchone()[0]
                con.executemany(
                    "INSERT OR IGNORE INTO suggestions (week, person, rank, action, why, message, "
                    "suggested, via) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        (
                            monday,
                            r.person,
                            start + i,
                            r.action,
                            r.why,
                            r.message,
                            _micro(today),
                            r.via,
                        )
                        for i, r in enumerate(table.itertuples())
                    ],
                )
        return table

    def _candidates(self, ego: str, today: pd.Timestamp, monday: int) -> pd.DataFrame:
        """The week's candidates: kept for the week until the data they come from change."""
        from netgraph.recommend import week as _week

        state = int(self._meta("state") or 0)
        row = self._con.execute(
            "SELECT candidates FROM review_cache WHERE week = ? AND state = ?", (monday, state)
        ).fetchone()
        if row is not None:
            return pd.DataFrame(json.loads(row[0]))
        people = self.people.set_index("id")
        names = people["name"].dropna().astype(str).to_dict() if "name" in people else {}
        kept = self._structure()
        mine = pd.concat(  # yours as kept, then those logged since, in order of date
            [kept.log, self._interactions_frame(ego, after=kept.last_id)], ignore_index=True
        ).sort_values("date", kind="stable", na_position="first", ignore_index=True)
        inputs = _kept.review_inputs(kept, names, mine, ego)
        pool = _week.candidates(
            inputs.graph,
            inputs.ties,
            mine,
            people,
            ego,
            today=today,
            lists=self.lists(),
            changes=self.field_history(),
            communities=inputs.communities,
            shared_contacts=inputs.shared_contacts,
            asked=self._introductions_asked(ego, monday),
        )
        with self._transaction(data=False) as con:
            con.execute(
                "DELETE FROM review_cache WHERE state < ? OR week < ?",
                (state, monday - 8 * 7 * 86400 * _US),
            )
            con.execute(
                "INSERT OR REPLACE INTO review_cache VALUES (?, ?, ?)",
                (monday, state, pool.to_json(orient="records")),
            )
        return pool

    def _structure(self) -> _kept.Kept:
        """What the review reads of the whole network, worked out once per import or answer."""
        structure = int(self._meta("structure") or 0)
        row = self._con.execute(
            "SELECT arrays, extra FROM kept WHERE structure = ?", (structure,)
        ).fetchone()
        if row is None or not _kept.readable(row[1]):
            last_id = self._con.execute("SELECT coalesce(max(id), 0) FROM interactions").fetchone()
            log = self._interactions_frame(self.ego, upto=last_id[0])
            row = _kept.keep(self.network, log, last_id[0])
            with self._transaction(data=False) as con:
                if int(self._meta("structure") or 0) == structure:  # not changed meanwhile
                    con.execute("DELETE FROM kept")
                    con.execute("INSERT INTO kept VALUES (?, ?, ?)", (structure, *row))
        return _kept.load(*row)

    def _introductions_asked(self, ego: str, monday: int) -> set[str]:
        """Want-to-know people whose introduction was suggested and asked (you wrote to the
        connector after the suggestion, before this week)."""
        rows = self._con.execute(
            "SELECT DISTINCT s.person FROM suggestions s JOIN interactions i "
            "ON i.source = ? AND i.target = s.via AND i.date >= s.week AND i.date < ? "
            "WHERE s.via IS NOT NULL AND s.week < ?",
            (ego, monday, monday),
        )
        return {r[0] for r in rows}

    def suggestions(self) -> pd.DataFrame:
        """Every suggestion made: week, person, rank, action, why, message, suggested, via."""
        frame = pd.read_sql_query(
            "SELECT week, person, rank, action, why, message, suggested, via FROM suggestions "
            "ORDER BY week, rank",
            self._con,
        )
        for column in ("week", "suggested"):
            frame[column] = _dates(frame[column])
        return frame

    def history(self, today: Any = None, *, weeks: int = 4) -> pd.DataFrame:
        """What was suggested and what became of it.

        One row per suggestion: week, person, name, action, written (the first time you
        contacted them after the suggestion), replied (their first message back after that),
        decision (snoozed or skipped). The one-line summary over the last `weeks` weeks, such
        as "8 of 12 suggested people written to in four weeks; 3 replied", is in
        ``frame.attrs["summary"]``.
        """
        from netgraph.recommend import week as _week

        ego = self._need_ego("history")
        frame = self.suggestions()
        names = dict(self._con.execute("SELECT person, value FROM fields WHERE field = 'name'"))
        ids = sorted(set(frame["person"]) | set(frame["via"].dropna()))
        log = self._interactions_for(ids, ego)
        decisions = pd.read_sql_query(
            "SELECT person, decision, date FROM decisions ORDER BY date", self._con
        )
        decisions["date"] = _dates(decisions["date"])
        today = pd.Timestamp.now() if today is None else pd.Timestamp(today)
        return _week.follow_through(
            frame, log, ego, decisions=decisions, names=names, today=today, weeks=weeks
        )

    def report(self, out: str | os.PathLike, **options: Any) -> Path:
        """Write the report of the stored network, with a section on the weekly habit.

        See :func:`netgraph.report.write_report`.
        """
        from netgraph.report import write_report

        return write_report(self.network, out, store=self, **options)

    def _interactions_for(self, ids: list[str], ego: str) -> pd.DataFrame:
        if not ids:
            return pd.DataFrame(
                {"source": [], "target": [], "date": pd.Series([], dtype="M8[us]"), "kind": []}
            )
        frames = []
        for start in range(0, len(ids), 400):
            chunk = ids[start : start + 400]
            marks = ", ".join("?" * len(chunk))
            frames.append(
                pd.read_sql_query(
                    "SELECT source, target, date, kind FROM interactions WHERE "
                    f"(source = ? AND target IN ({marks})) OR (target = ? AND source IN ({marks}))",
                    self._con,
                    params=(ego, *chunk, ego, *chunk),
                )
            )
        frame = pd.concat(frames, ignore_index=True)
        frame["date"] = _dates(frame["date"])
        return frame


# -- helpers ---------------------------------------------------------------------------------


def _check_file(path: Path) -> None:
    """Refuse a file that is not SQLite before sqlite3 touches it."""
    if not path.exists() or path.stat().st_size == 0:
        return
    if path.is_dir():
        raise _refused(path, "it is a folder", fix="Pass the path of a .sqlite file.")
    with path.open("rb") as f:
        header = f.read(16)
    if header != b"SQLite format 3\x00":
        raise _refused(path, "it is not an SQLite file (damaged, or some other kind of file)")


def _refused(path: Path, why: str, fix: str | None = None) -> InputError:
    return InputError(
        f"netgraph will not open this file as a store: {why}; it was left as it is",
        file=str(path),
        fix=fix
        or "Restore it from a backup (netgraph keeps <store>.vN.backup before each upgrade), or "
        "open a new store at another path.",
    )


def _micro(value: Any) -> int:
    ts = pd.Timestamp(value)
    if pd.isna(ts):
        raise InputError(f"{value!r} is not a date", fix="Pass a date such as '2026-01-05'.")
    if ts.tz is not None:
        ts = ts.tz_convert(None)
    return int(ts.value // 1000)


def _micro_or_none(value: Any) -> int | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    return _micro(value)


def _dates(values: pd.Series) -> pd.Series:
    numbers = pd.to_numeric(values, errors="coerce")
    out = pd.to_datetime(numbers.astype("Int64"), unit="us", errors="coerce")
    return out.astype("datetime64[us]")


def _monday(when: pd.Timestamp) -> pd.Timestamp:
    day = pd.Timestamp(when).normalize()
    return day - pd.Timedelta(days=day.weekday())


def _plain(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, float) and np.isnan(value):
        return None
    if value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, np.generic):
        return value.item()
    return str(value)


def _float(value: Any) -> float | None:
    if value is None or value is pd.NA:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if np.isnan(number) else number


def _json_value(value: Any) -> Any:
    if isinstance(value, pd.Timestamp | _dt.datetime | _dt.date):
        return pd.Timestamp(value).isoformat()
    if isinstance(value, np.generic):
        return value.item()
    return value


def _extra(values: dict[str, Any]) -> str | None:
    kept = {}
    for column, value in values.items():
        if value is None or value is pd.NA or value is pd.NaT:
            continue
        if isinstance(value, float) and np.isnan(value):
            continue
        kept[str(column)] = _json_value(value)
    return json.dumps(kept, sort_keys=True, ensure_ascii=False, default=str) if kept else None


def _unpack(frame: pd.DataFrame) -> pd.DataFrame:
    """Spread the JSON ``extra`` column back into columns."""
    extra = frame.pop("extra")
    present = extra.dropna()
    if present.empty:
        return frame
    records = pd.DataFrame([json.loads(x) for x in present], index=present.index)
    return frame.join(records.reindex(frame.index))


def _key(row: tuple) -> str:
    """The identity of an interaction: a hash of everything it says (ids, date, kind, ...)."""
    text = json.dumps(row, ensure_ascii=False, default=str)
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


# -- import helpers (Store.add): each column converted once, not row by row -------------------

_json = json.JSONEncoder(ensure_ascii=False, default=str).encode  # as json.dumps in _key
_BULK_ROWS = 10_000  # an insert of more rows than this (and than the table holds) is a bulk load


def _objects(items: Iterable[Any], n: int) -> np.ndarray:
    """A 1-d object array of `n` items (never split into more dimensions)."""
    out = np.empty(n, dtype=object)
    out[:] = list(items)
    return out


def _each_value(values: pd.Series, *functions: Any) -> list[np.ndarray]:
    """Each function of each value, as object arrays: once per distinct value when the values
    are text (equal strings give equal results), else value by value. A missing text value
    gives ``function(None)``."""
    n = len(values)
    if pd.api.types.infer_dtype(values, skipna=True) in ("string", "empty"):
        codes, distinct = pd.factorize(values)
        out = []
        for function in functions:
            table = _objects([*map(function, distinct), function(None)], len(distinct) + 1)
            out.append(table[codes])  # code -1 (missing) is the last entry
        return out
    items = values.tolist()
    return [_objects(map(function, items), n) for function in functions]


def _float_column(values: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """The values as :func:`_float` makes them (None for missing) and their JSON text."""
    if pd.api.types.is_float_dtype(values) or pd.api.types.is_integer_dtype(values):
        numbers = values.to_numpy(dtype=float, na_value=np.nan)
    else:
        numbers = np.array([_float(v) for v in values.tolist()], dtype=float)  # None: nan
    # distinct bit patterns, so that 0.0 and -0.0 keep their own text
    codes, distinct = pd.factorize(numbers.view(np.int64))
    plain = [None if np.isnan(x) else float(x) for x in distinct.view(float)]
    table = _objects(plain, len(plain))
    return table[codes], _objects(map(_json, plain), len(plain))[codes]


def _date_column(values: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Dates as integer microseconds (None for a missing or unreadable date) and their JSON."""
    dates = pd.to_datetime(values, errors="coerce")
    if getattr(dates.dt, "tz", None) is not None:
        dates = dates.dt.tz_convert(None)
    micro = dates.astype("datetime64[us]").astype("int64").to_numpy()
    missing = dates.isna().to_numpy()
    plain, text = micro.astype(object), micro.astype(str).astype(object)
    plain[missing], text[missing] = None, "null"
    return plain, text


def _insert_many(con: sqlite3.Connection, table: str, sql: str, rows: list, held: int) -> None:
    """Run the INSERT `sql` for `rows`; when they outnumber the `held` rows of `table`, drop its
    indexes first and build them again after, in the same transaction: one sort instead of a
    random B-tree insert per row (five times faster at a million interactions)."""
    bulk = len(rows) > max(held, _BULK_ROWS)
    indexes = []
    if bulk:
        indexes = con.execute(
            "SELECT name, sql FROM sqlite_master "
            "WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
            (table,),
        ).fetchall()
    for name, _ in indexes:
        con.execute(f'DROP INDEX "{name}"')
    con.executemany(sql, rows)
    for _, create in indexes:
        con.execute(create)


def _field_values(people: pd.DataFrame, sids: pd.Series, kinds: dict[str, str]) -> pd.DataFrame:
    """People's attributes as stored text: one row per person row and column with a value
    (row, person, field, new), in the order rows then columns."""
    parts = []
    for position, column in enumerate(people.columns):
        text = _each_value(people[column], lambda v, kind=kinds[column]: _encode(v, kind))[0]
        present = ~pd.isna(text)
        rows = np.flatnonzero(present)
        parts.append(
            pd.DataFrame(
                {
                    "row": rows,
                    "position": position,
                    "person": sids.to_numpy()[rows],
                    "field": _objects([column] * len(rows), len(rows)),
                    "new": text[present],
                }
            )
        )
    if not parts:
        return pd.DataFrame(columns=["row", "position", "person", "field", "new"])
    values = pd.concat(parts, ignore_index=True)
    order = np.lexsort((values["position"].to_numpy(), values["row"].to_numpy()))
    return values.iloc[order].reset_index(drop=True)


def _field_changes(values: pd.DataFrame, stored: dict[tuple[str, str], str]) -> pd.DataFrame:
    """The values that change what is stored, each with the one it replaces (``old``, None for
    a detail not known before). Values for one person and field apply in order: the first
    replaces the stored one, the next one the first."""
    person, field = values["person"].to_numpy(), values["field"].to_numpy()
    new = values["new"].to_numpy()
    old = values.groupby(["person", "field"], sort=False)["new"].shift().to_numpy(object)
    first = ~values.duplicated(["person", "field"]).to_numpy()
    old[first] = [stored.get(k) for k in zip(person[first], field[first], strict=True)]
    changes = values.assign(old=old)
    return changes[new != old]


def _tie_columns(ties: pd.DataFrame) -> list[list[Any]]:
    """The stored columns of each tie: kind, since, closeness, weight, evidence, probability and
    the other columns as JSON (``extra``)."""
    n = len(ties)
    missing = [None] * n

    def text(column: str) -> list[Any]:
        return _each_value(ties[column], _plain)[0].tolist() if column in ties else missing

    def number(column: str) -> list[Any]:
        return _float_column(ties[column])[0].tolist() if column in ties else missing

    if "since" not in ties:
        since = missing
    elif pd.api.types.is_datetime64_any_dtype(ties["since"]):
        since = _date_column(ties["since"])[0].tolist()
    else:  # text dates: read one by one, an unreadable one is an InputError
        since = [_micro_or_none(v) for v in ties["since"].tolist()]
    others = [c for c in ties.columns if c not in ("source", "target", *_TIE_COLUMNS)]
    extra = [_extra(r) for r in ties[others].to_dict(orient="records")] if others else missing
    return [
        text("kind"),
        since,
        number("closeness"),
        number("weight"),
        text("evidence"),
        number("probability"),
        extra,
    ]


def _interaction_columns(
    frame: pd.DataFrame, mapping: dict[str, str]
) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """The stored columns of each interaction (source, target, date, channel, kind, event,
    weight, note, extra) as object arrays, and each value's JSON text as :func:`_key` writes
    it."""
    n = len(frame)
    nothing = (_objects([None] * n, n), _objects(["null"] * n, n))
    # both ends at once: each id is looked up and written as JSON once
    ends = pd.concat([frame["source"].astype(str), frame["target"].astype(str)])
    codes, ids = pd.factorize(ends)
    ids = [mapping.get(i, i) for i in ids]
    value, text = _objects(ids, len(ids))[codes], _objects(map(_json, ids), len(ids))[codes]
    columns = [(value[:n], text[:n]), (value[n:], text[n:]), _date_column(frame["date"])]
    for column in ("channel", "kind", "event", "weight", "note"):
        if column not in frame.columns:
            columns.append(nothing)
        elif column == "weight":
            columns.append(_float_column(frame[column]))
        else:
            columns.append(tuple(_each_value(frame[column], _plain, _plain_json)))
    others = [
        c
        for c in frame.columns
        if c not in ("source", "target", "date", "note", *_INTERACTION_COLUMNS)
    ]
    if others:
        extra = _objects([_extra(r) for r in frame[others].to_dict(orient="records")], n)
        columns.append((extra, _objects(map(_json, extra), n)))
    else:
        columns.append(nothing)
    values, texts = zip(*columns, strict=True)
    return list(values), list(texts)


def _plain_json(value: Any) -> str:
    return _json(_plain(value))


def _keys(texts: list[np.ndarray]) -> list[str]:
    """Each interaction's key, as :func:`_key` and the copy count make it: the hash of the
    row's JSON, then ``:n`` for its n-th identical copy in the import."""
    rows = [", ".join(row) for row in zip(*texts, strict=True)]
    hashes = [hashlib.blake2b(f"[{r}]".encode(), digest_size=16).hexdigest() for r in rows]
    codes, _ = pd.factorize(np.asarray(hashes, dtype=object))
    copies = pd.Series(codes).groupby(codes).cumcount().tolist()
    return [f"{h}:{c}" for h, c in zip(hashes, copies, strict=True)]


def _kind(column: pd.Series) -> str:
    if pd.api.types.is_bool_dtype(column):
        return "bool"
    if pd.api.types.is_numeric_dtype(column):
        return "number"
    if pd.api.types.is_datetime64_any_dtype(column):
        return "date"
    return "text"


def _encode(value: Any, kind: str) -> str | None:
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and np.isnan(value):
        return None
    if kind == "date" or isinstance(value, pd.Timestamp | _dt.datetime):
        try:
            return pd.Timestamp(value).isoformat()
        except (TypeError, ValueError):
            return str(value)
    if isinstance(value, np.generic):
        value = value.item()
    if kind == "bool":
        return "1" if value else "0"
    if kind == "number":
        return repr(float(value)) if isinstance(value, float) else str(value)
    text = str(value)
    return text if text.strip() else None


def _decode(values: pd.Series, kind: str) -> pd.Series:
    if kind == "date":
        return pd.to_datetime(values, errors="coerce", format="ISO8601")
    if kind == "number":
        return pd.to_numeric(values, errors="coerce")
    if kind == "bool":
        return values.map({"1": True, "0": False}).astype(object)
    return values.astype(object)


def _tag(tag: str) -> str:
    text = " ".join(str(tag).strip().lower().split())
    if not text:
        raise InputError("a list needs a name", fix=f"Use one of: {', '.join(LISTS)}.")
    return _LIST_ALIASES.get(text, text)
