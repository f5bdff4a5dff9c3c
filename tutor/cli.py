"""The `tutor` command line: study (the default), mine, export, align, decks, stats.

Every command funnels errors through one exit path: a ``TutorError`` is printed on one line
(``tutor: error: path:line: message``) and the process exits with status 2. Heavy imports
(jieba, Textual, genanki) happen inside the commands so ``tutor --help`` stays instant.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from tutor import __version__
from tutor.commands import register
from tutor.commands.context import db_path
from tutor.errors import TutorError
from tutor.failure import user_error

if TYPE_CHECKING:
    from tutor.tui.screens.bootstrap import SetupProgress

__all__ = ["cli", "main"]

FORMATS = ("paragraphs", "tsv", "lines", "tmx", "srt")
#: New-card orders (tutor.srs.settings.NewOrder), spelled out so `--help` needs no import.
ORDERS = ("source", "frequency", "level")
#: Themes (the keys of tutor.tui.app.THEMES), spelled out for the same reason.
THEMES = ("dark", "light")


class TutorGroup(click.Group):
    """A group that turns TutorError into one line on stderr and exit status 2."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except TutorError as err:
            _fail(str(err), err.exit_code)
        except sqlite3.Error as err:  # a command's write met a locked, full or damaged file
            _fail(str(user_error(err, db_path(ctx))), 2)
        except KeyboardInterrupt:
            _fail("interrupted", 130)
        except (BrokenPipeError, click.exceptions.Exit, click.exceptions.Abort):
            raise


def _fail(message: str, code: int) -> NoReturn:
    click.echo(f"tutor: error: {message}", err=True)
    sys.exit(code)


def _db_path(ctx: click.Context) -> Path:
    return db_path(ctx)


@click.group(cls=TutorGroup, invoke_without_command=True)
@click.option(
    "--db",
    type=click.Path(path_type=Path),
    default=None,
    help="Database file (default: $TUTOR_DB or ./progress.db).",
)
@click.option(
    "--theme",
    type=click.Choice(THEMES),
    envvar="TUTOR_THEME",
    default="dark",
    show_default=True,
    help="Colours for a dark or a light terminal ($TUTOR_THEME).",
)
@click.version_option(__version__, prog_name="tutor")
@click.pass_context
def cli(ctx: click.Context, db: Path | None, theme: str) -> None:
    """Mine Chinese-English vocabulary from aligned text, study it with FSRS, export it to Anki.

    With no command, `tutor` opens the study screen (`tutor study`). On a new database it first
    mines the bundled example deck (the Beijing 2024 government work report).
    """
    ctx.ensure_object(dict)
    ctx.obj["db"] = db
    ctx.obj["theme"] = theme
    if ctx.invoked_subcommand is None:
        ctx.invoke(study)


@cli.command()
@click.option("--deck", default=None, help="Deck to study (default: the home screen).")
@click.pass_context
def study(ctx: click.Context, deck: str | None) -> None:
    """Open the study screen (the default command)."""
    from tutor.store import Store
    from tutor.tui.app import make_app

    with Store.open(_db_path(ctx)) as store:
        if deck is not None:
            store.deck_id(deck)  # unknown deck: one-line error before the UI starts
        if not (sys.stdin.isatty() and sys.stdout.isatty()):
            # Textual would wait forever on a pipe or /dev/null for keys that never come
            raise TutorError(
                "the study screen needs a terminal; mine, stats, export and check work without"
            )

        def bootstrap(progress: SetupProgress) -> str:
            # Runs in a worker thread: SQLite connections belong to the thread that made them.
            # Mining is imported only here: it would add a quarter second to every launch.
            from tutor.firstrun import bootstrap_bundled

            with Store.open(store.path) as own:
                return bootstrap_bundled(own, progress=progress, stages=progress.stage)

        theme = ctx.find_root().obj.get("theme", "dark")
        app = make_app(store, deck, bootstrap=bootstrap, theme=theme)
        app.run()


