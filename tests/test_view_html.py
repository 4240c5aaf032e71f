"""The interactive page: self-contained, escaped, faithful to the graph, and G untouched.

No browser here (see test_view_browser.py): the page is parsed with the standard library's
HTML parser and its embedded JSON is read back.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import html
import json
import re
from html.parser import HTMLParser

import networkx as nx
import pandas as pd
import pytest

import netgraph
from netgraph.errors import InputError, UnknownPersonError
from netgraph.view import html as view_html
from netgraph.view.html import HTMLView, notebook_html, render_html, show, write_html

HOSTILE_IMG = "<img src=x onerror=\"document.title='pwned'\">"
HOSTILE_SCRIPT = "</script><script>document.title='pwned'</script>"
HOSTILE_COMPANY = "<svg onload=alert(1)>&amp;"


class _Page(HTMLParser):
    """Collect tags, attributes, script bodies and styles of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.styles: list[str] = []
        self._in: tuple[str, dict] | None = None
        self._buffer: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag in ("script", "style"):
            self._in, self._buffer = (tag, attributes), []

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if self._in and tag == self._in[0]:
            body = "".join(self._buffer)
            if tag == "script":
                self.scripts.append((self._in[1], body))
            else:
                self.styles.append(body)
            self._in = None

    def handle_data(self, data):
        if self._in:
            self._buffer.append(data)


def parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    parser.close()
    return parser


def embedded(page: str) -> dict:
    """Return the JSON data the page draws."""
    for attrs, body in parse(page).scripts:
        if attrs.get("id") == "netgraph-data":
            return json.loads(body)
    raise AssertionError("no netgraph-data script in the page")


def labels(data: dict) -> set[str]:
    return {n["label"] for n in data["nodes"]}


@pytest.fixture
def G() -> nx.Graph:
    """Ten people at three companies, with hostile names, strong/weak/dormant ties."""
    G = nx.Graph(name="test")
    people = {
        "me": {"name": "Maya", "company": "Acme", "community": 0},
        "ann": {"name": "Ann", "company": "Acme", "community": 0},
        "bob": {"name": HOSTILE_IMG, "company": "Globex", "community": 1},
        "cy": {"name": HOSTILE_SCRIPT, "company": "Globex", "community": 1},
        "dee": {"name": "Dee \u2028 Line", "company": HOSTILE_COMPANY, "community": 2},
        "eve": {"name": "Eve", "company": "Initech", "community": 2},
        "fay": {"name": "Fay", "company": "Acme", "community": 0},
        "gus": {"name": "Gus", "company": "Initech", "community": 2},
        "hal": {"name": "Hal", "company": "Globex", "community": 1},
        "ida": {"name": "Ida", "company": "Acme"},
    }
    for person, attrs in people.items():
        G.add_node(person, **attrs)
    day = pd.Timestamp
    G.add_edge("me", "ann", weight=0.9, tie_kind="strong", last_contact=day("2024-05-01"))
    G.add_edge("me", "bob", weight=0.3, tie_kind="weak", last_contact=day("2024-03-01"))
    G.add_edge("me", "dee", weight=0.5, tie_kind="dormant", last_contact=day("2020-01-01"))
    G.add_edge("me", "fay", weight=0.6, tie_kind="strong", note="</b><i>x</i>")
    G.add_edge("ann", "fay", weight=0.7, tie_kind="strong")
    G.add_edge("bob", "cy", weight=0.6, tie_kind="strong")
    G.add_edge("dee", "eve", weight=0.8, tie_kind="strong")
    G.add_edge("eve", "gus", weight=0.2, tie_kind="weak")
    G.add_edge("cy", "hal", weight=0.4)
    G.add_edge("gus", "ida", weight=0.1, tie_kind="weak")
    return G


def snapshot(G: nx.Graph) -> tuple:
    return (
        copy.deepcopy(G),
        copy.deepcopy(dict(G.graph)),
        {n: copy.deepcopy(dict(d)) for n, d in G.nodes(data=True)},
        {(u, v): copy.deepcopy(dict(d)) for u, v, d in G.edges(data=True)},
    )


