"""Static plots: what is drawn matches the data (points, labels, bar heights, lines, stretches)."""

from __future__ import annotations

import math

import matplotlib

matplotlib.use("Agg")

import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import networkx as nx  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import to_hex  # noqa: E402

from netgraph.errors import InputError, UnknownPersonError  # noqa: E402
from netgraph.view.plots import (  # noqa: E402
    affinity_composition,
    brokerage_scatter,
    ego_map,
    interaction_timeline,
    strength_distribution,
)


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


@pytest.fixture
def ax():
    return plt.subplots()[1]


@pytest.fixture
def G() -> nx.Graph:
    """Maya's network: two Acme colleagues tied together, two Globex people, one loner."""
    G = nx.Graph()
    people = {
        "me": ("Maya", "Acme", 0),
        "ann": ("Ann", "Acme", 0),
        "bob": ("Bob", "Acme", 0),
        "cy": ("Cy", "Globex", 1),
        "dee": ("Dee", "Globex", 1),
        "eve": ("Eve", "Initech", 2),
        "fay": ("Fay", "Acme", 1),
    }
    for person, (name, company, community) in people.items():
        G.add_node(person, name=name, company=company, community=community)
    G.add_edge("me", "ann", weight=0.9)
    G.add_edge("me", "bob", weight=0.5)
    G.add_edge("me", "cy", weight=0.3)
    G.add_edge("me", "dee", weight=0.2)
    G.add_edge("me", "eve", weight=0.1)
    G.add_edge("ann", "bob", weight=0.7)
    G.add_edge("cy", "dee", weight=0.6)
    G.add_edge("dee", "fay", weight=0.4)
    return G


# -- ego_map --------------------------------------------------------------------------------


def test_ego_map_draws_the_ego_in_the_centre_and_each_alter_once(G, ax):
    before = nx.to_dict_of_dicts(G)
    out = ego_map(G, "me", ax=ax)
    assert out is ax
    among, spokes, alters, ego = ax.collections
    assert len(alters.get_offsets()) == G.degree["me"] == 5
    assert np.allclose(ego.get_offsets(), [[0.0, 0.0]])
    assert len(spokes.get_segments()) == 5
    # Ties among alters: ann-bob and cy-dee (dee-fay leaves the neighbourhood).
    assert len(among.get_segments()) == 2
    # Alters on the unit circle; spoke width grows with the weight.
    assert np.allclose(np.hypot(*alters.get_offsets().T), 1.0)
    widths = spokes.get_linewidths()
    assert widths[0] == max(widths)  # ann, the strongest tie, comes first in her community
    labels = {t.get_text() for t in ax.texts}
    assert {"Maya", "Ann", "Bob", "Cy", "Dee", "Eve"} <= labels and "Fay" not in labels
    assert nx.to_dict_of_dicts(G) == before


def test_ego_map_groups_alters_by_community(G, ax):
    communities = pd.Series({"ann": "x", "bob": "y", "cy": "x", "dee": "y", "eve": "x"})
    ego_map(G, "me", communities=communities, ax=ax)
    alters = ax.collections[2]
    colours = [to_hex(c) for c in alters.get_facecolors()]
    angles = np.arctan2(alters.get_offsets()[:, 1], alters.get_offsets()[:, 0])
    # Drawing order: community x (3 people) then y (2); one colour per community.
    assert len(set(colours[:3])) == 1 and len(set(colours[3:])) == 1
    assert colours[0] != colours[3]
    # Members of a community sit next to each other: the gap between groups is the widest.
    steps = np.diff(np.unwrap(angles))
    assert np.argmax(np.abs(steps)) == 2
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["x (3)", "y (2)"]


def test_ego_map_directed_and_unknown(ax):
    D = nx.DiGraph([("a", "me"), ("me", "b")])
    ego_map(D, "me", ax=ax)
    assert len(ax.collections[2].get_offsets()) == 2  # in- and out-contacts
    with pytest.raises(UnknownPersonError):
        ego_map(D, "nobody", ax=ax)


# -- brokerage_scatter ----------------------------------------------------------------------


@pytest.fixture
def holes() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "effective_size": [5.0, 4.0, 1.0, 2.0, 1.5, np.nan],
            "constraint": [0.2, 0.3, 0.9, 0.5, 0.8, 0.4],
        },
        index=pd.Index(["ann", "bob", "cy", "dee", "eve", "fay"], name="person"),
    )


def test_brokerage_scatter_plots_every_person_and_labels_the_brokers(holes, ax):
    out = brokerage_scatter(holes, label_top=2, names={"ann": "Ann A.", "bob": "Bob B."}, ax=ax)
    assert out is ax
    points = ax.collections[0].get_offsets()
    assert len(points) == 5  # fay has no effective size
    assert sorted(map(tuple, np.asarray(points))) == sorted(
        zip(holes["effective_size"][:5], holes["constraint"][:5], strict=True)
    )
    assert ax.get_xlabel().startswith("effective size")
    assert ax.get_ylabel().startswith("constraint")
    assert [t.get_text() for t in ax.texts] == ["Ann A.", "Bob B."]
    # The labels sit on the right points.
    assert [tuple(t.xy) for t in ax.texts] == [(5.0, 0.2), (4.0, 0.3)]
    assert "1 without values skipped" in ax.get_title()


