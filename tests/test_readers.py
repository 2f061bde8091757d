"""Readers: files, directories, stdin, gzip, JSONL, WARC; load_document and its refusals."""

import gzip
import hashlib
import io
import json
import sys
from types import SimpleNamespace

import pytest

from presslens.errors import PageError
from presslens.io.raw import RawPage
from presslens.io.readers import iter_pages, load_document, sniff_media_type

ARTICLE = """<!DOCTYPE html>
<html lang="en"><head><title>Flood hits Riverton | Daily Ledger</title>
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2024-03-05T08:00:00Z">
<meta property="og:site_name" content="Daily Ledger">
<link rel="canonical" href="https://ledger.example/flood"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Flood hits Riverton</h1>
<p>Heavy rain caused the river to burst its banks on Tuesday, flooding dozens of homes in the
old town. Emergency services evacuated more than two hundred residents overnight.</p>
<p>"We have never seen water this high," said the mayor, Ann Smith, at a press conference.
Officials expect the water to recede by the weekend, but warned of more rain.</p>
<p>The national weather service issued a warning for the whole region until Friday evening,
and schools in the valley will stay closed until further notice.</p>
</article>
<footer>Copyright Daily Ledger</footer></body></html>
"""

PLAIN = "Breaking: council votes to close the bridge.\r\nMore at eleven.\n"


def pages(*inputs, **overrides):
    return list(iter_pages([str(i) for i in inputs], overrides or None))


# ---------------------------------------------------------------- files and directories


def test_html_file_becomes_a_document_with_trafilatura_hints(tmp_path):
    path = tmp_path / "flood.html"
    path.write_text(ARTICLE, encoding="utf-8")
    [raw] = pages(path)
    assert (raw.source, raw.media_type, raw.error) == (str(path), "html", None)
    doc = load_document(raw)
    assert "Heavy rain caused the river" in doc.text
    assert "Home" in doc.text  # text is the whole visible page, not just the article
    assert doc.id == hashlib.sha256(ARTICLE.encode()).hexdigest()[:16]
    assert "Heavy rain caused the river" in doc.hints["html_main"]
    assert "Home" not in doc.hints["html_main"]
    meta = doc.hints["html_meta"]
    assert meta["title"].startswith("Flood hits Riverton")
    assert meta["author"] == "Jane Doe"
    assert meta["date"] == "2024-03-05"
    assert meta["url"] == doc.url == "https://ledger.example/flood"
    assert set(meta) == {"title", "author", "date", "sitename", "url"}
    assert doc.errors == []
    assert doc.media_type == "html"


def test_text_file_keeps_its_text_exactly(tmp_path):
    path = tmp_path / "note.txt"
    path.write_bytes(b"\xef\xbb\xbf" + PLAIN.encode())
    doc = load_document(pages(path)[0])
    assert doc.text == PLAIN  # BOM gone, CRLF kept
    assert doc.media_type == "text"
    assert doc.hints["meta"] == {}
    assert doc.id == hashlib.sha256(b"\xef\xbb\xbf" + PLAIN.encode()).hexdigest()[:16]


def test_unknown_extension_is_sniffed(tmp_path):
    (tmp_path / "a.dat").write_text(ARTICLE)
    (tmp_path / "b.txt").write_text("<p>just one tag</p> in a note")
    assert [p.media_type for p in pages(tmp_path)] == ["html", "text"]
    assert sniff_media_type("<div><p>a</p><p>b</p><ul><li>c</li></ul></div>") == "html"
    assert sniff_media_type("x < y and y > z") == "text"


