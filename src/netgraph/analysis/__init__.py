"""Analyses over a network graph: each is ``f(G, *, weight="weight", ...) -> pd.DataFrame``.

One module per concern: ``holes`` (Burt's structural holes), ``brokerage`` (Gould and
Fernandez roles), ``affinity`` (homophily and the E-I index), ``communities``, ``ties``
(weak ties and overlap) and ``closure`` (the closed-versus-open verdict).
"""

from netgraph.analysis.affinity import affinity, group_mixing
from netgraph.analysis.brokerage import brokerage
from netgraph.analysis.closure import closure
from netgraph.analysis.communities import communities
from netgraph.analysis.holes import ego_structural_holes, local_constraint, structural_holes
from netgraph.analysis.ties import weak_ties

__all__ = [
    "affinity",
    "brokerage",
    "closure",
    "communities",
    "ego_structural_holes",
    "group_mixing",
    "local_constraint",
    "structural_holes",
    "weak_ties",
]
