"""The note type: field names, the two card templates and the card CSS.

The field list is part of the export contract and of Anki's note-type *schema*: Anki's default
import options update notes from a re-export only while the field names and template names
stay exactly the same (see ``ids``). The list only ever grows at its end (``FIELDS_BEFORE``
is each earlier list): the import of the first export with a longer list needs "Merge note
types" and "Update notes: Always" once, and ``tutor export`` says so (``tutor.export.schema``).

Tone colours follow the Pleco / Anki "Chinese Support" convention (1 red, 2 green, 3 blue,
4 purple, neutral grey), darkened for white cards and lightened for Anki's night mode so each
reaches WCAG AA contrast (>= 4.5:1) on its background:

    tone   day (on #ffffff)      night (on #2c2c2c)
    1      #d0021b  5.7:1        #ff6b6b  5.0:1
    2      #1a7f37  5.1:1        #5fd17a  7.2:1
    3      #1f4fd8  6.6:1        #74a7ff  5.8:1
    4      #8b2fc9  6.3:1        #d59bff  6.6:1
    5      #6e6e6e  5.1:1        #a8a8a8  5.9:1

Colours are CSS variables set on ``:root`` and overridden by ``.nightMode`` / ``.night_mode`` /
``.night-mode`` (the classes Anki Desktop and AnkiDroid put on the card's body or page in night
mode), so one rule per tone serves both modes.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Final

__all__ = [
    "CSS",
    "FIELDS",
    "FIELDS_BEFORE",
    "FIELDS_CHANGED",
    "RECALL",
    "RECOGNITION",
    "STYLE_CHANGED",
    "STYLE_DIGEST",
    "TEMPLATES",
]

#: When the templates or the CSS last changed: the note type's modification time in every
#: export, so Anki keeps the learner's own edits to them until tutor changes them. Move it to
#: the time of the change (later than every earlier export) with any change to either.
STYLE_CHANGED: Final = datetime(2026, 12, 2, 10, 15, tzinfo=UTC)
#: The start of SHA-256 of the CSS and templates that STYLE_CHANGED dates (a test holds the two
#: together: a change to the style with no new date fails it).
STYLE_DIGEST: Final = "6cfd3f34e6cb0d4a"
#: When the way fields are written from a note (``fields.note_fields``) last changed: no note
#: is dated earlier, so such a change reaches every note. Move it with any such change.
FIELDS_CHANGED: Final = datetime(2026, 12, 2, 10, 15, tzinfo=UTC)

#: The field lists of earlier releases, oldest first: each is the start of the next one and
#: of ``FIELDS`` (a test holds them to that), so fields are only ever appended.
FIELDS_BEFORE: Final[tuple[tuple[str, ...], ...]] = (
    (
        "Hanzi",
        "Traditional",
        "Pinyin",
        "English",
        "Senses",
        "Sentence",
        "Translation",
        "Source",
        "PinyinColored",
        "SentenceCloze",
        "Examples",
        "HSK",
        "Kind",
    ),
)

#: Note fields in order. The first eight are the export contract; the rest are extras. Audio
#: is ``[sound:...]`` of the word with ``--audio`` and empty without; Frequency is the word's
#: Zipf frequency (one decimal); Classifier the dictionary's measure words with their reading.
FIELDS: Final[tuple[str, ...]] = (*FIELDS_BEFORE[-1], "Audio", "Frequency", "Classifier")

RECOGNITION: Final = "Recognition"
RECALL: Final = "Recall"

# Pinyin with tone colours when we could split it into syllables, the plain field otherwise.
_PINYIN = (
    '<div class="pinyin">{{#PinyinColored}}{{PinyinColored}}{{/PinyinColored}}'
    "{{^PinyinColored}}{{Pinyin}}{{/PinyinColored}}</div>"
)
_CONTEXT = (
    '{{#Sentence}}<div class="sentence" lang="zh-Hans">{{Sentence}}</div>{{/Sentence}}\n'
    '{{#Translation}}<div class="translation">{{Translation}}</div>{{/Translation}}'
)
_FOOTER = (
    '<div class="source">{{Source}}{{#HSK}} · HSK {{HSK}}{{/HSK}}'
    "{{#Kind}} · {{Kind}}{{/Kind}}</div>"
)
_SENSES = (
    '{{#Senses}}<div class="senses">{{Senses}}</div>{{/Senses}}\n'
    '{{#Classifier}}<div class="senses classifier">measure word {{Classifier}}</div>'
    "{{/Classifier}}"
)
_TRADITIONAL = (
    '{{#Traditional}}<div class="traditional" lang="zh-Hant">{{Traditional}}</div>{{/Traditional}}'
)

TEMPLATES: Final[tuple[dict[str, str], ...]] = (
    {
        "name": RECOGNITION,
        "qfmt": '<div class="hanzi" lang="zh-Hans">{{Hanzi}}</div>',
        "afmt": "\n".join(
            [
                "{{FrontSide}}",
                '<hr id="answer">',
                _PINYIN,
                "{{Audio}}",
                _TRADITIONAL,
                '<div class="english">{{English}}</div>',
                _SENSES,
                _CONTEXT,
                '{{#Examples}}<details class="examples"><summary>More examples</summary>'
                "{{Examples}}</details>{{/Examples}}",
                _FOOTER,
            ]
        ),
    },
    {
        "name": RECALL,
        # All inside {{#English}}: a note without English gets no Recall card at all.
        "qfmt": "{{#English}}"
        '<div class="english prompt">{{English}}</div>\n<div class="ask">汉字？</div>\n'
        '{{#SentenceCloze}}<div class="sentence" lang="zh-Hans">{{SentenceCloze}}</div>'
        "{{/SentenceCloze}}{{/English}}",
        "afmt": "\n".join(
            [
                '<div class="english prompt">{{English}}</div>',
                '<hr id="answer">',
                '<div class="hanzi" lang="zh-Hans">{{Hanzi}}</div>',
                _PINYIN,
                "{{Audio}}",
                _TRADITIONAL,
                _SENSES,
                _CONTEXT,
                _FOOTER,
            ]
        ),
    },
)

_CJK_FONTS = (
    '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", '
    '"Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans SC", sans-serif'
)
_CJK_TC_FONTS = (
    '"Noto Sans CJK TC", "Source Han Sans TC", "PingFang TC", "Microsoft JhengHei", '
    '"Noto Sans TC", sans-serif'
)

CSS: Final = f"""\
:root {{
  --tutor-fg: #1d1d1f; --tutor-bg: #ffffff; --tutor-muted: #5f6368; --tutor-hl: #b35900;
  --tone1: #d0021b; --tone2: #1a7f37; --tone3: #1f4fd8; --tone4: #8b2fc9; --tone5: #6e6e6e;
}}
.nightMode, .night_mode, .night-mode {{
  --tutor-fg: #e6e6e6; --tutor-bg: #2c2c2c; --tutor-muted: #b0b0b0; --tutor-hl: #ffb347;
  --tone1: #ff6b6b; --tone2: #5fd17a; --tone3: #74a7ff; --tone4: #d59bff; --tone5: #a8a8a8;
}}
.card {{
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, {_CJK_FONTS};
  font-size: 20px; line-height: 1.5; text-align: center;
  color: var(--tutor-fg); background-color: var(--tutor-bg);
}}
[lang="zh-Hans"] {{ font-family: {_CJK_FONTS}; }}
[lang="zh-Hant"] {{ font-family: {_CJK_TC_FONTS}; }}
.hanzi {{ font-size: 64px; line-height: 1.25; }}
.traditional {{ font-size: 28px; color: var(--tutor-muted); }}
.pinyin {{ font-size: 28px; margin: 0.2em 0; }}
.english {{ font-size: 24px; }}
.english.prompt {{ font-size: 30px; }}
.ask {{ font-size: 22px; color: var(--tutor-muted); }}
.senses, .source {{ font-size: 16px; color: var(--tutor-muted); }}
.sentence {{ font-size: 24px; margin-top: 1em; text-align: left; }}
.translation {{ font-size: 18px; text-align: left; }}
.examples {{ font-size: 16px; text-align: left; margin-top: 1em; }}
.examples .example {{ margin: 0.5em 0; }}
.examples .zh {{ font-size: 20px; }}
.source {{ margin-top: 1.5em; }}
.hl {{ color: var(--tutor-hl); font-weight: bold; }}
.gap {{ color: var(--tutor-hl); }}
.tone1 {{ color: var(--tone1); }}
.tone2 {{ color: var(--tone2); }}
.tone3 {{ color: var(--tone3); }}
.tone4 {{ color: var(--tone4); }}
.tone5 {{ color: var(--tone5); }}
"""
