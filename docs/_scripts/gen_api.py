"""Generate the body of the API reference from ``yixian_corpus.__all__``.

Every public name gets an autodoc entry, so a name added to ``__all__`` appears in the reference
without anyone editing ``docs/api.md``.  Names are grouped by what they are (functions, the corpus and
its objects, enumerations, errors) and sorted within a group in the order of ``__all__``.
``conf.py`` runs :func:`write` when a Sphinx builder starts; ``docs/api.md`` includes the result.
"""

from __future__ import annotations

import enum
import inspect
import sys
from pathlib import Path

import yixian_corpus

GENERATED = Path(__file__).resolve().parents[1] / "_generated"

SKIP = {"__version__"}  # stated in prose on the API page


def groups() -> dict[str, list[str]]:
    """The public names by kind, each group in ``__all__`` order."""
    found: dict[str, list[str]] = {"Functions": [], "Classes": [], "Enumerations": [], "Errors": [], "Constants": []}
    for name in yixian_corpus.__all__:
        if name in SKIP:
            continue
        value = getattr(yixian_corpus, name)
        if inspect.isclass(value) and issubclass(value, BaseException):
            found["Errors"].append(name)
        elif inspect.isclass(value) and issubclass(value, enum.Enum):
            found["Enumerations"].append(name)
        elif inspect.isclass(value):
            found["Classes"].append(name)
        elif callable(value):
            found["Functions"].append(name)
        else:
            found["Constants"].append(name)
    # The corpus first among the classes: everything else hangs off it.
    if "Corpus" in found["Classes"]:
        found["Classes"].remove("Corpus")
        found["Classes"].insert(0, "Corpus")
    return {title: names for title, names in found.items() if names}


def _directive(name: str, group: str) -> str:
    qualified = f"yixian_corpus.{name}"
    if group == "Functions":
        return f".. autofunction:: {qualified}\n"
    if group == "Errors":
        return f".. autoexception:: {qualified}\n   :show-inheritance:\n"
    if group == "Enumerations":
        return f".. autoclass:: {qualified}\n   :members:\n   :undoc-members:\n   :show-inheritance:\n"
    if group == "Constants":
        return f".. autodata:: {qualified}\n   :no-value:\n"
    return f".. autoclass:: {qualified}\n   :members:\n"


def reference() -> str:
    """The generated reference as MyST markdown (autodoc directives inside ``eval-rst`` blocks)."""
    parts: list[str] = []
    for group, names in groups().items():
        parts.append(f"## {group}\n")
        parts.extend("```{eval-rst}\n" + _directive(name, group) + "```\n" for name in names)
    return "\n".join(parts)


def write(outdir: Path = GENERATED) -> bool:
    """Write ``api_reference.md`` into ``outdir``; return whether it changed."""
    path = outdir / "api_reference.md"
    text = reference()
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return True


if __name__ == "__main__":
    if write():
        sys.stdout.write(f"wrote {GENERATED / 'api_reference.md'}\n")
