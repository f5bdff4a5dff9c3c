"""Cut the dev-set texts out of ../shared/corpora (run once; the outputs are committed).

    python bench/dev/make_texts.py [SHARED]

Each text becomes bench/dev/<name>/text.tsv (zh<TAB>en, UTF-8, one pair a line). The subtitle
stretch is taken from the bilingual .ass by pairing its English and Chinese Dialogue lines that
share a start and end time (reading .ass directly is the input-files issue's work).
WMT20 segments 1-40 are the blind check and are never cut into the dev set.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ASS_TAG = re.compile(r"\{[^}]*\}")


def tsv_rows(path: Path, first: int, last: int, zh_col: int, en_col: int) -> list[tuple[str, str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    rows = []
    for line in lines[first - 1 : last]:
        cols = line.split("\t")
        rows.append((cols[zh_col].strip(), cols[en_col].strip()))
    return rows


def ass_pairs(path: Path, first: int, last: int) -> list[tuple[str, str]]:
    by_time: dict[tuple[str, str], dict[str, str]] = {}
    order: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        if not line.startswith("Dialogue:"):
            continue
        fields = line.split(",", 9)
        key, style = (fields[1], fields[2]), fields[3]
        if style not in ("English", "Chinese"):
            continue
        text = ASS_TAG.sub("", fields[9]).replace("\\N", " ").strip()
        if key not in by_time:
            by_time[key] = {}
            order.append(key)
        by_time[key][style] = text
    pairs = [
        (by_time[k]["Chinese"], by_time[k]["English"])
        for k in order
        if {"Chinese", "English"} <= by_time[k].keys()
    ]
    return pairs[first - 1 : last]


def main(argv: list[str]) -> int:
    shared = Path(argv[1]) if len(argv) > 1 else HERE.parents[2] / "shared"
    corpora, dev = shared / "corpora", shared / "corpora" / "dev"
    texts = {
        "news": tsv_rows(corpora / "wmt20-newstest-zhen-700.tsv", 41, 90, 0, 1),
        "dialogue": tsv_rows(corpora / "tatoeba-cmn-eng-1500.tsv", 1, 300, 0, 1),
        "bible": tsv_rows(corpora / "bible-cuv-kjv-1500.tsv", 1, 150, 1, 2),
        "subtitles": ass_pairs(dev / "ForEveryone.Net.ass", 1, 130),
        "fiction": tsv_rows(dev / "the-question.zh-en.tsv", 1, 77, 0, 1),
        "legal": tsv_rows(dev / "cc-by-4.0-legalcode.zh-en.tsv", 1, 75, 0, 1),
        "app": tsv_rows(dev / "excalidraw-ui.zh-en.tsv", 1, 132, 0, 1),
    }
    for name, rows in texts.items():
        out = HERE / name
        out.mkdir(exist_ok=True)
        body = "".join(f"{zh}\t{en}\n" for zh, en in rows if zh and en)
        (out / "text.tsv").write_text(body, encoding="utf-8")
        print(f"{name}: {body.count(chr(10))} pairs")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
