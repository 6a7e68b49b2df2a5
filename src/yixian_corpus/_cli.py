"""The ``yixian-corpus`` command line: a thin face over the public API.

Every command prints something a script can also get from Python.  Output is
UTF-8 whatever the locale; a closed pipe ends the program quietly; errors are
one line on stderr with exit status 2 (search exits 1 when nothing matched,
like grep).

Each subcommand is a ``_cmd_<name>(args) -> int`` function registered in
:func:`build_parser`.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from . import __version__
from .exceptions import YixianError

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ._model import Article

__all__ = ["build_parser", "main"]

EXIT_OK = 0
EXIT_NO_MATCH = 1
EXIT_ERROR = 2


class _ArgumentParser(argparse.ArgumentParser):
    """An argparse parser whose errors are one line and exit status 2."""

    def error(self, message: str) -> NoReturn:
        _fail(f"{self.prog}: {message}")


def _fail(message: str) -> NoReturn:
    sys.stderr.write(f"yixian-corpus: error: {message}\n" if not message.startswith("yixian-corpus") else message + "\n")
    raise SystemExit(EXIT_ERROR)


def _out() -> TextIO:
    return sys.stdout


def _print_json(data: Any) -> None:
    json.dump(data, _out(), ensure_ascii=False, indent=2)
    _out().write("\n")


# -- list / show -----------------------------------------------------------------
def _cmd_list(args: argparse.Namespace) -> int:
    from ._load import load  # noqa: PLC0415 - keep --help fast

    corpus = load()
    if args.json:
        _print_json(
            [
                {
                    "id": a.id,
                    "title": a.title,
                    "subtitle": a.subtitle,
                    "authors": list(a.authors),
                    "source": a.source.name,
                    "region": a.region,
                    "organs": list(a.organs),
                    "period": a.period,
                    "chars": len(a.text),
                }
                for a in corpus
            ]
        )
        return EXIT_OK
    width = max(len(a.id) for a in corpus)
    for article in corpus:
        _out().write(f"{article.id:<{width}}  {article.title}\n")
    return EXIT_OK


def _article_json(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "title": article.title,
        "subtitle": article.subtitle,
        "authors": list(article.authors),
        "source": {
            "name": article.source.name,
            "publication": article.source.publication,
            "provider": article.source.provider,
            "editor": article.source.editor,
        },
        "region": article.region,
        "organs": list(article.organs),
        "date": article.date,
        "period": article.period,
        "sections": [
            {
                "heading": s.heading,
                "paragraphs": [p.text for p in s.paragraphs],
                "captions": [c.text for c in s.captions],
            }
            for s in article.sections
        ],
        "captions": [c.text for c in article.captions],
        "text": article.text,
    }


def _cmd_show(args: argparse.Namespace) -> int:
    from ._load import load  # noqa: PLC0415 - keep --help fast

    article = load()[args.id]
    if args.json:
        _print_json(_article_json(article))
        return EXIT_OK
    out = _out()
    out.write(f"{article.title}\n")
    if article.subtitle:
        out.write(f"{article.subtitle}\n")
    meta = [f"id: {article.id}", f"source: {article.source.name}"]
    if article.authors:
        meta.append("authors: " + "、".join(article.authors))
    if article.source.publication:
        meta.append(f"publication: {article.source.publication}")
    if article.period:
        meta.append(f"period: {article.period}")
    out.write("[" + "; ".join(meta) + "]\n")
    for section in article.sections:
        out.write("\n")
        if section.heading is not None:
            out.write(f"## {section.heading}\n\n")
        captions = {c.start: c for c in section.captions}
        blocks = sorted([(p.start, "p", p.text) for p in section.paragraphs] + [(c.start, "c", c.text) for c in captions.values()])
        for _, kind, text in blocks:
            out.write(f"[图] {text}\n" if kind == "c" else f"{text}\n")
    return EXIT_OK


# -- clean ---------------------------------------------------------------------
def _read_input(path: str) -> str:
    from .exceptions import CorpusFileError  # noqa: PLC0415

    try:
        if path == "-":
            data = sys.stdin.buffer.read()
            name = "<stdin>"
        else:
            with open(path, "rb") as handle:  # noqa: PTH123 - plain path from the command line
                data = handle.read()
            name = path
    except OSError as error:
        raise CorpusFileError(error.strerror or str(error), path=path) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        msg = f"not UTF-8 text (byte {error.start})"
        raise CorpusFileError(msg, path=name) from None


def _cmd_clean(args: argparse.Namespace) -> int:
    from ._clean import clean_text  # noqa: PLC0415 - keep --help fast

    result = clean_text(_read_input(args.file))
    if args.json:
        _print_json(
            {
                "text": result.text,
                "edits": [
                    {"rule": e.rule, "start": e.start, "end": e.end, "old": e.old, "new": e.new} for e in result.edits
                ],
            }
        )
        return EXIT_OK
    if args.edits:
        for edit in result.edits:
            _out().write(f"{edit.start}\t{edit.end}\t{edit.rule}\t{edit.old!r}\t{edit.new!r}\n")
        return EXIT_OK
    _out().write(result.text)
    if result.text and not result.text.endswith("\n"):
        _out().write("\n")
    return EXIT_OK


# -- the parser ----------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``yixian-corpus`` command."""
    parser = _ArgumentParser(
        prog="yixian-corpus",
        description="Search, read and export the yixian corpus of Chinese front-line COVID-19 news reports.",
    )
    parser.add_argument("--version", action="version", version=f"yixian-corpus {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_ArgumentParser)
    sub.required = True

    p = sub.add_parser("list", help="list the articles (id and title)")
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p.set_defaults(func=_cmd_list)

    p = sub.add_parser("show", help="print one article: title, headings, paragraphs, captions")
    p.add_argument("id", help="the article id (see `yixian-corpus list`)")
    p.add_argument("--json", action="store_true", help="print a JSON object")
    p.set_defaults(func=_cmd_show)

    p = sub.add_parser("clean", help="clean a text file (or - for stdin) with the corpus cleaner")
    p.add_argument("file", help="a UTF-8 text file, or - for standard input")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--edits", action="store_true", help="list the edits instead of the text")
    group.add_argument("--json", action="store_true", help="print text and edits as JSON")
    p.set_defaults(func=_cmd_clean)

    return parser


def _configure_streams() -> None:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    _configure_streams()
    args = build_parser().parse_args(argv)
    try:
        status: int = args.func(args)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (``| head``): stop quietly, as Unix tools do.
        import os  # noqa: PLC0415

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except YixianError as error:
        sys.stderr.write(f"yixian-corpus: error: {error}\n")
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    return status
