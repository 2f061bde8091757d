"""French training templates (fictional; see the package docstring)."""

from __future__ import annotations

import random

from . import expand

GROUPS = [
    "les juifs", "les musulmans", "les noirs", "les immigrés", "les réfugiés", "les femmes",
    "les homosexuels", "les personnes trans", "les Roms", "les Asiatiques", "les Arabes",
    "les Maghrébins", "les handicapés", "les chrétiens", "les migrants", "les lesbiennes",
    "les Africains", "les Chinois", "les gitans", "les étrangers",
]
HATE_PREDICATES = [
    "sont de la vermine", "sont des parasites", "sont des animaux", "sont une maladie",
    "sont des sous-hommes", "sont de la racaille", "sont des rats", "sont un fléau pour ce pays",
    "ne valent rien", "sont tous des délinquants", "sont tous des terroristes",
    "sont des voleurs nés", "sont trop bêtes pour vivre parmi nous", "détruisent tout ce qu'ils touchent",
    "n'ont rien à faire dans ce pays", "ne sont pas de vrais humains", "se reproduisent comme des lapins",
    "sont un cancer pour la société", "me dégoûtent", "sont génétiquement inférieurs",
    "ne sont pas dignes de confiance", "sont des menteurs nés", "doivent rentrer chez eux",
    "sont une race inférieure", "apportent le crime partout où ils vont",
]
HATE_NOUNS = ["de la vermine", "des parasites", "des animaux", "des délinquants", "des terroristes",
              "des voleurs", "inférieurs", "une maladie", "des menteurs", "de la racaille"]

ANTISEMITIC_SUBJECTS = ["les juifs", "les banquiers juifs", "les sionistes", "les Rothschild",
                        "le lobby juif", "ces mondialistes, suivez mon regard"]
ANTISEMITIC_TROPES = [
    "contrôlent les médias", "tiennent les banques", "tirent les ficelles du gouvernement",
    "sont derrière toutes les guerres", "possèdent tous les journaux",
    "ont inventé la Shoah pour l'argent", "organisent le grand remplacement",
    "dirigent le monde en secret", "ont provoqué la crise exprès", "manipulent nos enfants",
]

INSULT_NOUNS = [
    "abruti", "crétin", "connard", "imbécile", "débile", "zozo", "bouffon", "idiot", "tocard",
    "minable", "pauvre type", "sombre crétin", "demeuré", "clown", "mongol", "raclure",
    "pauvre naze", "ordure", "sale con", "gros nul",
]
PEOPLE = ["l'auteur", "ce journaliste", "le maire", "le ministre", "le rédacteur",
          "le type au-dessus", "le dernier commentateur", "cette journaliste"]

THREAT_VERBS = ["te tuer", "te buter", "te planter", "te casser la gueule", "te faire la peau",
                "t'égorger", "te défoncer"]
THREAT_PASSIVE = ["fusillés", "pendus", "abattus", "tués", "brûlés vifs", "massacrés", "égorgés"]

PROFANE_EXCLAMATIONS = ["Putain", "Merde", "Bordel", "Putain de merde", "Oh la vache",
                        "Bordel de merde", "Et merde"]
EVERYDAY_TOPICS = ["la météo", "les horaires de train", "les bouchons", "l'imprimante",
                   "la déclaration d'impôts", "le budget", "le match d'hier", "la canicule",
                   "la soirée électorale", "le lundi matin"]

BENIGN_SUBJECTS = GROUPS + ["le ministre", "le conseil municipal", "le maire", "les commerçants",
                            "la police", "les jeunes électeurs", "l'opposition", "les enseignants",
                            "les syndicats", "les agriculteurs", "la Première ministre", "notre ville"]
BENIGN_VERBS = ["contribuent à", "ont voté sur", "ont parlé de", "s'inquiètent de", "ont beaucoup dit sur",
                "profiteront de", "ont fait campagne pour", "sont divisés sur", "ont besoin d'aide pour",
                "ont été interrogés sur", "ont un avis tranché sur", "paient pour"]
