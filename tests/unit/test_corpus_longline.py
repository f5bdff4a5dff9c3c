"""A TSV line too long to hold is read from its file in blocks, and mines as if read whole."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from tutor.corpus import longline, pieces, read_pairs
from tutor.corpus.cleanup import join_en, join_zh
from tutor.corpus.longline import LongPair
from tutor.corpus.meter import Meter, metering
from tutor.corpus.options import reading
from tutor.corpus.pieces import cut_long
from tutor.corpus.sentences import iter_en, iter_en_chunks, iter_zh, iter_zh_chunks
from tutor.corpus.unpaired import Unpaired
from tutor.errors import InputError
from tutor.ingest import mine_source

DATA = Path(__file__).resolve().parent.parent / "data" / "tatoeba-60.tsv"


def _rows() -> list[tuple[str, str]]:
    rows = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        zh, en = line.split("\t")[:2]
        rows.append((zh, en))
    return rows


def _long_row(rows: list[tuple[str, str]]) -> str:
    return join_zh([z for z, _ in rows]) + "\t" + join_en([e for _, e in rows])


@pytest.fixture
def small_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Lines past 64 bytes are long, read 16 bytes at a time; pairs past 100 characters cut."""
    monkeypatch.setattr(longline, "LONG_LINE", 64)
    monkeypatch.setattr(longline, "BLOCK", 16)
    monkeypatch.setattr(pieces, "LONG", 100)


def _source(tmp_path: Path, text: str) -> Path:
    src = tmp_path / "src.tsv"
    src.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    return src


@pytest.mark.usefixtures("small_blocks")
def test_a_long_row_is_left_in_the_file_and_cut_as_the_whole_row(tmp_path: Path) -> None:
    rows = _rows()
    src = _source(tmp_path, f"{_long_row(rows[:30])}\n你好。\tHello.\n{_long_row(rows[30:])}\n")
    streamed = list(read_pairs(src, long_rows=True))
    assert [type(p) is LongPair for p in streamed] == [True, False, True]
    assert [p.line for p in streamed] == [1, 2, 3]
    whole = list(cut_long(read_pairs(src)))
    assert list(cut_long(streamed)) == whole
    assert len(whole) > 3 and whole[-1].position == len(whole) - 1


@pytest.mark.usefixtures("small_blocks")
def test_a_bad_byte_on_a_long_line_is_named_as_on_a_line_read_whole(tmp_path: Path) -> None:
    src = tmp_path / "bad.tsv"
    good = _long_row(_rows()[:5])[:60].encode("utf-8")  # past the first blocks
    src.write_bytes(good + b"\xff more\n")
    errors = []
    for long_rows in (False, True):
        with pytest.raises(InputError) as err:
            list(read_pairs(src, long_rows=long_rows))
        errors.append(str(err.value))
    assert errors[0] == errors[1]
    assert f"byte 0xff at column {len(good) + 1})" in errors[1]


@pytest.mark.usefixtures("small_blocks")
def test_a_nul_byte_on_a_long_line_refuses_the_file_at_that_line(tmp_path: Path) -> None:
    src = tmp_path / "bin.tsv"
    src.write_bytes(("你好。\tHello.\n" + _long_row(_rows()[:5])).encode("utf-8") + b"\x00\n")
    with pytest.raises(InputError, match="binary file") as err:
        list(read_pairs(src, long_rows=True))
    assert str(err.value).startswith(f"{src}:2:")


@pytest.mark.usefixtures("small_blocks")
def test_a_long_line_without_the_columns_is_reported_or_refused(tmp_path: Path) -> None:
    rows = _rows()
    no_tab = join_zh([z for z, _ in rows[:5]])
    src = _source(tmp_path, f"{rows[0][0]}\t{rows[0][1]}\n{no_tab}\n{rows[1][0]}\t{rows[1][1]}\n")
    skipped: list[Unpaired] = []
    assert len(list(read_pairs(src, report=skipped.append, long_rows=True))) == 2
    assert [(u.line, u.reason[:13]) for u in skipped] == [(2, "malformed TSV")]
    with reading(strict=True), pytest.raises(InputError) as err:
        list(read_pairs(src, long_rows=True))
    assert str(err.value).startswith(f"{src}:2:")


def test_sentences_split_in_chunks_split_as_the_whole_text() -> None:
    rows = _rows()
    zh = join_zh([z for z, _ in rows]) + "！？」  "
    en = join_en([e for _, e in rows]) + ' Dr. Who came. "Yes," he said.  '
    rng = random.Random(0)
    for size in (1, 2, 3, 7, 50):
        cuts = [0]
        while cuts[-1] < max(len(zh), len(en)):
            cuts.append(cuts[-1] + rng.randint(1, size))
        spans = list(zip(cuts, cuts[1:], strict=False))
        assert list(iter_zh_chunks(zh[a:b] for a, b in spans)) == list(iter_zh(zh))
        assert list(iter_en_chunks(en[a:b] for a, b in spans)) == list(iter_en(en))


@pytest.mark.usefixtures("small_blocks")
def test_a_long_row_moves_the_byte_count_piece_by_piece(tmp_path: Path) -> None:
    src = _source(tmp_path, _long_row(_rows()) + "\n")
    meter = Meter(src.stat().st_size)
    seen = []
    with metering(meter):
        for _ in cut_long(read_pairs(src, long_rows=True)):
            seen.append(meter.read)
    assert seen == sorted(seen)
    assert seen[0] < seen[-1] // 2
    assert meter.read == src.stat().st_size


def test_a_long_row_mines_as_the_row_read_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pieces, "LONG", 100)
    src = _source(tmp_path, _long_row(_rows()) + "\n")
    db = tmp_path / "p.db"
    whole = mine_source(db, src, deck="d", jsonl=tmp_path / "whole.jsonl", dry_run=True)
    monkeypatch.setattr(longline, "LONG_LINE", 64)
    monkeypatch.setattr(longline, "BLOCK", 16)
    streamed = mine_source(db, src, deck="d", jsonl=tmp_path / "streamed.jsonl", dry_run=True)
    assert streamed.pairs == whole.pairs > 1

    def entries(name: str) -> list[object]:
        text = (tmp_path / name).read_text(encoding="utf-8")
        return [json.loads(line) for line in text.splitlines()]

    assert entries("streamed.jsonl") == entries("whole.jsonl")
