"""Builds the functional test suites tests/data/moderation_functional_{en,fr}.jsonl.

    python tests/data/moderation_suites_build.py

In the spirit of HateCheck (Röttger et al. 2021): short hand-written cases, one functionality
each, hateful ones and the hard non-hateful ones that keyword models get wrong. Every sentence
was written for presslens and is fictional. The wording is kept apart from the training
templates (training/moderation_templates/): other predicates, other sentence frames. The suites
measure the model (benchmarks/moderation.py) and are never used for training or thresholds.

A case: text, lang, functionality, labels (the labels a moderator would set), check (the labels
judged for this case: a case passes when, for each of them, the model's decision matches).
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
NON_HATEFUL_CHECK = ["toxicity", "identity_attack", "insult", "threat"]

EN_GROUPS = ["Muslims", "Jews", "black people", "immigrants", "women", "gay men", "trans women",
             "Roma", "refugees", "Arabs"]
FR_GROUPS = ["les musulmans", "les juifs", "les Noirs", "les immigrés", "les femmes", "les gays",
             "les femmes trans", "les Roms", "les réfugiés", "les Arabes"]

EN = {
    "hate_derogation": (["toxicity", "identity_attack"], ["identity_attack"], [
        "{g} are nothing but a burden on the rest of us.",
        "I've never met one of those {g} who wasn't a crook.",
        "Disgusting creatures, {g}. Every last one.",
        "{g} are lazy leeches living off our taxes.",
        "Honestly {g} are less than human.",
    ], EN_GROUPS),
    "hate_antisemitic_trope": (["toxicity", "identity_attack"], ["identity_attack"], [
        "The Jewish elite are pulling the strings behind this government.",
        "Every war in history was financed by Jewish money.",
        "The so-called Holocaust is exaggerated to squeeze cash out of Germany.",
        "Count the Jewish names on that newspaper's board and you'll understand its lies.",
        "Zionist puppet masters own every politician in Europe.",
        "Jews worship money above everything else.",
        "Of course the central bank is run by the usual suspects, the Jews.",
        "Another plot by the Jewish financiers to flood Europe with migrants.",
        "The Jews always stick together to rob honest people.",
        "Jewish media moguls decide what you are allowed to think.",
    ], None),
    "hate_threat": (["toxicity", "identity_attack", "threat"], ["identity_attack", "threat"], [
        "Somebody needs to put a bullet in every one of those {g}.",
        "We will make {g} disappear from this town, one by one.",
    ], EN_GROUPS),
    "threat_individual": (["toxicity", "threat"], ["threat", "identity_attack"], [
        "I'm going to find your address and make you regret this article.",
        "Delete this or you'll end up in a ditch.",
        "Next time I see you at the market you're dead meat.",
        "Sleep with one eye open, journalist.",
        "I'll smash your face in if you write about my family again.",
        "Keep talking and I'll put you in hospital.",
        "I swear I will murder the next reporter who knocks on my door.",
        "Your car has nice tyres. Shame if they got slashed, and you with them.",
        "Mayor, we're coming to your house tonight with baseball bats.",
        "You deserve a bullet and I might be the one to give it.",
    ], None),
    "insult_individual": (["toxicity", "insult"], ["insult", "identity_attack"], [
        "What a brainless buffoon you are.",
        "The author is an utter nitwit who shouldn't be allowed near a keyboard.",
        "Your comment is the dumbest thing I've read today, you donkey.",
        "Nobody cares about your opinion, you sad little troll.",
        "This reporter is a spineless, lying weasel.",
        "Are you thick or just pretending? Idiot.",
        "Go back to your cave, you ignorant fool.",
        "The mayor is a clueless incompetent clown.",
        "You absolute moron, read the article before commenting.",
        "What a pathetic excuse for a journalist.",
        "Typical stupid take from a stupid man.",
        "You're a disgrace and a halfwit.",
    ], None),
    "profanity_no_target": (["obscene"], ["obscene", "identity_attack", "insult"], [
        "Fuck yeah, the bridge is finally open!",
        "This shit weather ruined the parade again.",
        "Holy fuck, that's a lot of money for a roundabout.",
        "Well shit, I didn't expect the vote to go that way.",
        "Best fucking news I've read all week.",
        "The bus was late again, what a fucking joke of a service.",
        "Shit happens, the council will fix the road eventually.",
        "Fucking finally, the library reopens on Monday.",
    ], None),
    "negation": ([], NON_HATEFUL_CHECK, [
        "I would never call {g} criminals.",
        "{g} aren't a threat to anyone.",
        "It's wrong to blame {g} for the crisis.",
        "No one should hate {g} for who they are.",
    ], EN_GROUPS[:7]),
    "counter_speech": ([], NON_HATEFUL_CHECK, [
        "Someone above wrote that {g} are 'a plague'. That is vile and I've reported it.",
        "\"{g} are lazy\" is a lazy stereotype, nothing more.",
        "Blaming {g} for everything is how persecution starts. Shame on whoever posted that.",
    ], EN_GROUPS[:7]) ,
    "counter_speech_trope": ([], NON_HATEFUL_CHECK, [
        "Pretending that Jews run the media is antisemitic garbage.",
        "Whoever wrote that Jewish bankers cause wars should read a history book. It's a hateful myth.",
        "Holocaust denial in the comments again? The evidence is overwhelming, stop it.",
        "'The Jews control everything' is the oldest conspiracy theory there is, and it's false.",
        "Repeating that Jews are greedy is bigotry, full stop.",
    ], None),
    "reporting": ([], NON_HATEFUL_CHECK, [
        "The trial heard that the defendant had sprayed 'Muslims out' on the wall.",
        "Researchers counted over 2,000 posts calling refugees criminals last year.",
        "The footballer was banned for a racist chant aimed at black players.",
        "The report says antisemitic incidents doubled after the attack.",
        "A teacher was sacked for telling pupils that gay people are sick.",
        "The journalist received death threats after her story on the mine.",
        "Police arrested a man who threatened to bomb the mosque.",
        "The survey found one in five respondents holds prejudice against Roma.",
        "Graffiti insulting women was painted on the town hall overnight.",
        "The commission condemned leaflets describing immigrants as invaders.",
    ], None),
    "neutral_group": ([], NON_HATEFUL_CHECK, [
        "My Muslim colleague brought cakes for Eid.",
        "Refugees opened a bakery on our street and it's excellent.",
        "As a gay man I found the piece on pensions helpful.",
        "Women now make up half of the council.",
        "The Jewish school won the regional chess tournament.",
        "Many immigrants in our town work in the hospital.",
        "Black voters turned out in record numbers.",
        "The Roma community held a music festival in the park.",
        "Arab and Jewish students organised a joint concert.",
        "Trans women spoke at the health committee hearing.",
        "How many refugees has the region taken in this year?",
        "The mosque and the synagogue share a car park on Fridays and Saturdays.",
        "I'm Jewish and I think the new tram line is a waste of money.",
        "Muslim and Christian leaders met the mayor about the flood relief.",
        "The article on immigrant-run shops was well researched.",
    ], None),
    "positive_group": ([], NON_HATEFUL_CHECK, [
        "{g} make this city a better place.",
        "So proud of how our town welcomed {g}.",
    ], EN_GROUPS),
    "criticism_no_insult": ([], NON_HATEFUL_CHECK, [
        "The author made an error in the third paragraph.",
        "I strongly disagree with this editorial.",
        "This is a one-sided article that ignores the costs.",
        "The minister's plan is badly thought out.",
        "Your argument doesn't hold up against the figures.",
        "Poor reporting, the dates are wrong.",
    ], None),
    "non_threat_violence_words": ([], NON_HATEFUL_CHECK, [
        "The rebels killed twelve soldiers, the ministry said.",
        "I'd murder a pint after that match.",
        "The band absolutely slayed at the festival.",
        "We'll crush them in the final on Sunday.",
        "The fire destroyed three houses but nobody was hurt.",
        "She was stabbed in 2019 and has campaigned against knife crime since.",
    ], None),
    "spam": (["spam"], ["spam"], [
        "I quit my job last month and now make $6,400 a month online, details at www.workhappy-now.com",
        "Recover your lost crypto! Contact the recovery expert at ethanrecovery@protonmail.com",
        "Best VPN deal: 80% off today only, link in my profile www.vpn-deal-now.net",
        "DM me on Telegram for guaranteed forex signals, 300% profit",
        "Want free followers? Visit followboost.xyz now",
        "Lonely? Beautiful women near you want to chat: hotdates-online.com",
        "From your phone, $250 a day with zero effort. WhatsApp +1 202 555 0147",
        "Buy cheap watches, bags and sunglasses at www.replica-outlet-store.com",
        "Mr Daniel Okoro helped me make $45,000 in three weeks trading. Email him: danielokoro.fx@gmail.com",
        "Get a payday loan in 10 minutes, call 0800 555 0123",
        "Click here to claim your free iPhone: bit.ly/3freeph0ne",
        "My aunt earns $90 an hour from home. Read more on cashhome-jobs.com",
        "Daily giveaways on my channel, don't miss out! youtube.com/c/giveawayking",
        "Investment opportunity: double your bitcoin in 48 hours, text +44 7700 900123",
        "Viagra 80% off, no prescription needed: pharma-cheap.biz",
    ], None),
    "not_spam": ([], ["spam"], [
        "The article says the fine is $500, which seems low to me.",
        "More details are on the council's website.",
        "I called the helpline and they were useful, credit where it's due.",
        "Bitcoin lost half its value this year, scary for small savers.",
        "I pay $1,200 a month in rent for a one-bedroom flat.",
        "The petition has 40,000 signatures, I signed it this morning.",
        "Link to the full court ruling would be helpful.",
        "My daughter earns $15 an hour at the supermarket and can't afford rent.",
    ], None),
    "emoji_and_empty": ([], ["toxicity", "insult", "identity_attack", "threat", "obscene", "spam"], [
        "👏🏻👏🏻", "😡", "🤣🤣🤣", "🙏🏽", "❤️🇬🇧", "!!!", "...",
    ], None),
}

FR = {
    "hate_derogation": (["toxicity", "identity_attack"], ["identity_attack"], [
        "{g} ne sont qu'un fardeau pour nous tous.",
        "J'ai jamais croisé un seul parmi {g} qui ne soit pas un escroc.",
        "Des créatures répugnantes, {g}. Jusqu'au dernier.",
        "{g} sont des sangsues fainéantes qui vivent de nos impôts.",
        "Franchement {g} c'est même pas des êtres humains.",
    ], FR_GROUPS),
    "hate_antisemitic_trope": (["toxicity", "identity_attack"], ["identity_attack"], [
        "L'élite juive tire les ficelles derrière ce gouvernement.",
        "Toutes les guerres de l'histoire ont été financées par l'argent juif.",
        "La soi-disant Shoah est exagérée pour soutirer du fric à l'Allemagne.",
        "Comptez les noms juifs au conseil de ce journal et vous comprendrez ses mensonges.",
        "Les marionnettistes sionistes possèdent tous les politiciens d'Europe.",
        "Les juifs vénèrent l'argent plus que tout.",
        "Évidemment la banque centrale est tenue par les suspects habituels, les juifs.",
        "Encore un complot des financiers juifs pour submerger l'Europe de migrants.",
        "Les juifs se serrent toujours les coudes pour voler les honnêtes gens.",
        "Les patrons de presse juifs décident de ce que vous avez le droit de penser.",
    ], None),
    "hate_threat": (["toxicity", "identity_attack", "threat"], ["identity_attack", "threat"], [
        "Il faudrait mettre une balle dans la tête de tous {g}.",
        "On va faire disparaître {g} de cette ville, un par un.",
    ], FR_GROUPS),
    "threat_individual": (["toxicity", "threat"], ["threat", "identity_attack"], [
        "Je vais trouver ton adresse et tu vas regretter cet article.",
        "Supprime ça ou tu finiras dans un fossé.",
        "La prochaine fois que je te vois au marché, t'es un homme mort.",
        "Dors avec un œil ouvert, le journaleux.",
        "Je vais t'exploser la tête si tu parles encore de ma famille.",
        "Continue de parler et je t'envoie à l'hôpital.",
        "Je jure que je vais assassiner le prochain reporter qui sonne chez moi.",
        "Jolis pneus sur ta voiture. Dommage s'ils étaient crevés, et toi avec.",
        "Monsieur le maire, on débarque chez vous ce soir avec des battes.",
        "Tu mérites une balle et c'est peut-être moi qui te la mettrai.",
    ], None),
    "insult_individual": (["toxicity", "insult"], ["insult", "identity_attack"], [
        "Quel bouffon sans cervelle tu fais.",
        "L'auteur est un parfait crétin qu'on devrait tenir loin d'un clavier.",
        "Ton commentaire est le truc le plus débile que j'ai lu aujourd'hui, espèce d'âne.",
        "Tout le monde se fiche de ton avis, triste petit troll.",
        "Ce journaliste est une fouine menteuse et sans colonne vertébrale.",
        "T'es bête ou tu fais semblant ? Abruti.",
        "Retourne dans ta grotte, ignare.",
        "Le maire est un guignol incompétent.",
        "Espèce de gros débile, lis l'article avant de commenter.",
        "Quelle lamentable excuse de journaliste.",
        "Avis stupide d'un type stupide, comme d'hab.",
        "T'es une honte et un demeuré.",
    ], None),
    "profanity_no_target": (["obscene"], ["obscene", "identity_attack", "insult"], [
        "Putain enfin, le pont est rouvert !",
        "Ce temps de merde a encore gâché le défilé.",
        "Bordel, ça fait cher le rond-point.",
        "Merde alors, je ne m'attendais pas à ce résultat du vote.",
        "Meilleure putain de nouvelle de la semaine.",
        "Le bus encore en retard, quel bordel ce service.",
        "Ça arrive, merde, la mairie réparera la route un jour.",
        "Putain, la bibliothèque rouvre lundi, enfin !",
    ], None),
    "negation": ([], NON_HATEFUL_CHECK, [
        "Je ne traiterais jamais {g} de criminels.",
        "{g} ne menacent personne.",
        "C'est injuste d'accuser {g} de la crise.",
        "Personne ne devrait détester {g} pour ce qu'ils sont.",
    ], FR_GROUPS[:7]),
    "counter_speech": ([], NON_HATEFUL_CHECK, [
        "Quelqu'un plus haut a écrit que {g} sont « une plaie ». C'est ignoble, je l'ai signalé.",
        "« {g} sont des fainéants » : c'est un cliché paresseux, rien de plus.",
        "Accuser {g} de tous les maux, c'est comme ça que commencent les persécutions. Honte à l'auteur de ce message.",
    ], FR_GROUPS[:7]),
    "counter_speech_trope": ([], NON_HATEFUL_CHECK, [
        "Affirmer que les juifs dirigent les médias, c'est de l'antisémitisme crasse.",
        "Celui qui a écrit que les banquiers juifs causent les guerres devrait ouvrir un livre d'histoire. C'est un mythe haineux.",
        "Encore du négationnisme dans les commentaires ? Les preuves sont accablantes, arrêtez.",
        "« Les juifs contrôlent tout », c'est la plus vieille théorie du complot, et elle est fausse.",
        "Répéter que les juifs sont avares, c'est du racisme, point final.",
    ], None),
    "reporting": ([], NON_HATEFUL_CHECK, [
        "Le procès a révélé que l'accusé avait tagué « musulmans dehors » sur le mur.",
        "Des chercheurs ont compté plus de 2 000 messages traitant les réfugiés de criminels l'an dernier.",
        "Le footballeur a été suspendu pour un chant raciste visant des joueurs noirs.",
        "Le rapport indique que les actes antisémites ont doublé après l'attentat.",
        "Un professeur a été renvoyé pour avoir dit à ses élèves que les homosexuels sont malades.",
        "La journaliste a reçu des menaces de mort après son enquête sur la mine.",
        "La police a arrêté un homme qui menaçait de faire sauter la mosquée.",
        "Selon l'enquête, une personne sur cinq a des préjugés contre les Roms.",
        "Des tags insultant les femmes ont été peints sur la mairie dans la nuit.",
        "La commission a condamné des tracts qui qualifiaient les immigrés d'envahisseurs.",
    ], None),
    "neutral_group": ([], NON_HATEFUL_CHECK, [
        "Ma collègue musulmane a apporté des gâteaux pour l'Aïd.",
        "Des réfugiés ont ouvert une boulangerie dans notre rue et elle est excellente.",
        "En tant qu'homme gay, j'ai trouvé l'article sur les retraites utile.",
        "Les femmes représentent désormais la moitié du conseil municipal.",
        "L'école juive a gagné le tournoi régional d'échecs.",
        "Beaucoup d'immigrés de notre ville travaillent à l'hôpital.",
        "Les électeurs noirs se sont mobilisés en nombre record.",
        "La communauté rom a organisé un festival de musique dans le parc.",
        "Des étudiants arabes et juifs ont organisé un concert commun.",
        "Des femmes trans ont témoigné devant la commission santé.",
        "Combien de réfugiés la région a-t-elle accueillis cette année ?",
        "La mosquée et la synagogue partagent un parking le vendredi et le samedi.",
        "Je suis juif et je trouve que la nouvelle ligne de tram est un gaspillage.",
        "Des responsables musulmans et chrétiens ont rencontré le maire au sujet des inondations.",
        "L'article sur les commerces tenus par des immigrés était bien documenté.",
    ], None),
    "positive_group": ([], NON_HATEFUL_CHECK, [
        "{g} rendent cette ville meilleure.",
        "Tellement fier de la façon dont notre ville a accueilli {g}.",
    ], FR_GROUPS),
    "criticism_no_insult": ([], NON_HATEFUL_CHECK, [
        "L'auteur s'est trompé au troisième paragraphe.",
        "Je suis en total désaccord avec cet éditorial.",
        "Article partial qui ignore les coûts.",
        "Le plan du ministre est mal pensé.",
        "Ton argument ne tient pas face aux chiffres.",
        "Travail bâclé, les dates sont fausses.",
    ], None),
    "non_threat_violence_words": ([], NON_HATEFUL_CHECK, [
        "Les rebelles ont tué douze soldats, selon le ministère.",
        "Je donnerais n'importe quoi pour une bière, ce match m'a tué.",
        "Le groupe a tout déchiré au festival.",
        "Dimanche en finale, on les écrase.",
        "L'incendie a détruit trois maisons mais personne n'a été blessé.",
        "Elle a été poignardée en 2019 et milite depuis contre les agressions au couteau.",
    ], None),
    "spam": (["spam"], ["spam"], [
        "J'ai quitté mon boulot le mois dernier et je gagne 6 400 € par mois en ligne, détails sur www.travail-heureux.com",
        "Récupérez vos cryptos perdues ! Contactez l'expert à recuperation.crypto@protonmail.com",
        "Meilleure offre VPN : -80 % aujourd'hui seulement, lien dans mon profil www.vpn-promo.net",
        "Écrivez-moi sur Telegram pour des signaux forex garantis, 300 % de profit",
        "Des abonnés gratuits ? Allez sur boostabonnes.xyz",
        "Seul ? De jolies femmes près de chez vous veulent discuter : rencontres-chaudes.fr",
        "Depuis votre téléphone, 250 € par jour sans effort. WhatsApp +33 7 58 12 34 56",
        "Montres, sacs et lunettes pas chers sur www.outlet-replique.com",
        "M. Daniel Okoro m'a fait gagner 45 000 € en trois semaines de trading. Écrivez-lui : danielokoro.fx@gmail.com",
        "Un crédit rapide en 10 minutes, appelez le 0 800 555 012",
        "Cliquez ici pour recevoir votre iPhone gratuit : bit.ly/3iphonegratuit",
        "Ma tante gagne 90 € de l'heure depuis chez elle. Plus d'infos sur argent-maison.com",
        "Des cadeaux tous les jours sur ma chaîne, foncez ! youtube.com/c/cadeauxroi",
        "Opportunité : doublez vos bitcoins en 48 heures, SMS au +33 6 98 76 54 32",
        "Viagra -80 %, sans ordonnance : pharma-pascher.biz",
    ], None),
    "not_spam": ([], ["spam"], [
        "L'article dit que l'amende est de 500 €, ça me paraît faible.",
        "Plus de détails sur le site de la mairie.",
        "J'ai appelé le numéro d'aide et ils ont été utiles, il faut le reconnaître.",
        "Le bitcoin a perdu la moitié de sa valeur cette année, inquiétant pour les petits épargnants.",
        "Je paie 1 200 € de loyer par mois pour un deux-pièces.",
        "La pétition a 40 000 signatures, je l'ai signée ce matin.",
        "Un lien vers la décision complète du tribunal serait utile.",
        "Ma fille gagne 11 € de l'heure au supermarché et n'arrive pas à payer son loyer.",
    ], None),
    "emoji_and_empty": ([], ["toxicity", "insult", "identity_attack", "threat", "obscene", "spam"], [
        "👏🏻👏🏻", "😡", "🤣🤣🤣", "🙏🏽", "❤️🇫🇷", "!!!", "...",
    ], None),
}


def cases(spec: dict, lang: str) -> list[dict]:
    out = []
    for functionality, (labels, check, patterns, groups) in spec.items():
        for pattern in patterns:
            texts = [pattern.format(g=g) for g in groups] if groups else [pattern]
            for text in texts:
                out.append({"text": text[:1].upper() + text[1:], "lang": lang,
                            "functionality": functionality, "labels": labels, "check": check})
    return out


def main() -> None:
    for lang, spec in (("en", EN), ("fr", FR)):
        path = HERE / f"moderation_functional_{lang}.jsonl"
        with open(path, "w", encoding="utf-8") as handle:
            for case in cases(spec, lang):
                handle.write(json.dumps(case, ensure_ascii=False) + "\n")
        print(path, sum(1 for _ in open(path, encoding="utf-8")))


if __name__ == "__main__":
    main()