def assert_unchanged(G: nx.Graph, before: tuple) -> None:
    H, graph, nodes, edges = before
    assert nx.utils.graphs_equal(G, H)
    assert dict(G.graph) == graph
    assert {n: dict(d) for n, d in G.nodes(data=True)} == nodes
    assert {(u, v): dict(d) for u, v, d in G.edges(data=True)} == edges
    assert list(G) == list(nodes)  # node order too


# -- self-contained: no outbound request --------------------------------------------------


REMOTE = re.compile(r"^\s*(https?:|//|ftp:|ws:|wss:)", re.IGNORECASE)


def test_page_loads_nothing_from_the_network(G):
    page = render_html(G, ego="me", overlay=[("me", "eve")], color_by="company")
    doc = parse(page)
    for tag, attrs in doc.tags:
        for key in ("src", "href", "srcset", "action", "data", "poster", "background"):
            value = attrs.get(key)
            assert value is None or not REMOTE.match(value), (tag, key, value)
        assert tag not in ("link", "iframe", "img", "object", "embed", "base", "form")
    assert all("src" not in attrs for attrs, _ in doc.scripts)  # every script is inline
    css = "\n".join(doc.styles) + "\n".join(a.get("style") or "" for _, a in doc.tags)
    urls = re.findall(r"url\(\s*['\"]?([^'\")]*)", css) + re.findall(
        r"@import\s+['\"]?([^'\";]*)", css
    )
    assert not [u for u in urls if not u.startswith("data:")]
    # Outside the vis-network library (whose licence comments name web sites) no URL at all.
    library = view_html._vis_js()
    rest = page.replace(library, "")
    assert "http://" not in rest and "https://" not in rest
    assert len(library) > 100_000 and library in page  # vis-network really is inline


def test_content_security_policy_forbids_requests_and_allows_exactly_our_scripts(G):
    page = render_html(G)
    doc = parse(page)
    metas = [
        a for t, a in doc.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"
    ]
    assert len(metas) == 1
    policy = dict(
        (part.strip().split(" ", 1) + [""])[:2] for part in metas[0]["content"].split(";")
    )
    assert policy["default-src"] == "'none'"
    assert policy["connect-src"] == "'none'"
    assert policy["img-src"] == "data:"
    assert "unsafe-inline" not in policy["script-src"] and "unsafe-eval" not in policy["script-src"]
    # Each executable script's SHA-256 is listed, so the browser runs ours and nothing else.
    allowed = set(policy["script-src"].split())
    executable = [body for attrs, body in doc.scripts if attrs.get("type") != "application/json"]
    assert len(executable) == 3
    for body in executable:
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in allowed
    assert len(allowed) == 3


# -- escaping -----------------------------------------------------------------------------


def test_hostile_names_are_text_not_markup(G):
    page = render_html(G, title=HOSTILE_IMG, ego="me", color_by="company")
    assert "<img" not in page.lower()
    assert "<svg onload" not in page.lower()
    assert page.lower().count("</script") == 4  # our four script elements, nothing injected
    doc = parse(page)
    allowed = {
        "html", "head", "meta", "title", "style", "body", "output", "script", "div", "h1",
        "details", "summary", "ul", "li", "span", "svg", "line", "polygon",
    }  # fmt: skip
    assert {tag for tag, _ in doc.tags} <= allowed
    handlers = [(t, k) for t, a in doc.tags for k in a if k.lower().startswith("on")]
    assert handlers == []
    assert f"<title>{html.escape(HOSTILE_IMG)}</title>" in page
    assert f"<h1>{html.escape(HOSTILE_IMG)}</h1>" in page
    assert html.escape(HOSTILE_COMPANY) in page  # the legend entry for the company
    # U+2028/2029 would end a line inside a script: never raw.
    assert "\u2028" not in page and "\u2029" not in page
    # The data survive the trip exactly: the page shows the names as text.
    data = embedded(page)
    assert {HOSTILE_IMG, HOSTILE_SCRIPT, "Dee \u2028 Line"} <= labels(data)
    tips = [row for node in data["nodes"] for row in node["tip"]]
    assert [HOSTILE_COMPANY] in [row[1:] for row in tips if row[0] == "company"]
    edge_tips = [row for edge in data["edges"] for row in edge["tip"]]
    assert ["note", "</b><i>x</i>"] in edge_tips


