"""Statistical links admitted beside knowledge links: only into gaps, only with support.

The statistical aligner (``tutor.mining.align``) links every word to something, also words a
translator left out; knowledge links (``links``) are sure but leave gaps. A statistical link is
taken only where it fills a gap without spoiling what knowledge found: between content words
both left unlinked, outside the English of any linked word, and backed by the dictionary,
however indirectly. What is refused, measured on the bundled report and everyday sentences:
adverbs linked to leftover words (更加 -> the "-" inside "Beijing-Tianjin-Hebei", which glued 更加
onto the name), and guesses with nothing behind them but co-occurrence (紧密 -> "pursue").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from tutor.lang.script import has_chinese
from tutor.mining import resources as res
from tutor.mining.glosses import GENERIC, is_function_word, short_translations
from tutor.mining.links import Links
from tutor.mining.resources import Token
from tutor.mining.strays import stray_words

__all__ = ["merge"]

# jieba tags of words whose translation is grammar or nothing: adverbs (更加, 不断), prepositions,
# conjunctions, particles, pronouns, numerals and classifiers. The aligner links them to
# whatever is left over ("-", "of", "pursue"), and such a link spoils the phrases around them.
_NO_STATISTICAL = frozenset("d dg p c u uj ul uz ud ug uv r rr rz y e o m mq q".split())


def merge(
    links: Links,
    extra: Iterable[tuple[int, int]],
    strength: float,
    zh: Sequence[str],
    en: Sequence[Token],
) -> Links:
    """Add statistical links where knowledge left a gap, never where they would spoil it.

    A statistical link is taken only between a Chinese content word and an English content
    word that knowledge left both unlinked, and never to a token lying inside the English of
    a knowledge-linked word (the "-" in "Beijing-Tianjin-Hebei" belongs to 京津冀, and a link
    from the next word to it would glue that word into the phrase). Agreeing with a knowledge
    link changes nothing: lifting a guess on an unknown compound (他够 -> "enough") over the
    threshold is what agreement did most. A statistical link as far from its neighbours'
    English as ``strays.stray_words`` allows is dropped again, as a knowledge link would be.
    """
    out = dict(links)
    zh_linked = {i for i, _ in links}
    span: dict[int, list[int]] = {}
    for i, j in links:
        span.setdefault(i, []).append(j)
    taken = {j for js in span.values() for j in range(min(js), max(js) + 1)}
    for i, j in sorted(extra):
        if i not in zh_linked and j not in taken and _open(zh[i], en[j]):
            out[(i, j)] = strength
    if len(out) == len(links):
        return out
    # a gap filled far from both neighbours' English is the stray the knowledge links dropped
    stray = stray_words(out) - zh_linked
    return {k: v for k, v in out.items() if k[0] not in stray} if stray else out


def _open(word: str, tok: Token) -> bool:
    """Whether a statistical link may join ``word`` and ``tok``: content words both, and the
    dictionary has some support for the pair (see ``_supported``)."""
    return (
        tok.is_content
        and has_chinese(word)
        and not is_function_word(word)
        and res.pos(word) not in _NO_STATISTICAL
        and _supported(word, tok)
    )


def _supported(word: str, tok: Token) -> bool:
    """The dictionary backs the link: the English word is a sense of ``word``, or translates
    a short word sharing a character and a meaning with it (提升 -> "upgraded" through 升级,
    "to promote; to upgrade", and 提升 is "to promote" too) and is not so common that such a
    word always turns up. A name the dictionary does not spell (or spells with marks,
    "Ōsaka") may be any capitalised word.

    The aligner's guesses for the words knowledge could not place are right about as often
    as not (紧密 -> "pursue", 实现 -> "Resort", 老虎 -> "away"); one that nothing in the
    dictionary backs has only co-occurrence behind it.
    """
    own = res.cedict().sense_lemmas(word)
    if not own or res.cedict().is_proper(word):
        return tok.capital
    if tok.lemma in own:
        return True
    heads = short_translations(tok.lemma)
    if len(heads) > GENERIC:  # "get", "time": some word sharing a character always turns up
        return False
    chars = set(word)
    return any(
        not chars.isdisjoint(h) and not own.isdisjoint(res.cedict().sense_lemmas(h)) for h in heads
    )
