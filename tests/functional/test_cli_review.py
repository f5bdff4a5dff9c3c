"""`tutor review`: judging the low-confidence pairs, and what later mining runs make of it."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from tests.functional.mine_support import (
    _knowledge_links_only,  # noqa: F401  (autouse fixture)
    dump,
    jsonl,
    mine_ok,
    notes,
    pending,
    run,
)
from tutor.model import Entry
from tutor.store import Store

DECK = "report"


@pytest.fixture
def mined(seed_path: Path, db_path: Path) -> Path:
    mine_ok(seed_path, "--deck", DECK)
    assert len(pending(db_path, DECK)) >= 4
    return db_path


def test_accept_adds_a_note_at_full_confidence(mined: Path) -> None:
    pair = pending(mined, DECK)[0]
    result = run("review", "--accept", pair.hanzi)
    assert result.exit_code == 0, result.output
    assert "accepted 1" in result.output
    note = notes(mined, DECK)[pair.hanzi]
    assert (note.english, note.confidence) == (pair.english, 1.0)
    assert pair.hanzi not in {e.hanzi for e in pending(mined, DECK)}
    with Store.open(mined) as store:
        assert pair.english in store.judgements()[0][pair.hanzi]
        cards = store.db.execute(
            "SELECT c.template, c.state FROM cards c JOIN notes n ON n.id = c.note_id "
            "WHERE n.hanzi = ? ORDER BY c.template",
            [pair.hanzi],
        ).fetchall()
    assert cards == [("recall", "new"), ("recognition", "new")]


def test_rejected_pair_never_comes_back(mined: Path, seed_path: Path) -> None:
    pair = pending(mined, DECK)[0]
    assert run("review", "--reject", pair.hanzi).exit_code == 0
    with Store.open(mined) as store:
        assert (pair.hanzi, pair.english) in store.judgements()[1]
    result = mine_ok(seed_path, "--deck", DECK, "--review-low", "--jsonl", "out.jsonl")
    offered = [line.split("\t") for line in result.output.splitlines() if line.startswith("? ")]
    # the rejected English never comes back (another rendering of the word may be offered)
    assert [f"? {pair.hanzi}", pair.english] not in [cols[0:1] + cols[2:3] for cols in offered]
    again = [(e.hanzi, e.english) for e in pending(mined, DECK)]
    assert (pair.hanzi, pair.english) not in again
    assert (pair.hanzi, pair.english) not in {
        (x["hanzi"], x["english"]) for x in jsonl(Path("out.jsonl"))
    }
    assert pair.hanzi not in notes(mined, DECK) or notes(mined, DECK)[pair.hanzi].english != (
        pair.english
    )


def test_accepted_pair_stays_in_the_deck_after_remining(mined: Path, seed_path: Path) -> None:
    pair = pending(mined, DECK)[1]
    assert run("review", "--accept", pair.hanzi).exit_code == 0
    mine_ok(seed_path, "--deck", DECK, "--jsonl", "out.jsonl")
    assert notes(mined, DECK)[pair.hanzi].confidence == 1.0
    lines = {x["hanzi"]: x for x in jsonl(Path("out.jsonl"))}
    assert lines[pair.hanzi]["confidence"] == 1.0  # accepted pairs go straight into the deck
    assert pair.hanzi not in {e.hanzi for e in pending(mined, DECK)}


def test_interactive_accept_reject_skip_quit(mined: Path) -> None:
    first, second, third, *rest = pending(mined, DECK)
    result = run("review", "--deck", DECK, stdin="a\nr\ns\nq\n")
    assert result.exit_code == 0, result.output
    assert first.hanzi in result.output and first.english in result.output
    assert "accepted 1, rejected 1, skipped 1" in result.output
    assert notes(mined, DECK)[first.hanzi].confidence == 1.0
    assert second.hanzi not in notes(mined, DECK)
    left = [e.hanzi for e in pending(mined, DECK)]
    assert left == [third.hanzi, *(e.hanzi for e in rest)]
    with Store.open(mined) as store:
        lexicon, rejected = store.judgements()
    assert lexicon == {first.hanzi: [first.english]}
    assert rejected == {(second.hanzi, second.english)}


def test_interactive_edit_accepts_the_learners_english(mined: Path) -> None:
    first = pending(mined, DECK)[0]
    result = run("review", stdin="e\nmy own   words\n")  # then end of input: stop, keep it
    assert result.exit_code == 0, result.output
    assert notes(mined, DECK)[first.hanzi].english == "my own words"


def test_list_and_nothing_to_review(mined: Path) -> None:
    waiting = pending(mined, DECK)
    listed = run("review", "--list").output.splitlines()
    assert [line.split("\t")[1] for line in listed] == [e.hanzi for e in waiting]
    every = [arg for e in waiting for arg in ("--reject", e.hanzi)]
    assert run("review", *every).exit_code == 0
    assert pending(mined, DECK) == []
    assert "nothing to review" in run("review").output


@pytest.mark.parametrize(
    "args",
    [
        ("review", "--accept", "不是待审的词"),
        ("review", "--deck", "nosuch", "--accept", "x"),
        ("review", "--accept", "{first}", "--reject", "{first}"),
        ("review", "--accept", "{first}", "--accept", "不是待审的词"),
    ],
)
def test_bad_review_input_changes_nothing(mined: Path, args: tuple[str, ...]) -> None:
    first = pending(mined, DECK)[0].hanzi
    before = dump(mined)
    result = run(*(a.format(first=first) for a in args))
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("tutor: error: ")
    assert dump(mined) == before


def test_review_needs_an_existing_database(db_path: Path) -> None:
    result = run("review")
    assert result.exit_code == 2
    assert not db_path.exists()


@pytest.fixture
def two_decks(mined: Path) -> tuple[Entry, Entry, Entry]:
    """A second deck "other" with pending pairs: one only there, one pending in both decks."""
    only_here, shared = pending(mined, DECK)[:2]
    only_there = replace(only_here, hanzi="测验词")
    with Store.open(mined) as store:
        store.set_pending_low(store.ensure_deck("other"), [only_there, shared])
    return only_here, only_there, shared


def test_named_pairs_are_judged_in_the_deck_where_they_wait(
    mined: Path, two_decks: tuple[Entry, Entry, Entry]
) -> None:
    only_here, only_there, _ = two_decks
    result = run("review", "--accept", only_here.hanzi, "--reject", only_there.hanzi)
    assert result.exit_code == 0, result.output
    assert f"{DECK}: accepted 1, rejected 0" in result.output
    assert "other: accepted 0, rejected 1" in result.output
    assert notes(mined, DECK)[only_here.hanzi].confidence == 1.0
    assert only_there.hanzi not in {e.hanzi for e in pending(mined, "other")}


def test_a_pair_pending_in_two_decks_needs_deck(
    mined: Path, two_decks: tuple[Entry, Entry, Entry]
) -> None:
    only_here, _, shared = two_decks
    before = dump(mined)
    result = run("review", "--accept", only_here.hanzi, "--accept", shared.hanzi)
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "several decks" in lines[0] and shared.hanzi in lines[0]
    assert dump(mined) == before
    assert run("review", "--deck", "other", "--accept", shared.hanzi).exit_code == 0
    assert shared.hanzi in notes(mined, "other")
