"""The input readers: every format, the title and id rules, and bad inputs that never stop good ones."""

from __future__ import annotations

import errno
import io
import json
import os
import random
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from spinlens.inputs.document import Document, InputError
from spinlens.inputs.readers import DEFAULT_MAX_BYTES, document_id, read_inputs

FIXTURES = Path(__file__).parent / "fixtures" / "inputs"


def read_all(*paths: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Document | InputError]:
    return list(read_inputs([str(path) for path in paths], max_bytes=max_bytes))


def read_one(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Document | InputError:
    [result] = read_all(path, max_bytes=max_bytes)
    return result


def read_doc(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    result = read_one(path, max_bytes)
    assert isinstance(result, Document), result
    return result


def error_message(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    result = read_one(path, max_bytes)
    assert isinstance(result, InputError), result
    assert result.source == str(path)
    return result.message


def from_stdin(data: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Document | InputError]:
    return list(read_inputs(["-"], max_bytes=max_bytes, stdin=io.BytesIO(data)))


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


# --- plain text --------------------------------------------------------------------------------------


def test_ptc_article_gets_its_id_and_title_and_keeps_the_whole_text() -> None:
    path = FIXTURES / "article7001.txt"
    doc = read_doc(path)
    assert doc.id == "7001"
    assert doc.title == "Bureaucrats Strangle Family Farms With 900 Pages of New Rules"
    assert doc.text == path.read_text(encoding="utf-8")
    assert doc.source == str(path)
    assert doc.warnings == []


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("article123.txt", "123"),
        ("article0042.txt", "0042"),
        ("article123.html", "article123"),
        ("Article123.txt", "Article123"),
        ("articleX1.txt", "articleX1"),
        ("report.final.txt", "report.final"),
        ("feed.jsonl", "feed"),
    ],
)
def test_document_id(name: str, expected: str) -> None:
    assert document_id(Path("some/dir") / name) == expected


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Headline\n\nBody text.", "Headline"),
        ("  Padded headline \r\n\r\nBody text.", "Padded headline"),
        ("Headline only\n\n", "Headline only"),
        ("First line\nSecond line\n\nBody.", None),
        ("\n\nBody after blank lines.", None),
        ("Headline\n \nA line of spaces is not an empty line.", None),
        ("Just one line, no title.", None),
    ],
)
def test_title_is_a_first_line_followed_by_an_empty_line(tmp_path: Path, text: str, title: str | None) -> None:
    doc = read_doc(write(tmp_path, "story.txt", text.encode()))
    assert doc.title == title
    assert doc.text == text


def test_crlf_text_is_kept_exactly(tmp_path: Path) -> None:
    text = "Union Leaders Sound the Alarm\r\n\r\nWorkers were told to wait.\r\nThey are done waiting.\r\n"
    doc = read_doc(write(tmp_path, "crlf.txt", text.encode()))
    assert doc.text == text
    assert doc.title == "Union Leaders Sound the Alarm"


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_legacy_encoding_is_decoded_with_a_warning(tmp_path: Path, encoding: str) -> None:
    text = "Señor Pérez said the naïve plan would ruin the façade of the old town.\n"
    doc = read_doc(write(tmp_path, "legacy.txt", text.encode(encoding)))
    assert doc.text == text
    assert doc.warnings == [("encoding", "decoded as cp1252")]


def test_windows_1252_punctuation(tmp_path: Path) -> None:
    text = "Crise à l’Élysée : le “plan” du ministre — une trahison.\n\nÇa suffit, disent les syndicats.\n"
    doc = read_doc(write(tmp_path, "fr.txt", text.encode("cp1252")))
    assert doc.text == text
    assert doc.title == "Crise à l’Élysée : le “plan” du ministre — une trahison."


def test_utf8_bom_is_dropped_without_a_warning(tmp_path: Path) -> None:
    doc = read_doc(write(tmp_path, "bom.txt", "\ufeffHeadline\n\nBody.".encode()))
    assert doc.text == "Headline\n\nBody."
    assert doc.title == "Headline"
    assert doc.warnings == []


