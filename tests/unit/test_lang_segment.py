"""jieba segmentation with CC-CEDICT words in its dictionary."""

from __future__ import annotations

import jieba

from tutor.lang.segment import segment, segment_words, tokenizer

TEXTS = [
    "北京市坚持以习近平新时代中国特色社会主义思想为指导，推进京津冀协同发展。",
    "整治背街小巷2282条，拆除违法建设2315万平方米！",
    "  Hello 世界\n第二行\r\n第三行\t结束 ",
    "GDP增长5.2%，雄安新区建设取得新进展。",
    "",
]


def test_segment_keeps_every_character() -> None:
    for text in TEXTS:
        assert "".join(segment(text)) == text


def test_cedict_words_jieba_lacks_stay_whole() -> None:
    # 雄安新区 is a CC-CEDICT headword that jieba's own dictionary cuts in two
    plain = jieba.Tokenizer()
    plain.tmp_dir = str(tokenizer().tmp_dir)
    assert list(plain.cut("雄安新区建设"))[:2] == ["雄安", "新区"]
    assert segment("雄安新区建设") == ["雄安新区", "建设"]
    assert "京津冀" in segment("推进京津冀协同发展")


def test_names_are_joined() -> None:
    assert "殷勇" in segment("殷勇代表市政府作报告")


def test_segment_words_drops_whitespace() -> None:
    assert segment_words("我 爱\n北京") == ["我", "爱", "北京"]


def test_private_tokenizer_is_shared_and_initialised() -> None:
    tok = tokenizer()
    assert tok is tokenizer()
    assert tok is not jieba.dt
    assert tok.initialized
    assert "協同" in tok.FREQ or "协同" in tok.FREQ
