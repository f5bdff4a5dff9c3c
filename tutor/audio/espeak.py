"""eSpeak NG through ctypes, from the ``espeakng-loader`` wheel (the library and its data,
both Mandarin voices included: no system package needed).

Its Mandarin pinyin voice (``cmn-latn-pinyin``) reads numbered pinyin (``ni3 hao3``) syllable
by syllable with the right tones and applies third-tone sandhi; its hanzi voice (``cmn``)
misreads polyphones, and tone marks send some syllables to the English voice, so tutor speaks
the numbered form of the reading the card shows. The library holds global state: one lock
serialises every call, and samples are collected through the synthesis callback. The library
is initialised once per process (``espeak_voice``): a second ``espeak_Initialize`` with a new
callback leaves the first one's synthesis waiting forever.
"""

from __future__ import annotations

import array
import ctypes
import io
import threading
import wave
from typing import Any

__all__ = ["VOICE", "EspeakVoice", "espeak_voice"]

VOICE = "cmn-latn-pinyin"
_RETRIEVAL = 1  # AUDIO_OUTPUT_RETRIEVAL: samples come to the callback, nothing is played
_UTF8 = 1  # espeakCHARS_UTF8
_CALLBACK = ctypes.CFUNCTYPE(
    ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p
)


class EspeakVoice:
    """Synthesis of numbered pinyin into 16-bit mono WAV bytes."""

    name = f"eSpeak NG {VOICE}"

    def __init__(self) -> None:
        import espeakng_loader

        self._lock = threading.Lock()
        self._samples = array.array("h")
        lib: Any = ctypes.cdll.LoadLibrary(str(espeakng_loader.get_library_path()))
        lib.espeak_Initialize.restype = ctypes.c_int
        lib.espeak_Initialize.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
        lib.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
        lib.espeak_Synth.argtypes = [
            ctypes.c_void_p, ctypes.c_size_t, ctypes.c_uint, ctypes.c_int, ctypes.c_uint,
            ctypes.c_uint, ctypes.c_void_p, ctypes.c_void_p,
        ]  # fmt: skip
        data = str(espeakng_loader.get_data_path()).encode()
        self.rate = int(lib.espeak_Initialize(_RETRIEVAL, 0, data, 0))
        if self.rate <= 0 or lib.espeak_SetVoiceByName(VOICE.encode()) != 0:
            raise OSError("eSpeak NG could not start its Mandarin voice")
        self._callback = _CALLBACK(self._collect)  # kept: the library holds the pointer
        lib.espeak_SetSynthCallback(self._callback)
        self._lib = lib

    def _collect(self, wav: Any, count: int, _events: Any) -> int:
        if count > 0:
            self._samples.extend(wav[:count])
        return 0

    def speak(self, pinyin_numbered: str) -> bytes:
        """WAV bytes of ``pinyin_numbered`` ("yi1 dai4 yi1 lu4") said aloud."""
        text = pinyin_numbered.encode("utf-8") + b"\0"
        with self._lock:
            self._samples = array.array("h")
            if self._lib.espeak_Synth(text, len(text), 0, 0, 0, _UTF8, None, None) != 0:
                raise OSError("eSpeak NG failed to synthesise")
            self._lib.espeak_Synchronize()
            samples = self._samples
        out = io.BytesIO()
        with wave.open(out, "wb") as wav:
            wav.setnchannels(1)
            wav.setsampwidth(2)
            wav.setframerate(self.rate)
            wav.writeframes(samples.tobytes())
        return out.getvalue()


_ONE: list[EspeakVoice] = []
_ONE_LOCK = threading.Lock()


def espeak_voice() -> EspeakVoice:
    """The process's one eSpeak NG voice, started on first use (from any thread)."""
    with _ONE_LOCK:
        if not _ONE:
            _ONE.append(EspeakVoice())
        return _ONE[0]
