"""HTML articles: positions in the HTML source, entities, prose only, credits, safe fixes."""
from tests.conftest import EXAMPLES, out, run_cli

from lint import default_linter, lint_text
from lint.readers import read_document


def where(findings, rule=None):
    return [(f.rule, f.line, f.column, f.text) for f in findings if rule is None or f.rule.startswith(rule)]


def scope(doc, name):
    return [doc.text[s:e] for s, e in doc.scopes[name]]


def test_example_article_findings_point_into_the_html_source():
    text = (EXAMPLES / "article.html").read_text(encoding="utf-8")
    assert where(lint_text(text, "article.html")) == [
        ("punctuation.halfwidth-comma", 11, 28, ","),
        ("typos.idiom", 12, 37, "见缝插扎"),  # columns count the entities as they are written
    ]


def test_entities_are_decoded_for_rules_and_counted_as_written_for_columns():
    text = "<h1>标题</h1>\n<p>&ldquo;见缝插扎&rdquo;&nbsp;&#35265;缝插扎&amp;见缝插扎</p>\n"
    doc = read_document(text, "a.html")
    assert "“见缝插扎”\xa0见缝插扎&见缝插扎" in doc.text
    assert where(lint_text(text, "a.html"), "typos") == [
        ("typos.idiom", 2, 11, "见缝插扎"),
        ("typos.idiom", 2, 28, "&#35265;缝插扎"),
        ("typos.idiom", 2, 44, "见缝插扎"),
    ]


def test_script_style_code_pre_and_attributes_are_not_prose():
    text = (
        "<html><head><title>社区食堂开张</title>\n"
        "<style>p::after { content: '见缝插扎,'; }</style>\n"
        "<script>var s = '见缝插扎,';</script></head>\n"
        "<body><h1 title=\"见缝插扎,\">社区食堂开张</h1>\n"
        "<p data-x=\"见缝插扎\">食堂每天中午供应两荤两素。<code>见缝插扎,</code></p>\n"
        "<pre>见缝插扎,\n照旧</pre>\n"
        "<p><a href=\"https://example.org/见缝插扎,\">网址</a> https://example.org/a,b</p>\n"
        "<p>（记者 王平）</p><p>责任编辑：李安</p>\n"
        "</body></html>\n"
    )
    assert lint_text(text, "a.html") == []


def test_h1_is_the_headline_and_title_is_metadata():
    doc = read_document("<title>食堂开张_城市频道</title><h1>社区食堂开张</h1><p>正文。</p>", "a.html")
    assert scope(doc, "headline") == ["社区食堂开张"]
    assert scope(doc, "meta") == ["食堂开张_城市频道"]
    assert "社区食堂开张" not in "".join(scope(doc, "body"))


def test_title_is_the_headline_without_h1():
    text = "<html><head><title>震惊！社区食堂开张</title></head><body><p>正文。</p></body></html>"
    assert scope(read_document(text, "a.html"), "headline") == ["震惊！社区食堂开张"]
    assert where(lint_text(text, "a.html"), "headline.shock") == [("headline.shock", 1, 20, "震惊")]


def test_meta_author_and_cms_credit_markup_satisfy_byline_rules():
    meta = (
        '<head><meta name="author" content="王平"></head>'
        '<body><h1>社区食堂开张</h1><p>正文。</p>'
        '<div class="article-editor">李安</div></body>'
    )
    assert where(lint_text(meta, "a.html"), "byline") == []
    cms = '<h1>社区食堂开张</h1><span class="byline">王平</span><p>正文。</p><p class="editor-name">李安</p>'
    doc = read_document(cms, "a.html")
    assert [(c.field, c.value) for c in doc.credits] == [("author", "王平"), ("editor", "李安")]
    assert where(lint_text(cms, "a.html"), "byline") == []
    bare = "<h1>社区食堂开张</h1><p>正文。</p>"
    assert sorted(f.rule for f in lint_text(bare, "a.html") if f.rule.startswith("byline")) == [
        "byline.missing-author", "byline.missing-editor",
    ]


def test_a_sentence_in_a_credit_styled_element_is_not_a_credit():
    doc = read_document('<p class="author">作者长期关注城市规划，出版过多部著作。</p>', "a.html")
    assert doc.credits == []


def test_empty_credit_in_body_text_points_at_its_label():
    text = "<h1>社区食堂开张</h1>\n<p>作者: 来源: 城市日报</p>\n<p>正文。</p>\n<p>责任编辑：李安</p>\n"
    assert where(lint_text(text, "a.html"), "byline") == [("byline.empty-field", 2, 4, "作者:")]


def test_a_word_split_by_a_tag_is_found_but_not_fixed():
    text = "<h1>标题</h1><p>见缝<b>插扎</b>，见缝插扎。</p>"
    findings = [f for f in lint_text(text, "a.html") if f.rule == "typos.idiom"]
    assert [(f.text, f.fixable) for f in findings] == [("见缝<b>插扎", False), ("见缝插扎", True)]


def test_fixes_change_prose_only_and_leave_markup_byte_identical():
    text = (
        '<html><head><title>标题</title><style>a{b:c}</style></head>\n'
        '<body><p class="x,y">正文,见缝插扎。&ldquo;引文,内容&rdquo;<code>a,b</code></p></body></html>\n'
    )
    fixed, count, left = default_linter().fix_text(text, "a.html")
    assert fixed == (
        '<html><head><title>标题</title><style>a{b:c}</style></head>\n'
        '<body><p class="x,y">正文，见缝插针。&ldquo;引文，内容&rdquo;<code>a,b</code></p></body></html>\n'
    )
    assert count == 3 and not any(f.fixable for f in left)


def test_cli_reports_html_positions_and_stdin_filename_picks_the_reader():
    text = "<h1>标题</h1>\n<script>见缝插扎</script>\n<p>见缝插扎</p>\n"
    result = run_cli("check", "-", "--stdin-filename", "page.html", "--select", "typos", input=text)
    assert result.returncode == 1
    assert "page.html:3:4: error typos.idiom" in out(result)
    assert "page.html:2:" not in out(result)


def test_the_h1_named_in_the_title_is_the_headline_not_the_site_logo():
    text = (
        "<html><head><title>社区食堂开张_城市频道</title></head><body>\n"
        '<h1 class="logo"><a href="/">城市频道</a></h1>\n'
        "<article><h1>社区食堂开张</h1><p>正文。</p></article></body></html>\n"
    )
    doc = read_document(text, "a.html")
    assert scope(doc, "headline") == ["社区食堂开张"]
    assert "城市频道" in "".join(scope(doc, "body"))
    untitled = read_document("<h1>网站</h1><h1>社区食堂开张</h1>", "a.html")
    assert scope(untitled, "headline") == ["网站"]
