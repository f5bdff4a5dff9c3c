"""Two files of one text: line N of the Chinese file translates line N of the English file, or,
when their lines do not correspond one to one, their sentences are aligned.

The files are counted first (a cheap streaming pass that also checks their encoding). Equal
counts pair line by line, streaming. Different counts mean a different layout (paragraphs
joined or split, a sentence the translator left out): pairing line by line would shift every
pair after the first difference, so both texts are split into sentences and aligned
(``realign``), and the pairs come out along the lines of the file with more of them; the
sentences nobody translated are reported. That reads both files whole.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from tutor.corpus.cleanup import clean_en, clean_zh
from tutor.corpus.overlap import default_overlap
from tutor.corpus.realign import Sentence, align_documents, by_lines, joined
from tutor.corpus.script import has_han, is_english
from tutor.corpus.sentences import split_en, split_zh
from tutor.corpus.textfile import iter_lines
from tutor.corpus.unpaired import Report, emit
from tutor.model import SegmentPair

__all__ = ["count_lines", "read_two_files"]


def count_lines(path: Path) -> int:
    """Lines up to the last non-blank one (trailing blank lines do not count)."""
    last = 0
    for lineno, text in iter_lines(path):
        if text.strip():
            last = lineno
    return last


def read_two_files(
    zh_path: Path, en_path: Path, report: Report | None = None
) -> Iterator[SegmentPair]:
    """Yield line N of ``zh_path`` with line N of ``en_path``; one-sided lines are reported."""
    n_zh, n_en = count_lines(zh_path), count_lines(en_path)
    if n_zh != n_en:
        yield from _realigned(zh_path, en_path, n_zh >= n_en, report)
        return
    source = str(zh_path)
    position = 0
    for (lineno, zh), (_, en) in zip(iter_lines(zh_path), iter_lines(en_path), strict=False):
        if lineno > n_zh:
            break
        zh, en = zh.strip(), en.strip()
        if not zh and not en:
            continue
        if not has_han(zh):
            emit(report, source, lineno, zh or en, "no Chinese on this line")
            continue
        if not is_english(en):
            emit(report, str(en_path), lineno, en or zh, "no English on this line")
            continue
        yield SegmentPair(clean_zh(zh), clean_en(en), source, lineno, position)
        position += 1


def _sentences(path: Path, split: Callable[[str], list[str]]) -> list[Sentence]:
    return [
        Sentence(s, n) for n, text in iter_lines(path) if text.strip() for s in split(text.strip())
    ]


def _realigned(
    zh_path: Path, en_path: Path, by_chinese_lines: bool, report: Report | None
) -> Iterator[SegmentPair]:
    zh = _sentences(zh_path, split_zh)
    en = _sentences(en_path, split_en)
    beads = by_lines(align_documents(zh, en, default_overlap()), 0 if by_chinese_lines else 1)
    position = 0
    for bead in beads:
        if bead[0] and bead[1]:
            text_zh, text_en = joined(bead)
            yield SegmentPair(
                clean_zh(text_zh), clean_en(text_en), str(zh_path), bead[0][0].line, position
            )
            position += 1
        for s in bead[0] if not bead[1] else ():
            emit(report, zh_path, s.line, s.text, "no English sentence aligns with it")
        for s in bead[1] if not bead[0] else ():
            emit(report, en_path, s.line, s.text, "no Chinese sentence aligns with it")
