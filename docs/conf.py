"""Sphinx configuration for the yixian-corpus documentation.

Build with ``nox -s docs`` (HTML with ``-n -W``, then the doctest builder).  The docs document the
*installed* ``yixian_corpus``; generated pages (API reference body, edit report) are written into
``docs/_generated/`` when the builder starts.  Intersphinx reads a committed inventory of Python's
objects (``docs/_inventories/python.inv``), so no build touches the network.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yixian_corpus

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

DOCS = Path(__file__).resolve().parent
sys.path.insert(0, str(DOCS / "_scripts"))

import gen_agreement  # noqa: E402 - found through the sys.path entry above
import gen_api  # noqa: E402 - found through the sys.path entry above
import gen_reports  # noqa: E402 - found through the sys.path entry above
import make_inventories  # noqa: E402 - found through the sys.path entry above

# -- project -------------------------------------------------------------------------------------------------------
project = "yixian-corpus"
author = "The yixian-corpus developers"
copyright = "2026, The yixian-corpus developers"
release = yixian_corpus.__version__
version = ".".join(release.split(".")[:2])
language = "en"

# -- general -------------------------------------------------------------------------------------------------------
extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
    "sphinx.ext.intersphinx",
    "sphinx.ext.viewcode",
]
source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "_generated", "_scripts", "_inventories", "Thumbs.db", ".DS_Store"]
nitpicky = True
suppress_warnings: list[str] = []

myst_enable_extensions = ["colon_fence", "deflist", "fieldlist"]
myst_heading_anchors = 3

# -- autodoc + napoleon (Google style) -----------------------------------------------------------------------------
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_typehints_description_target = "documented_params"
autodoc_preserve_defaults = True
autodoc_inherit_docstrings = False
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_rtype = False
napoleon_attr_annotations = True

# -- doctest -------------------------------------------------------------------------------------------------------
# Docstring examples are written as they run inside their module, where the package's names are in
# scope; the docs run them with the public names imported the same way.
doctest_global_setup = """
from decimal import Decimal
import yixian_corpus
from yixian_corpus import *
"""
doctest_test_doctest_blocks = "default"

# -- intersphinx (offline) -----------------------------------------------------------------------------------------
INVENTORIES = DOCS / "_inventories"
intersphinx_mapping = {
    project: (url, str(INVENTORIES / f"{project}.inv")) for project, url in make_inventories.PROJECTS.items()
}
intersphinx_timeout = 1

# -- HTML ----------------------------------------------------------------------------------------------------------
html_theme = "furo"
html_title = f"yixian-corpus {release}"
html_static_path: list[str] = []
html_show_sourcelink = False


# -- hooks ---------------------------------------------------------------------------------------------------------
def _generate_pages(app: Sphinx) -> None:
    """Write the generated pages before any source is read."""
    outdir = Path(app.srcdir) / "_generated"
    gen_api.write(outdir)
    gen_reports.write_all(outdir)
    gen_agreement.write(outdir)


# Names that type hints use unqualified (imported under TYPE_CHECKING, so autodoc cannot see their module).
_BARE_NAMES = {
    "Path": "pathlib.Path",
    "Decimal": "decimal.Decimal",
    "Any": "typing.Any",
    "TextIO": "typing.TextIO",
    "Iterable": "collections.abc.Iterable",
    "Iterator": "collections.abc.Iterator",
    "Callable": "collections.abc.Callable",
    "Sequence": "collections.abc.Sequence",
    "Mapping": "collections.abc.Mapping",
    "PathLike": "os.PathLike",
}


def _resolve_names(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: nodes.TextElement
) -> nodes.reference | None:
    """Resolve references that type hints and docstrings spell by their defining module.

    ``yixian_corpus._model.Article`` (how a type hint names it) is documented as the public
    ``yixian_corpus.Article``; bare ``Path``/``Decimal``/... from ``TYPE_CHECKING`` imports are handed
    on to intersphinx under their full names.  Runs before intersphinx (priority 400).
    """
    if node.get("refdomain") != "py":
        return None
    target: str = node.get("reftarget", "")
    if target in _BARE_NAMES:
        node["reftarget"] = _BARE_NAMES[target]
        return None  # intersphinx resolves the full name
    if not target.startswith("yixian_corpus."):
        return None
    name = target.rsplit(".", 1)[-1]
    if name not in yixian_corpus.__all__ or target == f"yixian_corpus.{name}":
        return None
    domain: Any = env.domains["py"]
    resolved: nodes.reference | None = domain.resolve_xref(
        env, node["refdoc"], app.builder, node["reftype"], f"yixian_corpus.{name}", node, contnode
    )
    return resolved


def _skip_namedtuple_fields(  # noqa: PLR0913, PLR0917 - the signature Sphinx calls
    app: Sphinx,  # noqa: ARG001
    what: str,  # noqa: ARG001
    name: str,  # noqa: ARG001
    obj: object,
    skip: bool,  # noqa: ARG001, FBT001
    options: object,  # noqa: ARG001
) -> bool | None:
    """Leave out a NamedTuple's field accessors ("Alias for field number N").

    The class docstring's ``Attributes:`` section already documents each field; documenting the
    accessors too would describe every field twice.
    """
    if (getattr(obj, "__doc__", None) or "").startswith("Alias for field number"):
        return True
    return None  # Sphinx's own decision


def setup(app: Sphinx) -> dict[str, Any]:
    """Connect the hooks of this configuration."""
    app.connect("builder-inited", _generate_pages)
    app.connect("autodoc-skip-member", _skip_namedtuple_fields)
    app.connect("missing-reference", _resolve_names, priority=400)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
