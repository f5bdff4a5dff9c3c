"""Word alignment of tokenised Chinese-English sentence pairs.

``align`` gives Pharaoh-style links ``(zh index, en index)``; ``align_scored`` gives each link
with its probability, which mining turns into an entry's confidence. Two directional HMM
aligners (``hmm``) are trained on the input, optionally joined by a bundled background
corpus so a dozen sentences are not aligned from nothing, and primed with CC-CEDICT (``priors``).
Their link posteriors are averaged, so a link both directions believe in wins, and links from
exact evidence (numbers, names, punctuation, multi-word dictionary senses; ``anchors``,
``phrases``) are added. The agreed links then grow along rows and columns into links
one direction alone proposes (``symmetrize.grow_posteriors``), which is how one Chinese word
keeps all the English words that translate it.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import overload

import numpy as np

from tutor.errors import InputError
from tutor.mining.align.anchors import anchors, crossing, punct_key
from tutor.mining.align.corpus import Corpus
from tutor.mining.align.hmm import HmmConfig
from tutor.mining.align.keys import en_keys, zh_keys
from tutor.mining.align.priors import PriorWeights, lexical_priors
from tutor.mining.align.symmetrize import grow_posteriors
from tutor.mining.align.train import stream_corpus
from tutor.mining.align.vocab import Vocab

__all__ = ["AlignConfig", "align", "align_file_lines", "align_scored", "link_posteriors"]

Pair = tuple[Sequence[str], Sequence[str]]


@dataclass(frozen=True)
class AlignConfig:
    """Choices that shape the alignment; the defaults are what ``tutor align`` uses."""

    threshold: float = 0.5
    grow: float = 0.5  # 1.0: no growing, agreed links only
    punct_crossing: float = 0.05
    priors: PriorWeights = PriorWeights()
    hmm: HmmConfig = HmmConfig()
    anchors: bool = True
    phrases: bool = True  # anchors from multi-word dictionary senses ("US dollar")
    agreement: bool = True
    background_limit: int = 300
    background_below: int = 200  # larger inputs carry their own statistics


def _cedict():  # type: ignore[no-untyped-def]
    from tutor.lang.cedict import load_cedict

    return load_cedict()


def _encode(
    pairs: Sequence[Pair], extra: Sequence[Pair]
) -> tuple[list[np.ndarray], list[np.ndarray], Vocab, Vocab]:
    """Key ids of every pair's zh and en side (``pairs``, then ``extra``), and the vocabularies."""
    zv, ev = Vocab(), Vocab()
    zid = [zv.encode(zh_keys(z)).astype(np.int32) for z, _ in pairs]
    zid += [zv.encode(zh_keys(z)).astype(np.int32) for z, _ in extra]
    eid = [ev.encode(en_keys(e)).astype(np.int32) for _, e in pairs]
    eid += [ev.encode(en_keys(e)).astype(np.int32) for _, e in extra]
    return zid, eid, zv, ev


def _directional(
    pairs: Sequence[Pair], background: bool, config: AlignConfig
) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Each pair's (zh->en, en->zh) link posteriors, both as (len zh, len en) matrices."""
    extra: Sequence[Pair] = ()
    if background and len(pairs) < config.background_below:
        from tutor.mining.align.background import relevant_pairs

        words = {w for z, _ in pairs for w in zh_keys(z)}
        extra = relevant_pairs(words, limit=config.background_limit)
    zid, eid, zv, ev = _encode(pairs, extra)
    corpus = Corpus(zid, eid)  # flat: the per-pair arrays go
    del zid, eid, extra
    lex = lexical_priors(_cedict(), zv.words(), set(ev.words()), config.priors)
    n = len(lex)
    priors = (
        np.fromiter((zv.ids[z] for z, _ in lex), np.int64, n),
        np.fromiter((ev.ids[e] for _, e in lex), np.int64, n),
        np.fromiter(lex.values(), np.float64, n),
    )
    vocab = (len(zv), len(ev))
    del lex, zv, ev
    yield from stream_corpus(
        corpus, vocab, priors, config.hmm, agreement=config.agreement, limit=len(pairs)
    )


def _merge(pair: Pair, fwd: np.ndarray, rev: np.ndarray, config: AlignConfig) -> np.ndarray:
    """Both directions' mean, raised to the strength of each exact-evidence anchor.

    A punctuation anchor counts only where the mark splits both sentences at corresponding
    places (few confident links cross it): a comma is often a clause break in one language
    and nothing in the other.
    """
    post = (fwd + rev) / 2
    if not config.anchors:
        return post
    z, e = pair
    agreed = [(int(i), int(j)) for i, j in np.argwhere(post >= config.threshold)]
    cedict = _cedict() if config.phrases else None
    for (i, j), strength in anchors(z, e, cedict).items():
        if punct_key(z[i]) is not None and crossing(agreed, i, j) > config.punct_crossing:
            continue
        post[i, j] = max(post[i, j], strength)
    return post


