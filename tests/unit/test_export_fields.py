"""Field HTML for one note: escaping, the highlighted word, tone-coloured pinyin."""

from __future__ import annotations

import html

import pytest

from tutor.export.fields import (
    MEASURE_WORD,
    blank,
    colored_pinyin,
    highlight,
    main_example,
    note_fields,
    sound,
)
from tutor.export.style import FIELDS
from tutor.model import Entry, Example

CONTRACT = ("Hanzi", "Traditional", "Pinyin", "English", "Senses", "Sentence", "Translation")


def _entry(**kw: object) -> Entry:
    base: dict[str, object] = {
        "hanzi": "协同发展",
        "traditional": "協同發展",
        "pinyin": "xié tóng fā zhǎn",
        "english": "coordinated development",
    }
    base.update(kw)
    return Entry(**base)  # type: ignore[arg-type]


def _fields(entry: Entry, deck: str = "report") -> dict[str, str]:
    return dict(zip(FIELDS, note_fields(entry, deck), strict=True))


def test_contract_fields_come_first_in_order() -> None:
    assert FIELDS[:8] == (*CONTRACT, "Source")


def test_highlight_wraps_every_occurrence_and_escapes_the_rest() -> None:
    html = highlight("A<B>&发展，再发展", "发展")
    assert html == 'A&lt;B&gt;&amp;<b class="hl">发展</b>，再<b class="hl">发展</b>'


def test_highlight_never_matches_inside_an_entity() -> None:
    assert highlight("R&D", "amp") == "R&amp;D"


def test_highlight_without_the_word_is_just_escaped() -> None:
    assert highlight("<x>", "发展") == "&lt;x&gt;"


def test_blank_hides_every_occurrence_and_its_length() -> None:
    gap = '<span class="gap">［…］</span>'
    assert blank("A&B发展，再发展", "发展") == f"A&amp;B{gap}，再{gap}"
    assert blank("没有这个词", "发展") == ""


def test_colored_pinyin_gives_each_syllable_its_tone_class() -> None:
    assert colored_pinyin("nǐ hǎo ma") == (
        '<span class="tone3">nǐ</span> <span class="tone3">hǎo</span> <span class="tone5">ma</span>'
    )


def test_colored_pinyin_colours_a_repeated_syllable_every_time() -> None:
    # each space-separated piece is coloured once and reused: the repeats come out the same
    once = colored_pinyin("mā")
    assert colored_pinyin("mā mā mā") == " ".join([once] * 3)
    assert colored_pinyin("mā  mǎ") == f'{once} <span class="tone3">mǎ</span>'


def test_colored_pinyin_covers_all_four_tones_and_keeps_apostrophes() -> None:
    html = colored_pinyin("Xióng'ān lǜ shì")
    assert html == (
        '<span class="tone2">Xióng</span>\'<span class="tone1">ān</span> '
        '<span class="tone4">lǜ</span> <span class="tone4">shì</span>'
    )


def test_colored_pinyin_keeps_text_that_is_not_pinyin() -> None:
    assert colored_pinyin("sān <C> hào 5G A") == (
        '<span class="tone1">sān</span> &lt;C&gt; <span class="tone4">hào</span> 5G A'
    )
    assert colored_pinyin("Ā mén") == '<span class="tone1">Ā</span> <span class="tone2">mén</span>'


def test_note_fields_escape_every_text_field() -> None:
    entry = _entry(
        english='"R&D" <zone>',
        senses=("to coordinate & develop", "<b>bold</b>"),
        examples=(Example("推动<协同发展>。", 'Promote "R&D" <now>.'),),
    )
    f = _fields(entry, deck="A&B <deck>")
    assert f["English"] == '"R&amp;D" &lt;zone&gt;'
    assert f["Senses"] == "to coordinate &amp; develop; &lt;b&gt;bold&lt;/b&gt;"
    assert f["Sentence"] == '推动&lt;<b class="hl">协同发展</b>&gt;。'
    assert f["Translation"] == 'Promote "R&amp;D" &lt;now&gt;.'
    assert f["Source"] == "A&amp;B &lt;deck&gt;"
    assert f["Hanzi"] == "协同发展"
    assert f["Traditional"] == "協同發展"
    assert f["Pinyin"] == "xié tóng fā zhǎn"
    assert f["PinyinColored"].count('class="tone') == 4


def test_sentence_is_the_first_example_containing_the_word() -> None:
    entry = _entry(
        examples=(
            Example("别的句子。", "Another sentence."),
            Example("要协同发展。", "Develop together."),
        )
    )
    assert main_example(entry) == entry.examples[1]
    f = _fields(entry)
    assert f["Sentence"] == '要<b class="hl">协同发展</b>。'
    assert f["Translation"] == "Develop together."
    assert f["SentenceCloze"] == '要<span class="gap">［…］</span>。'
    assert f["Examples"] == ""  # the other sentence lacks the word; the card's is not repeated


def test_entry_without_examples_has_empty_sentence_fields() -> None:
    f = _fields(_entry(hsk_level=None))
    assert f["Sentence"] == f["Translation"] == f["SentenceCloze"] == f["Examples"] == ""
    assert f["HSK"] == ""


