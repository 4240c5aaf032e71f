"""The per-person pure functions take person=; their old keyword ego= still works, warning.

``view.plots.ego_map(G, ego)`` and ``inference.tie_probabilities(ego=)`` /
``choose_questions(ego=)`` were the last to say ``ego`` (issue 14.6: one name per role).
"""

import inspect
import warnings

import matplotlib
import networkx as nx
import pandas as pd
import pytest

from netgraph import inference
from netgraph._names import deprecated_names
from netgraph.view import plots

matplotlib.use("Agg")


def people():
    return pd.DataFrame(
        {"company": ["", "Acme", "Acme", "Initech", "Initech"], "city": ["Leeds"] * 5},
        index=pd.Index(["me", "ann", "bo", "cy", "di"], name="id"),
    )


@pytest.mark.parametrize("function", [inference.tie_probabilities, inference.choose_questions])
def test_inference_takes_person_and_still_reads_ego(function):
    assert "person" in inspect.signature(function).parameters
    assert "ego" not in inspect.signature(function).parameters
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        new = function(people(), person="me")
    with pytest.warns(DeprecationWarning, match=r"ego= is now called person=") as caught:
        old = function(people(), ego="me")
    assert caught[0].filename == __file__  # attributed to the caller
    pd.testing.assert_frame_equal(new, old)
    assert "me" not in set(new.iloc[:, 0]) | set(new.iloc[:, 1])
    with pytest.raises(TypeError, match="both person= and its old name ego="):
        function(people(), person="me", ego="me")


def test_ego_map_takes_person_and_still_reads_ego():
    import matplotlib.pyplot as plt

    assert list(inspect.signature(plots.ego_map).parameters)[:2] == ["G", "person"]
    G = nx.Graph([("me", "a"), ("me", "b"), ("a", "b"), ("me", "c")])
    fig, (left, right) = plt.subplots(1, 2)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            plots.ego_map(G, person="me", ax=left)
        with pytest.warns(DeprecationWarning, match="ego_map"):
            plots.ego_map(G, ego="me", ax=right)
        for ax in (left, right):
            assert len(ax.collections[2].get_offsets()) == 3
        assert (left.collections[2].get_offsets() == right.collections[2].get_offsets()).all()
    finally:
        plt.close(fig)


def test_deprecated_names_keeps_the_signature():
    @deprecated_names(old="person")
    def f(x, *, person=None):
        """Doc."""
        return x, person

    assert str(inspect.signature(f)) == "(x, *, person=None)" and f.__doc__ == "Doc."
    assert f(1, person=2) == (1, 2)
    with pytest.warns(DeprecationWarning):
        assert f(1, old=3) == (1, 3)