def test_directory_is_read_recursively_sorted_without_hidden(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("two")
    (tmp_path / "a.txt").write_text("one")
    (tmp_path / "c.txt").write_text("three")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text("hidden")
    (tmp_path / ".hidden.txt").write_text("hidden")
    got = [p.source for p in pages(tmp_path)]
    assert got == [str(tmp_path / "a.txt"), str(tmp_path / "c.txt"),
                   str(tmp_path / "b" / "two.txt")]


def test_iter_pages_is_lazy(tmp_path):
    (tmp_path / "a.txt").write_text("one")
    it = iter_pages([str(tmp_path / "a.txt"), str(tmp_path / "later.txt")])
    assert next(it).data == b"one"
    (tmp_path / "later.txt").write_text("made after the first page was read")
    assert next(it).error is None


def test_missing_path_gives_an_error_page(tmp_path):
    [raw] = pages(tmp_path / "nope.html")
    assert raw.error.startswith("[P040]")
    with pytest.raises(PageError, match=r"\[P040\]"):
        load_document(raw)


# ---------------------------------------------------------------- stdin


def test_stdin_bytes_are_sniffed(monkeypatch):
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=io.BytesIO(ARTICLE.encode())))
    [raw] = pages("-")
    assert (raw.source, raw.media_type) == ("<stdin>", "html")
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=io.BytesIO(PLAIN.encode())))
    doc = load_document(pages("-")[0])
    assert doc.text == PLAIN and doc.media_type == "text"


def test_stdin_text_stream_and_gzip(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO(PLAIN))
    assert load_document(pages("-")[0]).text == PLAIN
    monkeypatch.setattr(sys, "stdin",
                        SimpleNamespace(buffer=io.BytesIO(gzip.compress(PLAIN.encode()))))
    assert load_document(pages("-")[0]).text == PLAIN


def test_stdin_over_the_limit_is_refused_with_its_size(monkeypatch):
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=io.BytesIO(b"x" * 5000)))
    [raw] = pages("-", max_input_bytes=1000)
    assert raw.error.startswith("[P003] input is 5,000 bytes")


# ---------------------------------------------------------------- gzip


def test_an_extraction_that_missed_the_article_leaves_the_page_to_the_line_model(
        tmp_path, monkeypatch):
    import trafilatura

    from presslens.pipeline import Pipeline

    # on some pages trafilatura keeps only a photo caption of the article's container
    caption = "The old bridge on Tuesday."
    real = trafilatura.bare_extraction

    def caption_only(*args, **kwargs):
        found = real(*args, **kwargs)
        found.text = caption
        return found

    monkeypatch.setattr(trafilatura, "bare_extraction", caption_only)
    path = tmp_path / "flood.html"
    path.write_text(ARTICLE.replace("<article>", f"<article><p>{caption}</p>"), encoding="utf-8")
    [raw] = pages(path)
    doc = load_document(raw)
    assert doc.hints["html_main"] is None
    assert doc.hints["html_meta"]["author"] == "Jane Doe"  # the rest of its reading stays
    Pipeline(("segment", "comments", "body"))(doc)
    assert "Heavy rain caused the river" in doc.body
    assert "schools in the valley will stay closed" in doc.body


def test_gzipped_html_and_text(tmp_path):
    (tmp_path / "a.html.gz").write_bytes(gzip.compress(ARTICLE.encode()))
    (tmp_path / "b.txt.gz").write_bytes(gzip.compress(PLAIN.encode()))
    html, text = pages(tmp_path)
    assert html.media_type == "html" and html.data == ARTICLE.encode()
    assert load_document(text).text == PLAIN


def test_gzip_bomb_stops_at_the_decompression_cap(tmp_path):
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"a" * 2_000_000))
    [raw] = pages(path, max_decompressed_bytes=100_000)
    assert raw.error.startswith("[P005]") and "max_decompressed_bytes" in raw.error


def test_broken_gzip_is_an_error_page(tmp_path):
    path = tmp_path / "cut.html.gz"
    path.write_bytes(gzip.compress(ARTICLE.encode())[:60])
    [raw] = pages(path)
    assert raw.error.startswith("[P001]")


# ---------------------------------------------------------------- JSONL


