"""Who knows whom on real ego networks: inferred ties against the truth (issue 11).

On each ego of SNAP ego-Facebook (McAuley and Leskovec, NIPS 2012; ``../shared/data/ego-facebook``)
the model of :mod:`netgraph.inference` is re-fitted on the other two egos (leave one ego out) and
scored on the held-out one: the AUC of the inferred probabilities against the true ties among the
contacts, and the expected number of ties against the true number.

Run: ``.venv/bin/python benchmarks/who_knows_whom.py [folder]``
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

from netgraph import inference
from netgraph.datasets.ego_facebook import load_ego_facebook

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "ego-facebook"
EGOS = (0, 348, 414)


def main(folder: Path = DEFAULT) -> int:
    if not folder.is_dir():
        print(f"no ego-Facebook data at {folder}; skipped")
        return 0
    loaded = {e: load_ego_facebook(e, folder) for e in EGOS}
    egos = {e: (net.people, net.ego, truth) for e, (net, truth) in loaded.items()}
    print("ego  contacts  true ties  expected ties  AUC (leave one ego out)  fit s")
    aucs = []
    for e in EGOS:
        start = time.perf_counter()
        coefficients = inference.fit([egos[x] for x in EGOS if x != e])
        seconds = time.perf_counter() - start
        with inference.fitted(coefficients):
            _, p, y, _ = inference._dense(*egos[e][:2], None, egos[e][2])
        aucs.append(inference.auc(y, p))
        n = len(egos[e][0]) - 1
        print(f"{e:>3}  {n:>8}  {y.sum():>9}  {p.sum():>13.0f}  {aucs[-1]:>23.3f}  {seconds:>5.1f}")
    print(f"median AUC {np.median(aucs):.3f} (goal >= 0.80)")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT))
