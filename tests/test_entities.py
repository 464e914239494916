"""Entities: mention clustering and the labels pinned on entities, on hand-written sentences."""

from __future__ import annotations

import pytest

from spinlens.entities.clusters import Mention, as_named_elsewhere, cluster, name_words, without_headline_names
from spinlens.entities.component import find_entities
from spinlens.headlines import sentence_cased, title_case_headline
from spinlens.parsing import load_spacy
from spinlens.record import Analysis, Article, TechniqueSpan


@pytest.fixture(scope="module")
def nlp():
    return load_spacy()  # the parse the pipeline runs


def entities(nlp, text: str, labels: dict[str, str] | None = None):
    """Entities of `text`, with technique spans placed on the given phrases (phrase -> technique)."""
    spans = []
    for phrase, technique in (labels or {}).items():
        start = text.index(phrase)
        spans.append(TechniqueSpan(start=start, end=start + len(phrase), text=phrase, technique=technique, score=0.9))
    record = Analysis(article=Article(text=text), techniques=spans)
    found = find_entities(nlp(text), record)
    for entity in found:
        for mention in entity.mentions:
            assert text[mention.start : mention.end] == mention.text
    return found


def by_name(found, name: str):
    (entity,) = [e for e in found if e.name == name]
    return entity


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # NER stops inside the bracket the name opens
        ("The World Health Organization (WHO) said the outbreak was spreading.", "World Health Organization"),
        # or on a word no name ends on, before a people's name or none
        ("The Border Security Force of Kurds and Arabs holds the town.", "Border Security Force"),
        ("After the resignation of Pope Benedict the Catholic faithful mostly want peace.", "Benedict"),
        # or on a place's preposition, but not on the end of a hyphened name
        (
            "Dr. Paul Offit, director of the Vaccine Education Center at Children's Hospital of Philadelphia, "
            "disagreed.",
            "Vaccine Education Center",
        ),
        ("The new president, Moon Jae-in, demanded talks.", "Moon Jae-in"),
        # nor does it open with an article or a demonstrative
        (
            "Voters rejected a proposal to enshrine an Indigenous Voice to Parliament in the constitution.",
            "Indigenous Voice to Parliament",
        ),
        # a person's name ends before what the person owns
        ("Cardinal Errázuriz was appointed a member of Pope Francis’s C9 inner council.", "Francis"),
        ("The aide read George Kennan’s Long Telegram again.", "George Kennan"),
    ],
)
def test_a_name_ends_where_a_name_can(nlp, text, name):
    assert name in [e.name for e in entities(nlp, text)]


def test_an_amount_is_no_name(nlp):
    # NER types "110bn" a person once the pound sign splits off
    found = entities(nlp, "Britain's biggest companies handed £110bn to shareholders last year.")
    assert [e.name for e in found] == ["Britain"]
    assert [e.name for e in entities(nlp, "In China, a town in Xinjiang recorded 52.2C.")] == ["China", "Xinjiang"]


def test_the_state_of_secretary_of_state_is_no_organisation(nlp):
    found = entities(nlp, "U.S. Secretary of State Antony Blinken met the State Department's staff.")
    assert [e.name for e in found] == ["U.S.", "Antony Blinken", "State Department"]
    # nor is a department's word in a minister's title; the department named alone is one
    text = "The Energy Secretary said the plan would cut bills. Israeli Defense Minister Yoav Gallant warned Hezbollah."
    assert [e.name for e in entities(nlp, text)] == ["Israeli", "Yoav Gallant", "Hezbollah"]
    assert [e.name for e in entities(nlp, "The Treasury said on Monday that the deal was off.")] == ["Treasury"]


def test_a_body_whose_name_ner_stops_on_of_goes_on_to_the_capitalised_words_after_it(nlp):
    found = entities(nlp, "Talks on the International Commission for Lutheran-Catholic Dialogue began today.")
    assert "International Commission for Lutheran-Catholic Dialogue" in [e.name for e in found]


def test_a_person_named_three_ways_is_one_entity(nlp):
    text = (
        "US Secretary of State John Kerry flew to Geneva. Kerry met his Russian counterpart there, "
        "and John Kerry's aides said little."
    )
    kerry = by_name(entities(nlp, text), "John Kerry")
    assert kerry.type == "person"
    assert [m.text for m in kerry.mentions] == ["John Kerry", "Kerry", "John Kerry"]


def test_a_surname_ner_missed_is_still_a_mention_of_its_person(nlp):
    text = (
        "Senator John Blake, a reckless warmonger, wants to send our sons to die. The corrupt Blake has taken "
        "millions from contractors. Blake's office did not respond, and Blake Street was closed."
    )
    blake = by_name(entities(nlp, text), "John Blake")
    assert [m.text for m in blake.mentions] == ["John Blake", "Blake", "Blake"]
    # NER read this "Cole" as a product
    text = "Her rival, Rep. Dan Cole, disagreed. In an interview with the Guardian, Cole warned of delays."
    assert [m.text for m in by_name(entities(nlp, text), "Dan Cole").mentions] == ["Dan Cole", "Cole"]
    # the tagger read this "Zelenskyy", opening a sentence, as a common noun
    text = "Ukraine's President Volodymyr Zelenskyy met Andrzej Duda in Warsaw. Zelenskyy thanked Poland."
    zelenskyy = by_name(entities(nlp, text), "Volodymyr Zelenskyy")
    assert [m.text for m in zelenskyy.mentions] == ["Volodymyr Zelenskyy", "Zelenskyy"]
    # a family name of two words, which NER read as a work of art after a quote
    text = (
        "Mexican President Andrés Manuel López Obrador accused the ambassador of meddling. "
        '"We will not accept interference from any foreign government," López Obrador told his news conference.'
    )
    amlo = by_name(entities(nlp, text), "Andrés Manuel López Obrador")
    assert [m.text for m in amlo.mentions] == ["Andrés Manuel López Obrador", "López Obrador"]
    # or as a work of art running on into the clause
    text = (
        "Surgeon General Vivek Murthy declared gun violence a crisis. "
        '"This is not just a political issue," Murthy told The Associated Press.'
    )
    murthy = by_name(entities(nlp, text), "Vivek Murthy")
    assert [m.text for m in murthy.mentions] == ["Vivek Murthy", "Murthy"]