def test_utf16_with_bom_is_text_not_binary(tmp_path: Path) -> None:
    doc = read_doc(write(tmp_path, "notepad.txt", "Grüße aus München.\r\n".encode("utf-16")))
    assert doc.text == "Grüße aus München.\r\n"
    assert doc.warnings == [("encoding", "decoded as utf-16")]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"GIF89a\x01\x00\x01\x00\x00\xff\xff\xff", "binary file, not text"),
        (bytes(range(1, 9)) * 50 + b"some words", "binary file, not text"),
        (bytes(random.Random(1).choices(range(1, 256), k=256)), "not valid UTF-8 and no other encoding fits"),
        (b"", "empty or whitespace-only text"),
        (b" \r\n\t\n ", "empty or whitespace-only text"),
    ],
    ids=["nul-bytes", "control-chars", "undecodable", "empty", "whitespace"],
)
def test_unreadable_text(tmp_path: Path, data: bytes, message: str) -> None:
    assert error_message(write(tmp_path, "bad.txt", data)) == message


# --- HTML --------------------------------------------------------------------------------------------


def test_html_body_and_metadata() -> None:
    path = FIXTURES / "op-ed.html"
    doc = read_doc(path)
    assert doc.id == "op-ed"
    assert doc.source == str(path)
    assert doc.title == "The Billionaires Are Coming for Your Library"
    assert doc.author == "Rosa Delgado"
    assert doc.outlet == "The Harbor Ledger"
    assert doc.published == "2024-05-14"
    assert doc.url == "https://harbor-ledger.example/opinion/libraries"
    assert "corporate land grab dressed up as reform" in doc.text
    assert "Reader remark" not in doc.text
    assert "Copyright" not in doc.text
    assert "<p>" not in doc.text


def test_html_without_article_text(tmp_path: Path) -> None:
    path = write(tmp_path, "empty.html", b"<html><head><title>Nothing</title></head><body></body></html>")
    assert error_message(path) == "HTML page has no article text"


def test_html_in_a_legacy_encoding(tmp_path: Path) -> None:
    body = "Le “plan” du ministre est une trahison, dénoncent les syndicats réunis à Montréal ce mardi."
    markup = f"<html><body><article><p>{body}</p></article></body></html>"
    doc = read_doc(write(tmp_path, "fr.htm", markup.encode("cp1252")))
    assert body in doc.text
    assert doc.warnings == [("encoding", "decoded as cp1252")]


# --- JSON Lines --------------------------------------------------------------------------------------


def test_jsonl_good_malformed_and_missing_text_lines() -> None:
    path = FIXTURES / "wire.jsonl"
    results = read_all(path)
    assert [(type(r).__name__, r.source) for r in results] == [
        ("Document", f"{path}:1"),
        ("InputError", f"{path}:3"),
        ("InputError", f"{path}:4"),
        ("Document", f"{path}:5"),
        ("Document", f"{path}:6"),
    ]
    first, malformed, missing, coerced, plain = results
    assert isinstance(first, Document)
    assert (first.id, first.title, first.outlet, first.published) == (
        "w-1",
        "Council Approves Budget After Long Debate",
        "Metro Wire",
        "2024-02-01",
    )
    assert first.text.startswith("The city council approved")
    assert isinstance(malformed, InputError)
    assert malformed.message == "invalid JSON: unterminated string starting at column 37"
    assert isinstance(missing, InputError)
    assert missing.message == "missing 'text' (a string is required)"
    assert isinstance(coerced, Document)
    assert coerced.id == "42"
    assert coerced.author is None
    assert coerced.warnings == [("ignored-field", "ignored 'author': expected a string, got an array")]
    assert isinstance(plain, Document)
    assert plain.id == "wire:6"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (b'["a list"]', "expected a JSON object, got an array"),
        (b'{"text": 7}', "'text' must be a string, not a number"),
        (b'{"text": null}', "missing 'text' (a string is required)"),
        (b'{"text": "  "}', "empty or whitespace-only text"),
        (b'{"text": "caf\xe9"}', "not valid UTF-8 (JSON Lines must be UTF-8)"),
        (b'{"text": }', "invalid JSON: expecting value at column 10"),
    ],
)
def test_jsonl_line_errors(tmp_path: Path, line: bytes, message: str) -> None:
    path = write(tmp_path, "feed.jsonl", b'{"text": "before"}\n' + line + b'\n{"text": "after"}\n')
    before, error, after = read_all(path)
    assert isinstance(before, Document)
    assert isinstance(after, Document)
    assert after.id == "feed:3"
    assert error == InputError(f"{path}:2", message)


