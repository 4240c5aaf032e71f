"""Who knows whom on real ego networks: inferred ties and answered questions against the truth.

On each ego of SNAP ego-Facebook (McAuley and Leskovec, NIPS 2012; ``../shared/data/ego-facebook``)
the model of :mod:`netgraph.inference` is re-fitted on the other two egos (leave one ego out) and
scored on the held-out one (issue 11):

* the AUC of the inferred probabilities against the true ties among the contacts, and the
  expected number of ties against the true number;
* Burt's effective size of the ego (``net.structural_holes()``) from the star (what a LinkedIn
  export gives), from ``net.infer_ties()``, after 50 questions of ``net.who_knows_whom(k=50)``
  answered from the truth with ``net.confirm_ties``, and after 50 random pairs of contacts
  answered the same way (mean over five draws), each beside the true effective size.

The goal: median AUC >= 0.80, and chosen questions cutting the error of the effective size at
least twice as much as random ones.

Run: ``.venv/bin/python benchmarks/who_knows_whom.py [folder] [--quick]`` (``--quick``: one
random draw instead of five).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

from netgraph import Network, inference
from netgraph.datasets.ego_facebook import load_ego_facebook

# shared/data beside the repository, or the folder named by NETGRAPH_SHARED_DATA
SHARED = Path(os.environ.get("NETGRAPH_SHARED_DATA") or Path(__file__).parents[2] / "shared/data")
DEFAULT = SHARED / "ego-facebook"
EGOS = (0, 348, 414)
QUESTIONS = 50


def effective_size(net: Network) -> float:
    return float(net.structural_holes().loc[net.ego, "effective_size"])


def answer(pairs: pd.DataFrame, truth: set) -> pd.DataFrame:
    a = np.minimum(pairs["a"].astype(str), pairs["b"].astype(str))
    b = np.maximum(pairs["a"].astype(str), pairs["b"].astype(str))
    knows = [(x, y) in truth for x, y in zip(a, b, strict=True)]
    return pd.DataFrame({"a": a, "b": b, "knows": knows})


def main(folder: Path = DEFAULT, draws: int = 5) -> int:
    if not folder.is_dir():
        print(f"no ego-Facebook data at {folder}; skipped")
        return 0
    loaded = {e: load_ego_facebook(e, folder) for e in EGOS}
    egos = {e: (net.people, net.ego, truth) for e, (net, truth) in loaded.items()}
    print("ego  contacts  true ties  expected ties    AUC   fit s")
    aucs, rows = [], []
    for e in EGOS:
        star, truth = loaded[e]
        start = time.perf_counter()
        coefficients = inference.fit([egos[x] for x in EGOS if x != e])
        fit_seconds = time.perf_counter() - start
        pairs = set(zip(truth["source"], truth["target"], strict=True))
        with inference.fitted(coefficients):
            _, p, y, _ = inference._dense(*egos[e][:2], None, truth)
            aucs.append(inference.auc(y, p))
            n = len(star.people) - 1
            print(
                f"{e:>3}  {n:>8}  {y.sum():>9}  {p.sum():>13.0f}  {aucs[-1]:.3f}  "
                f"{fit_seconds:>5.1f}"
            )
            true_net = Network(star.people, pd.concat([star.stated_ties, truth]), ego=star.ego)
            inferred = star.infer_ties()
            start = time.perf_counter()
            questions = inferred.who_knows_whom(k=QUESTIONS)
            ask_seconds = time.perf_counter() - start
            chosen = inferred.confirm_ties(answer(questions, pairs))
            rng = np.random.default_rng(e)
            ids = star.people.index.drop(star.ego).to_numpy()
            random_sizes = []
            for _ in range(draws):
                drawn = np.array([rng.choice(ids, 2, replace=False) for _ in range(QUESTIONS)])
                asked = pd.DataFrame({"a": drawn[:, 0], "b": drawn[:, 1]})
                random_sizes.append(effective_size(inferred.confirm_ties(answer(asked, pairs))))
            rows.append(
                {
                    "ego": e,
                    "true": effective_size(true_net),
                    "star": effective_size(star),
                    "inferred": effective_size(inferred),
                    "chosen": effective_size(chosen),
                    "random": float(np.mean(random_sizes)),
                    "random_error": float(
                        np.mean([abs(s - effective_size(true_net)) for s in random_sizes])
                    ),
                    "yes": int(answer(questions, pairs)["knows"].sum()),
                    "ask_s": ask_seconds,
                }
            )
    print(f"median AUC {np.median(aucs):.3f} (goal >= 0.80)\n")
    table = pd.DataFrame(rows).set_index("ego")
    print(
        f"effective size of the ego (true, then each estimate and its error); {QUESTIONS} "
        f"questions, random = mean of {draws} draws"
    )
    print("ego    true    star (err)   inferred (err)   chosen (err, yes)   random (err)  ask s")
    cuts_chosen, cuts_random = [], []
    for e, r in table.iterrows():
        err = {k: abs(r[k] - r["true"]) for k in ("star", "inferred", "chosen")}
        cuts_chosen.append(err["inferred"] - err["chosen"])
        cuts_random.append(err["inferred"] - r["random_error"])
        print(
            f"{e:>3}  {r['true']:6.1f}  {r['star']:6.1f} ({err['star']:4.1f})  "
            f"{r['inferred']:6.1f} ({err['inferred']:4.1f})    "
            f"{r['chosen']:6.1f} ({err['chosen']:4.1f}, {int(r['yes']):2d})    "
            f"{r['random']:6.1f} ({r['random_error']:4.1f})  {r['ask_s']:5.2f}"
        )
    mean_chosen, mean_random = np.mean(cuts_chosen), np.mean(cuts_random)
    ratio = mean_chosen / mean_random if mean_random > 0 else float("inf")
    print(
        f"mean cut of the error from infer_ties(): chosen {mean_chosen:.2f}, random "
        f"{mean_random:.2f} (ratio {ratio:.1f}, goal >= 2)"
    )
    return 0


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    sys.exit(main(Path(args[0]) if args else DEFAULT, draws=1 if "--quick" in sys.argv else 5))
