"""Hand-made cases for each normalisation rule of the claims layer: dates against publication, numbers with units."""

from __future__ import annotations

import datetime as dt

import pytest

from spinlens.claims.dates import find_dates, publication_date
from spinlens.claims.quantities import find_quantities, word_number

PUBLISHED = dt.date(2016, 11, 1)  # a Tuesday


def _dates(text: str, published: dt.date | None = PUBLISHED) -> list[tuple[str, str | None]]:
    return [(text[d.start : d.end], d.value) for d in find_dates(text, published)]


def _quantities(text: str) -> list[tuple[str, str]]:
    return [(text[q.start : q.end], q.normalized) for q in find_quantities(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a weekday with its day and month: the year comes from publication
        ("Shelling resumed on Tuesday 18 October in the east.", [("Tuesday 18 October", "2016-10-18")]),
        ("It happened on Monday, October 17, 2016.", [("Monday, October 17, 2016", "2016-10-17")]),
        # a bare weekday is the one before publication
        ("The talks collapsed on Monday.", [("Monday", "2016-10-31")]),
        ("Officials met last Friday.", [("last Friday", "2016-10-28")]),
        # the publication's own weekday is that day; "last" makes it the week before
        ("He spoke on Tuesday, as he had last Tuesday.", [("Tuesday", "2016-11-01"), ("last Tuesday", "2016-10-25")]),
        # full dates stay as they are, before or after publication
        ("He takes office on 20 January 2017.", [("20 January 2017", "2017-01-20")]),
        ("The deal of March 3, 2015 expired.", [("March 3, 2015", "2015-03-03")]),
        ("Filed as 2016-10-18 and 10/18/2016.", [("2016-10-18", "2016-10-18"), ("10/18/2016", "2016-10-18")]),
        # relative days
        ("The minister resigned yesterday.", [("yesterday", "2016-10-31")]),
        ("Three days ago the border closed.", [("Three days ago", "2016-10-29")]),
        # relative periods are intervals
        ("Prices rose last week.", [("last week", "2016-10-24/2016-10-30")]),
        ("Prices rose this week.", [("this week", "2016-10-31/2016-11-06")]),
        ("Exports fell last month.", [("last month", "2016-10-01/2016-10-31")]),
        ("Crime rose in the past two weeks.", [("the past two weeks", "2016-10-18/2016-11-01")]),
        ("Debt doubled over the last 10 years.", [("the last 10 years", "2006-11-01/2016-11-01")]),
        ("Prices rose over the past week.", [("the past week", "2016-10-25/2016-11-01")]),
        ("Wages stalled in the past decade.", [("the past decade", "2006-11-01/2016-11-01")]),
        # a weekend: the one past, unless the words or the clause look ahead (published Tuesday 1 November)
        ("Protests spread over the weekend.", [("the weekend", "2016-10-29/2016-10-30")]),
        (
            "Talks will resume this weekend; they met last weekend.",
            [("this weekend", "2016-11-05/2016-11-06"), ("last weekend", "2016-10-29/2016-10-30")],
        ),
        # periods ahead start at publication, in a clause about the future or as "the coming ..."
        ("The plant will close within three months.", [("within three months", "2016-11-01/2017-02-01")]),
        ("Prices will rise over the next two years.", [("the next two years", "2016-11-01/2018-11-01")]),
        ("Growth slows in the coming year.", [("the coming year", "2016-11-01/2017-11-01")]),
        # told of the past, they count from the events: unresolved, or not found with "of"
        ("He was arrested and released the next day.", [("the next day", None)]),
        ("He was freed within three months of his arrest.", []),
        # parts of a year and spans of months, with their months; a winter spans two years
        (
            "Sales rose in Q3 2023 and the first half of 2024.",
            [("Q3 2023", "2023-07-01/2023-09-30"), ("first half of 2024", "2024-01-01/2024-06-30")],
        ),
        (
            "It opens in spring 2025, not the fall of 2026.",
            [("spring 2025", "2025-03-01/2025-05-31"), ("fall of 2026", "2026-09-01/2026-11-30")],
        ),
        ("Snow fell in winter 2021; prices will fall 2025 percent.", [("winter 2021", None)]),
        # parts of the year of publication (1 November 2016), the year before or after it
        (
            "Jobless rates rose in the first half of the year and in the fourth quarter of last year.",
            [
                ("first half of the year", "2016-01-01/2016-06-30"),
                ("fourth quarter of last year", "2015-10-01/2015-12-31"),
            ],
        ),
        # the latest season of its name over by publication, this year's, or the next to begin
        (
            "Last summer was hot, this spring wet; next autumn and last winter.",
            [
                ("Last summer", "2016-06-01/2016-08-31"),
                ("this spring", "2016-03-01/2016-05-31"),
                ("next autumn", "2017-09-01/2017-11-30"),
                ("last winter", None),
            ],
        ),
        # the month of that name before, in or after the month of publication; "this may" is no month
        (
            "Ice shrank last September, last November, this March and next May; this may change.",
            [
                ("last September", "2016-09-01/2016-09-30"),
                ("last November", "2015-11-01/2015-11-30"),
                ("this March", "2016-03-01/2016-03-31"),
                ("next May", "2017-05-01/2017-05-31"),
            ],
        ),
        ("Fighting raged between March and June 2023.", [("March and June 2023", "2023-03-01/2023-06-30")]),
        # a span of days, in the year it names or, with none, as its first day resolves; none backwards
        (
            "The poll ran Oct. 17-20; talks were held 3–5 March 2008 and April 21-23, 2008, not Nov. 20-17.",
            [
                ("Oct. 17-20", "2016-10-17/2016-10-20"),
                ("3–5 March 2008", "2008-03-03/2008-03-05"),
                ("April 21-23, 2008", "2008-04-21/2008-04-23"),
                ("Nov. 20", "2015-11-20"),
            ],
        ),
        # from one day to another, within a month or across one, or the new year, as one interval
        (
            "Drills ran from Nov. 3 to Nov. 10, talks between 28 December and 3 January, and visits from June 2 "
            "to 5, 2015; not from Oct. 9 to Oct. 2.",
            [
                ("Nov. 3 to Nov. 10", "2015-11-03/2015-11-10"),
                ("28 December and 3 January", "2015-12-28/2016-01-03"),
                ("June 2 to 5, 2015", "2015-06-02/2015-06-05"),
                ("Oct. 9", "2016-10-09"),
                ("Oct. 2", "2016-10-02"),
            ],
        ),
        # with no year, in the year the last month falls in, as a bare month's; across the new year too
        (
            "Rents rose between March and June, and from November to February.",
            [("March and June", "2016-03-01/2016-06-30"), ("November to February", "2015-11-01/2016-02-29")],
        ),
        # a decade; "the 1800s" or "the 1900s" may be a century, so it is left out
        ("Prices last rose so fast in the 1970s, not the 1900s.", [("1970s", "1970-01-01/1979-12-31")]),
        # months and years count after a preposition only
        ("Fighting resumed in October.", [("October", "2016-10-01/2016-10-31")]),
        # "for" takes a year, not a month ("voted for May"), nor a count of years
        (
            "The forecast for 2025 fell; they voted for May; it stood for 2000 years.",
            [("2025", "2025-01-01/2025-12-31")],
        ),
        # a verb in -s after the year is no plural it counts
        ("China's forecast for 2023 was trimmed.", [("2023", "2023-01-01/2023-12-31")]),
        (
            "Nothing changed since 2010, as of October 2015.",
            [("2010", "2010-01-01/2010-12-31"), ("October 2015", "2015-10-01/2015-10-31")],
        ),
        ("Exxon knew as early as 1977, as soon as possible.", [("1977", "1977-01-01/1977-12-31")]),
        ("Police killed the most since at least 2013.", [("2013", "2013-01-01/2013-12-31")]),
        # the years listed after one are dates too; not a count that follows the list
        (
            "He won in 2008 and 2012, and ran in 2001, 2003 or 2005; in 2019 and 2000 soldiers died.",
            [
                ("2008", "2008-01-01/2008-12-31"),
                ("2012", "2012-01-01/2012-12-31"),
                ("2001", "2001-01-01/2001-12-31"),
                ("2003", "2003-01-01/2003-12-31"),
                ("2005", "2005-01-01/2005-12-31"),
                ("2019", "2019-01-01/2019-12-31"),
            ],
        ),
        # a span of years is one interval; backwards, it is no span
        (
            "250,000 will die each year between 2030 and 2050, as from 2010 to 2020.",
            [("2030 and 2050", "2030-01-01/2050-12-31"), ("2010 to 2020", "2010-01-01/2020-12-31")],
        ),
        (
            "In the 2014\u20132016 drought; in 2020-2010.",
            [("2014\u20132016", "2014-01-01/2016-12-31"), ("2020", "2020-01-01/2020-12-31")],
        ),
        (
            "Debt rose in 2022-23, not in 2019-18.",
            [("2022-23", "2022-01-01/2023-12-31"), ("2019", "2019-01-01/2019-12-31")],
        ),
        (
            "The year 2000 began; in calendar year 2019 it did not.",
            [("2000", "2000-01-01/2000-12-31"), ("2019", "2019-01-01/2019-12-31")],
        ),
        # a fiscal year is found, so that its digits are no count, but its months depend on who keeps the books
        (
            "Spending rose in fiscal year 2022, in FY2023, in fiscal 2021 and in the financial year 2020-21.",
            [("fiscal year 2022", None), ("FY2023", None), ("fiscal 2021", None), ("financial year 2020-21", None)],
        ),
        # in a clause about the future, a date without a year is the next of its name
        (
            "The talks will resume in March; the strike is due to end on Friday. They met on Monday.",
            [("March", "2017-03-01/2017-03-31"), ("Friday", "2016-11-04"), ("Monday", "2016-10-31")],
        ),
        (
            "The next report is due on 10 April; the ruling was due on Friday.",
            [("10 April", "2017-04-10"), ("Friday", "2016-10-28")],
        ),
        (
            "The vote is set for 10 June, and the summit is scheduled for Friday.",
            [("10 June", "2017-06-10"), ("Friday", "2016-11-04")],
        ),
        (
            "He said on Monday that it will be the first time since March.",
            [("Monday", "2016-10-31"), ("March", "2016-03-01/2016-03-31")],
        ),
        # a rule that takes effect, comes into force or expires looks ahead; one that came into force looks back
        (
            "It takes effect on 1 April and expires in February; a ban came into force in January.",
            [("1 April", "2017-04-01"), ("February", "2017-02-01/2017-02-28"), ("January", "2016-01-01/2016-01-31")],
        ),
        # and so does an office taken, where one taken looks back
        (
            "The next president takes office in January; the last one took office in March.",
            [("January", "2017-01-01/2017-01-31"), ("March", "2016-03-01/2016-03-31")],
        ),
        # "would", the future of a past report, for a month or a date; a weekday may have passed by publication
        (
            "He said the convention would be in July and that they would meet on Monday; a would-be rival left in May.",
            [("July", "2017-07-01/2017-07-31"), ("Monday", "2016-10-31"), ("May", "2016-05-01/2016-05-31")],
        ),
        # a year compared against, but not a count ("on 2000 laptops")
        (
            "Crossings rose 60 per cent on 2021, and fell compared with 2019. It was spent on 2000 laptops.",
            [("2021", "2021-01-01/2021-12-31"), ("2019", "2019-01-01/2019-12-31")],
        ),
        # the end of the century, which climate projections run to, is a year like any before it
        ("Warming could reach 2.7C by 2100.", [("2100", "2100-01-01/2100-12-31")]),
        # words that only look like dates
        ("You may march with the sun.", []),
        # a number before a lower-case "may" or "march" is a day only with a year
        ("Covid-19 may have escaped; she was born 3 march 1990.", [("3 march 1990", "1990-03-03")]),
        ("In 2,010 cases the court ruled.", []),
    ],
)
def test_dates_resolve_against_the_publication_date(text, expected):
    assert _dates(text) == expected


