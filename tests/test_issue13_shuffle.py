"""Issue 13's results do not depend on the order of the rows (the property of issue 14.10)."""

import warnings

import pandas as pd
import pytest

import netgraph
from netgraph import Network


def shuffled(net: Network, seed: int) -> Network:
    people = net.people.sample(frac=1, random_state=seed).reset_index()
    ties = net.stated_ties.drop(columns="weight").sample(frac=1, random_state=seed + 1)
    interactions = net.interactions.sample(frac=1, random_state=seed + 2)
    return Network.from_frames(people, ties, interactions, ego=net.ego)


def results(net: Network) -> dict[str, pd.DataFrame]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", netgraph.NetgraphWarning)
        out = {f"brief.{k}": v for k, v in net.brief("catherine-blake").parts.items()}
        out.update({f"goal.{k}": v for k, v in net.goal(company="Tessellate AI").parts.items()})
        out.update({f"roles.{k}": v for k, v in net.roles(company="Helix Health").parts.items()})
        out["groups"] = net.groups()
        out["groups_to_join"] = net.groups_to_join(k=5)
        out["thanks_owed"] = net.thanks_owed()
    return out


@pytest.fixture(scope="module")
def reference():
    return results(netgraph.sample())


@pytest.mark.parametrize("seed", [1, 2])
def test_shuffled_rows_give_the_same_results(reference, seed):
    again = results(shuffled(netgraph.sample(), seed))
    for name, frame in reference.items():
        other = again[name]
        pd.testing.assert_frame_equal(
            frame.reset_index(drop=True),
            other.reset_index(drop=True),
            check_dtype=False,
            obj=name,
        )
