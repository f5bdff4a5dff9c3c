"""The tones as said: 不 and 一 before other tones, and third-tone sandhi."""

from __future__ import annotations

import pytest

from tutor.lang.sandhi import spoken_pinyin


@pytest.mark.parametrize(
    ("hanzi", "pinyin", "said"),
    [
        ("你好", "nǐ hǎo", "ní hǎo"),
        ("展览馆", "zhǎn lǎn guǎn", "zhán lán guǎn"),
        ("不是", "bù shì", "bú shì"),
        ("一定", "yī dìng", "yí dìng"),
        ("一起", "yī qǐ", "yì qǐ"),
        ("一带一路", "yī dài yī lù", "yí dài yí lù"),
        ("不好", "bù hǎo", None),  # 不 changes only before a fourth tone
        ("第一", "dì yī", None),  # an ordinal keeps yī
        ("统一", "tǒng yī", None),  # at the end of a word too
        ("中国", "Zhōng guó", None),
    ],
)
def test_spoken_tones_differ_only_where_speech_changes_them(
    hanzi: str, pinyin: str, said: str | None
) -> None:
    assert spoken_pinyin(hanzi, pinyin) == said
