"""Whole pages whose comments come from the widespread comment systems, as a browser copies
them or a renderer writes them: the segmenter must find each thread and the comments step must
give every comment its author, date, text and parent."""

import pytest

from presslens.document import Document
from presslens.pipeline import Pipeline

ARTICLE = """Ministers Clash Over Border Spending Plan

By Laura Keane | March 3, 2019

The government's plan to double spending on border surveillance drew sharp criticism on \
Tuesday from opposition lawmakers, who said the money would be better spent on local police \
forces and on the courts that hear asylum cases.

The interior minister defended the plan in a long session of parliament, saying that the new \
drones and radar stations would cut illegal crossings by half within two years, a figure that \
independent analysts called optimistic at best.

Critics pointed out that a similar programme launched five years ago had run far over budget \
and delivered only a fraction of the promised equipment, while the agency in charge had lost \
three directors in as many years.

The vote on the spending plan is expected next month, after a committee has heard from the \
agency's current director and from the auditors who reviewed the earlier programme.

"""

FIRST = "This is outrageous, they lie to us again and again about the money."
SECOND = "Agreed, the last programme was a disaster and nobody was held responsible."
THIRD = "Drones will not fix a broken asylum system."

BLOGGER = f"""3 comments:

Anonymous said...

{FIRST}

March 3, 2019 at 3:14 PM

Tom Baker said...

{SECOND}

March 3, 2019 at 5:02 PM

Sue Hill said...

{THIRD}

March 4, 2019 at 9:40 AM

Post a Comment
"""

DISQUS_COPIED = f"""12 Comments
Sort by Best

John Smith
3 hours ago

{FIRST}

5
Reply
Share ›

Mary Jones
2 hours ago

{SECOND}

2
Reply
Share ›

Peter Walsh
an hour ago

{THIRD}

Reply
Share ›
"""

DISQUS_NESTED = f"""Comments

John Smith • 3 hours ago
{FIRST}
Reply • Share ›

    Mary Jones > John Smith • 2 hours ago
    {SECOND}
    Reply • Share ›

        Peter Walsh > Mary Jones • an hour ago
        {THIRD}
        Reply • Share ›

Sue Hill • 30 minutes ago
Where are the auditors' reports?
Reply • Share ›
"""

FACEBOOK_PLUGIN = f"""3 Comments

Sort by Oldest

John Smith
{FIRST}
Like · Reply · 2y

Mary Jones
{SECOND}
Like · Reply · 1 · 2y

Peter Walsh
{THIRD}
Like · Reply · 2y

Facebook Comments Plugin
"""

WORDPRESS_FR = """3 réponses à “Ministers Clash Over Border Spending Plan”

Jean Dupont dit :
3 mars 2019 à 10 h 14 min

Encore de l'argent jeté par les fenêtres pour des drones inutiles.

Répondre

Marie Curie dit :
3 mars 2019 à 11 h 02 min

Les auditeurs avaient déjà tout dit il y a cinq ans.

Répondre

Laisser un commentaire
"""

VK_RU = """Комментарии

Иван Петров
Опять деньги на дроны вместо полиции, как всегда.
2 мар 2019 в 10:14 Ответить

Мария Иванова
Аудиторы об этом говорили ещё пять лет назад.
2 мар 2019 в 11:02 Ответить
"""

HANDLES_WITH_AGES = f"""Comments

@truthseeker77 2 days ago
{FIRST}
Reply

@maryj 1 day ago
{SECOND}
Reply
"""


def _comments(thread: str) -> list:
    doc = Document(ARTICLE + thread)
    Pipeline(("segment", "comments", "body"))(doc)
    assert "auditors who reviewed the earlier programme" in doc.body
    for comment in doc.comments:
        assert comment.text.splitlines()[0] in doc.text[comment.start:comment.end]
    return doc.comments


