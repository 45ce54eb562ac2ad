"""PyYAML, imported only when a YAML text is really parsed, and the loader that reads rule
packs and configs.

Importing PyYAML costs about 12 ms, and a run whose rule packs come from the JSON cache and
that has no YAML config file parses no YAML at all. `yaml` stands for the module: its first
attribute access imports it. `SafeLoader` is what to pass as ``Loader=``: it builds PyYAML's
safe loader for the stream, the C one (``CSafeLoader``) when PyYAML was built with libyaml.
Only the safe loader is ever used, so a tag that would construct an object is an error.

The loader also refuses a key written twice in one mapping (PyYAML silently keeps the last
one, so the same wrong form twice in a ``swap:`` dictionary, or a rule with two ``id:``, would
lose an entry without a word): a `yaml.constructor.ConstructorError` whose ``problem_mark`` is
the second key, so the loaders' errors name the file and that line. Keys are compared as
constructed (``1`` and ``0x1`` are one key); a key merged in with ``<<`` may be overridden.
"""
from __future__ import annotations


class _LazyYaml:
    """The `yaml` module, imported on first attribute access."""

    def __getattr__(self, name):
        import yaml as module

        return getattr(module, name)


yaml = _LazyYaml()
_loader = None


def SafeLoader(stream):  # noqa: N802 - stands for the loader class in yaml.load(..., Loader=)
    global _loader
    if _loader is None:
        _loader = _unique_keys_loader()
    return _loader(stream)


def _unique_keys_loader():
    import yaml as module

    base = getattr(module, "CSafeLoader", module.SafeLoader)
    error = module.constructor.ConstructorError

    class UniqueKeysSafeLoader(base):
        """The safe loader (the C parser when available), refusing duplicate mapping keys."""

        def __init__(self, stream):
            super().__init__(stream)
            self.merged = {}  # id(mapping node) -> how many pairs `<<` put before its own
            self.text = stream if isinstance(stream, str) else None
            self.lines = None  # the text's lines, split when a folded scalar is first met

        def construct_scalar(self, node):
            """A folded scalar (``>``) joins its lines with a space; Chinese text wrapped over
            lines has none (``事实。 新闻``), so its lines are re-joined by `prose.join_wrapped`
            when they can be told from the text (plain lines, as folding made them)."""
            value = super().construct_scalar(node)
            if getattr(node, "style", None) == ">" and self.text is not None and " " in value:
                if self.lines is None:
                    self.lines = self.text.splitlines()
                value = _refolded(value, self.lines[node.start_mark.line + 1:node.end_mark.line + 1])
            return value

        def flatten_mapping(self, node):
            written = node.value
            super().flatten_mapping(node)  # deletes `<<` from `written`, puts merged pairs first
            if node.value is not written:
                self.merged[id(node)] = len(node.value) - len(written)

        def construct_mapping(self, node, deep=False):
            """The safe loader's mapping (merge keys, then PyYAML's own loop) in one pass that
            also remembers where each key was written: a second pass over the keys would cost
            about 10% of a rule pack's load time. Merged pairs may be overridden."""
            if not isinstance(node, module.MappingNode):
                return super().construct_mapping(node, deep=deep)
            self.flatten_mapping(node)
            merged = self.merged.get(id(node), 0)
            mapping, seen = {}, {}
            construct = self.construct_object
            for index, (key_node, value_node) in enumerate(node.value):
                key = construct(key_node, deep=deep)
                try:
                    # keys written here must differ; a merged pair (`<<`) may be overridden
                    earlier = seen.setdefault(key, key_node) if index >= merged else key_node
                    hash(key)
                except TypeError:
                    raise error("while constructing a mapping", node.start_mark,
                                "found unhashable key", key_node.start_mark) from None
                if earlier is not key_node:
                    raise error("while constructing a mapping", node.start_mark,
                                f"found duplicate key {key!r} (first on line {earlier.start_mark.line + 1})",
                                key_node.start_mark)
                mapping[key] = construct(value_node, deep=deep)
            return mapping

        def construct_document(self, node):
            check_aliases(node)
            return super().construct_document(node)

    return UniqueKeysSafeLoader