BENIGN_OBJECTS = ["l'économie", "le nouveau plan logement", "le budget", "l'élection", "les transports publics",
                  "la fermeture de l'hôpital", "la hausse des prix", "la réforme scolaire", "la guerre à l'est",
                  "la délinquance en centre-ville", "la crise des réfugiés", "la politique migratoire",
                  "l'attaque contre la synagogue", "les fêtes religieuses", "la réforme des retraites"]

POSITIVE_PREDICATES = [
    "sont des gens travailleurs", "méritent le respect comme tout le monde", "sont les bienvenus ici",
    "ont les mêmes droits que nous", "ont enrichi notre culture", "apportent beaucoup à cette ville",
    "font partie de notre histoire", "sont de bons voisins", "tiennent la moitié des commerces que j'aime",
    "sont aussi divers que n'importe quel groupe", "ont aidé à rénover le vieux quartier",
    "sont des membres précieux de notre club", "ont collecté des fonds pour les sinistrés",
    "font tourner nos hôpitaux", "doivent se sentir en sécurité ici",
]
GROUP_CONTEXTS = [
    "{g} de ma rue", "{g} de la région", "{g} que je connais", "beaucoup de familles parmi {g}",
    "{g} du quartier", "les jeunes parmi {g}",
]
THREAT_ACTS = [
    "te briser tous les os", "te mettre six pieds sous terre", "te faire saigner",
    "brûler ta maison", "t'écraser avec ma voiture", "te fracasser le crâne",
    "faire en sorte que tu ne marches plus jamais", "t'enterrer dans les bois", "te régler ton compte",
]
THREAT_FRAMES = [
    "je vais {a}.", "un de ces soirs je vais {a}.", "répète ça et je vais {a}.",
    "je te le promets, je vais {a}.", "publie encore un mensonge et on va {a}.",
    "on a ton adresse. On va {a}.", "t'as intérêt à te cacher, parce que je vais {a}.",
    "quand je te trouverai je vais {a}.",
]
GROUP_THREAT_FRAMES = [
    "on va exterminer {g}.", "il est temps d'éliminer {g}.", "{g} seront traqués, jusqu'au dernier.",
    "bientôt on réglera le problème {h} à l'ancienne, avec une corde.", "il faut liquider {g} une bonne fois pour toutes.",
    "prenez vos fusils, on va nettoyer le pays de {h}.",
]
#: mots de groupe en adjectif devant des noms de tous les jours
GROUP_ADJECTIVES = ["musulmans", "juifs", "noirs", "immigrés", "réfugiés", "homosexuels", "roms",
                    "arabes", "asiatiques", "chrétiens", "handicapés", "africains", "chinois",
                    "maghrébins", "catholiques", "turcs"]
EVERYDAY_PEOPLE = ["commerçants", "retraités", "bénévoles", "parents", "médecins", "agriculteurs",
                   "cyclistes", "entrepreneurs", "artistes", "supporters", "habitants",
                   "chauffeurs de bus", "adolescents", "grands-parents", "boulangers"]
EVERYDAY_ADJECTIVE_FRAMES = [
    "des {n} {a} du quartier ont demandé un nouveau passage piéton.",
    "un groupe de {n} {a} a nettoyé les berges samedi.",
    "les {n} {a} que j'ai croisés s'inquiétaient du stationnement.",
    "selon des {n} {a}, les nouveaux horaires de bus leur conviennent.",
    "l'article cite plusieurs {n} {a} sur la hausse des loyers.",
    "pas mal de {n} {a} habitent ma rue, un coin calme et sympa.",
    "la chorale des {n} {a} a chanté au marché de Noël.",
    "deux {n} {a} ont gagné le concours des jardins fleuris.",
]
#: une acceptation dite avec une négation, puis une raison
ACCEPTING_OPENERS = [
    "je n'ai aucun problème avec {g}", "{g} ne me dérangent pas du tout",
    "je m'entends très bien avec {g}", "franchement, j'apprécie {g}", "je ne suis pas contre {g}",
    "il n'y a aucun souci avec {g}",
]
ACCEPTING_REASONS = [
    "mon dentiste en fait partie", "on joue au foot ensemble le dimanche",
    "nos enfants vont au même club de natation", "la moitié de mon équipe au boulot en fait partie",
    "j'ai grandi avec eux", "le problème c'est le propriétaire, pas eux", "ma sœur en a épousé un",
]
EVERYDAY_GROUP_PREDICATES = [
    "paient un loyer et des impôts comme nous", "fêtent leurs fêtes en famille",
    "votent à chaque élection", "vivent dans cette vallée depuis des générations",
    "sont juste des gens qui essaient de s'en sortir", "font la queue à la même poste que tout le monde",
    "s'inquiètent aussi du prix du pain",
]


