"""Interactive, self-contained HTML pages of a network (vis-network, no outbound request).

The page is one HTML file: vis-network's standalone JavaScript (shipped inside the pyvis
package, read from disk), the node and edge data as escaped JSON, a small script that draws them
and a legend, all inline. It makes no network request: there is no CDN link, web font or remote
image, and a ``Content-Security-Policy`` forbids any (``default-src 'none'``; scripts are
allowed by their SHA-256 hashes only). Contact data never leaves the machine.

pyvis itself is not used to build the page: its ``from_nx`` mutates the caller's graph, its
heading and menus insert text unescaped and its "local" and "in_line" modes still load files
from CDNs (pyvis issues #228, #229). Here the data are copied out of the graph, every string a
user supplied is escaped, and the graph is never modified.

A hidden ``<output id="netgraph-status">`` element reports what the page drew (``data-nodes``,
``data-edges``), script errors, blocked requests (``data-violations``) and the resources the page
fetched; the browser tests read it, and it helps when a page looks wrong.
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
import hashlib
import html
import json
import math
import numbers
import os
import pathlib
import re
import tempfile
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Mapping
from importlib import resources
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from netgraph._files import atomic_write
from netgraph.errors import InputError, NetgraphError, UnknownPersonError
from netgraph.view._palette import (
    DORMANT_COLOR,
    EDGE_COLOR,
    EGO_BORDER,
    MISSING_COLOR,
    OTHER_COLOR,
    OVERLAY_COLOR,
    PALETTE,
    SEQUENTIAL,
    STRONG_COLOR,
    WEAK_COLOR,
    category_colours,
    category_label,
)
from netgraph.view._static import read as _static

__all__ = ["HTMLView", "notebook_html", "render_html", "show", "write_html"]

_MIN_SIZE, _MAX_SIZE, _PLAIN_SIZE, _MISSING_SIZE = 10.0, 38.0, 14.0, 7.0
_HEIGHT = re.compile(r"^\d+(\.\d+)?(px|vh|em|rem|%)$")
_JSON_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_JSON_ESCAPE_RE = re.compile("[<>&\u2028\u2029]")


# -- public API ----------------------------------------------------------------------------


def render_html(
    G: nx.Graph,
    *,
    title: str = "netgraph",
    color_by: str | None = "community",
    size_by: str | None = None,
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
) -> str:
    """Render a network as a complete, self-contained, interactive HTML page.

    Colour shows a node attribute (`color_by`), size a measure (`size_by`), edge width the tie
    strength; weak ties are thin, dormant ties dashed orange, suggested introductions (`overlay`)
    dashed magenta, and the ego a dark-bordered diamond. Hovering a person or a tie shows its
    attributes and measures. A legend explains the encodings, and a note counts who was left out.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        The network: person ids as nodes, people columns as node attributes (``name`` is used as
        the label), edge attributes such as ``weight``, ``tie_kind``, ``kind``, ``last_contact``.
        It is read, never modified.
    title : str, default "netgraph"
        The page's title and heading.
    color_by : str or None, default "community"
        Node attribute (or column of `metrics`) that colours the nodes, one colour per value
        (the 11 most frequent; the rest are "other"). A numeric attribute with more than 12
        distinct values is cut into 5 quantile bins. The default, "community", is skipped
        silently when no node has it; any other name must exist. None: one colour.
    size_by : str or None, optional
        Numeric node attribute (or column of `metrics`) that sizes the nodes, linearly between
        the smallest and largest value, such as ``"effective_size"``. ``"constraint"`` is
        inverted, so that brokers (low constraint) look big. None: equal sizes.
    ego : hashable, optional
        The person whose network this is: drawn as a diamond with a dark border.
    overlay : DataFrame or iterable of pairs, optional
        Extra edges drawn dashed in magenta, such as recommended introductions. Either pairs
        ``(a, b)``, or a DataFrame with columns ``a``/``b``, ``source``/``target`` or ``person``
        (optionally with ``via``): a ``person`` row draws the suggested tie between `ego` and that
        person, and its other columns (``via``, ``reason``, ...) appear in the edge's tooltip.
    focus : hashable, optional
        Keep only this person's neighbourhood: everyone within `radius` steps (direction ignored).
    radius : int, default 1
        Size of the neighbourhood of `focus`, in steps.
    where : mapping, optional
        Keep only people whose attribute matches, such as ``{"company": "Acme"}``. A value may be
        a scalar (equality), a list, tuple or set (membership) or a callable (predicate). Every
        condition must hold. Applied after `focus`.
    max_nodes : int or None, default 1500
        Most people drawn (None: no limit). Beyond it, if `ego` is given and `focus` is not, the
        ego's direct contacts are kept, the strongest ties first; otherwise the people with the
        most contacts. A note on the page counts the people and ties left out.
    physics : bool, default True
        Lay the network out in the browser with a force simulation that stops once stable
        (a bounded number of iterations). False: a spring layout computed in Python, drawn
        at once.
    height : str or int, default "750px"
        Height of the drawing, a CSS length (``"750px"``, ``"80vh"``) or a number of pixels.
    metrics : pandas.DataFrame, optional
        Per-person measures indexed by person id (such as the output of a structural-holes
        analysis). Their columns appear in tooltips and may be used by `color_by`, `size_by`
        and `where`; they take precedence over node attributes of the same name.
    ties : pandas.DataFrame, optional
        A tie table indexed by ``(source, target)`` with a ``kind`` column (strong, weak,
        intermediate, dormant), such as the output of :func:`netgraph.analysis.ties.weak_ties`.
        Its kind takes precedence over an edge attribute ``tie_kind``.
    weight : str or None, default "weight"
        Edge attribute holding the tie strength, shown as the edge width (a missing value counts
        as 1). None: equal widths.
    seed : int, default 0
        Seed of the layout, so that a page is drawn the same way each time.

    Returns
    -------
    str
        The HTML page.

    Raises
    ------
    UnknownPersonError
        If `ego`, `focus` or an endpoint of `overlay` is not in `G`.
    InputError
        If `color_by`, `size_by` or a `where` key is not an attribute of anyone, `size_by` is not
        numeric, `overlay` has unusable columns, or `height`/`radius`/`max_nodes` are invalid.

    See Also
    --------
    write_html : Write the page to a file.
    show : Display the page in a notebook.

    Notes
    -----
    Every string that comes from the data or the caller is escaped: text in the HTML is
    HTML-escaped, data embedded in the page is JSON with ``<``, ``>``, ``&``, U+2028 and U+2029
    written as ``\\uXXXX`` escapes, and tooltips are built as DOM elements whose text is set
    with ``textContent``, so a contact named ``<img src=x onerror=alert(1)>`` shows as text.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph()
    >>> G.add_edge("ann", "bob", weight=0.8)
    >>> G.add_edge("bob", "cy", weight=0.2, tie_kind="weak")
    >>> page = render_html(G, title="Ann & friends", ego="ann")
    >>> page.startswith("<!DOCTYPE html>")
    True
    >>> "<title>Ann &amp; friends</title>" in page
    True
    >>> "https://" in page.split("<script", 1)[0]
    False
    """
    _check_options(radius=radius, max_nodes=max_nodes)
    css_height = _css_height(height)
    for role, person in (("ego", ego), ("focus", focus)):
        if person is not None and person not in G:
            raise UnknownPersonError(person, hint=f"It was given as {role}=.")
    node_table = _NodeTable(G, metrics)
    pairs = _overlay_pairs(G, overlay, ego)
    forced = [p for p in (ego, focus) if p is not None]
    forced += [p for pair in pairs for p in pair[:2]]
    keep, notes = _select(
        G,
        node_table,
        ego=ego,
        focus=focus,
        radius=radius,
        where=where,
        max_nodes=max_nodes,
        forced=forced,
        weight=weight,
    )
    H = G.subgraph(keep)
    # Graph order, the ego last: vis-network draws by id, so the ego's label lands on top.
    order = [n for n in G if n in keep and n != ego] + ([ego] if ego in keep else [])
    index = {n: i for i, n in enumerate(order)}
    colours, colour_legend = _node_colours(node_table, order, color_by)
    sizes, size_note = _node_sizes(node_table, order, size_by)
    kinds = _tie_kinds(ties)
    nodes = _node_records(G, node_table, order, colours, sizes, ego=ego, focus=focus)
    edges, kinds_drawn, widths_vary = _edge_records(H, index, kinds=kinds, weight=weight)
    overlay_edges = [
        _overlay_record(index[a], index[b], extra, G, a, b)
        for a, b, extra in pairs
        if a in index and b in index
    ]
    positions = None if physics else _positions(H, order, seed)
    if positions is not None:
        for record, (x, y) in zip(nodes, positions, strict=True):
            record["x"], record["y"] = x, y
    data = {
        "nodes": nodes,
        "edges": edges + overlay_edges,
        "options": _vis_options(len(order), directed=G.is_directed(), physics=physics, seed=seed),
    }
    total = (G.number_of_nodes(), G.number_of_edges())
    summary = _summary(len(order), H.number_of_edges(), total, len(overlay_edges))
    legend = _legend_html(
        color_by=color_by,
        colour_legend=colour_legend,
        size_note=size_note,
        weight=weight if widths_vary else None,
        kinds=kinds_drawn,
        overlay=bool(overlay_edges),
        ego=_label(G, ego) if ego is not None and ego in index else None,
        directed=G.is_directed(),
    )
    return _page(
        title=str(title),
        summary=summary,
        notes=notes,
        legend=legend,
        data=data,
        height=css_height,
    )


def write_html(G: nx.Graph, path: str | os.PathLike | None = None, **options: Any) -> pathlib.Path:
    """Write the interactive page of a network to a file and return its path.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        The network, never modified.
    path : str or path-like, optional
        Where to write. A directory receives ``netgraph.html``; an existing file is replaced.
        None: ``netgraph.html`` in a new private temporary directory (readable by you only), so
        that contact data are never dropped into a shared folder or a version-controlled working
        tree by accident and no earlier page is overwritten.
    **options
        Keyword options of :func:`render_html`.

    Returns
    -------
    pathlib.Path
        The absolute path of the page (UTF-8), ready for a browser.

    Examples
    --------
    >>> import networkx as nx
    >>> p = write_html(nx.path_graph(["a", "b", "c"]))
    >>> p.name, p.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    ('netgraph.html', True)
    """
    page = render_html(G, **options)
    return _write(page, path)


@functools.cache
def content_security_policy() -> str:
    """The page's Content-Security-Policy: nothing loads from anywhere, only its own scripts run.

    A page that embeds the view in an ``<iframe srcdoc>`` (such as the report) must use this
    same policy: a srcdoc document inherits the policy of the page around it.
    """
    hashes = " ".join(_script_hash(s) for s in (_status_js(), _vis_js(), _main_js()))
    return (
        f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; "
        "img-src data:; font-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'"
    )


def notebook_html(page: str, *, height: str | int = "820px", width: str = "100%") -> str:
    """Wrap a page in an ``<iframe srcdoc="...">`` for Jupyter, VS Code and Colab.

    The page is escaped for the attribute (``&``, ``<``, ``>``, ``"`` and ``'``), as branca does,
    so it runs isolated in its own document: no file is written and nothing is fetched. The
    iframe is sandboxed (``allow-scripts`` only), so the page cannot reach the notebook.

    Parameters
    ----------
    page : str
        A complete HTML page, such as the output of :func:`render_html`.
    height : str or int, default "820px"
        Height of the iframe, a CSS length or a number of pixels.
    width : str, default "100%"
        Width of the iframe, a CSS length.

    Returns
    -------
    str
        The iframe element.

    Examples
    --------
    >>> notebook_html('<p title="x">a & b</p>', height=100)
    '<iframe srcdoc="&lt;p title=&quot;x&quot;&gt;a &amp; b&lt;/p&gt;" sandbox="allow-scripts" \
style="width: 100%; height: 100px; border: none;" loading="lazy"></iframe>'
    """
    h, w = _css_height(height), _css_height(width, name="width")
    return (
        f'<iframe srcdoc="{html.escape(page, quote=True)}" sandbox="allow-scripts" '
        f'style="width: {w}; height: {h}; border: none;" loading="lazy"></iframe>'
    )


class HTMLView:
    """An interactive page that displays itself in a notebook.

    Jupyter, VS Code and Colab call :meth:`_repr_html_`, which embeds the page in an escaped
    ``<iframe srcdoc>``; outside a notebook, :meth:`save` writes it and :meth:`open` opens it in
    the default browser.

    Parameters
    ----------
    page : str
        The HTML page.
    height : str, default "820px"
        Height of the iframe in a notebook.
    """

    def __init__(self, page: str, *, height: str = "820px") -> None:
        self.page = page
        self.height = height

    def _repr_html_(self) -> str:
        return notebook_html(self.page, height=self.height)

    def __repr__(self) -> str:
        return f"<HTMLView: {len(self.page):,} characters; .save(path) writes it, .open() shows it>"

    def save(self, path: str | os.PathLike | None = None) -> pathlib.Path:
        """Write the page (see :func:`write_html` for `path`) and return its path."""
        return _write(self.page, path)

    def open(self, path: str | os.PathLike | None = None) -> pathlib.Path:
        """Write the page and open it in the default web browser; return its path."""
        import webbrowser

        target = self.save(path)
        webbrowser.open(target.as_uri())
        return target


def show(G: nx.Graph, **options: Any) -> HTMLView:
    """Return the interactive page of a network as an object that displays in notebooks.

    Unlike pyvis's ``show()``, nothing is written to disk and nothing is fetched: the page is
    embedded in an escaped ``<iframe srcdoc>`` (pyvis issues #116, #135, #203, #216).

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        The network, never modified.
    **options
        Keyword options of :func:`render_html`.

    Returns
    -------
    HTMLView
        Displays itself as the last expression of a notebook cell; ``.save()`` and ``.open()``
        serve scripts.

    Examples
    --------
    >>> import networkx as nx
    >>> view = show(nx.path_graph(["a", "b"]), height=400)
    >>> view._repr_html_().startswith("<iframe srcdoc=")
    True
    """
    height = _css_height(options.get("height", "750px"))
    frame = f"{float(height[:-2]) + 90:g}px" if height.endswith("px") else "820px"
    return HTMLView(render_html(G, **options), height=frame)


# -- selecting people ----------------------------------------------------------------------


class _NodeTable:
    """Read-only access to node attributes, with `metrics` columns taking precedence."""

    def __init__(self, G: nx.Graph, metrics: pd.DataFrame | None) -> None:
        self.G = G
        if metrics is not None and not isinstance(metrics, pd.DataFrame):
            raise InputError(
                f"metrics must be a pandas DataFrame indexed by person, not {type(metrics)!r}",
                fix="Pass the DataFrame returned by an analysis, indexed by person id.",
            )
        self.metrics = metrics
        # Row of each person (the last one if a person is listed twice) and the rows as dicts.
        self._rows: dict[Hashable, int] = {}
        self._records: list[dict[Any, Any]] = []
        if metrics is not None:
            self._rows = {p: i for i, p in enumerate(metrics.index)}
            self._records = metrics.to_dict(orient="records")

    def columns(self) -> list[str]:
        """Return the metric columns."""
        return [] if self.metrics is None else [str(c) for c in self.metrics.columns]

    def has(self, key: str) -> bool:
        """Return whether anyone has `key`."""
        if self.metrics is not None and key in self.metrics.columns:
            return True
        return any(key in d for _, d in self.G.nodes(data=True))

    def values(self, key: str, nodes: list[Hashable]) -> list[Any]:
        """Return the values of `key` for `nodes` (None when missing)."""
        if self.metrics is not None and key in self.metrics.columns:
            column = self.metrics[key].to_list()
            return [_clean(column[self._rows[n]]) if n in self._rows else None for n in nodes]
        data = self.G.nodes
        return [_clean(data[n].get(key)) for n in nodes]

    def metric_row(self, node: Hashable) -> list[tuple[str, Any]]:
        """Return the (column, value) pairs of `metrics` for `node`."""
        if node not in self._rows:
            return []
        return [(str(c), v) for c, v in self._records[self._rows[node]].items()]

    def available(self) -> str:
        """Return the attribute names anyone has, for error messages."""
        keys = set(self.columns())
        for _, d in self.G.nodes(data=True):
            keys.update(map(str, d))
        return ", ".join(sorted(keys)) or "none"


def _select(
    G: nx.Graph,
    table: _NodeTable,
    *,
    ego: Hashable | None,
    focus: Hashable | None,
    radius: int,
    where: Mapping[str, Any] | None,
    max_nodes: int | None,
    forced: list[Hashable],
    weight: str | None,
) -> tuple[set[Hashable], list[str]]:
    """Return the people to draw and notes saying what was left out."""
    notes: list[str] = []
    n_total = G.number_of_nodes()
    keep: set[Hashable] = set(G)
    if focus is not None:
        U = G.to_undirected(as_view=True) if G.is_directed() else G
        keep = set(nx.single_source_shortest_path_length(U, focus, cutoff=radius))
        steps = "step" if radius == 1 else "steps"
        notes.append(
            f"Neighbourhood of {_label(G, focus)} within {radius} {steps}: "
            f"{len(keep):,} of {n_total:,} people."
        )
    if where:
        before = len(keep)
        keep = _where(G, table, keep, where)
        conditions = "; ".join(f"{k} {_describe(v)}" for k, v in where.items())
        notes.append(f"Filtered on {conditions}: {len(keep):,} of {before:,} people match.")
    forced_set = {p for p in forced if p in G}
    added = forced_set - keep
    keep |= forced_set
    if max_nodes is not None and len(keep) > max_nodes:
        before = len(keep)
        room = max(max_nodes - len(forced_set), 0)
        if ego is not None and focus is None:
            strength = _ego_strengths(G, ego, weight)
            pool = [n for n in G if n in keep and n in strength and n not in forced_set]
            deg = G.degree
            chosen = sorted(pool, key=lambda n: (-strength[n], -deg[n]))[:room]
            how = f"{_label(G, ego)} and direct contacts"
            if len(chosen) < len(pool):
                how += f" (the {len(chosen):,} strongest ties of {len(pool):,})"
        else:
            deg = G.degree
            pool = [n for n in G if n in keep and n not in forced_set]
            chosen = sorted(pool, key=lambda n: -deg[n])[:room]
            how = "the people with the most contacts"
        keep = set(chosen) | forced_set
        notes.append(
            f"Too many people to draw ({before:,} > max_nodes={max_nodes:,}): showing "
            f"{len(keep):,}, {how}; {before - len(keep):,} people left out."
        )
    if added:
        notes.append(
            f"{len(added):,} people drawn although filtered out: the ego and people in "
            "suggested introductions are always drawn."
        )
    return keep, notes


def _where(
    G: nx.Graph, table: _NodeTable, keep: set[Hashable], where: Mapping[str, Any]
) -> set[Hashable]:
    """Return the people of `keep` that satisfy every condition of `where`."""
    if not isinstance(where, Mapping):
        raise InputError(
            f"where must be a mapping of attribute to value, not {type(where).__name__}",
            fix='Write, for example, where={"company": "Acme"}.',
        )
    nodes = [n for n in G if n in keep]
    mask = np.ones(len(nodes), dtype=bool)
    for key, wanted in where.items():
        if not table.has(key):
            raise InputError(
                f"where={{{key!r}: ...}}: no one has the attribute {key!r}",
                column=str(key),
                fix=f"Use one of: {table.available()}.",
            )
        test = _matcher(wanted)
        mask &= np.fromiter((test(v) for v in table.values(key, nodes)), bool, len(nodes))
    return {n for n, ok in zip(nodes, mask, strict=True) if ok}


def _matcher(wanted: Any) -> Callable[[Any], bool]:
    """Return a predicate for one `where` condition."""
    if callable(wanted):
        return lambda v: v is not None and bool(wanted(v))
    if isinstance(wanted, list | tuple | set | frozenset):
        options = list(wanted)
        return lambda v: v is not None and any(_same(v, w) for w in options)
    return lambda v: v is not None and _same(v, wanted)


def _same(value: Any, wanted: Any) -> bool:
    try:
        return bool(value == wanted)
    except (TypeError, ValueError):
        return False


def _describe(wanted: Any) -> str:
    if callable(wanted):
        return "matching a condition"
    if isinstance(wanted, list | tuple | set | frozenset):
        return "in {" + ", ".join(sorted(map(str, wanted))) + "}"
    return f"= {wanted}"


def _ego_strengths(G: nx.Graph, ego: Hashable, weight: str | None) -> dict[Hashable, float]:
    """Return the strength of the ego's tie to each direct contact (both directions)."""
    out: dict[Hashable, float] = {}
    adjacencies = [G.adj[ego]]
    if G.is_directed():
        adjacencies.append(G.pred[ego])
    for adj in adjacencies:
        for v, d in adj.items():
            if v == ego:
                continue
            w = _number(d.get(weight, 1.0)) if weight is not None else 1.0
            out[v] = max(out.get(v, -math.inf), 1.0 if w is None else w)
    return out


# -- node and edge records -----------------------------------------------------------------


def _node_colours(
    table: _NodeTable, order: list[Hashable], color_by: str | None
) -> tuple[list[str], list[tuple[str, str, int]]]:
    """Return each node's colour and the legend entries (label, colour, count).

    A category's colour comes from its rank among everyone in the graph, not only the people
    drawn, so that a focused or filtered view colours each community as the full view and the
    ego map do.
    """
    if color_by is None or not order:
        return [PALETTE[0]] * len(order), []
    if not table.has(color_by):
        if color_by == "community":
            return [PALETTE[0]] * len(order), []
        raise InputError(
            f"color_by={color_by!r}: no one has this attribute",
            column=color_by,
            fix=f"Use one of: {table.available()}, or color_by=None.",
        )
    everyone = table.values(color_by, list(table.G))
    values = table.values(color_by, order)
    present = [v for v in everyone if v is not None]
    # Whole numbers (community ids, years) are categories; fractional measures are binned.
    numeric = present and all(_is_real(v) for v in present)
    if numeric and len(set(present)) > 12 and any(not float(v).is_integer() for v in present):
        return _binned_colours(values)
    colour_of = category_colours(everyone)
    rank = {label: i for i, label in enumerate(colour_of)}
    labels = [None if v is None else _category(v) for v in values]
    counts = Counter(label for label in labels if label is not None)
    colours = [
        MISSING_COLOR if label is None else colour_of.get(label, OTHER_COLOR) for label in labels
    ]
    named = sorted((label for label in counts if label in colour_of), key=rank.__getitem__)
    legend = [(label, colour_of[label], counts[label]) for label in named]
    rest = [label for label in counts if label not in colour_of]
    if rest:
        n_rest = sum(counts[label] for label in rest)
        legend.append((f"other ({len(rest):,} groups)", OTHER_COLOR, n_rest))
    if None in labels:
        legend.append(("not set", MISSING_COLOR, labels.count(None)))
    return colours, legend


def _binned_colours(values: list[Any]) -> tuple[list[str], list[tuple[str, str, int]]]:
    """Colour a numeric attribute by quantile bins."""
    x = pd.Series([np.nan if v is None else float(v) for v in values], dtype=float)
    bins = pd.qcut(x, q=len(SEQUENTIAL), duplicates="drop")
    codes = bins.cat.codes.to_numpy()
    n_bins = len(bins.cat.categories)
    steps = np.linspace(0, len(SEQUENTIAL) - 1, n_bins).round().astype(int)
    colours = [MISSING_COLOR if c < 0 else SEQUENTIAL[steps[c]] for c in codes]
    legend = []
    for i, interval in enumerate(bins.cat.categories):
        lo, hi = max(interval.left, x.min()), interval.right
        legend.append((f"{lo:.3g} to {hi:.3g}", SEQUENTIAL[steps[i]], int((codes == i).sum())))
    if (codes < 0).any():
        legend.append(("not set", MISSING_COLOR, int((codes < 0).sum())))
    return colours, legend


def _node_sizes(
    table: _NodeTable, order: list[Hashable], size_by: str | None
) -> tuple[list[float], str | None]:
    """Return each node's size and the legend line about sizes."""
    if size_by is None:
        return [_PLAIN_SIZE] * len(order), None
    if not table.has(size_by):
        raise InputError(
            f"size_by={size_by!r}: no one has this attribute",
            column=size_by,
            fix=f"Use one of: {table.available()}, or size_by=None.",
        )
    values = table.values(size_by, order)
    bad = [v for v in values if v is not None and not _is_real(v)]
    if bad:
        raise InputError(
            f"size_by={size_by!r} is not numeric (found {bad[0]!r})",
            column=size_by,
            fix="Size by a numeric measure such as 'effective_size' or 'constraint'.",
        )
    x = np.array([np.nan if v is None else float(v) for v in values], dtype=float)
    inverted = size_by == "constraint"
    if inverted:
        x = -x
    finite = np.isfinite(x)
    sizes = np.full(len(x), _MISSING_SIZE)
    if finite.any():
        lo, hi = x[finite].min(), x[finite].max()
        scaled = (x[finite] - lo) / (hi - lo) if hi > lo else np.full(finite.sum(), 0.4)
        sizes[finite] = _MIN_SIZE + scaled * (_MAX_SIZE - _MIN_SIZE)
    note = f"Size: {size_by} " + (
        "(inverted: low constraint looks big)" if inverted else "(bigger = higher)"
    )
    return [round(float(s), 2) for s in sizes], note


def _node_records(
    G: nx.Graph,
    table: _NodeTable,
    order: list[Hashable],
    colours: list[str],
    sizes: list[float],
    *,
    ego: Hashable | None,
    focus: Hashable | None,
) -> list[dict[str, Any]]:
    """Return the vis-network node objects (plain, copied data)."""
    records = []
    degree = G.degree
    for i, (n, colour, size) in enumerate(zip(order, colours, sizes, strict=True)):
        label = _label(G, n)
        record: dict[str, Any] = {
            "id": i,
            "label": label,
            "color": {"background": colour, "border": _darker(colour)},
            "size": size,
            "tip": _node_tip(G, table, n, label, degree[n], is_ego=n == ego),
        }
        if n == ego:
            record.update(
                shape="diamond",
                size=max(size, 20.0),
                borderWidth=4,
                color={"background": colour, "border": EGO_BORDER},
                font={"size": 18, "bold": True, "background": "rgba(255,255,255,0.85)"},
            )
        elif n == focus:
            record.update(borderWidth=4, color={"background": colour, "border": EGO_BORDER})
        records.append(record)
    return records


def _node_tip(
    G: nx.Graph, table: _NodeTable, n: Hashable, label: str, degree: int, *, is_ego: bool
) -> list[list[str]]:
    """Return tooltip rows: [heading] then [key, value] pairs, all plain text."""
    rows: list[list[str]] = [[label + (" (ego)" if is_ego else "")]]
    if label != _text(n):
        rows.append(["id", _text(n)])
    for key, value in G.nodes[n].items():
        if key == "name":
            continue
        shown = _display(value)
        if shown is not None:
            rows.append([_text(key), shown])
    rows.append(["contacts", f"{degree:,}"])
    for key, value in table.metric_row(n):
        shown = _display(value)
        if shown is not None:
            rows.append([key, shown])
    return rows[:40]


def _tie_kinds(ties: pd.DataFrame | None) -> dict[tuple[Hashable, Hashable], str]:
    """Return tie kind by unordered pair from a tie table."""
    if ties is None:
        return {}
    if not isinstance(ties, pd.DataFrame) or "kind" not in ties.columns:
        raise InputError(
            "ties must be a DataFrame with a 'kind' column, indexed by (source, target)",
            file="ties",
            column="kind",
            fix="Pass the output of netgraph.analysis.ties.weak_ties(G).",
        )
    if ties.index.nlevels != 2:
        raise InputError(
            "ties must be indexed by (source, target)",
            file="ties",
            fix="Pass the output of weak_ties(G), or set_index(['source', 'target']).",
        )
    out = {}
    for (a, b), kind in zip(ties.index, ties["kind"].to_list(), strict=True):
        if kind is not None and not _missing(kind):
            out[(a, b)] = out[(b, a)] = str(kind)
    return out


def _edge_records(
    H: nx.Graph,
    index: dict[Hashable, int],
    *,
    kinds: dict[tuple[Hashable, Hashable], str],
    weight: str | None,
) -> tuple[list[dict[str, Any]], set[str], bool]:
    """Return the vis-network edge objects, the tie kinds drawn and whether widths vary.

    Width is ``1 + 5 w / max(1, max w)`` (``0.5 + 2.5 w / ...`` above 2,000 ties, which are also
    drawn fainter); equal weights, or ``weight=None``, give equal thin lines.
    """
    triples = list(H.edges(data=True))
    strengths = np.array(
        [1.0 if weight is None else (_number(d.get(weight, 1.0)) or 0.0) for _, _, d in triples],
        dtype=float,
    )
    varies = bool(weight is not None and len(strengths) and np.ptp(strengths) > 0)
    scale = max(1.0, float(strengths.max())) if len(strengths) else 1.0
    dense = len(triples) > 2000
    base, span = (0.5, 2.5) if dense else (1.0, 5.0)
    opacity = 0.85 if len(triples) <= 500 else 0.3 if dense else 0.55
    records, drawn = [], set()
    for k, ((u, v, d), w) in enumerate(zip(triples, strengths, strict=True)):
        kind = kinds.get((u, v)) or d.get("tie_kind")
        kind = None if kind is None or _missing(kind) else str(kind)
        width = base + span * max(w, 0.0) / scale if varies else base + 0.5
        record: dict[str, Any] = {"id": f"e{k}", "from": index[u], "to": index[v]}
        if kind == "dormant":
            record.update(width=base + 0.5, dashes=[5, 5], color={"color": DORMANT_COLOR})
        elif kind == "weak":
            record.update(width=base, color={"color": WEAK_COLOR})
        elif kind == "strong":
            record.update(width=max(width, base + 1.0), color={"color": STRONG_COLOR})
        else:
            record.update(width=width, color={"color": EDGE_COLOR})
        if kind is not None:
            drawn.add(kind)
        if d.get("evidence") == "inferred":  # issue 11: a guess, drawn dotted
            record["dashes"] = [2, 4]
            drawn.add("inferred")
        record["color"]["opacity"] = opacity
        record["tip"] = _edge_tip(H, u, v, d, kind)
        records.append(record)
    return records, drawn, varies


def _edge_tip(
    G: nx.Graph, u: Hashable, v: Hashable, d: Mapping, kind: str | None
) -> list[list[str]]:
    arrow = " \u2192 " if G.is_directed() else " \u2013 "
    rows: list[list[str]] = [[_label(G, u) + arrow + _label(G, v)]]
    if kind is not None and "tie_kind" not in d:
        rows.append(["tie", kind])
    for key, value in d.items():
        shown = _display(value)
        if shown is not None:
            rows.append([_text(key), shown])
    return rows[:30]


def _overlay_pairs(
    G: nx.Graph, overlay: Any, ego: Hashable | None
) -> list[tuple[Hashable, Hashable, list[list[str]]]]:
    """Return overlay edges as (a, b, extra tooltip rows)."""
    if overlay is None:
        return []
    out: list[tuple[Hashable, Hashable, list[list[str]]]] = []
    if isinstance(overlay, pd.DataFrame):
        cols = set(overlay.columns)
        for a_col, b_col in (("a", "b"), ("source", "target")):
            if {a_col, b_col} <= cols:
                rest = [c for c in overlay.columns if c not in (a_col, b_col)]
                records = overlay.to_dict(orient="records")
                out = [(r[a_col], r[b_col], _extra(r, rest)) for r in records]
                break
        else:
            if "person" not in cols:
                raise InputError(
                    "overlay has none of the column pairs a/b, source/target or person(/via)",
                    file="overlay",
                    fix="Pass pairs [(a, b), ...] or a DataFrame with columns a and b, "
                    "or the introductions DataFrame (person, via) with ego=.",
                )
            if ego is None:
                raise InputError(
                    "an overlay with a 'person' column draws ties from the ego; no ego was given",
                    file="overlay",
                    column="person",
                    fix="Pass ego=<your id>.",
                )
            records = overlay.to_dict(orient="records")
            rest = [c for c in overlay.columns if c != "person"]
            out = [(ego, r["person"], _extra(r, rest)) for r in records]
    else:
        for item in overlay:
            try:
                a, b = item
            except (TypeError, ValueError) as err:
                raise InputError(
                    f"overlay item {item!r} is not a pair (a, b)",
                    file="overlay",
                    fix="Pass pairs [(a, b), ...] or a DataFrame with columns a and b.",
                ) from err
            out.append((a, b, []))
    for a, b, _ in out:
        for p in (a, b):
            if p not in G:
                raise UnknownPersonError(p, hint="It appears in overlay.")
    return out


def _extra(record: Mapping[str, Any], columns: list[Any]) -> list[list[str]]:
    rows = []
    for c in columns:
        shown = _display(record[c])
        if shown is not None:
            rows.append([_text(c), shown])
    return rows


def _overlay_record(
    i: int, j: int, extra: list[list[str]], G: nx.Graph, a: Hashable, b: Hashable
) -> dict[str, Any]:
    return {
        "id": f"o{i}-{j}",
        "from": i,
        "to": j,
        "width": 3,
        "dashes": [10, 6],
        "color": {"color": OVERLAY_COLOR, "opacity": 1.0},
        "physics": False,
        "arrows": {"to": {"enabled": False}},
        "overlay": True,
        "tip": [[f"Suggested: {_label(G, a)} \u2013 {_label(G, b)}"], *extra],
    }


def _positions(H: nx.Graph, order: list[Hashable], seed: int) -> list[tuple[float, float]]:
    """Return a spring layout in vis-network's pixel scale (for physics=False)."""
    if not order:
        return []
    U = H.to_undirected(as_view=True) if H.is_directed() else H
    pos = nx.spring_layout(U, seed=seed, weight=None)
    scale = 60.0 * math.sqrt(len(order))
    return [(round(pos[n][0] * scale, 1), round(pos[n][1] * scale, 1)) for n in order]


def _vis_options(n: int, *, directed: bool, physics: bool, seed: int) -> dict[str, Any]:
    """Return vis-network options sized for `n` nodes (physics stops once stable)."""
    big = n > 400
    iterations = 300 if n <= 200 else 200 if n <= 800 else 120
    return {
        "autoResize": True,
        "layout": {"randomSeed": seed, "improvedLayout": n <= 150},
        "nodes": {
            "shape": "dot",
            "borderWidth": 1,
            "font": {"size": 14, "face": "system-ui, sans-serif", "color": "#222222"},
            "scaling": {"label": {"drawThreshold": 6}},
        },
        "edges": {
            "smooth": False if big else {"type": "continuous"},
            "arrows": {"to": {"enabled": directed, "scaleFactor": 0.5}},
            "selectionWidth": 2,
        },
        "physics": {
            "enabled": physics,
            "solver": "forceAtlas2Based" if big else "barnesHut",
            "forceAtlas2Based": {"gravitationalConstant": -40, "springLength": 80},
            "barnesHut": {"gravitationalConstant": -6000, "springLength": 120},
            "stabilization": {"enabled": True, "iterations": iterations, "updateInterval": 20},
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 120,
            "hideEdgesOnDrag": big,
            "navigationButtons": False,
            "keyboard": False,
        },
    }


# -- the page ------------------------------------------------------------------------------


def _summary(n: int, m: int, total: tuple[int, int], n_overlay: int) -> str:
    N, M = total
    people = f"{n:,} people" if n == N else f"{n:,} of {N:,} people"
    ties = f"{m:,} ties" if m == M else f"{m:,} of {M:,} ties"
    text = f"{people}, {ties}"
    if n_overlay:
        text += f", {n_overlay:,} suggested"
    return text + "."


def _legend_html(
    *,
    color_by: str | None,
    colour_legend: list[tuple[str, str, int]],
    size_note: str | None,
    weight: str | None,
    kinds: set[str],
    overlay: bool,
    ego: str | None,
    directed: bool,
) -> str:
    e = html.escape
    parts = ['<details class="ng-legend" open><summary>Legend</summary>']
    if colour_legend:
        parts.append(f'<div class="ng-h">Colour: {e(str(color_by))}</div><ul>')
        for label, colour, count in colour_legend:
            parts.append(
                f'<li><span class="ng-dot" style="background:{colour};'
                f'border-color:{_darker(colour)}"></span><span class="ng-label">{e(label)} '
                f'<span class="ng-count">({count:,})</span></span></li>'
            )
        parts.append("</ul>")
    if size_note:
        parts.append(f'<div class="ng-h">{e(size_note)}</div>')
    items = []
    if weight is not None:
        items.append(f"<li>{_line_svg(EDGE_COLOR, 5)} width = strength ({e(weight)})</li>")
    lines = [
        ("strong", _line_svg(STRONG_COLOR, 4), "strong tie"),
        ("intermediate", _line_svg(EDGE_COLOR, 2.5), "intermediate tie"),
        ("weak", _line_svg(WEAK_COLOR, 1), "weak tie (thin)"),
        ("dormant", _line_svg(DORMANT_COLOR, 1.5, dash="4 4"), "dormant tie (dashed orange)"),
        (
            "inferred",
            _line_svg(EDGE_COLOR, 1.5, dash="2 4"),
            "inferred tie (dotted; its probability in the tooltip)",
        ),
    ]
    items += [f"<li>{svg} {text}</li>" for kind, svg, text in lines if kind in kinds]
    if overlay:
        items.append(f"<li>{_line_svg(OVERLAY_COLOR, 3, dash='8 5')} suggested introduction</li>")
    if directed:
        items.append("<li>arrows point from sender to receiver</li>")
    if items:
        parts += ['<div class="ng-h">Ties</div><ul>', *items, "</ul>"]
    if ego is not None:
        parts.append(
            '<div class="ng-h"><svg width="18" height="18" aria-hidden="true">'
            '<polygon points="9,1 17,9 9,17 1,9" fill="#ffffff" stroke="#111111" '
            f'stroke-width="3"/></svg> ego: {e(ego)}</div>'
        )
    if len(parts) == 1:
        return ""  # nothing to explain
    parts.append("</details>")
    return "".join(parts)


def _line_svg(colour: str, width: float, *, dash: str | None = None) -> str:
    dashes = f' stroke-dasharray="{dash}"' if dash else ""
    return (
        f'<svg width="34" height="10" aria-hidden="true"><line x1="1" y1="5" x2="33" y2="5" '
        f'stroke="{colour}" stroke-width="{width}"{dashes}/></svg>'
    )


def _css() -> str:
    return _static("view.css")


def _status_js() -> str:
    """Runs first: records script errors, console errors and blocked requests (status element)."""
    return _static("status.js")


def _main_js() -> str:
    """Draws the network from the JSON data; tooltips are DOM elements filled with textContent."""
    return _static("main.js")


@functools.cache
def _vis_js() -> str:
    """Return vis-network's standalone JavaScript bundled with pyvis (newlines normalised)."""
    try:
        base = resources.files("pyvis")
    except ModuleNotFoundError as err:  # pragma: no cover - pyvis is a dependency
        raise NetgraphError("pyvis is not installed; it ships the vis-network files.") from err
    for version in ("vis-9.1.2", "vis-9.0.4"):
        for folder in ("lib", "templates/lib"):
            path = base.joinpath(folder, version, "vis-network.min.js")
            if path.is_file():
                text = path.read_text(encoding="utf-8")
                # The HTML parser turns CR and CRLF into LF; hash what the browser will see.
                text = text.replace("\r\n", "\n").replace("\r", "\n")
                if re.search(r"</script|<!--", text, flags=re.IGNORECASE):  # pragma: no cover
                    text = re.sub(r"</(script)", r"<\\/\1", text, flags=re.IGNORECASE)
                    text = text.replace("<!--", "<\\!--")
                return text
    raise NetgraphError(  # pragma: no cover - depends on the installed pyvis
        "vis-network.min.js was not found inside the pyvis package; reinstall pyvis>=0.3.2."
    )


def _script_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _json_for_script(data: Any) -> str:
    """Return JSON that is safe inside a <script> element (no '<', '>', '&', U+2028/2029)."""
    text = json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return _JSON_ESCAPE_RE.sub(lambda m: _JSON_ESCAPES[m.group()], text)


def _page(
    *,
    title: str,
    summary: str,
    notes: list[str],
    legend: str,
    data: dict[str, Any],
    height: str,
) -> str:
    e = html.escape
    csp = content_security_policy()
    note_html = "".join(f'<div class="ng-note">{e(note)}</div>' for note in notes)
    if not data["nodes"]:
        note_html += '<div class="ng-note">No one to draw: nobody matches the selection.</div>'
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{e(title)}</title>\n"
        f"<style>{_css()}</style>\n</head>\n<body>\n"
        '<output id="netgraph-status" hidden></output>\n'
        f"<script>{_status_js()}</script>\n"
        f'<div class="ng-head"><h1>{e(title)}</h1>'
        f'<div class="ng-summary">{e(summary)}</div>{note_html}</div>\n'
        f'<div class="ng-wrap"><div id="netgraph-canvas" style="height: {height};"></div>'
        '<div id="netgraph-progress" class="ng-progress" hidden></div>'
        f"{legend}</div>\n"
        f'<script type="application/json" id="netgraph-data">{_json_for_script(data)}</script>\n'
        f"<script>{_vis_js()}</script>\n"
        f"<script>{_main_js()}</script>\n"
        "</body>\n</html>\n"
    )


def _write(page: str, path: str | os.PathLike | None) -> pathlib.Path:
    if path is None:
        target = pathlib.Path(tempfile.mkdtemp(prefix="netgraph-")) / "netgraph.html"
    else:
        target = pathlib.Path(path).expanduser()
        if target.is_dir():
            target = target / "netgraph.html"
    atomic_write(target, page)  # a failed write leaves an earlier page whole
    return target.resolve()


# -- small helpers -------------------------------------------------------------------------


def _check_options(*, radius: int, max_nodes: int | None) -> None:
    if not isinstance(radius, numbers.Integral) or isinstance(radius, bool) or radius < 0:
        raise InputError(
            f"radius={radius!r} is not a whole number of steps >= 0",
            fix="Pass radius=1 (direct contacts) or radius=2 (their contacts too).",
        )
    bad_cap = not isinstance(max_nodes, numbers.Integral) or isinstance(max_nodes, bool)
    if max_nodes is not None and (bad_cap or max_nodes < 1):
        raise InputError(
            f"max_nodes={max_nodes!r} is not a positive whole number",
            fix="Pass max_nodes=1500 (the default) or None for no limit.",
        )


def _css_height(value: str | int | float, *, name: str = "height") -> str:
    if isinstance(value, numbers.Real) and not isinstance(value, bool) and value > 0:
        return f"{float(value):g}px"
    text = str(value).strip()
    if not _HEIGHT.match(text):
        raise InputError(
            f"{name}={value!r} is not a CSS length",
            fix=f'Pass {name} as a number of pixels or a CSS length such as "750px" or "80vh".',
        )
    return text


def _label(G: nx.Graph, n: Hashable) -> str:
    name = G.nodes[n].get("name") if n in G else None
    if name is None or _missing(name) or not str(name).strip():
        return _text(n)
    return _text(name)


def _text(value: Any, limit: int = 200) -> str:
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def _category(value: Any) -> str:
    """Return the legend label of a category (2.0 reads as 2)."""
    return category_label(value)


def _missing(value: Any) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _clean(value: Any) -> Any:
    """Return None for missing values (None, NaN, NaT, pd.NA), the value otherwise."""
    if value is None or (np.ndim(value) == 0 and _missing(value)):
        return None
    return value


def _is_real(value: Any) -> bool:
    return isinstance(value, numbers.Real | np.number) and not isinstance(value, bool | np.bool_)


def _number(value: Any) -> float | None:
    if _is_real(value):
        x = float(value)
        return x if math.isfinite(x) else None
    return None


def _display(value: Any) -> str | None:
    """Return a short text for a tooltip, or None to skip the value."""
    if value is None or (np.ndim(value) == 0 and _missing(value)):
        return None
    if isinstance(value, bool | np.bool_):
        return "yes" if value else "no"
    if isinstance(value, numbers.Integral | np.integer):
        return f"{int(value):,}"
    if _is_real(value):
        return f"{float(value):.3g}"
    if isinstance(value, pd.Timestamp | dt.datetime):
        ts = pd.Timestamp(value)
        return ts.strftime("%Y-%m-%d") if ts == ts.normalize() else ts.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, pd.Timedelta | dt.timedelta):
        return f"{pd.Timedelta(value).days:,} days"
    if isinstance(value, list | tuple | set | frozenset):
        items = [_display(v) for v in value]
        text = ", ".join(i for i in items if i is not None)
        return _text(text) if text else None
    text = str(value).strip()
    return _text(text) if text else None


def _darker(colour: str, factor: float = 0.7) -> str:
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#{:02x}{:02x}{:02x}".format(*(int(c * factor) for c in (r, g, b)))
