"""The bundled sample network: well formed, reproducible, and planted with what analyses must find.

Reads the CSVs with pandas and scores ties with ``tie_strength`` only (no ``Network``), so a
failure here points at the data or the generator, scripts/make_sample.py.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from netgraph.strength import tie_strength

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "netgraph" / "datasets" / "data"
FILES = ("people.csv", "ties.csv", "interactions.csv")
EGO = "me"
LATEST = pd.Timestamp("2025-12-31")


def load_generator():
    spec = importlib.util.spec_from_file_location(
        "make_sample", ROOT / "scripts" / "make_sample.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_sample", module)
    spec.loader.exec_module(module)
    return module


GENERATOR = load_generator()
PLANTED = GENERATOR.PLANTED


@pytest.fixture(scope="module")
def people():
    frame = pd.read_csv(DATA / "people.csv", dtype="str", keep_default_na=False)
    tags = frame["tags"].str.split(";")
    return frame.assign(circle=tags.str[0], group=tags.str[0] + "/" + tags.str[1]).set_index("id")


@pytest.fixture(scope="module")
def ties():
    return pd.read_csv(DATA / "ties.csv", parse_dates=["since"])


@pytest.fixture(scope="module")
def log():
    return pd.read_csv(DATA / "interactions.csv", parse_dates=["date"])


@pytest.fixture(scope="module")
def table(ties, log):
    return tie_strength(ties, log)


@pytest.fixture(scope="module")
def ego_ties(table):
    """Alex's ties, indexed by the other person."""
    pairs = table.reset_index()
    mine = pairs[(pairs["source"] == EGO) | (pairs["target"] == EGO)]
    alter = np.where(mine["source"] == EGO, mine["target"], mine["source"])
    return mine.set_index(pd.Index(alter, name="alter"))


@pytest.fixture(scope="module")
def contact_edges(ties, people):
    """Distinct stated ties between contacts (not Alex), with each end's circle and group."""
    pairs = ties[(ties["source"] != EGO) & (ties["target"] != EGO)]
    low = np.minimum(pairs["source"], pairs["target"])
    high = np.maximum(pairs["source"], pairs["target"])
    edges = pd.DataFrame({"a": low, "b": high}).drop_duplicates(ignore_index=True)
    for end in ("a", "b"):
        edges[f"circle_{end}"] = people.loc[edges[end], "circle"].to_numpy()
        edges[f"group_{end}"] = people.loc[edges[end], "group"].to_numpy()
    return edges


# --- well formed -------------------------------------------------------------------------------


def test_files_are_small_and_sizes_in_range(people, ties, log):
    assert sum((DATA / f).stat().st_size for f in FILES) < 1_000_000
    assert 250 <= len(people) <= 350
    circles = people.loc[people.index != EGO, "circle"].value_counts()
    assert len(circles) == 7
    assert circles.min() >= 20
    assert 800 <= len(ties) <= 3000
    assert 3000 <= len(log) <= 15000


def test_people_have_slug_ids_names_and_the_ego(people):
    assert people.index.is_unique
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", pid) for pid in people.index)
    assert people["name"].is_unique and (people["name"] != "").all()
    assert list(people.columns[:8]) == [
        "name",
        "email",
        "company",
        "role",
        "industry",
        "school",
        "city",
        "tags",
    ]
    assert people.loc[EGO, "name"] == "Alex Morgan"
    emails = people["email"][people["email"] != ""]
    assert emails.str.fullmatch(r"[a-z0-9.\-]+@[a-z0-9.\-]+\.example").all()


def test_every_row_references_people_and_no_self_ties(people, ties, log):
    for frame in (ties, log):
        assert frame["source"].isin(people.index).all()
        assert frame["target"].isin(people.index).all()
        assert (frame["source"] != frame["target"]).all()
    assert ties["closeness"].dropna().between(0, 1).all()
    assert ties["kind"].notna().all()


