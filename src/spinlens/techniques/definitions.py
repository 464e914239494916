"""The 14 technique classes of the SemEval-2020 Task 11 Propaganda Techniques Corpus.

Names are spelled exactly as in the corpus labels. Definitions paraphrase the annotation guidelines of
Da San Martino et al. (EMNLP 2019) in our own words; examples are written by us.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Technique:
    name: str
    label: str
    definition: str
    example: str
    colour: str  # a background colour readable behind black text, used by the terminal and HTML reports


TECHNIQUES: tuple[Technique, ...] = (
    Technique(
        "Appeal_to_Authority",
        "Appeal to authority",
        "Stating that a claim is true because an authority or expert says so, without other evidence.",
        "Leading economists agree that the plan is the only sensible path.",
        "#9ecae1",
    ),
    Technique(
        "Appeal_to_fear-prejudice",
        "Appeal to fear or prejudice",
        "Building support for an idea by stoking anxiety or panic about an alternative, or by playing on "
        "existing prejudices.",
        "If we do nothing, our towns will be overrun within a year.",
        "#fdae6b",
    ),
    Technique(
        "Bandwagon,Reductio_ad_hitlerum",
        "Bandwagon / Reductio ad hitlerum",
        "Urging the reader to join a view because everyone else holds it, or rejecting a view because a "
        "despised group holds it.",
        "Millions have already switched; only a fool would hold out.",
        "#c7e9c0",
    ),
    Technique(
        "Black-and-White_Fallacy",
        "Black-and-white fallacy",
        "Presenting two alternatives as the only possibilities when more exist, sometimes with one of them "
        "dismissed as unthinkable.",
        "Either you back the bill or you want the schools to fail.",
        "#d9d9d9",
    ),
    Technique(
        "Causal_Oversimplification",
        "Causal oversimplification",
        "Assuming a single cause or reason for an issue that has several.",
        "Prices rose for one reason only: the new mayor.",
        "#fdd0a2",
    ),
    Technique(
        "Doubt",
        "Doubt",
        "Questioning the credibility of someone or something to undermine it.",
        "Can we really trust a report paid for by the very people it praises?",
        "#dadaeb",
    ),
    Technique(
        "Exaggeration,Minimisation",
        "Exaggeration / minimisation",
        "Representing something as larger, better or worse than it is, or downplaying it as smaller or "
        "less important than it is.",
        "It was the greatest disaster in the history of the world.",
        "#fcbba1",
    ),
    Technique(
        "Flag-Waving",
        "Flag-waving",
        "Appealing to patriotism or to a group's identity to justify or promote an idea.",
        "Every true patriot knows where to stand on this.",
        "#a1d99b",
    ),
    Technique(
        "Loaded_Language",
        "Loaded language",
        "Using words or phrases with strong emotional connotations to influence the reader.",
        "a reckless, shameful betrayal",
        "#fee391",
    ),
    Technique(
        "Name_Calling,Labeling",
        "Name calling / labeling",
        "Attaching to the object of the campaign a label the audience fears, hates or finds undesirable, "
        "or else loves and praises.",
        "the so-called experts and their cronies",
        "#f4a6c6",
    ),
    Technique(
        "Repetition",
        "Repetition",
        "Repeating the same message over and over so that the audience accepts it.",
        "We will win. We will win because we must win.",
        "#c6dbef",
    ),
    Technique(
        "Slogans",
        "Slogans",
        "A brief, striking phrase that may include labeling and stereotyping; slogans act as emotional appeals.",
        "Stand tall, stand together!",
        "#bcbddc",
    ),
    Technique(
        "Thought-terminating_Cliches",
        "Thought-terminating cliché",
        "Words or phrases that discourage critical thought and discussion, offered as the end of an argument.",
        "It is what it is.",
        "#e5f5e0",
    ),
    Technique(
        "Whataboutism,Straw_Men,Red_Herring",
        "Whataboutism / straw man / red herring",
        "Discrediting a position by charging hypocrisy, misrepresenting it to refute a weaker version, or "
        "bringing in irrelevant material to distract from the issue.",
        "Why worry about our budget when the other side wasted far more?",
        "#fdd49e",
    ),
)

NAMES: tuple[str, ...] = tuple(t.name for t in TECHNIQUES)
BY_NAME: dict[str, Technique] = {t.name: t for t in TECHNIQUES}


def definition(name: str) -> str:
    return BY_NAME[name].definition
