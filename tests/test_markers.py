"""The marker lists of tests/conftest.py name tests that exist (a typo would silently run a
slow test in `make quick`), and the quick selection leaves the slow tests out."""

import importlib.util
import re
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent


def _conftest():
    spec = importlib.util.spec_from_file_location("_conftest_lists", TESTS / "conftest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("table", ["SLOW", "BROWSER", "DOCS"])
def test_every_listed_file_and_test_exists(table):
    listed = getattr(_conftest(), table)
    for name, tests in listed.items():
        path = TESTS / name
        assert path.is_file(), f"conftest.py {table} lists {name}, which is not in tests/"
        text = path.read_text(encoding="utf-8")
        for test in tests or ():
            assert re.search(rf"^(?:async )?def {re.escape(test)}\(", text, re.MULTILINE), (
                f"conftest.py {table} lists {test} in {name}, which defines no such test or "
                "fixture (renamed?)"
            )


def test_the_quick_run_deselects_what_is_marked(pytestconfig):
    markers = pytestconfig.getini("markers")
    assert {m.split(":")[0] for m in markers} >= {"slow", "browser", "docs", "notebooks"}
    makefile = (TESTS.parent / "Makefile").read_text(encoding="utf-8")
    assert "not slow and not browser and not docs and not notebooks" in makefile
