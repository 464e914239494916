"""Quote extraction measured on PolNeAR: the SemEval partial-overlap span F1 of contents and of sources.

Gold spans are all the Content (Source) spans of an annotation file, over all attributions; predicted
spans are the quotes' contents (speakers). Both sides are merged per document and scored with
`spinlens.semeval.metrics.score_spans`, the measure of SemEval-2020 Task 11's span identification.
"""

from __future__ import annotations

from pathlib import Path

from spinlens.inputs.readers import plain_text_title
from spinlens.quotes.extract import Found, extract
from spinlens.quotes.polnear import read_split
from spinlens.semeval.metrics import Scores, score_spans


def predict(texts: list[str], batch_size: int = 16) -> dict[str, list[Found]]:
    """What each text quotes, its title read as `spinlens analyze` reads a plain text file's."""
    from spinlens.parsing import load_spacy, text_to_parse

    nlp = load_spacy()
    parsed = (text_to_parse(nlp, text, plain_text_title(text)) for text in texts)
    return {text: extract(doc) for text, doc in zip(texts, nlp.pipe(parsed, batch_size=batch_size), strict=True)}


def evaluate(folder: str | Path) -> dict[str, Scores]:
    documents = read_split(folder)
    found = predict(sorted({d.text for d in documents}))
    gold_content = {d.id: d.spans.get("Content", []) for d in documents}
    gold_source = {d.id: d.spans.get("Source", []) for d in documents}
    pred_content = {d.id: [f.content for f in found[d.text]] for d in documents}
    pred_source = {d.id: [f.speaker for f in found[d.text] if f.speaker] for d in documents}
    return {
        "content": score_spans(gold_content, pred_content),
        "source": score_spans(gold_source, pred_source),
    }
