"""Read people, ties and interactions from files: CSV tables, LinkedIn exports, vCards.

``io`` reads and writes tables and never builds a :class:`netgraph.Network`: whole-network
readers return a :class:`NetworkTables` record, which :mod:`netgraph.readers` validates into a
Network.
"""

from netgraph.io.linkedin import read_linkedin_connections
from netgraph.io.record import NetworkTables
from netgraph.io.tables import (
    COLUMN_ALIASES,
    DATE_FORMATS,
    KIND_SYNONYMS,
    read_interactions,
    read_people,
    read_table,
    read_ties,
    validate_interactions,
    validate_people,
    validate_ties,
)
from netgraph.io.vcard import read_vcard_people

__all__ = [
    "COLUMN_ALIASES",
    "DATE_FORMATS",
    "KIND_SYNONYMS",
    "NetworkTables",
    "read_interactions",
    "read_linkedin_connections",
    "read_people",
    "read_table",
    "read_ties",
    "read_vcard_people",
    "validate_interactions",
    "validate_people",
    "validate_ties",
]
