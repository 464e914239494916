"""Quotes: direct and reported speech, speakers and their entities, on hand-written sentences."""

from __future__ import annotations

import pytest

from conftest import SHARED_DATA
from spinlens.entities.component import find_entities
from spinlens.parsing import load_spacy, text_to_parse
from spinlens.quotes.component import find_quotes, link_entities
from spinlens.quotes.marks import direct_quotes
from spinlens.record import Analysis, Article


@pytest.fixture(scope="module")
def nlp():
    return load_spacy()  # the parse the pipeline runs


def analyse(nlp, text: str, title: str | None = None) -> Analysis:
    """The entities and quotes layers on one text, as the pipeline runs them (entities first)."""
    record = Analysis(article=Article(text=text, title=title))
    doc = nlp(text_to_parse(nlp, text, title))
    record.entities = find_entities(doc, record)
    record.quotes = find_quotes(doc, record)
    link_entities(record)
    # re-validating checks every span indexes the text
    return Analysis.model_validate(record.model_dump())


def only(record: Analysis):
    assert len(record.quotes) == 1, [q.content.text for q in record.quotes]
    return record.quotes[0]


def last_speaker(nlp, text: str) -> tuple[str, str | None]:
    """The last quote's speaker, and the name of the entity it resolves to."""
    record = analyse(nlp, text)
    quote = record.quotes[-1]
    entity = record.entities[quote.speaker_entity].name if quote.speaker_entity is not None else None
    return quote.speaker.text, entity


def test_direct_quote_with_cue_after_it(nlp):
    quote = only(analyse(nlp, '"We will not give up," Kerry told reporters on Tuesday.'))
    assert quote.direct
    assert quote.content.text == '"We will not give up,"'
    assert quote.speaker.text == "Kerry" and quote.cue.text == "told"
    # also where the parser gives the cue a subject among the quote's words
    text = "“Campaign is in panic mode. Full panic mode,” said Leslie Wimes, a Florida caucus president."
    quote = only(analyse(nlp, text))
    assert (quote.speaker.text, quote.cue.text) == ("Leslie Wimes, a Florida caucus president", "said")


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        # the parser reads the quote's first verb as punctuation and ties nothing to the cue
        (
            "Trump said, “When people come back from war and combat, and you can handle it. But a lot of people "
            "can’t handle it.”",
            "Trump",
            "said",
        ),
        ("The attacker ran into the market shouting “Allahu Akbar.”", "The attacker", "shouting"),
        ('The crowd chanted "Lock her up!"', "The crowd", "chanted"),
        # an outcry's quote, or one that ends on an exclamation, is what was said where the clause goes on
        ('Protesters chanted "Free Palestine" outside the embassy.', "Protesters", "chanted"),
        ('He replied "Never!" before hanging up.', "He", "replied"),
    ],
)
def test_a_cue_of_wording_right_before_a_quote_introduces_it(nlp, text, speaker, cue):
    quote = only(analyse(nlp, text))
    assert quote.direct and (quote.speaker.text, quote.cue.text) == (speaker, cue)


def test_a_quote_after_a_cue_that_goes_on_past_it_is_no_words_it_introduces(nlp):
    # without a comma or a colon the quote must close the clause; an imperative speaks to the reader
    text = 'Francis may come forward one day and declare "ex-cathedra" that the interpretation is wrong.'
    assert [q.content.text for q in analyse(nlp, text).quotes] == ["that the interpretation is wrong"]
    text = "Dear Illegal Alien ‘Caravan’: Say, ‘Hola’ To Trump’s RAZOR Wire\n\nRemember those."
    assert analyse(nlp, text).quotes == []


def test_typewriter_quotes_are_quotes(nlp):
    # the quotation marks of newspaper archives: two apostrophes, or two backticks to open
    text = "''It doesn't add up,'' Mr. Burman said. ''The real issue is governance.'' He called it ``a mess.''"
    quotes = analyse(nlp, text).quotes
    assert [(q.content.text, q.speaker.text) for q in quotes] == [
        ("''It doesn't add up,''", "Mr. Burman"),
        ("''The real issue is governance.''", "Mr. Burman"),
        ("it ``a mess.''", "He"),
    ]


def test_single_quotation_marks_quote_as_the_british_press_writes(nlp):
    text = (
        "Starmer was accused of 'betraying pensioners' last night. 'We have to take tough decisions now,' he "
        "told the BBC. ‘I won’t pretend otherwise.’"
    )
    quotes = analyse(nlp, text).quotes
    assert [(q.content.text, q.speaker and q.speaker.text) for q in quotes] == [
        ("'betraying pensioners'", None),
        ("'We have to take tough decisions now,'", "he"),
        ("‘I won’t pretend otherwise.’", "he"),
    ]


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        # an apostrophe closes nothing: in a word, an elision, or a plural's possessive before a later close
        ("'The workers' union will strike,' he said.", ["'The workers' union will strike,'"]),
        ("Rock 'n' roll in the '90s wasn't Starmer's thing, ‘bout time.", []),
        ("It called the plan 'cruel' and 'unfair'.", ["'cruel'", "'unfair'"]),
        # a single quote closes in its paragraph
        ("She said 'no more\nof this.", []),
    ],
)
def test_single_quotes_and_apostrophes(text, quoted):
    assert [text[s:e] for s, e in direct_quotes(text)] == quoted


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        # pasted copy mixes the curly and the straight styles: the other style closes a quote its own never does
        (
            '"Oz has a huge bully pulpit,” said David Gorski. “He can’t dispense with facts.”',
            ['"Oz has a huge bully pulpit,”', "“He can’t dispense with facts.”"],
        ),
        (
            '“Immunity deals should not be a requirement," Chaffetz said, adding they were handed out "like candy."',
            ['“Immunity deals should not be a requirement,"', '"like candy."'],
        ),
        # but a straight quote nests in a curly one its own mark closes, and opens after a space
        ('“He called it "a hoax" yesterday,” she said.', ['“He called it "a hoax" yesterday,”']),
        # nor does a quote its paragraph closes so go on into the next one
        ('“We will win," he said.\n“They will lose.”', ['“We will win,"', "“They will lose.”"]),
        # a curly closing mark opening a paragraph before a word opens the quote, as web copy mistypes it
        ("Getty.\n”Mr. Trump embodies racism.” ― Sonya Herridge", ["”Mr. Trump embodies racism.”"]),
        # and closes one elsewhere
        ("He said ”no” to that.", []),
    ],
)
def test_mixed_quote_marks(text, quoted):
    assert [text[s:e] for s, e in direct_quotes(text)] == quoted


def test_a_straight_mark_after_a_word_and_before_a_space_only_closes(nlp):
    # one sentence to a line, as some archives keep a text: the quote opened on the line before its tag ends
    # with that line, and its closing mark opens no quote at the tag
    text = (
        '"They were dragging their feet.\nThey were taking too long," said Tanya Badger, who told the police.\n'
        '"Even if they were building a case, a child\'s life is at stake."'
    )
    assert [text[s:e] for s, e in direct_quotes(text)] == [
        '"They were dragging their feet.',
        '"Even if they were building a case, a child\'s life is at stake."',
    ]
    # nor does an inch mark open one
    text = 'Trump is 6\'3" tall and, his doctor wrote, "in excellent health."'
    assert [text[s:e] for s, e in direct_quotes(text)] == ['"in excellent health."']


def test_reported_speech_with_that(nlp):
    quote = only(analyse(nlp, "The interior minister said that the border would stay closed until spring."))
    assert not quote.direct
    assert quote.speaker.text == "The interior minister" and quote.cue.text == "said"
    assert quote.content.text == "that the border would stay closed until spring"


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        # an analyst's judgement and a forecast report what their makers hold, as an estimate does
        (
            "The think tank assessed that Moscow was trying to exhaust Ukraine's air defences before winter.",
            "The think tank",
            "assessed",
        ),
        (
            "The Congressional Budget Office projected in a report released Wednesday that the deficit would "
            "reach $1.9 trillion.",
            "The Congressional Budget Office",
            "projected",
        ),
    ],
)
def test_a_judgement_or_a_forecast_reports_its_clause(nlp, text, speaker, cue):
    quote = only(analyse(nlp, text))
    assert (quote.speaker.text, quote.cue.text) == (speaker, cue)
    assert quote.content.text == text[text.index("that ") : -1]


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        # the parser hangs the clause on "the time" as a relative clause, as if it said which time
        ("Officials said at the time that the attack was carried out by militants.", "Officials", "said"),
        ("The ministry claimed at the time that the strike hit a weapons depot.", "The ministry", "claimed"),
        ("Biden told reporters at the time that he had not been briefed.", "Biden", "told"),
        ("Israel admitted for the first time that it had killed the aid workers.", "Israel", "admitted"),
        (
            "The Kremlin acknowledged for the first time that its troops had crossed the border.",
            "The Kremlin",
            "acknowledged",
        ),
    ],
)
def test_what_was_said_at_the_time_or_for_the_first_time_is_the_clause_after_it(nlp, text, speaker, cue):
    quote = only(analyse(nlp, text))
    assert (quote.speaker.text, quote.cue.text) == (speaker, cue)
    assert quote.content.text == text[text.index("that ") : -1]


def test_a_reported_clause_whose_verb_the_parser_took_for_a_participle(nlp):
    # the parser makes "agents" a second subject of "say" and "arrested" a clause on the agents
    text = (
        "Residents of Cicero, Illinois, say immigration agents arrested at least 23 people in a series of dawn "
        "raids last week, many of them with no criminal record."
    )
    quote = only(analyse(nlp, text))
    assert quote.speaker.text == "Residents of Cicero, Illinois"
    assert quote.content.text == text[text.index("immigration") : -1]


def test_according_to(nlp):
    quote = only(analyse(nlp, "According to the United Nations, 127 people were killed in the city this week."))
    assert quote.cue.text == "According to"
    assert quote.speaker.text == "the United Nations"
    assert quote.content.text.startswith("127 people were killed")
    # an aside set off by dashes after the source is the writer's
    text = (
        "According to the Bureau of Labor Statistics - hardly a right-wing outfit - food at home costs 23.6 percent "
        "more than it did four years ago."
    )
    assert only(analyse(nlp, text)).content.text == "food at home costs 23.6 percent more than it did four years ago"
    # a speaker opening what the source is cited for keeps their own cue
    text = (
        'The Maduro government denounced the award as "a shameful act of imperialist propaganda," according to a '
        "statement read on state television."
    )
    assert [(q.speaker.text, q.cue.text) for q in analyse(nlp, text).quotes] == [
        ("a statement", "according to"),
        ("The Maduro government", "denounced"),
    ]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The catch, according to Senate investigators, was that no bank would take the deal.",
            "The catch, according to Senate investigators, was that no bank would take the deal",
        ),
        # not a relative pronoun, which says nothing
        (
            "He met Prometheus, who, according to legend, nearly set the Earth on fire.",
            "nearly set the Earth on fire",
        ),
    ],
)
def test_according_to_between_a_subject_and_its_verb_takes_both(nlp, text, content):
    assert only(analyse(nlp, text)).content.text == content


def test_according_to_plan_cites_no_one(nlp):
    text = (
        "Kremlin spokesman Dmitry Peskov dismissed reports of a new mobilisation, adding that the special military "
        "operation was proceeding according to plan."
    )
    assert [(q.speaker.text, q.cue.text) for q in analyse(nlp, text).quotes] == [
        ("Kremlin spokesman Dmitry Peskov", "dismissed"),
        ("Kremlin spokesman Dmitry Peskov", "adding"),
    ]
    assert analyse(nlp, "Everything went according to schedule.").quotes == []
    # a plan with an article may be the document cited
    text = '"Any public discussion of these options should make a bright line distinction," according to the plan.'
    assert only(analyse(nlp, text)).speaker.text == "the plan"


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        (
            'Per Kremlin spokesman Dmitry Peskov, the move would be "a flagrant violation of international law."',
            "Kremlin spokesman Dmitry Peskov",
            'the move would be "a flagrant violation of international law."',
        ),
        (
            "Prices rose $5 per day, per a statement from the ministry.",
            "a statement from the ministry",
            "Prices rose $5 per day",
        ),
        # a person of a kind, named or not
        (
            "The European Commission, per a spokesperson, is ready to respond firmly.",
            "a spokesperson",
            "The European Commission, per a spokesperson, is ready to respond firmly",
        ),
    ],
)
def test_per_a_source_is_according_to_it(nlp, text, source, content):
    quote = only(analyse(nlp, text))
    assert (quote.speaker.text, quote.cue.text.lower(), quote.content.text) == (source, "per", content)


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        ('In the words of the prime minister, the deal is "dead."', "the prime minister", 'the deal is "dead."'),
        # the words after it, not the writer's frame before it; across it, where it parts a subject from its verb
        (
            "Mrs. Clinton was, in the words of a senior adviser, the torchbearer of his legacy.",
            "a senior adviser",
            "the torchbearer of his legacy",
        ),
        (
            "The plan, in the words of Defence Secretary John Healey, is a game-changer for the army.",
            "Defence Secretary John Healey",
            "The plan, in the words of Defence Secretary John Healey, is a game-changer for the army",
        ),
        # or a quote closing right before it
        (
            "But she doesn't like \u201csurprises,\u201d in the words of one top staffer, and bristled at criticism.",
            "one top staffer",
            "she doesn't like \u201csurprises,\u201d",
        ),
        ('The deal is "dead," in the words of one diplomat.', "one diplomat", 'The deal is "dead,"'),
    ],
)
def test_in_the_words_of_a_source_gives_them_the_words(nlp, text, source, content):
    quote = only(analyse(nlp, text))
    assert (quote.speaker.text, quote.cue.text.lower(), quote.content.text) == (source, "in the words of", content)
    # words that are someone's in no one's mouth
    assert analyse(nlp, "He found comfort in the words of his father's letters.").quotes == []


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        (
            "In a new Reuters poll released Monday, Smith led Jones by 8 points among likely voters.",
            "a new Reuters poll",
            "Smith led Jones by 8 points among likely voters",
        ),
        ("Smith stays well ahead of Jones in latest poll.", "latest poll", "Smith stays well ahead of Jones"),
        ("Smith continues to lead in the polls despite the scandal.", "the polls", "Smith continues to lead"),
        (
            "Jones is running fifth in the RealClearPolitics average of state polls.",
            "the RealClearPolitics average of state polls",
            "Jones is running fifth",
        ),
        # the clause it closes, not the one joined after it, nor the "But" or the semicolon's half before it
        (
            "Smith has slipped in several recent polls and is now tied with Jones.",
            "several recent polls",
            "Smith has slipped",
        ),
        (
            "But he fell to 10 percent in the latest CNN poll released Wednesday, a collapse driven by blunders.",
            "the latest CNN poll",
            "he fell to 10 percent",
        ),
        (
            "Unfortunately for Smith, that one was huge; Jones rocketed in the polls soon after.",
            "the polls",
            "Jones rocketed in the polls soon after",
        ),
    ],
)
def test_in_a_poll_cites_the_poll_as_according_to_does(nlp, text, source, content):
    quote = only(analyse(nlp, text))
    assert (quote.speaker.text, quote.cue.text.lower(), quote.content.text) == (source, "in", content)


def test_what_a_poll_phrase_closes_runs_on_to_the_end_of_its_clause(nlp):
    text = "Smith leads Jones in national polls by a three-percentage-point margin, 45.4 percent to 42 percent."
    quote = only(analyse(nlp, text))
    assert quote.content.text == "Smith leads Jones in national polls by a three-percentage-point margin"


def test_a_poll_within_what_according_to_cites_leaves_it_whole(nlp):
    text = (
        "Smith has bounced back in the polls and is now leading Jones by an even greater margin, according to "
        "a new nationwide poll."
    )
    quotes = {q.cue.text: (q.speaker.text, q.content.text) for q in analyse(nlp, text).quotes}
    assert quotes == {
        "in": ("the polls", "Smith has bounced back"),
        "according to": (
            "a new nationwide poll",
            "Smith has bounced back in the polls and is now leading Jones by an even greater margin",
        ),
    }


@pytest.mark.parametrize(
    "text",
    [
        "Three women believed to be the children's mothers were also arrested.",
        "A gunman thought to be in his twenties opened fire on Tuesday.",
        "The minister, said to be furious, was not available for comment.",
    ],
)
def test_a_participle_saying_what_is_said_of_a_noun_quotes_no_one(nlp, text):
    assert analyse(nlp, text).quotes == []


def test_a_participle_within_a_report_leaves_the_report_alone(nlp):
    quote = only(analyse(nlp, "Police said the man, believed to be the shooter, was arrested."))
    assert (quote.speaker.text, quote.content.text) == ("Police", "the man, believed to be the shooter, was arrested")
    # (a subject's claim with a clause joined after it claims)
    quote = only(analyse(nlp, "He claimed to be a doctor, and was arrested."))
    assert (quote.speaker.text, quote.content.text) == ("He", "to be a doctor")


@pytest.mark.parametrize(
    "text",
    [
        "Everything Trump says is a lie unless proven otherwise.",
        "Nothing the government says can be trusted.",
        "Something the senator said last week was revealing.",
    ],
)
def test_the_writers_verdict_on_all_someone_says_quotes_no_one(nlp, text):
    assert analyse(nlp, text).quotes == []


def test_a_pronoun_for_all_someone_says_may_still_be_what_is_said(nlp):
    quote = only(analyse(nlp, "The mayor said everything is fine."))
    assert (quote.speaker.text, quote.content.text) == ("The mayor", "everything is fine")


def test_the_writers_clause_after_a_reported_quote_is_not_the_speakers(nlp):
    text = 'The senator said: "I voted against the war from the start," but in fact the senator voted for it twice.'
    quote = only(analyse(nlp, text))
    assert quote.direct and quote.content.text == '"I voted against the war from the start,"'


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # a second report after the conjunction
        (
            'She said "the economy is strong" and that unemployment is falling.',
            '"the economy is strong" and that unemployment is falling',
        ),
        # a tag after the words reports all of them
        (
            '"We are ready for anything," and the storm hit the coast two hours later, the mayor said.',
            '"We are ready for anything," and the storm hit the coast two hours later',
        ),
    ],
)
def test_what_follows_a_reported_quote_may_be_said_too(nlp, text, content):
    assert only(analyse(nlp, text)).content.text == content


def test_a_cue_before_a_poll_reports_its_finding_as_its_subject_s_words(nlp):
    quote = only(analyse(nlp, "Voters said in a new poll that they fear a recession."))
    assert (quote.speaker.text, quote.cue.text, quote.content.text) == ("Voters", "said", "that they fear a recession")


@pytest.mark.parametrize(
    "text",
    [
        "Thousands took part in the survey.",
        "The questions in the survey were biased.",
        "Do well enough in the polls to qualify for the debates.",
        "He lives in Iowa.",
    ],
)
def test_taking_part_in_a_poll_or_a_poll_s_details_cite_no_one(nlp, text):
    assert analyse(nlp, text).quotes == []


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        # the parse hangs "according to" on the clause it qualifies
        (
            "Troops retook two villages on Sunday, the army said, as the assault cost the invaders "
            "more than 150,000 soldiers, according to Western estimates.",
            "Western estimates",
            "as the assault cost the invaders more than 150,000 soldiers",
        ),
        # the parse hangs it on "said": the other attribution is cut out
        (
            "Rebels shelled the port on Friday, officials said, as the siege entered its third month, "
            "according to the United Nations.",
            "the United Nations",
            "as the siege entered its third month",
        ),
        # opening the sentence, the phrase ends at its comma though the parser joins the subject to its object
        (
            "According to a statement from the Kremlin, Putin and Xi discussed the crisis.",
            "a statement from the Kremlin",
            "Putin and Xi discussed the crisis",
        ),
        # but an apposition after the comma is still the source's
        (
            "According to John Smith, a professor at Yale, the plan will fail.",
            "John Smith, a professor at Yale",
            "the plan will fail",
        ),
        # or an apposition where a quote mark before the verb leaves it no subject
        (
            'According to spokesperson Mao Ning, the United States "has no moral standing" to comment.',
            "spokesperson Mao Ning",
            'the United States "has no moral standing" to comment',
        ),
        # a clause joined after the phrase is the writer's, not the source's
        (
            "Homicides in the city fell 13% in 2023, to 617, according to the Chicago Police Department, but that "
            "is still more than New York and Los Angeles combined.",
            "the Chicago Police Department",
            "Homicides in the city fell 13% in 2023, to 617",
        ),
        # opening the sentence, the phrase covers every clause of it
        (
            "According to police, officers saw Scott get out of a car with a handgun, and they ordered him to drop it.",
            "police",
            "officers saw Scott get out of a car with a handgun, and they ordered him to drop it",
        ),
        # nor a circumstance after it
        (
            "The agency has cut more than 20,000 federal jobs since January, according to a Reuters tally, as "
            "Elon Musk's team pushes to shrink what he calls a bloated bureaucracy.",
            "a Reuters tally",
            "The agency has cut more than 20,000 federal jobs since January",
        ),
        # nor the writer's participle; and a "%" is part of what was counted
        (
            "Prices rose 4%, according to the bureau, marking the fastest pace in years.",
            "the bureau",
            "Prices rose 4%",
        ),
        # set off by commas, the phrase qualifies the clause before it, where the parser hangs it on the
        # circumstance after it
        (
            "About 26,000 people have fled the city since the weekend, according to the International "
            "Organization for Migration, many of them walking roughly 70 km to the town of Tawila.",
            "the International Organization for Migration",
            "About 26,000 people have fled the city since the weekend",
        ),
        # closing the sentence, the phrase qualifies all of it, where the parser hangs it on the circumstance
        # before it
        (
            "Six airlines have suspended flights to Caracas since the U.S. Federal Aviation Administration warned "
            'of a "potentially hazardous situation" in the region, according to Venezuela\'s civil aviation '
            "authority.",
            "Venezuela's civil aviation authority",
            "Six airlines have suspended flights to Caracas since the U.S. Federal Aviation Administration warned "
            'of a "potentially hazardous situation" in the region',
        ),
        # the writer's lead-in before a colon is not the source's
        (
            "But ask the Venezuelans who fled: nearly 8 million of them since 2014, according to the U.N. "
            "refugee agency.",
            "the U.N. refugee agency",
            "nearly 8 million of them since 2014",
        ),
    ],
)
def test_according_to_leaves_out_an_attribution_that_closes_before_it(nlp, text, source, content):
    estimates = next(q for q in analyse(nlp, text).quotes if q.cue.text.lower() == "according to")
    assert (estimates.speaker.text, estimates.content.text) == (source, content)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # after the tag and a comma, more words that are not what was said
        (
            "Ukrainian investigators have exhumed 440 bodies from a mass burial site in a forest near Izium, the "
            "regional governor said Friday, many of them showing signs of torture.",
            "Ukrainian investigators have exhumed 440 bodies from a mass burial site in a forest near Izium",
        ),
        # before the cue, the writer's words the parser takes for a first clause of it
        (
            "A few health experts have warned that there is no threat to the UK, however, some have warned the "
            "plague outbreak will certainly spread to the region.",
            "the plague outbreak will certainly spread to the region",
        ),
    ],
)
def test_what_was_said_never_runs_over_its_own_tag(nlp, text, content):
    said = analyse(nlp, text).quotes[-1]
    assert said.content.text == content
    assert not said.content.start <= said.cue.start < said.content.end


def test_a_circumstance_after_a_closing_tag_is_the_writers(nlp):
    # the parser makes "days after ..." the clause the tag reports
    text = (
        "Paramilitary fighters killed at least 460 people at a maternity hospital in the Sudanese city of El "
        "Fasher, the World Health Organization said, days after the Rapid Support Forces seized the city from "
        "the army."
    )
    quote = only(analyse(nlp, text))
    assert quote.content.text == text[: text.index(", the World")]


def test_according_to_after_a_quote_and_its_tag_reports_no_more(nlp):
    # the quote is Ushakov's; "reporters" was left as the agency's words
    text = '"The plan is unconstructive," Kremlin aide Yuri Ushakov told reporters, according to the Interfax agency.'
    assert [(q.speaker.text, q.cue.text) for q in analyse(nlp, text).quotes] == [("Kremlin aide Yuri Ushakov", "told")]


def test_where_the_writer_had_a_report_from_is_no_part_of_it(nlp):
    text = "Yuri Ushakov told reporters the plan was unconstructive, according to the Interfax news agency."
    told = next(q for q in analyse(nlp, text).quotes if q.cue.text == "told")
    assert told.content.text == "the plan was unconstructive"
    # also before another phrase that is no part of it
    text = (
        'Trump has told allies that he is "not worried" about the midterms, according to three people familiar '
        "with the conversations, even as Republican strategists privately warn of heavy losses."
    )
    told = next(q for q in analyse(nlp, text).quotes if q.cue.text == "has told")
    assert told.content.text == 'that he is "not worried" about the midterms'


def test_a_dateline_is_nobodys_words(nlp):
    for dateline in ("KYIV, 3 March 2025 — ", "WASHINGTON (Reuters) - ", "NEW YORK — "):
        record = analyse(nlp, f"{dateline}Troops retook two villages near the city, the general staff said.")
        assert only(record).content.text == "Troops retook two villages near the city", dateline


def test_who_is_quoted_as_saying_is_the_speaker(nlp):
    quote = only(analyse(nlp, "Hamas official Basem Naim was quoted by Reuters as saying the group would not disarm."))
    assert (quote.speaker.text, quote.content.text) == ("Hamas official Basem Naim", "the group would not disarm")
    # also in a tag after the quote
    quote = only(analyse(nlp, '"The Americans must first compensate for the damage," Araghchi was quoted as saying.'))
    assert (quote.speaker.text, quote.cue.text) == ("Araghchi", "quoted as saying")


@pytest.mark.parametrize(
    ("text", "speaker", "said"),
    [
        ("Trump was heard saying that the election was rigged.", "Trump", "that the election was rigged"),
        (
            "The minister was caught on camera saying that the war would last years.",
            "The minister",
            "that the war would last years",
        ),
        (
            "Mother Jones has obtained a recording in which the executive can be heard boasting that the company "
            '"owns" several state legislators.',
            "the executive",
            'that the company "owns" several state legislators',
        ),
        # also in a tag after the quote, where and when it was heard no part of what was said
        (
            "\u201cYou ain\u2019t supporting that man!\u201d the man is heard saying on camera after tossing a drink.",
            "the man",
            "\u201cYou ain\u2019t supporting that man!\u201d",
        ),
    ],
)
def test_who_is_heard_or_filmed_saying_it_is_the_speaker(nlp, text, speaker, said):
    quote = only(analyse(nlp, text))
    assert (quote.speaker.text, quote.content.text) == (speaker, said)


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        # the parser hangs "by" on what was said, not on the passive cue
        (
            'Parents were branded "domestic terrorists" by the Justice Department.',
            "the Justice Department",
            '"domestic terrorists"',
        ),
        ("The plan was described as reckless by the opposition leader.", "the opposition leader", "as reckless"),
        ("She was accused of lying by the prosecutors.", "the prosecutors", "of lying"),
        # or hangs what they charge on the agent, with an act, a plural or a word for a wrong ...
        (
            "Modi's government has been accused by rights groups of stifling dissent.",
            "rights groups",
            "of stifling dissent",
        ),
        ("The regime was accused by the UN of genocide.", "the UN", "of genocide"),
        ("The minister was accused by the head of the agency of lying.", "the head of the agency", "of lying"),
        ("The president was blamed by critics for the shutdown.", "critics", "for the shutdown"),
        # what follows the agent after an object before it is no part of what was said
        (
            "Dr. Lee has been called a charlatan by fellow physicians for promoting “quack” medical cures.",
            "fellow physicians",
            "a charlatan",
        ),
        # nor is the agent the parser hangs on the infinitive asked for
        (
            "He had been asked to preserve the files by the House Select Committee on Energy.",
            "the House Select Committee on Energy",
            "to preserve the files",
        ),
        # also where it takes the cue for a relative clause on the noun before
        (
            "The request stems from an incident in which a clerk for Delta Data Services - the firm that once ran "
            "the mayor's email server - deleted an archive of council emails, even though he had been asked to "
            "preserve them by the House Select Committee on Energy.",
            "the House Select Committee on Energy",
            "to preserve them",
        ),
        # ... but not a name's own word
        (
            "The plan was criticised by the Center for American Progress for its cost.",
            "the Center for American Progress",
            "for its cost",
        ),
        # with no object of its own, what the cue was done to is its subject
        ("The attack was condemned by the European Union.", "the European Union", "The attack"),
        # less an aside on it set off by commas
        (
            "The claims, first reported by The Telegraph, have been denied by Downing Street.",
            "Downing Street",
            "The claims",
        ),
    ],
)
def test_the_agent_of_a_passive_cue_speaks_wherever_the_parser_hangs_it(nlp, text, speaker, content):
    quote = only(analyse(nlp, text))
    assert (quote.speaker.text, quote.content.text) == (speaker, content)


def test_what_someone_is_known_as_is_no_report(nlp):
    text = "Grandpa Joe, as he is affectionately known by his grandchildren, described a day at home as perfect."
    assert [q.cue.text for q in analyse(nlp, text).quotes if "known" in q.cue.text] == []


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "The registration issue was first reported by The Washington Post.",
            "The Washington Post",
            "The registration issue",
        ),
        ("Three deaths were reported by local officials on Monday.", "local officials", "Three deaths"),
        # a clause of its own is what was reported
        ("It was reported by the BBC that the talks had failed.", "the BBC", "that the talks had failed"),
    ],
)
def test_what_was_reported_by_someone_is_the_passives_subject(nlp, text, speaker, content):
    quote = only(analyse(nlp, text))
    assert (quote.speaker.text, quote.content.text) == (speaker, content)


def test_a_relative_pronoun_reported_by_someone_says_nothing_of_what(nlp):
    assert analyse(nlp, "Ash wrote in the email, which was first reported by The Associated Press.").quotes == []


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "In January, Gov. Earl Ray Tomblin of West Virginia lauded Mr. Clarke in his state-of-the-state address "
            'for helping develop "new and innovative ideas."',
            "Gov. Earl Ray Tomblin of West Virginia",
            'Mr. Clarke in his state-of-the-state address for helping develop "new and innovative ideas."',
        ),
        ("On financial reform, she commended him for the Dodd-Frank bill.", "she", "him for the Dodd-Frank bill"),
        (
            "The minister was commended by the union for her handling of the strike.",
            "the union",
            "for her handling of the strike",
        ),
    ],
)
def test_lauding_or_commending_someone_is_saying_so(nlp, text, speaker, content):
    quote = only(analyse(nlp, text))
    assert (quote.speaker.text, quote.content.text) == (speaker, content)


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        (
            "Sanders is touting his recent wins in caucuses and primaries.",
            "Sanders",
            "is touting",
            "his recent wins in caucuses and primaries",
        ),
        (
            "Critics portrayed the bill as a giveaway to the rich.",
            "Critics",
            "portrayed",
            "the bill as a giveaway to the rich",
        ),
        # and as a closing participle, the outer speaker's next act
        (
            "The minister said the economy was recovering, touting a fall in inflation.",
            "The minister",
            "touting",
            "a fall in inflation",
        ),
    ],
)
def test_touting_or_portraying_something_is_saying_so(nlp, text, speaker, cue, content):
    quote = next(q for q in analyse(nlp, text).quotes if q.cue.text == cue)
    assert (quote.speaker.text, quote.content.text) == (speaker, content)


def test_what_someone_mentions_is_what_they_spoke_of(nlp):
    quote = only(analyse(nlp, "During the debate, Trump mentioned his personal connections to the faith."))
    assert (quote.speaker.text, quote.content.text) == ("Trump", "his personal connections to the faith")
    # but "not to mention" is the writer's "and also"
    assert analyse(nlp, "The company sold its data, not to mention the privacy of its users.").quotes == []


