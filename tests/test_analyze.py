"""The bundled model end to end: Python API, CLI, offsets invariant, bad input."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import EXAMPLES
from spinlens import Analysis, Analyzer, analyze
from spinlens.cli import main
from spinlens.record import json_schema
from spinlens.techniques.definitions import NAMES

PERSUASIVE = EXAMPLES / "op-ed-war.txt"
FACTUAL = EXAMPLES / "factual-report.txt"
OTHER_SIDE = EXAMPLES / "op-ed-regulation.txt"


def _check_offsets(analysis: Analysis) -> None:
    text = analysis.article.text
    for span in analysis.techniques:
        assert text[span.start : span.end] == span.text
        assert span.technique in NAMES
        assert 0.0 <= span.score <= 1.0
    for sentence in analysis.sentences:
        assert 0 <= sentence.start < sentence.end <= len(text)


def test_persuasive_articles_have_spans_and_the_flat_one_few(analyzer):
    persuasive = analyzer.analyze(PERSUASIVE.read_text(encoding="utf-8"))
    other_side = analyzer.analyze(OTHER_SIDE.read_text(encoding="utf-8"))
    factual = analyzer.analyze(FACTUAL.read_text(encoding="utf-8"))
    assert len(persuasive.techniques) >= 5
    assert len(other_side.techniques) >= 5
    assert len(factual.techniques) <= 2
    assert persuasive.score > factual.score and other_side.score > factual.score
    for analysis in (persuasive, other_side, factual):
        _check_offsets(analysis)


def test_record_has_the_documented_keys(analyzer):
    record = json.loads(analyzer.analyze(PERSUASIVE.read_text(encoding="utf-8")).to_json())
    assert set(record) >= {"schema_version", "article", "techniques", "sentences", "score", "warnings", "models"}
    assert set(record["article"]) >= {"id", "title", "text", "outlet", "url", "published", "language"}
    assert set(record["techniques"][0]) == {"start", "end", "text", "technique", "score"}
    # each layer's model once: the technique model, spaCy's for entities and quotes, and later layers' own
    for model in record["models"]:
        assert set(model) == {"name", "version", "sha256"} and len(model["sha256"]) == 64
    assert "spinlens-techniques-minilm" in {m["name"] for m in record["models"]}
    assert record["article"]["language"] == "en"


def test_module_level_analyze_takes_metadata():
    analysis = analyze("Shameless liars run this town, and everyone knows it.", title="Op-ed", outlet="Gazette")
    assert analysis.article.title == "Op-ed" and analysis.article.outlet == "Gazette"


def test_analyze_many_streams_in_input_order(analyzer):
    texts = [f"Article number {i}. The council met on Monday and approved the plan." for i in range(7)]
    results = list(analyzer.analyze_many(iter(texts), batch_size=3))
    assert [r.article.text for r in results] == texts


def test_run_yields_failures_in_place_and_keeps_the_rest(analyzer):
    items = ["The council met on Monday.", 42, {"text": "The ferry runs hourly.", "outlet": "Gazette"}, "   "]
    results = list(analyzer.run(items, batch_size=2))
    assert [type(r).__name__ for r in results] == ["Analysis", "InputError", "Analysis", "InputError"]
    assert str(results[1]) == "item 2: cannot analyse a int: give a str, a Document or a dict with 'text'"
    assert results[2].article.outlet == "Gazette"
    with pytest.raises(ValueError, match="item 2: cannot analyse a int"):
        list(analyzer.analyze_many(items))


def test_a_ten_thousand_word_article_is_covered_whole(analyzer):
    paragraph = PERSUASIVE.read_text(encoding="utf-8").split("\n\n", 1)[1]
    text = "\n".join([paragraph] * (10_000 // len(paragraph.split()) + 1))
    analysis = analyzer.analyze(text)
    _check_offsets(analysis)
    assert analysis.techniques[-1].end > len(text) - len(paragraph)  # the end of the text is analysed too


def test_non_english_text_is_flagged_or_refused():
    text = "Le gouvernement a annoncé mardi une nouvelle réforme des retraites, contestée par les syndicats."
    analysis = Analyzer().analyze(text)
    assert analysis.article.language == "fr"
    assert [w.code for w in analysis.warnings] == ["non_english"]
    with pytest.raises(ValueError, match="not English"):
        Analyzer(strict=True).analyze(text)


def test_a_text_without_words_is_flagged_or_refused():
    analysis = Analyzer(layers=["language", "sentences"]).analyze("🔥🔥🔥 💯 🇺🇸🇺🇸 2024")
    assert [w.code for w in analysis.warnings] == ["no_words"]
    with pytest.raises(ValueError, match="no words"):
        Analyzer(layers=["language", "sentences"], strict=True).analyze("🔥🔥🔥 💯")


unicode_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), min_codepoint=1), min_size=1, max_size=300
).filter(lambda t: t.strip())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    body=unicode_text,
    glue=st.sampled_from(["\n", "\r\n", " ", "\u00a0", "\u2028"]),
)
def test_offsets_index_the_exact_text_for_any_unicode(analyzer, body, glue):
    persuasive = "They are reckless traitors and shameless liars!"
    text = glue.join([body, persuasive, "Café “naïve” ﬁne — 127 people", body])
    analysis = analyzer.analyze(text)
    assert analysis.article.text == text
    _check_offsets(analysis)
    Analysis.model_validate_json(analysis.to_json())  # the record's validator checks offsets too


def test_offsets_hold_for_crlf_and_html_files(tmp_path):
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes(PERSUASIVE.read_bytes().replace(b"\n", b"\r\n"))
    page = tmp_path / "page.html"
    body = "".join(f"<p>{line}</p>" for line in OTHER_SIDE.read_text(encoding="utf-8").splitlines()[2:])
    page.write_text(f"<html><head><title>Rivers</title></head><body><article>{body}</article></body></html>")
    result = CliRunner().invoke(main, ["analyze", str(crlf), str(page), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    records = [Analysis.model_validate_json(line) for line in result.stdout.splitlines()]
    assert "\r\n" in records[0].article.text
    assert records[0].article.title == PERSUASIVE.read_text(encoding="utf-8").splitlines()[0]
    for record in records:
        _check_offsets(record)
        assert record.techniques


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl", "html", "semeval"])
def test_cli_formats(fmt):
    result = CliRunner().invoke(main, ["analyze", str(PERSUASIVE), str(FACTUAL), "--format", fmt])
    assert result.exit_code == 0, result.output
    out = result.stdout
    if fmt == "json":
        assert len(json.loads(out)) == 2
    elif fmt == "jsonl":
        assert [json.loads(line)["article"]["id"] for line in out.splitlines()] == ["op-ed-war", "factual-report"]
    elif fmt == "semeval":
        first = out.splitlines()[0].split("\t")
        assert first[0] == "op-ed-war" and first[1] in NAMES and int(first[2]) < int(first[3])
    elif fmt == "html":
        assert out.lstrip().lower().startswith("<!doctype html>") and "data-technique=" in out
    else:
        assert "Velmora" in out


def test_cli_writes_out_file_and_keeps_good_inputs_when_some_are_bad(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(
        main, ["analyze", str(empty), str(PERSUASIVE), str(tmp_path / "missing.txt"), str(binary), "-o", str(out)]
    )
    assert result.exit_code == 1
    errors = result.stderr.splitlines()
    assert len(errors) == 3 and all(line.startswith("spinlens: ") for line in errors)
    assert "Traceback" not in result.output
    (record,) = [json.loads(line) for line in out.read_text().splitlines()]
    assert record["article"]["id"] == "op-ed-war"


def test_cli_gives_an_outlet_and_a_publication_date_to_the_articles_that_name_none(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Budget row\n\nThe government spent £12bn on Wednesday, up from £9bn last year, officials said.")
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"text": story.read_text(), "outlet": "Coast Times", "published": "2020-01-01"}))
    args = ["analyze", str(story), str(feed), "-f", "jsonl", "--layers", "claims"]
    result = CliRunner().invoke(main, [*args, "--outlet", "Daily Example", "--published", "2025-03-14"])
    assert result.exit_code == 0, result.output
    given, named = [json.loads(line) for line in result.stdout.splitlines()]
    assert (given["article"]["outlet"], given["article"]["published"]) == ("Daily Example", "2025-03-14")
    assert {d["text"]: d["value"] for c in given["claims"] for d in c["dates"]}["Wednesday"] == "2025-03-12"
    assert (named["article"]["outlet"], named["article"]["published"]) == ("Coast Times", "2020-01-01")
    wrong = CliRunner().invoke(main, [*args, "--published", "2025-02-30"])
    assert wrong.exit_code == 2 and "'2025-02-30' is not a date in the form YYYY-MM-DD" in wrong.stderr


def test_cli_strict_refuses_non_english(tmp_path):
    french = tmp_path / "fr.txt"
    french.write_text("Le gouvernement a annoncé mardi une nouvelle réforme des retraites, contestée par tous.")
    for layers in ([], ["--layers", "techniques"]):  # --strict checks the language even when no layer named it
        args = ["analyze", str(french), str(PERSUASIVE), "--strict", "-f", "jsonl", *layers]
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 1
        assert "not English" in result.stderr and len(result.stdout.splitlines()) == 1


def test_cli_usage_errors_exit_2():
    runner = CliRunner()
    assert runner.invoke(main, ["analyze"]).exit_code == 2
    assert runner.invoke(main, ["analyze", str(PERSUASIVE), "--format", "pdf"]).exit_code == 2
    assert runner.invoke(main, ["analyze", str(PERSUASIVE), "--layers", "nonsense"]).exit_code == 2
    assert runner.invoke(main, ["analyze", str(PERSUASIVE), "--threshold", "2"]).exit_code == 2


def test_cli_reads_stdin_and_threshold_changes_recall():
    text = PERSUASIVE.read_text(encoding="utf-8")
    runner = CliRunner()
    low = runner.invoke(main, ["analyze", "-", "-f", "jsonl", "--threshold", "0.1"], input=text)
    high = runner.invoke(main, ["analyze", "-", "-f", "jsonl", "--threshold", "0.9"], input=text)
    assert low.exit_code == high.exit_code == 0
    assert len(json.loads(low.stdout)["techniques"]) >= len(json.loads(high.stdout)["techniques"])


def test_schema_version_and_help():
    runner = CliRunner()
    schema = json.loads(runner.invoke(main, ["schema"]).stdout)
    assert schema == json_schema() and "techniques" in schema["properties"]
    assert runner.invoke(main, ["--version"]).stdout.strip().endswith("0.1.0")
    for command in (
        ["--help"],
        ["analyze", "--help"],
        ["eval", "--help"],
        ["label-spans", "--help"],
        ["train", "techniques", "--help"],
        ["schema", "--help"],
        ["techniques"],
    ):
        assert runner.invoke(main, command).exit_code == 0, command


def test_console_script_never_shows_a_traceback_for_a_bad_model_dir(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "spinlens", "analyze", str(PERSUASIVE), "--model", str(tmp_path)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "no technique model" in result.stderr


def test_an_articles_record_does_not_depend_on_its_batch_neighbours(analyzer):
    """int8 activations are scaled per forward pass: articles must not share one."""
    texts = [
        PERSUASIVE.read_text(encoding="utf-8"),
        OTHER_SIDE.read_text(encoding="utf-8") * 8,
        FACTUAL.read_text(encoding="utf-8"),
    ]
    together = [r.to_json() for r in analyzer.analyze_many(texts, batch_size=16)]
    alone = [analyzer.analyze(text).to_json() for text in texts]
    reversed_pairs = [r.to_json() for r in analyzer.analyze_many(texts[::-1], batch_size=2)][::-1]
    assert together == alone == reversed_pairs
