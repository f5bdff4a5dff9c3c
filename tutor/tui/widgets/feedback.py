"""Feedback on an auto-graded answer: what was typed next to what was expected, per syllable.

A tone-only slip must look different from a wrong word: the syllables stay, each coloured by
the tone the learner typed, with the expected syllable in its own tone colour beneath, and a
cross only under the syllables that are wrong.
"""

from __future__ import annotations

from rich.text import Text

from tutor.quiz import Outcome, PinyinCheck
from tutor.tui.tones import TONE_COLOURS

__all__ = ["VERDICT_LABELS", "outcome_text", "pinyin_feedback"]

VERDICT_LABELS = {
    "correct": ("✓ correct", "bold #2b8a3e"),
    "tone_only": ("≈ right syllables, wrong tone", "bold #e03131"),
    "wrong": ("✗ not quite", "bold #e03131"),
}


def _cell(text: str, tone: int, width: int) -> Text:
    colour = TONE_COLOURS.get(tone, TONE_COLOURS[5])
    return Text(text.ljust(width), style=colour)


def pinyin_feedback(check: PinyinCheck) -> Text:
    """Three aligned rows: ``you typed``, ``expected``, and ✓/✗ marks per syllable."""
    given = Text("you typed  ", style="dim")
    expected = Text("expected   ", style="dim")
    marks = Text("           ")
    for syl in check.syllables:
        width = max(len(syl.given_marked), len(syl.expected_marked), 4) + 1
        given.append_text(_cell(syl.given_marked or "—", syl.given_tone, width))
        expected.append_text(_cell(syl.expected_marked or "—", syl.expected_tone, width))
        if syl.ok:
            mark, style = "✓", "#2b8a3e"
        elif syl.syllable_ok:
            mark, style = "tone", "#e03131"
        else:
            mark, style = "✗", "#e03131"
        marks.append(mark.ljust(width), style=style)
    return Text("\n").join([given, expected, marks])


def outcome_text(outcome: Outcome, options: tuple[str, ...] = ()) -> Text:
    """The verdict line, then the per-syllable breakdown or the option chosen."""
    label, style = VERDICT_LABELS[outcome.verdict]
    text = Text(label, style=style)
    if outcome.hinted:
        text.append("  (after a hint)", style="dim")
    if outcome.pinyin is not None and outcome.mode == "pinyin":
        text.append("\n")
        text.append_text(pinyin_feedback(outcome.pinyin))
    elif outcome.chosen is not None and options:
        text.append(f"\nyou chose: {options[outcome.chosen]}", style="dim")
    return text
