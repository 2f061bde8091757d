"""Reader pleas written as prose are found in several languages; reporting about them is not."""

import pytest

from presslens.document import split_lines
from presslens.steps.segment.pleas import demote_pleas, is_plea

PLEAS = [
    "Support independent journalism: donate today and help us keep our reporting free.",
    "Sign up for our newsletter and get the day's top stories in your inbox.",
    "Abonnez-vous dès aujourd'hui : nos dossiers et nos archives vous attendent.",
    "Recevez gratuitement notre lettre d'information chaque vendredi.",
    "Sie können unsere Arbeit mit einer Spende unterstützen.",
    "Suscríbete a nuestro boletín y recibe las noticias en tu correo electrónico.",
    "Iscriviti alla nostra newsletter per ricevere le notizie ogni mattina.",
    "Follow The Gazette on Twitter and Instagram for the latest updates.",
    "If you enjoyed reading this post, would you consider supporting our work?",
    "Liked this story? Chip in to keep our newsroom independent.",
    "Nous ne partageons jamais votre adresse et vous pouvez vous désinscrire à tout moment.",
    "Abonnés, vous pouvez aussi commenter nos articles.",
    "¿Ya sabías que en Noticias.com tenemos canal de Telegram? Únete desde tu celular aquí.",
    "Gefällt dir der Beitrag? Dann teile ihn mit deinen Freunden auf Facebook oder Twitter!",
    "Let us know what you think in the comments or over on our Twitter and Facebook.",
]
REPORTING = [
    "Netflix told subscribers that the monthly price will rise next year.",
    "The union said it would support the strike and urged members to donate to the fund.",
    "Selon un communiqué interne consulté par notre rédaction, la direction invoque des coûts.",
    "Der Verein sammelt Spenden für die Flutopfer im Ahrtal, teilte die Stadt mit.",
    "The minister said on Twitter that the app would be withdrawn next week.",
    # a platform in the outlet's or the reader's words, with no call to share, follow or join
    "Wir berichten an diesem Wochenende live auf Twitter, und ihr könnt alles auf unserer Seite nachlesen.",
    "In this post we show how you can embed your Twitter feed in your own blog without a plugin.",
    "Sie informieren sich bei Instagram und YouTube und handeln per Smartphone-App.",
]


@pytest.mark.parametrize("text", PLEAS)
def test_pleas_in_any_language_are_found(text):
    assert is_plea(text)


@pytest.mark.parametrize("text", REPORTING)
def test_reporting_that_mentions_money_or_subscribers_is_not_a_plea(text):
    assert not is_plea(text)


def test_a_plea_box_is_demoted_with_its_softer_lines_and_the_article_stays():
    article = "The council approved the budget on Tuesday after a long debate."
    box = ["Devenez membre pour lire sans publicité et nous soutenir.",
           "En tant que membre, vous recevez aussi notre lettre d'information."]
    lines = split_lines("\n".join([article, *box, article]))
    labels = demote_pleas(lines, ["body"] * len(lines))
    assert labels == ["body", "boilerplate", "boilerplate", "body"]


def test_a_donation_box_field_beside_a_plea_goes_with_it():
    plea = "Devenez membre pour lire sans publicité et nous soutenir."
    article = "The council approved the budget on Tuesday after a long debate."
    lines = split_lines("\n".join([article, plea, "Autre montant", article]))
    assert demote_pleas(lines, ["body"] * 4) == ["body", "boilerplate", "boilerplate", "body"]
