"""Confidence is a fitted model's probability, read from data shipped with the package."""

from __future__ import annotations

import json
import math
from importlib.resources import files

import pytest

from tutor.mining import mine
from tutor.mining.confidence import FEATURES, HOLDING, Model, model, score
from tutor.mining.explain import explain
from tutor.model import SegmentPair

PLAIN = dict.fromkeys(FEATURES, 0.0)


def test_the_shipped_weights_name_exactly_the_features_the_miner_computes() -> None:
    data = json.loads(files("tutor.mining").joinpath("confidence.json").read_text("utf-8"))
    assert set(data["weights"]) == set(FEATURES)
    assert data["judged"] > 0


def test_probability_is_a_logistic_of_the_weighted_evidence() -> None:
    m = Model(bias=-1.0, weights={"strength": 2.0, "share": 1.0})
    assert m.probability({**PLAIN, "strength": 1.0, "share": 1.0}) == pytest.approx(
        1 / (1 + math.exp(-2.0))
    )
    assert m.probability(PLAIN) == pytest.approx(1 / (1 + math.exp(1.0)))


@pytest.mark.parametrize("name", ["strength", "share", "support"])
def test_more_evidence_of_a_right_rendering_never_lowers_confidence(name: str) -> None:
    low, high = {**PLAIN, name: 0.2}, {**PLAIN, name: 1.0}
    assert model().probability(high) > model().probability(low)


def test_a_holding_rule_caps_confidence_at_the_strength_it_leaves() -> None:
    strong = {**PLAIN, "strength": 0.45, "share": 1.0, "in_dictionary": 1.0, "support": 1.0}
    assert score("两者", "two", strong) > 0.45  # the model alone would keep it
    for rule in HOLDING:
        assert score("两者", "two", {**strong, f"rule_{rule}": 1.0}) == pytest.approx(0.45)


def test_explain_shows_what_moved_the_confidence() -> None:
    pairs = [SegmentPair("我舅舅住在上海。", "My uncle lives in Shanghai.", "t.txt", 1, 0)]
    lines = explain(pairs, "上海")
    said = next(line for line in lines if "confidence model" in line)
    assert "'Shanghai'" in said and "strength 1.00" in said
    got = {e.hanzi: e for e in mine(pairs, workers=1).entries}
    shown = float(said.rsplit("-> ", 1)[1])  # two decimals of what the entry stores
    assert abs(shown - got["上海"].confidence) <= 0.005 + 1e-9