#: les réponses courtes d'un fil de commentaires (voir en.py)
SHORT_REPLIES = [
    "d'accord", "tout à fait", "bien vu", "bonne question", "pas convaincu", "je ne suis pas sûr",
    "intéressant", "merci pour le partage", "pareil pour moi", "moi aussi", "exactement", "c'est vrai",
    "enfin", "triste nouvelle", "bonne nouvelle", "félicitations à l'équipe", "bravo", "bien joué",
    "à voir", "j'espère", "il était temps", "ils ont bien joué", "elle l'a mérité", "il mérite ce prix",
    "on verra bien", "ils n'ont pas tort", "vous n'avez pas tort", "c'était un homme bon",
    "elle fait du bon travail", "tu marques un point", "c'est la vie", "quel soulagement", "c'est juste",
    "entièrement d'accord", "j'en doute", "ça se discute",
]
SHORT_TAILS = ["", ".", " !", " franchement.", ", merci.", " sur ce point.", " pour les bus.",
               ", comme d'habitude.", " sur le budget."]
PLAIN_SUGGESTIONS = [
    "ils devraient reboucher les nids-de-poule", "ils devraient ouvrir la piscine plus tôt",
    "la ville devrait ajouter des bus de nuit", "ils devraient d'abord demander aux habitants",
    "on devrait planter plus d'arbres", "ils devraient baisser le prix du stationnement",
    "elle devrait se présenter à la mairie", "il devrait s'excuser auprès des bénévoles",
    "tu devrais visiter la nouvelle médiathèque", "quelqu'un devrait réparer le toit de l'école",
]

#: projets, promesses et questions sur l'avenir sans menace (voir en.py)
PLAIN_FUTURE = [
    "je serai au conseil municipal jeudi", "on se retrouve à la brocante samedi",
    "je vais écrire à mon député", "je vais encore voter pour elle", "ils vont ouvrir le pont en mai",
    "je vais chercher le rapport et poster le lien", "ce petit cinéma va nous manquer",
    "je n'oublierai jamais ce concert", "l'école restera-t-elle ouverte en août",
    "quand les résultats seront-ils publiés", "y aura-t-il un bus le dimanche", "on saura la semaine prochaine",
    "je vais tester la nouvelle boulangerie", "ils finiront par régler ça", "je vais emmener mes enfants à la fête",
    "tu vas adorer la vue depuis la tour", "vous trouverez les horaires sur le mur de la gare",
    "gardez les tickets, vous en aurez besoin pour le remboursement",
    "regardez le débat sur le budget, ça va être intéressant", "retenez bien, les prix vont encore monter",
]
PLAIN_FUTURE_TAILS = [".", " !", " je pense.", ", croisons les doigts.", " ?"]

#: un conseil au lecteur sur ses propres affaires, puis ce qui en sortira (voir en.py)
READER_ADVICE = [
    "conservez vos {o}", "rangez vos {o} en lieu sûr", "prenez en photo vos {o}",
    "ne jetez pas vos {o}", "apportez vos {o} à l'audience", "vérifiez bien vos {o}",
    "demandez vos {o} par écrit", "scannez vos {o}",
]
READER_OBJECTS = ["factures", "courriers de la mairie", "relevés de compteur", "échanges avec le bailleur",
                  "billets", "relevés bancaires", "avis d'urbanisme"]
READER_OUTCOMES = [
    "ils vous serviront plus tard", "vous ne le regretterez pas", "ça vous évitera bien des soucis",
    "le médiateur vous les demandera", "ils compteront au moment du recours", "ça finira par payer",
    "vous en aurez besoin si ça va au tribunal",
]
THANKS_OPENERS = ["merci de suivre ce dossier", "merci pour le point", "bien de voir ça dans le journal",
                  "merci pour cet article clair", "content que quelqu'un s'y intéresse"]
