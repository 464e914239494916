"""Wire-style datelines, which the claims, quotes and entities layers read."""

from __future__ import annotations

import pytest

from spinlens.datelines import byline_date_words, dateline_date_words, dateline_place, end_of_dateline


@pytest.mark.parametrize(
    ("text", "place", "date"),
    [
        ("KYIV, 3 March 2025 — Troops advanced.", "KYIV", "3 March 2025"),
        ("WASHINGTON, March 14, 2025 (Reuters) - Prices rose.", "WASHINGTON", "March 14, 2025"),
        ("KYIV, Ukraine, 3 March 2025 — Troops advanced.", "KYIV", "3 March 2025"),
        ("GAZA CITY (AP) — Airstrikes killed 45.", "GAZA CITY", None),
        ("ST. LOUIS, Mo. — Police said.", "ST. LOUIS", None),
        ("Headline over it\n\nNEW YORK -- Shares fell.", "NEW YORK", None),
        ("BEIJING/TOKYO, Aug. 24 (Xinhua) -- Japan began.", "BEIJING/TOKYO", None),
        # a press release names its wire between slashes
        ("BOSTON, March 3, 2025 /PRNewswire/ -- Acme Health today announced results.", "BOSTON", "March 3, 2025"),
        # an Indian wire puts no dash after its name
        ("NEW DELHI, Nov 6 (PTI) Prime Minister Narendra Modi hailed the win.", "NEW DELHI", None),
        ("MUMBAI (IANS) The Sensex rose.", "MUMBAI", None),
        # a place in ordinary case, when an agency and a dash follow it
        ("Ankara (AA) - Turkish President Recep Tayyip Erdogan spoke.", "Ankara", None),
        ("Mexico City (AFP) – Prices rose.", "Mexico City", None),
        # capitals with accents
        ("BRASÍLIA — Brazil's Federal Police accused Bolsonaro.", "BRASÍLIA", None),
        ("SÃO PAULO, March 3, 2025 (Reuters) - Shares rose.", "SÃO PAULO", "March 3, 2025"),
    ],
)
def test_a_dateline_gives_its_place_its_date_and_where_the_story_starts(text, place, date):
    start = text.index(place)
    span = dateline_place(text, start)
    assert span is not None and text[span[0] : span[1]] == place
    assert dateline_date_words(text) == date
    story = end_of_dateline(text, start)
    assert story is not None and text[story:][0].isupper()
    assert text[:story].rstrip().endswith(("—", "–", "-", "(PTI)", "(IANS)"))


@pytest.mark.parametrize(
    ("text", "date"),
    [("Nov 28 (Reuters) - Pope Leo arrived.", None), ("Nov. 28, 2025 (Reuters) - Pope Leo arrived.", "Nov. 28, 2025")],
)
def test_a_dateline_may_give_no_place_only_the_date_and_the_agency(text, date):
    story = end_of_dateline(text, 0)
    assert story is not None and text[story:] == "Pope Leo arrived."
    assert dateline_place(text, 0) is None
    assert dateline_date_words(text) == date


@pytest.mark.parametrize(
    "text",
    [
        "The US - China talks resumed.",
        "US-led forces advanced.",
        "Troops advanced.",
        "WASHINGTON (AP) Trump said.",
        # a name in ordinary case with a party after it is no place
        "Ted Cruz (R-Texas) - the senator said.",
        "Harare — Zimbabwe's government said.",
        # a date with no agency after it is no dateline
        "March 5 - the vote was held.",
    ],
)
def test_no_dateline(text):
    assert end_of_dateline(text, 0) is None and dateline_place(text, 0) is None


def test_a_story_has_one_dateline():
    text = "LONDON — Shares fell.\n\nNATO — the alliance — met."
    assert dateline_place(text, 0) == (0, 6)
    assert dateline_place(text, text.index("NATO")) is None


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Heatwave\n\nBy Ellen Park, 28 July 2023\n\nJuly is on track to be the hottest month.", "28 July 2023"),
        ("By Maya Johnson | Oct 12, 2022\n\nRepublicans are at it again.", "Oct 12, 2022"),
        ("By David Cohen, The Jerusalem Herald, November 20, 2023\n\nThe IDF said.", "November 20, 2023"),
        # a sentence that opens with "By" is no byline, nor is a byline with no date
        ("By the time he arrived on March 3, 2023.", None),
        ("By Ann Lee\n\nIt rained on 3 March 2023", None),
    ],
)
def test_a_byline_may_end_on_the_date(text, date):
    assert byline_date_words(text) == date
