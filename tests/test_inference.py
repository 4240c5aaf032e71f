"""Inferring ties from shared circles and affiliations, and choosing questions (issue 11)."""

import numpy as np
import pandas as pd
import pytest

from netgraph import inference
from netgraph.errors import InputError


def people():
    return pd.DataFrame(
        {
            "company": ["", "Acme", "acme ", "Acme;Initech", "Initech", "Globex", ""],
            "circles": ["", "climbing", "climbing", "", "", "", "climbing"],
            "city": ["Leeds"] * 7,
        },
        index=pd.Index(["me", "ann", "bo", "cy", "di", "ed", "fay"], name="id"),
    )


def test_pairs_sharing_groups_get_calibrated_probabilities():
    table = inference.tie_probabilities(people(), person="me")
    pairs = set(zip(table["source"], table["target"], strict=True))
    assert ("ann", "bo") in pairs  # Acme (any case) and climbing
    assert all("me" not in pair for pair in pairs)
    assert table["probability"].between(0, 1).all()
    p = table.set_index(["source", "target"])["probability"]
    # sharing a company and a circle beats sharing the city alone
    assert p["ann", "bo"] > p["di", "ed"]
    assert "company: Acme" in table.set_index(["source", "target"]).loc[("ann", "bo"), "shared"]


def test_answers_update_the_group_and_leave_the_answered_pair_out():
    before = inference.tie_probabilities(people(), person="me").set_index(["source", "target"])
    no = pd.DataFrame({"a": ["ann"], "b": ["bo"], "knows": [False]})
    after = inference.tie_probabilities(people(), person="me", answers=no)
    after = after.set_index(["source", "target"])
    assert ("ann", "bo") not in after.index
    # a no inside Acme and climbing lowers the other pairs of those groups
    assert after.loc[("ann", "cy"), "probability"] < before.loc[("ann", "cy"), "probability"]
    assert after.loc[("bo", "fay"), "probability"] < before.loc[("bo", "fay"), "probability"]
    yes = no.assign(knows=True)
    up = inference.tie_probabilities(people(), person="me", answers=yes)
    up = up.set_index(["source", "target"])
    assert up.loc[("ann", "cy"), "probability"] > before.loc[("ann", "cy"), "probability"]


def test_by_names_the_columns_and_refuses_unknown_ones():
    only_city = inference.tie_probabilities(people(), person="me", by="city")
    assert len(only_city) == 15  # every pair of the six contacts shares Leeds
    with pytest.raises(InputError, match="hometown"):
        inference.tie_probabilities(people(), person="me", by=["hometown"])


def test_questions_are_distinct_unanswered_pairs_with_reasons():
    known = pd.DataFrame({"source": ["bo"], "target": ["ann"]})
    q = inference.choose_questions(people(), person="me", k=5, known=known)
    assert len(q) == 5
    pairs = {frozenset(p) for p in zip(q["a"], q["b"], strict=True)}
    assert len(pairs) == 5 and frozenset({"ann", "bo"}) not in pairs
    assert q["reason"].str.startswith("They share").all()


def test_auc_counts_ties_half():
    assert inference.auc(np.array([0, 1]), np.array([0.5, 0.5])) == 0.5


def test_refit_on_ego_facebook_gives_the_shipped_model_and_auc(ego_facebook):
    from netgraph.datasets.ego_facebook import load_ego_facebook

    egos = {}
    for e in (0, 348, 414):
        net, truth = load_ego_facebook(e, ego_facebook)
        egos[e] = (net.people, net.ego, truth)
    full = inference.fit(list(egos.values()))
    for family, (alpha, beta) in full["rates"].items():
        assert inference.RATES[family] == pytest.approx((alpha, beta), abs=0.02), family
    assert abs(inference.BACKGROUND - full["background"]) < 1e-3
    assert np.allclose(inference.CALIBRATION, full["calibration"], atol=0.02)
    aucs = []
    for e in egos:  # leave one ego out
        with inference.fitted(inference.fit([egos[x] for x in egos if x != e])):
            _, p, y, _ = inference._dense(*egos[e][:2], None, egos[e][2])
        aucs.append(inference.auc(y, p))
    assert np.median(aucs) >= 0.80, aucs
    assert min(aucs) >= 0.70, aucs
