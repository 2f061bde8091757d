"""The page's language and each comment's, detected with lingua (ISO 639-1, or None)."""

from __future__ import annotations

import re
from typing import Any

from presslens import settings
from presslens.document import Document

#: languages told apart; each one added costs detection time on every page, so the set stays
#: to those common in the news we read (lingua's all-languages mode is about 5x slower)
LANGUAGE_NAMES = (
    "ENGLISH", "FRENCH", "GERMAN", "SPANISH", "ITALIAN", "PORTUGUESE", "DUTCH", "POLISH",
    "RUSSIAN", "UKRAINIAN", "ARABIC", "TURKISH", "CHINESE", "JAPANESE",
)
#: comments shorter than this are not worth a guess
MIN_COMMENT_WORDS = 3
MIN_COMMENT_LETTERS = 15
#: the top language must hold this share of lingua's confidence for a comment to get it
MIN_COMMENT_CONFIDENCE = 0.5
#: lingua's time grows with text length; a comment's first characters say enough
COMMENT_SAMPLE_CHARS = 150

# links, handles and mail addresses read as English to any detector
#: a page whose first characters give one language this confidence needs no longer sample
QUICK_SAMPLE_CHARS = 400
QUICK_CONFIDENCE = 0.99

_NOISE = re.compile(r"https?://\S+|www\.\S+|\S+@\S+|[@#]\w+")
# every _NOISE match holds one of these; most samples hold none, and the search for
# "\S+@\S+" tries each word's every prefix
_NOISE_HINTS = ("http", "www.", "@", "#")
_LETTER = re.compile(r"[^\W\d_]")

_detector: Any = None


def detector() -> Any:
    """The lingua detector, built once per process (low-accuracy mode: trigrams, fast to load)."""
    global _detector
    if _detector is None:
        from lingua import Language, LanguageDetectorBuilder

        languages = [getattr(Language, name) for name in LANGUAGE_NAMES]
        _detector = (LanguageDetectorBuilder.from_languages(*languages)
                     .with_low_accuracy_mode()
                     .with_preloaded_language_models()
                     .build())
    return _detector


class LanguageStep:
    """Sets `doc.language` from the body and `language` on every comment."""

    name = "language"
    requires = ("body", "comments")
    provides = ("language", "comments")

    def __init__(self, overrides: dict[str, int | float] | None = None) -> None:
        self.sample_chars = int(settings.get("language_sample_chars", overrides))

    def __call__(self, doc: Document) -> None:
        source = doc.body if doc.body and doc.body.strip() else doc.text
        doc.language = detect_page_language(source, self.sample_chars)
        for comment in doc.comments:
            comment.language = detect_comment_language(comment.text)
        doc.comments = doc.comments  # marks the field as provided


def detect_page_language(text: str, sample_chars: int = 1500) -> str | None:
    """ISO 639-1 code of the language `text` is mostly written in, or None."""
    sample = _clean_sample(text or "", sample_chars)
    if len(_LETTER.findall(sample[:200])) < 3:
        return None
    # lingua's time grows with length: a short head settles most pages, the whole sample the rest
    if len(sample) > 2 * QUICK_SAMPLE_CHARS:
        values = detector().compute_language_confidence_values(
            _clean_sample(sample, QUICK_SAMPLE_CHARS))
        if values and values[0].value >= QUICK_CONFIDENCE:
            return _iso(values[0].language)
    return _iso(detector().detect_language_of(sample))


def detect_comment_language(text: str) -> str | None:
    """Language of a comment, or None when it is too short, emoji-only or uncertain."""
    sample = _clean_sample(text or "", COMMENT_SAMPLE_CHARS)
    words = [w for w in sample.split() if _LETTER.search(w)]
    if len(words) < MIN_COMMENT_WORDS and not _is_cjk(sample):
        return None
    if len(_LETTER.findall(sample)) < (5 if _is_cjk(sample) else MIN_COMMENT_LETTERS):
        return None
    values = detector().compute_language_confidence_values(sample)
    if not values or values[0].value < MIN_COMMENT_CONFIDENCE:
        return None
    return _iso(values[0].language)


def _clean_sample(text: str, limit: int) -> str:
    sample = text[: limit + 200]
    if any(hint in sample for hint in _NOISE_HINTS):
        sample = _NOISE.sub(" ", sample)
    if len(sample) > limit:
        # cut at a space so the last word is not a misleading fragment
        cut = sample.rfind(" ", 0, limit)
        sample = sample[: cut if cut > limit // 2 else limit]
    return sample


def _is_cjk(text: str) -> bool:
    """Chinese and Japanese are written without spaces, so word counts do not apply."""
    return any("\u3040" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af" for ch in text[:50])


def _iso(language: Any) -> str | None:
    return language.iso_code_639_1.name.lower() if language is not None else None