def link_posteriors(
    pairs: Sequence[Pair], *, background: bool = True, config: AlignConfig = AlignConfig()
) -> list[np.ndarray]:
    """For each pair a (len zh, len en) matrix of link probabilities (directions averaged)."""
    return [
        _merge(p, f, r, config)
        for p, (f, r) in zip(pairs, _directional(pairs, background, config), strict=True)
    ]


def _scored(
    pairs: Sequence[Pair], background: bool, config: AlignConfig
) -> Iterator[dict[tuple[int, int], float]]:
    for p, (f, r) in zip(pairs, _directional(pairs, background, config), strict=True):
        post = _merge(p, f, r, config)
        best = np.maximum(post, np.maximum(f, r))
        if config.grow < 1.0:
            links = grow_posteriors(post, f, r, config.threshold, config.grow)
        else:
            links = {(int(i), int(j)) for i, j in np.argwhere(post >= config.threshold)}
        yield {(i, j): float(min(best[i, j], 1.0)) for i, j in sorted(links)}


def align_scored(
    pairs: Sequence[Pair],
    *,
    background: bool = True,
    seed: int = 0,
    config: AlignConfig = AlignConfig(),
) -> list[dict[tuple[int, int], float]]:
    """Links with their probability in [0, 1], for each pair. ``seed`` is accepted for API
    stability; training is EM, deterministic for a given input.

    Links both directions agree on (mean posterior >= ``threshold``) are grown into links
    one direction alone gives (>= ``grow``) along rows and columns; a grown link's score is
    the larger directional posterior.
    """
    del seed
    return list(_scored(pairs, background, config))


def align(
    pairs: Sequence[Pair], *, background: bool = True, seed: int = 0
) -> list[frozenset[tuple[int, int]]]:
    """Links ``(zh index, en index)`` for each tokenised pair; same input, same links."""
    del seed
    return [frozenset(s) for s in _scored(pairs, background, AlignConfig())]


def _parse(line: str, path: str | Path, lineno: int) -> Pair:
    parts = line.rstrip("\n").split("|||")
    if len(parts) != 2:
        raise InputError("expected `zh tokens ||| en tokens`", path=path, line=lineno)
    zh, en = parts[0].split(), parts[1].split()
    if not zh or not en:
        raise InputError("one side of `|||` is empty", path=path, line=lineno)
    return zh, en


class _LinePairs(Sequence[Pair]):
    """The pairs of the non-blank lines, held as the lines' UTF-8 in one buffer and split when
    read (a line's ``str`` costs twice its UTF-8 once it holds a Chinese character)."""

    def __init__(self, lines: Iterable[str], path: str | Path) -> None:
        self.text = bytearray()
        self._at = array("q", [0])
        self.blank = bytearray()  # 1 for each blank line, 0 for each pair, in file order
        for lineno, line in enumerate(lines, 1):
            self.blank.append(not line.strip())
            if line.strip():
                _parse(line, path, lineno)  # every line is checked before any is aligned
                self.text += line.encode()
                self._at.append(len(self.text))

    def __len__(self) -> int:
        return len(self._at) - 1

    @overload
    def __getitem__(self, k: int) -> Pair: ...

    @overload
    def __getitem__(self, k: slice) -> Sequence[Pair]: ...

    def __getitem__(self, k: int | slice) -> Pair | Sequence[Pair]:
        if isinstance(k, slice):
            return [self[n] for n in range(*k.indices(len(self)))]
        k = range(len(self))[k]  # IndexError past the end, which ends iteration
        return _parse(self.text[self._at[k] : self._at[k + 1]].decode(), "", 0)


def align_file_lines(lines: Iterable[str], *, path: str | Path = "<input>") -> Iterator[str]:
    """Pharaoh lines ``i-j ...`` for input lines ``zh ||| en``; blank lines give blank lines.

    Every line is read (and checked) first, since training needs all of them; the links of
    each line are given as soon as its chunk of the input is decoded.
    """
    pairs = _LinePairs(lines, path)
    links = _scored(pairs, True, AlignConfig())
    for blank in pairs.blank:
        yield "" if blank else " ".join(f"{i}-{j}" for i, j in sorted(next(links)))
