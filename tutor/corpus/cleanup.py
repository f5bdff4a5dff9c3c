"""Tidying one side of a pair before it is mined: spacing, footnote markers, spaced-out headings.

Reports set in print often space the hanzi of a heading ("政 府 工 作 报 告") and glue footnote
numbers to the word they annotate ("turn-key projects4"). Both would become false vocabulary,
so they are undone here; anything that could be a real token ("COVID-19", "G20", "5G", "km2",
"23.15", "2023") is left alone.
"""

from __future__ import annotations

import re

from tutor.lang.script import HAN_CLASS

__all__ = [
    "FOOTNOTE_BODY",
    "clean_en",
    "clean_zh",
    "collapse_spaced_hanzi",
    "join_en",
    "join_zh",
    "normalize_space",
    "strip_footnote_markers",
]

_HAN = HAN_CLASS
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u3000\ufeff]+")
# What _SPACES would change: a space other than U+0020, or two in a row.
_ODD_SPACE = re.compile(r"[\t\u00a0\u2000-\u200b\u3000\ufeff]|  ")
# Two or more single hanzi separated by spaces, with no hanzi glued on either end.
_SPACED_HANZI = re.compile(rf"(?<![{_HAN}])[{_HAN}](?: [{_HAN}])+(?![{_HAN}])")
_SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹⁰"
# After a whole lower-case word of 3+ letters, or a closing quote or bracket that follows text.
_MARKER_AFTER_WORD = re.compile(
    rf"\b([a-z]{{3,}})(?:\d{{1,2}}|[{_SUPERSCRIPTS}]{{1,2}})(?=[\s,;:!?)\]\"'”’]|\.(?!\d)|$)"
)
_MARKER_AFTER_QUOTE = re.compile(
    rf"(?<=\S[\"”’)])(?:\d{{1,2}}|[{_SUPERSCRIPTS}]{{1,2}})(?=[\s,;:!?]|\.(?!\d)|$)"
)
_BRACKETED = re.compile(r"(?<=\S)[\[［]\d{1,3}[\]］]")
_MAYBE_MARKER = re.compile(rf"[0-9{_SUPERSCRIPTS}]")
FOOTNOTE_BODY = re.compile(r"^\s*[\[［](\d{1,3})[\]］]\s*")


def normalize_space(text: str) -> str:
    """Collapse runs of spaces (including ideographic and no-break spaces) and trim."""
    if _ODD_SPACE.search(text) is None:  # only single plain spaces: nothing to collapse
        return text.strip()
    return _SPACES.sub(" ", text).strip()


def collapse_spaced_hanzi(text: str) -> str:
    """ "政 府 工 作 报 告" -> "政府工作报告"; "市长 殷 勇" -> "市长 殷勇" (word spaces kept)."""
    return _SPACED_HANZI.sub(lambda m: m.group(0).replace(" ", ""), text)


def strip_footnote_markers(text: str) -> str:
    """Remove footnote numbers glued to a word ("projects4", "projects[4]", 'Hospital"4')."""
    if not _MAYBE_MARKER.search(text):
        return text
    text = _BRACKETED.sub("", text)
    text = _MARKER_AFTER_WORD.sub(r"\1", text)
    return _MARKER_AFTER_QUOTE.sub("", text)


def clean_zh(text: str) -> str:
    if "[" in text or "［" in text:
        text = _BRACKETED.sub("", text)
    text = normalize_space(text)
    return collapse_spaced_hanzi(text) if " " in text else text


def clean_en(text: str) -> str:
    text = normalize_space(text)
    stripped = strip_footnote_markers(text)
    return normalize_space(stripped) if stripped is not text else text


def join_zh(parts: list[str]) -> str:
    """Join wrapped Chinese lines: no space, except between two Latin letters or digits."""
    out = ""
    for part in parts:
        if (
            out
            and part
            and out[-1].isascii()
            and out[-1].isalnum()
            and part[0].isascii()
            and part[0].isalnum()
        ):
            out += " "
        out += part
    return out


def join_en(parts: list[str]) -> str:
    """Join wrapped English lines with a space (a line ending in a hyphen keeps the word whole)."""
    out = ""
    for part in parts:
        if out and not (out.endswith("-") and part[:1].isalpha()):
            out += " "
        out += part
    return out
