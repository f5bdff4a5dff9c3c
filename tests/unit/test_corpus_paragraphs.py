"""The bundled report's layout: run-to-run pairing, footnotes, cleanup of markers and spacing."""

from __future__ import annotations

from pathlib import Path

from tutor.corpus import Unpaired, read_pairs
from tutor.corpus.cleanup import clean_en, clean_zh, collapse_spaced_hanzi


def _read(path: Path) -> tuple[list, list[Unpaired]]:
    unpaired: list[Unpaired] = []
    pairs = list(read_pairs(path, report=unpaired.append))
    return pairs, unpaired


def test_seed_gives_nine_pairs_in_order(seed_path: Path) -> None:
    # title block (lines 1-8) + 8 single-line paragraph pairs (lines 9-24); lines 25-26 are notes
    pairs, _ = _read(seed_path)
    assert [p.line for p in pairs] == [1, 9, 11, 13, 15, 17, 19, 21, 23]
    assert [p.position for p in pairs] == list(range(9))
    assert all(p.source == str(seed_path) for p in pairs)


def test_seed_title_block_is_one_joined_pair(seed_path: Path) -> None:
    title = _read(seed_path)[0][0]
    assert title.zh.startswith("政府工作报告——2024年1月21日在北京市第十六届人民代表大会")
    assert title.zh.endswith("北京市市长 殷勇")
    assert title.en.startswith("REPORT ON THE WORK OF THE GOVERNMENT Delivered at the Second")
    assert "Beijing Municipal People's Congress" in title.en
    assert title.en.endswith("Yin Yong, Mayor of Beijing")


def test_seed_footnote_is_reported_not_paired(seed_path: Path) -> None:
    pairs, unpaired = _read(seed_path)
    assert [(u.line, u.text[:6]) for u in unpaired] == [(25, "注释:"), (26, "[4]The")]
    assert "footnote [4]" in unpaired[1].reason
    assert all("注释" not in p.zh and "refer to infrastructure" not in p.en for p in pairs)


def test_seed_footnote_marker_removed(seed_path: Path) -> None:
    last = _read(seed_path)[0][-1]
    assert "projects4" not in last.en
    assert '"Three Schools and One Hospital" turn-key projects in the Xiong\'an' in last.en
    assert "74.87 billion yuan" in last.en and "110%" in last.en


def test_marker_cleanup_keeps_real_tokens() -> None:
    text = "COVID-19, G20 and 5G in 2023; 23.15 million m2; PM2.5 fell; projects4 and plans12."
    assert clean_en(text) == (
        "COVID-19, G20 and 5G in 2023; 23.15 million m2; PM2.5 fell; projects and plans."
    )
    assert clean_en('the "Three Schools"4 in the area[12].') == 'the "Three Schools" in the area.'
    assert clean_en("Windows10 and km2") == "Windows10 and km2"


def test_spaced_hanzi_collapse_only_single_characters() -> None:
    assert collapse_spaced_hanzi("政 府 工 作 报 告") == "政府工作报告"
    assert collapse_spaced_hanzi("北京市市长 殷 勇") == "北京市市长 殷勇"
    assert collapse_spaced_hanzi("市长 殷勇 到") == "市长 殷勇 到"
    assert clean_zh("政\u3000府  工作") == "政府 工作"


def test_runs_pair_run_to_run_and_orphans_are_reported(tmp_path: Path) -> None:
    src = tmp_path / "doc.txt"
    src.write_text(
        "An English preface with no Chinese.\n\n"
        "第一行\n第二行\nFirst line\nsecond line\n\n"
        "我们\nWe\n"
        "最后没有翻译\n",
        encoding="utf-8",
    )
    pairs, unpaired = _read(src)
    assert [(p.zh, p.en, p.line) for p in pairs] == [
        ("第一行第二行", "First line second line", 3),
        ("我们", "We", 8),
    ]
    assert [(u.line, u.reason) for u in unpaired] == [
        (1, "English with no Chinese before it"),
        (10, "Chinese with no English after it"),
    ]


def test_footnotes_present_in_both_languages_pair_by_number(tmp_path: Path) -> None:
    src = tmp_path / "doc.txt"
    src.write_text(
        "建设项目[1]。\nThe projects1.\n注释:\nNotes:\n"
        "[1]指学校和医院。\n[2]无英文。\n[1]Schools and hospitals.\n",
        encoding="utf-8",
    )
    pairs, unpaired = _read(src)
    assert [(p.zh, p.en) for p in pairs] == [
        ("建设项目。", "The projects."),
        ("指学校和医院。", "Schools and hospitals."),
    ]
    assert pairs[1].line == 5
    assert [u.line for u in unpaired] == [3, 4, 6]
