"""The standfirst between the headline and the article is article text."""

from __future__ import annotations

from presslens.document import split_lines
from presslens.steps.segment.standfirst import keep_standfirst

STANDFIRST = ("Penalties for those who refuse to self-isolate are to be increased to a maximum "
              "of £10,000 for repeat offenders.")


def relabel(rows: list[tuple[str, str]]) -> dict[str, str | None]:
    lines = split_lines("\n".join(text for text, _ in rows) + "\n")
    labels: list[str | None] = [label for _, label in rows] + [None]
    return {line.stripped: label for line, label in zip(lines, keep_standfirst(lines, labels))}


def test_summary_sentence_under_the_headline_becomes_body():
    got = relabel([("Home | World | Sport", "boilerplate"),
                   ("Three islands added to quarantine list", "title"),
                   (STANDFIRST, "boilerplate"),
                   ("Daniel O'Mahony", "meta"), ("01 October 2020", "meta"),
                   ("Travellers arriving after 4am on Saturday must self-isolate.", "body")])
    assert got[STANDFIRST] == "body"
    assert got["Daniel O'Mahony"] == "meta" and got["Home | World | Sport"] == "boilerplate"


def test_furniture_pleas_and_lines_after_the_article_start_stay():
    plea = ("Subscribe to our newsletter and support our journalism: we send the best stories "
            "to your inbox every morning.")
    credit = ("Ministers met in Brussels on Tuesday to agree the plan, as protesters gathered "
              "outside. Photo: AFP")
    late = "This sentence comes after the article has started, so the model's label stands."
    got = relabel([("Three islands added to quarantine list", "title"), (plea, "boilerplate"),
                   (credit, "boilerplate"), ("The first paragraph of the article.", "body"),
                   (late, "boilerplate")])
    assert got[plea] == got[credit] == got[late] == "boilerplate"


def test_a_page_without_headline_is_left_alone():
    got = relabel([(STANDFIRST, "boilerplate"), ("Body text.", "body")])
    assert got[STANDFIRST] == "boilerplate"


def test_an_unclosed_summary_right_under_the_headline_is_body_but_no_dateline_or_byline():
    unclosed = STANDFIRST.rstrip(".")
    got = relabel([("Three islands added to quarantine list", "title"), (unclosed, "boilerplate"),
                   ("Travellers arriving after 4am on Saturday must self-isolate.", "body")])
    assert got[unclosed] == "body"
    dateline = "1. Februar 2022 Steffi Kaufratgeber, Beschäftigung, Katzen, Spielzeug und Zubehör"
    byline = "Posted by Nesselsetzer under Just For Fun, Reblogged, Tags: Antipodes, travel, maps"
    for line in (dateline, byline):
        got = relabel([("Three islands added to quarantine list", "title"), (line, "boilerplate"),
                       ("Travellers arriving after 4am on Saturday must self-isolate.", "body")])
        assert got[line] == "boilerplate", line
    # further down, only a closed sentence is taken for the standfirst
    got = relabel([("Three islands added to quarantine list", "title"),
                   ("Daniel O'Mahony", "meta"), (unclosed, "boilerplate"),
                   ("Travellers arriving after 4am on Saturday must self-isolate.", "body")])
    assert got[unclosed] == "boilerplate"


def test_a_second_copy_of_the_headline_is_no_standfirst():
    headline = "French Foreign Minister Is “Surprised” That Russia Arrogated Victory Over ISIS To Itself"
    rows = [("0 $", "boilerplate"), (headline, "title"), (headline, "boilerplate"),
            ("Illustrative image", "boilerplate"),
            ("On December 9, the minister told a television channel that he was surprised.", "body")]
    lines = split_lines("\n".join(text for text, _ in rows) + "\n")
    labels = keep_standfirst(lines, [label for _, label in rows] + [None])
    assert labels[:4] == ["boilerplate", "title", "boilerplate", "boilerplate"]
    # the same words in another case or quotes are the same headline
    rows[2] = (headline.upper().replace("“", '"').replace("”", '"'), "boilerplate")
    lines = split_lines("\n".join(text for text, _ in rows) + "\n")
    assert keep_standfirst(lines, [label for _, label in rows] + [None])[2] == "boilerplate"
