"""Recommendations: concrete, explained actions that open a closed network.

* :func:`introductions`: people to be introduced to, through whom, and why;
  :func:`introductions_to_make`: pairs of contacts (or of communities) to bring together;
* :func:`reconnect`: this week's dormant or fading ties worth a message;
* :func:`ledger`: gives and asks per relationship, against a rule of several gives per ask;
* :func:`paths_to`: warm chains of introductions to people matching a description;
* :func:`brief`: what to know before meeting someone (a :class:`Brief`);
* :func:`goal`: the strategic network toward a goal (a :class:`Goal`);
* :func:`thanks_owed`: favours received and never thanked;
* :func:`roles`: mentors, mentees, reverse mentors, champions and allies (a :class:`Roles`).

Each returns a DataFrame with a plain-English ``reason`` column naming the people and the
evidence. They take a graph and tables, never a Network; ``net.introductions()`` and the
other methods of the same names call them.
"""

from netgraph.recommend.brief import Brief, brief
from netgraph.recommend.goal import Goal, goal
from netgraph.recommend.introductions import introductions, introductions_to_make
from netgraph.recommend.ledger import ledger
from netgraph.recommend.paths import paths_to
from netgraph.recommend.reconnect import reconnect
from netgraph.recommend.roles import Roles, roles
from netgraph.recommend.thanks import thanks_owed

__all__ = [
    "Brief",
    "Goal",
    "Roles",
    "brief",
    "goal",
    "introductions",
    "introductions_to_make",
    "ledger",
    "paths_to",
    "reconnect",
    "roles",
    "thanks_owed",
]
