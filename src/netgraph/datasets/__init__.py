"""Networks to learn with: the bundled sample, and loaders for real public data sets."""

from __future__ import annotations

from importlib import resources

from netgraph.datasets.snap import data_home, load_college_msg, load_email_eu_core

__all__ = ["data_home", "load_college_msg", "load_email_eu_core", "sample"]


def sample():
    """Load the bundled sample: a realistic personal network of about 300 people.

    Alex Morgan (the ego, id ``"me"``) has seven circles (current and former employers,
    university, an industry community, the neighbourhood, mentors and mentees, friends and
    family) and three years of dated interactions with gives and asks. The data are synthetic,
    made by ``scripts/make_sample.py`` with a fixed seed, and planted with what the analyses
    should find: closed clusters of similar people, a few brokers, dormant weak ties into other
    circles and one-sided relationships (see ``datasets/data/README.md``).

    Examples
    --------
    >>> import netgraph
    >>> net = netgraph.sample()
    >>> net.ego
    'me'
    """
    from netgraph.io.formats import read_csv

    data = resources.files("netgraph.datasets") / "data"
    with (
        resources.as_file(data / "people.csv") as people,
        resources.as_file(data / "ties.csv") as ties,
        resources.as_file(data / "interactions.csv") as interactions,
    ):
        return read_csv(people, ties, interactions, ego="me")
