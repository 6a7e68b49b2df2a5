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

    from ._corpus import Corpus
    from ._model import Article, Mention

__all__ = ["build_parser", "main"]

EXIT_OK = 0
EXIT_NO_MATCH = 1
EXIT_ERROR = 2


class _ArgumentParser(argparse.ArgumentParser):
    """An argparse parser whose errors are one line and exit status 2."""

    def error(self, message: str) -> NoReturn:
        _fail(f"{self.prog}: {message}")


def _fail(message: str) -> NoReturn:
    sys.stderr.write(
        f"yixian-corpus: error: {message}\n" if not message.startswith("yixian-corpus") else message + "\n"
    )
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
        blocks = sorted(
            [(p.start, "p", p.text) for p in section.paragraphs] + [(c.start, "c", c.text) for c in captions.values()]
        )
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


# -- export --------------------------------------------------------------------
def _cmd_export(args: argparse.Namespace) -> int:
    from ._corpus import Corpus  # noqa: PLC0415 - keep --help fast
    from ._export import export  # noqa: PLC0415

    corpus = _input_corpus(args)
    if args.article:
        corpus = Corpus([corpus[article_id] for article_id in dict.fromkeys(args.article)])
    options: dict[str, Any] = {"overwrite": args.overwrite}
    if args.level is not None:
        options["level"] = args.level
    if args.bom:
        options["bom"] = True
    path = export(corpus, args.format, args.out, **options)
    noun = "article" if len(corpus) == 1 else "articles"
    _out().write(f"wrote {len(corpus)} {noun} to {path} ({args.format})\n")
    return EXIT_OK


# -- search / stats --------------------------------------------------------------
_HIGHLIGHT = ("\x1b[1;31m", "\x1b[0m")
"""ANSI bold red around each match, used only when standard output is a terminal."""


