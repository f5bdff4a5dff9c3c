"""`tutor review`: the learner judges the low-confidence pairs mining kept out of the deck.

Each mining run keeps its entries below the confidence threshold as the deck's pending pairs
(``Store.pending_low``). Here the learner accepts a pair (it becomes a note at confidence 1),
rejects it (it never comes back in any later run), or skips it (it stays pending). Both
verdicts are stored and feed later mining runs. Every verdict is written as it is given, so
quitting half-way loses nothing.

Interactive by default (one pair at a time, ``click.prompt``); ``--accept``/``--reject`` judge
pairs by their hanzi without prompting, and ``--list`` only prints what is pending.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import click

from tutor.commands.context import db_path
from tutor.errors import DeckNotFound, InputError
from tutor.model import Entry
from tutor.store import Store

__all__ = ["COMMANDS", "review"]

_CHOICES = {"a": "accept", "r": "reject", "s": "skip", "e": "edit the English, then accept"}


@dataclass
class _Tally:
    accepted: int = 0
    rejected: int = 0
    skipped: int = 0

    def line(self, pending: int) -> str:
        return (
            f"accepted {self.accepted}, rejected {self.rejected}, skipped {self.skipped}; "
            f"{pending} still to review"
        )


def _decks_to_review(store: Store, name: str | None) -> list[tuple[str, int]]:
    """The named deck, or every deck with pending pairs."""
    if name is not None:
        return [(name, store.deck_id(name))]
    out = []
    for deck in store.deck_names():
        deck_id = store.deck_id(deck)
        if store.pending_low(deck_id):
            out.append((deck, deck_id))
    return out


def _describe(entry: Entry, n: int, total: int) -> str:
    level = f"HSK {entry.hsk_level}" if entry.hsk_level is not None else "no HSK level"
    lines = [
        f"[{n}/{total}] {entry.hanzi}  {entry.pinyin}  ({entry.kind}, {level})",
        f"  English: {entry.english}    confidence {entry.confidence:.2f}",
    ]
    if entry.senses:
        lines.append(f"  dictionary: {'; '.join(entry.senses[:3])}")
    if entry.examples:
        lines.append(f"  e.g. {entry.examples[0].zh}")
        lines.append(f"       {entry.examples[0].en}")
    return "\n".join(lines)


def _accept(store: Store, deck_id: int, entry: Entry, english: str | None = None) -> None:
    chosen = replace(entry, confidence=1.0, english=english or entry.english)
    store.upsert_entries(deck_id, [chosen])
    store.judge(deck_id, chosen.hanzi, chosen.english, "accepted")


def _reject(store: Store, deck_id: int, entry: Entry) -> None:
    store.judge(deck_id, entry.hanzi, entry.english, "rejected")


def _interactive(store: Store, deck: str, deck_id: int, tally: _Tally) -> bool:
    """Walk the deck's pending pairs; False when the learner quits."""
    pending = store.pending_low(deck_id)
    click.echo(f"{deck}: {len(pending)} low-confidence pairs to review")
    keys = "/".join([*_CHOICES, "q"])
    for n, entry in enumerate(pending, 1):
        click.echo(_describe(entry, n, len(pending)))
        try:
            answer = click.prompt(
                f"  accept, reject, skip, edit or quit ({keys})",
                type=click.Choice([*_CHOICES, "q"], case_sensitive=False),
                default="s",
                show_choices=False,
            ).lower()
            english = None
            if answer == "e":
                english = " ".join(click.prompt("  English", default=entry.english).split())
        except click.Abort:  # end of input or ctrl-d: what was judged is already saved
            click.echo()
            return False
        if answer == "q":
            return False
        if answer in ("a", "e"):
            _accept(store, deck_id, entry, english)
            tally.accepted += 1
        elif answer == "r":
            _reject(store, deck_id, entry)
            tally.rejected += 1
        else:
            tally.skipped += 1
    return True


_Target = tuple[str, int]  # deck name and id


