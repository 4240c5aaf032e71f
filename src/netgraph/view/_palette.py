"""One palette for every view: the interactive page, the plots and the report.

A community (or any category) gets its colour from its rank in the whole network, largest
first, so it has the same colour in the ego map, in the interactive view and in a focused or
filtered view of a few of its members. Tie kinds have one colour each, everywhere.
"""

from __future__ import annotations

import numbers
import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

import numpy as np

#: Categorical palette (Tableau 10 without its grey, then three more); grey means "other".
PALETTE = (
    "#4e79a7",
    "#f28e2b",
    "#e15759",
    "#59a14f",
    "#b07aa1",
    "#edc948",
    "#76b7b2",
    "#ff9da7",
    "#9c755f",
    "#17becf",
    "#bcbd22",
    "#7f3c8d",
)
#: Sequential palette (viridis, 5 steps) for numeric attributes with many distinct values.
SEQUENTIAL = ("#440154", "#3b528b", "#21918c", "#5ec962", "#fde725")
OTHER_COLOR = "#c7c7c7"
MISSING_COLOR = "#eeeeee"
EGO_BORDER = "#111111"
EDGE_COLOR = "#7b8794"
STRONG_COLOR = "#52606d"
WEAK_COLOR = "#9aa5b1"
#: Dormant ties: dashed in the interactive view, the same orange in the plots.
DORMANT_COLOR = "#d9822b"
OVERLAY_COLOR = "#d6006f"
#: Colour of each tie kind, in the interactive view and the plots alike.
KIND_COLORS = {
    "strong": STRONG_COLOR,
    "intermediate": EDGE_COLOR,
    "weak": WEAK_COLOR,
    "dormant": DORMANT_COLOR,
}


def category_label(value: Any, limit: int = 200) -> str:
    """The label of a category: 2.0 reads as 2; long text is cut with an ellipsis."""
    is_real = isinstance(value, numbers.Real | np.number) and not isinstance(value, bool | np.bool_)
    if is_real and not isinstance(value, numbers.Integral) and float(value).is_integer():
        return str(int(value))
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def natural_key(label: str) -> tuple:
    """Sort key that puts '2' before '10' ("community 2" before "community 10")."""
    return tuple((0, int(t), "") if t.isdigit() else (1, 0, t) for t in re.split(r"(\d+)", label))


def ranked_categories(values: Iterable[Any]) -> list[str]:
    """Category labels of ``values`` (None skipped), largest first, ties in natural order."""
    counts = Counter(category_label(v) for v in values if v is not None)
    return sorted(counts, key=lambda label: (-counts[label], natural_key(label)))


def category_colours(values: Iterable[Any]) -> dict[str, str]:
    """Colour of each category label, by its rank among ``values`` (all the network's people).

    The 12 largest categories take the palette's colours when there are at most 12; otherwise
    the 11 largest do and the rest are grey ("other"). Categories not in the mapping are
    "other" too.
    """
    ranked = ranked_categories(values)
    named = ranked[: len(PALETTE) if len(ranked) <= len(PALETTE) else len(PALETTE) - 1]
    return {label: PALETTE[i] for i, label in enumerate(named)}
