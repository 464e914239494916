"""What the text and HTML reports share: span order, evidence numbering, overlap segments, summaries."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise

from spinlens.record import Analysis, TechniqueSpan
from spinlens.techniques.definitions import BY_NAME, Technique

# A neutral grey for labels outside the 14 classes: the record does not validate technique names, and a
# report should still show such a span rather than crash on it.
UNKNOWN_COLOUR = "#e0e0e0"


# Double quotation marks a passage may carry itself, as a direct quote's content does.
_QUOTE_MARKS = frozenset('"“”„«»')


def has_own_marks(text: str) -> bool:
    """Whether the text opens or closes with a quotation mark: a `<q>` around it gets the class `own-marks`,
    so that the browser does not add a second pair."""
    return text[:1] in _QUOTE_MARKS or text[-1:] in _QUOTE_MARKS


def q_class(text: str, css: str = "") -> str:
    """The class attribute of a `<q>` around `text`."""
    classes = " ".join(c for c in (css, "own-marks" if has_own_marks(text) else "") if c)
    return f' class="{classes}"' if classes else ""


def technique(name: str) -> Technique:
    known = BY_NAME.get(name)
    if known is not None:
        return known
    # The name is untrusted input here, so keep only printable characters for the label.
    label = "".join(c if c.isprintable() else "\ufffd" for c in name.replace("_", " "))
    return Technique(name, label, "", "", UNKNOWN_COLOUR)


def ordered(spans: Sequence[TechniqueSpan]) -> list[TechniqueSpan]:
    """Spans in reading order, outer before inner at a shared start; position i is evidence number i + 1.

    Both reports number evidence from this one order so that a marker and its evidence line agree.
    """
    return sorted(spans, key=lambda s: (s.start, -s.end, s.technique, -s.score))


@dataclass(frozen=True)
class Segment:
    start: int
    end: int
    # Indices into the ordered spans covering this piece, outermost first. The last one is the innermost,
    # whose colour both reports show: the shortest span, or the most confident of equally short ones.
    active: tuple[int, ...]


def segments(text: str, spans: Sequence[TechniqueSpan]) -> Iterator[Segment]:
    """Split `text` at every span boundary so each piece is covered by one fixed set of spans.

    Nesting order is one fixed order over all spans (longest outside), not a per-piece choice: the HTML
    writer relies on that to keep marks open across pieces and to split only spans that cross.
    """

    def nesting(index: int) -> tuple[int, float, int]:
        span = spans[index]
        return (span.start - span.end, span.score, index)

    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    for start, end in pairwise(cuts):
        covering = (i for i, s in enumerate(spans) if s.start <= start and end <= s.end)
        yield Segment(start, end, tuple(sorted(covering, key=nesting)))


@dataclass(frozen=True)
class Summary:
    technique: Technique
    count: int
    mean_score: float


def summarise(analysis: Analysis) -> list[Summary]:
    """Per-technique counts and mean scores, most frequent first."""
    scores: dict[str, list[float]] = {}
    for span in analysis.techniques:
        scores.setdefault(span.technique, []).append(span.score)
    rows = [Summary(technique(name), len(s), sum(s) / len(s)) for name, s in scores.items()]
    return sorted(rows, key=lambda r: (-r.count, -r.mean_score, r.technique.label))


def display_title(analysis: Analysis) -> str:
    article = analysis.article
    if article.title:
        return article.title
    if article.id:
        return f"Article {article.id}"
    return article.source or "Untitled article"


def one_line(text: str) -> str:
    """Collapse whitespace so a quoted span stays on its evidence line."""
    return " ".join(text.split())
