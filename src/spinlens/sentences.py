"""The `sentences` component: splits the article into sentences that later layers score.

Line breaks and end punctuation rather than a parser: layers that need linguistic sentence boundaries bring
their own, but every layer scores the same sentence list, so `sentences` in the record has one set of ranges
whatever layers run. A full stop does not end a sentence before a lower-case letter or a digit ("the U.S.
military", "Nov. 8"), nor after an initial or a title ("John F. Kennedy", "Dr. Sarah Mills"), nor after a time of
day before its day or time zone ("at 5 p.m. Monday"): PTC's articles hold about a thousand of these, and each cut
a claim in two.
"""

from __future__ import annotations

import re

from spinlens.pipeline import PipelineConfig, register
from spinlens.record import Analysis, ModelInfo, Sentence

# A sentence ends at a line break, or at . ! ? (and closing quotes/brackets) followed by white space.
_SENTENCE_END = re.compile(r"\n+|(?<=[.!?])[\"'”’)\]]*[^\S\n]+(?!\n)")
# Words whose full stop is an abbreviation's: initials ("F.", "U.S."), the titles that stand before a name in
# English news (which `spinlens.parsing` teaches spaCy's tokenizer too), and the "v." or "vs." of a case or a
# match ("Roe v. Wade"). In PTC, "U.S." before a capital is nearly always "U.S. District Court", not a
# sentence's end.
TITLES = (
    "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Sgt", "Capt", "Cmdr", "Adm",
    "Maj", "Brig", "Cpl", "Pvt", "Det", "Insp", "Supt", "Amb", "Atty", "Rev", "Msgr", "Hon", "Pres", "Messrs",
    "Mme", "Mlle",
)  # fmt: skip
_ABBREVIATION = re.compile(rf"(?:^|[\s(\"“])(?:(?:[A-Z]\.)*[A-Z]|{'|'.join(TITLES)}|St|Mt|Ft|vs?)\.$")

# A company's "Co." or "Inc." before its short name in brackets: "Tokyo Electric Power Co. (TEPCO) said".
# Before a capital it may end a sentence ("... the hedge fund D.E. Shaw & Co. Obama adviser ...").
_COMPANY = re.compile(r"\b(?:Co|Corp|Inc|Ltd)\.$")

# A time of day, and the words that go on with it rather than start a sentence: a day, a time zone.
_CLOCK = re.compile(r"\d\s?[ap]\.m\.$", re.IGNORECASE)
_WHEN_AFTER_CLOCK = re.compile(
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Eastern|Central|Mountain|Pacific|local|"
    r"[ECMP][SD]?T|[ECMP]\.T\.|GMT|UTC|BST|CET)(?!\w)"
)


def _ends_sentence(text: str, match: re.Match[str]) -> bool:
    if match.group().startswith("\n"):
        return True
    following = text[match.end() : match.end() + 1]
    if following.islower() or following.isdigit():  # "the U.S. military", '"Why?" he asked', "Nov. 8"
        return False
    stop = match.start()
    if following == "(" and _COMPANY.search(text, max(0, stop - 6), stop):
        return False
    if _CLOCK.search(text, max(0, stop - 6), stop) and _WHEN_AFTER_CLOCK.match(text, match.end()):
        return False  # "at 5 p.m. Monday", "at 8 a.m. Eastern"
    return text[stop - 1] != "." or not _ABBREVIATION.search(text, max(0, stop - 10), stop)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character ranges of the sentences in text, white space trimmed, none empty."""
    ranges = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if not _ends_sentence(text, match):
            continue
        ranges.append((start, match.start() if match.group().startswith("\n") else match.end()))
        start = match.end()
    ranges.append((start, len(text)))
    trimmed = []
    for s, e in ranges:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            trimmed.append((s, e))
    return trimmed


class SentenceSplitter:
    name = "sentences"

    def __init__(self, config: PipelineConfig) -> None:
        pass

    def models(self) -> list[ModelInfo]:
        return []

    def __call__(self, batch: list[Analysis]) -> None:
        for record in batch:
            record.sentences = [Sentence(start=s, end=e, score=0.0) for s, e in split_sentences(record.article.text)]


@register("sentences")
def make_sentences(config: PipelineConfig) -> SentenceSplitter:
    return SentenceSplitter(config)
