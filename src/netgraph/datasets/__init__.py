"""Networks to learn with: the bundled sample, and loaders for real public data sets."""

from __future__ import annotations

import warnings
from importlib import resources
from pathlib import Path

from netgraph.datasets.snap import data_home, load_college_msg, load_email_eu_core

__all__ = ["data_home", "load_college_msg", "load_email_eu_core", "sample", "sample_files"]

#: Alex Morgan's addresses in the sample's files (work first): pass them as ``me=``.
SAMPLE_ADDRESSES = ("alex.morgan@northwind-analytics.example", "alex@morgan-home.example")


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
    from netgraph.readers import read_csv

    data = resources.files("netgraph.datasets") / "data"
    with (
        resources.as_file(data / "people.csv") as people,
        resources.as_file(data / "ties.csv") as ties,
        resources.as_file(data / "interactions.csv") as interactions,
    ):
        return read_csv(people, ties, interactions, me="me")


def sample_files() -> dict[str, Path]:
    """The sample as the files Alex would export: paths to read with netgraph's readers.

    The same people and three years as :func:`sample`, written by ``scripts/make_sample.py``
    in the formats the exporters use: ``"linkedin"`` (LinkedIn's archive, unzipped: the
    connections in the professional circles, messages, invitations, recommendations and
    endorsements), ``"calendar"`` (a Google Calendar export: one-to-ones, team series,
    all-hands and meetups), ``"mailbox"`` (a Gmail Takeout mbox: headers of the e-mails, with
    Cc, a mailing list and company-wide mail) and ``"contacts"`` (a Google Contacts CSV:
    family, friends, neighbours, mentoring and close colleagues, with phones and labels).
    Alex's addresses are :data:`SAMPLE_ADDRESSES`. No file says who knows whom among the
    contacts; co-attendance, co-recipients and shared affiliations hint at it.

    Examples
    --------
    >>> files = sample_files()
    >>> sorted(files)
    ['calendar', 'contacts', 'linkedin', 'mailbox']
    >>> files["calendar"].name
    'calendar.ics'
    """
    folder = Path(str(resources.files("netgraph.datasets") / "data" / "files"))
    return {
        "linkedin": folder / "linkedin",
        "calendar": folder / "calendar.ics",
        "mailbox": folder / "mail.mbox",
        "contacts": folder / "contacts.csv",
    }


def sample_from_files(*, join_duplicates: bool = True):
    """Build the sample network from the files of :func:`sample_files`, as a user would.

    Reads the LinkedIn archive, the address book, the calendar and the mailbox with
    netgraph's readers and merges them (people matched on e-mail addresses, LinkedIn profile
    and phone numbers). What the files cannot match, the same name under two ids (a LinkedIn
    connection who shares no address with the calendar), is listed by
    :meth:`netgraph.Network.possible_duplicates`; with ``join_duplicates`` (the default) they
    are joined, as you would after reviewing the list.

    Parameters
    ----------
    join_duplicates : bool, default True
        Join the probable duplicates (same normalised name).

    Returns
    -------
    netgraph.Network
        Alex's network as the files show it: stated ties to the connections and contacts,
        observed ties among the people met or mailed together, and no tie between contacts
        that the files do not show.
    """
    import netgraph

    files = sample_files()
    me = list(SAMPLE_ADDRESSES)
    with warnings.catch_warnings():  # the merges' counts: their duplicates are joined below
        warnings.filterwarnings("ignore", message="merge: ", category=netgraph.NetgraphWarning)
        net = netgraph.read_linkedin(files["linkedin"], me="me")
        net = net.merge(netgraph.read_contacts(files["contacts"], me="me"))
        net = net.merge(netgraph.read_ics(files["calendar"], me=me))
        net = net.merge(netgraph.read_mbox(files["mailbox"], me=me))
    if join_duplicates:
        duplicates = net.possible_duplicates()
        if len(duplicates):
            net = net.same_person(duplicates)
    return net
