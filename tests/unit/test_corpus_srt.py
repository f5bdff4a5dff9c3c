"""Subtitle pairs aligned by time overlap, tags stripped, bilingual single files."""

from __future__ import annotations

from pathlib import Path

import pytest

from tutor.corpus import Unpaired, read_pairs
from tutor.errors import InputError

ZH = """1
00:00:01,000 --> 00:00:04,000
<i>你好，</i>{\\an8}我是<font color="#fff">小明</font>。

2
00:00:05,000 --> 00:00:09,000
今天天气很好，我们去公园吧。

3
00:00:20,000 --> 00:00:22,000
（音乐）
"""

EN = """1
00:00:01,200 --> 00:00:03,900
<b>Hello,</b> I'm Xiao Ming.

2
00:00:05,100 --> 00:00:06,900
The weather is nice today.

3
00:00:07,000 --> 00:00:09,100
Let's go to the park.

4
00:00:12,000 --> 00:00:13,000
Thank you.
"""


def _files(tmp_path: Path) -> tuple[Path, Path]:
    zh, en = tmp_path / "film.zh.srt", tmp_path / "film.en.srt"
    zh.write_text(ZH, encoding="utf-8")
    en.write_text(EN, encoding="utf-8")
    return zh, en


def test_cues_pair_by_overlap_and_one_cue_may_take_several(tmp_path: Path) -> None:
    zh, en = _files(tmp_path)
    unpaired: list[Unpaired] = []
    pairs = list(read_pairs(zh, en_path=en, report=unpaired.append))
    assert [(p.zh, p.en, p.line) for p in pairs] == [
        ("你好，我是小明。", "Hello, I'm Xiao Ming.", 2),
        ("今天天气很好，我们去公园吧。", "The weather is nice today. Let's go to the park.", 6),
    ]
    assert sorted((Path(u.path).name, u.line, u.reason) for u in unpaired) == [
        ("film.en.srt", 14, "no Chinese cue overlaps it"),
        ("film.zh.srt", 10, "no English cue overlaps it"),
    ]


def test_bilingual_single_file(tmp_path: Path) -> None:
    path = tmp_path / "both.srt"
    path.write_text(
        "1\n00:00:01,000 --> 00:00:02,000\n你好\n<i>Hello</i>\n\n"
        "2\n00:00:03.000 --> 00:00:04.000\n只有中文\n",
        encoding="utf-8",
    )
    unpaired: list[Unpaired] = []
    pairs = list(read_pairs(path, report=unpaired.append))
    assert [(p.zh, p.en) for p in pairs] == [("你好", "Hello")]
    assert [u.line for u in unpaired] == [7]


def test_malformed_timing_line(tmp_path: Path) -> None:
    zh, en = _files(tmp_path)
    en.write_text("1\n00:00:01 to 00:00:02\nHello\n", encoding="utf-8")
    with pytest.raises(InputError, match="timing") as err:
        list(read_pairs(zh, en_path=en))
    assert (err.value.path, err.value.line) == (str(en), 2)
