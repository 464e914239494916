"""The claims layer in the pipeline: scores on sentences, claims with offsets into the text, speakers from quotes,
the layer switch, degraded input, the JSON record and the reports."""

from __future__ import annotations

import io
import json

import pytest

from spinlens.claims.component import MAX_SENTENCE_CHARS, ClaimFinder
from spinlens.claims.model import CheckworthyModel, load_model
from spinlens.pipeline import Analyzer, PipelineConfig
from spinlens.record import Analysis, Article, Claim, Entity, Quantity, Quote, Sentence, TextSpan, json_schema
from spinlens.render import WRITERS
from spinlens.render.claims import values_of

# Written for these tests: a wire-style report with checkable numbers and dates, and small talk around them.
REPORT = (
    "Ceasefire talks stall\n\n"
    "Thank you all for being here.\n"
    "The health ministry said 127 people were killed and 254 injured in the eastern districts on Tuesday 18 "
    "October.\n"
    "Unemployment in the region rose to 14 percent last year, and the government spent $3 billion on aid.\n"
    "I think we should all hope for better days.\n"
)
TOLL = "127 people were killed and 254 injured in the eastern districts on Tuesday 18 October."


@pytest.fixture(scope="module")
def claims_analyzer() -> Analyzer:
    return Analyzer(["sentences", "claims"])


def _spans(record: Analysis):
    for claim in record.claims:
        yield claim
        yield from claim.quantities
        yield from claim.dates
        if claim.speaker:
            yield claim.speaker


def test_every_sentence_gets_a_score_and_factual_ones_become_claims(claims_analyzer):
    record = claims_analyzer.analyze(REPORT, published="2016-11-01")
    assert record.sentences and all(0.0 <= s.checkworthiness <= 1.0 for s in record.sentences)
    claimed = [c.text for c in record.claims]
    assert any("127 people were killed" in text for text in claimed)
    assert any("Unemployment" in text for text in claimed)
    assert not any(text.startswith("Thank you") for text in claimed)
    toll = next(c for c in record.claims if "127 people" in c.text)
    assert [q.normalized for q in toll.quantities] == ["127 people killed", "254 injured"]
    assert [(d.text, d.value) for d in toll.dates] == [("Tuesday 18 October", "2016-10-18")]
    money = next(c for c in record.claims if "Unemployment" in c.text)
    assert [q.normalized for q in money.quantities] == ["14 percent", "3000000000 USD"]
    assert [(d.text, d.value) for d in money.dates] == [("last year", "2015-01-01/2015-12-31")]
    assert "spinlens-checkworthy-minilm" in [m.name for m in record.models]


def test_without_a_publication_date_relative_dates_resolve_against_the_dateline(claims_analyzer):
    text = (
        "Budget row\n\nLONDON, 14 March 2025 — The government spent £12bn on Wednesday, "
        "up from £9bn last year, the Treasury said."
    )
    record = claims_analyzer.analyze(text)
    dates = {d.text: d.value for c in record.claims for d in c.dates}
    assert dates["Wednesday"] == "2025-03-12" and dates["last year"] == "2024-01-01/2024-12-31"
    assert [w.code for w in record.warnings] == ["dateline_date"]
    given = claims_analyzer.analyze(text, published="2025-03-20")
    assert {d.text: d.value for c in given.claims for d in c.dates}["Wednesday"] == "2025-03-19"
    assert given.warnings == []
    # a date given but unreadable is said so, and the dateline stands in for it
    wrong = claims_analyzer.analyze(text, published="2025-02-30")
    assert [w.code for w in wrong.warnings] == ["unreadable_published", "dateline_date"]
    assert "'2025-02-30'" in wrong.warnings[0].message
    assert {d.text: d.value for c in wrong.claims for d in c.dates}["Wednesday"] == "2025-03-12"


def test_without_a_publication_date_or_dateline_relative_dates_resolve_against_the_byline(claims_analyzer):
    text = "Heatwave\n\nBy Ellen Park, 28 July 2023\n\nPhoenix topped 43C on Thursday, scientists said."
    record = claims_analyzer.analyze(text)
    assert {d.text: d.value for c in record.claims for d in c.dates}["Thursday"] == "2023-07-27"
    assert [w.code for w in record.warnings] == ["byline_date"]


