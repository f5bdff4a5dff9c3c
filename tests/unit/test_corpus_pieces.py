"""An over-long pair is cut into sentence pieces and mined as the same text in lines."""

from __future__ import annotations

import io
import json
import signal
from pathlib import Path

import pytest

from tutor.commands.progress import PROGRESS_EVERY, heartbeat, progress_lines
from tutor.corpus import pieces, read_pairs
from tutor.corpus.cleanup import join_en, join_zh
from tutor.corpus.meter import Meter, metering
from tutor.corpus.options import reading
from tutor.corpus.pieces import cut_long
from tutor.corpus.sentences import iter_en, split_en, split_zh
from tutor.errors import InputError
from tutor.ingest import mine_source
from tutor.model import SegmentPair

DATA = Path(__file__).resolve().parent.parent / "data" / "tatoeba-60.tsv"


def _rows(n: int = 20) -> list[tuple[str, str]]:
    """The first ``n`` one-sentence rows of the Tatoeba sample (Chinese ending in 。？！)."""
    rows = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        zh, en = line.split("\t")[:2]
        if len(split_zh(zh)) == 1 and len(split_en(en)) == 1 and zh[-1] in "。？！":
            rows.append((zh, en))
    return rows[:n]


def _one_line(rows: list[tuple[str, str]]) -> SegmentPair:
    return SegmentPair(join_zh([z for z, _ in rows]), join_en([e for _, e in rows]), "x", 1, 0)


def test_a_long_pair_is_cut_into_its_sentence_pairs() -> None:
    rows = _rows()
    got = list(cut_long([_one_line(rows)], long=100))
    assert [(p.zh, p.en) for p in got] == rows
    assert [p.position for p in got] == list(range(len(rows)))


def test_pairs_of_ordinary_length_pass_through_unchanged() -> None:
    pairs = [SegmentPair(z, e, "x", n + 1, n) for n, (z, e) in enumerate(_rows(5))]
    assert list(cut_long(pairs)) == pairs


def test_pairs_after_a_cut_one_are_numbered_on() -> None:
    rows = _rows(6)
    short = SegmentPair("你好。", "Hello.", "x", 2, 1)
    got = list(cut_long([_one_line(rows), short], long=100))
    assert got[-1] == SegmentPair("你好。", "Hello.", "x", 2, len(rows))


def test_iter_en_splits_as_split_en() -> None:
    text = "Dr. Smith came. He saw J. K. Rowling; she left! " + "x" * 100 + ". Then U.S. forces."
    assert list(iter_en(text)) == split_en(text)
    assert split_en(text)[0] == "Dr. Smith came."


def _tsv(path: Path, rows: list[tuple[str, str]]) -> Path:
    path.write_text("".join(f"{z}\t{e}\n" for z, e in rows), encoding="utf-8")
    return path


def _jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_a_long_line_mines_as_the_same_text_in_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pieces, "LONG", 100)
    rows = _rows()
    line = _one_line(rows)
    one = _tsv(tmp_path / "one.tsv", [(line.zh, line.en)])
    many = _tsv(tmp_path / "many.tsv", rows)
    db = tmp_path / "p.db"
    seen: list[tuple[int, int | None]] = []
    a = mine_source(
        db,
        one,
        deck="d",
        jsonl=tmp_path / "a.jsonl",
        dry_run=True,
        progress=lambda d, t: seen.append((d, t)),
    )
    b = mine_source(db, many, deck="d", jsonl=tmp_path / "b.jsonl", dry_run=True)
    assert a.pairs == b.pairs == len(rows)
    assert _jsonl(tmp_path / "a.jsonl") == _jsonl(tmp_path / "b.jsonl")
    assert seen and seen[-1] == (len(rows), None)  # no count up front: the pieces are new
    assert not db.exists()


