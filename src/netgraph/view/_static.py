"""The CSS and JavaScript files of the pages, shipped in ``netgraph/view/static``."""

from __future__ import annotations

import functools
from importlib import resources


@functools.cache
def read(name: str) -> str:
    """Return ``netgraph/view/static/<name>`` as text, newlines as LF.

    The files ship inside the package (hatchling puts every file of ``src/netgraph`` in the
    wheel). Newlines are normalised as the browser's HTML parser normalises them, so that the
    script hashes of a Content-Security-Policy match what the browser sees.
    """
    text = resources.files("netgraph.view").joinpath("static", name).read_text(encoding="utf-8")
    return text.replace("\r\n", "\n").replace("\r", "\n")
