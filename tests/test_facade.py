"""The typed facade (issue 14.6): explicit signatures, an immutable model, io without Network."""

import ast
import inspect
from pathlib import Path

import pandas as pd
import pytest

import netgraph
from netgraph import Network, analysis, recommend

IO = Path(netgraph.__file__).parent / "io"

# Methods whose ** collects attribute criteria (people columns), not hidden options.
CRITERIA = {"paths_to", "goal"}


@pytest.fixture(scope="module")
def net():
    return netgraph.sample()


def public_methods():
    for name, member in inspect.getmembers(Network):
        if name.startswith("_") or not callable(member) or isinstance(member, type):
            continue
        yield name, member


@pytest.mark.parametrize("name", [name for name, _ in public_methods()])
def test_every_method_shows_its_parameters_and_return_type(name):
    signature = inspect.signature(getattr(Network, name))
    hidden = [
        p.name for p in signature.parameters.values() if p.kind is inspect.Parameter.VAR_KEYWORD
    ]
    if name not in CRITERIA:
        assert not hidden, f"Network.{name} hides its options behind **{hidden[0]}"
    assert signature.return_annotation is not inspect.Signature.empty, name


def test_plot_methods_show_their_parameters(net):
    for name in ("ego_map", "interaction_timeline", "brokerage", "strength_distribution"):
        signature = inspect.signature(getattr(net.plot, name))
        assert not any(
            p.kind is inspect.Parameter.VAR_KEYWORD for p in signature.parameters.values()
        )
        assert "ax" in signature.parameters


def test_help_lists_the_forwarded_parameters():
    assert "dormant_after" in inspect.signature(Network.weak_ties).parameters
    assert "max_per_connector" in inspect.signature(Network.introductions).parameters
    assert "resolution" in inspect.signature(Network.communities).parameters
    assert "escape_formulas" in inspect.signature(Network.to_csv).parameters


FORWARDED = [
    ("weak_ties", analysis.weak_ties),
    ("affinity", analysis.affinity),
    ("communities", analysis.communities),
    ("introductions", recommend.introductions),
    ("introductions_to_make", recommend.introductions_to_make),
    ("reconnect", recommend.reconnect),
    ("ledger", recommend.ledger),
    ("paths_to", recommend.paths_to),
    ("to_html", netgraph.view.html.render_html),
]


#: Structure a caller counted already (a store keeps it); a network counts its own.
COUNTED = {("reconnect", "shared_contacts")}


@pytest.mark.parametrize(("method", "function"), FORWARDED, ids=[m for m, _ in FORWARDED])
def test_each_method_offers_every_option_of_its_function(method, function):
    """A parameter added to an analysis must be added to its Network method too."""
    ours = inspect.signature(getattr(Network, method)).parameters
    theirs = inspect.signature(function).parameters
    options = [p for p in theirs.values() if p.kind is inspect.Parameter.KEYWORD_ONLY]
    missing = [p.name for p in options if p.name not in ours and (method, p.name) not in COUNTED]
    assert not missing, f"Network.{method} lacks {missing} of {function.__name__}"


def test_an_unknown_option_is_a_type_error_naming_it(net):
    with pytest.raises(TypeError, match="dormant_afterr"):
        net.weak_ties(dormant_afterr=30)


def test_forwarded_options_reach_the_analysis(net):
    ours = net.weak_ties(dormant_after=30)
    theirs = analysis.weak_ties(net.undirected, dormant_after=30, today=net.reference_date)
    pd.testing.assert_frame_equal(ours, theirs)
    assert ours.attrs["thresholds"]["dormant_after"] == 30
    assert net.weak_ties(strong=0.9).attrs["thresholds"]["strong"] == 0.9


def test_recommendations_forward_their_options(net):
    ours = net.introductions(k=4, recent_days=10)
    theirs = recommend.introductions(
        net.undirected,
        net.ego,
        k=4,
        recent_days=10,
        communities=net._community_labels,
        interactions=net.interactions,
        today=net.reference_date,
    )
    pd.testing.assert_frame_equal(ours, theirs)


