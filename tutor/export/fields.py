"""Turning an ``Entry`` into the HTML of one Anki note's fields.

Every piece of entry text is HTML-escaped here, once, because mined text can hold ``<``, ``&``
and quotes (a translation quoting a slogan, "R&D") and Anki renders fields as HTML. Only ``&``,
``<`` and ``>`` need escaping: field text always lands in element content, never in an
attribute, where quotes are plain characters; Anki's own editor stores them unescaped too, so
"Xiong'an" stays searchable in Anki's browser. The only markup in a field is what this module
adds: the highlighted word in the sentence and the tone-coloured pinyin spans, whose class
names the card CSS (``style``) styles. Anki's own syntax in mined text is broken up so it stays
text: ``[sound:x.mp3]`` would play a file and ``{{`` open a template tag.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from tutor.lang.cedict_entry import readable
from tutor.lang.pinyin import syllables, tones
from tutor.model import MEASURE_WORD, Entry, Example, split_measure_words

__all__ = [
    "MEASURE_WORD",
    "blank",
    "classifiers",
    "colored_pinyin",
    "examples_html",
    "frequency_label",
    "highlight",
    "hsk_label",
    "main_example",
    "more_examples",
    "note_fields",
    "sound",
]


_VOWELS = frozenset("aeiouü")
_MEDIA_NAME = re.compile(r"tutor-[0-9a-f]{8,64}\.(?:wav|mp3)")


MAX_EXAMPLES = 3  # in the Examples field, besides the card's own sentence


def _esc(text: str) -> str:
    # html.escape(text, quote=False), inlined: a 10k-note export calls this 136k times, most
    # often on text with nothing to escape, which five ``in`` tests find faster than replacing
    if "&" not in text and "<" not in text and ">" not in text and "[" not in text:
        return text if "{" not in text else text.replace("{{", "{&#123;")
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    # entities, so the card shows the characters but Anki never reads them as its syntax
    return escaped.replace("[sound:", "[sound&#58;").replace("{{", "{&#123;")


def _word_in(sentence: str, entry: Entry) -> str:
    """The form of the word the sentence uses: a traditional-script text has the traditional."""
    if entry.hanzi and entry.hanzi not in sentence and entry.traditional in sentence:
        return entry.traditional
    return entry.hanzi


def highlight(sentence: str, word: str) -> str:
    """Escape ``sentence`` and wrap every occurrence of ``word`` in ``<b class="hl">``.

    Splitting before escaping keeps the match on the raw text, so a word can never match
    inside an entity such as ``&amp;``.
    """
    if not word or word not in sentence:
        return _esc(sentence)
    marked = f'<b class="hl">{_esc(word)}</b>'
    return marked.join(_esc(part) for part in sentence.split(word))


def blank(sentence: str, word: str) -> str:
    """Escape ``sentence`` with every ``word`` replaced by a gap: the Recall card's context.

    The gap hides the word's length too (``［…］``), so it cannot be guessed by counting.
    Empty when the word is not in the sentence: a context that does not test anything.
    """
    if not word or word not in sentence:
        return ""
    return '<span class="gap">［…］</span>'.join(_esc(part) for part in sentence.split(word))


def colored_pinyin(pinyin: str) -> str:
    """Tone-marked pinyin as HTML, each syllable in ``<span class="toneN">`` (N = 1..5).

    Spacing, apostrophes, digits and anything that is not a syllable are kept (escaped)
    between the spans, so the coloured text reads exactly like the plain ``Pinyin`` field.
    """
    return " ".join(_colored_token(token) for token in pinyin.split())


@lru_cache(maxsize=16384)
def _colored_token(token: str) -> str:
    """One space-separated piece of pinyin, coloured; cached, as a deck's notes share their
    syllables (splitting them was half of an export's time)."""
    out: list[str] = []
    pos = 0
    for syl, tone in zip(syllables(token), tones(token), strict=True):
        start = token.find(syl, pos)
        if start < 0:  # the splitter normalised the text; colour nothing rather than guess
            break
        out.append(_esc(token[pos:start]))
        if tone == 5 and (syl.isupper() or not _VOWELS.intersection(syl.lower())):
            out.append(_esc(syl))  # a Latin letter or acronym ("A", "5G"), not a syllable
        else:
            out.append(f'<span class="tone{tone}">{_esc(syl)}</span>')
        pos = start + len(syl)
    out.append(_esc(token[pos:]))
    return "".join(out)


def main_example(entry: Entry) -> Example | None:
    """The example shown on the card: the first one whose Chinese contains the word (in
    either script)."""
    for example in entry.examples:
        if entry.hanzi and _word_in(example.zh, entry) in example.zh:
            return example
    return entry.examples[0] if entry.examples else None


def more_examples(entry: Entry) -> list[Example]:
    """Up to ``MAX_EXAMPLES`` other sentences with the word, distinct, shortest first."""
    if len(entry.examples) < 2:  # none, or only the one the card shows
        return []
    shown = main_example(entry)
    seen = {shown.zh} if shown else set()
    out = []
    for ex in sorted(entry.examples, key=lambda e: len(e.zh)):
        if ex.zh not in seen and _word_in(ex.zh, entry) in ex.zh:
            seen.add(ex.zh)
            out.append(ex)
    return out[:MAX_EXAMPLES]


def examples_html(entry: Entry) -> str:
    """The other example pairs, the word highlighted in each (the "More examples" block)."""
    return "".join(
        '<div class="example">'
        f'<div class="zh" lang="zh">{highlight(ex.zh, _word_in(ex.zh, entry))}</div>'
        f'<div class="en">{_esc(ex.en)}</div>'
        "</div>"
        for ex in more_examples(entry)
    )


def classifiers(senses: Sequence[str]) -> str:
    """The measure words of the senses ("条 (tiáo), 座 (zuò)"), escaped; empty when none."""
    return "; ".join(_esc(s) for s in split_measure_words(senses)[1])


def _senses_and_classifiers(senses: Sequence[str]) -> tuple[str, str]:
    """The Senses field (the senses but the measure words, which the Classifier field shows)
    and ``classifiers``, from one split."""
    if not any(s.startswith(MEASURE_WORD) for s in senses):  # most words: nothing to split
        return "; ".join([_esc(readable(s)) for s in senses if s]), ""
    plain, measures = split_measure_words(senses)
    return "; ".join([_esc(readable(s)) for s in plain]), "; ".join([_esc(s) for s in measures])


@lru_cache(maxsize=256)
def _source(deck_name: str, credit: str) -> str:
    """The Source field: the deck's name, and the example's credit if it has one."""
    return _esc(f"{deck_name} · {credit}" if credit else deck_name)


def frequency_label(zipf: float) -> str:
    """Zipf frequency to one decimal (7 is "the", 3 a word met once in a million); empty when
    unknown (wordfreq gives 0 for a word it has never seen)."""
    return f"{zipf:.1f}" if zipf > 0 else ""


def sound(name: str) -> str:
    """The ``[sound:...]`` tag of a media file tutor named (``tutor-<hash>.wav``); anything
    else is refused, as a name is never user text."""
    if not name:
        return ""
    if _MEDIA_NAME.fullmatch(name) is None:
        raise ValueError(f"not a tutor media file name: {name!r}")
    return f"[sound:{name}]"


def hsk_label(level: int | None) -> str:
    """HSK 3.0's level as learners name it: 1 to 6, and the one band "7–9" above them."""
    if level is None:
        return ""
    return "7–9" if level >= 7 else str(level)


def note_fields(entry: Entry, deck_name: str, audio: str = "") -> list[str]:
    """The note's field values, in ``style.FIELDS`` order, ready for Anki (escaped HTML);
    ``audio`` names the word's media file in the package, if it has one."""
    example = main_example(entry)
    word = _word_in(example.zh, entry) if example else entry.hanzi
    senses, measures = _senses_and_classifiers(entry.senses)
    return [
        _esc(entry.hanzi),
        _esc(entry.traditional) if entry.traditional != entry.hanzi else "",
        _esc(entry.pinyin),
        _esc(entry.english),
        senses,
        highlight(example.zh, word) if example else "",
        _esc(example.en) if example else "",
        _source(deck_name, example.credit if example else ""),
        colored_pinyin(entry.pinyin),
        blank(example.zh, word) if example else "",
        examples_html(entry),
        hsk_label(entry.hsk_level),
        _esc(entry.kind),
        sound(audio),
        _esc(frequency_label(entry.frequency)),
        measures,
    ]
