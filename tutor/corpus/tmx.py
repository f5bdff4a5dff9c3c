"""TMX translation memories, parsed safely and as a stream.

The parser is the standard library's expat with every route to entity expansion closed: a
DOCTYPE with an internal subset (where entity bombs such as "billion laughs" and external
entities live) is refused outright, entity declarations and references to entities it cannot
resolve are refused, and no external DTD or entity is ever fetched. A bare
``<!DOCTYPE tmx SYSTEM "tmx14.dtd">``, which real TMX files carry, is accepted and ignored.
The file is fed to the parser in chunks, so memory stays bounded on any size of memory.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from pathlib import Path
from xml.parsers import expat

from tutor.corpus.cleanup import clean_en, clean_zh
from tutor.corpus.encoding import SNIFF, decoding_for, forced
from tutor.corpus.meter import current_meter
from tutor.corpus.script import has_han, is_english
from tutor.corpus.textfile import open_binary
from tutor.corpus.unpaired import Report, emit
from tutor.errors import InputError
from tutor.model import SegmentPair

__all__ = ["language_side", "read_tmx"]

_CHUNK = 1 << 16
_ZH_CODES = {"zh", "zho", "chi", "cmn"}
_EN_CODES = {"en", "eng"}
# Preferred Chinese variants when a unit has several (simplified first, as the dictionary).
_ZH_PREFERENCE = ("zh-cn", "zh-hans", "zh-sg", "zh", "cmn", "cmn-hans", "zho", "chi")
# Inline elements whose text is markup from the original document, not translation text.
_NATIVE_CODE = {"bpt", "ept", "ph", "it", "ut", "sub"}


class _Refused(Exception):
    """Raised inside expat callbacks to stop on a forbidden construct."""


def language_side(code: str) -> str | None:
    """``"zh"`` for zh, zh-CN, zh-Hans, zh-TW, cmn...; ``"en"`` for en, en-US...; else ``None``."""
    primary = code.strip().lower().replace("_", "-").split("-")[0]
    if primary in _ZH_CODES:
        return "zh"
    if primary in _EN_CODES:
        return "en"
    return None


def _refuse(what: str):  # type: ignore[no-untyped-def]
    def handler(*_args: object) -> None:
        raise _Refused(what)

    return handler


class _TmxHandler:
    """Collects translation units into ``done`` as the parser reports elements."""

    def __init__(self, parser: expat.XMLParserType, path: Path, report: Report | None) -> None:
        self.parser = parser
        self.path = path
        self.report = report
        self.done: list[tuple[int, str, str]] = []
        self.root_seen = False
        self.tu_line = 0
        self.variants: dict[str, str] = {}
        self.lang: str | None = None
        self.seg: list[str] | None = None
        self.skip_depth = 0
        self.units = 0

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if not self.root_seen:
            self.root_seen = True
            if name != "tmx":
                raise _Refused(f"not a TMX file (root element <{name}>)")
        if name == "tu":
            self.tu_line = self.parser.CurrentLineNumber
            self.variants = {}
        elif name == "tuv":
            self.lang = attrs.get("xml:lang") or attrs.get("lang") or ""
        elif name == "seg":
            self.seg = []
        elif self.seg is not None and name in _NATIVE_CODE:
            self.skip_depth += 1

    def end(self, name: str) -> None:
        if name == "seg" and self.seg is not None:
            if self.lang is not None:
                self.variants.setdefault(self.lang.lower(), "".join(self.seg))
            self.seg = None
        elif self.seg is not None and name in _NATIVE_CODE:
            self.skip_depth -= 1
        elif name == "tu":
            self.units += 1
            self._finish_unit()

    def text(self, data: str) -> None:
        if self.seg is not None and self.skip_depth == 0:
            self.seg.append(data)

    def _finish_unit(self) -> None:
        zh = _pick(self.variants, "zh")
        en = _pick(self.variants, "en")
        source = str(self.path)
        if zh is None or not has_han(zh):
            emit(self.report, source, self.tu_line, en or "", "translation unit has no Chinese")
        elif en is None or not is_english(en):
            emit(self.report, source, self.tu_line, zh, "translation unit has no English")
        else:
            self.done.append((self.tu_line, clean_zh(zh.strip()), clean_en(en.strip())))


def _pick(variants: dict[str, str], side: str) -> str | None:
    matching = {code: text for code, text in variants.items() if language_side(code) == side}
    if not matching:
        return None
    for code in _ZH_PREFERENCE if side == "zh" else ():
        if code in matching:
            return matching[code]
    return next(iter(matching.values()))


def _make_parser(
    path: Path, report: Report | None, encoding: str | None = None
) -> tuple[expat.XMLParserType, _TmxHandler]:
    parser = expat.ParserCreate(encoding)
    handler = _TmxHandler(parser, path, report)
    parser.buffer_text = True

    def doctype(_name: str, _sysid: str | None, _pubid: str | None, internal: int) -> None:
        if internal:
            raise _Refused("DTD with an internal subset (possible entity expansion attack)")

    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = _refuse("entity declaration")
    parser.UnparsedEntityDeclHandler = _refuse("unparsed entity declaration")
    parser.ExternalEntityRefHandler = _refuse("external entity reference")
    parser.SkippedEntityHandler = _refuse("reference to an undeclared entity")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartElementHandler = handler.start
    parser.EndElementHandler = handler.end
    parser.CharacterDataHandler = handler.text
    return parser, handler


_DECLARED = re.compile(rb"<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']")
_EXPAT_READS = {"utf-8", "utf-16", "utf-16-le", "utf-16-be", "iso8859-1", "ascii"}


def _transcoding(path: Path, head: bytes) -> str | None:
    """The codec to turn the file into UTF-8 with before expat reads it (which knows only
    UTF-8, UTF-16, Latin-1 and ASCII): a declared ``encoding="GBK"``, a forced one, or a
    detected GB18030 or Big5 when nothing is declared; None when expat reads it as it is."""
    named = forced()
    found = _DECLARED.search(head[:512])
    name = named or (found.group(1).decode("ascii") if found else None)
    if name is None:
        decoding = decoding_for(path, head)
        name = None if decoding.is_utf8 else decoding.codec
    if name is None:
        return None
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        raise InputError(f"unknown encoding {name!r} declared", path=path, line=1) from None
    return None if codec in _EXPAT_READS and named is None else codec


def _chunks(path: Path, codec: str | None) -> Iterator[bytes]:
    """The file in chunks expat can read (transcoded to UTF-8 when ``codec``), then b""."""
    decoder = codecs.getincrementaldecoder(codec)("strict") if codec else None
    meter = current_meter()
    with open_binary(path) as stream:
        while raw := stream.read(_CHUNK):
            if meter is not None:
                meter.advance(path, stream.tell())
            if decoder is None:
                yield raw
                continue
            try:
                yield decoder.decode(raw).encode("utf-8")
            except UnicodeDecodeError:
                raise InputError(
                    f"not {codec} text, as it declares; convert it to UTF-8", path=path
                ) from None
    yield b""


def read_tmx(path: Path, report: Report | None = None) -> Iterator[SegmentPair]:
    """Yield one pair per ``<tu>`` with a Chinese and an English ``<tuv>``; others are reported."""
    with open_binary(path) as stream:
        head = stream.read(SNIFF)
    if not head.strip():
        raise InputError("empty file", path=path)
    codec = _transcoding(path, head)
    parser, handler = _make_parser(path, report, "UTF-8" if codec else None)
    source = str(path)
    position = 0
    for chunk in _chunks(path, codec):
        try:
            parser.Parse(chunk, not chunk)
        except _Refused as err:
            raise InputError(f"refused: {err}", path=path, line=parser.CurrentLineNumber) from None
        except expat.ExpatError as err:
            message = expat.ErrorString(err.code)
            raise InputError(f"malformed TMX: {message}", path=path, line=err.lineno) from None
        for line, zh, en in handler.done:
            yield SegmentPair(zh, en, source, line, position)
            position += 1
        handler.done.clear()