def test_brokerage_scatter_ranks_on_both_measures(ax):
    # dee has the largest effective size but is heavily constrained; bob wins on both ranks.
    holes = pd.DataFrame(
        {"effective_size": [3.0, 2.5, 1.0, 3.5], "constraint": [0.3, 0.2, 0.9, 0.95]},
        index=["ann", "bob", "cy", "dee"],
    )
    brokerage_scatter(holes, label_top=2, ax=ax)
    # Percentile ranks: ann 0.75 + 0.75, bob 0.5 + 1.0, dee 1.0 + 0.25, cy 0.25 + 0.5.
    assert [t.get_text() for t in ax.texts] == ["ann", "bob"]
    with pytest.raises(InputError, match="constraint"):
        brokerage_scatter(holes.drop(columns="constraint"), ax=ax)


def test_brokerage_scatter_uses_a_name_column(ax):
    holes = pd.DataFrame(
        {"effective_size": [2.0, 1.0], "constraint": [0.4, 0.9], "name": ["Ann", "Bob"]},
        index=["a", "b"],
    )
    brokerage_scatter(holes, label_top=5, ax=ax)
    assert [t.get_text() for t in ax.texts] == ["Ann", "Bob"]


# -- affinity_composition -------------------------------------------------------------------


def heights(container) -> list[float]:
    return [b.get_height() for b in container]


def test_affinity_composition_for_a_person(G, ax):
    affinity_composition(G, ["company", "community"], person="me", ax=ax)
    observed, expected = ax.containers[0], ax.containers[1]
    # Maya (Acme, community 0) has 5 contacts: ann, bob at Acme; ann, bob in community 0.
    assert heights(observed) == pytest.approx([2 / 5, 2 / 5])
    # Chance: of the 6 others, 3 are at Acme (ann, bob, fay) and 2 in community 0.
    assert heights(expected) == pytest.approx([3 / 6, 2 / 6])
    assert [t.get_text() for t in ax.get_xticklabels()] == ["company", "community"]
    assert "Maya" in ax.get_title()


def test_affinity_composition_for_the_network(G, ax):
    affinity_composition(G, "company", ax=ax)
    # Ties inside a company: me-ann, me-bob, ann-bob, cy-dee = 4 of 8.
    assert heights(ax.containers[0]) == pytest.approx([4 / 8])
    # Same-company ordered pairs among 7 people: Acme 4 * 3, Globex 2 * 1, Initech 0.
    assert heights(ax.containers[1]) == pytest.approx([(4 * 3 + 2 * 1) / (7 * 6)])
    with pytest.raises(UnknownPersonError):
        affinity_composition(G, "company", person="nobody", ax=ax)


# -- strength_distribution ------------------------------------------------------------------


@pytest.fixture
def ties() -> pd.DataFrame:
    strength = [0.05, 0.1, 0.2, 0.25, 0.4, 0.5, 0.65, 0.7, 0.9, 0.95]
    kind = ["dormant", "weak", "weak", "dormant", "intermediate", "intermediate"]
    kind += ["strong"] * 4
    frame = pd.DataFrame({"strength": strength, "kind": kind})
    frame.attrs["thresholds"] = {"weak": 0.3, "strong": 0.6, "dormant_after": 365.0}
    return frame


def test_strength_distribution_lines_at_the_thresholds(ties, ax):
    out = strength_distribution(ties, ax=ax)  # thresholds from ties.attrs
    assert out is ax
    assert [float(line.get_xdata()[0]) for line in ax.lines] == [0.3, 0.6]
    assert [t.get_text() for t in ax.texts] == ["dormant: 2 of 10 ties (20%)"]
    # The stacked bars count every tie once (the top layer's tops are the totals).
    layers = ax.containers
    assert len(layers) == 4  # strong, intermediate, weak, dormant
    totals = [r.get_y() + r.get_height() for r in layers[-1]]
    assert sum(totals) == 10
    assert sum(r.get_height() for r in layers[3]) == 2  # the dormant layer


def test_strength_distribution_threshold_forms(ties, ax):
    strength_distribution(ties, thresholds=(0.2, 0.8), ax=ax)
    assert [float(line.get_xdata()[0]) for line in ax.lines] == [0.2, 0.8]
    fig, ax2 = plt.subplots()
    strength_distribution(ties[["strength"]], thresholds=0.5, ax=ax2)
    assert [float(line.get_xdata()[0]) for line in ax2.lines] == [0.5]
    assert len(ax2.texts) == 0  # no kind, no dormant share
    assert sum(p.get_height() for p in ax2.patches) == 10
    fig, ax3 = plt.subplots()
    strength_distribution(ties, thresholds={"weak": 0.4, "strong": 0.4}, ax=ax3)
    assert len(ax3.lines) == 1  # a single cut drawn once
    with pytest.raises(InputError, match="strength"):
        strength_distribution(ties.rename(columns={"strength": "s"}), ax=ax)


