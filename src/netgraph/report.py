"""One self-contained HTML report: the verdict, the tables, the plots and the interactive view."""

from __future__ import annotations

import base64
import io
import sys
import warnings
from collections.abc import Callable, Iterable
from functools import partial
from html import escape
from pathlib import Path

import pandas as pd

from netgraph._files import atomic_open, atomic_write
from netgraph.errors import NetgraphError, NetgraphWarning
from netgraph.view._static import read as read_static
from netgraph.view.html import content_security_policy, notebook_html

__all__ = ["write_report"]


def write_report(
    net,
    out,
    *,
    title: str | None = None,
    progress: bool = True,
    store=None,
    goal: dict | None = None,
    briefs: Iterable = (),
) -> Path:
    """Write ``report.html``, ``network.html`` and ``plots/*.png`` into the folder ``out``.

    Every table cell and label is escaped; the page loads nothing from the network. A plot the
    data cannot give (no one has a company, say) is left out with a note in the report.
    Tables show people by name (the ego without one as "you") and only the columns a person
    reads; the page fits a phone as well as a desktop window. Each file is written atomically,
    so a write that fails leaves the earlier report whole. Returns the path of ``report.html``.
    Given a ``store`` (:func:`netgraph.open`), the report gains a section on the weekly habit;
    given a ``goal`` (the criteria of :meth:`Network.goal`, e.g. ``{"role": "CTO"}``), a section
    on the way there; given ``briefs`` (people), a brief before meeting each
    (:meth:`Network.brief`).
    """
    out = Path(out)
    (out / "plots").mkdir(parents=True, exist_ok=True)
    names = _Names(net)
    if title is None:
        whose = names.possessive(net.ego) if net.ego is not None else "Your"
        title = f"netgraph report: {whose} network"
    steps = _Progress(6 if progress else 0)
    try:
        return _write(net, out, title, steps, names, store, goal, list(briefs))
    finally:
        steps.end()  # an error message must not share the bar's line


