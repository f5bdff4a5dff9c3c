"""`tutor check`: says in one line that progress.db is whole, or lists what is wrong."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import click

from tutor.commands.context import db_path
from tutor.errors import StoreError
from tutor.store.check import CheckReport
from tutor.wording import count

__all__ = ["COMMANDS", "check"]


@click.command()
@click.pass_context
def check(ctx: click.Context) -> None:
    """Check the database: SQLite integrity, foreign keys, schema, and every card's state
    against its reviews. Exit status 0 when all is well; 1 with a list of problems, a file
    that cannot be opened as a database being one; 2 when there is no database yet."""
    path = db_path(ctx)
    report = _check(path)
    if report.ok:
        undone = f", {report.undone} undone" if report.undone else ""
        click.echo(
            f"{path}: ok ({count(report.cards, 'card')}, {count(report.reviews, 'review')}{undone})"
        )
        return
    click.echo(f"{path}: {count(len(report.problems), 'problem')}", err=True)
    for line in report.problems:
        click.echo(f"  {line}", err=True)
    ctx.exit(1)


def _check(path: Path) -> CheckReport:
    """The report on the database at ``path``; one that exists but cannot be opened or read is
    a report of that one problem (no database at all stays an error: nothing to check)."""
    from tutor.workspace import open_existing

    if not path.is_file() or path.stat().st_size == 0:
        open_existing(path)  # raises the one-line "no database here yet"
    try:
        with open_existing(path) as store:
            return store.check()
    except StoreError as err:
        return CheckReport(problems=[err.message])
    except sqlite3.Error as err:  # opened, then a page the checks read is damaged
        return CheckReport(problems=[f"cannot read database: {err}"])


COMMANDS = (check,)