@pytest.mark.parametrize("columns", [["strength", "kind"], ["strength"]])
def test_strength_distribution_without_ties_says_so(ties, columns, ax):
    # Regression: an empty tie table gave ax.hist zero colours and crashed the report.
    empty = ties.iloc[:0][columns]
    strength_distribution(empty, thresholds={"weak": 0.3, "strong": 0.6}, ax=ax)
    assert [t.get_text() for t in ax.texts] == ["no ties"]
    assert not ax.patches
    assert [float(line.get_xdata()[0]) for line in ax.lines] == [0.3, 0.6]
    fig, ax2 = plt.subplots()
    unknown = ties.assign(strength=np.nan)[columns]  # ties, but none with a strength
    strength_distribution(unknown, ax=ax2)
    assert [t.get_text() for t in ax2.texts] == ["no tie has a strength"]


# -- interaction_timeline -------------------------------------------------------------------


@pytest.fixture
def log() -> pd.DataFrame:
    rows = [
        ("me", "ann", "2020-01-01"),
        ("ann", "me", "2020-02-01"),
        ("me", "ann", "2022-01-01"),  # 700 days after the previous one: dormant
        ("me", "ann", "2022-03-01"),
        ("me", "bob", "2021-06-01"),
        ("bob", "me", "2021-07-01"),
        ("me", "cy", "2022-02-01"),
        ("ann", "bob", "2021-01-01"),
    ]
    frame = pd.DataFrame(rows, columns=["source", "target", "date"])
    frame["date"] = pd.to_datetime(frame["date"])
    return frame


def test_interaction_timeline_rows_dots_and_dormant_stretches(log, ax):
    out = interaction_timeline(log, person="me", ax=ax, names={"ann": "Ann"})
    assert out is ax
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Ann", "bob", "cy"]
    dots = np.asarray(ax.collections[0].get_offsets())
    assert len(dots) == 7  # every interaction of me
    assert sorted(dots[:, 1].tolist()) == [0, 0, 0, 0, 1, 1, 2]
    # Dormant stretches (> 365 days): ann 2020-02-01 -> 2022-01-01; bob's last contact
    # 2021-07-01 -> today (2022-03-01, the latest date) is 243 days: not dormant.
    stretches = [(p.get_x(), p.get_x() + p.get_width(), p.get_y() + 0.3) for p in ax.patches]
    expected = [(pd.Timestamp("2020-02-01"), pd.Timestamp("2022-01-01"), 0.0)]
    assert len(stretches) == 1
    x0, x1, row = stretches[0]
    assert mdates.num2date(x0).date() == expected[0][0].date()
    assert mdates.num2date(x1).date() == expected[0][1].date()
    assert math.isclose(row, 0.0, abs_tol=1e-9)


def test_interaction_timeline_today_extends_the_last_stretch(log, ax):
    interaction_timeline(log, person="me", today="2023-06-01", top=2, ax=ax)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["ann", "bob"]
    ends = sorted(
        (mdates.num2date(p.get_x()).date().isoformat(), round(p.get_y() + 0.3)) for p in ax.patches
    )
    # ann: the 2020-2022 gap and 2022-03-01 -> 2023-06-01; bob: 2021-07-01 -> 2023-06-01.
    assert ends == [("2020-02-01", 0), ("2021-07-01", 1), ("2022-03-01", 0)]


def test_interaction_timeline_pairs(log, ax):
    interaction_timeline(log, top=2, ax=ax)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["ann \u2013 me", "bob \u2013 me"]
    assert len(ax.collections[0].get_offsets()) == 6
    with pytest.raises(InputError, match="date"):
        interaction_timeline(log.drop(columns="date"), ax=ax)
    with pytest.raises(InputError, match="dormant_after"):
        interaction_timeline(log, dormant_after=-1, ax=ax)


def test_plots_default_to_the_current_axes(holes):
    fig, ax = plt.subplots()
    assert brokerage_scatter(holes) is ax


def test_interaction_timeline_keeps_rows_for_ties_dormant_now(ax):
    """The busiest contacts alone would hide every dormant tie; a third of the rows show them."""
    days = pd.date_range("2024-01-01", "2024-12-31", freq="7D")
    busy = [("me", f"busy{i}", d) for i in range(6) for d in days]
    quiet = [("me", f"old{i}", pd.Timestamp("2022-03-01") + pd.Timedelta(days=i)) for i in range(4)]
    log = pd.DataFrame(busy + quiet, columns=["source", "target", "date"])
    interaction_timeline(log, person="me", top=6, ax=ax)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert len(labels) == 6
    assert sum(label.startswith("old") for label in labels) == 2
    assert len(ax.patches) == 2  # each dormant row shows its stretch up to today