def test_initials_ner_missed_are_still_a_mention_of_their_organisation(nlp):
    text = (
        "Abuses by Immigration and Customs Enforcement rose. ICE agents detained 50 people, and ICE said the "
        "raids would go on. The US said it was alarmed."
    )
    found = entities(nlp, text)
    ice = by_name(found, "Immigration and Customs Enforcement")
    assert [m.text for m in ice.mentions] == ["Immigration and Customs Enforcement", "ICE", "ICE"]
    # two letters spell too many other things
    assert all(m.text != "US" for e in found if e.type == "organisation" for m in e.mentions)


@pytest.mark.parametrize(
    ("text", "name", "initials"),
    [
        (
            "Saudi Crown Prince Mohammed bin Salman met Biden. MBS has pledged $50 billion.",
            "Mohammed bin Salman",
            "MBS",
        ),
        (
            "Rep. Alexandria Ocasio-Cortez spoke first. AOC said the plan was too small.",
            "Alexandria Ocasio-Cortez",
            "AOC",
        ),
        ("Martin Luther King Jr. led the march. MLK spoke last.", "Martin Luther King Jr.", "MLK"),
    ],
)
def test_a_persons_initials_are_their_mention(nlp, text, name, initials):
    # NER takes "MBS" and "MLK" for organisations here
    assert [m.text for m in by_name(entities(nlp, text), name).mentions] == [name, initials]


def test_no_entity_runs_across_a_line_break(nlp):
    text = (
        "The Cowards of Velmora Have Shown Their True Face\n\n"
        "Once again the so-called government of Velmora has proved that it is nothing but a gang of thugs."
    )
    found = entities(nlp, text)
    assert all("\n" not in m.text for e in found for m in e.mentions)
    assert "Velmora" in {e.name for e in found}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # NER reads "Erik" alone, and "Ursula von der" with "Leyen" as a place
        ("Erik ten Hag said his side deserved a draw.", "Erik ten Hag"),
        ("Ursula von der Leyen said the EU would act.", "Ursula von der Leyen"),
    ],
)
def test_a_family_name_with_a_particle_is_whole(nlp, text, name):
    assert [e.name for e in entities(nlp, text) if e.type == "person"] == [name]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # NER reads "Maria Corina", though the parser joins both words to "Machado"
        (
            "Opposition leader Maria Corina Machado dismissed the figures as propaganda.",
            ["Maria Corina Machado"],
        ),
        # NER reads two persons, "Oleksandr" and "Prokudin"
        (
            "Governor Oleksandr Prokudin wrote on Telegram that a 67-year-old woman was among the dead.",
            ["Oleksandr Prokudin"],
        ),
        # a word that opens another name, or an institution after "the", is no family name
        ("The Democratic Party was totally corrupted by the Clinton Regime.", ["Clinton"]),
    ],
)
def test_a_family_name_ner_left_out_is_part_of_the_name(nlp, text, names):
    assert [e.name for e in entities(nlp, text) if e.type == "person"] == names


def test_a_score_is_no_part_of_a_name(nlp):
    text = "Erling Haaland scored twice as Manchester City beat Manchester United 3-2 on Sunday."
    assert not [e.name for e in entities(nlp, text) if any(c.isdigit() for c in e.name)]


def test_a_measurement_is_no_entity(nlp):
    # the small model tags "1.5C" as an organisation here
    text = "Global temperatures breached the 1.5C threshold, the World Meteorological Organization said."
    assert {e.name for e in entities(nlp, text)} == {"World Meteorological Organization"}


def test_a_job_word_opening_a_sentence_is_no_part_of_a_name(nlp):
    # the small model tags "Spokesperson Mao Ning" as one person
    text = "Spokesperson Mao Ning told a press briefing that the sale was wrong. Mao Ning spoke for an hour."
    assert [m.text for m in by_name(entities(nlp, text), "Mao Ning").mentions] == ["Mao Ning", "Mao Ning"]
    text = "Superintendent Karen Alvarez told the board that enrollment had dropped."
    assert [e.name for e in entities(nlp, text)] == ["Karen Alvarez"]
    text = "Officers Anthony Morelli and Eric Joering were killed on Saturday."
    assert [e.name for e in entities(nlp, text)] == ["Anthony Morelli", "Eric Joering"]
    text = "Campaigner Alan Bates, who led the fight for justice, said the apology was too late."
    assert [e.name for e in entities(nlp, text)] == ["Alan Bates"]
    text = "Chef José Andrés said the workers had been targeted."
    assert [e.name for e in entities(nlp, text)] == ["José Andrés"]
    text = "Merseyside Police Chief Constable Serena Kennedy urged people not to speculate."
    assert ("Serena Kennedy", "person") in [(e.name, e.type) for e in entities(nlp, text)]
    text = "A super PAC will attack Billionaire  Donald Trump in Iowa."
    assert ("Donald Trump", "person") in [(e.name, e.type) for e in entities(nlp, text)]


def test_no_name_runs_across_a_spaced_dash(nlp):
    # the small model reads the dateline and the sentence's first word as one place
    text = "NEW DELHI - Police detained at least 150 opposition workers on Thursday."
    assert [(e.name, e.type) for e in entities(nlp, text)] == [("NEW DELHI", "place")]