def _non_negative(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        msg = f"expected a whole number, not {text!r}"
        raise argparse.ArgumentTypeError(msg) from None
    if value < 0:
        msg = f"expected a number >= 0, not {value}"
        raise argparse.ArgumentTypeError(msg)
    return value


def _input_corpus(args: argparse.Namespace) -> Corpus:
    """The corpus a command works on: an exported file given with --input, else the bundled one."""
    if args.input is not None:
        from ._read import read  # noqa: PLC0415 - keep --help fast

        return read(args.input)
    from ._load import load  # noqa: PLC0415 - keep --help fast

    return load()


def _cmd_search(args: argparse.Namespace) -> int:
    from ._search import search  # noqa: PLC0415 - keep --help fast

    hits = search(
        _input_corpus(args),
        args.query or None,
        regex=args.regex,
        kind=args.kind,
        value=args.value,
        article=args.article,
        context=args.context,
        limit=args.limit,
        normalize=not args.exact,
        ignore_case=args.ignore_case,
        timeout=args.timeout,
    )
    out = _out()
    if args.json:
        for hit in hits:
            out.write(json.dumps(hit.to_dict(), ensure_ascii=False) + "\n")
    elif hits:
        mark = _HIGHLIGHT if out.isatty() else ("[", "]")
        out.write(hits.kwic(width=2 * args.context, mark=mark) + "\n")
    return EXIT_OK if hits else EXIT_NO_MATCH


def _cmd_stats(args: argparse.Namespace) -> int:
    stats = _input_corpus(args).stats()
    if args.json:
        _print_json(stats.to_dict())
    else:
        _out().write(f"{stats}\n")
    return EXIT_OK


def _add_search_parsers(sub: Any) -> None:
    p = sub.add_parser(
        "search",
        help="find a word or pattern; aligned keyword-in-context lines (exit 1 if nothing matched)",
        description="Print every match as a keyword-in-context line: article id, section heading, left context, "
        "[match], right context, aligned by display width. Matching folds full-/half-width forms (, finds ，). "
        "Exit status: 0 with hits, 1 with none, 2 on error.",
    )
    p.add_argument("query", metavar="QUERY", nargs="?", default="", help="the text (or --regex pattern) to find")
    p.add_argument("--regex", "-E", action="store_true", help="QUERY is a regular expression (regex module syntax)")
    p.add_argument("--kind", "-k", metavar="K", help="only matches inside mentions of this kind (person, org, ...)")
    p.add_argument("--value", metavar="V", help="only matches inside mentions of this entity (canonical name)")
    p.add_argument("--article", "-a", action="append", metavar="ID", help="search only this article (repeatable)")
    p.add_argument("--context", "-C", type=_non_negative, default=10, metavar="N", help="context characters (10)")
    p.add_argument("--limit", "-n", type=_non_negative, metavar="N", help="stop after N hits")
    p.add_argument("--ignore-case", "-i", action="store_true", help="fold case too")
    p.add_argument("--exact", action="store_true", help="compare exactly (no full-/half-width folding)")
    p.add_argument("--timeout", type=float, default=1.0, metavar="S", help="regex time limit in seconds (1)")
    p.add_argument("--json", action="store_true", help="print one JSON object per hit, one per line")
    p.add_argument("--input", metavar="FILE", help="search a corpus read from a JSON/JSONL export instead")
    p.set_defaults(func=_cmd_search)

    p = sub.add_parser("stats", help="counts of articles, sections, paragraphs, characters, mentions")
    p.add_argument("--json", action="store_true", help="print a JSON object")
    p.add_argument("--input", metavar="FILE", help="describe a corpus read from a JSON/JSONL export instead")
    p.set_defaults(func=_cmd_stats)


# -- mentions / entities / extract (annotation layer and extractor) ------------------
def _mention_row(mention: Mention) -> dict[str, Any]:
    from ._serialize import value_to_data  # noqa: PLC0415 - keep --help fast

    return {
        "article": mention.article_id,
        "kind": mention.kind.value,
        "start": mention.start,
        "end": mention.end,
        "text": mention.text,
        "value": value_to_data(mention.value),
    }


def _value_cell(mention: Mention) -> str:
    from ._serialize import value_to_data  # noqa: PLC0415 - keep --help fast

    data = value_to_data(mention.value)
    if data is None:
        return ""
    if isinstance(data, str):
        return data
    return json.dumps({k: v for k, v in data.items() if k != "type"}, ensure_ascii=False, separators=(",", ":"))


def _tsv_cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def _write_mentions(mentions: Sequence[Mention], *, as_json: bool, with_article: bool) -> None:
    out = _out()
    if as_json:
        rows = [_mention_row(m) for m in mentions]
        if not with_article:
            for row in rows:
                del row["article"]
        _print_json(rows)
        return
    for m in mentions:
        cells = [str(m.start), str(m.end), m.kind.value, _tsv_cell(m.text), _tsv_cell(_value_cell(m))]
        if with_article:
            cells.insert(0, m.article_id or "")
        out.write("\t".join(cells) + "\n")


def _cmd_mentions(args: argparse.Namespace) -> int:
    from ._load import load  # noqa: PLC0415 - keep --help fast
    from ._model import MentionKind  # noqa: PLC0415

    corpus = load()
    kind = None if args.kind is None else MentionKind.parse(args.kind)
    if args.article:
        mentions = [m for a in (corpus[i] for i in args.article) for m in a.mentions_of(kind)]
    else:
        mentions = corpus.mentions(kind)
    _write_mentions(mentions, as_json=args.json, with_article=True)
    if not mentions and not args.json:
        sys.stderr.write("yixian-corpus: no curated mentions match (the gold layer may not be built yet)\n")
    return EXIT_OK


def _cmd_entities(args: argparse.Namespace) -> int:
    from ._load import load  # noqa: PLC0415 - keep --help fast

    entities = load().entities(args.kind)
    if args.json:
        _print_json(
            [
                {
                    "kind": e.kind.value,
                    "key": e.key,
                    "count": e.count,
                    "forms": list(e.forms),
                    "articles": list(e.articles),
                }
                for e in entities
            ]
        )
        return EXIT_OK
    out = _out()
    for e in entities:
        out.write(f"{e.count}\t{_tsv_cell(e.key)}\t{'、'.join(_tsv_cell(f) for f in e.forms)}\n")
    return EXIT_OK


def _cmd_extract(args: argparse.Namespace) -> int:
    from ._extract import extract_mentions  # noqa: PLC0415 - keep --help fast (jieba loads on first call)

    mentions = extract_mentions(_read_input(args.file), year=args.year, model=args.model)
    if args.kind is not None:
        from ._model import MentionKind  # noqa: PLC0415

        kind = MentionKind.parse(args.kind)
        mentions = [m for m in mentions if m.kind is kind]
    _write_mentions(mentions, as_json=args.json, with_article=False)
    return EXIT_OK


def _year(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        msg = f"expected a year such as 2020, not {text!r}"
        raise argparse.ArgumentTypeError(msg) from None
    if not 1 <= value <= 9999:  # noqa: PLR2004 - ISO 8601 years
        msg = f"expected a year between 1 and 9999, not {value}"
        raise argparse.ArgumentTypeError(msg)
    return value


def _add_mention_parsers(sub: Any) -> None:
    p = sub.add_parser(
        "mentions",
        help="list the curated mentions (TSV: article, start, end, kind, text, value)",
        description="List the curated mentions of the bundled corpus, one per line as tab-separated "
        "article, start, end, kind, text and value (structured values as compact JSON), or --json.",
    )
    p.add_argument("--kind", "-k", metavar="K", help="only this kind (person, organization, location, date, ...)")
    p.add_argument("--article", "-a", action="append", metavar="ID", help="only this article (repeatable)")
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p.set_defaults(func=_cmd_mentions)

    p = sub.add_parser(
        "entities",
        help="mentions grouped by canonical name, with counts and surface forms",
        description="Group the curated mentions under canonical keys (aliases resolved) and print count, key "
        "and surface forms, most mentioned first.",
    )
    p.add_argument("--kind", "-k", metavar="K", required=True, help="the kind to group (person, organization, ...)")
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p.set_defaults(func=_cmd_entities)

    p = sub.add_parser(
        "extract",
        help="find mentions in a text file (or - for stdin) with the automatic extractor",
        description="Run the automatic extractor on UTF-8 text and print one mention per line as tab-separated "
        "start, end, kind, text and value (offsets in characters of the decoded text), or --json.",
    )
    p.add_argument("file", help="a UTF-8 text file, or - for standard input")
    p.add_argument("--year", type=_year, metavar="Y", help="the year of dates written without one (2月2日)")
    p.add_argument("--kind", "-k", metavar="K", help="only this kind")
    p.add_argument(
        "--model",
        choices=("rules", "crf"),
        default="rules",
        help="rules (default), or crf: the rules plus the learned person tagger (needs yixian-corpus[crf])",
    )
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p.set_defaults(func=_cmd_extract)


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

    from ._export import FORMATS, LEVELS  # noqa: PLC0415 - plain tuples, no heavy imports

    p = sub.add_parser("export", help="write the corpus (or some articles) as json, jsonl, csv, sqlite, tei, …")
    p.add_argument("--format", "-f", required=True, choices=FORMATS, help="the output format")
    p.add_argument("out", metavar="OUT", help="the file to write (a directory for brat)")
    p.add_argument("--level", choices=LEVELS, help="table rows for csv/parquet (default: mention)")
    p.add_argument("--bom", action="store_true", help="csv: start with a UTF-8 BOM (for Excel)")
    p.add_argument("--overwrite", action="store_true", help="replace OUT if it exists")
    p.add_argument("--article", action="append", metavar="ID", help="export only this article (repeatable)")
    p.add_argument("--input", metavar="FILE", help="export a corpus read from a JSON/JSONL export instead")
    p.set_defaults(func=_cmd_export)

    _add_search_parsers(sub)
    _add_mention_parsers(sub)

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
