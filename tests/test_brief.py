"""net.brief(person): the page to read before a meeting (issue 13.1), on a hand-worked network."""

import pandas as pd
import pytest

import netgraph
from netgraph import InputError, Network, UnknownPersonError


def small() -> Network:
    """me knows ann (0.8), bob (0.5) and eve (0.7); ann knows bob, cat and dan; nobody else."""
    people = pd.DataFrame(
        {
            "id": ["me", "ann", "bob", "cat", "dan", "eve"],
            "name": ["Me Myself", "Ann <b>Lee</b>", "Bob Ray", "Cat Cho", "Dan Do", "Eve Ek"],
            "company": ["Acme", "Globex", "Acme", "Initech", "Hooli", "Umbrella"],
            "role": ["Analyst", "CTO", "Engineer", "Designer", "Lawyer", "Engineer"],
            "industry": ["Finance", "Software", "Software", "Design", "Legal", "Software"],
            "city": ["Leeds", "Leeds", "York", "Leeds", "York", "Hull"],
            "circles": ["climbing;acme", "Climbing", "acme", None, None, None],
        }
    )
    ties = pd.DataFrame(
        {
            "source": ["me", "me", "me", "ann", "ann", "ann"],
            "target": ["ann", "bob", "eve", "bob", "cat", "dan"],
            "kind": ["colleague", None, None, None, None, None],
            "since": ["2020-01-01", None, None, None, None, None],
            "weight": [0.8, 0.5, 0.7, 0.4, 0.6, 0.3],
        }
    )
    interactions = pd.DataFrame(
        {
            "source": ["me", "ann", "me", "me"],
            "target": ["ann", "me", "ann", "ann"],
            "date": ["2024-01-01", "2024-01-15", "2024-02-01", "2024-03-01"],
            "kind": ["meeting", "give", "ask", "message"],
            "note": [None, "sent me the hiring plan", "asked about hiring", None],
        }
    )
    return Network.from_frames(people, ties, interactions, ego="me", today="2024-03-31")


def test_hand_worked_brief():
    b = small().brief("ann")
    who = dict(zip(b.who["field"], b.who["value"], strict=True))
    assert who["company"] == "Globex" and who["role"] == "CTO"
    history = dict(zip(b.history["item"], b.history["value"], strict=True))
    assert history["how you met"].startswith("colleague; since 2020-01-01")
    assert history["first contact"] == "2024-01-01"
    assert history["last contact"] == "2024-03-01 (30 days ago)"
    assert history["interactions"] == "4"
    # gaps of 14, 17 and 29 days: the median is 17, about every 2 weeks
    assert history["usual rhythm"] == "about every 2 weeks"
    assert history["you gave / asked"] == "0 gives, 1 asks"
    assert history["they gave / asked"] == "1 gives, 0 asks"
    assert list(b.notes["note"]) == ["asked about hiring", "sent me the hiring plan"]
    # common ground: the climbing circle (case aside) and the city, not acme (ann is not in it)
    assert set(map(tuple, b.shared.to_numpy())) == {("circles", "Climbing"), ("city", "Leeds")}
    assert list(b.mutual["contact"]) == ["bob"]
    assert b.mutual.loc[0, ["your_strength", "their_strength"]].tolist() == [0.5, 0.4]
    # in her field (Software) and not known to her: eve, not bob (ann knows bob)
    assert list(b.in_their_field["contact"]) == ["eve"]
    assert "shares" in b.in_their_field.loc[0, "reason"]
    # her contacts you do not know: cat and dan, never bob or you
    assert set(b.ask_for["contact"]) == {"cat", "dan"}
    assert b.ask_for["reason"].str.contains("Ann <b>Lee</b> knows").all()
    assert set(b.parts) >= {"who", "history", "shared", "mutual", "ask_for", "introductions"}


def test_their_network_unknown_says_so_and_suggests_asking():
    b = small().brief("eve")
    assert b.ask_for.empty
    text = str(b)
    assert "their network is unknown" in text and "ask Eve Ek for three people" in text


def test_renders_markdown_and_escaped_html():
    b = small().brief("Ann <b>Lee</b>")  # by name
    assert b.person == "ann"
    markdown = b.to_markdown()
    assert markdown.startswith("# Brief: Ann <b>Lee</b>") and str(b) == markdown
    assert "## Three people to ask them for" in markdown
    page = b._repr_html_()
    assert "<b>Lee</b>" not in page and "&lt;b&gt;Lee&lt;/b&gt;" in page