def test_half_of_the_year_is_a_date_not_a_share():
    text = "Unemployment hit 14.5% in the first half of the year."
    skip = [(d.start, d.end) for d in find_dates(text, PUBLISHED)]
    assert [q.normalized for q in find_quantities(text, skip)] == ["14.5 percent"]


def test_a_fiscal_year_is_no_quantity():
    text = "Agents met 2.3 million migrants in fiscal year 2022."
    skip = [(d.start, d.end) for d in find_dates(text, PUBLISHED)]
    assert [q.normalized for q in find_quantities(text, skip)] == ["2300000 migrants"]
    assert [d.period for d in find_dates(text, PUBLISHED)] == ["fiscal year"]


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("Turnout in the 2024 election fell; a 2019 study found 300 cases.", [("2024", "year"), ("2019", "year")]),
        ("Maduro, whose 2024 re-election was rejected, spoke.", [("2024", "year")]),
        ("The budget for the 2026 fiscal year, and the 2025-26 financial year.", [(None, "fiscal year")] * 2),
    ],
)
def test_a_year_before_a_noun_is_a_date_not_a_count(text, dates):
    found = find_dates(text, PUBLISHED)
    assert [(d.value[:4] if d.value else None, d.period) for d in found] == dates
    assert [q.normalized for q in find_quantities(text, [(d.start, d.end) for d in found])] == (
        ["300 cases"] if "300" in text else []
    )


