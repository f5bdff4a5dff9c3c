"""Word links between a Chinese clause and its English, from knowledge rather than statistics.

Four kinds of evidence, strongest first: numbers with the same value, names whose pinyin is
written in the English ("雁栖" -> "Yanqi", "殷勇" -> "Yin Yong"), dictionary senses found among
the English lemmas (whole words, then the dictionary words inside an unknown compound), and,
last, a diagonal fill that pairs an unlinked word with the unlinked English word beside its
neighbour's translation (what a phrase like 违法建设 -> "illegal structures" needs when only
违法 -> "illegal" is in the dictionary). Each link carries a strength in (0, 1] that mining turns
into confidence. Where a gloss is written in the English is ``glosshits``; the fill and the
stretch of unknown compounds live in ``grow``; a statistical aligner, when asked for, adds its
links through ``statlinks.merge``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache

from tutor.lang.script import has_chinese
from tutor.mining import numbers
from tutor.mining import resources as res
from tutor.mining.claims import settle, yield_repeats
from tutor.mining.glosses import Gloss, glosses, is_function_word
from tutor.mining.glosshits import PARTIAL, gloss_hits, match
from tutor.mining.lexicon import Lexicon
from tutor.mining.linkrules import LOOSE, LOOSE_ADVERB, MISCUT, MISCUT_RULE, head_hits
from tutor.mining.namelinks import name_links, spellings
from tutor.mining.negated import negated_links
from tutor.mining.nounsenses import prefer_nouns
from tutor.mining.persons import dotted
from tutor.mining.resources import Token
from tutor.mining.strays import in_names, stray_words
from tutor.mining.translit import translit_links, transliterable

__all__ = ["EXTEND", "FILL", "Links", "is_classifier", "link", "subwords"]

Links = dict[tuple[int, int], float]
Pattern = tuple[Gloss, tuple[str, ...], tuple[str, ...]]  # a gloss, its needles, its spellings

NUMBER, DICT, SUBWORD, FILL = 1.0, 1.0, 0.8, 0.4
EXTEND = 0.6
SENSE_RUN = 0.8  # sense words side by side, no sense whole
APPROVED = 1.0


@cache
def _usable_glosses(word: str) -> tuple[Gloss, ...]:
    return tuple(g for g in glosses(word) if len(g.lemmas) <= 5)


def _lemma_text(tokens: Sequence[Token]) -> str:
    return " " + " ".join(t.lemma for t in tokens if t.is_content) + " "


def _needles(gloss: Gloss) -> tuple[str, ...]:
    """What the cheap test before the token walk looks for in a clause's lemma text: each
    gloss word, and the first five letters of a long one after a space (its stem). A gloss
    none of whose needles is in the text is not walked."""
    out: list[str] = []
    for lem in gloss.lemmas:
        out.append(lem)
        if len(lem) >= 5:
            out.append(" " + lem[:5])
    return tuple(dict.fromkeys(out))


def _spelled(gloss: Gloss) -> tuple[str, ...]:
    """What the lemma text holds when the text writes the gloss's compound the other way:
    closed ("webpage" for "web page") or open ("full screen" for "fullscreen")."""
    if len(gloss.lemmas) == 2:
        return (" " + "".join(gloss.lemmas) + " ",)
    if len(gloss.lemmas) == 1:
        return tuple(f" {a} {b} " for a, b in _open_spellings(gloss.lemmas[0]))
    return ()


def _open_spellings(lemma: str) -> list[tuple[str, str]]:
    """The ways ``lemma`` splits into two English words of three letters or more that the
    dictionary's senses use ("fullscreen" -> full + screen)."""
    index = res.cedict().english_index()
    halves = ((lemma[:k], lemma[k:]) for k in range(3, len(lemma) - 2))
    return [(a, b) for a, b in halves if a in index and b in index]


@cache
def _patterns(word: str) -> tuple[Pattern, ...]:
    """The word's usable glosses with their needles, worked out once per process."""
    return tuple(_pattern(g) for g in _usable_glosses(word))


def _pattern(gloss: Gloss) -> Pattern:
    return gloss, _needles(gloss), _spelled(gloss)


