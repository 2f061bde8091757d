"""decode_bytes: BOMs, UTF-8 first, detection of legacy encodings, never raising."""

import codecs
import os
import random

import pytest

from presslens.io.encoding import decode_bytes, declared_charset

FRENCH = ("Le général a déclaré que l'été serait chaud, près de la forêt. "
          "Où êtes-vous allés ? Ça coûte très cher à Noël, dit la mère.")


def test_utf8_is_taken_as_is_with_no_warning():
    text = "Zoë said «hello»\r\nand left.\n"
    assert decode_bytes(text.encode("utf-8")) == (text, "utf-8", [])


def test_utf8_bom_is_removed_and_nothing_else_changes():
    text, encoding, warnings = decode_bytes(codecs.BOM_UTF8 + "a\r\nb".encode())
    assert (text, encoding, warnings) == ("a\r\nb", "utf-8-sig", [])


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_boms(codec):
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE,
           "utf-32-le": codecs.BOM_UTF32_LE, "utf-32-be": codecs.BOM_UTF32_BE}[codec]
    text, encoding, warnings = decode_bytes(bom + "Grüße aus Köln".encode(codec))
    assert text == "Grüße aus Köln"
    assert encoding.startswith(codec[:6])
    assert [w[:6] for w in warnings] == ["[W004]"]


@pytest.mark.parametrize("codec", ["cp1252", "latin-1"])
def test_french_legacy_text_is_detected(codec):
    text, encoding, warnings = decode_bytes(FRENCH.encode(codec))
    assert text == FRENCH
    assert encoding == "cp1252"
    assert warnings == ["[W004] encoding detected as cp1252 (not UTF-8)"]


def test_declared_charset_wins_over_guessing():
    page = '<html><head><meta charset="windows-1251"></head><body>Привет, мир</body></html>'
    text, encoding, _ = decode_bytes(page.encode("cp1251"))
    assert text == page
    assert encoding == "cp1251"


def test_declared_charset_is_read_only_from_tags():
    assert declared_charset(b'<meta http-equiv="Content-Type" content="text/html; '
                            b'charset=ISO-8859-1">') == "cp1252"
    assert declared_charset(b"set charset=koi8-r in your terminal") is None
    assert declared_charset(b'<meta charset="utf-8">') is None


def test_undecodable_bytes_are_replaced_with_a_warning():
    data = b"\x81\x8d\x8f\x90\x9d\x00\xff" * 4
    text, encoding, warnings = decode_bytes(data)
    assert "\ufffd" in text
    assert encoding == "utf-8"
    assert warnings[0].startswith("[W001]")


def test_broken_utf16_after_bom_is_replaced_not_raised():
    text, _, warnings = decode_bytes(codecs.BOM_UTF16_LE + b"a\x00b")  # odd byte count
    assert text.startswith("a")
    assert any(w.startswith("[W001]") for w in warnings)


def test_never_raises_on_random_bytes():
    rng = random.Random(7)
    for size in (0, 1, 2, 3, 5, 17, 256, 4096):
        data = bytes(rng.randrange(256) for _ in range(size))
        text, encoding, warnings = decode_bytes(data)
        assert isinstance(text, str) and isinstance(encoding, str)
        assert isinstance(warnings, list)
    assert decode_bytes(os.urandom(1000))[0]


def test_utf8_page_with_a_few_windows_1252_bytes_keeps_its_accents():
    # a UTF-8 template around one snippet stored in windows-1252: detection of the whole
    # page would pick an 8-bit code page and garble every "ö" of the UTF-8 part
    page = ("<p>So schön winterlich ist es – Grüße aus Köln.</p>\n".encode("utf-8") * 3
            + "<p>Zwiebeln für die Soße</p>\n".encode("cp1252"))
    text, encoding, warnings = decode_bytes(page)
    assert text == ("<p>So schön winterlich ist es – Grüße aus Köln.</p>\n" * 3
                    + "<p>Zwiebeln für die Soße</p>\n")
    assert encoding == "utf-8"
    assert warnings == ["[W005] UTF-8 with 2 stray bytes that are not; read them as windows-1252"]


def test_legacy_cjk_bytes_are_not_taken_for_mostly_utf8():
    # GB2312 pairs often look like two-byte UTF-8 sequences, but far more bytes do not
    text = "新华社北京电 国务院总理今天在人民大会堂会见了来访的代表团，双方就经贸合作交换了意见。" * 3
    decoded, encoding, _ = decode_bytes(text.encode("gb2312"))
    assert encoding != "utf-8"
    assert decoded == text
