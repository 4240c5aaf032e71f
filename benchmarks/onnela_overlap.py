"""Onnela et al.'s weak-ties test on real data: does the overlap of a tie rise with its strength?

Onnela et al. (PNAS 104(18): 7332-7336, 2007) found in a mobile-phone network that the overlap
of a tie (the share of its ends' contacts they have in common) rises with the tie's strength, as
Granovetter (1973) predicted: strong ties sit inside dense circles, weak ties bridge them.

This script repeats the test on SNAP's CollegeMsg data (private messages on a University of
California, Irvine online community, 2004; Panzarasa, Opsahl and Carley, JASIST 60(5), 2009):
a tie joins two people who exchanged at least one message, its strength is the number of
messages they exchanged in both directions. Ties are binned by strength decile (equal strengths
stay in one bin, so bins merge where many ties share a strength, as Onnela's cumulative
percentile P_cum(w) does) and the mean overlap of each bin is printed.

Run: ``.venv/bin/python benchmarks/onnela_overlap.py [path/to/CollegeMsg.txt]``
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
from scipy.stats import spearmanr

from netgraph.analysis.ties import weak_ties

# shared/data beside the repository, or the folder named by NETGRAPH_SHARED_DATA
SHARED = Path(os.environ.get("NETGRAPH_SHARED_DATA") or Path(__file__).parents[2] / "shared/data")
DEFAULT = SHARED / "snap" / "CollegeMsg.txt"


def college_graph(path: Path) -> nx.Graph:
    """Build the undirected message graph; a tie's weight is the number of messages exchanged."""
    msgs = pd.read_csv(path, sep=" ", header=None, names=["sender", "receiver", "ts"])
    msgs = msgs[msgs["sender"] != msgs["receiver"]]
    a = np.minimum(msgs["sender"], msgs["receiver"]).rename("a")
    b = np.maximum(msgs["sender"], msgs["receiver"]).rename("b")
    counts = pd.concat([a, b], axis=1).groupby(["a", "b"]).size()
    G = nx.Graph()
    G.add_weighted_edges_from((u, v, int(w)) for (u, v), w in counts.items())
    return G


def binned(df: pd.DataFrame, *, bins: int = 10) -> pd.DataFrame:
    """Return mean overlap per strength bin, with each bin's cumulative percentile.

    A strength value w goes to bin ceil(bins * P_cum(w)), P_cum(w) being the share of ties with
    strength <= w: the bins are quantiles that never split ties of equal strength.
    """
    strength = df["strength"]
    p_cum = strength.value_counts().sort_index().cumsum() / len(df)
    bin_of = strength.map(np.ceil(bins * p_cum - 1e-9).astype(int))
    table = df.groupby(bin_of, observed=True).agg(
        ties=("overlap", "size"),
        min_strength=("strength", "min"),
        max_strength=("strength", "max"),
        mean_overlap=("overlap", "mean"),
        mean_embeddedness=("embeddedness", "mean"),
        local_bridges=("local_bridge", "mean"),
    )
    table.insert(1, "cum_percentile", 100 * table["ties"].cumsum() / len(df))
    table.index = [
        f"{int(lo)}" if lo == hi else f"{int(lo)}-{int(hi)}"
        for lo, hi in zip(table["min_strength"], table["max_strength"], strict=True)
    ]
    table.index.name = "strength"
    return table.drop(columns=["min_strength", "max_strength"])


def main(path: Path = DEFAULT) -> None:
    if not path.exists():
        sys.exit(f"{path} not found: pass the path to SNAP's CollegeMsg.txt")
    G = college_graph(path)
    start = time.perf_counter()
    df = weak_ties(G)
    seconds = time.perf_counter() - start
    print(
        f"CollegeMsg: {G.number_of_nodes():,} people, {len(df):,} ties, "
        f"{int(df['strength'].sum()):,} messages; weak_ties took {seconds:.2f} s\n"
    )
    with pd.option_context("display.float_format", "{:.4f}".format, "display.width", 100):
        print(binned(df).to_string(formatters={"cum_percentile": "{:.1f}".format}))

    rho, p = spearmanr(df["strength"], df["overlap"])
    low, high = df["strength"].quantile([0.1, 0.9])
    bottom = df.loc[df["strength"] <= low, "overlap"]
    top = df.loc[df["strength"] >= high, "overlap"]
    print(f"\nSpearman rank correlation of strength and overlap: rho = {rho:.4f} (p = {p:.1e})")
    print(
        f"bottom decile (strength <= {low:g}): {len(bottom):,} ties, mean overlap "
        f"{bottom.mean():.4f}\ntop decile    (strength >= {high:g}): {len(top):,} ties, "
        f"mean overlap {top.mean():.4f} ({top.mean() / bottom.mean():.2f}x)"
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)
