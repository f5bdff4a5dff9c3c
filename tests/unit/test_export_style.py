"""The note type's templates and CSS: two cards, tone colours in day and night mode, CJK fonts."""

from __future__ import annotations

import re

from tutor.export import anki_model
from tutor.export.style import CSS, FIELDS, RECALL, RECOGNITION, TEMPLATES


def _rule(selector: str) -> str:
    m = re.search(re.escape(selector) + r"\s*\{([^}]*)\}", CSS)
    assert m, f"no CSS rule for {selector}"
    return m.group(1)


def test_two_cards_recognition_then_recall() -> None:
    assert [t["name"] for t in TEMPLATES] == [RECOGNITION, RECALL] == ["Recognition", "Recall"]


def test_recognition_asks_with_hanzi_and_answers_with_meaning() -> None:
    rec = TEMPLATES[0]
    assert "{{Hanzi}}" in rec["qfmt"] and "{{English}}" not in rec["qfmt"]
    for field in ("PinyinColored", "English", "Senses", "Sentence", "Translation"):
        assert "{{" + field + "}}" in rec["afmt"]


def test_recall_asks_with_english_and_answers_with_hanzi() -> None:
    recall = TEMPLATES[1]
    assert "{{English}}" in recall["qfmt"] and "{{Hanzi}}" not in recall["qfmt"]
    assert recall["qfmt"].startswith("{{#English}}") and recall["qfmt"].endswith("{{/English}}")
    assert "{{Hanzi}}" in recall["afmt"] and "{{PinyinColored}}" in recall["afmt"]


def test_every_template_field_exists() -> None:
    used = {
        name
        for t in TEMPLATES
        for side in ("qfmt", "afmt")
        for name in re.findall(r"\{\{[#^/]?([A-Za-z]+)\}\}", t[side])
    }
    assert used - {"FrontSide"} <= set(FIELDS)


def test_each_tone_has_a_colour_in_day_and_night_mode() -> None:
    day = _rule(":root")
    night = _rule(".nightMode, .night_mode, .night-mode")
    for tone in range(1, 6):
        assert f"color: var(--tone{tone})" in _rule(f".tone{tone}")
        day_colour = re.search(rf"--tone{tone}:\s*(#[0-9a-f]{{6}})", day)
        night_colour = re.search(rf"--tone{tone}:\s*(#[0-9a-f]{{6}})", night)
        assert day_colour and night_colour
        assert day_colour.group(1) != night_colour.group(1)


def _luminance(hex_colour: str) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def _contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_tone_colours_are_legible_on_their_background() -> None:
    for selector in (":root", ".nightMode, .night_mode, .night-mode"):
        rule = _rule(selector)
        bg = re.search(r"--tutor-bg:\s*(#[0-9a-f]{6})", rule)
        assert bg
        for name in ["tone1", "tone2", "tone3", "tone4", "tone5", "tutor-hl", "tutor-fg"]:
            colour = re.search(rf"--{name}:\s*(#[0-9a-f]{{6}})", rule)
            assert colour, name
            assert _contrast(colour.group(1), bg.group(1)) >= 4.5, (selector, name)


def test_css_has_a_cjk_font_stack_and_highlight_style() -> None:
    assert "Noto Sans CJK SC" in CSS and "PingFang SC" in CSS and "Microsoft YaHei" in CSS
    assert "font-weight: bold" in _rule(".hl")


def test_model_uses_fields_templates_and_css() -> None:
    model = anki_model()
    assert [f["name"] for f in model.fields] == list(FIELDS)
    assert [t["name"] for t in model.templates] == ["Recognition", "Recall"]
    assert model.css == CSS
