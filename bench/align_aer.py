"""Alignment error rate of `tutor`'s word aligner on the Tsinghua-450 and NIST02-150 gold sets.

    python bench/align_aer.py [--shared ../shared] [--no-background]

The gold sets are research-use only: they are read from the shared folder at run time and
never copied, shipped or used to train anything. AER = 1 - (|A&S| + |A&P|) / (|A| + |S|)
(Och and Ney, 2003), the formula of shared/tools/aer.py. Also prints seconds per set.
"""

from __future__ import annotations

import argparse
import re
import time
from pathlib import Path

from tutor.mining.align import align

Links = set[tuple[int, int]]


def _gold(path: Path, one_based: bool) -> list[tuple[Links, Links]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        sure: Links = set()
        possible: Links = set()
        for tok in line.split():
            m = re.fullmatch(r"(\d+)([-p])(\d+)(-P)?", tok)
            if m is None:
                raise SystemExit(f"{path}: cannot read link {tok!r}")
            i, j = int(m.group(1)) - one_based, int(m.group(3)) - one_based
            (possible if m.group(2) == "p" or m.group(4) else sure).add((i, j))
        out.append((sure, sure | possible))
    return out


def _aer(gold: list[tuple[Links, Links]], pred: list[frozenset[tuple[int, int]]]) -> str:
    a = s = a_s = a_p = 0
    for (sure, possible), links in zip(gold, pred, strict=True):
        a += len(links)
        s += len(sure)
        a_s += len(links & sure)
        a_p += len(links & possible)
    aer = 1 - (a_s + a_p) / (a + s)
    return f"precision {a_p / a:.3f}  recall {a_s / s:.3f}  AER {100 * aer:.1f}"


def main() -> None:
    here = Path(__file__).resolve().parent.parent
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=here.parent / "shared")
    ap.add_argument("--no-background", action="store_true")
    args = ap.parse_args()
    bg = not args.no_background
    ts = args.shared / "gold" / "tsinghua-450"
    pairs = []
    for line in (ts / "zhen.src-tgt").read_text(encoding="utf-8").splitlines():
        zh, en = line.split(" ||| ")
        pairs.append((zh.split(), en.split()))
    nist = args.shared / "gold" / "nist02-150"
    zh_lines = (nist / "zh.txt").read_text(encoding="utf-8").splitlines()
    en_lines = (nist / "en.txt").read_text(encoding="utf-8").splitlines()
    nist_pairs = [(z.split(), e.split()) for z, e in zip(zh_lines, en_lines, strict=True)]
    sets = [
        ("tsinghua-450", pairs, _gold(ts / "zhen.gold", True)),
        ("nist02-150", nist_pairs, _gold(nist / "gold.align", False)),
    ]
    for name, data, gold in sets:
        start = time.perf_counter()
        pred = align(data, background=bg)
        took = time.perf_counter() - start
        print(f"{name:13s} {_aer(gold, pred)}  ({took:.1f} s)")
        start = time.perf_counter()
        small = []
        for k in range(0, len(data), 12):
            small += align(data[k : k + 12], background=bg)
        took = time.perf_counter() - start
        print(f"{name + '/12':13s} {_aer(gold, small)}  ({took:.1f} s, 12 pairs at a time)")


if __name__ == "__main__":
    main()
