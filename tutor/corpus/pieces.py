"""Cutting an over-long pair into sentence-sized pieces, so one huge line mines in bounded memory.

A pair whose two sides together run past ``LONG`` characters (a whole book on one TSV row, a
paragraph-layout file with no line breaks) would make clause alignment square its sentence
counts and mining hold every derived structure of the whole text at once. Such a pair is cut
instead: its sentences are read one at a time from both sides and aligned in windows of
``WINDOW`` Chinese sentences (``windowalign``: ``realign``'s costs, lengths and dictionary
overlap, computed cheaply, in a band around the diagonal), the window's English read past
what its Chinese predicts and the path free to end where it fits best. All but the last
``TAIL`` beads of each window are kept and the window moves on from there, so only a window's
worth of sentences is held, and the length ratio is the whole pair's, so a window's guess
never drifts into the next. A sentence no other aligns with (a 1-0 or 0-1 bead) goes with the
bead after it: a piece is never dropped, only made longer; if one side runs out, the rest of
the other is the last piece. Pairs of ordinary length pass through unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import islice

from tutor.corpus.cleanup import clean_en, clean_zh
from tutor.corpus.longline import LongPair
from tutor.corpus.meter import Meter, current_meter
from tutor.corpus.overlap import DictionaryOverlap, default_overlap
from tutor.corpus.realign import Bead, Sentence, joined
from tutor.corpus.sentences import iter_en, iter_en_chunks, iter_zh, iter_zh_chunks
from tutor.corpus.windowalign import align_window
from tutor.model import SegmentPair

__all__ = ["LONG", "TAIL", "WINDOW", "cut_long", "is_long"]

LONG = 20_000  # characters of both sides: far past any paragraph, short of a costly one
WINDOW = 32  # Chinese sentences aligned at a time
TAIL = 2  # beads at a window's end left for the next window: where its English ends is a guess


def cut_long(
    pairs: Iterable[SegmentPair],
    *,
    long: int | None = None,
    overlap: DictionaryOverlap | None = None,
) -> Iterator[SegmentPair]:
    """``pairs`` with each pair longer than ``long`` characters (default ``LONG``) cut into
    aligned pieces, in order; positions are renumbered along the stream once a pair was cut.
    A ``LongPair`` is always cut, its sides read from its file a block at a time."""
    limit = LONG if long is None else long
    shift = 0
    scorer = overlap
    meter = current_meter()
    before = meter.read if meter else 0
    for pair in pairs:
        if len(pair.zh) + len(pair.en) <= limit and not isinstance(pair, LongPair):
            yield replace(pair, position=pair.position + shift) if shift else pair
        else:
            if scorer is None:
                scorer = default_overlap()
            count = 0
            cut = _pieces(pair, scorer)
            for count, (zh, en) in enumerate(_metered(cut, pair, meter, before), start=1):
                position = pair.position + shift + count - 1
                yield SegmentPair(zh, en, pair.source, pair.line, position, pair.credit)
            shift += max(count, 1) - 1
        before = meter.read if meter else 0


def is_long(pair: SegmentPair, long: int | None = None) -> bool:
    """Whether ``cut_long`` cuts ``pair``: it is left in its file, or longer than ``long``
    characters (default ``LONG``)."""
    return isinstance(pair, LongPair) or _chars(pair) > (LONG if long is None else long)


def _chars(pair: SegmentPair) -> int:
    if isinstance(pair, LongPair):
        return pair.zh_chars + pair.en_chars
    return len(pair.zh) + len(pair.en)


def _metered(
    cut: Iterator[tuple[str, str]], pair: SegmentPair, meter: Meter | None, before: int
) -> Iterator[tuple[str, str]]:
    """``cut``, holding back on ``meter`` the bytes of ``pair`` (read since ``before``) that
    are not cut yet."""
    if meter is None:
        yield from cut
        return
    size, chars, done = meter.read - before, _chars(pair), 0
    for zh, en in cut:
        done += len(zh) + len(en)
        meter.held = int(size * max(0.0, 1 - done / chars))
        yield zh, en
    meter.held = 0


def _sentences(pair: SegmentPair) -> tuple[Iterator[Sentence], Iterator[Sentence], float]:
    """The pair's Chinese and English sentences, one at a time, and its length ratio. A
    ``LongPair``'s are read from its file and tidied one by one, as a row's sides are whole."""
    if isinstance(pair, LongPair):
        zh = (clean_zh(s) for s in iter_zh_chunks(pair.zh_text()))
        en = (clean_en(s) for s in iter_en_chunks(pair.en_text()))
        ratio = pair.en_chars / max(pair.zh_chars, 1)
        return _at(zh, pair.line), _at(en, pair.line), ratio
    ratio = len(pair.en) / max(len(pair.zh), 1)
    return _at(iter_zh(pair.zh), pair.line), _at(iter_en(pair.en), pair.line), ratio


def _at(texts: Iterator[str], line: int) -> Iterator[Sentence]:
    return (Sentence(text, line) for text in texts if text)


def _pieces(pair: SegmentPair, overlap: DictionaryOverlap | None) -> Iterator[tuple[str, str]]:
    """Aligned ``(zh, en)`` pieces of one long pair, window by window."""
    zh_left, en_left, ratio = _sentences(pair)
    zh: list[Sentence] = []
    en: list[Sentence] = []
    while True:
        zh.extend(islice(zh_left, WINDOW - len(zh)))
        _fill_en(en, en_left, ratio * sum(len(s.text) for s in zh))
        last = len(zh) < WINDOW  # the Chinese ran out: this window ends the pair
        if last:
            en.extend(en_left)
        if not zh or not en:  # one side ran out: the rest of the other is one piece
            zh.extend(zh_left)
            en.extend(en_left)
            if zh or en:
                yield joined((zh, en))
            return
        beads = _merged(_beads(zh, en, ratio, overlap, last))
        keep = beads if last else beads[: max(1, len(beads) - TAIL)]
        for bead in keep:
            yield joined(bead)
        if last:
            return
        zh = zh[sum(len(b[0]) for b in keep) :]
        en = en[sum(len(b[1]) for b in keep) :]


def _beads(
    zh: list[Sentence],
    en: list[Sentence],
    ratio: float,
    overlap: DictionaryOverlap | None,
    whole: bool,
) -> list[Bead]:
    """The window's beads: all its English if ``whole``, else up to where it ends best."""
    texts = [s.text for s in zh], [s.text for s in en]
    shapes = align_window(*texts, ratio, overlap, whole=whole)
    beads: list[Bead] = []
    i = j = 0
    for x, y in shapes:
        beads.append((zh[i : i + x], en[j : j + y]))
        i, j = i + x, j + y
    return beads


def _fill_en(en: list[Sentence], more: Iterator[Sentence], chars: float) -> None:
    """Read English sentences until the window holds a third more than the Chinese predicts."""
    have = sum(len(s.text) for s in en)
    for sentence in more:
        en.append(sentence)
        have += len(sentence.text)
        if have >= 1.2 * chars + 100:
            return


def _merged(beads: list[Bead]) -> list[Bead]:
    """Beads with each one-sided bead joined to the bead after it (the last to the one
    before)."""
    out: list[Bead] = []
    carry: Bead | None = None
    for zh, en in beads:
        if carry is not None:
            zh, en = carry[0] + zh, carry[1] + en
            carry = None
        if zh and en:
            out.append((zh, en))
        else:
            carry = (zh, en)
    if carry is not None:
        if out:
            out[-1] = (out[-1][0] + carry[0], out[-1][1] + carry[1])
        else:
            out.append(carry)
    return out
