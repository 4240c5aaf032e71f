"""Benchmark a whole organisation's e-mail log, stage by stage: time and peak memory.

Builds a synthetic log of ``--interactions`` dated interactions among ``--people`` people
(default 10,000,000 among 100,000) and times each stage of the pipeline separately:

=================  ==========================================================================
``generate``       the synthetic frames (numpy; not counted in the total)
``from_frames``    :meth:`netgraph.Network.from_frames`: validating the people and the log
``ties``           ``net.ties``: tie-strength aggregation, one row per related pair
``graph``          ``net.graph``: the networkx graph with edge attributes
``undirected``     ``net.undirected``: the undirected view (directed logs only)
``holes``          ``net.structural_holes()``: Burt's measures for everyone
``communities``    ``net.communities()``: seeded Leiden on tie strength (igraph)
=================  ==========================================================================

For each stage it reports the wall time, the process's resident memory (RSS) after the stage,
the peak RSS during the stage (sampled every 20 ms by a thread) and the growth the stage
left behind (RSS rarely shrinks when Python frees memory, so a stage can reuse what an
earlier one freed and show little growth). ``--tracemalloc`` adds each stage's peak of
Python-traced allocations, which counts what the stage itself held (slower: tracing costs
1.5-3x). The run stops cleanly (reporting the stages done) when the RSS passes
``--memory-limit`` (default 8 GiB), so it is safe on a shared machine.

The log looks like an organisation's: people sit in groups of about 50 (``--group-size``);
each has a heavy-tailed (log-normal) number of regular contacts, 80% inside the group, and a
heavy-tailed (Pareto) activity; each interaction picks its sender by activity and a target
among the sender's contacts, favouring the first ones (a Zipf-like preference); dates are
spread over two years with working-hour timestamps, and channels and kinds (give, ask,
meeting, message) are drawn with fixed shares. The seed is fixed.

Usage::

    python benchmarks/bench_scale.py --interactions 1000000 --people 100000
    python benchmarks/bench_scale.py                       # 10M interactions, 100k people
    python benchmarks/bench_scale.py --undirected --stages from_frames ties graph
    python benchmarks/bench_scale.py --quick               # 50k among 2k: a smoke test
"""

from __future__ import annotations

import _thread
import argparse
import gc
import json
import os
import resource
import sys
import threading
import time
import tracemalloc
import warnings
from collections.abc import Callable
from dataclasses import asdict, dataclass, field

import numpy as np
import pandas as pd

import netgraph
from netgraph import Network

STAGES = ["from_frames", "ties", "graph", "undirected", "holes", "communities"]
#: The stage each stage builds on.
NEEDS = {
    "from_frames": None,
    "ties": "from_frames",
    "graph": "ties",
    "undirected": "graph",
    "holes": "graph",
    "communities": "undirected",
}
GIB = 1 << 30
_PAGE = os.sysconf("SC_PAGE_SIZE")


# --------------------------------------------------------------------------- synthetic log


