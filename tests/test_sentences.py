"""The sentence splitter every layer scores: line breaks and end punctuation, abbreviations kept whole."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from spinlens.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Title\n\nFirst one. Second one! Third? Fourth.", ["Title", "First one.", "Second one!", "Third?", "Fourth."]),
        ('She said "no." Then she left.', ['She said "no."', "Then she left."]),
        # a full stop before a lower-case letter or a digit ends no sentence
        ("The U.S. military left on Nov. 8 this year.", ["The U.S. military left on Nov. 8 this year."]),
        ('"Why?" he asked.', ['"Why?" he asked.']),
        # nor does an initial's or a title's
        (
            "Dr. Sarah Mills met John F. Kennedy Jr. at the U.S. District Court. Sen. Smith did not.",
            ["Dr. Sarah Mills met John F. Kennedy Jr. at the U.S. District Court.", "Sen. Smith did not."],
        ),
        (
            "IDF spokesman Lt. Col. Nadav Shoshani spoke. Det. Insp. Ray Cole did not.",
            ["IDF spokesman Lt. Col. Nadav Shoshani spoke.", "Det. Insp. Ray Cole did not."],
        ),
        # nor a case's or a match's "v." or "vs."
        ("Roe v. Wade fell. It is Trump vs. Clinton.", ["Roe v. Wade fell.", "It is Trump vs. Clinton."]),
        # nor a company's "Co."
        ("Tokyo Electric Power Co. (TEPCO) said so.", ["Tokyo Electric Power Co. (TEPCO) said so."]),
        # nor a time of day's before the day or the time zone it goes on with
        (
            "Polls close at 8 p.m. Eastern. The vote is at 5 p.m. Monday. He left at 3 a.m. He returned.",
            ["Polls close at 8 p.m. Eastern.", "The vote is at 5 p.m. Monday.", "He left at 3 a.m.", "He returned."],
        ),
        # a line break always ends one, whatever follows
        ("no full stop\nand a new line", ["no full stop", "and a new line"]),
    ],
)
def test_split(text, expected):
    assert sentences(text) == expected


@given(st.lists(st.sampled_from([*'ab. AB?!\n"U', "U.S.", "Dr.", "Mr. ", "é"]), max_size=40).map("".join))
def test_ranges_are_ordered_trimmed_and_cover_every_word(text):
    ranges = split_sentences(text)
    for (_, end), (next_start, _) in itertools.pairwise(ranges):
        assert end <= next_start
    for start, end in ranges:
        assert start < end and not text[start].isspace() and not text[end - 1].isspace()
    covered = "".join(text[start:end] for start, end in ranges)
    assert "".join(text.split()) == "".join(covered.split())
