"""The one model object: people, ties, interactions and an optional ego.

`Network` holds validated tables and builds its graph once; its analysis, recommendation and
view methods are thin calls into :mod:`netgraph.analysis`, :mod:`netgraph.recommend` and
:mod:`netgraph.view`, which work on plain networkx graphs and pandas frames.
"""

from __future__ import annotations

import functools
import os
import warnings
from collections.abc import Hashable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import networkx as nx
import numpy as np
import pandas as pd

from netgraph import _build, _compare, _match, analysis, recommend
from netgraph import anonymize as _anonymize
from netgraph import merge as _merge
from netgraph import strength as _strength
from netgraph._dates import timestamp as _timestamp
from netgraph._names import renamed
from netgraph.analysis import holes
from netgraph.errors import InputError, NetgraphWarning, UnknownPersonError
from netgraph.io import formats, tables
from netgraph.io._messages import warn
from netgraph.io.record import NetworkTables
from netgraph.view import html, plots

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["Network"]

# The default call of communities(), whose result is cached.
_COMMUNITY_DEFAULTS = {
    "weight": "weight",
    "resolution": 1.0,
    "seed": 0,
    "method": "leiden",
    "n_iterations": 10,
}


class Network:
    """People and their relationships, with the tie-strength graph built from them.

    Build one with :func:`netgraph.read_csv`, :func:`netgraph.read_linkedin`,
    :func:`netgraph.read_vcard`, :meth:`Network.from_frames`, :meth:`Network.from_graph` or
    :func:`netgraph.sample`. A network is immutable: methods that change it (``merge``,
    ``anonymize``) return a new one, and ``graph`` is built once and cached.

    Parameters
    ----------
    people : DataFrame, optional
        One row per person: an ``id`` column (or index) and free attribute columns such as
        ``name``, ``company``, ``role``, ``industry``, ``school``, ``city``, ``tags``.
        With no people table, people are made from the ties and interactions.
    ties : DataFrame, optional
        Stated ties: ``source``, ``target`` and optional ``kind``, ``since``, ``closeness``
        (in [0, 1]) and ``weight`` (a tie strength you computed yourself; it then replaces
        the model's). Ties are undirected unless ``directed=True``.
    interactions : DataFrame, optional
        Dated events: ``source``, ``target``, ``date`` and optional ``channel`` and ``kind``
        (``"give"``, ``"ask"``, or anything else such as ``"meeting"``).
    ego : str, optional
        The person whose network this is; None for a whole organisation.
    directed : bool, default False
        Whether ``graph`` is a DiGraph (for instance an e-mail log: who wrote to whom).
    today : date-like, optional
        The reference date for recency; None means the latest interaction date.
    strength_model : netgraph.StrengthModel, optional
        The tie-strength model; None uses the documented defaults.

    Notes
    -----
    One name for each role a person plays in a call:

    - ``me``: the readers (``read_csv``, ``read_linkedin``, ...) take your own id as ``me=``;
      it becomes the network's ``ego``.
    - ``ego``: the network's owner as the model holds it (``Network(ego=)``,
      ``from_frames(ego=)``, ``from_graph(ego=)``, ``net.ego``).
    - ``person``: the one person a method is about, defaulting to the ego
      (``net.introductions(person=None)``, ``net.closure("ann")``).
    - ``nodes``: the set of people a per-person table is restricted to
      (``net.structural_holes(nodes=[...])``).

    Another of these names raises a ``TypeError`` that names the right one. ``k`` (how many
    results) is keyword-only everywhere. ``weight`` defaults to ``"weight"`` (tie strength)
    in every analysis except those that count ties by definition, where it defaults to None:
    :func:`netgraph.brokerage` (Gould and Fernandez 1989 count brokered pairs),
    :func:`netgraph.affinity` (Krackhardt and Stern's 1988 E-I index) and ``group_mixing``.
    The network is immutable: ``ego``, ``directed``, ``today`` and ``strength_model`` are
    read-only and the tables are handed out as copies.
    """

    @renamed(me="ego")
    def __init__(
        self,
        people: pd.DataFrame | None = None,
        ties: pd.DataFrame | None = None,
        interactions: pd.DataFrame | None = None,
        *,
        ego: str | None = None,
        directed: bool = False,
        today: Any = None,
        strength_model: _strength.StrengthModel | None = None,
        _validated: bool = False,
    ) -> None:
        if not _validated:
            people, ties, interactions = _validate(people, ties, interactions, directed=directed)
        self._people = people
        self._stated_ties = ties
        self._interactions = interactions
        self._directed = bool(directed)
        self._today = None if today is None else _timestamp(today, "today")
        self._strength_model = strength_model or _strength.StrengthModel()
        if ego is not None:
            if ego not in self._people.index:  # an id as given, else as text ("0" for 0)
                ego = str(ego)
            if ego not in self._people.index:
                raise UnknownPersonError(ego, hint="The ego must be one of the people.")
        self._ego = ego

    # -- read-only settings (a network is immutable: change them with a new Network) ----

    @property
    def ego(self) -> str | None:
        """The id of the person whose network this is; None for a whole organisation."""
        return self._ego

    @property
    def directed(self) -> bool:
        """Whether ``graph`` is a DiGraph (ties read as arcs)."""
        return self._directed

    @property
    def today(self) -> pd.Timestamp | None:
        """The reference date given for recency, None when it is the latest interaction."""
        return self._today

    @property
    def strength_model(self) -> _strength.StrengthModel:
        """The tie-strength model behind ``ties`` and the graph's weights."""
        return self._strength_model

    # -- constructors -------------------------------------------------------------------

    @classmethod
    @renamed(me="ego")
    def from_frames(
        cls,
        people: pd.DataFrame | None = None,
        ties: pd.DataFrame | None = None,
        interactions: pd.DataFrame | None = None,
        *,
        ego: str | None = None,
        directed: bool = False,
        today: Any = None,
        strength_model: _strength.StrengthModel | None = None,
    ) -> Network:
        """Make a network from pandas DataFrames (see the class docstring for the parameters).

        Examples
        --------
        >>> ties = pd.DataFrame({"source": ["ann", "bob"], "target": ["bob", "cy"]})
        >>> net = Network.from_frames(ties=ties)
        >>> sorted(net.people.index)
        ['ann', 'bob', 'cy']
        """
        return cls(
            people,
            ties,
            interactions,
            ego=ego,
            directed=directed,
            today=today,
            strength_model=strength_model,
        )

    @classmethod
    @renamed(me="ego")
    def from_graph(
        cls,
        G: nx.Graph,
        *,
        ego: str | None = None,
        directed: bool | None = None,
        today: Any = None,
        strength_model: _strength.StrengthModel | None = None,
    ) -> Network:
        """Make a network from any networkx graph, leaving the graph unchanged.

        Node attributes become people columns; the edge attribute ``weight`` becomes the tie
        strength (other edge attributes named like tie columns, such as ``kind``, are kept).
        Node ids are kept as they are (``0`` stays ``0``, as in the pure analyses, so
        ``net.structural_holes().loc[0]`` works); they are checked as their text, so two
        nodes whose ids read the same (``0`` and ``"0"``) are an error. Files written from
        the network hold the ids as text. A node attribute ``id`` is dropped where it repeats
        the node id and kept as ``id_attribute`` otherwise. ``directed`` defaults to the
        graph's; the other parameters are as for :class:`Network`.

        Examples
        --------
        >>> net = Network.from_graph(nx.path_graph(3), ego=0)
        >>> net.graph.number_of_edges(), net.ego, sorted(net.people.index)
        (2, 0, [0, 1, 2])
        """
        tables_ = formats.graph_tables(G)
        net = cls(
            tables_.people,
            tables_.ties,
            None,
            ego=None if ego is None else str(ego),
            directed=tables_.directed if directed is None else directed,
            today=today,
            strength_model=strength_model,
        )
        given = {str(n): n for n in G.nodes}
        if all(isinstance(n, str) for n in given.values()) or len(given) != len(G):
            return net
        return net._with_ids(given)

    def _with_ids(self, ids: dict[str, Hashable]) -> Network:
        """The same network with its text ids mapped back to the graph's own node ids."""
        people = self._people.rename(index=ids)
        people.index = pd.Index(list(people.index), dtype=object, tupleize_cols=False, name="id")

        def ends(frame: pd.DataFrame) -> pd.DataFrame:
            return frame.assign(
                **{c: frame[c].map(ids).astype(object) for c in ("source", "target")}
            )

        return self._replace(
            people=people,
            ties=ends(self._stated_ties),
            interactions=ends(self._interactions),
            ego=None if self.ego is None else ids[self.ego],
        )

    # -- the tables -----------------------------------------------------------------------

    @property
    def people(self) -> pd.DataFrame:
        """People, indexed by id, with their attributes.

        A copy: changing it leaves the network unchanged (make a new network instead).
        """
        return _copy(self._people)

    @property
    def interactions(self) -> pd.DataFrame:
        """Dated interactions: source, target, date, channel, kind (a copy)."""
        return _copy(self._interactions)

    @property
    def stated_ties(self) -> pd.DataFrame:
        """The ties as given: source, target, kind, since, closeness, weight (a copy)."""
        return _copy(self._stated_ties)

    @property
    def ties(self) -> pd.DataFrame:
        """The tie table: one row per pair with each strength component and ``strength``.

        See :func:`netgraph.strength.tie_strength` for the model; a ``weight`` given with the
        ties replaces the modelled strength. A copy of the cached table.
        """
        return _copy(self._ties)

    @functools.cached_property
    def _ties(self) -> pd.DataFrame:
        """The tie table, built once (``ties`` hands out copies)."""
        return _build.tie_table(
            self._stated_ties, self._interactions, today=self.today, model=self.strength_model
        )

    # -- the graph ------------------------------------------------------------------------

    @functools.cached_property
    def graph(self) -> nx.Graph:
        """The people as a networkx graph with edge ``weight`` = tie strength.

        Nodes carry the people columns as attributes; edges carry ``weight``,
        ``probability``, ``evidence``, ``last_contact``, ``n_interactions`` and ``kind``. An
        inferred tie (see :meth:`infer_ties`) weighs strength x probability, its expected
        strength, in every analysis and recommendation; stated and observed ties have
        probability 1. A DiGraph when the network is
        directed: an arc for each direction seen in the ties or interactions. Built once and
        cached; copy it before changing it.
        """
        return _build.build_graph(
            self._people,
            self._ties,
            self._edge_columns,
            ego=self.ego,
            arcs=self._arcs if self.directed else None,
        )

    @functools.cached_property
    def undirected(self) -> nx.Graph:
        """An undirected view of ``graph`` (the graph itself when it is undirected)."""
        if not self.directed:
            return self.graph
        return _build.build_undirected(self.graph, self._ties, self._edge_columns, self._arcs)

    @functools.cached_property
    def _edge_columns(self) -> dict[str, np.ndarray]:
        """The graph's edge attributes, one array each, aligned with the tie table."""
        return _build.edge_columns(self._ties)

    @functools.cached_property
    def _arcs(self) -> _build.Arcs:
        """Distinct directed arcs: their ends, row in the tie table and given weight."""
        return _build.arcs(self._people, self._stated_ties, self._interactions, self._ties)

    @functools.cached_property
    def reference_date(self) -> pd.Timestamp:
        """The date recency is measured from: ``today`` if given, else the latest interaction."""
        if self.today is not None:
            return self.today
        return _strength.reference_date(self._interactions)

    # -- analyses (pure functions in netgraph.analysis, applied to this graph) --------------

    @renamed(person="nodes", node="nodes")
    def structural_holes(self, *, nodes: Iterable[Hashable] | None = None) -> pd.DataFrame:
        """Burt's constraint, effective size, efficiency and hierarchy per person.

        See :func:`netgraph.structural_holes`. Inferred ties weigh strength x probability;
        ``.attrs["inferred_share"]`` is the share of the network's tie weight that rests on
        inference (0 without inferred ties; :meth:`closure` gives it for one ego network).
        """
        table = self._ties
        weight = table["strength"] * table["probability"]
        inferred = weight[table["evidence"] == "inferred"].sum()
        share = float(inferred / weight.sum()) if weight.sum() else 0.0
        if nodes is not None or self.directed:
            result = analysis.structural_holes(self.graph, weight="weight", nodes=nodes)
        else:
            # Straight from the tie table: the same numbers without reading networkx's dicts.
            people = self._people.index
            result = holes.structural_holes_from_ties(
                people,
                people.get_indexer(table.index.get_level_values("source")),
                people.get_indexer(table.index.get_level_values("target")),
                weight.to_numpy(float),
            )
        result.attrs["inferred_share"] = share
        return result

    def brokerage(self, by: str, *, normalize: bool = False) -> pd.DataFrame:
        """Gould and Fernandez brokerage roles per person for a group attribute ``by``.

        ``by="community"`` uses :meth:`communities`. See :func:`netgraph.brokerage`.
        """
        return analysis.brokerage(self.graph, self._groups(by), normalize=normalize)

    def weak_ties(
        self,
        *,
        weight: str | None = "weight",
        today: Any = None,
        strong: float | None = None,
        weak: float | None = None,
        dormant_after: float | pd.Timedelta = 365,
    ) -> pd.DataFrame:
        """One row per tie: strength, overlap, bridges, span, embeddedness and kind.

        See :func:`netgraph.weak_ties` for the parameters; ``today`` defaults to this
        network's reference date.
        """
        return analysis.weak_ties(
            self.undirected,
            weight=weight,
            today=self.reference_date if today is None else today,
            strong=strong,
            weak=weak,
            dormant_after=dormant_after,
        )

    def affinity(self, by: str, *, weight: str | None = None) -> pd.DataFrame:
        """Homophily for an attribute: E-I index per person, network figures in ``.attrs``.

        ``by="community"`` uses :meth:`communities`. See :func:`netgraph.affinity`.
        """
        return analysis.affinity(self.undirected, self._groups(by), weight=weight)

    def _groups(self, by: Any) -> Any:
        """``by`` as the analyses take it: ``"community"`` means the communities found."""
        if isinstance(by, str) and by == "community" and by not in self._people.columns:
            return self._community
        return by

    def communities(
        self,
        *,
        weight: str | None = "weight",
        resolution: float = 1.0,
        seed: int | None = 0,
        method: Literal["leiden", "louvain"] = "leiden",
        n_iterations: int = 10,
    ) -> pd.DataFrame:
        """Communities (seeded Leiden on tie strength) with the modularity in ``.attrs``.

        See :func:`netgraph.communities` for the parameters; the default call is cached and
        used by the recommendations and views.
        """
        options = {
            "weight": weight,
            "resolution": resolution,
            "seed": seed,
            "method": method,
            "n_iterations": n_iterations,
        }
        if options != _COMMUNITY_DEFAULTS:
            return analysis.communities(self.undirected, **options)
        return self._communities.copy()

    @functools.cached_property
    def _communities(self) -> pd.DataFrame:
        return analysis.communities(self.undirected)

    @property
    def _community(self) -> pd.Series:
        return self._communities["community"]

    @functools.cached_property
    def _community_labels(self) -> pd.Series:
        """Each person's community described for people, e.g. "community 2 (mostly Acme)".

        The description is the value of an attribute (company, school, industry, city) that
        covers the largest share of the community, when that share is at least 40% and at
        least twice its share among everyone (so a city that everyone shares says nothing).
        """
        community = self._community
        labels = {c: f"community {c}" for c in community.unique()}
        best = dict.fromkeys(labels, 0.4)
        for column in ("company", "school", "industry", "city"):
            if column not in self._people.columns:
                continue
            values = self._people[column].reindex(community.index)
            table = pd.crosstab(community, values)
            if table.empty:
                continue
            share = table.div(community.value_counts().reindex(table.index), axis=0)
            overall = values.value_counts(normalize=True).reindex(share.columns)
            share = share.where(share.ge(2 * overall, axis=1), 0.0)
            top, top_share = share.idxmax(axis=1), share.max(axis=1)
            for c in table.index:
                if top_share[c] >= best[c] and community.eq(c).sum() > 1:
                    best[c] = top_share[c]
                    labels[c] = f"community {c} (mostly {top[c]})"
        return community.map(labels)

    @renamed(ego="person", me="person", node="person")
    def closure(self, person: Hashable | None = None) -> pd.DataFrame:
        """Say whether a person's ego network (or the whole network) is closed or open.

        See :func:`netgraph.closure`. With no person and no ego, the whole network.
        """
        if person is not None or self.ego is not None:
            person = self._person(person)
        answers = self.answers  # issue 11: answered people count as known
        return analysis.closure(
            self.undirected,
            person,
            communities=self._community,
            today=self.reference_date,
            answered=set(answers["a"]) | set(answers["b"]),
        )

    # -- recommendations (netgraph.recommend) -------------------------------------------

    @renamed(ego="person", me="person", node="person")
    def introductions(
        self,
        person: Hashable | None = None,
        *,
        k: int = 10,
        communities: Any = None,
        interactions: pd.DataFrame | None = None,
        today: Any = None,
        weight: str | None = "weight",
        by: str | None = None,
        new_tie_strength: float | None = None,
        max_per_connector: int | None = None,
        max_per_community: int | None = None,
        recent_days: float = 90,
        recent_ask_penalty: float = 0.5,
        n_exact: int | None = None,
        among: Iterable[Hashable] | None = None,
    ) -> pd.DataFrame:
        """People to be introduced to, through whom, and why it opens the network.

        ``person`` defaults to the ego; ``communities``, ``interactions`` and ``today``
        default to this network's. See :func:`netgraph.recommend.introductions` for the
        other parameters.
        """
        person = self._person(person)
        found = recommend.introductions(
            self.undirected,
            person,
            k=k,
            communities=self._community_labels if communities is None else communities,
            interactions=self._interactions if interactions is None else interactions,
            today=self.reference_date if today is None else today,
            weight=weight,
            by=by,
            new_tie_strength=new_tie_strength,
            max_per_connector=max_per_connector,
            max_per_community=max_per_community,
            recent_days=recent_days,
            recent_ask_penalty=recent_ask_penalty,
            n_exact=n_exact,
            among=among,
        )
        if among is not None:  # a narrowed question (brief, goal): empty is an answer
            return found
        return self._said_why_empty(found, "introductions", person)

    @renamed(ego="person", me="person", node="person")
    def introductions_to_make(
        self,
        person: Hashable | None = None,
        *,
        k: int = 10,
        communities: Any = None,
        weight: str | None = "weight",
        by: str | None = None,
        new_tie_strength: float | None = None,
        max_per_person: int | None = None,
        n_exact: int | None = None,
        min_size: int = 3,
        max_contacts: int = 2000,
        involving: Hashable | None = None,
    ) -> pd.DataFrame:
        """Pairs of people to introduce to each other: giving before asking.

        ``person`` defaults to the ego; with no ego, the bridges between communities that the
        whole organisation would gain most from. ``communities`` defaults to this network's.
        See :func:`netgraph.recommend.introductions_to_make` for the other parameters.
        """
        if person is not None or self.ego is not None:
            person = self._person(person)
        found = recommend.introductions_to_make(
            self.undirected,
            person,
            k=k,
            communities=self._community_labels if communities is None else communities,
            weight=weight,
            by=by,
            new_tie_strength=new_tie_strength,
            max_per_person=max_per_person,
            n_exact=n_exact,
            min_size=min_size,
            max_contacts=max_contacts,
            involving=involving,
        )
        if involving is not None:  # a narrowed question (brief): empty is an answer
            return found
        return self._said_why_empty(found, "introductions_to_make", person)

    @renamed(ego="person", me="person", node="person")
    def reconnect(
        self,
        person: Hashable | None = None,
        *,
        k: int = 3,
        today: Any = None,
        communities: Any = None,
        dormant_after: float | pd.Timedelta | None = None,
        by: str | None = None,
        weight: str | None = "weight",
        default_interval_days: float = 90.0,
        min_gap_days: float = 30.0,
    ) -> pd.DataFrame:
        """This week's short list of dormant or fading ties worth a message, with reasons.

        ``person`` defaults to the ego; ``today`` and ``communities`` to this network's. See
        :func:`netgraph.recommend.reconnect` for the other parameters.
        """
        person = self._person(person)
        found = recommend.reconnect(
            self.undirected,
            self._ties,
            person,
            k=k,
            today=self.reference_date if today is None else _timestamp(today, "today"),
            communities=self._community_labels if communities is None else communities,
            dormant_after=dormant_after,
            by=by,
            weight=weight,
            default_interval_days=default_interval_days,
            min_gap_days=min_gap_days,
        )
        return self._said_why_empty(found, "reconnect", person)

    @renamed(ego="person", me="person", node="person")
    def ledger(
        self,
        person: Hashable | None = None,
        *,
        ratio: float = 7,
        names: Mapping | pd.Series | pd.DataFrame | None = None,
        asked_often: int | None = None,
        today: Any = None,
        window_days: float = 90,
        one_sided_asks: int = 3,
    ) -> pd.DataFrame:
        """Gives and asks per relationship, against the rule of several gives per ask.

        ``person`` defaults to the ego (every pair when there is none); ``names`` to the
        people's ``name`` column and ``today`` to this network's reference date. See
        :func:`netgraph.recommend.ledger` for the other parameters.
        """
        if person is not None or self.ego is not None:
            person = self._person(person)
        if names is None and "name" in self._people.columns:
            names = self._people["name"]
        found = recommend.ledger(
            self._interactions,
            person,
            ratio=ratio,
            names=names,
            asked_often=asked_often,
            today=self.reference_date if today is None else today,
            window_days=window_days,
            one_sided_asks=one_sided_asks,
        )
        return self._said_why_empty(found, "ledger", person)

    @renamed(ego="person", me="person", node="person")
    def paths_to(
        self,
        *,
        k: int = 5,
        person: Hashable | None = None,
        max_hops: int = 3,
        weight: str | None = "weight",
        **criteria: Any,
    ) -> pd.DataFrame:
        """Warm introduction paths to people matching attributes, e.g. ``company="Acme"``.

        ``person`` defaults to the ego; ``**criteria`` are people columns and the values
        wanted. See :func:`netgraph.recommend.paths_to`.
        """
        return recommend.paths_to(
            self.undirected,
            self._people,
            self._person(person),
            k=k,
            max_hops=max_hops,
            weight=weight,
            **criteria,
        )

    # -- views (netgraph.view) ---------------------------------------------------------------

    def _view_options(self, options: dict[str, Any]) -> dict[str, Any]:
        """Defaults for the views: ego, Burt's measures and communities, tie kinds."""
        if options["metrics"] is None:
            metrics = self.structural_holes()[["effective_size", "constraint"]].round(3)
            metrics["community"] = self._community_labels.reindex(metrics.index)
            options["metrics"] = metrics
        if options["ego"] is None:
            options["ego"] = self.ego
        if options["ties"] is None and self._ties.shape[0]:
            options["ties"] = self.weak_ties()
        return options

    def to_html(
        self,
        path: str | os.PathLike | None = None,
        *,
        title: str = "netgraph",
        color_by: str | None = "community",
        size_by: str | None = "effective_size",
        ego: Hashable | None = None,
        overlay: pd.DataFrame | Iterable[tuple[Hashable, Hashable]] | None = None,
        focus: Hashable | None = None,
        radius: int = 1,
        where: Mapping[str, Any] | None = None,
        max_nodes: int | None = 1500,
        physics: bool = True,
        height: str | int = "750px",
        metrics: pd.DataFrame | None = None,
        ties: pd.DataFrame | None = None,
        weight: str | None = "weight",
        seed: int = 0,
    ) -> Path:
        """Write a self-contained interactive HTML view and return its path.

        No part of the page loads from the network. ``ego``, ``metrics`` (Burt's measures and
        communities) and ``ties`` (:meth:`weak_ties`) default to this network's; see
        :func:`netgraph.view.html.render_html` for the other parameters.
        """
        options = self._view_options(
            dict(
                title=title,
                color_by=color_by,
                size_by=size_by,
                ego=ego,
                overlay=overlay,
                focus=focus,
                radius=radius,
                where=where,
                max_nodes=max_nodes,
                physics=physics,
                height=height,
                metrics=metrics,
                ties=ties,
                weight=weight,
                seed=seed,
            )
        )
        return html.write_html(self.undirected, path, **options)

    def show(
        self,
        *,
        title: str = "netgraph",
        color_by: str | None = "community",
        size_by: str | None = "effective_size",
        ego: Hashable | None = None,
        overlay: pd.DataFrame | Iterable[tuple[Hashable, Hashable]] | None = None,
        focus: Hashable | None = None,
        radius: int = 1,
        where: Mapping[str, Any] | None = None,
        max_nodes: int | None = 1500,
        physics: bool = True,
        height: str | int = "750px",
        metrics: pd.DataFrame | None = None,
        ties: pd.DataFrame | None = None,
        weight: str | None = "weight",
        seed: int = 0,
    ) -> html.HTMLView:
        """Display the interactive view inline in a notebook (Jupyter, VS Code, Colab).

        The parameters are those of :meth:`to_html`.
        """
        options = self._view_options(
            dict(
                title=title,
                color_by=color_by,
                size_by=size_by,
                ego=ego,
                overlay=overlay,
                focus=focus,
                radius=radius,
                where=where,
                max_nodes=max_nodes,
                physics=physics,
                height=height,
                metrics=metrics,
                ties=ties,
                weight=weight,
                seed=seed,
            )
        )
        return html.show(self.undirected, **options)

    @functools.cached_property
    def plot(self) -> _Plots:
        """Matplotlib plots of this network; each takes and returns an Axes."""
        return _Plots(self)

    def _repr_html_(self) -> str:
        from html import escape

        rows = [
            ("people", len(self._people)),
            ("ties", len(self._ties)),
            ("interactions", len(self._interactions)),
            ("ego", self.ego if self.ego is not None else "none (whole network)"),
            ("directed", self.directed),
        ]
        body = "".join(
            f"<tr><th style='text-align:left'>{escape(str(k))}</th><td>{escape(str(v))}</td></tr>"
            for k, v in rows
        )
        return f"<table><caption>netgraph.Network</caption>{body}</table>"

    # -- export ------------------------------------------------------------------------------

    def to_csv(self, folder: str | os.PathLike, *, escape_formulas: bool = True) -> Path:
        """Write the network to a folder of CSV files; see :func:`netgraph.io.formats.to_csv`."""
        return formats.to_csv(self, folder, escape_formulas=escape_formulas)

    def to_json(self, path: str | os.PathLike) -> Path:
        """Write the network as one JSON file; read it back with :func:`netgraph.read_json`."""
        return formats.to_json(self, path)

    def to_graphml(self, path: str | os.PathLike) -> Path:
        """Write the network as GraphML; read it back with :func:`netgraph.read_graphml`."""
        return formats.to_graphml(self, path)

    # -- combining ------------------------------------------------------------------------

    def merge(self, other: Network) -> Network:
        """Combine two networks of the same person, matching people across the sources.

        People are the same when they share any e-mail address (an id that is an address
        counts), LinkedIn profile URL or phone number (``+44 7700 900123`` and
        ``07700 900123`` are one number), or the same id; the two egos are the same person.
        A matched person keeps one id by one rule (not an address, then the smallest), so
        ``a.merge(b)`` and ``b.merge(a)`` have the same people and ties; ``email``,
        ``phone``, ``groups``, ``circles`` and ``tags`` take the union of both, other
        attributes the kept id's value, gaps filled from the other (see
        :mod:`netgraph.identity`). A warning counts who matched, who matched nobody (added
        as new people) and the probable duplicates left (:meth:`possible_duplicates`).

        Examples
        --------
        >>> a = Network.from_frames(pd.DataFrame({"id": ["me", "jo"], "email": [None, "Jo@x.org"]}),
        ...                         pd.DataFrame({"source": ["me"], "target": ["jo"]}), ego="me")
        >>> b = Network.from_frames(pd.DataFrame({"id": ["me", "jo@x.org"],
        ...                                       "email": [None, "jo@x.org"],
        ...                                       "company": [None, "Acme"]}),
        ...                         pd.DataFrame({"source": ["me"], "target": ["jo@x.org"]}),
        ...                         ego="me")
        >>> merged = a.merge(b)
        >>> merged.people.loc["jo", "company"], len(merged.people)
        ('Acme', 2)
        """
        merged = _merge.merge_tables(self._tables(), other._tables())
        return self._replace(**merged._asdict())

    def anonymize(self, *, keep: Iterable[str] = (), key: str | bytes | None = None) -> Network:
        """A copy for sharing, every person renamed to a pseudonym such as ``p-3f9a1c2b7d04e6a8``.

        Pseudonyms are keyed hashes (HMAC-SHA256) of the ids: the same person gets the same
        pseudonym in every table and, given the same ``key``, in every call. With no key a
        random one is used, so nobody can recover a name by hashing candidate ids; an empty or
        non-text key (``""``, ``b""``, ``0``) is an :class:`InputError`. People's
        attributes are dropped except the columns named in ``keep`` (for example
        ``keep=["company", "industry"]``); ties and interactions keep the columns netgraph
        reads (dates, kinds, channels, closeness) and drop any other (notes, subjects) unless
        named in ``keep``.

        Examples
        --------
        >>> net = Network.from_frames(ties=pd.DataFrame({"source": ["ann"], "target": ["bob"]}))
        >>> anon = net.anonymize(key="secret")
        >>> sorted(anon.people.index) == sorted(net.anonymize(key="secret").people.index)
        True
        >>> "ann" in anon.people.index
        False
        """
        tables_ = _anonymize.anonymize_tables(self._tables(), keep=keep, key=key)
        return self._replace(**tables_._asdict())

    def _tables(self) -> NetworkTables:
        """The validated tables, ego and direction as a record (for merge, anonymize, equals)."""
        return NetworkTables(
            self._people, self._stated_ties, self._interactions, self.ego, self.directed
        )

    def _replace(self, **changes: Any) -> Network:
        """A new network with some parts replaced (tables assumed valid)."""
        parts = {
            "people": self._people,
            "ties": self._stated_ties,
            "interactions": self._interactions,
            "ego": self.ego,
            "directed": self.directed,
            "today": self.today,
            "strength_model": self.strength_model,
        }
        parts.update(changes)
        for key in ("source", "answers", "inferred_by"):  # NetworkTables fields kept apart
            parts.pop(key, None)
        return Network(
            parts.pop("people"),
            parts.pop("ties"),
            parts.pop("interactions"),
            _validated=True,
            **parts,
        )

    # -- comparing and showing ------------------------------------------------------------

    def equals(self, other: object) -> bool:
        """Whether two networks hold the same people, ties, interactions, ego and direction,
        and the same answers about who knows whom (:attr:`answers`).

        Column order and row order do not matter, nor, in an undirected network, which end
        of a tie is its source; dtypes are compared loosely (an exported and re-read network
        equals the original).
        """
        if not isinstance(other, Network):
            return False
        return _compare.same_tables(self._tables(), other._tables()) and _compare.same_frame(
            self.answers, other.answers, by=["a", "b"]
        )

    __eq__ = equals
    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        arcs = f" ({len(self._arcs.source)} arcs)" if self.directed else ""
        ego = f", ego={self.ego!r}" if self.ego is not None else ""
        return (
            f"<netgraph.Network: {len(self._people)} people, {len(self._ties)} ties{arcs}, "
            f"{len(self._interactions)} interactions{ego}>"
        )

    def _person(self, person: Hashable | None) -> Hashable:
        """The person a method is about: ``person`` or the ego, checked to exist."""
        if person is None:
            if self.ego is None:
                raise UnknownPersonError(
                    None, hint="This network has no ego: pass person='...' explicitly."
                )
            return self.ego
        index = self._people.index
        if person in index:
            return person
        if str(person) in index:
            return str(person)
        # An e-mail or a name also finds the person; else the error lists the nearest ones.
        return _match.resolve_person(self._people, person)

    # -- before a meeting and toward a goal (issue 13: netgraph.recommend.brief, goal, roles,
    # -- netgraph.analysis.groups; thin wrappers, owned by the `brief` helper) ----------------

    @renamed(ego="person", me="person", node="person")
    def brief(
        self,
        person: Hashable,
        *,
        changes: pd.DataFrame | None = None,
        notes: pd.DataFrame | None = None,
        affiliations: Any = None,
    ) -> recommend.Brief:
        """What to know before meeting someone: who, your history, common ground, offers, asks.

        ``person`` is an id, a name or an e-mail (an unknown one lists the nearest names).
        ``changes`` (field history: ``person, field, old, new, date``) and ``notes``
        (``person, date, note``) default to the network's ``field_history`` and ``notes``
        when it carries them (a store's network does). ``affiliations`` (a table or CSV
        path, as for :meth:`groups`) adds the groups you share. See
        :func:`netgraph.recommend.brief`.
        """
        ego = self._ego_for("brief")
        person = _match.resolve_person(self._people, person)
        if person == ego:
            raise InputError(
                f"{person!r} is you, the ego of this network",
                column="person",
                fix="A brief is about someone you are about to meet: pass their id or name.",
            )
        G = self.undirected
        offer = None
        if person != ego and G.has_edge(ego, person):
            offer = self.introductions_to_make(k=5, involving=person)
        theirs = [c for c in G[person] if c != ego and not G.has_edge(ego, c)]
        widen = (
            self.introductions(k=max(len(theirs), 1), among=theirs)
            if G.degree(ego) and theirs
            else None
        )
        if changes is None:
            changes = _table_attribute(self, "field_history")
        if notes is None:
            notes = _table_attribute(self, "notes")
        return recommend.brief(
            G,
            self._people,
            self._interactions,
            ego,
            person,
            stated_ties=self._stated_ties,
            introductions_to_make=offer,
            introductions=widen,
            communities=self._community_labels,
            changes=changes,
            notes=notes,
            affiliations=None
            if affiliations is None
            else self._affiliations_quiet([], affiliations),
            today=self.reference_date,
        )

    def goal(
        self,
        company: Any = None,
        role: Any = None,
        industry: Any = None,
        city: Any = None,
        *,
        k: int = 5,
        max_hops: int = 3,
        **criteria: Any,
    ) -> recommend.Goal:
        """Your network toward a goal: who you know there, warm paths, who is missing, the gap.

        Matching is on whole words, case-insensitive, with title aliases (``role="CTO"``
        finds "Chief Technology Officer"); other people columns go in ``**criteria``. See
        :func:`netgraph.recommend.goal`.
        """
        criteria.update(company=company, role=role, industry=industry, city=city)
        return recommend.goal(
            self.undirected,
            self._people,
            self._ego_for("goal"),
            k=k,
            max_hops=max_hops,
            communities=self._community_labels,
            **criteria,
        )

    @renamed(ego="person", me="person", node="person")
    def thanks_owed(self, person: Hashable | None = None) -> pd.DataFrame:
        """Favours received (gives, introductions made for you) never followed by a thanks.

        ``person`` defaults to the ego. See :func:`netgraph.recommend.thanks_owed`.
        """
        person = (
            self._ego_for("thanks_owed")
            if person is None
            else _match.resolve_person(self._people, person)
        )
        names = self._people["name"] if "name" in self._people.columns else None
        return recommend.thanks_owed(
            self._interactions, person, names=names, today=self.reference_date
        )

    def roles(self, company: Any = None) -> recommend.Roles:
        """Who plays mentor, mentee, reverse mentor, champion and ally for you; what is missing.

        Roles are tie kinds (``kind="mentor"``) or tags on people. ``company`` is your target
        company: the champion should be there. See :func:`netgraph.recommend.roles`.
        """
        return recommend.roles(
            self.undirected,
            self._people,
            self._ego_for("roles"),
            stated_ties=self._stated_ties,
            interactions=self._interactions,
            company=company,
        )

    def affiliations(
        self, columns: Iterable[str] | None = None, *, table: Any = None, _stacklevel: int = 2
    ) -> pd.DataFrame:
        """The affiliations table: ``person, group, kind, date``, one row per membership.

        Read from the people columns ``groups`` (large calendar events and mailing lists)
        and ``circles``, or the ``columns`` you name; when neither is there, from ``tags``
        (with a warning). ``table`` adds rows from a DataFrame or a CSV path (see
        :func:`netgraph.io.affiliations.read_affiliations`). See
        :func:`netgraph.analysis.groups.affiliations`.
        """
        from netgraph.analysis import groups as _groups_module
        from netgraph.io.affiliations import read_affiliations

        people = self._people
        no_groups = not any(c in people.columns for c in _groups_module.GROUP_COLUMNS)
        if columns is None and no_groups and "tags" in people.columns:
            warnings.warn(
                "no 'groups' or 'circles' people column: reading the groups from 'tags' "
                "(name the columns with columns=[...] to choose)",
                NetgraphWarning,
                stacklevel=_stacklevel,
            )
            columns = ["tags"]
        if table is not None and not isinstance(table, pd.DataFrame):
            table = read_affiliations(table)
        return _groups_module.affiliations(self._people, columns=columns, table=table)

    def groups(
        self, columns: Iterable[str] | None = None, *, affiliations: Any = None
    ) -> pd.DataFrame:
        """Which groups bring you new people and which repeat the circles you already have.

        Two-mode analysis after Breiger (1974); see :func:`netgraph.analysis.groups.groups`.
        ``affiliations`` is a table or CSV path added to the people columns.
        """
        from netgraph.analysis import groups as _groups_module

        table = self._affiliations_quiet(columns, affiliations)
        return _groups_module.groups(
            self.undirected, table, self.ego, communities=self._community_labels
        )

    def groups_to_join(
        self, columns: Iterable[str] | None = None, *, k: int = 5, affiliations: Any = None
    ) -> pd.DataFrame:
        """Groups whose members reach the communities you barely touch, with reasons.

        See :func:`netgraph.analysis.groups.groups_to_join`.
        """
        from netgraph.analysis import groups as _groups_module

        table = self._affiliations_quiet(columns, affiliations)
        return _groups_module.groups_to_join(
            self.undirected,
            table,
            self._ego_for("groups_to_join"),
            k=k,
            communities=self._community_labels,
        )

    def group(
        self, name: str, columns: Iterable[str] | None = None, *, affiliations: Any = None
    ) -> pd.DataFrame:
        """The members of one group: ``name``, whether you know them, tie strength, community.

        An unknown group is an InputError listing the nearest group names.
        """
        table = self._affiliations_quiet(columns, affiliations)
        wanted = _match.normalise(name)
        hit = table["group"].map(_match.normalise) == wanted
        if not hit.any():
            near = _match.nearest(name, table["group"].unique())
            raise InputError(
                f"there is no group {name!r}",
                column="group",
                fix=f"Did you mean {', '.join(map(repr, near))}?"
                if near
                else "See net.groups() for the groups.",
            )
        ids = list(dict.fromkeys(table.loc[hit, "person"]))
        out = pd.DataFrame(index=pd.Index(ids, name="person", dtype=object))
        if "name" in self._people.columns:
            out["name"] = self._people["name"].reindex(ids).to_numpy(object)
        G = self.undirected
        ego = self.ego
        out["you_know"] = [ego is not None and G.has_edge(ego, p) for p in ids]
        out["strength"] = [
            float(G.edges[ego, p].get("weight", np.nan)) if known else np.nan
            for p, known in zip(ids, out["you_know"], strict=True)
        ]
        out["community"] = self._community_labels.reindex(ids).to_numpy(object)
        return out

    def _affiliations_quiet(self, columns: Any, affiliations: Any) -> pd.DataFrame:
        """The affiliations for groups(), groups_to_join() and group(); warns at the caller."""
        return self.affiliations(columns, table=affiliations, _stacklevel=4)

    def _ego_for(self, method: str) -> str:
        """The ego, for the methods that are about your own network; an InputError if none."""
        if self.ego is None:
            raise InputError(
                f"net.{method}() is about your own network, and this network has no ego",
                column="ego",
                fix="Build the network with ego='<your id>' (me= for the readers), or pass "
                "--ego on the command line.",
            )
        return self.ego

    # -- who knows whom (issue 11: netgraph.inference; thin wrappers, owned by the `infer`
    # -- helper) ---------------------------------------------------------------------------

    @property
    def answers(self) -> pd.DataFrame:
        """The user's answers about who knows whom: ``a``, ``b``, ``knows`` (see
        :meth:`confirm_ties`). A no is a known non-tie: never inferred nor asked again."""
        answers = self.__dict__.get("_answers")
        if answers is None:
            return pd.DataFrame({"a": [], "b": [], "knows": []}).astype(
                {"a": object, "b": object, "knows": bool}
            )
        return answers

    @property
    def inferred_by(self) -> list[str] | None:
        """The people columns :meth:`infer_ties` inferred this network's ties from; None when
        it was not called. New answers (:meth:`confirm_ties`) infer them again from these."""
        if "_inferred_by" not in self.__dict__:
            return None
        from netgraph import inference

        return inference.group_columns(self._people, self.__dict__["_inferred_by"][1])

    def _with_who_knows_whom(
        self, answers: pd.DataFrame | None, inferred_by: list[str] | None
    ) -> Network:
        """This network with answers and inference settings read from a file (the readers)."""
        from netgraph.io.answers import validate_answers

        out = self._replace()
        if answers is not None and len(answers):
            answers = _one_answer_per_pair(validate_answers(answers, people=self._people.index))
            out.__dict__["_answers"] = answers[["a", "b", "knows"]]
        if inferred_by is not None:
            out.__dict__["_inferred_by"] = ("by", list(inferred_by))
        return out

    def infer_ties(
        self,
        by: str | Iterable[str] | None = None,
        *,
        min_probability: float = 0.01,
        max_ties: int | None = None,
    ) -> Network:
        """Infer ties between contacts who share circles or affiliations.

        Each pair of contacts (everyone but the ego) who share a group, a value of a
        ``;``-separated people column, gets a tie with ``evidence`` "inferred" and a
        calibrated ``probability`` (see :mod:`netgraph.inference` for the model and what it
        was fitted on). Pairs with a stated or observed tie keep it; pairs answered "no"
        (:meth:`confirm_ties`) are never inferred. Analyses weigh an inferred tie by
        strength x probability.

        Parameters
        ----------
        by : str or list of str, optional
            The people columns to infer from; default those present of ``circles``,
            ``groups``, ``company``, ``school``, ``city`` and ``hometown``.
        min_probability : float, default 0.01
            Pairs less likely than this get no tie.
        max_ties : int, optional
            Keep at most this many inferred ties, the most probable (default 50 per contact,
            at least 50,000): Burt's measures cost grows with the square of a person's ties,
            and a city shared by 2,000 contacts alone gives 2 million pairs. A
            NetgraphWarning says how many, and how many expected ties, were left out.

        Returns
        -------
        Network
            A new network with the inferred ties added (inferred ties of this network are
            replaced).

        Examples
        --------
        >>> people = pd.DataFrame({"id": ["me", "ann", "bo"], "company": ["", "Acme", "Acme"]})
        >>> star = pd.DataFrame({"source": "me", "target": ["ann", "bo"]})
        >>> net = Network(people, star, ego="me").infer_ties()
        >>> tie = net.ties.loc[("ann", "bo")]
        >>> print(tie["evidence"], f"{tie['probability']:.2f}")
        inferred 0.45
        """
        from netgraph import inference

        base = self._without_inferred()
        known = base.ties.index.to_frame(index=False)
        found = inference.tie_probabilities(
            self._people,
            person=self.ego,
            by=None if by is None else ([by] if isinstance(by, str) else list(by)),
            answers=self.answers,
            known=known,
            min_probability=min_probability,
            describe=False,
        )
        if max_ties is None:
            max_ties = max(50_000, 50 * len(self._people))
        if len(found) > max_ties:  # most probable first
            dropped = found.iloc[max_ties:]
            warnings.warn(
                f"infer_ties: kept the {max_ties:,} most probable of {len(found):,} inferred "
                f"ties; the {len(dropped):,} left out (probability <= "
                f"{dropped['probability'].max():.2f}) add up to "
                f"{dropped['probability'].sum():,.0f} expected ties. Pass max_ties= to keep "
                "more, or by= to infer from fewer, more telling columns (a circle or a company "
                "says more than a city).",
                NetgraphWarning,
                stacklevel=2,
            )
            found = found.iloc[:max_ties]
        rows = pd.DataFrame(
            {
                "source": found["source"].astype(str),
                "target": found["target"].astype(str),
                "evidence": "inferred",
                "probability": found["probability"].to_numpy(float),
                "weight": np.nan,
            }
        )
        stated = base._stated_ties
        if "evidence" not in stated.columns:
            stated = stated.assign(evidence="stated", probability=1.0)
        ties = pd.concat([stated, rows], ignore_index=True) if len(rows) else stated
        out = base._replace(ties=ties)
        out.__dict__["_answers"] = self.__dict__.get("_answers")
        out.__dict__["_inferred_by"] = ("by", by)
        return out

    def who_knows_whom(self, *, k: int = 20, by: str | Iterable[str] | None = None) -> pd.DataFrame:
        """The questions about who knows whom whose answers would change the analysis most.

        Not merely the likeliest pairs: a pair is worth asking when its answer moves many
        expected ties at once, because a yes or no inside a circle or affiliation updates how
        likely every other pair of that group is to know each other (see
        :func:`netgraph.inference.choose_questions`). Answered pairs and pairs with a known tie
        are never asked. Answer them with :meth:`confirm_ties`, in a spreadsheet
        (:func:`netgraph.io.answers.write_questions`) or with ``netgraph ask``.

        Returns
        -------
        DataFrame
            ``a``, ``b``, ``a_name``, ``b_name``, ``probability`` and ``reason``, in the order
            to ask; empty (with a NetgraphWarning saying why) when no two contacts share a
            group.
        """
        from netgraph import inference

        if by is None:
            by = self.__dict__.get("_inferred_by", ("by", None))[1]
        base = self._without_inferred()
        questions = inference.choose_questions(
            self._people,
            person=self.ego,
            by=None if by is None else ([by] if isinstance(by, str) else list(by)),
            answers=self.answers,
            known=base.ties.index.to_frame(index=False),
            k=k,
        )
        names = self._people["name"] if "name" in self._people.columns else None
        for end in ("a", "b"):
            ids = questions[end].astype(str)
            named = ids if names is None else names.reindex(ids).fillna(ids)
            questions.insert(
                questions.columns.get_loc("b") + (1 if end == "a" else 2),
                f"{end}_name",
                named.astype(str).to_numpy(object),
            )
        if questions.empty and k:
            warnings.warn(
                "who_knows_whom: no question to ask: no two contacts share a circle or an "
                "affiliation that is not answered yet. Add circles (a ';'-separated 'circles' "
                "column of groups you draw), company, school, city or hometown to the people, "
                "or name other columns with by=.",
                NetgraphWarning,
                stacklevel=2,
            )
        return questions[["a", "b", "a_name", "b_name", "probability", "reason"]]

    def confirm_ties(self, answers: pd.DataFrame | Any) -> Network:
        """Take the user's answers about who knows whom: a yes is a stated tie, a no a known
        non-tie.

        Parameters
        ----------
        answers : DataFrame or path
            ``a``, ``b``, ``knows`` (True or False; ``y``/``yes``/``n``/``no``/``1``/``0``
            are read; a blank is not an answer and is skipped), such as
            :meth:`who_knows_whom`'s questions with a ``knows`` column filled in, or the CSV
            file of a spreadsheet or of ``netgraph ask``.

        Returns
        -------
        Network
            A new network: each yes a stated tie (closeness "know each other", 0.5, unless the
            answers give ``closeness``), each no kept in :attr:`answers`, never inferred or
            asked again (a no also removes a stated tie between the two). Earlier answers are
            kept; a later answer for the same pair replaces it. If this network has inferred
            ties they are inferred again, with the group rates the answers update.
        """
        from netgraph.io.answers import read_answers, validate_answers

        if not isinstance(answers, pd.DataFrame):
            answers = read_answers(answers)
        answers = validate_answers(answers, people=self._people.index)
        previous = self.__dict__.get("_answers")
        if previous is not None and len(previous):
            answers = pd.concat([previous, answers], ignore_index=True)
        answers = _one_answer_per_pair(answers)
        base = self._without_inferred()
        stated = base._stated_ties
        pair = np.sort(stated[["source", "target"]].to_numpy(str), axis=1)
        no = answers[~answers["knows"]]
        denied = pd.MultiIndex.from_arrays([pair[:, 0], pair[:, 1]]).isin(
            pd.MultiIndex.from_arrays([no["a"], no["b"]])
        )
        stated = stated[~denied]
        if "evidence" not in stated.columns:
            stated = stated.assign(evidence="stated", probability=1.0)
        yes = answers[answers["knows"]]
        have = pd.MultiIndex.from_arrays([pair[~denied, 0], pair[~denied, 1]])
        yes = yes[~pd.MultiIndex.from_arrays([yes["a"], yes["b"]]).isin(have)]
        rows = pd.DataFrame(
            {
                "source": yes["a"].astype(str),
                "target": yes["b"].astype(str),
                "closeness": yes["closeness"].astype(float) if "closeness" in yes else np.nan,
                "evidence": "stated",
                "probability": 1.0,
                "weight": np.nan,
            }
        )
        ties = pd.concat([stated, rows], ignore_index=True) if len(rows) else stated
        out = base._replace(ties=ties)
        out.__dict__["_answers"] = answers[["a", "b", "knows"]]
        if "_inferred_by" in self.__dict__:
            return out.infer_ties(self.__dict__["_inferred_by"][1])
        return out

    def _said_why_empty(self, found: pd.DataFrame, what: str, person) -> pd.DataFrame:
        """An empty recommendation says why (issue 11): in ``.attrs["why_empty"]`` and in a
        NetgraphWarning, which the CLI prints and the report shows in place of the table."""
        if not isinstance(found, pd.DataFrame) or len(found):
            return found
        G = self.undirected
        contacts = set(G[person]) - {person} if person is not None and person in G else set()
        star = bool(contacts) and not any(n not in (person, c) for c in contacts for n in G[c])
        add = (
            "add who your contacts know (a ties file), a calendar or a mailbox, or answer "
            "net.who_knows_whom() (or call net.infer_ties() from circles and companies)"
        )
        has_log = len(self._interactions) > 0
        if what == "introductions":
            why = (
                "nobody in your data is two steps away: your contacts' own ties are not "
                f"known; {add}"
                if star
                else "nobody two steps away qualifies: every friend of a friend is already a "
                "contact, or the options left none"
            )
        elif what == "introductions_to_make":
            why = (
                f"no pair of contacts to introduce can be judged: their own ties are not known; "
                f"{add}"
                if star
                else "no two contacts in different circles are both close enough to introduce"
            )
        elif what == "reconnect":
            why = (
                "reconnect needs dated interactions (an interaction log, a calendar or a "
                "mailbox): without them no tie can be seen to go quiet"
                if not has_log
                else "no tie has gone quiet: the close ties were all in touch recently"
            )
        else:
            kinds = self._interactions.get("kind")
            logged = kinds is not None and kinds.isin(["give", "ask"]).any()
            why = (
                "no relationship is out of balance"
                if logged
                else "the ledger needs interactions of kind 'give' or 'ask' (help, "
                "introductions, favours); none are logged"
            )
        message = f"{what}: nothing to recommend: {why}."
        found.attrs["why_empty"] = message
        warn(message)  # attributed to the caller outside netgraph
        return found

    def _without_inferred(self) -> Network:
        """This network without its inferred ties (the answers kept)."""
        stated = self._stated_ties
        if "evidence" not in stated.columns or not (stated["evidence"] == "inferred").any():
            base = self._replace()
        else:
            base = self._replace(ties=stated[stated["evidence"] != "inferred"])
        base.__dict__["_answers"] = self.__dict__.get("_answers")
        return base

    # -- one person across sources (issue 11 point 3; readers) ----------------------------

    def possible_duplicates(self) -> pd.DataFrame:
        """Pairs of people who are probably one person: the same name under two ids.

        Sources that share no e-mail address, profile or phone (a LinkedIn connection
        without an address, the same person in a calendar) leave the same person twice.
        Names are compared without accents, case, punctuation or word order.

        Returns
        -------
        pandas.DataFrame
            Columns ``a``, ``b`` (ids), ``name`` and ``reason``; join a pair, or all of
            them, with :meth:`same_person`.

        Examples
        --------
        >>> people = pd.DataFrame({"id": ["me", "bo-chen", "bo@x.org"],
        ...                        "name": ["Ana", "Bo Chen", "Chen, Bo"]})
        >>> net = Network(people, pd.DataFrame({"source": ["me", "me"],
        ...                                     "target": ["bo-chen", "bo@x.org"]}), ego="me")
        >>> net.possible_duplicates()[["a", "b"]].values.tolist()
        [['bo-chen', 'bo@x.org']]
        """
        from netgraph import identity

        return identity.possible_duplicates(self._people, ego=self.ego)

    def same_person(self, a: Any, b: Hashable | None = None) -> Network:
        """Join people who are one person: ``same_person(a, b)``, or a frame of pairs.

        The joined person keeps the ego's id when the ego is among them, else one id by the
        rule of :meth:`merge`; their ties and interactions move to that id (ties and
        interactions between them are dropped and counted), attributes are combined as in
        :meth:`merge`.

        Parameters
        ----------
        a : str or pandas.DataFrame
            An id, or a frame with ``a`` and ``b`` columns (such as
            :meth:`possible_duplicates`) to join every pair at once.
        b : str, optional
            The other id.

        Returns
        -------
        Network

        Raises
        ------
        UnknownPersonError
            When an id is not one of the people.

        Examples
        --------
        >>> people = pd.DataFrame({"id": ["me", "bo-chen", "bo@x.org"],
        ...                        "name": ["Ana", "Bo Chen", "Chen, Bo"]})
        >>> net = Network(people, pd.DataFrame({"source": ["me", "me"],
        ...                                     "target": ["bo-chen", "bo@x.org"]}), ego="me")
        >>> joined = net.same_person("bo-chen", "bo@x.org")
        >>> sorted(joined.people.index), len(joined.ties)
        (['bo-chen', 'me'], 1)
        """
        pairs = a if b is None else [(str(a), str(b))]
        if b is None and not isinstance(a, pd.DataFrame):
            raise TypeError("same_person takes two ids, or a DataFrame with 'a' and 'b' columns")
        tables = _merge.join_people(self._tables(), pairs)
        return self._replace(**tables._asdict())


