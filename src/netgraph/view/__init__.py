"""Seeing the network: interactive HTML pages and matplotlib plots.

:mod:`netgraph.view.html` renders a self-contained, interactive page (no outbound request);
:mod:`netgraph.view.plots` draws static figures on matplotlib Axes. Both take networkx graphs
and pandas frames and never modify them.
"""

from netgraph.view.html import HTMLView, notebook_html, render_html, show, write_html
from netgraph.view.plots import (
    affinity_composition,
    brokerage_scatter,
    ego_map,
    interaction_timeline,
    strength_distribution,
)

__all__ = [
    "HTMLView",
    "affinity_composition",
    "brokerage_scatter",
    "ego_map",
    "interaction_timeline",
    "notebook_html",
    "render_html",
    "show",
    "strength_distribution",
    "write_html",
]