# Aliases (``*name``) may repeat what an anchor holds: a merge key (``<<: *defaults``) is a
# fair use. Nine levels of ten aliases each ("billion laughs") make a text of a few hundred
# bytes stand for a billion nodes: the loader shares them, but whatever walks the data (the
# cache writer, a rule's fields) expands them (a pack's description took > 60 s and 5.8 GB).
# So aliases may add at most this many nodes to a document, and an alias inside its own anchor
# (a recursive structure) is refused.
MAX_ALIAS_NODES = 100_000


def check_aliases(root) -> None:
    """Raise a `yaml.constructor.ConstructorError` (at the document's start) when the composed
    tree `root`, expanded, has more than `MAX_ALIAS_NODES` nodes beyond those written, or
    holds a node inside itself. Linear in the nodes written (each is measured once)."""
    import yaml as module

    if root is None:
        return
    sizes: dict[int, int] = {}  # id(node) -> nodes it stands for, expanded
    open_nodes: set[int] = set()  # the nodes being measured: their descendants so far
    stack = [(root, False)]
    while stack:
        node, finished = stack.pop()
        key = id(node)
        if finished:
            open_nodes.discard(key)
            sizes[key] = 1 + sum(sizes[id(child)] for child in _children(node, module))
            continue
        if key in sizes:
            continue
        if key in open_nodes:
            raise module.constructor.ConstructorError(
                None, None, "found an alias inside its own anchor (a recursive structure)", node.start_mark)
        open_nodes.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in _children(node, module) if id(child) not in sizes)
    if sizes[id(root)] - len(sizes) > MAX_ALIAS_NODES:
        raise module.constructor.ConstructorError(
            None, None, f"aliases expand to {sizes[id(root)]:,} nodes, {len(sizes):,} written "
            f"(at most {MAX_ALIAS_NODES:,} more are allowed)", root.start_mark)


def _children(node, module):
    if isinstance(node, module.SequenceNode):
        return node.value
    if isinstance(node, module.MappingNode):
        return [part for pair in node.value for part in pair]
    return ()


def compose(source: str):
    """The node tree of a YAML text, or None when it is no YAML (for line look-ups)."""
    try:
        return yaml.compose(source, Loader=SafeLoader)
    except yaml.YAMLError:
        return None


def line_of(source: str, *key) -> int | None:
    """The 1-based line of a key path in a YAML text; see `node_line`. Only called when there
    is an error to report, so the text is composed again here."""
    return node_line(compose(source), *key)


def node_line(root, *key) -> int | None:
    """The 1-based line of a key path (mapping keys, sequence indexes) in a composed YAML
    tree: the line of the deepest part found, 1 when not even the first is; None without a
    tree."""
    if root is None:
        return None
    node, line = root, 1
    for part in key:
        if isinstance(node, yaml.MappingNode):
            found = next(((k, v) for k, v in node.value if k.value == str(part)), None)
            if found is None:
                return line
            node, line = found[1], found[0].start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            return line
    return line


def _refolded(value: str, lines: list[str]) -> str:
    """`value`, a folded scalar read from `lines` (its block, perhaps with lines after it),
    with its wrapped lines joined as Chinese joins them; unchanged unless plain folding of those
    lines gives exactly `value` (more-indented lines, escapes or comments after the block keep
    YAML's own result)."""
    from .prose import join_wrapped

    body = value.rstrip("\n")
    plain = joined = ""
    blank = 0
    for line in lines:
        piece = line.strip()
        if not piece:
            blank += bool(plain)
            continue
        if not plain:
            plain = joined = piece
        elif blank:  # a blank line in a folded scalar is a line break
            plain += "\n" * blank + piece
            joined += "\n" * blank + piece
        else:
            plain += " " + piece
            joined = join_wrapped(joined, piece)
        blank = 0
        if len(plain) >= len(body):
            break
    if plain != body:
        return value
    return joined + value[len(body):]
