"""Playing a WAV file: miniaudio's wheel (ALSA/PulseAudio, Core Audio, WASAPI, from pip alone),
else ``aplay``/``afplay``/``paplay`` when one is installed; False when there is no output.

ALSA's library prints its complaints (no card, no dmix) straight to the terminal, over the
study screen: its error handler is replaced by a silent one before anything opens a device.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import shutil
import subprocess
import time
import wave
from pathlib import Path
from typing import Any

__all__ = ["play", "quiet_alsa"]

_COMMANDS = ("afplay", "paplay", "aplay")
_ALSA_HANDLER = ctypes.CFUNCTYPE(
    None, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p
)
_SILENCED: list[Any] = []  # the handler, kept alive while the library holds it


def quiet_alsa() -> None:
    """Stop libasound writing its errors to the terminal (once; nothing when it is absent)."""
    if _SILENCED:
        return
    name = ctypes.util.find_library("asound")
    if name is None:
        _SILENCED.append(None)
        return
    try:
        asound = ctypes.CDLL(name)
    except OSError:
        _SILENCED.append(None)
        return
    handler = _ALSA_HANDLER(lambda *_: None)
    asound.snd_lib_error_set_handler(handler)
    _SILENCED.append((asound, handler))


def play(path: Path) -> bool:
    """Play ``path`` to the end (call it from a worker thread); whether anything played."""
    quiet_alsa()
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
