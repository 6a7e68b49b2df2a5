"""Search (``yixian_corpus._search``) and its display helpers (``yixian_corpus._kwic``)."""

from __future__ import annotations

import itertools
import json
import re
from typing import TYPE_CHECKING

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

import yixian_corpus
from strategies import SEARCH_NAMES, search_corpora, search_queries
from yixian_corpus import (
    Article,
    Block,
    Corpus,
    EmptyQueryError,
    Hit,
    Hits,
    Mention,
    MentionKind,
    Paragraph,
    PatternError,
    SearchOptionError,
    SearchTimeoutError,
    Section,
    Source,
    UnknownArticleError,
    UnknownKindError,
    search,
)
from yixian_corpus._kwic import char_width, display_width, fit_left, fit_right, visible
from yixian_corpus._search import fold

if TYPE_CHECKING:
    from collections.abc import Sequence

Span = tuple[str, int, int]


# -- helpers -----------------------------------------------------------------------------------------------------------
def make_article(
    article_id: str, lines: Sequence[str], mentions: Sequence[tuple[str, str, str | None]] = ()
) -> Article:
    """An article whose first line is the title and the rest one untitled section of paragraphs.

    ``mentions`` are (kind, surface, value) triples placed at each occurrence of the surface text.
    """
    text = "\n".join(lines)
    spans = []
    offset = 0
    for line in lines:
        spans.append((offset, offset + len(line)))
        offset += len(line) + 1
    found = []
    for kind, surface, value in mentions:
        at = text.find(surface, spans[1][0])
        while at >= 0:
            found.append(Mention(kind, surface, at, at + len(surface), value, article_id))
            at = text.find(surface, at + len(surface))
    found.sort(key=lambda m: (m.start, m.end, m.kind.value))
    blocks = tuple(Block("title" if i == 0 else "paragraph", s, e, text) for i, (s, e) in enumerate(spans))
    paragraphs = tuple(Paragraph(s, e, text) for s, e in spans[1:])
    section = Section(None, spans[1][0], spans[-1][1], paragraphs, (), tuple(found), text)
    return Article(
        article_id, lines[0], None, (), Source(f"{article_id}.txt", text), text, blocks, (section,), (), tuple(found)
    )


def spans(hits: Sequence[Hit]) -> list[Span]:
    return [(h.article.id, h.start, h.end) for h in hits]


def reference(corpus: Corpus, query: str, *, normalize: bool = True, ignore_case: bool = False) -> list[Span]:
    """What literal search must return, computed the slow, obvious way."""
    found: list[Span] = []
    for article in corpus:
        if normalize:
            pieces = [fold(c, ignore_case=ignore_case) for c in article.text]
            needle = fold(query, ignore_case=ignore_case)
        else:
            pieces = list(article.text)
            needle = query
        boundary: dict[int, int] = {}
        position = 0
        for index, piece in enumerate(pieces):
            boundary[position] = index
            position += len(piece)
        boundary[position] = len(article.text)
        folded = "".join(pieces)
        at = folded.find(needle)
        while at >= 0:
            end = at + len(needle)
            if at in boundary and end in boundary:
                found.append((article.id, boundary[at], boundary[end]))
            at = folded.find(needle, end)
    return found


@pytest.fixture(scope="module")
def small() -> Corpus:
    return Corpus(
        [
            make_article(
                "001-a",
                ["疫情防控一线", "抗击疫情，人人有责（疫情）。", "２０２０年，COVID-19疫情……体温37.3℃。"],
                [("person", "曹宇峰", "曹宇峰")],
            ),
            make_article(
                "002-b",
                ["标题", "曹宇峰说：宇峰局长来了。哈哈哈", '他说"好"，又说“很好”。'],
                [("person", "曹宇峰", "曹宇峰"), ("person", "宇峰局长", "曹宇峰"), ("role", "局长", "局长")],
            ),
        ]
    )


