"""Markdown articles (.md, .markdown), parsed with markdown-it-py (CommonMark, plus tables and
strikethrough).

`Document.text` stays the original file text, so positions are exact for free and a fix can
only change the characters it points at. What the rules see is chosen through the scopes:
they cover prose only. Fenced and indented code, inline code, URLs, link and image targets,
raw HTML, entities and escapes, front matter keys and non-text values, and the fences of
custom containers (``::: tip``) are left out; link text, image alt text and a container's title
stay in.

Front matter (YAML between ``---`` lines at the top, read with the safe loader, or TOML between
``+++`` lines) is metadata:
- ``title`` / ``标题`` / ``headline`` is the headline (its value is the ``headline`` scope);
  without one, the first level-1 heading is the headline;
- ``author``, ``editor``, ``source``, ``reviewer`` and the Chinese keys ``作者``, ``记者``,
  ``责任编辑``, ``责编``, ``编辑``, ``来源``, ``审核`` become credits pointing at their value
  (an empty one points at its key);
- ``description``, ``summary``, ``subtitle``, ``摘要``, ``副标题``, ``导语`` are the ``meta``
  scope; every scalar value is in ``Document.meta``.
Credit lines in the body (``责任编辑：李四``) are recognised as in plain text. HTML comments
are recorded for inline suppression (``<!-- newslint-disable … -->``).

Mapping inline text back to the file: markdown-it gives each block its source lines
(``token.map``) and each inline token its content with block markers removed. Every content
line is located in its source line and checked character for character; children tokens are
then walked in order with a cursor. Anything that cannot be located exactly is left out of the
scopes rather than guessed.
"""
from __future__ import annotations

import bisect
import tomllib

import regex
import yaml
from markdown_it import MarkdownIt

from .. import patterns
from ..credits import find_credits
from ..document import Credit, Document, SourceMap
from ..spans import merged, subtract
from .text import not_prose_spans

# (Chinese keys in both scripts: a Traditional publication writes 標題, 責任編輯)
TITLE_KEYS = ("title", "标题", "標題", "headline")
CREDIT_KEYS = {
    "author": "author", "authors": "author", "reporter": "author", "作者": "author", "记者": "author",
    "記者": "author",
    "editor": "editor", "编辑": "editor", "责任编辑": "editor", "责编": "editor",
    "編輯": "editor", "責任編輯": "editor", "責編": "editor",
    "source": "source", "来源": "source", "來源": "source",
    "reviewer": "reviewer", "审核": "reviewer", "審核": "reviewer",
}
PROSE_META_KEYS = ("description", "summary", "subtitle", "摘要", "副标题", "导语", "副標題", "導語")

_LINE = patterns.LazyPattern(r"[^\r\n]*(?:\r\n|\r|\n)?")
_FRONT_MATTER_OPEN = patterns.LazyPattern(r"(---|\+\+\+)[ \t]*(?:\r\n|\r|\n)")
_FRONT_MATTER_CLOSE = {"---": patterns.compile(r"^(?:---|\.\.\.)[ \t]*$"), "+++": patterns.compile(r"^\+\+\+[ \t]*$")}
_TOML_LINE = patterns.LazyPattern(r"""^[ \t]*(?P<key>[\w-]+|"[^"\\]*")[ \t]*=[ \t]*(?:"(?P<basic>(?:[^"\\\r\n]|\\[^\r\n])*)"|'(?P<literal>[^'\r\n]*)')?""",
                           regex.MULTILINE)
_BREAK = patterns.LazyPattern(r"[ \t]*\\?\n")
_COMMENT = patterns.LazyPattern(r"<!--.*?-->", regex.DOTALL)
# a custom container fence (`::: tip 提示`, VuePress, Docusaurus, markdown-it-container): the
# colons and the container's name are markup; a title after them stays prose
_CONTAINER_FENCE = patterns.LazyPattern(r"^[ ]{0,3}:{3,}[ \t]*(?:[A-Za-z][\w-]*)?", regex.MULTILINE)
_SPACES = " \t"

