"""Tests of the tie-strength model: hand-worked values, a naive reference, and properties."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netgraph.errors import InputError, NetgraphWarning
from netgraph.strength import (
    COMPONENTS,
    TIE_COLUMNS,
    StrengthModel,
    reference_date,
    tie_strength,
)

TODAY = pd.Timestamp("2025-12-31")
DAY = pd.Timedelta(days=1)


def log_frame(rows, channels=True):
    """Build an interaction log from (source, target, days before TODAY[, channel]) rows."""
    frame = pd.DataFrame(
        {
            "source": pd.array([r[0] for r in rows], dtype="str"),
            "target": pd.array([r[1] for r in rows], dtype="str"),
            "date": pd.Series([TODAY - r[2] * DAY for r in rows], dtype="datetime64[us]"),
        }
    )
    if channels:
        frame["channel"] = pd.array([r[3] if len(r) > 3 else "email" for r in rows], dtype="str")
    return frame


# --- hand-worked values ------------------------------------------------------------------------


def test_hand_worked_tiny_example():
    model = StrengthModel(half_life_days=10)
    log = log_frame([("a", "b", 0, "email"), ("b", "a", 10, "call")])
    ties = pd.DataFrame(
        {"source": ["c"], "target": ["a"], "kind": ["friend"], "since": [TODAY - 365 * DAY]}
        | {"closeness": [0.8]}
    )
    table = tie_strength(ties, log, today=TODAY, model=model)
    assert list(table.index) == [("a", "b"), ("a", "c")]

    ab = table.loc[("a", "b")]
    # Ages 0 and 10 days, half-life 10: decayed count x = 2^0 + 2^-1 = 1.5.
    assert ab["frequency"] == pytest.approx(1 - math.exp(-1.5 / 5))  # 0.259182
    assert ab["recency"] == pytest.approx(1.0)  # last contact today: 2^0
    assert ab["duration"] == pytest.approx(1 - math.exp(-10 / 730))  # known 10 days: 0.013606
    assert ab["reciprocity"] == pytest.approx(1 - math.exp(-1 / 2))  # min(1, 1) = 1: 0.393469
    assert ab["multiplexity"] == pytest.approx(1 - math.exp(-2 / 2))  # email, call: 0.632121
    # S = 0.30*0.259182 + 0.25*1 + 0.15*0.013606 + 0.15*0.393469 + 0.15*0.632121 = 0.483634
    # strength = 0.05 + 0.95 * 0.483634 = 0.509452
    assert ab["strength"] == pytest.approx(0.509452, abs=1e-6)
    assert ab["n_interactions"] == 2
    assert ab["first_contact"] == TODAY - 10 * DAY
    assert ab["last_contact"] == TODAY
    assert ab["usual_interval_days"] == 10.0
    assert pd.isna(ab["kind"]) and pd.isna(ab["closeness"]) and pd.isna(ab["since"])

    ac = table.loc[("a", "c")]
    # No interactions: frequency = recency = reciprocity = 0; known since 365 days:
    # duration = 1 - e^-0.5 = 0.393469; one stated kind: multiplexity = 1 - e^-0.5 = 0.393469.
    # With no behaviour to measure the strength is the stated closeness (issue 11).
    assert ac[["frequency", "recency", "reciprocity"]].tolist() == [0.0, 0.0, 0.0]
    assert ac["duration"] == pytest.approx(0.393469, abs=1e-6)
    assert ac["multiplexity"] == pytest.approx(0.393469, abs=1e-6)
    assert ac["strength"] == 0.8
    assert ac["evidence"] == "stated" and ac["probability"] == 1.0
    assert table.loc[("a", "b"), "evidence"] == "observed"
    assert ac["kind"] == "friend" and ac["closeness"] == 0.8 and ac["n_interactions"] == 0
    assert pd.isna(ac["first_contact"]) and pd.isna(ac["usual_interval_days"])


def test_stated_tie_with_nothing_else_knows_each_other_never_the_floor():
    # Issue 11: a stated tie with no interactions is "know each other" (0.5 on Burt's GSS
    # scale), or its stated closeness; the floor (0.05) is for ties with interactions.
    table = tie_strength(pd.DataFrame({"source": ["a"], "target": ["b"]}))
    assert table["strength"].tolist() == [0.5]
    assert (table[list(COMPONENTS)] == 0).all(axis=None)
    close = tie_strength(pd.DataFrame({"source": ["a"], "target": ["b"], "closeness": [1.0]}))
    assert close["strength"].tolist() == [1.0]
    model = StrengthModel(stated_closeness=0.3)
    assert tie_strength(pd.DataFrame({"source": ["a"], "target": ["b"]}), model=model)[
        "strength"
    ].tolist() == [0.3]


def test_evidence_stated_beats_observed_beats_inferred():
    ties = pd.DataFrame(
        {
            "source": ["a", "a", "c", "c"],
            "target": ["b", "c", "d", "d"],
            "evidence": ["inferred", "inferred", "inferred", None],
            "probability": [0.3, 0.4, 0.2, None],
        }
    )
    log = log_frame([("a", "c", 1)])
    table = tie_strength(ties, log, today=TODAY)
    assert table["evidence"].tolist() == ["inferred", "observed", "stated"]
    assert table["probability"].tolist() == [0.3, 1.0, 1.0]
    assert table.loc[("a", "b"), "strength"] == 0.5
    with pytest.raises(InputError, match="evidence"):
        tie_strength(ties.assign(evidence="rumoured"))
    with pytest.raises(InputError, match="probability"):
        tie_strength(ties.assign(probability=0.0))


def test_interaction_weight_counts_in_frequency_and_reciprocity():
    # Newman (2001): a co-attendance row among n people weighs 1/(n-1).
    log = log_frame([("a", "b", 1), ("b", "a", 2), ("c", "d", 1), ("d", "c", 2)])
    log["weight"] = [1.0, 1.0, 0.25, 0.25]
    table = tie_strength(interactions=log, today=TODAY)
    ab, cd = table.loc[("a", "b")], table.loc[("c", "d")]
    assert cd["frequency"] < ab["frequency"] and cd["reciprocity"] < ab["reciprocity"]
    assert cd["n_interactions"] == ab["n_interactions"] == 2
    with pytest.raises(InputError, match="weight"):
        tie_strength(interactions=log.assign(weight=0.0))


def test_usual_interval_is_the_median_gap_between_distinct_days():
    # Contact days 0, 0 (twice the same day), 3, 10, 30 days before today: gaps 7, 3, 20 (from
    # the latest) -> distinct days 30, 10, 3, 0 -> gaps 20, 7, 3 -> median 7.
    log = log_frame([("a", "b", d) for d in (30, 10, 3, 0, 0)])
    table = tie_strength(interactions=log, today=TODAY)
    assert table["usual_interval_days"].iloc[0] == 7.0
    assert table["n_interactions"].iloc[0] == 5
    one_day = tie_strength(interactions=log_frame([("a", "b", 4), ("b", "a", 4)]), today=TODAY)
    assert np.isnan(one_day["usual_interval_days"].iloc[0])


def test_stated_ties_of_one_pair_are_merged():
    ties = pd.DataFrame(
        {
            "source": ["a", "b", "a"],
            "target": ["b", "a", "b"],
            "kind": ["colleague", "friend", "colleague"],
            "since": pd.to_datetime(["2020-05-01", "2018-01-01", None]),
            "closeness": [0.2, 0.6, None],
        }
    )
    row = tie_strength(ties, today=TODAY).loc[("a", "b")]
    assert row["kind"] == "colleague;friend"
    assert row["since"] == pd.Timestamp("2018-01-01")
    assert row["closeness"] == pytest.approx(0.4)
    assert row["multiplexity"] == pytest.approx(1 - math.exp(-2 / 2))  # two kinds


def test_a_joined_kind_states_several_kinds():
    one_row = pd.DataFrame({"source": ["a"], "target": ["b"], "kind": ["friend; colleague"]})
    two_rows = pd.DataFrame({"source": ["a", "b"], "target": ["b", "a"]})
    two_rows["kind"] = ["colleague", "friend"]
    pd.testing.assert_frame_equal(tie_strength(one_row), tie_strength(two_rows))
    assert tie_strength(one_row)["kind"].iloc[0] == "colleague;friend"
    blank = tie_strength(pd.DataFrame({"source": ["a"], "target": ["b"], "kind": [" ; "]}))
    assert pd.isna(blank["kind"].iloc[0]) and blank["multiplexity"].iloc[0] == 0


def test_many_channels_are_counted_exactly():
    # More channels than fit the bit-mask path (62) use the sorted path; both count distinct ones.
    rows = [("a", "b", i % 5, f"ch{i % 70}") for i in range(140)] + [("c", "d", 1, "x")] * 3
    table = tie_strength(interactions=log_frame(rows), today=TODAY)
    k = 70
    assert table.loc[("a", "b"), "multiplexity"] == pytest.approx(1 - math.exp(-k / 2))
    assert table.loc[("c", "d"), "multiplexity"] == pytest.approx(1 - math.exp(-1 / 2))


def test_missing_channels_count_as_one_channel():
    log = log_frame([("a", "b", 1), ("a", "b", 2)], channels=False)
    no_column = tie_strength(interactions=log, today=TODAY)
    log["channel"] = pd.array([None, None], dtype="str")
    blank = tie_strength(interactions=log, today=TODAY)
    expected = 1 - math.exp(-1 / 2)
    assert no_column["multiplexity"].iloc[0] == pytest.approx(expected)
    assert blank["multiplexity"].iloc[0] == pytest.approx(expected)


# --- the today rule and the half-life ----------------------------------------------------------


def test_today_defaults_to_the_latest_interaction_date():
    log = log_frame([("a", "b", 40), ("b", "c", 3), ("c", "a", 100)])
    assert reference_date(log) == TODAY - 3 * DAY
    pd.testing.assert_frame_equal(
        tie_strength(interactions=log), tie_strength(interactions=log, today=TODAY - 3 * DAY)
    )
    assert not tie_strength(interactions=log).equals(tie_strength(interactions=log, today=TODAY))


def test_reference_date_without_interactions_is_today():
    before = pd.Timestamp.today().normalize()
    got = reference_date(None)
    assert got in {before, pd.Timestamp.today().normalize()}
    assert reference_date(log_frame([])) in {before, pd.Timestamp.today().normalize()}


def test_interactions_after_today_are_left_out():
    log = log_frame([("a", "b", 50), ("a", "b", 5), ("c", "d", 1)])
    table = tie_strength(interactions=log, today=TODAY - 10 * DAY)
    assert list(table.index) == [("a", "b")]
    assert table["n_interactions"].iloc[0] == 1
    assert table["recency"].iloc[0] == pytest.approx(2 ** (-40 / 180))


@pytest.mark.parametrize("age", [30, 200, 700])
def test_half_life_sets_the_decay(age):
    log = log_frame([("a", "b", age)])
    short = tie_strength(interactions=log, today=TODAY, model=StrengthModel(half_life_days=30))
    long = tie_strength(interactions=log, today=TODAY, model=StrengthModel(half_life_days=365))
    assert short["recency"].iloc[0] == pytest.approx(2 ** (-age / 30))
    assert long["recency"].iloc[0] == pytest.approx(2 ** (-age / 365))
    assert long["frequency"].iloc[0] == pytest.approx(1 - math.exp(-(2 ** (-age / 365)) / 5))
    assert long["strength"].iloc[0] > short["strength"].iloc[0]
    same = ["duration", "reciprocity", "multiplexity"]
    pd.testing.assert_frame_equal(long[same], short[same])


def test_model_is_frozen_and_checked():
    model = StrengthModel()
    with pytest.raises(dataclasses.FrozenInstanceError):
        model.half_life_days = 1  # type: ignore[misc]
    with pytest.raises(ValueError, match="half_life_days"):
        StrengthModel(half_life_days=0)
    with pytest.raises(ValueError, match="recency_weight"):
        StrengthModel(recency_weight=-1)
    with pytest.raises(ValueError, match="floor"):
        StrengthModel(floor=1.0)
    zero = dict.fromkeys((f"{c}_weight" for c in COMPONENTS), 0.0)
    with pytest.raises(ValueError, match="At least one"):
        StrengthModel(**zero)
    assert sum(model.weights()[c] for c in COMPONENTS) == pytest.approx(1.0)


# --- shapes, dtypes and input errors -----------------------------------------------------------

DTYPES = {
    "kind": "str",
    "since": "datetime64[us]",
    "closeness": "float64",
    "n_interactions": "int64",
    "first_contact": "datetime64[us]",
    "last_contact": "datetime64[us]",
    "usual_interval_days": "float64",
    **dict.fromkeys((*COMPONENTS, "strength"), "float64"),
    "evidence": "str",
    "probability": "float64",
}


@pytest.mark.parametrize(
    "ties, log",
    [
        (None, None),
        (pd.DataFrame({"source": [], "target": []}), None),
        (None, pd.DataFrame({"source": [], "target": [], "date": []})),
        (
            pd.DataFrame(columns=["source", "target", "kind", "since", "closeness"]),
            pd.DataFrame(columns=["source", "target", "date", "channel"]),
        ),
    ],
)
def test_empty_inputs_give_an_empty_table(ties, log):
    table = tie_strength(ties, log)
    assert len(table) == 0
    assert tuple(table.columns) == TIE_COLUMNS
    assert table.index.names == ["source", "target"]
    assert {c: str(t) for c, t in table.dtypes.items()} == DTYPES


def test_dtypes_and_index_of_a_full_table():
    log = log_frame([("b", "a", 3), ("c", "a", 1)])
    ties = pd.DataFrame({"source": ["d"], "target": ["a"], "kind": ["family"]})
    table = tie_strength(ties, log)
    assert {c: str(t) for c, t in table.dtypes.items()} == DTYPES
    assert list(table.index) == [("a", "b"), ("a", "c"), ("a", "d")]
    assert table.index.is_monotonic_increasing and table.index.is_unique


def test_ids_compare_as_strings():
    log = pd.DataFrame(
        {"source": [9, 10], "target": [10, 100], "date": pd.to_datetime(["2025-01-01"] * 2)}
    )
    table = tie_strength(interactions=log)
    assert list(table.index) == [("10", "100"), ("10", "9")]


def test_self_ties_are_left_out_with_a_warning():
    log = log_frame([("a", "a", 1), ("a", "b", 1)])
    with pytest.warns(NetgraphWarning, match="1 row"):
        table = tie_strength(interactions=log)
    assert list(table.index) == [("a", "b")]


@pytest.mark.parametrize(
    "ties, log, column",
    [
        (pd.DataFrame({"source": ["a"]}), None, "target"),
        (None, pd.DataFrame({"source": ["a"], "target": ["b"]}), "date"),
        (
            pd.DataFrame({"source": ["a", "b"], "target": ["b", "c"], "closeness": [0.5, 1.5]}),
            None,
            "closeness",
        ),
        (pd.DataFrame({"source": ["a", None], "target": ["b", "c"]}), None, "source"),
        (None, pd.DataFrame({"source": ["a"], "target": ["b"], "date": ["2025-02-31"]}), "date"),
        (
            None,
            pd.DataFrame(
                {"source": ["a", "b"], "target": ["b", "c"], "date": ["2025-02-01", None]}
            ),
            "date",
        ),
    ],
)
def test_bad_input_names_the_column(ties, log, column):
    with pytest.raises(InputError) as info:
        tie_strength(ties, log)
    assert info.value.column == column


# --- an independent reference: a per-pair loop over the formulas ------------------------------


def reference_table(ties, log, today, model):
    """Compute the tie table pair by pair, straight from the formulas in the docstring."""
    rows = {}
    pairs = set()
    for frame in (ties, log):
        pairs |= {
            tuple(sorted((s, t))) for s, t in zip(frame["source"], frame["target"], strict=True)
        }
    log = log[log["date"] <= today]
    for a, b in sorted(pairs):
        mine = log[
            ((log["source"] == a) & (log["target"] == b))
            | ((log["source"] == b) & (log["target"] == a))
        ]
        stated = ties[
            ((ties["source"] == a) & (ties["target"] == b))
            | ((ties["source"] == b) & (ties["target"] == a))
        ]
        if mine.empty and stated.empty:
            continue
        ages = [(today - d) / DAY for d in mine["date"]]
        days = sorted({d.normalize() for d in mine["date"]})
        gaps = [(y - x) / DAY for x, y in zip(days, days[1:], strict=False)]
        n_ab = int((mine["source"] == a).sum())
        starts = [d for d in [*mine["date"], *stated["since"].dropna()]]
        kinds = {k.strip() for text in stated["kind"].dropna() for k in text.split(";")} - {""}
        comp = {
            "frequency": 1
            - math.exp(
                -sum(2 ** (-x / model.half_life_days) for x in ages) / model.frequency_scale
            ),
            "recency": 2 ** (-min(ages) / model.half_life_days) if ages else 0.0,
            "duration": 1
            - math.exp(-max((today - min(starts)) / DAY, 0) / model.duration_scale_days)
            if starts
            else 0.0,
            "reciprocity": 1 - math.exp(-min(n_ab, len(mine) - n_ab) / model.reciprocity_scale),
            "multiplexity": 1
            - math.exp(
                -(max(mine["channel"].nunique(), 1 if len(mine) else 0) + len(kinds))
                / model.multiplexity_scale
            ),
        }
        closeness = stated["closeness"].mean() if stated["closeness"].notna().any() else np.nan
        w = model.weights()
        num = sum(w[c] * comp[c] for c in COMPONENTS) + (
            0 if np.isnan(closeness) else w["closeness"] * closeness
        )
        den = sum(w[c] for c in COMPONENTS) + (0 if np.isnan(closeness) else w["closeness"])
        rows[(a, b)] = {
            "n_interactions": len(mine),
            "first_contact": mine["date"].min() if len(mine) else pd.NaT,
            "last_contact": mine["date"].max() if len(mine) else pd.NaT,
            "usual_interval_days": float(np.median(gaps)) if gaps else np.nan,
            **comp,
            "strength": model.floor + (1 - model.floor) * num / den
            if len(mine)
            else max(model.stated_closeness if np.isnan(closeness) else closeness, model.floor),
        }
    return pd.DataFrame.from_dict(rows, orient="index")


def random_data(seed, n_people=12, n_log=300, n_ties=15):
    rng = np.random.default_rng(seed)
    people = [f"p{i}" for i in range(n_people)]
    src = rng.integers(0, n_people, n_log)
    tgt = (src + rng.integers(1, n_people, n_log)) % n_people
    log = pd.DataFrame(
        {
            "source": pd.array([people[i] for i in src], dtype="str"),
            "target": pd.array([people[i] for i in tgt], dtype="str"),
            "date": pd.Series(
                TODAY - pd.to_timedelta(rng.integers(0, 900 * 24, n_log), unit="h")
            ).astype("datetime64[us]"),
            "channel": pd.array(rng.choice(["email", "call", "meeting", None], n_log), dtype="str"),
        }
    )
    a = rng.integers(0, n_people, n_ties)
    b = (a + rng.integers(1, n_people, n_ties)) % n_people
    ties = pd.DataFrame(
        {
            "source": [people[i] for i in a],
            "target": [people[i] for i in b],
            "kind": rng.choice(["colleague", "friend", "friend;mentor", None], n_ties),
            "since": pd.Series(
                TODAY - pd.to_timedelta(rng.integers(0, 3000, n_ties), unit="D")
            ).where(rng.random(n_ties) < 0.6),
            "closeness": np.where(rng.random(n_ties) < 0.5, rng.random(n_ties).round(2), np.nan),
        }
    )
    return ties, log


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("today", [None, TODAY - 200 * DAY])
def test_matches_a_per_pair_reference(seed, today):
    ties, log = random_data(seed)
    model = StrengthModel(half_life_days=90)
    table = tie_strength(ties, log, today=today, model=model)
    expected = reference_table(ties, log, reference_date(log) if today is None else today, model)
    assert list(table.index) == list(expected.index)
    for column in expected.columns:
        got, want = table[column].to_numpy(), expected[column].to_numpy()
        if column in ("first_contact", "last_contact"):
            assert (pd.Series(got) == pd.Series(want).astype("datetime64[us]")).sum() == pd.notna(
                want
            ).sum()
            assert pd.isna(got).tolist() == pd.isna(want).tolist()
        else:
            np.testing.assert_allclose(
                got.astype(float), want.astype(float), rtol=1e-9, atol=1e-12, err_msg=column
            )


def test_counts_and_dates_on_collegemsg(snap_file):
    path = snap_file("CollegeMsg.txt")
    raw = pd.read_csv(path, sep=" ", names=["source", "target", "ts"])
    log = pd.DataFrame(
        {
            "source": raw["source"].astype("str"),
            "target": raw["target"].astype("str"),
            "date": pd.to_datetime(raw["ts"], unit="s"),
        }
    )
    log = log[log["source"] != log["target"]]
    table = tie_strength(interactions=log)
    # Independent reference: a plain group-by over the unordered pair as a string pair.
    low = np.where(log["source"] < log["target"], log["source"], log["target"])
    high = np.where(log["source"] < log["target"], log["target"], log["source"])
    grouped = log.assign(low=low, high=high).groupby(["low", "high"])["date"]
    assert len(table) == grouped.ngroups
    np.testing.assert_array_equal(table["n_interactions"].to_numpy(), grouped.size().to_numpy())
    np.testing.assert_array_equal(
        table["first_contact"].to_numpy(), grouped.min().to_numpy().astype("datetime64[us]")
    )
    np.testing.assert_array_equal(
        table["last_contact"].to_numpy(), grouped.max().to_numpy().astype("datetime64[us]")
    )
    assert table["strength"].between(0, 1).all()


# --- properties --------------------------------------------------------------------------------

PEOPLE = ["ana", "bo", "cy", "dee"]
CHANNELS = ["email", "call", "meeting"]
interaction = st.tuples(
    st.sampled_from(PEOPLE),
    st.sampled_from(PEOPLE),
    st.integers(0, 1500),
    st.sampled_from(CHANNELS),
).filter(lambda r: r[0] != r[1])
logs = st.lists(interaction, min_size=1, max_size=25)


def strengths(rows, ties=None):
    return tie_strength(ties, log_frame(rows), today=TODAY)


def assert_others_unchanged(before, after, pair):
    others = before.index.drop(pair, errors="ignore")
    pd.testing.assert_frame_equal(before.loc[others], after.loc[others])


@settings(max_examples=80, deadline=None)
@given(logs)
def test_strength_and_components_lie_in_the_unit_interval(rows):
    table = strengths(rows)
    assert table[[*COMPONENTS, "strength"]].stack().between(0, 1).all()
    assert (table.index.get_level_values(0) < table.index.get_level_values(1)).all()


@settings(max_examples=60, deadline=None)
@given(logs)
def test_strength_is_symmetric(rows):
    swapped = [(t, s, d, c) for s, t, d, c in rows]
    pd.testing.assert_frame_equal(strengths(rows), strengths(swapped))
    pd.testing.assert_frame_equal(strengths(rows), strengths(rows[::-1]))


@settings(max_examples=80, deadline=None)
@given(logs, interaction)
def test_adding_an_interaction_never_lowers_strength(rows, extra):
    before, after = strengths(rows), strengths([*rows, extra])
    pair = tuple(sorted(extra[:2]))
    if pair in before.index:
        for column in (*COMPONENTS, "strength"):
            assert after.loc[pair, column] >= before.loc[pair, column] - 1e-12, column
    else:
        assert after.loc[pair, "strength"] > 0
    assert_others_unchanged(before, after, pair)


@settings(max_examples=80, deadline=None)
@given(logs, st.data())
def test_moving_an_interaction_later_never_lowers_strength(rows, data):
    i = data.draw(st.integers(0, len(rows) - 1))
    s, t, age, channel = rows[i]
    later = data.draw(st.integers(0, age))
    moved = [*rows[:i], (s, t, later, channel), *rows[i + 1 :]]
    pair = tuple(sorted((s, t)))
    before, after = strengths(rows), strengths(moved)
    assert after.loc[pair, "frequency"] >= before.loc[pair, "frequency"] - 1e-12
    assert after.loc[pair, "recency"] >= before.loc[pair, "recency"] - 1e-12
    if after.loc[pair, "first_contact"] == before.loc[pair, "first_contact"]:
        assert after.loc[pair, "strength"] >= before.loc[pair, "strength"] - 1e-12
    assert_others_unchanged(before, after, pair)

    # With the history anchored by a stated `since` before any contact, every move is monotone.
    anchored = pd.DataFrame(
        {"source": [pair[0]], "target": [pair[1]], "since": [TODAY - 2000 * DAY]}
    )
    assert (
        strengths(moved, anchored).loc[pair, "strength"]
        >= strengths(rows, anchored).loc[pair, "strength"] - 1e-12
    )