def test_jsonl_lines_with_a_malformed_one_in_the_middle(tmp_path):
    lines = [
        json.dumps({"url": "https://a.example/1", "title": "One", "date": "2024-01-02",
                    "sitename": "A News", "author": "Kim", "text": "First story."}),
        '{"text": "broken',
        "",
        json.dumps({"html": ARTICLE, "url": "https://b.example/2", "published": "2024-02-03"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"content": "Third, plain."}),
    ]
    path = tmp_path / "export.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    got = pages(path)
    assert [p.source for p in got] == [f"{path}#line={n}" for n in (1, 2, 4, 5, 6)]
    first, bad, html, not_object, third = got
    assert first.meta == {"title": "One", "published": "2024-01-02", "author": "Kim",
                          "outlet": "A News"}
    assert first.url == "https://a.example/1" and first.media_type == "text"
    assert bad.error.startswith("[P006] JSONL line 2: not valid JSON")
    assert not_object.error.startswith("[P006] JSONL line 5")
    assert html.media_type == "html"
    doc = load_document(html)
    assert doc.url == "https://b.example/2"
    assert doc.hints["meta"] == {"published": "2024-02-03"}
    assert load_document(third).text == "Third, plain."
    assert load_document(first).id == hashlib.sha256(b"First story.").hexdigest()[:16]


def test_gzipped_jsonl_and_overlong_line(tmp_path):
    path = tmp_path / "export.ndjson.gz"
    lines = [json.dumps({"text": "short"}), json.dumps({"text": "y" * 5000}),
             json.dumps({"text": "after"})]
    path.write_bytes(gzip.compress("\n".join(lines).encode()))
    got = pages(path, max_input_bytes=1000)
    assert [p.data for p in got if not p.error] == ["short", "after"]
    assert got[1].error.startswith("[P006] JSONL line 2: [P003]")


# ---------------------------------------------------------------- WARC


def write_warc(path, records):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=str(path).endswith(".gz"))
        for url, content_type, body in records:
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)],
                                       protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=headers))
        writer.write_record(writer.create_warc_record(
            "urn:meta", "metadata", payload=io.BytesIO(b"k: v"),
            warc_content_type="application/warc-fields"))


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_response_records_become_pages(tmp_path, name):
    path = tmp_path / name
    write_warc(path, [
        ("https://ledger.example/flood", "text/html; charset=utf-8", ARTICLE.encode()),
        ("https://ledger.example/logo.png", "image/png", b"\x89PNG...."),
        ("https://ledger.example/notes.txt", "text/plain", PLAIN.encode()),
    ])
    got = pages(path)
    assert [(p.source, p.media_type, p.url) for p in got] == [
        (f"{path}#record=1", "html", "https://ledger.example/flood"),
        (f"{path}#record=3", "text", "https://ledger.example/notes.txt"),
    ]
    assert "Heavy rain" in load_document(got[0]).hints["html_main"]
    assert load_document(got[1]).text == PLAIN


def test_warc_record_over_the_limit_is_not_read(tmp_path):
    path = tmp_path / "big.warc"
    write_warc(path, [("https://x.example/", "text/html", b"<p>" + b"z" * 5000 + b"</p>")])
    [raw] = pages(path, max_input_bytes=1000)
    assert raw.error.startswith("[P007] WARC record 1: [P003]")


def test_garbage_warc_is_an_error_page(tmp_path):
    path = tmp_path / "junk.warc"
    path.write_bytes(b"garbage line\r\nmore junk here\r\nfoo: bar\r\n\r\nbody")
    [raw] = pages(path)
    assert raw.error.startswith("[P007]")


# ---------------------------------------------------------------- bad inputs