_PARSER = MarkdownIt("commonmark").enable(["table", "strikethrough"]).disable("text_join")
# link targets are skipped, never rendered: percent-encoding them is wasted work
_PARSER.normalizeLink = _PARSER.normalizeLinkText = lambda url: url
_DELIMITED = {"em_open", "em_close", "strong_open", "strong_close", "s_open", "s_close"}

# markdown-it skips, without a word, whatever is nested deeper than its `maxNesting` (20 in
# the CommonMark preset: ten nested lists). Deeper blocks are read up to NESTING_LIMIT levels
# (its block and inline parsers stay far from Python's recursion limit there); beyond, a
# block rule that runs before all others records the lines it skips, and they are reported as
# not checked (`Document.unchecked`).
NESTING_LIMIT = 100
_PARSER.options["maxNesting"] = NESTING_LIMIT + 1


def _nesting_guard(state, start_line: int, end_line: int, silent: bool) -> bool:
    if state.level < NESTING_LIMIT:
        return False
    state.env.setdefault("unchecked", []).append((start_line, end_line))
    state.line = end_line
    return True


_PARSER.block.ruler.before(_PARSER.block.ruler.get_all_rules()[0], "nesting_guard", _nesting_guard)


def read_markdown(text: str, path: str = "<text>") -> Document:
    lines = _lines(text)
    doc = Document(text=text, path=path)
    fm_lines = _front_matter_lines(text, lines)
    headline: list[tuple[int, int]] = []
    byline: list[tuple[int, int]] = []
    meta_scope: list[tuple[int, int]] = []
    credits: list[Credit] = []
    if fm_lines:
        start = lines[1][0]
        end = lines[fm_lines - 1][0]
        read = _read_toml_front_matter if text.startswith("+++") else _read_front_matter
        read(text, start, end, doc, headline, byline, meta_scope, credits)
    feed = "\n" * fm_lines + text[lines[fm_lines][0]:] if fm_lines < len(lines) else "\n" * fm_lines

    body: list[tuple[int, int]] = []
    comments: list[tuple[int, int]] = []
    cursors: dict[int, int] = {}  # per line: where the next table cell is searched from
    in_heading = None
    want_h1 = not headline
    env: dict = {}
    for token in _PARSER.parse(feed, env):
        if token.type == "heading_open":
            in_heading = token.tag
        elif token.type == "heading_close":
            in_heading = None
        elif token.type == "inline" and token.map:
            ranges = _inline_ranges(token, text, lines, comments, cursors)
            if want_h1 and in_heading == "h1":
                headline.extend(ranges)
                want_h1 = False
            else:
                body.extend(ranges)
        elif token.type == "html_block" and token.map:
            block_start = lines[token.map[0]][0]
            block_end = lines[token.map[1] - 1][1] if token.map[1] <= len(lines) else len(text)
            comments.extend(m.span() for m in _COMMENT.finditer(text, block_start, block_end))

    headline = _without_urls(text, sorted(headline))
    body = _without_urls(text, sorted(body))
    if ":::" in text:
        fences = [m.span() for m in _CONTAINER_FENCE.finditer(text)]
        headline, body = subtract(headline, fences), subtract(body, fences)
    found, ranges = _body_credits(text, body)
    byline += [r for r in ranges if r[1] > r[0]]
    credits += found
    doc.scopes = {"headline": headline, "body": body, "byline": merged(byline), "meta": sorted(meta_scope)}
    doc.credits = sorted(credits, key=lambda c: c.start)
    doc.comments = sorted(comments)
    decoded = doc.cache.pop("decoded title", None)
    if decoded is not None and not doc.scopes["headline"]:
        _read_decoded_title(doc, *decoded)
    doc.unchecked = [f"line {start + 1}: Markdown nested {NESTING_LIMIT} levels deep or more: "
                     + (f"lines {start + 1}-{end}" if end > start + 1 else "this line") + " not checked"
                     for start, end in env.get("unchecked", ())]
    return doc


