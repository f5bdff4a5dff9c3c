"""How well tutor's scheduler predicts recall on a real review log (issue 4's accuracy bar).

Reads an fsrs-optimizer CSV (default ../shared/revlogs/py-fsrs-review-logs.csv), splits it by
time into 5 folds, and for each fold after the first predicts recall before each first-of-day
review in it (the history before it shapes each card's state). Three predictors:

- constant: the average recall rate of the earlier folds' scored reviews;
- FSRS-6 default parameters;
- FSRS-6 with parameters fitted on the earlier folds by ``tutor.srs.optimize.fit_parameters``
  (fsrs-rs, the optimizer Anki uses, via fsrs-rs-python).

Prints log loss, RMSE(bins) (srs-benchmark's binning) and AUC over all test folds pooled.

    python bench/scheduler_accuracy.py [CSV] [--folds 5]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import math
import sys
import time
from datetime import datetime
from importlib.metadata import version
from pathlib import Path

from tutor.srs.evaluate import Prediction, ReviewEvent, auc, log_loss, predict, rmse_bins
from tutor.srs.optimize import fit_parameters

# Names how fit_parameters fits: part of the cache key, so change it when the method changes.
FIT_METHOD = "fsrs-rs items per later-day review, 24h days, defaults start, clamp to py-fsrs"
DEFAULT_CSV = Path(__file__).resolve().parents[2] / "shared" / "revlogs" / "py-fsrs-review-logs.csv"


def read_events(path: Path) -> list[ReviewEvent]:
    with path.open(encoding="utf-8", newline="") as handle:
        events = [
            ReviewEvent(
                int(row["card_id"]),
                int(row["review_rating"]),
                datetime.fromisoformat(row["review_time"]),
            )
            for row in csv.DictReader(handle)
        ]
    return sorted(events, key=lambda e: e.reviewed_at)


def fitted_for(train: list[ReviewEvent], cache: Path | None) -> tuple[tuple[float, ...], str]:
    """Parameters fitted on ``train`` (cached by the fitting method and the training data's hash,
    so trying another evaluation does not refit, and a new method never reuses an old fit), and a
    note on the fit for the fold line."""
    method = f"{FIT_METHOD} {version('fsrs-rs-python')};"
    key = hashlib.sha256(
        (
            method + "".join(f"{e.card_id},{e.rating},{e.reviewed_at.isoformat()};" for e in train)
        ).encode()
    ).hexdigest()[:16]
    path = cache / f"fit-{key}.json" if cache else None
    if path is not None and path.exists():
        return tuple(json.loads(path.read_text())), "cached fit"
    started = time.perf_counter()
    fit = fit_parameters(train, min_reviews=0)
    note = (
        f"fit {time.perf_counter() - started:.1f}s, train log loss "
        f"{fit.log_loss_before:.4f} -> {fit.log_loss_after:.4f}"
    )
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(list(fit.parameters)))
    return fit.parameters, note


def metrics(preds: list[Prediction], ps: list[float]) -> tuple[float, float, float]:
    ys = [p.y for p in preds]
    return log_loss(ps, ys), rmse_bins(preds, ps), auc(ps, ys)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv", nargs="?", type=Path, default=DEFAULT_CSV)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument(
        "--cache", default="/tmp/tutor-scheduler-fits",
        help="Directory caching fitted parameters per training set ('' to refit every time).",
    )  # fmt: skip
    args = parser.parse_args()
    events = read_events(args.csv)
    size = math.ceil(len(events) / args.folds)
    chunks = [events[i : i + size] for i in range(0, len(events), size)]
    print(f"{args.csv.name}: {len(events)} reviews, {len({e.card_id for e in events})} cards, "
          f"{len(chunks)} time-ordered folds of ~{size}")  # fmt: skip

    pooled: dict[str, list[float]] = {"constant": [], "FSRS-6 default": [], "FSRS-6 fitted": []}
    tested: list[Prediction] = []
    for k in range(1, len(chunks)):
        train = [e for chunk in chunks[:k] for e in chunk]
        test_start = chunks[k][0].reviewed_at
        seen = train + chunks[k]
        train_preds = predict(train)
        average = sum(p.y for p in train_preds) / len(train_preds)
        default = predict(seen, score_from=test_start)
        parameters, note = fitted_for(train, Path(args.cache) if args.cache else None)
        fitted = predict(seen, parameters, score_from=test_start)
        assert [p.card_id for p in fitted] == [p.card_id for p in default]
        tested += default
        pooled["constant"] += [average] * len(default)
        pooled["FSRS-6 default"] += [p.p for p in default]
        pooled["FSRS-6 fitted"] += [p.p for p in fitted]
        ys = [p.y for p in default]
        print(f"fold {k}: train {len(train)} reviews, test {len(default)} predictions, {note}; "
              f"test log loss default {log_loss([p.p for p in default], ys):.4f}, "
              f"fitted {log_loss([p.p for p in fitted], ys):.4f}")  # fmt: skip

    print()
    print(f"{'predictor':<16} {'log loss':>9} {'RMSE(bins)':>11} {'AUC':>7}")
    results = {}
    for name, ps in pooled.items():
        results[name] = metrics(tested, ps)
        loss, rmse, area = results[name]
        print(f"{name:<16} {loss:>9.4f} {rmse:>11.4f} {area:>7.4f}")
    print(f"({len(tested)} first-of-day reviews scored across folds 2-{len(chunks)})")
    fitted_m, default_m, const_m = (
        results["FSRS-6 fitted"], results["FSRS-6 default"], results["constant"]
    )  # fmt: skip
    bar = (
        fitted_m[0] < default_m[0]
        and fitted_m[1] < default_m[1]
        and all(m[0] < const_m[0] and m[1] < const_m[1] for m in (fitted_m, default_m))
    )
    print("bar (fitted < default < constant on log loss and RMSE):", "met" if bar else "NOT met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
