"""Decoding fragments from token runs: joining them within a sentence, trimming the words fragments do not
begin or end with, keeping the runs that peak."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest

from spinlens.semeval.formats import Label
from spinlens.techniques.decode import char_range, token_runs, trim_runs
from spinlens.techniques.examples import edge_words
from spinlens.techniques.model import BUNDLED_DIR, Candidate, TechniqueModel, load_model
from spinlens.techniques.windows import encode, load_tokenizer

FIRST = {",", ".", "of"}
LAST = {",", ".", "the", "of", "and"}


@pytest.fixture(scope="module")
def tokenizer():
    return load_tokenizer(BUNDLED_DIR / "tokenizer.json")


def _trim(tokenizer, text: str, phrase: str) -> str | None:
    """The trimmed text of the run of tokens covering `phrase`, or None when nothing is left."""
    (encoded,) = encode(tokenizer, [text])
    start = text.index(phrase)
    hits = [i for i, (s, e) in enumerate(encoded.offsets.tolist()) if s < start + len(phrase) and e > start]
    runs = trim_runs(text, encoded.offsets, [(hits[0], hits[-1] + 1)], FIRST, LAST)
    if not runs:
        return None
    ((first, last),) = runs
    return text[slice(*char_range(text, encoded.offsets, first, last))]


def test_edge_words_are_trimmed_from_both_ends(tokenizer):
    text = "The Cowards of Velmora have shown, of course, their true face."
    assert _trim(tokenizer, text, "Cowards of") == "Cowards"
    assert _trim(tokenizer, text, ", of course,") == "course"
    assert _trim(tokenizer, text, "their true face.") == "their true face"


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("slammed a so", "slammed a so-called"),
        ("China forces", "anti-China forces"),
        ("-China", "anti-China"),
        ("based report", "U.S.-based report"),
        # a dash between spaces joins no words
        ("forces - and left", "forces - and left"),
        # a figure with its sign and thousands, but a comma after a figure ends it
        ("% of likely voters", "52% of likely voters"),
        ("200 servicemen", "$1,200 servicemen"),
        ("1,", "$1,200"),
        ("2014", "2014"),
    ],
)
def test_a_highlight_takes_words_whole(tokenizer, phrase, expected):
    text = (
        "He slammed a so-called report by anti-China forces - and left, a U.S.-based report. "
        "In 2014, 52% of likely voters paid $1,200 servicemen."
    )
    assert _trim(tokenizer, text, phrase) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        # a quotation opened takes its close, and the stop before it
        ("“true American heroes", "“true American heroes.”"),
        ('"a disgrace', '"a disgrace,"'),
        # one closed takes its opening mark
        ("joyful glee”", "“joyful glee”"),
        # an opening mark whose close is further on is dropped
        ("“black", "black"),
        ("“black site”", "“black site”"),
    ],
)
def test_a_highlight_pairs_its_quotation_marks(tokenizer, phrase, expected):
    text = 'He called them “true American heroes.” She ran a “black site” in “joyful glee” and "a disgrace," he said.'
    assert _trim(tokenizer, text, phrase) == expected


def test_a_run_of_edge_words_only_is_dropped(tokenizer):
    assert _trim(tokenizer, "They blamed the West and the press.", "the") is None


def test_a_piece_of_a_longer_word_is_not_an_edge_word(tokenizer):
    text = "Their sacred thesaurus, the official one."
    (encoded,) = encode(tokenizer, [text])
    pieces = [text[s:e] for s, e in encoded.offsets.tolist()]
    assert pieces[2:4] == ["the", "saurus"]  # two wordpieces, the first of them "the"
    assert _trim(tokenizer, text, "sacred the") == "sacred thesaurus"


def test_edge_words_are_the_frequent_words_fragments_do_not_begin_or_end_with():
    filler = "the cat sat on the mat of the house and the dog. " * 40
    texts = {"1": filler + "They are corrupt thugs of the regime and liars."}
    at = texts["1"].index("corrupt thugs of the regime")
    labels = [Label("1", "Name_Calling,Labeling", at, at + len("corrupt thugs of the regime"))] * 3
    labels.append(Label("1", "Loaded_Language", at, at + len("corrupt")))
    first, last = edge_words(texts, labels)
    assert "the" in last and "of" in last and "of" in first
    assert "corrupt" not in first and "regime" not in last  # rare in the articles: never an edge word
    assert "the" in first  # begins no fragment here, so it is trimmed there too


def test_runs_join_across_small_gaps_within_a_sentence_only(tokenizer):
    text = "Mr. Smith is a shameless liar and a crook. It is that simple.\nEnough is enough."
    (encoded,) = encode(tokenizer, [text])
    # every word a fragment but "and": one gap inside the first sentence
    p_span = np.array([0.0 if text[s:e] == "and" else 0.9 for s, e in encoded.offsets.tolist()])
    runs = token_runs(text, encoded.offsets, p_span, threshold=0.5, gap=4)
    assert [text[slice(*char_range(text, encoded.offsets, *run))] for run in runs] == [
        "Mr. Smith is a shameless liar and a crook.",
        "It is that simple.",
        "Enough is enough.",
    ]


def _candidate(verified: float, peak: float) -> Candidate:
    probs = np.zeros(14, dtype=np.float32)
    probs[0] = 1.0
    return Candidate(0, 5, probs, verified, peak)


def test_a_run_stands_only_where_the_tagger_is_sure_of_one_token():
    model = load_model()
    model_peak, model.peak = model.peak, 0.4
    try:
        sure, faint = _candidate(0.9, peak=0.45), _candidate(0.9, peak=0.3)
        assert [(s.start, s.end) for s in model.select([sure, faint])] == [(0, 5)]
    finally:
        model.peak = model_peak


def test_a_threshold_moves_the_peak_with_it(monkeypatch):
    # a guarded text: the tagger leans towards a phrase but is never as sure as the tuned peak, and a
    # reader who lowers the threshold to see more must see it
    model = load_model()
    faint = _candidate(0.9, peak=model.peak - 0.1)
    monkeypatch.setattr(model, "candidates", lambda text, tokens, threshold=None: [faint])
    assert model.detect("", None) == model.detect("", None, model.threshold) == []
    assert len(model.detect("", None, model.threshold - 0.15)) == 1
    assert model.detect("", None, model.threshold + 0.1) == []


def test_a_manifest_without_a_peak_keeps_every_run(tmp_path):
    shutil.copytree(BUNDLED_DIR, tmp_path / "model")
    path = tmp_path / "model" / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    del manifest["decode"]["peak"]
    path.write_text(json.dumps(manifest), encoding="utf-8")
    assert TechniqueModel(tmp_path / "model").peak == 0.0
