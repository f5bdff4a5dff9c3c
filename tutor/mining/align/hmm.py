"""A deterministic IBM Model 1 + HMM word aligner with Dirichlet (dictionary) priors.

Why not call eflomal directly: eflomal seeds its Gibbs sampler from /dev/urandom, so two runs on
the same text give different links, and it reports no per-link probability. ``tutor`` promises
the same deck for the same input and needs a confidence per link, so this module trains the
classic models by EM (deterministic) and returns link posteriors from forward-backward.
Dictionary priors enter as pseudo-counts in the M-step, as eflomal's ``LEX`` priors do.

This module holds the E-step of one batch of similar-length pairs, vectorised with numpy:
``ibm1`` and ``forward_backward`` take the batch's emission probabilities, padded to its longest
pair, and give each cell's posterior. ``train`` runs them over the corpus batch by batch.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = ["HmmConfig", "add_jumps", "forward_backward", "ibm1", "initial_jumps"]

_XI_CELLS = 1 << 17  # (pairs x I x (I + J)) cells of a batch's jump counts made at once


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


def initial_jumps(cfg: HmmConfig) -> np.ndarray:
    """Jump probabilities before training: a step forward most likely, decaying either way."""
    return np.exp(-0.5 * np.abs(np.arange(-cfg.max_jump, cfg.max_jump + 1) - 1))


def ibm1(emit: np.ndarray, e_null: np.ndarray, p0: float) -> tuple[np.ndarray, np.ndarray]:
    """IBM Model 1 posteriors of a batch: (word (B, J, I), NULL (B, J)).

    ``emit[b, j, i]`` is t(target j | source i), 0 for padding; ``e_null[b, j]`` t(j | NULL).
    """
    null = p0 * e_null
    norm = null + emit.sum(axis=2)
    norm[norm == 0] = 1.0
    return emit / norm[:, :, None], null / norm


def _jump_bucket(d: np.ndarray, max_jump: int) -> np.ndarray:
    return np.clip(d, -max_jump, max_jump) + max_jump


def _moves_bucket(big_i: int, cfg: HmmConfig) -> np.ndarray:
    """(I, I) jump bucket of each move from source position i to i'."""
    pos = np.arange(big_i)
    return _jump_bucket(pos[None, :] - pos[:, None], cfg.max_jump)


def add_jumps(out: np.ndarray, moves: np.ndarray, cfg: HmmConfig) -> None:
    """Add (I, I) expected moves (``forward_backward``'s ``moves``) to jump counts ``out``."""
    np.add.at(out, _moves_bucket(len(moves), cfg).ravel(), moves.ravel())


def _transitions(
    n_i: np.ndarray, big_i: int, jumps: np.ndarray, cfg: HmmConfig
) -> tuple[np.ndarray, np.ndarray]:
    """(B, I, I) word-to-word transitions and (B, I) first-word probabilities."""
    p0 = cfg.null_probability
    pos = np.arange(big_i)
    valid = (pos[None, :] < n_i[:, None]).astype(float)
    bucket = _moves_bucket(big_i, cfg)
    flat = jumps**cfg.jump_power  # flattened: Chinese-English reorders more than EM thinks
    trans = flat[bucket][None, :, :] * valid[:, None, :]
    trans = trans / np.maximum(trans.sum(axis=2, keepdims=True), 1e-300) * (1.0 - p0)
    first = flat[_jump_bucket(pos + 1, cfg.max_jump)][None, :] * valid
    first = first / first.sum(axis=1, keepdims=True) * (1.0 - p0)
    return trans, first


def _forward(
    emit: np.ndarray, pad_null: np.ndarray, trans: np.ndarray, first: np.ndarray, p0: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Scaled forward probabilities of word and NULL-after-word states, and the scales."""
    nb, big_j, big_i = emit.shape
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
    return w_al, n_al, scale


def _backward(
    emit: np.ndarray, pad_null: np.ndarray, trans: np.ndarray, scale: np.ndarray, p0: float
) -> np.ndarray:
    beta = np.ones_like(emit)
    for j in range(emit.shape[1] - 2, -1, -1):
        nxt = emit[:, j + 1] * beta[:, j + 1]
        to_word = np.matmul(trans, nxt[:, :, None])[:, :, 0]
        to_null = p0 * pad_null[:, j + 1][:, None] * beta[:, j + 1]
        beta[:, j] = (to_word + to_null) / scale[:, j + 1][:, None]
    return beta


def _add_moves(
    total: np.ndarray,
    alpha: tuple[np.ndarray, np.ndarray, np.ndarray],
    emit: np.ndarray,
    beta: np.ndarray,
    trans: np.ndarray,
    n_j: np.ndarray,
) -> None:
    """Add the batch's expected moves (I, I) to ``total``, pair by pair in order.

    Each pair's (I, I) moves are made a few pairs at a time (a batch of long source sides
    would otherwise hold several times its cells in them).
    """
    w_al, n_al, scale = alpha
    big_j, big_i = emit.shape[1:]
    if big_j < 2:
        return
    mask = (np.arange(1, big_j)[None, :] < n_j[:, None]).astype(float)
    step = max(1, _XI_CELLS // (big_i * (big_i + big_j)))
    for lo in range(0, len(emit), step):
        part = slice(lo, lo + step)
        prev = w_al[part, :-1] + n_al[part, :-1]
        nxt = emit[part, 1:] * beta[part, 1:]
        nxt /= scale[part, 1:, None]
        prev *= mask[part, :, None]  # in place: one (B, J, I) temporary fewer
        xi = np.matmul(prev.transpose(0, 2, 1), nxt)
        xi *= trans[part]
        for one in xi:  # pair by pair, in order: numpy's sum over pairs, bit for bit
            total += one


def forward_backward(
    emit: np.ndarray,
    e_null: np.ndarray,
    lengths: tuple[np.ndarray, np.ndarray],
    jumps: np.ndarray,
    cfg: HmmConfig,
    moves: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """HMM posteriors of a batch: (word (B, J, I), NULL (B, J)); expected moves added to the last.

    ``emit[b, j, i]`` is t(target j | source i), 0 past source length I_b, 1 past J_b (padding
    steps change nothing); ``e_null[b, j]`` is t(j | NULL); ``lengths`` are (I_b, J_b).
    States are the I source words plus, for each, "NULL after word i" (Och and Ney's 2I-state
    HMM), so a target word aligned to nothing does not make the next one jump from the start.
    Both kinds of state at position i have the same future, which keeps the cost at I x I.
    ``moves`` (I, I) gets each move's expected count from source i to i' (``add_jumps``
    turns it into jump counts), so a batch can be run a few pairs at a time.
    """
    n_i, n_j = lengths
    p0 = cfg.null_probability
    big_j, big_i = emit.shape[1:]
    pad_null = np.where(np.arange(big_j)[None, :] < n_j[:, None], e_null, 0.0)
    trans, first = _transitions(n_i, big_i, jumps, cfg)
    w_al, n_al, scale = _forward(emit, pad_null, trans, first, p0)
    beta = _backward(emit, pad_null, trans, scale, p0)
    if moves is not None:
        _add_moves(moves, (w_al, n_al, scale), emit, beta, trans, n_j)
    gamma_w = np.multiply(w_al, beta, out=w_al)  # in place, as are the NULL states
    gamma_n = np.multiply(n_al, beta, out=n_al).sum(axis=2)
    del w_al, n_al, beta
    norm = np.maximum(gamma_w.sum(axis=2) + gamma_n, 1e-300)
    gamma_w /= norm[:, :, None]
    gamma_n /= norm
    return gamma_w, gamma_n
