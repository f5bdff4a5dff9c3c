"""EM training of the two directional aligners, streamed over the corpus batch by batch.

Each pass walks the length-sorted batches once: a batch's cells look their word pair up in the
shared ``PairTable``, the E-step runs on it, and its expected counts are added to one array per
direction over the table (one in all when the directions are trained by agreement, whose
word-link posteriors are the same product both ways). IBM Model 1 trains one direction at a
time (its directions are independent), so at most three float arrays over the table are held
at once. Nothing per cell outlives its batch, and both E-steps run on a batch a few pairs at a
time (``Batch.rows``), padded as the batch is, so their arrays stay a fraction of the batch's
cells while each pair's arithmetic, and the order its counts are added in, stay the same. The
last pass decodes in input order, a chunk at a time, and yields each pair's link posteriors as
its chunk is done.

Both directions' t(target | source) is ``counts[entry] / totals[source word]``: the counts
array (expected counts plus Dirichlet prior) is shared by both directions after an agreement
step, so the table holds a key and two float arrays per word pair however long the input is.
The totals are summed a slice of the table's keys at a time (``PairTable.row_sums``), so no
array of every entry's word id is made for them.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np

from tutor.mining.align.corpus import Batch, Corpus
from tutor.mining.align.hmm import HmmConfig, add_jumps, forward_backward, ibm1, initial_jumps
from tutor.mining.align.table import PairTable

__all__ = ["PriorArrays", "prior_arrays", "stream_corpus", "stream_posteriors"]

Posteriors = tuple[np.ndarray, np.ndarray]
Emissions = tuple[np.ndarray, np.ndarray]  # (B, targets, sources) and NULL's (B, targets)
PriorArrays = tuple[np.ndarray, np.ndarray, np.ndarray]  # zh ids, en ids, pseudo-counts

_PART_CELLS = 1 << 17  # padded cells of a batch an E-step runs on at once


@dataclass
class _Side:
    """One direction: t(target | source) = counts[entry] / totals[source id]; NULL by id."""

    counts: np.ndarray  # per table entry and one padding entry (0) at the end
    totals: np.ndarray  # per source word id; 1 at id 0 (padding)
    null: np.ndarray  # t(target id | NULL); 0 at id 0
    jumps: np.ndarray


@dataclass
class _Acc:
    """One direction's expected counts of a pass."""

    words: np.ndarray
    null: np.ndarray
    jumps: np.ndarray


@dataclass(frozen=True)
class _Prior:
    """Dirichlet pseudo-counts over the table: ``smooth`` everywhere, ``value`` at ``pos``."""

    smooth: float
    pos: np.ndarray
    value: np.ndarray


