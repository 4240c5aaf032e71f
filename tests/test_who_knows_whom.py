"""Evidence on ties, infer_ties, who_knows_whom and confirm_ties on a Network (issue 11)."""

import warnings

import numpy as np
import pandas as pd
import pytest

from _networks import linkedin_star
from netgraph import Network
from netgraph.errors import InputError, NetgraphWarning
from netgraph.io.answers import read_answers, write_questions


def test_a_stated_clique_without_interactions_reads_closed():
    # Issue 11: stated colleague ties with no interactions used to get the floor (0.05) and the
    # clique read "mixed"; they now keep "know each other" (0.5), as strong as the ego's ties.
    people = [f"c{i}" for i in range(5)]
    ties = [(a, b) for i, a in enumerate(people) for b in people[i + 1 :]]
    log = pd.DataFrame({"source": "me", "target": people, "date": pd.Timestamp("2025-01-01")})
    net = Network(None, pd.DataFrame(ties, columns=["source", "target"]), log, ego="me")
    among = net.ties.loc[("c0", "c1")]
    assert among["strength"] == 0.5 and among["evidence"] == "stated"
    assert net.ties.loc[("c0", "me"), "evidence"] == "observed"
    assert net.closure()["verdict"].iloc[0] == "closed"


def test_infer_ties_adds_weighted_inferred_ties_only_between_contacts():
    net = linkedin_star().infer_ties()
    inferred = net.ties[net.ties["evidence"] == "inferred"]
    assert len(inferred) > 0 and "me" not in set(inferred.index.to_frame().stack())
    assert inferred["probability"].between(0, 1, inclusive="right").all()
    edge = net.graph.edges["p0", "p1"]
    row = net.ties.loc[("p0", "p1")]
    assert edge["weight"] == pytest.approx(row["strength"] * row["probability"])
    assert edge["evidence"] == "inferred"
    # Acme (6) and Initech (5) pairs are inferred, none across companies
    assert ("p0", "p6") not in net.ties.index
    assert net.graph.edges["me", "p0"]["probability"] == 1.0
    # effective size falls from the star's 15
    assert net.structural_holes().loc["me", "effective_size"] < 15


def test_infer_ties_keeps_stated_ties_and_by_names_columns():
    net = linkedin_star()
    ties = pd.concat(
        [net.stated_ties, pd.DataFrame({"source": ["p0"], "target": ["p1"], "closeness": [0.9]})]
    )
    net = Network(net.people, ties, ego="me").infer_ties(by="circles")
    assert net.ties.loc[("p0", "p1"), "evidence"] == "stated"
    assert net.ties.loc[("p0", "p1"), "strength"] == 0.9
    assert set(net.ties.loc[net.ties["evidence"] == "inferred"].index) == {
        ("p0", "p2"),
        ("p1", "p2"),
    }
    with pytest.raises(InputError, match="school"):
        linkedin_star().infer_ties(by="school")


def test_who_knows_whom_asks_across_groups_with_names_and_reasons():
    q = linkedin_star().infer_ties().who_knows_whom(k=6)
    assert list(q.columns) == ["a", "b", "a_name", "b_name", "probability", "reason"]
    assert len(q) == 6
    assert q["a_name"].str.startswith("Person").all()
    assert len({frozenset(p) for p in zip(q["a"], q["b"], strict=True)}) == 6
    companies = linkedin_star().people["company"]
    # the questions spread over more than one company
    assert companies.reindex(q["a"]).nunique() > 1


def test_confirm_ties_yes_is_stated_no_is_never_inferred_or_asked_again():
    inferred = linkedin_star().infer_ties()
    answers = pd.DataFrame({"a": ["p0", "p3"], "b": ["p1", "p4"], "knows": ["y", "n"]})
    net = inferred.confirm_ties(answers)
    assert net.ties.loc[("p0", "p1"), "evidence"] == "stated"
    assert net.ties.loc[("p0", "p1"), "strength"] == 0.5
    assert ("p3", "p4") not in net.ties.index
    assert net.answers["knows"].tolist() == [True, False]
    q = net.who_knows_whom(k=50)
    asked = {frozenset(p) for p in zip(q["a"], q["b"], strict=True)}
    assert frozenset({"p3", "p4"}) not in asked and frozenset({"p0", "p1"}) not in asked
    # a no in Acme lowers the other Acme pairs
    before = inferred.ties.loc[("p0", "p2"), "probability"]
    assert net.ties.loc[("p0", "p2"), "probability"] < before * 1.5  # yes and no balance
    again = net.infer_ties()
    assert ("p3", "p4") not in again.ties.index


