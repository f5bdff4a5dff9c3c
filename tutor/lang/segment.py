"""Chinese word segmentation: jieba, with every CC-CEDICT headword added to its dictionary.

jieba alone splits many dictionary words a learner studies (雄安新区 comes out as 雄安 + 新区);
adding CC-CEDICT's headwords keeps them whole, so the words mining proposes are the words the
dictionary can explain.

Start-up cost matters (every ``tutor`` command segments): rather than calling ``add_word``
120k times per run, we write jieba's dictionary plus the CC-CEDICT words to one combined file
in the cache dir once, and let jieba build and cache its prefix model for that file (its own
marshal cache, keyed by the file's path and mtime). Later runs load that model directly.
We use a private ``jieba.Tokenizer`` so nothing else in the process is affected, and
silence jieba's logger, which otherwise prints to stderr.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
from functools import cache
from pathlib import Path

import jieba

from tutor.lang.cache import cache_dir

__all__ = ["ADDED_WORD_FREQ", "segment", "segment_words", "tokenizer"]

#: Frequency given to CC-CEDICT headwords jieba does not know. jieba's total count is about
#: 60 million, so this is rare enough not to override jieba's own common words, yet enough to
#: keep a dictionary word whole rather than cut it into two less likely pieces.
ADDED_WORD_FREQ = 20
_DICT_VERSION = 2  # bump when the way the combined dictionary is built changes
# what jieba's DAG can match as one word (its re_han_default character class)
_JIEBA_WORD = re.compile(r"^[\u4E00-\u9FD5a-zA-Z0-9+#&._%\-]+$")

logging.getLogger("jieba").setLevel(logging.WARNING)
jieba.setLogLevel(logging.WARNING)


def _jieba_dict_path() -> Path:
    return Path(jieba.__file__).resolve().parent / "dict.txt"


def _combined_dict() -> Path:
    """Write (once) jieba's dictionary plus the CC-CEDICT words it lacks; return its path."""
    from tutor.lang.cedict import data_fingerprint, load_cedict

    base = _jieba_dict_path()
    stamp = hashlib.sha1(
        f"{base.stat().st_size}:{data_fingerprint()}:{ADDED_WORD_FREQ}:"
        f"{_DICT_VERSION}:{jieba.__version__}".encode()
    ).hexdigest()[:12]
    path = cache_dir() / f"jieba-cedict-{stamp}.txt"
    if path.is_file():
        return path
    cedict = load_cedict()
    freq: dict[str, int] = {}
    lines: list[str] = []
    with base.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line:
                word, count = line.split(" ", 2)[:2]
                freq[word] = int(count)
                lines.append(line)
    for entry in cedict.entries():
        for word in (entry.simplified, entry.traditional):
            if word in freq or len(word) < 2 or not _JIEBA_WORD.match(word):
                continue
            # a traditional headword counts as often as its simplified twin, so traditional
            # text is cut the way the same simplified text would be
            twin = freq.get(entry.simplified, 0) if word == entry.traditional else 0
            freq[word] = max(twin, ADDED_WORD_FREQ)
            lines.append(f"{word} {freq[word]} {'nz' if entry.is_proper else 'n'}")
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    tmp.replace(path)
    for old in cache_dir().glob("jieba-cedict-*.txt"):
        if old != path:  # an older build, and the prefix model jieba cached for it
            digest = hashlib.md5(str(old).encode("utf-8", "replace")).hexdigest()
            (cache_dir() / f"jieba.u{digest}.cache").unlink(missing_ok=True)
            old.unlink(missing_ok=True)
    return path


@cache
def tokenizer() -> jieba.Tokenizer:
    """The shared, initialised tokenizer with CC-CEDICT words (built once per process)."""
    tok = jieba.Tokenizer(str(_combined_dict()))
    tok.tmp_dir = str(cache_dir())
    tok.initialize()
    return tok


def segment(text: str) -> list[str]:
    """Cut ``text`` into words, keeping every character: ``"".join(segment(t)) == t``.

    Spaces, punctuation, digits and Latin runs come back as their own pieces. This is the
    plain fast path (jieba's DAG plus its HMM for unknown words such as names).
    """
    return list(tokenizer().cut(text, HMM=True))


def segment_words(text: str) -> list[str]:
    """Like ``segment`` but without whitespace pieces (what aligners and miners want)."""
    return [w for w in tokenizer().cut(text, HMM=True) if not w.isspace()]
