"""The span rules: named checks on one candidate span's facts, applied in this file's order.

``phrases`` works out a span's facts once (its words, the English it is linked to, its kind
and strength) and hands them to ``apply``, which runs every rule that is on and looks at the
span's kind: a rule that fires drops the span or scales its strength. Each rule's check says
what it looks for; its examples say what it changed when it was written.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tutor.mining import numbers
from tutor.mining import resources as res
from tutor.mining.clause import Clause
from tutor.mining.glosses import noun_lemmas
from tutor.mining.links import FILL, is_classifier
from tutor.mining.persons import is_person, title_and_name
from tutor.mining.pipeline import Drop, Rule, Scale, disabled, mark, trace
from tutor.mining.render import inflected
from tutor.mining.resources import Token
from tutor.mining.termshape import noun_like, termlike, verb_led, verb_object_word

__all__ = ["PHRASE_RULES", "WORD_RULES", "SpanFacts", "apply"]

NUMBER_ONLY = 0.45  # a dictionary word rendered by a bare number (两者 "two" for "both")
UNKNOWN_WORD = 0.8


@dataclass(slots=True)
class SpanFacts:
    """What is known of Chinese words i1..i2 of a clause linked to English tokens a..b."""

    c: Clause
    i1: int
    i2: int
    words: Sequence[str]
    hanzi: str
    a: int
    b: int
    strength: float
    name: bool
    kind: str
    known: bool  # the dictionary lists the whole span
    number_word: bool = False  # one word that is a number or a count (三天, 两者, 百分之五十)
    numeric_all: bool = False  # ... whose English is numbers only ("two", "third")
    counted: bool = False  # a number in characters with its measure word, then a noun
    verb: bool = False  # a single word rendered as a verb

    @property
    def single(self) -> bool:
        return self.i1 == self.i2


def _number_alone(f: SpanFacts) -> bool:
    """A number word the dictionary does not list whose English is the number alone (两只
    "two", 三个 "three", 第三个 "third"): it teaches only the number, so it is no unit."""
    return f.number_word and f.numeric_all and not f.known


def _counter_alone(f: SpanFacts) -> bool:
    """A number and its measure word the dictionary does not list (一名, 一节, 两个) whose
    English writes no number: what it counts is another word's, and the link a guess (一名
    "professional")."""
    count = numbers.zh_count(f.hanzi)
    if f.known or count is None or not is_classifier(count[1]):
        return False
    return not numbers.en_number_spans(list(f.c.en[f.a : f.b + 1])) and not any(
        t.low in numbers.SCALE_WORDS for t in f.c.en[f.a : f.b + 1]
    )


def _number_only(f: SpanFacts) -> bool:
    """A dictionary word rendered by a bare number (两者 "the two" for "both", 第三方 "third"
    for "third party"): held back for review."""
    return f.number_word and f.numeric_all and f.known


def _verb_object_word(f: SpanFacts) -> bool:
    """A long word the segmenter made of a verb and its object (做完作业 "finished his
    homework"), told by its English (``termshape.verb_object_word``)."""
    return verb_object_word(f.hanzi, f.c.en, f.a, f.b)


def _unknown_short(f: SpanFacts) -> bool:
    """A short word the dictionary does not list (jieba's 爱我, 本书): often not a unit."""
    return not f.name and not f.known and len(f.hanzi) < 4


def _counted_not_plural(f: SpanFacts) -> bool:
    """A number in characters, its measure word and a noun (两只猫) is a measure only when the
    English is the number and a plural noun ("two cats"), not "three white" or "two broadly"."""
    c, a, b = f.c, f.a, f.b
    en = c.en
    return f.counted and not (
        b > a
        and numbers.en_value(en[a]) not in (None, 1.0)
        and noun_like(f.words[1])
        and not inflected(en[b])
        and any(t.low != t.lemma for t in en[a + 1 : b + 1] if t.is_content)
    )


def _cut_short(f: SpanFacts) -> bool:
    """The English ends inside a name that goes on with a capitalised word linked to nothing
    or to the one character after the span ("Energy Information" of "the Energy Information
    Administration", whose 署 the segmenter cut off): the span has only part of the name. A
    longer word after it (科技园 before 管委会) is a name of its own. Headings say nothing."""
    c, i2, b = f.c, f.i2, f.b
    en = c.en
    if c.heading or b + 1 >= len(en) or not en[b].capital:
        return False
    nxt = en[b + 1]
    if not (nxt.is_content and nxt.capital):
        return False
    if any(is_person(w) for w in c.zh[i2 + 1 : i2 + 3]):
        return False  # a title before a person's name: "Chief Minister" Mamata Banerjee
    owners = c.by_en.get(b + 1, ())
    return not owners or (list(owners) == [i2 + 1] and len(c.zh[i2 + 1]) == 1)


def _not_termlike(f: SpanFacts) -> bool:
    """A phrase that is not a term a learner studies: its head is not noun-like, or it is a
    verb and its object, or a stretch of a clause (``termshape.termlike``)."""
    return not termlike(f.words, f.c.en, f.a, f.b, f.name)


def _title_and_name(f: SpanFacts) -> bool:
    """A title and a person's name are two units ("Police Chief", "Daniel"), not one."""
    return title_and_name(f.words)


def _verb_led(f: SpanFacts) -> bool:
    """A phrase led by a verb with its object ("carry lunch", "checked the TV")."""
    c = f.c
    return verb_led(c.zh, c.en, c.by_zh, c.heading, f.i1, f.i2)


def _fill_only(f: SpanFacts) -> bool:
    """A phrase held together only by position: every link of it is a diagonal fill."""
    links = f.c.links
    return all(links[(i, j)] <= FILL for (i, j) in links if f.i1 <= i <= f.i2)


def _ordinal_led(f: SpanFacts) -> bool:
    """A phrase opening with an ordinal (第二, 第一条) whose English does not write that
    number (第一条定义 "Definitions": a section's number glued to its heading), or a term
    whose ordinal counts with a measure word (第二道河 "second river": the second of them,
    no term). An ordinal the English writes before a name stays (第四使馆区 "Fourth
    Embassy Area")."""
    if f.known or f.single or not f.words[0].startswith("第"):
        return False
    value, unit = numbers.zh_value(f.words[0]), ""
    if value is None:
        count = numbers.zh_count(f.words[0])
        if count is None:
            return False
        value, unit = count
    english = f.c.en[f.a : f.b + 1]
    if not any(numbers.en_value(t) == value for t in english):
        return True
    return f.kind == "term" and bool(unit or res.pos(f.words[1]) == "q")


# what joins a head to what it owns: "mother of all living", "the people's rights"
_LINKING = frozenset("of in the 's all every each his her its their our my your".split())


def _turned_round(f: SpanFacts) -> bool:
    """A phrase the dictionary does not list whose last word's English comes before its first
    word's with more than "of", "in", "the" or an owner's word between (车祸有责任
    "responsible for the accident", 神同行 "walked with God"): a verb or adjective with what
    it governs, read backwards, not a term. A noun last word heads a term English turns
    round ("center for international exchanges" of 国际交往中心); 众生之母 "mother of all
    living" turns round over "of all" only."""
    if f.known or f.single:
        return False
    first, last = f.c.by_zh.get(f.i1), f.c.by_zh.get(f.i2)
    if not first or not last or max(last) >= min(first):
        return False
    if _head_noun(f.words[-1], [f.c.en[j] for j in last]):
        return False
    return any(t.low not in _LINKING for t in f.c.en[max(last) + 1 : min(first)])


def _head_noun(word: str, english: Sequence[Token]) -> bool:
    """The last word of a phrase is a noun as the English renders it: the segmenter tags it a
    noun and the English is one of its one-word senses that are no verb (中心 "center" in
    "center for international exchanges"), or the dictionary does not list it (用地 "land")."""
    tag = res.pos(word)
    if not tag.startswith("n") and tag != "vn":
        return False  # 有责任 "responsible": an adjective's sense is no noun's
    if not res.entries(word):
        return True
    nouns = noun_lemmas(word)
    return any(t.lemma in nouns for t in english)


_NOT_NAME = frozenset(("word", "term", "measure"))
_TERM = frozenset(("term",))
_PHRASE = frozenset(("term", "name"))

#: Rules for a single word, in the order they run.
WORD_RULES: tuple[Rule, ...] = (
    Rule(
        "number_alone",
        "word",
        _NOT_NAME,
        Drop(),
        _number_alone,
        ("两只 'two': no entry", "第三个 'third': no entry"),
    ),
    Rule(
        "counter_alone",
        "word",
        _NOT_NAME,
        Drop(),
        _counter_alone,
        ("一名 'professional': no entry", "一节 'section': no entry"),
    ),
    Rule(
        "number_only",
        "word",
        _NOT_NAME,
        Scale(NUMBER_ONLY),
        _number_only,
        ("两者 'the two': held back",),
        holds=True,
    ),
    Rule(
        "verb_object_word",
        "word",
        _TERM,
        Drop(),
        _verb_object_word,
        ("做完作业 'finished his homework': no entry",),
    ),
    Rule(
        "unknown_short",
        "word",
        _NOT_NAME,
        Scale(UNKNOWN_WORD),
        _unknown_short,
        ("爱我 'love me': scaled",),
    ),
)

#: Rules for a phrase of two or more words, in the order they run.
PHRASE_RULES: tuple[Rule, ...] = (
    Rule("counted_not_plural", "phrase", frozenset(("measure",)), Drop(), _counted_not_plural,
         ("三只白 'three white': no entry", "两只猫 'two cats': kept")),
    Rule("cut_short", "phrase", _PHRASE, Drop(), _cut_short,
         ("美国能源信息 'Energy Information' (...Administration): no entry",)),
    Rule("termlike", "phrase", _TERM, Drop(), _not_termlike,
         ("拆除违法建设 'demolished illegal structures': no entry",)),
    Rule("title_and_name", "phrase", _PHRASE, Drop(), _title_and_name,
         ("警察局局长丹尼尔 'Police Chief Daniel': no entry",)),
    Rule("verb_led", "phrase", _TERM, Drop(), _verb_led,
         ("带着午饭 'carry lunch': no entry", "检查电视 'checked the TV': no entry")),
    Rule("fill_only", "phrase", _PHRASE, Drop(), _fill_only,
         ("a phrase linked by position only: no entry",)),
    Rule("ordinal_led", "phrase", _PHRASE, Drop(), _ordinal_led,
         ("第一条定义 'Definitions': no entry", "第二道河 'second river': no entry",
          "第四使馆区 'Fourth Embassy Area': kept")),
    Rule("turned_round", "phrase", _TERM, Drop(), _turned_round,
         ("车祸有责任 'responsible for the accident': no entry",
          "众生之母 'mother of all living': kept")),
)  # fmt: skip


def apply(f: SpanFacts, rules: Sequence[Rule]) -> bool:
    """Run those of ``rules`` that are on over ``f`` in order: False when one drops the span,
    else True with ``f.strength`` scaled by every rule that fired."""
    off = disabled()
    log = trace()
    traced = log is not None and log.hanzi == f.hanzi
    for rule in rules:
        if f.kind not in rule.applies_to or rule.name in off:
            continue
        hit = rule.check(f)
        if traced:
            assert log is not None
            log.rule(f.hanzi, rule, hit, " ".join(t.text for t in f.c.en[f.a : f.b + 1]))
        if not hit:
            continue
        action = rule.action
        if isinstance(action, Drop):
            return False
        if isinstance(action, Scale):
            f.strength *= action.factor
            mark(f.hanzi, rule.name)
    return True
