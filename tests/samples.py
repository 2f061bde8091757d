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
