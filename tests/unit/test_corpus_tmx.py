"""TMX: languages, inline markup, streaming, and refusal of entity attacks."""

from __future__ import annotations

from pathlib import Path

import pytest

from tutor.corpus import Unpaired, read_pairs
from tutor.corpus.tmx import language_side
from tutor.errors import InputError

_TMX = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4">
  <header srclang="zh-CN" datatype="plaintext" segtype="sentence" adminlang="en"
          creationtool="t" creationtoolversion="1" o-tmf="t"/>
  <body>
    <tu tuid="1">
      <tuv xml:lang="zh-CN">
<seg>我们<bpt i="1">&lt;b&gt;</bpt>拆除<ept i="1">&lt;/b&gt;</ept>违法建设。</seg></tuv>
      <tuv xml:lang="en-US"><seg>We demolished <hi>illegal</hi> structures &amp; more.</seg></tuv>
    </tu>
    <tu tuid="2">
      <tuv xml:lang="en"><seg>Hello.</seg></tuv>
      <tuv xml:lang="zh-TW"><seg>妳好。</seg></tuv>
      <tuv xml:lang="zh-Hans"><seg>你好。</seg></tuv>
    </tu>
    <tu tuid="3">
      <tuv xml:lang="fr"><seg>Bonjour.</seg></tuv>
      <tuv xml:lang="en"><seg>Good day.</seg></tuv>
    </tu>
    <tu tuid="4">
      <tuv lang="cmn"><seg>谢谢</seg></tuv>
      <tuv lang="EN-GB"><seg>Thanks</seg></tuv>
    </tu>
  </body>
</tmx>
"""


def _write(tmp_path: Path, text: str, name: str = "memory.tmx") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_reads_units_with_language_variants(tmp_path: Path) -> None:
    unpaired: list[Unpaired] = []
    pairs = list(read_pairs(_write(tmp_path, _TMX), report=unpaired.append))
    assert [(p.zh, p.en) for p in pairs] == [
        ("我们拆除违法建设。", "We demolished illegal structures & more."),
        ("你好。", "Hello."),
        ("谢谢", "Thanks"),
    ]
    assert [p.line for p in pairs] == [7, 12, 21]
    assert [(u.line, u.reason) for u in unpaired] == [(17, "translation unit has no Chinese")]


def test_language_codes() -> None:
    for code in ("zh", "zh-CN", "zh-Hans", "zh-TW", "cmn", "ZH_hant", "zho"):
        assert language_side(code) == "zh"
    for code in ("en", "en-US", "EN-gb", "eng"):
        assert language_side(code) == "en"
    assert language_side("fr") is None and language_side("") is None


def test_many_units_stream_across_chunks(tmp_path: Path) -> None:
    units = "".join(
        f'<tu><tuv xml:lang="zh"><seg>第{i}句话。</seg></tuv>'
        f'<tuv xml:lang="en"><seg>Sentence number {i}.</seg></tuv></tu>\n'
        for i in range(3000)
    )
    path = _write(tmp_path, f'<tmx version="1.4"><header/><body>\n{units}</body></tmx>')
    assert path.stat().st_size > 3 * 65536
    pairs = read_pairs(path)
    first = next(pairs)
    assert (first.zh, first.en, first.line) == ("第0句话。", "Sentence number 0.", 2)
    rest = list(pairs)
    assert len(rest) == 2999 and rest[-1].en == "Sentence number 2999."


_BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE tmx [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<tmx version="1.4"><header/><body>
<tu><tuv xml:lang="zh"><seg>笑&lol9;</seg></tuv><tuv xml:lang="en"><seg>lol &lol9;</seg></tuv></tu>
</body></tmx>
"""


def test_billion_laughs_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, _BILLION_LAUGHS)
    with pytest.raises(InputError) as err:
        list(read_pairs(path))
    assert err.value.path == str(path) and err.value.line == 2
    assert "refused" in str(err.value) and "internal subset" in str(err.value)


def test_external_entity_is_refused_and_never_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET 机密", encoding="utf-8")
    path = _write(
        tmp_path,
        f'<?xml version="1.0"?>\n<!DOCTYPE tmx [<!ENTITY xxe SYSTEM "file://{secret}">]>\n'
        '<tmx><body><tu><tuv xml:lang="zh"><seg>&xxe;</seg></tuv>'
        '<tuv xml:lang="en"><seg>x &xxe;</seg></tuv></tu></body></tmx>',
    )
    with pytest.raises(InputError, match="refused") as err:
        list(read_pairs(path))
    assert "SECRET" not in str(err.value)


def test_parameter_entity_in_external_dtd_is_not_fetched(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        '<?xml version="1.0"?>\n<!DOCTYPE tmx SYSTEM "http://example.invalid/evil.dtd">\n'
        '<tmx><body><tu><tuv xml:lang="zh"><seg>你好&ent;</seg></tuv>'
        '<tuv xml:lang="en"><seg>Hello</seg></tuv></tu></body></tmx>',
    )
    with pytest.raises(InputError, match="undeclared entity|undefined entity"):
        list(read_pairs(path))


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ('<tmx><body><tu><tuv xml:lang="zh"><seg>你好</seg></tuv>\n</body></tmx>', "malformed", 2),
        ("<html><body><p>你好 hello</p></body></html>", "not a TMX file", 1),
    ],
)
def test_malformed_xml(tmp_path: Path, text: str, message: str, line: int) -> None:
    with pytest.raises(InputError, match=message) as err:
        list(read_pairs(_write(tmp_path, text), fmt="tmx"))
    assert err.value.line == line
