"""Quotes: what was said on the page, and who said it.

Direct quotes are the text inside “ ”, " ", « », ‘ ’ and „ “ (marks excluded) of at least
MIN_QUOTE_WORDS words; indirect quotes are the clause a reporting verb introduces ("said
that …", "a affirmé que …") or that "according to X" / "selon X" frames. The speaker is looked
for around the quote (after it first, as news writes "…," he said), in either order ("said Le
Drian" / "Le Drian said"); a pronoun ("he", "il", "-t-elle") or a title ("the minister",
"le porte-parole") is resolved to the nearest person named before the quote (one named with
that title first). A quote with no attribution of its own that follows a quote of the same
paragraph closely ("…," he said. "…") continues it and takes its speaker.

Each quote: `text`, `start`, `end` (offsets into `doc.text`), `speaker` (canonical name or
null), `speaker_entity_id` (the entity id of the `entities` step, or a corpus id for a name
the recogniser missed) and `kind` (`direct` or `indirect`).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from presslens.document import Document
from presslens.steps.entities.linking import display_name
from presslens.steps.entities.normalize import TITLES, corpus_id, name_key
from presslens.steps.entities.passages import Passage, passages, source_span

#: shorter quoted stretches are titles, terms and scare quotes ("so-called 'rebels'")
MIN_QUOTE_WORDS = 3
#: how far around a quote its attribution is looked for, in characters
WINDOW = 160
#: a quote starting this close after the previous one, with no attribution of its own,
#: continues it
CONTINUATION_GAP = 220

_PAIRS = {"“": "”", "«": "»", "„": "“‟”", "‘": "’", '"': '"', "‹": "›", "»": "«"}
_OPENING = re.compile(r"[“«„‘\"‹]")

_VERBS_EN = (r"said|says|say|told|tells|wrote|writes|warned|warns|claimed|claims|insisted|"
             r"insists|added|adds|stated|states|declared|explained|explains|argued|argues|"
             r"noted|notes|stressed|stresses|asked|asks|replied|announced|announces|"
             r"confirmed|confirms|denied|denies|admitted|admits|urged|urges|tweeted|posted|"
             r"recalled|acknowledged|maintained|maintains|believes|believed|suggested|"
             r"promised|vowed|pledged|cautioned|conceded|continued|went on|recounted|"
             r"recalls|remembers|remembered|thinks|thought|predicted|predicts|estimated|"
             r"estimates|complained|complains|observed|observes|emphasised|emphasized|"
             r"reported|reports|testified|alleged|alleges|contended|objected|agreed|"
             r"responded|countered|wondered|whispered|shouted|told reporters|"
             r"conceded|concluded|remarked|commented|predicted|assured|assures|repeated")
_VERBS_FR = (r"déclaré|affirmé|indiqué|dit|ajouté|expliqué|estimé|assuré|souligné|précisé|"
             r"averti|prévenu|martelé|insisté|annoncé|confirmé|démenti|reconnu|écrit|lancé|"
             r"répondu|jugé|dénoncé|rappelé|tweeté|confié|poursuivi|admis|promis|regretté|"
             r"observé|noté|fait valoir|fait savoir|raconté|témoigné|ajouté|"
             r"déclare|affirme|indique|dit|ajoute|explique|estime|assure|souligne|précise|"
             r"avertit|prévient|martèle|insiste|annonce|confirme|dément|reconnaît|écrit|lance|"
             r"répond|juge|dénonce|rappelle|poursuit|raconte|témoigne|note|observe|"
             r"déclarait|affirmait|expliquait|estimait|assurait|racontait|soupire|confie|"
             r"lâche|souffle|conclut|résume|tranche|ironise|déplore|regrette|s'indigne|"
             r"prévient|interroge|commente|accuse|avoue|reconnaît|insiste|"
             r"demandé|demande|constaté|constate|pensé|pense|cru|croit|jugé|ajoutait|"
             r"signalé|signale|relevé|relève|rapporté|rapporte|mis en garde|met en garde|"
             r"nuancé|nuance|promet|garantit|garanti|répète|répété|s['’]est souvenu|"
             r"s['’]est souvenue|(?:se|s['’])\s*(?:souvient|souvenait|rappelle|inquiète|"
             r"interroge|félicite|désole|réjouit|indigne|emporte|alarme|défend)")
_REPORTING = re.compile(
    rf"\b(?:{_VERBS_EN})\b|\baccording to\b|(?<!\w)(?:a|ont|avait|avaient)\s+(?:{_VERBS_FR})\b"
    rf"|(?<!\w)(?:{_VERBS_FR})(?:-t)?-(?:il|elle|ils|elles)\b|(?<!\w)(?:{_VERBS_FR})\b"
    r"|(?<!\w)(?:selon|d['’]après)\b", re.IGNORECASE)
_PRONOUN = re.compile(r"(?:(?<=-)|(?<![\w-]))(he|she|they|il|elle|ils|elles)\b", re.IGNORECASE)
_TITLE_WORDS = (r"minister|ministre|chair|chairman|chairwoman|administrator|commissioner|president|président|présidente|spokesman|spokeswoman|"
                r"spokesperson|porte-parole|general|général|official|officials|ambassador|"
                r"ambassadeur|ambassadrice|chief|chef|commander|commandant|secretary|"
                r"secrétaire|leader|diplomat|diplomate|envoy|émissaire|premier|chancellor|"
                r"governor|gouverneur|mayor|maire|colonel|officer|officier|prime minister|"
                r"premier ministre|négociateur|negotiator|analyst|analyste|expert|experte|"
                r"researcher|chercheur|chercheuse|director|directeur|directrice|witness|témoin|"
                r"préfet|prefect|capitaine|captain|curé|priest|évêque|bishop|docteur|doctor|"
                r"maire|mayor|sénateur|sénatrice|senator|député|députée|avocat|avocate|lawyer|"
                r"lieutenant|sergeant|sergent|economist|économiste|professor|professeur|"
                r"professeure|nurse|infirmier|infirmière|judge|juge|investigator|enquêteur|"
                r"enquêtrice|engineer|ingénieur|ingénieure|journalist|journaliste|reporter|"
                r"activist|militant|militante|farmer|agriculteur|agricultrice|teacher|"
                r"enseignant|enseignante|doctor|médecin|surgeon|chirurgien|chirurgienne")
_TITLE = re.compile(rf"\b(?:the|le|la|l['’]|this|ce|cette)\s+(?:[\w-]+\s+){{0,2}}?"
                    rf"(?P<title>{_TITLE_WORDS})\b", re.IGNORECASE)
_NAME = re.compile(r"(?:(?:M\.|Mme|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)\s+)?"
                   r"[A-ZÀ-ÖØ-Þ][\w’'-]+(?:\s+(?:(?:al|el|de|du|van|von|bin|ben|ibn|Le|La)"
                   r"[-\s])?[A-ZÀ-ÖØ-Þ][\w’'-]+){0,3}")
#: capitalised words that start sentences, not names
_NOT_NAMES = frozenset({"The", "In", "On", "At", "But", "And", "He", "She", "They", "It", "This",
                        "That", "Le", "La", "Les", "Il", "Elle", "Ils", "Elles", "Selon", "Pour",
                        "Dans", "Mais", "Et", "En", "Au", "A", "À", "According", "After", "Après",
                        "When", "Quand", "We", "Nous", "I", "Je", "Speaking", "Asked", "Interrogé",
                        "Interrogée", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                        "Saturday", "Sunday", "Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi",
                        "Samedi", "Dimanche"})
_ABBREVIATIONS = re.compile(r"(?:\b(?:M|Mr|Mrs|Ms|Mme|Dr|St|Gen|Lt|Col|Sgt|Capt|Prof|Jr|Sr|"
                            r"Mgr|No|vs|etc|[A-Z])\.)$")
_SENTENCE_END = re.compile(r"[.!?…]+[\"”»’]?(?=\s+|$)")

#: characters of an incise's subject: no clause punctuation, but "M. " and "Mme. " may pass
_INCISE_WORDS = r"(?:\b(?:M|Mme|Mr|Dr)\.\s|[^,.;:!?«»])"
# an attribution set inside French quote marks: ", a ajouté M. Jaafari." / ", dit-il,"
_INCISE_TAIL = r"(?:(?:,[^,.;!?«»]{1,60}){0,2}[.!?](?=\s|$)|[,;](?=\s)|$)"
_INCISE = re.compile(
    rf",\s*(?:(?:(?:a|ont|avait)\s+(?:{_VERBS_FR})|(?:{_VERBS_FR}))\s+"
    rf"(?:M\.\s|Mme\s|le\s|la\s|l['’]|[A-ZÀ-Ý]){_INCISE_WORDS}{{0,60}}?{_INCISE_TAIL}"
    rf"|(?:(?:{_VERBS_FR})(?:-t)?-(?:il|elle|ils|elles)|a-t-(?:il|elle)\s+(?:{_VERBS_FR}))"
    rf"(?:[.,;!?](?=\s)|$))", re.IGNORECASE)
# indirect speech: the clause a reporting verb introduces
_THAT_CLAUSE = re.compile(
    rf"\b(?:{_VERBS_EN})\b(?P<between>[^.;:!?\"“”«»]{{0,50}}?)\bthat\s+(?P<content>\S)"
    rf"|(?<!\w)(?:a|ont|avait|avaient)\s+(?:{_VERBS_FR})\b(?P<between_fr>[^.;:!?\"“”«»]{{0,50}}?)"
    rf"\bqu(?:e\s+|['’])(?P<content_fr>\S)"
    rf"|(?<!\w)(?:{_VERBS_FR})\s+qu(?:e\s+|['’])(?P<content_fr2>\S)", re.IGNORECASE)
_SAID_CLAUSE = re.compile(r"\b(?:said|says)\s+(?!(?:on|in|at|to|after|before|during|late|earlier|"
                          r"yesterday|today|last|this|that|so|nothing|little|no|in|of|with|"
                          r"by|for|about|when|while|as|and|but)\b)(?P<content>\w+\b)")
_ACCORDING_LEAD = re.compile(r"^\s*(?:according to|selon|d['’]après)\s+(?P<who>[^,]{2,80}),\s*"
                             r"(?P<content>\S)", re.IGNORECASE)
# "…, the observatory said." / "…, said Le Drian." / "…, a indiqué le ministère.": the clause
# before the comma is the report; the attribution ends the sentence, with at most a short
# complement after the verb ("in a statement", "on Monday"), never a clause of its own. A
# subject after the verb must look like one (a name, or a determiner and a noun or two), so
# that "The army, which lost tanks, said the road was open." is not read as one.
_APPOSITION = r"(?:,\s+[^,.;:!?\"“”«»]{2,60}?)?"
_SUBJECT = rf"[^,.;:!?\"“”«»]{{2,70}}?{_APPOSITION},?"
_COMPLEMENT = (r"(?:\s+(?:in|on|at|to|during|after|before|from|of|for|with|dans|lors|en|à|au|aux|"
               r"de|du|des|d['’]|devant|sur|par|pour)\b[^,.;:!?\"“”«»]{0,50})?")
_SUBJECT_AFTER = (r"(?:M\.\s+|Mme\s+|Dr\.?\s+)?[A-ZÀ-Ý][\w’'.-]*(?:\s+(?:(?:al-|el-|de|du|le|la|van|von|bin)\s*)?"
                  r"[A-ZÀ-Ý][\w’'.-]*){0,5}"
                  r"|(?:the|le|la|les|l['’]|un|une|a|an|its|his|her|their|son|sa|ses|leur)\s*"
                  r"[^\W\d_][\w’'-]*(?:\s+[^\W\d_][\w’'-]*)?")
_TRAILING_ATTRIBUTION = re.compile(
    rf",\s+(?:{_SUBJECT}\s+(?:{_VERBS_EN}){_COMPLEMENT}"
    rf"|(?:{_VERBS_EN})\s+(?:{_SUBJECT_AFTER}){_APPOSITION}{_COMPLEMENT}"
    rf"|{_SUBJECT}\s+(?:a|ont|avait|avaient)\s+(?:{_VERBS_FR}){_COMPLEMENT}"
    rf"|(?:a|ont|avait|avaient)\s+(?:{_VERBS_FR})\s+(?:{_SUBJECT_AFTER}){_APPOSITION}{_COMPLEMENT}"
    rf"|(?:{_VERBS_FR})(?:-t)?-(?:il|elle|ils|elles){_COMPLEMENT}"
    rf"|a-t-(?:il|elle)\s+(?:{_VERBS_FR}){_COMPLEMENT})"
    rf"\s*[.!?…]?\s*$")
#: words the reported clause needs before a trailing attribution ("Later, he said." is none)
MIN_TRAILING_CLAUSE_WORDS = 4
_APPOSITIVE = re.compile(r"(?:(?:M\.\s|Mme\s)?[A-ZÀ-Ý][\w'’-]+(?:\s+(?:al-|el-|de\s|Le\s)?[A-ZÀ-Ý]"
                         r"[\w'’-]+){0,3}|(?:a|an|un|une)\s[^,]{1,60}),\s*")
_ACCORDING_TAIL = re.compile(r",\s*(?:according to|selon|d['’]après)\s+(?P<who>[^.]{2,120})"
                             r"[.!?]?\s*$", re.IGNORECASE)


@dataclass(slots=True)
class Span:
    """A stretch of a passage (view offsets)."""

    start: int
    end: int


@dataclass(slots=True)
class Quote:
    start: int  # view offsets of the quoted text
    end: int
    kind: str
    paragraph_start: int
    speaker: dict[str, Any] | None = None
    attributed: bool = False
    incise: Span | None = None  # an attribution inside the quote marks


class QuotesStep:
    """Adds `quotes` (direct and indirect, with speakers linked to entity ids)."""

    name = "quotes"
    requires = ("body", "entities")
    provides = ("quotes",)

    def __call__(self, doc: Document) -> None:
        people = Mentions(doc.extras.get("entities", []))
        found: list[dict[str, Any]] = []
        for passage in passages(doc):
            if passage.kind == "body":
                found.extend(quotes_in(doc, passage, people))
        found.sort(key=lambda q: q["start"])
        doc.extras["quotes"] = found


class Mentions:
    """The page's entity mentions (source offsets), for speaker look-ups."""

    def __init__(self, entities: list[dict[str, Any]]) -> None:
        self.items = sorted((e for e in entities if e["label"] in ("PER", "ORG")),
                            key=lambda e: e["start"])
        self.starts = [e["start"] for e in self.items]

    def inside(self, start: int, end: int) -> list[dict[str, Any]]:
        index = bisect.bisect_left(self.starts, start)
        found = []
        while index < len(self.items) and self.items[index]["start"] < end:
            if self.items[index]["end"] <= end:
                found.append(self.items[index])
            index += 1
        return found

    def person_before(self, offset: int, title: str | None, text: str,
                      skip: _Spans) -> dict[str, Any] | None:
        """The nearest person named before `offset` outside quotes; one named with `title`
        nearby first ("Foreign Minister Ibrahim al-Jaafari" for "the minister")."""
        index = bisect.bisect_left(self.starts, offset) - 1
        candidates = []
        while index >= 0 and len(candidates) < 8:
            mention = self.items[index]
            index -= 1
            if mention["label"] != "PER" or mention["start"] in skip:
                continue
            candidates.append(mention)
        if title:
            stem = title.lower()[:5]
            for mention in candidates:
                around = text[max(0, mention["start"] - 60):mention["end"] + 60].lower()
                if stem in around:
                    return mention
        return candidates[0] if candidates else None