def test_what_the_agent_is_part_of_is_no_charge(nlp):
    quote = only(analyse(nlp, "The minister was accused by members of parliament."))
    assert (quote.speaker.text, quote.content.text) == ("members of parliament", "The minister")


def test_who_lets_someone_be_spoken_of_does_not_speak(nlp):
    text = "Björn Höcke, whom a court has allowed to be called a fascist, won the vote."
    quote = only(analyse(nlp, text))
    assert (quote.speaker, quote.cue.text, quote.content.text) == (None, "to be called", "a fascist")


def test_a_by_phrase_naming_no_one_stays_in_what_was_said(nlp):
    quote = only(analyse(nlp, "He was accused of winning by fraud."))
    assert (quote.speaker, quote.content.text) == (None, "of winning by fraud")


def test_when_it_was_said_is_no_part_of_the_speaker(nlp):
    text = '"This is a dark day for democracy," said Nancy Pelosi, the former House speaker, on Tuesday.'
    assert only(analyse(nlp, text)).speaker.text == "Nancy Pelosi, the former House speaker"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"The alarmists won\'t tell you," wrote one commentator on X.', "one commentator"),
        ('"We will not back down," said a spokesman at a news conference in Kyiv.', "a spokesman"),
        # before the cue the medium says who they are
        ("A commentator on X wrote that the melt is slowing.", "A commentator on X"),
        # unless commas set it off
        ("The chief executive, in a memo to staff seen by Reuters, said the cuts were painful.", "The chief executive"),
    ],
)
def test_where_it_was_said_after_the_cue_or_set_off_is_no_part_of_the_speaker(nlp, text, speaker):
    assert only(analyse(nlp, text)).speaker.text == speaker


def test_who_is_asked_is_not_who_asks(nlp):
    quotes = analyse(nlp, 'Asked whether he would resign, the minister replied: "Absolutely not."').quotes
    asked = [q for q in quotes if q.cue.text == "Asked"]
    assert [(q.content.text, q.speaker) for q in asked] == [("whether he would resign", None)]
    assert [q.speaker.text for q in quotes if q.cue.text == "replied"] == ["the minister"]
    # also where the tagger takes the participle for a past tense
    text = (
        "Asked whether Health Secretary Wes Streeting was plotting against him, Starmer replied that he had "
        '"full confidence" in his cabinet.'
    )
    assert [q.speaker for q in analyse(nlp, text).quotes if q.cue.text == "Asked"] == [None]
    text = "When asked whether that would be important for voters to know, Smith said it was not for them to know."
    assert [q.speaker for q in analyse(nlp, text).quotes if q.cue.text == "asked"] == [None]
    # nor is the subject of a passive joined to another verb, whether its own or shared
    assert only(analyse(nlp, "Smith arrived late and was asked whether he would resign.")).speaker is None
    text = (
        "Amber Guyger took an innocent person's life, and because people are so blinded by the badge, she is being "
        "described as the victim."
    )
    assert only(analyse(nlp, text)).speaker is None


def test_an_answer_beside_a_quote_is_speech_and_questions_answered_are_not_what_was_said(nlp):
    quote = only(analyse(nlp, '"It\'s Jeff Feltman," Ms. Abedin answered.'))
    assert quote.direct and (quote.speaker.text, quote.cue.text) == ("Ms. Abedin", "answered")
    quote = only(analyse(nlp, 'She answered: "We will never give up."'))
    assert quote.direct and (quote.speaker.text, quote.cue.text) == ("She", "answered")
    assert analyse(nlp, "Kavanaugh answered almost 1,300 written questions.").quotes == []
    assert analyse(nlp, "The video does not answer whether Scott had a gun.").quotes == []


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        # the that-clause is the claim's, not what was asked
        (
            "Asked about Israel's claim that Hamas used the hospital as a command center, he said he never saw a "
            "fighter inside.",
            None,
            "Asked about",
            "Israel's claim that Hamas used the hospital as a command center",
        ),
        ("Reporters asked him about the tariffs.", "Reporters", "asked him about", "the tariffs"),
    ],
)
def test_what_a_question_was_about_is_what_was_asked(nlp, text, speaker, cue, content):
    quote = next(q for q in analyse(nlp, text).quotes if q.cue.text.startswith(("Asked", "asked")))
    assert (quote.speaker.text if quote.speaker else None, quote.cue.text, quote.content.text) == (
        speaker,
        cue,
        content,
    )


@pytest.mark.parametrize(
    ("text", "cited", "reported"),
    [
        # the parser hangs the that-clause on "citing"
        (
            "The Times reported, citing two officials, that the plan had been shelved.",
            "two officials",
            "that the plan had been shelved",
        ),
        # or "citing" on the that-clause
        ("Reuters reported, citing sources, that the deal was close.", "sources", "that the deal was close"),
        # also after when it was reported
        (
            "The New York Times reported Thursday, citing two U.S. officials, that the administration was weighing "
            "strikes inside Venezuela.",
            "two U.S. officials",
            "that the administration was weighing strikes inside Venezuela",
        ),
    ],
)
def test_a_citation_between_the_cue_and_what_it_reports_is_a_quote_of_its_own(nlp, text, cited, reported):
    quotes = {q.cue.text: (q.speaker.text, q.content.text) for q in analyse(nlp, text).quotes}
    speaker = text.split(" reported")[0]
    assert quotes == {"citing": (speaker, cited), "reported": (speaker, reported)}


@pytest.mark.parametrize(
    "programme",
    [
        'told NBC\'s "Meet the Press"',
        'said on CBS\'s "Face the Nation"',
        'told NBC\'s "Meet the Press" on Sunday',
    ],
)
def test_the_programme_something_was_said_on_is_not_what_was_said(nlp, programme):
    # the parser reads the title's verb as a clause of the cue's, with the that-clause on it
    text = f"Vance {programme} that the administration would not back down."
    assert only(analyse(nlp, text)).content.text == "that the administration would not back down"


def test_a_quoted_word_before_that_stays_in_what_was_said(nlp):
    text = 'She said the "plan" was that we would all leave.'
    assert only(analyse(nlp, text)).content.text == 'the "plan" was that we would all leave'


def test_what_is_reported_after_a_quoting_between_is_the_reports(nlp):
    # "quote" is no cue ("He quoted Lincoln"), but it parts the report from its clause as "citing" does
    text = "The Times of India reported, quoting police sources, that the accused had confessed to the crime."
    assert [(q.speaker.text, q.cue.text, q.content.text) for q in analyse(nlp, text).quotes] == [
        ("The Times of India", "reported", "that the accused had confessed to the crime")
    ]


@pytest.mark.parametrize(
    "remark",
    [
        "a charge Israel rejects",  # the parser hangs it on the clause as a circumstance
        "a claim Hamas rejects",  # ... as a second clause of the cue's
        "a charge Moscow rejects",  # ... as a second verb of the clause
    ],
)
def test_a_writers_remark_whose_verb_is_read_as_a_plural_is_not_part_of_what_was_reported(nlp, remark):
    text = f"Critics say the blockade amounts to collective punishment, {remark}."
    assert [(q.speaker.text, q.content.text) for q in analyse(nlp, text).quotes] == [
        ("Critics", "the blockade amounts to collective punishment")
    ]


def test_what_a_remark_is_rejected_as_is_not_what_was_rejected(nlp):
    text = "The army said the RSF had killed 300 civilians, a claim the group rejected as lies."
    assert [(q.speaker.text, q.cue.text, q.content.text) for q in analyse(nlp, text).quotes] == [
        ("The army", "said", "the RSF had killed 300 civilians"),
        ("the group", "rejected", "a claim"),
    ]


def test_a_writers_remark_read_as_one_long_name_is_not_part_of_what_was_reported(nlp):
    # "a charge" is a compound of "Israel", itself one of "rejects", read as a plural noun
    text = (
        "Palestinian President Mahmoud Abbas told the UN General Assembly via video link that Israel was committing "
        '"genocide" in Gaza, a charge Israel rejects.'
    )
    assert [(q.speaker.text, q.content.text) for q in analyse(nlp, text).quotes] == [
        ("Palestinian President Mahmoud Abbas", 'that Israel was committing "genocide" in Gaza')
    ]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # a noun of any kind, which a verb of judging words false makes the writer's remark
        (
            "Robert F. Kennedy Jr. has long claimed that vaccines cause autism, a link that scientists have "
            "repeatedly debunked.",
            "that vaccines cause autism",
        ),
        ("Kennedy claimed vaccines cause autism, a link that has been debunked.", "vaccines cause autism"),
        # a noun for words judged false, whatever its clause
        ("He said the vaccine alters DNA, a myth that has been widely debunked.", "the vaccine alters DNA"),
        ("Putin claims NATO provoked the war, a narrative that Western officials dispute.", "NATO provoked the war"),
    ],
)
def test_a_writers_verdict_on_what_was_reported_is_not_the_speakers(nlp, text, said):
    quote = analyse(nlp, text).quotes[0]
    assert quote.content.text == said


def test_what_a_relative_clause_of_judging_is_on_is_no_remark_unless_set_off_as_one(nlp):
    # the parser hangs "denied" on the senator; what the judge denied is the claim, not him
    text = (
        "The transcript also cited another anonymous claim of sexual misconduct involving Kavanaugh, dating back "
        "to 1985 and sent to the office of Sen. Sheldon Whitehouse (D-R.I.), which the judge also flatly denied "
        "to investigators."
    )
    assert all(q.content.text != "Sen. Sheldon Whitehouse (D-R.I.)" for q in analyse(nlp, text).quotes)


def test_a_writers_remark_after_what_was_reported_is_not_part_of_it(nlp):
    quotes = analyse(nlp, "The IDF said 300 rockets had been fired from Lebanon, a claim Hezbollah denied.").quotes
    # the remark reports a denial of its own: of the claim
    assert [(q.speaker.text, q.content.text) for q in quotes] == [
        ("The IDF", "300 rockets had been fired from Lebanon"),
        ("Hezbollah", "a claim"),
    ]
    # what the remark's speaker said of it, where that is a clause of its own
    text = (
        "Environmental groups blamed illegal logging for worsening the disaster, a charge the forestry ministry "
        "said it would investigate."
    )
    assert [(q.speaker.text, q.content.text) for q in analyse(nlp, text).quotes] == [
        ("Environmental groups", "illegal logging for worsening the disaster"),
        ("the forestry ministry", "it would investigate"),
    ]
    # also where the tagger reads the remark as a verb, the clause on it as what it reports
    text = (
        'A U.N. special rapporteur said on Monday there were "reasonable grounds" to believe Israel had committed '
        'genocide in Gaza, a finding Israel\'s mission to the U.N. rejected as "an obscene inversion of reality."'
    )
    assert [(q.speaker.text, q.cue.text) for q in analyse(nlp, text).quotes] == [
        ("A U.N. special rapporteur", "said"),
        ("Israel's mission to the U.N.", "rejected"),
    ]
    assert analyse(nlp, text).quotes[0].content.text.endswith("genocide in Gaza")
    # the parser may make the remark the cue's object, what was reported the clause before it
    text = "Human rights groups have accused Israel of collective punishment, a charge Israeli officials deny."
    assert [(q.speaker.text, q.cue.text, q.content.text) for q in analyse(nlp, text).quotes] == [
        ("Human rights groups", "have accused", "Israel of collective punishment"),
        ("Israeli officials", "deny", "a charge"),
    ]
    # or an object of the cue before it
    text = "The company has been accused of union busting, an allegation it denies."
    assert [(q.cue.text, q.content.text) for q in analyse(nlp, text).quotes] == [
        ("has been accused", "of union busting"),
        ("denies", "an allegation"),
    ]
    # or the clause the outer cue reports, what was reported a clause of it; or a second object of what was
    # reported
    for text in (
        "The Israeli military says Hamas systematically uses hospitals for military purposes, a charge the group "
        "denies.",
        "The Israeli military says Hamas uses hospitals, a charge Hamas denies.",
    ):
        said = text[text.index("Hamas") : text.index(", a charge")]
        assert [(q.cue.text, q.content.text) for q in analyse(nlp, text).quotes] == [
            ("says", said),
            ("denies", "a charge"),
        ]
    # also where the tagger reads a plural remark as a verb, which the parser joins to what was said or makes a
    # second clause of the cue
    text = (
        'In an interview with Fox News, Vice President JD Vance argued that Europe was "committing civilisational '
        'suicide" by failing to control its borders, remarks that drew sharp rebukes from German officials.'
    )
    assert analyse(nlp, text).quotes[0].content.text.endswith("by failing to control its borders")
    text = "He said prices would fall, remarks which angered unions."
    assert [(q.cue.text, q.content.text) for q in analyse(nlp, text).quotes] == [("said", "prices would fall")]
    # or one the parser gives what its speakers did as what it reports, after what an object cue takes
    text = (
        "The Sudanese Armed Forces accused the Rapid Support Forces of killing more than 1,500 civilians in El "
        'Fasher, allegations the paramilitary group rejected as "lies and fabrications."'
    )
    quotes = analyse(nlp, text).quotes
    assert quotes[0].content.text == "the Rapid Support Forces of killing more than 1,500 civilians in El Fasher"
    assert quotes[1].speaker.text == "the paramilitary group"
    # or a singular one read as a verb, with a relative clause of its own, which the parser hangs on what was said
    text = (
        "The Migration Policy Institute estimated that encounters fell by half in 2024, a finding Ingraham did "
        "not address."
    )
    assert analyse(nlp, text).quotes[0].content.text == "that encounters fell by half in 2024"
    # or a relative clause with a speaker of its own; one a pronoun speaks for is the outer speaker's aside
    for text, said in (
        ("Russia says Ukraine shelled the plant, which Kyiv denies.", "Ukraine shelled the plant"),
        ("Police said the man had attacked officers, which his family disputes.", "the man had attacked officers"),
        (
            "Trump said he would fight the investigation, which he called a witch hunt.",
            "he would fight the investigation, which he called a witch hunt",
        ),
    ):
        assert analyse(nlp, text).quotes[0].content.text == said
    # or the remark itself a second clause
    text = "Police initially said he had hit his head against a wall, a claim his family and rights groups rejected."
    assert [(q.cue.text, q.content.text) for q in analyse(nlp, text).quotes] == [
        ("said", "he had hit his head against a wall"),
        ("rejected", "a claim"),
    ]
    # or a noun for what was done, which another names, that the parser takes for when it was said
    text = (
        "Critics noted that the government had also approved new oil drilling near the mouth of the Amazon "
        'river, a decision Greenpeace called "a betrayal."'
    )
    (noted,) = [q for q in analyse(nlp, text).quotes if q.cue.text == "noted"]
    assert noted.content.text.endswith("near the mouth of the Amazon river")
    # nor what was said before a remark the parser reads as the speaker's name
    text = "Paul has referred Fauci to the Justice Department for lying to Congress, a charge Fauci denies."
    assert [(q.speaker.text, q.cue.text, q.content.text) for q in analyse(nlp, text).quotes] == [
        ("Fauci", "denies", "a charge"),
    ]
    # also where the parser takes the remark for an adjective on the speaker
    text = (
        "Hamas claimed it could not locate the remains under the rubble, an excuse Israeli officials dismissed as "
        "a lie."
    )
    assert [(q.speaker.text, q.cue.text, q.content.text) for q in analyse(nlp, text).quotes] == [
        ("Hamas", "claimed", "it could not locate the remains under the rubble"),
        ("Israeli officials", "dismissed", "an excuse"),
    ]
    # or where the parser makes the speaker an apposition of the remark, or reads a present-tense cue as a
    # plural noun on it
    text = (
        "Russia's defence ministry claimed its forces had \"liberated\" the village of Pokrovsk, a claim Ukraine's "
        "General Staff swiftly denied."
    )
    assert [(q.speaker.text, q.cue.text, q.content.text) for q in analyse(nlp, text).quotes] == [
        ("Russia's defence ministry", "claimed", 'its forces had "liberated" the village of Pokrovsk'),
        ("Ukraine's General Staff", "denied", "a claim"),
    ]
    text = "Kyiv says Russia shelled the plant, a claim the Russian military rejects."
    assert [(q.speaker.text, q.cue.text, q.content.text) for q in analyse(nlp, text).quotes] == [
        ("Kyiv", "says", "Russia shelled the plant"),
        ("the Russian military", "rejects", "a claim"),
    ]
    # also at the end of a paragraph, whose blank line the sentence holds, where the parser may hang the cue on
    # the remark as a clause
    for text, accused in (
        (
            "Israel has accused UNRWA of allowing Hamas to infiltrate its ranks, an allegation the agency rejects.\n",
            "UNRWA of allowing Hamas to infiltrate its ranks",
        ),
        (
            "Israel has accused the agency of employing militants, an allegation the agency rejects.\n\nIt said more.",
            "the agency of employing militants",
        ),
    ):
        assert [(q.speaker.text, q.cue.text, q.content.text) for q in analyse(nlp, text).quotes][:2] == [
            ("Israel", "has accused", accused),
            ("the agency", "rejects", "an allegation"),
        ]
    # but not where the words before it are more than a name, a clause's subject and adverb
    text = (
        "The former aide alleges that he was fired for taking leave, a claim that the senator's office strongly "
        "disputes."
    )
    assert [q.cue.text for q in analyse(nlp, text).quotes] == ["alleges"]
    text = "Critics say the law targets journalists, an accusation the government disputes."
    assert [(q.speaker.text, q.cue.text, q.content.text) for q in analyse(nlp, text).quotes] == [
        ("Critics", "say", "the law targets journalists"),
        ("the government", "disputes", "an accusation"),
    ]
    # so for any noun that critics name, where what they say is the name
    text = "Sri Lanka handed over the port, a deal critics call a textbook case of debt-trap diplomacy."
    assert [(q.speaker.text, q.content.text) for q in analyse(nlp, text).quotes] == [
        ("critics", "a textbook case of debt-trap diplomacy"),
    ]
    # and that they say did what their clause says, as a relative clause reads: what follows the cue
    text = "The party suspended the talks, a decision critics say was dictated by Moscow."
    assert [(q.speaker.text, q.content.text) for q in analyse(nlp, text).quotes] == [
        ("critics", "was dictated by Moscow"),
    ]
    text = "The state passed the laws, a move rights groups say violates the constitution."
    assert [(q.speaker.text, q.content.text) for q in analyse(nlp, text).quotes] == [
        ("rights groups", "violates the constitution"),
    ]
    # and a noun that others take for something ("condemned as cruel"), also where the parser runs it into
    # them and hangs the cue on them, or reads them as the sentence's closing tag
    text = (
        "India's Supreme Court ordered authorities to remove stray dogs from schools and bus stations, a decision "
        "animal welfare groups condemned as cruel and unworkable."
    )
    assert [(q.speaker.text, q.content.text) for q in analyse(nlp, text).quotes] == [
        ("India's Supreme Court", "authorities to remove stray dogs from schools and bus stations"),
        ("animal welfare groups", "a decision"),
    ]
    text = "The court banned the dogs, a move rights groups denounced as cruel."
    assert [(q.speaker.text, q.content.text) for q in analyse(nlp, text).quotes] == [("rights groups", "a move")]
    text = "She joined the party, a group critics describe as extremist."
    assert [(q.speaker.text, q.content.text) for q in analyse(nlp, text).quotes] == [("critics", "a group")]
    # (through the speakers' possessive, which the parser may hang the remark on)
    text = (
        "The blueprint calls for dismantling the Department of Education, a proposal teachers' unions have "
        "denounced as an attack on public schools."
    )
    quote = analyse(nlp, text).quotes[-1]
    assert (quote.speaker.text, quote.content.text) == ("teachers' unions", "a proposal")
    # also where the parser reads the remark and its speakers as two subjects of the cue
    text = "The Environmental Protection Agency said last year its cleanup was complete, a claim residents dispute."
    assert [(q.speaker.text, q.content.text) for q in analyse(nlp, text).quotes] == [
        ("The Environmental Protection Agency", "its cleanup was complete"),
        ("residents", "a claim"),
    ]
    # or takes the remark for when it was done
    text = "The army said it struck 40 targets, a figure Hamas has disputed."
    assert [(q.speaker.text, q.content.text) for q in analyse(nlp, text).quotes] == [
        ("The army", "it struck 40 targets"),
        ("Hamas", "a figure"),
    ]
    # also where the parser makes the remark, run into its speakers, a second clause of the outer cue
    text = "Mamdani said he would freeze rents, a pledge landlords have called ruinous."
    assert [(q.speaker.text, q.content.text) for q in analyse(nlp, text).quotes] == [
        ("Mamdani", "he would freeze rents"),
        ("landlords", "ruinous"),
    ]
    # where the parser takes the clause after a cue's "would" for its complement, not a reported clause
    text = "Britain raised taxes on Wednesday, a move business groups warned would choke growth."
    assert [(q.speaker.text, q.content.text) for q in analyse(nlp, text).quotes] == [
        ("business groups", "would choke growth"),
    ]
    # nor the closing quote mark of what was said, which the parser may hang on the remark
    text = 'The secretary insisted the border "is secure," a claim Republicans have mocked for years.'
    assert [(q.cue.text, q.content.text) for q in analyse(nlp, text).quotes] == [
        ("insisted", 'the border "is secure,"'),
        ("have mocked", "a claim"),
    ]
    # nor how others took what was said, though what an event brought about may be reported
    text = 'The judge told Khan that it was "good to see you," prompting outrage from the government.'
    assert only(analyse(nlp, text)).content.text == 'that it was "good to see you,"'
    text = (
        'Health Secretary Robert F. Kennedy Jr. told senators that the vaccine schedule "has never been properly '
        'tested," drawing sharp rebukes from Democrats and some Republicans.'
    )
    assert only(analyse(nlp, text)).content.text == 'that the vaccine schedule "has never been properly tested,"'
    text = "Officials said the rains fell on Monday, triggering landslides."
    assert only(analyse(nlp, text)).content.text == "the rains fell on Monday, triggering landslides"
    # nor where the speaker said it, though what they spoke about is what they said
    text = "Trump said the economy was booming, speaking at a rally in Ohio."
    assert only(analyse(nlp, text)).content.text == "the economy was booming"
    text = (
        'Pope Leo XIV urged Lebanon\'s leaders to "choose the path of dialogue," speaking to a crowd of some '
        "150,000 people at a Mass."
    )
    assert only(analyse(nlp, text)).content.text == 'Lebanon\'s leaders to "choose the path of dialogue,"'
    # or the occasion itself
    text = (
        'Macron said on Wednesday that Europe must "wake up" to the threat posed by Russia, in a televised address '
        "that opposition leaders dismissed as alarmist."
    )
    said = analyse(nlp, text).quotes[0].content.text
    assert said == 'that Europe must "wake up" to the threat posed by Russia'
    text = "She said the plan would fail, in an interview with the BBC."
    assert only(analyse(nlp, text)).content.text == "the plan would fail"
    text = "Trump said the economy was booming, speaking about inflation."
    assert only(analyse(nlp, text)).content.text == "the economy was booming, speaking about inflation"
    # nor after what a cue names, and a phrase or a move is such a remark too
    text = (
        'Home Secretary Suella Braverman had earlier described the demonstrations as "hate marches," a phrase '
        "critics called inflammatory."
    )
    described = [q for q in analyse(nlp, text).quotes if q.cue.text == "had earlier described"]
    assert [q.content.text for q in described] == ['the demonstrations as "hate marches,"']
    # where the parser takes the remark's verb for a clause on the noun, which disputes the remark as in
    # apposition
    text = "Markarova told reporters that Russia had lost more than 300,000 troops, a figure the Kremlin disputes."
    assert [(q.speaker.text, q.content.text) for q in analyse(nlp, text).quotes] == [
        ("Markarova", "that Russia had lost more than 300,000 troops"),
        ("the Kremlin", "a figure"),
    ]


def test_what_another_said_meanwhile_is_their_own_report(nlp):
    text = (
        'Israeli Prime Minister Benjamin Netanyahu vowed to "crush" Hamas, while Palestinian Authority President '
        "Mahmoud Abbas called for an immediate ceasefire."
    )
    quotes = analyse(nlp, text).quotes
    assert [(q.speaker.text, q.content.text) for q in quotes] == [
        ("Israeli Prime Minister Benjamin Netanyahu", 'to "crush" Hamas'),
        ("Palestinian Authority President Mahmoud Abbas", "an immediate ceasefire"),
    ]
    # the comma before "while" may stand inside a quote that closes there
    text = (
        'Netanyahu\'s office said Hamas had "refused every reasonable proposal," while a senior Hamas official, '
        "Basem Naim, told Reuters the group would not accept any deal."
    )
    first, second = analyse(nlp, text).quotes
    assert "while" not in first.content.text and second.speaker.text == "a senior Hamas official, Basem Naim"
    # while what happened meanwhile is part of what was said
    quote = only(analyse(nlp, "He said the economy grew while inflation fell."))
    assert quote.content.text == "the economy grew while inflation fell"


def test_what_was_said_never_ends_on_a_conjunction(nlp):
    # the parser hangs the "and" before "accusing" on "distorted"
    text = (
        'Israel\'s foreign ministry rejected the report, calling it "distorted and false" and accusing the '
        "commission of bias."
    )
    calling = [q for q in analyse(nlp, text).quotes if q.cue.text == "calling"]
    assert [q.content.text for q in calling] == ['it "distorted and false"']


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        # the parser hangs both the tag and "mocking" on "detained"
        (
            "Greta Thunberg and 11 other passengers were detained by the Israeli navy early Monday and brought to "
            'the port of Ashdod, the foreign ministry said, mocking the voyage as a "selfie yacht."',
            "the foreign ministry",
            "mocking",
            'the voyage as a "selfie yacht."',
        ),
        # or as a complement of "trying"
        (
            'Some Japanese politicians are trying to revive militarism under the pretext of "security," the '
            "editorial said, warning that history must not be allowed to repeat itself.",
            "the editorial",
            "warning",
            "that history must not be allowed to repeat itself",
        ),
    ],
)
def test_a_cue_after_a_closing_tag_is_the_tags_speakers_next_act(nlp, text, speaker, cue, content):
    quotes = analyse(nlp, text).quotes
    said = text[: text.index(f" {speaker} said")].rstrip(",")
    assert [(q.speaker.text, q.cue.text, q.content.text) for q in quotes] == [
        (speaker, "said", said),
        (speaker, cue, content),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Iran hanged a man convicted of spying for Israel's Mossad on Wednesday, the judiciary's Mizan news agency "
        "reported, the latest in a wave of executions since the 12-day war in June.",
        "Human rights groups have documented 1,400 settler attacks this year alone, B'Tselem says, the highest "
        "number since it began keeping records.",
        # and so is a circumstance
        "The death toll from Hurricane Melissa rose to 49 on Sunday, Prime Minister Andrew Holness said, as crews "
        "struggled to reach cut-off communities in the island's west.",
        # also where the parser takes "as" for a preposition and the clause's verb for a noun
        "The administration is considering sanctions on foreign banks, three people familiar with the matter said, "
        "as talks on ending the war in Ukraine stall.",
        # or a comparison
        "A gallon of regular gasoline averaged $2.98 nationwide on Monday, AAA said, about 10 cents cheaper than a "
        "month ago.",
        # or how long before or after something the writer sets beside it
        "North Korea fired a ballistic missile into the East Sea on Friday, South Korea's military said, days "
        "before a summit between President Lee Jae-myung and Chinese leader Xi Jinping.",
    ],
)
def test_the_writers_summing_up_after_a_closing_tag_is_not_what_was_said(nlp, text):
    # the parser hangs the summing up on the reported clause as a second object, the circumstance as a clause
    quote = only(analyse(nlp, text))
    assert quote.content.text == text[: text.rindex(", ", 0, quote.speaker.start)]


def test_a_reason_after_a_closing_tag_stays_the_speakers(nlp):
    text = (
        "Trump's skepticism on climate change has hurt him with young voters, Graham said, since most of them "
        "accept that human activity is changing the climate."
    )
    assert only(analyse(nlp, text)).content.text.endswith("changing the climate")
    # and so is a time after it, unless it says how long before or after what
    text = "The troops will withdraw, he said, after the elections."
    assert only(analyse(nlp, text)).content.text == text[:-1]


def test_quoted_words_a_cue_takes_for_its_object_are_what_was_said(nlp):
    text = 'Asked how much DOGE had saved, he said "about $55 billion," a figure no one verified.'
    quote = analyse(nlp, text).quotes[-1]
    assert (quote.speaker.text, quote.content.text, quote.direct) == ("he", '"about $55 billion,"', True)
    # not what another verb takes, nor a time in quote marks
    assert analyse(nlp, 'Releasing the records would threaten "national security."').quotes == []


def test_a_relative_clause_after_a_preposition_is_not_what_the_cue_reports(nlp):
    # the parser hangs "analysts had expected" on "reported" as its clause
    text = (
        "Apple reported revenue of $94.9 billion for the quarter, up 6 percent from a year earlier and ahead of "
        "the $94.4 billion analysts had expected, the company said on Thursday."
    )
    assert [(q.cue.text, q.content.text) for q in analyse(nlp, text).quotes] == [
        ("said", text[: text.index(", the company")]),
    ]


def test_the_other_half_of_a_sentence_across_a_semicolon_is_not_what_was_said(nlp):
    text = "Democrats argue the tax cuts favor the wealthy; Republicans counter that they spur growth."
    quotes = analyse(nlp, text).quotes
    assert sorted((q.speaker.text, q.content.text) for q in quotes) == [
        ("Democrats", "the tax cuts favor the wealthy"),
        ("Republicans", "that they spur growth"),
    ]


def test_the_sentence_before_a_colon_is_not_what_the_cue_after_it_reports(nlp):
    text = "There is no evidence of fraud in 2020: three recounts confirmed Biden's win by 11,779 votes."
    assert analyse(nlp, text).quotes == []
    asked = only(analyse(nlp, "Think about it: The CIA has asked the president to keep the records secret."))
    assert asked.content.text == "the president to keep the records secret"


def test_a_dateline_is_nobodys_speaker(nlp):
    # the parser takes "BEIJING" for a subject of "slammed" beside the spokesperson, and "WASHINGTON" into
    # the President's phrase
    record = analyse(
        nlp,
        "BEIJING, June 3 (Xinhua) -- Foreign Ministry spokesperson Wang Lin on Monday slammed a report by a "
        'think tank, calling it "a pack of lies."',
    )
    assert {q.speaker.text for q in record.quotes} == {"Foreign Ministry spokesperson Wang Lin"}
    record = analyse(
        nlp, "LONDON -- Prime Minister Keir Starmer, visiting a hospital in Leeds on Monday, said it needed money."
    )
    assert only(record).speaker.text == "Prime Minister Keir Starmer"


def test_a_speaker_the_parser_hangs_on_the_dateline_keeps_its_own_trim(nlp):
    # the parser makes the forces an apposition to "PORT SUDAN", so "on Sunday" hangs within the phrase
    text = (
        "PORT SUDAN (Reuters) - Sudan's paramilitary Rapid Support Forces on Sunday denied killing civilians "
        "after seizing the city of El Fasher."
    )
    assert only(analyse(nlp, text)).speaker.text == "Sudan's paramilitary Rapid Support Forces"


def test_a_speaker_the_parser_hangs_on_the_dateline_speaks_through_a_cue_read_as_a_participle(nlp):
    # the parser makes the minister an apposition to "TEL AVIV" and "posted" a participle on him
    text = "TEL AVIV — Israel's defence minister, Israel Katz, posted on X that the army would act with full force."
    quote = only(analyse(nlp, text))
    assert (quote.speaker.text, quote.cue.text) == ("Israel's defence minister, Israel Katz", "posted")
    assert quote.content.text == "that the army would act with full force"