# -- literal search ----------------------------------------------------------------------------------------------------
@given(search_corpora(), search_queries())
def test_literal_search_matches_the_obvious_reference(corpus: Corpus, query: str) -> None:
    for normalize, ignore_case in ((True, False), (True, True), (False, False)):
        hits = search(corpus, query, normalize=normalize, ignore_case=ignore_case, index=False)
        assert spans(hits) == reference(corpus, query, normalize=normalize, ignore_case=ignore_case)


@given(search_corpora(), search_queries(), st.integers(0, 6))
def test_hits_are_located_in_order_with_context_on_their_line(corpus: Corpus, query: str, context: int) -> None:
    hits = search(corpus, query, context=context)
    order = {a.id: n for n, a in enumerate(corpus)}
    keys = [(order[h.article.id], h.start) for h in hits]
    assert keys == sorted(keys)
    for before, after in itertools.pairwise(hits):
        assert before.article is not after.article or before.end <= after.start
    for hit in hits:
        text = hit.article.text
        assert hit.text == text[hit.start : hit.end]
        assert fold(hit.text) == fold(query)
        assert len(hit.left) <= context
        assert len(hit.right) <= context
        assert "\n" not in hit.left
        assert "\n" not in hit.right
        assert text[: hit.start].endswith(hit.left)
        assert text[hit.end :].startswith(hit.right)
        line_start = text.rfind("\n", 0, hit.start) + 1
        assert len(hit.left) == min(context, hit.start - line_start)
        if hit.section is not None:
            assert hit.section.start <= hit.start <= hit.section.end
        else:
            assert hit.start < hit.article.sections[0].start


def test_width_variants_find_each_other(small: Corpus) -> None:
    assert [h.text for h in search(small, ",")][:2] == ["，", "，"]
    assert [h.text for h in search(small, "(疫情)")] == ["（疫情）"]
    assert [h.text for h in search(small, "2020")] == ["２０２０"]
    assert [h.text for h in search(small, "ＣＯＶＩＤ")] == ["COVID"]
    assert [h.text for h in search(small, '"好"')] == ['"好"']
    assert [h.text for h in search(small, '"很好"')] == ["“很好”"]
    assert [h.text for h in search(small, "37.3°C")] == ["37.3℃"]
    assert [h.text for h in search(small, "...")] == ["…", "…"]
    assert [h.text for h in search(small, "……")] == ["……"]


def test_offsets_point_at_the_real_characters_after_a_character_that_folds_to_several(small: Corpus) -> None:
    hit = search(small, "体温")[0]
    assert hit.article.text[hit.start : hit.end] == "体温"
    assert hit.left.endswith("疫情……")
    # a match may not begin or end inside the folded form of one character
    assert [h.text for h in search(small, ".", article="001-a")] == ["."]
    assert search(small, "..", article="001-a") == []


def test_exact_and_case_options(small: Corpus) -> None:
    assert search(small, ",", normalize=False) == []
    assert [h.text for h in search(small, "，", normalize=False)][:1] == ["，"]
    assert search(small, "covid") == []
    assert [h.text for h in search(small, "covid", ignore_case=True)] == ["COVID"]
    assert [h.text for h in search(small, "ｃｏｖｉｄ", ignore_case=True)] == ["COVID"]


def test_matches_do_not_overlap(small: Corpus) -> None:
    assert [(h.start, h.end) for h in search(small, "哈哈")] == [(15, 17)]


def test_a_query_may_span_lines(small: Corpus) -> None:
    hits = search(small, "线\n抗击")
    assert spans(hits) == [("001-a", 5, 9)]
    assert hits[0].left == "疫情防控一"
    assert hits[0].right == "疫情，人人有责（疫情）。"[:20]


def test_limit_and_article(small: Corpus) -> None:
    every = search(small, "疫情")
    assert len(every) == 4
    assert spans(search(small, "疫情", limit=2)) == spans(every)[:2]
    assert search(small, "疫情", limit=0) == []
    assert {h.article.id for h in search(small, "，", article="002-b")} == {"002-b"}
    assert spans(search(small, "疫情", article=["002-b", small["001-a"]])) == spans(every)
    with pytest.raises(UnknownArticleError, match="did you mean '001-a'"):
        search(small, "疫情", article="001-x")


