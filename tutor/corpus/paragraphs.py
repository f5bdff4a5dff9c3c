"""The bundled report's layout: a Chinese paragraph line, then the English line that translates it.

A run of Chinese lines followed by a run of English lines is one pair (a title set over four
Chinese lines and three English ones). Footnote bodies ("[4]The ...") are taken out of the
run structure and paired by their number when both languages have them; a line with no
counterpart (a notes heading, a footnote only one side has, English with no Chinese before
it) is reported, never paired with a neighbour it does not translate.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from tutor.corpus.cleanup import FOOTNOTE_BODY, clean_en, clean_zh, join_en, join_zh
from tutor.corpus.script import classify
from tutor.corpus.textfile import iter_lines
from tutor.corpus.unpaired import Report, emit
from tutor.model import SegmentPair

__all__ = ["read_paragraphs"]

_NOTES_HEADING = re.compile(
    r"^(?:注释|注解|注|脚注|尾注|附注|notes?|footnotes?|endnotes?)\s*[:：]?$", re.IGNORECASE
)
# After a notes heading, "4. The ..." and "4 The ..." are footnote bodies too.
_NUMBERED_NOTE = re.compile(r"^\s*(\d{1,3})(?:[.)、:：]\s*|\s+)(?=\S)")

Line = tuple[int, str]


def read_paragraphs(path: Path, report: Report | None = None) -> Iterator[SegmentPair]:
    """Yield a pair per Chinese run and the English run after it, in file order."""
    source = str(path)
    zh_run: list[Line] = []
    en_run: list[Line] = []
    notes: dict[str, dict[str, Line]] = {"zh": {}, "en": {}}
    in_notes = False
    position = 0

    def pair(zh: list[Line], en: list[Line]) -> SegmentPair:
        return SegmentPair(
            zh=join_zh([t for _, t in zh]),
            en=join_en([t for _, t in en]),
            source=source,
            line=zh[0][0],
            position=position,
        )

    for lineno, raw in iter_lines(path):
        text = raw.strip()
        if not text:
            continue
        side = classify(text)
        if side is None:
            continue
        heading = _NOTES_HEADING.match(text)
        marker = FOOTNOTE_BODY.match(text) or (in_notes and _NUMBERED_NOTE.match(text))
        if (heading or marker) and zh_run:
            if en_run:
                yield pair(zh_run, en_run)
                position += 1
            else:
                for n, t in zh_run:
                    emit(report, source, n, t, "Chinese with no English after it")
            zh_run, en_run = [], []
        if heading:
            in_notes = True
            emit(report, source, lineno, text, "notes heading")
            continue
        if marker:
            key = marker.group(1)
            partner = notes[_other(side)].pop(key, None)
            if partner is None:
                notes[side][key] = (lineno, text)
                continue
            mine = (lineno, text[marker.end() :])
            zh, en = (mine, _body(partner)) if side == "zh" else (_body(partner), mine)
            yield pair([(zh[0], clean_zh(zh[1]))], [(en[0], clean_en(en[1]))])
            position += 1
            continue
        in_notes = False
        if side == "zh":
            if en_run:
                yield pair(zh_run, en_run)
                position += 1
                zh_run, en_run = [], []
            zh_run.append((lineno, clean_zh(text)))
        elif zh_run:
            en_run.append((lineno, clean_en(text)))
        else:
            emit(report, source, lineno, text, "English with no Chinese before it")
    if zh_run and en_run:
        yield pair(zh_run, en_run)
    else:
        for lineno, text in zh_run:
            emit(report, source, lineno, text, "Chinese with no English after it")
    for which, pending in notes.items():
        for key, (lineno, text) in sorted(pending.items(), key=lambda kv: kv[1][0]):
            lang = "Chinese" if which == "en" else "English"
            emit(report, source, lineno, text, f"footnote [{key}] has no {lang} counterpart")


def _body(line: Line) -> Line:
    """A footnote line without its marker."""
    lineno, text = line
    marker = FOOTNOTE_BODY.match(text) or _NUMBERED_NOTE.match(text)
    return lineno, text[marker.end() :] if marker else text


def _other(side: str) -> str:
    return "en" if side == "zh" else "zh"
