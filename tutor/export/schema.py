"""What an export's note type changes in Anki, as one line for ``tutor export`` to print.

Anki's importer compares a package's note type with the collection's by field and template
names. When they differ, its default options add a copy of the note type ("tutor: Chinese
vocabulary+") and update no note (each is reported as conflicting). With "Merge note types"
ticked it adds the new fields to the note type the collection has, but that rewrites every
note it has, dated the moment of the import, so with "Update notes: If newer" (the default)
every note of the package is older and none takes its new fields (each is reported as a
duplicate); with "Update notes: Always" as well, every note is updated. Tutor's field list
only grows at its end (``style.FIELDS_BEFORE``), so the learner does this once per growth;
this line says when, from the fields this database last exported.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["MERGE_HINT", "schema_notice"]

MERGE_HINT = "import it into Anki once with 'Merge note types' ticked and 'Update notes: Always'"


def schema_notice(before: Sequence[str] | None, fields: Sequence[str]) -> str:
    """The line to print when ``fields`` differ from ``before`` (the last export's); empty
    when they are the same or there was no export before."""
    if before is None or tuple(before) == tuple(fields):
        return ""
    gained = [name for name in fields if name not in before]
    lost = [name for name in before if name not in fields]
    if gained and not lost:
        return f"note type gains fields {', '.join(gained)}: {MERGE_HINT}"
    if lost:  # a database last exported by a newer tutor: Anki keeps the fields it has
        return f"note type lacks fields {', '.join(lost)} of the last export: {MERGE_HINT}"
    return f"note type's fields are in a new order: {MERGE_HINT}"
