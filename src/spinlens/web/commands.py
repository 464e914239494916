"""`spinlens serve`: the HTTP API and the web page."""

from __future__ import annotations

import click

from spinlens.options import build_analyzer, layers_option, model_option
from spinlens.store.commands import DB_HELP, open_store


@click.command("serve")
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Address to bind; the default serves this machine only."
)
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--db", help=DB_HELP)
@click.option("--workers", type=click.IntRange(1, 64), default=2, show_default=True, help="Analyses run at once.")
@click.option(
    "--queue", type=click.IntRange(0, 1024), default=6, show_default=True, help="Analyses waiting before 503."
)
@click.option("--timeout", type=click.FloatRange(0.1), default=30.0, show_default=True, help="Seconds per analysis.")
@click.option(
    "--max-body", type=click.IntRange(1), default=2_000_000, show_default=True, help="Largest request body, bytes."
)
@layers_option
@model_option
def serve_command(host, port, db, workers, queue, timeout, max_body, layers, model_dir) -> None:
    """Serve the API and the web page (analyse, search, article and outlet pages)."""
    import uvicorn

    from spinlens.web.app import create_app
    from spinlens.web.state import Settings

    analyzer = build_analyzer(layers, model_dir=model_dir)
    store = open_store(db)
    settings = Settings(db=db, max_body_bytes=max_body, workers=workers, queue=queue, timeout=timeout)
    app = create_app(settings, analyzer=analyzer, store=store)
    click.echo(f"spinlens: serving {store.display} on http://{host}:{port}/", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