def test_a_dateline_is_no_part_of_a_claim(claims_analyzer):
    text = "Budget row\n\nLONDON, 14 March 2025 — The government spent £12bn on Wednesday, the Treasury said."
    (claim,) = [c for c in claims_analyzer.analyze(text).claims if "£12bn" in c.text]
    assert claim.text.startswith("The government spent") and text[claim.start : claim.end] == claim.text
    assert [d.text for d in claim.dates] == ["Wednesday"]


def test_a_range_keeps_both_ends_in_the_record(claims_analyzer):
    record = claims_analyzer.analyze("The storm destroyed 40-50 homes and cost $3-4 billion in March.")
    (claim,) = record.claims
    assert [(q.value, q.high, q.unit) for q in claim.quantities] == [(40, 50, None), (3e9, 4e9, "USD")]
    assert [q.normalized for q in claim.quantities] == ["40-50 homes", "3000000000-4000000000 USD"]


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_offsets_index_the_exact_text(claims_analyzer, newline):
    text = ("Ça coûte 3 milliards — «Les chiffres»\n\n" + REPORT.replace("eastern", "éastern")).replace("\n", newline)
    record = claims_analyzer.analyze(text, published="2016-11-01")
    assert record.claims
    for span in _spans(record):
        assert text[span.start : span.end] == span.text


def test_a_claim_inside_a_quote_gets_the_quotes_speaker():
    """The claims layer reads `quotes` off the record (the quotes layer runs before it) and never calls it."""
    text = f"Ceasefire talks stall\n\nThe health ministry said {TOLL}\nThe weather was fine.\n"
    start = text.index("127")
    record = Analysis(article=Article(text=text))
    speaker = TextSpan(start=text.index("The health"), end=text.index(" said"), text="The health ministry")
    content = TextSpan(start=start, end=start + len(TOLL), text=TOLL)
    record.quotes = [Quote(content=content, speaker=speaker, cue=None, direct=False)]
    record.sentences = [
        Sentence(start=text.index("The health"), end=start + len(TOLL), score=0.0),
        Sentence(start=text.index("The weather"), end=len(text) - 1, score=0.0),
    ]
    finder = ClaimFinder(PipelineConfig())
    finder._model = CheckworthyModel()  # its own copy: the shared one must keep its threshold
    finder.model.threshold = 0.0  # every sentence a claim: this test is about attribution, not the model
    finder([record])
    said, weather = record.claims
    assert said.speaker == speaker
    assert weather.speaker is None
    # the reports name the entity the quote's speaker resolves to, as the quotes section does
    record.entities = [Entity(name="Ministry of Health", type="organisation", mentions=[speaker])]
    record.quotes[0].speaker_entity = 0
    for fmt in ("text", "html"):
        out = io.StringIO()
        WRITERS[fmt]([record], out)
        assert "said by The health ministry → Ministry of Health" in " ".join(out.getvalue().split())


def test_the_layer_switch(claims_analyzer):
    without = Analyzer(["sentences"]).analyze(REPORT)
    assert without.claims == [] and all(s.checkworthiness is None for s in without.sentences)
    # claims are made of sentences: asking for claims alone runs the sentences layer too
    alone = Analyzer(["claims"])
    assert alone.layers == ["sentences", "claims"] and alone.analyze(REPORT).claims


def test_an_unsplittable_text_degrades_the_layer_with_a_warning(claims_analyzer):
    table = " ".join(f"district {i} reported {i * 7} people killed and {i * 3} injured" for i in range(60))
    assert len(table) > MAX_SENTENCE_CHARS
    record = claims_analyzer.analyze(table + "\n" + REPORT, published="2016-11-01")
    assert record.claims  # the good sentences still make claims
    assert all(c.end - c.start <= MAX_SENTENCE_CHARS for c in record.claims)
    if record.sentences[0].checkworthiness >= load_model().threshold:
        assert "long_sentence" in [w.code for w in record.warnings]


