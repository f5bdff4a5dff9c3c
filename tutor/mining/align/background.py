"""The background corpus that keeps the aligner's statistics from starving on short inputs.

A learner's text may be a dozen sentences; alone, they cannot tell the aligner that 的 is
usually unaligned or that "the" follows no Chinese word. 3,000 bundled pairs (Tatoeba,
CC-BY 2.0 FR with each pair's attribution kept in the file, and the public-domain Chinese
Union Version / King James Bible) are aligned together with the input; only the input's
links are returned.

The file is ``background.txt.gz``: ``zh tokens ||| en tokens ||| attribution``.
Rebuild it with ``python -m tutor.mining.align.background SHARED_CORPORA_DIR``.
"""

from __future__ import annotations

import gzip
import sys
from functools import cache
from pathlib import Path

__all__ = ["BACKGROUND_PATH", "background_pairs", "build", "relevant_pairs"]

BACKGROUND_PATH = Path(__file__).with_name("background.txt.gz")


@cache
def background_pairs() -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    """The bundled pairs as (zh tokens, en tokens); read once per process."""
    out = []
    with gzip.open(BACKGROUND_PATH, "rt", encoding="utf-8") as fh:
        for line in fh:
            zh, en, _attribution = line.rstrip("\n").split(" ||| ")
            out.append((tuple(zh.split()), tuple(en.split())))
    return tuple(out)


def relevant_pairs(
    zh_vocab: set[str], *, limit: int = 300
) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """Up to ``limit`` background pairs sharing most Chinese words with ``zh_vocab``.

    Aligning all 3,000 pairs with every short input would cost seconds each time; the pairs
    that share words with the input are the ones whose statistics matter. Ties keep file
    order, so the choice is deterministic.
    """
    pairs = background_pairs()
    scored = []
    for n, (zh, _en) in enumerate(pairs):
        shared = sum(1 for w in set(zh) if w in zh_vocab and len(w) > 0 and w.isalnum())
        if shared:
            scored.append((-shared, n))
    scored.sort()
    return [pairs[n] for _, n in scored[:limit]]


def build(corpora: Path, dest: Path = BACKGROUND_PATH) -> int:
    """Tokenise the Tatoeba and Bible samples in ``corpora`` into ``dest``; returns pairs."""
    from tutor.lang.english import tokenize
    from tutor.lang.segment import segment

    rows: list[tuple[str, str, str]] = []
    tatoeba = corpora / "tatoeba-cmn-eng-1500.tsv"
    for line in tatoeba.read_text(encoding="utf-8").splitlines():
        zh, en, attribution = line.split("\t")
        rows.append((zh, en, attribution))
    bible = corpora / "bible-cuv-kjv-1500.tsv"
    for line in bible.read_text(encoding="utf-8").splitlines():
        ref, zh, en = line.split("\t")
        rows.append((zh, en, f"public domain: CUV/KJV {ref}"))
    with gzip.open(dest, "wt", encoding="utf-8", compresslevel=9) as fh:
        for zh, en, attribution in rows:
            zt = " ".join(w for w in segment(zh) if w.strip())
            et = " ".join(tokenize(en, punct=True))
            if zt and et:
                fh.write(f"{zt} ||| {et} ||| {attribution}\n")
    return len(rows)


if __name__ == "__main__":
    print(build(Path(sys.argv[1])))