def test_binary_files_are_refused(tmp_path):
    (tmp_path / "a.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (tmp_path / "b.txt").write_bytes(b"abc\x00def" * 10)
    (tmp_path / "c.bin").write_bytes(bytes(range(1, 9)) * 50)
    for raw in pages(tmp_path):
        with pytest.raises(PageError, match=r"^\[P004\]"):
            load_document(raw)


@pytest.mark.parametrize("data", [b"", b"   \r\n\t ", "", "\ufeff  "])
def test_empty_input_is_refused(data):
    with pytest.raises(PageError, match=r"^\[P002\] input is empty"):
        load_document(RawPage(source="x", data=data))


def test_empty_html_is_refused():
    with pytest.raises(PageError, match=r"^\[P002\]"):
        load_document(RawPage(source="x", data=b"<html><body></body></html>", media_type="html"))


def test_truncated_html_still_gives_a_document_with_a_warning():
    cut = ARTICLE[: ARTICLE.index("Officials expect") + 20]
    doc = load_document(RawPage(source="cut.html", data=cut.encode(), media_type="html"))
    assert "Heavy rain caused the river" in doc.text
    assert any(e.startswith("[W002]") for e in doc.errors)


def test_hopeless_html_never_crashes():
    for markup in ("<", "<<<>>>", "<html", "</p></div>text", "<?xml version='1.0' "
                   "encoding='utf-8'?><html><body><p>Hi there</p></body></html>"):
        try:
            doc = load_document(RawPage(source="x", data=markup, media_type="html"))
        except PageError as exc:
            assert exc.reason.startswith("[P002]")
        else:
            assert isinstance(doc.text, str)


def test_legacy_encoded_page_records_its_encoding(tmp_path):
    french = "Le général a déclaré que l'été serait chaud, près de la forêt à Noël."
    path = tmp_path / "fr.txt"
    path.write_bytes(french.encode("cp1252"))
    doc = load_document(pages(path)[0])
    assert doc.text == french
    assert doc.errors == ["[W004] encoding detected as cp1252 (not UTF-8)"]
    assert doc.hints["encoding"] == "cp1252"


def test_over_size_limits(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text("word " * 1000)
    [raw] = pages(path, max_input_bytes=100)
    assert raw.error.startswith("[P003] input is 5,000 bytes") and "max_input_bytes" in raw.error
    with pytest.raises(PageError, match=r"^\[P003\]"):
        load_document(RawPage(source="x", data=b"y" * 200), {"max_input_bytes": 100})
    with pytest.raises(PageError, match=r"^\[P008\].*max_text_chars"):
        load_document(pages(path)[0], {"max_text_chars": 100})


def test_a_50_mb_file_is_refused_without_reading_it(tmp_path, monkeypatch):
    path = tmp_path / "huge.html"
    with open(path, "wb") as f:
        f.truncate(50_000_000)  # sparse: costs no disk and no time

    def no_reading(self):
        raise AssertionError("the file was read")

    monkeypatch.setattr(type(path), "read_bytes", no_reading)
    [raw] = pages(path)
    assert raw.error == ("[P003] input is 50,000,000 bytes, over the limit of 20,000,000 "
                         "(setting max_input_bytes); split the page or raise the limit")
    with pytest.raises(PageError, match=r"^\[P003\]"):
        load_document(raw)


def test_html_scripts_are_not_text_but_their_json_ld_metadata_is_read():
    article = " ".join(["The council met on Tuesday to vote on the new budget."] * 6)
    markup = (
        '<html><head><title>Budget vote</title><script type="application/ld+json">'
        '{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Budget vote",'
        ' "author": {"@type": "Person", "name": "Ada Lovelace"},'
        ' "datePublished": "2021-03-04"}</script><style>p {color: red}</style></head>'
        f'<body><article><h1>Budget vote</h1><p>{article}<script>var tracker = 1;</script>'
        ' It passed.</p></article></body></html>')
    doc = load_document(RawPage("budget.html", markup.encode(), "html"))
    assert "tracker" not in doc.text and "color: red" not in doc.text
    assert "budget. It passed." in doc.text  # the text after a script stays where it was
    assert doc.hints["html_meta"]["author"] == "Ada Lovelace"
    assert doc.hints["html_meta"]["date"] == "2021-03-04"
