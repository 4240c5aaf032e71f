"""A griffe extension that turns the reStructuredText in numpydoc docstrings into Markdown.

netgraph's docstrings follow numpydoc, which embeds reStructuredText: ``.. math::`` blocks,
``:math:`` and ``:func:`` roles, ``[1]_`` citations with ``.. [1]`` references, ``::`` literal
blocks and simple ``===`` tables. mkdocstrings renders docstrings as Markdown, so this extension
rewrites those constructs before griffe parses the docstrings:

- ``.. math::`` blocks become ``$$ ... $$`` blocks and ``:math:`x``` becomes ``\\(x\\)``, which
  ``pymdownx.arithmatex`` (generic mode) keeps as LaTeX source (``mkdocs.yml`` drops the
  delimiters and ``extra.css`` shows it as code);
- ``:func:`a.b``` and the other cross-reference roles become inline code;
- ``[1]_`` becomes ``[1]`` (as HTML entities) and each ``.. [1] ...`` reference its own paragraph;
- ``text::`` before a literal block becomes ``text:`` (the indented block is code in Markdown);
- simple tables become pipe tables, and ``See Also`` entries a bulleted list.

It also leaves parameters whose names start with ``_`` out of the signatures.

Only the docs build uses it (``mkdocs.yml``: ``extensions``); the source files are not changed.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

__all__ = ["NumpydocRst", "rst_to_markdown"]

_MATH_DIRECTIVE = re.compile(r"^(?P<indent>\s*)\.\. math::\s*(?P<rest>.*)$")
_TABLE_BORDER = re.compile(r"^(?P<indent>\s*)=+(?: +=+)+\s*$")
_MATH_ROLE = re.compile(r":math:`([^`]+)`")
_XREF_ROLE = re.compile(r":(?:py:)?(?:func|meth|class|mod|data|attr|obj|exc|const|ref):`([^`]+)`")
_CITATION = re.compile(r"\[(\d+)\]_")
_REFERENCE = re.compile(r"^(?P<indent>\s*)\.\. \[(?P<n>\d+)\]\s+")
_LITERAL_INTRO = re.compile(r"^(?P<text>\s*\S.*?)(?P<space>\s?)::\s*$")
_SEE_ALSO_ITEM = re.compile(r"^(?P<names>[\w.]+(?:\s*,\s*[\w.]+)*)\s*(?::\s*(?P<text>.*))?$")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _math_blocks(lines: list[str]) -> list[str]:
    """``.. math::`` and its indented body -> a ``$$`` block."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        match = _MATH_DIRECTIVE.match(lines[i])
        if not match:
            out.append(lines[i])
            i += 1
            continue
        indent = match["indent"]
        body = [match["rest"]] if match["rest"].strip() else []
        i += 1
        while i < len(lines) and (not lines[i].strip() or _indent(lines[i]) > len(indent)):
            body.append(lines[i])
            i += 1
        while body and not body[-1].strip():
            body.pop()
        content = [line for line in body if line.strip()]
        depth = min((_indent(line) for line in content), default=0)
        content = [indent + line[depth:].rstrip() for line in content]
        if out and out[-1].strip():
            out.append("")
        out += [indent + "$$", *content, indent + "$$", ""]
    return out


def _see_also(lines: list[str]) -> list[str]:
    """numpydoc's ``See Also`` entries (``name : description``) -> a bulleted list."""
    out: list[str] = []
    inside = False
    for i, line in enumerate(lines):
        underline = i + 1 < len(lines) and re.fullmatch(r"\s*-{3,}\s*", lines[i + 1])
        if underline or re.fullmatch(r"\s*-{3,}\s*", line):
            inside = line.strip().lower() == "see also" if underline else inside
            out.append(line)
            continue
        item = _SEE_ALSO_ITEM.match(line) if inside and line == line.lstrip() else None
        if item:
            names = ", ".join(f"`{n.strip()}`" for n in item["names"].split(","))
            line = f"- {names}" + (f": {item['text']}" if item["text"] else "")
        out.append(line)
    return out


def _cells(line: str, starts: list[int]) -> list[str]:
    bounds = [*starts[1:], None]
    return [line[a:b].strip().replace("|", r"\|") for a, b in zip(starts, bounds, strict=True)]


def _tables(lines: list[str]) -> list[str]:
    """Simple reST tables (``===`` borders, one header row) -> Markdown pipe tables."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        border = _TABLE_BORDER.match(lines[i])
        if not border:
            out.append(lines[i])
            i += 1
            continue
        # the table runs to the third border line
        ends = [j for j in range(i + 1, len(lines)) if _TABLE_BORDER.match(lines[j])][:2]
        if len(ends) < 2:
            out.append(lines[i])
            i += 1
            continue
        starts = [m.start() for m in re.finditer(r"=+", lines[i])]
        indent = border["indent"]
        header = [_cells(line, starts) for line in lines[i + 1 : ends[0]] if line.strip()]
        body = [_cells(line, starts) for line in lines[ends[0] + 1 : ends[1]] if line.strip()]
        rows = [*header[:1], ["---"] * len(starts), *body]
        if out and out[-1].strip():
            out.append("")
        out += [indent + "| " + " | ".join(row) + " |" for row in rows]
        out.append("")
        i = ends[1] + 1
    return out


def _bracketed(n: str) -> str:
    # As entities: "[1] [2]" would read as a Markdown reference link, "\\[1\\]" as math.
    return f"&#91;{n}&#93;"


def _references_and_literals(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        reference = _REFERENCE.match(line)
        if reference:
            if out and out[-1].strip():
                out.append("")  # each reference is a paragraph of its own
            line = f"{reference['indent']}{_bracketed(reference['n'])} {line[reference.end() :]}"
        elif not line.lstrip().startswith(".."):
            literal = _LITERAL_INTRO.match(line)
            if literal:  # "text::" -> "text:"; "text ::" -> "text"
                line = literal["text"] + ("" if literal["space"] else ":")
        out.append(line)
    return out


def _xref(match: re.Match[str]) -> str:
    target = match[1].strip()
    if "<" in target and target.endswith(">"):  # :func:`title <target>`
        target = target[: target.index("<")].strip()
    if target.startswith("~"):
        target = target[1:].rsplit(".", 1)[-1]
    return f"`{target.lstrip('.')}`"


def rst_to_markdown(text: str) -> str:
    r"""Rewrite the reST constructs of a numpydoc docstring as Markdown.

    Examples
    --------
    >>> print(rst_to_markdown("Burt's constraint [1]_ is :math:`c_i`. See :func:`~a.b`."))
    Burt's constraint &#91;1&#93; is \(c_i\). See `b`.
    """
    lines = text.split("\n")
    lines = _tables(lines)
    lines = _math_blocks(lines)
    lines = _references_and_literals(lines)
    lines = _see_also(lines)
    text = "\n".join(lines)
    text = _MATH_ROLE.sub(lambda m: r"\(" + m[1] + r"\)", text)
    text = _XREF_ROLE.sub(_xref, text)
    return _CITATION.sub(lambda m: _bracketed(m[1]), text)


class NumpydocRst(griffe.Extension):
    """Rewrite every docstring with :func:`rst_to_markdown` and hide ``_private`` parameters."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = rst_to_markdown(obj.docstring.value)
        if obj.is_function:  # private parameters such as Network(_validated=) stay unlisted
            for name in [p.name for p in obj.parameters if p.name.startswith("_")]:
                del obj.parameters[name]
