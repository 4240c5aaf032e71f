"""The documentation site builds in strict mode, holds its pages and loads nothing from the web.

The build (``mkdocs build --strict``, about 3 s) fails on any warning: a broken link or anchor,
a docstring griffe cannot parse, a page missing from the nav. The griffe extension that turns
numpydoc's reStructuredText into Markdown (``docs/_griffe/numpydoc_rst.py``) is tested on its
own below.
"""

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

PAGES = [
    "index.html",
    "cli/index.html",
    "concepts/closure-vs-brokerage/index.html",
    "concepts/weak-and-dormant-ties/index.html",
    "concepts/tie-strength/index.html",
    "concepts/brokerage-and-homophily/index.html",
    "concepts/communities/index.html",
    "how-to/import-linkedin/index.html",
    "how-to/reconnect-weekly/index.html",
    "how-to/friday-review/index.html",
    "how-to/plan-introductions/index.html",
    "how-to/analyse-an-organisation/index.html",
    "how-to/share-privately/index.html",
    "how-to/before-a-meeting/index.html",
    "reference/network/index.html",
    "reference/analysis/index.html",
    "reference/strength/index.html",
    "reference/recommend/index.html",
    "reference/io/index.html",
    "reference/view/index.html",
    "reference/datasets/index.html",
    "reference/store/index.html",
    "reference/errors/index.html",
]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    for module in ("mkdocs", "material", "mkdocstrings", "mkdocstrings_handlers.python"):
        pytest.importorskip(module, reason=f"{module} is not installed: pip install -e '.[dev]'")
    out = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}  # Material's banner about MkDocs 2.0
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr}"
    return out, result.stderr


def test_the_strict_build_writes_every_page_without_a_warning(site):
    out, log = site
    missing = [page for page in PAGES if not (out / page).is_file()]
    assert not missing
    assert "WARNING" not in log
    # contributor notes stay out of the site
    assert not (out / "internal").exists()
    assert not (out / "_griffe").exists()


def test_the_network_reference_documents_its_methods(site):
    out, _ = site
    page = (out / "reference/network/index.html").read_text(encoding="utf-8")
    for method in ("structural_holes", "introductions", "introductions_to_make", "reconnect"):
        assert f'id="netgraph.Network.{method}"' in page, method
    assert "Burt's constraint, effective size, efficiency and hierarchy per person" in page


def test_docstring_rest_is_rendered_as_markdown(site):
    out, _ = site
    analysis = (out / "reference/analysis/index.html").read_text(encoding="utf-8")
    # Burt's constraint formula from the holes docstring, as LaTeX source in an arithmatex block
    assert re.search(r'<div class="arithmatex">\s*c_i = \\sum_\{j \\in N\(i\)\} c_\{ij\}', analysis)
    # the Gould-Fernandez roles table became an HTML table
    assert "<th>role</th>" in analysis and "<td>liaison</td>" in analysis
    for page in (out / "reference").glob("*/index.html"):
        html = page.read_text(encoding="utf-8")
        for rest in (".. math::", ":math:`", ":func:`", "]_"):
            assert rest not in html, (page.parent.name, rest)


def test_the_site_loads_nothing_from_the_network(site):
    out, _ = site
    remote = re.compile(
        r"<(?:script|img|iframe)\b[^>]*\bsrc=[\"'](?:https?:)?//"
        r"|<link\b[^>]*\bhref=[\"'](?:https?:)?//[^>]*>"
        r"|fonts\.googleapis\.com|fonts\.gstatic\.com"
    )
    for page in out.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not remote.search(html), page.relative_to(out)


def _extension():
    path = ROOT / "docs" / "_griffe" / "numpydoc_rst.py"
    spec = importlib.util.spec_from_file_location("numpydoc_rst", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_extension_converts_math_roles_citations_and_references():
    pytest.importorskip("griffe", reason="griffe is not installed: pip install -e '.[dev]'")
    convert = _extension().rst_to_markdown
    text = (
        "Constraint [1]_ of :math:`i`, see :func:`~netgraph.analysis.holes.structural_holes`:\n"
        "\n"
        ".. math::\n"
        "\n"
        "    c_i = \\sum_j c_{ij}\n"
        "\n"
        "References\n"
        "----------\n"
        ".. [1] Burt, Ronald S. *Structural Holes.*\n"
        "   Harvard University Press, 1992.\n"
    )
    assert convert(text).split("\n") == [
        "Constraint &#91;1&#93; of \\(i\\), see `structural_holes`:",
        "",
        "$$",
        "c_i = \\sum_j c_{ij}",
        "$$",
        "",
        "References",
        "----------",
        "",
        "&#91;1&#93; Burt, Ronald S. *Structural Holes.*",
        "   Harvard University Press, 1992.",
        "",
    ]


def test_the_extension_converts_simple_tables_and_literal_blocks():
    pytest.importorskip("griffe", reason="griffe is not installed: pip install -e '.[dev]'")
    convert = _extension().rst_to_markdown
    table = (
        "====  =========\n"
        "role  pattern\n"
        "====  =========\n"
        "a     A -> A | B\n"
        "b     :math:`x`\n"
        "====  =========\n"
    )
    assert convert(table).split("\n") == [
        "| role | pattern |",
        "| --- | --- |",
        "| a | A -> A \\| B |",
        "| b | \\(x\\) |",
        "",
        "",
    ]
    assert convert("The tree::\n\n    a\n    b") == "The tree:\n\n    a\n    b"
    see_also = "See Also\n--------\nshow : Display it.\nnx.bridges, nx.local_bridges\n"
    assert convert(see_also).split("\n") == [
        "See Also",
        "--------",
        "- `show`: Display it.",
        "- `nx.bridges`, `nx.local_bridges`",
        "",
    ]
    assert convert("Indented ::\n\n    code") == "Indented\n\n    code"


def test_every_executed_notebook_is_a_page_with_its_outputs(site):
    out, _ = site
    notebooks = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    assert notebooks
    home = (out / "index.html").read_text(encoding="utf-8")
    for path in notebooks:
        page = out / "notebooks" / path.stem / "index.html"
        assert page.is_file(), page
        assert f"notebooks/{path.stem}/" in home, f"{path.stem} is missing from the nav"
    quickstart = (out / "notebooks/01_quickstart/index.html").read_text(encoding="utf-8")
    assert '<img class="nb-plot"' in quickstart and 'src="data:image/png;base64,' in quickstart
    assert "<table" in quickstart  # a DataFrame, as pandas wrote it
    assert 'class="language-python' in quickstart or "highlight" in quickstart
