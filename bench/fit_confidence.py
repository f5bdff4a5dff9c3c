"""Fit the confidence model on the dev set's hand judgements and report its calibration.

    python bench/fit_confidence.py [--write] [--l2 1.0] [--partly 1.0]

Mines every dev text (``bench/dev/<name>/text.tsv``) and the bundled report (``decks/``,
judged in ``bench/dev/seed/judged.tsv``; its benchmark gold list is never read), records the
evidence of each entry (``tutor.mining.confidence.evidence``) and joins it with the text's
``judged.tsv``. The label is whether the pair is usable: ``right`` 1, ``wrong`` 0, ``partly``
(the right unit with a gloss a learner can keep) ``--partly``, 1 by default. No gold list is
read. Entries a holding rule capped (``confidence.HOLDING``) are counted apart, and words
nothing in the English renders are not scored by the model (rule ``unplaced_word`` leaves
them out; switched off, they get the dictionary's first sense at
``unplaced.FALLBACK_CONFIDENCE``, for review) and are left out here.

It prints, with predictions made by leave-one-text-out cross-validation (each text scored by a
model fitted on the other texts, never on itself):
- a reliability table (predicted probability against the share judged usable, in ten bins)
  and the expected calibration error, for the fitted model and for the hand formula it
  replaced, and the cross-validated log loss (``--l2`` 1 minimises it);
- per text: log loss, Brier score and calibration error;
- how the threshold trades deck size against precision: for each threshold, the share of all
  modelled entries at or above it and the share of judged entries above it that are usable.

``--write`` stores the model fitted on every text as ``tutor/mining/confidence.json``.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path
from unittest import mock

import numpy as np

REPO = Path(__file__).resolve().parent.parent
DEV = REPO / "bench" / "dev"
OUT = REPO / "tutor" / "mining" / "confidence.json"
SEED = REPO / "decks" / "beijing-2024-report.txt"
BINS = 10
THRESHOLDS = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def record(path: Path) -> tuple[dict[tuple[str, str], tuple[float, ...]], set[tuple[str, str]]]:
    """(hanzi, english) -> evidence, for every entry mined from ``path``, kept or held, and
    the entries a holding rule capped (their confidence is not the model's)."""
    from tutor.corpus import read_pairs
    from tutor.mining import mine, rank
    from tutor.mining.confidence import FEATURES, HOLDING, Evidence

    seen: dict[tuple[str, str], tuple[float, ...]] = {}
    capped: set[tuple[str, str]] = set()
    real = rank.score

    def spy(hanzi: str, english: str, ev: Evidence) -> float:
        seen[(hanzi, english)] = tuple(ev.get(name, 0.0) for name in FEATURES)
        if any(ev.get(f"rule_{name}") for name in HOLDING):
            capped.add((hanzi, english))
        return real(hanzi, english, ev)

    with mock.patch.object(rank, "score", spy):
        mine(list(read_pairs(path)), workers=1, min_confidence=0.0)
    return seen, capped


def judged(path: Path, credit: dict[str, float]) -> dict[tuple[str, str], float]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            cols = line.split("\t")
            out[(cols[0], cols[1])] = credit[cols[2]]
    return out


def fit(x: np.ndarray, y: np.ndarray, l2: float) -> np.ndarray:
    """L2-regularised logistic regression by Newton's method; column 0 is the bias."""
    w = np.zeros(x.shape[1])
    reg = np.full(x.shape[1], l2)
    reg[0] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-x @ w))
        grad = x.T @ (p - y) + reg * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(reg)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def predict(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-x @ w))


def hand_formula(names: list[str], x: np.ndarray) -> np.ndarray:
    """The confidence tutor used before the model: strength * (0.5 + 0.5 * share)."""
    col = {n: i + 1 for i, n in enumerate(names)}
    return np.minimum(1.0, x[:, col["strength"]] * (0.5 + 0.5 * x[:, col["share"]]))


def ece(p: np.ndarray, y: np.ndarray) -> float:
    idx = np.minimum((p * BINS).astype(int), BINS - 1)
    return float(sum(abs(p[idx == b].sum() - y[idx == b].sum()) for b in range(BINS)) / len(p))


