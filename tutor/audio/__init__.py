"""Mandarin audio offline: speech from pinyin (eSpeak NG), cached by content, and playback."""
