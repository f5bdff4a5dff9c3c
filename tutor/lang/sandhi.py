"""The tones as a word is said, where they differ from the dictionary's: 不 and 一 change
before certain tones, and a third tone before another third tone rises.

- 不 (bù) before a fourth tone is said bú: 不是 bú shì.
- 一 (yī) before a fourth tone is said yí (一定 yí dìng), before a first, second or third tone
  yì (一起 yì qǐ); at the end of a word, or after 第 (an ordinal), it stays yī.
- A run of third tones: all but the last are said as second tones (你好 ní hǎo; 展览馆
  zhán lán guǎn, the common reading of a run within one word).

These are the changes eSpeak NG's Mandarin voice applies too, so the line shown matches the
audio.
"""

from __future__ import annotations

from tutor.lang.pinyin import marks_to_numbered, numbered_to_marks, syllables, tones

__all__ = ["spoken_pinyin", "spoken_tones"]


def spoken_tones(hanzi: str, pinyin: str) -> list[int]:
    """The tone of each syllable as said (1-5); the dictionary's where nothing changes."""
    said = tones(pinyin)
    chars = [ch for ch in hanzi if not ch.isspace()]
    aligned = len(chars) == len(said)
    for i in range(len(said) - 1):
        after = said[i + 1]
        char = chars[i] if aligned else ""
        if char == "不" and said[i] == 4 and after == 4:
            said[i] = 2
        elif char == "一" and said[i] == 1 and (i == 0 or chars[i - 1] != "第"):
            said[i] = 2 if after == 4 else 4 if after in (1, 2, 3) else 1
    i = 0
    while i < len(said):
        if said[i] != 3:
            i += 1
            continue
        end = i
        while end + 1 < len(said) and said[end + 1] == 3:
            end += 1
        for k in range(i, end):
            said[k] = 2
        i = end + 1
    return said


def spoken_pinyin(hanzi: str, pinyin: str) -> str | None:
    """``pinyin`` with the tones as said, or None when they are the dictionary's."""
    said = spoken_tones(hanzi, pinyin)
    if said == tones(pinyin):
        return None
    out = []
    for syllable, tone in zip(syllables(pinyin), said, strict=True):
        numbered = marks_to_numbered(syllable).rstrip("012345")
        out.append(numbered_to_marks(f"{numbered}{tone}") if tone != 5 else numbered)
    return " ".join(out)
