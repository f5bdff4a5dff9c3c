"""Dictionary senses turned into English patterns that can be found in a translation.

A CC-CEDICT sense such as "to tear down; to demolish" says which English words may translate
the Chinese word. To find them in a sentence we need each alternative as a tuple of content
lemmas ("tear", "down") and whether it names something ("abbr. for Beijing" -> "beijing").
Patterns are built once per word and cached: mining asks for the same words again and again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tutor.lang.cedict import sense_kind
from tutor.mining import resources as res

__all__ = [
    "Gloss",
    "capitalised",
    "first_sense",
    "short_translations",
    "translation_chars",
    "glosses",
    "verb_mostly",
    "is_function_word",
    "is_verbal",
    "negates",
    "noun_lemmas",
    "particle_verbs",
    "rendering_gloss",
]

_PARENS = re.compile(r"\([^()]*\)|[^\s\[\]()]*\[[^\]]*\]|\S*\|\S*|[\u3400-\u9fff]+")
_SPLIT = re.compile(r"\s*[;,]\s*")
_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)*|\d+")
_LEADING = ("to ", "a ", "an ", "the ", "one's ", "sb's ", "sth ", "sb ")
_ABBR = re.compile(r"^(?:abbr\. (?:for|of|to)|short (?:name )?for|short for)\s+", re.I)


@dataclass(frozen=True, slots=True)
class Gloss:
    """One English alternative of a sense: its content lemmas, in order, and its text."""

    lemmas: tuple[str, ...]
    text: str
    proper: bool = False
    verb: bool = False


def _alternatives(sense: str) -> list[tuple[str, bool, bool]]:
    """Split a sense into its English alternatives; abbreviations yield what they stand for."""
    kind = sense_kind(sense)
    if kind in ("classifier", "variant", "see", "used_in", "surname"):
        return []
    proper = False
    plain = _REGION.sub("", sense)
    m = _ABBR.match(plain)  # "(Tw) abbr. for 克罗埃西亚[...], Croatia"
    if m:
        sense = plain[m.end() :]
        proper = True
    elif sense.startswith("short name for "):
        sense = sense[len("short name for ") :]
        proper = True
    sense = sense.replace("(bound form)", " ")
    bare = _PARENS.sub(" ", sense)
    out = []
    for alt in _SPLIT.split(bare):
        alt = " ".join(alt.split())
        low = alt.lower()
        verb = low.startswith("to ")
        for lead in _LEADING:
            if low.startswith(lead):
                alt, low = alt[len(lead) :], low[len(lead) :]
        if alt and not _ABBR.match(alt + " "):  # "..., abbr. for 大学生[...]": a reference
            out.append((alt, proper or alt[:1].isupper(), verb))
            out.extend((part, False, verb) for part in _coordinated(alt))
    out.extend((name, True, False) for name in _spelled_out(sense))
    out.extend((whole, False, False) for whole in _qualified(sense))
    out.extend((whole, False, verb) for whole, verb in _completed(sense))
    return out


_REGION = re.compile(r"^\((?:Tw|PRC|HK|Cantonese)\)\s*")  # where a sense is used, not English
_AND = re.compile(r"^([a-z]+) (?:and|or) ([a-z]+)$")
_NAMES_IN_PARENS = re.compile(r"\(([A-Z][^()]*)\)")
_REGIONS = frozenset(("Tw", "PRC", "HK", "Cantonese"))
_NOTE = re.compile(r"[\[:]| pr\.")  # "(CL:场[chang2])", "(Taiwan pr. [duo2])": notes, no names


def _coordinated(alt: str) -> tuple[str, ...]:
    """Each verb or adjective of "rectify and improve": a translator often renders only one."""
    m = _AND.match(alt)
    return (m.group(1), m.group(2)) if m else ()


def _spelled_out(sense: str) -> list[str]:
    """What a capitalised parenthesis spells out ("Jing-Jin-Ji (Beijing, Tianjin and Hebei)")."""
    return [
        " ".join(m.group(1).replace(",", " ").split())
        for m in _NAMES_IN_PARENS.finditer(sense)
        if m.group(1) not in _REGIONS and not _NOTE.search(m.group(1))
    ]


_QUALIFIED = re.compile(r"^\(([a-z]+)\) ([a-z][a-z -]*)$")
# The one-word parentheses CC-CEDICT opens four or more senses with: field and register labels
# ("(computing) file", "(literary) ..."), never part of the English phrase.
_LABELS = frozenset(
    """
    accounting administrative agriculture anatomy archaic architecture astronomy attributive
    aviation baseball basketball biology botany business chemistry classical computer computing
    dialect economics electrical epidemiology euphemism finance for formal gaming geology
    geometry golf grammar honorific idiom in jocular law legal linguistics literary loanword
    medical medicine military mining music neologism not old optics philosophy phonetics
    photography physics physiology polite political prefix provincial psychology railway
    religion sexual slang soccer sport sports statistics suffix textiles theater typography
    vehicle vulgar written zoology
    """.split()
)


def _qualified(sense: str) -> tuple[str, ...]:
    """A sense whose one-word qualifier belongs to the phrase a text may use: "(body)
    temperature" is found as "body temperature" too; a field label is not."""
    m = _QUALIFIED.match(sense)
    if m is None or m.group(1) in _LABELS:
        return ()
    return (f"{m.group(1)} {m.group(2)}",)


