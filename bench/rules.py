"""What each mining rule does on the dev set: F1 per text with it and without it, and the entries
it changes.

    python bench/rules.py [--without RULE ...] [--only TEXT ...] [--show N]

For every rule (or only those named with ``--without``) the dev set is mined once with the rule
switched off and compared with the full pipeline: per text, the F1 change (with minus without,
so a positive figure is what the rule earns) and the entries that move -- gained or lost from
the deck (kept) or from the review list (held back), or with another English. A rule that
changes nothing on the dev set is evidence missing, or dead weight. Not a test.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from dev_eval import DEV, load_scorer, mine_text, score_text, texts  # noqa: E402

Shelf = dict[str, tuple[str, str]]  # hanzi -> (kept|held, english)


def shelf(kept: list, held: list) -> Shelf:
    out: Shelf = {e.hanzi: ("held", e.english) for e in held}
    out.update({e.hanzi: ("kept", e.english) for e in kept})
    return out


def changes(base: Shelf, other: Shelf) -> list[str]:
    """What switching the rule off changed, said from the full pipeline's side."""
    out = []
    for hanzi in sorted(base.keys() | other.keys()):
        was, now = base.get(hanzi), other.get(hanzi)
        if was == now:
            continue
        if now is None:
            out.append(f"+{hanzi} '{was[1]}' ({was[0]}, only with the rule)")
        elif was is None:
            out.append(f"-{hanzi} '{now[1]}' ({now[0]} without the rule)")
        elif was[0] != now[0]:
            out.append(f"~{hanzi} '{was[1]}' {was[0]} (was {now[0]} without)")
        else:
            out.append(f"~{hanzi} '{was[1]}' (was '{now[1]}' without)")
    return out


def main() -> int:
    from tutor.mining.rules import RULES

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--without", nargs="*", help="rules to measure (default: every rule)")
    ap.add_argument("--only", nargs="*", help="dev texts to use (default: all)")
    ap.add_argument("--show", type=int, default=6, help="changed entries listed per text")
    ap.add_argument("--aligner", action="store_true")
    args = ap.parse_args()
    names = args.without or [r.name for r in RULES]
    sp = load_scorer()
    dev = texts(args.only)
    base = {}
    for t in dev:
        kept, held = mine_text(DEV / t / "text.tsv", frozenset(), args.aligner)
        base[t] = (score_text(t, kept, held, sp, 0).f1, shelf(kept, held))
    for name in names:
        print(f"== {name}")
        for t in dev:
            kept, held = mine_text(DEV / t / "text.tsv", frozenset({name}), args.aligner)
            f1 = score_text(t, kept, held, sp, 0).f1
            moved = changes(base[t][1], shelf(kept, held))
            delta = base[t][0] - f1
            print(
                f"  {t:<10} F1 {base[t][0]:.3f} without {f1:.3f}  rule earns {delta:+.3f}"
                f"  entries changed {len(moved)}"
            )
            for line in moved[: args.show]:
                print(f"      {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