def test_a_bad_row_after_a_long_line_names_file_and_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pieces, "LONG", 100)
    line = _one_line(_rows())
    src = tmp_path / "bad.tsv"
    src.write_text(f"{line.zh}\t{line.en}\n你好。\tHello.\nno tab here\n", encoding="utf-8")
    db = tmp_path / "p.db"
    with reading(strict=True), pytest.raises(InputError) as err:
        mine_source(db, src, deck="d")
    assert str(err.value).startswith(f"{src}:3:")
    assert not db.exists()


def test_progress_lines_on_a_file_every_few_seconds() -> None:
    now = [0.0]
    out = io.StringIO()
    show = progress_lines(out, lambda: now[0])
    for done in range(1, 40):
        now[0] += 1.0
        show(done * 1000, None)
    lines = out.getvalue().splitlines()
    assert len(lines) == int(39 // PROGRESS_EVERY)
    assert lines[0].startswith("tutor: mined 5,000 pairs,")


def test_no_text_is_lost_when_one_side_runs_out_first() -> None:
    rows = _rows(60)
    zh = join_zh([z for z, _ in rows])
    en = join_en([e for _, e in rows[:3]])
    got = list(cut_long([SegmentPair(zh, en, "x", 1, 0)], long=100))
    assert "".join(p.zh for p in got).replace(" ", "") == zh.replace(" ", "")
    assert " ".join(p.en for p in got if p.en).split() == en.split()


def test_progress_lines_carry_the_bytes_read() -> None:
    now = [0.0]
    out = io.StringIO()
    show = progress_lines(out, lambda: now[0])
    meter = Meter(50_000_000)
    show.reading("checked", meter)
    meter.advance(Path("a.tsv"), 20_000_000)
    now[0] = 6.0
    show.beat()
    meter.restart()
    show.reading("read", meter)
    meter.advance(Path("a.tsv"), 34_000_000)
    now[0] = 12.0
    show(2_000, None)
    now[0] = 13.0
    show.beat()  # too soon after the last line
    assert out.getvalue().splitlines() == [
        "tutor: checked 20 MB of 50 MB",
        "tutor: read 34 MB of 50 MB, mined 2,000 pairs, 167/s",
    ]


def test_the_heartbeat_calls_on_each_timer_signal_and_then_stops() -> None:
    beats: list[int] = []
    with heartbeat(lambda: beats.append(1), every=3600.0):
        signal.raise_signal(signal.SIGALRM)
        signal.raise_signal(signal.SIGALRM)
    assert beats == [1, 1]
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_a_cut_pair_moves_the_byte_count_piece_by_piece(tmp_path: Path) -> None:
    rows = _rows()
    line = _one_line(rows)
    src = _tsv(tmp_path / "one.tsv", [(line.zh, line.en)])
    meter = Meter(src.stat().st_size)
    seen = []
    with metering(meter):
        for _ in cut_long(read_pairs(src), long=100):
            seen.append(meter.read)
    assert seen == sorted(seen)
    assert seen[0] < seen[-1] // 2
    assert meter.read == src.stat().st_size


def test_letters_of_a_huge_text_are_counted_block_by_block() -> None:
    from tutor.lang.script import han_count, latin_count

    text = "汉字abc，" * 40_000  # past the block size, with blocks ending mid-run
    assert han_count(text) == 80_000
    assert latin_count(text) == 120_000


def test_a_small_file_is_counted_in_kilobytes_not_tenths_of_a_megabyte() -> None:
    from tutor.commands.progress import _megabytes

    assert [_megabytes(n) for n in (512, 2_400, 99_000, 450_000, 34_000_000)] == [
        "512 bytes",
        "2 KB",
        "99 KB",
        "0.5 MB",
        "34 MB",
    ]


def test_progress_line_of_one_pair_is_singular() -> None:
    now = [0.0]
    out = io.StringIO()
    show = progress_lines(out, lambda: now[0])
    now[0] += 10.0
    show(1, 1)
    assert out.getvalue().startswith("tutor: mined 1 pair of 1 (100%),")
