"""Mining rules are named, switchable and traceable."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from tutor.errors import TutorError
from tutor.mining import mine
from tutor.mining.explain import explain
from tutor.mining.pipeline import Drop, Rewrite, Scale, Weight, disabled
from tutor.mining.rules import RULES, check_names
from tutor.model import Entry, SegmentPair

mine_module = importlib.import_module("tutor.mining.mine")


def _pairs(*texts: tuple[str, str]) -> list[SegmentPair]:
    return [SegmentPair(zh, en, "t.txt", n + 1, n) for n, (zh, en) in enumerate(texts)]


def _mine(*texts: tuple[str, str], **how: object) -> dict[str, Entry]:
    result = mine(_pairs(*texts), **how)  # type: ignore[arg-type]
    return {e.hanzi: e for e in [*result.entries, *result.low]}


TITLE = ("警察局局长丹尼尔说。", "Police Chief Daniel said.")
MISCUT = ("他把手放在桌子上。", "He put his hand on the table.")
BOTH = ("两者都很好。", "The two are good.")


STAGES = ["segment", "link", "word", "phrase", "render"]


def test_every_rule_is_named_once_documented_and_has_examples() -> None:
    names = [r.name for r in RULES]
    assert len(names) == len(set(names))
    for r in RULES:
        assert r.doc and r.examples, r.name
        assert r.stage in STAGES
        assert isinstance(r.action, Drop | Scale | Weight | Rewrite)
    stages = [r.stage for r in RULES]
    assert stages == sorted(stages, key=STAGES.index)


def test_an_unknown_rule_name_is_an_error_naming_it() -> None:
    with pytest.raises(TutorError, match="no mining rule 'verb_lead'"):
        mine(_pairs(TITLE), disable={"verb_lead"})
    assert check_names(["verb_led"]) == {"verb_led"}


def test_switching_off_a_drop_rule_lets_its_units_through() -> None:
    assert "警察局局长丹尼尔" not in _mine(TITLE)
    got = _mine(TITLE, disable={"title_and_name"})
    assert got["警察局局长丹尼尔"].english == "Police Chief Daniel"
    assert disabled() == frozenset()  # the switch lasts one run


def test_switching_off_a_scale_rule_restores_the_strength() -> None:
    held = _mine(BOTH)["两者"].confidence  # a holding rule: capped at its scaled strength
    free = _mine(BOTH, disable={"number_only"})["两者"].confidence
    assert held == pytest.approx(0.45) and free > 0.5


def test_switching_off_a_link_rule_restores_the_link() -> None:
    doubted = _mine(MISCUT)["把手"].confidence
    assert _mine(MISCUT, disable={"miscut"})["把手"].confidence > doubted


def test_worker_processes_get_the_same_switches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(mine_module, "CHUNK", 2)
    texts = [TITLE, MISCUT, BOTH, TITLE, MISCUT, BOTH]
    serial = _mine(*texts, disable={"title_and_name", "miscut"}, workers=1)
    parallel = _mine(*texts, disable={"title_and_name", "miscut"}, workers=2)
    assert "警察局局长丹尼尔" in parallel
    assert {k: (e.english, e.confidence) for k, e in parallel.items()} == {
        k: (e.english, e.confidence) for k, e in serial.items()
    }


def test_explain_names_the_rule_that_dropped_a_unit() -> None:
    lines = explain(_pairs(TITLE), "警察局局长丹尼尔")
    assert any("title_and_name" in line and "fires: drop" in line for line in lines)
    assert lines[-1].startswith("  => no entry: dropped")


def test_explain_gives_the_outcome_of_a_kept_or_held_unit() -> None:
    lines = explain(_pairs(BOTH), "两者")
    assert any("number_only" in line and "fires: scale x0.45" in line for line in lines)
    assert "held back for review" in lines[-1] and "'two'" in lines[-1]
    kept = explain(_pairs(TITLE), "丹尼尔")
    assert kept[-1].startswith("  => kept: name 'Daniel'")
    assert explain(_pairs(TITLE), "北京")[-1].startswith("  => no entry: no span")


def test_cli_explain_prints_and_writes_nothing(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from tutor.cli import cli

    src = tmp_path / "t.tsv"
    src.write_text(f"{TITLE[0]}\t{TITLE[1]}\n", encoding="utf-8")
    db = tmp_path / "p.db"
    got = CliRunner().invoke(cli, ["--db", str(db), "mine", str(src), "--explain", "局长丹尼尔"])
    assert got.exit_code == 0, got.output
    assert "title_and_name" in got.output and "=> no entry" in got.output
    assert not db.exists()


def test_a_word_seen_twice_on_one_english_word_is_one_claim() -> None:
    twice = (
        "船员下船了，船员家属已经得到通知。",
        "The crew disembarked, and the families of the crew were informed.",
    )
    assert "船员" not in _mine(twice, disable={"one_claim"})
    assert _mine(twice)["船员"].english == "crew"


def test_a_stronger_claim_wins_over_a_far_weaker_one() -> None:
    from tutor.mining.claims import settle

    zh = ["甲", "乙", "丙", "丁"]
    links = {(0, 0): 1.0, (3, 0): 0.25, (3, 1): 0.25, (1, 2): 1.0, (2, 2): 0.5}
    got = settle(zh, links, [[[0]], [[2]], [[2]], [[0, 1]]], [{}, {}, {}, {}])
    assert (3, 0) not in got and got[(0, 0)] == 1.0  # far apart: the stronger keeps "0"
    assert got[(1, 2)] == 1.0 and got[(2, 2)] == 0.5  # neighbours sharing a token: left alone


def test_between_equal_claims_a_short_run_outranks_a_single_token() -> None:
    from tutor.mining.claims import settle

    zh = ["巴士", "的", "末班车"]  # "the last bus": 末班车 holds "last bus", 巴士 only "bus"
    links = {(0, 1): 1.0, (2, 0): 1.0, (2, 1): 1.0}
    got = settle(zh, links, [[[1]], [], [[0, 1]]], [{}, {}, {}])
    assert got == {(2, 0): 1.0, (2, 1): 1.0}
    sprawl = {(0, 4): 1.0, **{(2, j): 1.0 for j in range(5)}}  # a run of five: no evidence
    assert settle(zh, sprawl, [[[4]], [], [list(range(5))]], [{}, {}, {}]) == sprawl


def test_between_equal_claims_the_word_holding_nothing_else_wins() -> None:
    from tutor.mining.claims import settle

    zh = ["承认", "，", "左耳", "进"]  # "admit ... went": 进 holds "went" too
    links = {(0, 0): 1.0, (3, 0): 1.0, (3, 3): 1.0}
    got = settle(zh, links, [[[0]], [], [], [[0], [3]]], [{}, {}, {}, {}])
    assert got == {(0, 0): 1.0, (3, 3): 1.0}


def test_a_word_that_lost_its_only_place_moves_to_a_free_one() -> None:
    from tutor.mining.claims import settle

    zh = ["甲", "乙", "丙"]
    links = {(0, 0): 1.0, (2, 0): 0.6}  # 丙 was placed on "0", which 甲 holds more strongly
    places = [[[0]], [], [[0], [3], [5]]]
    got = settle(zh, links, places, [{}, {}, {0: 0.6, 3: 0.4, 5: 1.0}])
    assert got == {(0, 0): 1.0, (2, 5): 1.0}  # not "3": a guess too weak to move to


def test_a_compound_sense_left_by_a_nearer_piece_is_found() -> None:
    pair = (
        "泰德·尼尔森提出了超文本的原始观点",
        "Ted Nelson came up with the original idea of hypertext",
    )
    kept = {e.hanzi: e.english for e in mine(_pairs(pair)).entries}
    assert kept.get("超文本") == "hypertext"  # linked, not "original" (原始 holds it)


def test_a_sense_with_a_qualifier_is_found_by_its_head() -> None:
    uncle = ("我舅舅住在上海。", "My uncle lives in Shanghai.")  # CC-CEDICT: "maternal uncle"
    got = _mine(uncle)["舅舅"]
    assert got.english == "uncle" and got.confidence >= 0.5
    said = explain(_pairs(uncle), "舅舅")
    assert any("head_only on 舅舅: fires" in line for line in said)
    off = explain(_pairs(uncle), "舅舅", disable={"head_only"})
    assert not any("head_only on 舅舅: fires" in line for line in off)


def test_a_light_head_does_not_stand_for_its_sense() -> None:
    from tutor.mining.glosses import Gloss
    from tutor.mining.linkrules import head_hits
    from tutor.mining.resources import en_tokens

    toks = en_tokens("Every member came.")
    assert head_hits(Gloss(("crew", "member"), "crew member"), toks) == []
    assert head_hits(Gloss(("maternal", "uncle"), "maternal uncle"), en_tokens("My uncle")) == [
        ([1], 0.75)
    ]


def test_a_word_holding_an_english_word_twice_leaves_its_neighbour_one() -> None:
    pair = SegmentPair(
        "公司很快就要倒闭了。", "The company's going to go bankrupt really soon.", "t", 1, 0
    )
    on = {(e.hanzi, e.english) for e in mine([pair], workers=1).entries}
    assert ("倒闭", "go bankrupt") in on and ("就要", "going") in on
    off = mine([pair], workers=1, disable={"shared_repeat"})
    assert "倒闭" not in {e.hanzi for e in off.entries + off.low}
