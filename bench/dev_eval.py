"""Mine every dev-set text and score it against its gold list and its stored judgements.

    python bench/dev_eval.py [--only NAME ...] [--disable RULE ...] [--aligner] [--json OUT]
                             [--sample-unjudged N] [--misses OUT.tsv]

The dev set is ``bench/dev/<name>/``: ``text.tsv`` (the aligned text), ``gold.tsv`` (pairs a
good miner must find, written by reading the text before looking at tutor's output) and
``judged.tsv`` (kept entries judged once by hand: hanzi, english, verdict right|partly|wrong).

Per text and overall it prints recall, precision on the gold's Chinese, F1 (the scoring of
``../shared/tools/score_pairs.py``, imported from there), entries kept, entries held back for
review, the held-back share of everything found, the share of held-back entries on gold
hanzi that are right, and true precision: the verdict shares over the kept entries, estimated
from the judged entries still in the output (weighted by confidence band, see
``true_precision``). ``--sample-unjudged N`` writes up to N random unjudged kept entries per text to
``bench/dev/<name>/unjudged.tsv`` for judging. ``--misses OUT.tsv`` lists every gold row not
found, with why: ``absent`` (no entry for the hanzi), ``held`` (right, but held back for review),
``held-wrong`` or ``wrong`` (an entry with other English), and the English tutor gave.
Not a test: it reads ../shared at run time.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import sys
from dataclasses import asdict, dataclass
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parent.parent
DEV = REPO / "bench" / "dev"
SCORER = REPO.parent / "shared" / "tools" / "score_pairs.py"
VERDICTS = ("right", "partly", "wrong")
BANDS = 10


@dataclass
class Score:
    text: str
    gold: int
    found: int
    recall: float
    precision: float
    f1: float
    kept: int
    held: int
    held_share: float
    held_right: float | None
    judged: int
    true_right: float | None
    true_wrong: float | None
    unjudged: int


def load_scorer(path: Path = SCORER) -> ModuleType:
    if not path.is_file():
        sys.exit(f"dev_eval: {path} not found (the shared scorer defines the gold matching)")
    spec = importlib.util.spec_from_file_location("score_pairs", path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def read_gold(path: Path, sp: ModuleType) -> dict[str, list[frozenset[str]]]:
    gold: dict[str, list[frozenset[str]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            cols = line.split("\t")
            gold[cols[0]] = [sp.content(r) for r in cols[1].split(" | ")]
    return gold


def read_judged(path: Path) -> dict[tuple[str, str], str]:
    if not path.is_file():
        return {}
    out: dict[tuple[str, str], str] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 3 or cols[2] not in VERDICTS:
            sys.exit(f"dev_eval: {path}:{n}: want hanzi<TAB>english<TAB>right|partly|wrong")
        out[(cols[0], cols[1])] = cols[2]
    return out


def mine_text(path: Path, disable: frozenset[str], aligner: bool) -> tuple[list, list]:
    from tutor.corpus import read_pairs
    from tutor.mining import mine

    result = mine(list(read_pairs(path)), aligner=True if aligner else None, disable=disable)
    return result.entries, result.low


def _agrees(sp: ModuleType, golds: list[frozenset[str]], english: str) -> bool:
    return any(sp.agrees(g, m) for g in golds for m in sp.renderings(english))


def score_text(name: str, kept: list, held: list, sp: ModuleType, sample: int) -> Score:
    folder = DEV / name
    gold = read_gold(folder / "gold.tsv", sp)
    found, recall, precision, f1 = _gold_scores(gold, kept, sp)
    judged, true_right, true_wrong, unjudged = _judged_scores(folder, kept, sample)
    total = len(kept) + len(held)
    return Score(
        name, len(gold), found, recall, precision, f1, len(kept), len(held),
        len(held) / total if total else 0.0, _held_right(gold, held, sp), judged,
        true_right, true_wrong, unjudged,
    )  # fmt: skip


def _gold_scores(
    gold: dict[str, list[frozenset[str]]], kept: list, sp: ModuleType
) -> tuple[int, float, float, float]:
    """Gold pairs found among the kept entries, recall, precision on the gold's hanzi, F1."""
    by_hanzi: dict[str, list[str]] = {}
    for e in kept:
        by_hanzi.setdefault(e.hanzi, []).append(e.english)
    found = sum(any(_agrees(sp, g, en) for en in by_hanzi.get(zh, ())) for zh, g in gold.items())
    on_gold = [(e.hanzi, e.english) for e in kept if e.hanzi in gold]
    right = sum(_agrees(sp, gold[zh], en) for zh, en in on_gold)
    recall = found / len(gold) if gold else 0.0
    precision = right / len(on_gold) if on_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return found, recall, precision, f1


def _held_right(gold: dict[str, list[frozenset[str]]], held: list, sp: ModuleType) -> float | None:
    """The share of held-back entries on gold hanzi that are right (None: there are none)."""
    held_gold = [(e.hanzi, e.english) for e in held if e.hanzi in gold]
    if not held_gold:
        return None
    return sum(_agrees(sp, gold[zh], en) for zh, en in held_gold) / len(held_gold)


def _judged_scores(
    folder: Path, kept: list, sample: int
) -> tuple[int, float | None, float | None, int]:
    """Kept entries judged, their estimated right and wrong shares, and entries not judged
    (``sample`` of which are written to ``unjudged.tsv`` when asked)."""
    judged = read_judged(folder / "judged.tsv")
    verdicts = [judged[(e.hanzi, e.english)] for e in kept if (e.hanzi, e.english) in judged]
    unjudged = [e for e in kept if (e.hanzi, e.english) not in judged]
    if sample:
        _write_unjudged(folder / "unjudged.tsv", unjudged, sample)
    rates = true_precision(kept, judged)
    return len(verdicts), rates.get("right"), rates.get("wrong"), len(unjudged)