def test_interactions_span_three_years_with_channels_and_kinds(log):
    assert log["date"].min() >= pd.Timestamp("2023-01-01")
    assert log["date"].max() == LATEST
    assert log["date"].dt.year.value_counts().min() > 1000  # every year has contact
    assert set(log["channel"]) == {"email", "call", "meeting", "message", "linkedin"}
    kinds = log["kind"].value_counts(normalize=True)
    assert set(kinds.index) == {"meeting", "message", "give", "ask"}
    assert kinds["meeting"] + kinds["message"] > 0.8
    assert kinds["give"] > 0.02 and kinds["ask"] > 0.02
    ego_rows = (log["source"] == EGO) | (log["target"] == EGO)
    assert 0.3 < ego_rows.mean() < 0.7  # with Alex and among contacts


def test_strengths_of_the_sample_are_valid(table):
    assert table.index.is_unique
    assert (
        table[["frequency", "recency", "duration", "reciprocity", "multiplexity"]]
        .stack()
        .between(0, 1)
        .all()
    )
    assert table["strength"].between(0.05, 1).all()


# --- (a) closed clusters of similar people -----------------------------------------------------


def test_circles_are_dense_inside_and_sparse_across(people, contact_edges):
    contacts = people[people.index != EGO]
    n = len(contacts)
    sizes = contacts["circle"].value_counts()
    within_pairs = (sizes * (sizes - 1) / 2).sum()
    same = contact_edges["circle_a"] == contact_edges["circle_b"]
    density_in = same.sum() / within_pairs
    density_across = (~same).sum() / (n * (n - 1) / 2 - within_pairs)
    assert density_in > 0.1
    assert density_in / density_across > 20


def test_groups_are_dense_closed_clusters(people, contact_edges):
    contacts = people[people.index != EGO]
    inside = contact_edges[contact_edges["group_a"] == contact_edges["group_b"]]
    counts = inside["group_a"].value_counts()
    sizes = contacts["group"].value_counts()
    density = counts.reindex(sizes.index, fill_value=0) / (sizes * (sizes - 1) / 2)
    assert len(sizes) >= 20
    assert density.min() > 0.35, density.sort_values().head()


def test_clusters_share_company_school_or_city(people):
    contacts = people[people.index != EGO]
    shared = {"northwind": "company", "helix": "company", "edinburgh": "school", "hackney": "city"}
    for circle, column in shared.items():
        values = contacts.loc[contacts["circle"] == circle, column]
        assert values.value_counts(normalize=True).iloc[0] >= 0.9, circle
    family = contacts[contacts["group"].str.endswith("-family")]
    assert (family.groupby("group")["city"].nunique() <= 2).all()


# --- (b) brokers -------------------------------------------------------------------------------


def spanned_circles(contact_edges, people, min_ties=3):
    """Count, per contact, the circles they have `min_ties` or more ties into (their own too)."""
    ends = pd.concat(
        [
            contact_edges[["a", "circle_b"]].set_axis(["person", "circle"], axis=1),
            contact_edges[["b", "circle_a"]].set_axis(["person", "circle"], axis=1),
        ]
    )
    counts = ends.groupby(["person", "circle"]).size()
    return counts[counts >= min_ties].groupby(level="person").size()


def test_a_few_brokers_span_circles(contact_edges, people, ego_ties):
    spans = spanned_circles(contact_edges, people)
    brokers = set(spans[spans >= 2].index)
    assert 3 <= len(PLANTED["broker"]) <= 5
    assert set(PLANTED["broker"]) <= brokers
    assert len(brokers) <= 10  # brokers are rare: circles are closed
    assert spans["tomasz-kowalczyk"] == 3
    assert set(PLANTED["broker"]) <= set(ego_ties.index)


# --- (c) dormant weak ties that bridge into other circles --------------------------------------


def test_dormant_ties_are_old_weak_and_few(ego_ties):
    dormant = ego_ties.loc[PLANTED["dormant"]]
    assert 6 <= len(dormant) <= 10
    assert ((LATEST - dormant["last_contact"]).dt.days >= 365).all()
    assert dormant["n_interactions"].between(1, 5).all()
    assert dormant["closeness"].isna().all()
    assert (dormant["strength"] < 0.5).all()
    assert (dormant["strength"] < ego_ties["strength"].quantile(0.25)).all()