def test_communities_with_options_are_not_the_cached_ones(net):
    default = net.communities()
    other = net.communities(resolution=3.0)
    assert other["community"].nunique() > default["community"].nunique()
    pd.testing.assert_frame_equal(net.communities(), default)


@pytest.mark.parametrize("name", ["directed", "ego", "today", "strength_model"])
def test_settings_are_read_only(net, name):
    before = repr(net)
    with pytest.raises(AttributeError):
        setattr(net, name, getattr(net, name))
    assert repr(net) == before


def test_setting_directed_cannot_leave_a_wrong_repr():
    net = Network.from_frames(ties=pd.DataFrame({"source": ["a"], "target": ["b"]}))
    with pytest.raises(AttributeError):
        net.directed = True
    assert "arcs" not in repr(net) and net.directed is False


@pytest.mark.parametrize("table", ["people", "ties", "stated_ties", "interactions"])
def test_changing_a_returned_table_leaves_the_network_unchanged(table):
    net = netgraph.sample()
    holes = net.structural_holes()
    frame = getattr(net, table)
    frame.iloc[:, 0] = frame.iloc[:, 0].iloc[::-1].to_numpy()  # scramble a column in place
    frame.loc[frame.index[:10], frame.columns[-1]] = None
    frame["extra"] = 1
    frame.index.name = "changed"
    fresh = getattr(net, table)
    assert "extra" not in fresh.columns and fresh.index.name != "changed"
    assert len(fresh) == len(getattr(netgraph.sample(), table))
    assert net.equals(netgraph.sample())
    pd.testing.assert_frame_equal(net.structural_holes(), holes)


def test_the_tables_are_copies_not_the_internal_ones(net):
    assert net.people is not net._people
    assert net.ties is not net.ties


def test_k_is_keyword_only(net):
    with pytest.raises(TypeError):
        net.introductions("me", 5)
    with pytest.raises(TypeError):
        net.paths_to(5, company="Acme")
    assert len(net.introductions(k=2)) == 2


def io_imports(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            yield node.module or "", [a.name for a in node.names]
        elif isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, []


@pytest.mark.parametrize("path", sorted(IO.glob("*.py")), ids=lambda p: p.name)
def test_io_never_imports_network(path):
    for module, names in io_imports(path):
        assert module not in {"netgraph.network", "netgraph.readers"}, path.name
        assert not (module == "netgraph" and "Network" in names), path.name


@pytest.mark.parametrize(
    "path",
    [*sorted(IO.glob("*.py")), IO.parent / "readers.py", IO.parent / "merge.py"],
    ids=lambda p: p.name,
)
def test_no_private_helper_is_imported_from_another_module(path):
    """Shared helpers live in named private modules (io/_decode.py, ...) under public names."""
    for module, names in io_imports(path):
        if module.startswith("netgraph"):
            assert not [n for n in names if n.startswith("_")], f"{path.name}: {module}"


@pytest.mark.parametrize(
    "reader",
    [
        netgraph.read_csv,
        netgraph.read_json,
        netgraph.read_graphml,
        netgraph.read_linkedin,
        netgraph.read_vcard,
    ],
)
def test_every_reader_has_a_return_type_and_explicit_options(reader):
    signature = inspect.signature(reader)
    assert signature.return_annotation in ("Network", Network)
    assert not any(p.kind is inspect.Parameter.VAR_KEYWORD for p in signature.parameters.values())


def test_io_readers_return_tables():
    folder = Path(netgraph.__file__).parent / "datasets" / "data"
    tables = netgraph.io.formats.read_csv_tables(folder / "people.csv", folder / "ties.csv")
    assert isinstance(tables, netgraph.io.NetworkTables)
    assert tables.interactions is None and len(tables.people) > 0