def true_precision(kept: list, judged: dict[tuple[str, str], str]) -> dict[str, float]:
    """Verdict shares over the kept entries, estimated from the judged ones by confidence band.

    The judged entries were sampled unevenly (40 at random among kept entries, then 100 spread
    over the confidence range, then 40 at random among the kept entries not yet judged), so
    each band's verdict shares are weighted by how many kept entries fall in that band; a band
    with no judged entry takes the overall shares.
    """
    bands: dict[int, list[str]] = {}
    sizes: dict[int, int] = {}
    for e in kept:
        band = min(int(e.confidence * BANDS), BANDS - 1)
        sizes[band] = sizes.get(band, 0) + 1
        if (e.hanzi, e.english) in judged:
            bands.setdefault(band, []).append(judged[(e.hanzi, e.english)])
    every = [v for vs in bands.values() for v in vs]
    if not every:
        return {}
    total = sum(sizes.values())
    return {
        v: sum(n * (bands.get(b) or every).count(v) / len(bands.get(b) or every)
               for b, n in sizes.items()) / total
        for v in VERDICTS
    }  # fmt: skip


def _write_unjudged(path: Path, entries: list, n: int) -> None:
    rng = random.Random(f"{path.parent.name}-unjudged")
    picked = rng.sample(entries, min(n, len(entries)))
    lines = []
    for e in picked:
        ex = e.examples[0] if e.examples else None
        where = f"{ex.zh} || {ex.en}" if ex else ""
        lines.append(f"{e.hanzi}\t{e.english}\t\t{e.kind}\t{where}\n")
    path.write_text("".join(lines), encoding="utf-8")


def misses(name: str, kept: list, held: list, sp: ModuleType) -> list[tuple[str, ...]]:
    """Rows ``(text, hanzi, gold English, why, tutor's English)`` for each gold row not found."""
    raw = {}
    for line in (DEV / name / "gold.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            cols = line.split("\t")
            raw[cols[0]] = cols[1]
    gold = read_gold(DEV / name / "gold.tsv", sp)
    kept_en = _by_hanzi(kept)
    held_en = _by_hanzi(held)
    rows = []
    for zh, golds in gold.items():
        if any(_agrees(sp, golds, en) for en in kept_en.get(zh, ())):
            continue
        why, given = _why_missed(sp, golds, kept_en.get(zh, []), held_en.get(zh, []))
        rows.append((name, zh, raw[zh], why, " / ".join(given)))
    return rows


def _by_hanzi(entries: list) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for e in entries:
        out.setdefault(e.hanzi, []).append(e.english)
    return out


def _why_missed(
    sp: ModuleType, golds: list[frozenset[str]], kept: list[str], held: list[str]
) -> tuple[str, list[str]]:
    if any(_agrees(sp, golds, en) for en in held):
        return "held", held
    if kept:
        return "wrong", kept
    if held:
        return "held-wrong", held
    return "absent", []


def _pct(x: float | None) -> str:
    return "  -  " if x is None else f"{x:5.2f}"


def report(scores: list[Score]) -> None:
    print(f"{'text':<10} gold found recall prec   F1   kept held held% heldOK judged right wrong")
    for s in scores:
        print(
            f"{s.text:<10} {s.gold:4} {s.found:5} {s.recall:6.3f} {s.precision:5.3f} "
            f"{s.f1:5.3f} {s.kept:4} {s.held:4} {s.held_share:5.2f} {_pct(s.held_right)} "
            f"{s.judged:6} {_pct(s.true_right)} {_pct(s.true_wrong)}"
        )
    gold = sum(s.gold for s in scores)
    found = sum(s.found for s in scores)
    mean_f1 = sum(s.f1 for s in scores) / len(scores) if scores else 0.0
    print(
        f"{'overall':<10} {gold:4} {found:5} {found / gold if gold else 0:6.3f}       "
        f"{mean_f1:5.3f} {sum(s.kept for s in scores):4} {sum(s.held for s in scores):4}"
        "   (F1 is the mean over texts)"
    )


def texts(only: list[str] | None) -> list[str]:
    names = sorted(p.parent.name for p in DEV.glob("*/gold.tsv"))
    return [n for n in names if not only or n in only]


def evaluate(
    names: list[str],
    disable: frozenset[str] = frozenset(),
    aligner: bool = False,
    sample: int = 0,
    missed: list[tuple[str, ...]] | None = None,
) -> list[Score]:
    """Scores per text; with ``missed``, the gold rows not found are appended to it."""
    sp = load_scorer()
    out = []
    for name in names:
        kept, held = mine_text(DEV / name / "text.tsv", disable, aligner)
        out.append(score_text(name, kept, held, sp, sample))
        if missed is not None:
            missed.extend(misses(name, kept, held, sp))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--only", nargs="*")
    ap.add_argument("--disable", nargs="*", default=[])
    ap.add_argument("--aligner", action="store_true")
    ap.add_argument("--json")
    ap.add_argument("--sample-unjudged", type=int, default=0)
    ap.add_argument("--misses")
    args = ap.parse_args()
    missed: list[tuple[str, ...]] | None = [] if args.misses else None
    names = texts(args.only)
    scores = evaluate(names, frozenset(args.disable), args.aligner, args.sample_unjudged, missed)
    report(scores)
    if args.misses and missed is not None:
        Path(args.misses).write_text("".join("\t".join(r) + "\n" for r in missed), encoding="utf-8")
    if args.json:
        Path(args.json).write_text(json.dumps([asdict(s) for s in scores], indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
