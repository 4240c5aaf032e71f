"""Closed or open? One summary of a person's ego network, or of a whole network.

A *closed* network is dense, with contacts who know each other and sit in one group: it
builds trust but repeats the same information (Coleman's closure). An *open* network spans
structural holes through non-redundant, often weak ties into other groups: it brings new
information and opportunities (Burt 1992; Granovetter 1973).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable

import networkx as nx
import numpy as np
import pandas as pd

from netgraph import _graph
from netgraph.analysis.holes import ego_structural_holes, structural_holes
from netgraph.analysis.ties import weak_ties
from netgraph.errors import UnknownPersonError

__all__ = ["closure"]

# Thresholds of each signal: (closed when at or beyond, open when at or beyond).
_SIGNALS = {
    "density": (0.5, 0.2),  # ties among contacts / possible ties (higher is more closed)
    "constraint": (0.4, 0.15),  # Burt's aggregate constraint (higher is more closed)
    "efficiency": (0.4, 0.7),  # effective size / degree (higher is more open)
    "ei_index": (-0.5, 0.0),  # E-I of ties across communities (higher is more open)
}
_HIGHER_IS_CLOSED = {"density", "constraint"}


def closure(
    G: nx.Graph,
    person: Hashable | None = None,
    *,
    communities: pd.Series | None = None,
    weight: str | None = "weight",
    today: object = None,
    answered: Iterable[Hashable] = (),
    min_known: float = 0.5,
) -> pd.DataFrame:
    r"""Summarise whether an ego network, or a whole network, is closed, mixed or open.

    Four signals vote: the density of ties among the contacts, Burt's constraint, the
    efficiency (effective size per contact) and the E-I index of ties across communities
    (Krackhardt and Stern). Each votes *closed* (-1), *open* (+1) or neither (0) against the
    thresholds in the table below; a sum of -2 or less is ``"closed"``, +2 or more ``"open"``,
    otherwise ``"mixed"``. For a whole network the signals are the network density, the mean
    constraint and efficiency over people, and the network's E-I index.

    ==========  ==============  ============
    signal      closed at       open at
    ==========  ==============  ============
    density     >= 0.5          <= 0.2
    constraint  >= 0.4          <= 0.15
    efficiency  <= 0.4          >= 0.7
    ei_index    <= -0.5         >= 0.0
    ==========  ==============  ============

    The verdict is ``"unknown"`` for an ego network whose contacts' ties to each other are
    mostly not known: when fewer than ``min_known`` of the contacts have a tie to anyone but
    the person, or an answered question about one (a LinkedIn export or an address book is a star:
    it says whom you know, not whom they know). The reason then names what to add. Ties with an
    ``evidence`` edge attribute of ``"inferred"`` (see :meth:`netgraph.Network.infer_ties`)
    count as known, and ``inferred_share`` says what share of the weight of the ties among the
    contacts rests on inference.

    Parameters
    ----------
    G : networkx.Graph
        Graph with tie strength as ``weight``. A directed graph or a multigraph is read as
        undirected: one tie per pair with the largest weight of its edges (the undirected
        rule of :mod:`netgraph._graph`).
    person : node, optional
        Whose ego network to summarise; None for the whole network.
    communities : Series, optional
        Community of each person (for example ``netgraph.communities(G)["community"]``).
        Without it each connected component counts as one community and the E-I index
        does not vote.
    weight : str or None, default "weight"
        Edge attribute holding tie strength.
    today : date-like, optional
        Passed to :func:`netgraph.weak_ties` to tell dormant ties.
    answered : iterable of nodes, optional
        People about whom the user answered who they know (a "no" is knowledge too).
    min_known : float, default 0.5
        The least share of contacts with a known tie to someone else (or an answer) for a
        verdict other than ``"unknown"``.

    Returns
    -------
    DataFrame
        One row indexed by the person (or ``"network"``) with ``size``, ``ties``,
        ``density``, ``clustering``, ``constraint``, ``effective_size``, ``efficiency``,
        ``weak_share``, ``dormant_share``, ``communities_reached``, ``ei_index``,
        ``inferred_share`` (share of the tie weight among the contacts, or in the whole
        network, that is inferred; 0 without inferred ties), ``verdict`` (closed, mixed, open
        or unknown) and ``reasons`` (a plain-English explanation).

    References
    ----------
    .. [1] Burt, Ronald S. *Structural Holes: The Social Structure of Competition.*
       Harvard University Press, 1992.
    .. [2] Coleman, James S. "Social Capital in the Creation of Human Capital."
       *American Journal of Sociology* 94 (1988): S95-S120.
    .. [3] Krackhardt, David, and Robert N. Stern. "Informal Networks and Organizational
       Crises." *Social Psychology Quarterly* 51(2) (1988): 123-140.

    Examples
    --------
    >>> row = closure(nx.complete_graph(5), 0).iloc[0]
    >>> print(f"{row['density']:.2f} {row['verdict']}")
    1.00 closed
    >>> row = closure(nx.star_graph(6), 0, min_known=0).iloc[0]
    >>> print(f"{row['density']:.2f} {row['verdict']}")
    0.00 open
    >>> print(closure(nx.star_graph(6), 0).iloc[0]["verdict"])
    unknown
    """
    G = _graph.undirected(G, weight)  # one tie per pair, the larger weight of its arcs
    grouped = communities is not None
    if not grouped:  # each connected component is one group; E-I then does not vote
        communities = pd.Series(
            {n: i for i, part in enumerate(nx.connected_components(G)) for n in part}
        )
    tie_kinds = weak_ties(G, weight=weight, today=today)["kind"] if G.number_of_edges() else None
    if person is None:
        row = _network_row(G, communities, tie_kinds, weight)
        label = "network"
    else:
        if person not in G:
            raise UnknownPersonError(person)
        row = _ego_row(G, person, communities, tie_kinds, weight)
        label = person
    signals = _SIGNALS if grouped else {k: v for k, v in _SIGNALS.items() if k != "ei_index"}
    row["verdict"], row["reasons"] = _verdict(row, person, signals)
    if person is not None:
        known = _known_share(G, person, set(answered))
        if row["size"] > 1 and known < min_known:
            row["verdict"], row["reasons"] = "unknown", _unknown_reason(G, person, known)
    if row["inferred_share"] > 0:
        row["reasons"] = row["reasons"][:-1] + (
            f"; {row['inferred_share']:.0%} of the ties among the contacts are inferred, not "
            "known (answer net.who_knows_whom() to firm them up)."
        )
    frame = pd.DataFrame([row], index=_graph.labels([label], name="person"))
    return frame


def _ego_row(G, person, communities, tie_kinds, weight) -> dict:
    contacts = [n for n in G[person] if n != person]
    k = len(contacts)
    among = G.subgraph(contacts).number_of_edges()
    holes = ego_structural_holes(G, person, weight=weight)
    own = communities.get(person)
    reached = communities.reindex(contacts)
    external = int((reached != own).sum())
    return {
        "size": k,
        "ties": among,
        "density": among / (k * (k - 1) / 2) if k > 1 else np.nan,
        "clustering": nx.clustering(G, person),
        "constraint": holes["constraint"],
        "effective_size": holes["effective_size"],
        "efficiency": holes["efficiency"],
        **_kind_shares(tie_kinds, [(person, c) for c in contacts]),
        "communities_reached": int(reached.nunique()),
        "ei_index": (2 * external - k) / k if k else np.nan,
        "inferred_share": _inferred_share(G.subgraph(contacts), weight),
    }


def _network_row(G, communities, tie_kinds, weight) -> dict:
    holes = structural_holes(G, weight=weight)
    edges = np.array(G.edges(), dtype=object).reshape(-1, 2)
    groups_u = communities.reindex(edges[:, 0]).to_numpy()
    groups_v = communities.reindex(edges[:, 1]).to_numpy()
    m = len(edges)
    external = int((groups_u != groups_v).sum())
    return {
        "size": G.number_of_nodes(),
        "ties": m,
        "density": nx.density(G),
        "clustering": nx.transitivity(G),
        "constraint": holes["constraint"].mean(),
        "effective_size": holes["effective_size"].mean(),
        "efficiency": holes["efficiency"].mean(),
        **_kind_shares(tie_kinds, None),
        "communities_reached": int(communities.reindex(list(G)).nunique()),
        "ei_index": (2 * external - m) / m if m else np.nan,
        "inferred_share": _inferred_share(G, weight),
    }


def _inferred_share(G: nx.Graph, weight: str | None) -> float:
    """Share of the tie weight of `G` on edges whose evidence is "inferred" (0 if none)."""
    total = inferred = 0.0
    for _, _, d in G.edges(data=True):
        w = 1.0 if weight is None else float(d.get(weight, 1.0))
        total += w
        if d.get("evidence") == "inferred":
            inferred += w
    return inferred / total if total else 0.0


def _known_share(G: nx.Graph, person, answered: set) -> float:
    """Share of the person's contacts whose own ties are known: a tie to anyone but the person
    (another contact or someone further), or an answer about them."""
    contacts = set(G[person]) - {person}
    if not contacts:
        return 1.0
    known = {c for c in contacts if c in answered or any(n not in (person, c) for n in G[c])}
    return len(known) / len(contacts)


def _unknown_reason(G: nx.Graph, person, known: float) -> str:
    k = len(set(G[person]) - {person})
    return (
        f"Unknown: only {known:.0%} of the {k} contacts have a known tie to anyone else, "
        "so density, constraint and effective size describe the missing data, not the network "
        "(a LinkedIn export or an address book says whom you know, not whom they know). Add "
        "who your contacts know (a ties file, a calendar or a mailbox), circles or companies "
        "and call net.infer_ties(), or answer net.who_knows_whom()."
    )


def _kind_shares(tie_kinds: pd.Series | None, pairs) -> dict:
    if tie_kinds is None or not len(tie_kinds):
        return {"weak_share": np.nan, "dormant_share": np.nan}
    if pairs is not None:
        wanted = {frozenset(p) for p in pairs}
        keep = [frozenset(ix) in wanted for ix in tie_kinds.index]
        tie_kinds = tie_kinds[keep]
    if not len(tie_kinds):
        return {"weak_share": np.nan, "dormant_share": np.nan}
    graded = tie_kinds.isin(["weak", "strong"]).any() or not (tie_kinds == "intermediate").any()
    return {
        # NaN when strength could not tell weak from strong (every tie intermediate)
        "weak_share": float((tie_kinds == "weak").mean()) if graded else np.nan,
        "dormant_share": float((tie_kinds == "dormant").mean()),
    }


def _verdict(row: dict, person, signals: dict) -> tuple[str, str]:
    whose = "the network" if person is None else "this ego network"
    votes, reasons = 0, []
    for signal, (closed_at, open_at) in signals.items():
        value = row[signal]
        if value is None or np.isnan(value):
            continue
        if signal in _HIGHER_IS_CLOSED:
            vote = -1 if value >= closed_at else (1 if value <= open_at else 0)
        else:
            vote = -1 if value <= closed_at else (1 if value >= open_at else 0)
        votes += vote
        if vote:
            reasons.append(_REASONS[signal][vote > 0].format(value=value))
    verdict = "closed" if votes <= -2 else "open" if votes >= 2 else "mixed"
    if not reasons:
        reasons.append("no signal is strong either way")
    return verdict, f"{whose.capitalize()} looks {verdict}: " + "; ".join(reasons) + "."


_REASONS = {
    "density": (
        "contacts know each other (density {value:.2f})",
        "few contacts know each other (density {value:.2f})",
    ),
    "constraint": (
        "high constraint ({value:.2f}): time and energy go to one cluster",
        "low constraint ({value:.2f}): contacts are not tied to each other",
    ),
    "efficiency": (
        "many contacts are redundant (efficiency {value:.2f})",
        "most contacts are non-redundant (efficiency {value:.2f})",
    ),
    "ei_index": (
        "most ties stay inside their community (E-I {value:+.2f})",
        "ties reach across communities (E-I {value:+.2f})",
    ),
}