def test_changes_and_store_notes_are_shown():
    changes = pd.DataFrame(
        {
            "person": ["ann", "bob"],
            "field": ["company", "role"],
            "old": ["Acme", "x"],
            "new": ["Globex", "y"],
            "date": ["2023-06-01", "2023-01-01"],
        }
    )
    notes = pd.DataFrame({"person": ["ann"], "date": ["2024-03-20"], "note": ["likes climbing"]})
    b = small().brief("ann", changes=changes, notes=notes)
    assert b.changes[["field", "old", "new"]].values.tolist() == [["company", "Acme", "Globex"]]
    assert b.notes.loc[0, "note"] == "likes climbing"


def test_unknown_person_lists_nearest():
    with pytest.raises(UnknownPersonError, match="Did you mean") as err:
        small().brief("Bob Rey")
    assert isinstance(err.value, InputError)
    assert "Bob Ray" in str(err.value)


def test_sample_brief_has_every_part():
    net = netgraph.sample()
    b = net.brief("catherine-blake")
    assert len(b.introductions) and b.introductions["reason"].str.startswith("Introduce").all()
    assert len(b.ask_for) == 3
    assert b.ask_for["contact"].map(lambda c: not net.graph.has_edge("me", c)).all()
    assert b.ask_for["contact"].map(lambda c: net.graph.has_edge("catherine-blake", c)).all()
    # ranked by the value introductions() gives them (restricted with among=, same figures)
    value = net.introductions(k=500).set_index("person")["value"]
    assert b.ask_for["value"].tolist() == pytest.approx(value[b.ask_for["contact"]].tolist())


def test_cli_brief(capsys):
    from netgraph.cli import main

    assert main(["brief", "Catherine Blake", "--sample"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Brief: Catherine Blake") and "## Three people to ask them for" in out
    assert main(["brief", "Catherine Blak", "--sample"]) == 2
    assert "Did you mean 'Catherine Blake'" in capsys.readouterr().err


def test_brief_from_a_store_shows_what_changed_and_the_logged_note(tmp_path):
    store = netgraph.open(tmp_path / "network.db")
    people = pd.DataFrame(
        {
            "id": ["me", "ann", "bob"],
            "name": ["Me", "Ann Lee", "Bob"],
            "company": ["X", "Acme", "Y"],
        }
    )
    ties = pd.DataFrame({"source": ["me", "ann"], "target": ["ann", "bob"]})
    store.add(Network.from_frames(people, ties, ego="me"))
    people.loc[1, "company"] = "Globex"
    store.add(Network.from_frames(people, ties, ego="me"))
    store.log("Ann Lee", kind="meeting", note="talked about Berlin", date="2025-02-01")
    b = store.network.brief("Ann Lee")
    assert b.changes[["field", "old", "new"]].values.tolist() == [["company", "Acme", "Globex"]]
    assert "Ann Lee's company changed from Acme to Globex" in str(b)
    assert b.notes["note"].tolist() == ["talked about Berlin"]
    assert b.ask_for["contact"].tolist() == ["bob"]


def test_brief_of_yourself_or_without_an_ego_is_an_input_error():
    with pytest.raises(InputError, match="is you, the ego"):
        small().brief("me")
    net = Network.from_frames(ties=pd.DataFrame({"source": ["a"], "target": ["b"]}))
    for call in (lambda: net.brief("a"), net.roles, net.thanks_owed, lambda: net.goal(id="a")):
        with pytest.raises(InputError, match="has no ego"):
            call()


def test_shared_groups_from_an_affiliations_table():
    events = pd.DataFrame(
        {"person": ["me", "ann", "bob"], "group": ["PyData Leeds"] * 3, "kind": "event"}
    )
    shared = small().brief("ann", affiliations=events).shared
    assert ("event", "PyData Leeds") in set(map(tuple, shared.to_numpy()))


def test_cli_reads_the_store(tmp_path, monkeypatch, capsys):
    from netgraph.cli import main

    monkeypatch.setenv("NETGRAPH_HOME", str(tmp_path))
    assert main(["brief", "ann"]) == 2  # no store yet and no file: no input
    assert "no input given" in capsys.readouterr().err
    path = tmp_path / "store.sqlite"
    with netgraph.open(path) as store:
        store.add(small())
        store.log("ann", kind="thanks", date="2024-03-02")
    assert main(["brief", "Ann <b>Lee</b>", "--store", str(path)]) == 0
    assert capsys.readouterr().out.startswith("# Brief: Ann <b>Lee</b>")
    assert main(["thanks"]) == 0  # the default store: the give of 2024-01-15 was thanked
    assert "Nothing to recommend" in capsys.readouterr().out
    assert main(["brief", "ann", "--store", str(path), "--sample"]) == 2
    assert "--store cannot be combined with --sample" in capsys.readouterr().err
