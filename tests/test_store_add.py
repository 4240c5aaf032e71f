"""Store.add, the import path (issue 12): the column-wise import stores exactly what the
row-by-row import it replaced stored, keys included, so that stores written before still
deduplicate."""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess
import sys
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import netgraph
from netgraph import datasets
from netgraph import store as store_module
from netgraph.store import (
    _EVIDENCE_RANK,
    _INTERACTION_COLUMNS,
    _TIE_COLUMNS,
    _encode,
    _extra,
    _float,
    _key,
    _micro_or_none,
    _plain,
)

ROOT = Path(__file__).resolve().parents[1]
LINKEDIN = ROOT / "tests" / "data" / "linkedin_Connections.csv"


# -- the row-by-row import, as it was before it was vectorised (the reference) ---------------


def _micro_list(values: pd.Series) -> list[int | None]:
    dates = pd.to_datetime(values, errors="coerce")
    if getattr(dates.dt, "tz", None) is not None:
        dates = dates.dt.tz_convert(None)
    micro = dates.astype("datetime64[us]").astype("int64")
    return [None if missing else int(v) for v, missing in zip(micro, dates.isna(), strict=True)]


def _reference_rows(frame: pd.DataFrame, mapping: dict[str, str]) -> tuple[list, list[str]]:
    """Each interaction's stored columns and key, one row at a time as the old import did."""
    source = frame["source"].astype(str).map(lambda x: mapping.get(x, x)).tolist()
    target = frame["target"].astype(str).map(lambda x: mapping.get(x, x)).tolist()
    dates = _micro_list(frame["date"])
    extra_columns = [
        c
        for c in frame.columns
        if c not in ("source", "target", "date", "note", *_INTERACTION_COLUMNS)
    ]
    n = len(frame)
    get = {
        c: frame[c].tolist() if c in frame.columns else [None] * n
        for c in (*_INTERACTION_COLUMNS, "note")
    }
    extras = (
        [_extra(r) for r in frame[extra_columns].to_dict(orient="records")]
        if extra_columns
        else [None] * n
    )
    rows, keys, copies = [], [], {}
    for i in range(n):
        row = (
            source[i],
            target[i],
            dates[i],
            _plain(get["channel"][i]),
            _plain(get["kind"][i]),
            _plain(get["event"][i]),
            _float(get["weight"][i]),
            _plain(get["note"][i]),
            extras[i],
        )
        content = _key(row)
        copies[content] = copies.get(content, -1) + 1
        rows.append(row)
        keys.append(f"{content}:{copies[content]}")
    return rows, keys


