"""HTML to text: the visible text in reading order, and trafilatura's extraction."""

from __future__ import annotations

import logging
import unicodedata
from copy import deepcopy
from typing import Any

from inscriptis import Inscriptis
from inscriptis.css_profiles import CSS_PROFILES
from inscriptis.model.config import ParserConfig
from lxml import html as lxml_html

_RENDER_CONFIG = ParserConfig(css=CSS_PROFILES["strict"], display_images=False,
                              display_links=False, display_anchors=False)

#: the options trafilatura's own evaluation runs with (its README, tests/evaluate.py)
TRAFILATURA_OPTIONS: dict[str, Any] = {
    "fast": False, "include_comments": False, "include_tables": True,
    "include_formatting": False,
}

META_KEYS = ("title", "author", "date", "sitename", "url")

#: a main text shorter than this (in words) is an extraction that missed the article (a caption,
#: a teaser): the page is then left to the line model, as when trafilatura finds nothing
MIN_MAIN_WORDS = 25

# libxml2 reports a mismatched end tag on a third of real news pages; it says nothing about
# whether the page is whole, so it does not earn a warning
_HARMLESS_PARSE_ERRORS = frozenset({"ERR_TAG_NAME_MISMATCH"})

# a cheap look at the raw tree before paying for trafilatura's comment search
_COMMENTS_HINT = ("//*[contains(@id, 'omment') or contains(@class, 'omment') "
                  "or @id='disqus_thread' or @id='dsq-comments']")

log = logging.getLogger(__name__)


def _page_parser() -> lxml_html.HTMLParser:
    # the settings trafilatura parses with, so extraction sees the tree it expects; one
    # parser per call because a parser's error log is per parse and not thread-safe
    return lxml_html.HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8",
                                remove_comments=True, remove_pis=True)


def parse_html(markup: str) -> lxml_html.HtmlElement | None:
    """Parse markup leniently; None when there is nothing to parse."""
    if not markup.strip():
        return None
    try:
        return lxml_html.fromstring(markup)
    except ValueError:
        # lxml refuses str that carries an XML encoding declaration; bytes are fine
        return _parse_bytes(markup)
    except Exception:  # lxml raises several types on hopeless input
        return None


def _parse_bytes(markup: str) -> lxml_html.HtmlElement | None:
    try:
        return lxml_html.fromstring(markup.encode("utf-8", "surrogatepass"),
                                    parser=_page_parser())
    except Exception:
        return None


def parse_page(markup: str) -> tuple[lxml_html.HtmlElement | None, list[str]]:
    """Parse a whole page once: (tree or None, problems that suggest it is cut or broken)."""
    if not markup.strip():
        return None, []
    parser = _page_parser()
    try:
        # bytes, not str: lxml rejects str with an encoding declaration, and the
        # parser's fixed utf-8 overrides any <meta charset> (the text is decoded already)
        tree = lxml_html.document_fromstring(markup.encode("utf-8", "surrogatepass"),
                                             parser=parser)
    except Exception as exc:  # lxml raises ParserError on pages with no elements at all
        return None, [f"lxml could not parse the page ({exc})"]
    return tree, _problems(markup, parser)


def _problems(markup: str, parser: lxml_html.HTMLParser) -> list[str]:
    problems = []
    errors = [e for e in parser.error_log if e.type_name not in _HARMLESS_PARSE_ERRORS]
    if errors:
        first = errors[0]
        problems.append(f"lxml reported {len(errors)} problem(s), first at line {first.line}: "
                        f"{first.message.strip()}")
    tail = markup[-2048:].lower()
    if "</html" not in tail and "</body" not in tail:
        problems.append("no closing </html> or </body> tag; the page may be cut")
    return problems


def render_tree(tree: lxml_html.HtmlElement) -> str:
    """The visible text of a parsed page, laid out line by line as a browser would."""
    return Inscriptis(tree, _RENDER_CONFIG).get_text()


def render_html(markup: str) -> str:
    """The visible text of an HTML page, laid out line by line as a browser would."""
    tree = parse_html(markup)
    return render_tree(tree) if tree is not None else ""


def extract_hints(tree: lxml_html.HtmlElement, url: str | None = None) -> dict[str, Any]:
    """trafilatura's reading of a parsed page: html_main, html_comments, html_meta.

    The tree is left as it was (trafilatura works on copies).
    """
    # imported here: trafilatura is heavy and only HTML pages need it
    import trafilatura

    result = None
    try:
        result = trafilatura.bare_extraction(tree, url=url, with_metadata=True,
                                             **TRAFILATURA_OPTIONS)
    except Exception as exc:  # an extractor bug on one odd page must not fail the page
        log.debug("trafilatura failed on %s: %s", url, exc)
    if result is None:
        # no main text; the metadata is still worth having
        result = _metadata_only(tree, url)
        main = None
    else:
        main = _clean_main(result.text)
    return {
        "html_main": main,
        "html_comments": extract_comments(tree),
        "html_meta": {key: getattr(result, key, None) or None for key in META_KEYS},
    }


def _clean_main(text: str | None) -> str | None:
    # what trafilatura.extract() returns for the same page: NFC, stripped
    if not text or len(text.split()) < MIN_MAIN_WORDS:
        return None
    return unicodedata.normalize("NFC", text).strip()


def _metadata_only(tree: lxml_html.HtmlElement, url: str | None) -> Any:
    from trafilatura.metadata import extract_metadata

    try:
        # extract_metadata prunes the tree it is given, so it gets a copy
        return extract_metadata(deepcopy(tree), default_url=url)
    except Exception as exc:
        log.debug("trafilatura metadata failed on %s: %s", url, exc)
        return None


def extract_comments(tree: lxml_html.HtmlElement) -> str | None:
    """The reader comments trafilatura finds on a page, as text; None when there are none."""
    sections = _comment_sections(tree)
    if sections is None:
        return None
    try:
        # trafilatura only extracts comments in a run that also changes the main text,
        # so its comment finder is called on its own, on a tree prepared as it would be
        from trafilatura.htmlprocessing import convert_tags, tree_cleaning
        from trafilatura.main_extractor import extract_comments as find_comments
        from trafilatura.settings import Extractor
        from trafilatura.xml import xmltotxt

        options = Extractor(comments=True, tables=True, formatting=False)
        cleaned = convert_tags(tree_cleaning(sections, options), options)
        comments_body, _, _ = find_comments(cleaned, options)
        text = xmltotxt(comments_body, False)
    except Exception as exc:  # internal API: a changed trafilatura means no comments, not a crash
        log.debug("trafilatura comment search failed: %s", exc)
        return None
    return unicodedata.normalize("NFC", text).strip() or None


def _comment_sections(tree: lxml_html.HtmlElement) -> lxml_html.HtmlElement | None:
    """A small page holding copies of the outermost comment-like elements; None if none."""
    found = tree.xpath(_COMMENTS_HINT)
    if not found:
        return None
    matched = set(found)
    # cleaning a copy of the whole page costs more than the comment search itself
    page = lxml_html.Element("html")
    body = lxml_html.etree.SubElement(page, "body")
    for element in found:
        if not any(parent in matched for parent in element.iterancestors()):
            copied = deepcopy(element)
            copied.tail = None
            body.append(copied)
    return page
