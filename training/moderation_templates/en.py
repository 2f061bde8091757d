"""English training templates (fictional; see the package docstring)."""

from __future__ import annotations

import random

from . import expand

GROUPS = [
    "Jews", "Muslims", "black people", "immigrants", "refugees", "women", "gay people",
    "trans people", "Roma", "Asians", "Arabs", "Mexicans", "disabled people", "Christians",
    "Hindus", "migrants", "lesbians", "Africans", "Chinese people", "Jewish people",
]

#: contempt and dehumanisation aimed at a whole group (verb phrases after the group)
HATE_PREDICATES = [
    "are vermin", "are parasites", "are animals", "are a disease", "are subhuman", "are filth",
    "are rats", "are a blight on this country", "are worthless", "are all criminals",
    "are all terrorists", "are born thieves", "are too stupid to live among us",
    "ruin everything they touch", "don't belong in this country", "are not real people",
    "breed like rabbits", "are a cancer on society", "disgust me", "are genetically inferior",
    "can never be trusted", "are born liars", "should go back where they came from",
    "are a lower form of life", "spread crime wherever they go",
]
#: the nouns of those predicates, for negated and rejected forms
HATE_NOUNS = ["vermin", "parasites", "animals", "criminals", "terrorists", "thieves", "subhuman",
              "inferior", "a disease", "a plague", "liars", "filth"]

ANTISEMITIC_SUBJECTS = ["the Jews", "Jewish bankers", "the Zionists", "the Rothschilds",
                        "those globalists, you know who", "the Jewish lobby"]
ANTISEMITIC_TROPES = [
    "control the media", "run the banks", "pull the strings in Washington",
    "are behind every war", "own all the newspapers", "invented the Holocaust for money",
    "are replacing us with migrants", "secretly rule the world", "control the government",
    "caused the financial crisis on purpose", "poison the minds of our children",
]

INSULT_NOUNS = [
    "idiot", "moron", "clown", "imbecile", "loser", "fool", "halfwit", "dimwit", "cretin", "jerk",
    "scumbag", "waste of space", "troll", "lunatic", "pathetic little man", "brain-dead sheep",
    "hopeless muppet", "total joke", "liar and a coward",
]
PEOPLE = ["the author", "this journalist", "the mayor", "the minister", "the editor",
          "the guy above", "the last commenter", "this reporter"]

THREAT_VERBS = ["kill", "shoot", "stab", "beat you senseless and", "hurt", "strangle", "find and hurt"]
THREAT_PASSIVE = ["shot", "hanged", "beaten to death", "killed", "stabbed", "lynched", "burned alive"]

PROFANITY = ["fucking", "shitty", "damn", "bloody", "goddamn"]
PROFANE_EXCLAMATIONS = ["Holy shit", "Fuck me", "Damn", "Shit", "What the fuck", "Fucking hell",
                        "Bullshit", "Oh crap"]
EVERYDAY_TOPICS = ["weather", "train timetable", "traffic", "printer", "tax form", "budget",
                   "match last night", "election night", "heatwave", "Monday morning"]

BENIGN_SUBJECTS = GROUPS + ["the minister", "the council", "the mayor", "local businesses",
                            "the police", "young voters", "the opposition", "teachers",
                            "the unions", "farmers", "the prime minister", "our town"]
BENIGN_VERBS = ["contribute to", "voted on", "talked about", "are worried about", "said a lot about",
                "will benefit from", "campaigned for", "disagree on", "need more help with",
                "were interviewed about", "have strong views on", "pay for"]
BENIGN_OBJECTS = ["the economy", "the new housing plan", "the budget", "the election", "public transport",
                  "the hospital closure", "rising prices", "the school reform", "the war in the east",
                  "crime in the city centre", "the refugee crisis", "immigration policy",
                  "the attack on the synagogue", "religious holidays", "the pension reform"]

