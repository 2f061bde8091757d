"""Comment-section rules: start, widgets, end, and article lists left alone."""

from presslens.document import split_lines
from presslens.steps.segment.threads import (
    author_date_header, is_section_header, is_widget, mark_comment_lines, says_header,
    timestamp_in, timestamp_line,
)
from samples import AGE_CLOSED_THREAD, POLISH_THREAD


def _labels(lines, body_until):
    """A weak classifier: body up to line `body_until`, boilerplate after, None for blanks."""
    return [None if line.is_blank else ("body" if i < body_until else "boilerplate")
            for i, line in enumerate(lines)]


def _marked(text, body_until):
    lines = split_lines(text)
    return lines, mark_comment_lines(lines, _labels(lines, body_until))


def _by_text(lines, labels):
    return {line.stripped: label for line, label in zip(lines, labels) if line.stripped}


def test_section_with_header_widgets_and_footer():
    text = "\n".join([
        "The council voted on Tuesday to close the old bridge for repairs.",
        "Work should last until the spring, officials said.",
        "",
        "3 comments",
        "",
        "Anna Berg says:",
        "March 3, 2019 at 5:12 pm",
        "About time, that bridge has been shaking for years.",
        "Reply",
        "Tom says:",
        "March 4, 2019 at 9:00 am",
        "Where will the buses go in the meantime?",
        "Report",
        "Load more comments",
        "© 2019 The Town Paper. All rights reserved.",
    ])
    lines, labels = _marked(text, 2)
    got = _by_text(lines, labels)
    assert got["The council voted on Tuesday to close the old bridge for repairs."] == "body"
    assert got["3 comments"] == "boilerplate"
    assert got["Anna Berg says:"] == "comment"
    assert got["About time, that bridge has been shaking for years."] == "comment"
    assert got["Reply"] == got["Report"] == got["Load more comments"] == "boilerplate"
    assert got["© 2019 The Town Paper. All rights reserved."] == "boilerplate"


def test_headerless_bullet_thread_is_found():
    text = "\n".join([
        "The minister spoke for an hour and answered no question at all.",
        "",
        "Support our work!",
        "",
        "  • reader_one",
        "",
        "    That is what ministers do everywhere.",
        "",
        "    • someone else",
        "",
        "      Not everywhere, surely.",
    ])
    lines, labels = _marked(text, 1)
    got = _by_text(lines, labels)
    assert got["• reader_one"] == got["Not everywhere, surely."] == "comment"
    assert got["Support our work!"] == "boilerplate"


def test_article_bullet_list_stays_body():
    text = "\n".join([
        "The report lists three causes of the delay:",
        "",
        "  • Funding came late",
        "  • The contractor went bankrupt",
        "  • Floods in March",
        "",
        "  • Ministers",
        "  • Mayors",
        "",
        "The authors say the first cause weighed most on the schedule of the works.",
    ])
    lines = split_lines(text)
    classifier = [None if line.is_blank else "comment" if "•" in line.text else "body"
                  for line in lines]
    labels = mark_comment_lines(lines, classifier)
    assert "comment" not in labels
    assert labels[2] == "body"


def test_french_and_german_section_headers():
    for header, who in (("Commentaires", "Marie dit :"), ("Kommentare", "Jonas schreibt:")):
        text = "\n".join([
            "Un long paragraphe de l'article qui parle de la ville et de ses ponts anciens.",
            "",
            header,
            "",
            who,
            "Un texte de commentaire assez long pour compter.",
            "Répondre" if who.startswith("Marie") else "Antworten",
            "Impressum",
        ])
        lines, labels = _marked(text, 1)
        got = _by_text(lines, labels)
        assert got[header] == "boilerplate"
        assert got[who] == "comment"
        assert got["Un texte de commentaire assez long pour compter."] == "comment"
        assert got["Impressum"] == "boilerplate"


def test_weak_classifier_comment_labels_outside_a_thread_are_dropped():
    lines = split_lines("A first sentence of the article.\nA second one, labelled comment.\n")
    labels = mark_comment_lines(lines, ["body", "comment"])
    assert labels == ["body", "body"]


