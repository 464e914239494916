"""Quote extraction measured on PolNeAR: the SemEval partial-overlap span F1 of contents and of sources.

Gold spans are all the Content (Source) spans of an annotation file, over all attributions; predicted
spans are the quotes' contents (speakers). Both sides are merged per document and scored with
`spinlens.semeval.metrics.score_spans`, the measure of SemEval-2020 Task 11's span identification.
"""

from __future__ import annotations

from pathlib import Path

from spinlens.headlines import title_case_headline
from spinlens.inputs.readers import plain_text_title
from spinlens.quotes.extract import Found, extract
from spinlens.quotes.polnear import read_split
from spinlens.semeval.metrics import Scores, score_spans


def predict(texts: list[str], batch_size: int = 16) -> dict[str, list[Found]]:
    """What each text quotes, its title read as `spinlens analyze` reads a plain text file's: parsed in
    sentence case, and a title-case one passed on to `extract`, as the quotes layer does."""
    from spinlens.parsing import load_spacy, text_to_parse

    nlp = load_spacy()
    titles = [plain_text_title(text) for text in texts]
    docs = nlp.pipe(
        (text_to_parse(nlp, t, title) for t, title in zip(texts, titles, strict=True)), batch_size=batch_size
    )
    return {
        text: extract(doc, title_case_headline(text, title))
        for text, title, doc in zip(texts, titles, docs, strict=True)
    }


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
