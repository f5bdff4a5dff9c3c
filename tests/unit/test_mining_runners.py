"""Rule ``placed_runner``: a runner-up only its place gave is not shown beside a sense."""

from __future__ import annotations

from tutor.mining import mine
from tutor.mining.runners import Shown, placed_runner
from tutor.model import SegmentPair

KEYS = [
    SegmentPair("我找不到钥匙。", "I can't find my keys.", "t", 1, 0),
    SegmentPair("真正的钥匙复制品做出来了。", "Actual copies were made.", "t", 2, 0),
    SegmentPair("我需要他的钥匙。", "I need his keys.", "t", 3, 0),
]


def _english(disable: frozenset[str] = frozenset()) -> dict[str, str]:
    return {e.hanzi: e.english for e in mine(KEYS, workers=1, disable=disable).entries}


def test_a_stray_of_the_next_phrase_is_not_shown_beside_a_sense() -> None:
    assert _english()["钥匙"] == "key"


def test_switched_off_the_stray_follows_the_sense() -> None:
    assert _english(frozenset({"placed_runner"}))["钥匙"] == "key; actual"


def test_a_runner_up_a_sense_supports_or_a_strong_link_gave_stays() -> None:
    first = Shown("accept", 1.0, 1.0)
    assert not placed_runner("接受", first, Shown("receive", 1.0, 0.4))
    assert not placed_runner("接受", first, Shown("acceptance", 0.0, 0.7))
    assert placed_runner("接受", first, Shown("stand", 0.0, 0.4))


def test_a_form_of_the_first_rendering_stays() -> None:
    assert not placed_runner("中国", Shown("China", 1.0, 1.0), Shown("Chinese", 0.0, 0.6))


def test_beside_a_first_rendering_no_sense_supports_every_runner_up_stays() -> None:
    assert not placed_runner("耶和华", Shown("LORD", 0.0, 0.4), Shown("make", 0.0, 0.15))