def test_the_json_record_has_the_public_keys(claims_analyzer):
    record = json.loads(claims_analyzer.analyze(REPORT, published="2016-11-01").to_json())
    claim = next(c for c in record["claims"] if "127" in c["text"])
    assert set(claim) == {"start", "end", "text", "score", "quantities", "dates", "speaker"}
    assert set(claim["quantities"][0]) == {
        "start",
        "end",
        "text",
        "value",
        "high",
        "unit",
        "bound",
        "counts",
        "normalized",
    }
    assert set(claim["dates"][0]) == {"start", "end", "text", "value", "period"}
    assert "checkworthiness" in record["sentences"][0]
    schema = json_schema()
    assert "claims" in schema["properties"] and "Claim" in schema["$defs"]
    assert "checkworthiness" in schema["$defs"]["Sentence"]["properties"]


@pytest.mark.parametrize("fmt", ["text", "html"])
def test_reports_show_claims_with_their_values(claims_analyzer, fmt):
    record = claims_analyzer.analyze(REPORT, published="2016-11-01")
    out = io.StringIO()
    WRITERS[fmt]([record], out)
    shown = out.getvalue()
    assert "Claims" in shown
    assert "127 people killed" in shown
    assert "2016-10-18" in shown


def test_reports_say_why_a_date_is_unresolved(claims_analyzer):
    text = "The agency said it spent $3 billion on aid in fiscal year 2022 and 127 people were hired on Monday."
    lines = {}
    for published in ("2016-11-01", None):
        out = io.StringIO()
        WRITERS["text"]([claims_analyzer.analyze(text, published=published)], out)
        lines[published] = " ".join(out.getvalue().split())
    assert '"fiscal year 2022" → unresolved (fiscal years start in different months)' in lines["2016-11-01"]
    assert '"Monday" → 2016-10-31' in lines["2016-11-01"]
    assert '"Monday" → unresolved (no publication date)' in lines[None]


def _span(text: str, part: str) -> TextSpan:
    start = text.index(part)
    return TextSpan(start=start, end=start + len(part), text=part)


@pytest.mark.parametrize(
    ("sentence", "content", "speaker", "expected"),
    [
        # a short quote inside a long sentence does not make the sentence its speaker's
        (
            "The Senate voted 79-18 on Tuesday to approve $95 billion, ending a standoff that Democrats blamed on "
            "the House speaker.",
            "on the House speaker",
            "Democrats",
            None,
        ),
        # a long description of the speaker is no part of what is said
        (
            '"This is no tax reform," said Douglas Holtz-Eakin, an economist who served as director of the '
            "Congressional Budget Office and is now president of the American Action Forum.",
            '"This is no tax reform,"',
            "Douglas Holtz-Eakin, an economist who served as director of the Congressional Budget Office and is now "
            "president of the American Action Forum",
            "Douglas Holtz-Eakin",
        ),
    ],
)
def test_a_claim_is_its_speakers_only_when_the_quote_holds_much_of_it(sentence, content, speaker, expected):
    record = Analysis(article=Article(text=sentence))
    cue = _span(sentence, "blamed" if "blamed" in sentence else "said")
    record.quotes = [Quote(content=_span(sentence, content), speaker=_span(sentence, speaker), cue=cue, direct=False)]
    record.sentences = [Sentence(start=0, end=len(sentence), score=0.0)]
    finder = ClaimFinder(PipelineConfig())
    finder._model = CheckworthyModel()
    finder.model.threshold = 0.0  # the sentence a claim: this test is about attribution, not the model
    finder([record])
    (claim,) = record.claims
    assert (claim.speaker.text.split(",")[0] if claim.speaker else None) == expected


def test_the_report_shows_a_bound_as_a_sign():
    text = "Up to 300 people died."
    claim = Claim(
        start=0,
        end=len(text),
        text=text,
        score=0.9,
        quantities=[
            Quantity(
                start=6, end=16, text="300 people", value=300, bound="upper", counts="people", normalized="300 people"
            )
        ],
    )
    assert values_of(claim, published=False) == ["numbers: ≤ 300 people"]