def test_a_speaker_hung_on_a_dateline_the_parser_hangs_on_a_later_verb_speaks_through_a_cue_read_as_a_participle(
    nlp,
):
    # the parser hangs "DAMASCUS" on "reported", the president on it and "pledged" on him
    text = (
        "DAMASCUS — Syria's interim president, Ahmed al-Sharaa, pledged on Thursday to punish anyone involved in "
        "the killings in the coastal region, after a monitoring group reported that hundreds of people had died "
        "in three days of violence."
    )
    pledged = analyse(nlp, text).quotes[0]
    assert (pledged.speaker.text, pledged.cue.text) == ("Syria's interim president, Ahmed al-Sharaa", "pledged")


def test_the_agency_in_a_dateline_is_no_role_description(nlp):
    text = "BERLIN (Reuters) - Asylum applications fell by nearly half, the interior ministry said."
    assert only(analyse(nlp, text)).speaker_entity is None


def test_a_dateline_in_ordinary_case_is_nobodys_words(nlp):
    text = (
        "Iran rejects sanctions\n\nTehran — Iran's foreign ministry spokesman Nasser Kanaani on Monday condemned "
        'the sanctions as "a crime against humanity."'
    )
    assert analyse(nlp, text).quotes[-1].speaker.text == "Iran's foreign ministry spokesman Nasser Kanaani"
    # and with its agency: the sentence's speaker, not the dateline, goes on speaking in a participle
    text = (
        "Ankara (AA) - Turkish President Recep Tayyip Erdogan on Wednesday slammed Israel's attacks on Lebanon, "
        'calling Prime Minister Benjamin Netanyahu "the butcher of Gaza."'
    )
    assert {q.speaker.text for q in analyse(nlp, text).quotes} == {"Turkish President Recep Tayyip Erdogan"}
    text = "Dallas, TX — Troops retook two villages near the city, the general staff said."
    assert only(analyse(nlp, text)).content.text == "Troops retook two villages near the city"
    # written so, a name opening a line is no place: NER must take it for one
    text = "Mehmet Oz — Ivy League surgeon — said the pill works."
    assert only(analyse(nlp, text)).speaker.text == "Mehmet Oz — Ivy League surgeon"
    # but what the speaker did, set off so, is not who they are
    text = 'The minister — speaking hours after the vote — said the result was "a clear mandate."'
    assert only(analyse(nlp, text)).speaker.text == "The minister"


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("The senator stressed her record on trade.", "stressed", "her record on trade"),
        (
            "The spokesperson reiterated China's firm opposition to official exchanges.",
            "reiterated",
            "China's firm opposition to official exchanges",
        ),
        ("Republicans reaffirmed their opposition to the nominee.", "reaffirmed", "their opposition to the nominee"),
        ("Clinton noted the clot's existence in her 2003 book.", "noted", "the clot's existence"),
        ("The governor talked about the new budget.", "talked about", "the new budget"),
        ("Mr. Lee spoke of a long war ahead.", "spoke of", "a long war ahead"),
        ("She referred to the earlier ruling.", "referred to", "the earlier ruling"),
        ("He pointed to his record in the Florida Legislature.", "pointed to", "his record in the Florida Legislature"),
        # and what the speaker takes it for
        ("Trump pointed to China as the regional enforcer.", "pointed to", "China as the regional enforcer"),
        ("He referred to the senator as a traitor.", "referred to", "the senator as a traitor"),
        ("The party called for calm.", "called for", "calm"),
        # not what the speaker did meanwhile
        (
            "Protesters called for the release of the video, marching through the streets.",
            "called for",
            "the release of the video",
        ),
        ("The senator tweeted a warning to the banks.", "tweeted", "a warning to the banks"),
        ("The president warned of a long war.", "warned of", "a long war"),
    ],
)
def test_what_a_cue_speaks_of_through_its_preposition(nlp, text, cue, content):
    quote = only(analyse(nlp, text))
    assert (quote.cue.text, quote.content.text) == (cue, content)


def test_what_is_pointed_to_after_what_was_said_is_the_speakers_too(nlp):
    text = (
        "Aides to Mr. Trump say that the president does not mind answering questions, pointing to his numerous "
        "impromptu sessions with reporters."
    )
    assert [(q.speaker.text, q.cue.text, q.content.text) for q in analyse(nlp, text).quotes] == [
        ("Aides to Mr. Trump", "say", "that the president does not mind answering questions"),
        ("Aides to Mr. Trump", "pointing to", "his numerous impromptu sessions with reporters"),
    ]


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "The Kremlin made clear on Monday that it would not accept a ceasefire.",
            "made clear",
            "that it would not accept a ceasefire",
        ),
        (
            "The prime minister made it clear that Britain would stand by Ukraine.",
            "made it clear",
            "that Britain would stand by Ukraine",
        ),
        # the parser may make the clause the subject of "clear"
        (
            "Some Republicans made clear that they would like to see him come around.",
            "made clear",
            "that they would like to see him come around",
        ),
        (
            "They have made the case that she is too close to Wall Street banks.",
            "have made the case",
            "that she is too close to Wall Street banks",
        ),
    ],
)
def test_making_clear_or_making_the_case_says_it(nlp, text, cue, content):
    quote = only(analyse(nlp, text))
    assert (quote.cue.text, quote.content.text) == (cue, content)
    # making something clear or a point of something says nothing
    assert analyse(nlp, "He made a point of visiting the troops, and made his position clear.").quotes == []


@pytest.mark.parametrize(
    "text",
    [
        "If Muslims sincerely condemn jihad terror, they shouldn't oppose him.",
        "He can't credibly make fun of the ratings if Holt asks him about his tax returns.",
        "If Trump's plan rejected single mothers, black families would be especially affected.",
        "If he were to deny this, would anybody believe him?",
    ],
)
def test_words_supposed_in_a_condition_are_not_reported(nlp, text):
    assert analyse(nlp, text).quotes == []


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # "if" that asks whether, compares or concedes supposes nothing
        ("No one can know if the children belong to the adults who say they are their parents.", "say"),
        (
            "When he got back into bed, the sound hit him again; as if, he told doctors, he had walked through a wall.",
            "told",
        ),
        ("Even if she still cannot bring herself to say it, Fisher knows that the pope is wrong.", "knows"),
        # nor does an aside of the writer's within the condition
        ("If, as I've suggested, he benefits from the deduction, he pays little.", "'ve suggested"),
    ],
)
def test_a_cue_within_an_if_that_supposes_nothing_reports(nlp, text, cue):
    assert cue in [q.cue.text for q in analyse(nlp, text).quotes]


@pytest.mark.parametrize(
    "text",
    [
        # the writer's order to the reader
        "Note that date; 2011 was when the processes were put in place.",
        "Note the claims that the labeling is objective.",
        "Propaganda, 1928 (note that the book begins with the above quote).",
        # footnotes, and fame
        "The exhortation notes 336 and 351.",
        "He was already noted at the time for his lothario habits.",
    ],
)
def test_noting_that_reports_nothing(nlp, text):
    assert [q for q in analyse(nlp, text).quotes if q.cue.text.lower().endswith(("note", "notes", "noted"))] == []


def test_speaking_on_the_record_is_how_not_what_about(nlp):
    text = 'Officials declined to comment on the record but said privately that the talks were "on life support."'
    assert [(q.cue.text, q.content.text) for q in analyse(nlp, text).quotes] == [
        ("said", 'that the talks were "on life support."')
    ]
    # a record of something is what a comment is on
    quote = only(analyse(nlp, "Biden commented on the record of his predecessor."))
    assert (quote.cue.text, quote.content.text) == ("commented on", "the record of his predecessor")


def test_a_participle_after_an_object_is_what_the_speaker_did_meanwhile(nlp):
    # ("called for the release of the video, marching through the streets", above); but a list goes on with what
    # is blamed, and a photo shows someone doing something
    for text, end in (
        (
            "The government has blamed the MEK for killing three colonels, bombing U.S. companies and killing "
            "Iranians.",
            "bombing U.S. companies and killing Iranians",
        ),
        (
            "A photo in the report shows Marie Collins, a member of the commission, handing the letter to the "
            "cardinal.",
            "handing the letter to the cardinal",
        ),
    ):
        assert only(analyse(nlp, text)).content.text.endswith(end)
    # and words chanted meanwhile are the speaker's, not those of a clause the parser hangs the chanting on
    text = (
        "Small groups of protesters continued to call for more information about the fatal shooting of Keith "
        "Lamont Scott, looping the streets around Bank of America Stadium - where the National Football League's "
        'Charlotte Panthers played the Minnesota Vikings - while chanting, "Hands up, don\'t shoot."'
    )
    called, chanted = analyse(nlp, text).quotes
    assert called.content.text == "more information about the fatal shooting of Keith Lamont Scott"
    assert chanted.speaker.text == "Small groups of protesters"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Mnuchin tweeted the decision after meeting with President Trump at the White House.", "the decision"),
        ('Bill Clinton calls Obamacare "crazy system" during campaign stop', 'Obamacare "crazy system"'),
        # when something was proposed or someone questioned is no words at all
        ("Much of it can be credited to the aggressive laws proposed during President Nixon's term in office.", None),
        ("Mr. Trump, when questioned after the debate, asserted that he paid taxes.", "that he paid taxes"),
    ],
)
def test_when_the_words_were_given_is_no_part_of_them(nlp, text, content):
    assert [q.content.text for q in analyse(nlp, text).quotes] == ([content] if content else [])


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        # the parser takes the clause of time for what was said
        (
            "It was the words I can't breathe, as Eric Garner said before he died.",
            "Eric Garner",
            "It was the words I can't breathe",
        ),
        # and hangs what was said on it
        (
            "The minister said before the talks began that Kyiv would not cede land.",
            "The minister",
            "that Kyiv would not cede land",
        ),
        # a quoted question is what was asked
        (
            'Jeanine Pirro spoke to Hannity on Thursday night and asked, "Since when does truth depend on your '
            'political party?"',
            "Jeanine Pirro",
            '"Since when does truth depend on your political party?"',
        ),
        # a time within what was said stays
        (
            "Senator Marco Rubio pointed out that voter fraud just a day after the elections did not help.",
            "Senator Marco Rubio",
            "that voter fraud just a day after the elections did not help",
        ),
    ],
)
def test_a_clause_of_time_on_the_cue_is_not_what_was_said(nlp, text, speaker, content):
    quote = only(analyse(nlp, text))
    assert (quote.speaker.text, quote.content.text) == (speaker, content)


def test_what_an_object_cue_reports_is_neither_where_nor_what_a_clause_on_it_reports(nlp):
    text = "The minister slammed the plan at a news conference on Monday."
    assert only(analyse(nlp, text)).content.text == "the plan"
    # the relative clause reports words of its own, and so is a quote of its own
    text = (
        'Imamoglu denied the accusations, which he described as "unimaginable accusations and slanders," in a '
        "statement to the court."
    )
    assert [(q.cue.text, q.content.text) for q in analyse(nlp, text).quotes] == [
        ("denied", "the accusations"),
        ("described", '"unimaginable accusations and slanders,"'),
    ]
    # nor one deeper in the object with a source of its own
    text = (
        'She condemned the "criminal" shelling of Belgorod, where, according to the regional governor, two '
        "civilians were killed."
    )
    condemned = next(q for q in analyse(nlp, text).quotes if q.cue.text == "condemned")
    assert condemned.content.text == 'the "criminal" shelling of Belgorod'
    # a relative pronoun's object says nothing of to whom or where
    text = (
        "The transcript cited another anonymous claim of misconduct, sent to the office of Sen. Sheldon "
        "Whitehouse, which the judge also flatly denied to investigators."
    )
    assert all(q.content.text != "to investigators" for q in analyse(nlp, text).quotes)
    # nor one deeper in the object that reports words of its own
    text = "India has blamed Pakistan for the attack near Pahalgam, which Islamabad denies."
    assert only(analyse(nlp, text)).content.text == "Pakistan for the attack near Pahalgam"
    # nor the medium, where the parser hangs it on the object; but what something is blamed on stays
    text = "President Donald Trump blasted the decision on Truth Social."
    assert only(analyse(nlp, text)).content.text == "the decision"
    assert only(analyse(nlp, "Trump mocked Harris on X.")).content.text == "Harris"
    # also where it hangs it on the quoted name given
    text = 'Eritrea\'s information minister, Yemane Gebremeskel, dismissed the letter as "a false flag" on X.'
    assert only(analyse(nlp, text)).content.text == 'the letter as "a false flag"'
    assert only(analyse(nlp, "He blamed the riots on social media.")).content.text == "the riots on social media"
    # "in order to" is no occasion
    text = "The pope called for the publishing of these instructions in order to warn the bishops."
    assert only(analyse(nlp, text)).content.text.endswith("in order to warn the bishops")


def test_an_absolute_phrase_on_the_cue_is_not_what_was_said(nlp):
    text = '"We will not be silenced," student leader Mercy Wanjiru told Reuters, her eyes streaming from the gas.'
    assert only(analyse(nlp, text)).content.text == '"We will not be silenced,"'
    # nor is a past participle telling how the speaker stood, which the parser may take for the cue's clause
    text = (
        "The president hailed the result.\n\n"
        '"Today the people decided to leave behind years of decline," Milei told cheering supporters in Buenos '
        "Aires, flanked by his sister and chief of staff, Karina Milei."
    )
    assert analyse(nlp, text).quotes[1].content.text == '"Today the people decided to leave behind years of decline,"'
    # another speaker's words beside it are a quote of their own
    text = 'The White House rejected the criticism, with press secretary Karoline Leavitt calling it "a depraved lie."'
    assert [(q.speaker.text, q.content.text) for q in analyse(nlp, text).quotes] == [
        ("The White House", "the criticism"),
        ("press secretary Karoline Leavitt", 'it "a depraved lie."'),
    ]
    # also where the parser hangs the participle on its noun
    text = "The RSF has been accused of committing genocide in Darfur, with survivors describing mass killings."
    assert [(q.speaker and q.speaker.text, q.content.text) for q in analyse(nlp, text).quotes] == [
        (None, "of committing genocide in Darfur"),
        ("survivors", "mass killings"),
    ]


def test_others_words_beside_a_reported_clause_are_not_part_of_it(nlp):
    text = "The army said it had retaken the town, with residents saying the fighting had stopped."
    assert [(q.speaker.text, q.content.text) for q in analyse(nlp, text).quotes] == [
        ("The army", "it had retaken the town"),
        ("residents", "the fighting had stopped"),
    ]
    # a circumstance beside it in no one else's words stays
    text = "The bureau said prices rose 3%, with food leading the increase."
    assert only(analyse(nlp, text)).content.text == "prices rose 3%, with food leading the increase"


def test_a_headline_asking_what_someone_says_reports_nothing(nlp):
    # the parser makes "say" a clause set in the headline's noun, as "The plan, he said, will fail" reads
    text = "Ukraine war casualties: what the numbers say\n\nRussia has lost about 1.1 million soldiers."
    assert analyse(nlp, text).quotes == []


def test_a_name_given_between_commas_is_no_tag_on_the_clause(nlp):
    # the parser reads "called" as a tag set in the clause, with "group" its subject
    text = (
        "His nonprofit group, called the Virginia Conservation Legacy Fund, will still own the property until it "
        "pays back the loan."
    )
    assert [q.content.text for q in analyse(nlp, text).quotes] == ["the Virginia Conservation Legacy Fund"]


def test_a_preposition_before_the_cue_is_the_writers_aside_not_the_cues(nlp):
    text = 'Venezuela\'s president, for his part, called the operation "an extravagant war."'
    quote = only(analyse(nlp, text))
    assert (quote.cue.text, quote.content.text) == ("called", 'the operation "an extravagant war."')


def test_a_tag_the_parser_joins_to_what_it_tags_reports_it(nlp):
    # the parser makes "found" a second clause joined to "are", with the poll its subject
    quote = only(analyse(nlp, "Voters are angry, a YouGov poll for The Times found last week."))
    assert (quote.speaker.text, quote.content.text) == ("a YouGov poll for The Times", "Voters are angry")
    # also where it hangs a phrase of the clause before the subject on the cue
    text = (
        "President Vladimir Putin is ready to meet Ukraine's Volodymyr Zelensky, but only in Moscow, Kremlin aide "
        'Yuri Ushakov said on Wednesday, an offer Kyiv swiftly rejected as "unacceptable."'
    )
    quote = next(q for q in analyse(nlp, text).quotes if q.cue.text == "said")
    assert (quote.speaker.text, quote.content.text) == ("Kremlin aide Yuri Ushakov", text[: text.index(", Kremlin")])
    # but a participle with its agent is no tag
    text = (
        "She established a custom for the office of being anti-union, pro-bank and anti-Chinese, a policy continued "
        "to this day by the current governor, loud-mouthed populist Jane Doe."
    )
    assert [q.cue.text for q in analyse(nlp, text).quotes] == []


@pytest.mark.parametrize(
    "text",
    [
        # the parser makes "found" a second clause of "say"
        "Most voters say prices are too high, a Reuters/Ipsos poll found.",
        # or a participle on the poll, which it makes an attribute of "are"
        "Most voters say prices are too high, a Reuters/Ipsos poll found on Tuesday.",
    ],
)
def test_a_tag_closing_a_report_reports_the_report_and_is_no_part_of_it(nlp, text):
    quotes = {q.cue.text: (q.speaker.text, q.content.text) for q in analyse(nlp, text).quotes}
    assert quotes == {
        "found": ("a Reuters/Ipsos poll", "Most voters say prices are too high"),
        "say": ("Most voters", "prices are too high"),
    }


def test_a_tag_the_parser_joins_as_a_second_verb_is_no_part_of_the_report_it_closes(nlp):
    # in this context the parser makes "shows" a conjunct of "leave", with the memo its subject
    text = (
        "Leaked memo shows ministers knew of flood risk\n\nLONDON - Ministers were warned two years ago that "
        "funding cuts would leave thousands of homes at risk of flooding, a leaked memo seen by the Guardian shows. "
        "The memo, written by officials in 2023, estimated that 40,000 homes could be affected."
    )
    (warned,) = [q for q in analyse(nlp, text).quotes if q.cue.text == "were warned"]
    assert warned.content.text == "that funding cuts would leave thousands of homes at risk of flooding"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the parser makes "said" a clause on "captured", with "after an 18-month siege" its own
        (
            "The paramilitary Rapid Support Forces captured El Fasher, the army's last stronghold in Darfur, after "
            "an 18-month siege, the group said on Sunday.",
            "the group",
        ),
        # a figure worked out is reported as one said is
        (
            "The chancellor has raided pensions to the tune of 2 billion pounds a year, experts at the Institute "
            "for Fiscal Studies calculate.",
            "experts at the Institute for Fiscal Studies",
        ),
        # a dash after the tag opens the writer's remark, which the parser makes a second clause of "say"
        (
            "A 2023 study found 1 serious adverse event for every 800 doses, critics say - a figure the study's "
            "authors dispute.",
            "critics",
        ),
    ],
)
def test_a_closing_tag_reports_the_clause_before_it_only(nlp, text, speaker):
    quote = only(analyse(nlp, text))
    assert (quote.speaker.text, quote.content.text) == (speaker, text[: text.index(f", {speaker}")])


@pytest.mark.parametrize("mark", ['"', ""])
def test_a_closing_tag_after_a_clause_the_parser_read_as_a_noun_phrase_reports_it(nlp, mark):
    # the parser reads "An autopsy found injuries ..." as a noun phrase and makes it a first subject of "told"
    said = f"An autopsy found injuries {mark}consistent with assault,{mark}"
    quote = only(analyse(nlp, f"{said} pathologist Bernard Midia told reporters."))
    assert (quote.speaker.text, quote.content.text) == ("pathologist Bernard Midia", said.rstrip(","))


def test_a_closing_tag_after_a_dateline_the_parser_made_a_first_subject_reports_the_clause(nlp):
    # the parser runs the dateline into the clause and makes them one first subject of "said"
    said = (
        "Hurricane Melissa, the strongest storm ever to hit Jamaica, killed at least 32 people on the island and "
        "caused damage estimated at $8.8 billion, or about 40% of its economic output"
    )
    text = f"Hurricane Melissa: Jamaica counts the cost\n\nKINGSTON, Jamaica — {said}, officials said on Friday."
    quote = only(analyse(nlp, text))
    assert (quote.speaker.text, quote.content.text) == ("officials", said)


def test_a_closing_tag_whose_clause_the_parser_hung_on_the_dateline_reports_it(nlp):
    # the parser makes "killed" a relative clause of "CITY" and the place a loose word of "said"
    said = "At least 27 people were killed in Israeli strikes overnight"
    text = f"GAZA CITY — {said}, the Gaza health ministry said, bringing the total death toll to more than 70,000."
    quote = only(analyse(nlp, text))
    assert (quote.speaker.text, quote.content.text) == ("the Gaza health ministry", said)


def test_a_closing_tag_at_a_paragraphs_end_reports_the_sentence_before_it(nlp):
    # spaCy gives the line break to the sentence it ends, and the parser makes "reported" a second clause of "said"
    text = (
        'Khamenei said on Wednesday that the "Zionist regime" had failed to achieve any of its goals in the war in '
        "June, state television reported.\n\nHe spoke for an hour."
    )
    quotes = {q.cue.text: (q.speaker.text, q.content.text) for q in analyse(nlp, text).quotes}
    said = text[: text.index(", state")]
    assert quotes == {"reported": ("state television", said), "said": ("Khamenei", said[said.index("that") :])}


def test_a_cue_with_a_clause_of_its_own_closes_no_sentence_as_a_tag(nlp):
    # the parser joins "said" to "went", and the description of Feinstein reads as a speaker set off by commas
    text = (
        "The allegation went public last week after Ms. Feinstein, ranking Democrat on the Senate Judiciary "
        "Committee, said she received a letter about the incident in late July."
    )
    assert only(analyse(nlp, text)).content.text == "she received a letter about the incident in late July"


def test_a_tag_the_parser_takes_for_a_participle_on_an_apposition_reports_the_clause_before_it(nlp):
    text = (
        "Reform UK holds a nine-point lead over Labour, a YouGov poll for The Times showed on Monday, the party's "
        "largest lead so far."
    )
    quote = only(analyse(nlp, text))
    assert (quote.speaker.text, quote.content.text) == (
        "a YouGov poll for The Times",
        "Reform UK holds a nine-point lead over Labour",
    )
    # or on a past participle, said when alone
    text = (
        "Iran executed a man convicted of spying for Israel, the judiciary's Mizan news agency reported on Monday, "
        "the latest in a string of executions."
    )
    quote = only(analyse(nlp, text))
    assert (quote.speaker.text, quote.content.text) == (
        "the judiciary's Mizan news agency",
        "Iran executed a man convicted of spying for Israel",
    )
    assert analyse(nlp, "It cut emissions of HFCs, potent chemicals found in refrigerants.").quotes == []
    # a past participle on a noun for a thing done is its passive, whatever comes after it: the plan was announced
    text = (
        "The city will continue housing families in Dayton, Akron and Toledo while their claims are checked, a "
        "plan announced earlier this year."
    )
    assert analyse(nlp, text).quotes == []


def test_when_it_was_said_is_no_part_of_what_was_said(nlp):
    # the parser hangs "on Monday" on the reported clause, before its subject
    text = "Hamas said on Monday it had informed the mediators."
    (said,) = [q for q in analyse(nlp, text).quotes if q.cue.text == "said"]
    assert said.content.text == "it had informed the mediators"
    # or hangs the reported clause on how long it has been said
    quote = only(analyse(nlp, "Scientists have warned for decades that the planet is heating up."))
    assert (quote.speaker.text, quote.content.text) == ("Scientists", "that the planet is heating up")


def test_when_a_report_was_made_is_no_part_of_who_made_it(nlp):
    text = (
        "The Institute for Fiscal Studies estimates that pensioners would lose £300 a year. Polling by YouGov last "
        "week found that 62 per cent of voters think the Government is doing badly."
    )
    assert [q.speaker.text for q in analyse(nlp, text).quotes if q.cue.text == "found"] == ["Polling by YouGov"]
    # also hung deeper in the phrase, on a preposition's object
    text = "Supreme Court justices across the ideological spectrum on Wednesday questioned whether it was legal."
    assert only(analyse(nlp, text)).speaker.text == "Supreme Court justices across the ideological spectrum"
    # but not in a relative clause on the speaker
    text = 'Jason Berry, a reporter who has covered the crisis for decades, said "it is a long struggle."'
    assert only(analyse(nlp, text)).speaker.text.endswith("for decades")


def test_a_headline_keeps_the_words_the_parser_broke_off_after_a_preposition(nlp):
    # the small model makes "a fifth" a sentence of its own, leaving "by" without its object
    text = (
        "Drugmaker says weight-loss pill cut heart attacks by a fifth\n\n"
        "NEW YORK, Nov 11 (AP) — A once-daily pill reduced the risk of heart attack by 20% in a five-year "
        "trial, its maker said Saturday."
    )
    (headline,) = [q for q in analyse(nlp, text).quotes if q.speaker.text == "Drugmaker"]
    assert headline.content.text == "weight-loss pill cut heart attacks by a fifth"


def test_a_headline_keeps_a_second_verb_joined_without_and(nlp):
    # the parser hangs "wounds 27" on "says", as if it told when
    text = "Ukraine says Russian strike on Kharkiv kills four, wounds 27"
    (headline,) = analyse(nlp, text).quotes
    assert headline.content.text == "Russian strike on Kharkiv kills four, wounds 27"


def test_a_source_closing_its_paragraph_has_no_line_break(nlp):
    text = "More than 1,000 Palestinians have been killed, according to the U.N.\n\nThe army did not comment."
    assert only(analyse(nlp, text)).speaker.text == "the U.N."


def test_a_speaker_after_a_quote_has_no_quote_mark(nlp):
    # the parser hangs the closing mark on "coach", the first word of the speaker's phrase
    text = '"I just wanted to thank God after the game," coach Joe Kennedy said in an interview.'
    quote = only(analyse(nlp, text))
    assert (quote.speaker.text, quote.content.text) == (
        "coach Joe Kennedy",
        '"I just wanted to thank God after the game,"',
    )


@pytest.mark.parametrize(
    ("quoted", "speaker"),
    [
        # the parser reads "Stop" in the group's name as a verb and makes it, with the quote, what was said
        ('"We have no choice but to disrupt,"', "Just Stop Oil spokesperson Hannah Hunt"),
        ('"The war must end now,"', "Stop the War Coalition convenor Lindsey German"),
    ],
)
def test_a_name_after_a_quote_that_opens_like_a_verb_is_the_speakers(nlp, quoted, speaker):
    quote = only(analyse(nlp, f"{quoted} {speaker} said."))
    assert (quote.speaker.text, quote.content.text) == (speaker, quoted)


def test_words_after_a_quote_that_a_speaker_before_it_reports_stay_what_was_said(nlp):
    text = (
        "As I wrote in my October 11 article, “Will Trump Make a Deal with the CIA on JFK Records?,” the CIA is "
        "between a rock and a hard place."
    )
    quote = only(analyse(nlp, text))
    assert (quote.speaker.text, quote.content.text) == ("I", text[text.index("“") : -1])


def test_a_relative_clause_with_a_quote_of_its_own_is_no_part_of_the_speaker(nlp):
    text = (
        '"We are not terrorists, we are truckers," said Pat King, one of the organisers, who has previously said '
        'that "the only way this is going to be solved is with bullets."'
    )
    assert analyse(nlp, text).quotes[0].speaker.text == "Pat King, one of the organisers"


def test_a_quote_may_end_on_its_preposition(nlp):
    quote = only(
        analyse(nlp, '"This is the moment we have been waiting for," said Michael Saylor, chairman of MicroStrategy.')
    )
    assert quote.direct and quote.content.text == '"This is the moment we have been waiting for,"'


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Prices rose by 80%, the study finds.", "Prices rose by 80%"),
        ("The bill passed 52-48 (two abstained), aides said.", "The bill passed 52-48 (two abstained)"),
        ("Officials said it was over (for now).", "it was over (for now)"),
    ],
)
def test_what_was_said_keeps_its_closing_percent_sign_and_bracket(nlp, text, content):
    # spaCy counts "%" and ")" as punctuation, which the end of a content otherwise drops
    assert only(analyse(nlp, text)).content.text == content


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ('The ministry warned that "Taiwan independence" means war.', 'that "Taiwan independence" means war'),
        ('He said "Taiwan independence" means war.', '"Taiwan independence" means war'),
        (
            'Lynch said there remains a "significant difference in private practice and government."',
            'there remains a "significant difference in private practice and government."',
        ),
        # the quote holds the verb, but not what it is said of
        (
            'Randi Weingarten insists that critical race theory "is not taught in K-12 schools."',
            'that critical race theory "is not taught in K-12 schools."',
        ),
        ('Bishop Schneider said they "could not act in another way."', 'they "could not act in another way."'),
        # also where the parser hangs the subject on the auxiliary before the quote
        ("Farage claimed the government was ‘copying our homework’.", "the government was ‘copying our homework’"),
        # or not all of it
        (
            'Steven Cheung said critics\' "sad, miserable existence will be crushed."',
            'critics\' "sad, miserable existence will be crushed."',
        ),
        # what is called so is part of what was said
        ('Trump called the case "a rigged witch hunt."', 'the case "a rigged witch hunt."'),
        ('Japan branded North Korea an "outlaw nation."', 'North Korea an "outlaw nation."'),
        ('Jairam Ramesh termed the deal "a sellout of farmers."', 'the deal "a sellout of farmers."'),
        # also where the parser reads who is named as whom a thing is given
        ('Critics on the right have branded him a "communist."', 'him a "communist."'),
        # and what is called for, where the quoted words are only on it
        (
            'Pakistan called for a "neutral, transparent" investigation.',
            'a "neutral, transparent" investigation',
        ),
        # where the parser hangs the name given on the verb as it would a time
        ('Former President Donald Trump called it "a great day for America."', 'it "a great day for America."'),
        # the parser makes the quoted adjective the clause's head, with its subject and verb outside it
        ('Antonio Guterres said he was "appalled."', 'he was "appalled."'),
        # or a quoted noun, read as a foreign word
        ('Israel Katz wrote that Guterres was "persona non grata."', 'that Guterres was "persona non grata."'),
        # a tag set inside the reported words leaves no comma on them
        (
            'If he were president today, he said later, his affair wouldn\'t "be an issue."',
            'his affair wouldn\'t "be an issue."',
        ),
    ],
)
def test_words_quoted_within_what_was_said_do_not_stand_for_all_of_it(nlp, text, content):
    quote = only(analyse(nlp, text))
    assert quote.content.text == content and not quote.direct


@pytest.mark.parametrize(
    ("text", "contents"),
    [
        # the parse runs what "said" reports over the tag into the next quote
        (
            '"You know, I love Larry," he said, but "when it comes to energy issues, Larry has a history of '
            'representing fossil fuel industries."',
            [
                '"You know, I love Larry,"',
                '"when it comes to energy issues, Larry has a history of representing fossil fuel industries."',
            ],
        ),
        # the verb after the quote tags it
        (
            'According to authorities, "We are starving and need food and water," the message said.',
            ['"We are starving and need food and water,"'],
        ),
        # or into what a relative clause on the speaker reports
        (
            '"I don\'t think this paper should be taken too seriously," said Stefan Rahmstorf of the Potsdam '
            'Institute, who has nonetheless warned the risk is "greatly underestimated."',
            ['"I don\'t think this paper should be taken too seriously,"'],
        ),
    ],
)
def test_a_quote_whose_reported_clause_runs_past_it_into_a_tag_stays_whole(nlp, text, contents):
    assert [q.content.text for q in analyse(nlp, text).quotes] == contents


def test_a_closing_participle_hung_on_a_things_relative_clause_is_the_main_clauses(nlp):
    text = (
        "A federal judge on Thursday blocked a Texas law that would allow police to arrest migrants suspected "
        "of illegally crossing the border, calling it unconstitutional."
    )
    assert last_speaker(nlp, text)[0] == "A federal judge"