def test_labels_must_align_with_lines():
    lines = split_lines("one\ntwo")
    try:
        mark_comment_lines(lines, ["body"])
    except ValueError:
        pass
    else:
        raise AssertionError("misaligned labels accepted")


def test_line_shapes():
    assert timestamp_in("March 3, 2019 at 5:12 pm").value == "2019-03-03T17:12"
    assert timestamp_in("18.10.2019, 16:18").value == "2019-10-18T16:18"
    assert timestamp_in("18. Oktober 2019 um 15:05 Uhr").value == "2019-10-18T15:05"
    assert timestamp_in("le mercredi 15 mai 2019 à 08h07").value == "2019-05-15T08:07"
    assert timestamp_in("il y a 3 heures").value == "il y a 3 heures"
    assert timestamp_in("2 hours ago").value == "2 hours ago"
    assert timestamp_in("24-01-22 11:43").value == "24-01-22 11:43"  # day/year ambiguous: raw
    assert says_header("Anna Berg says:") == ("Anna Berg", "")
    assert says_header("Marie dit : bien vu Reply") == ("Marie", "bien vu")
    assert says_header("After the vote the minister of finance says: no change") is None
    assert author_date_header("Karla Kuhn / 22.04.2020")[0] == "Karla Kuhn"
    assert author_date_header("I was there on March 3, 2019") is None
    assert is_widget("Reply") and is_widget("Like · Reply · 3") and is_widget("Notify of")
    assert not is_widget("Reply to the critics of the plan was swift.")
    assert is_section_header("12 Kommentare") and is_section_header("Vos réactions")
    assert not is_section_header("Comments on the budget were harsh, said the mayor.")


def test_line_shapes_of_comment_plugins():
    assert timestamp_line("3 mars 2019 à 10 h 14 min").value == "2019-03-03T10:14"
    # widgets before the age close a comment; compact ages only there or alone
    assert timestamp_line("Like · Reply · 2y").value == "2y"
    assert timestamp_line("5d").value == "5d"
    assert timestamp_line("· 5 hr. ago").value == "5 hr. ago"
    assert timestamp_in("3D printing at home") is None
    assert timestamp_in("Ministry raises £12m") is None
    assert timestamp_line("Peter Walsh · 2y") is None  # a name is no widget
    assert says_header("Anonymous said...") == ("Anonymous", "")
    assert says_header("Anna hat gesagt…") == ("Anna", "")
    assert says_header("The minister said... and then nothing") is None
    assert is_widget("Share ›") and is_widget("Reply • Share ›")
    assert author_date_header("Mary Jones > John Smith • 2 hours ago")[::2] == (
        "Mary Jones", "John Smith")
    assert author_date_header("@truthseeker77 2 days ago")[0] == "@truthseeker77"
    assert is_widget("Facebook Comments Plugin")


def test_forum_thread_with_votes_repeated_author_and_login_widget():
    text = "\n".join([
        "Der Gemeinderat hat am Abend den Neubau der Sporthalle mit knapper Mehrheit beschlossen.",
        "",
        "Kommentare (2)",
        "",
        "Sortieren nach: Neueste zuerst",
        "",
        "Wanderfreund_61",
        "5",
        "Wanderfreund_61",
        "11.05.2023, 09:12 Zum Antworten anmelden",
        "Endlich, die alte Halle ist seit Jahren ein Sanierungsfall.",
        "",
        "    Tina K.",
        "    -1",
        "    Tina K.",
        "    11.05.2023, 10:40 Zum Antworten anmelden",
        "    Und wer bezahlt die Folgekosten? Davon stand nichts im Beschluss.",
        "",
        "Impressum  Datenschutz",
    ])
    lines, labels = _marked(text, 1)
    got = _by_text(lines, labels)
    assert got["Wanderfreund_61"] == got["Tina K."] == "comment"
    assert got["Endlich, die alte Halle ist seit Jahren ein Sanierungsfall."] == "comment"
    assert got["Und wer bezahlt die Folgekosten? Davon stand nichts im Beschluss."] == "comment"
    assert got["Kommentare (2)"] == got["Impressum  Datenschutz"] == "boilerplate"


