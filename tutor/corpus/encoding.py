"""Which encoding a learner's text file is in, decided once from its first bytes.

In order: an encoding the learner forced (``--encoding``); a byte-order mark (UTF-8, UTF-16);
UTF-16 without a mark, by its pattern of NUL bytes; strict UTF-8; then charset-normalizer,
limited to the encodings Chinese text comes in besides UTF-8 (GB18030, which covers GBK and
GB2312, Big5, UTF-16), accepted only when it is confident and the text it decodes to is
hanzi, Latin and punctuation. A blind fallback would be worse than an error: Big5 bytes decode
as GB18030 without complaint, into nonsense. A file none of these fits gets one line saying
what it looks like and how to convert it.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from tutor.corpus.options import current
from tutor.errors import InputError

__all__ = ["SNIFF", "Decoding", "decoding_for", "forced"]

SNIFF = 1 << 16  # bytes looked at
CANDIDATES = ["gb18030", "big5", "utf_16"]
MAX_CHAOS = 0.1  # charset-normalizer's mess ratio a decoding may have
MIN_TEXT_SHARE = 0.97  # of the decoded characters: hanzi, Latin, digits, punctuation, spaces
_LABELS = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8", "gb18030": "GB18030", "big5": "Big5"}


@dataclass(frozen=True, slots=True)
class Decoding:
    codec: str  # a Python codec name
    skip: int = 0  # bytes of byte-order mark to skip

    @property
    def label(self) -> str:
        name = codecs.lookup(self.codec).name
        return _LABELS.get(name, name.upper().replace("_", "-"))

    @property
    def is_utf8(self) -> bool:
        return codecs.lookup(self.codec).name in ("utf-8", "utf-8-sig")


def forced() -> str | None:
    """The encoding the learner named for this command (``--encoding``), if any."""
    return current().encoding


def decoding_for(path: Path, start: bytes) -> Decoding:
    """How to decode the file ``path`` that begins with ``start``."""
    named = forced()
    if named is not None:
        try:
            codecs.lookup(named)
        except LookupError:
            raise InputError(f"unknown encoding {named!r} (--encoding)", path=path) from None
        return Decoding(named, _bom_length(start, named))
    marked = _by_mark(start)
    if marked is not None:
        return marked
    if b"\x00" in start:
        line = start[: start.index(b"\x00")].count(b"\n") + 1
        raise InputError("binary file (NUL byte), not text", path=path, line=line)
    if _valid_utf8(start) or _utf8_gone_wrong(start):
        return Decoding("utf-8")  # the read names the line of the first bad byte
    return _detected(path, start)


def _utf8_gone_wrong(start: bytes) -> bool:
    """UTF-8 hanzi before the first byte that is not UTF-8: a UTF-8 file with a bad stretch
    (pasted from elsewhere), not a file in another encoding, whose lead bytes seldom make
    two valid three-byte UTF-8 characters in a row."""
    try:
        start.decode("utf-8")
    except UnicodeDecodeError as err:
        prefix = start[: err.start].decode("utf-8")
        return sum(1 for ch in prefix if 0x4E00 <= ord(ch) <= 0x9FFF) >= 2
    return False


def _by_mark(start: bytes) -> Decoding | None:
    if start.startswith(codecs.BOM_UTF8):
        return Decoding("utf-8", 3)
    if start.startswith(codecs.BOM_UTF16_LE):
        return Decoding("utf-16-le", 2)
    if start.startswith(codecs.BOM_UTF16_BE):
        return Decoding("utf-16-be", 2)
    sample = start[:4096]
    pairs = len(sample) // 2
    if pairs >= 2:
        even = sum(1 for i in range(0, 2 * pairs, 2) if sample[i] == 0)
        odd = sum(1 for i in range(1, 2 * pairs, 2) if sample[i] == 0)
        # ASCII and CJK punctuation in UTF-16: one byte of most code units is zero
        if odd > 0.3 * pairs and even < 0.05 * pairs:
            return Decoding("utf-16-le")
        if even > 0.3 * pairs and odd < 0.05 * pairs:
            return Decoding("utf-16-be")
    return None


def _bom_length(start: bytes, codec: str) -> int:
    name = codecs.lookup(codec).name
    for bom, names in (
        (codecs.BOM_UTF8, ("utf-8", "utf-8-sig")),
        (codecs.BOM_UTF16_LE, ("utf-16", "utf-16-le")),
        (codecs.BOM_UTF16_BE, ("utf-16", "utf-16-be")),
    ):
        if name in names and start.startswith(bom):
            return 0 if name == "utf-16" else len(bom)  # Python's utf-16 reads its own mark
    return 0


def _valid_utf8(start: bytes) -> bool:
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    try:
        decoder.decode(start, final=len(start) < SNIFF)  # a cut-off character at the end is fine
    except UnicodeDecodeError:
        return False
    return True


def _text_share(text: str) -> float:
    def ok(ch: str) -> bool:
        code = ord(ch)
        return (
            ch.isascii()
            or 0x4E00 <= code <= 0x9FFF  # CJK unified ideographs
            or 0x3400 <= code <= 0x4DBF  # extension A
            or 0x3000 <= code <= 0x303F  # CJK punctuation
            or 0xFF00 <= code <= 0xFFEF  # full-width forms
            or 0x2000 <= code <= 0x206F  # general punctuation (curly quotes, dashes)
            or ch in "·•…"
        )

    return sum(map(ok, text)) / len(text) if text else 0.0


def _detected(path: Path, start: bytes) -> Decoding:
    from charset_normalizer import from_bytes

    best = from_bytes(start, cp_isolation=CANDIDATES).best()
    if best is not None and best.chaos <= MAX_CHAOS:
        text = str(best)
        if _text_share(text) >= MIN_TEXT_SHARE:
            return Decoding(best.encoding)
    guess = f" (it looks most like {best.encoding}, but not clearly)" if best else ""
    raise InputError(
        "not UTF-8, and not clearly GB18030, Big5 or UTF-16" + guess + "; convert it "
        "(iconv -f GB18030 -t UTF-8 FILE > NEW) or name it with --encoding",
        path=path,
    )