def reliability(p: np.ndarray, y: np.ndarray, title: str) -> None:
    print(f"\n{title}: expected calibration error {ece(p, y):.3f} over {len(p)} judged entries")
    print("  bin        n  predicted  usable")
    idx = np.minimum((p * BINS).astype(int), BINS - 1)
    for b in range(BINS):
        m = idx == b
        if m.any():
            band = f"{b / BINS:.1f}-{(b + 1) / BINS:.1f}"
            print(f"  {band} {m.sum():5}  {p[m].mean():9.3f}  {y[m].mean():5.3f}")


def per_text(texts: list[str], groups: np.ndarray, p: np.ndarray, y: np.ndarray) -> None:
    print("\nper text (cross-validated)\n  text        n  logloss  brier   ECE  usable")
    for i, name in enumerate(texts):
        m = groups == i
        q = np.clip(p[m], 1e-6, 1 - 1e-6)
        ll = -float(np.mean(y[m] * np.log(q) + (1 - y[m]) * np.log(1 - q)))
        brier = float(np.mean((p[m] - y[m]) ** 2))
        cal = ece(p[m], y[m])
        print(f"  {name:<10}{m.sum():4}  {ll:7.3f}  {brier:5.3f} {cal:5.3f}  {y[m].mean():5.3f}")


def tradeoff(all_p: np.ndarray, p: np.ndarray, y: np.ndarray) -> None:
    print("\nthreshold  deck share of all mined  judged above  usable (cross-validated)")
    for t in THRESHOLDS:
        m = p >= t
        right = f"{y[m].mean():.3f}" if m.any() else "  -  "
        print(f"  {t:.1f}      {np.mean(all_p >= t):6.3f}                  {m.sum():5}   {right}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--write", action="store_true", help=f"store the model in {OUT.name}")
    ap.add_argument("--l2", type=float, default=1.0, help="ridge penalty on the weights")
    ap.add_argument("--partly", type=float, default=1.0, help="the label of a 'partly' verdict")
    args = ap.parse_args()
    from tutor.mining.confidence import FEATURES

    texts = sorted(p.parent.name for p in DEV.glob("*/judged.tsv"))
    rows, labels, groups, every, held = [], [], [], [], []
    for i, name in enumerate(texts):
        ev, capped = record(SEED if name == "seed" else DEV / name / "text.tsv")
        every.extend(v for k, v in ev.items() if k not in capped)
        credit = {"right": 1.0, "partly": args.partly, "wrong": 0.0}
        for key, label in judged(DEV / name / "judged.tsv", credit).items():
            if key in capped:
                held.append(label)
            elif key in ev:
                rows.append(ev[key])
                labels.append(label)
                groups.append(i)
    if held:
        print(
            f"held by a holding rule (not modelled): {len(held)} judged, {np.mean(held):.3f} right"
        )
    x = np.hstack([np.ones((len(rows), 1)), np.array(rows)])
    y, g = np.array(labels, float), np.array(groups)
    cv = np.zeros(len(y))
    for i in range(len(texts)):
        cv[g == i] = predict(x[g == i], fit(x[g != i], y[g != i], args.l2))
    w = fit(x, y, args.l2)
    reliability(hand_formula(list(FEATURES), x), y, "hand formula (before)")
    reliability(cv, y, "fitted model, leave-one-text-out")
    q = np.clip(cv, 1e-6, 1 - 1e-6)
    print(f"  log loss {-np.mean(y * np.log(q) + (1 - y) * np.log(1 - q)):.4f}")
    per_text(texts, g, cv, y)
    all_x = np.hstack([np.ones((len(every), 1)), np.array(every)])
    tradeoff(predict(all_x, w), cv, y)
    print("\nweights (fitted on all texts):")
    for name, v in zip(("bias", *FEATURES), w, strict=True):
        print(f"  {name:<14}{v:+.3f}")
    if args.write:
        data = {
            "about": "fitted by bench/fit_confidence.py on the dev set's judged.tsv files",
            "label": "usable: right 1, partly " + f"{args.partly:g}" + ", wrong 0",
            "judged": len(y),
            "l2": args.l2,
            "bias": round(float(w[0]), 4),
            "weights": {n: round(float(v), 4) for n, v in zip(FEATURES, w[1:], strict=True)},
        }
        OUT.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        print(f"\nwrote {OUT.relative_to(REPO)}")
    return 0 if math.isfinite(float(w.sum())) else 1


if __name__ == "__main__":
    sys.exit(main())
