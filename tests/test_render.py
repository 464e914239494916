"""Output writers, on synthetic records written for these tests (from several political directions)."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spinlens.record import Analysis, Article, ModelInfo, Quote, TechniqueSpan, TextSpan
from spinlens.render import WRITERS, write_html, write_json, write_jsonl, write_semeval, write_text
from spinlens.techniques.definitions import BY_NAME

ANSI = re.compile(r"\x1b\[[0-9;]*m")
VOID = {"meta", "br", "img", "input", "link", "hr", "wbr"}


def record(text: str, spans: list[tuple[str, str, float]], **article: str) -> Analysis:
    """A record whose spans are given as (fragment, technique, score); each fragment's first occurrence."""
    found = []
    for fragment, name, score in spans:
        start = text.index(fragment)
        found.append(TechniqueSpan(start=start, end=start + len(fragment), text=fragment, technique=name, score=score))
    return Analysis(
        article=Article(text=text, **article),
        techniques=found,
        score=0.5 if found else 0.0,
        models=[ModelInfo(name="ptc-test", version="0.0", sha256="0" * 64)],
    )


LEFT = record(
    "Oil Barons Win Again\nGreedy oil barons are poisoning our children while lawmakers look away.\n"
    "Every decent citizen must act now.",
    [
        ("Greedy oil barons", "Name_Calling,Labeling", 0.91),
        ("poisoning our children", "Appeal_to_fear-prejudice", 0.77),
        ("Every decent citizen must act now.", "Flag-Waving", 0.62),
    ],
    id="701",
    title="Oil Barons Win Again",
    language="en",
    source="article701.txt",
)
RIGHT = record(
    "Bureaucrats in the capital want to seize your savings. Either we cut taxes now or our country is finished.",
    [
        ("seize your savings", "Loaded_Language", 0.84),
        ("Either we cut taxes now or our country is finished.", "Black-and-White_Fallacy", 0.7),
    ],
    id="702",
    outlet="The Example Courier",
)
# Two crossing spans: "shameful plan" belongs to both.
CROSSING = record(
    "The reckless, shameful plan will ruin every family farm.",
    [
        ("reckless, shameful plan", "Loaded_Language", 0.9),
        ("shameful plan will ruin every family farm", "Appeal_to_fear-prejudice", 0.6),
    ],
    id="703",
)
# One span wholly inside another.
NESTED = record(
    "Leading economists agree the treaty is the only sensible path.",
    [
        ("Leading economists agree the treaty is the only sensible path.", "Appeal_to_Authority", 0.8),
        ("only sensible path", "Black-and-White_Fallacy", 0.55),
    ],
    id="704",
)
EMPTY = record("The council met on Tuesday and approved the budget.", [], id="705")


def render(writer, records: list[Analysis], **options: object) -> str:
    out = io.StringIO()
    writer(records, out, **options)
    return out.getvalue()


