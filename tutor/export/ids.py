"""Stable Anki identities: the note type id, per-deck ids and note guids.

Anki recognises "the same thing again" by id (note types), by name (decks, in Anki 2.1.50+) and
by guid (notes). If any of these changed between two exports, re-importing would add a second
note type or duplicate every note, and the learner's review history would be split. So:

- ``MODEL_ID`` is a hard-coded constant, never to be changed. Anki only updates an existing
  note type in place when its *schema* (field names, template names, in order) is unchanged;
  templates and CSS may evolve freely. When the schema differs, Anki's default options add a
  copy of the note type ("tutor: Chinese vocabulary+") and leave every note alone (reported
  as conflicting); with "Merge note types" ticked and "Update notes: Always" it adds the new
  fields to the note type the collection has and updates every note. So ``FIELDS`` only grows
  at its end, the template names never change, and each growth costs the learner one import
  with those two options (``export.schema`` says when).
- ``deck_id(name)`` is derived from the deck name with SHA-256, so every export of one deck
  carries the same id and two decks in one collection never share one. Current Anki matches
  decks by name and remaps ids anyway; the stable id keeps older importers (which match by id
  first) from merging unrelated decks.
- ``note_guid(hanzi, deck_name)`` is ``genanki.guid_for(hanzi, deck_name)`` and depends on
  nothing else: re-mining a text changes English, senses and examples, and a re-export must
  update those notes in Anki rather than add new ones. It is computed here, the same way
  (the first 8 bytes of SHA-256 of ``hanzi__deck``, in Anki's base 91), two digits a
  step in place of genanki's digit loop: a tenth of a 10k-note export's note-building time.
"""

from __future__ import annotations

import hashlib

__all__ = ["DECK_ID_BASE", "MODEL_ID", "MODEL_NAME", "base91", "deck_id", "note_guid"]

#: The note type id of every tutor export. Hard-coded (genanki's advice): do not change.
MODEL_ID = 1_607_392_319
#: Shown in Anki's note type list; changing it alone is harmless (Anki matches by id).
MODEL_NAME = "tutor: Chinese vocabulary"
#: Deck ids live in [DECK_ID_BASE, 2 * DECK_ID_BASE): the range genanki recommends.
DECK_ID_BASE = 1 << 30
#: genanki's ``BASE91_TABLE``: the digits of Anki's guids
_BASE91 = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~"
)
_PAIRS = tuple(high + low for high in _BASE91 for low in _BASE91)  # two digits of 91 * 91
_PAIR = len(_PAIRS)


def deck_id(deck_name: str) -> int:
    """A deck id that is the same for every export of ``deck_name`` and differs between decks.

    The first four bytes of SHA-256 of ``"tutor deck:" + deck_name`` (UTF-8, big-endian),
    reduced modulo 2**30 and offset by 2**30. Python's ``hash()`` is salted per process, so it
    would not do.
    """
    digest = hashlib.sha256(f"tutor deck:{deck_name}".encode()).digest()
    return DECK_ID_BASE + int.from_bytes(digest[:4], "big") % DECK_ID_BASE


def note_guid(hanzi: str, deck_name: str) -> str:
    """The note's guid: from its hanzi and deck only, so edits to other fields update the note
    (``genanki.guid_for(hanzi, deck_name)``)."""
    digest = hashlib.sha256(f"{hanzi}__{deck_name}".encode()).digest()
    return base91(int.from_bytes(digest[:8], "big"))


def base91(number: int) -> str:
    """``number`` in Anki's base 91 (no leading zero digit; "" for 0), two digits a step."""
    pairs: list[str] = []
    while number >= _PAIR:
        number, low = divmod(number, _PAIR)
        pairs.append(_PAIRS[low])
    head = _PAIRS[number] if number >= len(_BASE91) else _BASE91[number] if number else ""
    return head + "".join(reversed(pairs))