@cli.command()
@click.argument("source", type=click.Path(path_type=Path))
@click.option(
    "--en",
    "en_path",
    type=click.Path(path_type=Path),
    help="English file: line-aligned, or the English subtitles of the same video.",
)
@click.option("--deck", default=None, help="Deck name (default: the source's file name stem).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), help="Force the input format.")
@click.option(
    "--encoding",
    metavar="NAME",
    help="Read the files as NAME (gb18030, big5, utf-16...); by default it is detected.",
)
@click.option(
    "--strict",
    is_flag=True,
    help="Refuse a TSV with a malformed row (by default it is reported and skipped).",
)
@click.option("--jsonl", type=click.Path(path_type=Path), help="Also write entries.")
@click.option(
    "--review-low",
    is_flag=True,
    help="List the low-confidence pairs kept out of the deck (judge them with `tutor review`).",
)
@click.option(
    "--max-level",
    type=click.IntRange(1, 9),
    help="Only words up to this HSK level (7-9 is one band); unlevelled entries count as beyond.",
)
@click.option(
    "--keep-unlevelled",
    is_flag=True,
    help="With --max-level, keep entries that have no HSK level (names, terms, measures).",
)
@click.option(
    "--keep-unplaced",
    is_flag=True,
    help="Keep the words the translation does not show, with the dictionary's first sense, "
    "for review (left out by default).",
)
@click.option(
    "--limit",
    type=click.IntRange(min=0),
    help="Keep only the N most common entries (by word frequency) after --max-level.",
)
@click.option(
    "--order",
    type=click.Choice(ORDERS),
    help="Order in which the deck's new cards are introduced (saved as the deck's setting).",
)
@click.option(
    "--statistical-aligner",
    "statistical",
    is_flag=True,
    help="Also use the statistical word aligner's links (much slower; experimental).",
)
@click.option(
    "--dry-run",
    is_flag=True,
    help="Report what a real run would add, update and leave unchanged; write nothing.",
)
@click.option(
    "--coverage",
    "show_coverage",
    is_flag=True,
    help="Also say how much of the text you already know (see `tutor coverage`).",
)
@click.option(
    "--explain",
    metavar="HANZI",
    help="Print why HANZI was kept, held back or dropped, rule by rule; write nothing.",
)
@click.pass_context
def mine(
    ctx: click.Context,
    source: Path,
    en_path: Path | None,
    deck: str | None,
    fmt: str | None,
    encoding: str | None,
    strict: bool,
    jsonl: Path | None,
    review_low: bool,
    max_level: int | None,
    keep_unlevelled: bool,
    keep_unplaced: bool,
    limit: int | None,
    order: str | None,
    statistical: bool,
    dry_run: bool,
    show_coverage: bool,
    explain: str | None,
) -> None:
    """Mine words, terms and names from SOURCE into a deck.

    SOURCE is a Chinese paragraph/English paragraph text, a TSV (zh<TAB>en), a TMX file,
    subtitles (SRT, ASS/SSA, WebVTT; bilingual, or with --en for the English ones), or a
    Chinese file with --en for its line-aligned English. Re-mining a source adds what is new
    and never loses review history or duplicates a note.

    Words already in another deck (or marked known) are not added again. Pairs below the
    confidence threshold wait for `tutor review`; pairs you rejected never come back, and pairs
    you accepted go straight into the deck. A run that finds nothing to add to a new deck says
    so and creates no deck (exit status 0).

    Files may be UTF-8, UTF-16, GB18030 (GBK) or Big5: the encoding is detected and named
    when it is not UTF-8; --encoding names it.
    """
    from tutor.commands.progress import heartbeat, progress_printer, slow_steps
    from tutor.corpus.options import reading
    from tutor.corpus.textfile import read_as
    from tutor.curate import Selection
    from tutor.ingest import explain_source, mine_source

    ctx.with_resource(reading(encoding, strict))  # every file this command reads
    if explain:
        lines = explain_source(
            _db_path(ctx), source, explain, en_path=en_path, fmt=fmt, statistical=statistical
        )
        click.echo("\n".join(lines))
        return
    selection = Selection(
        max_level=max_level,
        keep_unlevelled=keep_unlevelled,
        keep_unplaced=keep_unplaced,
        limit=limit,
        order=order,  # type: ignore[arg-type]  # click.Choice(ORDERS)
    )
    printer = progress_printer()
    with heartbeat(printer.beat):  # a line every few seconds, whatever mining is doing
        report = mine_source(
            _db_path(ctx),
            source,
            en_path=en_path,
            fmt=fmt,
            deck=deck,
            jsonl=jsonl,
            dry_run=dry_run,
            progress=printer,
            reading=printer.reading,
            stages=slow_steps(_note),
            warn=_note,
            selection=selection,
            statistical=statistical,
        )
    for path in (source, en_path):
        if path is not None and path.is_file() and (label := read_as(path)) != "UTF-8":
            click.echo(f"tutor: note: {path}: read as {label}", err=True)
    click.echo(report.summary())
    if show_coverage:  # a second segmentation pass, so only when asked for
        from tutor.coverage import source_coverage

        click.echo(source_coverage(_db_path(ctx), source, en_path).lines(0)[0])
    if review_low:
        for entry in report.low:
            click.echo(
                f"  ? {entry.hanzi}\t{entry.pinyin}\t{entry.english}\t{entry.confidence:.2f}"
            )


@cli.command()
@click.argument("file", type=click.Path(path_type=Path))
def align(file: Path) -> None:
    """Word-align FILE (lines `zh tokens ||| en tokens`); print Pharaoh links `i-j` per line."""
    import os

    # set before numpy loads OpenBLAS: the HMM's matrices are small, and a second BLAS thread
    # spins beside the first (a quarter more CPU seconds, and slower on a shared machine)
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    from tutor.corpus.textfile import iter_lines
    from tutor.mining.align import align_file_lines

    lines = (text for _, text in iter_lines(file))  # held once, compactly, by the aligner
    for line in align_file_lines(lines, path=file):
        click.echo(line)


@cli.command()
@click.pass_context
def decks(ctx: click.Context) -> None:
    """List the decks with their new, learning and due counts."""
    from tutor.workspace import open_existing

    with open_existing(_db_path(ctx)) as store:
        rows = store.decks()
        click.echo(f"database: {store.path}")
    if not rows:
        click.echo("no decks yet: run `tutor mine SOURCE` or `tutor` to start with the bundled one")
    for d in rows:
        click.echo(f"{d.name}\t{d.total} cards\tnew {d.new}\tlearning {d.learning}\tdue {d.due}")


register(cli)


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="tutor")


def _note(message: str) -> None:
    """A note on stderr that does not stop the command."""
    click.echo(f"tutor: note: {message}", err=True)
