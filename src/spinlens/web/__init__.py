"""The HTTP API and the web page: one FastAPI app over the analyser and the corpus store."""

from spinlens.web.app import Settings, create_app

__all__ = ["Settings", "create_app"]