#: kind things said about a group: the group's name alone must not read as an attack
POSITIVE_PREDICATES = [
    "are hard-working people", "deserve respect like everyone else", "are welcome here",
    "have the same rights as the rest of us", "have enriched our culture", "contribute so much to this town",
    "are part of our history", "are good neighbours", "run half the shops I love",
    "are as diverse as any other group", "helped rebuild the old quarter", "are valued members of our club",
    "raised money for the flood victims", "keep our hospitals running", "should feel safe here",
]
GROUP_CONTEXTS = [
    "the {g} in my street", "{g} in our region", "young {g}", "older {g}", "many {g}", "the {g} I know",
    "{g} and their families", "local {g}",
]
#: violence promised to a person, in many shapes
THREAT_ACTS = [
    "break every bone in your body", "put you six feet under", "end you", "make you bleed",
    "burn your house down", "slit your throat", "run you over", "cave your skull in",
    "make sure you never walk again", "bury you in the woods",
]
THREAT_FRAMES = [
    "I'm going to {a}.", "one of these nights I will {a}.", "say that again and I'll {a}.",
    "I promise you, I will {a}.", "publish one more lie and we will {a}.",
    "we have your address. We're going to {a}.", "you'd better hide, because I will {a}.",
    "when I find you I will {a}.",
]
#: violence promised to a whole group
GROUP_THREAT_FRAMES = [
    "we will wipe out {g}.", "time to exterminate {g}.", "{g} will be hunted down, every single one.",
    "soon we'll deal with {g} the old way, with rope.", "we should eliminate {g} for good.",
    "grab your guns, it's time to clear out {g}.",
]
#: group words as adjectives before everyday nouns: "a Jewish baker" names no one's enemy
GROUP_ADJECTIVES = ["Muslim", "Jewish", "Black", "immigrant", "refugee", "gay", "lesbian", "trans",
                    "Roma", "Arab", "Asian", "Christian", "Hindu", "disabled", "Mexican", "African",
                    "Chinese", "Sikh"]
EVERYDAY_PEOPLE = ["shopkeepers", "nurses", "pensioners", "volunteers", "parents", "doctors",
                   "farmers", "cyclists", "entrepreneurs", "artists", "football fans", "residents",
                   "bus drivers", "teenagers", "grandparents", "bakers"]
EVERYDAY_ADJECTIVE_FRAMES = [
    "{a} {n} in the district asked for a new pedestrian crossing.",
    "a group of {a} {n} cleaned up the riverbank on Saturday.",
    "the {a} {n} I spoke to were worried about parking.",
    "{a} {n} say the new bus timetable works for them.",
    "the piece quotes several {a} {n} about the rent rise.",
    "plenty of {a} {n} live on my road, a quiet and friendly one.",
    "the choir of {a} {n} sang at the Christmas market.",
    "two {a} {n} won the town's gardening prize.",
]
#: acceptance said with a negation, then a reason: the negation undoes no attack here
ACCEPTING_OPENERS = [
    "I've got no problem with {g}", "I've no quarrel with {g}", "I don't mind {g} at all",
    "I get on fine with {g}", "honestly, I like {g}", "I'm not against {g}",
    "there's nothing wrong with {g}",
]
ACCEPTING_REASONS = [
    "my dentist is one of them", "we play football together on Sundays",
    "our kids go to the same swimming club", "half my team at work are",
    "I grew up among them", "the problem is the landlord, not them", "my sister married one",
]
#: a group as the subject of a plain, everyday statement
EVERYDAY_GROUP_PREDICATES = [
    "pay rent and taxes like the rest of us", "celebrate their holidays with family",
    "vote in every election", "have lived in this valley for generations",
    "are just people trying to get by", "queue at the same post office as everyone else",
    "worry about the price of bread too",
]


#: the short replies that fill a comment section (agreement, doubt, thanks, congratulations).
#: The tweets give the model almost no short clean text, and without these "I agree with you"
#: or "she deserves it" read as toxic: they are short, pronoun-led and unlike any clean tweet
SHORT_REPLIES = [
    "I agree", "fair point", "good question", "well put", "spot on", "totally agree",
    "not convinced", "I'm not so sure", "interesting", "thanks for sharing", "same here", "me too",
    "exactly", "true", "agreed", "couldn't agree more", "hmm, really", "I doubt it", "I hope so",
    "let's see", "about time", "finally", "sad news", "great news", "congratulations to the team",
    "so sad", "good for them", "well done", "nice one", "you might be right", "they did well",
    "she earned it", "he deserves the credit", "we'll see", "they are right about this",
    "you are spot on", "he was a kind man", "she is doing a great job", "they have a point",
    "you have a point there", "it is what it is", "that's a relief", "that's fair",
]
SHORT_TAILS = ["", ".", "!", " to be honest.", ", thanks.", " with you on this.", " about the buses.",
               ", as usual.", " on the budget."]
