"""Time the analyses on a real organisation (SNAP email-Eu-core) next to what a peer would run.

The unit tests check these results on the same data (tests/test_brokerage.py, test_affinity.py,
test_communities.py, test_recommend_introductions.py); how long they take is measured here,
where a slow shared machine cannot fail a test. Each row gives netgraph's best time, a peer's
time on the same input and their ratio, and the budget the tests used to assert:

=====================  ======================================================================
``brokerage``          Gould-Fernandez roles by department (42 departments), against a plain
                       enumeration of the two-paths a -> v -> b over networkx adjacency
``affinity``           ``affinity`` + ``group_mixing`` by department, against networkx's
                       ``attribute_assortativity_coefficient`` + ``attribute_mixing_matrix``
``communities``        seeded Leiden (igraph) on the undirected reading, against networkx's
                       ``louvain_communities`` and igraph's ``community_multilevel``
``introductions_to_make``  the 10 best cross-community pairs to introduce, against ranking
                       every open two-step pair by networkx's ``adamic_adar_index``
``introductions``      one ego with 50 contacts and 4,000 people two steps away, against
                       ranking those 4,000 by ``adamic_adar_index``
=====================  ======================================================================

Usage::

    python benchmarks/bench_email_eu_core.py            # best of 3
    python benchmarks/bench_email_eu_core.py --quick    # one run, no slow peers: a smoke test

The SNAP files are read from ``shared/data/snap`` beside the repository, or from the folder
named by ``NETGRAPH_SHARED_DATA``; the synthetic ``introductions`` row runs without them.
"""

from __future__ import annotations

import argparse
import gc
import math
import os
import time
from collections.abc import Callable
from itertools import islice
from pathlib import Path

import igraph as ig
import networkx as nx
import numpy as np

from netgraph import affinity, brokerage, communities
from netgraph.analysis.affinity import group_mixing
from netgraph.recommend.introductions import introductions, introductions_to_make

# shared/data beside the repository, or the folder named by NETGRAPH_SHARED_DATA
SHARED = Path(os.environ.get("NETGRAPH_SHARED_DATA") or Path(__file__).parents[2] / "shared/data")
SNAP = SHARED / "snap"


def best_time(run: Callable[[], object], repeat: int) -> float:
    best = math.inf
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def email_eu_core() -> tuple[nx.DiGraph, dict] | None:
    edges, labels = SNAP / "email-Eu-core.txt", SNAP / "email-Eu-core-department-labels.txt"
    if not (edges.is_file() and labels.is_file()):
        return None
    dept = dict(np.loadtxt(labels, dtype=np.int64).tolist())
    G = nx.DiGraph()
    G.add_nodes_from(dept)
    G.add_edges_from(np.loadtxt(edges, dtype=np.int64).tolist())
    nx.set_node_attributes(G, dept, "dept")
    return G, dept


def two_path_roles(G: nx.DiGraph, dept: dict) -> dict:
    """The peer for brokerage: count open two-paths a -> v -> b by the groups of a, v and b."""
    counts: dict = {}
    for v in G:
        for a in G.predecessors(v):
            for b in G.successors(v):
                if a != b and a != v and b != v and not G.has_edge(a, b):
                    key = (v, dept[a] == dept[v], dept[v] == dept[b], dept[a] == dept[b])
                    counts[key] = counts.get(key, 0) + 1
    return counts


def adamic_adar_top(U: nx.Graph, pairs: list, k: int) -> list:
    scored = nx.adamic_adar_index(U, pairs)
    return sorted(scored, key=lambda t: -t[2])[:k]


def open_two_step_pairs(U: nx.Graph) -> list:
    pairs = set()
    for v in U:
        nbrs = sorted(U[v], key=str)
        for i, a in enumerate(nbrs):
            for b in islice(nbrs, i + 1, None):
                if not U.has_edge(a, b):
                    pairs.add((a, b))
    return list(pairs)


