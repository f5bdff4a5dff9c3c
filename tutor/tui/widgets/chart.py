"""A vertical bar chart in block characters, for the due forecast and reviews per day.

Eight-level blocks (▁..█) give a readable chart in a few terminal rows without any plotting
dependency; the axis labels name the first and last day and the tallest bar's value.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

__all__ = ["bar_chart"]

_BLOCKS = " ▁▂▃▄▅▆▇█"


def bar_chart(
    values: Sequence[int],
    *,
    height: int = 6,
    first: str = "",
    last: str = "",
    style: str = "#1971c2",
) -> Text:
    """``values`` as columns ``height`` rows tall, one column per value, labels underneath."""
    top = max(values, default=0)
    text = Text()
    for row in range(height, 0, -1):
        label = f"{top:>5} " if row == height else "      "
        text.append(label, style="dim")
        for value in values:
            eighths = round(value / top * height * 8) if top else 0
            level = min(max(eighths - (row - 1) * 8, 0), 8)
            if value and row == 1 and level == 0:
                level = 1  # a day with anything at all shows a sliver
            text.append(_BLOCKS[level], style=style)
        text.append("\n")
    axis = f"{'0':>5} " + first
    gap = len(values) - len(first) - len(last)
    text.append(axis + " " * max(gap, 1) + last, style="dim")
    return text
