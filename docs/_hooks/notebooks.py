"""mkdocs hook: each executed notebook in ``notebooks/`` becomes a page of the site.

The notebooks are committed executed (``make notebooks``), so the site shows them as they are,
outputs included, without running anything: text cells as Markdown, code cells as Python
blocks, tables as the HTML pandas wrote, plots as embedded PNG images (``data:`` URLs: the site
loads nothing from the network). Each page is ``notebooks/NN_name/`` and the nav gets a
*Notebooks* section listing every notebook in order, so a new notebook needs no edit here or in
``mkdocs.yml``. No dependency beyond nbformat.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import nbformat
from mkdocs.structure.files import File

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
SECTION = "Notebooks"


def _notebooks() -> list[Path]:
    return sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))


def _title(nb: nbformat.NotebookNode, path: Path) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            match = re.search(r"^# (.+)$", cell.source, re.MULTILINE)
            if match:
                return match.group(1).strip()
    return path.stem


def _fence(text: str, lang: str = "") -> str:
    ticks = "`" * max(3, max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    return f"{ticks}{lang}\n{text.rstrip()}\n{ticks}\n"


def _output(output: nbformat.NotebookNode) -> str:
    kind = output.output_type
    if kind == "stream":
        return _fence(output.text, "text")
    if kind == "error":
        return _fence("\n".join(output.traceback), "text")
    data = output.get("data", {})
    if "image/png" in data:
        png = data["image/png"].replace("\n", "")
        alt = html.escape(data.get("text/plain", "a plot"), quote=True)
        return f'<p><img class="nb-plot" alt="{alt}" src="data:image/png;base64,{png}"></p>\n'
    if "text/html" in data:
        return f'<div class="nb-output">\n{data["text/html"].strip()}\n</div>\n'
    if "text/markdown" in data:
        return data["text/markdown"].strip() + "\n"
    if "text/plain" in data:
        return _fence(data["text/plain"], "text")
    return ""


def page(path: Path) -> str:
    """The Markdown page of one executed notebook."""
    nb = nbformat.read(path, as_version=4)
    parts = []
    for number, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown":
            text = re.sub(r"\]\((\d\d_\w+)\.ipynb\)", r"](\1.md)", cell.source)
            parts.append(text.strip() + "\n")
            if number == 0:
                parts.append(
                    f"!!! note\n    This page is the executed notebook `notebooks/{path.name}`; "
                    f"its source is the script `notebooks/{path.stem}.py`. Run it yourself "
                    "with Jupyter (see `notebooks/README.md`).\n"
                )
        elif cell.cell_type == "code":
            parts.append(_fence(cell.source, "python"))
            parts.extend(_output(output) for output in cell.get("outputs", []))
    return "\n".join(part for part in parts if part)


def on_config(config):
    nav = config.nav or []
    nav[:] = [item for item in nav if not (isinstance(item, dict) and SECTION in item)]
    entries = [
        {_title(nbformat.read(p, as_version=4), p): f"notebooks/{p.stem}.md"} for p in _notebooks()
    ]
    if entries:
        # after the how-to guides when there are any, else at the end
        howto = [i for i, item in enumerate(nav) if "How-to" in str(item)]
        at = howto[0] + 1 if howto else len(nav)
        nav.insert(at, {SECTION: entries})
    config.nav = nav
    return config


def on_files(files, config):
    for path in _notebooks():
        files.append(File.generated(config, f"notebooks/{path.stem}.md", content=page(path)))
    return files
