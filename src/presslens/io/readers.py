"""Inputs to pages: files, directories, stdin, JSONL exports and WARC archives.

`iter_pages` never raises on what it reads: a page it cannot produce comes back as a RawPage
with `error` set, and `load_document` turns that into a PageError for the runner to record.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import sys
import zlib
from pathlib import Path
from typing import Any, BinaryIO, Iterator

from presslens import settings
from presslens.document import Document
from presslens.errors import Errors, PageError, Warnings
from presslens.io.encoding import decode_bytes, sniff_bom
from presslens.io.raw import RawPage

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
WARC_SUFFIXES = frozenset({".warc"})

#: JSONL fields holding the page, most useful first (HTML carries metadata and comments)
JSONL_CONTENT_FIELDS = (("html", "html"), ("raw_html", "html"), ("text", "text"),
                        ("content", None))
#: JSONL fields copied to RawPage.meta, under the name presslens uses
JSONL_META_FIELDS = (("title", "title"), ("published", "published"), ("date", "published"),
                     ("author", "author"), ("outlet", "outlet"), ("sitename", "outlet"))

WARC_PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")

GZIP_MAGIC = b"\x1f\x8b"
_CHUNK = 1 << 16

# magic numbers of formats people drop into page folders by mistake
_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG", "PNG image"), (b"%PDF-", "PDF"), (b"PK\x03\x04", "ZIP archive"),
    (b"\x7fELF", "ELF executable"), (b"GIF8", "GIF image"), (b"\xff\xd8\xff", "JPEG image"),
    (GZIP_MAGIC, "gzip data"), (b"7z\xbc\xaf", "7z archive"), (b"BZh", "bzip2 data"),
    (b"\xfd7zXZ\x00", "xz data"), (b"RIFF", "RIFF media"), (b"OggS", "Ogg media"),
    (b"\x00\x00\x01\x00", "icon"), (b"MZ", "Windows executable"),
)
_BINARY_SAMPLE = 8192
_CONTROL_SHARE = 0.1  # real text has almost no C0 controls besides tab, newlines, form feed
_CONTROL_BYTES = bytes(sorted(frozenset(range(32)) - {9, 10, 11, 12, 13, 27}))
_CONTROL_CHARS = re.compile("[" + re.escape(_CONTROL_BYTES.decode("ascii")) + "]")

_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?/?>")
_HTML_START = re.compile(r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]"
                         r"|head[\s>]|body[\s>])", re.I | re.S)
_HTML_MIN_TAGS = 5


# ---------------------------------------------------------------- iterating inputs


def iter_pages(inputs: list[str], overrides: dict | None = None) -> Iterator[RawPage]:
    """Pages from paths, directories (recursive, sorted, hidden skipped) and "-" (stdin), lazily."""
    for item in inputs:
        if item == "-":
            yield _read_stdin(overrides)
            continue
        path = Path(item)
        if path.is_dir():
            for file in _walk(path):
                yield from _read_path(file, overrides)
        elif path.exists():
            yield from _read_path(path, overrides)
        else:
            yield RawPage(source=item, data=b"", error=Errors.P040.format(path=item))


def _walk(root: Path) -> Iterator[Path]:
    # os.walk does not follow directory symlinks, so a link loop cannot trap us
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(folder, name)


def _read_path(path: Path, overrides: dict | None) -> Iterator[RawPage]:
    suffixes = _suffixes(path)
    try:
        if suffixes & JSONL_SUFFIXES:
            yield from _read_jsonl(path, overrides)
        elif suffixes & WARC_SUFFIXES:
            yield from _read_warc(path, overrides)
        else:
            yield _read_file(path, suffixes, overrides)
    except (OSError, EOFError, zlib.error) as exc:  # unreadable, or a stream cut mid-way
        yield RawPage(source=str(path), data=b"", error=Errors.P001.format(reason=exc))


def _suffixes(path: Path) -> set[str]:
    """The page-kind suffixes of a file name, looking through a trailing .gz."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return set(suffixes[-1:])


