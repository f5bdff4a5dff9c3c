"""A deterministic IBM Model 1 + HMM word aligner with Dirichlet (dictionary) priors.

Why not call eflomal directly: eflomal seeds its Gibbs sampler from /dev/urandom, so two runs on
the same text give different links, and it reports no per-link probability. ``tutor`` promises
the same deck for the same input and needs a confidence per link, so this module trains the
classic models by EM (deterministic) and returns link posteriors from forward-backward.
Dictionary priors enter as pseudo-counts in the M-step, as eflomal's ``LEX`` priors do.

Everything is vectorised with numpy: the co-occurrence cells of all sentence pairs are one flat
array (IBM1), and the HMM runs forward-backward over batches of similar-length pairs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

__all__ = ["HmmConfig", "joint_posteriors", "posteriors"]

_BATCH = 256


@dataclass(frozen=True)
class HmmConfig:
    """Training schedule and fixed hyper-parameters."""

    ibm1_iterations: int = 5
    hmm_iterations: int = 5
    null_probability: float = 0.15
    max_jump: int = 40
    smoothing: float = 0.01
    unseen: float = 4.0
    jump_power: float = 0.5


class _Cells:
    """Flat co-occurrence grid: one cell per (source position incl. NULL, target position)."""

    def __init__(self, src: Sequence[np.ndarray], trg: Sequence[np.ndarray], n_trg: int) -> None:
        self.src_len = np.array([len(s) + 1 for s in src], dtype=np.int64)  # +1: NULL at 0
        self.trg_len = np.array([len(t) for t in trg], dtype=np.int64)
        sizes = self.src_len * self.trg_len
        self.offsets = np.concatenate(([0], np.cumsum(sizes)))
        keys, toks, nulls = [], [], []
        tok_base = 0
        for s, t in zip(src, trg, strict=True):
            full = np.concatenate(([0], s)).astype(np.int64)
            # source-major: cell (i, j) at i*J + j
            keys.append((full[:, None] * n_trg + t.astype(np.int64)[None, :]).ravel())
            toks.append(np.tile(np.arange(tok_base, tok_base + len(t), dtype=np.int32), len(full)))
            nulls.append(np.arange(len(full) * len(t)) < len(t))
            tok_base += len(t)
        self.cell_tok = np.concatenate(toks) if toks else np.zeros(0, np.int32)
        self.is_null = np.concatenate(nulls) if nulls else np.zeros(0, bool)
        del toks, nulls
        self.n_tok = tok_base
        self.n_trg = n_trg
        flat = np.concatenate(keys) if keys else np.zeros(0, np.int64)
        del keys
        self.pairs, inverse = np.unique(flat, return_inverse=True)
        del flat
        self.pair_idx = inverse.astype(np.int32 if len(self.pairs) < 2**31 else np.int64)
        del inverse
        self.pair_src = self.pairs // n_trg


def _normalise(counts: np.ndarray, cells: _Cells, unseen: float) -> np.ndarray:
    """t(target | source) with ``unseen`` pseudo-counts held back for words not seen with it.

    Plain EM on a small corpus lets a rare source word "collect" every target word it
    co-occurs with (Moore, 2004); reserving mass for unseen translations makes a word seen
    once a weak explanation unless the dictionary prior backs it.
    """
    totals = np.bincount(cells.pair_src, weights=counts) + unseen
    return counts / totals[cells.pair_src]


def _prior_counts(cells: _Cells, priors: dict[tuple[int, int], float], smooth: float) -> np.ndarray:
    out = np.full(len(cells.pairs), smooth)
    if priors:
        keys = np.array([s * cells.n_trg + t for s, t in priors], dtype=np.int64)
        alphas = np.array(list(priors.values()))
        pos = np.searchsorted(cells.pairs, keys)
        pos = np.minimum(pos, len(cells.pairs) - 1)
        hit = cells.pairs[pos] == keys
        np.add.at(out, pos[hit], alphas[hit])
    return out


def _ibm1(cells: _Cells, prior: np.ndarray, cfg: HmmConfig) -> np.ndarray:
    t = _normalise(prior.copy(), cells, cfg.unseen)
    for _ in range(cfg.ibm1_iterations):
        post = t[cells.pair_idx]
        post[cells.is_null] *= cfg.null_probability
        post /= np.bincount(cells.cell_tok, weights=post, minlength=cells.n_tok)[cells.cell_tok]
        t = _normalise(
            np.bincount(cells.pair_idx, post, len(cells.pairs)) + prior, cells, cfg.unseen
        )
        del post
    return t


def _jump_bucket(d: np.ndarray, max_jump: int) -> np.ndarray:
    return np.clip(d, -max_jump, max_jump) + max_jump


def _batches(cells: _Cells) -> list[np.ndarray]:
    order = np.lexsort((cells.trg_len, cells.src_len))
    return [order[k : k + _BATCH] for k in range(0, len(order), _BATCH)]


def _hmm_pass(
    cells: _Cells, t: np.ndarray, jumps: np.ndarray, cfg: HmmConfig
) -> tuple[np.ndarray, np.ndarray]:
    """One E-step: cell posteriors (flat, cell order) and expected jump counts.

    States are the I source words plus, for each, "NULL after word i" (Och and Ney's 2I-state
    HMM), so a target word aligned to nothing does not make the next one jump from the start.
    Both kinds of state at position i have the same future, which keeps the cost at I x I.
    """
    post_flat = np.zeros(len(cells.pair_idx))
    jump_counts = np.zeros_like(jumps)
    p0 = cfg.null_probability
    for batch in _batches(cells):
        n_i = cells.src_len[batch] - 1
        n_j = cells.trg_len[batch]
        big_i, big_j, nb = int(n_i.max()), int(n_j.max()), len(batch)
        if big_j == 0 or big_i == 0:
            continue
        emit = np.zeros((nb, big_j, big_i))
        e_null = np.ones((nb, big_j))
        for b, s in enumerate(batch):
            lo, hi = cells.offsets[s], cells.offsets[s + 1]
            grid = t[cells.pair_idx[lo:hi]].reshape(n_i[b] + 1, n_j[b])
            emit[b, : n_j[b], : n_i[b]] = grid[1:].T
            e_null[b, : n_j[b]] = grid[0]
            emit[b, n_j[b] :, :] = 1.0  # padding steps change nothing
        pos = np.arange(big_i)
        valid = (pos[None, :] < n_i[:, None]).astype(float)
        bucket = _jump_bucket(pos[None, :] - pos[:, None], cfg.max_jump)
        flat = jumps**cfg.jump_power  # flattened: Chinese-English reorders more than EM thinks
        trans = flat[bucket][None, :, :] * valid[:, None, :]
        trans = trans / np.maximum(trans.sum(axis=2, keepdims=True), 1e-300) * (1.0 - p0)
        first = flat[_jump_bucket(pos + 1, cfg.max_jump)][None, :] * valid
        first = first / first.sum(axis=1, keepdims=True) * (1.0 - p0)
        pad_null = np.where(np.arange(big_j)[None, :] < n_j[:, None], e_null, 0.0)
        w_al = np.zeros((nb, big_j, big_i))  # word states
        n_al = np.zeros((nb, big_j, big_i))  # NULL-after-i states
        scale = np.zeros((nb, big_j))
        for j in range(big_j):
            if j == 0:
                w = first * emit[:, 0]
                n = np.zeros((nb, big_i))
                n[:, 0] = p0 * pad_null[:, 0]
            else:
                prev = w_al[:, j - 1] + n_al[:, j - 1]
                w = np.matmul(prev[:, None, :], trans)[:, 0, :] * emit[:, j]
                n = p0 * prev * pad_null[:, j][:, None]
            tot = w.sum(axis=1) + n.sum(axis=1)
            tot[tot == 0] = 1e-300
            w_al[:, j] = w / tot[:, None]
            n_al[:, j] = n / tot[:, None]
            scale[:, j] = tot
        beta = np.ones((nb, big_j, big_i))
        for j in range(big_j - 2, -1, -1):
            nxt = emit[:, j + 1] * beta[:, j + 1]
            to_word = np.matmul(trans, nxt[:, :, None])[:, :, 0]
            to_null = p0 * pad_null[:, j + 1][:, None] * beta[:, j + 1]
            beta[:, j] = (to_word + to_null) / scale[:, j + 1][:, None]
        gamma_w = w_al * beta
        gamma_n = (n_al * beta).sum(axis=2)
        norm = np.maximum(gamma_w.sum(axis=2) + gamma_n, 1e-300)
        gamma_w /= norm[:, :, None]
        gamma_n /= norm
        if big_j > 1:
            prev = w_al[:, :-1] + n_al[:, :-1]
            nxt = emit[:, 1:] * beta[:, 1:] / scale[:, 1:, None]
            mask = (np.arange(1, big_j)[None, :] < n_j[:, None]).astype(float)
            xi = np.matmul((prev * mask[:, :, None]).transpose(0, 2, 1), nxt) * trans
            np.add.at(jump_counts, bucket.ravel(), xi.sum(axis=0).ravel())
        for b, s in enumerate(batch):
            lo, hi = cells.offsets[s], cells.offsets[s + 1]
            grid = np.empty((n_i[b] + 1, n_j[b]))
            grid[0] = gamma_n[b, : n_j[b]]
            grid[1:] = gamma_w[b, : n_j[b], : n_i[b]].T
            post_flat[lo:hi] = grid.ravel()
    return post_flat, jump_counts


def posteriors(
    src: Sequence[np.ndarray],
    trg: Sequence[np.ndarray],
    n_trg: int,
    priors: dict[tuple[int, int], float],
    cfg: HmmConfig = HmmConfig(),
) -> list[np.ndarray]:
    """For each pair, an (I, J) array: P(target j is aligned to source i | pair).

    ``src``/``trg`` are id arrays (ids from 1; 0 is reserved for NULL), ``priors`` maps
    (source id, target id) to a Dirichlet pseudo-count.
    """
    cells = _Cells(src, trg, n_trg)
    if len(cells.pair_idx) == 0:
        return [np.zeros((len(s), len(t))) for s, t in zip(src, trg, strict=True)]
    prior = _prior_counts(cells, priors, cfg.smoothing)
    t = _ibm1(cells, prior, cfg)
    jumps = np.exp(-0.5 * np.abs(np.arange(-cfg.max_jump, cfg.max_jump + 1) - 1))
    for it in range(cfg.hmm_iterations + 1):
        post, jump_counts = _hmm_pass(cells, t, jumps, cfg)
        if it == cfg.hmm_iterations:
            break
        t = _normalise(
            np.bincount(cells.pair_idx, post, len(cells.pairs)) + prior, cells, cfg.unseen
        )
        jumps = (jump_counts + 0.5) / (jump_counts.sum() + 0.5 * len(jumps))
    out = []
    for s in range(len(src)):
        lo, hi = cells.offsets[s], cells.offsets[s + 1]
        grid = post[lo:hi].reshape(cells.src_len[s], cells.trg_len[s])
        out.append(grid[1:])
    return out


def _agree(post_f: np.ndarray, cf: _Cells, post_r: np.ndarray, cr: _Cells) -> None:
    """Replace each direction's word-link posteriors by their product, in place.

    Alignment by agreement (Liang, Taskar and Klein, 2006): training both directions on the
    links they agree on removes most of the errors either makes alone. NULL posteriors stay.
    """
    for s in range(len(cf.src_len)):
        flo, fhi = cf.offsets[s], cf.offsets[s + 1]
        rlo, rhi = cr.offsets[s], cr.offsets[s + 1]
        f = post_f[flo:fhi].reshape(cf.src_len[s], cf.trg_len[s])
        r = post_r[rlo:rhi].reshape(cr.src_len[s], cr.trg_len[s])
        q = f[1:] * r[1:].T
        f[1:] = q
        r[1:] = q.T


def joint_posteriors(
    zh: Sequence[np.ndarray],
    en: Sequence[np.ndarray],
    n_zh: int,
    n_en: int,
    priors: dict[tuple[int, int], float],
    cfg: HmmConfig = HmmConfig(),
) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Both directions trained by agreement: (zh->en posteriors (I, J), en->zh (J, I)).

    ``priors`` maps (zh id, en id) to a pseudo-count and serves both directions.
    """
    cf, cr = _Cells(zh, en, n_en), _Cells(en, zh, n_zh)
    if len(cf.pair_idx) == 0:
        empty = [np.zeros((len(z), len(e))) for z, e in zip(zh, en, strict=True)]
        return empty, [m.T for m in empty]
    prior_f = _prior_counts(cf, priors, cfg.smoothing)
    prior_r = _prior_counts(cr, {(e, z): a for (z, e), a in priors.items()}, cfg.smoothing)
    tf, tr = _ibm1(cf, prior_f, cfg), _ibm1(cr, prior_r, cfg)
    jumps_f = jumps_r = np.exp(-0.5 * np.abs(np.arange(-cfg.max_jump, cfg.max_jump + 1) - 1))
    for it in range(cfg.hmm_iterations + 1):
        post_f, jc_f = _hmm_pass(cf, tf, jumps_f, cfg)
        post_r, jc_r = _hmm_pass(cr, tr, jumps_r, cfg)
        if it == cfg.hmm_iterations:
            break
        _agree(post_f, cf, post_r, cr)
        tf = _normalise(np.bincount(cf.pair_idx, post_f, len(cf.pairs)) + prior_f, cf, cfg.unseen)
        tr = _normalise(np.bincount(cr.pair_idx, post_r, len(cr.pairs)) + prior_r, cr, cfg.unseen)
        jumps_f = (jc_f + 0.5) / (jc_f.sum() + 0.5 * len(jumps_f))
        jumps_r = (jc_r + 0.5) / (jc_r.sum() + 0.5 * len(jumps_r))
    fwd, rev = [], []
    for s in range(len(zh)):
        lo, hi = cf.offsets[s], cf.offsets[s + 1]
        fwd.append(post_f[lo:hi].reshape(cf.src_len[s], cf.trg_len[s])[1:])
        lo, hi = cr.offsets[s], cr.offsets[s + 1]
        rev.append(post_r[lo:hi].reshape(cr.src_len[s], cr.trg_len[s])[1:])
    return fwd, rev
