"""Reading articles: plain text, HTML, JSON Lines, directories and stdin, into `Document`s."""

from spinlens.inputs.document import Document, InputError

__all__ = ["Document", "InputError"]