def test_a_relative_clauses_subject_does_not_take_a_quote_from_its_verb(nlp):
    text = 'Cordileone wrote a letter to his faithful which "speaks to his integrity and sincere love of the Church."'
    assert only(analyse(nlp, text)).content.text == '"speaks to his integrity and sincere love of the Church."'


def test_a_cue_that_opens_a_quote_is_the_quoted_words(nlp):
    text = 'Yore said that he was "told from the moment he appointed Bishop Barros that this was a bad decision."'
    quote = only(analyse(nlp, text))
    assert (quote.speaker.text, quote.cue.text) == ("Yore", "said")


def test_a_closing_participle_after_a_verb_of_purpose_is_the_subjects(nlp):
    text = (
        "The Springfield School Board voted 4-3 late Thursday to close Lincoln Elementary at the end of the "
        "school year, citing falling enrollment and a budget shortfall."
    )
    assert only(analyse(nlp, text)).speaker.text == "The Springfield School Board"


@pytest.mark.parametrize(
    "text",
    [
        "Home Office accused of cruelty over plan to house asylum seekers on barges",
        "Government urged to act on child poverty",
        "Bank blamed for market crash",
        "Minister told to resign over scandal",
        "Trump slammed for remarks on veterans",
    ],
)
def test_a_headlines_clipped_passive_names_who_was_spoken_of_not_who_spoke(nlp, text):
    quote = only(analyse(nlp, text))
    assert quote.speaker is None and quote.cue is not None


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Biden urged Congress to act.", "Biden"),
        ("Then again, the Pharisees are the ones Our Lord condemned for accommodating divorce.", "Our Lord"),
        ("Putin warned of war.", "Putin"),
    ],
)
def test_an_active_cue_keeps_its_speaker_beside_a_clipped_passive(nlp, text, speaker):
    assert only(analyse(nlp, text)).speaker.text == speaker


@pytest.mark.parametrize(
    ("speaker", "cue", "rest"),
    [
        ("EU", "rejects", "calls to cut aid"),
        ("Downing Street", "rejects", "calls for an inquiry"),
        # and "claims" or "reports" for its verb, the cue in the tag of a plural or of a verb
        ("Kremlin", "rejects", "claims Russia plans to attack NATO"),
        ("Kremlin", "dismisses", "reports Putin is ill"),
    ],
)
def test_a_headlines_cue_the_parser_takes_for_a_plural_noun_still_speaks(nlp, speaker, cue, rest):
    # the parser reads "rejects" as a plural noun, the subject of "calls"
    text = f"{speaker} {cue} {rest}\n\nMOSCOW (Reuters) - The agency had no comment."
    quote = analyse(nlp, text).quotes[0]
    assert (quote.speaker.text, quote.cue.text, quote.content.text) == (speaker, cue, rest)


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        # the tagger reads "predicts" as a plural noun on "Orban", the sentence's head
        ("Orban predicts that the war will end soon.", "Orban", "predicts", "that the war will end soon"),
        # the parser makes "Trump" the head, "charges" its object
        (
            "Trump charges that countries that stand to benefit from the deal donated millions to the foundation.",
            "Trump",
            "charges",
            "that countries that stand to benefit from the deal donated millions to the foundation",
        ),
        ("But Trump claims that he should be the exception.", "Trump", "claims", "that he should be the exception"),
        # ... with the that-clause hung on the name
        ("Trump notes that the economy is booming.", "Trump", "notes", "that the economy is booming"),
    ],
)
def test_a_cue_after_a_name_the_tagger_takes_for_a_plural_noun_still_speaks(nlp, text, speaker, cue, content):
    quote = only(analyse(nlp, text))
    assert (quote.speaker.text, quote.cue.text, quote.content.text) == (speaker, cue, content)


def test_a_name_the_parser_takes_for_a_noun_on_the_cue_speaks(nlp):
    # "Trump" read as a compound on "predicts", which has no subject
    quote = only(analyse(nlp, "President Trump predicts that the war will end soon."))
    assert (quote.speaker.text, quote.content.text) == ("President Trump", "that the war will end soon")
    # also where the tagger reads the name as a common noun, and NER misses it
    for text in ["Trump maintains that the economy is booming.", "Starmer predicts that the economy is booming."]:
        quote = only(analyse(nlp, text))
        assert (quote.speaker.text, quote.content.text) == (text.split()[0], "that the economy is booming")
    # not a common noun the parser runs the subject into
    quote = only(analyse(nlp, "But the only Balfour program on the list questions whether Israel should even exist."))
    assert quote.speaker is None


def test_a_plural_noun_with_a_that_clause_and_no_name_before_it_is_no_cue(nlp):
    assert analyse(nlp, "Fears that the plague would spread.").quotes == []
    assert analyse(nlp, "The fears that the plague would spread have now taken hold.").quotes == []


@pytest.mark.parametrize(
    "text",
    [
        # the tagger's verb in "-s" is the subject of the sentence's verb
        "And calls for help have gone unanswered since the storm.",
        # or has an adjective on it
        "The senator spoke on Thursday, as Democratic calls for his resignation mount following the latest "
        "accusations.",
        # or a plural determiner, which no verb in "-s" agrees with
        "These calls for more troops have come even as some senators criticised the plan.",
    ],
)
def test_a_plural_noun_the_tagger_reads_as_a_verb_in_s_is_no_cue(nlp, text):
    assert [q.cue.text for q in analyse(nlp, text).quotes if q.cue is not None and "call" in q.cue.text] == []
    # but an object of its own keeps it a verb, whatever the parser runs into it ("the encyclical" read as an
    # adjective on "rejects")
    text = "Issued 25 years ago, the encyclical rejects authoritatively the theory of situation ethics."
    assert [q.cue.text for q in analyse(nlp, text).quotes] == ["rejects"]


def test_a_clause_before_a_cue_with_an_object_of_its_own_is_not_what_it_reports(nlp):
    text = "Russia says it downed 41 Ukrainian drones, Kyiv reports strikes on refinery"
    assert [(q.speaker.text, q.content.text) for q in analyse(nlp, text).quotes] == [
        ("Russia", "it downed 41 Ukrainian drones")
    ]
    text = "World leaders denounce N. Korea test; Obama, others vow consequences"
    assert [(q.cue.text, q.content.text) for q in analyse(nlp, text).quotes] == [
        ("denounce", "N. Korea test"),
        ("vow", "consequences"),
    ]
    # a quote before its tag stays the tag's, whatever the parser hangs on the cue after it
    quote = only(analyse(nlp, '"We will win," Kerry told reporters.'))
    assert (quote.speaker.text, quote.content.text) == ("Kerry", '"We will win,"')


def test_a_headline_cue_shares_the_subject_of_the_verb_before_it(nlp):
    # the parser makes "Kremlin rejects talks" what "says" reports, with no subject of its own
    text = "Kremlin rejects talks, says West must withdraw first\n\nMOSCOW — The Kremlin said on Monday."
    (says,) = [q for q in analyse(nlp, text).quotes if q.cue.text == "says"]
    assert (says.speaker.text, says.content.text) == ("Kremlin", "West must withdraw first")
    # also past the quote mark closing after the comma, and the first verb keeps what it reports
    text = 'Venezuela\'s Maduro calls US strikes "murder," vows to resist'
    quotes = [(q.speaker.text, q.cue.text, q.content.text) for q in analyse(nlp, text).quotes]
    assert quotes == [
        ("Venezuela's Maduro", "calls", 'US strikes "murder,"'),
        ("Venezuela's Maduro", "vows", "to resist"),
    ]


def test_a_headlines_closing_name_the_parser_leaves_unattached_speaks(nlp):
    # the blank line after the headline runs on into the dateline, and the parser leaves "Araghchi" no role
    text = (
        "Tehran Will Not Bow to Zionist Blackmail, Says Araghchi\n\nTEHRAN (Press TV) - Iran's Foreign Minister "
        "Abbas Araghchi has said the Islamic Republic will never give up its right to enrich uranium."
    )
    says = analyse(nlp, text).quotes[0]
    assert (says.speaker.text, says.content.text) == ("Araghchi", "Tehran Will Not Bow to Zionist Blackmail")
    # a title alone is no one
    text = "The new orders give us that tool now as an option,' said Sgt.\nEric Pisconski, who leads the unit."
    assert analyse(nlp, text).quotes[0].speaker is None


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # of two subjects the parser gives the cue, the one beside it
        (
            "More than 64,000 voter registrations have been challenged this year, most of them in majority-Black "
            "counties, a Guardian analysis found.",
            "a Guardian analysis",
        ),
        # not the end of the first one's phrase
        ("A neighbor who heard the gunfire said it happened at a home.", "A neighbor"),
        (
            "Vitaly Churkin, spurning requests from Obama administration officials to impose sanctions against "
            "Iran under the resolution, asserted that the test was legal.",
            "Vitaly Churkin",
        ),
        (
            "But an email obtained by the USA TODAY NETWORK – Florida shows that Florida Democrats were organizing.",
            "an email",
        ),
        # the parser hangs the subject on a participle set between it and the cue
        (
            "Chief Justice John Roberts, writing for the court's conservative majority, said the programs were "
            "unlawful.",
            "Chief Justice John Roberts",
        ),
        # also with a name in apposition, and the comma hung on it
        (
            "Iran's foreign minister Abbas Araghchi, writing in the Financial Times, argued that sanctions had failed.",
            "Iran's foreign minister Abbas Araghchi",
        ),
        # nor a description between commas after a name
        (
            "COGAT, the Israeli military body that oversees aid, said it had let 4,000 trucks in.",
            "COGAT, the Israeli military body",
        ),
        # also where the parser makes the name a phrase of measure on the cue
        (
            "Hundreds of aid trucks are stuck at the crossings. COGAT, the Israeli military body that coordinates "
            "aid, said it had allowed 600 trucks a day into Gaza.",
            "COGAT, the Israeli military body",
        ),
        # nor a part of those it names, with the closing comma the parser hangs on it
        (
            "But demonstrators, most of them in their 20s, said they were fighting a finance bill.",
            "demonstrators, most of them",
        ),
        # and with none, the name beside it, which the parser hangs on the place the sentence opens with
        (
            "In the village of Turmus Ayya, Ayed Abu Awwad, 54, said masked men burned his car.",
            "Ayed Abu Awwad, 54",
        ),
        (
            "At the hospital in Khan Younis, Dr. Ahmed al-Farra, 60, told reporters that supplies were running out.",
            "Dr. Ahmed al-Farra, 60",
        ),
        # or on a place in a participle the sentence opens with
        (
            "Troubled by the protests in Ohio, Senator Tom Baker, the majority leader, said that he had spoken with "
            "the governor.",
            "Senator Tom Baker, the majority leader",
        ),
        # or as a second noun of the phrase, joined to it by the comma alone
        (
            "After a week of clashes between two of the city’s best-known Democrats, Council Leader Tom Baker’s "
            "office announced Friday that Baker will meet the mayor on Thursday.",
            "Council Leader Tom Baker’s office",
        ),
        # or on "after", as if Trump were a time, with the cue a clause of its own
        (
            'His comments came after Trump, in an interview with Politico, accused Kyiv of "using the war" to '
            "avoid a vote.",
            "Trump",
        ),
    ],
)
def test_of_two_subjects_the_speaker_is_the_one_beside_the_cue(nlp, text, speaker):
    assert only(analyse(nlp, text)).speaker.text == speaker


def test_a_participle_set_off_on_the_speaker_is_neither_speaker_nor_content(nlp):
    # the parser takes "Johnson, asked about ..." for fronted content with a subject of its own
    text = (
        "Mayor Brandon Johnson, asked about the shootings on Monday, said violence prevention programs needed "
        '"time and investment" to work.'
    )
    quotes = [(q.speaker.text if q.speaker else None, q.cue.text, q.content.text) for q in analyse(nlp, text).quotes]
    # he was asked about the shootings, by someone unnamed
    assert quotes == [
        (None, "asked about", "the shootings on Monday"),
        ("Mayor Brandon Johnson", "said", 'violence prevention programs needed "time and investment" to work'),
    ]
    quotes = analyse(nlp, "The minister, accused of fraud, denied the charges.").quotes
    assert [(q.speaker.text if q.speaker else None, q.cue.text) for q in quotes] == [
        (None, "accused"),
        ("The minister", "denied"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the parser makes "asked" the sentence's verb, with the cue hung on it...
        (
            'Peskov, asked about the report, said it was "nonsense."',
            [(None, "asked about", "the report"), ("Peskov", "said", 'it was "nonsense."')],
        ),
        (
            'A Pentagon spokesman, asked whether the strikes would continue, said only that "operations are ongoing."',
            [
                (None, "asked", "whether the strikes would continue"),
                ("A Pentagon spokesman", "said", '"operations are ongoing."'),
            ],
        ),
        # ... or a clause on the cue, ending with its comma
        (
            "Trump, asked if he would pardon him, said he had not thought about it.",
            [(None, "asked", "if he would pardon him"), ("Trump", "said", "he had not thought about it")],
        ),
        (
            "Mayor Brandon Johnson, asked about the shootings, said the city would not back down.",
            [(None, "asked about", "the shootings"), ("Mayor Brandon Johnson", "said", "the city would not back down")],
        ),
    ],
)
def test_who_is_asked_in_a_participle_set_off_on_them_speaks_in_the_cue_after_it(nlp, text, expected):
    quotes = analyse(nlp, text).quotes
    assert [(q.speaker.text if q.speaker else None, q.cue.text, q.content.text) for q in quotes] == expected


def test_a_tag_with_its_subject_after_the_cue_closes_the_sentence(nlp):
    # the parser makes the cue a conjunct of what it reports, and the speaker its object or subject
    quote = only(analyse(nlp, "Inflation will stay high for years, warned the IMF on Tuesday."))
    assert (quote.speaker.text, quote.content.text) == ("the IMF", "Inflation will stay high for years")
    quote = only(analyse(nlp, "The plan will fail, warns the minister."))
    assert (quote.speaker.text, quote.content.text) == ("the minister", "The plan will fail")
    # a headline's role with no article, which the parser makes the cue's object
    quote = only(analyse(nlp, "Pakistan-sponsored terror will be crushed, vows Defence Minister"))
    assert (quote.speaker.text, quote.content.text) == ("Defence Minister", "Pakistan-sponsored terror will be crushed")


@pytest.mark.parametrize(
    "text",
    [
        'The so-called "freedom of navigation" operations by US warships are nothing but naked hegemony, '
        "Chinese Foreign Ministry spokesperson Mao Ning said on Thursday.",
        "The operations by US warships are nothing but naked hegemony, "
        "Chinese Foreign Ministry spokesperson Mao Ning said on Thursday.",
    ],
)
def test_a_closing_tag_whose_speaker_the_parser_hung_on_the_last_noun(nlp, text):
    # the parser makes "Mao Ning" an apposition of "hegemony", and "said" a verb with no subject
    quote = only(analyse(nlp, text))
    assert quote.speaker.text == "Chinese Foreign Ministry spokesperson Mao Ning"
    assert quote.content.text.endswith("are nothing but naked hegemony")


def test_a_closing_tag_the_parser_took_for_a_relative_clause_on_the_last_noun(nlp):
    # as if "the lie that a spokesperson said"
    text = (
        'The so-called "genocide" in Xinjiang is "the lie of the century" fabricated by anti-China forces, a '
        "spokesperson for the Xinjiang regional government said on Friday."
    )
    quote = only(analyse(nlp, text))
    assert quote.speaker.text == "a spokesperson for the Xinjiang regional government"
    assert (
        quote.content.text
        == 'The so-called "genocide" in Xinjiang is "the lie of the century" fabricated by anti-China forces'
    )
    # also with the writer's remark after it
    text = (
        "Israel's security cabinet approved 19 new settlements in the occupied West Bank, Finance Minister "
        'Bezalel Smotrich announced, a move he said would "bury the idea of a Palestinian state."'
    )
    announced, _ = analyse(nlp, text).quotes
    assert (announced.speaker.text, announced.cue.text) == ("Finance Minister Bezalel Smotrich", "announced")
    assert announced.content.text == "Israel's security cabinet approved 19 new settlements in the occupied West Bank"
    # not one with a relative pronoun
    quote = only(analyse(nlp, "It was a claim, which the minister said was false."))
    assert quote.content.text == "was false"


def test_a_closing_tag_after_a_comma_whose_speaker_hangs_on_the_clause_it_closes(nlp):
    # "said" is the root with the clause its complement, and "the head ..." an apposition of "child"
    text = (
        "Ukrainian formations fired 40 shells at Donetsk on Monday, killing five civilians, including a child, "
        "the head of the Donetsk People's Republic, Denis Pushilin, said."
    )
    record = analyse(nlp, text)
    quote = only(record)
    assert quote.speaker.text == "the head of the Donetsk People's Republic, Denis Pushilin"
    assert quote.content.text.endswith("including a child")
    # the name beside the description is who speaks, not the body it heads
    assert record.entities[quote.speaker_entity].name == "Denis Pushilin"
    # so with a bracket after the name
    record = analyse(
        nlp, "The chairman of the Intelligence Committee, Devin Nunes (R-Calif.), said the memo was right."
    )
    assert record.entities[only(record).speaker_entity].name == "Devin Nunes"
    # the parser hangs the closing quote mark on the name after it
    text = (
        "“He's absolutely right. There's a severe disconnect between this White House and frankly the security "
        "establishment,” Flynn, a top Trump surrogate, said on Fox and Friends."
    )
    assert only(analyse(nlp, text)).speaker.text == "Flynn, a top Trump surrogate"
    # or the description before the name on the quoted clause, as its object
    quote = only(analyse(nlp, '"It is over," the agency\'s chief, John Smith, said.'))
    assert (quote.speaker.text, quote.content.text) == ("the agency's chief, John Smith", '"It is over,"')
    # a participle after a description is no tag
    text = (
        "Trump's representatives reached out to John McConnell and Matthew Scully, two veterans of George W. "
        "Bush's White House, asking them to draft a speech for Melania Trump."
    )
    assert [q.speaker.text for q in analyse(nlp, text).quotes] == ["Trump's representatives"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Sen. Ted Cruz (R-Tex.) said the deal was dead.", "Sen. Ted Cruz (R-Tex.)"),
        ("The U.N. humanitarian office (OCHA) said aid had stopped.", "The U.N. humanitarian office (OCHA)"),
    ],
)
def test_a_speaker_closes_the_bracket_it_opens(nlp, text, speaker):
    assert only(analyse(nlp, text)).speaker.text == speaker


def speaker_and_entity(nlp, text: str) -> tuple[str, str | None]:
    record = analyse(nlp, text)
    quote = only(record)
    entity = record.entities[quote.speaker_entity].name if quote.speaker_entity is not None else None
    return quote.speaker.text, entity


def test_a_cue_the_parser_hangs_on_a_root_noun_has_that_noun_for_subject(nlp):
    # with no verb for the sentence, the parser makes "minister" its root and "called" a clause on it
    text = "Ukraine's foreign minister, Dmytro Kuleba, called on Western partners to deliver more Patriot systems."
    assert speaker_and_entity(nlp, text) == ("Ukraine's foreign minister, Dmytro Kuleba", "Dmytro Kuleba")
    # or a relative clause on it, after the one the sentence holds
    text = (
        "The Family Research Council, which the SPLC lists as an anti-LGBTQ hate group, called the designation "
        '"a badge of honor."'
    )
    assert speaker_and_entity(nlp, text) == ("The Family Research Council", "Family Research Council")
    # or a participle, as the tagger takes the cue for one, that reports a clause
    text = "Eli Lilly, which controls about a third of the market, announced in March that it would cap costs."
    assert speaker_and_entity(nlp, text) == ("Eli Lilly", "Eli Lilly")
    # or what a colon opens
    text = (
        "Dr. Tanya Haj-Hassan, a pediatric intensive care doctor who volunteered at Al-Aqsa Hospital, posted on "
        'Instagram: "I have never seen so many children with wounds like these."'
    )
    assert speaker_and_entity(nlp, text)[1] == "Tanya Haj-Hassan"
    # or on the object of the root's preposition
    text = "Families of the hostages called on the government to halt the deal."
    assert speaker_and_entity(nlp, text) == ("Families of the hostages", None)


def test_a_subject_the_parser_gives_to_a_relative_clause_before_the_cue_still_speaks(nlp):
    # after a quote the parser reads "whose forecasts were published ..." as what the office said, and the
    # office as its subject
    text = (
        '"I am asking everyone to make a contribution," Reeves told lawmakers. The Office for Budget '
        "Responsibility, whose forecasts were accidentally published an hour early, said the measures would lift "
        "the tax burden."
    )
    record = analyse(nlp, text)
    assert [(q.speaker.text, q.content.text) for q in record.quotes][-1] == (
        "The Office for Budget Responsibility",
        "the measures would lift the tax burden",
    )
    assert record.entities[record.quotes[-1].speaker_entity].name == "Office for Budget Responsibility"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # whoever released the statement speaks through it; a letter with no sender named speaks itself
        ("CNN released a statement saying no decision has been made.", "CNN"),
        ("He was arrested despite a 2015 letter from ICE saying he would have a hearing.", "a 2015 letter from ICE"),
        # nor does who only read, cites or vetoes it
        ("The senator read a letter saying the plant was unsafe.", "a letter"),
        ("Advocates cite other research showing that shooting deaths fell during the ban.", "other research"),
        ("Washington has vetoed three resolutions saying a ceasefire was needed.", "three resolutions"),
        # nor who suppresses or censors it
        ("Facebook suppressed posts saying the virus leaked from a lab.", "posts"),
        # who is cited or quoted, not who cites or quotes them
        ("Reuters quoted officials as saying the talks had failed.", "officials"),
        ("Basem Naim was quoted by Reuters as saying the talks had failed.", "Basem Naim"),
    ],
)
def test_a_text_or_a_source_saying_something_speaks(nlp, text, speaker):
    (quote,) = [q for q in analyse(nlp, text).quotes if q.cue.text in {"saying", "showing"}]
    assert quote.speaker.text == speaker


def test_who_gives_a_lecture_claiming_something_speaks(nlp):
    text = 'Putin spent the first 30 minutes giving a history lecture claiming Ukraine was an "artificial state."'
    quote = only(analyse(nlp, text))
    assert (quote.speaker.text, quote.cue.text) == ("Putin", "claiming")


def test_a_source_cited_as_saying_something_speaks(nlp):
    text = "The Guardian cited two unidentified sources as saying Manafort met Assange."
    (quote,) = [q for q in analyse(nlp, text).quotes if q.cue.text == "saying"]
    assert (quote.speaker.text, quote.content.text) == ("two unidentified sources", "Manafort met Assange")
    # a thing that says nothing is no speaker
    text = "A microphone picked up Trump telling Christie to go home."
    assert all(q.speaker is None or "microphone" not in q.speaker.text for q in analyse(nlp, text).quotes)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # who did it "by claiming", and people claiming
        ("Loesch sparked controversy this month by claiming that the media loved mass shootings.", "Loesch"),
        ("In response to cops claiming to find a tip, the family sued.", "cops"),
        # not the people written to, whom a participle follows: who wrote to them says it
        ('The mayor emailed supporters saying: "The fight goes on."', "The mayor"),
        ("Mr. Ortiz texted his staff telling them the deal was off.", "Mr. Ortiz"),
        # people met or seen are no one's addressees
        ("The governor met protesters demanding lower rents.", "protesters"),
        # not a thing that got rolling
        ("Rep. Danny Davis helped get the ball rolling by praising Farrakhan.", None),
        # one a passive is done to, who goes on to speak
        (
            "Zohran Mamdani was sworn in as New York City's 112th mayor on Thursday, promising to freeze rents.",
            "Zohran Mamdani",
        ),
        # or before an active verb joined to the passive
        ("Yermak has not been charged and has denied wrongdoing.", "Yermak"),
        # what "with" opens, whatever kind of speaker it names
        (
            "Prime Minister Keir Starmer faced a growing revolt from his own MPs on Wednesday over cuts to winter "
            "fuel payments, with charities warning that thousands of pensioners could die from the cold.",
            "charities",
        ),
    ],
)
def test_who_speaks_in_a_participle(nlp, text, speaker):
    quote = only(analyse(nlp, text))
    assert (quote.speaker.text if quote.speaker else None) == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # whoever spoke first, of whatever kind
        (
            '"We have a very good relationship," Mr. Trump said of Mr. Xi, before adding that trade talks were '
            '"going well."',
            "Mr. Trump",
        ),
        ('"We removed the pages," Facebook said, before accusing the sites of selling fake products.', "Facebook"),
        # whoever did something before or after it, or had something done to them
        (
            "Mr. McConnell deflected questions about Mr. Trump before saying it was time to get on message.",
            "Mr. McConnell",
        ),
        ("The journalist was arrested after saying that the army had lied.", "The journalist"),
        # not one who is asked
        ('"It\'s the bar on top," dispatch continues before being asked if the shooter was pinned down.', None),
    ],
)
def test_who_speaks_before_or_after_doing_something_did_it(nlp, text, speaker):
    (quote,) = [q for q in analyse(nlp, text).quotes if q.cue.text.split()[0].endswith("ing")]
    assert (quote.speaker.text if quote.speaker else None) == speaker


def test_whom_a_passive_is_said_of_speaks_in_its_infinitive(nlp):
    for text, speaker, passive in (
        ("Erdogan was reported to have told aides that he would not back down.", "Erdogan", "was reported"),
        (
            "The minister is said to have told colleagues that the scheme would be dropped.",
            "The minister",
            "is said",
        ),
    ):
        # who reports it, or says it, is unnamed
        assert [(q.speaker.text if q.speaker else None, q.cue.text) for q in analyse(nlp, text).quotes] == [
            (None, passive),
            (speaker, "to have told"),
        ]
    # a passive of anything else names no speaker: no one is reported believing this
    assert analyse(nlp, "Many will be tempted to believe that the crisis is over.").quotes == []


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        (
            "Politifact seized on Trump's claim that there have been thousands of shootings in Chicago.",
            "Trump",
            "claim",
            "that there have been thousands of shootings in Chicago",
        ),
        (
            "The ministry's assertion that no civilians were hurt was contradicted by video.",
            "The ministry",
            "assertion",
            "that no civilians were hurt",
        ),
        (
            "The president repeated his claim that the election was rigged.",
            "his",
            "claim",
            "that the election was rigged",
        ),
    ],
)
def test_a_claim_is_its_owners(nlp, text, speaker, cue, content):
    quote = only(analyse(nlp, text))
    assert (quote.speaker.text, quote.cue.text, quote.content.text) == (speaker, cue, content)


def test_a_claim_ends_where_its_critics_words_begin(nlp):
    text = (
        "Kyiv on Sunday rejected Moscow's claims that it had captured two villages near Pokrovsk, calling them "
        '"pure fiction."'
    )
    quotes = {q.cue.text: (q.speaker.text, q.content.text) for q in analyse(nlp, text).quotes}
    assert quotes["claims"] == ("Moscow", "that it had captured two villages near Pokrovsk")
    assert quotes["calling"] == ("Kyiv", 'them "pure fiction."')


def test_a_claims_owner_is_no_antecedent_of_a_pronoun_after_it(nlp):
    text = (
        "The Times published a column by a psychiatrist, Richard A. Friedman, who cited neurological science to "
        'conclude that Ms. Ford\'s claim that she has "a vivid memory of an attack" is "credible." The reason, he '
        'wrote, is that "memories formed under the influence of intense emotion are indelible."'
    )
    assert last_speaker(nlp, text) == ("he", "Richard A. Friedman")


def test_a_claim_with_no_owner_or_no_clause_is_no_ones(nlp):
    assert analyse(nlp, "The claim that vaccines cause autism has been debunked.").quotes == []
    assert analyse(nlp, "Trump's claim was debunked by the county clerk.").quotes == []


def test_what_hearsay_says_is_of_whom_it_is_said(nlp):
    # "to be furious" says nothing alone: what is said runs from its subject, over the cue
    for text in ("Putin is said to be furious.", "Zelensky is said to have rejected the proposal outright."):
        quote = only(analyse(nlp, text))
        assert (quote.speaker, quote.content.text) == (None, text[:-1])


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Even Sen. Joe Manchin now admits the bill was a mistake.", "Sen. Joe Manchin"),
        # a hyphened "then-" is part of the title
        (
            "Then-Treasury Secretary Jack Lew testified that Iran would be denied access.",
            "Then-Treasury Secretary Jack Lew",
        ),
        # nor is the writer's aside on the speaker
        (
            "Health Secretary Robert F. Kennedy Jr., to his credit, has promised a review.",
            "Health Secretary Robert F. Kennedy Jr.",
        ),
        # though whom the speaker includes speaks too
        (
            "Scott's relatives, including his wife, said they had more questions than answers.",
            "Scott's relatives, including his wife",
        ),
    ],
)
def test_an_adverb_of_the_sentence_is_no_part_of_the_speaker(nlp, text, speaker):
    assert only(analyse(nlp, text)).speaker.text == speaker


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "Settlers attacked Palestinians at least 264 times in October, the highest figure since 2006, the U.N. "
            "humanitarian office, OCHA, said Thursday.",
            "the U.N. humanitarian office, OCHA",
            "Settlers attacked Palestinians at least 264 times in October, the highest figure since 2006",
        ),
        # so where the parser hangs the speaker on the clause's object, with the comma before the cue
        (
            "Settlers attacked Palestinians in the West Bank 264 times in October, the highest monthly figure "
            "since the United Nations began tracking such incidents in 2006, the U.N. humanitarian office, OCHA, "
            "said.",
            "the U.N. humanitarian office, OCHA",
            "Settlers attacked Palestinians in the West Bank 264 times in October, the highest monthly figure "
            "since the United Nations began tracking such incidents in 2006",
        ),
        # a list of speakers keeps its "and"
        (
            "The economy grew 2%, a sign of recovery, analysts and officials said.",
            "analysts and officials",
            "The economy grew 2%, a sign of recovery",
        ),
    ],
)
def test_a_noun_summing_up_what_was_said_is_not_the_speaker(nlp, text, speaker, content):
    quote = only(analyse(nlp, text))
    assert (quote.speaker.text, quote.content.text) == (speaker, content)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Meanwhile, Russian strikes on Kyiv killed at least six people, the mayor said.",
            "Russian strikes on Kyiv killed at least six people",
        ),
        ("However, the deal will not be signed this year, officials said.", "the deal will not be signed this year"),
        # where the parser hangs the speaker on the clause's last noun
        (
            "Meanwhile, Russian strikes killed six people and wounded 35 others, the head of the city's military "
            "administration, Tymur Tkachenko, said.",
            "Russian strikes killed six people and wounded 35 others",
        ),
        # and before what an "according to" qualifies
        ("However, prices rose 4%, according to the bureau.", "prices rose 4%"),
        # and before an "as" clause, which takes the rest of its sentence
        (
            "Furthermore, as I reported on Wednesday, the Associated Press reported on the training.",
            "the Associated Press reported on the training",
        ),
        # inside the quote marks, it is the speaker's
        ('"However, we will not sign," he said.', '"However, we will not sign,"'),
    ],
)
def test_the_writers_connective_is_no_part_of_what_was_said(nlp, text, content):
    assert only(analyse(nlp, text)).content.text == content


def test_a_participle_joined_to_one_closing_the_sentence_has_its_speaker(nlp):
    text = "The court struck down the scheme, calling it unconstitutional and ordering the bank to publish the names."
    assert [(q.cue.text, q.speaker.text if q.speaker else None) for q in analyse(nlp, text).quotes] == [
        ("calling", "The court"),
        ("ordering", "The court"),
    ]


def test_a_cue_joined_to_one_taken_for_a_participle_on_the_speaker_has_its_speaker(nlp):
    text = (
        "Pope Leo XIV, in his first Christmas message, called for peace in Ukraine and Gaza and urged world leaders "
        'to "have the courage to dialogue."'
    )
    assert [(q.cue.text, q.speaker.text if q.speaker else None) for q in analyse(nlp, text).quotes] == [
        ("called for", "Pope Leo XIV"),
        ("urged", "Pope Leo XIV"),
    ]
    # a passive's agent is not who goes on to speak
    text = (
        "Our forefathers threw off the tyrant that would not be ruled by God and declared "
        '"Resistance to tyrants is obedience to God!"'
    )
    assert all(q.speaker is None or q.speaker.text != "God" for q in analyse(nlp, text).quotes)


