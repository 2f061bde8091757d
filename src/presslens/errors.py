"""Every error and warning presslens raises, with a code, in one place.

Templates say what went wrong, why, and how to fix it; they are filled where raised:
``PageError(Errors.P003.format(size=..., limit=...))``.
"""

from __future__ import annotations


class _Code(str):
    """A message template whose text starts with its code, e.g. ``[P003] ...``."""

    def __new__(cls, code: str, template: str) -> "_Code":
        return super().__new__(cls, f"[{code}] {template}")


class Errors:
    # reading input
    P001 = _Code("P001", "cannot read input: {reason}")
    P002 = _Code("P002", "input is empty")
    P003 = _Code("P003", "input is {size:,} bytes, over the limit of {limit:,} (setting "
                         "max_input_bytes); split the page or raise the limit")
    P004 = _Code("P004", "input looks binary ({detail}), not a text, HTML, JSONL or WARC page")
    P005 = _Code("P005", "decompressed input is over {limit:,} bytes (setting "
                         "max_decompressed_bytes)")
    P006 = _Code("P006", "JSONL line {line}: {reason}")
    P007 = _Code("P007", "WARC record {record}: {reason}")
    P008 = _Code("P008", "text is {size:,} characters, over the limit of {limit:,} (setting "
                         "max_text_chars)")
    P009 = _Code("P009", "page took over {seconds} s (setting page_timeout_seconds)")
    # document model
    P010 = _Code("P010", "unknown segment label {label!r}; valid labels: {labels}")
    P011 = _Code("P011", "span [{start}, {end}) lies outside the text of length {length}")
    # pipeline
    P020 = _Code("P020", "unknown step {name!r}; available steps: {available}")
    P021 = _Code("P021", "step {name!r} requires {field!r}, which no earlier step provides; "
                         "providers: {providers}")
    P022 = _Code("P022", "step {name!r} did not set {field!r}, which it declares in provides")
    P023 = _Code("P023", "step {name!r} failed: {reason}")
    P024 = _Code("P024", "a step named {name!r} is already registered ({existing})")
    # models and resources
    P030 = _Code("P030", "model {name!r} not found at {path}; reinstall presslens or retrain "
                         "with training/{script}")
    P031 = _Code("P031", "model {name!r} was trained on other features than this presslens "
                         "computes ({detail}); retrain it with training/{script}")
    P032 = _Code("P032", "cannot read outlet registry {path}: {reason}")
    # usage
    P040 = _Code("P040", "no such file or directory: {path}")
    P041 = _Code("P041", "unknown output format {fmt!r}; valid formats: {formats}")


class Warnings:
    W001 = _Code("W001", "undecodable bytes replaced while decoding as {encoding}")
    W002 = _Code("W002", "HTML looks truncated or malformed: {detail}")
    W003 = _Code("W003", "trafilatura found no main text; lines were classified instead")
    W004 = _Code("W004", "encoding detected as {encoding} (not UTF-8)")
    W005 = _Code("W005", "UTF-8 with {count} stray bytes that are not; read them as windows-1252")


class PresslensError(Exception):
    """Base class for presslens errors."""


class PageError(PresslensError):
    """A page that cannot be processed; the runner records it and goes on."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class UsageError(PresslensError):
    """Bad command-line or API usage; exit status 2."""
