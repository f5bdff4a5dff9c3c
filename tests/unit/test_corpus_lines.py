"""Two line-aligned files."""

from __future__ import annotations

from pathlib import Path

import pytest

from tutor.corpus import Unpaired, read_pairs, validate
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


def test_line_count_mismatch_names_first_line_beyond_shorter(tmp_path: Path) -> None:
    zh, en = _files(tmp_path, "一\n二\n三\n", "one\ntwo\n")
    with pytest.raises(InputError) as err:
        next(read_pairs(zh, en_path=en))  # raised before the first pair is handed on
    assert (err.value.path, err.value.line) == (str(zh), 3)
    assert "has 3 lines" in str(err.value) and "has 2" in str(err.value)
    zh.write_text("一\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        validate(zh, en)
    assert (err.value.path, err.value.line) == (str(en), 2)


def test_lines_format_needs_the_english_file(tmp_path: Path) -> None:
    zh, _ = _files(tmp_path, "你好\n", "Hello\n")
    with pytest.raises(InputError, match="--en"):
        list(read_pairs(zh, fmt="lines"))


def test_english_file_without_english(tmp_path: Path) -> None:
    zh, en = _files(tmp_path, "你好\n", "你好\n")
    with pytest.raises(InputError) as err:
        list(read_pairs(zh, en_path=en))
    assert err.value.path == str(en) and "no English" in str(err.value)
