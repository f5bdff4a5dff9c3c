"""English tokens and lemmas for matching translations against dictionary senses."""

from __future__ import annotations

from tutor.lang.english import STOPWORDS, content_lemmas, is_number, lemma, lemmas, tokenize


def test_tokenize_keeps_names_hyphens_and_numbers() -> None:
    text = "Xiong'an New Area: 23.15 million square meters, 2,282 high-quality projects (5.2%)."
    assert tokenize(text) == [
        "Xiong'an", "New", "Area", "23.15", "million", "square", "meters",
        "2,282", "high-quality", "projects", "5.2%",
    ]  # fmt: skip


def test_tokenize_with_punctuation() -> None:
    assert tokenize("Yes, 2024.", punct=True) == ["Yes", ",", "2024", "."]
    assert tokenize("the city’s plan") == ["the", "city's", "plan"]


def test_numbers() -> None:
    assert all(is_number(t) for t in ("2024", "23.15", "2,282", "5.2%"))
    assert not any(is_number(t) for t in ("m2", "G20", "2nd", "one"))


def test_lemma() -> None:
    assert lemma("structures") == "structure"
    assert lemma("Alleys") == "alley"
    assert lemma("built") == "build"
    assert lemma("city's") == "city"
    assert lemma("follow-ups") == "follow-up"
    assert lemma("23.15") == "23.15"
    assert lemma("Beijing") == "beijing"


def test_content_lemmas_skip_function_words_and_numbers() -> None:
    text = "The demolition of 23.15 million square meters of illegal structures was completed"
    assert content_lemmas(text) == [
        "demolition", "million", "square", "meter", "illegal", "structure", "complete",
    ]  # fmt: skip
    assert lemmas("was built") == ["be", "build"]


def test_stopwords_are_function_words() -> None:
    assert {"the", "of", "and", "is", "their"} <= STOPWORDS
    assert not {"city", "development", "new", "area"} & STOPWORDS


def test_contracted_auxiliaries_and_pronouns_are_function_words() -> None:
    assert {"don't", "aren't", "can't", "haven't", "i'm", "they're"} <= STOPWORDS
    assert not {"nothing", "useless"} & STOPWORDS


def test_abbreviations_stay_whole() -> None:
    assert tokenize("The U.S. economy, e.g. trade") == ["The", "U.S.", "economy", "e.g.", "trade"]
    assert content_lemmas("e.g. the U.S.") == ["u.s."]


def test_a_verb_in_the_older_third_person_has_its_modern_lemma() -> None:
    from tutor.lang.english import lemma

    kjv = ["repenteth", "lieth", "createth", "setteth", "goeth", "seeth"]
    assert [lemma(w) for w in kjv] == ["repent", "lie", "create", "set", "go", "see"]
    assert [lemma(w) for w in ("teeth", "beneath", "seth", "japheth")] == [
        "tooth",
        "beneath",
        "seth",
        "japheth",
    ]