_TRAILING = re.compile(r"^(to )?([a-z][a-z-]*(?: [a-z-]+)?) \(([a-z]+)\)$")
_ONE_OR = re.compile(r"^(to )?((?:[a-z-]+ )*)([a-z-]+) or ([a-z-]+)((?: [a-z-]+)*)$")
_VAGUE = frozenset("somewhere something someone somebody oneself sb sth etc".split())


def _completed(sense: str) -> list[tuple[str, bool]]:
    """The longer phrases a sense's optional word or single "or" stand for, each with
    whether it is a verb: "to spend (time)" is also "spend time", "last bus or train" both
    "last bus" and "last train" (a translator writes one of them whole)."""
    m = _TRAILING.match(sense)
    if m and m.group(3) not in _LABELS and m.group(3) not in _VAGUE:
        return [(f"{m.group(2)} {m.group(3)}", bool(m.group(1)))]
    m = _ONE_OR.match(sense)
    if m and (m.group(2) or m.group(5)):  # "x or y" alone is _coordinated's
        head, tail = m.group(2), m.group(5)
        return [(f"{head}{w}{tail}", bool(m.group(1))) for w in (m.group(3), m.group(4))]
    return []


def _lemmas(alt: str) -> tuple[str, ...]:
    """The content lemmas of a gloss; an acronym ("US", "EU") is kept as it stands."""
    out = []
    for w in _WORD.findall(alt):
        if len(w) >= 2 and w.isupper():
            out.append(w.lower())
        elif w.lower() not in res.EN_STOPWORDS:
            out.append(res.lemma(w.lower()))
    return tuple(out)


@cache
def glosses(word: str) -> tuple[Gloss, ...]:
    """Every English alternative the dictionary gives for ``word``, best-known senses first."""
    seen: dict[tuple[str, ...], Gloss] = {}
    for entry in res.entries(word):
        for sense in entry.senses:
            for alt, proper, verb in _alternatives(sense):
                lemmas = _lemmas(alt)
                if lemmas and lemmas not in seen:
                    seen[lemmas] = Gloss(lemmas, alt, proper, verb)
    return tuple(seen.values())


def rendering_gloss(english: str) -> Gloss | None:
    """A learner-approved rendering ("backstreets and alleys") as a pattern to find in text."""
    lemmas = _lemmas(english)
    if not lemmas:
        return None
    return Gloss(lemmas, english, english[:1].isupper())


@cache
def first_sense(word: str) -> str:
    """The first sense that translates ``word``, for when nothing in the text does."""
    for entry in res.entries(word):
        for sense in entry.senses:
            alts = _alternatives(sense)
            if alts:
                return alts[0][0]
    return ""


