"""What the voice's four tones sound like: the pitch contour of mā má mǎ mà (妈麻马骂).

    python bench/tone_contours.py [--points 8]

Each syllable is said alone by the study screen's voice (``tutor.audio.speech``, eSpeak NG's
``cmn-latn-pinyin`` reading numbered pinyin) into a fresh cache, and its fundamental frequency
is estimated every 10 ms by autocorrelation over the voiced frames (NumPy, 50-250 Hz: the
voice is low, and a wider range lets octave errors in). Prints,
for each tone, the contour at ``--points`` evenly spaced moments of its voiced stretch, in Hz,
and its shape (start, lowest, end), so the four contours can be told apart by eye: level,
rising, dipping, falling.
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import wave
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tutor.audio.speech import Speech  # noqa: E402

SYLLABLES = [("妈", "mā", "ma1"), ("麻", "má", "ma2"), ("马", "mǎ", "ma3"), ("骂", "mà", "ma4")]


def samples(path: Path) -> tuple[np.ndarray, int]:
    with wave.open(io.BytesIO(path.read_bytes())) as w:
        rate, data = w.getframerate(), w.readframes(w.getnframes())
    return np.frombuffer(data, dtype="<i2").astype(np.float64), rate


def contour(signal: np.ndarray, rate: int) -> list[float]:
    """F0 in Hz every 10 ms over the voiced frames (energy above a tenth of the loudest)."""
    frame, hop = int(0.04 * rate), int(0.01 * rate)
    lo, hi = int(rate / 250), int(rate / 50)
    frames = [signal[k : k + frame] for k in range(0, len(signal) - frame, hop)]
    energy = np.array([float(np.sum(f * f)) for f in frames])
    out = []
    for f, e in zip(frames, energy, strict=True):
        if e < 0.1 * energy.max():
            continue
        f = f - f.mean()
        ac = np.correlate(f, f, mode="full")[frame - 1 :]
        lag = lo + int(np.argmax(ac[lo:hi]))
        if ac[lag] > 0.3 * ac[0]:
            out.append(rate / lag)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", type=int, default=8)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        speech = Speech(folder=Path(tmp))
        for hanzi, marked, _ in SYLLABLES:
            f0 = contour(*samples(speech.word(marked)))
            if not f0:
                print(f"{hanzi} {marked}: no voiced frames")
                continue
            at = np.linspace(0, len(f0) - 1, args.points).round().astype(int)
            points = " ".join(f"{f0[k]:5.0f}" for k in at)
            print(
                f"{hanzi} {marked}: {points} Hz  (start {f0[0]:.0f}, lowest {min(f0):.0f}, "
                f"end {f0[-1]:.0f}; {len(f0) * 10} ms voiced)"
            )


if __name__ == "__main__":
    main()