def test_timestamp_first_thread_and_login_notice():
    text = "\n".join([
        "Le conseil a voté lundi la rénovation complète de la piscine municipale du quartier.",
        "",
        "2 commentaires",
        "Vous devez être connecté pour publier un commentaire.",
        "",
        "03/04/2023 à 10:05",
        "Paul R.",
        "Il était temps, les vestiaires tombent en ruine depuis des années.",
        "Répondre",
        "",
        "il y a 2 heures",
        "Nadine",
        "Et les horaires pour les scolaires, quelqu'un sait ?",
        "Répondre",
    ])
    lines, labels = _marked(text, 1)
    got = _by_text(lines, labels)
    assert got["Vous devez être connecté pour publier un commentaire."] == "boilerplate"
    assert got["Paul R."] == got["Nadine"] == got["il y a 2 heures"] == "comment"
    assert got["Et les horaires pour les scolaires, quelqu'un sait ?"] == "comment"


def test_lists_that_only_look_like_threads_stay_as_they_are():
    pages = [
        # a nested menu: "• entry" over indented sub-entries
        ["  * Services", "    Tarife Vergleich Gewerbe Industrie", "  * Energie",
         "    Strom Gas Wärmepumpen Photovoltaik Speicher", "  * Kontakt", "    Hilfe Impressum"],
        # a news list: date over headline, no section heading
        ["12. Juni 2020", "Neue Regeln für Bauherren: Was sich jetzt ändert, erklärt die Stadt.",
         "11. Juni 2020", "Der Stadtrat streitet über die Zukunft des Hallenbads am Ring.",
         "10. Juni 2020", "Ein Sommer ohne Festival: die Veranstalter sagen alle Termine ab."],
        # numbered steps with indented explanations
        [" 1. Compare offers", "    Ask several banks for an offer and compare the total cost.",
         " 2. Improve your rating", "    A second borrower or more collateral lowers the rate.",
         " 3. Stay flexible", "    Keep the right to repay early without a penalty fee."],
        # closed comments followed by teasers
        ["Comments are closed", "June 7, 2019", "Travel Notes",
         "A week on the coast, in pictures and a few words.", "June 6, 2019", "City Guide",
         "Where to eat near the old harbour this summer."],
    ]
    for page in pages:
        text = "The article itself is one long paragraph about something that happened.\n\n" + \
            "\n".join(page)
        lines = split_lines(text)
        labels = mark_comment_lines(lines, _labels(lines, 1))
        assert "comment" not in labels, page


def test_section_ends_at_a_most_read_list():
    text = "\n".join([
        "The mayor opened the new tram line on Saturday in front of a large crowd.",
        "",
        "2 comments",
        "Sam Ortiz says:",
        "May 2, 2022 at 8:00 am",
        "Finally a quick way downtown from the east side.",
        "Lee Park says:",
        "May 2, 2022 at 9:30 am",
        "Three years late and twice the budget.",
        "Most read",
        "Storm damage closes the coastal road for a week",
        "School board picks a new superintendent after long search",
    ])
    lines, labels = _marked(text, 1)
    got = _by_text(lines, labels)
    assert got["Three years late and twice the budget."] == "comment"
    assert got["Most read"] == "boilerplate"
    assert got["Storm damage closes the coastal road for a week"] == "boilerplate"


def test_name_and_date_on_one_line():
    assert author_date_header("Mia_from_Leeds March 6, 2024 at 9:14 am")[0] == "Mia_from_Leeds"
    assert author_date_header("Dwayne K. 6 mars 2024 à 10:02")[0] == "Dwayne K."
    assert author_date_header("I was there on March 3, 2019") is None
    assert author_date_header("Published on March 3, 2019") is None
    assert timestamp_line("11.05.2023, 09:12 Zum Antworten anmelden").value == "2023-05-11T09:12"
    assert is_widget("Vous devez être connecté pour publier un commentaire.")
    assert is_widget("Log in to reply") and not is_widget("Sign up")
    assert not is_section_header("Kommentar")  # an opinion column's label