@given(search_corpora(), search_queries(), st.integers(0, 5))
def test_limit_is_a_prefix_of_the_full_answer(corpus: Corpus, query: str, limit: int) -> None:
    assert spans(search(corpus, query, limit=limit)) == spans(search(corpus, query))[:limit]
    pattern = regex.escape(query)
    assert spans(search(corpus, pattern, regex=True, limit=limit)) == spans(search(corpus, pattern, regex=True))[:limit]


def test_limit_counts_only_reported_matches() -> None:
    # "." also matches inside the folded form of "…" ("..."), which is not reported: the limit must skip it.
    corpus = Corpus([make_article("001-a", ["题", "……1.5"])])
    assert [h.text for h in search(corpus, ".", limit=1)] == ["."]
    assert [h.text for h in search(corpus, r"\.", regex=True, limit=1)] == ["."]


# -- mentions ----------------------------------------------------------------------------------------------------------
def test_kind_restricts_matches_to_mentions_of_that_kind(small: Corpus) -> None:
    assert [h.text for h in search(small, "局长", kind="role")] == ["局长"]
    hits = search(small, "宇峰", kind="person")
    assert [h.text for h in hits] == ["宇峰", "宇峰"]
    assert [h.mention.text if h.mention else None for h in hits] == ["曹宇峰", "宇峰局长"]
    assert search(small, "疫情", kind="person") == []
    assert search(small, "疫情", kind=MentionKind.LOCATION) == []


def test_an_entity_is_found_whatever_its_surface_form(small: Corpus) -> None:
    hits = search(small, value="曹宇峰", kind="person")
    assert [h.text for h in hits] == ["曹宇峰", "宇峰局长"]
    mention = next(m for m in small["002-b"].mentions if m.text == "宇峰局长")
    assert spans(search(small, mention)) == spans(hits)
    assert [h.text for h in search(small, "局长", value="曹宇峰")] == ["局长"]
    assert [h.text for h in search(small, kind="role")] == ["局长"]


@given(search_corpora(), st.sampled_from([*SEARCH_NAMES, "宇峰", "局长", "峰"]))
def test_kind_and_value_keep_exactly_the_matches_inside_such_mentions(corpus: Corpus, query: str) -> None:
    everything = search(corpus, query)
    for kind, value in ((MentionKind.PERSON, None), (MentionKind.ROLE, None), (MentionKind.PERSON, "曹宇峰")):
        hits = search(corpus, query, kind=kind, value=value)
        expected = [
            h
            for h in everything
            if any(
                m.kind is kind and m.start <= h.start and h.end <= m.end and (value is None or m.key == value)
                for m in h.article.mentions
            )
        ]
        assert spans(hits) == spans(expected)
        for hit in hits:
            assert hit.mention is not None
            assert hit.mention.kind is kind
            assert hit.mention.start <= hit.start
            assert hit.end <= hit.mention.end


@given(search_corpora())
def test_a_value_search_finds_every_mention_of_the_entity(corpus: Corpus) -> None:
    hits = search(corpus, value="曹宇峰")
    expected = [(a.id, m.start, m.end) for a in corpus for m in a.mentions if m.key == "曹宇峰" or m.text == "曹宇峰"]
    assert spans(hits) == sorted(expected, key=lambda s: ([a.id for a in corpus].index(s[0]), s[1], s[2]))