@pytest.mark.parametrize(
    "text",
    [
        "Symptoms include swollen lymph nodes, called buboes.",
        "Guyger entered the apartment and called 911.",
        "She called into Tom Joyner's radio program when she was home sick with pneumonia.",
        "Young died at a time when some calls into the VA hotline were going to voicemail.",
        # nor is referring a case on
        "The committee will refer the matter to the FBI.",
        # nor convening an election, a strike or a meeting
        "The president called a snap election for March.",
        "Vucic has refused to call a vote before 2027.",
        "The chairman called a top-secret meeting of the commission.",
        # also where the parser joins the participle naming a thing to the verb before it
        "The cold could echo the one in the 17th century, called the Maunder Minimum, when the Thames froze.",
    ],
)
def test_naming_a_thing_or_calling_a_number_is_no_speech(nlp, text):
    assert analyse(nlp, text).quotes == []


def test_denying_a_request_refuses_it_and_is_no_speech(nlp):
    assert analyse(nlp, "He had decided to deny the CIA's request for secrecy.").quotes == []
    assert analyse(nlp, "A federal judge denied bail on Wednesday to all five defendants.").quotes == []
    assert only(analyse(nlp, "The ministry denied the claim.")).content.text == "the claim"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ('Trump\'s attorney, Steve Sadow, called the ruling "a correct one."', 'the ruling "a correct one."'),
        # a name with a number in it is no number called
        ('Sen. Chris Murphy has called the AR-15 "a weapon of war."', 'the AR-15 "a weapon of war."'),
    ],
)
def test_calling_something_a_good_one_is_speech(nlp, text, content):
    assert only(analyse(nlp, text)).content.text == content


def test_what_a_relative_clause_calls_its_object_is_said_wherever_the_parser_hangs_it(nlp):
    # the parser hangs "a numbskull" on Trump as an apposition
    text = 'The Fed resisted Donald Trump, who has called Chair Jerome Powell "a numbskull" and demanded cuts.'
    called = analyse(nlp, text).quotes[0]
    assert (called.speaker.text, called.content.text) == ("who", 'Chair Jerome Powell "a numbskull"')


def test_a_phrase_the_cue_takes_after_a_quoted_object_is_part_of_what_was_said(nlp):
    # the quote is more than half the content, and the parser hangs "for" on "blamed"
    text = 'His government blamed "remnants of the former regime" for starting the violence.'
    quote = only(analyse(nlp, text))
    assert (quote.content.text, quote.direct) == ('"remnants of the former regime" for starting the violence', False)


def test_what_an_it_a_cue_names_stands_for_is_said_wherever_the_parser_hangs_it(nlp):
    # the parser hangs "compete" on Newsom as a relative clause
    text = (
        'Gov. Gavin Newsom, who in March called it "deeply unfair" for trans athletes to compete in girls\' '
        "sports, did not respond."
    )
    assert only(analyse(nlp, text)).content.text == 'it "deeply unfair" for trans athletes to compete in girls\' sports'


def test_who_made_a_report_is_part_of_its_speaker(nlp):
    text = "Police killed 41 people this year, according to data compiled by Mapping Police Violence."
    assert speaker_and_entity(nlp, text) == ("data compiled by Mapping Police Violence", "Mapping Police Violence")
    # who obtained the emails did not write them
    assert speaker_and_entity(nlp, "Emails obtained by NBC News show that the plan was known.") == ("Emails", None)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The talks have stalled, a person briefed on the talks said.", "a person briefed on the talks"),
        # also where the tagger reads the participle as a past
        ("Officials briefed on the assessment said the talks have stalled.", "Officials briefed on the assessment"),
        # but not what the speaker said of themselves after a comma
        (
            '"You are going to see a massive ad spend," said one Republican involved in the planning, who spoke on '
            "the condition of anonymity.",
            "one Republican involved in the planning",
        ),
    ],
)
def test_how_an_unnamed_source_came_to_know_is_part_of_who_speaks(nlp, text, speaker):
    assert only(analyse(nlp, text)).speaker.text == speaker


def test_what_someone_had_done_is_not_part_of_who_speaks(nlp):
    assert only(analyse(nlp, "A man arrested at the scene said he was innocent.")).speaker.text == "A man"


def test_to_whom_one_speaks_is_not_what_is_said(nlp):
    assert analyse(nlp, "The minister spoke to reporters in Paris on Monday.").quotes == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The alarmists promise us the end of snow.", "the end of snow"),
        ("The government has promised police an extra $880 million.", "an extra $880 million"),
    ],
)
def test_to_whom_something_is_promised_is_not_what_is_promised(nlp, text, content):
    assert only(analyse(nlp, text)).content.text == content


@pytest.mark.parametrize(
    "text",
    [
        "It's time to say it plainly: the war is lost.",
        "It is fair to say that the plan failed.",
        "It is important to note that the plan failed.",
        "It is time for Democrats to reject the bigotry of these radicals.",
        # "That said" concedes: its "That" is no one, and what follows is the writer's
        "That said, Cruz cannot realistically get enough delegates to win.",
        "But that said, the plan is dead.",
    ],
)
def test_the_writers_aside_is_no_quote(nlp, text):
    assert analyse(nlp, text).quotes == []


def test_a_quote_after_that_said_is_its_own_speakers(nlp):
    quote = only(analyse(nlp, '(That said, she also noted, "When you attack him, he fights back.")'))
    assert (quote.speaker.text, quote.cue.text) == ("she", "noted")


def test_a_pronoun_quick_to_speak_still_speaks(nlp):
    quote = only(analyse(nlp, "It was quick to deny that the plan failed."))
    assert (quote.speaker.text, quote.content.text) == ("It", "that the plan failed")


@pytest.mark.parametrize(
    "text",
    ["The union called off the strike on Friday.", "The army called up 300,000 reservists.", "He called back later."],
)
def test_a_cue_with_a_particle_of_another_sense_is_no_speech(nlp, text):
    assert analyse(nlp, text).quotes == []


def test_a_court_ruling_that_something_is_so_reports_it(nlp):
    quote = only(analyse(nlp, "The Supreme Court ruled that the tariffs were illegal."))
    assert (quote.speaker.text, quote.cue.text, quote.content.text) == (
        "The Supreme Court",
        "ruled",
        "that the tariffs were illegal",
    )
    text = "A court had blocked the deployment in January, ruling that only disciplined forces could be sent abroad."
    quote = only(analyse(nlp, text))
    assert (quote.speaker.text, quote.content.text) == ("A court", "that only disciplined forces could be sent abroad")
    # a rule, a ruling and ruling a country say nothing
    for text in (
        "The rules that govern trade are clear.",
        "A ruling that the tariffs were illegal stunned markets.",
        "The party ruled the country for decades.",
    ):
        assert analyse(nlp, text).quotes == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'Schumer shot back that Republicans "own this shutdown."',
            [("Schumer", "shot back", 'that Republicans "own this shutdown."')],
        ),
        ('"Let me talk," Trump fired back.', [("Trump", "fired back", '"Let me talk,"')]),
        # with no words after them, they are shots
        ("Police fired back.", []),
        ("Israel fired back two rockets at Hamas positions.", []),
        ("The Warriors hit back with a 12-0 run.", []),
    ],
)
def test_back_makes_firing_or_striking_a_retort(nlp, text, expected):
    quotes = analyse(nlp, text).quotes
    assert [(q.speaker.text, q.cue.text, q.content.text) for q in quotes] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '"We will not be intimidated," the statement read. "Our journalists will continue to report the truth, '
            'whatever the cost."',
            [
                ("the statement", "read", '"We will not be intimidated,"'),
                (
                    "the statement",
                    None,
                    '"Our journalists will continue to report the truth, whatever the cost."',
                ),
            ],
        ),
        (
            'The letter, which was seen by the BBC, read: "We have lost confidence in the leadership."',
            [("The letter", "read", '"We have lost confidence in the leadership."')],
        ),
        ('The caption reads: "Soldiers at rest."', [("The caption", "reads", '"Soldiers at rest."')]),
        # after the quote the parser takes the statement for what is read
        (
            '"We mourn a father and a friend," read a statement from the family.',
            [("a statement from the family", "read", '"We mourn a father and a friend,"')],
        ),
        # whoever reads words says nothing
        ("She read the letter aloud to the court.", []),
        ('"I read the book twice," said Tom.', [("Tom", "said", '"I read the book twice,"')]),
    ],
)
def test_written_words_say_what_they_read(nlp, text, expected):
    quotes = analyse(nlp, text).quotes
    assert [(q.speaker.text, q.cue.text if q.cue else None, q.content.text) for q in quotes] == expected


@pytest.mark.parametrize(
    "text",
    [
        "The explosion blasted the car into the air.",
        "The storm slammed the coast overnight.",
        "Hurricane Milton slammed Florida's Gulf Coast.",
    ],
)
def test_a_force_that_slams_or_blasts_says_nothing(nlp, text):
    assert analyse(nlp, text).quotes == []


def test_a_person_who_slams_speaks_though_a_force_names_their_job(nlp):
    quote = only(analyse(nlp, "The fire chief slammed the mayor's budget cuts."))
    assert (quote.speaker.text, quote.content.text) == ("The fire chief", "the mayor's budget cuts")


def test_what_is_alleged_may_be_an_object_but_never_a_person(nlp):
    text = (
        "Trump's lawyers have threatened to sue the broadcaster for $1 billion, alleging \"false, defamatory, "
        'disparaging" statements.'
    )
    alleging = [q for q in analyse(nlp, text).quotes if q.cue.text == "alleging"]
    assert [(q.speaker.text, q.content.text) for q in alleging] == [
        ("Trump's lawyers", '"false, defamatory, disparaging" statements')
    ]
    # the parser makes the name the object and breaks off the clause it is the subject of
    text = "She alleges Kavanaugh and a friend of his, both of whom had been drinking, cornered her in a room."
    assert all(
        q.content.text != "Kavanaugh and a friend of his, both of whom had been drinking"
        for q in analyse(nlp, text).quotes
    )


def test_when_one_calls_for_something_is_not_part_of_the_cue(nlp):
    quote = only(analyse(nlp, "The party called on Friday for calm."))
    assert (quote.cue.text, quote.content.text) == ("called on Friday for", "calm")


def test_a_preposition_after_the_name_a_cue_gives_is_the_names_not_a_call_on(nlp):
    # the parser hangs "on" on "called"; the sentence before makes it do so
    text = (
        "According to KFF, average premiums would rise by 114 percent next year. "
        'Schumer called the Republican plan "a cruel hoax on working Americans."'
    )
    called = next(q for q in analyse(nlp, text).quotes if q.speaker.text == "Schumer")
    assert (called.cue.text, called.content.text) == (
        "called",
        'the Republican plan "a cruel hoax on working Americans."',
    )


@pytest.mark.parametrize("verb", ["hopes", "hoped", "is hoping"])
def test_a_hope_is_a_view_held_though_the_parser_lemmatises_it_hop(nlp, verb):
    record = analyse(nlp, f"The minister {verb} that the talks will resume in May.")
    quote = only(record)
    assert (quote.speaker.text, quote.content.text) == ("The minister", "that the talks will resume in May")


def test_an_object_pronoun_resolves_like_a_subject_one(nlp):
    record = analyse(
        nlp, "Maria Zakharova spoke in Moscow on Monday. According to her, the talks have failed for good."
    )
    quote = only(record)
    assert quote.speaker.text == "her"
    assert record.entities[quote.speaker_entity].name == "Maria Zakharova"


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        # the parser hangs the that-clause on "briefing" as a relative clause
        (
            "Mao Ning told a regular press briefing that Washington was playing with fire.",
            "Mao Ning",
            "that Washington was playing with fire",
        ),
        # or on the place where it was told
        (
            "Karen Liu told reporters outside the courthouse that her client would appeal.",
            "Karen Liu",
            "that her client would appeal",
        ),
        # or on the occasion
        (
            "The ministry said in a statement that the strikes had hit only military targets.",
            "The ministry",
            "that the strikes had hit only military targets",
        ),
        # or on the occasion's apposition
        (
            "Opposition leader Kemal Arslan said in a post on X, formerly Twitter, that the government had "
            "abandoned flood victims.",
            "Opposition leader Kemal Arslan",
            "that the government had abandoned flood victims",
        ),
        # or on whom the occasion was addressed to, where a quote mark makes "that" a relative pronoun
        (
            'The lawmakers wrote in a letter to the secretary that the cuts would "endanger lives."',
            "The lawmakers",
            'that the cuts would "endanger lives."',
        ),
        # also where the clause's subject is itself a clause, which the parser may hang beside "that"
        (
            'The cleric told a gathering of students that negotiating with Washington was "neither wise nor '
            'honourable."',
            "The cleric",
            'that negotiating with Washington was "neither wise nor honourable."',
        ),
    ],
)
def test_a_that_clause_the_parser_hangs_on_a_noun_is_what_was_said(nlp, text, speaker, content):
    quote = only(analyse(nlp, text))
    assert (quote.speaker.text, quote.content.text) == (speaker, content)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # the parser reads "wait times" as a measure of saying and "for organs" as its preposition
        (
            "Rep. Chris Smith (R-N.J.), who chaired the hearing, said wait times for organs in China were as short "
            "as two weeks.",
            "wait times for organs in China were as short as two weeks",
        ),
        # also with a "not ..." set off by commas
        (
            "Council president Cossette Lopez said technical problems with a contractor's system, not "
            "manipulation, were to blame.",
            "technical problems with a contractor's system, not manipulation, were to blame",
        ),
        (
            "Trump is demanding President Barack Obama make a pledge not to pardon Hillary Clinton.",
            "President Barack Obama make a pledge not to pardon Hillary Clinton",
        ),
        (
            "Solomon had found even more dirt on this ugly Clinton led deal.",
            "even more dirt on this ugly Clinton led deal",
        ),
        # from a "that" the parser takes for its determiner, not from where it was said
        (
            "Governor Veniamin Kondratyev wrote on Telegram that debris from a downed drone had fallen on the "
            "plant's grounds.",
            "that debris from a downed drone had fallen on the plant's grounds",
        ),
        # whom a cue addresses, or a clause's own "there", is no such subject
        ("They are telling us there is no terrorist connection.", "there is no terrorist connection"),
        # but what follows whom it addresses is, and a clause on a modal is finite
        ("They told you masks would stop the virus.", "masks would stop the virus"),
        ("They told you lockdowns would last two weeks.", "lockdowns would last two weeks"),
        ('The so-called "experts" told you masks would stop the virus.', "masks would stop the virus"),
        # a thing is nobody "warned"; "the council" would be
        (
            "Business groups warned the changes would worsen staff shortages.",
            "the changes would worsen staff shortages",
        ),
        ("He warned the council the plan would fail.", "the plan would fail"),
        # the quote mark makes "hold" a relative clause of "conclusions", the cue's object
        (
            'The author corrected the mistake but insisted the main conclusions "still hold."',
            'the main conclusions "still hold."',
        ),
        # or a participle of it, past whom a cue addresses too
        (
            'Hegseth insisted the admiral "acted within his authority" when he ordered the second strike.',
            'the admiral "acted within his authority" when he ordered the second strike',
        ),
        (
            'Karoline Leavitt told reporters the admiral "acted within his authority" when he ordered the second '
            "strike.",
            'the admiral "acted within his authority" when he ordered the second strike',
        ),
        (
            'He told me the new commander of the fleet "acted within the law."',
            'the new commander of the fleet "acted within the law."',
        ),
        # (but what a cue of objects takes may have a participle in quote marks)
        (
            'The ministry denied the claims "made by the opposition" about the vote.',
            'the claims "made by the opposition" about the vote',
        ),
        # a verb read as a noun ("rewards") leaves the clause's verb two subjects, as a relative clause of it
        (
            "Ukrainian officials, who were not at the table, said any deal that rewards aggression would be rejected.",
            "any deal that rewards aggression would be rejected",
        ),
    ],
)
def test_a_clause_keeps_the_subject_the_parser_hangs_on_the_cue(nlp, text, content):
    assert only(analyse(nlp, text)).content.text == content


def test_a_speaker_keeps_the_quote_mark_it_opened(nlp):
    quote = only(analyse(nlp, 'The so-called "experts" told you masks would stop the virus.'))
    assert quote.speaker.text == 'The so-called "experts"'
    # also past the comma it closes over
    quote = only(analyse(nlp, 'The book, "Original Sin," cites more than 200 interviews.'))
    assert quote.speaker.text == 'The book, "Original Sin,"'


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Garland has denied that the department targeted parents, saying it was responding to a rise in "
            "threats against educators.",
            [
                ("Garland", "has denied", "that the department targeted parents"),
                ("Garland", "saying", "it was responding to a rise in threats against educators"),
            ],
        ),
        # also where the outer cue shares the subject of the verb it is joined to
        (
            "China on Friday summoned Japan's ambassador and demanded that Prime Minister Sanae Takaichi retract "
            'her comments on Taiwan, warning of a "crushing defeat" if Tokyo intervened militarily.',
            [
                ("China", "demanded", "that Prime Minister Sanae Takaichi retract her comments on Taiwan"),
                ("China", "warning of", '"crushing defeat"'),
            ],
        ),
        # also after a noun the parser reads as a clause with no subject
        (
            'Giuliani later disputed that reporting in comments to The Daily Beast, saying the matter "will be '
            'handled properly."',
            [
                ("Giuliani", "disputed", "that reporting in comments to The Daily Beast"),
                ("Giuliani", "saying", 'the matter "will be handled properly."'),
            ],
        ),
        # also after an appeal to a court, which is no speech
        (
            'The White House said it would appeal, calling the ruling "an egregious abuse of judicial power."',
            [
                ("The White House", "said", "it would appeal"),
                ("The White House", "calling", 'the ruling "an egregious abuse of judicial power."'),
            ],
        ),
        # also after what the speaker urges others to say
        (
            'Erdogan urged Muslim nations to "speak with one voice" on Gaza, telling a summit of Gulf leaders that '
            'the world had "failed the test of humanity."',
            [
                ("Erdogan", "urged", 'Muslim nations to "speak with one voice" on Gaza'),
                ("Erdogan", "telling", 'that the world had "failed the test of humanity."'),
            ],
        ),
        # and a participle that says what the speaker takes a thing for
        (
            "Prime Minister Viktor Orban said on Friday that his talks in Moscow had secured gas supplies for the "
            'winter, dismissing criticism from Brussels as "war hysteria."',
            [
                (
                    "Prime Minister Viktor Orban",
                    "said",
                    "that his talks in Moscow had secured gas supplies for the winter",
                ),
                ("Prime Minister Viktor Orban", "dismissing", 'criticism from Brussels as "war hysteria."'),
            ],
        ),
        # also after what is vowed, which a quote mark leads the parser to take for a clause of purpose
        (
            'Border czar Tom Homan vowed on Tuesday to "flood the zone" in sanctuary cities, saying local officials '
            "who shield illegal aliens from deportation would be held accountable.",
            [
                ("Border czar Tom Homan", "vowed", 'to "flood the zone" in sanctuary cities'),
                (
                    "Border czar Tom Homan",
                    "saying",
                    "local officials who shield illegal aliens from deportation would be held accountable",
                ),
            ],
        ),
        # so do verbs of doubting, praising and foretelling
        (
            "The senator said the bill would raise costs for families, questioning whether it could pass the House.",
            [
                ("The senator", "said", "the bill would raise costs for families"),
                ("The senator", "questioning", "whether it could pass the House"),
            ],
        ),
        (
            "The minister said the economy had grown by 3 percent, predicting that inflation would ease next year.",
            [
                ("The minister", "said", "the economy had grown by 3 percent"),
                ("The minister", "predicting", "that inflation would ease next year"),
            ],
        ),
        # and a verb of stressing speaks as a verb of saying does
        (
            "Lin Jian said Japan was playing with fire, stressing that Tokyo had violated the one-China principle.",
            [
                ("Lin Jian", "said", "Japan was playing with fire"),
                ("Lin Jian", "stressing", "that Tokyo had violated the one-China principle"),
            ],
        ),
        # also where the parser hangs it on the reported clause's second verb
        (
            "Hamas said on Saturday it was committed to returning the bodies of the last hostages held in Gaza but "
            "needed heavy equipment to search the rubble, accusing Israel of blocking its entry.",
            [
                (
                    "Hamas",
                    "said",
                    "it was committed to returning the bodies of the last hostages held in Gaza but needed heavy "
                    "equipment to search the rubble",
                ),
                ("Hamas", "accusing", "Israel of blocking its entry"),
            ],
        ),
    ],
)
def test_a_participle_closing_a_reported_clause_reports_more_of_the_same_speaker(nlp, text, expected):
    assert [(q.speaker.text, q.cue.text, q.content.text) for q in analyse(nlp, text).quotes] == expected


def test_a_participle_after_a_quote_goes_on_for_its_tagged_speaker_only(nlp):
    # after a quote that closes on the comma, the participle is cut from what was claimed
    text = 'Tucker Carlson claimed this week that the election was "stolen," repeating a claim courts have rejected.'
    (claimed,) = [q for q in analyse(nlp, text).quotes if q.cue.text == "claimed"]
    assert claimed.content.text == 'that the election was "stolen,"'
    # but who a quote with no tag is about does not go on speaking after it
    text = '"Marx does not even mention that homosexuality contradicts the Will of God," citing church teaching.'
    (citing,) = [q for q in analyse(nlp, text).quotes if q.cue is not None and q.cue.text == "citing"]
    assert citing.speaker is None


@pytest.mark.parametrize(
    ("text", "speaker", "first", "second"),
    [
        (
            "Police Chief Ronald Hayes said the officers had been placed on paid leave pending an investigation "
            'and urged residents to "let the process work."',
            "Police Chief Ronald Hayes",
            "the officers had been placed on paid leave pending an investigation",
            'residents to "let the process work."',
        ),
        (
            "Energy Secretary Claire Coutinho admitted that households could face higher bills in the short term "
            'but insisted the transition would "pay off."',
            "Energy Secretary Claire Coutinho",
            "that households could face higher bills in the short term",
            'the transition would "pay off."',
        ),
        # the parser hangs the reported clause on the occasion ("in a statement"), not on the cue
        (
            "The ministry said in a statement that the strike had hit a depot and urged residents to stay away.",
            "The ministry",
            "that the strike had hit a depot",
            "residents to stay away",
        ),
        (
            "The ministry said the convoy was carrying food and denied any wrongdoing.",
            "The ministry",
            "the convoy was carrying food",
            "any wrongdoing",
        ),
        # also after a cue in the present perfect
        (
            'Moscow has warned that any seizure would be "theft" and vowed to retaliate.',
            "Moscow",
            'that any seizure would be "theft"',
            "to retaliate",
        ),
        # what people were shown to do is no speech of theirs
        (
            'Police spokesman Muyiwa Adejobi said officers had "shown maximum restraint" and denied that live '
            "ammunition was used.",
            "Police spokesman Muyiwa Adejobi",
            'officers had "shown maximum restraint"',
            "that live ammunition was used",
        ),
        # also where the clause is in the past tense too, whatever its subject: a thing, an act, words, the
        # speaker, or others who might speak
        (
            'A spokesman said the strikes were "a flagrant aggression" and vowed that the group would fight on.',
            "A spokesman",
            'the strikes were "a flagrant aggression"',
            "that the group would fight on",
        ),
        (
            "Critics said the measure violated the First Amendment and vowed to sue.",
            "Critics",
            "the measure violated the First Amendment",
            "to sue",
        ),
        (
            'Musk wrote on X that the report was "utterly false" and threatened to sue the newspaper.',
            "Musk",
            'that the report was "utterly false"',
            "to sue the newspaper",
        ),
        (
            'The UN humanitarian chief, Tom Fletcher, said he was "horrified" by the reports and demanded safe '
            "passage for civilians.",
            "The UN humanitarian chief, Tom Fletcher",
            'he was "horrified" by the reports',
            "safe passage for civilians",
        ),
        (
            "The senator said she regretted her remarks and promised to apologise to the families in person.",
            "The senator",
            "she regretted her remarks",
            "to apologise to the families in person",
        ),
        (
            "The president insisted that the armed forces stood ready and warned that any attack would be met "
            "with force.",
            "The president",
            "that the armed forces stood ready",
            "that any attack would be met with force",
        ),
        (
            'Rep. Marjorie Taylor Greene insisted there was "massive fraud" and vowed to keep fighting.',
            "Rep. Marjorie Taylor Greene",
            'there was "massive fraud"',
            "to keep fighting",
        ),
        # a verb in the past joined to what someone is accused of doing, which the cue's preposition takes
        (
            "Hamas accused Israel of violating the truce and called on the mediators to intervene.",
            "Hamas",
            "Israel of violating the truce",
            "the mediators to intervene",
        ),
        (
            "The cardinal said that he regrets the separation and called Christianity a humanism.",
            "The cardinal",
            "that he regrets the separation",
            "Christianity a humanism",
        ),
        # a verb of doubting or praising goes on as one of saying does
        (
            "South Korea's Joint Chiefs of Staff said the missile flew about 1,000 kilometres before landing in the "
            "sea, but questioned the North's claims about its speed.",
            "South Korea's Joint Chiefs of Staff",
            "the missile flew about 1,000 kilometres before landing in the sea",
            "the North's claims about its speed",
        ),
        (
            "The coach said the team had played well and praised the young defenders.",
            "The coach",
            "the team had played well",
            "the young defenders",
        ),
        # after a present or a modal, a past tense is the outer speaker's even where the clause reports words
        # itself; and the speaker is the cue's whole, which the parser splits into two subjects
        (
            'The European Union\'s foreign policy chief Kaja Kallas said the bloc "strongly condemns" the move '
            "and called on Israel to reverse it.",
            "The European Union's foreign policy chief Kaja Kallas",
            'the bloc "strongly condemns" the move',
            "Israel to reverse it",
        ),
        (
            "Kremlin spokesman Dmitry Peskov warned that Russia would respond and said any confiscation would be "
            '"illegal".',
            "Kremlin spokesman Dmitry Peskov",
            "that Russia would respond",
            'any confiscation would be "illegal"',
        ),
    ],
)
def test_a_cue_joined_to_a_reported_clause_in_the_outer_cues_tense_is_the_same_speaker(
    nlp, text, speaker, first, second
):
    quotes = [(q.speaker.text if q.speaker else None, q.content.text) for q in analyse(nlp, text).quotes]
    assert quotes == [(speaker, first), (speaker, second)]


def test_the_second_half_of_not_only_but_is_what_was_said(nlp):
    text = (
        "The professor recently claimed in a lecture at the Sorbonne that such a tax is not only not forbidden, "
        "but even demanded."
    )
    assert only(analyse(nlp, text)).content.text == "that such a tax is not only not forbidden, but even demanded"


def test_a_closing_participle_on_a_verb_with_no_subject_is_its_joined_verbs_subjects(nlp):
    # the parser joins "killed" to "marched" and hangs "demanding" on it
    text = (
        "Tens of thousands of students marched through Belgrade on Saturday, a year after the collapse of a railway "
        "station canopy in Novi Sad killed 16 people, demanding early elections and an end to corruption."
    )
    quote = only(analyse(nlp, text))
    assert (quote.speaker.text, quote.cue.text) == ("Tens of thousands of students", "demanding")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the parser hangs "demanding" on "killed", whose subject is a thing
        (
            "Tens of thousands of people marched through central Belgrade on Saturday, a year after a railway "
            "station canopy collapse in Novi Sad killed 16 people, demanding early elections.",
            "Tens of thousands of people",
        ),
        # also on its second verb, with the subject the two share
        (
            "Hundreds of thousands of Serbs marched in Belgrade on Saturday, a year after a railway station canopy "
            "collapsed in Novi Sad and killed 16 people, demanding early elections.",
            "Hundreds of thousands of Serbs",
        ),
        # people in the subordinate clause may act themselves
        ("Police fired tear gas after protesters blocked the road, demanding his resignation.", "protesters"),
    ],
)
def test_a_closing_participle_on_a_subordinate_clause_about_a_thing_is_the_main_clauses(nlp, text, speaker):
    assert only(analyse(nlp, text)).speaker.text == speaker


def test_a_cue_joined_to_what_was_shown_is_the_speakers_who_said_it_showed(nlp):
    # the parser hangs "warned" on "is", inside what the poll showed
    text = "Officials said the poll showed that support had fallen and warned against reading too much into it."
    quotes = [(q.speaker.text, q.cue.text) for q in analyse(nlp, text).quotes]
    assert quotes == [("Officials", "said"), ("the poll", "showed"), ("Officials", "warned against")]


@pytest.mark.parametrize(
    ("text", "first"),
    [
        (
            "The mayor said the police arrived late and warned residents to stay indoors.",
            "the police arrived late and warned residents to stay indoors",
        ),
        (
            "The activist said the campaign contacted the police and told them it feared for its staff.",
            "the campaign contacted the police and told them it feared for its staff",
        ),
    ],
)
def test_a_cue_joined_to_coming_before_others_is_the_clauses_subjects(nlp, text, first):
    """Those who came before others go on to speak to them: left as the parser has it."""
    assert [q.content.text for q in analyse(nlp, text).quotes][:1] == [first]


def test_a_conjunct_repeating_the_outer_cues_has_is_the_speakers_next_act(nlp):
    text = "Kennedy has said the shot is effective but has also promoted cod liver oil as a treatment."
    assert only(analyse(nlp, text)).content.text == "the shot is effective"
    # where the clause has its own "has", the conjunct is the clause's
    text = "He has said that inflation has peaked and has started to fall."
    assert only(analyse(nlp, text)).content.text == "that inflation has peaked and has started to fall"


@pytest.mark.parametrize(
    "text",
    [
        "Hegseth said the boat was operated by a terrorist group but offered no evidence.",
        "Trump said the election was rigged but did not provide any evidence.",
        "Hegseth said the boat was operated by a terrorist group, without providing evidence.",
        "Hegseth said the boat was operated by a terrorist group, though he has not released evidence.",
        "Hegseth said the boat was operated by a terrorist group, although the Pentagon offered no proof.",
    ],
)
def test_the_writers_note_that_the_speaker_gave_no_proof_is_not_what_was_said(nlp, text):
    content = only(analyse(nlp, text)).content.text
    assert content in {"the boat was operated by a terrorist group", "the election was rigged"}


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("He said the plan would work, though critics have doubts.", "the plan would work"),
        (
            "He claimed that paying no income taxes was smart, although he again refused to pledge to release his "
            "tax returns.",
            "that paying no income taxes was smart",
        ),
        # also where the parser reads the concession as a noun the cue takes
        (
            "Public health experts largely defended Fauci's record, though some acknowledged mistakes in messaging.",
            "Fauci's record",
        ),
        # but "even though" argues with what was said
        (
            "Murphy said McConnell's trip was more important than Clinton's, even though it received less attention.",
            "McConnell's trip was more important than Clinton's, even though it received less attention",
        ),
    ],
)
def test_a_concession_closing_what_was_said_is_the_writers_aside(nlp, text, said):
    assert analyse(nlp, text).quotes[0].content.text == said