def _where_pending(
    store: Store, targets: list[_Target], names: tuple[str, ...]
) -> dict[str, tuple[_Target, Entry]]:
    """The one deck of ``targets`` where each of ``names`` is pending, and its pair there;
    ``InputError`` naming every hanzi that is pending nowhere or in several decks."""
    found: dict[str, list[tuple[_Target, Entry]]] = {h: [] for h in names}
    for target in targets:
        for entry in store.pending_low(target[1]):
            if entry.hanzi in found:
                found[entry.hanzi].append((target, entry))
    missing = [h for h, where in found.items() if not where]
    if missing:
        scope = f"in deck {targets[0][0]!r}" if len(targets) == 1 else "in any deck"
        raise InputError(
            f"not pending review {scope}: {', '.join(missing)} (see `tutor review --list`)",
            path=store.path,
        )
    several = [f"{h} ({', '.join(t[0] for t, _ in w)})" for h, w in found.items() if len(w) > 1]
    if several:
        raise DeckNotFound(
            f"pending in several decks, choose one with --deck: {'; '.join(several)}",
            path=store.path,
        )
    return {h: where[0] for h, where in found.items()}


def _by_hanzi(
    store: Store, targets: list[_Target], accept: tuple[str, ...], reject: tuple[str, ...]
) -> dict[_Target, _Tally]:
    """Judge pairs named on the command line, each in the deck where it is pending; every name
    is checked before anything is written."""
    both = set(accept) & set(reject)
    if both:
        raise InputError(f"both accepted and rejected: {', '.join(sorted(both))}")
    accept, reject = tuple(dict.fromkeys(accept)), tuple(dict.fromkeys(reject))
    where = _where_pending(store, targets, (*accept, *reject))
    tallies: dict[_Target, _Tally] = {}
    for hanzi in accept:
        target, entry = where[hanzi]
        _accept(store, target[1], entry)
        tallies.setdefault(target, _Tally()).accepted += 1
    for hanzi in reject:
        target, entry = where[hanzi]
        _reject(store, target[1], entry)
        tallies.setdefault(target, _Tally()).rejected += 1
    return tallies


@click.command()
@click.option("--deck", default=None, help="Deck to review (default: every deck with pairs).")
@click.option(
    "--accept", multiple=True, metavar="HANZI", help="Accept this pending pair (repeatable)."
)
@click.option(
    "--reject", multiple=True, metavar="HANZI", help="Reject this pending pair (repeatable)."
)
@click.option("--list", "list_only", is_flag=True, help="Only list the pending pairs.")
@click.pass_context
def review(
    ctx: click.Context,
    deck: str | None,
    accept: tuple[str, ...],
    reject: tuple[str, ...],
    list_only: bool,
) -> None:
    """Accept or reject the low-confidence pairs that mining kept out of a deck.

    Shows each pending pair (hanzi, pinyin, English, confidence, an example) and asks: accept
    (it becomes a card), reject (it never comes back when you mine again), skip, edit the
    English and accept, or quit. --accept and --reject judge pairs by their hanzi without
    asking, each in the deck where it is pending; a hanzi pending in no deck, or in several
    (choose one with --deck), is an error (exit status 2) and nothing is judged.
    """
    from tutor.workspace import open_existing

    with open_existing(db_path(ctx)) as store:
        targets = _decks_to_review(store, deck)
        if list_only:
            for name, deck_id in targets:
                for entry in store.pending_low(deck_id):
                    click.echo(
                        f"{name}\t{entry.hanzi}\t{entry.pinyin}\t{entry.english}\t"
                        f"{entry.confidence:.2f}"
                    )
            return
        if accept or reject:
            if not targets:
                raise InputError("no low-confidence pairs are pending", path=store.path)
            for (name, deck_id), tally in _by_hanzi(store, targets, accept, reject).items():
                click.echo(f"{name}: {tally.line(len(store.pending_low(deck_id)))}")
            return
        if not targets:
            click.echo("nothing to review: no low-confidence pairs are pending")
            return
        for name, deck_id in targets:
            tally = _Tally()
            going_on = _interactive(store, name, deck_id, tally)
            click.echo(f"{name}: {tally.line(len(store.pending_low(deck_id)))}")
            if not going_on:
                break


COMMANDS = (review,)
