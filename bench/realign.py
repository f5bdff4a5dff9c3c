"""Realigning translations laid out differently: 500 aligned pairs per corpus, the English
re-laid as paragraphs (runs of 1-3 sentences joined into one line, where the sentence before
ends as a sentence: a headline keeps its line) and one segment in five split over two lines at
a sentence end, ; or : (see ``relaid``), then aligned back by sentence the way
``tutor mine ZH --en EN`` does when the line counts differ. Prints the share of the original
pairs recovered exactly.

    python bench/realign.py [--shared ../shared]

WMT20 starts at segment 41 (1-40 are kept for a blind check).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tutor.corpus.cleanup import join_en, join_zh  # noqa: E402
from tutor.corpus.overlap import default_overlap  # noqa: E402
from tutor.corpus.realign import Sentence, align_documents, by_lines, joined  # noqa: E402
from tutor.corpus.sentences import split_en, split_zh  # noqa: E402

CORPORA = [  # name, file, Chinese column, English column, first row
    ("tatoeba", "corpora/tatoeba-cmn-eng-1500.tsv", 0, 1, 0),
    ("bible", "corpora/bible-cuv-kjv-1500.tsv", 1, 2, 0),
    ("wmt20", "corpora/wmt20-newstest-zhen-700.tsv", 0, 1, 40),
]
ENDS = ".!?\"”'"


def relaid(english: list[str], rng: random.Random) -> list[str]:
    """The English on new lines: runs of 1-3 segments joined into one line, and one segment
    in five that holds a sentence break, a ; or a : split over two lines there."""
    lines, k = [], 0
    while k < len(english):
        run, chunk = rng.choice([1, 1, 2, 3]), [english[k]]
        k += 1
        while len(chunk) < run and k < len(english) and chunk[-1].rstrip()[-1:] in ENDS:
            chunk.append(english[k])
            k += 1
        line = " ".join(chunk)
        cut = _split_point(line) if len(chunk) == 1 and rng.random() < 0.2 else None
        lines.extend([line[:cut].rstrip(), line[cut:].lstrip()] if cut else [line])
    return lines


def _split_point(line: str) -> int | None:
    """Where to split ``line`` over two lines: after the sentence end, ; or : nearest its
    middle, or None when it has none."""
    points = [m.end() for m in re.finditer(r"[.!?;:][\"'”’)]*\s+(?=\S)", line)]
    return min(points, key=lambda at: abs(at - len(line) / 2)) if points else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = Path(__file__).resolve().parents[2] / "shared"
    parser.add_argument("--shared", type=Path, default=default)
    parser.add_argument("--pairs", type=int, default=500)
    args = parser.parse_args()
    overlap = default_overlap()
    for name, file, zc, ec, first in CORPORA:
        with (args.shared / file).open(encoding="utf-8") as f:
            rows = [line.rstrip("\n").split("\t") for line in f][first : first + args.pairs]
        pairs = [(r[zc].strip(), r[ec].strip()) for r in rows]
        en_lines = relaid([e for _, e in pairs], random.Random(1))
        zh = [Sentence(s, n) for n, (z, _) in enumerate(pairs, 1) for s in split_zh(z)]
        en = [Sentence(s, n) for n, e in enumerate(en_lines, 1) for s in split_en(e)]
        start = time.perf_counter()
        beads = by_lines(align_documents(zh, en, overlap), 0)
        seconds = time.perf_counter() - start
        got = {joined(b) for b in beads if b[0] and b[1]}
        want = [(join_zh(split_zh(z)), join_en(split_en(e))) for z, e in pairs]
        exact = sum(1 for w in want if w in got)
        print(
            f"{name}: {len(pairs)} pairs, English on {len(en_lines)} lines, {len(zh)} x {len(en)} "
            f"sentences: {exact} recovered exactly ({exact / len(pairs):.1%}) in {seconds:.1f} s"
        )


if __name__ == "__main__":
    main()
