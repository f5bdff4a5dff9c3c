"""Cutting an over-long pair into sentence-sized pieces, so one huge line mines in bounded memory.

A pair whose two sides together run past ``LONG`` characters (a whole book on one TSV row, a
paragraph-layout file with no line breaks) would make clause alignment square its sentence
counts and mining hold every derived structure of the whole text at once. Such a pair is cut
instead: its sentences are read one at a time from both sides and aligned in windows of
``WINDOW`` Chinese sentences (``realign``'s programme, lengths and dictionary overlap); the
first half of each window's beads is kept and the window moves on from there, so only a
window's worth of sentences is held. A sentence no other aligns with (a 1-0 or 0-1 bead) goes
with the bead after it: a piece is never dropped, only made longer. Pairs of ordinary length
pass through unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import islice

from tutor.corpus.overlap import DictionaryOverlap, default_overlap
from tutor.corpus.realign import Bead, Sentence, align_documents, joined
from tutor.corpus.sentences import iter_en, iter_zh
from tutor.model import SegmentPair

__all__ = ["LONG", "WINDOW", "cut_long"]

LONG = 20_000  # characters of both sides: far past any paragraph, short of a costly one
WINDOW = 16  # Chinese sentences aligned at a time


def cut_long(
    pairs: Iterable[SegmentPair],
    *,
    long: int | None = None,
    overlap: DictionaryOverlap | None = None,
) -> Iterator[SegmentPair]:
    """``pairs`` with each pair longer than ``long`` characters (default ``LONG``) cut into
    aligned pieces, in order; positions are renumbered along the stream once a pair was cut."""
    limit = LONG if long is None else long
    shift = 0
    scorer = overlap
    for pair in pairs:
        if len(pair.zh) + len(pair.en) <= limit:
            yield replace(pair, position=pair.position + shift) if shift else pair
            continue
        if scorer is None:
            scorer = default_overlap()
        count = 0
        for count, (zh, en) in enumerate(_pieces(pair, scorer), start=1):
            yield replace(pair, zh=zh, en=en, position=pair.position + shift + count - 1)
        shift += max(count, 1) - 1


def _pieces(pair: SegmentPair, overlap: DictionaryOverlap | None) -> Iterator[tuple[str, str]]:
    """Aligned ``(zh, en)`` pieces of one long pair, window by window."""
    ratio = len(pair.en) / max(len(pair.zh), 1)
    zh_left = (Sentence(s, pair.line) for s in iter_zh(pair.zh))
    en_left = (Sentence(s, pair.line) for s in iter_en(pair.en))
    zh: list[Sentence] = []
    en: list[Sentence] = []
    while True:
        zh.extend(islice(zh_left, WINDOW - len(zh)))
        _fill_en(en, en_left, ratio * sum(len(s.text) for s in zh))
        last = len(zh) < WINDOW  # the Chinese ran out: this window ends the pair
        if last:
            en.extend(en_left)
        if not zh or not en:
            if zh or en:
                yield joined((zh, en))
            return
        beads = _merged(align_documents(zh, en, overlap))
        keep = beads if last else beads[: max(1, len(beads) // 2)]
        for bead in keep:
            yield joined(bead)
        if last:
            return
        zh = zh[sum(len(b[0]) for b in keep) :]
        en = en[sum(len(b[1]) for b in keep) :]


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
