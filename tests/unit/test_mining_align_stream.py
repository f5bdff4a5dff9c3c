"""The aligner's streamed E-step: batches, the shared pair table and chunked decoding."""

from __future__ import annotations

import numpy as np
import pytest

from tutor.mining.align import align, align_file_lines, corpus
from tutor.mining.align import table as pair_table
from tutor.mining.align.corpus import Corpus
from tutor.mining.align.hmm import HmmConfig
from tutor.mining.align.table import PairTable
from tutor.mining.align.train import stream_posteriors

ZH = [[1, 2, 3], [2, 4], [5, 1, 2, 6], [3], [4, 5]]
EN = [[1, 2], [3, 1, 4], [2, 5, 6], [1, 6], [4]]
PRIORS = {(1, 1): 2.0, (2, 3): 1.0}


def _ids(rows: list[list[int]]) -> list[np.ndarray]:
    return [np.array(r, dtype=np.int32) for r in rows]


def _stream(agreement: bool = True) -> list[tuple[np.ndarray, np.ndarray]]:
    return list(
        stream_posteriors(_ids(ZH), _ids(EN), (7, 7), PRIORS, HmmConfig(), agreement=agreement)
    )


def _tiny_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(corpus, "_PAIRS", 2)
    monkeypatch.setattr(corpus, "_CHUNK", 2)
    monkeypatch.setattr(corpus, "_CELLS", 8)


@pytest.mark.parametrize("bitmap", [True, False, None])
def test_table_holds_each_cooccurring_pair_once_for_both_directions(bitmap: bool | None) -> None:
    c = Corpus(_ids(ZH), _ids(EN))
    table = PairTable(c.training_batches(), 7, 7, bitmap=bitmap)
    expected = {(z, e) for zs, es in zip(ZH, EN, strict=True) for z in zs for e in es}
    assert len(table) == len(expected)
    assert set(zip(table.zh_of().tolist(), table.en_of().tolist(), strict=True)) == expected
    for batch in c.training_batches():
        idx = table.index(batch)
        for b, s in enumerate(batch.pairs):
            for i, z in enumerate(ZH[s]):
                for j, e in enumerate(EN[s]):
                    entry = idx[b, i, j]
                    assert (table.zh_of()[entry], table.en_of()[entry]) == (z, e)
        padding = (batch.zh == 0)[:, :, None] | (batch.en == 0)[:, None, :]
        assert (idx[padding] == len(table)).all()


def test_rank_and_binary_search_find_the_same_entries_over_a_large_vocabulary() -> None:
    rng = np.random.default_rng(0)
    zh = [rng.integers(1, 300, rng.integers(1, 30)) for _ in range(200)]
    en = [rng.integers(1, 500, rng.integers(1, 30)) for _ in range(200)]
    c = Corpus(zh, en)
    by_rank = PairTable(c.training_batches(), 300, 500, bitmap=True)
    by_search = PairTable(c.training_batches(), 300, 500, bitmap=False)
    assert np.array_equal(by_rank.keys, by_search.keys)
    for batch in c.training_batches():
        assert np.array_equal(by_rank.index(batch), by_search.index(batch))


@pytest.mark.parametrize("bitmap", [True, False])
def test_row_sums_add_in_entry_order_a_slice_at_a_time(
    bitmap: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pair_table, "_SLICE_BYTES", 16)
    monkeypatch.setattr(pair_table, "_SLICE_KEYS", 37)
    rng = np.random.default_rng(1)
    zh = [rng.integers(1, 40, rng.integers(1, 12)) for _ in range(60)]
    en = [rng.integers(1, 50, rng.integers(1, 12)) for _ in range(60)]
    pairs = PairTable(Corpus(zh, en).training_batches(), 40, 50, bitmap=bitmap)
    weights = rng.random(len(pairs)) * 10.0 ** rng.integers(-8, 8, len(pairs))
    for by_zh, rows, n in [(True, pairs.zh_of(), 40), (False, pairs.en_of(), 50)]:
        got = pairs.row_sums(weights, by_zh=by_zh)
        want = np.bincount(rows, weights=weights, minlength=n)
        assert got.tobytes() == want.tobytes()  # bit for bit, not just close


def test_posteriors_come_in_input_order_shaped_zh_by_en() -> None:
    got = _stream()
    assert [f.shape for f, _ in got] == [(len(z), len(e)) for z, e in zip(ZH, EN, strict=True)]
    assert [r.shape for _, r in got] == [f.shape for f, _ in got]
    for fwd, rev in got:
        assert np.all(fwd.sum(axis=0) <= 1 + 1e-9)  # each en word: one zh word or NULL
        assert np.all(rev.sum(axis=1) <= 1 + 1e-9)  # each zh word: one en word or NULL


@pytest.mark.parametrize("agreement", [True, False])
def test_batch_and_chunk_sizes_do_not_change_the_posteriors(
    monkeypatch: pytest.MonkeyPatch, agreement: bool
) -> None:
    whole = _stream(agreement)
    _tiny_batches(monkeypatch)
    cut = _stream(agreement)
    for (f1, r1), (f2, r2) in zip(whole, cut, strict=True):
        np.testing.assert_allclose(f1, f2, rtol=1e-9, atol=1e-12)
        np.testing.assert_allclose(r1, r2, rtol=1e-9, atol=1e-12)


def test_only_the_first_limit_pairs_are_decoded() -> None:
    got = list(stream_posteriors(_ids(ZH), _ids(EN), (7, 7), PRIORS, HmmConfig(), limit=2))
    assert len(got) == 2
    for (f1, r1), (f2, r2) in zip(got, _stream(), strict=False):
        np.testing.assert_allclose(f1, f2, rtol=1e-9, atol=1e-12)  # batched apart from 3-5
        np.testing.assert_allclose(r1, r2, rtol=1e-9, atol=1e-12)


def test_empty_sides_get_empty_posteriors() -> None:
    got = list(stream_posteriors(_ids([[], [1]]), _ids([[1], []]), (2, 2), {}, HmmConfig()))
    assert [f.shape for f, _ in got] == [(0, 1), (1, 0)]


def test_file_lines_decoded_chunk_by_chunk_match_align(monkeypatch: pytest.MonkeyPatch) -> None:
    pairs = [
        ("我 喜欢 苹果 。".split(), "I like apples .".split()),
        ("这 是 一 本 好 书 。".split(), "this is a good book .".split()),
        ("我们 保护 环境 。".split(), "we protect the environment .".split()),
        ("他 喜欢 书 。".split(), "he likes books .".split()),
        ("记者 任 峰 报道 。".split(), "reporter Ren Feng reports .".split()),
    ]
    lines = [" ||| ".join((" ".join(z), " ".join(e))) for z, e in pairs]
    lines.insert(2, "")
    expected = [" ".join(f"{i}-{j}" for i, j in sorted(s)) for s in align(pairs)]
    _tiny_batches(monkeypatch)
    out = list(align_file_lines(lines))
    assert out[2] == "" and out[:2] + out[3:] == expected
