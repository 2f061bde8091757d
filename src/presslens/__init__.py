"""presslens: turn scraped news pages into structured, evidence-carrying records."""

from __future__ import annotations

import logging
from typing import Any, Sequence

from presslens.document import Comment, Document, Segment
from presslens.errors import PageError, PresslensError
from presslens.pipeline import DEFAULT_STEPS, Pipeline, register_step

__all__ = ["analyze", "Pipeline", "Document", "Segment", "Comment", "PageError",
           "PresslensError", "register_step", "__version__"]
__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())

_default_pipeline: Pipeline | None = None


def analyze(page: str | bytes, *, html: bool | None = None, source: str = "<string>",
            url: str | None = None, steps: Sequence[str] | None = None,
            overrides: dict[str, Any] | None = None) -> Document:
    """Analyse one page given as text, HTML or bytes; raises PageError if it cannot be read."""
    from presslens.io.raw import RawPage
    from presslens.io.readers import load_document, sniff_media_type

    global _default_pipeline
    if html is None:
        media_type = sniff_media_type(page)
    else:
        media_type = "html" if html else "text"
    doc = load_document(RawPage(source, page, media_type, url=url), overrides)
    if steps is None:
        if _default_pipeline is None:
            _default_pipeline = Pipeline(DEFAULT_STEPS)
        pipeline = _default_pipeline
    else:
        pipeline = Pipeline(steps)
    return pipeline(doc)
