"""Start-up: `check` on one plain-text article imports only what that run needs.

Wall-clock time is measured by benchmarks/latency.py, not here; these tests pin down the
modules a run must not import (each costs milliseconds at every start)."""
import json
import os
import subprocess
import sys


PROBE = """
import sys
from lint.cli import cli
try:
    cli(sys.argv[1:], standalone_mode=False)
except SystemExit:
    pass
print(sorted(m for m in {modules!r} if m in sys.modules))
"""
HEAVY = ["yaml", "markdown_it", "opencc", "lint.rule_selftest", "lint.readers.markdown", "lint.readers.html"]


def imported(tmp_path, *args):
    env = {**os.environ, "NEWSLINT_CACHE_DIR": str(tmp_path / "cache")}
    result = subprocess.run([sys.executable, "-c", PROBE.format(modules=HEAVY), *map(str, args)],
                            capture_output=True, cwd=tmp_path, env=env, timeout=60)
    assert result.returncode == 0, result.stderr.decode()
    return json.loads(result.stdout.decode().strip().splitlines()[-1].replace("'", '"'))


def test_checking_a_text_file_with_a_warm_cache_imports_no_yaml_markdown_or_opencc(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("（记者 王平）市里今天召开发布会，介绍了老旧小区改造的进展。\n", encoding="utf-8")
    first = imported(tmp_path, "check", article)  # a cold cache: the packs' YAML is parsed once
    assert "yaml" in first
    assert imported(tmp_path, "check", article) == []
    assert imported(tmp_path, "check", article, "--format", "json") == []


def test_a_yaml_config_file_still_loads_yaml(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("（记者 王平）市里今天召开发布会。\n", encoding="utf-8")
    imported(tmp_path, "check", article)  # warm the pack cache
    (tmp_path / ".newslint.yml").write_text("fail_level: error\n", encoding="utf-8")
    assert "yaml" in imported(tmp_path, "check", article)


def test_the_safe_loader_is_the_c_one_when_pyyaml_has_it():
    import yaml

    from lint.yamlsafe import SafeLoader
    from lint.yamlsafe import yaml as lazy

    loader = SafeLoader("a: 1")
    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    assert type(loader).__mro__[1] is base  # the duplicate-key check is a thin subclass of it
    assert lazy.load("a: [1, 2]", Loader=SafeLoader) == {"a": [1, 2]}
    assert lazy.YAMLError is yaml.YAMLError