def test_no_name_runs_into_a_quote_it_opens(nlp):
    # the small model reads 'Carlson "Putin's' as one organisation
    text = (
        "Fox News host Tucker Carlson sat down with Russian President Vladimir Putin for an interview. "
        'Former Rep. Liz Cheney called Carlson "Putin\'s useful idiot."'
    )
    found = entities(nlp, text)
    assert not any('"' in e.name for e in found)
    assert len(by_name(found, "Tucker Carlson").mentions) == 2
    assert len(by_name(found, "Vladimir Putin").mentions) == 2
    # one word after the quote mark is still a name, where one after a dash may be a sentence's first
    text = 'The plan would cost about $1.38 trillion a year, according to the "Medicare for all" document.'
    assert [e.name for e in entities(nlp, text)] == ["Medicare"]


def test_a_name_after_an_age_or_a_job_is_a_persons(nlp):
    # NER types "Marcus Hill" an organisation here
    text = "Police shot and killed 27-year-old Marcus Hill during a traffic stop. Footage shows Hill raising his hands."
    assert [(e.name, e.type, len(e.mentions)) for e in entities(nlp, text)] == [("Marcus Hill", "person", 2)]
    # NER types "Carly Fiorina" an organisation here; after a job word, a full name is its holder's
    text = "The room was half-empty when GOP presidential candidate Carly Fiorina strode onstage."
    assert ("Carly Fiorina", "person") in [(e.name, e.type) for e in entities(nlp, text)]
    # or set off by commas after it
    text = "Tinubu's spokesman, Bayo Onanuga, said the reforms were painful."
    assert ("Bayo Onanuga", "person") in [(e.name, e.type) for e in entities(nlp, text)]
    # which NER may type a place
    text = 'The Conservative leader, Kemi Badenoch, has accused the government of "economic vandalism".'
    assert ("Kemi Badenoch", "person") in [(e.name, e.type) for e in entities(nlp, text)]
    # a family name's particle is no word of a body's ("Leen de Vries", which NER types an organisation)
    text = "Port authority spokesman Leen de Vries said operations had not been affected."
    assert [(e.name, e.type) for e in entities(nlp, text)] == [("Leen de Vries", "person")]
    # nor a hyphen inside a name ("Al-Fateh Qurashi", an organisation to NER after a comma)
    text = "Its spokesman, Al-Fateh Qurashi, described the reports as propaganda."
    assert [(e.name, e.type) for e in entities(nlp, text)] == [("Al-Fateh Qurashi", "person")]
    # not where the name modifies a plural after it
    text = "She spoke to a group of activist Chicago Teachers Union members."
    assert ("Chicago Teachers Union", "organisation") in [(e.name, e.type) for e in entities(nlp, text)]
    text = "Once again, billionaire Dallas Mavericks owner Mark Cuban is sizing up the race."
    assert ("Dallas Mavericks", "organisation") in [(e.name, e.type) for e in entities(nlp, text)]
    # after an article, the age is a thing's, named after a firm
    text = "The valve was fitted by a 55-year-old Honeywell engineer."
    assert [(e.name, e.type) for e in entities(nlp, text)] == [("Honeywell", "organisation")]


def test_a_name_after_a_personal_title_is_a_persons(nlp):
    # NER types "Miliband" an organisation here
    text = "Mr Miliband insists the plan will cut bills by £300 by the end of the decade."
    assert [(e.name, e.type) for e in entities(nlp, text)] == [("Miliband", "person")]
    # a title is written as one: "DR Congo" is no doctor
    assert [e.type for e in entities(nlp, "Troops from DR Congo crossed the border.")] != ["person"]


def test_a_name_after_an_office_only_a_person_holds_is_a_persons(nlp):
    # NER types "Olaf Scholz" an organisation here
    text = (
        "BERLIN (dpa) - Germany's far-right Alternative for Germany (AfD) won 32.8 percent of the vote in the "
        "eastern state of Thuringia on Sunday, the first time a far-right party has come first in a state election "
        'since World War II.\n\nChancellor Olaf Scholz called the result "bitter" and urged mainstream parties to '
        "keep the AfD out of government."
    )
    assert ("Olaf Scholz", "person") in [(e.name, e.type) for e in entities(nlp, text)]


def test_a_military_rank_is_no_name_of_its_own(nlp):
    # the small model tags "Rear Admiral" as an organisation here
    text = "IDF spokesman Rear Admiral Daniel Hagari told a news conference that troops had found weapons."
    assert {e.name for e in entities(nlp, text)} == {"IDF", "Daniel Hagari"}
    assert name_words("Col. Oleg Petrov") == name_words("Oleg Petrov")
    # and "Brig.", which it tags a place, as it does "Supreme" of Iran's "Supreme Leader" an organisation
    text = "The IRGC's spokesman, Brig. Gen. Ali Mohammad Naini, warned that any attack would be met with force."
    assert {e.name for e in entities(nlp, text)} == {"IRGC", "Ali Mohammad Naini"}
    text = "Iran's Supreme Leader Ayatollah Ali Khamenei said the talks were unwise. The Supreme Court ruled."
    assert {e.name for e in entities(nlp, text)} == {"Iran", "Ayatollah Ali Khamenei", "Supreme Court"}


def test_a_dateline_names_a_place(nlp):
    # the small model tags "JERUSALEM" as an organisation here
    text = "Troops advance\n\nJERUSALEM — Israeli troops destroyed tunnels on Tuesday, the army said."
    assert by_name(entities(nlp, text), "JERUSALEM").type == "place"


@pytest.mark.parametrize(
    ("text", "name", "mentions"),
    [
        # NER finds one word of the place, or each word apart; the name is written as the text writes it
        (
            "SAO PAULO, Oct 31 (AP) — Lula won the runoff in Sao Paulo state.",
            "Sao Paulo",
            ["SAO PAULO", "Sao Paulo"],
        ),
        ("ST. LOUIS (AP) — Protesters marched through St. Louis on Sunday.", "St. Louis", ["ST. LOUIS", "St. Louis"]),
    ],
)
def test_a_datelines_place_is_named_whole(nlp, text, name, mentions):
    place = by_name(entities(nlp, text), name)
    assert place.type == "place" and [m.text for m in place.mentions] == mentions