class _Plots:
    """``net.plot``: the plots of :mod:`netgraph.view.plots` fed from one network.

    Each method takes ``ax=None`` and returns the matplotlib Axes; none calls ``plt.show()``.
    """

    def __init__(self, net: Network) -> None:
        self._net = net

    def _names(self) -> pd.Series | None:
        people = self._net._people
        return people["name"] if "name" in people.columns else None

    @renamed(ego="person", me="person", node="person")
    def ego_map(
        self,
        person: Hashable | None = None,
        *,
        ax: Axes | None = None,
        communities: pd.Series | Mapping[Hashable, Hashable] | None = None,
        weight: str | None = "weight",
        seed: int = 0,
        label: int = 30,
    ) -> Axes:
        """The person's contacts grouped and coloured by community, the person in the centre.

        ``person`` defaults to the ego and ``communities`` to the network's, described as in
        the interactive view ("community 2 (mostly Acme)"), with the view's colours. See
        :func:`netgraph.view.plots.ego_map`.
        """
        net = self._net
        return plots.ego_map(
            net.undirected,
            net._person(person),
            communities=net._community_labels if communities is None else communities,
            ax=ax,
            weight=weight,
            seed=seed,
            label=label,
        )

    def brokerage(self, *, ax=None, label_top: int = 5):
        """Burt's scatter of constraint against effective size, top brokers labelled."""
        holes_table = self._net.structural_holes()
        return plots.brokerage_scatter(holes_table, label_top=label_top, names=self._names(), ax=ax)

    @renamed(ego="person", me="person", node="person")
    def affinity_composition(self, by=None, *, person: Hashable | None = None, ax=None):
        """Share of same-group contacts per attribute against the chance expectation."""
        net = self._net
        if by is None:
            by = [c for c in ("company", "industry", "school", "city") if c in net.people.columns]
        if person is None and net.ego is not None:
            person = net.ego
        return plots.affinity_composition(net.undirected, by, person=person, ax=ax)

    def strength_distribution(self, *, ax=None):
        """Histogram of tie strength with the weak and strong thresholds and dormant share."""
        weak = self._net.weak_ties()
        return plots.strength_distribution(weak, thresholds=weak.attrs.get("thresholds"), ax=ax)

    @renamed(ego="person", me="person", node="person")
    def interaction_timeline(
        self,
        person: Hashable | None = None,
        *,
        ax: Axes | None = None,
        top: int = 15,
        dormant_after: float = 365,
        today: Any = None,
    ) -> Axes:
        """Interactions over time per contact, with the dormant stretches marked.

        ``person`` defaults to the ego and ``today`` to the network's reference date. See
        :func:`netgraph.view.plots.interaction_timeline`.
        """
        net = self._net
        if person is None:
            person = net.ego
        return plots.interaction_timeline(
            net._interactions,
            person=person,
            top=top,
            ax=ax,
            dormant_after=dormant_after,
            today=net.reference_date if today is None else today,
            names=self._names(),
        )


