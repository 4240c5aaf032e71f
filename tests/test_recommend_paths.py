"""Tests of netgraph.recommend.paths.paths_to, against a brute force over all simple paths."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netgraph.errors import InputError, UnknownPersonError
from netgraph.recommend.paths import paths_to

COLUMNS = ["target", "path", "hops", "score", "ask_first", "reason"]


def brute_force(G: nx.Graph, person, targets, max_hops: int) -> dict:
    """Best product of strengths over simple paths of at most max_hops ties, per target."""
    best = {}
    for target in targets:
        if target == person:
            continue
        for path in nx.all_simple_paths(G, person, target, cutoff=max_hops):
            score = float(np.prod([G[u][v]["weight"] for u, v in nx.utils.pairwise(path)]))
            if score > best.get(target, (-1.0, 0))[0] + 1e-12 or (
                abs(score - best.get(target, (-1.0, 0))[0]) <= 1e-12
                and len(path) - 1 < best[target][1]
            ):
                best[target] = (score, len(path) - 1)
    return best


def people_of(G: nx.Graph) -> pd.DataFrame:
    return pd.DataFrame(
        {"company": [G.nodes[n].get("company") for n in G]}, index=pd.Index(list(G), name="id")
    )


def small_world() -> tuple[nx.Graph, pd.DataFrame]:
    G = nx.Graph()
    G.add_weighted_edges_from(
        [
            ("me", "ann", 0.9),
            ("ann", "tom", 0.5),
            ("me", "bob", 0.4),
            ("bob", "tom", 0.9),
            ("bob", "sue", 0.8),
            ("ann", "cat", 0.9),
            ("cat", "dan", 0.9),
            ("dan", "eve", 0.9),  # four hops from me
            ("me", "kim", 0.7),
        ]
    )
    people = pd.DataFrame(
        {
            "name": ["Tom Tan", "Sue Sun", "Dan Do", "Eve Ek", "Kim Ko", "Ann Ash"],
            "company": ["Acme Corp", "ACME", "acme labs", "Acme", "Acme Inc", "Initech"],
            "role": ["Engineering Manager", "CTO", "engineer", "CEO", None, "CEO"],
        },
        index=pd.Index(["tom", "sue", "dan", "eve", "kim", "ann"], name="id"),
    )
    nx.set_node_attributes(G, people["name"].to_dict(), "name")
    return G, people


def test_hand_worked_paths():
    G, people = small_world()
    found = paths_to(G, people, "me", company="acme")
    assert list(found.columns[:6]) == COLUMNS
    # kim 0.7 (direct); dan 0.9^3 = 0.729; tom 0.45 via ann; sue 0.32 via bob; eve is 4 hops
    assert list(found["target"]) == ["dan", "kim", "tom", "sue"]
    row = found.set_index("target").loc["tom"]
    assert row["path"] == ["me", "ann", "tom"] and row["hops"] == 2
    assert row["score"] == pytest.approx(0.45) and row["ask_first"] == "ann"
    assert row["strengths"] == pytest.approx([0.9, 0.5])
    assert "Tom Tan (company: Acme Corp)" in row["reason"] and "Ask Ann Ash first" in row["reason"]
    direct = found.set_index("target").loc["kim"]
    assert direct["hops"] == 1 and direct["ask_first"] == "kim"
    assert "directly" in direct["reason"]
    assert found.set_index("target").loc["dan", "path"] == ["me", "ann", "cat", "dan"]
    four = paths_to(G, people, "me", max_hops=4, company="acme")
    assert four.set_index("target").loc["eve", "hops"] == 4


def test_criteria_are_anded_case_insensitive_whole_words():
    G, people = small_world()
    found = paths_to(G, people, "me", company="ACME", role="engineering manager")
    assert list(found["target"]) == ["tom"]
    assert list(paths_to(G, people, "me", role=["cto", "ceo"])["target"]) == ["ann", "sue"]
    assert list(paths_to(G, people, "me", id="sue")["target"]) == ["sue"]
    assert paths_to(G, people, "me", company="Globex").empty


def test_unknown_column_names_it_and_lists_the_columns():
    G, people = small_world()
    with pytest.raises(InputError) as err:
        paths_to(G, people, "me", employer="Acme")
    message = str(err.value)
    assert "'employer'" in message and "name, company, role" in message


def test_people_from_node_attributes_and_id_column():
    G, people = small_world()
    nx.set_node_attributes(G, people["company"].dropna().to_dict(), "company")
    from_graph = paths_to(G, None, "me", company="acme")
    assert list(from_graph["target"]) == ["dan", "kim", "tom", "sue"]
    with_column = paths_to(G, people.reset_index(), "me", company="acme")
    pd.testing.assert_frame_equal(with_column, paths_to(G, people, "me", company="acme"))


def test_k_unweighted_and_errors():
    G, people = small_world()
    assert len(paths_to(G, people, "me", k=2, company="acme")) == 2
    assert paths_to(G, people, "me", k=0).empty
    flat = paths_to(G, people, "me", weight=None, company="acme")
    assert list(flat["hops"]) == sorted(flat["hops"]) and set(flat["score"]) == {1.0}
    with pytest.raises(UnknownPersonError):
        paths_to(G, people, "nobody", company="acme")
    with pytest.raises(InputError):
        paths_to(G, people, "me", max_hops=0)
    lonely = nx.Graph()
    lonely.add_node("me")
    frame = paths_to(lonely, None, "me")
    assert frame.empty and list(frame.columns[:6]) == COLUMNS


def test_directed_graph_and_person_never_a_target():
    G, people = small_world()
    D = nx.DiGraph()
    D.add_edges_from((v, u, d) for u, v, d in G.edges(data=True))
    nx.set_node_attributes(D, people["name"].to_dict(), "name")
    pd.testing.assert_frame_equal(
        paths_to(D, people, "me", company="acme"), paths_to(G, people, "me", company="acme")
    )
    everyone = paths_to(G, None, "me", k=100)
    assert "me" not in set(everyone["target"])


@st.composite
def weighted_graphs(draw):
    n = draw(st.integers(2, 10))
    p = draw(st.floats(0.15, 0.8))
    seed = draw(st.integers(0, 10_000))
    G = nx.gnp_random_graph(n, p, seed=seed)
    rng = np.random.default_rng(seed)
    levels = draw(st.sampled_from([[0.1, 0.5, 0.9], [0.3, 1.0], list(np.linspace(0.05, 1, 20))]))
    for u, v in G.edges():
        G[u][v]["weight"] = float(rng.choice(levels))
    return G, draw(st.sampled_from(sorted(G))), draw(st.integers(1, 3))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(weighted_graphs())
def test_matches_brute_force_over_all_simple_paths(case):
    G, person, max_hops = case
    found = paths_to(G, None, person, k=len(G), max_hops=max_hops)
    expected = brute_force(G, person, list(G), max_hops)
    assert set(found["target"]) == set(expected)
    for row in found.itertuples():
        score, hops = expected[row.target]
        assert row.score == pytest.approx(score, rel=1e-9)
        assert row.hops == hops == len(row.path) - 1 <= max_hops
        assert row.path[0] == person and row.path[-1] == row.target
        assert len(set(row.path)) == len(row.path)  # a simple path
        assert all(G.has_edge(u, v) for u, v in zip(row.path, row.path[1:], strict=False))
        assert row.ask_first == row.path[1]
    keys = list(zip(-found["score"], found["hops"], strict=True))
    assert keys == sorted(keys, key=lambda t: (round(t[0], 9), t[1]))


# --------------------------------------------------------------------------- uncertain ties


def _tie(G: nx.Graph, u, v, strength: float, p: float = 1.0) -> None:
    """A tie by the evidence contract: weight = strength x probability."""
    evidence = "stated" if p == 1.0 else "inferred"
    G.add_edge(u, v, weight=strength * p, probability=p, evidence=evidence)


def test_paths_start_with_a_tie_you_know_and_give_inferred_chances():
    """Ina (inferred, 90%) is the warmer way to Tom; Ann (stated) is the one you can ask.
    Only Ina leads to Sue, through a tie Ina probably has (80%)."""
    G = nx.Graph()
    _tie(G, "me", "ann", 0.5)
    _tie(G, "me", "ina", 0.9, 0.9)
    _tie(G, "ann", "tom", 0.5)
    _tie(G, "ina", "tom", 0.9)
    _tie(G, "ina", "sue", 0.9, 0.8)
    for node in G:
        G.nodes[node]["name"] = node.capitalize()
    people = pd.DataFrame({"company": ["Acme", "Acme"]}, index=["tom", "sue"])
    found = paths_to(G, people, "me", company="acme").set_index("target")
    assert list(found.index) == ["tom", "sue"]  # Sue's chain scores higher, but starts unsure
    assert found.loc["sue", "score"] > found.loc["tom", "score"]
    assert found.loc["tom", "path"] == ["me", "ann", "tom"]
    assert found.loc["tom", "reason"].endswith(
        "Ask Ann first; the chain's strength (the product of the tie strengths) is 0.25."
    )
    sue = found.loc["sue"]
    assert sue["path"] == ["me", "ina", "sue"]
    assert sue["strengths"] == pytest.approx([0.9, 0.9])
    assert sue["probabilities"] == pytest.approx([0.9, 0.8])
    assert sue["score"] == pytest.approx(0.9 * 0.9 * 0.9 * 0.8)
    assert "you -> Ina (0.90, 90% likely) -> Sue (0.90, 80% likely)" in sue["reason"]
    assert "If you do know Ina, ask them first" in sue["reason"]
    assert "holds with a chance of 72%" in sue["reason"]
    # with Ann's tie inferred too, the warmest chain wins again
    _tie(G, "me", "ann", 0.5, 0.99)
    again = paths_to(G, people, "me", company="acme").set_index("target")
    assert again.loc["tom", "path"] == ["me", "ina", "tom"]


def test_an_inferred_contact_is_asked_directly_only_if_you_know_her():
    G = nx.Graph()
    _tie(G, "me", "ann", 0.5)
    _tie(G, "me", "tom", 0.6, 0.4)
    found = paths_to(G, None, "me", id="tom")
    assert found["reason"].iloc[0] == (
        "You may know tom directly (40%, inferred; tie strength 0.60 if so): if you do, "
        "ask tom yourself."
    )