def test_answers_round_trip_through_a_spreadsheet_csv(tmp_path):
    net = linkedin_star().infer_ties()
    q = net.who_knows_whom(k=4)
    path = tmp_path / "questions.csv"
    write_questions(q, path)
    text = path.read_text()
    assert text.splitlines()[0] == "a,b,a_name,b_name,probability,reason,knows"
    filled = pd.read_csv(path, dtype=str, keep_default_na=False)
    filled.loc[0, "knows"] = "yes"
    filled.loc[1, "knows"] = "N"
    filled.to_csv(path, index=False)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        answers = read_answers(path)
    assert answers["knows"].tolist() == [True, False]
    assert any("2 questions not answered" in str(w.message) for w in caught)
    confirmed = net.confirm_ties(path)
    assert len(confirmed.answers) == 2
    filled.loc[2, "knows"] = "maybe"
    filled.to_csv(path, index=False)
    with pytest.raises(InputError, match="maybe"):
        read_answers(path)


def test_confirm_ties_names_an_unknown_person():
    with pytest.raises(InputError, match="zed"):
        linkedin_star().confirm_ties(pd.DataFrame({"a": ["zed"], "b": ["p1"], "knows": [True]}))


def test_who_knows_whom_warns_when_nobody_shares_anything():
    people = pd.DataFrame({"id": ["me", "a", "b"]})
    star = pd.DataFrame({"source": "me", "target": ["a", "b"]})
    with pytest.warns(NetgraphWarning, match="no two contacts share"):
        q = Network(people, star, ego="me").who_knows_whom()
    assert q.empty and "reason" in q.columns


def test_inferred_share_of_probabilities_is_the_expected_tie_count():
    net = linkedin_star().infer_ties()
    inferred = net.ties[net.ties["evidence"] == "inferred"]
    n = 15
    expected = n - 2 * inferred["probability"].sum() / n
    assert net.structural_holes().loc["me", "effective_size"] == pytest.approx(expected)
    assert np.isfinite(expected)


def test_closure_of_a_star_is_unknown_and_says_what_to_add():
    # Issue 11: a LinkedIn export is a star; "open" (density 0.00) would describe missing data.
    star = linkedin_star()
    row = star.closure().iloc[0]
    assert row["verdict"] == "unknown"
    assert "who_knows_whom" in row["reasons"] and "infer_ties" in row["reasons"]
    inferred = star.infer_ties()
    row = inferred.closure().iloc[0]
    assert row["verdict"] != "unknown"
    assert 0.99 < row["inferred_share"] <= 1.0
    assert "inferred" in row["reasons"]
    assert 0.3 < inferred.structural_holes().attrs["inferred_share"] < 1
    assert star.structural_holes().attrs["inferred_share"] == 0.0


def test_answers_make_a_star_known():
    star = linkedin_star()
    ids = [f"p{i}" for i in range(15)]
    answers = pd.DataFrame({"a": ids[:-1:2], "b": ids[1::2], "knows": False})
    row = star.confirm_ties(answers).closure().iloc[0]
    assert row["verdict"] != "unknown" and row["density"] == 0


def test_empty_recommendations_say_why(tmp_path):
    star = linkedin_star()
    with pytest.warns(NetgraphWarning, match="two steps away"):
        intros = star.introductions()
    assert intros.empty and "who_knows_whom" in intros.attrs["why_empty"]
    with pytest.warns(NetgraphWarning, match="dated interactions"):
        assert star.reconnect().empty
    with pytest.warns(NetgraphWarning, match="'give' or 'ask'"):
        assert star.ledger().empty


def write_star(folder):
    net = linkedin_star()
    people = folder / "people.csv"
    ties = folder / "ties.csv"
    net.people.reset_index().to_csv(people, index=False)
    net.stated_ties[["source", "target"]].to_csv(ties, index=False)
    return people, ties


