"""Benchmark netgraph's structural holes against networkx and igraph.

Times, on the same graphs:

* netgraph ``structural_holes`` (constraint, effective size, efficiency, hierarchy, degree),
  and its peak traced memory (tracemalloc, a separate run so tracing does not slow the timing);
  also its kernel alone (from edge arrays, i.e. without reading the networkx dicts), which is
  what compares with igraph's time on an already converted graph;
* networkx ``constraint`` (its all-nodes sparse path, the fastest it has);
* networkx ``effective_size``: its all-nodes path builds dense n x n arrays, so it runs only
  where those fit (``--dense-limit``) and its values are wrong for weighted or directed graphs
  (networkx PR #8906); its per-node path is right but slow, so it is timed on a random sample
  of people and scaled to all of them (a lower bound: hubs cost more than the average person);
* igraph's C ``Graph.constraint``, alone and with ``ig.Graph.from_networkx`` conversion.

Graphs: weighted Holme-Kim graphs (``nx.powerlaw_cluster_graph(n, 5, 0.1, seed)``, weights
uniform in (0, 1]) and the real SNAP graphs email-Eu-core (directed, unweighted) and CollegeMsg
(directed, weight = number of messages).

Usage::

    python benchmarks/bench_structural_holes.py                # 10k, 100k, 300k + real graphs
    python benchmarks/bench_structural_holes.py --sizes 10000 100000
    python benchmarks/bench_structural_holes.py --quick        # a smoke test, seconds
"""

from __future__ import annotations

import argparse
import gc
import math
import os
import time
import tracemalloc
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import igraph as ig
import networkx as nx
import numpy as np

from netgraph.analysis import holes as _holes
from netgraph.analysis.holes import structural_holes

# shared/data beside the repository, or the folder named by NETGRAPH_SHARED_DATA
SHARED = Path(os.environ.get("NETGRAPH_SHARED_DATA") or Path(__file__).parents[2] / "shared/data")
SNAP = SHARED / "snap"


def holme_kim(n: int, seed: int) -> nx.Graph:
    """Weighted Holme-Kim graph: 5 edges per new node, triad probability 0.1."""
    G = nx.powerlaw_cluster_graph(n, 5, 0.1, seed=seed)
    rng = np.random.default_rng(seed)
    weights = 1.0 - rng.random(G.number_of_edges())  # in (0, 1]
    for (u, v), w in zip(G.edges(), weights.tolist(), strict=True):
        G[u][v]["weight"] = w
    return G


def email_eu_core() -> nx.DiGraph | None:
    path = SNAP / "email-Eu-core.txt"
    return nx.read_edgelist(path, create_using=nx.DiGraph, nodetype=int) if path.exists() else None


def college_msg() -> nx.DiGraph | None:
    path = SNAP / "CollegeMsg.txt"
    if not path.exists():
        return None
    counts = Counter(tuple(line.split()[:2]) for line in path.read_text().splitlines() if line)
    G = nx.DiGraph()
    G.add_weighted_edges_from((u, v, float(c)) for (u, v), c in counts.items())
    return G


def best_time(run: Callable[[], object], repeat: int) -> tuple[float, object]:
    best, result = math.inf, None
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - start)
    return best, result


def peak_memory(run: Callable[[], object]) -> float:
    """Peak bytes allocated (Python and NumPy) during `run`, in MiB."""
    gc.collect()
    tracemalloc.start()
    try:
        run()
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def bench(name: str, G: nx.Graph, weight: str | None, args: argparse.Namespace) -> dict:
    n, m = G.number_of_nodes(), G.number_of_edges()
    row: dict = {"graph": name, "nodes": n, "edges": m}
    loopless = G.copy()
    loopless.remove_edges_from(list(nx.selfloop_edges(loopless)))  # netgraph ignores them

    row["netgraph"], holes = best_time(lambda: structural_holes(G, weight=weight), args.repeat)
    row["peak_mib"] = peak_memory(lambda: structural_holes(G, weight=weight))
    # the kernel alone, from edge arrays (private helpers: this splits reading from computing)
    index = _holes._node_index(G)
    u, v, a = _holes._graph_arcs(G, index, weight, None)
    unique = not (G.is_directed() or G.is_multigraph())
    row["kernel"], _ = best_time(
        lambda: _holes._Ties(n, u, v, a, unique=unique).measures(), args.repeat
    )

    row["igraph_convert"], g = best_time(lambda: ig.Graph.from_networkx(loopless), 1)
    row["igraph"], ig_c = best_time(lambda: g.constraint(weights=weight), args.repeat)
    by_name = dict(zip(g.vs["_nx_name"], ig_c, strict=True))
    ig_c = np.array([by_name[v] for v in G])
    row["diff_igraph"] = float(np.nanmax(np.abs(holes["constraint"].to_numpy() - ig_c)))

    if n <= args.nx_limit:
        row["nx_constraint"], nx_c = best_time(lambda: nx.constraint(loopless, weight=weight), 1)
        nx_c = np.array([nx_c[v] for v in G])
        row["diff_nx"] = float(np.nanmax(np.abs(holes["constraint"].to_numpy() - nx_c)))
    # effective size: the dense all-nodes path where it fits, and the per-node path sampled
    if n <= args.dense_limit:
        row["nx_esize_dense"], _ = best_time(lambda: nx.effective_size(loopless, weight=weight), 1)
    rng = np.random.default_rng(args.seed)
    people = list(loopless)
    sample = [people[i] for i in rng.choice(n, min(n, args.sample), replace=False)]
    done, start = 0, time.perf_counter()
    for person in sample:  # stop early once the time budget is spent
        nx.effective_size(loopless, nodes=[person], weight=weight)
        done += 1
        if time.perf_counter() - start > args.budget:
            break
    row["nx_esize_per_node"] = (time.perf_counter() - start) / done * n
    row["per_node_sampled"] = done
    return row


