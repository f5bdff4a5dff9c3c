"""Subtitles as fansubs ship them: SubRip, ASS/SSA and WebVTT, as two files or one bilingual one.

SubRip is read by ``srt`` (which names the line of a malformed cue); ASS/SSA and WebVTT through
pysubs2, the maintained subtitle library, which strips ASS override tags (``{\\an8}``), turns
``\\N`` into line breaks and drops WebVTT's voice and styling tags. The text is decoded first
like any other file (UTF-8, GB18030, Big5, UTF-16).

Pairing: a Chinese and an English file are paired by time overlap (``srt.pair_cues``). One
file is bilingual either cue by cue (a Chinese and an English line in each cue, as most Chinese
fansubs do) or as two tracks in one file (an ASS with a "Chinese" and an "English" style, one
event each): when most cues hold one language only, its cues are split by language and paired
by time like two files. A cue with no partner is reported, never merged into its neighbours.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from tutor.corpus.cleanup import clean_en, clean_zh, join_en, join_zh
from tutor.corpus.script import classify
from tutor.corpus.srt import Cue, pair_cues, read_cues
from tutor.corpus.textfile import iter_lines
from tutor.corpus.unpaired import Report, emit
from tutor.errors import InputError
from tutor.model import SegmentPair

__all__ = ["SUBTITLE_SUFFIXES", "load_cues", "read_subtitles"]

SUBTITLE_SUFFIXES = {".srt": "srt", ".ass": "ass", ".ssa": "ssa", ".vtt": "vtt"}
_EVENT_STARTS = {"ass": ("Dialogue:", "Comment:"), "ssa": ("Dialogue:", "Comment:")}


def load_cues(path: Path) -> list[Cue]:
    """The file's cues in file order, each with the line it starts on; comments left out."""
    kind = SUBTITLE_SUFFIXES.get(path.suffix.lower(), "srt")
    if kind == "srt":
        return read_cues(path)
    import pysubs2

    lines = list(iter_lines(path))
    try:
        subs = pysubs2.SSAFile.from_string("\n".join(t for _, t in lines), format_=kind)
    except (pysubs2.Pysubs2Error, ValueError) as err:
        raise InputError(f"malformed {kind.upper()} subtitles: {err}", path=path) from None
    starts = _event_lines(lines, kind)
    cues = []
    for n, event in enumerate(subs.events):
        if not event.is_comment:
            line = starts[n] if n < len(starts) else 0
            cues.append(Cue(event.start, event.end, event.plaintext.strip(), line))
    return cues


def _event_lines(lines: list[tuple[int, str]], kind: str) -> list[int]:
    """The line each event starts on, in file order (pysubs2 keeps no line numbers)."""
    if kind in _EVENT_STARTS:
        return [n for n, t in lines if t.lstrip().startswith(_EVENT_STARTS[kind])]
    return [n for n, t in lines if "-->" in t]


def _flat(text: str) -> str:
    return " ".join(text.split("\n"))


def read_subtitles(
    path: Path, en_path: Path | None = None, report: Report | None = None
) -> Iterator[SegmentPair]:
    """Pair a Chinese and an English subtitle file by time, or read one bilingual file."""
    if en_path is not None:
        yield from _by_time(load_cues(path), load_cues(en_path), path, en_path, report)
        return
    cues = [(c, _sides(c)) for c in load_cues(path) if c.text]  # each cue's lines, by language
    both = sum(1 for _, sides in cues if sides["zh"] and sides["en"])
    if both * 2 >= len(cues):
        yield from _cue_by_cue(cues, path, report)
        return
    zh = [c for c, sides in cues if sides["zh"]]
    en = [c for c, sides in cues if sides["en"] and not sides["zh"]]
    yield from _by_time(zh, en, path, path, report)


def _sides(cue: Cue) -> dict[str, list[str]]:
    sides: dict[str, list[str]] = {"zh": [], "en": []}
    for text in cue.text.split("\n"):
        side = classify(text)
        if side is not None:
            sides[side].append(text)
    return sides


def _by_time(
    zh_cues: list[Cue], en_cues: list[Cue], path: Path, en_path: Path, report: Report | None
) -> Iterator[SegmentPair]:
    position = 0
    for zs, es in pair_cues(zh_cues, en_cues):
        zs = [c for c in zs if c.text]
        es = [c for c in es if c.text]
        if zs and es:
            zh = join_zh([clean_zh(_flat(c.text)) for c in zs])
            en = join_en([clean_en(_flat(c.text)) for c in es])
            yield SegmentPair(zh, en, str(path), zs[0].line, position)
            position += 1
        for c in zs if not es else ():
            emit(report, path, c.line, c.text, "no English cue overlaps it")
        for c in es if not zs else ():
            emit(report, en_path, c.line, c.text, "no Chinese cue overlaps it")


def _cue_by_cue(
    cues: list[tuple[Cue, dict[str, list[str]]]], path: Path, report: Report | None
) -> Iterator[SegmentPair]:
    position = 0
    for cue, sides in cues:
        if sides["zh"] and sides["en"]:
            zh = join_zh([clean_zh(t) for t in sides["zh"]])
            en = join_en([clean_en(t) for t in sides["en"]])
            yield SegmentPair(zh, en, str(path), cue.line, position)
            position += 1
        else:
            emit(
                report,
                path,
                cue.line,
                cue.text,
                "cue is not bilingual (give the English file with --en)",
            )