def test_json_for_script_escapes_what_ends_a_script():
    text = view_html._json_for_script({"a": "</script><!-- & \u2028\u2029 >"})
    assert not set("<>&\u2028\u2029") & set(text)
    assert json.loads(text) == {"a": "</script><!-- & \u2028\u2029 >"}


def test_hostile_css_height_is_refused(G):
    with pytest.raises(InputError, match="height"):
        render_html(G, height="1px;background:url(http://evil.example/x)")
    assert 'style="height: 500px;"' in render_html(G, height=500)


# -- the data match the graph -------------------------------------------------------------


def test_nodes_and_edges_match_the_graph(G):
    before = snapshot(G)
    page = render_html(G, ego="me")
    data = embedded(page)
    assert len(data["nodes"]) == G.number_of_nodes()
    assert len(data["edges"]) == G.number_of_edges()
    order = [p for p in G if p != "me"] + ["me"]  # the ego last: drawn on top
    name = dict(enumerate(order))
    assert [n["label"] for n in data["nodes"]] == [G.nodes[p]["name"] for p in order]
    drawn = {frozenset((name[e["from"]], name[e["to"]])) for e in data["edges"]}
    assert drawn == {frozenset(e) for e in G.edges}
    assert_unchanged(G, before)


def test_graph_is_never_modified_whatever_the_options(G):
    before = snapshot(G)
    metrics = pd.DataFrame(
        {"constraint": [0.2, 0.9], "effective_size": [3.0, 1.0]}, index=["me", "ann"]
    )
    metrics_before = metrics.copy()
    for options in (
        {},
        {"ego": "me", "size_by": "constraint", "metrics": metrics},
        {"focus": "bob", "radius": 2, "color_by": "company", "physics": False},
        {"where": {"company": "Acme"}, "overlay": pd.DataFrame({"person": ["eve"]}), "ego": "me"},
        {"max_nodes": 3},
        {"max_nodes": 3, "ego": "me"},
    ):
        render_html(G, **options)
        write_html(G, **options)
        show(G, **options)._repr_html_()
    assert_unchanged(G, before)
    pd.testing.assert_frame_equal(metrics, metrics_before)


def test_directed_graph_keeps_both_directions_and_draws_arrows():
    D = nx.DiGraph([("a", "b"), ("b", "a"), ("b", "c")])
    data = embedded(render_html(D))
    assert len(data["edges"]) == 3
    assert data["options"]["edges"]["arrows"]["to"]["enabled"] is True


# -- encodings ----------------------------------------------------------------------------


def test_tie_kinds_and_weights_are_encoded(G):
    data = embedded(render_html(G, ego="me"))
    order = [p for p in G if p != "me"] + ["me"]
    by_pair = {frozenset((order[e["from"]], order[e["to"]])): e for e in data["edges"]}
    dormant = by_pair[frozenset(("me", "dee"))]
    weak = by_pair[frozenset(("me", "bob"))]
    strong = by_pair[frozenset(("me", "ann"))]
    plain_strong, plain_weak = by_pair[frozenset(("cy", "hal"))], by_pair[frozenset(("gus", "ida"))]
    assert dormant["dashes"] and dormant["color"]["color"] == view_html.DORMANT_COLOR
    assert "dashes" not in weak and weak["width"] == 1.0
    assert strong["width"] > plain_strong["width"] > weak["width"]
    # Without a kind, width grows with the weight: 1 + 5 w.
    assert plain_strong["width"] == pytest.approx(1 + 5 * 0.4)
    assert plain_weak["width"] == 1.0  # the weak kind wins over the weight
    ego = data["nodes"][order.index("me")]
    assert ego["shape"] == "diamond" and ego["color"]["border"] == view_html.EGO_BORDER
    others = [n for i, n in enumerate(data["nodes"]) if order[i] != "me"]
    assert all(n.get("shape") is None for n in others)