#: ordinary suggestions with "should", which keyword-sampled tweets mostly use for threats
PLAIN_SUGGESTIONS = [
    "they should fix the potholes", "they should open the pool earlier", "the town should add night buses",
    "they should ask the residents first", "we should plant more trees", "they should lower the parking fees",
    "she should run for mayor", "he should apologise to the volunteers", "you should visit the new library",
    "someone should repair the school roof",
]

#: plans, promises and questions about the future with nobody threatened: the threat templates
#: all say "I will ...", so without these any "will" or "going to" reads as a threat
PLAIN_FUTURE = [
    "I will be at the council meeting on Thursday", "see you all at the book sale on Saturday",
    "I'm going to write to my MP about this", "I will vote for her again", "they will open the bridge in May",
    "I'll look for the report and post the link", "we are going to miss that little cinema",
    "I will never forget that concert", "will the school stay open in August",
    "when will the results be published", "will there be a bus on Sundays", "we will find out next week",
    "I'm going to try the new bakery", "they'll sort it out eventually", "I will bring my kids to the fair",
    "you will love the view from the tower", "you'll find the timetable on the station wall",
    "save the receipts, you will need them for the refund", "watch the budget debate, it will be interesting",
    "mark my words, prices will go up again",
]
PLAIN_FUTURE_TAILS = [".", "!", " I think.", ", fingers crossed.", "?"]

#: advice to a reader about their own things, then what will come of it: second person plus
#: "will" with nobody threatened (the threat templates pair the two only in menaces)
READER_ADVICE = [
    "hold on to your {o}", "file your {o} somewhere safe", "take photos of your {o}",
    "don't throw away your {o}", "bring your {o} to the hearing", "check your {o} twice",
    "write down your {o}", "ask for your {o} in writing", "scan your {o}",
]
READER_OBJECTS = ["receipts", "letters from the council", "meter readings", "emails with the landlord",
                  "tickets", "bank statements", "planning notices", "questions"]
READER_OUTCOMES = [
    "they will come in handy later", "you'll be glad you did", "it will save you a headache",
    "the ombudsman will ask for them", "they'll help when the appeal comes", "it will pay off",
    "someone will want to see them one day", "you will need them if this goes to court",
]
#: a reader's thanks, a question about what happens next and a request to publish more
THANKS_OPENERS = ["thanks for following this", "appreciate the update", "good to see this reported",
                  "thank you for the clear write-up", "glad someone is looking into it",
                  "great to have a local paper on this"]
NEXT_QUESTIONS = [
    "will there be a vote before the summer", "will the paper follow up after the hearing",
    "will the minutes be made public", "when will the committee decide",
    "is the meeting next week open to residents", "will anyone from the company answer questions",
    "will the new timetable apply on weekends",
]
PUBLISH_REQUESTS = [
    "it would help to publish the full report", "could you link the budget tables",
    "please share the consultation papers when you get them", "a copy of the contract online would be great",
    "can you put the council's answer in the article", "please add the map of the new route",
]
#: groups in plain news events, past tense: turnout, festivals, campaigns, openings
NEWS_EVENT_FRAMES = [
    "{a} {n} gathered in the square for the lantern festival.",
    "the {a} association opened a new food bank on Main Street last month.",
    "turnout among {a} {n} rose in the last local election.",
    "a delegation of {a} {n} sat down with councillors over the library cuts.",
    "the {a} community marked its new year with a street fair.",
    "{a} {n} and their neighbours restored the old chapel together.",
    "the council funded a language class run by {a} {n}.",
    "the exhibition follows three generations of {a} {n} in the port.",
]

