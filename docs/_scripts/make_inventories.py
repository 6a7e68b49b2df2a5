"""Write ``docs/_inventories/*.inv``: the parts of other projects' object inventories these docs link to.

Sphinx's intersphinx normally downloads ``objects.inv`` from each project's site at every build.  The
docs must build without a network, so the objects they refer to are listed here and written once into
small inventories in Sphinx's own format (version 2: four header lines, then zlib-compressed lines
``name domain:role priority uri display-name``; a ``$`` at the end of the uri stands for the name).
``conf.py`` points intersphinx at these files (:data:`PROJECTS` gives each one's base URL); the links
still lead to the projects' real documentation.

Run ``python docs/_scripts/make_inventories.py`` after adding an object below, and commit the result;
``--check`` says whether the committed files are current.
"""

from __future__ import annotations

import sys
import zlib
from pathlib import Path

INVENTORIES = Path(__file__).resolve().parents[1] / "_inventories"

BUILTIN_CLASSES = {
    "str": "library/stdtypes.html#str",
    "bytes": "library/stdtypes.html#bytes",
    "int": "library/functions.html#int",
    "float": "library/functions.html#float",
    "bool": "library/functions.html#bool",
    "complex": "library/functions.html#complex",
    "dict": "library/stdtypes.html#dict",
    "list": "library/stdtypes.html#list",
    "tuple": "library/stdtypes.html#tuple",
    "set": "library/stdtypes.html#set",
    "frozenset": "library/stdtypes.html#frozenset",
    "object": "library/functions.html#object",
    "type": "library/functions.html#type",
    "range": "library/stdtypes.html#range",
    "slice": "library/functions.html#slice",
    "memoryview": "library/stdtypes.html#memoryview",
}

BUILTIN_EXCEPTIONS = [
    "BaseException",
    "Exception",
    "KeyError",
    "IndexError",
    "LookupError",
    "ValueError",
    "TypeError",
    "UnicodeError",
    "UnicodeDecodeError",
    "UnicodeEncodeError",
    "FileExistsError",
    "FileNotFoundError",
    "IsADirectoryError",
    "NotADirectoryError",
    "PermissionError",
    "TimeoutError",
    "ImportError",
    "ModuleNotFoundError",
    "OSError",
    "RuntimeError",
    "NotImplementedError",
    "BrokenPipeError",
    "KeyboardInterrupt",
    "SystemExit",
]

CONSTANTS = ["None", "True", "False", "Ellipsis", "NotImplemented"]

BUILTIN_FUNCTIONS = ["len", "iter", "next", "open", "print", "repr", "sorted", "isinstance", "hash", "format"]

# (name, role, page): the anchor is the name itself.
LIBRARY = [
    ("decimal.Decimal", "class", "decimal"),
    ("decimal.InvalidOperation", "exception", "decimal"),
    ("pathlib.Path", "class", "pathlib"),
    ("pathlib.PurePath", "class", "pathlib"),
    ("os.PathLike", "class", "os"),
    ("os.fspath", "function", "os"),
    ("enum.Enum", "class", "enum"),
    ("enum.StrEnum", "class", "enum"),
    ("datetime.date", "class", "datetime"),
    ("datetime.datetime", "class", "datetime"),
    ("re.Pattern", "class", "re"),
    ("re.Match", "class", "re"),
    ("json.dump", "function", "json"),
    ("json.dumps", "function", "json"),
    ("json.load", "function", "json"),
    ("json.loads", "function", "json"),
    ("json.JSONDecodeError", "exception", "json"),
    ("csv.writer", "function", "csv"),
    ("csv.reader", "function", "csv"),
    ("csv.DictReader", "class", "csv"),
    ("sqlite3.connect", "function", "sqlite3"),
    ("sqlite3.Connection", "class", "sqlite3"),
    ("argparse.ArgumentParser", "class", "argparse"),
    ("argparse.Namespace", "class", "argparse"),
    ("functools.cache", "function", "functools"),
    ("difflib.get_close_matches", "function", "difflib"),
    ("unicodedata.east_asian_width", "function", "unicodedata"),
    ("importlib.resources.files", "function", "importlib.resources"),
    ("io.TextIOBase", "class", "io"),
    ("io.StringIO", "class", "io"),
    ("xml.etree.ElementTree.Element", "class", "xml.etree.elementtree"),
    ("xml.etree.ElementTree.parse", "function", "xml.etree.elementtree"),
    ("typing.Any", "data", "typing"),
    ("typing.Union", "data", "typing"),
    ("typing.Optional", "data", "typing"),
    ("typing.Literal", "data", "typing"),
    ("typing.NamedTuple", "class", "typing"),
    ("typing.TextIO", "class", "typing"),
    ("typing.BinaryIO", "class", "typing"),
    ("typing.IO", "class", "typing"),
    ("typing.Iterable", "class", "typing"),
    ("typing.Iterator", "class", "typing"),
    ("typing.Callable", "data", "typing"),
    ("typing.Sequence", "class", "typing"),
    ("typing.Mapping", "class", "typing"),
    ("collections.Counter", "class", "collections"),
    ("collections.abc.Iterable", "class", "collections.abc"),
    ("collections.abc.Iterator", "class", "collections.abc"),
    ("collections.abc.Callable", "class", "collections.abc"),
    ("collections.abc.Sequence", "class", "collections.abc"),
    ("collections.abc.Mapping", "class", "collections.abc"),
    ("collections.abc.Set", "class", "collections.abc"),
    ("collections.abc.Collection", "class", "collections.abc"),
]