def ego_graph() -> tuple[nx.Graph, dict]:
    """One ego, 50 contacts, 80 people behind each (tests/test_recommend_introductions.py)."""
    rng = np.random.default_rng(1)
    G = nx.Graph()
    for i in range(50):
        G.add_edge("p", f"v{i}", weight=float(rng.uniform(0.1, 0.9)))
        G.add_weighted_edges_from(
            (f"v{i}", f"c{i}_{j}", float(rng.uniform(0.05, 1))) for j in range(80)
        )
    groups = {n: n.split("_")[0] if n.startswith("c") else "home" for n in G}
    return G, groups


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="best of this many runs")
    parser.add_argument("--quick", action="store_true", help="one run, skip the slowest peers")
    args = parser.parse_args()
    repeat = 1 if args.quick else args.repeat

    rows: list[tuple[str, float, str, float | None, float]] = []
    data = email_eu_core()
    if data is None:
        print(f"email-Eu-core: data not found under {SNAP}, skipped (set NETGRAPH_SHARED_DATA)")
    else:
        G, dept = data
        rows.append(
            (
                "brokerage",
                best_time(lambda: brokerage(G, dept), repeat),
                "two-path enumeration",
                best_time(lambda: two_path_roles(G, dept), 1),
                5.0,
            )
        )
        rows.append(
            (
                "affinity",
                best_time(lambda: (affinity(G, "dept"), group_mixing(G, "dept")), repeat),
                "nx assortativity + mixing",
                best_time(
                    lambda: (
                        nx.attribute_assortativity_coefficient(G, "dept"),
                        nx.attribute_mixing_matrix(G, "dept"),
                    ),
                    repeat,
                ),
                1.0,
            )
        )
        U = nx.Graph()
        U.add_weighted_edges_from((u, v, 1 + G.has_edge(v, u)) for u, v in G.edges() if u != v)
        ours = best_time(lambda: communities(G), repeat)
        rows.append(
            (
                "communities",
                ours,
                "nx louvain_communities",
                None
                if args.quick
                else best_time(lambda: nx.community.louvain_communities(U, seed=0), 1),
                5.0,
            )
        )
        H = ig.Graph.from_networkx(U)
        rows.append(
            (
                "communities",
                ours,
                "igraph multilevel (converted)",
                best_time(lambda: H.community_multilevel(weights="weight"), repeat),
                5.0,
            )
        )
        D = nx.DiGraph(G)
        D.remove_edges_from(nx.selfloop_edges(D))
        UD = D.to_undirected()
        rows.append(
            (
                "introductions_to_make",
                best_time(lambda: introductions_to_make(G, None, k=10), repeat),
                "adamic_adar on open pairs",
                None
                if args.quick
                else best_time(lambda: adamic_adar_top(UD, open_two_step_pairs(UD), 10), 1),
                10.0,
            )
        )

    E, groups = ego_graph()
    candidates = [(n, "p") for n in E if n.startswith("c")]
    rows.append(
        (
            "introductions (4k candidates)",
            best_time(lambda: introductions(E, "p", communities=groups), repeat),
            "adamic_adar on candidates",
            best_time(lambda: adamic_adar_top(E, candidates, 10), repeat),
            5.0,
        )
    )

    print(
        f"{'analysis':<30} {'netgraph s':>10} {'peer':<30} {'peer s':>8} {'peer/ng':>8} "
        f"{'budget s':>8}"
    )
    for name, ours, peer, theirs, budget in rows:
        ratio = f"{theirs / ours:8.2f}" if theirs is not None else f"{'-':>8}"
        peer_s = f"{theirs:8.3f}" if theirs is not None else f"{'-':>8}"
        flag = "" if ours <= budget else "  OVER BUDGET"
        print(f"{name:<30} {ours:10.3f} {peer:<30} {peer_s} {ratio} {budget:8.1f}{flag}")


if __name__ == "__main__":
    main()
