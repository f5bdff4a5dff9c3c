"""Field HTML for one note: escaping, the highlighted word, tone-coloured pinyin."""

from __future__ import annotations

from tutor.export.fields import blank, colored_pinyin, highlight, main_example, note_fields
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
    assert f["Examples"].count('class="example"') == 2


def test_entry_without_examples_has_empty_sentence_fields() -> None:
    f = _fields(_entry(hsk_level=None))
    assert f["Sentence"] == f["Translation"] == f["SentenceCloze"] == f["Examples"] == ""
    assert f["HSK"] == ""


def test_extras_carry_hsk_level_and_kind() -> None:
    f = _fields(_entry(hsk_level=4, kind="term"))
    assert (f["HSK"], f["Kind"]) == ("4", "term")