class RowByRowStore(store_module.Store):
    """The store with its import as it was: people, fields, ties and interactions row by row."""

    def _add_people(self, con, people, mapping, when, origin, counts) -> None:
        kinds = dict(con.execute("SELECT field, type FROM columns").fetchall())
        position = len(kinds)
        for column in people.columns:
            if column not in kinds:
                kinds[column] = store_module._kind(people[column])
                con.execute(
                    "INSERT INTO columns VALUES (?, ?, ?)", (column, kinds[column], position)
                )
                position += 1
        existing = {r[0] for r in con.execute("SELECT id FROM people")}
        stored = {(p, f): v for p, f, v in con.execute("SELECT person, field, value FROM fields")}
        new_people, new_fields, changed, history = [], [], [], []
        for pid, attributes in people.to_dict(orient="index").items():
            sid = mapping.get(str(pid), str(pid))
            fresh = sid not in existing
            if fresh:
                existing.add(sid)
                new_people.append((sid, when))
            for field, value in attributes.items():
                text = _encode(value, kinds[field])
                if text is None:
                    continue
                old = stored.get((sid, field))
                if old == text:
                    continue
                if old is None:
                    new_fields.append((sid, field, text))
                else:
                    changed.append((text, sid, field))
                if not fresh:
                    history.append((sid, field, old, text, when, origin))
                    counts["fields_changed"] += old is not None
                stored[sid, field] = text
        con.executemany("INSERT INTO people VALUES (?, ?)", new_people)
        con.executemany("INSERT INTO fields VALUES (?, ?, ?)", new_fields)
        con.executemany("UPDATE fields SET value = ? WHERE person = ? AND field = ?", changed)
        con.executemany(
            "INSERT INTO field_history (person, field, old, new, date, origin) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            history,
        )
        counts["people_added"] += len(new_people)

    def _add_ties(self, con, network, mapping) -> dict[str, int]:
        ties = network.stated_ties
        if ties.empty:
            return {"ties_added": 0, "ties_updated": 0}
        directed = network.directed or self._meta("directed") == "1"
        source = ties["source"].astype(str).map(lambda x: mapping.get(x, x)).to_numpy(object)
        target = ties["target"].astype(str).map(lambda x: mapping.get(x, x)).to_numpy(object)
        if not directed:
            swap = source > target
            source, target = np.where(swap, target, source), np.where(swap, source, target)
        stored = {
            (r[0], r[1]): r[2:]
            for r in con.execute(
                "SELECT source, target, kind, since, closeness, weight, evidence, probability, "
                "extra FROM ties"
            )
        }
        others = [c for c in ties.columns if c not in ("source", "target", *_TIE_COLUMNS)]
        added, updated = [], []
        for i, values in enumerate(ties.to_dict(orient="records")):
            new = [
                _plain(values.get("kind")),
                _micro_or_none(values.get("since")),
                _float(values.get("closeness")),
                _float(values.get("weight")),
                _plain(values.get("evidence")),
                _float(values.get("probability")),
                _extra({c: values[c] for c in others}),
            ]
            key = (source[i], target[i])
            old = stored.get(key)
            if old is None:
                stored[key] = tuple(new)
                added.append((*key, *new))
                continue
            merged = [o if o is not None else n for o, n in zip(old, new, strict=True)]
            rank = _EVIDENCE_RANK.get
            if new[4] is not None and rank(new[4], 0) > rank(old[4] or "", 0):
                merged[4] = new[4]
            if tuple(merged) != tuple(old):
                stored[key] = tuple(merged)
                updated.append((*merged, *key))
        con.executemany("INSERT INTO ties VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", added)
        con.executemany(
            "UPDATE ties SET kind = ?, since = ?, closeness = ?, weight = ?, evidence = ?, "
            "probability = ?, extra = ? WHERE source = ? AND target = ?",
            updated,
        )
        return {"ties_added": len(added), "ties_updated": len(updated)}

    def _add_interactions(self, con, frame, mapping, origin, when) -> int:
        if frame.empty:
            return 0
        rows, keys = _reference_rows(frame, mapping)
        known = {r[0] for r in con.execute("SELECT key FROM interactions")}
        fresh = [
            (*row, key, origin, when)
            for row, key in zip(rows, keys, strict=True)
            if key not in known
        ]
        con.executemany(
            "INSERT INTO interactions (source, target, date, channel, kind, event, weight, note, "
            "extra, key, origin, recorded) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            fresh,
        )
        return len(fresh)


# -- helpers -------------------------------------------------------------------------------


