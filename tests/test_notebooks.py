"""The tutorial notebooks: each runs top to bottom without an error, and is kept without outputs.

Each notebook is executed with nbclient in a fresh kernel (the ``python3`` kernel of the
interpreter running the tests, so the ``.venv`` one under ``.venv/bin/pytest``), from the
``notebooks/`` folder, with ``MPLBACKEND=Agg`` and ``NETGRAPH_DATA`` pointing at the shared SNAP
folder. Notebook 05 needs that folder and is skipped without it; nothing is downloaded.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
NEEDS_SNAP = {"05_organisation.ipynb": "email-Eu-core.txt"}
CELL_TIMEOUT = 300  # seconds, per cell

PATHS = sorted(NOTEBOOKS.glob("*.ipynb"))


def _load_generator():
    spec = importlib.util.spec_from_file_location(
        "make_notebooks", ROOT / "scripts" / "make_notebooks.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_six_tutorials_exist():
    assert [p.name for p in PATHS] == [
        "01_quickstart.ipynb",
        "02_your_own_network.ipynb",
        "03_weekly_reconnect.ipynb",
        "04_introductions.ipynb",
        "05_organisation.ipynb",
        "06_before_a_meeting.ipynb",
    ]


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name)
def test_committed_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    assert code, "a notebook without code"
    for cell in code:
        assert cell.outputs == [], f"{cell.id} has outputs: clear them before committing"
        assert cell.execution_count is None, f"{cell.id} has an execution count"


def test_notebooks_match_their_generator():
    generator = _load_generator()
    assert sorted(generator.NOTEBOOKS) == [p.name for p in PATHS]
    for path in PATHS:
        assert path.read_text(encoding="utf-8") == generator.render(path.name), (
            f"{path.name} differs from scripts/make_notebooks.py: edit the script and run "
            "python scripts/make_notebooks.py"
        )


def test_example_inputs_of_notebook_02_read_cleanly():
    import warnings

    import pandas as pd

    import netgraph

    data = NOTEBOOKS / "data"
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a NetgraphWarning would mean a malformed example file
        linkedin = netgraph.read_linkedin(data / "Connections.csv")
        book = netgraph.read_vcard(data / "contacts.vcf")
        meetings = netgraph.read_csv(interactions=data / "meetings.csv", ego="me")
    assert (data / "Connections.csv").read_text(encoding="utf-8").startswith('Notes:\n"')
    net = book.merge(linkedin).merge(meetings)
    # six people are in both the address book and LinkedIn: three matched by e-mail, three by URL
    both = net.people["tags"].notna() & net.people["connected_on"].notna()
    assert sorted(net.people.index[both]) == [
        "aisha.bello@fennel.example",
        "hana.sato@fennel.example",
        "helen.park@orbithealth.example",
        "priya.raman@fennel.example",
        "sofia@alves.example",
        "tom.becker@fennel.example",
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
    tom = net.stated_ties.query("target == 'tom.becker@fennel.example'")
    assert len(tom) == 1
    assert tom["kind"].iloc[0] == "contact"
    assert tom["since"].iloc[0] == pd.Timestamp("2023-03-02")
    # the date the InputError cell edits appears exactly once
    assert (data / "meetings.csv").read_text(encoding="utf-8").count("2024-07-02") == 1
    # every person in the meetings log is a known contact except the one new person
    logged = set(meetings.people.index) - {"me"}
    assert logged - set(book.people.index) == {"nadia.rahman@lumen.example"}


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name)
def test_notebook_runs(path, monkeypatch, shared_data_path, snap_file):
    if path.name in NEEDS_SNAP:
        snap_file(NEEDS_SNAP[path.name])  # skips, saying how to get it, when it is missing
    SNAP = shared_data_path / "snap"
    # the kernel inherits this process's environment
    monkeypatch.setenv("MPLBACKEND", "Agg")
    monkeypatch.setenv("NETGRAPH_DATA", str(SNAP))
    monkeypatch.setenv("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    nb = nbformat.read(path, as_version=4)
    # a last cell reports which interpreter ran the notebook
    nb.cells.append(nbformat.v4.new_code_cell("import sys\nprint(sys.prefix)", id="which-python"))
    before = sorted(p.relative_to(NOTEBOOKS) for p in NOTEBOOKS.rglob("*"))

    client = nbclient.NotebookClient(
        nb,
        kernel_name="python3",
        timeout=CELL_TIMEOUT,
        resources={"metadata": {"path": str(NOTEBOOKS)}},
    )
    client.execute()  # raises CellExecutionError, with the cell and traceback, on any error

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