# -- regular expressions -----------------------------------------------------------------------------------------------
def test_regex_search(small: Corpus) -> None:
    assert [h.text for h in search(small, r"\p{Han}{2}防控", regex=True)] == ["疫情防控"]
    assert [h.text for h in search(small, r"（\p{Han}+）", regex=True)] == ["（疫情）"]
    assert [h.text for h in search(small, r"\（疫情\）", regex=True)] == ["（疫情）"]
    assert [h.text for h in search(small, r"[０-９]+年", regex=True)] == ["２０２０年"]
    assert [h.text for h in search(small, r"covid-\d+", regex=True, ignore_case=True)] == ["COVID-19"]
    assert search(small, r"x*", regex=True) == []  # empty matches are skipped
    assert [h.text for h in search(small, "[,，]", regex=True, normalize=False)][:1] == ["，"]


@given(search_corpora(), search_queries())
def test_an_escaped_pattern_finds_what_the_literal_query_finds(corpus: Corpus, query: str) -> None:
    assert spans(search(corpus, regex.escape(query), regex=True)) == spans(search(corpus, query))


def test_a_bad_pattern_says_what_is_wrong(small: Corpus) -> None:
    with pytest.raises(PatternError, match=r"missing \) at position 3"):
        search(small, "(疫情", regex=True)
    with pytest.raises(PatternError, match="nothing to repeat"):
        search(small, "*", regex=True)
    with pytest.raises(ValueError, match="bad regular expression"):
        search(small, "[", regex=True)


def test_a_catastrophic_pattern_stops_with_a_typed_error() -> None:
    corpus = Corpus([make_article("001-slow", ["标题", "中" * 40 + "!"])])
    with pytest.raises(SearchTimeoutError, match=r"ran longer than 0\.2 s"):
        search(corpus, r"(\p{Han}|\p{Han}\p{Han})+$", regex=True, timeout=0.2)
    with pytest.raises(TimeoutError):
        search(corpus, r"(\p{Han}|\p{Han}\p{Han})+$", regex=True, timeout=0.1)


# -- bad input ---------------------------------------------------------------------------------------------------------
def test_bad_input_raises_typed_errors(small: Corpus) -> None:
    with pytest.raises(EmptyQueryError):
        search(small, "")
    with pytest.raises(EmptyQueryError):
        search(small)
    with pytest.raises(EmptyQueryError):
        search(small, "", regex=True)
    with pytest.raises(UnknownKindError, match="unknown mention kind 'people'"):
        search(small, "疫情", kind="people")
    with pytest.raises(SearchOptionError, match="context must be at least 0"):
        search(small, "疫情", context=-1)
    with pytest.raises(SearchOptionError, match="limit must be at least 0"):
        search(small, "疫情", limit=-3)
    with pytest.raises(SearchOptionError, match="limit must be an integer"):
        search(small, "疫情", limit=1.5)  # type: ignore[arg-type]
    with pytest.raises(SearchOptionError, match="timeout"):
        search(small, "疫情", timeout=0)
    with pytest.raises(TypeError, match="query must be a str or a Mention"):
        search(small, 42)  # type: ignore[arg-type]


# -- Hits and Hit ------------------------------------------------------------------------------------------------------
def test_hits_is_a_lazy_sequence(small: Corpus) -> None:
    hits = small.search("疫情", context=3)
    assert isinstance(hits, Hits)
    assert len(hits) == 4
    assert bool(hits)
    assert not search(small, "没有")
    assert isinstance(hits[1:3], Hits)
    assert spans(hits[1:3]) == spans(hits)[1:3]
    assert hits[-1] == list(hits)[-1]
    assert hits == list(hits)
    assert hits == small.search("疫情", context=3)
    assert hits != small.search("疫情", context=4)
    assert repr(hits) == "<Hits 4 for '疫情'>"
    assert repr(hits[0]) == "<Hit 001-a 0:2 '[疫情]防控一'>"
    assert hits.articles == ("001-a",)
    assert hits.counts() == {"001-a": 4}
    assert hits.query == "疫情"
    assert hits.context == 3
    with pytest.raises(IndexError):
        hits[4]


