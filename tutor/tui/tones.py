"""Tone colours for pinyin, as Rich ``Text`` the widgets can show.

Pleco's convention (1 red, 2 green, 3 blue, 4 purple, neutral grey) is what most learners
already read at a glance. The exact shades are mid-lightness so each keeps a contrast ratio of
at least 3:1 on black, white and both Textual themes' backgrounds: the same colours work in its dark
and light themes without a second palette.
"""

from __future__ import annotations

import re

from rich.text import Text

from tutor.lang.pinyin import syllables, tones

__all__ = ["TONE_COLOURS", "contrast_ratio", "syllable_tone", "tone_text"]

TONE_COLOURS: dict[int, str] = {
    1: "#e03131",  # red
    2: "#2b8a3e",  # green
    3: "#1971c2",  # blue
    4: "#ae3ec9",  # purple
    5: "#737373",  # grey: neutral tone
}


def syllable_tone(syllable: str) -> int:
    """The tone (1-5) of one pinyin syllable in either spelling ("xié" or "xie2")."""
    found = tones(syllable)
    return found[0] if found else 5


def tone_text(pinyin: str, *, bold: bool = False) -> Text:
    """``pinyin`` as Text with each syllable in its tone colour.

    The original spelling is kept (spaces, apostrophes as in "Xī'ān", capitals): the lang
    helpers find the syllables, and whatever lies between them is copied through uncoloured.
    """
    text = Text()
    for token in re.split(r"(\s+)", pinyin):
        if not token or token.isspace():
            text.append(token)
            continue
        pos = 0
        for syl in syllables(token):
            at = token.find(syl, pos)
            if at < 0:
                continue
            text.append(token[pos:at])
            colour = TONE_COLOURS[syllable_tone(syl)]
            text.append(syl, style=f"bold {colour}" if bold else colour)
            pos = at + len(syl)
        text.append(token[pos:])
    return text


def _luminance(hex_colour: str) -> float:
    rgb = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast_ratio(a: str, b: str) -> float:
    """WCAG contrast ratio between two ``#rrggbb`` colours (1 to 21)."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)
