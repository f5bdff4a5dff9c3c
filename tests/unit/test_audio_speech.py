"""Speech from pinyin with eSpeak NG (the espeakng-loader wheel): plausible, non-silent audio, a
different sound for each reading of a polyphone, and a cache that never makes one twice."""

from __future__ import annotations

import array
import math
import wave
from pathlib import Path

import pytest

from tutor.audio.speech import Speech, spoken_form


def _signal(path: Path) -> tuple[float, float, bytes]:
    """(seconds, RMS amplitude, samples) of a 16-bit mono WAV."""
    with wave.open(str(path), "rb") as wav:
        assert (wav.getnchannels(), wav.getsampwidth()) == (1, 2)
        frames = wav.readframes(wav.getnframes())
        seconds = wav.getnframes() / wav.getframerate()
    samples = array.array("h", frames)
    rms = math.sqrt(sum(s * s for s in samples) / len(samples))
    return seconds, rms, frames


@pytest.fixture(scope="module")
def speech(tmp_path_factory: pytest.TempPathFactory) -> Speech:
    return Speech(folder=tmp_path_factory.mktemp("audio"))


@pytest.mark.parametrize(("pinyin", "syllables"), [("nǐ hǎo", 2), ("yī dài yī lù", 4)])
def test_a_word_is_said_for_about_its_syllables_and_is_not_silent(
    speech: Speech, pinyin: str, syllables: int
) -> None:
    seconds, rms, _ = _signal(speech.word(pinyin))
    assert 0.15 * syllables < seconds < 0.6 * syllables + 0.4
    assert rms > 500  # 16-bit samples: speech, not a near-silent file


def test_the_readings_of_a_polyphone_sound_different(speech: Speech) -> None:
    _, _, xing = _signal(speech.word("xíng"))
    _, _, hang = _signal(speech.word("háng"))
    assert xing != hang


def test_a_sentence_is_said_from_its_reading(speech: Speech) -> None:
    seconds, rms, _ = _signal(speech.sentence("我们支持城市更新。"))
    assert seconds > 1.5 and rms > 500


def test_the_same_text_is_made_once_then_found(tmp_path: Path) -> None:
    speech = Speech(folder=tmp_path)
    first = speech.word("xié tóng")
    again = speech.word("xié tóng")
    assert first == again and (speech.made, speech.hits) == (1, 1)
    assert [p.name for p in tmp_path.iterdir()] == [first.name]  # no temporary file left


def test_the_voice_is_given_numbered_pinyin_and_pauses() -> None:
    assert spoken_form("Xióng'ān xīn qū") == "Xiong2 an1 xin1 qu1"
    assert spoken_form("nǐ hǎo") == "ni3 hao3"


def test_playing_with_no_sound_device_writes_nothing_to_the_terminal(tmp_path: Path) -> None:
    """ALSA's own complaints would be drawn over the study screen."""
    import subprocess
    import sys

    wav = Speech(folder=tmp_path).word("nǐ hǎo")
    code = (
        f"from pathlib import Path; from tutor.audio.player import play; play(Path({str(wav)!r}))"
    )
    done = subprocess.run(  # noqa: S603 - this interpreter, tutor's own module
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0 and done.stderr == ""