NEXT_QUESTIONS = [
    "y aura-t-il un vote avant l'été", "le journal fera-t-il un suivi après l'audience",
    "le compte rendu sera-t-il publié", "quand la commission va-t-elle trancher",
    "la réunion de la semaine prochaine est-elle ouverte aux habitants",
    "quelqu'un de l'entreprise répondra-t-il aux questions",
]
PUBLISH_REQUESTS = [
    "ce serait utile de publier le rapport complet", "pourriez-vous mettre le lien vers le budget",
    "merci de partager les documents de la consultation", "une copie du contrat en ligne serait bienvenue",
    "pouvez-vous ajouter la carte du nouveau tracé",
]
#: des groupes dans des faits divers ordinaires, au passé (fêtes, associations, ouvertures)
NEWS_EVENT_FRAMES = [
    "des {n} {a} se sont retrouvés sur la place pour la fête des lanternes.",
    "l'association des {n} {a} a ouvert une épicerie solidaire le mois dernier.",
    "une délégation de {n} {a} a été reçue en mairie pour parler de la bibliothèque.",
    "des {n} {a} et leurs voisins ont restauré ensemble la vieille chapelle.",
    "la mairie finance un cours de langue animé par des {n} {a}.",
    "l'exposition suit trois générations de {n} {a} installés sur le port.",
    "le festival a réuni des {n} {a} venus de toute la région.",
]

