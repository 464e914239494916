"""The web page in a real browser: Debian's chromium driven by Playwright against a real uvicorn server.

Screenshots land in artifacts/ (git-ignored) for people to look at.
"""

from __future__ import annotations

import os
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from spinlens.record import Analysis, Article, Entity, EntityLabel, Quote, TechniqueSpan, TextSpan
from spinlens.store import Store
from spinlens.web import Settings, create_app

pytestmark = pytest.mark.slow

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"
# Written for these tests.
HOSTILE = (
    "Officials called it <script>alert(1)</script> a plan.\n\n"
    'See <img src=x onerror="alert(2)"> and <a href="javascript:alert(3)">this link</a> for more.'
)
ARTICLE = (
    "Harbour Council Betrays the Fishermen Again\n\n"
    "The so-called reformers on the council have done it again. Their reckless, shameful plan will ruin the "
    "harbour, said Mara Quill, who has fished here for thirty years. Everyone in town already knows the truth: "
    "the plan must be stopped. We will fight it, and we will win.\n"
    "Council leader Tom Reyes said the repairs were overdue and would be paid for by a state grant."
)


def _span(text: str, fragment: str, technique: str, score: float, nth: int = 0) -> TechniqueSpan:
    start = -1
    for _ in range(nth + 1):
        start = text.index(fragment, start + 1)
    return TechniqueSpan(start=start, end=start + len(fragment), text=fragment, technique=technique, score=score)


def _text_span(text: str, fragment: str, after: str = "") -> TextSpan:
    """The fragment's span, at its first occurrence after `after`."""
    start = text.index(fragment, text.index(after) + len(after) if after else 0)
    return TextSpan(start=start, end=start + len(fragment), text=fragment)


def stored_record() -> Analysis:
    text = ARTICLE
    techniques = [
        _span(text, "Betrays", "Loaded_Language", 0.91),
        _span(text, "so-called reformers", "Name_Calling,Labeling", 0.88),
        _span(text, "Their reckless, shameful plan will ruin the harbour", "Appeal_to_fear-prejudice", 0.72),
        _span(text, "reckless, shameful", "Loaded_Language", 0.95),  # nested inside the span above
        _span(text, "Everyone in town already knows the truth", "Bandwagon,Reductio_ad_hitlerum", 0.64),
        _span(text, "We will fight it, and we will win.", "Slogans", 0.7),
    ]
    council = _text_span(text, "council")
    return Analysis(
        article=Article(text=text, title=text.split("\n")[0], outlet="Harbour News", published="2024-04-02"),
        techniques=techniques,
        score=0.6,
        quotes=[
            Quote(
                content=_text_span(text, "the repairs were overdue and would be paid for by a state grant"),
                speaker=_text_span(text, "Council leader Tom Reyes"),
                cue=_text_span(text, "said", after="Tom Reyes"),
                direct=False,
            )
        ],
        entities=[
            Entity(
                name="Harbour Council",
                type="organisation",
                mentions=[council],
                labels=[EntityLabel(**techniques[1].model_dump(exclude={"score"}))],
            ),
            Entity(name="Mara Quill", type="person", mentions=[_text_span(text, "Mara Quill")]),
        ],
    )


def _chromium() -> str:
    path = os.environ.get("SPINLENS_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).is_file():
        pytest.skip(f"no chromium at {path}: apt-get install chromium (.ci/run does), or set SPINLENS_CHROMIUM")
    return path


@pytest.fixture(scope="module")
def server(tmp_path_factory, analyzer) -> Iterator[tuple[str, dict[str, int]]]:
    import uvicorn

    store = Store(str(tmp_path_factory.mktemp("web") / "store.db"))
    ids = {"article": store.save(stored_record()).id}
    ids["hostile"] = store.save(Analysis(article=Article(text=HOSTILE, title="<b>bold?</b>", outlet="Night Owl"))).id
    app = create_app(Settings(), analyzer=analyzer, store=store)
    config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="on")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not running.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert running.started, "uvicorn did not start"
    port = running.servers[0].sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}", ids
    running.should_exit = True
    thread.join(timeout=10)
    store.close()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=_chromium(), args=["--no-sandbox"])
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    dialogs: list[str] = []
    opened.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    opened.dialogs = dialogs
    yield opened
    context.close()


def shot(page, name: str, full_page: bool = True) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=full_page)