@pytest.mark.parametrize(
    ("text", "name", "short"),
    [
        # the small model reads the first "Uranium" as an organisation of its own and "One" as a number
        (
            "The Uranium One deal was approved in 2010. Critics said Uranium One gave Russia a fifth of US uranium.",
            "Uranium One",
            "Uranium",
        ),
        # and the first "Islamic" as a group
        (
            "Fighters of the Islamic State seized the town. Islamic State fighters then burned the market.",
            "Islamic State",
            "Islamic",
        ),
    ],
)
def test_a_name_ner_cut_short_is_the_longer_name_it_finds_elsewhere(nlp, text, name, short):
    found = entities(nlp, text)
    assert short not in {e.name for e in found}
    assert [m.text for m in by_name(found, name).mentions] == [name, name]


def test_a_name_is_not_widened_over_a_lower_case_word():
    text = "Sodom and Gomorrah burned. Sodom and Gomorrah fell."
    found = [Mention(0, 9, "Sodom and", "place", ("sodom", "and")), Mention(27, 32, "Sodom", "place", ("sodom",))]
    assert [m.text for m in as_named_elsewhere(found, text)] == ["Sodom and", "Sodom"]


def test_a_short_name_before_the_full_one_still_joins_it():
    found = cluster(
        [
            Mention(0, 5, "Kerry", "person", ("kerry",)),
            Mention(20, 30, "John Kerry", "person", ("john", "kerry")),
        ]
    )
    assert len(found) == 1 and found[0].name == "John Kerry"


def test_a_word_never_written_with_a_capital_is_no_entity():
    def mention(start: int, text: str, kind: str) -> Mention:
        return Mention(start, start + len(text), text, kind, name_words(text))

    found = cluster(
        [
            mention(0, "hegemonic anxiety", "organisation"),  # as NER typed it in a Global Times editorial
            mention(20, "n’t", "place"),
            mention(30, "democratic", "group"),
            mention(40, "Supreme Court", "organisation"),
            mention(60, "supreme court", "organisation"),
            # a body, a people or a handle is named in lower case too
            mention(80, "health ministry", "organisation"),
            mention(100, "seminarians", "group"),
            mention(120, "@radleybalko", "person"),
        ]
    )
    assert [(c.name, len(c.mentions)) for c in found] == [
        ("Supreme Court", 2),
        ("health ministry", 1),
        ("seminarians", 1),
        ("@radleybalko", 1),
    ]


def test_a_shared_surname_goes_to_the_one_mentioned_last():
    found = cluster(
        [
            Mention(0, 15, "Hillary Clinton", "person", ("hillary", "clinton")),
            Mention(30, 42, "Bill Clinton", "person", ("bill", "clinton")),
            Mention(60, 67, "Clinton", "person", ("clinton",)),
        ]
    )
    bill = next(c for c in found if c.name == "Bill Clinton")
    assert [m.start for m in bill.mentions] == [30, 60]


def test_a_place_named_inside_another_places_name_is_another_place():
    def place(start: int, name: str) -> Mention:
        return Mention(start, start + len(name), name, "place", tuple(name.lower().split()))

    found = cluster(
        [
            place(0, "South China Sea"),
            place(30, "China"),
            place(60, "West Virginia"),
            place(90, "Virginia"),
            place(120, "Gaza Strip"),
            place(150, "Gaza"),
        ]
    )
    assert [(c.name, len(c.mentions)) for c in found] == [
        ("South China Sea", 1),
        ("China", 1),
        ("West Virginia", 1),
        ("Virginia", 1),
        ("Gaza Strip", 2),
    ]


def test_a_body_in_lower_case_with_its_owner_named_is_no_other_owners_body(nlp):
    text = "The Israeli Health Ministry said 40 people were hurt. Gaza's health ministry said 12 died."
    found = {e.name: [m.text for m in e.mentions] for e in entities(nlp, text)}
    assert found["Israeli Health Ministry"] == ["Israeli Health Ministry"]
    assert found["health ministry"] == ["health ministry"]
    # an owner whose name opens like the body's is its own
    text = "The Russian Defence Ministry said 40 drones were downed. Russia's defence ministry said 12 more fell."
    found = {e.name: [m.text for m in e.mentions] for e in entities(nlp, text)}
    assert found["Russian Defence Ministry"] == ["Russian Defence Ministry", "defence ministry"]


def test_a_father_and_a_son_of_one_name_are_two_people(nlp):
    text = "Donald Trump Jr. attacked the ruling. His father, Donald Trump, said nothing. Trump later posted."
    found = {e.name: [m.text for m in e.mentions] for e in entities(nlp, text)}
    assert found == {"Donald Trump Jr.": ["Donald Trump Jr."], "Donald Trump": ["Donald Trump", "Trump"]}


def test_one_name_typed_two_ways_is_one_entity_of_its_commonest_type():
    found = cluster(
        [
            Mention(0, 7, "Velmora", "person", ("velmora",)),
            Mention(30, 37, "Velmora", "place", ("velmora",)),
            Mention(60, 67, "Velmora", "place", ("velmora",)),
            Mention(90, 97, "Ostrava", "place", ("ostrava",)),
            Mention(120, 127, "Ostrava", "organisation", ("ostrava",)),
        ]
    )
    assert [(c.name, c.type, len(c.mentions)) for c in found] == [("Velmora", "place", 3), ("Ostrava", "place", 2)]


def test_a_surname_typed_as_an_organisation_still_joins_its_person():
    found = cluster(
        [
            Mention(0, 10, "John Kerry", "person", ("john", "kerry")),
            Mention(30, 35, "Kerry", "organisation", ("kerry",)),
            Mention(60, 65, "Kerry", "organisation", ("kerry",)),
        ]
    )
    assert [(c.name, c.type, len(c.mentions)) for c in found] == [("John Kerry", "person", 3)]