def _write(
    net,
    out: Path,
    title: str,
    steps: _Progress,
    names: _Names,
    store=None,
    goal: dict | None = None,
    briefs: list | None = None,
) -> Path:
    steps("structure")
    verdict = net.closure()
    holes = net.structural_holes().sort_values("effective_size", ascending=False)
    weak = net.weak_ties()
    steps("recommendations")
    has_ego = net.ego is not None
    intros = net.introductions(k=10) if has_ego else pd.DataFrame()
    to_make = net.introductions_to_make(k=10)
    again = net.reconnect(k=3) if has_ego else pd.DataFrame()
    balance = net.ledger()
    steps("interactive view")
    overlay = intros if len(intros) else None
    view = net.to_html(out / "network.html", title=title, overlay=overlay)
    steps("plots")
    notes: list[str] = []
    images = _plots(net, out / "plots", notes)
    steps("writing")

    person, date, number = names.column, _date, _number
    sections = [
        f"<h1>{escape(title)}</h1>",
        f"<p class='subtitle'>{escape(_subtitle(net, names))}</p>",
        f"<p class='verdict'>{escape(verdict['reasons'].iloc[0])}</p>",
        _measures(verdict.iloc[0]),
        f"<p class='note'>{escape(_evidence(net))}</p>",
    ]
    if has_ego:
        sections += [
            "<h2>Introductions to ask for</h2>",
            _table(intros, [("Person", "person", person), ("Through", "via", person), _WHY]),
        ]
    sections += [
        "<h2>Introductions to make</h2>",
        _table(to_make, [("Introduce", "a", person), ("To", "b", person), _WHY]),
    ]
    if has_ego:
        sections += [
            "<h2>Reconnect this week</h2>",
            _table(
                again,
                [("Person", "person", person), ("Last contact", "last_contact", date), _WHY],
            ),
        ]
    if has_ego:
        sections += _meeting_sections(net, person)
    if has_ego and store is not None:
        sections += _habit_section(store, person)
    if goal:
        sections += ["<h2>Toward your goal</h2>", net.goal(**goal).to_html()]
    if briefs:
        sections += ["<h2>Before a meeting</h2>", *(net.brief(who).to_html() for who in briefs)]
    one_sided = balance[balance.get("one_sided", False) == True] if len(balance) else balance  # noqa: E712
    one_sided = _index_as_column(one_sided.head(20), "contact")
    brokers = _index_as_column(holes.head(15), "person")
    # Dormant ties first, the strongest of them first (the ones worth reviving), then the
    # weakest of the rest: 20 rows in all.
    dormant = weak[weak["kind"] == "dormant"].sort_values("strength", ascending=False).head(10)
    weakest = weak[~weak["kind"].isin(["strong", "dormant"])].sort_values("strength")
    thin = pd.concat([dormant, weakest.head(20 - len(dormant))]).reset_index()
    sections += [
        "<h2>Balance: relationships out of balance</h2>",
        _table(
            one_sided,
            [
                ("Person", "contact", person),
                ("You gave", "gives_to", number),
                ("You asked", "asks_of", number),
                ("They gave", "gives_from", number),
                ("They asked", "asks_from", number),
                _WHY,
            ],
        ),
        "<h2>Brokers (structural holes)</h2>",
        "<p class='note'>Burt's measures: effective size counts the contacts who do not know "
        "each other; constraint is low when contacts are spread over separate groups.</p>",
        _table(
            brokers,
            [
                ("Person", "person", person),
                ("Contacts", "degree", number),
                ("Effective size", "effective_size", number),
                ("Efficiency", "efficiency", number),
                ("Constraint", "constraint", number),
            ],
        ),
        "<h2>Dormant and weakest ties</h2>",
        "<p class='note'>Dormant ties first, the strongest first: they were worth something and "
        "have gone quiet. Then the weakest of the other ties.</p>",
        _table(
            thin,
            [
                ("Between", "source", person),
                ("And", "target", person),
                ("Tie", "kind", str),
                ("Strength", "strength", number),
                ("Last contact", "last_contact", date),
            ],
        ),
        "<h2>Plots</h2>",
        *(f"<p class='note'><em>{escape(note)}</em></p>" for note in notes),
        "<div class='plots'>",
        *(
            f"<figure><img alt='{escape(_CAPTIONS.get(name, name))}' "
            f"src='data:image/png;base64,{data}'>"
            f"<figcaption>{escape(_CAPTIONS.get(name, name))}</figcaption></figure>"
            for name, data in images
        ),
        "</div><h2>Interactive view</h2>",
        notebook_html(Path(view).read_text(encoding="utf-8"), height="760px"),
    ]
    page = (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<meta http-equiv='Content-Security-Policy' content=\"{content_security_policy()}\">"
        "<meta name='referrer' content='no-referrer'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{escape(title)}</title><style>{read_static('report.css')}</style></head><body>"
        + "\n".join(sections)
        + "</body></html>"
    )
    path = atomic_write(out / "report.html", page)  # a failed write keeps the old report
    steps("done")
    return path


class _Names:
    """Display names: the ``name`` column where filled in, else the id; the ego without a
    name is "you"."""

    def __init__(self, net) -> None:
        people = net.people
        column = people["name"] if "name" in people.columns else pd.Series(dtype=object)
        self._names = {k: v.strip() for k, v in column.items() if isinstance(v, str) and v.strip()}
        self._ego = net.ego

    def __call__(self, person) -> str:
        if person in self._names:
            return self._names[person]
        return "you" if person == self._ego else str(person)

    def possessive(self, person) -> str:
        name = self(person)
        return "Your" if name == "you" else f"{name}'s"

    def column(self, value) -> str:
        return self(value)


def _subtitle(net, names: _Names) -> str:
    """One plain sentence about the data: people, ties, interactions and their dates."""
    parts = [f"{len(net.people):,} people", f"{len(net.ties):,} ties"]
    interactions = net.interactions
    text = ", ".join(parts) + f" and {len(interactions):,} interactions"
    dates = interactions["date"].dropna() if "date" in interactions.columns else []
    if len(dates):
        text += f" from {_date(dates.min())} to {_date(dates.max())}"
    if net.ego is not None:
        name = names(net.ego)
        if name == "you":
            text += f"; you are {net.ego!r} in the files"
        else:
            text += f"; the network of {name}" + (f" ({net.ego})" if name != net.ego else "")
    return text + "."