def report(rows: list[dict]) -> None:
    def fmt(value: float | None, spec: str = ".3f") -> str:
        return "-" if value is None else format(value, spec)

    head = (
        f"{'graph':<15}{'nodes':>8}{'edges':>8}{'netgraph':>10}{'kernel':>8}{'peak MiB':>9}"
        f"{'igraph':>8}{'ig+conv':>9}{'nx constr':>10}{'nx esize':>10}{'nx/ng':>8}"
        f"{'ig/ng':>7}{'ig/kern':>8}{'max|diff|':>10}"
    )
    print(head)
    print("-" * len(head))
    for r in rows:
        dense, per_node = r.get("nx_esize_dense"), r["nx_esize_per_node"]
        esize, text = (
            (dense, f"{dense:.3f}d") if dense is not None else (per_node, f"~{per_node:.0f}p")
        )
        nx_total = r["nx_constraint"] + esize if "nx_constraint" in r else None
        ratio = None if nx_total is None else nx_total / r["netgraph"]
        diff = max(r["diff_igraph"], r.get("diff_nx", 0.0))
        print(
            f"{r['graph']:<15}{r['nodes']:>8}{r['edges']:>8}{r['netgraph']:>10.3f}"
            f"{r['kernel']:>8.3f}{r['peak_mib']:>9.0f}{r['igraph']:>8.3f}"
            f"{r['igraph'] + r['igraph_convert']:>9.3f}{fmt(r.get('nx_constraint')):>10}{text:>10}"
            f"{fmt(ratio, '.0f') + 'x':>8}{r['igraph'] / r['netgraph']:>6.2f}x"
            f"{r['igraph'] / r['kernel']:>7.2f}x{diff:>10.1e}"
        )
    print(
        "\nTimes in seconds (best of --repeat; networkx once). netgraph = structural_holes from "
        "the networkx graph, all four measures;\nkernel = the same from edge arrays; igraph = "
        "Graph.constraint alone on a converted graph; ig+conv = with ig.Graph.from_networkx.\n"
        "nx esize: 'd' = networkx's all-nodes dense path (wrong for weighted/directed graphs, "
        "PR #8906; skipped above --dense-limit nodes: n x n arrays);\n"
        "          '~p' = its per-node path timed on a random sample, scaled to all nodes "
        "(a lower bound).\n"
        "nx/ng = (nx constraint + nx esize) / netgraph; ig/ng = igraph / netgraph; "
        "ig/kern = igraph / kernel (above 1: netgraph faster).\n"
        "max|diff| = largest constraint difference to igraph and networkx."
    )
    for r in rows:
        print(f"  {r['graph']}: per-node effective size sampled on {r['per_node_sampled']} people")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 300_000])
    parser.add_argument("--quick", action="store_true", help="sizes 2000 only, one repeat")
    parser.add_argument("--repeat", type=int, default=3, help="best of this many runs")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--dense-limit", type=int, default=12_000, help="max n for dense nx path")
    parser.add_argument("--nx-limit", type=int, default=300_000, help="max n for nx.constraint")
    parser.add_argument("--sample", type=int, default=200, help="people for nx per-node path")
    parser.add_argument("--budget", type=float, default=20.0, help="seconds for that sample")
    parser.add_argument("--no-real", action="store_true", help="skip the SNAP graphs")
    args = parser.parse_args()
    if args.quick:
        args.sizes, args.repeat, args.budget = [2_000], 1, 2.0

    rows = []
    if not args.no_real:
        for name, load, weight in (
            ("email-Eu-core", email_eu_core, None),
            ("CollegeMsg", college_msg, "weight"),
        ):
            G = load()
            if G is None:
                print(f"{name}: data not found under {SNAP}, skipped")
                continue
            rows.append(bench(name, G, weight, args))
    for n in args.sizes:
        start = time.perf_counter()
        G = holme_kim(n, args.seed)
        print(f"built Holme-Kim n={n} in {time.perf_counter() - start:.1f} s")
        rows.append(bench(f"holme-kim {n // 1000}k", G, "weight", args))
    report(rows)


if __name__ == "__main__":
    main()