def test_evidence_the_parser_hangs_on_show_as_a_noun_is_its_speaker(nlp):
    record = analyse(nlp, "He owed $2 million, Virginia court records show.")
    assert [(q.speaker.text, q.cue.text, q.content.text) for q in record.quotes] == [
        ("Virginia court records", "show", "He owed $2 million")
    ]
    # "show" itself taken for a noun, with the reported clause hung on it
    record = analyse(nlp, "More than 1,300 people crossed the Channel on Saturday, Home Office data show.")
    assert [(q.speaker.text, q.content.text) for q in record.quotes] == [
        ("Home Office data", "More than 1,300 people crossed the Channel on Saturday")
    ]
    # or a noun phrase on the clause, as if it said when
    for text in (
        "Gun sales, meanwhile, jumped 12 percent in October, FBI background-check data show.",
        # also closing a paragraph
        "Gun sales, meanwhile, jumped 12 percent in October, FBI background-check data show.\n\nThe weather was mild.",
    ):
        assert [(q.speaker.text, q.content.text) for q in analyse(nlp, text).quotes] == [
            ("FBI background-check data", "Gun sales, meanwhile, jumped 12 percent in October")
        ]
    # and any cue closing the sentence in its "-s" form, with the speaker's words the parser hangs on it
    text = (
        "About 1.4 million federal workers are working without pay or have been furloughed, the Office of "
        "Personnel Management estimates."
    )
    record = analyse(nlp, text)
    assert [(q.speaker.text, q.cue.text) for q in record.quotes] == [
        ("the Office of Personnel Management", "estimates")
    ]
    text = "Secrecy is not a stranger when it comes to the mayor's health, the mayor's former doctor maintains."
    record = analyse(nlp, text)
    assert [(q.speaker.text, q.content.text) for q in record.quotes] == [
        ("the mayor's former doctor", "Secrecy is not a stranger when it comes to the mayor's health")
    ]


@pytest.mark.parametrize(
    ("text", "cues"),
    [
        ('"The American people deserve the truth," she wrote in a post on X, without citing evidence.', ["wrote"]),
        ("It goes without saying that raising taxes on the rich is anathema to Republicans.", []),
    ],
)
def test_what_was_done_without_saying_it_reports_nothing(nlp, text, cues):
    assert [q.cue.text for q in analyse(nlp, text).quotes] == cues


def test_dismissing_a_person_is_a_firing_not_a_verdict(nlp):
    assert analyse(nlp, "Zelensky dismissed his chief of staff, Andriy Yermak, on Friday.").quotes == []
    assert only(analyse(nlp, "He dismissed Trump as a clown.")).content.text == "Trump as a clown"


@pytest.mark.parametrize(
    "text",
    ["Prosecutors dismissed the decades-old charge and released him.", "The lawsuit was dismissed by the courts."],
)
def test_dismissing_a_case_ends_it_and_says_nothing(nlp, text):
    assert analyse(nlp, text).quotes == []


def test_dismissing_a_case_as_something_is_a_verdict(nlp):
    quote = only(analyse(nlp, "Smith dismissed the charges as politically motivated."))
    assert quote.content.text == "the charges as politically motivated"
    # and so is dismissing someone's charges, their accusations
    quote = only(analyse(nlp, "Smith dismissed Jones's charges about his voting record."))
    assert quote.content.text == "Jones's charges about his voting record"


def test_what_someone_shows_is_a_display_not_a_report(nlp):
    assert analyse(nlp, "The president showed no sign of backing down.").quotes == []


def test_what_a_source_of_evidence_finds_is_its_report_and_what_police_find_is_not(nlp):
    quote = only(analyse(nlp, "An independent audit found no evidence of fraud."))
    assert (quote.speaker.text, quote.cue.text, quote.content.text) == (
        "An independent audit",
        "found",
        "no evidence of fraud",
    )
    assert analyse(nlp, "Police found a body in the river.").quotes == []
    assert analyse(nlp, "Another internal document has found its way into the public domain.").quotes == []
    # nor is where someone finds themselves
    for text in [
        "The former mayor now finds herself struggling to hold on to her seat.",
        "Within a week he found himself embroiled in controversy.",
        "The network found itself playing host to the candidates night after night.",
    ]:
        assert analyse(nlp, text).quotes == [], text


def test_a_relative_clause_on_the_occasion_says_nothing_of_what_was_said(nlp):
    record = analyse(nlp, "The ministry said little in a statement that was released on Monday.")
    assert not [q for q in record.quotes if q.content.text.startswith("that")]


def test_a_verdict_on_something_is_attributed(nlp):
    quote = only(analyse(nlp, 'The opposition leader slammed the decision as "a betrayal of voters".'))
    assert (quote.speaker.text, quote.cue.text, quote.content.text) == (
        "The opposition leader",
        "slammed",
        'the decision as "a betrayal of voters"',
    )


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("The mayor expressed concern about the plan.", "expressed", "concern about the plan"),
        ("The UN denounced the strikes on the port.", "denounced", "the strikes on the port"),
        # as wires translating the Spanish "denunció" write it, with a clause, also after what was denounced
        (
            "The minister denounced that the blockade had cost billions.",
            "denounced",
            "that the blockade had cost billions",
        ),
        (
            "The blockade has cost 7.5 billion dollars, the minister denounced.",
            "denounced",
            "The blockade has cost 7.5 billion dollars",
        ),
        ("Critics mocked the proposal as a gimmick.", "mocked", "the proposal as a gimmick"),
        # and of assuring, reminding or countering
        ("The minister assured reporters that no jobs would be lost.", "assured", "that no jobs would be lost"),
        ("Obama reminded voters that the economy had recovered.", "reminded", "that the economy had recovered"),
        ("Republicans counter that the cuts spur growth.", "counter", "that the cuts spur growth"),
        # recalling something, and what evidence shows
        ("Trump recalled the widow of a firefighter.", "recalled", "the widow of a firefighter"),
        ("A new poll shows Sanders leading Clinton by four points.", "shows", "Sanders leading Clinton by four points"),
        # bragging, reiterating, clarifying, speculating
        ("Klaus Schwab has bragged that his pupils run governments.", "has bragged", "that his pupils run governments"),
        ("The IAEA chief reiterated that Iran was in compliance.", "reiterated", "that Iran was in compliance"),
        (
            "The State Department reaffirmed that an attack on Philippine vessels would invoke the treaty.",
            "reaffirmed",
            "that an attack on Philippine vessels would invoke the treaty",
        ),
        ("Giuliani clarified that he relied on media reports.", "clarified", "that he relied on media reports"),
        ("Investigators speculated that a spy device was to blame.", "speculated", "that a spy device was to blame"),
        # opining, as Indian and other wires write it
        (
            "The minister opined that the opposition was misleading the nation.",
            "opined",
            "that the opposition was misleading the nation",
        ),
        ("The manufacturers dispute the analysis.", "dispute", "the analysis"),
        # and of owning up to something
        ('The commander acknowledged "violations" by his fighters.', "acknowledged", '"violations" by his fighters'),
        # and of putting a figure on something
        ("Protest organizers estimated the crowd at 100,000.", "estimated", "the crowd at 100,000"),
    ],
)
def test_verbs_of_judging_aloud_are_cues(nlp, text, cue, content):
    quote = only(analyse(nlp, text))
    assert (quote.cue.text, quote.content.text) == (cue, content)


def test_how_a_figure_was_worked_out_is_no_report(nlp):
    text = "By comparison the index, calculated using Hispanic and non-Hispanic employment figures, rose by 5."
    assert analyse(nlp, text).quotes == []
    assert analyse(nlp, "The toll, found using hospital records, rose.").quotes == []


@pytest.mark.parametrize(
    "text", ["Beijing slams US meddling as Taiwan holds drills", "China slammed US meddling as Taiwan held drills."]
)
def test_a_clause_of_when_is_not_what_was_slammed(nlp, text):
    assert only(analyse(nlp, text)).content.text == "US meddling"


def test_a_cue_after_an_object_is_an_attribution_of_its_own(nlp):
    record = analyse(nlp, "The senator criticized the bill, saying it would raise taxes.")
    assert [(q.cue.text, q.content.text) for q in record.quotes] == [
        ("criticized", "the bill"),
        ("saying", "it would raise taxes"),
    ]


def test_a_speaker_stays_on_its_side_of_the_cue(nlp):
    # the parser hangs "a figure ..." on "ministry" as an apposition
    text = "The ministry claimed that 500 soldiers were killed, a figure that could not be independently verified."
    quote = only(analyse(nlp, text))
    assert quote.speaker.text == "The ministry"


def test_a_name_the_parser_cuts_off_the_speakers_last_noun_is_part_of_the_speaker(nlp):
    # the parser makes "Equilibra" a second subject
    text = "Economists at the consultancy Equilibra warned that the peso was overvalued."
    assert speaker_and_entity(nlp, text) == ("Economists at the consultancy Equilibra", "Equilibra")


def test_a_speaker_is_never_part_of_a_name(nlp):
    # the parser makes "Itamar", "Ben", "-" and "Gvir" four subjects of their own
    quote = only(analyse(nlp, 'Itamar Ben-Gvir said in January that emigration should be "encouraged."'))
    assert quote.speaker.text == "Itamar Ben-Gvir"
    # nor is an adverb of the cue, which NER runs into the name before it
    quote = only(analyse(nlp, "Russia's defence ministry later said 12 more drones fell."))
    assert quote.speaker.text == "Russia's defence ministry"


@pytest.mark.parametrize(
    "text",
    [
        "The senators will question the nominee at what promises to be a closely watched hearing.",
        "The debate promised to be a crucial moment for the governor.",
        "It promises to be a long night.",
        # or threatens to
        "Critics fear what threatens to be a catastrophic compromise of the court.",
        "The dispute threatens to be a long and bitter fight.",
    ],
)
def test_a_thing_that_promises_to_be_something_pledges_nothing(nlp, text):
    assert [q.cue.text for q in analyse(nlp, text).quotes if "promise" in q.cue.text or "threat" in q.cue.text] == []


@pytest.mark.parametrize(
    "text", ["He promised to be neutral in the talks.", "She promised to be a president for all Americans."]
)
def test_a_person_who_promises_to_be_something_pledges_it(nlp, text):
    assert only(analyse(nlp, text)).cue.text == "promised"


def test_a_remark_after_the_object_is_not_what_was_promised(nlp):
    text = "The minister promised 50,000 more by the end of the parliament, a pledge critics dismissed as fantasy."
    (promised,) = [q for q in analyse(nlp, text).quotes if q.cue.text == "promised"]
    assert promised.content.text == "50,000 more"
    # what the object is called goes with it, where the parser hangs a later clause on the cue
    text = (
        'The senator called the decision "tyranny in disguise," drawing a sharp rebuke from the foreign ministry, '
        'which wrote on X: "This is democracy."'
    )
    assert analyse(nlp, text).quotes[0].content.text == 'the decision "tyranny in disguise,"'


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Ukrainian President Volodymyr Zelensky, in his nightly address, vowed to retake every inch of occupied "
            "land and thanked allies for new air-defence systems.",
            "to retake every inch of occupied land",
        ),
        ("He pledged to build the wall and made Mexico pay for it.", "to build the wall"),
        # (a past that is the plain form may be what was promised)
        (
            "The minister promised to cut taxes and put more police on the streets.",
            "to cut taxes and put more police on the streets",
        ),
        # (nor is the infinitive of a verb that reports nothing the speaker's)
        (
            "The statement said that Powell used a separate computer to manage classified information and never "
            "used his personal email account.",
            "that Powell used a separate computer to manage classified information and never used his personal "
            "email account",
        ),
    ],
)
def test_a_past_tense_after_what_was_vowed_is_the_speakers_next_act(nlp, text, content):
    assert only(analyse(nlp, text)).content.text == content


def test_what_was_vowed_is_the_infinitive_the_parser_hangs_as_a_clause_of_purpose(nlp):
    text = (
        'Prime Minister Benjamin Netanyahu vowed on Sunday to continue the war "until total victory," rejecting a deal.'
    )
    (vowed,) = [q for q in analyse(nlp, text).quotes if q.cue.text == "vowed"]
    assert vowed.content.text == 'to continue the war "until total victory,"'
    # and the deadline of what is pledged, but not when the vow was made
    text = "Syria's new leader vows elections within four years"
    assert only(analyse(nlp, text)).content.text == "elections within four years"
    assert only(analyse(nlp, "The minister promised 50,000 more nurses by 2030.")).content.text == (
        "50,000 more nurses by 2030"
    )
    assert only(analyse(nlp, "He vowed revenge on Monday.")).content.text == "revenge"
    # which is not what was cited
    text = "Friedman cited neurological science to conclude that the claim was false."
    (cited,) = [q for q in analyse(nlp, text).quotes if q.cue.text == "cited"]
    assert cited.content.text == "neurological science"


def test_what_a_noun_is_declared_to_be_is_part_of_what_was_declared(nlp):
    # the parser makes "outbreak" a clause of "declared" and "emergency" its object
    text = "The World Health Organization on Wednesday declared the mpox outbreak in Africa a public health emergency."
    assert only(analyse(nlp, text)).content.text == "the mpox outbreak in Africa a public health emergency"


def test_accused_of(nlp):
    quote = only(analyse(nlp, "The senator accused the governor of hiding the report from voters."))
    assert quote.cue.text == "accused" and quote.speaker.text == "The senator"
    assert quote.content.text == "the governor of hiding the report from voters"


def test_a_clause_before_a_cue_that_names_something_is_not_what_was_said(nlp):
    # the parser hangs the sentence's first clause on "called": what Dupont said is the name he gave the move
    text = (
        "On Thursday the Commission unveiled a plan to end sales of petrol cars by 2035, a move farmers' "
        'leader Jean Dupont called "a declaration of war on rural France".'
    )
    (called,) = analyse(nlp, text).quotes
    assert called.content.text == '"a declaration of war on rural France"'
    assert called.speaker.text.endswith("Jean Dupont")


def test_a_clause_before_a_verb_that_is_not_of_saying_is_not_its_content(nlp):
    # the parser hangs "knows" on "defending": our leaders are not quoted as saying that the senator knows
    text = "Senator Jones knows the truth: our leaders are defending the decision against critics."
    quotes = analyse(nlp, text).quotes
    assert not [q for q in quotes if q.content.text.startswith("Senator")]
    knows = [q for q in quotes if q.cue.text == "knows"]
    assert len(knows) == 1 and knows[0].speaker.text == "Senator Jones"
    # nor are they a second attribution inside what the senator knows
    assert [q.cue.text for q in quotes] == ["knows"]
    # what one knows after a colon is that sentence, not the rest of the paragraph
    text += " Since 2014, NATO has poured $75 billion into Ukraine."
    (knows,) = [q for q in analyse(nlp, text).quotes if q.cue.text == "knows"]
    assert knows.content.text == "our leaders are defending the decision against critics."


def test_reported_content_never_cuts_a_quote_in_two(nlp):
    text = 'Kremlin spokesman Dmitry Peskov denied the report, calling it "absurd and baseless."'
    quote = text.index('"'), len(text)
    record = analyse(nlp, text)
    for q in record.quotes:
        inside = quote[0] <= q.content.start and q.content.end <= quote[1]
        around = q.content.start <= quote[0] and quote[1] <= q.content.end
        apart = q.content.end <= quote[0] or quote[1] <= q.content.start
        assert inside or around or apart, q.content.text
    assert [(q.cue.text, q.content.text) for q in record.quotes] == [
        ("denied", "the report"),
        ("calling", 'it "absurd and baseless."'),
    ]


def test_an_attack_is_no_speech(nlp):
    # "attacked the plan" is often verbal in politics, but in war news an attack is an act: no cue
    assert analyse(nlp, "Russian forces attacked Kharkiv overnight.").quotes == []


def test_defending_oneself_is_no_speech(nlp):
    assert analyse(nlp, "Hamas fighters hide in tunnels as Israel defends itself.").quotes == []


def test_continuing_to_act_is_no_speech(nlp):
    assert analyse(nlp, "The regime in Kiev continues to shell peaceful civilians in Donetsk.").quotes == []
    quote = only(analyse(nlp, "The minister continued: the border will stay closed until spring."))
    assert quote.cue.text == "continued" and quote.speaker.text == "The minister"


def test_going_on_into_a_quote_continues_it(nlp):
    quote = only(analyse(nlp, 'Then the senator went on: "We will never surrender."'))
    assert (quote.speaker.text, quote.cue.text, quote.content.text) == (
        "the senator",
        "went on",
        '"We will never surrender."',
    )
    # going on to do something, or a list going on, says nothing
    assert analyse(nlp, "The talks went on: the delegates met again on Friday.").quotes == []
    assert analyse(nlp, "The war went on for another year.").quotes == []


def test_everyone_and_no_one_hold_no_quoted_view(nlp):
    # "everyone knows" is bandwagon, not a source; what someone says is still reported
    assert analyse(nlp, "But everyone knows that is a lie. Nobody thought it was possible.").quotes == []
    assert [q.cue.text for q in analyse(nlp, "Someone said that the bridge had collapsed.").quotes] == ["said"]


def test_a_tag_whose_speaker_the_parser_made_the_cues_object(nlp):
    text = (
        '"The measles vaccine has killed more children than measles," claimed one viral post shared 40,000 '
        "times last week."
    )
    quote = only(analyse(nlp, text))
    assert (quote.speaker.text, quote.direct) == ("one viral post", True)
    # or a verb, with the name its object, where the tagger reads the role before the name as one
    text = '"We have lost valuable weeks," said epidemiologist John Smith of Johns Hopkins University.'
    quote = only(analyse(nlp, text))
    assert (quote.speaker.text, quote.content.text) == (
        "epidemiologist John Smith of Johns Hopkins University",
        '"We have lost valuable weeks,"',
    )


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            '"The budget is a disgrace," said Maria Lopez, who chaired the finance committee for a decade yet '
            "voted for the mayor in the primary.",
            "Maria Lopez",
        ),
        (
            '"This fight is far from over," said Dana White, a union organizer who heads the campaign group Stop '
            "the Cuts.",
            "Dana White, a union organizer who heads the campaign group",
        ),
    ],
)
def test_a_tag_whose_speaker_the_parser_made_the_subject_of_a_clause_after_it(nlp, text, speaker):
    # the parser reads a verb later in the tag ("voted", the group's name "Stop") as a clause the cue reports,
    # with the speaker its subject: the name set off by its comma is the speaker, and what was said the quote
    # (the words the parser put in that clause, the group's name here, stay out of the speaker)
    quote = only(analyse(nlp, text))
    assert (quote.speaker.text, quote.content.text, quote.direct) == (speaker, text[: text.index(",") + 2], True)


def test_a_closing_participle_goes_on_for_whom_a_tag_after_a_quote_names(nlp):
    text = (
        '"He never even told me that he owned a gun," continued the shooter\'s neighbor, adding that Paddock did not '
        "express any political opinions."
    )
    assert [(q.speaker.text, q.cue.text) for q in analyse(nlp, text).quotes] == [
        ("the shooter's neighbor", "continued"),
        ("the shooter's neighbor", "adding"),
    ]


def test_a_view_supposed_by_a_time_or_a_condition_is_no_report(nlp):
    text = "Florida banned most abortions after six weeks, before many women know they are pregnant."
    assert analyse(nlp, text).quotes == []
    assert analyse(nlp, "If voters believe the polls, Trump will win.").quotes == []
    assert [q.cue.text for q in analyse(nlp, "Voters believe the polls are wrong.").quotes] == ["believe"]


@pytest.mark.parametrize(
    "text",
    [
        "Every patriot knows the truth: our soldiers are defending the homeland.",
        "No serious economist believes that tariffs lower prices.",
        "Any honest observer thinks the election was stolen.",
    ],
)
def test_everyone_or_no_one_of_a_kind_holds_no_quoted_view(nlp, text):
    assert analyse(nlp, text).quotes == []


@pytest.mark.parametrize(
    "text",
    [
        "Nobody seriously disputes this anymore.",
        "No sane person is saying that the West should go to war with the entire Islamic world.",
        "No one told these journalists what to do.",
        "None of the experts has admitted being wrong.",
        "Not one of the so-called experts has admitted being wrong.",
        "Not a single economist said the recovery would stall.",
    ],
)
def test_no_one_says_nothing_with_any_cue(nlp, text):
    assert analyse(nlp, text).quotes == []


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The experts at the CDC still refuse to admit they were wrong.", "refuse to admit"),
        ("The minister has declined to say whether troops would be sent.", "has declined to say"),
        ("Officials failed to mention that the plant had leaked twice.", "failed to mention"),
        ("The White House stopped short of accusing Beijing of hacking.", "stopped short of accusing"),
    ],
)
def test_a_refusal_stays_in_the_cue(nlp, text, cue):
    # without it, the record would read as if the words had been said
    assert only(analyse(nlp, text)).cue.text == cue


def test_who_stopped_short_of_saying_something_is_its_speaker(nlp):
    text = 'Mr Starmer said he was "deeply concerned", but stopped short of calling for an inquiry.'
    quote = analyse(nlp, text).quotes[-1]
    assert (quote.speaker.text, quote.cue.text, quote.content.text) == (
        "Mr Starmer",
        "stopped short of calling for",
        "an inquiry",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Our soldiers are defending the homeland.",
        "The troops defended the city for three weeks.",
        "Ukrainian forces defended Bakhmut for months.",
    ],
)
def test_defending_ground_is_no_speech(nlp, text):
    assert analyse(nlp, text).quotes == []


def test_defending_a_decision_or_a_person_is_reported(nlp):
    quote = only(analyse(nlp, "Netanyahu defended the strikes on Rafah."))
    assert (quote.speaker.text, quote.cue.text, quote.content.text) == ("Netanyahu", "defended", "the strikes on Rafah")
    # the NER types "Farrakhan" a place here; the rule does not trust it
    assert only(analyse(nlp, "But Rep. Danny Davis had defended Farrakhan.")).content.text == "Farrakhan"


@pytest.mark.parametrize(
    "text",
    [
        "Iran threatened Israel on Monday.",
        "ISIS fighters threaten our safety.",
        "Brussels bullies threaten Britain",
        "Brussels bureaucrats threaten Hungary's sovereignty",
        # a name NER does not type a place
        "Turkey has threatened Manbij, where US troops are based.",
    ],
)
def test_threatening_a_place_a_people_or_what_someone_owns_is_no_speech(nlp, text):
    # "threaten" means "endanger" there
    assert analyse(nlp, text).quotes == []


@pytest.mark.parametrize(
    "text",
    [
        "Inflation eased in November, official data showed on Thursday, adding to pressure on the European "
        "Central Bank to start cutting interest rates.",
        "The report was released on Monday, adding to concerns that the economy is slowing.",
        "The figures added further to fears that the recovery has stalled.",
    ],
)
def test_adding_to_something_is_no_speech(nlp, text):
    # "add to" means "increase" there; official data showing is still reported
    assert [q.cue.text for q in analyse(nlp, text).quotes] in ([], ["showed"])


@pytest.mark.parametrize(
    "text",
    [
        "A senior official, who asked not to be named because he was not authorised to speak, said talks had stalled.",
        "The diplomat, who asked to remain anonymous, said talks had stalled.",
        "A resident, who asked that he not be identified, said talks had stalled.",
    ],
)
def test_asking_for_anonymity_is_no_quote(nlp, text):
    quote = only(analyse(nlp, text))
    assert (quote.cue.text, quote.content.text) == ("said", "talks had stalled")
    # also on the speaker after a closing tag
    text = '"We are not going anywhere," said Milica, a 21-year-old law student who asked that her surname not be used.'
    assert [q.cue.text for q in analyse(nlp, text).quotes] == ["said"]
    text = '"I have built my life here," said Carolina, a nurse who asked that her last name be withheld.'
    assert [q.cue.text for q in analyse(nlp, text).quotes] == ["said"]


def test_asking_someone_to_name_something_is_reported(nlp):
    assert only(analyse(nlp, "He asked the court to name the informant.")).content.text == (
        "the court to name the informant"
    )


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The minister added to reporters that the talks had failed.", "that the talks had failed"),
        ("Merkel added to her remarks that Germany would pay.", "that Germany would pay"),
        ('"We will win," she added to applause.', '"We will win,"'),
    ],
)
def test_adding_words_to_an_audience_or_a_remark_is_reported(nlp, text, content):
    assert only(analyse(nlp, text)).content.text == content


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The union threatened a strike.", "a strike"),
        ("Trump threatened to cut aid to Honduras.", "to cut aid to Honduras"),
        ("Kim threatened Seoul with nuclear annihilation.", "Seoul with nuclear annihilation"),
    ],
)
def test_a_threat_made_is_reported(nlp, text, content):
    assert only(analyse(nlp, text)).content.text == content


@pytest.mark.parametrize(
    "text",
    [
        "The government must explain why the agencies failed to prevent the attack.",
        "It should be noted that the rounds were never used.",
        "This federal judge should know what the Constitution says.",
    ],
)
def test_what_someone_ought_to_say_is_no_report(nlp, text):
    assert analyse(nlp, text).quotes == []


def test_what_someone_is_asked_to_say_is_no_report(nlp):
    text = "Opposition leader Rahul Gandhi demanded that the government tell parliament how many jets had been lost."
    quote = only(analyse(nlp, text))
    assert (quote.speaker.text, quote.cue.text) == ("Opposition leader Rahul Gandhi", "demanded")


def test_i_must_say_says_it(nlp):
    quote = only(analyse(nlp, "I must say that we have a very good generation of young priests."))
    assert (quote.speaker.text, quote.content.text) == ("I", "that we have a very good generation of young priests")


def test_a_quantified_group_that_speaks_or_is_counted_is_still_a_source(nlp):
    quote = only(analyse(nlp, "All 27 member states believe that the sanctions must stay."))
    assert quote.speaker.text == "All 27 member states"
    assert only(analyse(nlp, "Every official said that the border would stay closed.")).cue.text == "said"


def test_an_imperative_quotes_no_one(nlp):
    assert analyse(nlp, "Pfizer made billions. Ask yourself: who benefits?").quotes == []
    # nor does the writer's "let's"
    assert analyse(nlp, "Let’s say that I’m right: the CIA lied. Let's talk about JFK.").quotes == []


def test_a_rhetorical_question_reports_no_view(nlp):
    # a stance verb in a question asks the reader; in a statement it reports the subject's view
    for text in (
        "Democrats say the border is secure. Do they really expect us to believe that?",
        "Republicans say taxes will fall. Does anybody think that is true?",
    ):
        assert [q.cue.text for q in analyse(nlp, text).quotes] == ["say"]
    stated = analyse(nlp, "The ministry expects that prices will fall.").quotes
    assert [q.cue.text for q in stated] == ["expects"]
    # nor does a question about what might be said, asked of any cue; one about what was said still reports
    for text in ("When will parents say enough is enough?", "Could we possibly say that he failed?"):
        assert analyse(nlp, text).quotes == []
    # with the cue's own words only, not the subject between them
    assert [q.cue.text for q in analyse(nlp, "Has he called for changing the provisions?").quotes] == ["called for"]
    asked = analyse(nlp, '"Is this a joke?" she asked. He said: "Will anyone help us?"').quotes
    assert [q.cue.text for q in asked] == ["asked", "said"]


def test_a_title_is_not_parsed_into_the_next_paragraph(nlp):
    # unsplit, "forced" hung on "blamed" across the break, and what the Kremlin blamed came out as "Moscow"
    text = "Kremlin says West forced its hand\n\nMoscow — The Kremlin on Thursday blamed NATO for the escalation."
    blamed = [q for q in analyse(nlp, text).quotes if q.cue.text == "blamed"]
    assert [q.content.text for q in blamed] == ["NATO for the escalation"]


def test_a_paragraphs_first_word_is_no_sentence_of_its_own(nlp):
    # after a title the parser made "Security" a sentence, and what the police said began at "forces"
    text = (
        "Pakistan-sponsored terror network busted in Jammu\n\n"
        "Security forces in Jammu arrested 11 workers on Friday, police said."
    )
    assert only(analyse(nlp, text)).content.text == "Security forces in Jammu arrested 11 workers on Friday"


def test_a_military_title_ends_no_sentence(nlp):
    # the tokenizer split the stop off "Lt." and "Col.", and the parser ended a sentence at each
    text = (
        "IDF spokesman Lt. Col. Nadav Shoshani said the army had struck 500 targets. "
        '"We will not allow Hezbollah to rebuild," he said.'
    )
    assert last_speaker(nlp, text) == ("he", "Nadav Shoshani")


def test_a_sentence_ends_on_the_platform_x(nlp):
    # the tokenizer reads "X." as an initial: the senator's post was what Democrats called a lie
    quote = only(analyse(nlp, "The senator wrote on X. Democrats called the post a lie."))
    assert (quote.speaker.text, quote.content.text) == ("Democrats", "the post a lie")
    quote = only(analyse(nlp, 'She posted to X. "We will win," she said.'))
    assert (quote.speaker.text, quote.content.text) == ("she", '"We will win,"')


def test_a_reported_clause_inside_another_quote_is_still_an_attribution(nlp):
    text = "The minister said the senator had denied that the report existed."
    quotes = analyse(nlp, text).quotes
    assert {(q.cue.text, q.speaker.text) for q in quotes} == {("said", "The minister"), ("had denied", "the senator")}


def test_block_quote_after_a_colon(nlp):
    quote = only(
        analyse(nlp, "The spokeswoman told reporters: the factory will close in March and 400 jobs will go.\n")
    )
    assert quote.cue.text == "told" and quote.speaker.text == "The spokeswoman"
    assert quote.content.text == "the factory will close in March and 400 jobs will go."


def test_a_cue_closing_its_line_introduces_the_paragraph_after_it(nlp):
    said = "It's typical of Hillary Clinton. She knows nothing, but the mouth never stops."
    quote = only(analyse(nlp, f"Christie spoke on Wednesday.\n\nThe governor added:\n\n{said}\n\nHe left."))
    assert (quote.speaker.text, quote.cue.text, quote.content.text) == ("The governor", "added", said)
    # in quote marks that fill it
    tweet = "“Hard to do much else when the witness conveniently has no corroborating evidence.”"
    quote = only(analyse(nlp, f"Commentator Sean Davis tweeted:\n{tweet}"))
    assert (quote.speaker.text, quote.content.text, quote.direct) == ("Commentator Sean Davis", tweet, True)


def test_a_block_quote_keeps_the_attributions_within_it(nlp):
    # what a source reports is others' words as often as its own
    text = "Reuters reports:\n\nHungarian leader Viktor Orban called on Sunday for a global alliance against migration."
    assert {(q.speaker.text, q.cue.text) for q in analyse(nlp, text).quotes} == {
        ("Reuters", "reports"),
        ("Hungarian leader Viktor Orban", "called on Sunday for"),
    }
    # and a quote tagged within it is its tag's, not the source's
    text = (
        "Fox News reports:\n\n“The wrongful revocation of these credentials violates CNN and Acosta’s First "
        "Amendment rights,” CNN said."
    )
    assert [q.speaker.text for q in analyse(nlp, text).quotes] == ["CNN"]


def test_according_to_closing_its_line_introduces_the_paragraph_after_it(nlp):
    said = "The ministry approved the pipeline in 2019 without the required survey of the river."
    quote = only(analyse(nlp, f"The permit is now in court.\n\nAccording to the state auditor:\n\n{said}\n\nHe left."))
    assert (quote.speaker.text, quote.cue.text, quote.content.text) == ("the state auditor", "According to", said)
    # an apposition before the colon is still the source's
    text = f"According to Jane Doe, writing for the Tribune:\n{said}"
    quote = only(analyse(nlp, text))
    assert (quote.speaker.text, quote.content.text) == ("Jane Doe, writing for the Tribune", said)
    # and where the paragraph is the writer's, quoting words amid their own, the line attributes nothing
    text = 'According to Jane Doe, writing for the Tribune:\nThe ministry "never checked" the river, she wrote.'
    assert [q.speaker.text for q in analyse(nlp, text).quotes] == ["she"]


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        (
            "The mayor spoke on Monday.\n\nIn response, the governor issued the following statement:\n\n“Our "
            "thoughts are with the families of the victims tonight.”",
            "the governor",
            "issued the following statement",
            "“Our thoughts are with the families of the victims tonight.”",
        ),
        (
            "Smith made the following comment:\n\n“The plan will cost every family a thousand dollars.”\n",
            "Smith",
            "made the following comment",
            "“The plan will cost every family a thousand dollars.”",
        ),
        (
            "The ministry released a statement:\n\nThe talks will resume next week in Geneva.\n",
            "The ministry",
            "released a statement",
            "The talks will resume next week in Geneva.",
        ),
    ],
)
def test_a_statement_put_out_closing_its_line_introduces_the_paragraph_after_it(nlp, text, speaker, cue, content):
    quote = only(analyse(nlp, text))
    assert (quote.speaker.text, quote.cue.text, quote.content.text) == (speaker, cue, content)