MODULES = [
    "json",
    "csv",
    "sqlite3",
    "decimal",
    "pathlib",
    "enum",
    "re",
    "doctest",
    "difflib",
    "unicodedata",
    "typing",
    "importlib.resources",
    "xml.etree.ElementTree",
    "collections.abc",
]


def python_entries() -> list[str]:
    """Every line of the Python inventory."""
    lines = [f"{name} py:class 1 {uri} -" for name, uri in BUILTIN_CLASSES.items()]
    lines += [f"{name} py:exception 1 library/exceptions.html#$ -" for name in BUILTIN_EXCEPTIONS]
    lines += [f"{name} py:data 1 library/constants.html#$ -" for name in CONSTANTS]
    lines += [f"{name} py:function 1 library/functions.html#$ -" for name in BUILTIN_FUNCTIONS]
    lines += [f"{name} py:{role} 1 library/{page}.html#$ -" for name, role, page in LIBRARY]
    lines += [f"{name} py:module 0 library/{name.lower()}.html#module-$ -" for name in MODULES]
    return lines


# Third-party projects: (base URL, inventory lines relative to it).
THIRD_PARTY: dict[str, tuple[str, list[str]]] = {
    "attrs": (
        "https://www.attrs.org/en/stable",
        [
            "attrs py:module 0 api.html#module-$ -",
            "attrs.frozen py:function 1 api.html#$ -",
            "attrs.define py:function 1 api.html#$ -",
            "attrs.field py:function 1 api.html#$ -",
            "attrs.evolve py:function 1 api.html#$ -",
            "attrs.asdict py:function 1 api.html#$ -",
            "attrs.exceptions.FrozenInstanceError py:exception 1 api.html#$ -",
        ],
    ),
    "pandas": (
        "https://pandas.pydata.org/docs",
        [
            "pandas py:module 0 index.html#module-$ -",
            "pandas.DataFrame py:class 1 reference/api/pandas.DataFrame.html#$ -",
            "pandas.Series py:class 1 reference/api/pandas.Series.html#$ -",
            "pandas.read_csv py:function 1 reference/api/pandas.read_csv.html#$ -",
            "pandas.read_parquet py:function 1 reference/api/pandas.read_parquet.html#$ -",
        ],
    ),
    "pyarrow": (
        "https://arrow.apache.org/docs",
        [
            "pyarrow py:module 0 python/index.html#module-$ -",
            "pyarrow.Table py:class 1 python/generated/pyarrow.Table.html#$ -",
            "pyarrow.parquet py:module 0 python/api/formats.html#module-$ -",
            "pyarrow.parquet.read_table py:function 1 python/generated/pyarrow.parquet.read_table.html#$ -",
            "pyarrow.parquet.write_table py:function 1 python/generated/pyarrow.parquet.write_table.html#$ -",
        ],
    ),
    # regex and jieba document themselves in their READMEs: link there.
    "regex": ("https://github.com/mrabarnett/mrab-regex", ["regex py:module 0 #readme -"]),
    "jieba": (
        "https://github.com/fxsjy/jieba",
        [
            "jieba py:module 0 #readme -",
            "jieba.lcut py:function 1 #readme -",
            "jieba.cut py:function 1 #readme -",
            "jieba.posseg py:module 0 #readme -",
        ],
    ),
}

PROJECTS: dict[str, str] = {"python": "https://docs.python.org/3", **{k: v[0] for k, v in THIRD_PARTY.items()}}
"""Each inventory's project name and the base URL its entries are relative to."""


def render(project: str, lines: list[str]) -> bytes:
    """One inventory file's bytes."""
    header = (
        "# Sphinx inventory version 2\n"
        f"# Project: {project}\n"
        "# Version: \n"
        "# The remainder of this file is compressed using zlib.\n"
    ).encode()
    body = "".join(f"{line}\n" for line in sorted(lines)).encode("utf-8")
    return header + zlib.compress(body, 9)


def inventories() -> dict[Path, bytes]:
    """Every inventory file: its path and bytes."""
    files = {INVENTORIES / "python.inv": render("Python", python_entries())}
    for project, (_, lines) in THIRD_PARTY.items():
        files[INVENTORIES / f"{project}.inv"] = render(project, lines)
    return files


def main() -> int:
    """Write the inventories; with ``--check``, only say whether the committed ones are current."""
    files = inventories()
    if "--check" in sys.argv[1:]:
        stale = [path.name for path, data in files.items() if not path.exists() or path.read_bytes() != data]
        sys.stdout.write(f"stale: {', '.join(stale)}; rerun without --check\n" if stale else "up to date\n")
        return 1 if stale else 0
    INVENTORIES.mkdir(parents=True, exist_ok=True)
    for path, data in files.items():
        path.write_bytes(data)
        sys.stdout.write(f"wrote {path}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
