"""Bytes to text for article files: UTF-8 first, then a guessed legacy encoding; binary data is refused."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

# Most legacy-encoded news text is Windows-1252, yet on short texts charset-normalizer often gives cp1250
# and its kin exactly the same score, and its pick among equals is arbitrary; a tie goes to cp1252.
_PREFERRED_LEGACY = "cp1252"
# C0/C1 control characters other than tab and line/page breaks: prose has next to none of them.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# Far past anything a real text file contains, yet well below what binary data decodes to.
_MAX_CONTROL_SHARE = 0.3


class NotText(ValueError):
    """The bytes are not text; the message says why, in one line."""


def decode_text(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name). The text is exactly as decoded: line ends and spacing untouched.

    A leading byte-order mark is dropped, since it is an encoding artefact rather than part of the text.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Checked before the NUL test: UTF-16 text (Notepad's "Unicode") is full of NUL bytes.
        try:
            return _checked(data.decode("utf-16"), "utf-16")
        except UnicodeDecodeError:
            raise NotText("starts like UTF-16 text but is not valid UTF-16") from None
    if b"\x00" in data:
        raise NotText("binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return _checked(*_guess_legacy(data))
    return _checked(text, "utf-8")


def _guess_legacy(data: bytes) -> tuple[str, str]:
    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise NotText("not valid UTF-8 and no other encoding fits")
    for match in matches:
        # `could_be_from_charset` lists the encodings that decode these bytes to the very same text.
        tied = (match.chaos, match.coherence) == (best.chaos, best.coherence)
        if tied and _PREFERRED_LEGACY in match.could_be_from_charset:
            return str(match), _PREFERRED_LEGACY
    return str(best), best.encoding


def _checked(text: str, encoding: str) -> tuple[str, str]:
    if text and len(_CONTROL.findall(text)) > _MAX_CONTROL_SHARE * len(text):
        raise NotText("binary file, not text")
    return text, encoding