def test_header_with_reply_widget_after_filler_and_numbered_comments():
    # WordPress "Ben 19. Juni 2018 um 15:28 Uhr - Antworten": the date runs into "Uhr" and the
    # reply widget; comments are a numbered list with nested "+" replies
    text = "\n".join([
        "Das Gericht hat am Dienstag entschieden, dass die Beiträge Werbung waren.",
        "",
        "36 Comments",
        "",
        " 1. Ben 19. Juni 2018 um 15:28 Uhr - Antworten",
        "",
        "    Bei der Privatheit denkt das Gericht vermutlich anders, als es schreibt.",
        "",
        "      + MoritzMeyer 19. Juni 2018 um 20:41 Uhr - Antworten",
        "",
        "        Danke für dein Feedback, das sehe ich genauso.",
    ])
    lines, labels = _marked(text, 1)
    got = _by_text(lines, labels)
    assert got["36 Comments"] == "boilerplate"
    assert got["1. Ben 19. Juni 2018 um 15:28 Uhr - Antworten"] == "comment"
    assert got["Danke für dein Feedback, das sehe ich genauso."] == "comment"
    assert author_date_header("Ben 19. Juni 2018 um 15:28 Uhr - Antworten")[0] == "Ben"


def test_bracketed_count_heading_and_name_date_headers():
    text = "\n".join([
        "99. Kevin Dubrow",
        "100. Ray Gillen",
        "",
        "{ 38 comments… read them below or add one }",
        "",
        "Armanox June 28, 2015 at 10:25 pm",
        "",
        "Really, no Shagrath? Where is the rest of the list then?",
        "",
        "Rebel Raime July 25, 2015 at 7:01 pm",
        "",
        "He should be number one, he is better than everyone in the top five.",
    ])
    lines, labels = _marked(text, 2)
    got = _by_text(lines, labels)
    assert is_section_header("{ 38 comments… read them below or add one }")
    assert is_section_header("52Comments") and not is_section_header("2024Comments are closed")
    assert got["100. Ray Gillen"] == "body"
    assert got["Armanox June 28, 2015 at 10:25 pm"] == "comment"
    assert got["He should be number one, he is better than everyone in the top five."] == "comment"


def test_comment_opening_with_a_greeting_line():
    # name, then its date, then a greeting on a line of its own before the text
    text = "\n".join([
        "Die Tasche ist ein Einzelstück aus den sechziger Jahren, gefertigt in Paris.",
        "",
        "10 Kommentare",
        "",
        " 1. Beate",
        "    19. Juni 2019 / 6:16",
        "",
        "    Guten Morgen Martina,",
        "",
        "    da hast du wirklich eine einzigartige Tasche. Schön, dass du sie zeigst.",
        "",
        "    Antworten",
        " 2. Astrid",
        "    19. Juni 2019 / 6:37",
        "",
        "    Liebe Martina,",
        "",
        "    das ist ein hochinteressanter Artikel und eine exklusive Tasche.",
    ])
    lines, labels = _marked(text, 1)
    got = _by_text(lines, labels)
    assert got["1. Beate"] == got["Guten Morgen Martina,"] == "comment"
    assert got["das ist ein hochinteressanter Artikel und eine exklusive Tasche."] == "comment"


def test_date_glued_to_the_name_before_it():
    # rendered Blogger comments: "Sana6. Juni 2015 um 10:23"
    assert author_date_header("Sana6. Juni 2015 um 10:23")[:2] == ("Sana", timestamp_in(
        "Sana6. Juni 2015 um 10:23"))
    assert timestamp_in("Sana6. Juni 2015 um 10:23").value == "2015-06-06T10:23"
    # and to a capitalised month name: "IwonaMay 30, 2019 at 1:06 PM"
    assert author_date_header("IwonaMay 30, 2019 at 1:06 PM")[:2] == ("Iwona", timestamp_in(
        "IwonaMay 30, 2019 at 1:06 PM"))
    assert timestamp_in("IwonaMay 30, 2019 at 1:06 PM").value == "2019-05-30T13:06"
    assert timestamp_in("The iPhone 11, 2019") is None


