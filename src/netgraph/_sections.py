"""Results made of titled sections of sentences and tables: Markdown, HTML and data at once.

The brief, the goal and the roles are such results (after statsmodels' ``Summary``: the raw
DataFrames stay available, and the text and HTML are rendered on demand). Every cell and
sentence is escaped in HTML; in Markdown the pipes and newlines of cells are escaped.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd


@dataclass
class Section:
    """One part of a result: a heading, sentences, and optionally a table."""

    heading: str
    text: list[str] = field(default_factory=list)
    table: pd.DataFrame | None = None
    columns: list[str] | None = None  # the columns shown (all when None)


class Sections:
    """Base class of the section results: ``str()``, ``to_markdown()`` and ``_repr_html_()``."""

    title: str = ""

    def sections(self) -> list[Section]:  # pragma: no cover - overridden
        return []

    def to_markdown(self) -> str:
        """The result as Markdown: a heading per section, sentences, then a table."""
        lines = [f"# {_md_text(self.title)}", ""]
        for section in self.sections():
            lines += [f"## {_md_text(section.heading)}", ""]
            lines += [_md_text(t) for t in section.text]
            if section.text:
                lines.append("")
            shown = _shown(section)
            if shown is not None:
                lines += _md_table(shown)
                lines.append("")
        return "\n".join(lines).rstrip() + "\n"

    def __str__(self) -> str:
        return self.to_markdown()

    def _repr_html_(self) -> str:
        parts = [f"<div class='netgraph-result'><h3>{html.escape(self.title)}</h3>"]
        for section in self.sections():
            parts.append(f"<h4>{html.escape(section.heading)}</h4>")
            parts += [f"<p>{html.escape(t)}</p>" for t in section.text]
            shown = _shown(section)
            if shown is not None:
                parts.append(_html_table(shown))
        parts.append("</div>")
        return "".join(parts)

    def to_html(self) -> str:
        """The result as an HTML fragment (every cell escaped)."""
        return self._repr_html_()


def _shown(section: Section) -> pd.DataFrame | None:
    table = section.table
    if table is None or table.empty:
        return None
    if section.columns is not None:
        table = table[[c for c in section.columns if c in table.columns]]
    return table


def cell(value: Any) -> str:
    """A table cell as text: lists joined by arrows, dates as days, floats to two places."""
    if isinstance(value, (list, tuple)):
        return " -> ".join(cell(v) for v in value)
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NaT:
        return ""
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, (float, np.floating)):
        return f"{value:.2f}"
    return str(value)


def _md_text(text: str) -> str:
    return " ".join(str(text).split())


def _md_cell(value: Any) -> str:
    return _md_text(cell(value)).replace("\\", "\\\\").replace("|", "\\|")


def _md_table(table: pd.DataFrame) -> list[str]:
    header = [_md_cell(c) for c in table.columns]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for row in table.itertuples(index=False):
        lines.append("| " + " | ".join(_md_cell(v) for v in row) + " |")
    return lines


def _html_table(table: pd.DataFrame) -> str:
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in table.columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(cell(v))}</td>" for v in row) + "</tr>"
        for row in table.itertuples(index=False)
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
