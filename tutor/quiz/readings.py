"""Which readings count as right when a learner types the pinyin of a word.

A word's own reading always counts. So do the other readings the dictionary gives for the
same headword (行 *xíng* / *háng*), and the tone changes of 一 and 不 that every speaker
makes and many textbooks print (一样 *yíyàng*, 不是 *búshì*), since a learner who types
what they hear should not be marked down. Third-tone sandhi is not added: dictionaries and
textbooks alike spell it with the citation tones, and that is what learners type.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from tutor.lang.pinyin import numbered_to_marks, strip_tones, syllables, tones
from tutor.model import Entry

if TYPE_CHECKING:
    from tutor.lang.cedict import Cedict

__all__ = ["accepted_readings", "dictionary_readings", "sandhi_variant"]


def dictionary_readings(hanzi: str, cedict: Cedict) -> list[str]:
    """Every reading CC-CEDICT gives the headword (simplified or traditional), in its order."""
    out: list[str] = []
    for e in cedict.lookup(hanzi):
        if e.pinyin and e.pinyin not in out:
            out.append(e.pinyin)
    return out


def sandhi_variant(hanzi: str, reading: str) -> str | None:
    """The reading with 一 and 不 changed as spoken, or None when nothing changes.

    一 (yī) becomes yí before a fourth tone and yì before the others; 不 (bù) becomes bú
    before a fourth tone. Only applied when the reading has one syllable per character, so
    each character's syllable is known.
    """
    sylls = syllables(reading)
    if len(sylls) != len(hanzi) or len(sylls) < 2:
        return None
    tone_of = tones(reading)
    changed = list(sylls)
    for i, ch in enumerate(hanzi[:-1]):
        bare = strip_tones(sylls[i]).lower()
        following = tone_of[i + 1]
        if ch == "一" and bare == "yi" and tone_of[i] == 1 and following != 5:
            changed[i] = numbered_to_marks("yi2" if following == 4 else "yi4")
        elif ch == "不" and bare == "bu" and tone_of[i] == 4 and following == 4:
            changed[i] = numbered_to_marks("bu2")
    return " ".join(changed) if changed != sylls else None


def accepted_readings(entry: Entry, dictionary: Sequence[str] = ()) -> tuple[str, ...]:
    """The entry's reading, then the dictionary's other readings, then 一/不 sandhi forms.

    All in tone marks (numbered dictionary spellings are converted) and without repeats.
    """
    marked = (numbered_to_marks(r.strip()) for r in (entry.pinyin, *dictionary) if r.strip())
    base = list(dict.fromkeys(marked))
    out = list(base)
    for reading in base:
        variant = sandhi_variant(entry.hanzi, reading)
        if variant and variant not in out:
            out.append(variant)
    return tuple(out)
