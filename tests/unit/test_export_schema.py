"""The line `tutor export` prints when the note type's fields change since the last export."""

from __future__ import annotations

from tutor.export.schema import schema_notice
from tutor.export.style import FIELDS, FIELDS_BEFORE


def test_the_first_export_and_an_unchanged_one_say_nothing() -> None:
    assert schema_notice(None, FIELDS) == ""
    assert schema_notice(list(FIELDS), FIELDS) == ""


def test_gained_fields_are_named_with_the_merge_step() -> None:
    assert schema_notice(FIELDS_BEFORE[-1], FIELDS) == (
        "note type gains fields Audio, Frequency, Classifier: import it into Anki once "
        "with 'Merge note types' ticked and 'Update notes: Always'"
    )


def test_a_database_last_exported_by_a_newer_tutor_is_told_too() -> None:
    notice = schema_notice((*FIELDS, "Later"), FIELDS)
    assert notice.startswith("note type lacks fields Later ") and "Merge note types" in notice
    assert "new order" in schema_notice(tuple(reversed(FIELDS)), FIELDS)


def test_export_help_names_the_fields_and_the_two_import_options() -> None:
    from click.testing import CliRunner

    from tutor.cli import cli

    text = " ".join(CliRunner().invoke(cli, ["export", "--help"]).output.split())
    assert ", ".join(FIELDS) in text and "--audio" in text
    assert '"Merge note types" ticked and "Update notes" set to "Always"' in text
    assert "tutor: Chinese vocabulary+" in text
