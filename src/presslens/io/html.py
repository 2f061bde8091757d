"""HTML to text: the visible text in reading order, and trafilatura's extraction."""

from __future__ import annotations

from inscriptis import Inscriptis
from inscriptis.css_profiles import CSS_PROFILES
from inscriptis.model.config import ParserConfig
from lxml import html as lxml_html

_RENDER_CONFIG = ParserConfig(css=CSS_PROFILES["strict"], display_images=False,
                              display_links=False, display_anchors=False)


def parse_html(markup: str) -> lxml_html.HtmlElement | None:
    """Parse markup leniently; None when there is nothing to parse."""
    if not markup.strip():
        return None
    try:
        return lxml_html.fromstring(markup)
    except Exception:  # lxml raises several types on hopeless input
        return None


def render_tree(tree: lxml_html.HtmlElement) -> str:
    """The visible text of a parsed page, laid out line by line as a browser would."""
    return Inscriptis(tree, _RENDER_CONFIG).get_text()


def render_html(markup: str) -> str:
    """The visible text of an HTML page, laid out line by line as a browser would."""
    tree = parse_html(markup)
    return render_tree(tree) if tree is not None else ""