def _evidence(net) -> str:
    """Where the ties come from: stated, observed or inferred (issue 11's tie evidence)."""
    ties = net.ties
    if "evidence" in ties.columns:
        counts = ties["evidence"].fillna("stated").value_counts()
    else:  # before inference: stated ties, and pairs known from interactions only
        stated = net.stated_ties
        known = set(zip(stated["source"], stated["target"], strict=True))
        known |= {(b, a) for a, b in known}
        pairs = ties.index.tolist()  # (source, target)
        counts = pd.Series(["stated" if p in known else "observed" for p in pairs]).value_counts()
    words = {
        "stated": "stated (a contact list, a ties file or your answers)",
        "observed": "observed (the same meeting, mail or conversation)",
        "inferred": "inferred (shared circles or affiliations; counted by their probability)",
    }
    parts = [f"{int(counts.get(k, 0)):,} {v}" for k, v in words.items() if counts.get(k, 0)]
    if not parts:
        return "No ties yet."
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return f"Of the {len(ties):,} ties, {listed}."


#: The measures of the verdict, in order, with what each means.
_MEASURES = {
    "size": ("people", "contacts in the ego network (or people in the network)"),
    "ties": ("ties", "ties among them"),
    "density": ("density", "share of possible ties that exist"),
    "clustering": ("clustering", "how often two contacts of one person know each other"),
    "constraint": ("constraint", "Burt: low when contacts are in separate groups"),
    "effective_size": ("effective size", "Burt: contacts who do not know each other"),
    "efficiency": ("efficiency", "effective size per contact"),
    "weak_share": ("weak ties", "share of ties that are weak"),
    "dormant_share": ("dormant ties", "share of ties with no contact for long"),
    "communities_reached": ("communities", "communities reached"),
    "ei_index": ("E-I index", "Krackhardt and Stern: +1 all ties outside one's group"),
    "verdict": ("verdict", "closed, mixed or open"),
}


def _measures(row: pd.Series) -> str:
    """The verdict's measures as a short three-column table (measure, value, meaning)."""
    body = []
    for key, (label, meaning) in _MEASURES.items():
        if key not in row.index:
            continue
        body.append(
            f"<tr><td data-label='Measure'>{escape(label)}</td>"
            f"<td class='num' data-label='Value'>{escape(_number(row[key]))}</td>"
            f"<td data-label='Meaning'>{escape(meaning)}</td></tr>"
        )
    return (
        "<table class='ng-table ng-measures'><thead><tr><th>Measure</th><th class='num'>Value"
        "</th><th>Meaning</th></tr></thead><tbody>" + "".join(body) + "</tbody></table>"
    )


_WHY = ("Why", "reason", str)
_CAPTIONS = {
    "ego_map": "Your contacts by community",
    "brokerage": "Brokerage: constraint against effective size",
    "tie_strength": "Tie strength",
    "timeline": "Interactions over time",
    "affinity": "Same-group contacts against chance",
}


def _number(value) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int) or (isinstance(value, float) and value.is_integer()):
        return f"{int(value):,}"
    if isinstance(value, float):
        return f"{value:.3g}" if abs(value) < 1000 else f"{value:,.0f}"
    return str(value)


def _date(value) -> str:
    if value is None or pd.isna(value):
        return ""
    return pd.Timestamp(value).strftime("%Y-%m-%d")


def _table(frame: pd.DataFrame, columns: list[tuple[str, str, Callable]]) -> str:
    """An escaped table of the given (heading, column, format) columns, those present."""
    if frame is None or not len(frame):
        why = frame.attrs.get("why_empty") if frame is not None else None  # issue 11
        return f"<p><em>{escape(why) if why else 'Nothing to show.'}</em></p>"
    columns = [c for c in columns if c[1] in frame.columns]
    numeric = {key for _, key, show in columns if show is _number}
    head = "".join(
        f"<th{' class=num' if key in numeric else ''}>{escape(label)}</th>"
        for label, key, _ in columns
    )
    rows = []
    for record in frame[[key for _, key, _ in columns]].to_dict(orient="records"):
        cells = []
        for label, key, show in columns:
            value = record[key]
            text = "" if show is str and _missing(value) else show(value)
            css = "num" if key in numeric else "name" if show is not str else ""
            cells.append(
                f"<td{f' class={css}' if css else ''} data-label='{escape(label)}'>"
                f"{escape(str(text))}</td>"
            )
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return (
        f"<table class='ng-table ng-rows'><thead><tr>{head}</tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table>"
    )


