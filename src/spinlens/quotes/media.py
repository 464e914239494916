"""The media words go out on: where something was said, never who said it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spinlens.parsing import is_platform_x

if TYPE_CHECKING:
    from spacy.tokens import Token


def is_medium(noun: Token) -> bool:
    """Whether a noun names a medium words go out on: "X", "Truth Social", "social media", "his Twitter
    account", "television" (not "on account of")."""
    if any(c.dep_ == "prep" for c in noun.children):
        return False
    if noun.lower_ == "media":
        return any(c.lower_ == "social" for c in noun.children)
    return noun.lower_ in _MEDIA or is_platform_x(noun)


_MEDIA = frozenset(
    {
        "x", "twitter", "facebook", "instagram", "telegram", "tiktok", "youtube", "bluesky", "social", "television",
        "tv", "radio", "air", "account", "feed", "podcast",
    }
)  # fmt: skip
