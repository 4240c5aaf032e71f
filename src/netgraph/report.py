"""One self-contained HTML report: the verdict, the tables, the plots and the interactive view."""

from __future__ import annotations

import base64
import io
import sys
import warnings
from functools import partial
from html import escape
from pathlib import Path

import pandas as pd

from netgraph._files import atomic_open, atomic_write
from netgraph.errors import NetgraphError, NetgraphWarning
from netgraph.view.html import content_security_policy, notebook_html

__all__ = ["write_report"]

_CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;margin:2rem auto;max-width:1100px;
color:#222;line-height:1.45}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ddd}
table{border-collapse:collapse;font-size:.85rem;margin:.5rem 0}
th,td{border:1px solid #ddd;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f5f5f5}.verdict{font-size:1.1rem;padding:.75rem;background:#f0f6ff}
.plots img{max-width:48%;margin:1%}
"""


def write_report(net, out, *, title: str | None = None, progress: bool = True) -> Path:
    """Write ``report.html``, ``network.html`` and ``plots/*.png`` into the folder ``out``.

    Every table cell and label is escaped; the page loads nothing from the network. A plot the
    data cannot give (no one has a company, say) is left out with a note in the report.
    Returns the path of ``report.html``.
    """
    out = Path(out)
    (out / "plots").mkdir(parents=True, exist_ok=True)
    title = title or (f"netgraph report: {net.ego}" if net.ego else "netgraph report")
    steps = _Progress(6 if progress else 0)
    try:
        return _write(net, out, title, steps)
    finally:
        steps.end()  # an error message must not share the bar's line


def _write(net, out: Path, title: str, steps: _Progress) -> Path:
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

    names = net.people["name"] if "name" in net.people.columns else None
    brokers = holes.head(15).copy()
    if names is not None:
        brokers.insert(0, "name", names.reindex(brokers.index))
    sections = [
        f"<h1>{escape(title)}</h1>",
        f"<p>{escape(repr(net))}</p>",
        f"<p class='verdict'>{escape(verdict['reasons'].iloc[0])}</p>",
        _table(verdict.drop(columns=["reasons"])),
    ]
    if has_ego:
        sections += ["<h2>Introductions to ask for</h2>", _table(intros, _INTRO_COLS)]
    sections += ["<h2>Introductions to make</h2>", _table(to_make, ["a", "b", "score", "reason"])]
    if has_ego:
        sections += [
            "<h2>Reconnect this week</h2>",
            _table(again, ["person", "last_contact", "overdue_days", "reason"]),
        ]
    one_sided = balance[balance.get("one_sided", False) == True] if len(balance) else balance  # noqa: E712
    sections += [
        "<h2>Balance: relationships out of balance</h2>",
        _table(one_sided.head(20), None, index=True),
        "<h2>Brokers (structural holes)</h2>",
        _table(brokers, None, index=True),
        "<h2>Weakest and dormant ties</h2>",
        _table(weak[weak["kind"] != "strong"].sort_values("strength").head(20), None, True),
        "<h2>Plots</h2>",
        *(f"<p><em>{escape(note)}</em></p>" for note in notes),
        "<div class='plots'>",
        *(
            f"<img alt='{escape(name)}' src='data:image/png;base64,{data}'>"
            for name, data in images
        ),
        "</div><h2>Interactive view</h2>",
        notebook_html(Path(view).read_text(encoding="utf-8"), height="760px"),
    ]
    page = (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<meta http-equiv='Content-Security-Policy' content=\"{content_security_policy()}\">"
        "<meta name='referrer' content='no-referrer'>"
        f"<title>{escape(title)}</title><style>{_CSS}</style></head><body>"
        + "\n".join(sections)
        + "</body></html>"
    )
    path = atomic_write(out / "report.html", page)  # a failed write keeps the old report
    steps("done")
    return path


_INTRO_COLS = ["person", "via", "score", "reason"]


def _table(frame: pd.DataFrame, columns: list[str] | None = None, index: bool = False) -> str:
    if frame is None or not len(frame):
        return "<p><em>Nothing to show.</em></p>"
    if columns:
        frame = frame[[c for c in columns if c in frame.columns]]
    frame = frame.round({c: 3 for c in frame.columns if pd.api.types.is_float_dtype(frame[c])})
    # DataFrame.to_html escapes cell text by default (escape=True).
    return frame.to_html(index=index, escape=True, border=0, na_rep="")


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