def test_a_party_named_without_the_word_party_is_still_the_party_whatever_ner_types_it():
    found = cluster(
        [
            Mention(0, 20, "Georgian Dream party", "organisation", ("georgian", "dream", "party")),
            Mention(40, 54, "Georgian Dream", "person", ("georgian", "dream")),
            # a person's name is no party of theirs
            Mention(60, 72, "Donald Trump", "person", ("donald", "trump")),
            Mention(80, 98, "Donald Trump Organization", "organisation", ("donald", "trump", "organization")),
        ]
    )
    assert [(c.name, c.type, len(c.mentions)) for c in found] == [
        ("Georgian Dream party", "organisation", 2),
        ("Donald Trump", "person", 1),
        ("Donald Trump Organization", "organisation", 1),
    ]


def test_an_arabic_surname_without_its_article_joins_its_person():
    # "Abdel Fattah al-Burhan ... Burhan said", where NER types the surname an organisation
    found = cluster(
        [
            Mention(0, 22, "Abdel Fattah al-Burhan", "person", ("abdel", "fattah", "al-burhan")),
            Mention(40, 46, "Burhan", "organisation", ("burhan",)),
        ]
    )
    assert [(c.name, c.type, len(c.mentions)) for c in found] == [("Abdel Fattah al-Burhan", "person", 2)]


def test_a_family_name_written_first_typed_as_an_organisation_joins_its_person():
    # "Wang Lin ... Wang said": the family name opens the name; as a place, a first name is the place
    found = cluster(
        [
            Mention(0, 8, "Wang Lin", "person", ("wang", "lin")),
            Mention(30, 34, "Wang", "organisation", ("wang",)),
            Mention(50, 66, "Charlotte Davies", "person", ("charlotte", "davies")),
            Mention(80, 89, "Charlotte", "place", ("charlotte",)),
        ]
    )
    assert [(c.name, c.type, len(c.mentions)) for c in found] == [
        ("Wang Lin", "person", 2),
        ("Charlotte Davies", "person", 1),
        ("Charlotte", "place", 1),
    ]


def test_people_and_organisations_named_only_in_a_title_case_headline_are_dropped():
    headline = "Obama Judge Rules To Upend Texas Election"
    found = cluster(
        [
            Mention(0, 27, "Obama Judge Rules To Upend", "organisation", ("obama", "judge", "rules", "to", "upend")),
            Mention(28, 33, "Texas", "place", ("texas",)),
            Mention(60, 65, "Obama", "person", ("obama",)),
        ]
    )
    kept = [c.name for c in without_headline_names(found, headline)]
    assert kept == ["Texas", "Obama"]
    assert len(without_headline_names(found, None)) == 3


def test_only_a_title_in_title_case_or_capitals_that_opens_the_text_is_such_a_headline():
    body = "\n\nObama said so."
    assert title_case_headline(
        "Obama Judge Rules To Upend Texas Election" + body, "Obama Judge Rules To Upend Texas Election"
    )
    assert title_case_headline("SENATE PASSES THE BILL" + body, "SENATE PASSES THE BILL")
    # a headline in sentence case is read like any sentence
    assert (
        title_case_headline(
            "Obama judge rules to upend Texas election" + body, "Obama judge rules to upend Texas election"
        )
        is None
    )
    assert title_case_headline("Obama said so.", "Obama Judge Rules") is None
    assert title_case_headline("Obama said so.", None) is None


def test_a_title_case_headline_names_an_entity_only_with_the_words_its_body_uses():
    headline = "Stocks Slide as Fed Signals Higher Rates"
    fed = Mention(15, 33, "Fed Signals Higher", "organisation", ("fed", "signals", "higher"))
    found = cluster([fed, Mention(60, 63, "Fed", "organisation", ("fed",))])
    (kept,) = without_headline_names(found, headline)
    assert kept.name == "Fed"
    assert [(m.start, m.end, m.text) for m in kept.mentions] == [(15, 18, "Fed"), (60, 63, "Fed")]
    # a possessive is no part of the name; a leading title is
    wars = Mention(0, 22, "President Obama’s Wars", "person", name_words("President Obama’s Wars"))
    body = Mention(40, 45, "Obama", "person", ("obama",))
    (obama,) = without_headline_names(cluster([wars, body]), "President Obama’s Wars Again")
    assert (obama.mentions[0].end, obama.mentions[0].text) == (15, "President Obama")


def test_a_bare_surname_is_the_person_not_an_organisation_named_after_them():
    found = cluster(
        [
            Mention(0, 12, "Donald Trump", "person", ("donald", "trump")),
            Mention(30, 46, "Trump University", "organisation", ("trump", "university")),
            Mention(60, 65, "Trump", "organisation", ("trump",)),
            Mention(80, 85, "Trump", "person", ("trump",)),
        ]
    )
    assert [(c.name, len(c.mentions)) for c in found] == [("Donald Trump", 3), ("Trump University", 1)]


def test_a_body_named_after_an_organisation_is_another_one():
    found = cluster(
        [
            Mention(0, 18, "Amazon Labor Union", "organisation", ("amazon", "labor", "union")),
            Mention(30, 36, "Amazon", "organisation", ("amazon",)),
            Mention(50, 56, "Amazon", "organisation", ("amazon",)),
            Mention(70, 86, "Labour Party", "organisation", ("labour", "party")),
            Mention(90, 96, "Labour", "organisation", ("labour",)),
        ]
    )
    assert [(c.name, len(c.mentions)) for c in found] == [
        ("Amazon Labor Union", 1),
        ("Amazon", 2),
        ("Labour Party", 2),
    ]