def test_colour_by_attribute_is_categorical(G):
    data = embedded(render_html(G, color_by="company"))
    colour = {p: data["nodes"][i]["color"]["background"] for i, p in enumerate(G)}
    assert colour["me"] == colour["ann"] == colour["fay"] == colour["ida"]  # Acme
    assert colour["bob"] == colour["cy"] == colour["hal"]  # Globex
    assert len({colour["me"], colour["bob"], colour["eve"], colour["dee"]}) == 4
    # The biggest group gets the first colour; a person without the attribute is "not set".
    assert colour["me"] == view_html.PALETTE[0]
    data = embedded(render_html(G))  # community; ida has none
    assert data["nodes"][list(G).index("ida")]["color"]["background"] == view_html.MISSING_COLOR


def test_size_by_constraint_is_inverted_so_brokers_look_big(G):
    metrics = pd.DataFrame(
        {"constraint": [0.25, 0.5, 1.0], "effective_size": [4.0, 2.0, 1.0]},
        index=["me", "ann", "bob"],
    )
    order = list(G)
    for column, big, small in (("constraint", "me", "bob"), ("effective_size", "me", "bob")):
        data = embedded(render_html(G, size_by=column, metrics=metrics))
        size = {p: data["nodes"][order.index(p)]["size"] for p in ("me", "ann", "bob", "cy")}
        assert size[big] == view_html._MAX_SIZE and size[small] == view_html._MIN_SIZE
        assert size[small] < size["ann"] < size[big]
        assert size["cy"] == view_html._MISSING_SIZE  # no value
    # The metrics show in tooltips.
    tip = embedded(render_html(G, metrics=metrics))["nodes"][order.index("me")]["tip"]
    assert ["constraint", "0.25"] in tip and ["effective_size", "4"] in tip


def test_overlay_pairs_and_introduction_frames(G):
    order = list(G)
    data = embedded(render_html(G, overlay=[("me", "eve"), ("ann", "hal")]))
    extra = [e for e in data["edges"] if e.get("overlay")]
    assert {frozenset((order[e["from"]], order[e["to"]])) for e in extra} == {
        frozenset(("me", "eve")),
        frozenset(("ann", "hal")),
    }
    assert all(e["dashes"] and e["color"]["color"] == view_html.OVERLAY_COLOR for e in extra)
    assert len(data["edges"]) == G.number_of_edges() + 2
    intro = pd.DataFrame({"person": ["eve", "cy"], "via": ["dee", "bob"], "score": [0.5, 0.25]})
    data = embedded(render_html(G, ego="me", overlay=intro))
    extra = [e for e in data["edges"] if e.get("overlay")]
    order = [p for p in G if p != "me"] + ["me"]  # with an ego, the ego comes last
    assert [(order[e["from"]], order[e["to"]]) for e in extra] == [("me", "eve"), ("me", "cy")]
    assert ["via", "dee"] in extra[0]["tip"] and ["score", "0.25"] in extra[1]["tip"]
    ab = pd.DataFrame({"a": ["bob"], "b": ["gus"]})
    assert len([e for e in embedded(render_html(G, overlay=ab))["edges"] if e.get("overlay")]) == 1
    with pytest.raises(InputError, match="ego"):
        render_html(G, overlay=intro)
    with pytest.raises(UnknownPersonError):
        render_html(G, overlay=[("me", "nobody")])
    with pytest.raises(InputError):
        render_html(G, overlay=pd.DataFrame({"x": [1]}))


# -- selection: focus, where, max_nodes ---------------------------------------------------


def test_focus_keeps_the_neighbourhood(G):
    for radius in (1, 2):
        page = render_html(G, focus="bob", radius=radius)
        expected = set(nx.ego_graph(G, "bob", radius=radius))
        data = embedded(page)
        assert labels(data) == {G.nodes[p]["name"] for p in expected}
        assert len(data["edges"]) == nx.ego_graph(G, "bob", radius=radius).number_of_edges()
        assert f"within {radius} step" in page
        assert f"{len(expected)} of 10 people" in page