class Page(HTMLParser):
    """Collects tags and attributes, checks nesting, and keeps the text of each article's `.text` block."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[str] = []
        self.texts: list[str] = []
        self._in_text: int | None = None  # stack depth of the open `.text` div
        self._in_ref: int | None = None
        self.marks: list[tuple[dict[str, str | None], int]] = []  # attributes, nesting depth among marks

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag in VOID:
            return
        self.stack.append(tag)
        classes = (attributes.get("class") or "").split()
        if tag == "div" and "text" in classes:
            self._in_text = len(self.stack)
            self.texts.append("")
        if tag == "sup" and "ref" in classes:
            self._in_ref = len(self.stack)
        if tag == "mark":
            self.marks.append((attributes, self.stack.count("mark")))

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1:]}>"
        if self._in_ref == len(self.stack):
            self._in_ref = None
        if self._in_text == len(self.stack):
            self._in_text = None
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self._in_text is not None and self._in_ref is None:
            self.texts[-1] += data


def parse(page: str) -> Page:
    parser = Page()
    parser.feed(page)
    parser.close()
    assert parser.stack == []
    return parser


def test_every_format_is_registered() -> None:
    assert set(WRITERS) == {"text", "json", "jsonl", "html", "semeval"}


@pytest.mark.parametrize("name", ["text", "json", "jsonl", "html", "semeval"])
def test_every_format_renders_a_record_without_techniques(name: str) -> None:
    output = render(WRITERS[name], [EMPTY])
    if name == "semeval":
        assert output == ""
    else:
        assert "approved the budget" in output


def test_json_one_record_is_one_indented_object_that_round_trips() -> None:
    output = render(write_json, [LEFT])
    assert output.startswith("{\n  ")
    assert Analysis.model_validate_json(output) == LEFT


def test_json_several_records_form_an_array() -> None:
    items = json.loads(render(write_json, [LEFT, RIGHT, EMPTY]))
    assert [Analysis.model_validate_json(json.dumps(item)) for item in items] == [LEFT, RIGHT, EMPTY]
    assert json.loads(render(write_json, [])) == []


def test_jsonl_writes_one_compact_record_a_line_as_it_goes() -> None:
    out = io.StringIO()

    def records() -> Iterator[Analysis]:
        yield LEFT
        # The first record must already be out before the second is produced.
        assert out.getvalue().count("\n") == 1
        yield RIGHT

    write_jsonl(records(), out)
    lines = out.getvalue().splitlines()
    assert [Analysis.model_validate_json(line) for line in lines] == [LEFT, RIGHT]
    assert all(line.startswith('{"schema_version"') for line in lines)


def test_semeval_lines() -> None:
    assert render(write_semeval, [LEFT, RIGHT]).splitlines() == [
        "701\tName_Calling,Labeling\t21\t38",
        "701\tAppeal_to_fear-prejudice\t43\t65",
        "701\tFlag-Waving\t93\t127",
        "702\tLoaded_Language\t35\t53",
        "702\tBlack-and-White_Fallacy\t55\t106",
    ]


def test_semeval_refuses_a_record_without_an_id() -> None:
    anonymous = record("They are traitors.", [("traitors", "Name_Calling,Labeling", 0.8)], source="<stdin>")
    with pytest.raises(ValueError, match="<stdin>"):
        render(write_semeval, [anonymous])


def test_text_without_colour_marks_spans_and_numbers_the_evidence() -> None:
    output = render(write_text, [LEFT, CROSSING], color=False, width=200)
    assert "\x1b" not in output
    assert "Oil Barons Win Again" in output and "701" in output and "article701.txt" in output
    assert "[[Greedy oil barons]]1 are [[poisoning our children]]2" in output
    assert "The [[reckless, [[shameful plan]]1 will ruin every family farm]]2." in output
    assert '[1] "Greedy oil barons" — Name calling / labeling (score 0.91): ' in output
    assert BY_NAME["Flag-Waving"].definition in output
    for label in ("Name calling / labeling", "Appeal to fear or prejudice", "Flag-waving", "Loaded language"):
        assert label in output
    assert "ptc-test 0.0" in output


def test_text_without_colour_gives_a_passage_with_two_techniques_one_marker() -> None:
    twice = record(
        "They are traitors to the nation.",
        [("traitors to the nation", "Name_Calling,Labeling", 0.8), ("traitors to the nation", "Flag-Waving", 0.4)],
    )
    output = render(write_text, [twice], color=False, width=200)
    assert "They are [[traitors to the nation]]1,2." in output
    assert '[1] "traitors to the nation"' in output and '[2] "traitors to the nation"' in output


def test_text_with_colour_highlights_spans() -> None:
    output = render(write_text, [RIGHT], color=True, width=200)
    assert "\x1b[" in output
    plain = ANSI.sub("", output)
    assert "[[" not in plain
    assert "seize your savings" in plain and "Either we cut taxes now" in plain
    assert "Loaded language" in plain and "Black-and-white fallacy" in plain
    assert "The Example Courier" in plain


def test_text_shows_warnings_in_yellow() -> None:
    warned = EMPTY.model_copy(deep=True)
    warned.warn("input", "short_text", "The text is very short.")
    assert "The text is very short." in render(write_text, [warned], color=False)
    assert "\x1b[33m" in render(write_text, [warned], color=True)


def test_text_without_techniques_says_so() -> None:
    for color in (False, True):
        output = ANSI.sub("", render(write_text, [EMPTY], color=color))
        assert "No persuasion techniques found." in output
        assert "[1]" not in output


def test_text_neutralises_terminal_escapes_in_the_article() -> None:
    text = "Calm words\x1b[2J then \x1b]0;owned\x07 more."
    sneaky = record(text, [("then", "Doubt", 0.5)], title="Title\x1b[31m")
    for color in (False, True):
        output = render(write_text, [sneaky], color=color)
        assert "\x1b[2J" not in output and "\x1b]0" not in output and "\x1b[31m" not in output
        assert "\x07" not in output
        assert "Calm words\u241b[2J" in ANSI.sub("", output)


def test_unknown_technique_names_still_render() -> None:
    odd = record("A vague phrase here.", [("vague phrase", "Mystery_Class", 0.5)], id="9")
    assert "Mystery Class" in render(write_text, [odd], color=False)
    page = parse(render(write_html, [odd]))
    assert page.marks[0][0]["data-technique"] == "Mystery_Class"


def test_html_is_one_self_contained_page() -> None:
    output = render(write_html, [LEFT, RIGHT, EMPTY])
    assert output.count("<html") == 1 and output.count("<style>") == 1
    assert "white-space: pre-wrap" in output
    assert 'name="viewport"' in output
    page = parse(output)
    assert not [tag for tag, _ in page.tags if tag in ("script", "link", "img", "iframe")]
    assert not [attrs for _, attrs in page.tags if "src" in attrs]
    assert len(page.texts) == 3
    assert page.texts[0] == LEFT.article.text  # newlines included


def test_html_escapes_hostile_article_text_and_metadata() -> None:
    text = (
        "Rally news <script>alert(1)</script> and <img src=x onerror=alert(1)> "
        '<a href="javascript:alert(1)">click</a> end.'
    )
    hostile = record(
        text,
        [("<script>alert(1)</script>", "Loaded_Language", 0.5)],
        id="800",
        title="<script>alert(1)</script><img src=x onerror=alert(1)>",
        url="javascript:alert(1)",
        author='"><img src=x onerror=alert(1)>',
    )
    output = render(write_html, [hostile])
    assert "<script" not in output.lower()
    page = parse(output)
    for tag, attrs in page.tags:
        assert tag not in ("script", "img")
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        assert not (attrs.get("href") or "").lower().startswith("javascript:")
    assert page.texts == [text]
    assert page.marks[0][0]["data-start"] == str(text.index("<script>"))


def test_html_adds_no_second_pair_of_quotation_marks() -> None:
    text = 'The minister called it "a shameful betrayal" and said the deal was dead.'
    quoted = record(text, [('"a shameful betrayal"', "Loaded_Language", 0.8), ("the deal was dead", "Doubt", 0.3)])
    start, end = text.index('"a shameful'), text.index('" and') + 1
    content = TextSpan(start=start, end=end, text=text[start:end])
    quoted.quotes = [Quote(content=content, speaker=None, cue=None, direct=True)]
    page = parse(render(write_html, [quoted]))
    classes = [attrs.get("class", "") for tag, attrs in page.tags if tag == "q"]
    # the two evidence lines and the quote: only passages that carry their own marks lose the browser's
    assert ["own-marks" in c for c in classes] == [True, False, True]
    assert "q.own-marks" in render(write_html, [quoted])


def test_html_keeps_web_links_clickable() -> None:
    linked = record("Plain text.", [], url="https://example.org/story?a=1&b=2")
    page = parse(render(write_html, [linked]))
    assert ("a", {"href": "https://example.org/story?a=1&b=2", "rel": "noopener noreferrer nofollow"}) in page.tags
    malformed = record("Plain text.", [], url="http://[broken")
    assert "http://[broken" in render(write_html, [malformed])


def test_html_marks_carry_data_attributes_and_definitions() -> None:
    page = parse(render(write_html, [RIGHT]))
    attrs = page.marks[0][0]
    assert attrs["data-technique"] == "Loaded_Language"
    assert (attrs["data-start"], attrs["data-end"]) == ("35", "53")
    assert float(attrs["data-score"] or "") == pytest.approx(0.84)
    assert "Loaded language (score 0.84)" in (attrs["title"] or "")
    assert BY_NAME["Loaded_Language"].definition in (attrs["title"] or "")
    assert "t-loaded-language" in (attrs["class"] or "")


def test_html_splits_crossing_spans_into_properly_nested_marks() -> None:
    page = parse(render(write_html, [CROSSING]))  # parse() fails on any tag closed out of order
    assert page.texts == [CROSSING.article.text]
    pieces = [(a["data-technique"], a["data-start"], a["data-end"], depth) for a, depth in page.marks]
    # The longer fear span stays whole; the loaded-language span is split where the fear span starts.
    assert pieces == [
        ("Loaded_Language", "4", "27", 1),
        ("Appeal_to_fear-prejudice", "14", "55", 1),
        ("Loaded_Language", "4", "27", 2),
    ]


def test_html_nests_a_contained_span_without_splitting_it() -> None:
    page = parse(render(write_html, [NESTED]))
    depths = [(a["data-technique"], depth) for a, depth in page.marks]
    assert depths == [("Appeal_to_Authority", 1), ("Black-and-White_Fallacy", 2)]


def test_html_legend_counts_techniques() -> None:
    twice = record(
        "A disgrace and a disgrace again, says the union.",
        [("A disgrace", "Loaded_Language", 0.8), ("a disgrace again", "Repetition", 0.6)],
    )
    second = TechniqueSpan(start=15, end=25, text="a disgrace", technique="Loaded_Language", score=0.6)
    twice.techniques.append(second)
    output = render(write_html, [twice])
    assert 'Loaded language</td><td class="num">2</td><td class="num">0.70</td>' in output
    assert 'Repetition</td><td class="num">1</td>' in output
    assert len(parse(output).marks) == 3


@st.composite
def spanned(draw: st.DrawFn) -> Analysis:
    text = draw(st.text(alphabet="ab \n<&\"'", min_size=0, max_size=40))
    spans = []
    for _ in range(draw(st.integers(0, 6))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, len(text)))
        name = draw(st.sampled_from(sorted(BY_NAME)))
        score = draw(st.floats(0, 1))
        spans.append(TechniqueSpan(start=start, end=end, text=text[start:end], technique=name, score=score))
    return Analysis(article=Article(text=text, id="1"), techniques=spans)


@settings(max_examples=60, deadline=None)
@given(spanned())
def test_any_spans_give_well_nested_html_and_complete_markers(analysis: Analysis) -> None:
    page = parse(render(write_html, [analysis]))
    assert page.texts == [analysis.article.text]
    nonempty = [s for s in analysis.techniques if s.start < s.end]
    assert {(a["data-start"], a["data-end"]) for a, _ in page.marks} == {(str(s.start), str(s.end)) for s in nonempty}
    plain = render(write_text, [analysis], color=False, width=200)
    body = plain.split("Legend:")[0]  # the legend shows a marker of its own
    marked = [int(n) for group in re.findall(r"\]\](\d+(?:,\d+)*)", body) for n in group.split(",")]
    assert sorted(marked) == list(range(1, len(analysis.techniques) + 1))
