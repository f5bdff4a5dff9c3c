"""`tutor mine` on files as people have them: a GB18030 or Big5 file gives the deck of its UTF-8
twin and a note saying what it was read as; a file it cannot decode with confidence is one
line, and nothing is written; a hand-written TSV's bad row is skipped and reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.functional.mine_support import _knowledge_links_only, run  # noqa: F401
from tutor.lang.script import to_traditional

DATA = Path(__file__).resolve().parents[1] / "data" / "tatoeba-60.tsv"


def _text(traditional: bool) -> str:
    rows = [line.split("\t")[:2] for line in DATA.read_text(encoding="utf-8").splitlines()]
    return "".join(
        f"{to_traditional(zh) if traditional else zh}\t{en}\n" for zh, en in rows[:12]
    ).replace("裏", "裡")  # Big5 has only the second form


def _mined(tmp_path: Path, name: str, data: bytes, *args: str) -> tuple[list[object], str]:
    source = tmp_path / f"{name}.tsv"
    source.write_bytes(data)
    out = tmp_path / f"{name}.jsonl"
    result = run("--db", str(tmp_path / f"{name}.db"), "mine", str(source), "--jsonl", str(out),
                 "--deck", "d", *args)  # fmt: skip
    assert result.exit_code == 0, result.output
    entries = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    for entry in entries:
        for example in entry.get("examples", []):
            example.pop("source", None)  # the file name differs, nothing else may
    return entries, result.output


@pytest.mark.parametrize(("codec", "label"), [("gb18030", "GB18030"), ("big5", "Big5")])
def test_a_chinese_encoding_mines_the_deck_of_its_utf8_twin(
    tmp_path: Path, codec: str, label: str
) -> None:
    text = _text(traditional=codec == "big5")
    twin, _ = _mined(tmp_path, "utf8", text.encode("utf-8"))
    other, said = _mined(tmp_path, codec, text.encode(codec))
    assert other == twin and len(twin) > 10
    assert f"tutor: note: {tmp_path / codec}.tsv: read as {label}" in said


def test_a_forced_encoding_is_used(tmp_path: Path) -> None:
    text = _text(traditional=False)
    forced, said = _mined(tmp_path, "forced", text.encode("gb18030"), "--encoding", "gb18030")
    twin, _ = _mined(tmp_path, "utf8", text.encode("utf-8"))
    assert forced == twin and "read as GB18030" in said


def test_an_undecodable_file_is_one_line_and_writes_nothing(tmp_path: Path) -> None:
    source = tmp_path / "latin1.tsv"
    source.write_bytes("Caf\xe9\tcr\xe8me\n".encode("latin-1") * 30)
    db = tmp_path / "p.db"
    result = run("--db", str(db), "mine", str(source))
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"tutor: error: {source}: not UTF-8")
    assert not db.exists()


def test_a_hand_written_tsv_skips_its_bad_row_and_strict_refuses_it(tmp_path: Path) -> None:
    source = tmp_path / "words.tsv"
    source.write_text(
        "# my list\n我们支持城市更新。\tWe supported urban renewal.\n\n"
        "这一行没有制表符\n政府工作报告。\tThe government work report.\n",
        encoding="utf-8",
    )
    db = tmp_path / "p.db"
    result = run("--db", str(db), "mine", str(source))
    assert result.exit_code == 0, result.output
    assert f"tutor: note: {source}:4: not paired (malformed TSV row" in result.output
    assert "2 sentence pairs" in result.output and "1 line skipped" in result.output
    strict = run("--db", str(tmp_path / "q.db"), "mine", str(source), "--strict")
    assert strict.exit_code == 2
    assert strict.output.strip().startswith(f"tutor: error: {source}:4: malformed TSV row")
    assert not (tmp_path / "q.db").exists()


def test_progress_goes_to_a_log_as_a_line_every_few_seconds() -> None:
    import io

    from tutor.commands.progress import progress_lines

    times = iter([0.0, 1.0, 6.0, 7.0, 12.5])
    log = io.StringIO()
    show = progress_lines(log, lambda: next(times))
    for done in (100, 200, 300, 400):
        show(done, 1000)
    assert log.getvalue().splitlines() == [
        "tutor: mined 200 pairs of 1,000 (20%), 33/s",
        "tutor: mined 400 pairs of 1,000 (40%), 32/s",
    ]


def test_a_slow_cache_step_gets_a_note_a_quick_one_none() -> None:
    from tutor.commands.progress import slow_steps

    times = iter([0.0, 0.2, 3.4, 3.5])
    said: list[str] = []
    report = slow_steps(said.append, lambda: next(times))
    for done, label in enumerate(["CC-CEDICT", "HSK levels", "pinyin syllables", ""]):
        report(done, 3, label)
    assert said == ["built HSK levels once into the cache (3.2 s)"]