def quotes_in(doc: Document, passage: Passage, people: Mentions) -> list[dict[str, Any]]:
    """The quotes of one body passage, as records with source offsets."""
    text = passage.text
    quotes: list[Quote] = []
    for paragraph in _paragraphs(text):
        direct = _direct_quotes(text, paragraph)
        quotes.extend(direct)
        quotes.extend(_indirect_quotes(text, paragraph, direct))
    quotes.sort(key=lambda q: q.start)
    quoted_source = [source_span(doc, passage, q.start, q.end) for q in quotes
                     if q.kind == "direct"]
    speakers: list[dict[str, Any]] = []  # speakers found so far, in text order
    neighbours = _Neighbours(quotes)
    quoted = _Spans(quoted_source)
    for quote in quotes:
        _attribute(doc, passage, quote, neighbours, people, quoted, speakers)
        if quote.speaker is not None:
            speakers.append(quote.speaker)
    _continue_speakers(text, quotes)
    records = []
    for quote in quotes:
        start, end = source_span(doc, passage, quote.start, quote.end)
        if end <= start:
            continue
        speaker = quote.speaker or {}
        records.append({"text": doc.text[start:end], "start": start, "end": end,
                        "speaker": speaker.get("name"),
                        "speaker_entity_id": speaker.get("entity_id"), "kind": quote.kind})
    return records


