"""Playing a WAV file: miniaudio's wheel (ALSA/PulseAudio, Core Audio, WASAPI, from pip alone),
else ``aplay``/``afplay``/``paplay`` when one is installed; False when there is no output."""

from __future__ import annotations

import shutil
import subprocess
import time
import wave
from pathlib import Path

__all__ = ["play"]

_COMMANDS = ("afplay", "paplay", "aplay")


def play(path: Path) -> bool:
    """Play ``path`` to the end (call it from a worker thread); whether anything played."""
    try:
        import miniaudio

        with wave.open(str(path), "rb") as wav:
            seconds = wav.getnframes() / wav.getframerate()
        stream = miniaudio.stream_file(str(path))
        with miniaudio.PlaybackDevice() as device:
            device.start(stream)
            time.sleep(seconds + 0.1)
        return True
    except Exception:  # noqa: BLE001 - no device, no backend: try a system player
        pass
    for command in _COMMANDS:
        found = shutil.which(command)
        if found is None:
            continue
        args = [found, "-q", str(path)] if command == "aplay" else [found, str(path)]
        done = subprocess.run(args, capture_output=True, check=False, timeout=60)  # noqa: S603
        if done.returncode == 0:
            return True
    return False
