"""Bad input: one InputError naming the file (and line), raised before anything is handed on."""

from __future__ import annotations

from itertools import islice
from pathlib import Path

import pytest

from tutor.corpus import read_pairs, validate
from tutor.corpus.options import reading
from tutor.corpus.textfile import read_text_lines
from tutor.errors import InputError


def _error(path: Path, **kwargs: object) -> InputError:
    with pytest.raises(InputError) as err:
        list(read_pairs(path, **kwargs))  # type: ignore[arg-type]
    assert err.value.path == str(path)
    return err.value


def test_missing_file(tmp_path: Path) -> None:
    assert "no such file" in str(_error(tmp_path / "nope.txt"))


def test_directory(tmp_path: Path) -> None:
    assert "directory" in str(_error(tmp_path, fmt="paragraphs"))


@pytest.mark.parametrize("content", [b"", b"\n  \n\t\n"])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    assert str(_error(path)) == f"{path}: empty file"


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    err = _error(path)
    assert "binary" in str(err) and err.line == 3  # the NUL byte's line


def test_non_utf8_names_line_of_first_bad_byte(tmp_path: Path) -> None:
    path = tmp_path / "gbk.txt"
    path.write_bytes("你好\nHello\n".encode() + "你好\n".encode("gbk") + b"Thanks\n")
    err = _error(path)
    assert err.line == 3
    assert "not UTF-8" in str(err) and "0xc4" in str(err)


def test_utf16_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes("你好\nHello\n".encode("utf-16"))
    assert [(p.zh, p.en) for p in read_pairs(path)] == [("你好", "Hello")]


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeff你好\nHello\n".encode())
    assert [(p.zh, p.en) for p in read_pairs(path)] == [("你好", "Hello")]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Only English here.\nAnd more English.\n", "no Chinese text found"),
        ("只有中文。\n还是中文。\n", "no English text found"),
        ("2024\n---\n", "no Chinese text found"),
    ],
)
def test_no_chinese_or_no_english(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "one-sided.txt"
    path.write_text(text, encoding="utf-8")
    assert message in str(_error(path))
    with pytest.raises(InputError, match=message):
        validate(path)


def test_validate_counts_pairs(seed_path: Path) -> None:
    assert validate(seed_path) == 9


def test_reading_streams_before_a_late_error(tmp_path: Path) -> None:
    # A bad row at the end must not stop earlier pairs from streaming out lazily;
    # validate() is what rejects the file up front.
    path = tmp_path / "big.tsv"
    with path.open("w", encoding="utf-8") as out:
        for i in range(20_000):
            out.write(f"第{i}句。\tSentence {i}.\n")
        out.write("坏行没有制表符\n")
    with reading(strict=True):
        head = list(islice(read_pairs(path), 3))
        assert [p.en for p in head] == ["Sentence 0.", "Sentence 1.", "Sentence 2."]
        with pytest.raises(InputError) as err:
            validate(path)
    assert err.value.line == 20_001


def test_read_text_lines_keeps_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("一 ||| one\n\n二 ||| two\r\n", encoding="utf-8")
    assert read_text_lines(path) == ["一 ||| one", "", "二 ||| two"]
