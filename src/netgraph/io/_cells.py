"""Spreadsheet formula escaping of text cells, shared by every CSV netgraph writes.

A cell (or a ``;``-separated part of one) that a spreadsheet could read as a formula gets a
leading ``'``; reading a file back removes exactly those.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["escape_formulas", "unescape_formulas"]


#: Where a spreadsheet may start a cell inside our text: at its start, and after a ``;``
#: (the list separator of German, French, Dutch, Italian and Spanish Excel, which splits
#: there whatever our quotes say), a tab or a line break.
_CELL_START = "(?<![^;\t\n\r])"
_PART_START = re.compile(_CELL_START + "(?=[=+\\-@\t\r'\"])")
_PART_ESCAPED = re.compile(_CELL_START + "'(?=[=+\\-@\t\r'\"])")


def escape_formulas(value: Any) -> Any:
    """Text with a ``'`` before each place a spreadsheet could start a formula; else as is.

    ``x;=cmd|' /C calc'!A0;`` becomes ``x;'=cmd|' /C calc'!A0;``: a spreadsheet splitting
    on ``;`` shows the second cell as text. A ``'`` (and a ``"``, which starts a quoted cell)
    at such a place gets one too, so that :func:`unescape_formulas` restores the text exactly.
    """
    if isinstance(value, str):
        return _PART_START.sub("'", value)
    return value


def unescape_formulas(value: Any) -> Any:
    """The value :func:`escape_formulas` was given."""
    if isinstance(value, str) and "'" in value:
        return _PART_ESCAPED.sub("", value)
    return value