def test_jsonl_scalars_are_coerced_and_crlf_lines_parse(tmp_path: Path) -> None:
    line = {"id": 7, "text": "Line one.\r\nLine two.", "published": 2024, "title": True, "outlet": ""}
    path = write(tmp_path, "f.ndjson", json.dumps(line).encode() + b"\r\n")
    doc = read_doc(path)
    assert (doc.id, doc.published, doc.title, doc.outlet) == ("7", "2024", "true", None)
    assert doc.text == "Line one.\r\nLine two."


def test_jsonl_limit_is_per_line_not_per_file(tmp_path: Path) -> None:
    small = json.dumps({"text": "x" * 50}).encode()
    big = json.dumps({"text": "y" * 3000}).encode()
    path = write(tmp_path, "feed.jsonl", b"\n".join([small, big, small, small]) + b"\n")
    results = read_all(path, max_bytes=1000)
    assert [type(r) for r in results] == [Document, InputError, Document, Document]
    assert results[1] == InputError(f"{path}:2", "line is 3 KB, over the 1 KB limit (--max-bytes)")
    assert [r.source for r in results] == [f"{path}:{n}" for n in (1, 2, 3, 4)]


def test_jsonl_line_exactly_at_the_limit_is_read(tmp_path: Path) -> None:
    line = json.dumps({"text": "z" * 100}).encode()
    path = write(tmp_path, "feed.jsonl", line + b"\n" + line)
    assert [type(r) for r in read_all(path, max_bytes=len(line))] == [Document, Document]


# --- directories and explicit paths ------------------------------------------------------------------


def test_directory_is_walked_sorted_skipping_hidden_and_unknown_files() -> None:
    tree = FIXTURES / "tree"
    results = read_all(tree)
    assert all(isinstance(r, Document) for r in results)
    assert [r.source for r in results] == [
        f"{tree}/a-first.txt",
        f"{tree}/b-section/c-report.htm",
        f"{tree}/b-section/d-feed.ndjson:1",
        f"{tree}/b-section/d-feed.ndjson:2",
        f"{tree}/z-last.md",
    ]
    assert [r.id for r in results] == ["a-first", "c-report", "feed-1", "feed-2", "z-last"]


def test_directory_source_keeps_the_path_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, "news/one.txt", b"Some text.")
    monkeypatch.chdir(tmp_path)
    assert [r.source for r in read_all("news/")] == ["news/one.txt"]


def test_symlink_loop_is_not_walked_forever(tmp_path: Path) -> None:
    write(tmp_path, "news/one.txt", b"Some text.")
    (tmp_path / "news" / "loop").symlink_to(tmp_path / "news", target_is_directory=True)
    assert [r.source for r in read_all(tmp_path / "news")] == [str(tmp_path / "news" / "one.txt")]


def test_directory_with_nothing_to_read_is_an_error(tmp_path: Path) -> None:
    write(tmp_path, "news/report.pdf", b"%PDF-1.7")
    write(tmp_path, "news/.draft.txt", b"Some text.")
    (tmp_path / "news" / "empty").mkdir()
    assert error_message(tmp_path / "news").startswith("no files to read in this directory (it reads .txt, ")
    assert error_message(tmp_path / "news" / "empty").startswith("no files to read in this directory")


def test_directory_of_bad_files_reports_them_not_emptiness(tmp_path: Path) -> None:
    write(tmp_path, "news/blank.txt", b"  \n")
    [error] = read_all(tmp_path / "news")
    assert str(error) == f"{tmp_path}/news/blank.txt: empty or whitespace-only text"