@cache
def _name_patterns(piece: str) -> tuple[Pattern, ...]:
    """The senses a piece of a foreign person's name (迈克·彭斯) may be found by: the short
    name senses only, not the dictionary's description of the person ("US vice president")."""
    return tuple(p for p in _patterns(piece) if p[0].proper and len(p[0].lemmas) <= 2)


def _dict_links(
    word: str,
    tokens: Sequence[Token],
    weight: float,
    text: str | None = None,
    in_names: frozenset[int] = frozenset(),
    verb_hits: set[int] | None = None,
) -> dict[int, float]:
    return _pattern_links(_patterns(word), tokens, weight, text, in_names, word, verb_hits)


def _gloss_links(
    gl: Iterable[Gloss], tokens: Sequence[Token], weight: float, text: str | None = None
) -> dict[int, float]:
    return _pattern_links([_pattern(g) for g in gl], tokens, weight, text)


def _pattern_links(
    patterns: Iterable[Pattern],
    tokens: Sequence[Token],
    weight: float,
    text: str | None,
    in_names: frozenset[int] = frozenset(),
    word: str = "",
    verb_hits: set[int] | None = None,
) -> dict[int, float]:
    """Links to where the patterns' glosses (of the Chinese ``word``, if given) occur; a verb
    sense is not looked for inside a name (``in_names``): 开展 "to develop" is not the
    "Development" of "the Development Control Plan", which translates other words.
    ``verb_hits``, when given, gains the tokens only a verb sense found."""
    found: dict[int, float] = {}
    nouns: set[int] = set()
    text = _lemma_text(tokens) if text is None else text
    patterns = list(patterns)
    for gloss, needles, spelled in patterns:
        apart = bool(spelled) and _any_in(spelled, text)
        if not apart and not _any_in(needles, text):
            continue  # no gloss word (or stem) in the clause: skip the walk
        for pos, score in gloss_hits(gloss, tokens, apart):
            if gloss.verb and in_names and in_names.issuperset(pos):
                continue
            for j in pos:
                found[j] = max(found.get(j, 0.0), weight * score)
                if not gloss.verb:
                    nouns.add(j)
    if verb_hits is not None:
        verb_hits.update(j for j in found if j not in nouns)
    if not found and weight >= DICT:  # the word's own senses, none found whole: a two-word
        # sense by its head alone ("uncle" for "maternal uncle"); pieces are not stretched so
        for gloss, *_ in patterns:
            if len(gloss.lemmas) == 2:
                for pos, score in head_hits(gloss, tokens, word):
                    found[pos[0]] = max(found.get(pos[0], 0.0), weight * score)
    return found


def _any_in(needles: tuple[str, ...], text: str) -> bool:
    """``any(n in text for n in needles)`` without a generator: this test runs for every
    sense of every word of every clause, and most answer no."""
    for needle in needles:
        if needle in text:
            return True
    return False


@cache
def subwords(word: str) -> tuple[str, ...]:
    """Dictionary words inside ``word`` (longest first at each position, then single chars)."""
    out: list[str] = []
    n = len(word)
    for i in range(n):
        for j in range(n, i, -1):
            piece = word[i:j]
            if piece != word and res.entries(piece):
                out.append(piece)
                break
    return tuple(out)


def _number_links(word: str, tokens: Sequence[Token], spans) -> dict[int, float]:
    value = numbers.zh_value(word)
    unit = ""
    percent = value is None and (value := numbers.zh_percent(word)) is not None
    if value is None:
        count = numbers.zh_count(word)
        if count is None:
            return {}
        value, unit = count
    out: dict[int, float] = {}
    with_unit: dict[int, float] = {}
    for a, b, v in spans:
        if numbers.same_value(value, v):
            here = dict.fromkeys(range(a, b), NUMBER)
            while percent and b < len(tokens) and tokens[b].low in _PERCENT:
                here[b] = NUMBER  # "50 percent", "50 per cent"
                b += 1
            if unit and not word.startswith("第"):
                extra = _unit_links(unit, tokens, a, b)
                here.update(extra)
                if NUMBER in extra.values():
                    with_unit.update(here)
            out.update(here)
    return with_unit or out  # "二期": the "2" written beside "Phase", not any other "second"


