"""Two line-aligned files."""

from __future__ import annotations

from pathlib import Path

import pytest

from tutor.corpus import Unpaired, read_pairs
from tutor.errors import InputError


def _files(tmp_path: Path, zh: str, en: str) -> tuple[Path, Path]:
    zh_path, en_path = tmp_path / "zh.txt", tmp_path / "en.txt"
    zh_path.write_text(zh, encoding="utf-8")
    en_path.write_text(en, encoding="utf-8")
    return zh_path, en_path


def test_lines_pair_by_number(tmp_path: Path) -> None:
    zh, en = _files(tmp_path, "你好。\n\n谢谢。\n", "Hello.\n\nThank you.\n\n\n")
    pairs = list(read_pairs(zh, en_path=en))
    assert [(p.zh, p.en, p.line, p.position) for p in pairs] == [
        ("你好。", "Hello.", 1, 0),
        ("谢谢。", "Thank you.", 3, 1),
    ]


def test_one_sided_line_is_reported(tmp_path: Path) -> None:
    zh, en = _files(tmp_path, "你好。\n谢谢。\n", "Hello.\n\n")
    zh.write_text("你好。\n谢谢。\n", encoding="utf-8")
    en.write_text("Hello.\n-\n", encoding="utf-8")
    unpaired: list[Unpaired] = []
    assert len(list(read_pairs(zh, en_path=en, report=unpaired.append))) == 1
    assert [(u.line, u.reason) for u in unpaired] == [(2, "no English on this line")]


ZH = [
    "我们支持城市更新。",
    "北京的冬天很冷。",
    "他每天早上喝咖啡。",
    "这个问题很难回答。",
    "我明天去上海开会。",
    "孩子们在公园里玩。",
]
EN = [
    "We supported urban renewal.",
    "Winter in Beijing is very cold.",
    "He drinks coffee every morning.",
    "This question is hard to answer.",
    "Tomorrow I am going to Shanghai for a meeting.",
    "The children are playing in the park.",
]


def test_an_english_file_laid_out_differently_is_aligned_by_sentence(tmp_path: Path) -> None:
    en_layout = f"{EN[0]} {EN[1]}\n{EN[2]}\n{EN[3]} {EN[4]} {EN[5]}\n"  # 3 lines for 6
    zh, en = _files(tmp_path, "\n".join(ZH) + "\n", en_layout)
    assert [(p.zh, p.en, p.line) for p in read_pairs(zh, en_path=en)] == [
        (z, e, n) for n, (z, e) in enumerate(zip(ZH, EN, strict=True), start=1)
    ]


def test_a_sentence_nobody_translated_is_reported_and_the_rest_still_pair(
    tmp_path: Path,
) -> None:
    zh, en = _files(
        tmp_path,
        "\n".join(ZH[:3] + ["这一句没有翻译，因为译者把它漏掉了，真可惜。"] + ZH[3:]) + "\n",
        " ".join(EN[:3]) + "\n" + " ".join(EN[3:]) + "\n",
    )
    skipped: list[Unpaired] = []
    pairs = [(p.zh, p.en) for p in read_pairs(zh, en_path=en, report=skipped.append)]
    assert pairs == list(zip(ZH, EN, strict=True))
    assert [(u.line, u.reason) for u in skipped] == [(4, "no English sentence aligns with it")]


def test_lines_format_needs_the_english_file(tmp_path: Path) -> None:
    zh, _ = _files(tmp_path, "你好\n", "Hello\n")
    with pytest.raises(InputError, match="--en"):
        list(read_pairs(zh, fmt="lines"))


def test_english_file_without_english(tmp_path: Path) -> None:
    zh, en = _files(tmp_path, "你好\n", "你好\n")
    with pytest.raises(InputError) as err:
        list(read_pairs(zh, en_path=en))
    assert err.value.path == str(en) and "no English" in str(err.value)
