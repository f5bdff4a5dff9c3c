"""Mining: find the words, terms, names and measures a translator used, from aligned text."""

from tutor.mining.mine import DEFAULT_MIN_CONFIDENCE, Aligner, MineResult, mine

__all__ = ["DEFAULT_MIN_CONFIDENCE", "Aligner", "MineResult", "mine"]