_PERCENT = frozenset(("percent", "per", "cent", "percentage"))


def _unit_links(unit: str, tokens: Sequence[Token], a: int, b: int) -> dict[int, float]:
    """The unit's English right beside its number: "three-year", "Phase II", "Three Schools"."""
    lemmas = {g.lemmas[0] for g in _usable_glosses(unit) if len(g.lemmas) == 1}
    out: dict[int, float] = {}
    for j in (b, b + 1, a - 1, a - 2):
        if 0 <= j < len(tokens) and tokens[j].is_content:
            if any(match(lem, tokens[j]) >= 0.7 for lem in lemmas):
                out[j] = NUMBER
                return out
    if b < len(tokens) and tokens[b].is_content and not is_classifier(unit):
        out[b] = PARTIAL  # "一院" -> "one hospital": the noun after the number renders the unit
    return out


@cache
def is_classifier(char: str) -> bool:
    """届, 批, 个: measure words, whose English (if any) is not the noun after the number."""
    return any("classifier" in s for e in res.entries(char) for s in e.senses)


def _clusters(cands: dict[int, float], en: Sequence[Token] = ()) -> list[list[int]]:
    """The word's candidate English positions in runs (gaps of at most one token).

    Two runs are one when only function words lie between them and they hold different
    words: English often puts a compound's parts the other way round around a preposition
    (工作报告 "report on the work", 国务院 "Council of the State"), while the same word twice
    (北京 ... "Beijing" ... "Beijing") stays two places to choose from.
    """
    runs: list[list[int]] = []
    for j in sorted(cands):
        if runs and j - runs[-1][-1] <= 2:
            runs[-1].append(j)
        elif runs and en and _bridged(en, runs[-1], j, cands):
            runs[-1].append(j)
        else:
            runs.append([j])
    return runs


def _bridged(en: Sequence[Token], run: list[int], j: int, cands: dict[int, float]) -> bool:
    """Only function words between, a different word beyond, and both sides found by a
    whole word or a two-character piece (a one-character piece is too weak to reach over)."""
    between = en[run[-1] + 1 : j]
    if not 1 <= len(between) <= 3 or any(t.is_content for t in between):
        return False
    if min(cands[k] for k in (*run, j)) < SUBWORD:
        return False
    return en[j].lemma not in {en[k].lemma for k in run}


def link(zh: Sequence[str], en: Sequence[Token], lexicon: Lexicon | None = None) -> Links:
    """Knowledge-based links between Chinese words ``zh`` and English tokens ``en``.

    ``lexicon`` holds the learner's approved pairs: found in the English, they replace what the
    dictionary suggests for that word, or for a run of words that together make the entry.
    """
    spans = numbers.en_number_spans(list(en))
    text = _lemma_text(en)
    index = spellings(en)
    names = in_names(en)
    seen = frozenset(t.lemma for t in en if t.is_content)
    cand: list[dict[int, float]] = []
    verb_only: dict[int, set[int]] = {}  # word -> tokens only its verb senses found
    for word in zh:
        found: dict[int, float] = {}
        han = has_chinese(word)
        if han or numbers.zh_value(word) is not None:
            found = _number_links(word, en, spans) if spans else {}  # no number: none
            if not found and han and not is_function_word(word):
                found = name_links(word, en, index)
                verbs = verb_only[len(cand)] = set()
                for j, s in _dict_links(word, en, DICT, text, names, verbs).items():
                    found[j] = max(found.get(j, 0.0), s)
                if not found or len(word) >= 3 or not res.entries(word):
                    _piece_links(word, en, text, index, names, found)
                if len(word) >= 2 and (not found or max(found.values()) < SENSE_RUN):
                    found.update(_sense_run_links(word, en, found, seen))
        if not found and transliterable(word):
            found = translit_links(word, en)
        cand.append(found)
    prefer_nouns(zh, cand, verb_only)
    negated_links(zh, en, cand)
    if lexicon:
        _approved(zh, en, lexicon, cand, text)
    return _resolve(cand, en, zh)


