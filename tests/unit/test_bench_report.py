"""``bench/report.py``'s table and verdicts, from canned figures (nothing is timed here)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    path = list(sys.path)
    try:
        spec.loader.exec_module(module)  # report.py puts bench/ on sys.path for its imports
    finally:
        sys.path[:] = path  # no other test should find bench/'s modules by their bare names
    return module


report = _load("report")
figures = sys.modules["figures"]
Figure = report.Figure


def first_card(measured: float = 0.6) -> Figure:
    return Figure("first card, warm", "bundled deck", measured, "s", 3.0, 0.3, "minimal app")


def test_a_ratio_figure_shows_both_amounts_and_passes_under_its_bar() -> None:
    row = report.figure_row(first_card(), [1.25, 2.5])
    assert row == [
        "first card, warm",
        "bundled deck",
        "600 ms",
        "300 ms minimal app",
        "2.00x",
        "<= 3x",
        "pass",
        "1.25-2.50",
    ]
    assert report.figure_row(first_card(1.2))[4:7] == ["4.00x", "<= 3x", "FAIL"]


def test_an_absolute_figure_is_held_to_its_amount_not_to_a_ratio() -> None:
    grade = Figure("grade to next", "10,000 cards", 62.5, "ms", 50.0, bar_on="measured")
    assert report.figure_row(grade)[2:7] == ["62.5 ms", "-", "-", "<= 50 ms", "FAIL"]
    peak = Figure("align peak", "20,000 pairs", 250.0, "MB", 300.0, 100.0, "eflomal", "measured")
    assert report.figure_row(peak)[2:7] == [
        "250 MB",
        "100 MB eflomal",
        "2.50x",
        "<= 300 MB",
        "pass",
    ]


def test_a_bench_that_fails_gives_an_error_row_and_keeps_what_it_measured() -> None:
    payload = json.dumps({"load": [1.0, 2.0], "figures": [vars(first_card())]})
    kept = report.parse_output(report.Outcome("optimize", ["--runs", "3"]), 1, payload, "")
    assert [f.name for f in kept.figures] == ["first card, warm"] and kept.error == "exit 1"
    crashed = report.parse_output(
        report.Outcome("mine", ["--pairs", "5"]), 2, "half a line\n", "Traceback\nKeyError: 'x'\n"
    )
    assert crashed.figures == [] and crashed.error == "exit 2: KeyError: 'x'"
    rows = report.table_rows([kept, crashed])
    assert [row[6] for row in rows] == ["pass", "ERROR", "ERROR"]
    assert rows[2][:2] == ["mine", "--pairs 5"]
    assert report.failed([kept]) and not report.failed([report.Outcome("x", [], figures=[])])


def test_tables_as_text_and_markdown() -> None:
    rows = report.table_rows(
        [report.Outcome("startup", [], load=[0.5, 0.75], figures=[first_card()])]
    )
    text = report.text_table(rows).splitlines()
    assert text[0].split() == list(report.COLUMNS)
    assert text[2].index("600 ms") == text[0].index("measured")
    markdown = report.markdown_table([["a|b", *rows[0][1:]]]).splitlines()
    assert markdown[0] == "| " + " | ".join(report.COLUMNS) + " |"
    assert markdown[1].count("---") == len(report.COLUMNS)
    assert markdown[2].startswith("| a\\|b | bundled deck | 600 ms |")


def test_render_says_the_commit_the_sizes_and_the_load() -> None:
    meta = {
        "date": "2026-12-04 18:40 UTC",
        "commit": "abc1234",
        "quick": True,
        "cores": 2,
        "load_before": [1.0, 0.5, 0.25],
        "load_after": [2.0, 1.0, 0.5],
    }
    outcome = report.Outcome("startup", ["--runs", "3"], seconds=41.0, figures=[first_card()])
    text = report.render(meta, [outcome], markdown=True)
    assert "commit abc1234, quick sizes" in text
    assert "before: 1.00 0.50 0.25 on 2 cores" in text and "after: 2.00 1.00 0.50" in text
    assert "startup `--runs 3` 41 s" in text
    stopped = report.render(meta, [outcome, report.INTERRUPTED], markdown=False)
    assert "ERROR   interrupted: later benches not run" in stopped
    assert stopped.endswith("ran: startup [--runs 3] 41 s")
    plain = json.loads(report.as_json(meta, [outcome]))
    assert plain["benches"][0]["figures"][0]["ratio"] == pytest.approx(2.0)
    assert plain["benches"][0]["figures"][0]["passed"] is True


def test_only_names_known_benches() -> None:
    assert [b.name for b in report.selected("export, tui")] == ["tui", "export"]
    with pytest.raises(SystemExit, match="unknown bench bogus"):
        report.selected("tui,bogus")


def test_a_bench_in_json_mode_prints_its_lines_on_stderr_and_the_figures_on_stdout(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with figures.figures_out(True) as found:
        print("a usual line")
        found.append(figures.Figure("wall", "1 pair", 2.0, "s", 5.0, 1.0, "jieba"))
    out, err = capsys.readouterr()
    assert err == "a usual line\n"
    data = json.loads(out)
    assert len(data["load"]) == 2 and data["figures"][0]["reference_name"] == "jieba"
