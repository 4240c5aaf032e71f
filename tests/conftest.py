"""Shared fixtures and markers for the whole test suite.

Real data
---------
Some tests read public SNAP data sets (``email-Eu-core``, ``CollegeMsg``) and the Facebook ego
networks, which are kept outside the repository. They are looked for in

1. the folder named by the ``NETGRAPH_SHARED_DATA`` environment variable, then
2. ``shared/data/`` beside the repository (``../shared/data`` from the project root),

each holding ``snap/`` and ``ego-facebook/``. Without them those tests are skipped, saying so.
Use the fixtures, never a path of your own::

    def test_something(snap_file):
        path = snap_file("email-Eu-core.txt")  # skips the test when the file is missing

Markers
-------
``slow`` (more than a few seconds), ``browser`` (drives headless Chromium), ``docs`` (builds the
documentation site) and ``notebooks`` (executes the tutorial notebooks) are registered in
``pyproject.toml``. ``make quick`` runs ``pytest -m "not slow and not browser and not docs and
not notebooks"`` (under a minute); ``make test`` runs everything. Mark a new slow test with
``@pytest.mark.slow``, or list it in ``SLOW`` below if you would rather not touch its file.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings

# No wall-clock limit on a Hypothesis example (its default is 200 ms): timings are measured in
# benchmarks/, never asserted by a unit test on a shared machine.
settings.register_profile("netgraph", deadline=None)
settings.load_profile("netgraph")

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA_ENV = "NETGRAPH_SHARED_DATA"
SNAP_URL = "https://snap.stanford.edu/data/"


def shared_data_dir() -> Path:
    """The folder holding ``snap/`` and ``ego-facebook/`` (it may not exist)."""
    env = os.environ.get(SHARED_DATA_ENV)
    return Path(env).expanduser() if env else ROOT.parent / "shared" / "data"


def _missing(what: str, folder: str) -> str:
    where = shared_data_dir() / folder
    why = (
        f"named by {SHARED_DATA_ENV}"
        if os.environ.get(SHARED_DATA_ENV)
        else f"shared/data beside the repository; set {SHARED_DATA_ENV} to look elsewhere"
    )
    return (
        f"needs {what}, a public data set kept outside the repository: not found in {where} "
        f"({why}). Get it from {SNAP_URL}; see CONTRIBUTING.md, 'Real data sets'."
    )


@pytest.fixture(scope="session")
def shared_data_path() -> Path:
    """Where the shared data folder is looked for (it may not exist): never skips."""
    return shared_data_dir()


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The shared data folder (``snap/``, ``ego-facebook/``); skips the test when absent."""
    folder = shared_data_dir()
    if not folder.is_dir():
        pytest.skip(_missing("the shared data folder", ""))
    return folder


@pytest.fixture(scope="session")
def snap_dir() -> Path:
    """The SNAP folder (email-Eu-core, its department labels, CollegeMsg); skips when absent."""
    folder = shared_data_dir() / "snap"
    if not folder.is_dir():
        pytest.skip(_missing("the SNAP folder", "snap"))
    return folder


@pytest.fixture(scope="session")
def snap_file() -> Callable[..., Path]:
    """``snap_file(name, ...)``: the path of a SNAP file (the first one); skips when missing."""

    def find(*names: str) -> Path:
        paths = [shared_data_dir() / "snap" / name for name in names]
        missing = [p.name for p in paths if not p.is_file()]
        if missing:
            pytest.skip(_missing(f"the SNAP file {' and '.join(missing)}", "snap"))
        return paths[0]

    return find


@pytest.fixture(scope="session")
def ego_facebook() -> Path:
    """The SNAP Facebook ego networks (``0.edges``, ``0.circles``, ...); skips when absent."""
    folder = shared_data_dir() / "ego-facebook"
    if not folder.is_dir():
        pytest.skip(_missing("the Facebook ego networks", "ego-facebook"))
    return folder