@pytest.mark.parametrize(
    "text",
    [
        "The claims, first reported by the Sunday Times, come weeks before the vote.",
        "The Mail on Sunday said 40 MPs had been offered dinners.",
        "He was mocked on Saturday Night Live and ESPN's Monday Night Football.",
        "Parents who skip Sunday Mass were named.",
    ],
)
def test_a_weekday_in_a_name_is_no_date(text):
    assert find_dates(text, PUBLISHED) == []


def test_a_weekday_before_other_capitals_is_still_a_date():
    # AP style drops the "on": the capital after the day is the next clause's subject, or the evening in a
    # title-case headline
    assert [d for d, _ in _dates("Trump said Sunday Republicans would win.")] == ["Sunday"]
    assert [d for d, _ in _dates("Protests Erupt on Saturday Night")] == ["Saturday"]
    # and "Mail on" is the newspaper's only as a word of its own: an email on Monday is sent then
    assert [d for d, _ in _dates("He read an internal email on Monday night's show.")] == ["Monday"]


def test_a_year_a_span_of_time_runs_into_is_a_date_not_a_count():
    text = "Rates will stay high well into 2024. Throughout 2014, talks stalled. It may run beyond 2030."
    found = find_dates(text, PUBLISHED)
    assert [d.value[:4] for d in found] == ["2024", "2014", "2030"]
    assert find_quantities(text, [(d.start, d.end) for d in found]) == []
    # a month after "into" is no date: its year is the tense's
    assert find_dates("Voters will be heading into July.", PUBLISHED) == []


