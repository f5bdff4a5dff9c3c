"""Format detection from extension and content, and forcing a format."""

from __future__ import annotations

from pathlib import Path

import pytest

from tutor.corpus import FORMATS, detect_format, read_pairs
from tutor.errors import InputError


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_seed_is_paragraphs(seed_path: Path) -> None:
    assert detect_format(seed_path) == "paragraphs"


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("a.tmx", "anything", "tmx"),
        ("a.xml", '<?xml version="1.0"?>\n<tmx version="1.4"><body/></tmx>', "tmx"),
        ("a.srt", "", "srt"),
        ("a.txt", "1\n00:00:01,000 --> 00:00:02,000\n你好 Hello\n", "srt"),
        ("a.tsv", "", "tsv"),
        ("a.txt", "你好\tHello\n谢谢\tThank you\n", "tsv"),
        ("a.txt", "v1\t你好\tHello\nv2\t谢谢\tThank you\n", "tsv"),
        ("a.txt", "你好\nHello\n谢谢\tThank you, all\n", "paragraphs"),
        ("a.txt", "你好\nHello\n", "paragraphs"),
    ],
)
def test_detect_single_file(tmp_path: Path, name: str, text: str, expected: str) -> None:
    assert detect_format(_write(tmp_path, name, text)) == expected
    assert expected in FORMATS


def test_detect_two_files(tmp_path: Path) -> None:
    zh, en = _write(tmp_path, "zh.txt", "你好\n"), _write(tmp_path, "en.txt", "Hello\n")
    assert detect_format(zh, en) == "lines"
    sub = _write(tmp_path, "zh.srt", "")
    assert detect_format(sub, _write(tmp_path, "en.srt", "")) == "srt"


def test_format_can_be_forced(tmp_path: Path) -> None:
    path = _write(tmp_path, "a.tsv", "你好\nHello\n")
    assert detect_format(path) == "tsv"
    (pair,) = read_pairs(path, fmt="paragraphs")
    assert (pair.zh, pair.en) == ("你好", "Hello")
    with pytest.raises(InputError, match="unknown format 'csv'"):
        list(read_pairs(path, fmt="csv"))
    with pytest.raises(InputError, match="not used by the tsv format"):
        list(read_pairs(path, en_path=path, fmt="tsv"))
