"""The report's issue-13 sections: thank-yous owed, missing roles, groups worth joining."""

import pandas as pd

from netgraph import Network
from netgraph.report import write_report


def test_report_has_the_meeting_sections_escaped(tmp_path):
    people = pd.DataFrame(
        {
            "id": ["me", "ann", "bob", "cat"],
            "name": ["Me", "Ann <script>x</script>", "Bob", "Cat"],
            "role": ["Analyst", "Director", "Engineer", "Student"],
            "circles": ["a", "a", "b", "b"],
        }
    )
    ties = pd.DataFrame({"source": ["me", "me", "bob"], "target": ["ann", "bob", "cat"]})
    interactions = pd.DataFrame(
        {"source": ["ann"], "target": ["me"], "date": ["2024-01-01"], "kind": ["give"]}
    )
    net = Network.from_frames(people, ties, interactions, ego="me")
    page = write_report(net, tmp_path, progress=False).read_text(encoding="utf-8")
    for heading in (
        "Thank-yous owed",
        "Mentors, champions and allies: what is missing",
        "Groups worth joining",
    ):
        assert f"<h2>{heading}</h2>" in page
    assert "<script>x</script>" not in page
    assert "helped you on 2024-01-01" in page
    assert "b has 2 members" in page  # cat is new to you; bob you know
