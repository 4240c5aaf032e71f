"""Recommendations: concrete, explained actions that open a closed network.

One module per recommendation, each a function of the same name (the modules are what
:class:`netgraph.Network` imports, so the functions are not re-exported here):

* :func:`netgraph.recommend.introductions.introductions`: people to be introduced to, through
  whom, and why; :func:`~netgraph.recommend.introductions.introductions_to_make`: pairs of
  contacts (or of communities) to bring together;
* :func:`netgraph.recommend.reconnect.reconnect`: this week's dormant or fading ties worth a
  message;
* :func:`netgraph.recommend.ledger.ledger`: gives and asks per relationship, against a rule of
  several gives per ask;
* :func:`netgraph.recommend.paths.paths_to`: warm chains of introductions to people matching
  a description.

Each returns a DataFrame with a plain-English ``reason`` column naming the people and the
evidence. They take a graph and tables, never a Network; ``net.introductions()`` and the
other methods of the same names call them.
"""

from netgraph.recommend import introductions, ledger, paths, reconnect

__all__ = ["introductions", "ledger", "paths", "reconnect"]
