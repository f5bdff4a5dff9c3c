"""The audio of a word or a sentence, made on first use and cached by content.

A word is said from the reading its card shows, so the audio matches what the learner is taught,
polyphones included (行 xíng and háng differ); a sentence from its reading as the card would
give it (segmented, each word read in context, ``lang.pinyin.pinyin_for``), punctuation as
pauses. The cache key is the voice's name and the numbered pinyin spoken: a new voice, or a
new reading after re-mining, makes new audio; the same text never twice. The voice is a seam:
anything with a ``name`` and ``speak(numbered pinyin) -> WAV bytes`` will do (eSpeak NG today;
a Piper or sherpa-onnx model later).
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path
from typing import Protocol

from tutor.lang.pinyin import marks_to_numbered

__all__ = ["Speech", "Voice", "shared_speech", "spoken_form"]

_PAUSE = re.compile(r"[，。！？；：、,.!?;:…—]+")
_NOT_PINYIN = re.compile(r"[^A-Za-z0-9üÜ:' ,]+")


class Voice(Protocol):
    name: str

    def speak(self, pinyin_numbered: str) -> bytes: ...


def spoken_form(pinyin: str) -> str:
    """What the voice is given: numbered pinyin, punctuation as commas, nothing else."""
    text = _PAUSE.sub(" , ", marks_to_numbered(pinyin.replace("'", " ")))
    text = _NOT_PINYIN.sub(" ", text)
    return " ".join(text.split()).strip(" ,")


class Speech:
    """Audio files for words and sentences, in ``folder`` (the cache's ``audio`` directory)."""

    def __init__(self, voice: Voice | None = None, folder: Path | None = None) -> None:
        self._voice = voice
        self._folder = folder
        self.hits = self.made = 0

    @property
    def voice(self) -> Voice:
        if self._voice is None:
            from tutor.audio.espeak import espeak_voice

            self._voice = espeak_voice()
        return self._voice

    @property
    def folder(self) -> Path:
        if self._folder is None:
            from tutor.lang.cache import cache_dir

            self._folder = cache_dir() / "audio"
        self._folder.mkdir(parents=True, exist_ok=True)
        return self._folder

    def word(self, pinyin: str) -> Path:
        """The audio of a word read ``pinyin`` (tone marks, as the card shows it)."""
        return self._audio(spoken_form(pinyin))

    def sentence(self, chinese: str) -> Path:
        """The audio of a sentence, read as the card would read it."""
        from tutor.lang.pinyin import pinyin_for

        return self._audio(spoken_form(pinyin_for(chinese)))

    def path_for(self, spoken: str) -> Path:
        key = hashlib.sha256(f"{self.voice.name}\0{spoken}".encode()).hexdigest()[:24]
        return self.folder / f"tutor-{key}.wav"

    def _audio(self, spoken: str) -> Path:
        if not spoken:
            raise ValueError("nothing to say")
        path = self.path_for(spoken)
        if path.exists():
            self.hits += 1
            return path
        data = self.voice.speak(spoken)
        fd, tmp = tempfile.mkstemp(dir=self.folder, suffix=".tmp")  # whole file or none
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(tmp, path)
        self.made += 1
        return path


_SHARED: list[Speech] = []


def shared_speech() -> Speech:
    """One ``Speech`` for the whole process (the voice loads once)."""
    if not _SHARED:
        _SHARED.append(Speech())
    return _SHARED[0]
