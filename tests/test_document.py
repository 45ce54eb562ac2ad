from hypothesis import given, settings
from hypothesis import strategies as st

from lint.readers.text import not_prose_spans, read_text


def test_positions_count_characters_not_bytes_or_utf16_units():
    doc = read_text("𠮷标题\r\n第二行𠮷见缝插扎\n")
    offset = doc.text.index("见缝插扎")
    assert doc.position(offset) == (2, 5)


def test_line_breaks_of_every_kind():
    doc = read_text("一\r二\r\n三\n四")
    assert [doc.line_text(n) for n in range(1, 5)] == ["一", "二", "三", "四"]
    assert doc.position(doc.text.index("四")) == (4, 1)


def test_headline_is_first_non_empty_line_without_surrounding_space():
    doc = read_text("\n\n\u3000 社区花园开放 \n正文。")
    (start, end), = doc.scopes["headline"]
    assert doc.text[start:end] == "社区花园开放"
    assert doc.text[doc.scopes["body"][0][0]:].strip() == "正文。"


def test_urls_and_emails_are_not_prose():
    text = "标题\n详见https://example.com/a,b(c)页面，或写信给 someone@example.com。"
    doc = read_text(text)
    url = text.index("https")
    assert not doc.in_scope(["body"], url, url + 5)
    assert doc.in_scope(["body"], text.index("详见"), text.index("详见") + 2)


def test_a_url_ends_where_han_text_or_full_width_punctuation_runs_on():
    """News text runs straight on after a link; what follows it is prose and gets checked."""
    text = "标题\n详见http://example.com/a/b.html终於找到了，访问www.example.org。查询"
    doc = read_text(text)
    url = text.index("http")
    assert not doc.in_scope(["body"], url, url + 5)
    after = text.index("终於")
    assert doc.in_scope(["body"], after, after + 2)
    assert doc.in_scope(["body"], text.index("。查询"), len(text))
    assert [text[s:e] for s, e in not_prose_spans(text)] == ["http://example.com/a/b.html", "www.example.org"]


@given(st.text(alphabet="ab中\r\n\u2028", max_size=40))
def test_line_starts_are_where_each_kind_of_line_break_ends(text):
    """The fast path (no carriage return) and the expression agree on every text: only
    \\r\\n, \\r and \\n end a line (not U+2028, which str.splitlines would take)."""
    from lint.document import _LINE_BREAK, _line_starts

    assert _line_starts(text) == [0] + [m.end() for m in _LINE_BREAK.finditer(text)]


_URL_PIECES = ["http", "https", "ftp", "://", "www.", "@", ".", "-", "_", "a", "Z", "9", "com", "/", "%", "+",
               "\n", "\r\n", " ", "\u3000", "中", "文", "，", "。", "“", "”", "…", "—", "：", "记者", "编辑：", "（"]
_URLISH = st.lists(st.sampled_from(_URL_PIECES), max_size=40).map("".join)


@given(_URLISH, st.integers(0, 80), st.integers(0, 80))
def test_urls_are_searched_only_on_the_lines_that_hold_a_needle(text, start, end):
    """The expression searched line by line where `://`, `www.` or `@` stands finds what a
    search of the whole range finds (no match crosses a line break)."""
    from lint.readers.text import _NOT_PROSE

    start, end = min(start, len(text)), min(max(start, end), len(text))
    assert not_prose_spans(text, start, end) == [m.span() for m in _NOT_PROSE.finditer(text, start, end)]
    assert not_prose_spans(text) == [m.span() for m in _NOT_PROSE.finditer(text)]


@settings(deadline=None)  # (the first example builds the linter)
@given(_URLISH)
def test_a_document_read_with_the_engines_search_is_the_scanned_one(text):
    """Credit starts and URL needles taken from the engine's automaton (`Engine.credit_starts`)
    give the document a reader's own scans give."""
    from lint import default_linter

    linter = default_linter()
    text = "标题\n" + text
    read = linter.read(text, "a.txt", linter.settings_for("a.txt"))
    scanned = read_text(text, "a.txt")
    assert read.scopes == scanned.scopes
    assert read.credits == scanned.credits


@given(st.lists(st.sampled_from(["a", "中", "，", "？", "”", " ", "\t", "\u3000", "\ufeff", "\n", "\r", "\x1c",
                                 "\x85", "\u2028", "\xa0", "９", "\x0b", "~", "\x7f", "\uffef", "\ufff0"]),
                max_size=12).map("".join))
def test_the_plain_headline_is_the_expressions(text):
    """Where the first line plainly starts and ends with no space, the headline read without
    the expression is the expression's."""
    from lint.readers.text import _FIRST_TEXT_LINE, _plain_first_line_end

    end = _plain_first_line_end(text)
    if end is not None:
        first = _FIRST_TEXT_LINE.search(text)
        assert (first.span(1), first.end()) == ((0, end), end)