# --- lines ----------------------------------------------------------------------------------
def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end without line break) of every line, as markdown-it numbers them."""
    result = []
    for match in _LINE.finditer(text):
        if match.start() == len(text) and result:
            break
        line = match.group()
        result.append((match.start(), match.end() - (len(line) - len(line.rstrip("\r\n")))))
        if match.end() == len(text):
            break
    return result or [(0, 0)]


def _without_urls(text, ranges):
    """Bare URLs and e-mail addresses inside prose ranges (link targets are already out)."""
    holes = [hole for start, end in ranges for hole in not_prose_spans(text, start, end)]
    return subtract(ranges, holes)



# --- front matter ---------------------------------------------------------------------------
def _front_matter_lines(text: str, lines) -> int:
    """Number of lines the front matter takes, closing line included; 0 when there is none."""
    opening = _FRONT_MATTER_OPEN.match(text)
    if not opening:
        return 0
    close = _FRONT_MATTER_CLOSE[opening.group(1)]
    for number in range(1, len(lines)):
        start, end = lines[number]
        if close.match(text[start:end]):
            return number + 1
    return 0


def _read_front_matter(text, start, end, doc, headline, byline, meta_scope, credits):
    try:
        root = yaml.compose(text[start:end], Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        # broken front matter: its title and credits are unknown, so the headline and byline
        # rules would judge the article wrongly; the runner reports it instead (exit 2)
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line = text.count("\n", 0, start) + 1 + (mark.line if mark else 0)
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        doc.problems.append(f"line {line}: invalid YAML front matter: {problem}")
        return
    if not isinstance(root, yaml.MappingNode):
        return
    for key_node, value_node in root.value:
        key = str(key_node.value)
        value = _node_text(value_node)
        if value is not None:
            doc.meta.setdefault(key, value)
        span = _exact_value_span(text, start, value_node)
        if key in TITLE_KEYS and value is not None and not headline:
            doc.meta.setdefault("title", value)
            if span and span[1] > span[0]:
                headline.append(span)
            elif span is None and isinstance(value_node, yaml.ScalarNode) and value.strip():
                # escapes, a block scalar (`title: >`): the file's characters are not the
                # title's; the title is read as YAML gives it (`_read_decoded_title`)
                doc.cache["decoded title"] = (start + value_node.start_mark.index, start + value_node.end_mark.index, value)
        elif key in CREDIT_KEYS and value is not None or key in CREDIT_KEYS and _is_null(value_node):
            credits.append(_front_matter_credit(key, value or "", key_node, value_node, start, span))
            if span and span[1] > span[0]:
                byline.append(span)
        elif key in PROSE_META_KEYS and span and span[1] > span[0]:
            meta_scope.append(span)


def _read_toml_front_matter(text, start, end, doc, headline, byline, meta_scope, credits):
    """TOML front matter (``+++`` lines, as Hugo writes it): the same keys as YAML. Values are
    located line by line; a one-line string without escapes points at its characters."""
    try:
        data = tomllib.loads(text[start:end])
    except tomllib.TOMLDecodeError as error:
        doc.problems.append(f"invalid TOML front matter: {error}")
        return
    for match in _TOML_LINE.finditer(text, start, end):
        if text[start:match.start()].count("\n[") or text[start:match.start()].startswith("["):
            break  # a [table] began: its keys are not the article's
        key = match.group("key").strip('"')
        value = data.get(key)
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            value = "、".join(value)
        elif not isinstance(value, str):
            if value is not None and not isinstance(value, dict):
                doc.meta.setdefault(key, str(value))
            continue
        doc.meta.setdefault(key, value)
        group = "basic" if match.group("basic") is not None else "literal" if match.group("literal") is not None else None
        span = match.span(group) if group and match.group(group) == value else None
        if key in TITLE_KEYS and not headline:
            doc.meta.setdefault("title", value)
            if span and span[1] > span[0]:
                headline.append(span)
            elif group == "basic" and value.strip():  # escapes: read as TOML gives it
                doc.cache["decoded title"] = (match.start(group) - 1, match.end(group) + 1, value)
        elif key in CREDIT_KEYS:
            key_start, key_end = match.span("key")
            if match.group("key").startswith('"'):
                key_start, key_end = key_start + 1, key_end - 1
            value_start, value_end = span or (key_end, key_end)
            credits.append(Credit(field=CREDIT_KEYS[key], label=key, value=value, start=key_start,
                                  end=value_end if value.strip() else key_end,
                                  value_start=value_start, value_end=value_end))
            if span and span[1] > span[0]:
                byline.append(span)
        elif key in PROSE_META_KEYS and span and span[1] > span[0]:
            meta_scope.append(span)


_ESCAPES = patterns.LazyPattern(r"""\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.|\r?\n)|''""", regex.DOTALL)


def _read_decoded_title(doc: Document, start: int, end: int, value: str) -> None:
    """Read the title written at file[start:end] (quotes, escapes, a block scalar's indicator
    and indentation) as its YAML value: the document's text holds the value there, a
    `SourceMap` leads back to the file (characters the value shares with the file map one to
    one, so findings point at them and fixes apply; the rest maps as a whole and fixes over it
    are only shown), and the headline scope covers the value."""
    from difflib import SequenceMatcher

    text = doc.text
    value = value.rstrip()  # a block scalar's final line break is not part of the title
    # an escape (`\"`, `\u4e2d`, `''`) never matches the character it stands for: a fix must
    # not rewrite the `"` of `\"` and leave a broken escape behind
    raw = _ESCAPES.sub(lambda m: "\0" * len(m.group()), text[start:end])
    source_map = SourceMap()
    source_map.add(0, 0, start, True)
    done_raw = done_value = 0
    blocks = SequenceMatcher(None, raw, value, autojunk=False).get_matching_blocks()
    for raw_at, value_at, size in blocks:
        if value_at > done_value:  # value characters written otherwise (an escape, a fold)
            source_map.add(start + done_value, start + done_raw, start + raw_at, False)
        if size:
            source_map.add(start + value_at, start + raw_at, start + raw_at + size, True)
        done_raw, done_value = raw_at + size, value_at + size
    shift = len(value) - (end - start)
    source_map.add(start + len(value), end, len(text), True)
    doc.source, doc.text, doc.source_map = text, text[:start] + value + text[end:], source_map

    def moved(offset: int) -> int:
        return offset + shift if offset >= end else offset

    doc.scopes = {name: [(moved(a), moved(b)) for a, b in ranges] for name, ranges in doc.scopes.items()}
    doc.scopes["headline"] = [(start, start + len(value))]
    doc.credits = [credit if credit.start < 0 else credit.replace(
        start=moved(credit.start), end=moved(credit.end),
        value_start=moved(credit.value_start), value_end=moved(credit.value_end)) for credit in doc.credits]


def _node_text(node) -> str | None:
    if isinstance(node, yaml.ScalarNode):
        return "" if node.tag.endswith(":null") else str(node.value)
    if isinstance(node, yaml.SequenceNode) and all(isinstance(n, yaml.ScalarNode) for n in node.value):
        return "、".join(str(n.value) for n in node.value if not n.tag.endswith(":null"))
    return None


def _is_null(node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null")


def _exact_value_span(text, base, node) -> tuple[int, int] | None:
    """The characters of a one-line string scalar in the file, when they equal its value."""
    if not isinstance(node, yaml.ScalarNode) or not node.tag.endswith(":str") or node.style not in (None, '"', "'"):
        return None
    start, end = base + node.start_mark.index, base + node.end_mark.index
    if node.style:
        start, end = start + 1, end - 1
    if start <= end and text[start:end] == node.value:
        return start, end
    return None


def _front_matter_credit(key, value, key_node, value_node, base, span) -> Credit:
    key_start = base + key_node.start_mark.index
    key_end = base + key_node.end_mark.index
    if span is not None:
        value_start, value_end = span
    elif value:
        value_start, value_end = base + value_node.start_mark.index, base + value_node.end_mark.index
    else:
        value_start = value_end = key_end
    end = value_end if value.strip() else key_end
    return Credit(field=CREDIT_KEYS[key], label=key, value=value, start=key_start, end=end,
                  value_start=value_start, value_end=value_end)


# --- inline content -> source ranges --------------------------------------------------------
def _inline_ranges(token, text, lines, comments, cursors) -> list[tuple[int, int]]:
    """Source ranges of the prose of one inline token (a paragraph, heading or table cell)."""
    content = token.content
    content_lines = content.split("\n")
    first_line = token.map[0]
    # where each content line starts, in the content and in the file
    line_map: list[tuple[int, int | None]] = []
    offset = 0
    for index, piece in enumerate(content_lines):
        number = first_line + index
        source_start = None
        if number < len(lines):
            source_start = _locate_line(text, lines[number], piece, cursors)
        line_map.append((offset, source_start))
        offset += len(piece) + 1

    found: list[tuple[int, int]] = []
    raw_comments: list[tuple[int, int]] = []
    _walk(token.children or [], content, 0, found, raw_comments)

    def to_source(start, end):
        index = _line_index(line_map, start)
        content_start, source_start = line_map[index]
        if source_start is None:
            return None
        line_end = line_map[index + 1][0] - 1 if index + 1 < len(line_map) else len(content)
        if end > line_end:
            return None
        source = source_start + start - content_start
        return source, source + end - start

    result = [span for span in (to_source(s, e) for s, e in found if e > s) if span]
    for start, end in raw_comments:
        span = to_source(start, end)
        if span:
            comments.append(span)
    return result


def _locate_line(text, line, piece, cursors) -> int | None:
    """The file offset where a content line starts; None unless it matches exactly."""
    line_start, line_end = line
    wanted = piece.rstrip(_SPACES)
    if not wanted:
        return None
    source = text[line_start:line_end].rstrip(_SPACES)
    if source.endswith(wanted):
        return line_start + len(source) - len(wanted)
    # table cells and closed ATX headings: the content sits inside the line
    position = source.find(wanted, cursors.get(line_start, 0))
    if position < 0:
        return None
    cursors[line_start] = position + len(wanted)
    return line_start + position


def _line_index(line_map, offset) -> int:
    return max(0, bisect.bisect_right(line_map, offset, key=lambda item: item[0]) - 1)


def _at(content: str, cursor: int, piece: str) -> int | None:
    """Where `piece` starts at the cursor, allowing spaces before it; None when it does not."""
    if content.startswith(piece, cursor):
        return cursor
    skipped = cursor
    while skipped < len(content) and content[skipped] in _SPACES:
        skipped += 1
    return skipped if content.startswith(piece, skipped) else None


def _walk(children, content, cursor, found, comments) -> int | None:
    """Walk inline tokens in source order; append prose ranges (content offsets) to `found`.

    Returns the cursor after the last token, or None when the source could not be followed
    (everything found up to that point is exact and kept)."""
    index = 0
    while index < len(children):
        token = children[index]
        kind = token.type
        if kind == "text":
            position = _at(content, cursor, token.content)
            if position is None:
                return None
            found.append((position, position + len(token.content)))
            cursor = position + len(token.content)
        elif kind == "text_special" or kind in _DELIMITED:  # entities, escapes, emphasis marks: not prose
            position = _at(content, cursor, token.markup)
            if position is None:
                return None
            cursor = position + len(token.markup)
        elif kind in ("softbreak", "hardbreak"):
            match = _BREAK.match(content, cursor)
            if match is None:
                return None
            cursor = match.end()
        elif kind == "code_inline":
            position = _at(content, cursor, token.markup)
            if position is None:
                return None
            fence = regex.escape(token.markup)
            close = patterns.compile(rf"(?<!`){fence}(?!`)").search(content, position + len(token.markup))
            if close is None:
                return None
            cursor = close.end()
        elif kind == "html_inline":
            position = _at(content, cursor, token.content)
            if position is None:
                return None
            if token.content.startswith("<!--"):
                comments.append((position, position + len(token.content)))
            cursor = position + len(token.content)
        elif kind == "link_open" and token.markup == "autolink":
            position = _at(content, cursor, "<")
            close = content.find(">", position) if position is not None else -1
            if close < 0:
                return None
            cursor = close + 1
            while index < len(children) and children[index].type != "link_close":
                index += 1
        elif kind == "link_open":
            position = _at(content, cursor, "[")
            if position is None:
                return None
            cursor = position + 1
        elif kind == "link_close":
            position = _at(content, cursor, "]")
            if position is None:
                return None
            cursor = _skip_target(content, position + 1)
            if cursor is None:
                return None
        elif kind == "image":
            position = _at(content, cursor, "![")
            if position is None:
                return None
            cursor = _walk(token.children or [], content, position + 2, found, comments)
            if cursor is None:
                return None
            position = _at(content, cursor, "]")
            if position is None:
                return None
            cursor = _skip_target(content, position + 1)
            if cursor is None:
                return None
        else:
            return None  # a token this walker does not know: stop rather than guess
        index += 1
    return cursor


def _skip_target(content: str, cursor: int) -> int | None:
    """Skip a link target after ']': ``(url "title")``, ``[label]``, or nothing."""
    if content.startswith("[", cursor):
        close = content.find("]", cursor)
        return None if close < 0 else close + 1
    if not content.startswith("(", cursor):
        return cursor
    position = cursor + 1
    length = len(content)

    def skip_space(p):
        while p < length and content[p] in " \t\n":
            p += 1
        return p

    position = skip_space(position)
    if position < length and content[position] == "<":
        close = content.find(">", position)
        if close < 0:
            return None
        position = close + 1
    else:
        depth = 0
        while position < length:
            char = content[position]
            if char == "\\" and position + 1 < length:
                position += 2
                continue
            if char in " \t\n":
                break
            if char == "(":
                depth += 1
            elif char == ")":
                if depth == 0:
                    break
                depth -= 1
            position += 1
    position = skip_space(position)
    if position < length and content[position] in "\"'(":
        closer = ")" if content[position] == "(" else content[position]
        position += 1
        while position < length and content[position] != closer:
            position += 2 if content[position] == "\\" else 1
        position = skip_space(position + 1)
    if position < length and content[position] == ")":
        return position + 1
    return None


def _body_credits(text, body) -> tuple[list[Credit], list[tuple[int, int]]]:
    """Credit lines in the body, and their prose ranges (the ``byline`` scope).

    The prose ranges of one line are read together, so that markup between them does not hide
    a credit: ``**责任编辑**：李四`` is the credit ``责任编辑：李四``."""
    credits, byline, group = [], [], []

    def flush():
        found = find_credits(text, *group[0]) if len(group) == 1 else _credits_across(text, group)
        credits.extend(found)
        for credit in found:
            byline.extend((max(s, credit.start), min(e, credit.end)) for s, e in group
                          if s < credit.end and credit.start < e)

    for start, end in body:
        if group and ("\n" in text[group[-1][1]:start] or "\r" in text[group[-1][1]:start]):
            flush()
            group = []
        group.append((start, end))
    if group:
        flush()
    return credits, byline


def _credits_across(text, group) -> list[Credit]:
    joined = "".join(text[s:e] for s, e in group)
    starts, total = [], 0
    for s, e in group:
        starts.append(total)
        total += e - s

    def at(offset, end=False):
        index = bisect.bisect_right(starts, offset - 1 if end and offset else offset) - 1
        return group[index][0] + offset - starts[index]

    result = []
    for c in find_credits(joined):
        value_start = at(c.value_start) if c.value else at(c.value_end, True)
        result.append(Credit(field=c.field, label=c.label, value=c.value, start=at(c.start),
                             end=at(c.end, True), value_start=value_start, value_end=at(c.value_end, True)))
    return result
