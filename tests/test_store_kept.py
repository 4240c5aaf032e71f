"""The Friday review reads what the store keeps of the whole network (netgraph._kept).

The reference is the pure review on the stored network (``store.network``), which builds
everything from the stored rows: the kept structure must give the same candidates.
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import netgraph
from netgraph import _graph, _kept
from netgraph.recommend import week as _week

TODAY = pd.Timestamp("2026-01-09")
MONDAY = int(_week._monday(TODAY).value // 1_000)


def _generated(seed: int = 3, n: int = 160) -> netgraph.Network:
    """A personal network with circles, every kind of interaction, stated and inferred ties."""
    rng = np.random.default_rng(seed)
    ids = [f"p{i:03d}" for i in range(n)]
    industries = ["fintech", "health", "retail"]
    people = pd.DataFrame(
        {
            "id": ["me", *ids],
            "name": ["Me", *[f"Person {i}" for i in range(n)]],
            "company": ["Northwind", *[f"Company {i // 20}" for i in range(n)]],
            "industry": ["fintech", *[industries[(i // 20) % 3] for i in range(n)]],
        }
    )
    a = rng.integers(0, n, 400)
    b = np.minimum((a // 20) * 20 + rng.integers(0, 20, 400), n - 1)
    keep = a != b
    among = pd.DataFrame({"source": np.array(ids)[a[keep]], "target": np.array(ids)[b[keep]]})
    among = among.assign(
        evidence=np.where(rng.random(len(among)) < 0.3, "inferred", "stated"),
        probability=np.round(rng.uniform(0.2, 1.0, len(among)), 3),
    )
    among.loc[among["evidence"] == "stated", "probability"] = 1.0
    start = pd.Timestamp("2024-01-01").value // 10**9
    m = 3000
    contact = np.array(ids)[np.minimum(rng.pareto(1.1, m) * 10, n - 1).astype(int)]
    kind = rng.choice(["message", "meeting", "give", "ask", "reply", "thanks"], m)
    out = kind != "reply"
    x = rng.integers(0, n, 2000)
    y = np.minimum((x // 20) * 20 + rng.integers(0, 20, 2000), n - 1)
    y = np.where(y == x, (x + 1) % n, y)
    seconds = start + rng.integers(0, 2 * 365 * 86400, m + 2000)
    interactions = pd.DataFrame(
        {
            "source": [*np.where(out, "me", contact), *np.array(ids)[x]],
            "target": [*np.where(out, contact, "me"), *np.array(ids)[y]],
            "date": pd.to_datetime(seconds, unit="s"),
            "kind": [*kind, *["message"] * 2000],
        }
    )
    # a first meeting two weeks before the review, and favours from contacts to thank
    recent = pd.DataFrame(
        {
            "source": ["me", "p150", "p151"],
            "target": ["p149", "me", "me"],
            "date": pd.to_datetime(["2025-12-22", "2025-12-10", "2025-12-15"]),
            "kind": ["meeting", "give", "give"],
        }
    )
    interactions = pd.concat([interactions, recent], ignore_index=True)
    # your ties: some with a given weight, some inferred (never in touch): both weight rules
    silent = [p for p in ids[n // 2 :] if p not in set(contact)][:6]  # never in touch with you
    mine = pd.DataFrame({"source": "me", "target": ids[: n // 2] + silent, "closeness": 0.7})
    k = np.arange(len(mine))
    inferred = mine["target"].isin(silent).to_numpy()
    mine = mine.assign(
        weight=np.where((k % 7 == 0) | inferred, 0.9, np.nan),
        evidence=np.where(inferred, "inferred", "stated"),
        probability=np.where(inferred, 0.4, 1.0),
    )
    assert len(silent) >= 3
    ties = pd.concat([mine, among], ignore_index=True)
    return netgraph.Network.from_frames(people, ties, interactions, ego="me")


@pytest.fixture(params=["sample", "generated", "directed"])
def store(request, tmp_path):
    net = netgraph.sample() if request.param == "sample" else _generated()
    if request.param == "directed":  # an arc per direction seen; undirected by the larger
        net = netgraph.Network.from_frames(
            net.people.reset_index(), net.stated_ties, net.interactions, ego="me", directed=True
        )
    with netgraph.open(tmp_path / "net.sqlite") as store:
        store.add(net, date="2025-12-31")
        ids = store.people["id"].tolist()
        for pid in [*ids[5:7], *ids[-4:-2]]:  # contacts often written to, and some not
            store.tag(pid, "want to know")
        for pid in ids[10:14]:
            store.tag(pid, "stay in touch")
        yield store


def _reference(store) -> pd.DataFrame:
    """The review's candidates worked out from the whole stored network."""
    net = store.network
    return _week.candidates(
        net.undirected,
        net.ties,
        net.interactions,
        net.people,
        store.ego,
        today=TODAY,
        lists=store.lists(),
        changes=store.field_history(),
        communities=net.communities(),
        asked=store._introductions_asked(store.ego, MONDAY),
    )


