"""Behaviour of single mining rules on hand-made pairs (knowledge links only)."""

from __future__ import annotations

from tutor.mining import mine
from tutor.mining.glosses import Gloss, glosses, particle_verbs
from tutor.mining.glosshits import PARTIAL, gloss_hits
from tutor.mining.links import link
from tutor.mining.numbers import en_number_spans, zh_count
from tutor.mining.phrases import candidates
from tutor.mining.resources import en_tokens
from tutor.model import Entry, SegmentPair


def _mine(*texts: tuple[str, str]) -> dict[str, Entry]:
    pairs = [SegmentPair(zh, en, "t.txt", n + 1, n) for n, (zh, en) in enumerate(texts)]
    result = mine(pairs, aligner=None)
    return {e.hanzi: e for e in [*result.entries, *result.low]}


def test_coordinated_sense_yields_each_word() -> None:
    lemmas = {g.lemmas for g in glosses("整改")}
    assert ("rectify",) in lemmas and ("rectify", "improve") in lemmas


def test_number_with_its_unit() -> None:
    assert zh_count("三年") == (3.0, "年")
    assert zh_count("二期") == (2.0, "期")
    assert zh_count("北京") is None and zh_count("1万") is None


def test_roman_numerals_are_numbers_but_not_the_pronoun() -> None:
    spans = en_number_spans(en_tokens("Phase II and I think Phase IV"))
    assert [v for _, _, v in spans] == [2.0, 4.0]


def test_phase_two_links_to_the_roman_numeral_not_another_second() -> None:
    got = _mine(("二期建成,第二批机关搬迁。", "Phase II was completed and the second group moved."))
    assert got["二期"].english.lower() == "phase ii"


def test_year_count_forms_a_term() -> None:
    got = _mine(("实施新一轮三年行动计划。", "We launched a new three-year action plan."))
    assert got["三年行动计划"].english == "three-year action plan"


def test_verb_with_a_noun_sense_keeps_the_noun_as_written() -> None:
    got = _mine(("这家酒店的服务很好。", "The services of this hotel are good."))
    assert got["服务"].english == "service"  # the noun, not "serve"; in the singular
    got = _mine(("他们拆除了护栏。", "They removed the guardrails."))
    assert got["拆除"].english == "remove"  # a verb form still becomes its lemma


def test_phrasal_verb_keeps_its_particle() -> None:
    assert "give up" in particle_verbs("放弃")
    got = _mine(("这些人没有放弃。", "These people never gave up."))
    assert got["放弃"].english == "give up"


def test_a_person_and_their_action_is_not_a_term() -> None:
    got = _mine(("汤姆拧干毛巾挂起来。", "Tom wrung out the towel and hung it up."))
    assert not any(h.startswith("汤姆") and len(h) > 2 for h in got)


def test_strong_subword_link_beats_a_partial_whole_word_gloss() -> None:
    # 市中心 "city center" is only half present; its dictionary word 中心 "center" is whole.
    toks = en_tokens("They moved to the center of the old town.")
    links = link(["他们", "搬到", "市中心"], toks)
    center = next(j for j, t in enumerate(toks) if t.low == "center")
    assert links[(2, center)] > PARTIAL


def test_inner_words_of_a_long_gloss_link_side_by_side() -> None:
    gloss = Gloss(("deputy", "city", "council"), "deputy to the city council")
    toks = en_tokens("The City Council met on Monday.")
    hits = gloss_hits(gloss, toks)
    spans = {tuple(toks[j].low for j in pos) for pos, _ in hits}
    assert ("city", "council") in spans
    assert all(s > PARTIAL for pos, s in hits if len(pos) == 2)


def test_long_unknown_compound_is_not_discounted_but_a_short_one_is() -> None:
    en = "We won the Blue Sky campaign and love me."
    toks = en_tokens(en)
    long_ = {(1, 3): 0.8, (1, 4): 0.8, (1, 5): 0.8}
    got = {c.hanzi: c for c in candidates(["打赢", "蓝天保卫战"], toks, en, long_)}
    assert got["蓝天保卫战"].english == "blue sky campaign"
    assert abs(got["蓝天保卫战"].strength - 0.8) < 1e-9
    short = candidates(["爱我"], toks, en, {(0, 7): 0.8})
    assert short[0].strength < 0.8


def test_a_heading_in_capitals_gives_lower_case_renderings_but_acronyms_survive() -> None:
    from tutor.mining.render import in_capitals_run as _in_capitals_run

    heading = "REPORT ON THE WORK OF THE GOVERNMENT Delivered at the session"
    start = heading.index("GOVERNMENT")
    assert _in_capitals_run(heading, start, start + len("GOVERNMENT"))
    prose = "the Beijing Municipal Administrative Center (BMC) was built"
    start = prose.index("BMC")
    assert not _in_capitals_run(prose, start, start + 3)


def test_a_compound_turned_round_a_preposition_links_both_parts() -> None:
    from tutor.mining.resources import en_tokens

    toks = en_tokens("the report on the work of the government")
    links = link(["政府", "工作报告"], toks)
    assert {j for i, j in links if i == 1} == {1, 4}  # "report" ... "work", over "on the"
    twice = en_tokens("Beijing and the Beijing region")
    assert len({j for i, j in link(["北京"], twice)}) == 1  # one "Beijing", not both