def test_extras_carry_hsk_level_and_kind() -> None:
    f = _fields(_entry(hsk_level=4, kind="term"))
    assert (f["HSK"], f["Kind"]) == ("4", "term")


def test_more_examples_are_distinct_shortest_first_and_three_at_most() -> None:
    sentences = ["协同发展很长很长的一句话。", "协同发展。", "要协同发展。", "协同发展。",
                 "我们协同发展吧。", "推进协同发展工作。", "没有这个词。"]  # fmt: skip
    entry = _entry(examples=tuple(Example(zh, f"en {i}") for i, zh in enumerate(sentences)))
    shown = main_example(entry)
    assert shown is not None and shown.zh == sentences[0]
    f = _fields(entry)
    blocks = f["Examples"].split('<div class="example">')[1:]
    assert len(blocks) == 3
    assert [b.count("协同发展") for b in blocks] == [1, 1, 1]
    assert "协同发展</b>。</div>" in blocks[0] and "要<b" in blocks[1]  # shortest first, once


def test_a_traditional_sentence_is_highlighted_and_gapped_through_its_own_form() -> None:
    entry = _entry(examples=(Example("推動協同發展。", "Push coordinated development."),))
    f = _fields(entry)
    assert f["Sentence"] == '推動<b class="hl">協同發展</b>。'
    assert f["SentenceCloze"] == '推動<span class="gap">［…］</span>。'


def test_the_traditional_field_is_empty_when_it_is_the_same_as_the_hanzi() -> None:
    assert _fields(_entry(hanzi="你好", traditional="你好"))["Traditional"] == ""
    assert _fields(_entry())["Traditional"] == "協同發展"


def test_anki_syntax_in_mined_text_stays_text() -> None:
    entry = _entry(english="say [sound:x.mp3] {{Hanzi}}")
    english = _fields(entry)["English"]
    assert "[sound:" not in english and "{{" not in english
    assert html.unescape(english) == "say [sound:x.mp3] {{Hanzi}}"  # what the card shows


def test_hsk_band_seven_to_nine_is_named_as_learners_know_it() -> None:
    assert _fields(_entry(hsk_level=7))["HSK"] == "7–9"
    assert _fields(_entry(hsk_level=3))["HSK"] == "3"


def test_dictionary_cross_references_read_as_words_and_tone_marks() -> None:
    entry = _entry(senses=("see 高速公路[gao1 su4 gong1 lu4]", "variant of 著|着[zhe5]"))
    assert _fields(entry)["Senses"] == "see 高速公路 (gāo sù gōng lù); variant of 着 (zhe)"


def test_the_source_field_carries_the_sentences_credit() -> None:
    entry = _entry(examples=(Example("要协同发展。", "Develop together.", "CC-BY 2.0 #7"),))
    assert _fields(entry, "tatoeba")["Source"] == "tatoeba · CC-BY 2.0 #7"
    assert _fields(_entry(), "report")["Source"] == "report"


def test_the_measure_words_leave_senses_for_their_own_field() -> None:
    entry = _entry(senses=("road", "path", "measure word 条 (tiáo), 段 (duàn)"))
    f = _fields(entry)
    assert f["Senses"] == "road; path"
    assert f["Classifier"] == "条 (tiáo), 段 (duàn)"
    assert _fields(_entry(senses=("road",)))["Classifier"] == ""


def test_mining_writes_the_measure_words_the_way_the_field_reads_them() -> None:
    """The Classifier field finds the sense mining writes (``rank._senses``): 桥 has CL:座."""
    from tutor.mining.rank import _senses

    senses = _senses("桥", "qiáo")
    assert senses[-1].startswith(MEASURE_WORD) and "座 (zuò)" in senses[-1]
    f = _fields(_entry(hanzi="桥", senses=senses))
    assert "座 (zuò)" in f["Classifier"] and MEASURE_WORD not in f["Senses"]


def test_frequency_has_one_decimal_and_is_empty_when_unknown() -> None:
    assert _fields(_entry(frequency=4.2561))["Frequency"] == "4.3"
    assert _fields(_entry(frequency=0.0))["Frequency"] == ""


def test_anki_syntax_in_the_new_fields_stays_text() -> None:
    entry = _entry(senses=("measure word [sound:x.mp3] {{c1::个}} <i>",))
    assert _fields(entry)["Classifier"] == "[sound&#58;x.mp3] {&#123;c1::个}} &lt;i&gt;"


def test_audio_is_a_sound_tag_of_a_tutor_media_file_or_nothing() -> None:
    name = "tutor-0123456789abcdef01234567.wav"
    assert note_fields(_entry(), "report", name)[FIELDS.index("Audio")] == f"[sound:{name}]"
    assert _fields(_entry())["Audio"] == ""
    for bad in ("x.wav", "tutor-abc].wav", "tutor-0123456789abcdef.wav]<b>", "../tutor-0a.wav"):
        with pytest.raises(ValueError):
            sound(bad)