# Tests marked here by name rather than with a decorator in their file (several people edit
# the test files at once; a list here does not conflict). Keys are file names; a value of
# None marks the whole file, otherwise the names of its test functions (without parameters)
# or of a fixture they use (e.g. a module fixture that runs a whole workflow once).
# Measured with `pytest --durations=0`: each takes more than about 1.5 s on two free cores.
SLOW: dict[str, set[str] | None] = {
    "test_benchmarks.py": None,  # runs the benchmark scripts in subprocesses
    "test_brief.py": {
        "test_cli_brief",
        "test_sample_brief_has_every_part",
    },
    "test_brokerage.py": {
        "test_email_eu_core_equals_brute_force",
        "test_matches_brute_force_on_random_graphs",
    },
    "test_cli.py": {
        "test_demo_writes_the_report_view_and_plots",
        "test_introductions_table",
        "test_report_anonymized_for_sharing",
        "test_report_from_csv_files",
        "test_report_from_linkedin_and_vcard_holds_every_section",
        "test_report_page_forbids_every_request_and_allows_only_the_views_scripts",
        "test_sample_report_holds_every_section",
    },
    "test_contract.py": {
        "test_results_do_not_depend_on_the_hash_seed",
        "test_shuffled_rows_give_the_same_results",
    },
    "test_holes.py": {
        "test_ego_with_additions_equals_copy_with_edges",
        "test_generated_graphs_match_formula",
        "test_networkx_backend_dispatch",
        "test_networkx_own_structural_holes_tests_pass_on_the_backend",
        "test_real_graphs_match_networkx_per_node",
    },
    "test_hostile_input.py": {
        "test_a_report_that_fails_half_way_keeps_the_good_report",
        "test_anonymized_outputs_hold_no_name_email_or_url",
        "test_cli_prints_names_wrapped_to_the_terminal",
        "test_cli_warnings_are_one_clean_line",
        "test_every_command_escapes_control_characters_in_what_it_prints",
        "test_read_csv_refuses_a_folder_whose_write_was_interrupted",
        "test_report_speaks_of_people_by_name",
        "test_report_with_dollar_names",
        "test_vcard_benchmark_runs",
    },
    "test_identity.py": {"test_property_matching_does_not_depend_on_order"},
    "test_inference.py": {"test_refit_on_ego_facebook_gives_the_shipped_model_and_auc"},
    "test_io_fuzz.py": None,  # Hypothesis fuzzing of every reader
    "test_io_fuzz_public.py": None,
    "test_issue13_shuffle.py": None,  # the whole pipeline on shuffled rows, three times
    "test_merge_identity.py": {
        "test_cli_reads_calendar_mailbox_contacts_and_archive",
        "test_property_merged_networks_have_the_same_people_and_ties",
        "test_sample_from_files",
    },
    "test_privacy.py": {
        "test_anonymized_page_holds_no_id_name_or_email",
        "workflow",  # the module fixture that runs the whole workflow in a subprocess
    },
    "test_properties.py": None,  # Hypothesis properties of the whole pipeline
    "test_recommend_introductions.py": {
        "test_organisation_bridges_on_email_eu_core",
        "test_pairs_to_make_are_untied_contacts_who_both_gain",
    },
    "test_roles.py": {"test_sample_and_cli"},
    "test_sample_files.py": {"test_regenerated_byte_for_byte"},
    "test_store.py": {
        "test_a_process_killed_during_an_import_leaves_the_store_as_it_was",
        "test_several_processes_logging_at_once_lose_nothing",
    },
    "test_strength.py": {
        "test_adding_an_interaction_never_lowers_strength",
        "test_moving_an_interaction_later_never_lowers_strength",
        "test_strength_and_components_lie_in_the_unit_interval",
        "test_strength_is_symmetric",
    },
    "test_ties.py": {
        "test_email_eu_core_directed",
        "test_random_graphs_match_references",
    },
    "test_week.py": {"test_the_report_gains_a_habit_section"},
}
BROWSER: dict[str, set[str] | None] = {"test_view_browser.py": None}
DOCS: dict[str, set[str] | None] = {"test_docs.py": None}
MARKED = {"slow": SLOW, "browser": BROWSER, "docs": DOCS}  # notebooks: in test_notebooks.py


def _listed(item: pytest.Item, table: dict[str, set[str] | None]) -> bool:
    name = item.path.name
    if name not in table:
        return False
    names = table[name]
    if names is None:
        return True
    own = getattr(item, "originalname", item.name)
    return own in names or not names.isdisjoint(getattr(item, "fixturenames", ()))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        for marker, table in MARKED.items():
            if _listed(item, table):
                item.add_marker(marker)