def examples(rng: random.Random) -> list[dict]:
    hate = {"toxicity": 1, "identity_attack": 1, "insult": 0, "threat": 0, "spam": 0}
    clean = {"toxicity": 0, "identity_attack": 0, "insult": 0, "threat": 0, "obscene": 0, "spam": 0}
    out: list[dict] = []
    out += expand("hate_statement", "en", [
        "{g} {p}.", "all {g} {p}.", "honestly, {g} {p}.", "face it, {g} {p}!",
        "it's a fact that {g} {p}.", "everyone knows {g} {p}.", "typical. {g} {p}.",
        "let's be honest, {g} {p} and always will.",
    ], {"g": GROUPS, "p": HATE_PREDICATES}, hate, 900, rng)
    out += expand("hate_direct", "en", [
        "I hate {g}.", "I can't stand {g}.", "{g} make me sick.", "we need to get rid of {g}.",
        "this country would be better without {g}.", "keep {g} out of our neighbourhood.",
        "never hire {g}.", "{g} have no place in decent society.", "I despise {g}, all of them.",
        "no more {g} here, we've had enough of them.", "{g} are the worst thing that happened to this town.",
    ], {"g": GROUPS}, hate, 260, rng)
    out += expand("hate_antisemitic_trope", "en", [
        "{s} {t}.", "wake up, {s} {t}.", "follow the money: {s} {t}.", "of course {s} {t}.",
        "it's always the same: {s} {t}.",
    ], {"s": ANTISEMITIC_SUBJECTS, "t": ANTISEMITIC_TROPES}, hate, 260, rng)
    out += expand("hate_threat", "en", [
        "{g} should be {v}.", "all {g} deserve to be {v}.", "round up the {g} and have them {v}.",
    ], {"g": GROUPS, "v": THREAT_PASSIVE}, {**hate, "threat": 1}, 220, rng)

    out += expand("negation", "en", [
        "I don't hate {g}.", "I have nothing against {g}.", "{g} are not {n}.",
        "no, {g} are not {n}.", "it is not true that {g} are {n}.",
        "I would never say {g} are {n}.", "none of the {g} I know are {n}.",
        "{g} are not the problem here.",
    ], {"g": GROUPS, "n": HATE_NOUNS}, clean, 450, rng)
    out += expand("counter_speech", "en", [
        'saying "{g} {p}" is disgusting bigotry.', "anyone who claims that {g} {p} is spreading hate.",
        "it is a lie that {g} {p}.", '"{g} {p}" - this kind of comment has no place here.',
        "I'm tired of people writing that {g} {p}. It's racist nonsense.",
        "the idea that {g} {p} is pure prejudice.", "stop saying {g} {p}. It's hateful and false.",
        "people who post that {g} {p} should be ashamed of themselves.",
        "reported the comment above saying {g} {p}. Hate like that is not an opinion.",
    ], {"g": GROUPS, "p": HATE_PREDICATES}, clean, 650, rng)
    out += expand("counter_speech_trope", "en", [
        "the claim that {s} {t} is an old antisemitic myth.",
        "no, {s} do not {t}. That conspiracy theory has been debunked for a century.",
        'the "{s} {t}" nonsense is antisemitism, plain and simple.',
    ], {"s": ["Jews", "Jewish bankers", "the Rothschilds"], "t": ANTISEMITIC_TROPES}, clean, 120, rng)
    out += expand("reporting", "en", [
        "the councillor was suspended after posting that {g} {p}.",
        "police are investigating leaflets claiming {g} {p}.",
        "a survey found that some people wrongly believe {g} {p}.",
        "the court fined a man who shouted that {g} {p}.",
        "the report documents a rise in attacks on {g} this year.",
        "the article describes how {g} were abused at the stadium.",
    ], {"g": GROUPS, "p": HATE_PREDICATES}, clean, 420, rng)
    out += expand("neutral_group", "en", [
        "{g} make up a growing share of voters in the region.", "the new law affects {g} the most.",
        "I work with {g} every day and we get along fine.",
        "as one of the {g} in this town, I think the mayor is wrong about the bus lines.",
        "the museum's exhibition tells the history of {g} in Europe.",
        "many {g} live in the northern districts.", "{g} are our neighbours, colleagues and friends.",
        "{g} enrich our community.", "my best friends are {g}.",
        "the festival organised by {g} was wonderful this year.",
        "the survey asked {g} about housing costs.", "how will the reform change life for {g}?",
    ], {"g": GROUPS}, clean, 400, rng)
    out += expand("neutral_jewish_life", "en", [
        "Jewish families lit candles for Hanukkah.", "the synagogue hosted an open day on Sunday.",
        "the rabbi spoke at the interfaith dinner.", "the Jewish community centre is raising money for the food bank.",
        "Israeli and Palestinian students debated the peace plan.",
        "the bank's board announced new interest rates.",
        "the government's policy on settlements is criticised by many Israelis too.",
    ], {}, clean, 20, rng)

    out += expand("insult", "en", [
        "you are a {n}.", "you're such a {n}.", "shut up, you {n}.", "only a {n} would write this.",
        "{w} is a complete {n}.", "what a {n}.", "go away, {n}.", "{w} is a {n}, nothing more.",
        "listen to yourself, you {n}.", "are you really this stupid? what a {n}.",
    ], {"n": INSULT_NOUNS, "w": PEOPLE}, {"toxicity": 1, "insult": 1, "identity_attack": 0,
                                         "threat": 0, "spam": 0}, 520, rng)
    out += expand("not_insult", "en", [
        "you are right about the budget.", "you make a fair point about {w}.",
        "I disagree with {w} on the figures.", "{w} ignores the data on rents.",
        "thanks for the thoughtful reply.", "you are not a {n}, you just made a mistake.",
        "calling {w} a {n} won't help anyone.", "{w} got the numbers wrong, but the point stands.",
        "please keep it civil, no need to call anyone a {n}.",
    ], {"n": INSULT_NOUNS, "w": PEOPLE}, clean, 320, rng)

    threat = {"toxicity": 1, "threat": 1, "identity_attack": 0, "spam": 0}
    out += expand("threat", "en", [
        "I will {v} you.", "I'm going to {v} you.", "if I see you I'll {v} you.",
        "someone should {v} {w}.", "keep writing this and I will {v} you.",
        "I know where you live. I will {v} you.", "watch your back, I'm coming to {v} you.",
    ], {"v": THREAT_VERBS, "w": PEOPLE}, threat, 260, rng)
    out += expand("threat_passive", "en", [
        "{w} should be {v}.", "{w} deserves to be {v}.", "I hope {w} gets {v} tonight.",
        "people like you should be {v}.",
    ], {"v": THREAT_PASSIVE, "w": PEOPLE}, threat, 160, rng)
    out += expand("threat_plain", "en", [
        "you won't live to see next week.", "we know where your kids go to school.",
        "your house will burn, count on it.", "one more article like this and you're dead.",
        "I'll be waiting outside your office with a knife.",
    ], {}, threat, 20, rng)
    out += expand("not_threat", "en", [
        "the soldier was {v} during the attack, the army said.",
        "police said the suspect threatened to {t} his neighbour.",
        "I would kill for a holiday right now.", "this comedian kills every single night.",
        "we will beat them at the next election.", "the storm will hit the coast tomorrow.",
        "I'm going to destroy this pizza.", "let's fight for better schools.",
        "the film shows a man being {v}, which is hard to watch.",
        "the court heard he had been {v} in 2019.",
    ], {"v": THREAT_PASSIVE, "t": THREAT_VERBS[:3]}, clean, 70, rng)

    out += expand("profanity_no_target", "en", [
        "{e}, what a goal!", "{e}, I missed the debate.", "this {f} {t} is killing me.",
        "{e}, the {t} again.", "the {t} was {f} brilliant.", "{e}! Great news for the town.",
    ], {"e": PROFANE_EXCLAMATIONS, "f": PROFANITY, "t": EVERYDAY_TOPICS},
        {"obscene": 1, "insult": 0, "identity_attack": 0, "threat": 0, "spam": 0}, 260, rng)
    out += expand("profanity_varied", "en", [
        "this is fucking {a}.", "{e}, this {t} is bullshit.", "what a shitshow the {t} was.",
        "the {t} is a fucking mess.", "that's some serious shit about the {t}.", "this is bullshit.",
        "damn, the {t} is so fucking {a}.", "fucking {a}, honestly.",
    ], {"a": ["brilliant", "expensive", "annoying", "ridiculous", "amazing", "slow"], "e": PROFANE_EXCLAMATIONS,
        "t": EVERYDAY_TOPICS}, {"obscene": 1, "insult": 0, "identity_attack": 0, "threat": 0, "spam": 0},
        260, rng)
    out += expand("negation_verbs", "en", [
        "I don't {v} {g}.", "we don't {v} {g} here.", "I have never {vp} {g}.",
        "I don't {v} {g}. {s}",
    ], {"v": ["hate", "despise", "dislike", "fear", "blame", "resent"],
        "vp": ["hated", "despised", "blamed", "resented"], "g": GROUPS,
        "s": ["They run the corner shop.", "Some are my friends.", "Why would I?"]}, clean, 300, rng)
    out += expand("profane_insult", "en", [
        "you {f} {n}.", "shut the fuck up, {n}.", "{w} is a {f} {n}.", "fuck off, you {n}.",
    ], {"f": ["fucking", "goddamn", "shitty"], "n": INSULT_NOUNS, "w": PEOPLE},
        {"toxicity": 1, "insult": 1, "obscene": 1, "identity_attack": 0, "threat": 0, "spam": 0},
        200, rng)
    out += expand("clean_comment", "en", [
        "the {t} was a mess again this week.", "great article, thanks for the detailed reporting.",
        "does anyone know when the council will vote on the {t}?",
        "I read the whole piece and I still don't understand the {t} plan.",
        "my daughter's school was closed because of the {t}.",
    ], {"t": EVERYDAY_TOPICS}, clean, 50, rng)
    # everyday comments in news register that name groups, officials and hard topics
    out += expand("benign_news_comment", "en", ["{s} {v} {o}.", "I think {s} {v} {o}.",
                                                 "according to the article, {s} {v} {o}."],
                  {"s": BENIGN_SUBJECTS, "v": BENIGN_VERBS, "o": BENIGN_OBJECTS}, clean, 1200, rng)
    in_context = [c.format(g=g) for c in GROUP_CONTEXTS for g in GROUPS]
    out += expand("positive_group", "en", ["{c} {p}.", "honestly, {c} {p}.", "I really think {c} {p}."],
                  {"c": in_context, "p": POSITIVE_PREDICATES}, clean, 900, rng)
    out += expand("neutral_group_context", "en", ["{c} {v} {o}."],
                  {"c": in_context, "v": BENIGN_VERBS, "o": BENIGN_OBJECTS}, clean, 900, rng)
    out += expand("threat_varied", "en", THREAT_FRAMES, {"a": THREAT_ACTS}, threat, 80, rng)
    out += expand("group_threat", "en", GROUP_THREAT_FRAMES, {"g": GROUPS},
                  {**hate, "threat": 1}, 120, rng)
    out += expand("group_adjective_everyday", "en", EVERYDAY_ADJECTIVE_FRAMES,
                  {"a": GROUP_ADJECTIVES, "n": EVERYDAY_PEOPLE}, clean, 400, rng)
    # each opener and each predicate is its own sentence pattern, so the split holds whole ones out
    out += expand("accepting_with_reason", "en",
                  [o + sep + "{r}." for o in ACCEPTING_OPENERS for sep in (", ", "; ")],
                  {"g": GROUPS, "r": ACCEPTING_REASONS}, clean, 300, rng)
    out += expand("everyday_group_subject", "en",
                  [start + p + "." for p in EVERYDAY_GROUP_PREDICATES for start in ("{g} ", "most {g} ")],
                  {"g": GROUPS}, clean, 200, rng)
    out += expand("short_reply", "en", [r + "{t}" for r in SHORT_REPLIES], {"t": SHORT_TAILS},
                  clean, 350, rng)
    out += expand("plain_suggestion", "en", [p + "{t}" for p in PLAIN_SUGGESTIONS],
                  {"t": [".", " first.", ", in my view.", " before winter.", "!"]}, clean, 50, rng)
    out += expand("plain_future", "en", [p + "{t}" for p in PLAIN_FUTURE], {"t": PLAIN_FUTURE_TAILS},
                  clean, 100, rng)
    out += expand("reader_advice", "en", [a + sep + "{r}." for a in READER_ADVICE for sep in (", ", ". ")],
                  {"o": READER_OBJECTS, "r": READER_OUTCOMES}, clean, 300, rng)
    out += expand("thanks_question_request", "en",
                  [t + ". {q}? {r}." for t in THANKS_OPENERS] + [t + "! {q}?" for t in THANKS_OPENERS],
                  {"q": NEXT_QUESTIONS, "r": PUBLISH_REQUESTS}, clean, 300, rng)
    out += expand("group_news_event", "en", NEWS_EVENT_FRAMES,
                  {"a": GROUP_ADJECTIVES, "n": EVERYDAY_PEOPLE + ["voters", "families", "students"]},
                  clean, 400, rng)
    # reactions made only of emoji or punctuation: nothing here to moderate
    out += expand("clean_emoji", "en", ["{a}{b}", "{a}{a}{a}", "{a} {b} {b}", "{a}!!"],
                  {"a": ["👍", "😂", "❤️", "🙏", "👏", "😢", "🤔", "😮", "🎉", "🔥", "...", "?!"],
                   "b": ["👍", "😂", "😍", "💯", "🙌", "😅"]}, clean, 90, rng)
    return out
