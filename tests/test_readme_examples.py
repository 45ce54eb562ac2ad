"""The README's library examples are run as written: each ```python block's printed output
must be the `# ` comment lines that end the block."""
import contextlib
import io
import re

from tests.conftest import ROOT


def _python_blocks():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```python\n(.*?)```", readme, flags=re.S)


def _code_and_expected(block):
    lines = block.rstrip("\n").split("\n")
    expected = []
    while lines and lines[-1].startswith("# "):
        expected.insert(0, lines.pop()[2:])
    return "\n".join(lines) + "\n", expected


def test_readme_has_library_examples_with_output():
    blocks = _python_blocks()
    assert blocks
    assert all(_code_and_expected(block)[1] for block in blocks)


def test_readme_library_examples_print_what_they_show():
    for block in _python_blocks():
        code, expected = _code_and_expected(block)
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            exec(compile(code, "README.md", "exec"), {})
        assert printed.getvalue().splitlines() == expected, code