def synthetic_log(
    n_interactions: int,
    n_people: int,
    *,
    group_size: int = 50,
    inside: float = 0.8,
    mean_contacts: float = 25.0,
    seed: int = 0,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Make a people table and a clustered, heavy-tailed interaction log.

    Parameters
    ----------
    n_interactions : int
        Rows of the log (before the few self-addressed draws are dropped).
    n_people : int
        People, ids ``"u000000"``, ``"u000001"``, ...
    group_size : int, default 50
        People per group (the ``department`` attribute).
    inside : float, default 0.8
        Share of each person's contacts drawn from her own group.
    mean_contacts : float, default 25
        Mean number of regular contacts per person (log-normal, at least 2, at most 1,000).
    seed : int, default 0
        Seed of the generator.

    Returns
    -------
    people, interactions : pandas.DataFrame
        ``people`` has ``id`` and ``department``; ``interactions`` has ``source``,
        ``target``, ``date`` (datetime64), ``channel`` and ``kind``.
    """
    rng = np.random.default_rng(seed)
    person = np.arange(n_people)
    group = person // group_size
    n_groups = int(group[-1]) + 1

    # activity (how much one writes) and popularity (how often one is picked from outside)
    activity = rng.pareto(1.5, n_people) + 1.0
    popularity = rng.pareto(1.5, n_people) + 1.0
    popular_cdf = np.cumsum(popularity) / popularity.sum()

    # each person's regular contacts, as a CSR array: first the group, then the outside
    sigma = 0.8
    contacts = rng.lognormal(np.log(mean_contacts) - sigma**2 / 2, sigma, n_people)
    contacts = np.clip(np.rint(contacts), 2, 1000).astype(np.int64)
    indptr = np.concatenate(([0], np.cumsum(contacts)))
    owner = np.repeat(person, contacts)
    same_group = rng.random(len(owner)) < inside
    start = group[owner] * group_size
    size = np.minimum(group_size, n_people - start)
    pool = np.where(
        same_group,
        start + rng.integers(0, 1 << 30, len(owner)) % size,
        np.searchsorted(popular_cdf, rng.random(len(owner)), side="right"),
    )
    pool = np.minimum(pool, n_people - 1)

    # interactions: sender by activity, target among the sender's contacts (early ones first)
    active_cdf = np.cumsum(activity) / activity.sum()
    sender = np.searchsorted(active_cdf, rng.random(n_interactions), side="right")
    sender = np.minimum(sender, n_people - 1)
    pick = (contacts[sender] * rng.random(n_interactions) ** 2).astype(np.int64)
    target = pool[indptr[sender] + pick]
    keep = sender != target
    sender, target = sender[keep], target[keep]
    m = len(sender)

    # two years of working days and hours
    day = rng.integers(0, 730, m)
    day += np.where(day % 7 >= 5, -2, 0)  # weekends move to Thursday and Friday
    seconds = (8 * 3600 + rng.integers(0, 10 * 3600, m)).astype("timedelta64[s]")
    date = np.datetime64("2023-01-02") + day.astype("timedelta64[D]") + seconds
    order = np.argsort(date, kind="stable")

    ids = np.array([f"u{i:06d}" for i in range(n_people)], dtype=object)
    channels = np.array(["email", "meeting", "call", "message"], dtype=object)
    kinds = np.array(["message", "meeting", "give", "ask"], dtype=object)
    channel = channels[rng.choice(4, m, p=[0.7, 0.15, 0.1, 0.05])]
    kind = np.where(
        channel == "meeting", "meeting", kinds[rng.choice(4, m, p=[0.88, 0, 0.07, 0.05])]
    )
    interactions = pd.DataFrame(
        {
            "source": pd.array(ids[sender[order]], dtype="str"),
            "target": pd.array(ids[target[order]], dtype="str"),
            "date": date[order].astype("datetime64[ns]"),
            "channel": pd.array(channel[order], dtype="str"),
            "kind": pd.array(kind[order], dtype="str"),
        }
    )
    people = pd.DataFrame(
        {
            "id": pd.array(ids, dtype="str"),
            "department": pd.array([f"d{g:04d}" for g in group], dtype="str"),
        }
    )
    assert n_groups == people["department"].nunique()
    return people, interactions


# --------------------------------------------------------------------------- measuring


def rss() -> int:
    """Resident memory of this process now, in bytes."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * _PAGE


def max_rss() -> int:
    """Peak resident memory of this process so far, in bytes (ru_maxrss is in KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


class MemoryWatch:
    """Sample RSS in a thread: the peak since ``reset``, and a stop when over the limit."""

    def __init__(self, limit: int, every: float = 0.02) -> None:
        self.limit, self.every = limit, every
        self.peak = rss()
        self.over = False
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def reset(self) -> None:
        self.peak = rss()

    def _run(self) -> None:
        while not self._stop.wait(self.every):
            now = rss()
            self.peak = max(self.peak, now)
            if now > self.limit and not self.over:
                self.over = True
                _thread.interrupt_main()  # a KeyboardInterrupt in the stage being timed

    def close(self) -> None:
        self._stop.set()
        self._thread.join()


@dataclass
class Stage:
    name: str
    seconds: float = float("nan")
    rss_after: int = 0
    peak_rss: int = 0
    growth: int = 0
    traced_peak: int | None = None
    note: str = ""
    extra: dict = field(default_factory=dict)


def run_stage(
    name: str, work: Callable[[], object], watch: MemoryWatch, *, trace: bool
) -> tuple[Stage, object]:
    """Time one stage; measure its memory; turn a memory stop into a note."""
    gc.collect()
    before = rss()
    watch.reset()
    if trace:
        tracemalloc.start()
    stage = Stage(name)
    result = None
    start = time.perf_counter()
    try:
        result = work()
    except KeyboardInterrupt:
        if not watch.over:
            raise
        stage.note = f"stopped: RSS passed {watch.limit / GIB:.1f} GiB"
    except MemoryError:
        stage.note = "MemoryError"
    stage.seconds = time.perf_counter() - start
    if trace:
        stage.traced_peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    stage.rss_after = rss()
    stage.peak_rss = max(watch.peak, stage.rss_after)
    stage.growth = stage.rss_after - before
    return stage, result


def _gib(n: int | None) -> str:
    return "" if n is None else f"{n / GIB:.2f}"


def table(stages: list[Stage], *, trace: bool) -> str:
    head = ["stage", "seconds", "RSS after GiB", "peak RSS GiB", "growth GiB"]
    if trace:
        head.append("traced peak GiB")
    head.append("notes")
    rows = []
    for s in stages:
        row = [s.name, f"{s.seconds:.1f}", _gib(s.rss_after), _gib(s.peak_rss), _gib(s.growth)]
        if trace:
            row.append(_gib(s.traced_peak))
        row.append(s.note)
        rows.append(row)
    widths = [max(len(str(r[i])) for r in [head, *rows]) for i in range(len(head))]
    lines = ["  ".join(str(c).ljust(w) for c, w in zip(head, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(str(c).ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    return "\n".join(lines)


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--interactions", type=int, default=10_000_000)
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--group-size", type=int, default=50)
    parser.add_argument("--contacts", type=float, default=25.0, help="mean regular contacts")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--undirected", action="store_true", help="an undirected network")
    parser.add_argument("--stages", nargs="+", choices=STAGES, default=STAGES)
    parser.add_argument("--memory-limit", type=float, default=8.0, help="GiB (default 8)")
    parser.add_argument("--tracemalloc", action="store_true", help="trace Python allocations")
    parser.add_argument("--json", help="also write the results to this JSON file")
    parser.add_argument("--quick", action="store_true", help="50,000 among 2,000: a smoke test")
    args = parser.parse_args(argv)
    if args.quick:
        args.interactions, args.people = 50_000, 2_000
    directed = not args.undirected
    warnings.simplefilter("ignore", netgraph.NetgraphWarning)

    print(
        f"netgraph {netgraph.__version__}, pandas {pd.__version__}, numpy {np.__version__}, "
        f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs"
    )
    watch = MemoryWatch(int(args.memory_limit * GIB))
    stages: list[Stage] = []
    frames: tuple[pd.DataFrame, pd.DataFrame] | None = None

    def generate():
        nonlocal frames
        frames = synthetic_log(
            args.interactions,
            args.people,
            group_size=args.group_size,
            mean_contacts=args.contacts,
            seed=args.seed,
        )

    stage, _ = run_stage("generate", generate, watch, trace=False)
    stage.note = "not counted"
    stages.append(stage)
    people, log = frames
    print(
        f"{len(people):,} people, {len(log):,} interactions, "
        f"{'directed' if directed else 'undirected'}; generated in {stage.seconds:.1f} s"
    )

    net: Network | None = None

    def build():
        nonlocal net
        net = Network.from_frames(people, None, log, directed=directed)

    work = {
        "from_frames": build,
        "ties": lambda: net.ties,
        "graph": lambda: net.graph,
        "undirected": lambda: net.undirected,
        "holes": lambda: net.structural_holes(),
        "communities": lambda: net.communities(),
    }
    # a stage needs the ones it builds on: they run (and are timed) too
    needed = set()
    for name in args.stages:
        while name is not None and name not in needed:
            needed.add(name)
            name = NEEDS[name]
    wanted = [s for s in STAGES if s in needed and (directed or s != "undirected")]
    for name in wanted:
        stage, result = run_stage(name, work[name], watch, trace=args.tracemalloc)
        if name == "ties" and result is not None:
            stage.extra["ties"] = len(result)
        if name == "graph" and result is not None:
            stage.extra["edges"] = result.number_of_edges()
        if name == "communities" and result is not None:
            stage.extra["communities"] = result.attrs["communities"]
            stage.extra["modularity"] = round(result.attrs["modularity"], 4)
        if name not in args.stages:
            stage.note = "needed by a later stage"
        if stage.extra and not stage.note:
            stage.note = ", ".join(f"{k} {v:,}" for k, v in stage.extra.items())
        stages.append(stage)
        print(
            f"  {name}: {stage.seconds:.1f} s, peak RSS {stage.peak_rss / GIB:.2f} GiB {stage.note}"
        )
        sys.stdout.flush()
        if stage.note.startswith(("stopped", "MemoryError")):
            break
        if name == "from_frames":
            del people, log  # the network holds its own validated copies
            frames = None
    watch.close()

    counted = [s for s in stages if s.name != "generate"]
    total = Stage(
        "total",
        seconds=sum(s.seconds for s in counted),
        rss_after=rss(),
        peak_rss=max_rss(),
        note="peak = ru_maxrss (generation included)",
    )
    print()
    print(table([*stages, total], trace=args.tracemalloc))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(
                {"args": vars(args), "stages": [asdict(s) for s in [*stages, total]]}, f, indent=1
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
