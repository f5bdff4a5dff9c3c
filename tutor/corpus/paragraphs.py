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
from tutor.corpus.script import Side, classify
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
    reader = _Reader(str(path), report)
    for lineno, raw in iter_lines(path):
        text = raw.strip()
        side = classify(text) if text else None
        if side is not None:
            yield from reader.line(lineno, text, side)
    yield from reader.finish()


class _Reader:
    """The runs of Chinese and English lines read so far, and the footnotes waiting for their
    other half."""

    def __init__(self, source: str, report: Report | None) -> None:
        self.source = source
        self.report = report
        self.zh_run: list[Line] = []
        self.en_run: list[Line] = []
        self.notes: dict[Side, dict[str, Line]] = {"zh": {}, "en": {}}
        self.in_notes = False
        self.position = 0

    def line(self, lineno: int, text: str, side: Side) -> Iterator[SegmentPair]:
        """The pairs a line of text completes: a notes heading or a footnote ends the runs."""
        heading = _NOTES_HEADING.match(text)
        marker = self._marker(text)
        if heading or marker:
            yield from self._end_runs()
        if heading:
            self.in_notes = True
            self._emit(lineno, text, "notes heading")
        elif marker:
            yield from self._footnote(lineno, text, side, marker)
        else:
            self.in_notes = False
            yield from self._text(lineno, text, side)

    def finish(self) -> Iterator[SegmentPair]:
        """The last pair, and a report of each line left without its counterpart."""
        if self.zh_run and self.en_run:
            yield self._pair(self.zh_run, self.en_run)
        else:
            self._unanswered()
        for which, pending in self.notes.items():
            for key, (lineno, text) in sorted(pending.items(), key=lambda kv: kv[1][0]):
                lang = "Chinese" if which == "en" else "English"
                self._emit(lineno, text, f"footnote [{key}] has no {lang} counterpart")

    def _marker(self, text: str) -> re.Match[str] | None:
        """A footnote body's marker ("[4]", or "4." after a notes heading)."""
        marker = FOOTNOTE_BODY.match(text)
        if marker:
            return marker
        return _NUMBERED_NOTE.match(text) if self.in_notes else None

    def _end_runs(self) -> Iterator[SegmentPair]:
        if not self.zh_run:
            return
        if self.en_run:
            yield self._pair(self.zh_run, self.en_run)
        else:
            self._unanswered()
        self.zh_run, self.en_run = [], []

    def _footnote(
        self, lineno: int, text: str, side: Side, marker: re.Match[str]
    ) -> Iterator[SegmentPair]:
        """A footnote paired with the other language's of the same number, or kept waiting."""
        key = marker.group(1)
        partner = self.notes[_other(side)].pop(key, None)
        if partner is None:
            self.notes[side][key] = (lineno, text)
            return
        mine = (lineno, text[marker.end() :])
        zh, en = (mine, _body(partner)) if side == "zh" else (_body(partner), mine)
        yield self._pair([(zh[0], clean_zh(zh[1]))], [(en[0], clean_en(en[1]))])

    def _text(self, lineno: int, text: str, side: Side) -> Iterator[SegmentPair]:
        """A Chinese line starts a run (ending the pair before it), an English line extends
        the English run after Chinese."""
        if side == "zh":
            if self.en_run:
                yield self._pair(self.zh_run, self.en_run)
                self.zh_run, self.en_run = [], []
            self.zh_run.append((lineno, clean_zh(text)))
        elif self.zh_run:
            self.en_run.append((lineno, clean_en(text)))
        else:
            self._emit(lineno, text, "English with no Chinese before it")

    def _pair(self, zh: list[Line], en: list[Line]) -> SegmentPair:
        pair = SegmentPair(
            zh=join_zh([t for _, t in zh]),
            en=join_en([t for _, t in en]),
            source=self.source,
            line=zh[0][0],
            position=self.position,
        )
        self.position += 1
        return pair

    def _unanswered(self) -> None:
        for lineno, text in self.zh_run:
            self._emit(lineno, text, "Chinese with no English after it")

    def _emit(self, lineno: int, text: str, reason: str) -> None:
        emit(self.report, self.source, lineno, text, reason)


def _body(line: Line) -> Line:
    """A footnote line without its marker."""
    lineno, text = line
    marker = FOOTNOTE_BODY.match(text) or _NUMBERED_NOTE.match(text)
    return lineno, text[marker.end() :] if marker else text


def _other(side: Side) -> Side:
    return "en" if side == "zh" else "zh"
