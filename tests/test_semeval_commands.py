from __future__ import annotations

import io
import json
import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from spinlens.semeval import commands
from spinlens.semeval.formats import (
    Label,
    read_article,
    read_articles,
    read_labels,
    read_numbered_labels,
    write_labels,
)
from spinlens.techniques.definitions import NAMES

PTC = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "ptc"
needs_ptc = pytest.mark.skipif(
    not (PTC / "train" / "labels.tsv").is_file(),
    reason="PTC data not found at ../shared/data/ptc (copyrighted, kept out of the repository)",
)

A, B = NAMES[0], NAMES[8]


def cli() -> click.Group:
    """A group wired the way the main spinlens group adds these commands."""
    group = click.Group("spinlens")
    group.add_command(commands.eval_command)
    group.add_command(commands.label_spans_command)
    return group


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8", newline="")
    return path


# --- formats


def test_labels_round_trip(tmp_path: Path) -> None:
    labels = [Label("111", A, 0, 5), Label("111", "?", 3, 9), Label("222", B, 10, 42)]
    buffer = io.StringIO()
    write_labels(labels, buffer)
    assert buffer.getvalue().splitlines()[0] == f"111\t{A}\t0\t5"
    path = write(tmp_path / "labels.tsv", buffer.getvalue())
    assert read_labels(path) == labels


def test_read_labels_accepts_si_form_crlf_and_blank_lines(tmp_path: Path) -> None:
    path = write(tmp_path / "l.tsv", f"7\t{A}\t1\t4\r\n\n7\t2\t9\r\n")
    assert read_numbered_labels(path) == [(1, Label("7", A, 1, 4)), (3, Label("7", "?", 2, 9))]


@pytest.mark.parametrize(
    ("line", "why"),
    [
        ("7\tDoubt\t1", "expected 4 tab-separated fields"),
        ("7 Doubt 1 4", "got 1"),
        ("7\tDoubt\t1\tfour", "END is not an integer"),
        ("7\tNot_A_Technique\t1\t4", "unknown technique"),
        ("7\tDoubt\t4\t4", "empty or negative"),
        ("7\tDoubt\t-1\t4", "empty or negative"),
        ("\tDoubt\t1\t4", "bad article id"),
    ],
)
def test_read_labels_names_the_bad_line(tmp_path: Path, line: str, why: str) -> None:
    path = write(tmp_path / "l.tsv", f"7\tDoubt\t0\t3\n{line}\n")
    with pytest.raises(ValueError, match=rf"^{re.escape(str(path))}:2: .*{why}") as info:
        read_labels(path)
    assert "\n" not in str(info.value)


def test_read_labels_rejects_non_utf8(tmp_path: Path) -> None:
    path = tmp_path / "l.tsv"
    path.write_bytes(b"7\tDoubt\t0\t3 \xff\n")
    with pytest.raises(ValueError, match="not UTF-8"):
        read_labels(path)


def test_read_articles_keeps_bom_and_newlines(tmp_path: Path) -> None:
    (tmp_path / "article5.txt").write_bytes("\ufeffTitle\n\nOne line.\nTwo.\n".encode())
    (tmp_path / "article6.txt").write_bytes(b"Made on Windows\r\n\r\nBody.\r\n")
    (tmp_path / "notes.txt").write_text("ignored", encoding="utf-8")
    articles = read_articles(tmp_path)
    assert articles == {"5": "\ufeffTitle\n\nOne line.\nTwo.\n", "6": "Made on Windows\n\nBody.\n"}


def test_read_articles_needs_articles(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"no article<ID>\.txt files"):
        read_articles(tmp_path)
    with pytest.raises(ValueError, match="not a directory"):
        read_articles(tmp_path / "missing")


