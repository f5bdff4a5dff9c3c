"""Multiple choice: the answer and three distractors drawn from the same deck.

A distractor is only useful if it is plausible and certainly wrong. Plausible: it comes from
the same deck, preferably of the same kind (word, term, name, measure) and the same number
of characters (syllables), so length alone gives nothing away. Certainly wrong: it must not
be a synonym of the answer, which we judge conservatively: two entries are synonyms when
their English renderings or dictionary senses share any content word (after crude
stemming), because rejecting a fine distractor costs nothing while offering a second right
answer teaches the learner that the right answer was wrong.

Everything is deterministic for a given ``random.Random`` state, so a session can be
replayed and tests can pin the options.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from tutor.model import Entry

__all__ = [
    "Choice",
    "OptionShow",
    "are_synonyms",
    "can_make_choice",
    "content_words",
    "make_choice",
    "option_label",
    "pick_distractors",
]

OptionShow = Literal["english", "hanzi"]
N_OPTIONS = 4

# Function words, CC-CEDICT's own vocabulary for describing senses ("to do sth",
# "variant of", "CL:") and the boilerplate of its place-name senses ("city in Hebei
# province, China"), any of which would make unrelated entries look like synonyms.
_STOP = frozenset(
    """a an the to of and or in on at for with by from as into onto upon over under
    is are be been being was were it its this that these those there their his her
    sb sth someone something somebody one oneself one's self etc also used see variant
    abbr abbreviation cl classifier lit fig pr old kind type form same not no non very
    more most much many other such up out about than all any each some way thing things
    make makes made do does did get gets have has had person people time esp especially
    translit transliteration surname name place e g i ie eg general generally
    china chinese prc city province county district prefecture region town capital""".split()
)
_WORD = re.compile(r"[a-z]+")
_BRACKETS = re.compile(r"\[[^\]]*\]|CL:\S*")
# Longest suffix first; each only when enough of a stem is left.
_SUFFIXES = (
    "ational",
    "ization",
    "ation",
    "ition",
    "ments",
    "ment",
    "ness",
    "ical",
    "ings",
    "ing",
    "ion",
    "ies",
    "ive",
    "ate",
    "ers",
    "ed",
    "er",
    "ly",
    "al",
    "ic",
    "es",
    "s",
    "y",
    "e",
)


def _stem(word: str) -> str:
    """Crude suffix stripping: enough for "develop/development/developing" to meet."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=65536)
def _content_words(english: str, senses: tuple[str, ...]) -> frozenset[str]:
    words: set[str] = set()
    for text in (english, *senses):
        text = _BRACKETS.sub(" ", text)
        for w in _WORD.findall(text.lower()):
            if w not in _STOP and len(w) > 1:
                words.add(_stem(w))
    return frozenset(words)


def content_words(entry: Entry) -> frozenset[str]:
    """Stemmed content words of the entry's English and dictionary senses."""
    return _content_words(entry.english, tuple(entry.senses))


def are_synonyms(a: Entry, b: Entry) -> bool:
    """True when ``a`` and ``b`` share a headword, a sense, or any content word."""
    if a.hanzi == b.hanzi or (a.traditional and a.traditional == b.traditional):
        return True
    if set(a.senses) & set(b.senses):
        return True
    if _norm(option_label(a, "english")) == _norm(option_label(b, "english")):
        return True
    return bool(content_words(a) & content_words(b))


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def option_label(entry: Entry, show: OptionShow) -> str:
    """What one option shows: the hanzi, or the first English rendering (else first sense)."""
    if show == "hanzi":
        return entry.hanzi
    for text in (*entry.english.split(";"), *entry.senses):
        text = text.strip()
        if text:
            return text
    return ""


@dataclass(frozen=True, slots=True)
class Choice:
    """Options in display order; ``entries[i]`` is the entry behind ``options[i]``."""

    options: tuple[str, ...]
    answer_index: int
    entries: tuple[Entry, ...]
    show: OptionShow