def test_the_review_from_the_kept_structure_equals_the_one_from_the_network(store):
    kept = store._candidates(store.ego, TODAY, MONDAY)
    reference = _reference(store)
    assert len(kept) >= 10 and set(kept["group"]) >= {"follow up", "write", "want to know"}
    pd.testing.assert_frame_equal(kept, reference, check_dtype=False)


def test_after_logging_your_own_ties_are_the_networks_and_the_rest_as_kept(store):
    people = store.people["id"].tolist()
    store.log(people[20], kind="meeting", date="2026-01-05")
    store.log(people[21], kind="give", by="them", note="an intro", date="2026-01-06")
    store.log(people[22], kind="message", date="2026-01-07")
    kept = store._structure()
    names = store.people.set_index("id")["name"].dropna().to_dict()
    mine = pd.concat(
        [kept.log, store._interactions_frame(store.ego, after=kept.last_id)], ignore_index=True
    )
    assert len(mine) == len(store._interactions_frame(store.ego))
    inputs = _kept.review_inputs(kept, names, mine, store.ego)
    U = store.network.undirected
    ego = store.ego
    ours = {c: d["weight"] for c, d in inputs.graph.adj[ego].items()}
    theirs = {c: d["weight"] for c, d in U.adj[ego].items() if c != ego}
    assert ours.keys() == theirs.keys()
    assert max(abs(ours[c] - theirs[c]) for c in ours) < 1e-12
    # whom each contact knows among your other contacts, counted in the whole network
    contacts = set(theirs)
    for c in list(contacts)[:40]:
        known = (set(U.adj[c]) - {c, ego}) & contacts
        assert inputs.shared_contacts[c] == len(known)
    # the ties among contacts are those of the import (a log never has both ends elsewhere)
    assert set(inputs.graph.adj[people[30]]) - {ego} == set(U.adj[people[30]]) - {ego}


def test_logs_keep_the_structure_and_an_answer_or_import_renews_it(store):
    structure = store._meta("structure")
    store.log(store.people["id"].iloc[3], kind="message", date="2026-01-05")
    assert store._meta("structure") == structure
    a, b = store.people["id"].iloc[40], store.people["id"].iloc[41]
    store.answer(a, b, knows=True)
    assert store._meta("structure") != structure
    assert b in store._structure().ids
    graph = _kept.review_inputs(
        store._structure(), {}, store._interactions_frame(store.ego), store.ego
    ).graph
    assert graph.has_edge(a, b) and graph.has_edge(b, a)
    assert store._con.execute("SELECT count(*) FROM kept").fetchone()[0] == 1


def test_the_review_follows_what_you_logged_since_the_import(store):
    before = store.week(today=TODAY)
    first = before["person"].iloc[0]
    store.log(first, kind="message", date=TODAY - pd.Timedelta(days=1))
    after = store.week(today=TODAY + pd.Timedelta(days=7))
    assert first not in set(after["person"])


def test_kept_graph_reads_like_the_graph_it_keeps():
    G = nx.karate_club_graph()
    for u, v, d in G.edges(data=True):
        d["weight"] = (u + v + 1) / 70
    ids = list(G)
    src, dst, w = _graph.arcs(G, "weight")
    among = (src != 0) & (dst != 0)
    indptr = np.concatenate([[0], np.cumsum(np.bincount(src[among], minlength=len(ids)))])
    ego = [(0, v, {"weight": G[0][v]["weight"]}) for v in G.adj[0]]
    K = _graph.kept_graph(ids, indptr, dst[among], w[among], edges=ego, nodes={0: {"name": "Me"}})
    assert nx.is_frozen(K) and K.nodes[0] == {"name": "Me"} and 99 not in K
    assert sorted(K.degree) == sorted(G.degree)
    assert nx.utils.edges_equal(K.edges(data="weight"), G.edges(data="weight"))
    assert nx.shortest_path_length(K, 16, 25) == nx.shortest_path_length(G, 16, 25)
    assert dict(K.subgraph([0, 1, 2]).adj[1]) == dict(G.subgraph([0, 1, 2]).adj[1])
    with pytest.raises(nx.NetworkXError):
        K.add_edge(0, 33)


def test_a_kept_structure_of_another_layout_is_worked_out_again(store):
    with store._transaction(data=False) as con:
        con.execute("UPDATE kept SET extra = json_set(extra, '$.format', 0)")
    assert not _kept.readable(store._con.execute("SELECT extra FROM kept").fetchone()[0])
    assert len(store.week(today=TODAY)) == 3
    assert _kept.readable(store._con.execute("SELECT extra FROM kept").fetchone()[0])
