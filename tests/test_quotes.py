"""The quotes step: direct and indirect quotes in English and French, with their speakers."""

import pytest

from presslens.document import Document
from presslens.steps.entities import EntitiesStep
from presslens.steps.entities.kb import KnowledgeBase
from presslens.steps.quotes import QuotesStep


@pytest.fixture(scope="module")
def steps():
    return EntitiesStep(KnowledgeBase.load(environment=False)), QuotesStep()


def quotes_of(steps, text, language):
    doc = Document(text)
    doc.language = language
    doc.body = text
    for step in steps:
        step(doc)
    for quote in doc.extras["quotes"]:
        assert doc.text[quote["start"]:quote["end"]] == quote["text"]
    return doc, [(q["text"], q["speaker"], q["kind"]) for q in doc.extras["quotes"]]


def test_english_direct_quote_with_attribution_after(steps):
    _, quotes = quotes_of(steps, 'Defence Minister Talia Brandvold visited the border. "We will '
                          'not abandon the villages along this river," Brandvold said.', "en")
    assert quotes == [("We will not abandon the villages along this river", "Talia Brandvold",
                       "direct")]


def test_english_quote_split_by_its_attribution(steps):
    _, quotes = quotes_of(steps, '"We leave to spare the civilians," said Aziz Karimov, "not '
                          'because we are beaten."', "en")
    assert quotes == [("We leave to spare the civilians", "Aziz Karimov", "direct"),
                      ("not because we are beaten.", "Aziz Karimov", "direct")]


def test_english_pronoun_and_title_speakers_resolve_to_the_person_named_before(steps):
    _, quotes = quotes_of(steps, "Ambassador Henrik Dalgaard visited the capital on Monday. "
                          '"Leaving now would send the wrong signal," the ambassador said. '
                          '"We stay," he added.', "en")
    assert [q[1] for q in quotes] == ["Henrik Dalgaard", "Henrik Dalgaard"]


def test_a_pronoun_subject_speaks_not_the_outlet_or_person_after_the_verb(steps):
    _, quotes = quotes_of(steps, "Colonel Marta Okafor led the artillery for a year. "
                          '"We destroyed more than we saved," she wrote in the Defence Review. '
                          '"Nobody listened," she told Bernard Lavigne.', "en")
    assert [q[1] for q in quotes] == ["Marta Okafor", "Marta Okafor"]


def test_english_indirect_speech(steps):
    _, quotes = quotes_of(steps, "General Piet Vanderhoek told reporters that the offensive had "
                          "reached its first objectives. The talks will resume next week, "
                          "according to Sofia Armitage.", "en")
    assert quotes == [
        ("the offensive had reached its first objectives", "Piet Vanderhoek", "indirect"),
        ("The talks will resume next week", "Sofia Armitage", "indirect")]


def test_french_guillemets_with_inverted_attribution(steps):
    _, quotes = quotes_of(steps, "Le ministre Jean-Yves Le Drian était à Bagdad mardi. « Nous ne "
                          "laisserons pas Daech se reconstituer », a-t-il déclaré.", "fr")
    assert quotes == [("Nous ne laisserons pas Daech se reconstituer", "Jean-Yves Le Drian",
                       "direct")]


def test_french_attribution_inside_the_quote_marks(steps):
    _, quotes = quotes_of(steps, "Son homologue Ibrahim al-Jaafari était présent. « La bataille "
                          "n'est pas finie, a ajouté M. Jaafari. Il reste des poches de "
                          "résistance. »", "fr")
    assert quotes == [("La bataille n'est pas finie", "Ibrahim al-Jaafari", "direct"),
                      ("Il reste des poches de résistance.", "Ibrahim al-Jaafari", "direct")]


def test_french_indirect_speech_and_selon(steps):
    _, quotes = quotes_of(steps, "La sénatrice Odile Ferrand a affirmé que le budget avait été "
                          "réduit en secret. Selon Margaux Delorme, chercheuse à l'Institut, le "
                          "cessez-le-feu a été violé quarante fois.", "fr")
    assert quotes == [
        ("le budget avait été réduit en secret", "Odile Ferrand", "indirect"),
        ("le cessez-le-feu a été violé quarante fois", "Margaux Delorme", "indirect")]


def test_the_speaker_is_linked_to_the_entity_id_of_the_person(steps):
    doc, _ = quotes_of(steps, "« Il n'y a pas de solution militaire », a déclaré Bachar "
                       "al-Assad devant les députés.", "fr")
    quote = doc.extras["quotes"][0]
    person = next(e for e in doc.extras["entities"] if e["label"] == "PER")
    assert quote["speaker_entity_id"] == person["entity_id"]
    assert quote["speaker"] == "Bashar al-Assad"


def test_scare_quotes_and_titles_are_not_quotes(steps):
    _, quotes = quotes_of(steps, 'The so-called "rebels" read "War and Peace" in the camp.', "en")
    assert quotes == []


def test_an_unattributed_quote_has_no_speaker(steps):
    _, quotes = quotes_of(steps, 'A sign on the door read "closed until the war is over".', "en")
    assert quotes == [("closed until the war is over", None, "direct")]


@pytest.mark.parametrize("text, language, expected", [
    ("The strike killed 12 people near the market, the Syrian Observatory for Human Rights "
     "said.", "en", ("The strike killed 12 people near the market",
                     "Syrian Observatory for Human Rights")),
    ("Talks will resume in Geneva next week, said Anna Lindqvist, the envoy.", "en",
     ("Talks will resume in Geneva next week", "Anna Lindqvist")),
    ("Les négociations reprendront la semaine prochaine, a déclaré Pierre Valmont.", "fr",
     ("Les négociations reprendront la semaine prochaine", "Pierre Valmont")),
])
def test_indirect_speech_with_the_attribution_after_it(steps, text, language, expected):
    _, quotes = quotes_of(steps, text, language)
    assert quotes == [(*expected, "indirect")]


def test_a_clause_with_a_comma_before_its_verb_is_no_report(steps):
    _, quotes = quotes_of(steps, "The rebels, who had held the town for years, withdrew on "
                                 "Monday.", "en")
    assert quotes == []
    _, quotes = quotes_of(steps, "The army, which lost three tanks, said the road was open.",
                          "en")
    assert [q[0] for q in quotes] == ["the road was open"]


def test_french_quote_with_a_reflexive_verb_inside_the_marks(steps):
    _, quotes = quotes_of(steps, "« Nous avons entendu les avions avant l'aube, se souvient "
                                 "Clara Nguyen, infirmière. Puis plus rien. »", "fr")
    assert [(t, s) for t, s, _ in quotes] == [
        ("Nous avons entendu les avions avant l'aube", "Clara Nguyen"),
        ("Puis plus rien.", "Clara Nguyen")]


def test_a_possessive_before_the_speaker_is_not_the_speaker(steps):
    _, quotes = quotes_of(steps, '"We cannot wait for another winter of floods," said '
                                 "Lakeport's town administrator, Ingrid Solberg.", "en")
    assert quotes == [("We cannot wait for another winter of floods", "Ingrid Solberg",
                       "direct")]


def test_a_chair_named_after_the_role_speaks(steps):
    _, quotes = quotes_of(steps, "Board chair Tomas Eklund said the vote was postponed to "
                                 'compare the bids. "We owe taxpayers that much," he said.', "en")
    assert [s for _, s, _ in quotes] == ["Tomas Eklund", "Tomas Eklund"]