def prior_arrays(priors: dict[tuple[int, int], float]) -> PriorArrays:
    """``{(zh id, en id): pseudo-count}`` as three arrays, in the dict's order."""
    zh = np.fromiter((z for z, _ in priors), np.int64, len(priors))
    en = np.fromiter((e for _, e in priors), np.int64, len(priors))
    return zh, en, np.fromiter(priors.values(), np.float64, len(priors))


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim``, or None where the C library has none."""
    try:
        trim: Callable[[int], int] = ctypes.CDLL(ctypes.util.find_library("c")).malloc_trim
    except (AttributeError, OSError, TypeError):
        return None
    return trim


def _release() -> None:
    """Give the heap's free pages back to the system after a pass's big arrays are freed.

    glibc raises its mmap threshold to the size of the last large block it freed, so arrays
    over the table (tens of MB) land on the heap once one has been freed, and the heap keeps
    their pages resident after they go: some 40 MB at 20k pairs, held into the next pass.
    """
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


def _prior(table: PairTable, priors: PriorArrays, smooth: float) -> _Prior:
    zh, en, alphas = priors
    if not len(alphas):
        return _Prior(smooth, np.zeros(0, np.int64), np.zeros(0))
    pos, hit = table.find(zh, en)
    value = np.full(len(table), smooth)
    np.add.at(value, pos, alphas[hit])  # as many times as a pair is listed
    at = np.unique(pos)
    return _Prior(smooth, at, value[at])


def _with_prior(acc: np.ndarray, prior: _Prior) -> np.ndarray:
    """``acc`` + prior, in place; the padding entry back to 0."""
    at_prior = acc[prior.pos]
    acc += prior.smooth
    acc[prior.pos] = at_prior + prior.value
    acc[-1] = 0.0
    return acc


def _totals(table: PairTable, counts: np.ndarray, by_zh: bool, unseen: float) -> np.ndarray:
    """Row sums plus the mass ``unseen`` held back for translations not seen with the word.

    Plain EM on a small corpus lets a rare source word "collect" every target word it
    co-occurs with (Moore, 2004); reserving mass for unseen translations makes a word seen
    once a weak explanation unless the dictionary prior backs it.
    """
    totals = table.row_sums(counts[:-1], by_zh=by_zh)
    totals += unseen
    totals[0] = 1.0
    return totals


def _null(acc: np.ndarray, cfg: HmmConfig) -> np.ndarray:
    counts = acc + cfg.smoothing
    counts[0] = 0.0
    return counts / (np.cumsum(counts)[-1] + cfg.unseen)


def _jumps(acc: np.ndarray) -> np.ndarray:
    return (acc + 0.5) / (acc.sum() + 0.5 * len(acc))


class _Model:
    """Both directions' parameters over one table, and the E- and M-steps that update them."""

    def __init__(self, corpus: Corpus, table: PairTable, prior: _Prior, cfg: HmmConfig) -> None:
        self.corpus, self.table, self.prior, self.cfg = corpus, table, prior, cfg
        counts = self.prior_counts()
        self.fwd = self._side(counts, True, table.n_en)
        self.rev = self._side(counts, False, table.n_zh)

    def prior_counts(self) -> np.ndarray:
        """The counts before training: the prior alone (one more entry, 0, for padding)."""
        return _with_prior(np.zeros(len(self.table) + 1), self.prior)

    def _side(self, counts: np.ndarray, zh_source: bool, n_trg: int) -> _Side:
        totals = _totals(self.table, counts, zh_source, self.cfg.unseen)
        return _Side(counts, totals, _null(np.zeros(n_trg), self.cfg), initial_jumps(self.cfg))

    def emit_fwd(self, batch: Batch, idx: np.ndarray, hmm: bool) -> Emissions:
        """zh->en emissions (B, J en, I zh) and their NULL's (B, J en)."""
        fwd = self.fwd.counts[idx]
        fwd /= self.fwd.totals[batch.zh][:, :, None]
        fwd = np.ascontiguousarray(fwd.transpose(0, 2, 1))
        if hmm:  # padding steps emit 1 (see forward_backward)
            fwd[np.arange(fwd.shape[1])[None, :] >= batch.n_en[:, None]] = 1.0
        return fwd, self.fwd.null[batch.en]

    def emit_rev(self, batch: Batch, idx: np.ndarray, hmm: bool) -> Emissions:
        """en->zh emissions (B, I zh, J en) and their NULL's (B, I zh)."""
        rev = self.rev.counts[idx]
        rev /= self.rev.totals[batch.en][:, None, :]
        if hmm:
            rev[np.arange(rev.shape[1])[None, :] >= batch.n_zh[:, None]] = 1.0
        return rev, self.rev.null[batch.zh]

    def accumulators(self, shared: bool) -> tuple[_Acc, _Acc]:
        n = len(self.table) + 1
        jumps = np.zeros_like(self.fwd.jumps)
        fwd = _Acc(np.zeros(n), np.zeros(self.table.n_en), jumps)
        words = fwd.words if shared else np.zeros(n)
        return fwd, _Acc(words, np.zeros(self.table.n_zh), np.zeros_like(jumps))

    def ibm1_step(self, forward: bool, acc: _Acc) -> None:
        """One direction's M-step after an IBM Model 1 pass (the other is left as it is)."""
        side = self.fwd if forward else self.rev
        side.counts = _with_prior(acc.words, self.prior)
        side.totals = _totals(self.table, side.counts, forward, self.cfg.unseen)
        side.null = _null(acc.null, self.cfg)

    def m_step(self, acc: tuple[_Acc, _Acc], hmm: bool) -> None:
        fwd, rev = acc
        self.fwd.counts = _with_prior(fwd.words, self.prior)
        if rev.words is not fwd.words:
            rev.words = _with_prior(rev.words, self.prior)
        self.rev.counts = rev.words
        table, unseen = self.table, self.cfg.unseen
        self.fwd.totals = _totals(table, self.fwd.counts, True, unseen)
        self.rev.totals = _totals(table, self.rev.counts, False, unseen)
        self.fwd.null, self.rev.null = _null(fwd.null, self.cfg), _null(rev.null, self.cfg)
        if hmm:
            self.fwd.jumps, self.rev.jumps = _jumps(fwd.jumps), _jumps(rev.jumps)