def test_acronyms_join_their_organisation():
    found = cluster(
        [
            Mention(
                0, 31, "Federal Bureau of Investigation", "organisation", name_words("Federal Bureau of Investigation")
            ),
            Mention(40, 43, "FBI", "organisation", ("fbi",)),
        ]
    )
    assert len(found) == 1


def test_titles_and_the_article_do_not_split_entities():
    assert name_words("President Obama") == name_words("Obama") == ("obama",)
    assert name_words("the Pentagon's") == ("pentagon",)


def test_label_in_front_of_a_name_is_attached(nlp):
    found = entities(nlp, "Crooked Hillary Clinton lost the debate.", {"Crooked": "Name_Calling,Labeling"})
    (label,) = by_name(found, "Hillary Clinton").labels
    assert label.text == "Crooked" and label.technique == "Name_Calling,Labeling"


@pytest.mark.parametrize(
    ("text", "label", "group"),
    [
        ("Al-Nusra Front terrorists shelled the western districts of Aleppo.", "terrorists", "Al-Nusra Front"),
        ("Antifa thugs attacked the rally.", "thugs", "Antifa"),
    ],
)
def test_label_as_a_compound_head_is_attached_to_the_group(nlp, text, label, group):
    found = entities(nlp, text, {label: "Name_Calling,Labeling"})
    assert [attached.text for attached in by_name(found, group).labels] == [label]


def test_label_in_apposition_is_attached(nlp):
    found = entities(
        nlp, "Bashar al-Assad, a brutal dictator, spoke on Sunday.", {"a brutal dictator": "Loaded_Language"}
    )
    assert [e.name for e in found if e.labels] == ["Bashar al-Assad"]


def test_label_as_predicate_of_be_is_attached(nlp):
    found = entities(nlp, "Donald Trump is a liar.", {"a liar": "Name_Calling,Labeling"})
    assert [label.text for label in by_name(found, "Donald Trump").labels] == ["a liar"]


@pytest.mark.parametrize(
    ("text", "label", "name"),
    [
        (
            "Anton Brask, the foreign minister and a notorious liar, spoke on Wednesday.",
            "a notorious liar",
            "Anton Brask",
        ),
        ("Donald Trump is a liar and a crook.", "a crook", "Donald Trump"),
    ],
)
def test_a_label_listed_after_another_description_is_attached(nlp, text, label, name):
    found = entities(nlp, text, {label: "Name_Calling,Labeling"})
    assert [e.name for e in found if e.labels] == [name]


@pytest.mark.parametrize(
    ("text", "label", "name"),
    [
        ('General V.K. Singh described Pakistan as "a rogue state".', 'as "a rogue state"', "Pakistan"),
        ("Trump called Hillary Clinton a liar.", "a liar", "Hillary Clinton"),
        ("The senator branded Putin a war criminal.", "a war criminal", "Putin"),
        ("Pakistan was described as a rogue state.", "a rogue state", "Pakistan"),
        ("He referred to Biden as a puppet.", "a puppet", "Biden"),
        ("The minister dismissed Greta Thunberg as a spoilt child.", "a spoilt child", "Greta Thunberg"),
        ("Moscow sees NATO as an existential threat.", "an existential threat", "NATO"),
        # in a relative clause on the name
        ('Bolsonaro, whom critics call "the Trump of the Tropics," lost.', '"the Trump of the Tropics,"', "Bolsonaro"),
        (
            "George Soros, who was branded a globalist puppet master, denied it.",
            "a globalist puppet master",
            "George Soros",
        ),
    ],
)
def test_a_label_a_verb_of_naming_gives_a_name_is_attached(nlp, text, label, name):
    found = entities(nlp, text, {label: "Name_Calling,Labeling"})
    assert [(e.name, [attached.text for attached in e.labels]) for e in found if e.labels] == [(name, [label])]


def test_a_label_a_verb_of_naming_gives_ends_where_the_name_given_does(nlp):
    # the span runs on into the writer's remark; the label is what the verb calls the city
    text = 'Administration officials have described Portland as "war-ravaged," a claim local leaders ridicule.'
    found = entities(nlp, text, {'as "war-ravaged," a claim local leaders ridicule': "Loaded_Language"})
    assert [(e.name, [attached.text for attached in e.labels]) for e in found if e.labels] == [
        ("Portland", ['as "war-ravaged,"'])
    ]


def test_a_name_a_verb_of_naming_gives_something_else_is_no_label_on_its_owner(nlp):
    text = 'Stacey Abrams once called voter ID laws "Jim Crow 2.0." Georgia passed one anyway.'
    found = entities(nlp, text, {'"Jim Crow 2.0."': "Name_Calling,Labeling"})
    assert all(not e.labels for e in found)


def test_a_closing_quotation_mark_the_parser_splits_off_does_not_hide_the_label(nlp):
    # before a paragraph break the parser reads the mark after the stop as a sentence of its own: the root
    text = 'Greene called the Democrats "the party of pedophiles."\n\nThe rest followed.'
    found = entities(nlp, text, {'"the party of pedophiles."': "Name_Calling,Labeling"})
    assert [(e.name, [attached.text for attached in e.labels]) for e in found if e.labels] == [
        ("Democrats", ['"the party of pedophiles."'])
    ]


def test_what_a_verb_of_naming_calls_something_else_stays_unattached(nlp):
    found = entities(
        nlp, "Senator Blake dismissed the claims as misinformation.", {"misinformation": "Loaded_Language"}
    )
    assert all(not e.labels for e in found)


def test_what_a_relative_clause_calls_its_object_is_not_pinned_on_the_name_it_hangs_on(nlp):
    # the parser hangs "a numbskull" on Trump as an apposition
    text = 'The Fed resisted Donald Trump, who has called Chair Jerome Powell "a numbskull" and demanded cuts.'
    found = entities(nlp, text, {'"a numbskull"': "Name_Calling,Labeling"})
    assert [e.name for e in found if e.labels] == []


