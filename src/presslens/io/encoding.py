"""Bytes to text without ever failing: BOM, UTF-8 (stray bytes repaired), a declared charset,
charset-normalizer, replace."""

from __future__ import annotations

import codecs
import re

from presslens.errors import Warnings

# UTF-32 LE must be tried before UTF-16 LE: its BOM starts with the UTF-16 LE BOM.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: bytes of a page that charset-normalizer looks at; enough to tell, cheap on big pages
DETECTION_SAMPLE_BYTES = 64 * 1024

# <meta charset="x">, <meta http-equiv content="text/html; charset=x">, <?xml encoding="x"?>;
# only inside those tags, so that plain text mentioning "charset=" is not taken at its word
_DECLARED = re.compile(
    rb"""<(?:meta[^>]{0,300}?charset|\?xml[^>]{0,100}?encoding)\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""",
    re.I)

# Browsers read these labels as windows-1252 (WHATWG Encoding Standard), and pages rely on it.
_WINDOWS_1252_ALIASES = {"ascii", "us-ascii", "latin-1", "latin1", "iso-8859-1", "iso8859-1",
                         "l1", "cp819", "ibm819"}


# a well-formed UTF-8 sequence of two to four bytes (ASCII says nothing about the encoding)
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
# what decoding with errors="surrogateescape" makes of a byte that is not UTF-8
_STRAY = re.compile("[\udc80-\udcff]+")
#: UTF-8 sequences per stray byte from which a page counts as UTF-8 with a few foreign bytes
MIXED_UTF8_RATIO = 4


def sniff_bom(data: bytes) -> str | None:
    """The Python codec named by a byte-order mark at the start of `data`, if any."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec
    return None


def decode_bytes(data: bytes) -> tuple[str, str, list[str]]:
    """Decode page bytes: (text, encoding name, warnings). Never raises on any bytes."""
    bom_codec = sniff_bom(data)
    if bom_codec:
        return _decode_with_bom(data, bom_codec)
    try:
        # the common case, and the cheap one: no detection at all
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    mixed = _mostly_utf8(data)
    if mixed is not None:
        text, stray = mixed
        return text, "utf-8", [Warnings.W005.format(count=stray)]
    for codec in _candidates(data):
        try:
            text = data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        return text, codec, [Warnings.W004.format(encoding=codec)]
    return (data.decode("utf-8", errors="replace"), "utf-8",
            [Warnings.W001.format(encoding="utf-8")])


def _mostly_utf8(data: bytes) -> tuple[str, int] | None:
    """(text, number of stray bytes) when `data` is UTF-8 but for a few bytes, else None.

    Pages built from a UTF-8 template with a snippet from a windows-1252 source (or a
    database that stored one record in Latin-1) are common. Whole-page detection reads
    them as some 8-bit code page and garbles every accented letter ("schÃ¶n", "schﺣﭘn");
    the many well-formed UTF-8 sequences say what the page is. Legacy CJK encodings also
    hold such sequences by chance, but far fewer than bytes that are not UTF-8.
    """
    text = data.decode("utf-8", errors="surrogateescape")
    stray = sum(map(len, _STRAY.findall(text)))
    if stray * MIXED_UTF8_RATIO > sum(1 for _ in _UTF8_SEQUENCE.finditer(data)):
        return None
    return _STRAY.sub(_as_windows_1252, text), stray


def _as_windows_1252(match: re.Match[str]) -> str:
    raw = bytes(ord(ch) - 0xDC00 for ch in match.group())
    return raw.decode("cp1252", errors="replace")


def _decode_with_bom(data: bytes, codec: str) -> tuple[str, str, list[str]]:
    # the utf-16/utf-32/utf-8-sig codecs consume the BOM themselves
    warnings = [] if codec == "utf-8-sig" else [Warnings.W004.format(encoding=codec)]
    try:
        return data.decode(codec), codec, warnings
    except UnicodeDecodeError:
        warnings.append(Warnings.W001.format(encoding=codec))
        return data.decode(codec, errors="replace"), codec, warnings


def _candidates(data: bytes) -> list[str]:
    """Codecs to try, most trusted first: the page's own declaration, then detection."""
    found: list[str] = []
    declared = declared_charset(data[:4096])
    if declared:
        found.append(declared)
    for codec in _detect(data[:DETECTION_SAMPLE_BYTES]):
        if codec not in found:
            found.append(codec)
    return found


def declared_charset(head: bytes) -> str | None:
    """The charset a page declares in its first bytes, as a Python codec name (not UTF-8)."""
    match = _DECLARED.search(head)
    if not match:
        return None
    label = match.group(1).decode("ascii").lower()
    if label in _WINDOWS_1252_ALIASES:
        return "cp1252"
    try:
        codec = codecs.lookup(label).name
    except LookupError:
        return None
    # UTF-8 already failed; a page that says utf-8 but is not is left to detection
    return None if codec in ("utf-8", "utf-16", "utf-32") else codec


def _detect(sample: bytes) -> list[str]:
    """Codecs charset-normalizer finds plausible, best first, windows-1252 winning ties."""
    # imported here: charset-normalizer is only needed for the rare non-UTF-8 page
    from charset_normalizer import from_bytes

    try:
        matches = list(from_bytes(sample))
    except Exception:  # detection is a guess; a detector bug must not fail the page
        return []
    # Short Western European texts often score the same in cp1250 and cp1252; the web is
    # far more often cp1252, so equal scores go to the match that decodes as cp1252.
    matches.sort(key=lambda m: (round(m.chaos, 3), -round(m.coherence, 3),
                                "cp1252" not in m.could_be_from_charset))
    found = []
    for match in matches:
        name = "cp1252" if "cp1252" in match.could_be_from_charset else match.encoding
        try:
            found.append(codecs.lookup(name).name)
        except LookupError:
            continue
    return found
