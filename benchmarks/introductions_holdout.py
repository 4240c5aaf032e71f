"""Temporal hold-out of netgraph's introductions on SNAP CollegeMsg, next to link predictors.

The graph is built from the first 70% of the messages by time (undirected; tie strength from
:func:`netgraph.tie_strength` over the messages). For every person with at least five contacts
(all 804 of them by default; ``--egos N`` takes a seeded sample of N) each method recommends
``k`` people two steps away; a hit is a recommended pair that exchanges a message in the last
30% of the log. The truth for an ego is every person of the training graph she first messages
(or hears from) in the hold-out period.

Methods: :func:`netgraph.recommend.introductions.introductions` (with and without its caps on
one connector and on one community), networkx's ``adamic_adar_index``, ``jaccard_coefficient``,
``resource_allocation_index``, common neighbours (counted), and a seeded random pick among the
same two-step candidates. Each method also reports the mean change in the ego's effective size
(Burt [2]_) from its picks, computed exactly with the tie in place. netgraph's introductions
optimise for opening the network (Burt [2]_, Granovetter [3]_) with connectors weighed by the
inverted U of Rajkumar et al. [1]_, not for predicting the next message: the table shows what
that costs in precision and what it buys in effective size.

Run: ``.venv/bin/python benchmarks/introductions_holdout.py [--egos 0] [--seed 0]``. All egos
take 5 to 8 minutes on two shared cores, ``--egos 200`` 1 to 2 minutes.

References
----------
.. [1] Rajkumar, Karthik, et al. "A Causal Test of the Strength of Weak Ties." *Science* 377,
   no. 6612 (2022): 1304-1310.
.. [2] Burt, Ronald S. *Structural Holes: The Social Structure of Competition.* Cambridge, MA:
   Harvard University Press, 1992.
.. [3] Granovetter, Mark S. "The Strength of Weak Ties." *American Journal of Sociology* 78,
   no. 6 (1973): 1360-1380.
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable, Hashable
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd

from netgraph.analysis.communities import communities
from netgraph.analysis.holes import ego_structural_holes
from netgraph.recommend.introductions import introductions
from netgraph.strength import tie_strength

# shared/data beside the repository, or the folder named by NETGRAPH_SHARED_DATA
SHARED = Path(os.environ.get("NETGRAPH_SHARED_DATA") or Path(__file__).parents[2] / "shared/data")
DATA = SHARED / "snap" / "CollegeMsg.txt"


def load(path: Path) -> pd.DataFrame:
    log = pd.read_csv(path, sep=r"\s+", names=["source", "target", "ts"], dtype=str)
    log["ts"] = log["ts"].astype(np.int64)
    log = log[log["source"] != log["target"]].sort_values("ts", kind="stable")
    log["date"] = pd.to_datetime(log["ts"], unit="s")
    return log.reset_index(drop=True)


def train_graph(train: pd.DataFrame) -> nx.Graph:
    ties = tie_strength(None, train[["source", "target", "date"]])
    G = nx.Graph()
    G.add_weighted_edges_from(
        zip(
            ties.index.get_level_values(0),
            ties.index.get_level_values(1),
            ties["strength"].to_numpy(float),
            strict=True,
        )
    )
    return G


def two_step(G: nx.Graph, ego: Hashable) -> list:
    near = set(G[ego])
    return sorted({c for v in near for c in G[v]} - near - {ego})


def top_k(scores: dict, k: int) -> list:
    return [c for c, _ in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:k]]


def predictor(fn: Callable) -> Callable:
    def pick(G: nx.Graph, ego: Hashable, candidates: list, k: int) -> list:
        return top_k({v: s for _, v, s in fn(G, [(ego, c) for c in candidates])}, k)

    return pick


def common_neighbours(G: nx.Graph, ego: Hashable, candidates: list, k: int) -> list:
    near = set(G[ego])
    return top_k({c: len(near & set(G[c])) for c in candidates}, k)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--egos", type=int, default=0, help="egos sampled (default 0: all)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--k", type=int, default=10)
    args = parser.parse_args()
    if not DATA.exists():
        raise SystemExit(f"{DATA} is missing: put SNAP's CollegeMsg.txt there.")
    start = time.perf_counter()
    log = load(DATA)
    cut = int(0.7 * len(log))
    train, test = log.iloc[:cut], log.iloc[cut:]
    G = train_graph(train)
    groups = communities(G, seed=0)["community"]

    eligible = sorted(n for n in G if G.degree(n) >= 5)
    rng = np.random.default_rng(args.seed)
    egos = eligible
    if args.egos and len(eligible) > args.egos:
        egos = sorted(rng.choice(eligible, size=args.egos, replace=False).tolist())
    ego_set = set(egos)
    truth: dict[Hashable, set] = {e: set() for e in egos}
    for u, v in zip(test["source"], test["target"], strict=True):
        if u in G and v in G and not G.has_edge(u, v):
            if u in ego_set:
                truth[u].add(v)
            if v in ego_set:
                truth[v].add(u)

    methods: dict[str, Callable] = {
        "netgraph introductions": lambda G, e, c, k: list(
            introductions(G, e, k=k, communities=groups)["person"]
        ),
        "netgraph, no connector cap": lambda G, e, c, k: list(
            introductions(G, e, k=k, communities=groups, max_per_connector=k)["person"]
        ),
        "netgraph, no community cap": lambda G, e, c, k: list(
            introductions(G, e, k=k, communities=groups, max_per_community=k)["person"]
        ),
        "adamic_adar_index": predictor(nx.adamic_adar_index),
        "jaccard_coefficient": predictor(nx.jaccard_coefficient),
        "resource_allocation_index": predictor(nx.resource_allocation_index),
        "common neighbours": common_neighbours,
    }
    picks: dict[str, dict] = {name: {} for name in [*methods, "random two-step"]}
    timing: dict[str, float] = dict.fromkeys(picks, 0.0)
    random_pick = np.random.default_rng(args.seed + 1)
    reachable = 0
    for ego in egos:
        candidates = two_step(G, ego)
        reachable += len(truth[ego] & set(candidates))
        for name, method in methods.items():
            t0 = time.perf_counter()
            picks[name][ego] = method(G, ego, candidates, args.k)
            timing[name] += time.perf_counter() - t0
        size = min(args.k, len(candidates))
        picks["random two-step"][ego] = (
            random_pick.choice(candidates, size=size, replace=False).tolist() if size else []
        )

    cache: dict[tuple, float] = {}

    def gain(ego: Hashable, c: Hashable) -> float:
        if (ego, c) not in cache:
            own = [d["weight"] for _, _, d in G.edges(ego, data=True)]
            w_new = float(np.quantile(own, 0.25))
            base = ego_structural_holes(G, ego)["effective_size"]
            after = ego_structural_holes(G, ego, add=[(ego, c, w_new)])["effective_size"]
            cache[(ego, c)] = float(after - base)
        return cache[(ego, c)]

    n_truth = sum(len(t) for t in truth.values())
    rows = []
    for name, chosen in picks.items():
        hits = sum(len(set(chosen[e]) & truth[e]) for e in egos)
        shown = sum(len(chosen[e]) for e in egos)
        gains = [gain(e, c) for e in egos for c in chosen[e]]
        rows.append(
            {
                "method": name,
                f"precision@{args.k}": hits / shown if shown else np.nan,
                f"recall@{args.k}": hits / n_truth if n_truth else np.nan,
                "hits": hits,
                "recommended": shown,
                "mean gain in effective size": float(np.mean(gains)) if gains else np.nan,
                "seconds": timing[name],
            }
        )
    table = pd.DataFrame(rows).set_index("method")
    print(
        f"CollegeMsg: {len(log):,} messages; training graph (first 70%) has "
        f"{G.number_of_nodes():,} people and {G.number_of_edges():,} ties; "
        f"{len(eligible)} people have >= 5 contacts, {len(egos)} sampled (seed {args.seed})."
    )
    print(
        f"Truth: {n_truth} new pairs involving them in the last 30%, {reachable} "
        f"({reachable / max(n_truth, 1):.1%}) of them two steps away in training."
    )
    with pd.option_context("display.width", 120, "display.float_format", "{:.4f}".format):
        print(table.to_string())
    print(f"Total {time.perf_counter() - start:.0f} s.")


if __name__ == "__main__":
    main()