def test_a_label_far_down_a_misparsed_list_stays_unattached(nlp):
    # the parser makes "abuse" an apposition of "the Church", and each later item a conjunct of it
    text = (
        "To ignore this is to ignore the fact that the Church has never held ANY of it to be acceptable — "
        "neither the abuse of power, nor any use of force outside the law, nor the sin of greed, nor the "
        "silence of bishops."
    )
    found = entities(nlp, text, {"sin of greed": "Loaded_Language"})
    assert all(not e.labels for e in found)


@pytest.mark.parametrize(
    ("text", "span", "name", "label"),
    [
        (
            "The bumbling FBI has dismissed jihad as a motive.",
            "The bumbling FBI has dismissed jihad",
            "FBI",
            "The bumbling FBI",
        ),
        (
            "Critics like Derrick Watson, a treasonous judge, want power.",
            "Derrick Watson, a treasonous judge, want power",
            "Derrick Watson",
            "Derrick Watson, a treasonous judge",
        ),
        (
            "Meanwhile, Alejandro Mayorkas, the most incompetent secretary in history, insists the border is secure.",
            "the most incompetent secretary in history, insists the border is secure",
            "Alejandro Mayorkas",
            "the most incompetent secretary in history",
        ),
        # the tagger reads "radical" as an adjective here
        (
            "Manhattan District Attorney Alvin Bragg, a Soros-funded radical, has once again weaponized his office.",
            "a Soros-funded radical, has once again weaponized his office",
            "Alvin Bragg",
            "a Soros-funded radical",
        ),
        # a quotation mark the description opens closes with it
        (
            "Farrakhan told them that the “powerful Jews” were his enemies.",
            "the “powerful Jews” were his enemies",
            "Jews",
            "the “powerful Jews”",
        ),
    ],
)
def test_a_label_inside_a_longer_span_is_the_phrase_that_describes_a_name(nlp, text, span, name, label):
    # the span runs on past the description: only the description is pinned on the name
    found = entities(nlp, text, {span: "Name_Calling,Labeling"})
    assert [(e.name, [lab.text for lab in e.labels]) for e in found if e.labels] == [(name, [label])]


def test_a_word_that_places_or_dates_a_name_pins_nothing_on_it(nlp):
    text = "The former Senator John Blake's disastrous policy failed."
    found = entities(nlp, text, {"The former Senator John Blake's disastrous policy failed": "Loaded_Language"})
    assert all(not e.labels for e in found)


def test_label_on_something_else_stays_unattached(nlp):
    found = entities(nlp, "Obama's disastrous policy failed.", {"disastrous": "Loaded_Language"})
    assert all(not e.labels for e in found)


def test_unlinked_label_stays_unattached(nlp):
    text = "US-backed terrorists shelled the city while Vladimir Putin watched."
    found = entities(nlp, text, {"US-backed terrorists": "Name_Calling,Labeling"})
    assert all(not e.labels for e in found)


def test_a_span_that_is_only_the_name_pins_nothing_on_it(nlp):
    found = entities(nlp, "They blame the Tories for everything.", {"Tories": "Name_Calling,Labeling"})
    assert [e.name for e in found] == ["Tories"] and not found[0].labels
    found = entities(nlp, "The corrupt Deep State struck again.", {"corrupt Deep State": "Loaded_Language"})
    assert [label.text for e in found for label in e.labels] == ["corrupt Deep State"]


def test_a_headline_a_name_heads_pins_nothing_on_it_but_its_modifiers(nlp):
    # the parser makes "Starmer" the head of the verbless headline, with what befell him hung on it
    text = "Starmer under fire as Labour MPs revolt over welfare cuts\n\nKeir Starmer faced a rebellion."
    found = entities(nlp, text, {"Starmer under fire as Labour MPs revolt": "Loaded_Language"})
    assert all(not e.labels for e in found)
    found = entities(nlp, "Crooked Hillary Clinton lost.", {"Crooked Hillary Clinton": "Name_Calling,Labeling"})
    assert [label.text for e in found for label in e.labels] == ["Crooked Hillary Clinton"]


def test_what_a_name_is_urged_to_do_pins_nothing_on_it(nlp):
    # the parser hangs "to stop ..." on "urging", beside Britain
    text = 'The embassy issued a statement, urging Britain to "stop anti-China political manipulation."'
    found = entities(nlp, text, {'Britain to "stop anti-China political manipulation."': "Loaded_Language"})
    assert all(not e.labels for e in found)
    text = 'Its report described Hezbollah as "an armed-resistance movement".'
    found = entities(nlp, text, {'Hezbollah as "an armed-resistance movement"': "Name_Calling,Labeling"})
    assert [label.text for e in found for label in e.labels] == ['Hezbollah as "an armed-resistance movement"']


def test_other_techniques_are_not_labels(nlp):
    found = entities(nlp, "Crooked Hillary Clinton lost the debate.", {"Crooked": "Doubt"})
    assert all(not e.labels for e in found)


def test_a_peoples_adjective_typed_a_place_is_a_group(nlp):
    # the NER types "Ukrainian" a place here, "Russian" a group; "Vatican officials" would stay a place
    found = entities(nlp, "Russian war criminals shelled a hospital, Ukrainian officials said.")
    assert (by_name(found, "Ukrainian").type, by_name(found, "Russian").type) == ("group", "group")


def test_a_name_the_text_calls_a_town_or_a_region_is_a_place(nlp):
    # the small NER takes both villages for people, and the city and the county for organisations
    text = (
        "Fighter jets hit launch sites near the villages of Aita al-Shaab and Kfar Kila. Police in the city of "
        "Liverpool and in the county of Brevard were told."
    )
    found = entities(nlp, text)
    assert [by_name(found, name).type for name in ("Aita al-Shaab", "Kfar Kila", "Liverpool", "Brevard")] == [
        "place"
    ] * 4
    # but not a name the parser joins to one, nor what follows "the"
    found = entities(nlp, "If Rubio wins his home state of Florida and Gov. John Kasich wins Ohio, all is open.")
    assert by_name(found, "John Kasich").type == "person"