def test_dormant_ties_bridge_into_groups_alex_barely_reaches(ego_ties, people, contact_edges):
    group_of_alter = people.loc[ego_ties.index, "group"]
    for pid in PLANTED["dormant"]:
        group = people.loc[pid, "group"]
        inside = contact_edges[
            (contact_edges["group_a"] == group) & (contact_edges["group_b"] == group)
        ]
        degree = ((inside["a"] == pid) | (inside["b"] == pid)).sum()
        members = (people["group"] == group).sum()
        assert degree >= 0.6 * (members - 1), pid  # central in their group
        others = (group_of_alter == group).sum() - 1  # Alex's other ties into the group
        assert others <= 2, pid
    reach = people.loc[ego_ties.index, "circle"].value_counts()
    assert reach["edinburgh"] <= 5 and reach["london-data"] <= 5  # circles Alex barely reaches
    assert reach["northwind"] >= 30


# --- (d) one-sided relationships ---------------------------------------------------------------


@pytest.fixture(scope="module")
def ledger(log):
    """Gives and asks between Alex and each contact, from Alex's side."""
    mine = log[(log["source"] == EGO) | (log["target"] == EGO)]
    by_alex = mine["source"] == EGO
    alter = np.where(by_alex, mine["target"], mine["source"])
    return (
        pd.DataFrame(
            {
                "alex_asks": by_alex & (mine["kind"] == "ask"),
                "alex_gives": by_alex & (mine["kind"] == "give"),
                "they_ask": ~by_alex & (mine["kind"] == "ask"),
            },
        )
        .groupby(alter)
        .sum()
    )


def test_alex_asks_and_never_gives(ledger):
    asks = ledger.loc[PLANTED["asks"]]
    assert 3 <= len(asks) <= 5
    assert (asks["alex_asks"] >= 8).all()
    assert (asks["alex_gives"] == 0).all()
    # Nobody else is asked as often.
    others = ledger.drop(index=PLANTED["asks"])
    assert others["alex_asks"].max() < asks["alex_asks"].min()


def test_alex_gives_and_never_asks(ledger):
    gives = ledger.loc[PLANTED["gives"]]
    assert 3 <= len(gives) <= 5
    assert (gives["alex_gives"] >= 6).all()
    assert (gives["alex_asks"] == 0).all()
    assert (gives["they_ask"] >= 3).all()


# --- (e) once-strong ties gone quiet -----------------------------------------------------------


def test_once_strong_ties_went_quiet(ego_ties, log):
    quiet = ego_ties.loc[PLANTED["quiet"]]
    assert 3 <= len(quiet) <= 6
    assert (quiet["n_interactions"] >= 30).all()
    assert (quiet["usual_interval_days"] <= 14).all()
    silent_days = (LATEST - quiet["last_contact"]).dt.days
    assert (silent_days >= 365).all()
    assert (silent_days > 20 * quiet["usual_interval_days"]).all()
    assert (quiet["closeness"] >= 0.7).all()
    # They were among Alex's most frequent contacts in 2023.
    in_2023 = log[log["date"].dt.year == 2023]
    mine = in_2023[(in_2023["source"] == EGO) | (in_2023["target"] == EGO)]
    counts = pd.Series(
        np.where(mine["source"] == EGO, mine["target"], mine["source"])
    ).value_counts()
    assert (counts.rank(ascending=False)[PLANTED["quiet"]] <= 20).all()


def test_a_tie_known_only_from_interactions(ego_ties, ties):
    stated = set(ties.loc[ties["source"] == EGO, "target"]) | set(
        ties.loc[ties["target"] == EGO, "source"]
    )
    unstated = ego_ties[~ego_ties.index.isin(stated)]
    assert len(unstated) == GENERATOR.NEW_HIRES
    assert (unstated["first_contact"] >= pd.Timestamp("2025-06-01")).all()
    assert ego_ties.loc["priya-shah", "kind"] == "colleague;former colleague"


# --- reproducible ------------------------------------------------------------------------------


def test_the_generator_reproduces_the_shipped_files(tmp_path):
    GENERATOR.write_sample(tmp_path)
    for name in FILES:
        assert (tmp_path / name).read_bytes() == (DATA / name).read_bytes(), name
