"""Static figures of a network on matplotlib Axes.

Every function takes ``ax=None`` (None: the current Axes, ``plt.gca()``), draws on it and returns
it; none calls ``plt.show()``. matplotlib is imported inside the functions, so importing netgraph
does not start a plotting backend. Inputs (graphs, frames) are never modified.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Hashable, Mapping
from typing import TYPE_CHECKING, Any

import networkx as nx
import numpy as np
import pandas as pd

from netgraph._names import deprecated_names
from netgraph.errors import InputError, UnknownPersonError
from netgraph.view._palette import (
    KIND_COLORS,
    MISSING_COLOR,
    OTHER_COLOR,
    PALETTE,
    STRONG_COLOR,
    WEAK_COLOR,
    category_colours,
    category_label,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = [
    "affinity_composition",
    "brokerage_scatter",
    "ego_map",
    "interaction_timeline",
    "strength_distribution",
]


@deprecated_names(ego="person")
def ego_map(
    G: nx.Graph,
    person: Hashable,
    *,
    communities: pd.Series | Mapping[Hashable, Hashable] | None = None,
    ax: Axes | None = None,
    weight: str | None = "weight",
    seed: int = 0,
    label: int = 30,
) -> Axes:
    """Draw a person's network: the ego in the centre, contacts around, grouped by community.

    Contacts (alters) sit on a circle, one arc per community, strongest ties first within an
    arc; spokes from the ego are as wide as the tie is strong, and the ties among alters are
    drawn as thin lines, so that closed clusters and the holes between them show.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        The network (a directed graph counts contacts in either direction). Not modified.
    person : hashable
        The person at the centre, the ego of the drawing (``ego=``, the old name, still works
        with a DeprecationWarning).
    communities : pandas.Series or mapping, optional
        Person -> community. None: the node attribute ``"community"`` (one group if absent).
    ax : matplotlib.axes.Axes, optional
        Where to draw. None: the current Axes.
    weight : str or None, default "weight"
        Edge attribute with the tie strength (missing: 1). None: equal spokes.
    seed : int, default 0
        Seed of the start angle, so that the figure is the same each time.
    label : int, default 30
        Label every alter when there are at most this many, else only the `label` strongest.

    Returns
    -------
    matplotlib.axes.Axes
        The Axes. Its collections are, in order: the ties among alters, the spokes, the alters
        (one point each) and the ego.

    Raises
    ------
    UnknownPersonError
        If `person` is not in `G`.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> import networkx as nx
    >>> G = nx.Graph([("me", "a"), ("me", "b"), ("a", "b"), ("me", "c")])
    >>> ax = ego_map(G, "me", communities={"a": 1, "b": 1, "c": 2}, ax=ax)
    >>> len(ax.collections[2].get_offsets())  # three alters
    3
    >>> plt.close(fig)
    """
    import matplotlib.pyplot as plt
    from matplotlib.collections import LineCollection

    ego = person  # the centre of the drawing
    if ego not in G:
        raise UnknownPersonError(ego, hint="It was given as the person at the centre of ego_map.")
    ax = plt.gca() if ax is None else ax
    U = G.to_undirected(as_view=True) if G.is_directed() else G
    alters = [v for v in U.adj[ego] if v != ego]
    strength = {v: _strength(G, ego, v, weight) for v in alters}
    group = _groups(G, alters, communities)
    sizes = pd.Series(group).value_counts(sort=False)
    order_groups = sorted(sizes.index, key=lambda g: (-sizes[g], _sort_key(g)))
    # Colours by the communities' sizes in the whole network, as in the interactive view.
    if communities is None:
        everyone = [d.get("community") for _, d in G.nodes(data=True)]
    else:
        everyone = [communities.get(v) for v in G]
    palette = category_colours(v for v in everyone if v is not None and not _missing(v))
    colour_of = {
        g: MISSING_COLOR if g is _NONE else palette.get(category_label(g), OTHER_COLOR)
        for g in order_groups
    }
    rank = {g: i for i, g in enumerate(order_groups)}
    ordered = sorted(alters, key=lambda v: (rank[group[v]], -strength[v], str(v)))
    n = len(ordered)
    # Angles: one slot per alter plus a gap slot between communities.
    slots, pos, previous = 0, {}, None
    for v in ordered:
        if previous is not None and group[v] != previous:
            slots += 1
        pos[v] = slots
        slots += 1
        previous = group[v]
    total = max(slots + (1 if len(order_groups) > 1 else 0), 1)
    start = np.random.default_rng(seed).uniform(0, 2 * np.pi)
    xy = {
        v: (
            math.cos(start + 2 * np.pi * pos[v] / total),
            math.sin(start + 2 * np.pi * pos[v] / total),
        )
        for v in ordered
    }
    xy[ego] = (0.0, 0.0)
    among = [(xy[u], xy[v]) for u, v in U.subgraph(alters).edges() if u != v]
    ax.add_collection(LineCollection(among, colors=WEAK_COLOR, linewidths=0.8, alpha=0.7, zorder=1))
    top = max(strength.values(), default=1.0) or 1.0
    widths = [0.5 + 4.0 * max(strength[v], 0.0) / top for v in ordered]
    spokes = [((0.0, 0.0), xy[v]) for v in ordered]
    ax.add_collection(
        LineCollection(spokes, colors=STRONG_COLOR, linewidths=widths, alpha=0.6, zorder=2)
    )
    pts = np.array([xy[v] for v in ordered]).reshape(-1, 2)
    ax.scatter(
        pts[:, 0],
        pts[:, 1],
        s=90,
        c=[colour_of[group[v]] for v in ordered],
        edgecolors="white",
        linewidths=0.8,
        zorder=3,
    )
    ax.scatter(
        [0.0], [0.0], s=320, marker="D", c="#ffffff", edgecolors="#111111", linewidths=2, zorder=4
    )
    ax.annotate(
        _name(G, ego),
        (0, 0),
        xytext=(0, -16),
        textcoords="offset points",
        ha="center",
        va="top",
        fontsize=10,
        fontweight="bold",
    )
    shown = ordered if n <= label else sorted(ordered, key=lambda v: -strength[v])[:label]
    for v in shown:
        x, y = xy[v]
        ax.annotate(
            _name(G, v),
            (x, y),
            xytext=(x * 1.12, y * 1.12),
            ha="left" if x > 0.05 else "right" if x < -0.05 else "center",
            va="center",
            fontsize=8,
        )
    if len(order_groups) > 1 or communities is not None:
        from matplotlib.lines import Line2D

        handles = [
            Line2D([], [], marker="o", ls="", color=colour_of[g], label=f"{_plain(g)} ({sizes[g]})")
            for g in order_groups[: len(PALETTE)]
        ]
        ax.legend(
            handles=handles,
            title="community",
            loc="upper left",
            bbox_to_anchor=(1.0, 1.0),
            frameon=False,
            fontsize=8,
        )
    ax.set_xlim(-1.6, 1.6)
    ax.set_ylim(-1.4, 1.4)
    ax.set_aspect("equal")
    ax.set_axis_off()
    ax.set_title(f"{_name(G, ego)}: {n} contacts in {len(order_groups)} communities")
    return ax


def brokerage_scatter(
    holes: pd.DataFrame,
    *,
    label_top: int = 5,
    names: pd.Series | Mapping[Hashable, str] | None = None,
    ax: Axes | None = None,
) -> Axes:
    r"""Plot Burt's constraint against effective size, one point per person, brokers labelled.

    Brokers sit bottom right: many non-redundant contacts (high effective size) and little
    constraint [1]_. The `label_top` people with the best broker score are labelled, the score
    being the sum of the two percentile ranks,

    .. math::

        s_i = \operatorname{rank}_\%(\text{effective size}_i)
              + \operatorname{rank}_\%(-\text{constraint}_i),

    ties broken by the larger effective size. Dotted lines mark the medians.

    Parameters
    ----------
    holes : pandas.DataFrame
        Columns ``effective_size`` and ``constraint``, indexed by person (for example the
        output of :func:`netgraph.structural_holes`). Rows with a missing value are skipped.
    label_top : int, default 5
        How many brokers to label (0: none).
    names : pandas.Series or mapping, optional
        Person -> display name. None: the ``name`` column if present, else the index.
    ax : matplotlib.axes.Axes, optional
        Where to draw. None: the current Axes.

    Returns
    -------
    matplotlib.axes.Axes
        The Axes; ``ax.collections[0]`` holds one point per person.

    Raises
    ------
    InputError
        If a column is missing.

    References
    ----------
    .. [1] Burt, Ronald S. *Structural Holes: The Social Structure of Competition.* Harvard
       University Press, 1992.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> import pandas as pd
    >>> holes = pd.DataFrame({"effective_size": [3.0, 1.0, 1.5],
    ...                       "constraint": [0.3, 0.9, 0.6]}, index=["ann", "bob", "cy"])
    >>> ax = brokerage_scatter(holes, label_top=1, ax=ax)
    >>> [t.get_text() for t in ax.texts]
    ['ann']
    >>> plt.close(fig)
    """
    import matplotlib.pyplot as plt

    for column in ("effective_size", "constraint"):
        if column not in holes.columns:
            raise InputError(
                f"the structural-holes table has no {column!r} column",
                file="holes",
                column=column,
                fix="Pass the DataFrame returned by netgraph.structural_holes(G).",
            )
    ax = plt.gca() if ax is None else ax
    x = pd.to_numeric(holes["effective_size"], errors="coerce")
    y = pd.to_numeric(holes["constraint"], errors="coerce")
    ok = (x.notna() & y.notna()).to_numpy()
    x, y = x[ok], y[ok]
    ax.scatter(x, y, s=28, c="#4e79a7", alpha=0.75, edgecolors="white", linewidths=0.5)
    if len(x):
        ax.axvline(float(x.median()), color="#9aa5b1", ls=":", lw=1)
        ax.axhline(float(y.median()), color="#9aa5b1", ls=":", lw=1)
    score = x.rank(pct=True) + (-y).rank(pct=True)
    order = np.lexsort((-x.to_numpy(), -score.to_numpy()))[: max(label_top, 0)]
    if names is None:
        names = holes["name"] if "name" in holes.columns else None
    for i in order:
        person = x.index[i]
        label = person
        if names is not None:
            got = names.get(person) if hasattr(names, "get") else None
            label = person if got is None or _missing(got) else got
        ax.annotate(
            _plain(label),
            (x.iloc[i], y.iloc[i]),
            xytext=(5, 4),
            textcoords="offset points",
            fontsize=9,
            color="#1f2933",
        )
        ax.scatter(
            [x.iloc[i]], [y.iloc[i]], s=46, facecolors="none", edgecolors="#e15759", linewidths=1.2
        )
    ax.set_xlabel("effective size (non-redundant contacts)")
    ax.set_ylabel("constraint (lower: more brokerage)")
    skipped = int((~ok).sum())
    title = "Brokerage: brokers sit bottom right"
    ax.set_title(title + (f" ({skipped} without values skipped)" if skipped else ""))
    return ax


def affinity_composition(
    G: nx.Graph,
    by: str | list[str],
    *,
    person: Hashable | None = None,
    ax: Axes | None = None,
) -> Axes:
    r"""Compare the observed share of same-group contacts with the share expected by chance.

    For each attribute in `by`, two bars: the observed share and the chance expectation, as
    :func:`netgraph.affinity` computes them. For a `person`, the observed share is
    :math:`I / (I + E)` over her contacts with a known group and the expectation
    :math:`(n_g - 1) / (n - 1)`. Without a person, the network figures: the share of ties that
    stay inside a group, against the share of same-group pairs
    :math:`\sum_g n_g (n_g - 1) / (n (n - 1))`. A bar above its expectation means contacts
    chosen alike (homophily, a closed network) [1]_.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        The network. Not modified.
    by : str or list of str
        Node attribute(s) that define groups, such as ``"company"`` or ``["company", "city"]``.
    person : hashable, optional
        Whose contacts to describe. None: the whole network.
    ax : matplotlib.axes.Axes, optional
        Where to draw. None: the current Axes.

    Returns
    -------
    matplotlib.axes.Axes
        The Axes; ``ax.containers[0]`` holds the observed bars and ``ax.containers[1]`` the
        expected ones, one per attribute, in the order of `by`.

    Raises
    ------
    UnknownPersonError
        If `person` is not in `G`.
    InputError
        If no one has an attribute of `by`.

    References
    ----------
    .. [1] McPherson, Miller, Lynn Smith-Lovin and James M. Cook. "Birds of a Feather:
       Homophily in Social Networks." *Annual Review of Sociology* 27: 415-444, 2001.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> import networkx as nx
    >>> G = nx.Graph([("ann", "bob"), ("ann", "cat"), ("ann", "dan")])
    >>> nx.set_node_attributes(G, {"ann": "x", "bob": "x", "cat": "x", "dan": "y"}, "team")
    >>> ax = affinity_composition(G, "team", person="ann", ax=ax)
    >>> [f"{b.get_height():.4f}" for b in ax.containers[0]]  # 2 of her 3 contacts
    ['0.6667']
    >>> [f"{b.get_height():.4f}" for b in ax.containers[1]]  # 2 of the 3 others
    ['0.6667']
    >>> plt.close(fig)
    """
    import matplotlib.pyplot as plt

    from netgraph.analysis.affinity import affinity

    if person is not None and person not in G:
        raise UnknownPersonError(person, hint="It was given as person= to affinity_composition.")
    attributes = [by] if isinstance(by, str) else list(by)
    if not attributes:
        raise InputError("by names no attribute", fix="Pass by='company' or a list of names.")
    observed, expected = [], []
    for attribute in attributes:
        frame = affinity(G, attribute)
        if person is None:
            net = frame.attrs["network"]
            observed.append(float(net["same_group_share"]))
            expected.append(float(net["expected_same_group_share"]))
        else:
            observed.append(float(frame.loc[person, "same_group_share"]))
            expected.append(float(frame.loc[person, "expected_same_group_share"]))
    ax = plt.gca() if ax is None else ax
    at = np.arange(len(attributes), dtype=float)
    width = 0.38
    obs = ax.bar(at - width / 2, observed, width, color="#4e79a7", label="observed")
    exp = ax.bar(at + width / 2, expected, width, color="#c7c7c7", label="expected by chance")
    for bars in (obs, exp):
        ax.bar_label(bars, labels=[_pct(b.get_height()) for b in bars], fontsize=8, padding=2)
    ax.set_xticks(at, [_plain(a) for a in attributes])
    ax.set_ylim(0, 1.08)
    ax.set_ylabel("share of contacts in the same group")
    whose = "the network" if person is None else _name(G, person)
    ax.set_title(f"Same-group contacts: {whose}")
    ax.legend(frameon=False, fontsize=8, loc="upper right")
    return ax


def strength_distribution(
    ties: pd.DataFrame,
    *,
    thresholds: Mapping[str, float] | tuple[float, float] | float | None = None,
    ax: Axes | None = None,
    bins: int = 20,
) -> Axes:
    """Plot the distribution of tie strength, the weak/strong cut-offs and the dormant share.

    Parameters
    ----------
    ties : pandas.DataFrame
        One row per tie with a ``strength`` column and optionally ``kind`` (strong, weak,
        intermediate, dormant), such as the output of :func:`netgraph.weak_ties`. With ``kind``
        the histogram is stacked by kind.
    thresholds : mapping, tuple, float or None, optional
        The cut-offs: ``{"weak": w, "strong": s}``, a pair ``(w, s)`` or a single cut. None:
        ``ties.attrs["thresholds"]`` when present (weak_ties records it), else no line.
    ax : matplotlib.axes.Axes, optional
        Where to draw. None: the current Axes.
    bins : int, default 20
        Number of bins (over [0, 1] when all strengths lie there).

    Returns
    -------
    matplotlib.axes.Axes
        The Axes; a vertical line (``ax.lines``) marks each distinct cut-off and a text the
        dormant share. With no tie (or none with a strength) a text says so instead.

    Raises
    ------
    InputError
        If `ties` has no ``strength`` column or the thresholds cannot be read.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> import pandas as pd
    >>> ties = pd.DataFrame({"strength": [0.1, 0.2, 0.7, 0.9],
    ...                      "kind": ["dormant", "weak", "strong", "strong"]})
    >>> ax = strength_distribution(ties, thresholds={"weak": 0.5, "strong": 0.5}, ax=ax)
    >>> [float(line.get_xdata()[0]) for line in ax.lines]
    [0.5]
    >>> ax.texts[0].get_text()
    'dormant: 1 of 4 ties (25%)'
    >>> plt.close(fig)
    """
    import matplotlib.pyplot as plt

    if "strength" not in ties.columns:
        raise InputError(
            "the tie table has no 'strength' column",
            file="ties",
            column="strength",
            fix="Pass net.ties or the output of netgraph.weak_ties(G).",
        )
    ax = plt.gca() if ax is None else ax
    s = pd.to_numeric(ties["strength"], errors="coerce")
    finite = s.notna().to_numpy()
    values = s[finite].to_numpy(dtype=float)
    lo, hi = (
        (0.0, 1.0)
        if len(values) == 0 or (values.min() >= 0 and values.max() <= 1)
        else (
            float(values.min()),
            float(values.max()),
        )
    )
    edges = np.linspace(lo, hi if hi > lo else lo + 1, bins + 1)
    if not len(values):  # nothing to histogram (ax.hist fails on an empty stack)
        ax.text(
            0.5,
            0.5,
            "no ties" if ties.empty else "no tie has a strength",
            transform=ax.transAxes,
            ha="center",
            va="center",
            color="#7b8794",
        )
    elif "kind" in ties.columns:
        kind = ties["kind"].astype(object).where(ties["kind"].notna(), "unknown")[finite]
        order = [k for k in ("strong", "intermediate", "weak", "dormant") if (kind == k).any()]
        order += sorted({str(k) for k in kind} - set(order))
        data = [values[(kind == k).to_numpy()] for k in order]
        colours = [KIND_COLORS.get(k, OTHER_COLOR) for k in order]
        ax.hist(
            data,
            bins=edges,
            stacked=True,
            color=colours,
            label=[_plain(k) for k in order],
            edgecolor="white",
            linewidth=0.5,
        )
        n_dormant = int((ties["kind"] == "dormant").sum())
        total = len(ties)
        share = n_dormant / total if total else 0.0
        ax.text(
            0.02,
            0.96,
            f"dormant: {n_dormant} of {total} ties ({share:.0%})",
            transform=ax.transAxes,
            ha="left",
            va="top",
            fontsize=9,
            color="#8a4b08",
            bbox={"boxstyle": "round,pad=0.3", "facecolor": "white", "edgecolor": "none"},
            zorder=5,
        )
    else:
        ax.hist(values, bins=edges, color="#4e79a7", edgecolor="white", linewidth=0.5)
    cuts = _thresholds(ties, thresholds)
    for name, x in cuts:
        ax.axvline(x, color="#1f2933", ls="--", lw=1.2, label=f"{name} = {x:.2f}")
    ax.set_ylim(0, ax.get_ylim()[1] * 1.15)  # headroom for the note and the legend
    ax.set_xlabel("tie strength")
    ax.set_ylabel("number of ties")
    ax.set_title("Tie strength")
    if ax.get_legend_handles_labels()[0]:
        ax.legend(frameon=False, fontsize=8, loc="upper right")
    return ax


def interaction_timeline(
    interactions: pd.DataFrame,
    *,
    person: Hashable | None = None,
    top: int = 15,
    ax: Axes | None = None,
    dormant_after: float = 365,
    today: Any = None,
    names: pd.Series | Mapping[Hashable, str] | None = None,
) -> Axes:
    """Draw when each relationship was active: one row per contact, a dot per interaction.

    Rows are the `top` contacts with the most interactions (of `person`, or pairs of people
    when `person` is None), most active at the top, except that up to a third of the rows go
    to the most active of the ties that are dormant now, below the others. A shaded band
    marks each *dormant stretch*: a gap between consecutive interactions, or between the last
    interaction and `today`, longer than `dormant_after` days. The rule is the fixed threshold
    used by :func:`netgraph.weak_ties` (Levin, Walter and Murnighan's dormant ties), not the
    pair's own cadence, so that the figure agrees with the tie table; a yearly contact whose
    gaps all exceed the threshold shows as dormant between meetings.

    Parameters
    ----------
    interactions : pandas.DataFrame
        Columns ``source``, ``target`` and ``date`` (datetime-like), one row per interaction.
    person : hashable, optional
        Whose contacts to show. None: the most active pairs of people.
    top : int, default 15
        Number of rows.
    ax : matplotlib.axes.Axes, optional
        Where to draw. None: the current Axes.
    dormant_after : float, default 365
        Days without contact after which a tie is dormant.
    today : date-like, optional
        End of the time axis and of the last stretch. None: the latest date in `interactions`.
    names : pandas.Series or mapping, optional
        Person id -> display name for the row labels.

    Returns
    -------
    matplotlib.axes.Axes
        The Axes; ``ax.collections[0]`` holds one point per interaction shown and
        ``ax.patches`` one rectangle per dormant stretch.

    Raises
    ------
    InputError
        If a column is missing, a date cannot be read or `dormant_after` is negative.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> import pandas as pd
    >>> log = pd.DataFrame({"source": ["me", "me", "bo"], "target": ["al", "al", "me"],
    ...                     "date": pd.to_datetime(["2020-01-01", "2022-01-01", "2022-06-01"])})
    >>> ax = interaction_timeline(log, person="me", ax=ax)
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['al', 'bo']
    >>> len(ax.patches)  # al: 2020 -> 2022 is a dormant stretch
    1
    >>> plt.close(fig)
    """
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt
    from matplotlib.patches import Rectangle

    for column in ("source", "target", "date"):
        if column not in interactions.columns:
            raise InputError(
                f"the interactions table has no {column!r} column",
                file="interactions",
                column=column,
                fix="Pass a table with columns source, target and date.",
            )
    if not (isinstance(dormant_after, numbers.Real) and dormant_after >= 0):
        raise InputError(
            f"dormant_after={dormant_after!r} is not a non-negative number of days",
            fix="Pass dormant_after=365, for example.",
        )
    try:
        dates = pd.to_datetime(interactions["date"])
    except (ValueError, TypeError) as err:
        raise InputError(
            "the date column has values that are not dates",
            file="interactions",
            column="date",
            fix="Write dates as YYYY-MM-DD.",
        ) from err
    src = interactions["source"].astype(object).to_numpy()
    dst = interactions["target"].astype(object).to_numpy()
    if person is not None:
        involved = (src == person) | (dst == person)
        other = np.where(src == person, dst, src)
        rows = pd.DataFrame({"key": other[involved], "date": dates.to_numpy()[involved]})
        label_of = {k: _lookup(names, k) for k in rows["key"].unique()}
    else:
        a = np.array([str(u) for u in src], dtype=object)
        b = np.array([str(v) for v in dst], dtype=object)
        swap = a > b
        first = np.where(swap, dst, src)
        second = np.where(swap, src, dst)
        keys = list(zip(first, second, strict=True))
        rows = pd.DataFrame({"key": pd.Series(keys, dtype=object), "date": dates.to_numpy()})
        label_of = {k: f"{_lookup(names, k[0])} \u2013 {_lookup(names, k[1])}" for k in set(keys)}
    rows = rows[rows["date"].notna()]
    ref = (
        pd.Timestamp(today)
        if today is not None
        else (dates.max() if dates.notna().any() else pd.Timestamp.now().normalize())
    )
    counts = rows.groupby("key", sort=False).size()
    ranked = sorted(counts.index, key=lambda k: (-counts[k], str(label_of[k])))
    # Up to a third of the rows go to ties that are dormant now (the most active of them),
    # which the most active contacts alone would never show.
    limit = pd.Timedelta(days=float(dormant_after))
    last = rows.groupby("key", sort=False)["date"].max()
    dormant_now = [k for k in ranked if ref - last[k] > limit][: max(top, 0) // 3]
    shown_dormant = set(dormant_now)
    active = [k for k in ranked if k not in shown_dormant]
    chosen = active[: max(top, 0) - len(dormant_now)] + dormant_now
    ax = plt.gca() if ax is None else ax
    xs, ys = [], []
    stretches = []
    for y, key in enumerate(chosen):
        when = rows.loc[rows["key"] == key, "date"].sort_values()
        xs += list(when)
        ys += [y] * len(when)
        bounds = list(when) + ([ref] if ref > when.iloc[-1] else [])
        for start, end in zip(bounds[:-1], bounds[1:], strict=True):
            if end - start > limit:
                stretches.append((y, start, end))
    ax.scatter(
        mdates.date2num(pd.DatetimeIndex(xs).to_pydatetime()) if xs else [],
        ys,
        s=22,
        color="#4e79a7",
        zorder=3,
    )
    for y, start, end in stretches:
        x0, x1 = mdates.date2num(start.to_pydatetime()), mdates.date2num(end.to_pydatetime())
        ax.add_patch(
            Rectangle(
                (x0, y - 0.3),
                x1 - x0,
                0.6,
                color=KIND_COLORS["dormant"],
                alpha=0.25,
                lw=0,
                zorder=1,
            )
        )
    ax.set_yticks(range(len(chosen)), [str(label_of[k]) for k in chosen])
    ax.set_ylim(len(chosen) - 0.5, -0.5)
    ax.xaxis_date()
    ax.axvline(mdates.date2num(ref.to_pydatetime()), color="#9aa5b1", lw=1, ls=":")
    whose = "" if person is None else f" with {_lookup(names, person)}"
    ax.set_title(f"Interactions{whose}; shaded: no contact for over {dormant_after:g} days")
    ax.set_xlabel("date")
    ax.autoscale_view(scaley=False)
    return ax


# -- helpers --------------------------------------------------------------------------------


def _strength(G: nx.Graph, u: Hashable, v: Hashable, weight: str | None) -> float:
    """Return the strength of the tie u-v (the larger direction in a DiGraph; missing: 1)."""
    if weight is None:
        return 1.0
    values = []
    for a, b in ((u, v), (v, u)):
        if G.has_edge(a, b):
            w = G.edges[a, b].get(weight, 1.0)
            values.append(
                float(w) if isinstance(w, int | float | np.number) and np.isfinite(w) else 0.0
            )
    return max(values, default=0.0)


def _groups(
    G: nx.Graph, alters: list[Hashable], communities: pd.Series | Mapping | None
) -> dict[Hashable, Any]:
    if communities is None:
        raw = {v: G.nodes[v].get("community") for v in alters}
    else:
        raw = {v: communities.get(v) for v in alters}
    return {v: _NONE if g is None or _missing(g) else g for v, g in raw.items()}


_NONE = "none"  # the group of people without a community


def _sort_key(value: Any) -> tuple:
    return (0, value, "") if isinstance(value, int | float) else (1, 0, str(value))


def _thresholds(ties: pd.DataFrame, thresholds: Any) -> list[tuple[str, float]]:
    """Return the distinct cut-offs to draw as (name, x)."""
    if thresholds is None:
        thresholds = ties.attrs.get("thresholds")
        if thresholds is None:
            return []
    if isinstance(thresholds, Mapping):
        pairs = [(k, thresholds.get(k)) for k in ("weak", "strong")]
    elif isinstance(thresholds, int | float | np.number):
        pairs = [("cut", thresholds)]
    else:
        try:
            w, s = thresholds
        except (TypeError, ValueError) as err:
            raise InputError(
                f"thresholds={thresholds!r} is not a mapping, a pair (weak, strong) or a number",
                fix='Pass thresholds={"weak": 0.3, "strong": 0.6}.',
            ) from err
        pairs = [("weak", w), ("strong", s)]
    out: list[tuple[str, float]] = []
    for name, x in pairs:
        if x is None or _missing(x):
            continue
        x = float(x)
        same = [i for i, (_, y) in enumerate(out) if math.isclose(x, y)]
        if same:
            out[same[0]] = ("weak = strong", x)
        else:
            out.append((name, x))
    return out


def _plain(value: Any) -> str:
    """User text as a matplotlib label shown as it is: ``$`` escaped, never read as mathtext.

    Matplotlib reads text between two ``$`` as mathematics, so a name such as
    ``"Raising $5M | Investor $$$"`` would fail to draw; ``\\$`` is a literal dollar sign.
    """
    return str(value).replace("$", r"\$")


def _name(G: nx.Graph, n: Hashable) -> str:
    name = G.nodes[n].get("name")
    return _plain(n if name is None or _missing(name) or not str(name).strip() else name)


def _lookup(names: pd.Series | Mapping | None, key: Hashable) -> str:
    if names is None:
        return _plain(key)
    got = names.get(key)
    return _plain(key if got is None or _missing(got) else got)


def _missing(value: Any) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _pct(x: float) -> str:
    return "n/a" if not np.isfinite(x) else f"{x:.0%}"