# Grammatical words a learner does not study as vocabulary cards from a text: particles,
# pronouns, conjunctions, prepositions, auxiliaries, bare demonstratives and quantifiers.
_FUNCTION = frozenset(
    """
    的 地 得 了 着 过 吗 呢 吧 啊 呀 嘛 之 其 所 者 也 亦 矣 乎 焉 哉
    我 你 您 他 她 它 我们 你们 他们 她们 它们 咱们 自己 大家 人家
    本 该 此 这 那 这些 那些 这个 那个
    这样 那样 这么 那么 这里 那里 哪 哪里 哪儿 什么 谁 怎么 怎样 为什么 多少 几
    和 与 及 以及 并 并且 而 而且 或 或者 或是 还是 但 但是 可是 然而 因为 所以 因此 如果 虽然
    即 即使 就是 只是 不但 不仅 而是 以便 以免 由于 于是 从而 进而 以至
    在 于 对 对于 关于 把 被 将 让 给 向 从 自 到 以 为 为了 由 按 按照 根据 通过 随着 跟 同
    至 至于 比 除了 除 经 经过 沿 朝 往 凭 依 依照 当 等 等等 之一 方面
    是 有 没 没有 不 别 也 都 就 才 又 再 还 很 太 最 更 越 已 已经 曾 正 正在 将要 会 能 可以 可 要
    应 应该 应当 必须 得以 一 个 一个 些 一些 各 每 某 多 几个 上 下 中 内 外 里 前 后 间
    年 月 日 号 次 第 家 处 条 个 名 位 项 座 件 种 批 届 道
    """.split()
)


@cache
def is_function_word(word: str) -> bool:
    """True for grammatical words, numbers and punctuation: never vocabulary entries."""
    if word in _FUNCTION or not any("\u3400" <= c <= "\u9fff" for c in word):
        return True
    if _NUMERAL.fullmatch(word):
        return True
    meaning = [e for e in res.entries(word) if e.meanings]
    if meaning and all(_grammatical(e.meanings) for e in meaning):
        return True
    return False


_NUMERAL = re.compile(r"[第]?[\d.,零〇一二两三四五六七八九十百千万亿余多几]+[年月日号]?")
_GRAMMAR = re.compile(
    r"^(?:\(?(?:particle|pronoun|conjunction|preposition|classifier|interjection|"
    r"modal particle|aspect particle|structural particle|auxiliary|onomatopoeia)\b)",
    re.I,
)


def _grammatical(meanings: tuple[str, ...]) -> bool:
    return all(_GRAMMAR.match(m) for m in meanings)


@cache
def noun_lemmas(word: str) -> frozenset[str]:
    """One-word senses of ``word`` that are not verbs ("service" of 服务, beside "to serve"),
    nor a verb's participle (名叫 "named", "called")."""
    return frozenset(
        g.lemmas[0]
        for g in glosses(word)
        if len(g.lemmas) == 1 and not g.verb and not _participle(g)
    )


def _participle(g: Gloss) -> bool:
    """A one-word sense written as a verb's past participle ("named" for "name")."""
    text = g.text.lower()
    return text.endswith("ed") and text != g.lemmas[0]


@cache
def states(word: str) -> frozenset[str]:
    """The participles of ``word``'s "to be ..." senses, as written (惊奇 "to be amazed" ->
    "amazed", 关心 "to be concerned about" -> "concerned"): a state, kept in that form."""
    out = set()
    for g in glosses(word):
        parts = g.text.lower().split()
        if g.verb and len(parts) >= 2 and parts[0] == "be" and parts[1].endswith("ed"):
            out.add(parts[1])
    return frozenset(out)


@cache
def particle_verbs(word: str) -> frozenset[str]:
    """Phrasal-verb senses as written ("give up" of 放弃): their particle is a stopword."""
    out = set()
    for g in glosses(word):
        parts = g.text.lower().split()
        if g.verb and len(parts) == 2:
            out.add(f"{res.lemma(parts[0])} {parts[1]}")
    return frozenset(out)


@cache
def is_verbal(word: str) -> bool:
    """The dictionary's first meaning of ``word`` is a verb ("to ...")."""
    for entry in res.entries(word):
        for m in entry.meanings:
            return m.startswith("to ")
    return False