def _read_file(path: Path, suffixes: set[str], overrides: dict | None) -> RawPage:
    source = str(path)
    size = path.stat().st_size
    limit = int(settings.get("max_input_bytes", overrides))
    if size > limit:  # refused before reading a byte
        return RawPage(source=source, data=b"", error=Errors.P003.format(size=size, limit=limit))
    data = path.read_bytes()
    data, error = _maybe_gunzip(data, overrides)
    if error:
        return RawPage(source=source, data=b"", error=error)
    media_type = "html" if suffixes & HTML_SUFFIXES else sniff_media_type(data)
    return RawPage(source=source, data=data, media_type=media_type)


def _read_stdin(overrides: dict | None) -> RawPage:
    limit = int(settings.get("max_input_bytes", overrides))
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # a text stream put in place of stdin (tests, notebooks)
        text = sys.stdin.read()
        return RawPage(source="<stdin>", data=text, media_type=sniff_media_type(text))
    data, size = _read_capped(stream, limit)
    if size > limit:
        return RawPage(source="<stdin>", data=b"", error=Errors.P003.format(size=size, limit=limit))
    data, error = _maybe_gunzip(data, overrides)
    if error:
        return RawPage(source="<stdin>", data=b"", error=error)
    return RawPage(source="<stdin>", data=data, media_type=sniff_media_type(data))


def _read_capped(stream: BinaryIO, limit: int) -> tuple[bytes, int]:
    """Up to `limit` bytes, and the stream's full size (the rest is counted, not kept)."""
    data = stream.read(limit + 1)
    size = len(data)
    if size <= limit:
        return data, size
    while chunk := stream.read(_CHUNK):
        size += len(chunk)
    return b"", size


# ---------------------------------------------------------------- decompression


def _maybe_gunzip(data: bytes, overrides: dict | None) -> tuple[bytes, str | None]:
    """`data` decompressed when it is gzip (by its magic, not its name); or an error."""
    if not data.startswith(GZIP_MAGIC):
        return data, None
    limit = int(settings.get("max_decompressed_bytes", overrides))
    try:
        return gunzip_capped(data, limit), None
    except PageError as exc:
        return b"", exc.reason
    except (OSError, EOFError, zlib.error) as exc:
        return b"", Errors.P001.format(reason=f"broken gzip data ({exc})")


def gunzip_capped(data: bytes, limit: int) -> bytes:
    """Decompress gzip `data` (all members), stopping with P005 once past `limit` bytes."""
    out = bytearray()
    while data:
        # wbits 16+MAX_WBITS: gzip header; a fresh object per member handles concatenated gzip
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        pending = data
        while pending:
            out += inflater.decompress(pending, limit + 1 - len(out))
            if len(out) > limit:
                raise PageError(Errors.P005.format(limit=limit))
            pending = inflater.unconsumed_tail
            if inflater.eof:
                break
        if not inflater.eof:
            raise EOFError("compressed data ended before the end-of-stream marker")
        data = inflater.unused_data.lstrip(b"\x00")  # padding after a member is allowed
    return bytes(out)


# ---------------------------------------------------------------- JSONL


def _read_jsonl(path: Path, overrides: dict | None) -> Iterator[RawPage]:
    limit = int(settings.get("max_input_bytes", overrides))
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    with opener(path, "rb") as stream:
        number = 0
        while True:
            line, size = _read_line(stream, limit)
            if not size:
                return
            number += 1
            source = f"{path}#line={number}"
            if size > limit:
                error = Errors.P006.format(line=number, reason=Errors.P003.format(
                    size=size, limit=limit))
                yield RawPage(source=source, data=b"", error=error)
            elif line.strip():
                yield jsonl_page(line, source, number)


def _read_line(stream: BinaryIO, limit: int) -> tuple[bytes, int]:
    """The next line (up to `limit` bytes kept) and its full length; (b"", 0) at the end."""
    line = stream.readline(limit + 1)
    size = len(line)
    if size <= limit or line.endswith(b"\n"):
        return line, size
    while True:  # too long: count the rest of the line without keeping it
        rest = stream.readline(_CHUNK)
        size += len(rest)
        if not rest or rest.endswith(b"\n"):
            return b"", size