def _paragraphs(text: str) -> list[Span]:
    spans = []
    # a line is a paragraph: body views are re-flowed, so a line break ends a paragraph
    for match in re.finditer(r"[^\n]+", text):
        spans.append(Span(match.start(), match.end()))
    return spans


# --- finding quotes -------------------------------------------------------------------------

def _direct_quotes(text: str, paragraph: Span) -> list[Quote]:
    """Quoted stretches of a paragraph, marks excluded, at least MIN_QUOTE_WORDS words."""
    found = []
    position = paragraph.start
    while True:
        opening = _OPENING.search(text, position, paragraph.end)
        if opening is None:
            break
        mark = opening.group()
        if mark == "‘" and opening.start() > 0 and text[opening.start() - 1].isalnum():
            position = opening.end()
            continue
        close = _closing(text, opening.end(), paragraph.end, mark)
        if close is None:
            position = opening.end()
            continue
        start, end = _stripped(text, opening.end(), close)
        if _is_speech(text, opening.start(), close, start, end, paragraph):
            found.extend(_split_by_incise(text, start, end, paragraph.start))
        position = close + 1
    return found


#: small words a title leaves in lower case ("War and Peace", "Journal de la guerre")
_TITLE_SMALL = frozenset({"a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for",
                          "by", "with", "from", "de", "du", "des", "la", "le", "les", "et",
                          "en", "au", "aux", "d", "l", "un", "une", "der", "die", "das", "und"})