def test_polish_and_russian_dates_headings_and_widgets():
    assert timestamp_line("wtorek, 11 maja 2021, 23:13").value == "2021-05-11T23:13"
    assert timestamp_in("11 października 2020 o 14:05").value == "2020-10-11T14:05"
    assert timestamp_line("12 марта 2022 в 10:15").value == "2022-03-12T10:15"
    assert is_section_header("Komentarze (6)") and is_section_header("12 комментариев")
    assert is_widget("Odpowiedz") and is_widget("pokażodpowiedzi (2)")
    assert is_widget("Показать ответы") and not is_widget("Robs")


def test_thread_ends_before_a_bulleted_section_menu():
    text = "\n".join([
        "Dariusz Kowal wyjaśnił, że kontrakt gazowy wygasa w 2022 roku i nie zostanie przedłużony.",
        "",
        "Komentarze (2)",
        "",
        *POLISH_THREAD,
        "  * Ropa",
        "  * Gaz",
        "  * Atom",
        "  * Górnictwo",
        "  * Klimat",
    ])
    lines, labels = _marked(text, 1)
    got = _by_text(lines, labels)
    assert got["Robs"] == got["To przecież klient jest poszkodowany, coś by się nam należało."] \
        == "comment"
    assert {got[f"* {item}"] for item in ("Ropa", "Gaz", "Atom", "Górnictwo", "Klimat")} \
        == {"boilerplate"}


def test_name_share_widget_text_then_age_layout():
    # a German news site: name, "share this comment" widget, text, votes, age ("… her": ago)
    text = "\n".join([
        "Der Abzug der Truppen verändert die Lage in der Region grundlegend, sagen Beobachter.",
        "",
        "Kommentare ( 56 )",
        "",
        "Sie müssen angemeldet sein, um einen Kommentar schreiben zu können.",
        "Benutzername",
        "Passwort",
        "Registrierung",
        "Anmelden",
        "Passwort vergessen",
        "E-Mail",
        "Angemeldet bleiben",
        "Sortiert nach: neuste | älteste | beste Bewertung",
        *AGE_CLOSED_THREAD,
    ])
    lines, labels = _marked(text, 1)
    got = _by_text(lines, labels)
    assert got["Nibelung"] == got["Bummi"] == "comment"
    assert got["Gewisse Ähnlichkeiten zwischen damals und heute sind durchaus zu erkennen."] \
        == "comment"
    assert timestamp_line("12 Stunden 33 Minuten her").value == "12 Stunden 33 Minuten her"
    assert is_section_header("Kommentare ( 56 )")


def test_footer_words_inside_an_indented_comment_do_not_end_the_thread():
    text = "\n".join([
        "Die Quests und ihre Belohnungen sind hier für jede Stufe aufgelistet und erklärt.",
        "",
        "Kommentare (2)",
        "",
        " 1. DDF sagt:",
        "    10. Juni 2008 um 14:28",
        "",
        "    Nur mal zu deinem Copyright ansprüchen..",
        "    Die Quests und ihre Inhalte sind Eigentum des Herstellers.",
        "",
        "    Antworten",
        " 2. ICH sagt:",
        "    10. Juni 2008 um 15:15",
        "",
        "    Danke für den Hinweis, das wusste ich nicht.",
        "",
        "© 2008 Silkroad-Guides. Alle Rechte vorbehalten.",
    ])
    lines, labels = _marked(text, 1)
    got = _by_text(lines, labels)
    assert got["Nur mal zu deinem Copyright ansprüchen.."] == "comment"
    assert got["Danke für den Hinweis, das wusste ich nicht."] == "comment"
    assert got["© 2008 Silkroad-Guides. Alle Rechte vorbehalten."] == "boilerplate"


def test_author_date_header_with_a_permanent_link_widget():
    assert author_date_header("Gerhard Baierlein am 18. Oktober 2023 - 13:11 Permanenter Link")[0] \
        == "Gerhard Baierlein"