def test_without_a_publication_date_only_dates_with_a_year_resolve():
    assert _dates("On Monday, and on 20 January 2017.", published=None) == [
        ("Monday", None),
        ("20 January 2017", "2017-01-20"),
    ]
    assert _dates("in the past two weeks", published=None) == [("the past two weeks", None)]


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("2016-11-01", PUBLISHED),
        ("2016-11-01T09:30:00+02:00", PUBLISHED),
        ("1 November 2016", PUBLISHED),
        ("", None),
        (None, None),
        ("not a date at all", None),
    ],
)
def test_publication_date(published, expected):
    assert publication_date(published) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "127 people were killed and 254 injured in west Aleppo.",
            [("127 people were killed", "127 people killed"), ("254 injured", "254 injured")],
        ),
        ("The plan costs $3 billion.", [("$3 billion", "3000000000 USD")]),
        ("They paid £5m and €1.2 bn.", [("£5m", "5000000 GBP"), ("€1.2 bn", "1200000000 EUR")]),
        (
            "It cost £1.5billion, not $28.4million.",
            [("£1.5billion", "1500000000 GBP"), ("$28.4million", "28400000 USD")],
        ),
        ("It cost 12,000 euros.", [("12,000 euros", "12000 EUR")]),
        ("A sale worth 1.1 billion U.S. dollars.", [("1.1 billion U.S. dollars", "1100000000 USD")]),
        # South Asian scales and rupee signs, and ISO codes before an amount
        (
            "The scheme cost Rs 5,000 crore; 2 lakh farmers protested.",
            [("Rs 5,000 crore", "50000000000 INR"), ("2 lakh farmers protested", "200000 farmers protested")],
        ),
        ("A fine of CHF 3 million, or GBP 2.7m.", [("CHF 3 million", "3000000 CHF"), ("GBP 2.7m", "2700000 GBP")]),
        # a dollar of another country
        ("Banks froze C$7.8 million and A$5bn.", [("C$7.8 million", "7800000 CAD"), ("A$5bn", "5000000000 AUD")]),
        ("Exports reached $16 bln, or 300 mln.", [("$16 bln", "16000000000 USD"), ("300 mln", "300000000")]),
        ("Taipei spent NT$949.5 billion.", [("NT$949.5 billion", "949500000000 TWD")]),
        ("Turnout was 50 percent, or 4.9%.", [("50 percent", "50 percent"), ("4.9%", "4.9 percent")]),
        ("45 per cent of voters agreed.", [("45 per cent", "45 percent of voters")]),
        # the wires' abbreviation
        ("GDP expanded 5.2 pct on the year.", [("5.2 pct", "5.2 percent")]),
        # a share of what someone owns is a share of the thing, not of its owner; a proper adjective takes its
        # noun and a name its other words, but a verb after a name is not what the share is of
        (
            "About 40 percent of the region's rice harvest was destroyed.",
            [("40 percent", "40 percent of region's rice harvest")],
        ),
        # a whole may end before the verb of the sentence the share is the subject of
        (
            "More than half of his medical advice is wrong; 97% of felony indictments were dropped.",
            [
                ("half of his medical advice", "50 percent of medical advice"),
                ("97%", "97 percent of felony indictments"),
            ],
        ),
        # a share of what its, their or his is the same, and an owner's plural ends the whole before a verb
        (
            "It cut 6 per cent of its workforce, and half of his union's workers support Sanders.",
            [
                ("6 per cent", "6 percent of workforce"),
                ("half of his union's workers", "50 percent of union's workers"),
            ],
        ),
        (
            "45% of Republican voters, 5 percent of New York and 20 percent of Ukraine remains occupied.",
            [
                ("45%", "45 percent of Republican voters"),
                ("5 percent", "5 percent of New York"),
                ("20 percent", "20 percent of Ukraine"),
            ],
        ),
        # a proper adjective goes on to its plural noun, past a word before it
        (
            "54 percent of Democratic registered voters and 50 percent of Catholic marriages.",
            [
                ("54 percent", "54 percent of Democratic registered voters"),
                ("50 percent", "50 percent of Catholic marriages"),
            ],
        ),
        # an adjective goes on to its noun; after a noun, a word in -s is more often a verb
        (
            "84 percent of young people, 46% of eligible voters and 20 percent of income goes to rent.",
            [
                ("84 percent", "84 percent of young people"),
                ("46%", "46 percent of eligible voters"),
                ("20 percent", "20 percent of income"),
            ],
        ),
        # "more" or "fewer" before what is counted stays with it, but not before "than" or a word that counts
        # nothing
        (
            "Scholz promised two more Patriot batteries; 5,000 more than planned, 14 more ready.",
            [("two more Patriot batteries", "2 more Patriot batteries"), ("5,000", "5000"), ("14", "14")],
        ),
        # and before a unit the unit is still one
        (
            "The war could last six more months, 20 more kilometres away.",
            [("six more months", "6 month"), ("20 more kilometres", "20 km")],
        ),
        # a plural in -men ends the phrase as one in -s does
        ("Around 4,500 fishermen work there.", [("4,500 fishermen", "4500 fishermen")]),
        (
            "Three more unarmed Black men were killed.",
            [("Three more unarmed Black men were killed", "3 more unarmed Black men killed")],
        ),
        # a singular "was" is another subject's: the poll was conducted, not the adults
        ("The poll of 1,446 adults was conducted in May.", [("1,446 adults", "1446 adults")]),
        ("Unemployment stood at 4.4pc, up from 4.1 pc.", [("4.4pc", "4.4 percent"), ("4.1 pc", "4.1 percent")]),
        ("Warming reached 1.55C; Seville hit 40°C.", [("1.55C", "1.55 degree Celsius"), ("40°C", "40 degree Celsius")]),
        (
            "It was 110F, or 43 degrees Celsius.",
            [("110F", "110 degree Fahrenheit"), ("43 degrees Celsius", "43 degree Celsius")],
        ),
        # a scale after a space where the other stands in brackets beside it; a grade is no temperature
        (
            "It hit 44 C (111 F) in Seville and 111 F (44 C) in Phoenix; grade 3 C students stayed home.",
            [
                ("44 C", "44 degree Celsius"),
                ("111 F", "111 degree Fahrenheit"),
                ("111 F", "111 degree Fahrenheit"),
                ("44 C", "44 degree Celsius"),
            ],
        ),
        ("Buy 5c coins.", []),
        # a time of day is when, not how many; a ratio is still two numbers
        ("He came at 3 a.m., and at 3:30 p.m. 12 people left at 17:45 or 9pm.", [("12 people left", "12 people left")]),
        ("Shots rang out at ten-twenty-four p.m. and stopped at three o'clock.", []),
        # an abbreviation's initials are one word: "two U.S. officials" counts no "U"
        (
            "Two U.S. officials and four U.N. peacekeepers cited the three China-U.S. joint communiques.",
            [
                ("Two U.S. officials", "2 U.S. officials"),
                ("four U.N. peacekeepers", "4 U.N. peacekeepers"),
                ("three China-U.S. joint communiques", "3 China-U.S. joint communiques"),
            ],
        ),
        # a range keeps both ends; a score or a vote is no amount
        ("Between 10-15 people were injured.", [("10-15 people were injured", "10-15 people injured")]),
        ("It will cost $3-4 billion.", [("$3-4 billion", "3000000000-4000000000 USD")]),
        ("United beat City 2-1, and the court ruled 5–4.", []),
        ("Taxes rise by between 1.5 and 2 per cent.", [("1.5 and 2 per cent", "1.5-2 percent")]),
        ("Between 1.5 and 2 million people fled.", [("1.5 and 2 million people fled", "1500000-2000000 people fled")]),
        # the low end may carry its own scale; a year is no low end
        ("It is worth between $500,000 and $1 million.", [("$500,000 and $1 million", "500000-1000000 USD")]),
        ("An estimated 500,000 to 3 million times.", [("500,000 to 3 million times", "500000-3000000 times")]),
        (
            "It rose from $362 million in 2014 to $557 million.",
            [("$362 million", "362000000 USD"), ("2014", "2014"), ("$557 million", "557000000 USD")],
        ),
        ("The Fed held its rate at a range of 5% to 5.25%.", [("5% to 5.25%", "5-5.25 percent")]),
        # a change is no range: its start takes the end's unit
        ("Inflation rose from 3.0 to 3.4 per cent.", [("3.0", "3 percent"), ("3.4 per cent", "3.4 percent")]),
        # money does not count what was done with it, nor what it does
        ("The $61 billion approved by Congress.", [("$61 billion", "61000000000 USD")]),
        ("He spent $300 million helping to elect Trump.", [("$300 million", "300000000 USD")]),
        ("It beat the $33.2 billion analysts had expected.", [("$33.2 billion", "33200000000 USD")]),
        # scaled in decimal: 65.4 × 1e9 in binary floating point would print as 6.54e+10
        ("They paid $65.4 billion.", [("$65.4 billion", "65400000000 USD")]),
        ("The siege lasted two weeks.", [("two weeks", "2 week")]),
        # a multiple is a unit of its own
        ("Cases rose 30-fold, nine times the cost.", [("30-fold", "30 times"), ("nine times", "9 times")]),
        # pounds of a thing weigh; pounds of funding, or pounds alone, are money
        (
            "Agents seized 27,000 pounds of fentanyl; 5 million pounds of funding; it cost 40 pounds.",
            [
                ("27,000 pounds", "27000 lb"),
                ("5 million pounds", "5000000 GBP"),
                ("40 pounds", "40 GBP"),
            ],
        ),
        # how the counted act is not what they are: an adverb ends the phrase, a noun that ends like one does not
        (
            "Some 1.4 billion people firmly back it; 3 family members died.",
            [("1.4 billion people", "1400000000 people"), ("3 family members died", "3 family members died")],
        ),
        ("A 40-km road.", [("40-km", "40 km")]),
        # units written on the number, and lengths, volumes, speeds and areas
        (
            "Rain hit 970mm; a 5km queue; 20 cm of snow; winds of 120 mph; 3 million litres; 400 square kilometres.",
            [
                ("970mm", "970 mm"),
                ("5km", "5 km"),
                ("20 cm", "20 cm"),
                ("120 mph", "120 mph"),
                ("3 million litres", "3000000 litre"),
                ("400 square kilometres", "400 km²"),
            ],
        ),
        ("2.5 million jobs were created.", [("2.5 million jobs were created", "2500000 jobs created")]),
        ("Some 3,000 US troops are deployed.", [("3,000 US troops are deployed", "3000 US troops deployed")]),
        ("About a dozen soldiers died.", [("a dozen soldiers died", "12 soldiers died")]),
        # a number of dozens multiplies
        (
            "Two dozen mosques and half a dozen wars.",
            [("Two dozen mosques", "24 mosques"), ("half a dozen wars", "6 wars")],
        ),
        # a verb with an object is the sentence's, not an event reported of what is counted
        (
            "Two audits found no evidence; three White House officials told the press.",
            [("Two audits", "2 audits"), ("three White House officials", "3 White House officials")],
        ),
        # so is a perfect one, where a passive's event stays
        (
            "31,079 people have made the journey; 72 people have died.",
            [("31,079 people", "31079 people"), ("72 people have died", "72 people died")],
        ),
        # an object with no article counts too
        (
            "Thousands of Americans have reported serious side effects; 250 firms have opened offices.",
            [("Thousands of Americans", "2000 Americans"), ("250 firms", "250 firms")],
        ),
        # and one a quantifier opens
        (
            "14 states have introduced more than 40 bills; 1 million donors made at least 2 million gifts.",
            [
                ("14 states", "14 states"),
                ("40 bills", "40 bills"),
                ("1 million donors", "1000000 donors"),
                ("2 million gifts", "2000000 gifts"),
            ],
        ),
        # or a rough amount
        (
            "The 3,000 billionaires added roughly $2 trillion; 40 funds raised approximately 9 billion euros.",
            [
                ("3,000 billionaires", "3000 billionaires"),
                ("$2 trillion", "2000000000000 USD"),
                ("40 funds", "40 funds"),
                ("9 billion euros", "9000000000 EUR"),
            ],
        ),
        # and one a noun before its plural opens
        (
            "Thousands of Americans have reported heart problems; two men traded nuclear taunts.",
            [("Thousands of Americans", "2000 Americans"), ("two men", "2 men")],
        ),
        # a people's plural is a head though capitalised; a name ending so is none
        (
            "About 43 million Americans hold federal student debt; two Illinois counties were added.",
            [
                ("43 million Americans", "43000000 Americans"),
                ("two Illinois counties were added", "2 Illinois counties added"),
            ],
        ),
        # two modifiers joined by "and" share the plural after them, but not a head, an event or a new number
        (
            "At least 12 thermal and hydro power plants were hit; Ten Commandments and treat stories; 3 dead and "
            "12 hurt; the 2016 election and two crucial contests.",
            [
                ("12 thermal and hydro power plants were hit", "12 thermal and hydro power plants hit"),
                ("Ten Commandments", "10 Commandments"),
                ("3 dead", "3 dead"),
                ("12 hurt", "12 hurt"),
                ("2016 election", "2016 election"),
                ("two crucial contests", "2 crucial contests"),
            ],
        ),
        # with no "have" too, but a word in -ing or -ed after the verb describes those counted
        (
            "A study of 99 million vaccinated people found small increases; 11 states passed referendums.",
            [("99 million vaccinated people", "99000000 vaccinated people"), ("11 states", "11 states")],
        ),
        (
            "11 children found living in a compound; 684 cases reported as of October.",
            [("11 children found", "11 children found"), ("684 cases reported", "684 cases reported")],
        ),
        # in a title-case headline the capital names nothing: the plural after the number is the head
        ("BOAT CHAOS: 1,500 Migrants Cross Channel in Single Day", [("1,500 Migrants", "1500 Migrants")]),
        ("Study of 99 Million People Finds Rare Links", [("99 Million People", "99000000 People")]),
        ("6 Soldiers Died In Ambush", [("6 Soldiers Died", "6 Soldiers Died")]),
        ("Five Dallas Police Officers Shot", [("Five Dallas Police Officers", "5 Dallas Police Officers")]),
        # and so does a name, but not a day or the next line
        (
            "Diplomats from over 100 countries have visited Xinjiang; 12 people have died Sunday.",
            [("100 countries", "100 countries"), ("12 people have died", "12 people died")],
        ),
        (
            "Two convents have amalgamated\nPresent problems: none",
            [("Two convents have amalgamated", "2 convents amalgamated")],
        ),
        # a time adverb after the noun is not what is counted
        ("Strikes killed 45 Palestinians overnight.", [("45 Palestinians", "45 Palestinians")]),
        ("Some 1.2m households now spend more.", [("1.2m households", "1200000 households")]),
        (
            "Two hundred and fifty thousand refugees fled.",
            [("Two hundred and fifty thousand refugees fled", "250000 refugees fled")],
        ),
        # a part of a known whole counts what the whole is made of; perfect tenses report events too
        (
            "Israel said 242 of its soldiers had died; 300 families have fled.",
            [("242 of its soldiers had died", "242 soldiers died"), ("300 families have fled", "300 families fled")],
        ),
        # and so does a part of a named one
        (
            "Three of Trump's former aides testified, and 2,093 of Clinton's released emails were redacted.",
            [
                ("Three of Trump's former aides testified", "3 former aides testified"),
                ("2,093 of Clinton's released emails were redacted", "2093 released emails redacted"),
            ],
        ),
        # or of a named one with its article, or of any owner's
        (
            "Two of the Fed's governors dissented, and 99 of the state’s counties voted.",
            [
                ("Two of the Fed's governors dissented", "2 governors dissented"),
                ("99 of the state’s counties voted", "99 counties voted"),
            ],
        ),
        # but where a number counts the whole, the part counts nothing named
        (
            "Three of the Fed's 12 voting members dissented.",
            [("Three", "3"), ("12 voting members dissented", "12 voting members dissented")],
        ),
        (
            "12 children were taken; the 40 victims were women.",
            [("12 children were taken", "12 children taken"), ("40 victims", "40 victims")],
        ),
        # shares of a whole are percent of it
        (
            "Two-thirds of voters, half of the budget and one in five children; 3 out of 4 doctors.",
            [
                ("Two-thirds of voters", "66.7 percent of voters"),
                ("half of the budget", "50 percent of budget"),
                ("one in five children", "20 percent of children"),
                ("3 out of 4 doctors", "75 percent of doctors"),
            ],
        ),
        (
            "Two-thirds of young people opposed it; a third of the electorate remains undecided.",
            [
                ("Two-thirds of young people", "66.7 percent of young people"),
                ("a third of the electorate", "33.3 percent of electorate"),
            ],
        ),
        # a share reads what it is of as a percentage does
        (
            "Half of the enclave's population, a third of Republican voters and half of them.",
            [
                ("Half of the enclave's population", "50 percent of enclave's population"),
                ("a third of Republican voters", "33.3 percent of Republican voters"),
                ("half", "50 percent"),
            ],
        ),
        # a rate in digits is a share however small; "one in a million" in words is a figure of speech
        ("Roughly 1 in 100,000 doses.", [("1 in 100,000 doses", "0.001 percent of doses")]),
        (
            "Half a million people marched; a one in a million chance.",
            [("Half a million people marched", "500000 people marched")],
        ),
        # "m" and "bn" count what follows in the plural, or money after a currency sign
        ("Some 1.2m people fled.", [("1.2m people fled", "1200000 people fled")]),
        # a half after the number
        (
            "He got eight and a half years; she served 2½ years; one and a half million dollars went missing.",
            [
                ("eight and a half years", "8.5 year"),
                ("2½ years", "2.5 year"),
                ("one and a half million dollars", "1500000 USD"),
            ],
        ),
        # not quantities: names with digits, ordinals, decades, "one" as a pronoun, a bare "5m"
        ("F-16 jets, G20 leaders, the 19th century, the 1990s, one of them, a 5m wall.", []),
        # nor a number in a name, as indexes, models and laws have; a count after a name stays one
        ("The S&P 500 dropped 1.4%, a Boeing 737 landed and Article 5 held.", [("1.4%", "1.4 percent")]),
        ("The US has sent Ukraine 31 tanks.", [("31 tanks", "31 tanks")]),
        # after a figure too, and a brand's lowercase first letter
        ("A 900-page Project 2025 playbook; demand for the iPhone 16 held.", [("900-page", "900 page")]),
        # a number word in capitals inside a sentence names too, but not in a title-case headline
        ("It is the worst since World War Two, the Gang of Eight said.", []),
        ("Police Arrest Two Suspects", [("Two Suspects", "2 Suspects")]),
        ("The law, known as Senate Bill 4, is like Title 42, said Teamsters Local 294.", []),
        # a number joined to a word counts it; an ordinal counts nothing
        (
            "A 114-page ruling by the 12-member panel named the fifty-first state.",
            [("114-page", "114 page"), ("12-member", "12 member")],
        ),
        # nor does the name of a kind of arrangement
        (
            "Netanyahu buried the two-state solution; in a three-way race, a two-tier system of a one-party state.",
            [],
        ),
        # "all" before the whole says nothing more of it
        (
            "Social Security and Medicare are more than half of all federal spending; 30% of all the world's oil.",
            [("half of all federal spending", "50 percent of federal spending"), ("30%", "30 percent of world's oil")],
        ),
        # "half" needs no "of" before a determiner, though "half the time" is an idiom
        (
            "The war pushed half the population into hunger; half the time it rains.",
            [("half the population", "50 percent of population")],
        ),
        # an age, hyphened or not
        (
            "Police killed a 23-year-old man; his 18-month-old son was unhurt and his mother is 70 years old.",
            [("23-year-old", "23 year old"), ("18-month-old", "18 month old"), ("70 years old", "70 year old")],
        ),
        # hyphened, a fraction is a share with or without "of"
        (
            "A two-thirds majority and three-fourths of members agreed.",
            [("two-thirds", "66.7 percent"), ("three-fourths of members", "75 percent of members")],
        ),
        # a number after a word it names one of is no count, whatever follows it
        (
            "Phase 3 Trial Shows Gains: 1,961 adults with type 2 diabetes; Genesis chapter 19 records it.",
            [("1,961 adults", "1961 adults")],
        ),
        ("Police Arrest 12 Protesters", [("12 Protesters", "12 Protesters")]),
        ("Nearly 500 died.", [("500 died", "500 died")]),
        # a part of "those" or "these" counts what they are; a ratio's whole runs on to its plural noun
        ("Over 35,000 of those reports involve deaths.", [("35,000 of those reports", "35000 reports")]),
        (
            "It hit 1 in 800 vaccinated people and 4 in 10 likely voters.",
            [
                ("1 in 800 vaccinated people", "0.125 percent of vaccinated people"),
                ("4 in 10 likely voters", "40 percent of likely voters"),
            ],
        ),
        (
            "Two out of three French people and 3 in 10 Democratic primary voters oppose it.",
            [
                ("Two out of three French people", "66.7 percent of French people"),
                ("3 in 10 Democratic primary voters", "30 percent of Democratic primary voters"),
            ],
        ),
        # a share's whole: a word that closes the phrase after it is its noun, not a verb
        (
            "Lula won 50.9% of the valid votes, and 52% of the popular vote.",
            [
                ("50.9%", "50.9 percent of valid votes"),
                ("52%", "52 percent of popular vote"),
            ],
        ),
        # or before the rival's share; not before any other "to"
        (
            "Lula won 50.9% of the valid votes to Bolsonaro's 49.1%; 30% of the budget goes to 12 states.",
            [
                ("50.9%", "50.9 percent of valid votes"),
                ("49.1%", "49.1 percent"),
                ("30%", "30 percent of budget"),
                ("12 states", "12 states"),
            ],
        ),
        ("A third of the electorate remains undecided.", [("A third of the electorate", "33.3 percent of electorate")]),
        # a number right after another starts a count of its own
        (
            "It fell from a record 906,000 two years earlier.",
            [("906,000", "906000"), ("two years", "2 year")],
        ),
        # an owner alone is no whole; the number after it counts a whole of its own
        (
            "A third of Gaza's 2.1 million people face famine.",
            [("A third", "33.3 percent"), ("2.1 million people", "2100000 people")],
        ),
        # an economy's measure is one whole of three words
        (
            "Spending will reach 3.5% of gross domestic product this year.",
            [("3.5%", "3.5 percent of gross domestic product")],
        ),
        # a name in initials is whole, and runs on to its noun
        ("Wind supplied 21% of U.S. electricity.", [("21%", "21 percent of U.S. electricity")]),
        # a magnitude with no number is a floor of two of it
        (
            "Tens of thousands of people fled, and hundreds of roads were cut.",
            [
                ("Tens of thousands of people fled", "20000 people fled"),
                ("hundreds of roads were cut", "200 roads cut"),
            ],
        ),
        (
            "Billions of dollars went to thousands of pounds of cocaine.",
            [
                ("Billions of dollars", "2000000000 USD"),
                ("thousands of pounds", "2000 lb"),
            ],
        ),
        ("It cost in the hundreds of thousands.", []),
        # how a figure moved is nothing counted: the number is an age here
        ("The number of suspects under 15 tripled last year.", [("15", "15")]),
        # nor is a comparative the amount measures, unless it describes a plural after it
        ("Billionaires got $2.5 trillion richer.", [("$2.5 trillion", "2500000000000 USD")]),
        ("She has two older sisters.", [("two older sisters", "2 older sisters")]),
        # nor is where or how a figure holds, but an adverb on the plural's adjective goes with it
        ("Gasoline averaged $2.98 nationwide on Monday.", [("$2.98", "2.98 USD")]),
        ("Polls of 800 likely voters.", [("800 likely voters", "800 likely voters")]),
        # nor anything on the next line
        ("Troops killed 12\nCivilians fled.", [("12", "12")]),
        ("Polls of 800 likely\nvoters were taken.", [("800", "800")]),
        # "X to Y" is a range where Y is the larger; "won 3 to 1" is a score
        ("Five to eight years.", [("Five to eight years", "5-8 year")]),
        ("Some 30 to 40 people.", [("30 to 40 people", "30-40 people")]),
        ("They won 3 to 1.", [("3", "3"), ("1", "1")]),
        # points of a rate, in words or hyphenated before a noun
        (
            "Yields fell 17 basis points after a 25-basis-point cut and a six-percentage-point gap.",
            [
                ("17 basis points", "17 basis points"),
                ("25-basis-point", "25 basis points"),
                ("six-percentage-point", "6 percentage points"),
            ],
        ),
        # a range whose top repeats the unit after a dash
        (
            "Rates held at 5.25%-5.50%; shares cost $10–$12.",
            [("5.25%-5.50%", "5.25-5.5 percent"), ("$10–$12", "10-12 USD")],
        ),
        # a quotation mark after a word closes the quote and what is counted
        ("a '£22 billion black hole' left", [("£22 billion black hole", "22000000000 GBP black hole")]),
        # a preposition after the number opens no counted phrase: "including two children" is not what 7 counts
        (
            "The strike killed 7 including two children; Sanders led 39 among superdelegates.",
            [("7", "7"), ("two children", "2 children"), ("39", "39")],
        ),
        # "zero" in a set phrase is no count; zero of something is
        ("Net zero, zero tolerance at ground zero, a zero-sum game.", []),
        ("There were zero witnesses.", [("zero witnesses", "0 witnesses")]),
        # a participle after three words with no plural head describes them, and is no event counted
        (
            "A $1.1 billion Zika funding bill crafted by Republicans; 127 people were killed.",
            [
                ("$1.1 billion Zika funding bill", "1100000000 USD Zika funding bill"),
                ("127 people were killed", "127 people killed"),
            ],
        ),
        # a count that is the subject of a verb with an object counts nothing
        ("A crowd of 60,272 watched the match.", [("60,272", "60272")]),
        (
            "745 billionaires added $2.1 trillion; 400 aid trucks remained stuck; three remained.",
            [
                ("745 billionaires", "745 billionaires"),
                ("$2.1 trillion", "2100000000000 USD"),
                ("400 aid trucks", "400 aid trucks"),
                ("three", "3"),
            ],
        ),
        # what is counted ends at its plural noun, the fourth word at most; not at a name or a modifier
        (
            "Funds for 22,000 new Border Patrol agents; 5,000 people live there; 2,000 news outlets ran it.",
            [
                ("22,000 new Border Patrol agents", "22000 new Border Patrol agents"),
                ("5,000 people", "5000 people"),
                ("2,000 news outlets", "2000 news outlets"),
            ],
        ),
        (
            "Five Dallas police officers and four plain-clothes NYPD officers.",
            [
                ("Five Dallas police officers", "5 Dallas police officers"),
                ("four plain-clothes NYPD officers", "4 plain-clothes NYPD officers"),
            ],
        ),
        # a party's members are a plural head, as a people is
        (
            "The bill passed with five Democrats joining Republicans.",
            [("five Democrats", "5 Democrats")],
        ),
        # a disease named in -s is no plural head
        ("The CDC reported 1,274 measles cases.", [("1,274 measles cases", "1274 measles cases")]),
        # an age set off by commas after a name; not a day of a month
        (
            "Officer Eric Joering, 39, died; Mona Lamberson, 59, of Philadelphia spoke; born Sept, 26, 2014.",
            [("39", "39 year old"), ("59", "59 year old"), ("26", "26"), ("2014", "2014")],
        ),
        # a bare number a verb of saying follows is who speaks, and counts nothing said
        (
            "A mother of three told reporters she was afraid; six in 10 said they would vote.",
            [("three", "3"), ("six in 10", "60 percent")],
        ),
        # a parent's children go without saying: "a mother of four" counts no sheltering, "two young sons" count
        (
            "Umm Mohammed, a mother of four sheltering in a school, wept; a father of two young sons spoke to "
            "the parents of two Americans killed.",
            [("four", "4"), ("two young sons", "2 young sons"), ("two Americans killed", "2 Americans killed")],
        ),
        # nor does a participle in "-ing" alone, which is what those counted do, or a noun a date modifies
        (
            "Children under five accounting for most deaths; 12 abstaining; the Oct. 1 shooting in Las Vegas.",
            [("five", "5"), ("12", "12"), ("1", "1")],
        ),
        # an age or ages the words before the figure give, also as a range; not the age's absence
        (
            "Two women, aged 21 and 24, were held; he died at the age of 94; voters ages 18 to 29 and those "
            "between the ages of 30 and 44 backed him; he won 18 states.",
            [
                ("Two women", "2 women"),
                ("21", "21 year old"),
                ("24", "24 year old"),
                ("94", "94 year old"),
                ("18 to 29", "18-29 year old"),
                ("30 and 44", "30-44 year old"),
                ("18 states", "18 states"),
            ],
        ),
        # a model's name is one word of what is counted
        (
            "Police seized three AK-47 rifles; Kyiv wants 12 F-16s.",
            [("three AK-47 rifles", "3 AK-47 rifles"), ("12 F-16s", "12 F-16s")],
        ),
    ],
)
def test_quantities_with_units_and_what_they_count(text, expected):
    assert _quantities(text) == expected


