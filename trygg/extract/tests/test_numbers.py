"""Swedish numbers as promises write them."""

import pytest

from trygg.extract.numbers import digits_value, word_value


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("en", 1),
        ("ett", 1),
        ("två", 2),
        ("fyra", 4),
        ("tolv", 12),
        ("arton", 18),
        ("tjugo", 20),
        ("tjugofem", 25),
        ("femtio", 50),
        ("hundra", 100),
        ("etthundra", 100),
        ("ett hundra", 100),
        ("tvåhundrafemtio", 250),
        ("två hundra", 200),
        ("tusen", 1000),
        ("tvåtusenfemhundra", 2500),
        ("Fyra", 4),
    ],
)
def test_number_words(words, value):
    assert word_value(words) == value


@pytest.mark.parametrize("words", ["sexuella", "entre", "tiotal", "hundrahundra", "", "fem sex"])
def test_words_that_are_not_numbers(words):
    assert word_value(words) is None


def test_digits_with_thousands_separated():
    assert digits_value("1 000") == 1000
    assert digits_value("2\u00a0500") == 2500