def test_teaser_list_under_a_related_links_heading_is_no_thread():
    article = "The mayor said the budget would be presented to the council next week."
    teasers = [
        "More From the Los Angeles Times",
        "  * California",
        "    Legal marijuana use still costs people jobs. A new bill takes on the issue",
        "  * Housing",
        "    Does California need another cook in the kitchen to fix homelessness?",
        "  * Politics",
        "    Look for the target on the candidate's back tonight at the debate",
    ]
    lines, labels = _marked("\n".join([article, ""] + teasers), 1)
    assert "comment" not in labels
    # the same list with a comment heading between it and the names is a thread again
    thread = [
        "Das könnte dich auch interessieren",
        "52Comments",
        "  * julia",
        "    So schön geschrieben, alles Gute für die kommenden Monate und bis bald.",
        "  * helen",
        "    Danke für diesen ehrlichen Text, er hat mich sehr berührt.",
        "      * swantje",
        "        Danke euch beiden für die lieben Worte!",
    ]
    lines, labels = _marked("\n".join([article, ""] + thread), 1)
    assert _by_text(lines, labels)["* julia"] == "comment"


def test_vote_widget_run_then_date_closes_each_comment():
    # a comment plugin whose statistics push the first dated header far below the heading:
    # name, text, "thumbs up 0 thumbs down Reply" (glued), then the date of the next comment
    text = "\n".join([
        "Den Teig eine Stunde ruhen lassen, dann bei 180 Grad goldbraun backen.",
        "",
        "Hinterlasse einen Kommentar",
        "63 Kommentar Themen", "49 Themen Antworten", "0 Follower",
        "Kommentar, auf das am meisten reagiert wurde", "Beliebtestes Kommentar Thema",
        "63 Kommentatoren", "Letzte Kommentatoren", "Subscribe", "Benachrichtige mich zu:",
        "Alle neuen Kommentare",
        "Greta",
        "Ich habe den Kuchen am Sonntag gebacken, er war schnell fertig und sehr saftig.",
        "Daumen hoch0Daumen runter Antworten",
        "19. Februar 2017 20:00",
        "Lotte",
        "Kann man den Teig auch in Muffinförmchen backen, und wie lange dann?",
        "Daumen hoch2Daumen runter Antworten",
        "15. Februar 2017 09:49",
        "Kathrin",
        "Hallo Lotte, ja, etwa zwanzig Minuten reichen, mach aber die Stäbchenprobe.",
        "Daumen hoch1Daumen runter Antworten",
        "15. Februar 2017 10:13",
    ])
    lines, labels = _marked(text, 1)
    got = _by_text(lines, labels)
    assert got["Kann man den Teig auch in Muffinförmchen backen, und wie lange dann?"] == "comment"
    assert got["Hallo Lotte, ja, etwa zwanzig Minuten reichen, mach aber die Stäbchenprobe."] \
        == "comment"
    assert is_widget("Daumen hoch0Daumen runter Antworten") and is_widget("Like Reply")
    assert not is_widget("2019 2020") and not is_widget("Top 10 Reasons to Stay")


def test_a_commenter_known_by_a_number_keeps_the_thread_going():
    assert says_header("1009 schreibt:") == ("1009", "")
    assert says_header("2019 was a year of change:") is None
    comment = ("Die Frage ist, ob Gentechnik vor der Geburt Krankheiten verhindern darf, und wer "
               "darüber entscheidet.")
    text = "\n".join([
        "Schreibt eure Antworten bis Ende Mai in die Kommentare.",
        "",
        "10 Antworten",
        "1. Badenraser schreibt:", "   29. Mai 2019 um 17:39",
        "   Ist die Würde der Flüchtlinge in Deutschland gewährleistet?", "   Antworten",
        "2. Tollertext schreibt:", "   29. Mai 2019 um 10:55",
        "   Sind Todesstrafen moralisch vertretbar?", "   Antworten",
        "3. 1009 schreibt:", "   29. Mai 2019 um 10:48",
        *(f"   {comment}" for _ in range(14)),
        "   Antworten",
    ])
    lines, labels = _marked(text, 1)
    got = _by_text(lines, labels)
    assert got["3. 1009 schreibt:"] == "comment" and got[comment] == "comment"