def test_cli_ask_saves_each_answer_and_resumes(tmp_path, monkeypatch, capsys):
    import io

    from netgraph.cli import main

    people, ties = write_star(tmp_path)
    answers = tmp_path / "answers.csv"
    command = [
        "ask", str(people), "--ties", str(ties), "--ego", "me", "--answers", str(answers),
        "--k", "4",
    ]  # fmt: skip
    monkeypatch.setattr("sys.stdin", io.StringIO("y\nmaybe\nn\ns\nq\n"))
    assert main(command) == 0
    out = capsys.readouterr().out
    assert "[1/4] Do Person" in out and "[3/4]" in out and "Please answer" in out
    first = read_answers(answers)
    assert first["knows"].tolist() == [True, False]
    # a second run goes on: the answered pairs are not asked again; end of input stops it
    monkeypatch.setattr("sys.stdin", io.StringIO("n\n"))
    assert main(command) == 0
    out = capsys.readouterr().out
    assert "2 answered so far" in out
    second = read_answers(answers)
    assert len(second) == 3
    pairs = {frozenset(p) for p in zip(second["a"], second["b"], strict=True)}
    assert len(pairs) == 3


def test_cli_ask_writes_questions_for_a_spreadsheet(tmp_path, capsys):
    from netgraph.cli import main

    people, ties = write_star(tmp_path)
    sheet = tmp_path / "questions.csv"
    command = ["ask", str(people), "--ties", str(ties), "--ego", "me", "--answers",
               str(tmp_path / "answers.csv"), "--csv", str(sheet), "--k", "5"]  # fmt: skip
    assert main(command) == 0
    frame = pd.read_csv(sheet)
    assert len(frame) == 5 and frame["knows"].isna().all()


def test_infer_ties_keeps_at_most_max_ties_and_says_what_it_left_out():
    with pytest.warns(NetgraphWarning, match="kept the 5 most probable of 31"):
        net = linkedin_star().infer_ties(max_ties=5)
    inferred = net.ties[net.ties["evidence"] == "inferred"]
    everything = linkedin_star().infer_ties().ties
    everything = everything[everything["evidence"] == "inferred"]
    assert len(inferred) == 5
    assert inferred["probability"].min() >= everything["probability"].nlargest(5).min()


def test_cli_says_why_introductions_are_empty_and_infer_fills_them(tmp_path, capsys):
    from netgraph.cli import main

    people, ties = write_star(tmp_path)
    command = ["introductions", str(people), "--ties", str(ties), "--ego", "me"]
    assert main(command) == 0
    err = capsys.readouterr().err
    assert "two steps away" in err and "who_knows_whom" in err
    answers = tmp_path / "answers.csv"
    answers.write_text("a,b,knows\np0,p1,y\np3,p4,n\n")
    assert main([*command, "--infer", "--answers", str(answers)]) == 0
    err = capsys.readouterr().err
    # now the contacts' ties are inferred: everyone two steps away is already a contact
    assert "every friend of a friend is already a contact" in err
    assert "who_knows_whom" not in err


def test_the_questions_csv_holds_no_live_formula_and_reads_ids_back(tmp_path):
    # a name or id from a contact's profile must not run in the user's spreadsheet
    from netgraph.io.answers import read_answers, write_questions

    questions = pd.DataFrame(
        {
            "a": ["=cmd|' /C calc'!A0"],
            "b": ["bo"],
            "a_name": ['=HYPERLINK("http://x")'],
            "b_name": ["Bo;@SUM(1)"],
            "probability": [0.4],
            "reason": ["+1 shared circle"],
            "knows": [True],
        }
    )
    path = write_questions(questions, tmp_path / "questions.csv")
    cells = [
        c for line in path.read_text(encoding="utf-8").splitlines()[1:] for c in line.split(",")
    ]
    for cell in cells:
        for part in cell.strip('"').split(";"):
            assert not part.startswith(("=", "+", "@")), part
    answers = read_answers(path)
    assert answers["a"].tolist() == ["=cmd|' /C calc'!A0"] and answers["knows"].tolist() == [True]
