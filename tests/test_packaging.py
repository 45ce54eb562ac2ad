"""The wheel carries the built-in packs: a non-editable install in a fresh venv lints with them."""
import json
import shutil
import subprocess
import sys

import pytest

from tests.conftest import EXAMPLES, ROOT, installed_env


@pytest.mark.slow
def test_wheel_installs_into_fresh_venv_and_lints_outside_the_tree(tmp_path):
    env = installed_env()  # the installed wheel, not this checkout
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", tmp_path / "dist", ROOT],
                   check=True, capture_output=True, env=env)
    wheel, = (tmp_path / "dist").glob("newslint-*.whl")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", venv], check=True, env=env)
    subprocess.run([venv / "bin" / "pip", "install", "-q", wheel], check=True, capture_output=True, env=env)
    article = tmp_path / "稿件.txt"
    shutil.copy(EXAMPLES / "flawed.txt", article)
    result = subprocess.run([venv / "bin" / "newslint", "check", article.name, "--format", "json"],
                            cwd=tmp_path, capture_output=True, env=env)
    assert result.returncode == 1, result.stderr.decode()
    rules = {f["rule"].split(".")[0] for f in json.loads(result.stdout)["files"][0]["findings"]}
    assert rules == {"typos", "punctuation", "headline", "byline"}
    listed = subprocess.run([venv / "bin" / "newslint", "rules", "--format", "json"],
                            cwd=tmp_path, capture_output=True, env=env)
    packaged = {r["path"] for r in json.loads(listed.stdout)}
    assert all("_builtin_rules" in p and str(ROOT) not in p for p in packaged)
    # the config presets ship inside the package too
    (tmp_path / ".newslint.yml").write_text("extends: strict\n", encoding="utf-8")
    strict = subprocess.run([venv / "bin" / "newslint", "check", article.name, "--format", "json"],
                            cwd=tmp_path, capture_output=True, env=env)
    assert strict.returncode == 1, strict.stderr.decode()
