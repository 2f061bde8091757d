"""Steps found by name, checked for what they require, run in order over a Document."""

from __future__ import annotations

from importlib import import_module
from importlib.metadata import entry_points
from typing import Callable, Iterable, Protocol, runtime_checkable

from presslens.document import Document
from presslens.errors import Errors, PageError, PresslensError

ENTRY_POINT_GROUP = "presslens.steps"

#: the steps `presslens analyze` runs, in order
DEFAULT_STEPS = ("segment", "comments", "body", "language", "moderation", "metadata",
                 "persuasion", "entities", "quotes")

#: built-in steps, name -> "module:Class"; imported lazily so `import presslens` stays light
BUILTIN_STEPS = {
    "segment": "presslens.steps.segment:SegmentStep",
    "comments": "presslens.steps.comments:CommentsStep",
    "body": "presslens.steps.body:BodyStep",
    "language": "presslens.steps.language:LanguageStep",
    "metadata": "presslens.steps.metadata:MetadataStep",
    "moderation": "presslens.steps.moderation:ModerationStep",
    "persuasion": "presslens.steps.persuasion:PersuasionStep",
    "entities": "presslens.steps.entities:EntitiesStep",
    "quotes": "presslens.steps.quotes:QuotesStep",
}

#: fields every document has before any step runs
BASE_FIELDS = frozenset({"text", "id", "source", "url", "hints"})


@runtime_checkable
class Step(Protocol):
    """A pipeline step: adds the fields it `provides` to a document, reading those it `requires`."""

    name: str
    requires: tuple[str, ...]
    provides: tuple[str, ...]

    def __call__(self, doc: Document) -> None: ...


_registry: dict[str, Callable[[], Step] | str] = {}
_discovered = False


def register_step(name: str, factory: Callable[[], Step] | str, *, replace: bool = False) -> None:
    """Make a step available by name; `factory` is a class, a callable or a "module:attr" path."""
    if "." in name or not name:
        raise PresslensError(f"step names must be plain words, not {name!r}")
    if name in _registry and not replace and _registry[name] != factory:
        raise PresslensError(Errors.P024.format(name=name, existing=_registry[name]))
    _registry[name] = factory


def register_builtin_steps() -> None:
    """Register the built-in steps (idempotent)."""
    for name, path in BUILTIN_STEPS.items():
        _registry.setdefault(name, path)


def discover_steps() -> None:
    """Register built-ins, then steps that installed packages declare as entry points."""
    global _discovered
    register_builtin_steps()
    if _discovered:
        return
    _discovered = True
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        _registry.setdefault(ep.name, ep.value)


def available_steps() -> list[str]:
    discover_steps()
    return sorted(_registry)


def create_step(name: str) -> Step:
    """Instantiate the step registered under `name`."""
    discover_steps()
    if name not in _registry:
        raise PresslensError(Errors.P020.format(name=name, available=", ".join(available_steps())))
    factory = _registry[name]
    if isinstance(factory, str):
        module, _, attr = factory.partition(":")
        factory = getattr(import_module(module), attr)
    step = factory()
    for attr in ("name", "requires", "provides"):
        if not hasattr(step, attr):
            raise PresslensError(f"step {name!r} lacks the attribute {attr!r}")
    return step


class Pipeline:
    """An ordered list of steps whose `requires` are checked against earlier `provides`."""

    def __init__(self, steps: Iterable[str | Step] = DEFAULT_STEPS) -> None:
        self.steps: list[Step] = [create_step(s) if isinstance(s, str) else s for s in steps]
        self._check_requirements()

    @property
    def step_names(self) -> list[str]:
        return [s.name for s in self.steps]

    def _check_requirements(self) -> None:
        provided = set(BASE_FIELDS)
        for step in self.steps:
            for needed in step.requires:
                if needed not in provided:
                    providers = [n for n in available_steps() if needed in _provides_of(n)]
                    raise PresslensError(Errors.P021.format(
                        name=step.name, field=needed, providers=", ".join(providers) or "none"))
            provided.update(step.provides)

    def __call__(self, doc: Document) -> Document:
        """Run every step over `doc`; a failing step fails the page with its name and reason."""
        for step in self.steps:
            try:
                step(doc)
            except PageError:
                raise
            except Exception as exc:  # a step bug must fail this page, not the run
                raise PageError(Errors.P023.format(
                    name=step.name, reason=f"{type(exc).__name__}: {exc}")) from exc
            for field in step.provides:
                if not doc.has_annotation(field):
                    raise PageError(Errors.P022.format(name=step.name, field=field))
        return doc


def _provides_of(name: str) -> tuple[str, ...]:
    try:
        return tuple(create_step(name).provides)
    except Exception:
        return ()
