"""The words' audio for an Anki export: the speech module's files, made once and cached.

Each word is said from the reading its card shows (``tutor.audio.speech``, the audio the study
screen plays); the file is the cache's own, named by the hash of the voice and the reading, so
an export made again carries the same names.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path

from tutor.audio.speech import Speech, shared_speech, spoken_form
from tutor.errors import ExportError
from tutor.model import Entry

__all__ = ["dated_by_audio", "word_audio"]


def word_audio(entries: Sequence[Entry], speech: Speech | None = None) -> dict[str, Path]:
    """Each word's audio file, by hanzi (the first entry of a hanzi, as the export keeps it);
    a word with no reading to say gets none. ``ExportError`` when the voice cannot speak."""
    speech = speech or shared_speech()
    out: dict[str, Path] = {}
    seen: set[str] = set()
    for entry in entries:
        first = entry.hanzi not in seen
        seen.add(entry.hanzi)
        if not (first and entry.hanzi and spoken_form(entry.pinyin)):
            continue
        try:
            out[entry.hanzi] = speech.word(entry.pinyin)
        except (OSError, ImportError) as err:
            raise ExportError(f"cannot make the words' audio: {err}") from err
    return out


def dated_by_audio(
    modified: Mapping[str, datetime], audio: Mapping[str, Path], since: datetime
) -> dict[str, datetime]:
    """The notes' dates (by hanzi) with audio counted as content: a note with a sound is never
    dated before ``since``, when the deck was first exported with audio. So that export
    updates every such note in Anki (a note is only updated when it is newer), and later ones
    only the notes tutor changed, as without audio."""
    return {h: max(t, since) if h in audio else t for h, t in modified.items()}
