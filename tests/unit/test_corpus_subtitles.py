"""Subtitles as fansubs ship them: ASS with a Chinese and an English style, ASS with both lines in
one event, WebVTT as two files or one, override tags gone, and cues that only touch their
neighbours kept apart."""

from __future__ import annotations

from pathlib import Path

from tutor.corpus import Unpaired, detect_format, read_pairs

HEADER = """[Script Info]
ScriptType: v4.00+

[V4+ Styles]
Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, \
Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, \
Shadow, Alignment, MarginL, MarginR, MarginV, Encoding
Style: Chinese,Noto Sans CJK SC,72,&H00FFFFFF,&H000000FF,&H00000000,&H00000000,0,0,0,0,100,100,\
0,0,1,2,2,2,10,10,36,1
Style: English,Noto Sans,28,&H00FFFFFF,&H000000FF,&H00000000,&H00000000,0,0,0,0,100,100,0,0,1,\
1.5,1,2,10,10,20,1

[Events]
Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text
"""


def _event(start: str, end: str, style: str, text: str, kind: str = "Dialogue") -> str:
    return f"{kind}: 0,{start},{end},{style},,0,0,0,,{text}\n"


def _read(path: Path, en: Path | None = None) -> tuple[list[tuple[str, str, int]], list[Unpaired]]:
    skipped: list[Unpaired] = []
    pairs = [(p.zh, p.en, p.line) for p in read_pairs(path, en_path=en, report=skipped.append)]
    return pairs, skipped


def test_an_ass_with_a_chinese_and_an_english_style_pairs_them_by_time(tmp_path: Path) -> None:
    path = tmp_path / "show.ass"
    path.write_text(
        HEADER
        + _event("0:00:20.61", "0:00:21.85", "English", "Yeah, the title of this section")
        + _event("0:00:20.61", "0:00:21.85", "Chinese", "{\\an8}这一节的标题")
        + _event("0:00:21.88", "0:00:23.98", "English", 'is "Thanks,\\NTim."')
        + _event("0:00:21.88", "0:00:23.98", "Chinese", "是“谢谢，蒂姆”")
        + _event("0:00:25.00", "0:00:26.00", "Chinese", "字幕组")  # on-screen text, no English
        + _event("0:00:27.00", "0:00:28.00", "Chinese", "注释", kind="Comment"),
        encoding="utf-8-sig",
    )
    assert detect_format(path) == "srt"
    pairs, skipped = _read(path)
    assert pairs == [
        ("这一节的标题", "Yeah, the title of this section", 12),  # the Chinese event's line
        ("是“谢谢，蒂姆”", 'is "Thanks, Tim."', 14),
    ]
    assert [(u.line, u.text, u.reason) for u in skipped] == [
        (15, "字幕组", "no English cue overlaps it")
    ]


def test_an_ass_with_both_lines_in_each_event_is_read_cue_by_cue(tmp_path: Path) -> None:
    path = tmp_path / "show.ass"
    path.write_text(
        HEADER
        + _event("0:00:01.00", "0:00:02.00", "Chinese", "{\\fs20}你好\\NHello")
        + _event("0:00:03.00", "0:00:04.00", "Chinese", "谢谢你\\N{\\i1}Thank you{\\i0}"),
        encoding="utf-8",
    )
    pairs, _ = _read(path)
    assert [(zh, en) for zh, en, _ in pairs] == [("你好", "Hello"), ("谢谢你", "Thank you")]


def test_webvtt_as_two_files_pairs_by_time_overlap(tmp_path: Path) -> None:
    zh = tmp_path / "zh.vtt"
    zh.write_text(
        "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Anna>我们明天去北京。\n\n"
        "00:00:05.000 --> 00:00:06.000\n好的。\n",
        encoding="utf-8",
    )
    en = tmp_path / "en.vtt"
    en.write_text(
        "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.400 align:start\nTomorrow\n\n"
        "00:00:02.500 --> 00:00:04.000\n<i>we go to Beijing.</i>\n\n"
        "00:00:05.100 --> 00:00:06.000\nOK.\n",
        encoding="utf-8",
    )
    pairs, skipped = _read(zh, en)
    assert [(z, e) for z, e, _ in pairs] == [
        ("我们明天去北京。", "Tomorrow we go to Beijing."),
        ("好的。", "OK."),
    ]
    assert [line for _, _, line in pairs] == [3, 6] and not skipped


def test_cues_that_only_touch_their_neighbours_are_not_merged(tmp_path: Path) -> None:
    events = ""
    for n in range(30):  # each English cue runs a tenth of a second into the next Chinese one
        start, end = n * 2.0, n * 2.0 + 2.0
        events += _event(_ts(start), _ts(end), "Chinese", f"第{n}句话")
        events += _event(_ts(start), _ts(end + 0.1), "English", f"Sentence {n}")
    path = tmp_path / "chain.ass"
    path.write_text(HEADER + events, encoding="utf-8")
    pairs, _ = _read(path)
    assert len(pairs) == 30 and all(en == f"Sentence {n}" for n, (_, en, _) in enumerate(pairs))


def _ts(seconds: float) -> str:
    whole = int(seconds)
    return f"0:{whole // 60:02d}:{whole % 60:02d}.{round((seconds - whole) * 100):02d}"
