"""The compact caches: keyed by their sources, written whole, rebuilt when damaged, and giving
the answers the uncached path gives."""

from __future__ import annotations

import pickle
import shutil
from array import array
from pathlib import Path

import jieba
import marisa_trie
import pytest

from tutor.lang import cedict_store, memo, wordmodel
from tutor.lang.cache import cache_dir, cached_pickle
from tutor.lang.cedict import Cedict, cedict_data, load_cedict, parse
from tutor.lang.memo import DiskMemo
from tutor.lang.segment import TrieTokenizer
from tutor.lang.tries import PickledTrie, SetTrie

WORDS = ["北京", "北京市", "市长", "长江", "大桥", "江大桥", "南京", "南京市", "我", "爱"]
TEXTS = ["南京市长江大桥", "我爱北京天安门", "北京市长", "长江大桥很长，我爱南京！", "abc 我 爱"]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache dir of the test's own."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("TUTOR_CACHE", str(folder))
    return cache_dir()


def test_cached_pickle_builds_once_per_key(cache: Path) -> None:
    built: list[str] = []

    def build(value: str) -> str:
        built.append(value)
        return value

    assert cached_pickle("t-1.pickle", lambda: build("one"), stale="t-*.pickle") == "one"
    assert cached_pickle("t-1.pickle", lambda: build("again")) == "one"
    assert cached_pickle("t-2.pickle", lambda: build("two"), stale="t-*.pickle") == "two"
    assert built == ["one", "two"]
    assert sorted(p.name for p in cache.iterdir()) == ["t-2.pickle"]  # the old key is gone


@pytest.mark.parametrize("damage", [b"", b"\x80\x05garbage", None])
def test_a_truncated_or_corrupt_cache_is_rebuilt(cache: Path, damage: bytes | None) -> None:
    cached_pickle("c.pickle", lambda: list(range(10_000)))
    path = cache / "c.pickle"
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) // 2] if damage is None else damage)
    assert cached_pickle("c.pickle", lambda: "rebuilt") == "rebuilt"
    assert cached_pickle("c.pickle", lambda: "not again") == "rebuilt"
    assert not list(cache.glob("*.tmp"))


def test_word_model_key_follows_the_jieba_dictionary(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = wordmodel._key()
    changed = tmp_path / "dict.txt"
    changed.write_bytes(wordmodel.jieba_dict_path().read_bytes() + "新词语 5 n\n".encode())
    monkeypatch.setattr(wordmodel, "jieba_dict_path", lambda: changed)
    assert wordmodel._key() != before


def test_cedict_caches_are_keyed_by_the_data_file() -> None:
    from tutor.lang.cedict import data_fingerprint

    name = cedict_store._name("index", 4)
    assert data_fingerprint() in name and name.endswith("-v4.pickle")


def test_a_corrupt_cedict_index_is_rebuilt(cache: Path) -> None:
    index, _ = cedict_store._index()  # builds rows and index in the test's own cache dir
    path = next(cache.glob("cedict-index-*.pickle"))
    path.write_bytes(path.read_bytes()[:1000])
    rebuilt, max_len = cedict_store._index()
    assert "北京" in rebuilt and max_len >= 10
    assert rebuilt.get("北京") == index.get("北京")


def test_lookups_through_the_cache_match_the_parsed_dictionary() -> None:
    cached = load_cedict()
    fresh = Cedict(parse(cedict_data()))
    assert len(cached) == len(fresh)
    for word in ("行", "發展", "北京", "殷", "协同发展", "头发", "a", "京津冀"):
        assert cached.lookup(word) == fresh.lookup(word)
        assert (word in cached) == (word in fresh)
        assert cached.traditional(word) == fresh.traditional(word)
    text = "北京市坚持推进京津冀协同发展和雄安新区建设"
    assert list(cached.matches(text)) == list(fresh.matches(text))
    assert cached.max_len == fresh.max_len
    fresh_english = fresh.english_index()
    english = cached.english_index()
    assert len(english) == len(fresh_english)
    for lemma in ("park", "law", "develop", "city"):
        assert english.get(lemma) == fresh_english.get(lemma)


def test_tries_hold_what_they_were_given() -> None:
    rows = PickledTrie.frombytes(PickledTrie.build([("北京", [("a", 1)]), ("北", [])]).tobytes())
    assert rows.get("北京") == [("a", 1)] and rows.get("南") is None
    assert rows.prefixes("北京市") == ["北", "北京"] and "北" in rows and 3 not in rows
    sets = SetTrie.frombytes(SetTrie.build([("park", {"公园", "園"})]).tobytes())
    assert sets.get("park") == {"公园", "園"} and sets.get("x", ()) == ()
    assert dict(sets) == {"park": {"公园", "園"}}


def _model(counts: dict[str, int]) -> wordmodel.WordModel:
    trie = marisa_trie.Trie(list(counts))
    table = array("q", bytes(8 * len(trie)))
    for word, count in counts.items():
        table[trie[word]] = count
    tags = marisa_trie.BytesTrie([("北京", b"ns")])
    return wordmodel.WordModel(trie, table, sum(counts.values()), 3, tags)


def test_trie_tokenizer_cuts_as_jieba_does(tmp_path: Path) -> None:
    counts = {w: 10 + 7 * i for i, w in enumerate(WORDS)}
    path = tmp_path / "small.txt"
    path.write_text("".join(f"{w} {c}\n" for w, c in counts.items()), encoding="utf-8")
    plain = jieba.Tokenizer(str(path))
    plain.tmp_dir = str(tmp_path)
    ours = TrieTokenizer(_model(counts))
    for text in TEXTS:
        for hmm in (True, False):
            assert list(ours.cut(text, HMM=hmm)) == list(plain.cut(text, HMM=hmm))
    assert ours.FREQ.get("北京") == counts["北京"] and "天安门" not in ours.FREQ
    assert _model(counts).tag("北京") == "ns" and _model(counts).tag("我") == ""


def test_disk_memo_keeps_answers_across_runs(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(memo, "package_version", lambda name: name)  # "version" = the name
    asked: list[str] = []

    def slow(word: str) -> int:
        asked.append(word)
        return len(word)

    first = DiskMemo("t", "1", slow)
    assert first("abc") == 3 and first("abc") == 3
    first.save()
    second = DiskMemo("t", "1", slow)
    assert second("abc") == 3 and asked == ["abc"]  # read from disk, not asked again
    (cache / "memo-t-1.pickle").write_bytes(pickle.dumps(["not a dict"])[:5])
    third = DiskMemo("t", "1", slow)
    assert third("abc") == 3 and asked == ["abc", "abc"]  # a damaged file is only a miss
    third.save()
    newer = DiskMemo("t", "2", slow)
    newer("y")
    newer.save()  # a new version replaces the old file
    assert memo.package_version("x") == "x"
    assert sorted(p.name for p in cache.glob("memo-t-*")) == ["memo-t-2.pickle"]


def test_cached_pickle_tolerates_a_read_only_cache(cache: Path) -> None:
    shutil.rmtree(cache)
    cache.write_text("not a directory")  # writes fail: the value is still returned
    assert cached_pickle("r.pickle", lambda: 42) == 42
