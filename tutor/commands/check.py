"""`tutor check`: says in one line that progress.db is whole, or lists what is wrong."""

from __future__ import annotations

import click

from tutor.commands.context import db_path

__all__ = ["COMMANDS", "check"]


@click.command()
@click.pass_context
def check(ctx: click.Context) -> None:
    """Check the database: SQLite integrity, foreign keys, schema, and every card's state
    against its reviews. Exit status 0 when all is well, 1 with a list of problems."""
    from tutor.workspace import open_existing

    path = db_path(ctx)
    with open_existing(path) as store:
        report = store.check()
    if report.ok:
        click.echo(f"{path}: ok ({report.cards} cards, {report.reviews} reviews)")
        return
    click.echo(f"{path}: {len(report.problems)} problem(s)", err=True)
    for line in report.problems:
        click.echo(f"  {line}", err=True)
    ctx.exit(1)


COMMANDS = (check,)