_CAP_WORD = re.compile(r"\b[A-Z][A-Za-z]*")


@cache
def capitalised(word: str) -> frozenset[str]:
    """Words the dictionary capitalises in the senses of ``word``, lower-cased: the proper
    nouns its English may contain ("beijing" for 北京, 北京市 and 京). For a word the
    dictionary does not know, those of its characters ("tianjin" for 津兴: 津 is short for
    Tianjin)."""
    found = res.entries(word)
    out: set[str] = set()
    if not found:
        for char in word if len(word) > 1 else ():
            out.update(capitalised(char))
        return frozenset(out)
    for entry in found:
        for sense in entry.senses:
            if sense_kind(sense) in ("variant", "see", "used_in", "classifier"):
                continue
            if sense.rstrip().endswith(("!", "?")):
                continue  # an exclamation ("Hurry up!") capitalises its first word anyway
            bare = _PARENS_NOTES.sub(" ", sense)
            out.update(m.group(0).lower() for m in _CAP_WORD.finditer(bare) if len(m.group(0)) > 1)
    return frozenset(out)


_PARENS_NOTES = re.compile(r"\[[^\]]*\]|\S*\|\S*|\((?:Tw|PRC|coll|lit|fig|old|dialect)\.?\)")


SHORT = 3  # characters in a "short" dictionary word
GENERIC = 200  # English words with more short dictionary translations than this say little


@cache
def short_translations(lemma: str) -> tuple[str, ...]:
    """Short dictionary words (up to ``SHORT`` characters) whose senses use ``lemma``."""
    index = res.cedict().english_index()
    return tuple(sorted(h for h in index.get(lemma, ()) if len(h) <= SHORT))


@cache
def translation_chars(lemma: str) -> frozenset[str]:
    """Characters of the one- and two-character translations of ``lemma`` ("park": 公, 园,
    区, ...); none for words with very many ("get", "time"): some character always turns up."""
    heads = short_translations(lemma)
    if len(heads) > GENERIC:
        return frozenset()
    return frozenset(c for h in heads if len(h) <= 2 for c in h)


_NEGATING_CHARS = frozenset("不没沒无無非未别別莫勿毋否甭")
_NEGATION_SENSE = re.compile(
    r"\b(?:no|not|never|nothing|none|nobody|without|non|\w{3,}less)\b|n't\b", re.I
)


@cache
def negates(word: str) -> bool:
    """``word`` carries a negation (不论 "no matter", 没用 "useless", 无关 "unrelated"): it has
    a negating character, and a sense says "no", "not", "never", "...less"... or, for a word
    the dictionary does not know, the negating character comes first (没去). 非常 "very",
    别人 "other people" and 未来 "future" have the characters but no negation in senses."""
    if _NEGATING_CHARS.isdisjoint(word):
        return False
    found = res.entries(word)
    if not found:
        return word[0] in _NEGATING_CHARS
    return any(_NEGATION_SENSE.search(s) for e in found for s in e.senses)


VERB_SHARE = 5  # "to carry" at least this many times as often as "carry" as a sense
VERB_SENSES = 8  # ... and in at least this many senses


@cache
def verb_mostly(lemma: str, share: float = VERB_SHARE) -> bool:
    """The dictionary uses the English ``lemma`` almost only as a verb: its one-word senses
    read "to carry" far more often than "carry" ("sell", "warn", "check" do; "travel",
    "export", "work", "campaign" are nouns as often, and a translator writes them as noun
    modifiers: "travel ban", "export capacity"). ``share`` is how many times as often."""
    as_verb = as_other = 0
    for hanzi in res.cedict().english_index().get(lemma, ()):
        for alt, _proper, verb in _alternatives_of(hanzi):
            if len(alt.split()) == 1 and res.lemma(alt) == lemma:
                if verb:
                    as_verb += 1
                else:
                    as_other += 1
    return as_verb >= VERB_SENSES and as_verb >= share * max(as_other, 1)


@cache
def _alternatives_of(hanzi: str) -> tuple[tuple[str, bool, bool], ...]:
    return tuple(alt for e in res.entries(hanzi) for s in e.senses for alt in _alternatives(s))
