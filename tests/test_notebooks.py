"""The tutorial notebooks: one source (a percent script), published executed, and each runs.

Each notebook is written once, as a jupytext percent script ``notebooks/NN_name.py``; ``make
notebooks`` (``scripts/build_notebooks.py``) executes it and commits ``notebooks/NN_name.ipynb``
with its outputs. The fast tests here check that every script has its executed notebook with
the same cells; ``test_notebook_runs`` (marked ``notebooks``, and slow) executes each script
with nbclient in a fresh kernel (the ``python3`` kernel of the interpreter running the tests,
so the ``.venv`` one under ``.venv/bin/pytest``), from the ``notebooks/`` folder, with
``MPLBACKEND=Agg`` and ``NETGRAPH_DATA`` pointing at the shared SNAP folder. Notebook 05 needs
that folder and is skipped without it; nothing is downloaded.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
pytest.importorskip("jupytext")

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
NEEDS_SNAP = {"05_organisation.py": "email-Eu-core.txt"}
CELL_TIMEOUT = 300  # seconds, per cell


def _load_builder():
    spec = importlib.util.spec_from_file_location(
        "build_notebooks", ROOT / "scripts" / "build_notebooks.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build = _load_builder()
SCRIPTS = build.scripts()


def test_each_script_has_its_executed_notebook_and_nothing_else():
    assert {p.stem for p in SCRIPTS} >= {
        "01_quickstart",
        "02_your_own_network",
        "03_weekly_reconnect",
        "04_introductions",
        "05_organisation",
    }
    built = {p.stem for p in NOTEBOOKS.glob("*.ipynb")}
    assert built == {p.stem for p in SCRIPTS}, (
        "each notebooks/NN_name.py needs its executed NN_name.ipynb and each .ipynb its script: "
        "run make notebooks (a notebook is never edited as .ipynb)"
    )


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.stem)
def test_committed_notebook_is_its_script_executed(script):
    path = script.with_suffix(".ipynb")
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    assert build.cells(nb) == build.cells(build.notebook(script)), (
        f"{path.name} differs from {script.name}: edit the script, then run "
        f"make notebooks (or python scripts/build_notebooks.py {script.stem})"
    )
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    assert code, "a notebook without code"
    assert [cell.execution_count for cell in code] == list(range(1, len(code) + 1)), (
        f"{path.name} was not executed top to bottom in one run: run make notebooks"
    )
    errors = [o for cell in code for o in cell.outputs if o.output_type == "error"]
    assert not errors, f"{path.name} was committed with an error output"
    assert any(cell.outputs for cell in code), f"{path.name} has no outputs"


def test_the_scripts_start_with_a_title_and_hold_no_magic():
    for script in SCRIPTS:
        text = script.read_text(encoding="utf-8")
        assert text.startswith("# %% [markdown]\n# # "), f"{script.name}: start with a # title"
        for line in text.splitlines():
            assert not line.startswith(("%", "!")), f"{script.name}: {line} (plain Python only)"


def test_example_inputs_of_notebook_02_read_cleanly():
    import warnings

    import pandas as pd

    import netgraph

    data = NOTEBOOKS / "data"
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a NetgraphWarning would mean a malformed example file
        linkedin = netgraph.read_linkedin(data / "Connections.csv")
        book = netgraph.read_vcard(data / "contacts.vcf")
        meetings = netgraph.read_csv(interactions=data / "meetings.csv", me="me")
    assert (data / "Connections.csv").read_text(encoding="utf-8").startswith('Notes:\n"')
    with pytest.warns(netgraph.NetgraphWarning) as merging:  # who matched, and how
        net = book.merge(linkedin).merge(meetings)
    assert "3 by e-mail, 3 by LinkedIn profile" in str(merging[0].message)
    # six people are in both the address book and LinkedIn: three matched by e-mail, three by URL
    both = net.people["tags"].notna() & net.people["connected_on"].notna()
    # each keeps its LinkedIn id (an id that is not an e-mail address wins)
    assert sorted(net.people.index[both]) == [
        "aisha-bello-0a7e13",
        "hana-sato",
        "helen-park-5d3390",
        "priya-raman-4f21a9",
        "sofia-alves-ux",
        "tom-becker-88b2c1",
    ]
    assert len(net.people) == len(book.people) + len(linkedin.people) - 1 - 6 + 1  # + Nadia
    # what notebook 02 says: Priya, Aisha and Helen share an e-mail address (Priya's in other
    # capitals), Tom, Hana and Sofia a profile URL (up to https://, www. and a trailing /)
    li, vc = linkedin.people, book.people
    by_email = li.index[li["email"].str.lower().isin(set(vc["email"].dropna()))]
    assert sorted(by_email) == ["aisha-bello-0a7e13", "helen-park-5d3390", "priya-raman-4f21a9"]

    def normal(url):
        return url.str.lower().str.replace(r"^https?://(www\.)?", "", regex=True).str.rstrip("/")

    by_url = li.index[normal(li["url"]).isin(set(normal(vc["url"].dropna())))]
    assert sorted(by_url) == ["hana-sato", "sofia-alves-ux", "tom-becker-88b2c1"]
    raw = (data / "Connections.csv").read_text(encoding="utf-8")
    assert "Priya.Raman@Fennel.example" in raw
    # Tom's two ties to the ego are one: the address book's kind, LinkedIn's date
    tom = net.stated_ties.query("target == 'tom-becker-88b2c1'")
    assert len(tom) == 1
    assert tom["kind"].iloc[0] == "contact"
    assert tom["since"].iloc[0] == pd.Timestamp("2023-03-02")
    # the date the InputError cell edits appears exactly once
    assert (data / "meetings.csv").read_text(encoding="utf-8").count("2024-07-02") == 1
    # every person in the meetings log is a known contact except the one new person
    logged = set(meetings.people.index) - {"me"}
    assert logged - set(book.people.index) == {"nadia.rahman@lumen.example"}


@pytest.mark.slow
@pytest.mark.notebooks
@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.stem)
def test_notebook_runs(script, monkeypatch, shared_data_path, snap_file):
    pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    if script.name in NEEDS_SNAP:
        snap_file(NEEDS_SNAP[script.name])  # skips, saying how to get it, when it is missing
    # the kernel inherits this process's environment
    monkeypatch.setenv("MPLBACKEND", "Agg")
    monkeypatch.setenv("NETGRAPH_DATA", str(shared_data_path / "snap"))
    monkeypatch.setenv("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    nb = build.notebook(script)
    # a last cell reports which interpreter ran the notebook
    nb.cells.append(nbformat.v4.new_code_cell("import sys\nprint(sys.prefix)", id="which-python"))
    before = sorted(p.relative_to(NOTEBOOKS) for p in NOTEBOOKS.rglob("*"))

    build.execute(nb, timeout=CELL_TIMEOUT)  # raises CellExecutionError on any error

    errors = [
        output
        for cell in nb.cells
        if cell.cell_type == "code"
        for output in cell.outputs
        if output.output_type == "error"
    ]
    assert not errors
    printed = "".join(o.get("text", "") for o in nb.cells[-1].outputs).strip()
    assert Path(printed).resolve() == Path(sys.prefix).resolve(), (
        f"the notebook ran under {printed}, not this environment ({sys.prefix})"
    )
    after = sorted(p.relative_to(NOTEBOOKS) for p in NOTEBOOKS.rglob("*"))
    assert after == before, "the notebook wrote files into notebooks/"
