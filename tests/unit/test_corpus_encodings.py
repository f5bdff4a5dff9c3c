"""Chinese text as it comes: every encoding a Chinese file is found in reads to exactly the pairs
of its UTF-8 twin, in every format; what cannot be decoded with confidence is one line.

The text is 60 Tatoeba pairs (``tests/data``; simplified, and the same converted to traditional
for Big5).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tutor.corpus import read_pairs
from tutor.corpus.options import reading
from tutor.corpus.textfile import read_as
from tutor.errors import InputError
from tutor.lang.script import to_traditional

TATOEBA = Path(__file__).resolve().parents[1] / "data" / "tatoeba-60.tsv"


def _pairs(traditional: bool) -> list[tuple[str, str]]:
    with TATOEBA.open(encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t")[:2] for line in f]
    pairs = [(to_traditional(zh) if traditional else zh, en) for zh, en in rows]
    return [(zh, en) for zh, en in pairs if not traditional or _in_big5(zh)]


def _in_big5(text: str) -> bool:
    """Big5 lacks some traditional forms (裏 has only 裡): such a line is not in a Big5 file."""
    try:
        text.encode("big5")
    except UnicodeEncodeError:
        return False
    return True


def _tsv(pairs: list[tuple[str, str]]) -> str:
    return "".join(f"{zh}\t{en}\n" for zh, en in pairs)


def _paragraphs(pairs: list[tuple[str, str]]) -> str:
    return "".join(f"{zh}\n{en}\n\n" for zh, en in pairs)


def _srt(pairs: list[tuple[str, str]]) -> str:
    return "".join(
        f"{n}\n00:00:{n:02d},000 --> 00:00:{n:02d},900\n{zh}\n{en}\n\n"
        for n, (zh, en) in enumerate(pairs[:50], start=1)
    )


def _ass(pairs: list[tuple[str, str]]) -> str:
    events = "".join(
        f"Dialogue: 0,0:00:{n:02d}.00,0:00:{n:02d}.90,{style},,0,0,0,,{text}\n"
        for n, (zh, en) in enumerate(pairs[:50], start=1)
        for style, text in (("Chinese", "{\\an8}" + zh), ("English", en))
    )
    return (
        "[Script Info]\nScriptType: v4.00+\n\n[Events]\n"
        "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n" + events
    )


def _vtt(pairs: list[tuple[str, str]]) -> str:
    return "WEBVTT\n\n" + "".join(
        f"00:00:{n:02d}.000 --> 00:00:{n:02d}.900\n{zh}\n{en}\n\n"
        for n, (zh, en) in enumerate(pairs[:50], start=1)
    )


def _tmx(pairs: list[tuple[str, str]], declared: str) -> str:
    units = "".join(
        f'<tu><tuv xml:lang="zh-CN"><seg>{zh}</seg></tuv>'
        f'<tuv xml:lang="en"><seg>{en.replace("&", "&amp;")}</seg></tuv></tu>\n'
        for zh, en in pairs
    )
    return (
        f'<?xml version="1.0" encoding="{declared}"?>\n<tmx version="1.4"><header/>'
        f"<body>\n{units}</body></tmx>\n"
    )


FORMATS: dict[str, tuple[str, Callable[[list[tuple[str, str]]], str]]] = {
    "tsv": ("t.tsv", _tsv),
    "paragraphs": ("t.txt", _paragraphs),
    "srt": ("t.srt", _srt),
    "ass": ("t.ass", _ass),
    "vtt": ("t.vtt", _vtt),
}
ENCODINGS = {  # name: (codec, byte-order mark, traditional text, what tutor reports)
    "gb18030": ("gb18030", b"", False, "GB18030"),
    "gbk": ("gbk", b"", False, "GB18030"),
    "big5": ("big5", b"", True, "Big5"),
    "utf-16-le-bom": ("utf-16-le", b"\xff\xfe", False, "UTF-16-LE"),
    "utf-16-be-bom": ("utf-16-be", b"\xfe\xff", False, "UTF-16-BE"),
    "utf-16-le": ("utf-16-le", b"", False, "UTF-16-LE"),
    "utf-16-be": ("utf-16-be", b"", False, "UTF-16-BE"),
    "utf-8-bom": ("utf-8", b"\xef\xbb\xbf", False, "UTF-8"),
}


def _read(path: Path) -> list[tuple[str, str]]:
    return [(p.zh, p.en) for p in read_pairs(path)]


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("name", sorted(ENCODINGS))
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_every_encoding_reads_the_pairs_of_its_utf8_twin(
    tmp_path: Path, fmt: str, name: str, newline: str
) -> None:
    codec, bom, traditional, label = ENCODINGS[name]
    filename, write = FORMATS[fmt]
    text = write(_pairs(traditional)).replace("\n", newline)
    twin = tmp_path / "utf8" / filename
    twin.parent.mkdir()
    twin.write_bytes(text.encode("utf-8"))
    other = tmp_path / name / filename
    other.parent.mkdir()
    other.write_bytes(bom + text.encode(codec))
    expected = _read(twin)
    assert len(expected) >= 40
    assert _read(other) == expected
    assert read_as(other) == label


@pytest.mark.parametrize("declared", ["GBK", "GB18030", "Big5", "UTF-16"])
def test_a_tmx_in_the_encoding_it_declares_reads_like_its_utf8_twin(
    tmp_path: Path, declared: str
) -> None:
    traditional = declared == "Big5"
    pairs = _pairs(traditional)
    twin = tmp_path / "utf8.tmx"
    twin.write_bytes(_tmx(pairs, "UTF-8").encode("utf-8"))
    other = tmp_path / "other.tmx"
    other.write_bytes(_tmx(pairs, declared).encode(declared.lower()))
    assert _read(other) == _read(twin) and len(_read(twin)) == len(pairs)


def test_forcing_an_encoding_reads_what_detection_would_not_decide(tmp_path: Path) -> None:
    path = tmp_path / "short.txt"
    path.write_bytes("北京\nBeijing\n".encode("gb18030"))  # too short to be sure of
    with reading("gb18030"):
        assert _read(path) == [("北京", "Beijing")]


def test_a_file_that_decodes_with_no_confidence_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Caf\xe9 cr\xe8me br\xfbl\xe9e\n".encode("latin-1") * 20)
    with pytest.raises(InputError) as err:
        _read(path)
    line = str(err.value)
    assert line.startswith(f"{path}: not UTF-8") and "--encoding" in line and "\n" not in line


def test_an_unknown_forced_encoding_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    path.write_text("北京\nBeijing\n", encoding="utf-8")
    with reading("klingon"), pytest.raises(InputError, match="unknown encoding"):
        _read(path)
