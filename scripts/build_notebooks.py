"""Build the tutorial notebooks from their one source, the percent scripts in ``notebooks/``.

Each notebook is written once, as a jupytext *percent* script (``notebooks/01_quickstart.py``:
``# %% [markdown]`` and ``# %%`` start the cells), which ruff lints like any Python file. This
script reads each one into a notebook, executes it in a fresh ``python3`` kernel from the
``notebooks/`` folder, and writes ``notebooks/01_quickstart.ipynb`` with its outputs (tables,
plots), so that a reader on GitHub or on the documentation site sees the results::

    make notebooks                                        # every notebook
    python scripts/build_notebooks.py 03_weekly_reconnect  # one (name or path, .py optional)
    python scripts/build_notebooks.py --check              # are the .ipynb in step? (no run)

Cell ids are numbered (``cell-01``, ...) and no timings are recorded, so rebuilding an
unchanged script changes only what its outputs changed. An output over ``MAX_OUTPUT`` bytes
(``net.show()``'s interactive view inlines its JavaScript: about 1.5 MB) is replaced by a
note, so the repository does not grow by megabytes at each rebuild; run the notebook to see
it. Notebook 05 reads the SNAP email-Eu-core data from ``NETGRAPH_DATA``, set here to
``snap/`` in ``NETGRAPH_SHARED_DATA`` (default: ``shared/data`` beside the repository).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path

import jupytext
import nbformat

__all__ = ["NOTEBOOKS", "execute", "main", "notebook", "scripts", "shrink", "write"]

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
SHARED = Path(os.environ.get("NETGRAPH_SHARED_DATA") or ROOT.parent / "shared" / "data")
CELL_TIMEOUT = 600  # seconds, per cell
TEMP_CELL = re.compile(r"\S*ipykernel_\d+[/\\]\d+\.py")  # the file a kernel runs a cell from
MAX_OUTPUT = 500_000  # bytes of one output kept in a committed notebook
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


def scripts(folder: Path = NOTEBOOKS) -> list[Path]:
    """The notebooks' percent scripts: ``NN_name.py`` in ``folder``, in order."""
    return sorted(p for p in folder.glob("[0-9][0-9]_*.py"))


def notebook(script: Path) -> nbformat.NotebookNode:
    """The notebook a percent script describes, without outputs, with numbered cell ids."""
    nb = jupytext.read(script, fmt="py:percent")
    nb.metadata = nbformat.NotebookNode(
        kernelspec=KERNELSPEC, language_info=nbformat.NotebookNode(name="python")
    )
    for number, cell in enumerate(nb.cells, start=1):
        cell.id = f"cell-{number:02d}"
        cell.metadata = nbformat.NotebookNode()
    nbformat.validate(nb)
    return nb


def execute(nb: nbformat.NotebookNode, *, timeout: int = CELL_TIMEOUT) -> nbformat.NotebookNode:
    """Run ``nb`` in place in a fresh python3 kernel from ``notebooks/``; raise on an error.

    The kernel inherits this process's environment.
    """
    import nbclient

    client = nbclient.NotebookClient(
        nb,
        kernel_name="python3",
        timeout=timeout,
        record_timing=False,
        resources={"metadata": {"path": str(NOTEBOOKS)}},
    )
    client.execute()  # raises CellExecutionError, with the cell and traceback, on any error
    return nb


def shrink(nb: nbformat.NotebookNode, limit: int = MAX_OUTPUT) -> nbformat.NotebookNode:
    """Replace each output larger than ``limit`` bytes by a one-line note, in place.

    Also names a cell ``<cell>`` in warnings instead of the kernel's temporary file (a path
    with a process id, different at each run).
    """
    for cell in nb.cells:
        for i, output in enumerate(cell.get("outputs", [])):
            if output.output_type == "stream":
                output.text = TEMP_CELL.sub("<cell>", output.text)
            size = len(json.dumps(output))
            if size > limit:
                what = "interactive view" if "text/html" in output.get("data", {}) else "output"
                note = (
                    f"[The {what} ({size / 1e6:.1f} MB) is left out of the committed notebook "
                    "to keep the repository small: run the notebook to see it.]"
                )
                cell.outputs[i] = nbformat.v4.new_output("display_data", data={"text/plain": note})
    return nb


def write(nb: nbformat.NotebookNode, path: Path) -> None:
    path.write_text(nbformat.writes(nb) + "\n", encoding="utf-8")


def cells(nb: nbformat.NotebookNode) -> list[tuple[str, str]]:
    """What must agree between a script and its notebook: each cell's type and source."""
    return [(cell.cell_type, cell.source) for cell in nb.cells]


def _find(name: str) -> Path:
    path = Path(name)
    if path.suffix != ".py":
        path = NOTEBOOKS / f"{path.stem}.py"
    if not path.is_file():
        raise SystemExit(
            f"no percent script {path}; the notebooks are {[p.name for p in scripts()]}"
        )
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="notebooks to build (default: all)")
    parser.add_argument(
        "--check", action="store_true", help="compare each .ipynb's cells with its script only"
    )
    args = parser.parse_args(argv)
    paths = [_find(name) for name in args.names] or scripts()
    if args.check:
        stale = []
        for script in paths:
            built = script.with_suffix(".ipynb")
            if not built.is_file() or cells(nbformat.read(built, as_version=4)) != cells(
                notebook(script)
            ):
                stale.append(built.name)
        if stale:
            print("out of step with their scripts (run make notebooks):", ", ".join(stale))
            return 1
        print(f"{len(paths)} notebooks in step with their scripts")
        return 0
    os.environ.setdefault("NETGRAPH_DATA", str(SHARED / "snap"))
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    os.environ["PYTHONHASHSEED"] = "0"  # the same plots at each rebuild (ego_map varies with it)
    os.environ.pop("MPLBACKEND", None)  # the kernel's inline backend, so plots are kept
    for script in paths:
        nb = shrink(execute(notebook(script)))
        write(nb, script.with_suffix(".ipynb"))
        print(f"wrote {script.with_suffix('.ipynb').relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