def test_a_number_opening_a_list_after_a_colon_is_nobodys_words(nlp):
    text = "Below are 9 steps that would help in defending Americans from terrorism:\n1.\nLabel the enemy."
    assert analyse(nlp, text).quotes == []


def test_a_colon_a_few_words_after_the_cue_opens_what_was_said(nlp):
    text = "The minister told reporters at a news conference on Friday: the border will stay closed."
    assert only(analyse(nlp, text)).content.text == "the border will stay closed."
    # but not one over a block quote, nor one after a clause of its own
    text = "McCarrick described the conversation with the Influential Roman:\n“Before we went in, a man came to me.”"
    described = [q for q in analyse(nlp, text).quotes if q.cue is not None]
    assert [q.content.text for q in described] == ["the conversation with the Influential Roman"]
    text = "Teen from compound says he was trained for jihad: FBI agents found the rifles."
    assert only(analyse(nlp, text)).content.text == "he was trained for jihad"


def test_a_statement_after_a_colon_without_quote_marks_ends_with_its_sentence(nlp):
    # the question after it is the writer's
    text = (
        "Ask any employer and they'll tell you: today's graduates can't write, can't reason and can't take "
        "criticism. Is it any wonder? Our universities have traded the pursuit of truth for safe spaces."
    )
    told = only(analyse(nlp, text))
    assert told.content.text == "today's graduates can't write, can't reason and can't take criticism."


def test_a_name_the_parser_runs_into_a_posting_cue_posts(nlp):
    # the parser reads "Trump posted on Truth Social" as a noun phrase, a Trump who was posted
    quote = only(analyse(nlp, 'Trump posted on Truth Social: "The election was rigged!"'))
    assert (quote.speaker.text, quote.cue.text, quote.direct) == ("Trump", "posted", True)


def test_a_quote_after_a_colon_ends_at_its_closing_mark(nlp):
    # the parser runs the sentence on past the closing mark into the next speaker's words
    text = 'One insider boasted: "We will make them pay." Tory MP Mark Francois said the threat proved it.'
    (boasted,) = [q for q in analyse(nlp, text).quotes if q.cue.text == "boasted"]
    assert (boasted.content.text, boasted.direct) == ('"We will make them pay."', True)


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        # and before what the speaker did next
        (
            'Asked for a last word, the comedian replied: "I know comedy," and called the organizers cowards.',
            "the comedian",
            "replied",
            '"I know comedy,"',
        ),
        ('He said: "We will win" and then walked off the stage.', "He", "said", '"We will win"'),
        # which the parser may join to the quote's verb
        (
            'The mayor emailed supporters saying: "The fight goes on" and vowing to run again.',
            "The mayor",
            "vowing",
            "to run again",
        ),
        # not before more words of the quote's
        ('She said: "We will win" and "we will never surrender."', "She", "said", None),
    ],
)
def test_a_quote_after_a_colon_ends_before_what_the_speaker_did_next(nlp, text, speaker, cue, content):
    (quote,) = [q for q in analyse(nlp, text).quotes if q.cue.text == cue]
    expected = text[text.index(":") + 2 :] if content is None else content
    assert (quote.speaker.text, quote.content.text) == (speaker, expected)


def test_a_question_after_a_colon_ends_with_it(nlp):
    # the paragraph after the question is the writer's answer, and used to be put in the parents' mouths
    text = "But many parents are asking: what are they hiding? Big Pharma made $100 billion. Coincidence?"
    quote = only(analyse(nlp, text))
    assert quote.speaker.text == "many parents" and quote.content.text == "what are they hiding?"


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "As President Vladimir Putin has repeatedly stressed, Russia did not start this war.",
            "President Vladimir Putin",
            "Russia did not start this war",
        ),
        ("Inflation rose to 9 percent, as the report notes.", "the report", "Inflation rose to 9 percent"),
        ("As she told reporters on Monday, the plan will fail.", "she", "the plan will fail"),
        # a connective before the clause joins the sentence to the one before
        (
            "But as the late Senator Daniel Patrick Moynihan once said, everyone is entitled to their own opinion.",
            "the late Senator Daniel Patrick Moynihan",
            "everyone is entitled to their own opinion",
        ),
        ("And, as Putin has stressed, Russia did not start this war.", "Putin", "Russia did not start this war"),
        # the writer's frame around it is the writer's
        (
            "Now we learn that the company never tested whether the shot stopped transmission, as a Pfizer "
            "executive admitted to the European Parliament.",
            "a Pfizer executive",
            "the company never tested whether the shot stopped transmission",
        ),
        # a passive's agent speaks
        (
            "As first reported by Axios, the White House is considering an executive order on AI.",
            "Axios",
            "the White House is considering an executive order on AI",
        ),
    ],
)
def test_what_is_said_around_an_as_clause(nlp, text, speaker, content):
    quote = only(analyse(nlp, text))
    assert (quote.speaker.text, quote.content.text) == (speaker, content)


def test_an_as_clause_with_words_of_its_own_or_no_speaker_quotes_nothing_around_it(nlp):
    quote = only(analyse(nlp, "As he announced his resignation, the crowd cheered."))
    assert quote.content.text == "his resignation"
    assert analyse(nlp, "As expected, the bill passed.").quotes == []
    # nor evidence, nor a passive on a noun
    assert analyse(nlp, "Republicans led the push, as shown by his statements last year.").quotes == []
    text = "According to the redacted version as reported by Fox News, three pages contain information."
    assert [q.cue.text for q in analyse(nlp, text).quotes] == ["According to"]
    # nor through the cue's preposition
    quote = only(analyse(nlp, "Sudan's RSF seizes El Fasher as aid groups warn of massacres"))
    assert (quote.cue.text, quote.content.text) == ("warn of", "massacres")


def test_what_is_pointed_out_to_someone_is_said_to_them(nlp):
    quote = only(analyse(nlp, "The economy is weak, as she pointed out to reporters."))
    assert (quote.cue.text, quote.content.text) == ("pointed out", "The economy is weak")


def test_a_cue_after_an_adjective_takes_the_subject_of_its_verb(nlp):
    # "quick to dismiss" used to leave the quote with no speaker
    quote = only(analyse(nlp, "Health officials were quick to dismiss the findings."))
    assert (quote.speaker.text, quote.content.text) == ("Health officials", "the findings")


def test_nested_quotes_stay_inside_the_outer_one(nlp):
    text = "“He looked at me and said ‘never again’ before he left the room,” Maria Lopez said."
    quote = only(analyse(nlp, text))
    assert quote.direct and "‘never again’" in quote.content.text
    assert quote.content.text.startswith("“He") and quote.content.text.endswith("room,”")
    assert quote.speaker.text == "Maria Lopez"


def test_a_quote_spanning_paragraphs():
    text = "“The first part of the statement runs on here.\n\n“And the second paragraph ends it,” Jones said."
    ((start, end),) = direct_quotes(text)
    assert text[start:end] == "“The first part of the statement runs on here.\n\n“And the second paragraph ends it,”"


def test_speech_reported_inside_a_quote_is_not_its_attribution(nlp):
    # the cue inside the quote used to take it: "The minister" said it, and "We" warned across paragraphs
    quote = only(analyse(nlp, '"The minister told me that he would resign," Smith said.'))
    assert quote.direct and quote.speaker.text == "Smith" and quote.cue.text == "said"
    text = '"We warned them last week. They did not listen.\n\n"Now families will pay the price," Stride added.'
    quote = only(analyse(nlp, text))
    assert quote.content.text == text[: text.index(" Stride")]
    assert quote.speaker.text == "Stride" and quote.cue.text == "added"


def test_a_long_quote_does_not_use_up_the_sentences_a_pronoun_looks_back_over(nlp):
    text = (
        "Mel Stride dismissed the plan. He spoke to reporters in London.\n\n"
        '"We warned them in May. We warned them in June. They did not listen. We will not stop.\n\n'
        '"Now families will pay the price," he added.'
    )
    record = analyse(nlp, text)
    (quote,) = [q for q in record.quotes if q.cue.text == "added"]
    assert record.entities[quote.speaker_entity].name == "Mel Stride"


def test_a_quote_with_no_cue_carries_on_the_attribution_before_it(nlp):
    text = (
        '"The science is unequivocal," said Friederike Otto, a climate scientist. "Every fraction of a degree '
        'matters." Her colleagues agreed. The so-called "experts" did not.'
    )
    quotes = analyse(nlp, text).quotes
    speakers = {q.content.text: q.speaker.text if q.speaker else None for q in quotes}
    assert speakers == {
        '"The science is unequivocal,"': "Friederike Otto, a climate scientist",
        '"Every fraction of a degree matters."': "Friederike Otto, a climate scientist",
    }


def test_a_quote_carries_on_the_attribution_past_a_title_in_its_tag(nlp):
    # the show's name in quote marks is where it was said, not a quote that breaks the speech off
    text = (
        "“There is a lot of frustration between this White House and our military,” Flynn said on Fox News’s "
        "“Fox and Friends.” “I mean, there is a lot of frustration within the ranks.”"
    )
    carried = [q for q in analyse(nlp, text).quotes if q.content.text.startswith("“I mean")]
    assert [q.speaker.text for q in carried] == ["Flynn"]
    # a quote after a sentence of the writer's in between carries on nothing
    text = (
        "“There is a lot of frustration between this White House and our military,” Flynn said. He appeared "
        "on “Fox and Friends.” “I mean, there is a lot of frustration within the ranks.”"
    )
    carried = [q for q in analyse(nlp, text).quotes if q.content.text.startswith("“I mean")]
    assert [q.speaker for q in carried] == [None]


def test_a_quote_with_no_cue_carries_on_the_speaker_not_a_report_within_the_speakers_description(nlp):
    text = (
        '"They are selling us out for cheap beef," said Jean-Marc Dupont, a dairy farmer who said he had driven '
        'four hours to attend. "Our children will have no farms to inherit."'
    )
    (carried,) = [q for q in analyse(nlp, text).quotes if q.cue is None]
    assert carried.speaker.text.startswith("Jean-Marc Dupont")


def test_a_quote_opening_a_headline_before_a_colon_is_the_speakers_after_it(nlp):
    text = (
        "'I'm not going anywhere': Starmer vows to fight on after budget leak row\n\n"
        "LONDON — Keir Starmer insisted on Wednesday that he would lead Labour."
    )
    quotes = [(q.speaker.text, q.content.text) for q in analyse(nlp, text).quotes if q.cue is None]
    assert quotes == [("Starmer", "'I'm not going anywhere'")]


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ("She unveiled a package which she said would fix the economy.", "she", "would fix the economy"),
        # also where the parser takes the clause for a participle's
        (
            "The case collapsed after the government declined to act, a decision that opposition politicians said "
            "was made to protect trade ties.",
            "opposition politicians",
            "was made to protect trade ties",
        ),
    ],
)
def test_a_relative_clause_cue_keeps_speaker_and_cue_out_of_the_content(nlp, text, speaker, content):
    quote = next(q for q in analyse(nlp, text).quotes if q.cue.text == "said")
    assert (quote.speaker.text, quote.content.text) == (speaker, content)


def test_an_unclosed_quote_ends_with_its_paragraph():
    text = "“This one never closes.\nA new paragraph starts without a quote mark."
    assert direct_quotes(text) == [(0, text.index("\n"))]


def test_scare_quotes_and_titles_are_not_speech(nlp):
    assert analyse(nlp, 'The so-called "experts" disagree about the "Green New Deal" again.').quotes == []


def test_long_quote_without_a_cue_is_kept_with_no_speaker(nlp):
    quote = only(analyse(nlp, "Then the crowd went quiet. “Nobody here will ever forget what happened that night.”"))
    assert quote.direct and quote.speaker is None and quote.speaker_entity is None


def test_a_long_title_in_title_case_is_not_speech(nlp):
    text = (
        "Her new book came out on Monday.\n\n“How the West Was Lost: Why Nations Fall From Within, and What Comes "
        "After”\n\nThe book argues that nations fall from within."
    )
    assert [q.content.text for q in analyse(nlp, text).quotes] == ["that nations fall from within"]


@pytest.mark.parametrize(
    "quote",
    [
        # capitalised for its names only
        "“Viktor Orban and Donald Trump met Xi Jinping in Beijing last May.”",
        # shouted
        "“WE WANT JUSTICE FOR OUR SONS AND WE WANT IT NOW!”",
    ],
)
def test_capitals_for_names_or_shouting_leave_a_quote_speech(nlp, quote):
    text = f"The crowd waited outside the hall.\n\n{quote}\n\nPolice watched them."
    assert [q.content.text for q in analyse(nlp, text).quotes] == [quote]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('As the senator put it, "this bill is dead on arrival."', "the senator"),
        ('A former minister put it bluntly: "The barbarians are no longer at the gates."', "A former minister"),
        ('"We need jobs for everyone, not just those at the top," as she put it in Raleigh.', "she"),
        # the parser takes a dateline's place for the subject, and the speaker for its apposition
        (
            "HAVANA — Cuba's deputy foreign minister, Carlos Fernández de Cossío, put it bluntly in a televised "
            'interview: "The blockade is an act of war."',
            "Cuba's deputy foreign minister, Carlos Fernández de Cossío",
        ),
    ],
)
def test_as_someone_put_it(nlp, text, speaker):
    quote = only(analyse(nlp, text))
    assert quote.direct and (quote.speaker.text, quote.cue.text) == (speaker, "put it")


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        # the question mark ends a sentence, and the tag is left with nothing of its own to report
        ('"Where are the human rights defenders now? Where is the OSCE?" she asked.', "she", "asked"),
        ('"Is this fair?" asked Otto Weber, a farmer.', "Otto Weber, a farmer", "asked"),
        # right after a quote, a shout is speech
        ('"Stop the war!" the officer shouted.', "the officer", "shouted"),
        # also where the parser hangs the quote's clause on it
        (
            '"They are selling our forest while we burn," one of them, who gave his name as Raoni, shouted at '
            "reporters.",
            "one of them",
            "shouted",
        ),
        # a speaker the parser hangs on the quote's last noun, as if the land were the rancher
        (
            '"Every night, they cross my land," one rancher, who asked that his name not be used for fear of '
            "retaliation, told me.",
            "one rancher",
            "told",
        ),
        # whom a question was put to does not stop the tag being its attribution
        ('"But why?" the reporter asked him.', "the reporter", "asked"),
        # a cue the tagger reads as a participle on its speaker, which the parser hangs on the quote's clause
        ('"This is a witch hunt, plain and simple," Trump posted on Truth Social late Monday.', "Trump", "posted"),
        # a speaker described at length, and where the words were said
        (
            '"Vaccination is the only way to protect children from this dangerous disease," Hans Kluge, WHO '
            "regional director for Europe, said in a statement.",
            "Hans Kluge, WHO regional director for Europe",
            "said",
        ),
        # also where the parser splits the description into two subjects, and its words are many and marked
        (
            '"This is a big year for our potential United States senator, Bobby Scott!" Scott\'s niece, state Del. '
            "Marcia Price (D-Newport News), shouted to the crowd.",
            "Scott's niece, state Del. Marcia Price (D-Newport News)",
            "shouted",
        ),
    ],
)
def test_the_tag_after_a_quote_that_the_parser_left_apart(nlp, text, speaker, cue):
    quote = only(analyse(nlp, text))
    assert quote.direct and (quote.speaker.text, quote.cue.text) == (speaker, cue)


def test_a_title_in_quote_marks_with_a_participle_after_it_is_nobodys_words(nlp):
    text = (
        'Otherwise known as the "Permanent Instruction of the Alta Vendita," a secret document written in the '
        "early 19th Century that mapped out a blueprint for the subversion of the Catholic Church."
    )
    assert all(q.speaker is None for q in analyse(nlp, text).quotes)


def test_a_hyphened_speaker_the_parser_splits_is_one(nlp):
    # the parser makes "co", "-" and "Xu" three subjects of "said"
    text = '"We need randomized trials before anyone changes their prescribing," said co-author Dr. Rong Xu.'
    assert only(analyse(nlp, text)).speaker.text == "co-author Dr. Rong Xu"
    # and whom a relative clause on the speaker names is not who speaks
    text = (
        '"There is a zero percent chance," said the co-founder of SCOTUSblog who has argued before the Supreme Court.'
    )
    record = analyse(nlp, text)
    assert only(record).speaker.text.startswith("the co-founder") and only(record).speaker_entity is None


def test_what_the_speaker_did_next_leaves_the_tag_a_tag(nlp):
    # the parser gives "told" no clause, so the tag is found after the quote; "urging ..." follows it
    text = (
        '"Every day of delay in delivering air defence costs Ukrainian lives," Foreign Minister Dmytro Kuleba '
        "told reporters in Brussels, urging allies to send more Patriot systems."
    )
    quote, urged = analyse(nlp, text).quotes
    assert quote.direct and (quote.speaker.text, quote.cue.text) == ("Foreign Minister Dmytro Kuleba", "told")
    assert (urged.speaker.text, urged.cue.text) == ("Foreign Minister Dmytro Kuleba", "urging")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"Look," Trump said, "nobody has done more for Israel than me. Nobody."', "Trump"),
        ('"If they cross the line," said one senior commander, "they will regret it."', "one senior commander"),
    ],
)
def test_the_quote_going_on_after_its_tag_leaves_the_tag_a_tag(nlp, text, speaker):
    # the parser makes the second half what the cue reports, and the first half nothing
    first, second = analyse(nlp, text).quotes
    assert first.direct and first.speaker.text == speaker and first.content.text.endswith(',"')
    assert second.direct and second.speaker.text == speaker


def test_when_the_words_were_said_leaves_the_tag_a_tag(nlp):
    # the bracketed aside splits the parse: the quote is a sentence of its own, the tag another
    text = (
        '"They are trying to slap us in the face [by providing limited information]," Quina Jones, 25, said as '
        "she and hundreds of other demonstrators moved through the city."
    )
    quote = only(analyse(nlp, text))
    assert quote.direct and (quote.speaker.text, quote.cue.text) == ("Quina Jones, 25", "said")
    # a quote with no verb has only the tag to tie it to its speaker
    quote = only(analyse(nlp, '"No comment," the spokesman said when reached by phone.'))
    assert quote.direct and (quote.speaker.text, quote.cue.text) == ("the spokesman", "said")
    # nor is where, whose preposition the tagger reads as an adjective on an object
    text = '"We will not be silenced," the protesters chanted outside parliament on Thursday night.'
    quote = only(analyse(nlp, text))
    assert quote.direct and (quote.speaker.text, quote.cue.text) == ("the protesters", "chanted")
    # but a "yes" is what was said, not the quote before it
    text = (
        'As Trump went on about "wounded American families" and "our own struggling citizens," Melanie said yes, '
        "yes, yes, until Trump reached the final three words of his speech."
    )
    assert [q.content.text for q in analyse(nlp, text).quotes if q.speaker is not None] == []


def test_scare_quotes_are_nobodys_words(nlp):
    assert analyse(nlp, 'The "so-called experts" never said so, and the crowd shouted.').quotes == []
    # nor is the writer's aside to the reader after them a tag
    assert analyse(nlp, 'Pride is worse than "sins of the flesh," you know?').quotes == []


def test_signed_quote(nlp):
    quote = only(analyse(nlp, "“The debate changed my mind about the whole campaign.” ― Jane Doe\n"))
    assert quote.speaker.text == "Jane Doe" and quote.cue.text == "―"
    # the line's full stop is no part of the name, an abbreviation's is
    for signed, signer in (("― Karen Bobadilla.", "Karen Bobadilla"), ("― John Smith Jr.", "John Smith Jr.")):
        quote = only(analyse(nlp, f"“The debate changed my mind about the whole campaign.” {signed}\n"))
        assert quote.speaker.text == signer
    # also after a no-break space, as web copy has it
    quote = only(analyse(nlp, "“The debate changed my mind about the whole campaign.”\xa0― Jane Doe\xa0\n"))
    assert quote.speaker.text == "Jane Doe" and quote.cue.text == "―"
    # a possessive after the dash names a work, not who signs: a review's title and the book it is about
    text = "Read the review: “Hope And Fury”—John Smith’s Churchill Book\n"
    assert analyse(nlp, text).quotes == []


def test_a_name_and_a_colon_in_mid_line_introduce_a_quote(nlp):
    text = "Pollsters agree - Carl Bialik: “One of the biggest lessons was to keep on contacting voters late.”"
    quote = only(analyse(nlp, text))
    assert quote.direct and (quote.speaker.text, quote.cue.text) == ("Carl Bialik", ":")
    # a colon after no name NER knows introduces no one's words
    text = "Wait, it gets better: “The committee never asked a single question about the missing money.”"
    assert only(analyse(nlp, text)).speaker is None


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Experts doubt it. Said Ellis: “I don’t get the sense she’s interested in tax reform.”", "Ellis"),
        ('He apologised. Said Comey, "The thought that we are connected to this is very painful to us."', "Comey"),
        (
            "The family spoke. Said Dorothy Poynter, who grew up with Ali in the neighborhood, “We were all so "
            "proud of him.”",
            "Dorothy Poynter, who grew up with Ali in the neighborhood",
        ),
        (
            'Said James O’Keefe, founder and president of Project Veritas Action: "This is a big day for us."',
            "James O’Keefe, founder and president of Project Veritas Action",
        ),
    ],
)
def test_said_before_its_speaker_introduces_a_quote(nlp, text, speaker):
    # the parser makes "Said" a name's first word, the root or a clause of the quote's, and finds no speaker
    quote = only(analyse(nlp, text))
    assert quote.direct and (quote.speaker.text, quote.cue.text) == (speaker, "Said")


def test_in_his_words_introduces_his_quote(nlp):
    text = 'Jake Sullivan defended the withdrawal. In his words: "There was no good option. We chose the least bad."'
    assert last_speaker(nlp, text) == ("his", "Jake Sullivan")


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "Putin: West Wants War With Russia\n\nThe Kremlin leader spoke on Tuesday.",
            "Putin",
            "West Wants War With Russia",
        ),
        # the small model misses the name at the head of the line; the body names her in full
        (
            "Merkel: Europe must take its fate into its own hands.\n\nChancellor Angela Merkel spoke in Munich.",
            "Merkel",
            "Europe must take its fate into its own hands",
        ),
        # a name after its role in lower case
        (
            'UN chief Guterres: world "sleepwalking" into climate disaster\n\nNEW YORK — The secretary-general '
            "warned on Monday that the world was failing.",
            "UN chief Guterres",
            'world "sleepwalking" into climate disaster',
        ),
    ],
)
def test_a_line_headed_by_a_name_and_a_colon_is_that_names_words(nlp, text, speaker, content):
    quotes = [q for q in analyse(nlp, text).quotes if q.cue and q.cue.text == ":"]
    assert [(q.speaker.text, q.content.text) for q in quotes] == [(speaker, content)]


def test_a_transcripts_speakers_take_turns_in_capitals(nlp):
    # NER finds none of these labels; each heads two lines, the second the surname alone
    text = (
        "Video transcript:\n\nKATE BOULDUAN: Why not debate in New York?\n\nJOEL BENENSON: This is a man who "
        "said he would never run a negative ad.\n\nBOULDUAN: You were open to more debates in January.\n\n"
        "BENENSON: Senator Sanders does not get to decide when we debate.\n\nBREAKING: The debate is off."
    )
    quotes = [(q.speaker.text, q.content.text) for q in analyse(nlp, text).quotes if q.cue and q.cue.text == ":"]
    assert quotes == [
        ("KATE BOULDUAN", "Why not debate in New York?"),
        ("JOEL BENENSON", "This is a man who said he would never run a negative ad"),
        ("BOULDUAN", "You were open to more debates in January"),
        ("BENENSON", "Senator Sanders does not get to decide when we debate"),
    ]


def test_a_transcript_quoted_over_paragraphs_opens_each_turn_with_a_mark(nlp):
    text = (
        'Partial transcript as follows:\n\n"WALLACE: Will Gennifer Flowers be there tomorrow night?\n\n"(CROSSTALK.)'
        '\n\n"PENCE: Well, look, this is an episode of “Shark Tank.” But this is America.\n\n"But the truth is '
        'that the debate is about the issues.\n\n"WALLACE: Do you really see those two as equivalent?"'
    )
    marks = [
        (text.index('"(CROSS'), text.index('\n\n"PENCE')),
        (text.index("“Shark"), text.index(" But this")),
        (text.index('"But'), text.index('\n\n"WALLACE: Do')),
    ]
    assert direct_quotes(text) == marks
    quotes = [(q.speaker.text, q.cue and q.cue.text, q.content.text) for q in analyse(nlp, text).quotes]
    assert quotes == [
        ("WALLACE", ":", "Will Gennifer Flowers be there tomorrow night?"),
        ("PENCE", ":", "Well, look, this is an episode of “Shark Tank.” But this is America"),
        ("PENCE", None, '"But the truth is that the debate is about the issues.'),
        # a stage direction is no one's words; the last turn's mark closes the transcript
        ("WALLACE", ":", "Do you really see those two as equivalent?"),
    ]
    # a report with no speaker inside a turn leaves it a turn
    text = (
        '"RAMOS: Secretary Clinton, did you lie to them?\n\n"CLINTON: We scrambled to get information, and then '
        'sometimes we had to go back and say we have new information.\n\n"RAMOS: Thank you, Secretary Clinton."'
    )
    quotes = [q for q in analyse(nlp, text).quotes if q.speaker is not None]
    assert [q.speaker.text for q in quotes] == ["RAMOS", "CLINTON", "RAMOS"]
    # a quote the label's paragraph closes is a quote
    text = '"BREAKING: Comey fired by Trump," the network wrote in a post on X.'
    assert direct_quotes(text) == [(0, text.index(" the network"))]


def test_a_tag_inside_a_headed_line_reports_what_follows_the_head(nlp):
    text = (
        'Xinhua: US "hegemonic" tariffs hurt global recovery, experts say\n\nBEIJING, Dec 3 (Xinhua) -- The abuse '
        "of tariffs has disrupted supply chains, experts said."
    )
    quotes = [(q.speaker.text, q.cue.text, q.content.text) for q in analyse(nlp, text).quotes]
    assert quotes[:2] == [
        ("experts", "say", 'US "hegemonic" tariffs hurt global recovery'),
        ("Xinhua", ":", 'US "hegemonic" tariffs hurt global recovery, experts say'),
    ]


@pytest.mark.parametrize(
    ("title", "body", "speakers"),
    [
        ("Putin: West Wants War With Russia", "Vladimir Putin spoke on Tuesday.", ["Putin"]),
        # NER reads every capitalised run of a title-case headline as a name: the body must name it too
        ("Sore Loser: Stacey Abrams Ends Challenges In Georgia Race", "Abrams will file a lawsuit.", []),
        ("Madagascar Outbreak: The Plague Becomes Resistant To Drugs", "Doctors fear the worst.", []),
    ],
)
def test_a_title_case_headline_is_headed_only_by_a_name_its_body_names_too(nlp, title, body, speakers):
    record = analyse(nlp, f"{title}\n\n{body}", title=title)
    assert [q.speaker.text for q in record.quotes if q.cue and q.cue.text == ":"] == speakers


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (
            "Clinton to Planned Parenthood: Trump will reverse Roe v. Wade.\n\nHillary Clinton spoke on Monday.",
            ("Clinton", ":", "Trump will reverse Roe v. Wade"),
        ),
        (
            "Obama on climate change: The trends are terrifying.\n\nPresident Obama spoke in Alaska.",
            ("Obama", ":", "The trends are terrifying"),
        ),
        (
            'Lindsey Graham to committee Democrats: "This is the most unethical sham I have seen."\n\nHe was angry.',
            ("Lindsey Graham", ":", '"This is the most unethical sham I have seen."'),
        ),
    ],
)
def test_a_headed_line_may_name_whom_or_what_its_speaker_addresses(nlp, text, quote):
    record = analyse(nlp, text)
    assert [(q.speaker.text, q.cue.text, q.content.text) for q in record.quotes] == [quote]


@pytest.mark.parametrize(
    "text",
    [
        "Still to come: results in Ohio, Missouri and Illinois.\n\nPolls close at 8.",
        # a section's heading, though NER may take its first words for a name
        "The city has a plan.\n\nSupporting Local Efforts to Reduce Gun Crimes: Opposing concealed carry permits.",
    ],
)
def test_a_line_headed_by_no_name_addresses_no_one(nlp, text):
    assert analyse(nlp, text).quotes == []


@pytest.mark.parametrize(
    ("title", "body", "quotes"),
    [
        (
            "Tolls Are ‘A Tax On Working Families,’ Lena Ortiz Tells Council",
            "Mayor Lena Ortiz spoke to the city council on Monday.",
            [("Lena Ortiz", "Tells", "Tolls Are ‘A Tax On Working Families,’")],
        ),
        (
            "Ortiz Says Council Ignored Residents, Calls Vote ‘Shameful’",
            "Mayor Lena Ortiz spoke on Monday.",
            [("Ortiz", "Says", "Council Ignored Residents"), ("Ortiz", "Calls", "‘Shameful’")],
        ),
    ],
)
def test_a_title_case_headline_is_read_in_sentence_case(nlp, title, body, quotes):
    # in title case the parser finds no verb in either: every capitalised word is a name to it
    record = analyse(nlp, f"{title}\n\n{body}", title=title)
    assert [(q.speaker.text, q.cue.text, q.content.text) for q in record.quotes] == quotes


@pytest.mark.parametrize(
    "text",
    [
        "Hillary Clinton: 1,769\nBernie Sanders: 1,501\n",
        # the outlet's name with the kind of piece, which NER takes for an organisation
        "Xinhua Commentary: Manila's provocations will only backfire\n\nBEIJING (Xinhua) -- Manila sent ships.",
    ],
)
def test_a_label_or_a_tally_before_a_colon_is_no_ones_words(nlp, text):
    assert analyse(nlp, text).quotes == []


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("Poll: Clinton leads Trump in Ohio.\n\nThe survey was taken in May.", ("Poll", "Clinton leads Trump in Ohio")),
        (
            "Mueller report: No further indictments\n\nThe special counsel has closed his inquiry.",
            ("Mueller report", "No further indictments"),
        ),
        (
            "Insiders: Trump will rebound in New Hampshire\n\nDonald Trump is poised to recover.",
            ("Insiders", "Trump will rebound in New Hampshire"),
        ),
    ],
)
def test_a_poll_a_report_or_a_group_heading_the_headline_is_its_source(nlp, text, quote):
    assert [(q.speaker.text, q.content.text) for q in analyse(nlp, text).quotes] == [quote]


@pytest.mark.parametrize(
    "text",
    [
        # the writer's references, not a headline
        "The mayor spoke on Monday.\n\nSources: Reuters, Associated Press and CNN",
        # the kind of piece
        "SPECIAL REPORT: Hospitals Turn Away Patients As Fuel Runs Out\n\nDoctors said supplies were gone.",
    ],
)
def test_a_source_heads_only_the_headline(nlp, text):
    assert [q for q in analyse(nlp, text).quotes if q.cue and q.cue.text == ":"] == []