def test_numbered_comments_with_votes_between_date_and_text():
    # "name", "#1 — vor 8 Stunden" (the comment's number before its age), a vote count, text
    assert timestamp_line("#1.1 — vor 8 Stunden") is not None
    text = "\n".join([
        "Die Bahn will bis 2030 mehr Züge nach Barcelona schicken.",
        "",
        "Kommentare",
        "Neueste zuerst Nur Leserempfehlungen",
        "",
        "ThomasMelber", "", "#1 — vor 8 Stunden", "2", "",
        "Nicht einmal der Manager selbst fährt mit der Bahn zur Arbeit.", "",
        "Antworten Melden Empfehlen", "",
        "Curitiba", "", "#1.1 — vor 8 Stunden", "20", "",
        "Das glaube ich nicht, er wohnt doch direkt am Hauptbahnhof.", "",
        "Antworten Melden Empfehlen",
    ])
    lines, labels = _marked(text, 1)
    got = _by_text(lines, labels)
    assert got["Nicht einmal der Manager selbst fährt mit der Bahn zur Arbeit."] == "comment"
    assert got["Das glaube ich nicht, er wohnt doch direkt am Hauptbahnhof."] == "comment"
    assert got["Die Bahn will bis 2030 mehr Züge nach Barcelona schicken."] == "body"


def test_comment_by_name_over_its_date_under_a_toggled_count_heading():
    assert is_section_header("± 6 Kommentare zu „Rinderleber mit Apfel“")
    text = "\n".join([
        "Die Leber in feine Streifen schneiden und kurz in Butter anbraten.",
        "",
        "± 2 Kommentare zu „Rinderleber mit Apfel“",
        "",
        " 1. 1", "",
        "    Kommentar von Mareike", "    8. Dezember 2010 um 10:56", "",
        "    Eine interessante Art, Leber zuzubereiten. Muss ich morgen gleich ausprobieren.", "",
        " 2. 2", "",
        "    Kommentar von Georg77", "    16. März 2011 um 12:22", "",
        "    Und dazu ein guter trockener Rotwein, dann ist der Abend gerettet.",
    ])
    lines, labels = _marked(text, 1)
    got = _by_text(lines, labels)
    assert got["Kommentar von Mareike"] == "comment"
    assert got["Und dazu ein guter trockener Rotwein, dann ist der Abend gerettet."] == "comment"


def test_delete_links_are_widgets_even_glued_to_reply():
    for widget in ("ReplyDelete", "AntwortenLöschen", "Löschen", "Répondre Supprimer"):
        assert is_widget(widget), widget
    assert not is_widget("Löschen Sie die alten Dateien vor dem Update")
    assert not is_widget("Replyfoo")


def test_a_single_comment_under_a_singular_heading_that_names_the_post():
    for heading in ("1 reply on “Warum die Brücke fällt”", "Ein Gedanke zu „Über uns“",
                    "One reply to \"A bridge too far\""):
        assert is_section_header(heading), heading
    # alone, "1 reply" is the widget under a comment, not a heading
    assert not is_section_header("1 reply") and not is_section_header("1 Antwort")
    text = "\n".join([
        "Der Gemeinderat hat am Abend den Neubau der Sporthalle mit knapper Mehrheit beschlossen.",
        "",
        "Ein Gedanke zu „Die neue Sporthalle“",
        "",
        " 1. Januar 15, 2014 um 23:36",
        "    Agi Joe sagt:",
        "",
        "    Endlich! Die alte Halle war seit Jahren viel zu klein für die Vereine.",
        "",
        "Kommentar verfassen",
    ])
    lines, labels = _marked(text, 1)
    got = _by_text(lines, labels)
    assert got["Agi Joe sagt:"] == "comment"
    assert got["Endlich! Die alte Halle war seit Jahren viel zu klein für die Vereine."] == "comment"
    assert got["Ein Gedanke zu „Die neue Sporthalle“"] == "boilerplate"
