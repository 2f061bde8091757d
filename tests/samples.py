"""Page fragments shared by several test modules."""

#: a Polish news site's comment thread: name, weekday and date, text, "Odpowiedz", and a glued
#: "pokażodpowiedzi (2)" widget after the first comment
POLISH_THREAD = [
    "Robs",
    "wtorek, 11 maja 2021, 23:13",
    "",
    "To przecież klient jest poszkodowany, coś by się nam należało.",
    "",
    "Odpowiedz",
    "pokażodpowiedzi (2)",
    "Anonim",
    "wtorek, 11 maja 2021, 22:32",
    "",
    "Ruscy powoli dostają rozwolnienia, stare przysłowie mówi, że chytry dwa razy traci.",
    "",
    "Odpowiedz",
]

#: a German news site's thread: name, "share this comment" widget, text, votes, and the age
#: that closes each comment
AGE_CLOSED_THREAD = [
    "Nibelung",
    "Diesen Kommentar auf Twitter teilen?",
    "Gewisse Ähnlichkeiten zwischen damals und heute sind durchaus zu erkennen.",
    "0",
    "50 Minuten 46 Sekunden her",
    "Bummi",
    "Diesen Kommentar auf Twitter teilen?",
    "Ich sehe den Abzug grundsätzlich positiv, dort gehören keine fremden Truppen hin.",
    "4",
    "1 Stunde 51 Minuten her",
]