def examples(rng: random.Random) -> list[dict]:
    hate = {"toxicity": 1, "identity_attack": 1, "insult": 0, "threat": 0, "spam": 0}
    clean = {"toxicity": 0, "identity_attack": 0, "insult": 0, "threat": 0, "obscene": 0, "spam": 0}
    out: list[dict] = []
    out += expand("hate_statement", "fr", [
        "{g} {p}.", "tous {g} {p}.", "franchement, {g} {p}.", "soyons clairs, {g} {p} !",
        "c'est un fait, {g} {p}.", "tout le monde sait que {g} {p}.", "comme d'habitude, {g} {p}.",
        "faut arrêter de se voiler la face : {g} {p}.",
    ], {"g": GROUPS, "p": HATE_PREDICATES}, hate, 900, rng)
    out += expand("hate_direct", "fr", [
        "je hais {g}.", "je ne supporte pas {g}.", "{g} me donnent envie de vomir.",
        "il faut se débarrasser de {g}.", "la France irait mieux sans {g}.",
        "dehors {g} !", "jamais je n'embaucherai {g}.", "{g} n'ont pas leur place chez nous.",
        "je méprise {g}, tous autant qu'ils sont.", "{g} sont la pire chose arrivée à cette ville.",
    ], {"g": GROUPS}, hate, 240, rng)
    out += expand("hate_antisemitic_trope", "fr", [
        "{s} {t}.", "réveillez-vous, {s} {t}.", "suivez l'argent : {s} {t}.",
        "évidemment que {s} {t}.", "toujours les mêmes : {s} {t}.",
    ], {"s": ANTISEMITIC_SUBJECTS, "t": ANTISEMITIC_TROPES}, hate, 240, rng)
    out += expand("hate_threat", "fr", [
        "{g} devraient être {v}.", "{g} méritent d'être {v}.", "qu'on rassemble {g} et qu'ils soient {v}.",
    ], {"g": GROUPS, "v": THREAT_PASSIVE}, {**hate, "threat": 1}, 220, rng)

    out += expand("negation", "fr", [
        "je ne hais pas {g}.", "je n'ai rien contre {g}.", "{g} ne sont pas {n}.",
        "non, {g} ne sont pas {n}.", "c'est faux de dire que {g} sont {n}.",
        "jamais je ne dirais que {g} sont {n}.", "aucun de mes voisins parmi {g} n'est un délinquant.",
        "{g} ne sont pas le problème.",
    ], {"g": GROUPS, "n": HATE_NOUNS}, clean, 450, rng)
    out += expand("counter_speech", "fr", [
        "dire que « {g} {p} » est un discours de haine.", "ceux qui prétendent que {g} {p} répandent la haine.",
        "c'est un mensonge de dire que {g} {p}.", "« {g} {p} » : ce genre de commentaire n'a rien à faire ici.",
        "j'en ai marre de lire que {g} {p}. C'est du racisme pur.",
        "l'idée que {g} {p} n'est qu'un préjugé.", "arrêtez de dire que {g} {p}, c'est haineux et faux.",
        "honte à ceux qui écrivent que {g} {p}.",
        "j'ai signalé le commentaire qui dit que {g} {p}. La haine n'est pas une opinion.",
    ], {"g": GROUPS, "p": HATE_PREDICATES}, clean, 650, rng)
    out += expand("counter_speech_trope", "fr", [
        "prétendre que {s} {t} est un vieux mythe antisémite.",
        "non, {s} ne {t} pas. Ce complot a été démonté depuis un siècle.",
        "le délire « {s} {t} » relève de l'antisémitisme, point.",
    ], {"s": ["les juifs", "les banquiers juifs", "les Rothschild"], "t": ANTISEMITIC_TROPES},
        clean, 120, rng)
    out += expand("reporting", "fr", [
        "l'élu a été suspendu après avoir écrit que {g} {p}.",
        "la police enquête sur des tracts affirmant que {g} {p}.",
        "un sondage montre que certains croient à tort que {g} {p}.",
        "le tribunal a condamné un homme qui criait que {g} {p}.",
        "le rapport documente une hausse des agressions contre {g} cette année.",
        "l'article raconte comment {g} ont été insultés au stade.",
    ], {"g": GROUPS, "p": HATE_PREDICATES}, clean, 420, rng)
    out += expand("neutral_group", "fr", [
        "{g} représentent une part croissante des électeurs de la région.",
        "la nouvelle loi touche surtout {g}.", "je travaille avec {g} tous les jours et tout se passe bien.",
        "le musée consacre une exposition à l'histoire des {h} en Europe.",
        "beaucoup de familles parmi {g} vivent dans les quartiers nord.",
        "{g} sont nos voisins, nos collègues et nos amis.", "{g} enrichissent notre commune.",
        "la fête organisée par {g} était magnifique cette année.",
        "l'enquête a interrogé {g} sur le coût du logement.",
        "qu'est-ce que la réforme va changer pour {g} ?",
    ], {"g": GROUPS, "h": ["juifs", "musulmans", "Roms", "immigrés", "femmes"]}, clean, 400, rng)
    out += expand("neutral_jewish_life", "fr", [
        "les familles juives ont allumé les bougies de Hanouka.",
        "la synagogue organisait une journée portes ouvertes dimanche.",
        "le rabbin a pris la parole au dîner interreligieux.",
        "la banque a annoncé de nouveaux taux d'intérêt.",
        "la politique du gouvernement israélien est critiquée par beaucoup d'Israéliens.",
    ], {}, clean, 20, rng)

    out += expand("insult", "fr", [
        "t'es qu'un {n}.", "tu es vraiment un {n}.", "ferme-la, espèce de {n}.",
        "il faut être un {n} pour écrire ça.", "{w} est un {n} fini.", "quel {n}.",
        "dégage, {n}.", "{w}, ce {n}.", "mais quel {n} ce {w2}.", "t'es vraiment trop con, pauvre {n}.",
    ], {"n": INSULT_NOUNS, "w": PEOPLE, "w2": ["journaliste", "ministre", "maire", "type"]},
        {"toxicity": 1, "insult": 1, "identity_attack": 0, "threat": 0, "spam": 0}, 560, rng)
    out += expand("not_insult", "fr", [
        "vous avez raison sur le budget.", "bon argument sur {w}.",
        "je ne suis pas d'accord avec {w} sur les chiffres.", "{w} oublie les données sur les loyers.",
        "merci pour cette réponse argumentée.", "tu n'es pas un {n}, tu t'es juste trompé.",
        "traiter {w} de {n} n'aide personne.", "{w} s'est trompé de chiffres, mais l'idée tient.",
        "restons courtois, inutile de traiter qui que ce soit de {n}.",
    ], {"n": INSULT_NOUNS, "w": PEOPLE}, clean, 320, rng)

    threat = {"toxicity": 1, "threat": 1, "identity_attack": 0, "spam": 0}
    out += expand("threat", "fr", [
        "je vais {v}.", "si je te croise je vais {v}.", "continue comme ça et je vais {v}.",
        "je sais où tu habites, je vais {v}.", "fais gaffe à toi, je viens {v}.",
        "un jour quelqu'un va {v}, {w2}.",
    ], {"v": THREAT_VERBS, "w2": ["sale journaliste", "connard", "toi"]}, threat, 240, rng)
    out += expand("threat_passive", "fr", [
        "{w} mérite d'être {v}.", "j'espère que {w} se fera {v2} ce soir.",
        "les gens comme toi devraient être {v}.",
    ], {"v": THREAT_PASSIVE, "v2": ["buter", "tabasser", "égorger", "abattre"], "w": PEOPLE},
        threat, 160, rng)
    out += expand("threat_plain", "fr", [
        "tu ne verras pas la semaine prochaine.", "on sait où vont tes gosses à l'école.",
        "ta maison va brûler, compte sur moi.", "encore un article comme ça et t'es mort.",
        "je t'attendrai devant ta rédaction avec un couteau.",
    ], {}, threat, 20, rng)
    out += expand("not_threat", "fr", [
        "le soldat a été {v} pendant l'attaque, selon l'armée.",
        "selon la police, le suspect avait menacé de tuer son voisin.",
        "je tuerais pour des vacances.", "cet humoriste tue tout à chaque spectacle.",
        "on va les battre aux prochaines élections.", "la tempête va frapper la côte demain.",
        "je vais dévorer cette pizza.", "battons-nous pour de meilleures écoles.",
        "le tribunal a appris qu'il avait été {v} en 2019.",
    ], {"v": ["tué", "abattu", "blessé", "poignardé"]}, clean, 40, rng)

    out += expand("profanity_no_target", "fr", [
        "{e}, quel but !", "{e}, j'ai raté le débat.", "{e}, encore {t}.",
        "{e} ! Bonne nouvelle pour la ville.", "{t}, c'est la merde cette semaine.",
        "{t} ? Un bordel pas possible.",
    ], {"e": PROFANE_EXCLAMATIONS, "t": EVERYDAY_TOPICS},
        {"obscene": 1, "insult": 0, "identity_attack": 0, "threat": 0, "spam": 0}, 220, rng)
    out += expand("profanity_varied", "fr", [
        "c'est {a}, putain.", "{e}, {t} c'est de la merde.", "quel bordel, {t}.",
        "{t}, fait chier.", "putain c'est n'importe quoi {t}.", "c'est de la merde tout ça.",
        "{e}, {t} est vraiment {a}.", "bordel, c'est {a}.",
    ], {"a": ["génial", "cher", "pénible", "ridicule", "incroyable", "lent"], "e": PROFANE_EXCLAMATIONS,
        "t": EVERYDAY_TOPICS}, {"obscene": 1, "insult": 0, "identity_attack": 0, "threat": 0, "spam": 0},
        220, rng)
    out += expand("negation_verbs", "fr", [
        "je ne {v} pas {g}.", "on ne {v} pas {g} ici.", "je n'ai jamais {vp} {g}.",
        "je ne {v} pas {g}, {s}",
    ], {"v": ["déteste", "hais", "méprise", "crains", "rejette", "accuse"],
        "vp": ["détesté", "méprisé", "accusé", "rejeté"], "g": GROUPS,
        "s": ["ils tiennent l'épicerie du coin.", "certains sont mes amis.", "pourquoi je le ferais ?"]}, clean, 300, rng)
    out += expand("profane_insult", "fr", [
        "va te faire foutre, {n}.", "ta gueule, {n}.", "{w} est un putain de {n}.",
        "ferme ta gueule, espèce de {n} de merde.", "nique ta mère, {n}.",
    ], {"n": INSULT_NOUNS, "w": PEOPLE},
        {"toxicity": 1, "insult": 1, "obscene": 1, "identity_attack": 0, "threat": 0, "spam": 0},
        220, rng)
    out += expand("clean_comment", "fr", [
        "{t}, encore un vrai casse-tête cette semaine.", "super article, merci pour cette enquête.",
        "quelqu'un sait quand le conseil votera sur {t} ?",
        "j'ai tout lu et je ne comprends toujours pas le plan sur {t}.",
        "l'école de ma fille était fermée à cause de {t}.",
    ], {"t": EVERYDAY_TOPICS}, clean, 50, rng)
    # commentaires ordinaires, registre presse, qui nomment groupes, élus et sujets sensibles
    out += expand("benign_news_comment", "fr", ["{s} {v} {o}.", "je pense que {s} {v} {o}.",
                                                 "d'après l'article, {s} {v} {o}."],
                  {"s": BENIGN_SUBJECTS, "v": BENIGN_VERBS, "o": BENIGN_OBJECTS}, clean, 1200, rng)
    in_context = [c.format(g=g) for c in GROUP_CONTEXTS for g in GROUPS]
    out += expand("positive_group", "fr", ["{c} {p}.", "franchement, {c} {p}.", "je pense vraiment que {c} {p}."],
                  {"c": in_context, "p": POSITIVE_PREDICATES}, clean, 900, rng)
    out += expand("neutral_group_context", "fr", ["{c} {v} {o}."],
                  {"c": in_context, "v": BENIGN_VERBS, "o": BENIGN_OBJECTS}, clean, 900, rng)
    out += expand("threat_varied", "fr", THREAT_FRAMES, {"a": THREAT_ACTS}, threat, 80, rng)
    out += expand("group_threat", "fr", GROUP_THREAT_FRAMES,
                  {"g": GROUPS, "h": ["des juifs", "des musulmans", "des Arabes", "des Noirs", "des Roms",
                                      "des immigrés", "des migrants", "des homosexuels"]},
                  {**hate, "threat": 1}, 120, rng)
    out += expand("group_adjective_everyday", "fr", EVERYDAY_ADJECTIVE_FRAMES,
                  {"a": GROUP_ADJECTIVES, "n": EVERYDAY_PEOPLE}, clean, 400, rng)
    # each opener and each predicate is its own sentence pattern, so the split holds whole ones out
    out += expand("accepting_with_reason", "fr",
                  [o + sep + "{r}." for o in ACCEPTING_OPENERS for sep in (", ", " : ")],
                  {"g": GROUPS, "r": ACCEPTING_REASONS}, clean, 300, rng)
    out += expand("everyday_group_subject", "fr",
                  [start + p + "." for p in EVERYDAY_GROUP_PREDICATES for start in ("{g} ", "chez nous, {g} ")],
                  {"g": GROUPS}, clean, 200, rng)
    out += expand("short_reply", "fr", [r + "{t}" for r in SHORT_REPLIES], {"t": SHORT_TAILS},
                  clean, 350, rng)
    out += expand("plain_suggestion", "fr", [p + "{t}" for p in PLAIN_SUGGESTIONS],
                  {"t": [".", " d'abord.", ", à mon avis.", " avant l'hiver.", " !"]}, clean, 50, rng)
    out += expand("plain_future", "fr", [p + "{t}" for p in PLAIN_FUTURE], {"t": PLAIN_FUTURE_TAILS},
                  clean, 100, rng)
    out += expand("reader_advice", "fr", [a + sep + "{r}." for a in READER_ADVICE for sep in (", ", ". ")],
                  {"o": READER_OBJECTS, "r": READER_OUTCOMES}, clean, 250, rng)
    out += expand("thanks_question_request", "fr",
                  [t + ". {q} ? {r}." for t in THANKS_OPENERS] + [t + " ! {q} ?" for t in THANKS_OPENERS],
                  {"q": NEXT_QUESTIONS, "r": PUBLISH_REQUESTS}, clean, 250, rng)
    out += expand("group_news_event", "fr", NEWS_EVENT_FRAMES,
                  {"a": GROUP_ADJECTIVES, "n": EVERYDAY_PEOPLE + ["électeurs", "familles", "étudiants"]},
                  clean, 350, rng)
    out += expand("clean_emoji", "fr", ["{a}{b}", "{a} {b}", "{a}{a}"],
                  {"a": ["👍", "😂", "❤️", "🙏", "👏", "😢", "🤔", "🇫🇷", "mdr", "lol", "!!"],
                   "b": ["👍", "😂", "😍", "💯", "🙌", "😅"]}, clean, 60, rng)
    return out
