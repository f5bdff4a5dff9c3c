"""TSV rows: column detection (zh/en, id/zh/en, extra columns), headers, malformed rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from tutor.corpus import Unpaired, read_pairs
from tutor.corpus.options import reading
from tutor.corpus.tsv import detect_columns
from tutor.errors import InputError


def _write(tmp_path: Path, text: str, name: str = "pairs.tsv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_zh_en_with_attribution_column(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "我爱你。\tI love you.\tCC-BY 2.0 (France) Attribution: tatoeba.org #1 (a) & #2 (b)\n"
        "他走了。\tHe left.\tCC-BY 2.0 (France) Attribution: tatoeba.org #3 (c) & #4 (d)\n",
    )
    pairs = list(read_pairs(path))
    assert [(p.zh, p.en, p.line, p.position) for p in pairs] == [
        ("我爱你。", "I love you.", 1, 0),
        ("他走了。", "He left.", 2, 1),
    ]


def test_id_zh_en_layout(tmp_path: Path) -> None:
    path = _write(tmp_path, "Gen:1:1\t起初神创造天地。\tIn the beginning God created the heaven.\n")
    (pair,) = read_pairs(path)
    assert (pair.zh, pair.en) == ("起初神创造天地。", "In the beginning God created the heaven.")


def test_en_before_zh_and_header_row(tmp_path: Path) -> None:
    path = _write(tmp_path, "english\tchinese\nGood morning.\t早上好。\n\nThank you.\t谢谢。\n")
    pairs = list(read_pairs(path))
    assert [(p.zh, p.en, p.line) for p in pairs] == [
        ("早上好。", "Good morning.", 2),
        ("谢谢。", "Thank you.", 4),
    ]


def test_detect_columns_prefers_nearest_english_column() -> None:
    rows = [["b-1", "你好", "Hello there", "CC-BY attribution text for the row"]] * 3
    assert detect_columns(rows) == (1, 2)
    assert detect_columns([["only english", "more english"]]) == (None, None)


def test_with_strict_a_malformed_row_stops_the_read_at_its_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "你好\tHello\n谢谢\tThanks\n没有制表符的一行\n再见\tBye\n")
    with reading(strict=True):
        pairs = read_pairs(path)
        assert next(pairs).zh == "你好"
        with pytest.raises(InputError) as err:
            list(pairs)
    assert err.value.line == 3
    assert str(err.value).startswith(f"{path}:3: malformed TSV row")


def test_a_malformed_row_comments_and_blanks_are_skipped_and_the_row_reported(
    tmp_path: Path,
) -> None:
    path = _write(
        tmp_path,
        "# my word list\n你好\tHello\n\n  # a note\n没有制表符的一行\n再见\tBye\n",
    )
    skipped: list[Unpaired] = []
    assert [(p.zh, p.line) for p in read_pairs(path, report=skipped.append)] == [
        ("你好", 2),
        ("再见", 6),
    ]
    assert [(u.line, u.reason.split(":")[0]) for u in skipped] == [(5, "malformed TSV row")]


def test_row_without_chinese_is_reported(tmp_path: Path) -> None:
    path = _write(tmp_path, "你好\tHello\nhello\tHello\n谢谢\tThanks\n")
    unpaired: list[Unpaired] = []
    pairs = list(read_pairs(path, report=unpaired.append))
    assert len(pairs) == 2
    assert [(u.line, u.reason) for u in unpaired] == [(2, "column 1 has no Chinese")]


def test_tab_file_without_chinese_is_rejected(tmp_path: Path) -> None:
    path = _write(tmp_path, "hello\tworld\nfoo\tbar\n")
    with pytest.raises(InputError, match="no Chinese"):
        list(read_pairs(path, fmt="tsv"))


def test_a_credit_column_goes_with_each_pair(tmp_path: Path) -> None:
    credit = (
        "CC-BY 2.0 (France) Attribution: tatoeba.org #894948 (pauldhunt) & #437275 (fucongcong)"
    )
    path = _write(
        tmp_path,
        f"谁能说将来会发生什么呢。\tWho can say what will happen in the future?\t{credit}\n"
        "我不觉得她像她妈妈。\tI don't think that she looks like her mother.\tCC-BY 2.0 #2\n",
    )
    assert [p.credit for p in read_pairs(path)] == [credit, "CC-BY 2.0 #2"]
