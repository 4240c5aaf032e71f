"""net.thanks_owed(): favours never followed by a thanks (issue 13.5), hand-worked."""

import pandas as pd

import netgraph
from netgraph import Network
from netgraph.recommend import thanks_owed


def log() -> pd.DataFrame:
    rows = [
        ("ann", "me", "2024-01-02", "give", "lent me her slides"),
        ("me", "ann", "2024-01-05", "thanks", None),  # covers the give before it
        ("ann", "me", "2024-02-01", "give", None),  # a later give: owed again
        ("bob", "me", "2024-01-10", "Introduction", "to Cy at Acme"),
        ("me", "bob", "2024-01-01", "thanks", None),  # before the favour: does not count
        ("me", "cy", "2024-01-20", "meeting", None),
        ("cy", "me", "2024-01-21", "ask", None),  # an ask is no favour
        ("dan", "eve", "2024-01-03", "give", None),  # not to me
    ]
    frame = pd.DataFrame(rows, columns=["source", "target", "date", "kind", "note"])
    frame["via"] = [None, None, None, None, None, "dee", None, None]
    return frame


def test_hand_worked_thanks_owed():
    owed = thanks_owed(log(), "me", names={"ann": "Ann Lee", "cy": "Cy Cho"}, today="2024-03-01")
    assert list(owed["person"]) == ["ann", "dee", "bob"]
    assert list(owed["date"].dt.strftime("%Y-%m-%d")) == ["2024-02-01", "2024-01-20", "2024-01-10"]
    assert owed.loc[0, "favour"] == "helped you"
    assert owed.loc[1, "favour"] == "introduced you to Cy Cho"
    assert owed.loc[2, "favour"] == "made an introduction for you: to Cy at Acme"
    assert owed.loc[0, "days_ago"] == 29
    assert owed.loc[0, "reason"].startswith("Ann Lee helped you on 2024-02-01 (29 days ago)")


def test_nothing_owed_and_no_kinds():
    assert thanks_owed(None, "me").empty
    plain = pd.DataFrame({"source": ["a"], "target": ["me"], "date": ["2024-01-01"]})
    assert thanks_owed(plain, "me").empty


def test_network_and_cli():
    net = Network.from_frames(interactions=log(), ego="me")
    assert list(net.thanks_owed()["person"]) == ["ann", "dee", "bob"]
    sample = netgraph.sample()
    owed = sample.thanks_owed()
    gives = sample.interactions
    assert len(owed) == ((gives["target"] == "me") & (gives["kind"] == "give")).sum()
    from netgraph.cli import main

    assert main(["thanks", "--sample"]) == 0