def jsonl_page(line: bytes | str, source: str, number: int) -> RawPage:
    """One JSONL record as a page; a bad record gives a RawPage with a P006 error."""
    def failed(reason: str) -> RawPage:
        return RawPage(source=source, data=b"", error=Errors.P006.format(line=number, reason=reason))

    if isinstance(line, bytes):
        line, _, _ = decode_bytes(line)
    try:
        record = json.loads(line)
    except ValueError as exc:
        return failed(f"not valid JSON ({exc})")
    if not isinstance(record, dict):
        return failed(f"expected a JSON object, got {type(record).__name__}")
    for name, media_type in JSONL_CONTENT_FIELDS:
        content = record.get(name)
        if content is None:
            continue
        if not isinstance(content, str):
            return failed(f"field {name!r} must be a string, not {type(content).__name__}")
        url = record.get("url") if isinstance(record.get("url"), str) else None
        return RawPage(source=source, data=content,
                       media_type=media_type or sniff_media_type(content),
                       url=url or None, meta=_jsonl_meta(record))
    fields = ", ".join(name for name, _ in JSONL_CONTENT_FIELDS)
    return failed(f"no page content: expected one of the fields {fields}")


def _jsonl_meta(record: dict[str, Any]) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    for field, name in JSONL_META_FIELDS:
        value = record.get(field)
        if value not in (None, "", []) and name not in meta:
            meta[name] = value
    return meta


# ---------------------------------------------------------------- WARC


def _read_warc(path: Path, overrides: dict | None) -> Iterator[RawPage]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    limit = int(settings.get("max_input_bytes", overrides))
    unpacked_limit = int(settings.get("max_decompressed_bytes", overrides))
    number = 0
    with open(path, "rb") as stream:
        try:
            # warcio reads plain and gzip-per-record WARC alike
            for number, record in enumerate(ArchiveIterator(stream), start=1):
                page = _warc_page(record, f"{path}#record={number}", number, limit,
                                  unpacked_limit)
                if page is not None:
                    yield page
        except (ArchiveLoadFailed, ValueError, EOFError, zlib.error) as exc:
            source = f"{path}#record={number + 1}"
            yield RawPage(source=source, data=b"",
                          error=Errors.P007.format(record=number + 1, reason=exc))


