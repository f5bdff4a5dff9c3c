"""tutor: mine Chinese-English vocabulary from aligned text, study it with FSRS, export to Anki."""

__version__ = "0.1.0"