def test_where_filters_by_attribute(G):
    page = render_html(G, where={"company": "Acme"})
    assert labels(embedded(page)) == {"Maya", "Ann", "Fay", "Ida"}
    assert "4 of 10 people match" in page
    data = embedded(render_html(G, where={"company": ["Globex", "Initech"], "community": 1}))
    assert labels(data) == {HOSTILE_IMG, HOSTILE_SCRIPT, "Hal"}
    data = embedded(render_html(G, where={"community": lambda c: c >= 2}))
    assert labels(data) == {"Dee \u2028 Line", "Eve", "Gus"}
    # focus, then where: Maya's Acme contacts.
    data = embedded(render_html(G, focus="me", where={"company": "Acme"}))
    assert labels(data) == {"Maya", "Ann", "Fay"}
    # The ego is always drawn.
    data = embedded(render_html(G, ego="me", where={"company": "Globex"}))
    assert labels(data) == {"Maya", HOSTILE_IMG, HOSTILE_SCRIPT, "Hal"}
    with pytest.raises(InputError, match="compnay"):
        render_html(G, where={"compnay": "Acme"})


def test_max_nodes_keeps_the_best_connected_and_says_what_was_left_out():
    S = nx.star_graph(30)  # hub 0 with 30 leaves
    S.add_edges_from([(1, 2), (2, 3), (3, 1), (1, 4)])
    page = render_html(S, max_nodes=4, color_by=None)
    data = embedded(page)
    degree = dict(S.degree)
    assert {int(x) for x in labels(data)} == set(sorted(S, key=lambda n: -degree[n])[:4])
    assert {int(x) for x in labels(data)} == {0, 1, 2, 3}
    assert len(data["edges"]) == S.subgraph([0, 1, 2, 3]).number_of_edges()
    assert "4 of 31 people" in page and "27 people left out" in page
    assert "max_nodes=4" in page


def test_max_nodes_with_an_ego_keeps_the_ego_and_strongest_ties():
    S = nx.Graph()
    for i in range(1, 9):
        S.add_edge("ego", f"c{i}", weight=i / 10)
        S.add_edge(f"c{i}", f"far{i}", weight=1.0)  # not direct contacts
    page = render_html(S, ego="ego", max_nodes=4)
    assert labels(embedded(page)) == {"ego", "c8", "c7", "c6"}
    assert "the 3 strongest ties of 8" in page and "13 people left out" in page
    # A neighbourhood that fits is drawn whole.
    assert labels(embedded(render_html(S, ego="ego", max_nodes=9))) == {"ego"} | {
        f"c{i}" for i in range(1, 9)
    }


def test_large_graphs_stop_the_physics_and_small_ones_fit(G):
    options = embedded(render_html(nx.path_graph(1500)))["options"]
    assert options["physics"]["stabilization"]["enabled"] is True
    assert options["physics"]["stabilization"]["iterations"] <= 200
    assert options["layout"]["improvedLayout"] is False
    data = embedded(render_html(G, physics=False))
    assert data["options"]["physics"]["enabled"] is False
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in data["nodes"])


def test_bad_arguments(G):
    with pytest.raises(UnknownPersonError):
        render_html(G, ego="nobody")
    with pytest.raises(UnknownPersonError):
        render_html(G, focus="nobody")
    with pytest.raises(InputError, match="color_by"):
        render_html(G, color_by="colour")
    with pytest.raises(InputError, match="size_by"):
        render_html(G, size_by="company")
    with pytest.raises(InputError, match="radius"):
        render_html(G, focus="me", radius=-1)
    with pytest.raises(InputError, match="max_nodes"):
        render_html(G, max_nodes=0)
    render_html(nx.Graph([("a", "b")]))  # no community attribute: one colour, no error


def test_empty_selection_says_so():
    page = render_html(nx.Graph(), title="empty")
    assert "No one to draw" in page
    assert embedded(page)["nodes"] == []


# -- files and notebooks ------------------------------------------------------------------


def test_write_html_paths(G, tmp_path):
    default = write_html(G)
    assert default.name == "netgraph.html" and default.is_file()
    assert default.parent.name.startswith("netgraph-")
    into_dir = write_html(G, tmp_path)
    assert into_dir == (tmp_path / "netgraph.html").resolve()
    named = write_html(G, tmp_path / "mine.html", title="Mine")
    assert "<title>Mine</title>" in named.read_text(encoding="utf-8")


