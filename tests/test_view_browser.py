"""The page in a real headless Chromium: it draws, runs nothing hostile and fetches nothing.

How: Chromium loads the page from a file with ``--dump-dom`` and a virtual-time budget (timers
run fast, so the layout settles), then prints the DOM. The page keeps a hidden
``<output id="netgraph-status">`` up to date: drawn node and edge counts (vis-network's own
``body.nodeIndices`` / ``body.edgeIndices``), script and console errors, Content-Security-Policy
violations (any attempted request outside the page, or an injected inline handler, is one) and
``performance.getEntriesByType("resource")``. No DevTools protocol, so no websocket client is
needed. DNS is also pointed at nowhere (``--host-resolver-rules``), so even a bug cannot leak.

Chromium comes from ``scripts/ensure-chromium`` (run by ``make test``); without it the tests skip.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pytest

from netgraph.view.html import write_html

HOSTILE_IMG = "<img src=x onerror=\"document.title='pwned-img'\">"
HOSTILE_SCRIPT = "</script><script>document.title='pwned-script'</script>"
HOSTILE_SVG = "<svg onload=\"document.title='pwned-svg'\"></svg>"

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-dev-shm-usage",
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--virtual-time-budget=15000",
    "--window-size=1200,800",
]


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


CHROMIUM = _chromium()
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="no chromium on PATH: run `bash scripts/ensure-chromium` "
    "(or apt-get install chromium) to run the browser tests",
)


class _Status(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.status: dict[str, str | None] | None = None
        self.tags: list[str] = []
        self.title: list[str] = []
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self._in_title = tag == "title"
        if tag == "output" and dict(attrs).get("id") == "netgraph-status":
            self.status = dict(attrs)

    def handle_endtag(self, tag):
        self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title.append(data)


def load(path: Path, tmp_path: Path) -> _Status:
    """Open `path` in headless Chromium and return the parsed final DOM."""
    profile = tmp_path / "chromium-profile"
    result = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--dump-dom", path.as_uri()],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    parser = _Status()
    parser.feed(result.stdout)
    assert parser.status is not None, (
        "the page's status element is missing:\n" + result.stdout[:500]
    )
    return parser


def facts(doc: _Status) -> dict:
    s = doc.status
    return {
        "state": s.get("data-state"),
        "nodes": int(s.get("data-nodes", -1)),
        "edges": int(s.get("data-edges", -1)),
        "errors": json.loads(s.get("data-errors", "null")),
        "violations": json.loads(s.get("data-violations", "null")),
        "resources": json.loads(s.get("data-resources", "null")),
    }


@pytest.fixture
def hostile() -> nx.Graph:
    G = nx.Graph()
    G.add_node("me", name="Maya", company="Acme")
    G.add_node("x1", name=HOSTILE_IMG, company=HOSTILE_SVG)
    G.add_node("x2", name=HOSTILE_SCRIPT, company="Globex")
    G.add_node("x3", name="Line\u2028Sep\u2029", company="Globex", note=HOSTILE_IMG)
    G.add_edge("me", "x1", weight=0.9, tie_kind="strong", note=HOSTILE_SVG)
    G.add_edge("me", "x2", weight=0.2, tie_kind="weak")
    G.add_edge("x1", "x2", weight=0.5, tie_kind="dormant")
    G.add_edge("x2", "x3", weight=0.4)
    return G


def test_page_draws_everything_runs_nothing_hostile_and_fetches_nothing(hostile, tmp_path):
    page = write_html(
        hostile,
        tmp_path / "hostile.html",
        title=HOSTILE_SCRIPT,
        ego="me",
        color_by="company",
        overlay=[("me", "x3")],
    )
    doc = load(page, tmp_path)
    got = facts(doc)
    assert got["errors"] == [] and got["violations"] == []
    assert got["state"] == "stable"
    assert got["nodes"] == 4
    assert got["edges"] == 4 + 1  # the ties and the suggested introduction
    # Only our own page: no resource fetched at all (everything is inline).
    assert [r for r in got["resources"] if not r.startswith(("data:", "file:"))] == []
    assert got["resources"] == []
    # The payloads stayed text: no element was created from them and none of them ran.
    title = "".join(doc.title)
    assert "pwned" not in title.replace(HOSTILE_SCRIPT, "")
    assert title == HOSTILE_SCRIPT
    assert "img" not in doc.tags and "iframe" not in doc.tags
    assert doc.tags.count("script") == 4


def test_a_large_page_settles_and_draws_every_node(tmp_path):
    G = nx.barabasi_albert_graph(2000, 2, seed=3)
    nx.set_node_attributes(G, {n: n % 7 for n in G}, "community")
    page = write_html(G, tmp_path / "big.html", max_nodes=1200)
    kept = sorted(G, key=lambda n: -G.degree[n])[:1200]
    got = facts(load(page, tmp_path))
    assert got["errors"] == [] and got["violations"] == [] and got["resources"] == []
    assert got["state"] == "stable"  # the layout stopped within the time budget
    assert got["nodes"] == 1200
    assert got["edges"] == G.subgraph(kept).number_of_edges()


def test_fixed_layout_without_physics(tmp_path):
    G = nx.karate_club_graph()
    got = facts(load(write_html(G, tmp_path / "fixed.html", physics=False), tmp_path))
    assert got["errors"] == [] and got["violations"] == []
    assert (got["state"], got["nodes"], got["edges"]) == ("stable", 34, 78)


def test_the_page_would_report_an_outbound_request(tmp_path):
    """Control: the status element does catch a request, so 'no violation' above means something."""
    G = nx.path_graph(3)
    page = write_html(G, tmp_path / "leaky.html").read_text(encoding="utf-8")
    leaky = tmp_path / "leaky.html"
    leaky.write_text(
        page.replace("</body>", '<img src="https://example.com/pixel.png"></body>'),
        encoding="utf-8",
    )
    got = facts(load(leaky, tmp_path))
    assert any("example.com" in v for v in got["violations"])
    assert got["nodes"] == 3  # the page still works


# -- layout as a person sees it (issue 15 points 10 to 13) ------------------------------------

_PROBE = """<script>
window.addEventListener("load", function () { setTimeout(function () {
  var vw = document.documentElement.clientWidth, wide = [];
  document.querySelectorAll("body *").forEach(function (el) {
    var r = el.getBoundingClientRect();
    if (r.width > 0 && (r.right > vw + 0.5 || r.left < -0.5)) {
      wide.push(el.tagName.toLowerCase() + "." + el.className + " " + Math.round(r.left) +
        ".." + Math.round(r.right));
    }
  });
  var legend = document.querySelector(".ng-legend");
  parent.postMessage(JSON.stringify({
    width: vw,
    scroll_width: document.documentElement.scrollWidth,
    wide: wide,
    count_lines: Array.from(document.querySelectorAll(".ng-count")).map(function (e) {
      return e.getClientRects().length;
    }),
    legend_open: legend ? legend.open : null,
    rows: Array.from(document.querySelectorAll("tbody tr")).map(function (e) {
      return Math.round(e.getBoundingClientRect().height);
    }),
    images: Array.from(document.querySelectorAll("img")).map(function (e) {
      var r = e.getBoundingClientRect();
      return [Math.round(r.left), Math.round(r.top), Math.round(r.width)];
    })
  }), "*");
}, 2500); });
</script>"""


def measure(page: Path, tmp_path: Path, width: int) -> dict:
    """Load a copy of `page` in a frame `width` pixels wide, with a script measuring its layout.

    The copy drops the Content-Security-Policy (which would block the measuring script) and
    nothing else. A frame of exact width stands in for a phone or a desktop window (headless
    Chromium will not make a window narrower than 500 pixels); media queries see its width.
    """
    import html as html_module
    import re

    text = page.read_text(encoding="utf-8")
    text = re.sub(r"<meta http-equiv=['\"]Content-Security-Policy['\"][^>]*>", "", text)
    probe = tmp_path / f"probe-{width}-{page.name}"
    probe.write_text(text.replace("</body>", _PROBE + "</body>"), encoding="utf-8")
    frame = tmp_path / f"frame-{width}-{page.name}"
    frame.write_text(
        "<!DOCTYPE html><html><body style='margin:0'>"
        f"<iframe src='{probe.name}' style='width:{width}px;height:900px;border:0'></iframe>"
        "<pre id='layout-probe'></pre><script>window.addEventListener('message', function (e) "
        "{ document.getElementById('layout-probe').textContent = e.data; });</script>"
        "</body></html>",
        encoding="utf-8",
    )
    flags = [f for f in FLAGS if not f.startswith("--window-size")]
    result = subprocess.run(
        [
            CHROMIUM,
            *flags,
            "--hide-scrollbars",
            f"--window-size={width + 100},1000",
            f"--user-data-dir={tmp_path / 'chromium-profile'}",
            "--dump-dom",
            frame.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=90,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    found = re.search(r'<pre id="layout-probe">(.+?)</pre>', result.stdout, re.S)
    assert found, result.stdout[-1000:]
    return json.loads(html_module.unescape(found.group(1)))


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    import netgraph
    from netgraph.report import write_report

    out = tmp_path_factory.mktemp("demo")
    write_report(netgraph.sample(), out, progress=False)
    return out


@pytest.mark.parametrize("width", [1400, 390])
def test_the_view_fits_the_screen_and_its_legend_reads_well(demo, tmp_path, width):
    got = measure(demo / "network.html", tmp_path, width)
    assert got["width"] == width
    assert got["wide"] == [] and got["scroll_width"] <= width
    if width >= 1000:
        assert got["legend_open"] is True
        assert got["count_lines"] and set(got["count_lines"]) == {1}  # "(60)" never split
    else:  # on a phone the legend starts collapsed, leaving the graph visible
        assert got["legend_open"] is False


def test_the_egos_label_is_drawn_on_top(demo, tmp_path):
    doc = load(demo / "network.html", tmp_path)
    assert doc.status.get("data-top") == "Alex Morgan"


@pytest.mark.parametrize("width", [1400, 390])
def test_the_report_fits_the_screen(demo, tmp_path, width):
    got = measure(demo / "report.html", tmp_path, width)
    assert got["width"] == width
    assert got["wide"] == [] and got["scroll_width"] <= width
    if width >= 1000:
        assert max(got["rows"]) < 200  # no table row 250 to 300 pixels tall
        # Plots two to a row, not each alone on its own row.
        tops = [top for _, top, _ in got["images"]]
        assert len(tops) >= 4 and len(set(tops)) <= (len(tops) + 1) // 2