@pytest.mark.parametrize("thread, expected", [
    (BLOGGER, [("Anonymous", "2019-03-03T15:14", FIRST), ("Tom Baker", "2019-03-03T17:02", SECOND),
               ("Sue Hill", "2019-03-04T09:40", THIRD)]),
    (DISQUS_COPIED, [("John Smith", "3 hours ago", FIRST), ("Mary Jones", "2 hours ago", SECOND),
                     ("Peter Walsh", "an hour ago", THIRD)]),
    (FACEBOOK_PLUGIN, [("John Smith", "2y", FIRST), ("Mary Jones", "2y", SECOND),
                       ("Peter Walsh", "2y", THIRD)]),
    (WORDPRESS_FR, [("Jean Dupont", "2019-03-03T10:14",
                     "Encore de l'argent jeté par les fenêtres pour des drones inutiles."),
                    ("Marie Curie", "2019-03-03T11:02",
                     "Les auditeurs avaient déjà tout dit il y a cinq ans.")]),
    (VK_RU, [("Иван Петров", "2019-03-02T10:14", "Опять деньги на дроны вместо полиции, как всегда."),
             ("Мария Иванова", "2019-03-02T11:02", "Аудиторы об этом говорили ещё пять лет назад.")]),
    (HANDLES_WITH_AGES, [("@truthseeker77", "2 days ago", FIRST), ("@maryj", "1 day ago", SECOND)]),
], ids=["blogger", "disqus-copied", "facebook-plugin", "wordpress-fr", "vk-ru", "handles-with-ages"])
def test_flat_threads_of_common_comment_systems(thread, expected):
    comments = _comments(thread)
    assert [(c.author, c.timestamp, c.text) for c in comments] == expected
    assert all(c.parent is None for c in comments)


def test_disqus_replies_name_whom_they_answer_and_nest_by_indentation():
    comments = _comments(DISQUS_NESTED)
    assert [(c.author, c.timestamp, c.depth) for c in comments] == [
        ("John Smith", "3 hours ago", 0), ("Mary Jones", "2 hours ago", 1),
        ("Peter Walsh", "an hour ago", 2), ("Sue Hill", "30 minutes ago", 0)]
    assert [c.parent for c in comments] == [None, "c1", "c2", None]
    assert comments[1].text == SECOND  # the widgets under each comment are not its words


def test_replies_copied_without_indentation_find_their_parent_by_name():
    flat = "\n".join(line.strip() for line in DISQUS_NESTED.splitlines())
    comments = _comments(flat)
    assert [c.author for c in comments] == ["John Smith", "Mary Jones", "Peter Walsh", "Sue Hill"]
    assert [c.parent for c in comments] == [None, "c1", "c2", None]
    assert [c.depth for c in comments] == [0, 1, 2, 0]


def test_reddit_levels_give_the_depth_of_a_copied_thread():
    thread = f"""Comments

level 1
truthseeker77
· 5 hr. ago

{FIRST}

12
Reply
Share

level 2
maryj
· 4 hr. ago

{SECOND}

Reply
Share

level 1
pwalsh
· 3 hr. ago

{THIRD}
"""
    comments = _comments(thread)
    assert [(c.author, c.timestamp, c.text) for c in comments] == [
        ("truthseeker77", "5 hr. ago", FIRST), ("maryj", "4 hr. ago", SECOND),
        ("pwalsh", "3 hr. ago", THIRD)]
    assert [c.parent for c in comments] == [None, "c1", None]


def test_a_reply_address_alone_on_a_line_is_no_author():
    thread = f"""Comments

@truthseeker77 2 days ago
{FIRST}
Reply

@maryj 1 day ago
@truthseeker77
{SECOND}
Reply
"""
    comments = _comments(thread)
    assert [c.author for c in comments] == ["@truthseeker77", "@maryj"]
    assert comments[1].text == "@truthseeker77\n" + SECOND
    assert comments[1].parent == "c1"  # the address says whom the reply answers
