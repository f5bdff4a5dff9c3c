"""Tone colours and the small formatters the study screen relies on."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tutor.tui.format import format_interval, format_until, highlight
from tutor.tui.tones import TONE_COLOURS, contrast_ratio, tone_text

# Textual's default dark and light theme backgrounds, plus pure black and white terminals
BACKGROUNDS = ["#000000", "#ffffff", "#121212", "#1e1e1e", "#e0e0e0", "#d8d8d8"]


@pytest.mark.parametrize("background", BACKGROUNDS)
def test_every_tone_colour_is_legible_on_dark_and_light(background: str) -> None:
    for tone, colour in TONE_COLOURS.items():
        assert contrast_ratio(colour, background) >= 3.0, (tone, background)


def test_tone_colours_are_distinct() -> None:
    assert len(set(TONE_COLOURS.values())) == 5


def _coloured(pinyin: str) -> list[tuple[str, str]]:
    text = tone_text(pinyin)
    return [(text.plain[s.start : s.end], str(s.style)) for s in text.spans]


def test_each_syllable_gets_its_tone_colour_and_spelling_is_kept() -> None:
    text = tone_text("Xióng'ān xīn qū de")
    assert text.plain == "Xióng'ān xīn qū de"
    assert _coloured("Xióng'ān xīn qū de") == [
        ("Xióng", TONE_COLOURS[2]),
        ("ān", TONE_COLOURS[1]),
        ("xīn", TONE_COLOURS[1]),
        ("qū", TONE_COLOURS[1]),
        ("de", TONE_COLOURS[5]),
    ]
    assert _coloured("nǚ ér")[0] == ("nǚ", TONE_COLOURS[3])
    assert _coloured("xie2tong2") == [("xie2", TONE_COLOURS[2]), ("tong2", TONE_COLOURS[2])]


@pytest.mark.parametrize(
    ("delta", "label"),
    [
        (timedelta(seconds=30), "<1m"),
        (timedelta(minutes=1), "1m"),
        (timedelta(minutes=10), "10m"),
        (timedelta(hours=5), "5h"),
        (timedelta(days=3), "3d"),
        (timedelta(days=75), "2.5mo"),
        (timedelta(days=730), "2y"),
    ],
)
def test_interval_labels(delta: timedelta, label: str) -> None:
    assert format_interval(delta) == label


def test_due_times_name_the_day_when_it_is_not_today() -> None:
    now = datetime(2024, 5, 1, 9, 0, tzinfo=UTC)
    assert format_until(now + timedelta(minutes=10), now) == "in 10m (09:10 UTC)"
    assert format_until(now + timedelta(hours=19), now) == "in 19h (2024-05-02 04:00 UTC)"


def test_sentence_highlights_every_occurrence_of_the_word() -> None:
    text = highlight("城市让城市更美好", "城市")
    assert [(s.start, s.end) for s in text.spans] == [(0, 2), (3, 5)]


def test_due_times_are_shown_on_the_local_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    now = datetime(2024, 5, 1, 9, 0, tzinfo=UTC)
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    try:
        assert format_until(now + timedelta(minutes=10), now) == "in 10m (17:10 CST)"
    finally:
        monkeypatch.undo()
        time.tzset()


def test_the_example_highlights_the_form_a_traditional_text_wrote() -> None:
    from tutor.tui.widgets.card import _written

    assert _written("我寄給你一個生日禮物。", "礼物", "禮物") == "禮物"
    assert _written("我寄给你一个生日礼物。", "礼物", "禮物") == "礼物"
    assert _written("一个礼物", "礼物", "") == "礼物"
