"""The ego map describes and colours communities as the interactive view does.

The ego map's legend said "0 (42)" where the view says "community 0 (mostly Acme) (42)":
both now read the network's one description rule (and the colours follow from the labels).
"""

import html
import re

import matplotlib
import pytest

import netgraph

matplotlib.use("Agg")


@pytest.fixture(scope="module")
def net():
    return netgraph.sample()


def view_legend(net, tmp_path):
    page = net.to_html(tmp_path / "view.html").read_text(encoding="utf-8")
    items = re.findall(
        r'<span class="ng-dot" style="background:(#[0-9a-fA-F]+);[^"]*"></span>'
        r'<span class="ng-label">(.*?) <span class="ng-count">',
        page,
    )
    return {html.unescape(label): colour.lower() for colour, label in items}


def test_ego_map_legend_uses_the_views_community_labels_and_colours(net, tmp_path):
    import matplotlib.colors as mcolors
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    try:
        net.plot.ego_map(ax=ax)
        entries = {
            text.get_text().rsplit(" (", 1)[0]: mcolors.to_hex(handle.get_color())
            for text, handle in zip(
                ax.get_legend().get_texts(), ax.get_legend().legend_handles, strict=True
            )
        }
    finally:
        plt.close(fig)
    view = view_legend(net, tmp_path)
    assert entries and all(label.startswith("community ") for label in entries)
    assert any("(mostly " in label for label in entries)
    for label, colour in entries.items():
        assert view.get(label) == colour, (label, colour, view)
