import pytest

from presslens.document import Document
from presslens.errors import PageError, PresslensError
from presslens.pipeline import Pipeline, available_steps, create_step, register_step


class Upper:
    name = "upper"
    requires = ("body",)
    provides = ("title",)

    def __call__(self, doc):
        doc.title = (doc.body or "").upper()


class SetsBody:
    name = "sets_body"
    requires = ()
    provides = ("body",)

    def __call__(self, doc):
        doc.body = doc.text


class Forgetful:
    name = "forgetful"
    requires = ()
    provides = ("outlet",)

    def __call__(self, doc):
        pass


class Broken:
    name = "broken"
    requires = ()
    provides = ()

    def __call__(self, doc):
        raise ValueError("boom")


def test_steps_run_in_order_and_add_fields():
    doc = Pipeline([SetsBody(), Upper()])(Document("abc"))
    assert doc.title == "ABC"


def test_missing_requirement_is_reported_with_providers():
    with pytest.raises(PresslensError, match=r"P021.*'upper' requires 'body'.*body"):
        Pipeline([Upper()])


def test_step_that_does_not_set_its_field_fails_the_page():
    with pytest.raises(PageError, match="P022"):
        Pipeline([Forgetful()])(Document("x"))


def test_step_exception_becomes_page_error_naming_the_step():
    with pytest.raises(PageError, match="broken.*ValueError: boom"):
        Pipeline([Broken()])(Document("x"))


def test_unknown_step_lists_available_ones():
    with pytest.raises(PresslensError, match="P020.*segment"):
        create_step("no_such_step")


def test_registered_step_is_found_by_name():
    register_step("upper_test", Upper)
    assert "upper_test" in available_steps()
    assert isinstance(create_step("upper_test"), Upper)
    with pytest.raises(PresslensError, match="P024"):
        register_step("upper_test", SetsBody)


def test_builtin_steps_are_discoverable_through_entry_points():
    from importlib.metadata import entry_points
    names = {ep.name for ep in entry_points(group="presslens.steps")}
    assert {"segment", "comments", "body", "language", "metadata"} <= names