def _meeting_sections(net, person: Callable) -> list[str]:
    """Thank-yous owed, the roles nobody plays and groups worth joining (issue 13)."""
    owed = net.thanks_owed().head(10)
    roles = net.roles().missing
    with warnings.catch_warnings():  # the sample's groups come from tags, with a warning
        warnings.simplefilter("ignore", NetgraphWarning)
        join = net.groups_to_join(k=5)
    return [
        "<h2>Thank-yous owed</h2>",
        _table(owed, [("Person", "person", person), ("Date", "date", _date), _WHY]),
        "<h2>Mentors, champions and allies: what is missing</h2>",
        _table(roles, [("Role", "role", str), _WHY]),
        "<h2>Groups worth joining</h2>",
        _table(join, [("Group", "group", str), _WHY]),
    ]


def _habit_section(store, person: Callable) -> list[str]:
    """The weekly habit (issue 12): what was suggested in the last weeks and what became of it."""
    weeks = store.suggestions()["week"]
    last = weeks.max() + pd.Timedelta(days=6) if len(weeks) else None  # the last week reviewed
    history = store.history(today=last)
    recent = history[history["week"] >= history["week"].max() - pd.Timedelta(weeks=3)]
    return [
        "<h2>The weekly habit</h2>",
        f"<p class='verdict'>{escape(history.attrs['summary'])}.</p>",
        _table(
            recent.sort_values(["week", "person"], ascending=[False, True]),
            [
                ("Week of", "week", _date),
                ("Person", "person", person),
                ("Suggested", "action", str),
                ("Written", "written", _date),
                ("Replied", "replied", _date),
                ("Decision", "decision", str),
            ],
        ),
    ]


def _index_as_column(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    """The frame with its (person) index as a column called ``name``."""
    if frame.index.nlevels != 1:
        return frame.reset_index()
    return frame.rename_axis(name).reset_index()


def _missing(value) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


_GROUP_COLUMNS = ("company", "industry", "school", "city")


def _has_values(column: pd.Series) -> bool:
    """Whether a column holds at least one value (blank cells do not count)."""
    return bool((column.dropna().astype(str).str.strip() != "").any())


def _plots(net, folder: Path, notes: list[str]) -> list[tuple[str, str]]:
    """Draw each plot into ``folder``; return (name, base64 PNG) pairs, noting skipped ones."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    figures = []
    plot = net.plot
    jobs = [("brokerage", plot.brokerage), ("tie_strength", plot.strength_distribution)]
    if net.ego is not None:
        jobs.insert(0, ("ego_map", plot.ego_map))
        if len(net.interactions):
            jobs.append(("timeline", plot.interaction_timeline))
    present = [c for c in _GROUP_COLUMNS if c in net.people.columns]
    groups = [c for c in present if _has_values(net.people[c])]
    if groups:
        jobs.append(("affinity", partial(plot.affinity_composition, by=groups)))
    elif present:
        notes.append(f"No affinity plot: the column(s) {', '.join(present)} have no values.")
    for name, draw in jobs:
        fig, ax = plt.subplots(figsize=(7, 5))
        try:
            with warnings.catch_warnings():
                # People missing an attribute are said once in the tables, not per plot.
                warnings.simplefilter("ignore", NetgraphWarning)
                draw(ax=ax)
            fig.tight_layout()
            with atomic_open(folder / f"{name}.png", "wb") as png:
                fig.savefig(png, format="png", dpi=110)
            buffer = io.BytesIO()
            fig.savefig(buffer, format="png", dpi=80)
            figures.append((name, base64.b64encode(buffer.getvalue()).decode("ascii")))
        except NetgraphError as err:  # an optional plot the data cannot give: say so, go on
            notes.append(f"The {name.replace('_', ' ')} plot was skipped: {err}")
            (folder / f"{name}.png").unlink(missing_ok=True)  # not a stale one from a past run
        finally:
            plt.close(fig)
    return figures


class _Progress:
    """A one-line progress bar on stderr for the long steps (silent when total is 0)."""

    def __init__(self, total: int) -> None:
        self.total, self.done = total, 0

    def __call__(self, label: str) -> None:
        if not self.total:
            return
        self.done = min(self.done + 1, self.total)
        filled = "#" * (20 * self.done // self.total)
        if not sys.stderr.isatty():  # a log file: one line per step, no carriage returns
            print(f"[{filled:<20}] {label}", file=sys.stderr, flush=True)
            return
        end = "\n" if self.done == self.total else ""
        print(f"\r[{filled:<20}] {label:<20}", end=end, file=sys.stderr, flush=True)

    def end(self) -> None:
        """Finish an unfinished bar's line, so that what follows starts on a new line."""
        if 0 < self.done < self.total and sys.stderr.isatty():
            print(file=sys.stderr, flush=True)
            self.done = self.total