@needs_ptc
def test_ptc_offsets_line_up_with_the_chosen_reading() -> None:
    """Spans in articles that start with a BOM fall on word boundaries only if the BOM is kept."""
    checked = 0
    for lineno, label in read_numbered_labels(PTC / "train" / "labels.tsv"):
        text = read_article(PTC / "train" / "articles" / f"article{label.article_id}.txt")
        assert label.end <= len(text), f"labels.tsv:{lineno} ends past its article"
        if text.startswith("\ufeff"):
            before = text[label.start - 1] if label.start else " "
            assert not (before.isalnum() and text[label.start].isalnum()), f"labels.tsv:{lineno} starts mid-word"
            checked += 1
    assert checked > 0


# --- eval


@pytest.fixture
def gold_and_pred(tmp_path: Path) -> tuple[Path, Path]:
    gold = write(tmp_path / "gold.tsv", f"1\t{A}\t0\t10\n1\t{B}\t20\t30\n")
    pred = write(tmp_path / "pred.tsv", f"1\t{A}\t0\t10\n1\t{A}\t20\t30\n")
    return gold, pred


def test_eval_json(gold_and_pred: tuple[Path, Path]) -> None:
    gold, pred = gold_and_pred
    result = CliRunner().invoke(
        cli(), ["eval", "--task", "full", "--gold", str(gold), "--pred", str(pred), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["task"] == "full"
    assert payload["overall"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "n_pred": 2, "n_gold": 2}
    assert list(payload["per_technique"]) == list(NAMES)
    assert payload["per_technique"][B] == {
        "precision": 0.0,
        "recall": 0.0,
        "f1": 0.0,
        "n_pred": 0,
        "n_gold": 1,
    }


def test_eval_si_json_has_no_per_technique_scores(gold_and_pred: tuple[Path, Path]) -> None:
    gold, pred = gold_and_pred
    result = CliRunner().invoke(
        cli(), ["eval", "--task", "si", "--gold", str(gold), "--pred", str(pred), "--format", "json"]
    )
    payload = json.loads(result.stdout)
    assert payload["overall"]["f1"] == 1.0
    assert payload["per_technique"] == {}


def test_eval_text(gold_and_pred: tuple[Path, Path]) -> None:
    gold, pred = gold_and_pred
    result = CliRunner().invoke(cli(), ["eval", "--task", "tc", "--gold", str(gold), "--pred", str(pred)])
    assert result.exit_code == 0, result.output
    first, *rest = result.stdout.splitlines()
    assert first == "TC  P 0.5000  R 0.5000  F1 0.5000  (predicted 2, gold 2)"
    table = "\n".join(rest)
    assert "Technique" in table
    assert all(name in table for name in NAMES)
    assert "0.6667" in table  # A: P 1/2, R 1/1


@pytest.mark.parametrize(
    ("gold_text", "task", "message"),
    [
        (None, "si", "No such file"),
        ("1\tDoubt\t0\n", "si", "gold.tsv:1: expected 4 tab-separated fields"),
        ("1\t?\t0\t10\n", "tc", "gold.tsv:1: the tc task needs a technique on every label"),
        ("1\t0\t10\n", "full", "gold.tsv:1: the full task needs a technique"),
    ],
)
def test_eval_bad_file_is_one_line_exit_2(tmp_path: Path, gold_text: str | None, task: str, message: str) -> None:
    gold = tmp_path / "gold.tsv"
    if gold_text is not None:
        write(gold, gold_text)
    pred = write(tmp_path / "pred.tsv", f"1\t{A}\t0\t10\n")
    result = CliRunner().invoke(cli(), ["eval", "--task", task, "--gold", str(gold), "--pred", str(pred)])
    assert result.exit_code == 2
    assert isinstance(result.exception, SystemExit)  # not a traceback
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("Error: ")
    assert message in result.stderr


@needs_ptc
def test_eval_dev_gold_against_itself_on_the_command_line() -> None:
    gold = str(PTC / "dev" / "labels.tsv")
    for task in ("si", "full", "tc"):
        result = CliRunner().invoke(cli(), ["eval", "--task", task, "--gold", gold, "--pred", gold, "--format", "json"])
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout)["overall"]["f1"] == 1.0


# --- label-spans


class FakeModel:
    """Labels a span A when its text starts with a capital letter, B otherwise; records every call."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, list[tuple[int, int]]]] = []

    def label_spans(self, text: str, spans: list[tuple[int, int]]) -> list[tuple[str, float]]:
        self.calls.append((text, spans))
        return [(A if text[start].isupper() else B, 0.9) for start, _ in spans]


@pytest.fixture
def fake_model(monkeypatch: pytest.MonkeyPatch) -> FakeModel:
    model = FakeModel()
    monkeypatch.setattr(commands, "load_labeller", lambda: model)
    return model


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    directory = tmp_path / "articles"
    directory.mkdir()
    write(directory / "article1.txt", "Plain words. Bold claims here.\n")
    write(directory / "article2.txt", "Short one.\n")
    return directory


def test_label_spans_in_input_order_and_batches(tmp_path: Path, articles: Path, fake_model: FakeModel) -> None:
    spans = write(tmp_path / "spans.tsv", "1\t?\t13\t17\n2\t?\t0\t5\n1\t?\t0\t5\n1\t?\t6\t11\n")
    out = tmp_path / "out.tsv"
    result = CliRunner().invoke(
        cli(),
        [
            "label-spans",
            "--articles",
            str(articles),
            "--spans",
            str(spans),
            "--out",
            str(out),
            "--batch-size",
            "2",
        ],
    )
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8") == f"1\t{A}\t13\t17\n2\t{A}\t0\t5\n1\t{A}\t0\t5\n1\t{B}\t6\t11\n"
    assert [spans for _, spans in fake_model.calls] == [[(13, 17), (0, 5)], [(6, 11)], [(0, 5)]]


def test_label_spans_keeps_the_copies_of_a_span_in_one_batch(
    tmp_path: Path, articles: Path, fake_model: FakeModel
) -> None:
    # a fragment with two techniques is given twice; the model ranks its techniques only if it sees both
    spans = write(tmp_path / "spans.tsv", "1\t?\t0\t5\n1\t?\t6\t11\n1\t?\t6\t11\n1\t?\t13\t17\n")
    result = CliRunner().invoke(
        cli(), ["label-spans", "--articles", str(articles), "--spans", str(spans), "--batch-size", "2"]
    )
    assert result.exit_code == 0, result.output
    assert [spans for _, spans in fake_model.calls] == [[(0, 5), (6, 11), (6, 11)], [(13, 17)]]


def test_label_spans_reports_bad_lines_and_labels_the_rest(
    tmp_path: Path, articles: Path, fake_model: FakeModel
) -> None:
    spans = write(tmp_path / "spans.tsv", "9\t?\t0\t5\n1\t?\t6\t11\n2\t?\t5\t40\n")
    result = CliRunner().invoke(cli(), ["label-spans", "--articles", str(articles), "--spans", str(spans)])
    assert result.exit_code == 1
    assert result.stdout == f"1\t{B}\t6\t11\n"
    assert result.stderr.splitlines() == [
        f"{spans}:1: unknown article id 9",
        f"{spans}:3: span 5-40 is outside article 2 (11 characters)",
        "2 of 3 spans could not be labelled",
    ]


def test_label_spans_malformed_file_is_exit_2(tmp_path: Path, articles: Path, fake_model: FakeModel) -> None:
    spans = write(tmp_path / "spans.tsv", "1\t?\t0\n")
    result = CliRunner().invoke(cli(), ["label-spans", "--articles", str(articles), "--spans", str(spans)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {spans}:1: ")
    assert fake_model.calls == []


def test_label_spans_missing_articles_dir_is_exit_2(tmp_path: Path, fake_model: FakeModel) -> None:
    spans = write(tmp_path / "spans.tsv", "1\t?\t0\t5\n")
    result = CliRunner().invoke(cli(), ["label-spans", "--articles", str(tmp_path / "nope"), "--spans", str(spans)])
    assert result.exit_code == 2
    assert "not a directory" in result.stderr
