"""Language resources for ``tutor``: CC-CEDICT, jieba segmentation, pinyin, English lemmas,
HSK levels and word frequency.

Everything here is loaded lazily and cached per process (and on disk, in the user cache
dir), so importing ``tutor.lang`` is cheap; the first ``load_cedict()`` or ``segment()``
call pays the load.
"""

from __future__ import annotations

import sys
from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

# name -> submodule; each submodule is imported on first use (PEP 562), so that importing
# one light part (pinyin for a quiz) does not pull in jieba and simplemma.
_HOMES = {
    "Cedict": "cedict",
    "CedictEntry": "cedict",
    "FEATURE_WORDS": "names",
    "STOPWORDS": "english",
    "SenseKind": "cedict",
    "chinese_ratio": "script",
    "content_lemmas": "english",
    "has_chinese": "script",
    "has_latin": "script",
    "hsk_label": "levels",
    "hsk_level": "levels",
    "is_hanzi": "script",
    "is_number": "english",
    "lemma": "english",
    "lemmas": "english",
    "load_cedict": "cedict",
    "marks_to_numbered": "pinyin",
    "name_forms": "names",
    "numbered_to_marks": "pinyin",
    "pinyin_for": "pinyin",
    "pinyin_to_name": "names",
    "segment": "segment",
    "segment_words": "segment",
    "sense_kind": "cedict",
    "split_feature": "names",
    "split_syllables": "pinyin",
    "strip_tones": "pinyin",
    "syllables": "pinyin",
    "to_simplified": "script",
    "to_traditional": "script",
    "tokenize": "english",
    "tokenizer": "segment",
    "tones": "pinyin",
    "zipf_frequency": "levels",
}


class _Package(ModuleType):
    """Keeps exported functions over same-named submodules (``segment``): importing
    ``tutor.lang.segment`` binds the submodule on the package, as eager imports never let it."""

    def __setattr__(self, name: str, value: Any) -> None:
        if isinstance(value, ModuleType) and name in _HOMES:
            return  # the submodule stays reachable through sys.modules
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


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
