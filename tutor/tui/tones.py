"""Tone colours for pinyin, as Rich ``Text`` the widgets can show.

Pleco's convention (1 red, 2 green, 3 blue, 4 purple, neutral grey) is what most learners
already read at a glance. The exact shades are mid-lightness so each keeps a contrast ratio of
at least 3:1 on black, white and both Textual themes' backgrounds: the same colours work in its dark
and light themes without a second palette.
"""

from __future__ import annotations

import re
import unicodedata

from rich.text import Text

__all__ = ["TONE_COLOURS", "contrast_ratio", "syllable_tone", "tone_text"]

TONE_COLOURS: dict[int, str] = {
    1: "#e03131",  # red
    2: "#2b8a3e",  # green
    3: "#1971c2",  # blue
    4: "#ae3ec9",  # purple
    5: "#737373",  # grey: neutral tone
}


_MARK_TONE = {"\u0304": 1, "\u0301": 2, "\u030c": 3, "\u0300": 4}
_PIECES = re.compile(r"(\s+|['’\-])")
_NUMBERED = re.compile(r"[^1-5]*[1-5]|[^1-5]+")


def syllable_tone(syllable: str) -> int:
    """The tone (1-5) of one pinyin syllable in either spelling ("xié" or "xie2")."""
    if syllable and syllable[-1] in "12345":
        return int(syllable[-1])
    for ch in unicodedata.normalize("NFD", syllable):
        if ch in _MARK_TONE:
            return _MARK_TONE[ch]
    return 5


def tone_text(pinyin: str, *, bold: bool = False) -> Text:
    """``pinyin`` as Text with each syllable in its tone colour.

    Stored pinyin separates syllables with spaces (apostrophes and hyphens also split, as in
    "Xī'ān"), so colouring needs no syllable table: it is instant even on the first card.
    The original spelling is kept; separators are copied through uncoloured.
    """
    text = Text()
    for piece in _PIECES.split(pinyin):
        if not piece or _PIECES.fullmatch(piece):
            text.append(piece)
            continue
        for syllable in _NUMBERED.findall(piece):  # "xie2tong2" -> "xie2", "tong2"
            colour = TONE_COLOURS[syllable_tone(syllable)]
            text.append(syllable, style=f"bold {colour}" if bold else colour)
    return text


def _luminance(hex_colour: str) -> float:
    rgb = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast_ratio(a: str, b: str) -> float:
    """WCAG contrast ratio between two ``#rrggbb`` colours (1 to 21)."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)