_SPEECH_END = (",", ".", "!", "?", "…", ";")


def _is_speech(text: str, opening: int, close: int, start: int, end: int,
               paragraph: Span) -> bool:
    """Whether a quoted stretch is said rather than named: a title ("War and Peace", every
    content word capitalised) or a scare-quoted term ("rebels") is not. A stretch shorter
    than MIN_QUOTE_WORDS words is speech only when it ends with its own punctuation and a
    reporting verb is right beside it ("We stay," he added)."""
    piece = text[start:end]
    words = re.findall(r"[^\W\d_][\w'’-]*", piece)
    if not words:
        return False
    punctuated = text[opening + 1:close].rstrip().endswith(_SPEECH_END)
    content = [w for w in words if w.lower() not in _TITLE_SMALL]
    if not punctuated and content and all(w[0].isupper() for w in content):
        return False
    if len(piece.split()) >= MIN_QUOTE_WORDS:
        return True
    return punctuated and _attribution_beside(text, opening, close, paragraph)


def _attribution_beside(text: str, opening: int, close: int, paragraph: Span) -> bool:
    """A reporting verb in the clause right after the closing mark (“…,” he added) or right
    before the opening one, introducing it (He added: “…”)."""
    after = text[close + 1:min(paragraph.end, close + 1 + WINDOW // 3)]
    stop = re.search(r"[.!?;:“”\"«»]", after)
    after = after[:stop.start()] if stop else after
    if _REPORTING.search(after):
        return True
    before = text[max(paragraph.start, opening - WINDOW // 3):opening].rstrip()
    if not before.endswith((":", ",")):
        return False
    stop = None
    for stop in re.finditer(r"[.!?;“”\"«»]", before):
        pass
    return bool(_REPORTING.search(before[stop.end() if stop else 0:]))


def _split_by_incise(text: str, start: int, end: int, paragraph_start: int) -> list[Quote]:
    """French quotes carry their attribution inside the marks (« …, a ajouté M. X. … »):
    the quote is the text on either side, and the incise is its attribution."""
    incise = _INCISE.search(text, start, end)
    if incise is None:
        return [Quote(start, end, "direct", paragraph_start)]
    pieces = [_stripped(text, start, incise.start()), _stripped(text, incise.end(), end)]
    quotes = [Quote(a, b, "direct", paragraph_start, incise=Span(incise.start(), incise.end()))
              for a, b in pieces if len(text[a:b].split()) >= 1 and b > a]
    return quotes or [Quote(start, end, "direct", paragraph_start)]


def _closing(text: str, start: int, limit: int, mark: str) -> int | None:
    closers = _PAIRS[mark]
    index = start
    while index < limit:
        ch = text[index]
        if ch in closers:
            # an apostrophe inside a word ("don’t", "l’armée") does not close a ‘ quote
            if ch == "’" and index + 1 < len(text) and text[index + 1].isalpha() and \
                    index > start and text[index - 1].isalpha():
                index += 1
                continue
            return index
        index += 1
    return None


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    """Without outer spaces, and without a trailing comma, semicolon or colon: in “…,” he
    said" the comma belongs to the attribution, while a full stop ends the quoted sentence."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


def _sentences(text: str, span: Span) -> list[Span]:
    """Sentences of a paragraph: a stop followed by space, not after an abbreviation."""
    found = []
    start = span.start
    for match in _SENTENCE_END.finditer(text, span.start, span.end):
        before = text[max(span.start, match.start() - 6):match.start() + 1]
        if _ABBREVIATIONS.search(before):
            continue
        found.append(Span(start, match.end()))
        start = match.end()
        while start < span.end and text[start].isspace():
            start += 1
    if start < span.end:
        found.append(Span(start, span.end))
    return [s for s in found if s.end > s.start]


def _indirect_quotes(text: str, paragraph: Span, direct: list[Quote]) -> list[Quote]:
    """Reported clauses of the paragraph's sentences that hold no direct quote."""
    found = []
    for sentence in _sentences(text, paragraph):
        if any(q.start < sentence.end and sentence.start < q.end for q in direct):
            continue
        quote = _reported_clause(text, sentence)
        if quote is not None:
            found.append(Quote(quote[0], quote[1], "indirect", paragraph.start))
    return found


#: a word every indirect-speech pattern needs: most sentences have none and are skipped at once
_INDIRECT_HINT = re.compile(r"that|qu|selon|according|d['’]apr[eè]s|said|says", re.IGNORECASE)


def _reported_clause(text: str, sentence: Span) -> tuple[int, int] | None:
    body = text[sentence.start:sentence.end]
    if not _INDIRECT_HINT.search(body):
        return _before_trailing_attribution(text, sentence.start, body) if ", " in body else None
    end = sentence.start + len(body.rstrip().rstrip(".!?…").rstrip())
    lead = _ACCORDING_LEAD.match(body)
    if lead:
        content = lead.start("content")
        # "Selon le porte-parole, Pierre Valmont, les frappes…": the name is the source's
        appositive = _APPOSITIVE.match(body, content)
        if appositive:
            content = appositive.end()
        else:
            # "Selon X, chercheuse à l'Institut, …": an occupation starts an appositive
            segment = re.match(r"([^\W\d_]+)[^,]{0,60},\s*", body[content:])
            if segment and name_key(segment.group(1)) in TITLES:
                content += segment.end()
        return _content_span(text, sentence.start + content, end)
    tail = _ACCORDING_TAIL.search(body)
    if tail:
        return _content_span(text, sentence.start, sentence.start + tail.start())
    clause = _THAT_CLAUSE.search(body)
    if clause:
        group = next(g for g in ("content", "content_fr", "content_fr2") if clause.group(g))
        return _content_span(text, sentence.start + clause.start(group), end)
    trailing = _before_trailing_attribution(text, sentence.start, body)
    if trailing is not None:
        return trailing
    said = _SAID_CLAUSE.search(body)
    if said and said.start() < len(body) // 2 + 20:
        return _content_span(text, sentence.start + said.start("content"), end)
    return None


def _before_trailing_attribution(text: str, start: int, body: str) -> tuple[int, int] | None:
    """The clause of "CLAUSE, X said." (see _TRAILING_ATTRIBUTION), or None."""
    trailing = _TRAILING_ATTRIBUTION.search(body) if ", " in body else None
    if trailing is None or len(body[:trailing.start()].split()) < MIN_TRAILING_CLAUSE_WORDS:
        return None
    return _content_span(text, start, start + trailing.start())


def _content_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    start, end = _stripped(text, start, end)
    return (start, end) if len(text[start:end].split()) >= MIN_QUOTE_WORDS else None


# --- speakers -------------------------------------------------------------------------------

class _Neighbours:
    """The quotes of a passage, for the nearest one after or before a quote in O(log n)."""

    def __init__(self, quotes: list[Quote]) -> None:
        self.starts = sorted(q.start for q in quotes)
        self.ends = sorted(q.end for q in quotes)

    def next_start(self, offset: int, default: int) -> int:
        """The first start at or after `offset` (a quote never starts at or after its end)."""
        index = bisect.bisect_left(self.starts, offset)
        return self.starts[index] if index < len(self.starts) else default

    def previous_end(self, offset: int, default: int) -> int:
        """The last end at or before `offset` (a quote never ends at or before its start)."""
        index = bisect.bisect_right(self.ends, offset) - 1
        return self.ends[index] if index >= 0 else default


class _Spans:
    """Source spans of the direct quotes, sorted, for "is this offset quoted?" in O(log n)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [a for a, _ in self.spans]

    def __contains__(self, offset: int) -> bool:
        index = bisect.bisect_right(self.starts, offset) - 1
        # spans rarely nest; the one starting last before `offset` decides, or the one before it
        return any(a <= offset < b for a, b in self.spans[max(0, index - 1):index + 1])


def _attribute(doc: Document, passage: Passage, quote: Quote, quotes: _Neighbours,
               people: Mentions, quoted: _Spans, speakers: list[dict[str, Any]]) -> None:
    """Find the quote's attribution around it and resolve its speaker."""
    text = passage.text
    windows = [quote.incise] if quote.incise else _windows(text, quote, quotes)
    for window in windows:
        verb = _REPORTING.search(text, window.start, window.end)
        if verb is None:
            continue
        quote.attributed = True
        quote.speaker = _speaker(doc, passage, window, verb, quote, people, quoted, speakers)
        if quote.speaker is not None:
            return


def _windows(text: str, quote: Quote, quotes: _Neighbours) -> list[Span]:
    """Where an attribution may be: after the quote to the sentence end (or the next quote),
    then before it from the sentence start (or the previous quote); for an indirect quote,
    the part of its sentence before the clause, or after it ("…, selon X")."""
    paragraph_end = _paragraph_end(text, quote.end)
    next_start = quotes.next_start(quote.end, paragraph_end)
    after_end = min(quote.end + WINDOW, next_start, paragraph_end)
    stop = _next_sentence_end(text, quote.end + (1 if quote.kind == "direct" else 0),
                              after_end)
    # "…,” said X." — the attribution's own sentence end closes the window; an indirect
    # quote's attribution is in its own sentence
    if stop is not None and (stop.start() > quote.end + 1 or quote.kind == "indirect"):
        after_end = stop.end()
    if quote.kind == "direct" and _ends_sentence_before_capital(text, quote.end):
        after_end = quote.end  # “…left.” Next sentence: the next sentence is not attribution
    previous_end = quotes.previous_end(quote.start, quote.paragraph_start)
    before_start = max(quote.start - WINDOW, previous_end, quote.paragraph_start)
    sentence_starts = [m.end() for m in _SENTENCE_END.finditer(text, before_start, quote.start)
                       if m.end() < quote.start - 1]
    if sentence_starts and quote.kind == "indirect":
        before_start = sentence_starts[-1]
    elif sentence_starts and not text[before_start:quote.start].rstrip().endswith((":", ",")):
        before_start = sentence_starts[-1]
    return [Span(quote.end, after_end), Span(before_start, quote.start)]


def _next_sentence_end(text: str, start: int, limit: int) -> re.Match[str] | None:
    """The next full stop that ends a sentence ("M." and "U.S." do not)."""
    for match in _SENTENCE_END.finditer(text, start, limit):
        if not _ABBREVIATIONS.search(text[max(0, match.start() - 6):match.start() + 1]):
            return match
    return None


def _ends_sentence_before_capital(text: str, end: int) -> bool:
    if end == 0 or text[end - 1] not in ".!?…":
        return False
    following = text[end:end + 6].lstrip("”»\"’“ \u00a0")
    return not following or following[0].isupper()


def _paragraph_end(text: str, offset: int) -> int:
    found = text.find("\n\n", offset)
    return len(text) if found < 0 else found


def _speaker(doc: Document, passage: Passage, window: Span, verb: re.Match[str], quote: Quote,
             people: Mentions, quoted: _Spans,
             speakers: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The speaker named in an attribution window, closest to its reporting verb; a pronoun
    or a title is the person named before (or the last speaker when the recogniser named no
    one); a lone surname is the person of that surname named before ("…," Saleh said)."""
    text = passage.text
    source = source_span(doc, passage, window.start, window.end)
    verb_source = source_span(doc, passage, verb.start(), verb.end())[0]
    # "said Wrenhaven's town administrator, Carol Pemberton": a possessive names whose speaker
    # it is, not the speaker
    named = [m for m in people.inside(*source)
             if not doc.text.startswith(("'s", "’s"), m["end"])]
    pronoun = _PRONOUN.search(text, window.start, window.end)
    before = [m for m in named if m["end"] <= verb_source]
    if named and not before and pronoun is not None and pronoun.end() <= verb.start():
        # "…," he wrote in the Review / she told CNN: a pronoun is the verb's subject, the
        # names after the verb are where or to whom
        named = []
    if named:
        # "X told the BBC that …": the subject before the verb speaks, not the addressee
        pool = before if before and window.end <= quote.start else named
        best = min(pool, key=lambda m: (m["label"] != "PER", abs(m["start"] - verb_source)))
        found = {"name": best["name"], "entity_id": best["entity_id"]}
        return _fuller(found, people, speakers, verb_source)
    quote_source = source_span(doc, passage, quote.start, quote.end)[0]
    title = _TITLE.search(text, window.start, window.end)
    if title or (pronoun and pronoun.group(1).lower() not in ("they", "ils", "elles")):
        person = people.person_before(quote_source, title.group("title") if title else None,
                                      doc.text, quoted)
        if person is not None:
            return {"name": person["name"], "entity_id": person["entity_id"]}
        if speakers:
            return speakers[-1]
    name = _unrecognised_name(text, window, verb)
    if name:
        display = display_name(name, "PER")
        return {"name": display, "entity_id": corpus_id(name_key(display, True))}
    return _by_surname(text, window, verb, people, speakers, verb_source)


@lru_cache(maxsize=4096)
def _surname(name: str) -> str:
    words = name_key(name, strip_titles=True).split()
    return words[-1] if words else ""


#: how many speakers and named persons back a surname alone is looked up: news names people
#: near their quotes, and a page with thousands of quotes must not cost quotes x persons
RECENT_PEOPLE = 40


def _people_before(people: Mentions, speakers: list[dict[str, Any]], offset: int
                   ) -> list[dict[str, Any]]:
    """The latest speakers, then the persons named before `offset`, nearest first."""
    named = []
    index = bisect.bisect_left(people.starts, offset) - 1
    while index >= 0 and len(named) < RECENT_PEOPLE:
        mention = people.items[index]
        index -= 1
        if mention["label"] == "PER":
            named.append({"name": mention["name"], "entity_id": mention["entity_id"]})
    return speakers[-RECENT_PEOPLE:][::-1] + named


def _fuller(found: dict[str, Any], people: Mentions, speakers: list[dict[str, Any]],
            offset: int) -> dict[str, Any]:
    """A one-word speaker ("Farrow") is the person named in full before with that surname
    ("Gideon Farrow") when the recogniser missed the full name there."""
    if " " in name_key(found["name"], strip_titles=True):
        return found
    key = _surname(found["name"])
    for person in _people_before(people, speakers, offset):
        if person["entity_id"] != found["entity_id"] and " " in person["name"] and \
                _surname(person["name"]) == key:
            return person
    return found


def _by_surname(text: str, window: Span, verb: re.Match[str], people: Mentions,
                speakers: list[dict[str, Any]], offset: int) -> dict[str, Any] | None:
    """A capitalised word of the window that is the surname of a person named before."""
    earlier = _people_before(people, speakers, offset)
    if not earlier:
        return None
    best = None
    for match in re.finditer(r"\b[A-ZÀ-ÖØ-Þ][\w’'-]+", text[window.start:window.end]):
        word = match.group()
        if word in _NOT_NAMES:
            continue
        key = _surname(word)
        person = next((p for p in earlier if " " in p["name"] and _surname(p["name"]) == key),
                      None)
        if person is None:
            continue
        start = window.start + match.start()
        distance = min(abs(start - verb.end()), abs(verb.start() - start - len(word)))
        if best is None or distance < best[0]:
            best = (distance, person)
    return best[1] if best else None


def _unrecognised_name(text: str, window: Span, verb: re.Match[str]) -> str | None:
    """A name the recogniser missed: two or more capitalised words (or a title and one),
    the one nearest the verb; one capital word alone is too often a sentence's first word."""
    best = None
    for match in _NAME.finditer(text, window.start, window.end):
        words = match.group().split()
        while words and words[0] in _NOT_NAMES:
            words = words[1:]
        titled = bool(words) and words[0].rstrip(".") in ("M", "Mme", "Mr", "Mrs", "Ms", "Dr")
        if len(words) < 2 and not titled or (titled and len(words) < 2):
            continue
        distance = min(abs(match.start() - verb.end()), abs(verb.start() - match.end()))
        if best is None or distance < best[0]:
            best = (distance, " ".join(words))
    return best[1] if best else None


def _continue_speakers(text: str, quotes: list[Quote]) -> None:
    """An unattributed quote close after an attributed one, in its paragraph, continues it."""
    previous: Quote | None = None
    for quote in quotes:
        if quote.speaker is None and not quote.attributed and previous is not None and \
                previous.speaker is not None and quote.kind == previous.kind == "direct" and \
                quote.start - previous.end <= CONTINUATION_GAP:
            quote.speaker = previous.speaker
        previous = quote if quote.speaker is not None else previous