def test_a_degree_joined_to_its_figure_is_its_unit_not_what_it_counts():
    found = find_quantities("The 1.5-degree goal is out of reach, with 2 degrees likely.")
    assert [(q.value, q.unit, q.counts) for q in found] == [(1.5, "degree", None), (2, "degree", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On 18 October 2016, 40 people died.", ["40 people died"]),
        ("250,000 people will die each year between 2030 and 2050.", ["250,000 people"]),
    ],
)
def test_numbers_inside_dates_are_not_quantities(text, expected):
    dates = find_dates(text, PUBLISHED)
    found = find_quantities(text, skip=[(d.start, d.end) for d in dates])
    assert [text[q.start : q.end] for q in found] == expected


@pytest.mark.parametrize(
    ("words", "value"),
    [("seven", 7), ("twenty-one", 21), ("three hundred and forty two", 342), ("two million", 2e6), ("banana", None)],
)
def test_word_numbers(words, value):
    assert word_number(words) == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Up to 300 people died; at least 33 were killed, more than 2.4 million fled and nearly half of the "
            "residents left.",
            [
                ("300 people died", "upper"),
                ("33", "lower"),
                ("2.4 million fled", "lower"),
                ("half of the residents", "approximate"),
            ],
        ),
        (
            "Not more than 5 percent arrived, some 5,000 troops stayed, and 40 soldiers came back.",
            [("5 percent", "upper"), ("5,000 troops stayed", "approximate"), ("40 soldiers", None)],
        ),
        # a word that only ends like one bounds nothing
        ("The takeover of 300 firms and a handover of 12 sites.", [("300 firms", None), ("12 sites", None)]),
        # a change's end is no ceiling, and a stretch of time after an amount no floor
        (
            "Employment ticked up to 102.9, and the plan adds $84 billion over 10 years for workers earning up to "
            "$47,476.",
            [("102.9", None), ("$84 billion", None), ("10 years", None), ("$47,476", "upper")],
        ),
        # a magnitude with no number is a floor
        ("Hundreds of roads were cut.", [("Hundreds of roads were cut", "lower")]),
        # only "up to" after a verb of change is its end: "upwards of" stays a floor
        ("The toll rose upwards of 300 people.", [("300 people", "lower")]),
        (
            "It was the first time in over two decades; the investment over five years adds up to $2 billion.",
            [("two decades", "lower"), ("five years", None), ("$2 billion", None)],
        ),
        # "below" and "above" bound a number too, but not after an amount, whose difference they measure from
        (
            "Migration must fall below 300,000; incomes above $1 million would pay more; emissions fell 32 percent "
            "below 2005 levels.",
            [("300,000", "upper"), ("$1 million", "lower"), ("32 percent", None), ("2005 levels", None)],
        ),
    ],
)
def test_the_words_before_a_number_say_whether_it_is_a_bound(text, expected):
    # "at least 33" is a floor: read as the count, it would understate what the text claims
    assert [(text[q.start : q.end], q.bound) for q in find_quantities(text)] == expected