def _warc_page(record: Any, source: str, number: int, limit: int,
               unpacked_limit: int) -> RawPage | None:
    """The page in one WARC record; None for records that are not HTML or text responses."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    media = content_type.split(";")[0].strip()
    if media not in WARC_PAGE_TYPES:
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    if record.length and record.length > limit:  # refused before reading the payload
        error = Errors.P007.format(record=number, reason=Errors.P003.format(
            size=record.length, limit=limit))
        return RawPage(source=source, data=b"", url=url, error=error)
    # content_stream undoes chunking and Content-Encoding, so it is capped separately
    data = record.content_stream().read(unpacked_limit + 1)
    if len(data) > unpacked_limit:
        error = Errors.P007.format(record=number, reason=Errors.P005.format(limit=unpacked_limit))
        return RawPage(source=source, data=b"", url=url, error=error)
    media_type = "text" if media == "text/plain" else "html"
    return RawPage(source=source, data=data, media_type=media_type, url=url)


# ---------------------------------------------------------------- sniffing


def sniff_media_type(data: bytes | str) -> str:
    """"html" when the page starts like HTML or is full of tags, else "text"."""
    head = _head_text(data)
    if _HTML_START.match(head):
        return "html"
    tags = _TAG.findall(head)
    closing = sum(1 for tag in tags if tag.startswith("</"))
    return "html" if len(tags) >= _HTML_MIN_TAGS and closing else "text"


def _head_text(data: bytes | str, size: int = 4096) -> str:
    if isinstance(data, str):
        return data[:size].lstrip("\ufeff")
    codec = sniff_bom(data)
    # latin-1 maps every byte, so an ASCII-compatible head is readable whatever its encoding
    return data[:size].decode(codec or "latin-1", errors="ignore").lstrip("\ufeff")


def binary_reason(data: bytes) -> str | None:
    """Why `data` looks like a binary file rather than a page; None when it looks like text."""
    for magic, name in _BINARY_MAGIC:
        if data.startswith(magic):
            return f"starts like a {name}"
    if sniff_bom(data) in ("utf-16", "utf-32"):
        return None  # NUL bytes are normal there
    sample = data[:_BINARY_SAMPLE]
    if b"\x00" in sample:
        return "contains NUL bytes"
    # counted by deleting them in C: this runs on every page, so no Python loop
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls > _CONTROL_SHARE * len(sample):
        return f"{controls} of its first {len(sample)} bytes are control characters"
    return None


def _binary_text_reason(text: str) -> str | None:
    sample = text[:_BINARY_SAMPLE]
    if "\x00" in sample:
        return "contains NUL characters"
    controls = len(_CONTROL_CHARS.findall(sample))
    if controls > _CONTROL_SHARE * len(sample):
        return f"{controls} of its first {len(sample)} characters are control characters"
    return None


# ---------------------------------------------------------------- documents


def load_document(raw: RawPage, overrides: dict | None = None) -> Document:
    """Decode and check one page and build its Document; a page that cannot be read raises PageError."""
    if raw.error:
        raise PageError(raw.error)
    text, encoding, warnings = _decode(raw, overrides)
    if not text.strip():
        raise PageError(Errors.P002)
    limit = int(settings.get("max_text_chars", overrides))
    if len(text) > limit:
        raise PageError(Errors.P008.format(size=len(text), limit=limit))
    # the id is the input's, not the text's: the same bytes always give the same id
    doc_id = page_id(raw.data)
    if raw.media_type == "html":
        doc = _html_document(text, raw, doc_id, warnings, limit)
    else:
        doc = Document(text, source=raw.source, id=doc_id, media_type="text", url=raw.url)
        for warning in warnings:
            doc.warn(warning)
    doc.hints["meta"] = dict(raw.meta)
    doc.hints["encoding"] = encoding
    return doc


def page_id(data: bytes | str) -> str:
    """First 16 hex digits of the SHA-256 of the input as read (str: its UTF-8)."""
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()[:16]


def _decode(raw: RawPage, overrides: dict | None) -> tuple[str, str, list[str]]:
    data = raw.data
    if isinstance(data, str):
        reason = _binary_text_reason(data)
        if reason:
            raise PageError(Errors.P004.format(detail=reason))
        return data.removeprefix("\ufeff"), "utf-8", []
    if not isinstance(data, (bytes, bytearray)):
        raise TypeError(f"RawPage.data must be bytes or str, not {type(data).__name__}")
    limit = int(settings.get("max_input_bytes", overrides))
    if len(data) > limit:
        raise PageError(Errors.P003.format(size=len(data), limit=limit))
    if not data.strip():
        raise PageError(Errors.P002)
    reason = binary_reason(data)
    if reason:
        raise PageError(Errors.P004.format(detail=reason))
    return decode_bytes(bytes(data))


def _html_document(markup: str, raw: RawPage, doc_id: str, warnings: list[str],
                   limit: int) -> Document:
    from presslens.io.html import extract_hints, parse_page, render_tree

    tree, problems = parse_page(markup)
    if tree is None:
        text, hints = "", {}
    else:
        text = render_tree(tree)
        hints = extract_hints(tree, raw.url)
    if not text.strip():
        raise PageError(Errors.P002)
    if len(text) > limit:
        raise PageError(Errors.P008.format(size=len(text), limit=limit))
    url = raw.url or hints["html_meta"].get("url")
    doc = Document(text, source=raw.source, id=doc_id, media_type="html", url=url, hints=hints)
    for warning in warnings:
        doc.warn(warning)
    for problem in problems:
        doc.warn(Warnings.W002.format(detail=problem))
    return doc