def test_hit_fields(small: Corpus) -> None:
    title_hit, body_hit = small.search("疫情", context=4)[:2]
    assert title_hit.section is None
    assert title_hit.heading is None
    assert body_hit.section is small["001-a"].sections[0]
    assert (body_hit.left, body_hit.text, body_hit.right) == ("抗击", "疫情", "，人人有")
    assert body_hit.article is small["001-a"]
    assert search(small, "疫情", context=0)[1].left == ""


def test_hits_as_json(small: Corpus) -> None:
    hits = search(small, "宇峰", kind="person", context=2)
    data = hits.to_dicts()
    assert json.loads(json.dumps(data)) == data
    assert data[0] == {
        "article": "002-b",
        "section": None,
        "start": 4,
        "end": 6,
        "text": "宇峰",
        "left": "曹",
        "right": "说：",
        "mention": {"kind": "person", "text": "曹宇峰", "start": 3, "end": 6, "value": "曹宇峰"},
    }
    lines = hits.to_jsonl().splitlines()
    assert [json.loads(line) for line in lines] == data


def test_kwic_lines_align_by_display_width(small: Corpus) -> None:
    hits = search(small, "疫情", context=6)
    lines = str(hits).splitlines()
    assert len(lines) == len(hits)
    columns = {display_width(line[: line.index("[")]) for line in lines}
    assert len(columns) == 1
    assert lines[1].startswith("001-a  -  ")
    assert lines[1].endswith("抗击[疫情]，人人有责（")
    bare = hits.kwic(width=4, label=False, mark=("<", ">")).splitlines()
    assert bare[1] == "抗击<疫情>，人"
    assert hits[1].kwic(width=3) == " 击[疫情]，"


@given(search_corpora(), search_queries(), st.integers(0, 12))
def test_kwic_columns_always_line_up(corpus: Corpus, query: str, width: int) -> None:
    hits = search(corpus, query)
    for line, hit in zip(hits.kwic(width=width, label=False, mark=("\x00", "\x01")).splitlines(), hits, strict=True):
        assert display_width(line[: line.index("\x00")]) == width
        assert display_width(line[line.index("\x01") + 1 :]) <= width
        assert line[line.index("\x00") + 1 : line.index("\x01")] == visible(hit.text)


# -- display width -----------------------------------------------------------------------------------------------------
def test_display_width() -> None:
    assert char_width("中") == 2
    assert char_width("，") == 2
    assert char_width(",") == 1
    assert char_width("ａ") == 2
    assert char_width("\u0301") == 0
    assert display_width("疫情ab") == 6
    assert display_width("") == 0
    assert fit_left("防控疫情", 5) == " 疫情"
    assert fit_left("ab", 4) == "  ab"
    assert fit_right("疫情防控", 5) == "疫情 "
    assert fit_right("疫情防控", 5, pad=False) == "疫情"
    assert visible("a\nb\tc") == "a↵b→c"


@given(st.text(max_size=20), st.integers(0, 30))
def test_fit_gives_exactly_the_width(text: str, width: int) -> None:
    text = visible(text)
    assert display_width(fit_left(text, width)) == width or any(not c.isprintable() for c in text)
    assert display_width(fit_right(text, width)) <= width + sum(1 for c in text if not c.isprintable())


# -- the bundled corpus ------------------------------------------------------------------------------------------------
def test_bundled_corpus_search(corpus: Corpus) -> None:
    hits = corpus.search("党员")
    assert len(hits) > 20
    assert all(h.text == "党员" for h in hits)
    assert hits[0].article.id == "000-donghe"
    names = corpus.search("曹宇峰")
    assert names
    assert {h.article.id for h in names} == {"000-donghe"}
    # the clean text uses full-width punctuation; a half-width query finds it
    assert len(corpus.search(",")) == len(corpus.search("，")) > 100
    assert spans(corpus.search("疫情", index=True)) == spans(corpus.search("疫情", index=False))


def test_package_exports() -> None:
    assert yixian_corpus.search is search
    assert yixian_corpus.Hits is Hits
    assert re.fullmatch(r"<Hits \d+ for '党员'>", repr(yixian_corpus.load().search("党员")))
