"""The store: progress.db, the only package that talks SQL."""

from tutor.store.records import CardView, DeckSummary, ReviewResult, Template, UpsertResult
from tutor.store.store import Store

__all__ = ["CardView", "DeckSummary", "ReviewResult", "Store", "Template", "UpsertResult"]