def _score(entry: Entry, cand: Entry, show: OptionShow) -> int:
    """Higher is a closer look-alike.

    With English options the hanzi lengths are invisible, so the kind matters most (a name
    among words stands out); with hanzi options the length is what the eye sees first.
    """
    kind_weight, length_weight = (3, 2) if show == "english" else (2, 4)
    score = kind_weight if cand.kind == entry.kind else 0
    diff = abs(len(cand.hanzi) - len(entry.hanzi))
    if diff == 0:
        score += length_weight
    elif diff == 1:
        score += 1
    return score


def _candidates(entry: Entry, deck: Iterable[Entry], show: OptionShow) -> Iterator[Entry]:
    """Deck entries that could stand as wrong options, lazily, in deck order.

    Each has a label, a label unlike the answer's and every earlier candidate's, and is no
    synonym of the answer. Lazy, so callers that need three stop after three.
    """
    seen = {_norm(option_label(entry, show))}
    for cand in deck:
        label = _norm(option_label(cand, show))
        if not label or label in seen:
            continue
        if show == "english" or option_label(cand, "english"):
            if are_synonyms(entry, cand):
                continue
        else:  # hanzi options need an English sense for the synonym check to mean anything
            continue
        seen.add(label)
        yield cand


def pick_distractors(
    entry: Entry,
    deck_entries: Sequence[Entry],
    rng: random.Random,
    *,
    show: OptionShow = "english",
    count: int = N_OPTIONS - 1,
) -> list[Entry]:
    """Up to ``count`` wrong options for ``entry``, best look-alikes first.

    The deck is ranked by :func:`_score` (cheap), ties broken at random from ``rng`` so the
    same card does not always meet the same distractors; only then are the best-ranked
    entries checked for synonymy, so a prompt costs little even in a deck of thousands.
    Distractors that are synonyms of each other are avoided when there are enough others,
    since two options meaning the same thing can both be ruled out at a glance.
    """
    buckets: dict[int, list[Entry]] = {}
    for cand in deck_entries:
        if cand.hanzi != entry.hanzi:
            buckets.setdefault(-_score(entry, cand, show), []).append(cand)

    def ranked() -> Iterator[Entry]:
        # best bucket first; inside a bucket a lazy Fisher-Yates shuffle, so only the
        # entries actually looked at cost a random draw
        for key in sorted(buckets):
            pool = buckets[key]
            for j in range(len(pool)):
                k = rng.randrange(j, len(pool))
                pool[j], pool[k] = pool[k], pool[j]
                yield pool[j]

    chosen: list[Entry] = []
    spare: list[Entry] = []
    for cand in _candidates(entry, ranked(), show):
        if any(are_synonyms(cand, other) for other in chosen):
            if len(spare) < count:
                spare.append(cand)
            continue
        chosen.append(cand)
        if len(chosen) == count:
            return chosen
    # not enough mutually distinct options: fill up with the best of the rest
    return chosen + spare[: count - len(chosen)]


def can_make_choice(
    entry: Entry, deck_entries: Sequence[Entry], show: OptionShow = "english"
) -> bool:
    """Whether the deck has enough distinct, non-synonym entries for four options."""
    if not option_label(entry, show):
        return False
    found = 0
    for _ in _candidates(entry, deck_entries, show):
        found += 1
        if found == N_OPTIONS - 1:
            return True
    return False


def make_choice(
    entry: Entry,
    deck_entries: Sequence[Entry],
    rng: random.Random,
    *,
    show: OptionShow = "english",
) -> Choice | None:
    """Four options with the answer at a random place, or None when the deck is too small."""
    if not option_label(entry, show):
        return None
    wrong = pick_distractors(entry, deck_entries, rng, show=show)
    if len(wrong) < N_OPTIONS - 1:
        return None
    at = rng.randrange(N_OPTIONS)
    entries = [*wrong[:at], entry, *wrong[at:]]
    return Choice(
        options=tuple(option_label(e, show) for e in entries),
        answer_index=at,
        entries=tuple(entries),
        show=show,
    )
