"""Language resources for ``tutor``: CC-CEDICT, jieba segmentation, pinyin, English lemmas,
HSK levels and word frequency.

Everything here is loaded lazily and cached per process (and on disk, in the user cache
dir), so importing ``tutor.lang`` is cheap; the first ``load_cedict()`` or ``segment()``
call pays the load.
"""

from __future__ import annotations

from tutor.lang.cedict import Cedict, CedictEntry, SenseKind, load_cedict, sense_kind
from tutor.lang.english import STOPWORDS, content_lemmas, is_number, lemma, lemmas, tokenize
from tutor.lang.levels import hsk_label, hsk_level, zipf_frequency
from tutor.lang.names import FEATURE_WORDS, name_forms, pinyin_to_name, split_feature
from tutor.lang.pinyin import (
    marks_to_numbered,
    numbered_to_marks,
    pinyin_for,
    split_syllables,
    strip_tones,
    syllables,
    tones,
)
from tutor.lang.script import (
    chinese_ratio,
    has_chinese,
    has_latin,
    is_hanzi,
    to_simplified,
    to_traditional,
)
from tutor.lang.segment import segment, segment_words, tokenizer

__all__ = [
    "FEATURE_WORDS",
    "STOPWORDS",
    "Cedict",
    "CedictEntry",
    "SenseKind",
    "chinese_ratio",
    "content_lemmas",
    "has_chinese",
    "has_latin",
    "hsk_label",
    "hsk_level",
    "is_hanzi",
    "is_number",
    "lemma",
    "lemmas",
    "load_cedict",
    "marks_to_numbered",
    "name_forms",
    "numbered_to_marks",
    "pinyin_for",
    "pinyin_to_name",
    "segment",
    "segment_words",
    "sense_kind",
    "split_feature",
    "split_syllables",
    "strip_tones",
    "syllables",
    "to_simplified",
    "to_traditional",
    "tokenize",
    "tokenizer",
    "tones",
    "zipf_frequency",
]