def shown_text(page) -> str:
    """The article as the reader sees it, without the evidence numbers after each span."""
    return page.eval_on_selector(
        "#article-text",
        "e => { const c = e.cloneNode(true); c.querySelectorAll('.ref').forEach(r => r.remove()); "
        "return c.textContent; }",
    )


def test_hostile_article_shows_as_text_and_runs_nothing(server, page):
    base, ids = server
    page.goto(base + "/")
    page.fill("#text", HOSTILE)
    page.click("button[type=submit]")
    page.wait_for_selector("#article-text")
    assert shown_text(page) == HOSTILE  # every character, markup included, shows as text
    assert page.locator("#article-text img, #article-text script, a[href^='javascript:']").count() == 0
    shot(page, "analyse-hostile")
    for path in (f"/articles/{ids['hostile']}", "/articles?q=%3Cscript%3Ealert(1)%3C/script%3E"):
        page.goto(base + path)
        assert page.locator("main img, main script, a[href^='javascript:']").count() == 0
    page.goto(f"{base}/articles/{ids['hostile']}")
    assert page.text_content("#article-title") == "<b>bold?</b>"
    page.wait_for_timeout(200)
    assert page.dialogs == []


def test_highlights_legend_filter_and_hover(server, page):
    base, ids = server
    page.goto(f"{base}/articles/{ids['article']}")
    marks = page.locator("#article-text mark[data-technique]")
    assert marks.count() == 6
    first = marks.first
    assert first.get_attribute("data-technique") == "Loaded_Language"
    start, end = int(first.get_attribute("data-start")), int(first.get_attribute("data-end"))
    assert ARTICLE[start:end] == "Betrays" == first.text_content()
    # the nested span sits inside its outer span
    inner = page.locator("mark[data-technique='Appeal_to_fear-prejudice'] mark[data-technique='Loaded_Language']")
    assert inner.count() == 1

    first.hover()
    tip = page.locator("#tip")
    tip.wait_for(state="visible")
    assert "Loaded language" in tip.text_content() and "0.91" in tip.text_content()
    assert "emotional connotations" in tip.text_content()
    shot(page, "article-desktop")

    page.keyboard.press("Escape")
    slogans = page.locator("mark[data-technique='Slogans']")
    slogans.focus()  # marks are in the tab order, and focus shows the same tooltip
    tip.wait_for(state="visible")
    assert "Slogans" in tip.text_content()

    toggle = page.locator(".legend button[data-technique='Loaded_Language']")
    assert "2" in toggle.text_content()
    toggle.click()
    assert toggle.get_attribute("aria-pressed") == "false"
    background = page.locator("mark[data-technique='Loaded_Language']").first.evaluate(
        "m => getComputedStyle(m).backgroundColor"
    )
    assert background in ("rgba(0, 0, 0, 0)", "transparent")
    assert "off" not in (slogans.get_attribute("class") or "")
    page.keyboard.press("Escape")
    shot(page, "article-legend-filtered")
    toggle.focus()
    page.keyboard.press("Enter")  # the legend works from the keyboard too
    assert toggle.get_attribute("aria-pressed") == "true"

    panels = page.text_content("aside.panels")
    assert "Council leader Tom Reyes" in panels and "Harbour Council" in panels and "reported speech" in panels


def test_pages_fit_a_360_pixel_screen(server, browser):
    base, ids = server
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2)
    page = context.new_page()
    for name, path in (
        ("article-360", f"/articles/{ids['article']}"),
        ("search-360", "/articles?q=harbour"),
        ("outlet-360", "/outlets/Harbour%20News"),
        ("analyse-360", "/"),
    ):
        page.goto(base + path)
        page.wait_for_load_state("networkidle")
        overflow = page.evaluate("document.documentElement.scrollWidth")
        assert overflow <= 360, f"{path} is {overflow}px wide at 360px"
        shot(page, name)
    context.close()


def test_outlet_page_draws_its_charts(server, page):
    base, _ = server
    page.goto(base + "/outlets/Harbour%20News")
    page.wait_for_load_state("networkidle")
    widths = page.eval_on_selector_all("figure.chart img", "imgs => imgs.map(i => i.naturalWidth)")
    assert len(widths) == 2 and all(w > 0 for w in widths)
    shot(page, "outlet-desktop")
    page.goto(base + "/articles?outlet=Harbour%20News")
    shot(page, "search-desktop")