def _approved(
    zh: Sequence[str], en: Sequence[Token], lexicon: Lexicon, cand: list[dict[int, float]], text
) -> None:
    """Link words (or runs of words) the learner accepted before to their accepted English."""
    for i, k, hanzi in lexicon.spans(zh):
        found = _gloss_links(lexicon.glosses(hanzi), en, APPROVED, text)
        found = {j: s for j, s in found.items() if s >= APPROVED * 0.7}
        if found:
            for n in range(i, i + k):
                cand[n] = dict(found)


def _piece_links(
    word: str,
    en: Sequence[Token],
    text: str,
    index: dict[str, list[int]],
    names: frozenset[int],
    found: dict[int, float],
) -> None:
    """Add to ``found`` the links of the dictionary words and characters inside ``word``."""
    doubt = MISCUT if not found and MISCUT_RULE.fires(word) else 1.0
    name = dotted(word)
    for piece in subwords(word):
        weight = doubt * (SUBWORD if len(piece) >= 2 else SUBWORD * 0.75)
        if len(piece) == 1 and LOOSE_ADVERB.fires(word):
            weight = LOOSE
        pats = _name_patterns(piece) if name else _patterns(piece)
        for j, s in _pattern_links(pats, en, weight, text, names, word).items():
            found[j] = max(found.get(j, 0.0), s)
        for j, s in name_links(piece, en, index).items():
            found.setdefault(j, s * SUBWORD)


def _sense_run_links(
    word: str, en: Sequence[Token], found: dict[int, float], seen: frozenset[str]
) -> dict[int, float]:
    """Adjacent English words that are each a word of one of ``word``'s senses, two different
    ones or more, though no sense is written whole: 车祸 ("traffic accident; car crash") in "car
    accident", 红矮星 ("red dwarf star") in "red dwarf". Where part of a sense was found
    (``found``), only a run holding it counts. ``seen``: the clause's content lemmas."""
    lemmas = res.cedict().sense_lemmas(word)
    if len(lemmas & seen) < 2:
        return {}
    out: dict[int, float] = {}
    run: list[int] = []
    for j in [*range(len(en)), len(en)]:
        if j < len(en) and en[j].is_content and en[j].lemma in lemmas:
            run.append(j)
            continue
        if j < len(en) and en[j].text == "-" and run:
            continue
        distinct = {en[k].lemma for k in run}
        if len(distinct) >= 2 and (not found or any(k in found for k in run)):
            out.update(dict.fromkeys(run, SENSE_RUN))
        run = []
    return out


def _resolve(cand: list[dict[int, float]], en: Sequence[Token], zh: Sequence[str]) -> Links:
    """Keep, for each word, the group of English positions nearest where it should be.

    A word like 北京 matches every "Beijing" in a paragraph; the right one lies between the
    translations of its neighbours. Words with one group are anchors; the others are placed by
    interpolating between the nearest anchors on each side. Tokens two words far apart
    both chose are then settled (``claims.settle``).
    """
    n, m = len(cand), len(en)
    groups = [_clusters(c, en) for c in cand]
    anchor: dict[int, float] = {}
    for i, g in enumerate(groups):
        if len(g) == 1:
            anchor[i] = sum(g[0]) / len(g[0])
    links: Links = {}
    keys = sorted(anchor)
    for i, g in enumerate(groups):
        if not g:
            continue
        if len(g) > 1:
            left = [k for k in keys if k < i]
            right = [k for k in keys if k > i]
            if left and right:
                a, b = left[-1], right[0]
                expect = anchor[a] + (anchor[b] - anchor[a]) * (i - a) / (b - a)
            elif left:
                expect = anchor[left[-1]] + (i - left[-1]) * m / max(n, 1)
            elif right:
                expect = anchor[right[0]] - (right[0] - i) * m / max(n, 1)
            else:
                expect = i * m / max(n, 1)
            g = [min(g, key=lambda run: (abs(sum(run) / len(run) - expect), -len(run)))]
        for j in g[0]:
            links[(i, j)] = cand[i][j]
    links = yield_repeats(zh, settle(zh, links, groups, cand), [t.lemma for t in en])
    stray = stray_words(links)
    return {k: v for k, v in links.items() if k[0] not in stray} if stray else links


STRAY = 8  # English tokens
