"""netgraph: understand and act on your network of relationships.

Is your network closed (dense clusters of people alike) or open (weak ties and brokerage
across structural holes)? netgraph measures it and recommends what to do: introductions to
ask for and to make, dormant ties to reconnect with, and relationships out of balance.

>>> import netgraph
>>> net = netgraph.sample()
>>> net.closure()["verdict"].iloc[0] in {"closed", "mixed", "open"}
True
"""

from netgraph.analysis.affinity import affinity
from netgraph.analysis.brokerage import brokerage
from netgraph.analysis.closure import closure
from netgraph.analysis.communities import communities
from netgraph.analysis.holes import local_constraint, structural_holes
from netgraph.analysis.ties import weak_ties
from netgraph.datasets import sample
from netgraph.errors import InputError, NetgraphError, NetgraphWarning, UnknownPersonError
from netgraph.network import Network
from netgraph.readers import (
    read_contacts,
    read_csv,
    read_graphml,
    read_ics,
    read_json,
    read_linkedin,
    read_mbox,
    read_vcard,
)
from netgraph.store import Store, open
from netgraph.strength import StrengthModel, tie_strength

__version__ = "0.1.0"

__all__ = [
    "InputError",
    "NetgraphError",
    "NetgraphWarning",
    "Network",
    "Store",
    "StrengthModel",
    "UnknownPersonError",
    "affinity",
    "brokerage",
    "closure",
    "communities",
    "local_constraint",
    "open",
    "read_contacts",
    "read_csv",
    "read_graphml",
    "read_ics",
    "read_json",
    "read_linkedin",
    "read_mbox",
    "read_vcard",
    "sample",
    "structural_holes",
    "tie_strength",
    "weak_ties",
]