def _ibm1_batch(model: _Model, batch: Batch, forward: bool, acc: _Acc) -> None:
    idx = model.table.index(batch)
    p0 = model.cfg.null_probability
    if forward:
        words, null = ibm1(*model.emit_fwd(batch, idx, hmm=False), p0)
        np.add.at(acc.words, idx.transpose(0, 2, 1).ravel(), words.ravel())
        np.add.at(acc.null, batch.en.ravel(), null.ravel())
    else:
        words, null = ibm1(*model.emit_rev(batch, idx, hmm=False), p0)
        np.add.at(acc.words, idx.ravel(), words.ravel())
        np.add.at(acc.null, batch.zh.ravel(), null.ravel())


def _hmm_part(
    model: _Model, part: Batch, moves: tuple[np.ndarray, np.ndarray] | None
) -> tuple[np.ndarray, tuple[np.ndarray, ...]]:
    """A part's cell entries and both directions' posteriors: word (B, J en, I zh) and NULL
    (B, J en), word (B, I zh, J en) and NULL (B, I zh); expected moves added to ``moves``."""
    idx = model.table.index(part)
    cfg = model.cfg
    lengths = (part.n_zh, part.n_en)
    emit_f, null_f = model.emit_fwd(part, idx, hmm=True)
    move_f, move_r = (None, None) if moves is None else moves
    word_f, nul_f = forward_backward(emit_f, null_f, lengths, model.fwd.jumps, cfg, move_f)
    del emit_f, null_f
    emit_r, null_r = model.emit_rev(part, idx, hmm=True)
    word_r, nul_r = forward_backward(emit_r, null_r, lengths[::-1], model.rev.jumps, cfg, move_r)
    return idx, (word_f, nul_f, word_r, nul_r)


def _hmm_batch(model: _Model, batch: Batch, acc: tuple[_Acc, _Acc]) -> None:
    """One batch's E-step, a part at a time; its counts added to ``acc``."""
    moves = tuple(np.zeros((n, n)) for n in (batch.zh.shape[1], batch.en.shape[1]))
    for part in batch.rows(_PART_CELLS):
        idx, post = _hmm_part(model, part, (moves[0], moves[1]))
        _add_hmm_counts(acc, idx, part, post)
    add_jumps(acc[0].jumps, moves[0], model.cfg)
    add_jumps(acc[1].jumps, moves[1], model.cfg)


def _add_hmm_counts(
    acc: tuple[_Acc, _Acc], idx: np.ndarray, batch: Batch, post: tuple[np.ndarray, ...]
) -> None:
    """Add a batch's posteriors; agreed directions (one shared array) count their product.

    Alignment by agreement (Liang, Taskar and Klein, 2006): training both directions on the
    links they agree on removes most of the errors either makes alone. NULL posteriors stay.
    """
    word_f, nul_f, word_r, nul_r = post
    fwd, rev = acc
    if fwd.words is rev.words:
        np.add.at(fwd.words, idx.ravel(), (word_f.transpose(0, 2, 1) * word_r).ravel())
    else:
        np.add.at(fwd.words, idx.transpose(0, 2, 1).ravel(), word_f.ravel())
        np.add.at(rev.words, idx.ravel(), word_r.ravel())
    np.add.at(fwd.null, batch.en.ravel(), nul_f.ravel())
    np.add.at(rev.null, batch.zh.ravel(), nul_r.ravel())