def test_a_rubric_before_a_quote_is_not_its_speaker(nlp):
    text = "INTERVIEW: 'We were told to shoot anyone who moved'\n\nA former soldier spoke to us."
    (quote,) = analyse(nlp, text).quotes
    assert (quote.speaker, quote.content.text) == (None, "'We were told to shoot anyone who moved'")
    # nor is an interview's mark of the answer, which NER may take for a name
    text = (
        "Dr. Mohammed Abu Salmiya, director of Al-Shifa Hospital, spoke to us by phone from Gaza City.\n"
        "Q: What is the situation at the hospital?\n"
        'A: "We have no fuel, no anesthetics, nothing. Patients are dying in the corridors."\n'
        "Q: Has any aid arrived?\n"
        'A: "A few trucks. It is a drop in the ocean."'
    )
    quotes = analyse(nlp, text).quotes
    assert [(q.speaker, q.content.text[:12]) for q in quotes] == [(None, '"We have no '), (None, '"A few truck')]


def test_a_rubric_heading_a_headline_is_no_part_of_what_was_said(nlp):
    quote = only(analyse(nlp, "Exclusive: U.S. weighs new sanctions on Russian oil buyers, sources say"))
    assert quote.content.text == "U.S. weighs new sanctions on Russian oil buyers"


def test_a_fact_checks_claim_heading_is_no_cue(nlp):
    # the tagger reads "CLAIM" as a verb
    text = "Fact check\n\nCLAIM: Noise from wind turbines causes cancer, according to a viral post.\nVERDICT: False."
    assert [q.cue.text for q in analyse(nlp, text).quotes] == ["according to"]


def test_a_fact_checks_verdict_is_no_ones_words(nlp):
    # NER takes "Verdict" for a person
    text = (
        "Verdict: False. There is no evidence that wind turbines cause cancer, according to the American Cancer "
        "Society."
    )
    assert [q.cue.text for q in analyse(nlp, text).quotes] == ["according to"]


@pytest.mark.parametrize(
    ("text", "who"),
    [
        (
            'Senator Ron Johnson doubled down on Sunday. "I\'m not going to stop asking questions," Johnson told Fox '
            "News's Maria Bartiromo. He went on to claim that ballots had been harvested.",
            "Ron Johnson",
        ),
        # nor where they said it
        (
            "WikiLeaks said on Twitter that it would sue. It later tweeted that Assange had instructed his lawyers "
            "to sue the Guardian.",
            "WikiLeaks",
        ),
        # nor a medium anyone put something out on
        ("Jay Tarriela posted video of the incident on X. It said the ship was safe.", None),
        # nor whom its own clause addresses
        (
            "Belgian Prime Minister Bart De Wever has warned that the plan could expose his country to lawsuits. "
            "In a letter to European Commission President Ursula von der Leyen, he wrote that Belgium would not "
            '"carry the risks alone."',
            "Bart De Wever",
        ),
        # though one a clause on the addressee names may be
        (
            "Juan Carlos Cruz spoke to the press. In a letter to Bishop Ivo Scapolo that Cruz gave to the Associated "
            "Press, he said he witnessed the abuse.",
            "Juan Carlos Cruz",
        ),
    ],
)
def test_a_pronoun_is_not_whom_or_where_a_speaker_of_its_kind_told(nlp, text, who):
    assert last_speaker(nlp, text)[1] == who


def test_pronoun_resolves_to_the_nearest_person_before_it(nlp):
    record = analyse(nlp, "Angela Merkel arrived in Paris on Monday. She said that Europe must stand together.")
    quote = only(record)
    assert quote.speaker.text == "She"
    assert record.entities[quote.speaker_entity].name == "Angela Merkel"
    assert record.entities[quote.speaker_entity].quotes_by == [0]


@pytest.mark.parametrize(
    ("text", "who"),
    [
        # the subject of the clause the pronoun's clause hangs on, a state too, not the agency named nearer
        (
            "BEIJING (Xinhua) -- China on Tuesday lodged stern representations with the Philippines over what it "
            'called a "deliberate provocation."',
            "China",
        ),
        (
            "Retired General Michael Flynn said Donald Trump was right when he said that the generals had been "
            "reduced to rubble.",
            "Donald Trump",
        ),
        # the subject beside the verb, not a dateline the parser makes a first one
        (
            "NAIROBI — Thousands of university students marched through Nairobi on Thursday to protest a new "
            "funding model that they say will make higher education unaffordable.",
            None,
        ),
        # a plural no entity names, not the body named before it
        (
            "Farmers protested outside a European Union summit. Thousands of protesters denounced a trade deal "
            "with South American nations they say will ruin them.",
            None,
        ),
    ],
)
def test_a_pronoun_in_a_clause_is_the_subject_of_the_clause_it_hangs_on(nlp, text, who):
    assert last_speaker(nlp, text)[1] == who


@pytest.mark.parametrize(
    "text",
    [
        # not out of a relative clause, nor a pair of names
        "Keith Scott was shot. Bamberg said the videos do not show whether Scott has anything in his hands, which "
        "he said were at his side.",
        "Tanya and Jason Badger said they told the police they had seen the boy.",
    ],
)
def test_a_pronoun_in_a_clause_is_not_one_of_several_nor_out_of_a_relative_clause(nlp, text):
    assert last_speaker(nlp, text)[1] not in {"Keith Scott", "Tanya"}


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Foreign Ministry spokeswoman Maria Zakharova said that the talks had failed.", "Maria Zakharova"),
        ("Michael Tanner, an analyst at the Cato Institute, said that taxes would rise.", "Michael Tanner"),
        ("A spokesman for the Pentagon said that the strike had hit its target.", "Pentagon"),
        # a member of a group is the one named beside
        (
            "The committee's top Democrat, Rep. Robert Garcia of California, countered that Biden had approved "
            "every pardon.",
            "Robert Garcia",
        ),
        # "of three" counts her children
        ('"Since when is Christmas offensive?" said mother of three Jennifer Walsh.', "Jennifer Walsh"),
        # the name the head word is a kind of, not its owner's
        ("Former president Jacob Zuma's new MK party said it would challenge the results in court.", "MK"),
        # also where the tagger takes the name for an adjective
        ("Ukraine's SBU security service said it had hit the tankers.", "SBU"),
        # a body's branch in a country is the body
        (
            'Amnesty International UK said the sentences were "a dark day for the right to protest."',
            "Amnesty International",
        ),
    ],
)
def test_a_speaker_is_the_entity_its_head_word_names(nlp, text, who):
    # the longest name in the phrase used to win: the ministry spoke, not its spokeswoman
    record = analyse(nlp, text)
    assert record.entities[only(record).speaker_entity].name == who


@pytest.mark.parametrize(
    "text",
    [
        "More than 40,000 people have been killed, according to the Hamas-run health ministry.",
        "The Kremlin-backed broadcaster said that the talks had failed.",
    ],
)
def test_a_name_in_a_hyphenated_modifier_is_not_the_speaker(nlp, text):
    # the ministry is run by Hamas, not Hamas; it used to be filed under Hamas's quotes
    assert only(analyse(nlp, text)).speaker_entity is None


def test_a_lawmakers_party_and_place_is_not_the_speaker(nlp):
    text = '"This is a big year!" Scott\'s niece, Marcia Price (D-Newport News), shouted to the crowd.'
    record = analyse(nlp, text)
    assert record.entities[only(record).speaker_entity].name == "Marcia Price"


@pytest.mark.parametrize(
    "text",
    [
        "Julian Assange stayed inside. A lawyer for Assange said that he would appeal.",
        # the NER types Doncaster a person here
        'One furious mum from Doncaster told The Sun: "We\'re being robbed blind."',
        # nor are several people, nor someone's followers
        "Imran Khan was jailed in 2023. Lawmakers from Imran Khan's party said the vote was illegal.",
        "Donald Trump held a rally. Supporters of Donald Trump said the election was stolen.",
        # nor is whoever an adjective's phrase says is near them
        "Jorge Bergoglio became pope in 2013. Those familiar with Jorge Bergoglio in Argentina say it is a classic "
        "move of his.",
    ],
)
def test_a_person_whose_friend_or_lawyer_speaks_is_not_the_speaker(nlp, text):
    assert analyse(nlp, text).quotes[-1].speaker_entity is None


def test_a_person_given_as_an_example_of_the_speakers_is_one_of_them(nlp):
    text = "Robert Menendez opposed the deal. Democratic senators like Robert Menendez said the deal was flawed."
    assert last_speaker(nlp, text) == ("Democratic senators like Robert Menendez", "Robert Menendez")


def test_a_named_lawyer_speaks_for_himself(nlp):
    record = analyse(nlp, "Saucier stayed silent. His lawyer, Ronald Daigle, said that the case was political.")
    assert record.entities[only(record).speaker_entity].name == "Ronald Daigle"


def test_who_after_a_description_beside_a_name_is_that_name(nlp):
    text = "Chancellor Rachel Reeves, the woman who promised no tax rises, signed the plan on Friday."
    record = analyse(nlp, text)
    assert record.entities[only(record).speaker_entity].name == "Rachel Reeves"


def test_who_with_a_verb_in_the_singular_is_not_the_plural_it_hangs_on(nlp):
    # the parser hangs the clause on "groups"; "has" says the lobbyist, and so Roets, warned
    text = "Ernst Roets, a lobbyist for Afrikaner groups, who has long warned of a genocide, spoke on Friday."
    assert last_speaker(nlp, text) == ("who", "Ernst Roets")
    # a plural verb is the plural's
    text = "Nina Lane, a lawyer for the families, who have long warned of abuse, spoke."
    assert last_speaker(nlp, text) == ("who", None)


def test_a_relative_pronoun_resolves_to_the_noun_it_hangs_on(nlp):
    record = analyse(nlp, "The claim was first made by journalist Seymour Hersh, who cited a single anonymous source.")
    quote = only(record)
    assert quote.speaker.text == "who"  # PolNeAR marks the pronoun as the source
    assert record.entities[quote.speaker_entity].name == "Seymour Hersh"


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Boris Johnson met the press in London. The minister said that the talks had stalled.", "Boris Johnson"),
        (
            "Hossein Amir-Abdollahian spoke in Tehran on Sunday. The top Iranian diplomat said that the talks had "
            "stalled.",
            "Hossein Amir-Abdollahian",
        ),
    ],
)
def test_role_description_resolves_to_the_nearest_person(nlp, text, who):
    record = analyse(nlp, text)
    assert record.entities[only(record).speaker_entity].name == who


def test_a_role_description_is_not_one_named_only_in_what_another_speaker_said(nlp):
    # NER takes "Kyiv" for a person; it is named only in what Putin said
    text = (
        "Vladimir Putin said on Thursday that Russian troops would seize the rest of Ukraine's Donbas region, and "
        "that Kyiv's forces should withdraw if they wanted the fighting to stop.\n\nSpeaking to reporters in "
        'Bishkek, the Russian president said some points needed "serious discussion."'
    )
    assert last_speaker(nlp, text) == ("the Russian president", "Vladimir Putin")


@pytest.mark.parametrize(
    ("text", "who"),
    [
        # another person named in between: the role was introduced with its holder's name
        (
            "Foreign Ministry spokesperson Wang Wenbin spoke on Tuesday. Adrian Zenz, a German scholar, disagreed. "
            "The spokesperson added that the region was stable.",
            "Wang Wenbin",
        ),
        (
            "Xu Guixiang, a spokesperson for the regional government, spoke first. Adrian Zenz disagreed. "
            "The spokesperson said that the centres had closed.",
            "Xu Guixiang",
        ),
        # the description's compounds must match: not "Attorney General Loretta Lynch"
        (
            "Inspector General Michael Horowitz wrote the report. Attorney General Loretta Lynch met Bill Clinton. "
            "The inspector general said that the meeting was a mistake.",
            "Michael Horowitz",
        ),
        (
            "Jewish groups criticised a group called Democratize SSMU. Noah Lew ran for the board. "
            "The group said that Lew should not be elected.",
            "Democratize SSMU",
        ),
        (
            "Vice President Joe Biden sat beside President Barack Obama. Vice President Joe Biden wept. "
            "The president said that the museum told a story.",
            "Barack Obama",
        ),
        # also where the parser runs the body the role serves into the name
        (
            "Russian Ambassador to the United Nations Vitaly Churkin, spurning requests from Obama administration "
            'officials, asserted that the test was legal. "A call is different from a ban," the Russian '
            "ambassador said.",
            "Vitaly Churkin",
        ),
        # an unnamed introduction is no one named before it...
        (
            "Xavier Becerra denied it. A House official close to the probe spoke on Friday. The official said that "
            "the server was missing.",
            None,
        ),
        # ...but a fitting name since may be who it was
        (
            "A union representing flight attendants endorsed Clinton. The Association of Flight Attendants cited "
            "her work. The union wrote that she was a champion.",
            "Association of Flight Attendants",
        ),
    ],
)
def test_a_role_description_is_whoever_the_text_introduced_in_that_role(nlp, text, who):
    assert last_speaker(nlp, text)[1] == who


def test_a_pronoun_refers_back_to_the_speaker_a_description_named(nlp):
    text = (
        "The National Defence Ministry announced the strikes on Saturday. The strikes hit caves in the Metina, "
        'Hakurk and Qandil regions, the ministry said in a statement. "Our fight will continue," it added.'
    )
    assert last_speaker(nlp, text) == ("it", "National Defence Ministry")


def test_a_pronoun_is_not_someone_named_in_what_another_speaker_said(nlp):
    text = (
        'U.S. District Judge Amy Berman Jackson said the defendant, Richard Moss, had shown "a pattern of deception." '
        "She also ordered him to pay a fine."
    )
    assert last_speaker(nlp, text) == ("She", "Amy Berman Jackson")
    # but a speaker's own name in their words still counts: the last "He" is Orban
    text = (
        "The wave of refugees is an invasion, according to Hungarian Prime Minister Viktor Orban. "
        '"They crossed the border illegally," he stated. "They did not ask," he added. '
        'Orban then did what others will not do, he told the truth. He called it an "illusion."'
    )
    assert last_speaker(nlp, text) == ("He", "Viktor Orban")


@pytest.mark.parametrize(
    "text",
    [
        # NER misses the spokesman, and takes the villages he named for people
        "Military spokesman Lieutenant Colonel Nadav Shoshani told reporters that fighter jets had hit weapons "
        'depots near the villages of Aita al-Shaab and Kfar Kila. "We will continue to act," he said.',
        "Congo's Health Ministry said there were 21 cases. A team was sent by the WHO over the weekend. The five "
        "new cases were then identified, Congo's government said. No deaths have been reported since, it said.",
        # a thing that speaks is no one, though it resolves to whose it is
        "Lord Darzi's independent investigation found that the NHS was in critical condition. It said that "
        "waits had risen.",
        # someone close to one named is a person too, not the one named before them
        'The first explosion woke Olena Kovalenko, 67. "The whole building shook," she said. Her neighbour, a '
        'retired sailor, said he had carried two children down nine flights of stairs. "I just ran," he said.',
        # a coast guard or an air force is a body, though "a guard" is a person and "force" no body
        "MANILA (Reuters) - China's coast guard said it had expelled the Philippine vessels. It said they had "
        "intruded into Chinese waters.",
        "KYIV (Reuters) - Ukraine's air force said Russia launched 112 drones. It said 89 were shot down.",
    ],
)
def test_a_pronoun_after_a_speaker_no_entity_names_is_no_one_else(nlp, text):
    assert last_speaker(nlp, text)[1] is None


def test_an_office_is_a_body_whoever_it_serves(nlp):
    # "prime minister" makes no person of the office, which stays the speaker "the office" refers back to
    text = (
        "Hamas handed over the remains to the Red Cross on Thursday, Israel's prime minister's office said. "
        "Experts would identify them, the office said."
    )
    assert last_speaker(nlp, text) == ("the office", None)


def test_a_pronoun_after_a_thing_that_spoke_may_be_whose_it_is(nlp):
    text = "Keith Ellison's campaign told the police that he wanted protection. He said it was true."
    assert last_speaker(nlp, text) == ("He", "Keith Ellison")


def test_who_he_says_is_his_word_of_whoever_who_is(nlp):
    text = (
        '"This is the weaponization of government," Rep. Jim Jordan told Fox News. He has subpoenaed Attorney '
        'General Merrick Garland, who he says "lied to Congress" about the program.'
    )
    assert last_speaker(nlp, text) == ("he", "Jim Jordan")
    text = "Stacey Abrams spoke on Friday. She laced her speech with jabs at Brian Kemp, who she accused of lying."
    assert last_speaker(nlp, text) == ("she", "Stacey Abrams")
    # also where the parser hangs the relative word on the clause reported: "it" is not the cartel
    text = (
        "The administration has designated the so-called Cartel de los Soles, which it says Maduro leads, as a "
        "terrorist organization."
    )
    assert last_speaker(nlp, text) == ("it", None)


def test_a_body_described_by_its_people_is_not_the_organisation_named_last(nlp):
    text = (
        "The hospital's director told Al Jazeera that snipers fired at the compound. "
        "The Israeli military said that it had offered to deliver fuel."
    )
    assert last_speaker(nlp, text) == ("The Israeli military", None)
    # a person so described is still, most often, the one named last
    text = "Senator Elizabeth Warren grilled the chief. The Democratic senator said that no one was held to account."
    assert last_speaker(nlp, text) == ("The Democratic senator", "Elizabeth Warren")


def test_a_body_is_not_an_organisation_named_as_another_kind_of_body(nlp):
    text = (
        "The ruling came from the Supreme Electoral Court in Brasilia. "
        "Truckers blocked highways in 11 states on Monday, the federal highway police said."
    )
    assert last_speaker(nlp, text) == ("the federal highway police", None)
    # a name without a role word may be any body, and one of the same kind is that body
    text = "Officers of the Metropolitan Police arrested 12 protesters. The police said the crowd had turned violent."
    assert last_speaker(nlp, text) == ("The police", "Metropolitan Police")
    # the kind a name is headed by, before its "of"
    text = (
        "The West Virginia Department of Environmental Protection approved the plan in May. "
        "The union said the plan would leave retired miners without health care."
    )
    assert last_speaker(nlp, text) == ("The union", None)


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        # NER took the county for an organisation, and the union it did not name was that
        (
            "Up to 500 asylum seekers will be housed on a barge moored off the Dorset coast. "
            'The fire brigades union called the vessel a potential "death trap."',
            None,
        ),
        # a kind the name says, or one any news organisation is, may be that body
        (
            "The Fire Brigades Union inspected the barge on Monday. "
            'The fire brigades union called the vessel a potential "death trap."',
            "Fire Brigades Union",
        ),
        ("The report was aired on NBC News. The media outlet reported that the border had been closed.", "NBC News"),
        # a body NER missed is not the one its description names
        ("GLAAD, the LGBTQ advocacy group, said in a statement that the routine was cruel.", None),
        # nor the one it belongs to
        ("Klaus Schwab's World Economic Forum openly boasts that you will own nothing.", None),
        # NER marks no country's government as an organisation: the one named last is not it
        (
            "Sudan's government accused the paramilitary Rapid Support Forces of mass killings. The government "
            "said it would ask the International Criminal Court to investigate.",
            None,
        ),
        # unless its name says it governs
        (
            "The Trump Administration sued the state of Maine. The administration said the law broke federal rules.",
            "Trump Administration",
        ),
        # nor a court: the one named last is most often a party to the case
        (
            "Jimmy Lai founded Apple Daily in 1995. The court found that he had conspired with foreign forces.",
            None,
        ),
        (
            "The Supreme Court heard the case in March. The court said the law was unconstitutional.",
            "Supreme Court",
        ),
        # nor an army: the one named last may be the militia fighting it
        (
            "Sudan's paramilitary Rapid Support Forces said they had captured the army's last base, a claim the "
            "army swiftly denied.",
            None,
        ),
        ("The IDF said it struck a Hamas post. The army said the strike killed two militants.", "IDF"),
        ("The Pakistan Army said it struck a post. The military said it killed two militants.", "Pakistan Army"),
        # nor a ministry one not named so
        (
            "A student wrapped in an EU flag sang. Police detained at least 12 people, the interior ministry said.",
            None,
        ),
        ("The Interior Ministry banned the rally. The ministry said 12 people were held.", "Interior Ministry"),
    ],
)
def test_a_description_of_a_kind_of_body_is_no_body_of_another_kind(nlp, text, entity):
    assert last_speaker(nlp, text)[1] == entity


def test_they_is_a_people_named_as_a_noun_not_as_an_adjective(nlp):
    record = analyse(nlp, "Ahmed, a Sudanese man, was deported on Tuesday. They said that the flight was legal.")
    assert only(record).speaker_entity is None
    record = analyse(nlp, "The Palestinians met on Tuesday. They said that the plan was unjust.")
    assert record.entities[only(record).speaker_entity].name == "Palestinians"


def test_a_plural_role_description_is_no_single_entity(nlp):
    # it used to take the nearest name, here a journal NER reads as a person
    record = analyse(
        nlp, "A new paper appeared in the journal Cureus. The authors argue that regulators ignored the signs."
    )
    quote = only(record)
    assert quote.speaker.text == "The authors" and quote.speaker_entity is None
    police = only(analyse(nlp, "Scotland Yard opened an inquiry. The police said that the man had fled."))
    assert police.speaker.text == "The police" and police.speaker_entity is not None


def test_unnamed_sources_stay_unresolved(nlp):
    record = analyse(nlp, "Boris Johnson met the press in London. A source said that the talks had stalled.")
    assert only(record).speaker_entity is None
    # an official of a country is not the country
    record = analyse(nlp, "A senior US official told reporters that the talks had stalled.")
    assert only(record).speaker_entity is None


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Pope Leo XIV appealed for a Christmas truce.", "a Christmas truce"),
        # with what they are to do, which the parser hangs on the cue
        ("Police appealed for witnesses to come forward.", "witnesses to come forward"),
    ],
)
def test_what_is_appealed_for(nlp, text, content):
    quote = only(analyse(nlp, text))
    assert (quote.cue.text, quote.content.text) == ("appealed for", content)


@pytest.mark.parametrize("text", ["The state appealed the verdict.", "He appealed to the Supreme Court."])
def test_a_legal_appeal_says_nothing(nlp, text):
    assert analyse(nlp, text).quotes == []


def test_hailing_from_a_place_is_no_praise(nlp):
    assert analyse(nlp, "Gonzalez hails from McAllen, Texas, and studied law in New York.").quotes == []
    text = "The senator, who hails from Ohio, said the bill was dead."
    assert [(q.speaker.text, q.cue.text) for q in analyse(nlp, text).quotes] == [("The senator", "said")]
    # praise given from somewhere is still praise
    quote = only(analyse(nlp, "Leaders hailed the agreement from the summit in Paris."))
    assert (quote.speaker.text, quote.cue.text) == ("Leaders", "hailed")


def test_what_is_urged_or_called_for(nlp):
    urged = only(analyse(nlp, "Mahmoud Abbas urged the UN Security Council to act."))
    assert urged.content.text == "the UN Security Council to act"
    called = only(analyse(nlp, "Egypt's foreign minister, Sameh Shoukry, called for restraint."))
    assert called.cue.text == "called for" and called.content.text == "restraint"
    # whom the cue calls on belongs to what they are called on to do
    called = only(analyse(nlp, "Senator Dick Durbin called on Chief Justice John Roberts to investigate."))
    assert called.content.text == "Chief Justice John Roberts to investigate"
    # also where the parser takes the "on" for a particle
    text = 'Andrii Sybiha said Putin was "wasting the world\'s time" and called on allies to increase pressure.'
    (called,) = [q for q in analyse(nlp, text).quotes if q.cue.text == "called on"]
    assert called.content.text == "allies to increase pressure"
    # whom it urges stays with a quote of what they are urged to do
    text = 'The State Department urged China to "cease its military pressure" and said it wanted peace.'
    (urged,) = [q for q in analyse(nlp, text).quotes if q.cue.text == "urged"]
    assert urged.content.text == 'China to "cease its military pressure"'
    # and so does the verb of what they are urged or ordered to do, outside the quote
    text = 'Now he has ordered the opinion pages to defend "personal liberties and free markets."'
    assert only(analyse(nlp, text)).content.text == 'the opinion pages to defend "personal liberties and free markets."'
    # a clause closing it that reports words of its own is no part of what is urged
    text = (
        "Human rights groups urged Washington to press Damascus on the killing of hundreds of Alawite civilians in "
        'March, which a government inquiry blamed on "individual violations."'
    )
    (urged,) = [q for q in analyse(nlp, text).quotes if q.cue.text == "urged"]
    assert urged.content.text == "Washington to press Damascus on the killing of hundreds of Alawite civilians in March"
    # a participle after what is urged reports more of the speaker's words
    text = (
        "Lin Jian urged Japan to immediately correct its erroneous remarks on Taiwan, saying they constituted a "
        "gross interference in China's internal affairs."
    )
    urged, saying = analyse(nlp, text).quotes
    assert urged.content.text == "Japan to immediately correct its erroneous remarks on Taiwan"
    assert saying.content.text == "they constituted a gross interference in China's internal affairs"


def test_what_someone_is_accused_of_after_a_day(nlp):
    # the parser hangs "of involvement" on "Monday"
    text = "Prime Minister Justin Trudeau accused India on Monday of involvement in the killing of a Sikh leader."
    assert only(analyse(nlp, text)).content.text == "India on Monday of involvement in the killing of a Sikh leader"


def test_what_someone_is_accused_of_after_a_participle_before_their_name(nlp):
    # the parser takes "neighboring" for a clause of the cue's, with Eritrea its object
    text = (
        "Ethiopia's government on Thursday accused neighboring Eritrea of preparing for war, in a letter to the U.N. "
        "secretary-general."
    )
    assert only(analyse(nlp, text)).content.text == "neighboring Eritrea of preparing for war"


def test_a_pronoun_never_resolves_to_someone_named_only_in_its_own_quote(nlp):
    quote = only(analyse(nlp, '"Hillary Clinton lied to all of us about everything," he said.'))
    assert quote.speaker.text == "he" and quote.speaker_entity is None


def test_quotes_about_an_entity(nlp):
    record = analyse(nlp, "Jane Smith said that Acme Corporation had broken the law.")
    (acme,) = [e for e in record.entities if e.name == "Acme Corporation"]
    assert acme.quotes_about == [0] and acme.quotes_by == []


def test_both_sides_get_the_same_treatment(nlp):
    left = analyse(nlp, "Nancy Pelosi said that the Republicans had betrayed working families.")
    right = analyse(nlp, "Mitch McConnell said that the Democrats had betrayed working families.")
    for record, name in ((left, "Nancy Pelosi"), (right, "Mitch McConnell")):
        quote = only(record)
        assert record.entities[quote.speaker_entity].name == name
        assert quote.content.text.endswith("had betrayed working families")


@pytest.mark.slow
def test_polnear_dev_reaches_the_targets():
    """Content and source F1 on PolNeAR dev, as `make bench` reports them."""
    data = SHARED_DATA / "quotes" / "dev"
    if not (data / "attributions").is_dir():
        pytest.skip(f"PolNeAR is not at {data} (see the README's Data section)")
    from spinlens.quotes.evaluate import evaluate

    scores = evaluate(data)
    assert scores["content"].f1 >= 0.65 and scores["source"].f1 >= 0.65


def test_span_f1_reused_from_the_semeval_metric():
    from spinlens.semeval.metrics import score_spans

    gold = {"a": [(0, 10), (20, 30)], "b": [(0, 4)]}
    pred = {"a": [(0, 5), (3, 10)], "b": [(10, 12)]}  # a: merged to (0, 10), an exact hit; b: a miss
    scores = score_spans(gold, pred)
    assert (scores.n_pred, scores.n_gold) == (2, 3)
    assert scores.precision == pytest.approx(0.5) and scores.recall == pytest.approx(1 / 3)


def test_polnear_reader(tmp_path):
    from spinlens.quotes.polnear import read_split

    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    text = "Ann Lee said the plan works, and more.\nThe end"
    (tmp_path / "text" / "story.txt").write_text(text, encoding="utf-8")
    # a span over a line break carries its text on to the next line, which reads like an ordinary line
    (tmp_path / "attributions" / "story_ab12.ann").write_text(
        "T1\tSource 0 7\tAnn Lee\nT2\tCue 8 12\tsaid\nT3\tContent 13 27;32 46\tthe plan works more.\n"
        "The end\nE1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n",
        encoding="utf-8",
    )
    (document,) = read_split(tmp_path)
    assert document.id == "story_ab12" and document.text == text
    assert document.spans == {"Source": [(0, 7)], "Cue": [(8, 12)], "Content": [(13, 27), (32, 46)]}


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        ('"Enough," posted Elon Musk.', "Elon Musk", "posted"),
        ('"Game over," tweeted Cruz spokesman Rick Tyler.', "Cruz spokesman Rick Tyler", "tweeted"),
        ("He spoke. “We will not retreat from Kharkiv,”\u00a0added Zelensky.", "Zelensky", "added"),
        (
            '"No one dares to say it anymore. We have lost our country. #Berlin," tweeted a user from Munich.',
            "a user from Munich",
            "tweeted",
        ),
    ],
)
def test_a_name_after_the_verb_opening_a_tag_is_the_speaker(nlp, text, speaker, cue):
    # the parser reads the name as the verb's object, or the verb as a word of the name, or a word of the quote
    # as the verb's subject; a space the tokenizer keeps as a word may stand between quote and tag
    quote = only(analyse(nlp, text))
    assert quote.direct and (quote.speaker.text, quote.cue.text) == (speaker, cue)


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        ('"Not again," she laughed.', "she", "laughed"),
        ('"What a day," mused the senator.', "the senator", "mused"),
        ('"It is a disgrace," scoffed Smith.', "Smith", "scoffed"),
        ('"We did it," beamed the coach.', "the coach", "beamed"),
    ],
)
def test_how_words_came_out_tags_a_quote(nlp, text, speaker, cue):
    quote = only(analyse(nlp, text))
    assert (quote.speaker.text, quote.cue.text) == (speaker, cue)


def test_smiling_or_laughing_without_a_quote_reports_nothing(nlp):
    assert analyse(nlp, "She smiled at the reporters and laughed at the question. The crowd roared.").quotes == []


def test_a_nickname_in_the_speakers_name_does_not_stop_the_next_quote_being_theirs(nlp):
    text = (
        'The rally was loud. "We are going to win Ohio!" the mayor\'s sister, state Sen. Jane "JJ" Doe '
        '(D-Columbus), shouted to the crowd. "The country is watching us. We have to show up."'
    )
    first, second = (q for q in analyse(nlp, text).quotes if q.direct)
    assert second.speaker.text == first.speaker.text == 'the mayor\'s sister, state Sen. Jane "JJ" Doe (D-Columbus)'


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        ("The host then asked, “With tanks?”", "The host", "asked"),
        ("In the clip, Smith sings to Biden before asking him, “Where do we go from here?”", "Smith", "asking"),
    ],
)
def test_asking_right_before_a_question_in_quote_marks_introduces_it(nlp, text, speaker, cue):
    quote = only(analyse(nlp, text))
    assert (quote.speaker.text, quote.cue.text) == (speaker, cue)


def test_who_was_asked_a_question_in_quote_marks_did_not_ask_it(nlp):
    assert only(analyse(nlp, 'The senator was asked, "Would you have voted for it?"')).speaker is None


def test_a_paragraph_that_is_one_quote_goes_on_from_the_quote_ending_the_paragraph_before(nlp):
    text = (
        '"We will not give up," the minister said.\n\n"The United States will remain the strongest power in the '
        'region."\n\n"And we will keep our promises to our allies."'
    )
    assert [q.speaker.text for q in analyse(nlp, text).quotes] == ["the minister"] * 3


@pytest.mark.parametrize(
    "before",
    [
        '"We will not give up," the minister said. Reporters then left the room.',
        "The minister said the army would hold the line.",
        "\"We will not give up,\" the minister said.\n\n'The Lesson Of The War.'",
    ],
)
def test_a_paragraph_that_is_one_quote_goes_on_from_no_one_past_the_writers_words(nlp, before):
    text = f'{before}\n\n"The United States will remain the strongest power in the region."'
    assert analyse(nlp, text).quotes[-1].speaker is None