# -- helpers ---------------------------------------------------------------------------------


def _copy(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of an internal table to hand out: changing it leaves the network unchanged.

    Under copy-on-write (always on from pandas 3) a shallow copy is enough and costs no data
    copy until someone writes to it; older pandas gets a deep copy.
    """
    return frame.copy(deep=not _COPY_ON_WRITE)


def _copy_on_write() -> bool:
    if int(pd.__version__.split(".")[0]) >= 3:
        return True
    try:
        return pd.get_option("mode.copy_on_write") is True
    except (KeyError, pd.errors.OptionError):
        return False


_COPY_ON_WRITE = _copy_on_write()


def _validate(people, ties, interactions, *, directed: bool):
    """Validate the three input tables into their canonical forms."""
    if people is not None:
        if "id" not in people.columns and people.index.name == "id":
            people = people.reset_index()
        people = tables.validate_people(people, file=_table_name(people, "people"))
    ties = (
        _empty_ties()
        if ties is None
        else tables.validate_ties(
            ties, people=people, file=_table_name(ties, "ties"), directed=directed
        )
    )
    if "weight" not in ties.columns:
        ties = ties.assign(weight=np.nan)
    else:
        weight = pd.to_numeric(ties["weight"], errors="coerce")
        bad = weight.isna() & ties["weight"].notna() | (weight < 0)
        if bad.any():
            row = ties.index[bad.to_numpy()][0]
            raise InputError(
                f"weight {ties.loc[row, 'weight']!r} is not a non-negative number",
                file=_table_name(ties, "ties"),
                row=row,
                column="weight",
                fix="Give tie weights as numbers >= 0, or leave the cell empty.",
            )
        ties = ties.assign(weight=weight.astype(float))
    interactions = (
        _empty_interactions()
        if interactions is None
        else tables.validate_interactions(
            interactions, people=people, file=_table_name(interactions, "interactions")
        )
    )
    if people is None:
        ids = pd.unique(
            pd.concat(
                [ties["source"], ties["target"], interactions["source"], interactions["target"]]
            ).astype(str)
        )
        people = pd.DataFrame(index=pd.Index(ids, name="id", dtype="str"))
    return people, ties, interactions


def _one_answer_per_pair(answers: pd.DataFrame) -> pd.DataFrame:
    """Answers with each pair's ends in order (a < b), the last answer of a pair kept."""
    ends = np.sort(answers[["a", "b"]].to_numpy(str), axis=1)
    answers = answers.assign(a=ends[:, 0], b=ends[:, 1])
    return answers.drop_duplicates(["a", "b"], keep="last").reset_index(drop=True)


def _table_attribute(net: Network, name: str) -> pd.DataFrame | None:
    """A table the network may carry (a store's network has ``field_history`` and ``notes``)."""
    value = getattr(net, name, None)
    return value if isinstance(value, pd.DataFrame) else None


def _table_name(frame: pd.DataFrame, default: str) -> str:
    """The file a table was read from (``read_table`` records it), else the table's name."""
    return frame.attrs.get("file") or default


def _empty_ties() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "source": pd.Series(dtype="str"),
            "target": pd.Series(dtype="str"),
            "kind": pd.Series(dtype="str"),
            "since": pd.Series(dtype="datetime64[ns]"),
            "closeness": pd.Series(dtype=float),
            "weight": pd.Series(dtype=float),
        }
    )


def _empty_interactions() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "source": pd.Series(dtype="str"),
            "target": pd.Series(dtype="str"),
            "date": pd.Series(dtype="datetime64[ns]"),
            "channel": pd.Series(dtype="str"),
            "kind": pd.Series(dtype="str"),
        }
    )