def test_hidden_file_named_explicitly_is_read(tmp_path: Path) -> None:
    assert read_doc(FIXTURES / "tree" / ".hidden.txt").id == ".hidden"


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("feed.log", b'\n  {"text": "A line of news."}\n{"text": "Another."}\n', ["feed:2", "feed:3"]),
        ("page.dat", b"<!-- saved -->\n<HTML><BODY><p>A page saved from a news site.</p></BODY></HTML>", ["page"]),
        ("notes.csv", b"id,note\n1,a note\n", ["notes"]),
    ],
)
def test_explicit_file_with_unknown_extension_is_sniffed(
    tmp_path: Path, name: str, data: bytes, expected: list[str]
) -> None:
    results = read_all(write(tmp_path, name, data))
    assert all(isinstance(r, Document) for r in results)
    assert [r.id for r in results] == expected


def test_missing_path() -> None:
    assert error_message("no/such/article.txt") == "no such file or directory"


def test_a_url_is_read_as_no_file_and_said_so() -> None:
    # a user who pastes a link should learn that nothing is fetched, not look for a missing file
    message = error_message("https://example.com/news/article.html")
    assert message == "no such file; spinlens fetches nothing from the network: save the page and give its file"


def test_path_under_a_file() -> None:
    assert error_message(FIXTURES / "article7001.txt" / "x.txt") == "not a directory"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads files whatever their mode")
def test_permission_denied_for_real(tmp_path: Path) -> None:
    path = write(tmp_path, "locked.txt", b"Secret text.")
    path.chmod(0)
    assert error_message(path) == "permission denied"


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Tests run as root, where chmod cannot lock a file, so the refusal is simulated.
    locked = write(tmp_path, "locked.txt", b"Secret text.")
    real_open = Path.open

    def refusing_open(self: Path, *args: object, **kwargs: object) -> object:
        if self == locked:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refusing_open)
    write(tmp_path, "open.txt", b"Public text.")
    results = read_all(tmp_path)
    assert results[0] == InputError(str(locked), "permission denied")
    assert isinstance(results[1], Document)


# --- size limit --------------------------------------------------------------------------------------


def test_file_over_the_default_limit(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(6_000_000)  # sparse: the size check must not need the content
    assert error_message(path) == "file is 6 MB, over the 5 MB limit (--max-bytes)"
    assert DEFAULT_MAX_BYTES == 5_000_000


def test_file_over_a_custom_limit(tmp_path: Path) -> None:
    path = write(tmp_path, "long.txt", b"word " * 500)
    assert error_message(path, max_bytes=1000) == "file is 2.5 KB, over the 1 KB limit (--max-bytes)"
    assert error_message(path, max_bytes=2499) == "file is 2,500 bytes, over the 2,499 bytes limit (--max-bytes)"
    assert read_doc(path, max_bytes=2500).text == "word " * 500


def test_stdin_over_the_limit() -> None:
    assert from_stdin(b"word " * 500, max_bytes=1000) == [
        InputError("<stdin>", "stdin is over the 1 KB limit (--max-bytes)")
    ]


# --- stdin -------------------------------------------------------------------------------------------


def test_stdin_plain_text() -> None:
    text = "Open Borders Chaos\r\n\r\nResidents say nobody listened.\r\n"
    [doc] = from_stdin(text.encode())
    assert isinstance(doc, Document)
    assert (doc.text, doc.title, doc.id, doc.source) == (text, "Open Borders Chaos", "stdin", "<stdin>")


def test_stdin_html() -> None:
    [doc] = from_stdin((FIXTURES / "op-ed.html").read_bytes())
    assert isinstance(doc, Document)
    assert doc.author == "Rosa Delgado"
    assert doc.source == "<stdin>"


@pytest.mark.parametrize("lead", [b"", b"\n \n", b"\xef\xbb\xbf"])
def test_stdin_jsonl(lead: bytes) -> None:
    results = from_stdin(lead + (FIXTURES / "wire.jsonl").read_bytes())
    offset = lead.count(b"\n")
    assert [r.source for r in results] == [f"<stdin>:{n + offset}" for n in (1, 3, 4, 5, 6)]
    last = results[-1]
    assert isinstance(last, Document)
    assert last.id == f"stdin:{6 + offset}"


def test_stdin_jsonl_is_streamed() -> None:
    lines = b"".join(json.dumps({"text": f"Story number {n}."}).encode() + b"\n" for n in range(5000))
    stdin = io.BytesIO(lines)
    stream = read_inputs(["-"], stdin=stdin)
    first = next(stream)
    assert isinstance(first, Document)
    assert first.text == "Story number 0."
    assert stdin.tell() < len(lines) // 2
    assert sum(1 for _ in stream) == 4999


def test_stdin_defaults_to_sys_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"From the real stdin.")))
    [doc] = read_inputs(["-"])
    assert isinstance(doc, Document)
    assert doc.text == "From the real stdin."


