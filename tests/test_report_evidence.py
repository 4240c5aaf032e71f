"""The report says where the ties come from: stated, observed or inferred (issue 11 point 7)."""

from __future__ import annotations

import pandas as pd

from netgraph import Network
from netgraph.report import _evidence


def test_stated_and_observed_ties_are_counted():
    people = pd.DataFrame({"id": ["me", "a", "b"]})
    ties = pd.DataFrame({"source": ["me", "me"], "target": ["a", "b"]})
    log = pd.DataFrame({
        "source": ["a"], "target": ["b"], "date": ["2024-01-08"], "kind": ["co-attendance"],
        "event": ["sync@2024-01-08"], "weight": [1.0],
    })  # fmt: skip
    text = _evidence(Network(people, ties, log, ego="me"))
    assert text.startswith("Of the 3 ties, 2 stated (")
    assert "and 1 observed (the same meeting, mail or conversation)." in text


def test_the_evidence_column_when_the_strength_model_gives_one():
    class Fake:
        ties = pd.DataFrame({"evidence": ["stated", "inferred", "inferred", "observed"]})

    text = _evidence(Fake())
    assert text == (
        "Of the 4 ties, 1 stated (a contact list, a ties file or your answers), 1 observed "
        "(the same meeting, mail or conversation) and 2 inferred (shared circles or "
        "affiliations; counted by their probability)."
    )