def _tables(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table (but the review's caches), in a fixed order: row ids where
    the table has them, else the key."""
    con = sqlite3.connect(path)
    try:
        out = {}
        names = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for name in names:
            if name in ("kept", "review_cache"):
                continue
            rowid = con.execute(
                "SELECT count(*) FROM sqlite_master WHERE name = ? AND sql LIKE '%WITHOUT ROWID%'",
                (name,),
            ).fetchone()[0]
            select = f"SELECT * FROM {name} ORDER BY " + ("1, 2" if rowid else "rowid")
            out[name] = con.execute(select).fetchall()
        out["schema"] = con.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name"
        ).fetchall()
        return out
    finally:
        con.close()


def _quiet(function, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", netgraph.NetgraphWarning)
        return function(*args, **kwargs)


def _awkward(*, priya_twice: bool = True) -> netgraph.Network:
    """A small network with what an import must get exactly right: two identical messages on
    one day, unicode and quotes, missing values, extra columns, weights, people known by
    e-mail under other ids, evidence of several ranks."""
    people = pd.DataFrame(
        {
            "id": ["me", "zoë", "bo", "new-person", "priya-2"],
            "name": ["Me", 'Zoë "Z" Ødegård', "Bo\\Chen", "New\nPerson", None],
            # Priya of the LinkedIn export, twice under other ids: both rows are her (stored
            # id), the second one's values replace the first one's
            "email": [
                None,
                "zoe@example.org",
                "PRIYA.RAMAN@example.com",
                None,
                "priya.raman@example.com",
            ],
            "company": [None, "Łódź Works", "Globex", "  ", "Initech"],
            "score": [None, 1.5, -0.0, 3.0, 2.0],
            "met": pd.to_datetime(
                [None, "2024-02-29 10:00", "2023-01-01 00:00", None, None], format="ISO8601"
            ),
            "vip": [False, True, None, False, True],
        }
    )
    if not priya_twice:  # in one store, the two would be one person at the next import
        people = people[people["id"] != "priya-2"]
    ties = pd.DataFrame(
        {
            "source": ["me", "me", "zoë", "bo"],
            "target": ["zoë", "bo", "bo", "new-person"],
            "evidence": ["stated", "observed", "inferred", None],
            "probability": [1.0, 1.0, 0.25, None],
            "closeness": [0.9, None, None, 0.1],
            "since": pd.to_datetime(
                ["2020-05-01", None, None, "1969-12-31 23:59:59.9999995"], format="ISO8601"
            ),
            "how met": ["school", None, "via Bo", "卓球"],
        }
    )
    interactions = pd.DataFrame(
        {
            "source": ["me", "me", "me", "zoë", "bo", "me", "me"],
            "target": ["zoë", "zoë", "zoë", "me", "zoë", "bo", "new-person"],
            "date": pd.to_datetime(
                [
                    "2025-01-02",
                    "2025-01-02",
                    "2025-01-02",
                    "2025-01-03",
                    "2025-01-03",
                    "2025-01-04",
                    "2025-01-05",
                ]
            ),
            "kind": ["message", "message", "message", "reply", "co-attendance", "ask", "meeting"],
            "channel": ["email", "email", "email", "email", None, "linkedin", "meeting"],
            "event": [None, None, None, None, "party", None, "e\u2028vent"],
            "weight": [1.0, 1.0, 1.0, 1.0, 1 / 3, 0.5, 1e-9],
            "note": ['say "hi"', 'say "hi"', "other", None, None, "ü\\n", "\x00\x1f"],
            "subject": [None, None, None, "Re: ½", None, None, "📅"],
            "size": [2, 2, 2, 2, 5, 2, 2],
        }
    )
    return _quiet(netgraph.Network.from_frames, people, ties, interactions, ego="me")


def _linkedin(path: Path = LINKEDIN) -> netgraph.Network:
    return _quiet(netgraph.read_linkedin, path)


# -- the two imports store the same rows -------------------------------------------------------


def test_the_column_wise_import_stores_what_the_row_by_row_one_stored(tmp_path):
    later = tmp_path / "Connections.csv"  # next year's export: Priya moved to Globex
    later.write_text(
        LINKEDIN.read_text(encoding="utf-8").replace("Northwind Traders", "Globex"),
        encoding="utf-8",
    )
    imports = [
        (_quiet(datasets.sample_from_files), "2025-01-01", "files"),
        (netgraph.sample(), "2025-02-01", None),  # the same people under other ids
        (_linkedin(), "2025-03-01", "Connections.csv"),
        (_linkedin(later), "2026-02-01", "Connections 2026.csv"),
        (_awkward(), "2026-03-01", "awkward"),
        (_awkward(), "2026-03-02", "awkward again"),
        (netgraph.sample(), "2026-04-01", None),
    ]
    new = netgraph.open(tmp_path / "new.sqlite")
    old = RowByRowStore(tmp_path / "old.sqlite")
    try:
        for network, date, origin in imports:
            counts = _quiet(new.add, network, date=date, origin=origin)
            assert _quiet(old.add, network, date=date, origin=origin) == counts
            assert _tables(new.path) == _tables(old.path), origin
        # the imports did something worth comparing
        tables = _tables(new.path)
        assert len(tables["field_history"]) > 0 and len(tables["interactions"]) > 18_000
        assert {r[6] for r in tables["ties"]} >= {"stated", "observed", "inferred"}
    finally:
        new.close()
        old.close()


@pytest.mark.parametrize(
    "make",
    [lambda: _awkward(priya_twice=False), netgraph.sample, datasets.sample_from_files],
    ids=["awkward", "sample", "sample-files"],
)
def test_a_store_written_by_the_row_by_row_import_still_deduplicates(tmp_path, make):
    network = _quiet(make)
    with RowByRowStore(tmp_path / "net.sqlite") as old:
        _quiet(old.add, network, date="2026-01-01")
    before = _tables(tmp_path / "net.sqlite")
    with netgraph.open(tmp_path / "net.sqlite") as store:
        counts = _quiet(store.add, network, date="2026-02-01")
    assert set(counts.values()) == {0}
    after = _tables(tmp_path / "net.sqlite")
    # only the log of imports and the counters that mark the data as changed differ
    assert {**after, "imports": before["imports"], "meta": before["meta"]} == before


def test_two_identical_messages_on_a_day_are_both_kept_once(tmp_path):
    with netgraph.open(tmp_path / "net.sqlite") as store:
        assert _quiet(store.add, _awkward(priya_twice=False))["interactions_added"] == 7
        keys = [r[0] for r in store._con.execute("SELECT key FROM interactions ORDER BY id")]
        assert keys[0].split(":")[0] == keys[1].split(":")[0]
        assert [k.split(":")[1] for k in keys[:3]] == ["0", "1", "0"]
        assert _quiet(store.add, _awkward(priya_twice=False))["interactions_added"] == 0
        # a third copy in a later export is one more message
        net = _awkward(priya_twice=False)
        log = pd.concat([net.interactions, net.interactions.iloc[[0]]], ignore_index=True)
        again = netgraph.Network.from_frames(net.people.reset_index(), net.stated_ties, log)
        assert _quiet(store.add, again)["interactions_added"] == 1


# -- the keys, as _key makes them row by row ---------------------------------------------------

_TEXT = st.one_of(
    st.none(),
    st.just(float("nan")),
    st.sampled_from(["message", "meeting", "Zoë", 'a "quote"', "back\\slash", "\u2028", "📅"]),
    st.text(max_size=4),
    st.sampled_from([1, 1.0, True, np.int64(1)]),  # equal as values, not as text
)
_NUMBER = st.one_of(
    st.none(),
    st.sampled_from([0.0, -0.0, 1.0, 1 / 3, 1e-300, 2.0**60, float("inf"), float("nan")]),
    st.floats(allow_nan=False, allow_infinity=False),
)
_ROW = st.tuples(
    st.sampled_from(["me", "a", "b", "Zoë", "1"]),
    st.sampled_from(["me", "a", "b", "Zoë", "1"]),
    st.one_of(
        st.none(),
        st.datetimes(dt.datetime(1900, 1, 1), dt.datetime(2200, 1, 1)),
        st.sampled_from([pd.Timestamp("1969-12-31 23:59:59.9999995")]),
    ),
    _TEXT,
    _TEXT,
    _NUMBER,
    _TEXT,
    st.one_of(st.none(), st.integers(-3, 3), st.text(max_size=3)),
)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(_ROW, min_size=1, max_size=30).flatmap(
        # each row repeated up to three times, in any order: copies of one message
        lambda rows: st.permutations(rows + rows[: len(rows) // 2] + rows[:2])
    ),
    st.booleans(),
    st.booleans(),
)
def test_keys_are_those_of_the_row_by_row_import(rows, as_strings, with_extra):
    columns = ["source", "target", "date", "kind", "channel", "weight", "note", "what"]
    frame = pd.DataFrame(rows, columns=columns, dtype=object)
    frame["date"] = pd.to_datetime(frame["date"])
    if as_strings:  # pandas' string dtype, as readers give
        frame = frame.astype({c: "str" for c in ("source", "target", "kind", "channel")})
    else:
        frame["weight"] = frame["weight"].astype(float)
    if not with_extra:
        frame = frame.drop(columns="what")
    mapping = {"a": "me", "Zoë": "zoe"}
    values, texts = store_module._interaction_columns(frame, mapping)
    reference, keys = _reference_rows(frame, mapping)
    assert store_module._keys(texts) == keys
    assert list(zip(*(v.tolist() for v in values), strict=True)) == reference


def test_keys_of_a_real_export_are_those_of_the_row_by_row_import():
    frame = _quiet(datasets.sample_from_files).interactions  # event, weight, an extra column
    _, texts = store_module._interaction_columns(frame, {})
    assert store_module._keys(texts) == _reference_rows(frame, {})[1]


# -- a bulk load: indexes dropped and built again, in the one transaction ----------------------


def test_a_bulk_load_builds_the_same_indexes_and_rows(tmp_path, monkeypatch):
    with netgraph.open(tmp_path / "small.sqlite") as store:
        store.add(netgraph.sample(), date="2026-01-01")
    monkeypatch.setattr(store_module, "_BULK_ROWS", 0)
    with netgraph.open(tmp_path / "bulk.sqlite") as store:
        store.add(netgraph.sample(), date="2026-01-01")
        assert store._con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        row = store._con.execute("SELECT * FROM interactions LIMIT 1").fetchone()
        with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):  # the key is unique again
            store._con.execute(
                f"INSERT INTO interactions VALUES ({', '.join('?' * 13)})", (None, *row[1:])
            )
    assert _tables(tmp_path / "bulk.sqlite") == _tables(tmp_path / "small.sqlite")


_KILLED_IN_BULK = """
import os, signal, sys, warnings, netgraph
from netgraph import store as module
warnings.simplefilter("ignore")
module._BULK_ROWS = 0
bulk = module._insert_many

class Killed:  # the connection, killed after the rows went in and before the indexes are back
    def __init__(self, con):
        self.con = con
    def execute(self, *args):
        return self.con.execute(*args)
    def executemany(self, *args):
        self.con.executemany(*args)
        os.kill(os.getpid(), signal.SIGKILL)

module._insert_many = lambda con, *args: bulk(Killed(con), *args)
with netgraph.open(sys.argv[1]) as store:
    store.add(netgraph.datasets.sample_from_files())
"""


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_process_killed_in_a_bulk_load_leaves_the_store_and_its_indexes(tmp_path):
    path = tmp_path / "net.sqlite"
    with netgraph.open(path) as store:
        store.add(_linkedin(), date="2026-01-01")
    before = _tables(path)
    proc = subprocess.run([sys.executable, "-c", _KILLED_IN_BULK, str(path)], capture_output=True)
    assert proc.returncode == -9, proc.stderr.decode()
    assert _tables(path) == before  # the indexes too (sqlite_master is in "schema")
    with netgraph.open(path) as store:
        assert store._con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert _quiet(store.add, _linkedin())["interactions_added"] == 0