def test_binary_stdin() -> None:
    assert from_stdin(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR") == [InputError("<stdin>", "binary file, not text")]


# --- many inputs -------------------------------------------------------------------------------------


def test_bad_inputs_never_stop_the_good_ones(tmp_path: Path) -> None:
    binary = write(tmp_path, "image.txt", b"\x00\x01\x02")
    good = write(tmp_path, "good.txt", b"Good text.")
    results = list(
        read_inputs(
            ["missing.txt", str(binary), str(good), "-", str(FIXTURES / "wire.jsonl")],
            stdin=io.BytesIO(b""),
        )
    )
    assert [(type(r).__name__, r.source) for r in results[:4]] == [
        ("InputError", "missing.txt"),
        ("InputError", str(binary)),
        ("Document", str(good)),
        ("InputError", "<stdin>"),
    ]
    assert [r.source for r in results[4:]] == [f"{FIXTURES / 'wire.jsonl'}:{n}" for n in (1, 3, 4, 5, 6)]


def test_inputs_are_read_lazily(tmp_path: Path) -> None:
    good = write(tmp_path, "good.txt", b"Good text.")
    later = tmp_path / "later.txt"
    stream = read_inputs([str(good), str(later)])
    assert isinstance(next(stream), Document)
    later.write_bytes(b"Written after the first document was read.")
    assert isinstance(next(stream), Document)


# --- properties --------------------------------------------------------------------------------------

_texts = st.lists(
    st.one_of(
        st.characters(exclude_categories=("Cs", "Cc")),
        st.sampled_from(["\r\n", "\n", "\r", "\t", " ", "\n\n", "\r\n\r\n"]),
    ),
    max_size=200,
).map("".join)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("scratch")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=_texts)
def test_utf8_text_round_trips_exactly(scratch: Path, text: str) -> None:
    assume(text.strip() and not text.startswith("\ufeff"))
    path = scratch / "story.txt"
    path.write_bytes(text.encode("utf-8"))
    doc = read_doc(path)
    assert doc.text == text
    assert doc.warnings == []


@settings(max_examples=60, deadline=None)
@given(text=_texts)
def test_jsonl_text_round_trips_exactly(text: str) -> None:
    assume(text.strip())
    [doc] = from_stdin(json.dumps({"text": text}).encode() + b"\n")
    assert isinstance(doc, Document)
    assert doc.text == text


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=400), name=st.sampled_from(["x.txt", "x.html", "x.jsonl", "x.bin"]))
def test_arbitrary_bytes_never_raise(scratch: Path, data: bytes, name: str) -> None:
    path = scratch / name
    path.write_bytes(data)
    for result in read_all(path, max_bytes=300):
        assert isinstance(result, Document | InputError)
        if isinstance(result, InputError):
            assert "\n" not in result.message


def test_fixture_tree_has_hidden_entries() -> None:
    # Without them the directory test would pass without proving that hidden entries are skipped.
    assert (FIXTURES / "tree" / ".hidden.txt").is_file()
    assert (FIXTURES / "tree" / ".drafts" / "secret.txt").is_file()
