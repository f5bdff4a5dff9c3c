"""Rule ``one_claim``: an English token two words far apart claim goes to one of them."""

from __future__ import annotations

from tutor.mining import mine
from tutor.model import SegmentPair


def test_a_tie_goes_to_the_word_whose_neighbour_links_beside_the_token() -> None:
    # 司法 and 法律 both hold "legal" as weakly; 程序 "processes" is next to it, 管辖区's
    # "jurisdiction" is not: 法律 keeps it, and 法律程序 is one span "legal processes"
    zh = "包括豁免于任何司法管辖区或行政机构的法律程序。"
    en = "including from the legal processes of any jurisdiction or authority."
    result = mine([SegmentPair(zh, en, "t", 1, 0)], workers=1)
    found = {e.hanzi: e.english for e in result.entries + result.low}
    assert found.get("法律程序") == "legal processes"