def test_a_persons_name_stops_before_a_number_and_holds_none(nlp):
    # a tally and a comment's time that NER runs into the name
    found = entities(nlp, "The current delegate count is Donald Trump 384, Sen. Ted Cruz 300, Sen. Marco Rubio 151.")
    assert [e.name for e in found] == ["Donald Trump", "Ted Cruz", "Marco Rubio"]
    assert [e.name for e in entities(nlp, "Chris Ferrara • 2 hours ago\nThe pope is wrong.")] == ["Chris Ferrara"]
    # a station or a site that NER takes for a person is an organisation; a verse stays as NER read it
    assert [(e.name, e.type) for e in entities(nlp, "He told KENS5 that the boy was hurt.")] == [
        ("KENS5", "organisation")
    ]
    text = "The Austrian Catholic website Kath.net reports that two priests agree."
    assert by_name(entities(nlp, text), "Kath.net").type == "organisation"
    assert [e.name for e in entities(nlp, "As John 4:6 says, Jesus was tired. John Hancock signed.")] == [
        "John 4:6",
        "Jesus",
        "John Hancock",
    ]


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        # NER types these a person or a place; the last word names a body
        (
            "The Wad al-Noura Resistance Committee said RSF fighters had opened fire.",
            "Wad al-Noura Resistance Committee",
            "organisation",
        ),
        (
            "The nonpartisan Brennan Center for Justice estimates that 21 million voting-age citizens lack ready "
            "access to documents proving citizenship.",
            "Brennan Center",
            "organisation",
        ),
        # or is the name's head before a preposition, where NER takes it for a person's name
        (
            "Dr. Paul Kim, a fellow of the Pontifical John Paul II Institute for Studies on Marriage, was also "
            "invited.",
            "John Paul II Institute for Studies on Marriage",
            "organisation",
        ),
        # but a union of states, and a center that is a venue, can be places
        ("The Soviet Union fell.", "Soviet Union", "place"),
        ("Rockefeller Center was lit.", "Rockefeller Center", "place"),
    ],
)
def test_a_name_ending_on_a_bodys_word_is_an_organisation(nlp, text, name, kind):
    assert (name, kind) in [(e.name, e.type) for e in entities(nlp, text)]


@pytest.mark.parametrize(
    "text",
    [
        "On March 3, she said on Twitter that the rally would go ahead.",
        # the tokenizer reads "X." as an initial; the platform's name leaves the full stop out
        "Donald Trump posted on X. He said the trial was a hoax.",
    ],
)
def test_a_platform_is_an_organisation(nlp, text):
    found = [(e.name, e.type) for e in entities(nlp, text)]
    assert ("Twitter", "organisation") in found or ("X", "organisation") in found, found


def test_a_storms_name_is_no_one(nlp):
    # NER takes "Melissa" for a woman, here and where the storm's name stands alone
    text = "Hurricane Melissa hit Jamaica. Melissa made landfall on Oct. 28. Maria Lopez lost her home."
    assert [(e.name, e.type) for e in entities(nlp, text)] == [("Jamaica", "place"), ("Maria Lopez", "person")]


def test_a_body_named_without_something_is_whole(nlp):
    # NER finds "Borders" alone, or a person "Without Borders"
    text = "Doctors Without Borders said its teams treated hundreds. Reporters Without Borders condemned it."
    assert [(e.name, e.type) for e in entities(nlp, text)] == [
        ("Doctors Without Borders", "organisation"),
        ("Reporters Without Borders", "organisation"),
    ]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Telling Jeb Bush to leave was a mistake.", "Jeb Bush"),
        (
            "Every dollar spent there degrades the army. Abandoning Kyiv now would be a betrayal of historic "
            "proportions.",
            "Kyiv",
        ),
    ],
)
def test_a_sentence_opening_on_an_ing_verb_is_no_part_of_the_name_after_it(nlp, text, name):
    assert [e.name for e in entities(nlp, text)] == [name]


def test_a_place_joined_by_hyphens_is_one_name(nlp):
    # NER finds "Mar" and types it a person
    assert [(e.name, e.type) for e in entities(nlp, "They raided Mar-a-Lago in August.")] == [("Mar-a-Lago", "place")]
    # not "to" between the hyphens: that joins two names
    assert [e.name for e in entities(nlp, "It was a Washington-to-English translation.")] == ["Washington"]


def test_a_title_case_headline_is_parsed_in_sentence_case_keeping_the_names_its_body_capitalises():
    title = "Ortiz Says ‘Toll Hike’ Will Hurt Small Firms In Harlow: Report"
    text = f"{title}\n\nMayor Lena Ortiz spoke in Harlow. She said small firms would pay. A report is due."

    def is_common(word: str) -> bool:
        return word.lower() in {"says", "hurt", "will", "in"}

    cased = sentence_cased(text, title, is_common)
    # the same length, so that every offset into the parse indexes the text
    assert len(cased) == len(text) and cased.lower() == text.lower()
    # a common word and a word the body writes in lower case lose their capitals; the first word, a
    # quote's, one after a colon, a name the body capitalises and a word it never uses ("Hike") keep theirs
    assert cased[: len(title)] == "Ortiz says ‘Toll Hike’ will hurt small firms in Harlow: Report"
    assert cased[len(title) :] == text[len(title) :]
    # a headline in sentence case, or none, is left as it is
    plain = "Ortiz says tolls will hurt\n\nShe spoke."
    assert sentence_cased(plain, "Ortiz says tolls will hurt", is_common) == plain
    assert sentence_cased("Ortiz Says Tolls\n\nShe spoke.", None, is_common).startswith("Ortiz Says")