def _train(model: _Model, agreement: bool) -> None:
    cfg = model.cfg
    if cfg.ibm1_iterations:
        model.rev.counts = np.zeros(0)  # the prior alone again when its turn comes
    for forward in (True, False):
        if not forward and cfg.ibm1_iterations:
            model.rev.counts = model.prior_counts()
        for _ in range(cfg.ibm1_iterations):
            n_null = model.table.n_en if forward else model.table.n_zh
            one = _Acc(np.zeros(len(model.table) + 1), np.zeros(n_null), np.zeros(0))
            for batch in model.corpus.training_batches():
                for part in batch.rows(_PART_CELLS):
                    _ibm1_batch(model, part, forward, one)
            model.ibm1_step(forward, one)
            del one
            _release()
    for _ in range(cfg.hmm_iterations):
        acc = model.accumulators(shared=agreement)
        for batch in model.corpus.training_batches():
            _hmm_batch(model, batch, acc)
        model.m_step(acc, hmm=True)
        del acc
        _release()


def _decode(model: _Model, limit: int) -> Iterator[Posteriors]:
    corpus = model.corpus
    for span, batches in corpus.decoding_chunks(limit):
        done: dict[int, Posteriors] = {}
        for part in (part for batch in batches for part in batch.rows(_PART_CELLS)):
            word_f, _, word_r, _ = _hmm_part(model, part, None)[1]
            for b, s in enumerate(part.pairs):
                i, j = part.n_zh[b], part.n_en[b]
                done[int(s)] = (word_f[b, :j, :i].T.copy(), word_r[b, :i, :j].copy())
        for s in span:
            yield done.pop(s) if s in done else _empty(int(corpus.n_zh[s]), int(corpus.n_en[s]))


def _empty(n_zh: int, n_en: int) -> Posteriors:
    return np.zeros((n_zh, n_en)), np.zeros((n_zh, n_en))


def stream_posteriors(
    zh: Sequence[np.ndarray],
    en: Sequence[np.ndarray],
    vocab: tuple[int, int],
    priors: dict[tuple[int, int], float],
    cfg: HmmConfig,
    *,
    agreement: bool = True,
    limit: int | None = None,
) -> Iterator[Posteriors]:
    """Each pair's (zh->en, en->zh) link posteriors, both (len zh, len en), in input order.

    ``zh``/``en`` are id arrays (ids from 1; 0 is reserved for NULL) and ``vocab`` their id
    ranges (n_zh, n_en); ``priors`` maps (zh id, en id) to a Dirichlet pseudo-count for both
    directions. ``agreement`` trains the directions on the product of their word posteriors
    (Liang et al., 2006); otherwise each on its own. Only the first ``limit`` pairs (all by
    default) are decoded: the rest only train.
    """
    return stream_corpus(
        Corpus(zh, en), vocab, prior_arrays(priors), cfg, agreement=agreement, limit=limit
    )


def stream_corpus(
    corpus: Corpus,
    vocab: tuple[int, int],
    priors: PriorArrays,
    cfg: HmmConfig,
    *,
    agreement: bool = True,
    limit: int | None = None,
) -> Iterator[Posteriors]:
    """``stream_posteriors`` of pairs already in a ``Corpus``, priors as ``prior_arrays``."""
    limit = len(corpus) if limit is None else limit
    table = PairTable(corpus.training_batches(), *vocab)
    _release()
    if not len(table):
        yield from (_empty(int(corpus.n_zh[s]), int(corpus.n_en[s])) for s in range(limit))
        return
    model = _Model(corpus, table, _prior(table, priors, cfg.smoothing), cfg)
    _train(model, agreement)
    yield from _decode(model, limit)