def test_notebook_html_escapes_the_page_into_srcdoc(G):
    page = render_html(G, title="say \"hi\" & 'bye'")
    frame = notebook_html(page, height=600)
    assert frame.startswith('<iframe srcdoc="') and frame.endswith("></iframe>")
    srcdoc = frame[len('<iframe srcdoc="') : frame.index('" sandbox=')]
    assert '"' not in srcdoc and "<" not in srcdoc and ">" not in srcdoc and "'" not in srcdoc
    assert html.unescape(srcdoc) == page
    doc = parse(frame)
    assert doc.tags[0][0] == "iframe" and doc.tags[0][1]["srcdoc"] == page
    assert doc.tags[0][1]["sandbox"] == "allow-scripts"
    assert "height: 600px" in doc.tags[0][1]["style"]


def test_show_returns_a_notebook_object(G, tmp_path):
    view = show(G, ego="me", height=500)
    assert isinstance(view, HTMLView)
    shown = view._repr_html_()
    assert shown.startswith("<iframe srcdoc=") and "height: 590px" in shown
    assert parse(shown).tags[0][1]["srcdoc"] == view.page == render_html(G, ego="me", height=500)
    assert view.save(tmp_path / "x.html").read_text(encoding="utf-8") == view.page


def test_tie_kinds_from_a_tie_table_take_precedence(G):
    ties = pd.DataFrame(
        {"strength": [0.9, 0.4], "kind": ["dormant", "strong"]},
        index=pd.MultiIndex.from_tuples([("ann", "me"), ("cy", "hal")], names=["source", "target"]),
    )
    order = list(G)
    data = embedded(render_html(G, ties=ties))
    by_pair = {frozenset((order[e["from"]], order[e["to"]])): e for e in data["edges"]}
    assert by_pair[frozenset(("me", "ann"))]["dashes"]  # the table says dormant
    assert by_pair[frozenset(("cy", "hal"))]["color"]["color"] == view_html.STRONG_COLOR
    assert by_pair[frozenset(("me", "bob"))]["width"] == 1.0  # not in the table: edge attribute
    with pytest.raises(InputError, match="kind"):
        render_html(G, ties=ties.drop(columns="kind"))


def test_unweighted_graphs_get_equal_thin_edges_and_no_width_legend():
    page = render_html(nx.path_graph(4), color_by=None)
    assert {e["width"] for e in embedded(page)["edges"]} == {1.5}
    assert "width = strength" not in page and "ng-legend" not in page.split("<script", 2)[1]
    dense = nx.complete_graph(70)  # 2,415 ties: thinner, fainter lines
    nx.set_edge_attributes(dense, {e: (e[0] + e[1]) / 140 for e in dense.edges}, "weight")
    edges = embedded(render_html(dense))["edges"]
    assert max(e["width"] for e in edges) <= 3.0 and edges[0]["color"]["opacity"] < 0.5


def test_inferred_ties_are_dotted_with_their_probability_in_the_tooltip():
    # issue 11.7: a tie that rests on inference is drawn differently from a known one
    people = pd.DataFrame(
        {"id": ["me", "ann", "bob", "cy"], "circles": ["", "climbing", "climbing", ""]}
    )
    ties = pd.DataFrame({"source": ["me", "me", "me", "ann"], "target": ["ann", "bob", "cy", "cy"]})
    net = netgraph.Network.from_frames(people, ties, ego="me").infer_ties()
    G = net.graph
    inferred = {frozenset((u, v)) for u, v, d in G.edges(data=True) if d["evidence"] == "inferred"}
    assert inferred == {frozenset(("ann", "bob"))}
    page = render_html(G, ego="me")
    index = {n["label"]: i for i, n in enumerate(embedded(page)["nodes"])}
    for edge in embedded(page)["edges"]:
        pair = frozenset(k for k, i in index.items() if i in (edge["from"], edge["to"]))
        tip = json.dumps(edge["tip"])
        if pair in inferred:
            assert edge["dashes"] == [2, 4] and "probability" in tip
        else:
            assert "dashes" not in edge
    assert "inferred tie (dotted" in page
    known_only = render_html(netgraph.Network.from_frames(people, ties, ego="me").graph)
    assert "inferred tie (dotted" not in known_only
