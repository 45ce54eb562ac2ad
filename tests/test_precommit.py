"""The pre-commit hook, run by the real pre-commit (`pre-commit try-repo`) in a throwaway
content repository holding a flawed and a clean article."""
import os
import re
import shutil
import subprocess
import sys

import pytest
import yaml

from lint.readers import TEXT_SUFFIXES, suffix_pattern
from tests.conftest import EXAMPLES, ROOT, installed_env

GIT = shutil.which("git")
# what `pip install .` of the hook repository needs
PROJECT_FILES = ["pyproject.toml", "README.md", ".pre-commit-hooks.yaml", "lint", "rules"]


def git(*args, cwd):
    subprocess.run([GIT, "-c", "user.name=t", "-c", "user.email=t@example.invalid", "-c", "commit.gpgsign=false",
                    *args], cwd=cwd, check=True, capture_output=True)


def test_hook_definition():
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "newslint" and hook["language"] == "python"
    assert hook["entry"] == "newslint check --"  # file names never read as options
    # the hook takes exactly the files a directory walk lints: one list, in lint.readers
    assert hook["files"] == suffix_pattern()
    for name, matched in [("a.txt", True), ("b/c.md", True), ("d.html", True), ("e.htm", True),
                          ("F.TXT", True), ("g.Markdown", True), ("f.py", False), ("g.yaml", False),
                          ("a.txt.bak", False), ("txt", False)]:
        assert bool(re.search(hook["files"], name)) == matched, name
        assert (os.path.splitext(name)[1].lower() in TEXT_SUFFIXES) == matched, name


@pytest.mark.slow
@pytest.mark.skipif(GIT is None, reason="git is not installed: pre-commit needs it")
def test_pre_commit_try_repo_fails_on_flawed_and_passes_on_clean(tmp_path):
    # the hook repository: this project's current files, committed (try-repo installs a commit)
    hooks = tmp_path / "newslint"
    _hook_repository(hooks)

    content = tmp_path / "content"
    content.mkdir()
    shutil.copy(EXAMPLES / "flawed.txt", content / "flawed.txt")
    shutil.copy(EXAMPLES / "clean.txt", content / "clean.txt")
    (content / "notes.py").write_text("# 再接再励, not an article\n", encoding="utf-8")
    # hostile file names: options to a hook entry without `--` (issue 16 item 1)
    shutil.copy(EXAMPLES / "clean.txt", content / "-x.txt")
    shutil.copy(EXAMPLES / "clean.txt", content / "--write-baseline=pwn.md")
    victim = tmp_path / "victim.txt"
    victim.write_text("not the repository's\n", encoding="utf-8")
    os.symlink(victim, content / "pwn.md")
    git("init", "-q", cwd=content)
    git("add", "-A", cwd=content)

    env = installed_env(PRE_COMMIT_HOME=str(tmp_path / "cache"), NO_COLOR="1")  # the installed hook

    def try_repo(*args):
        command = [sys.executable, "-m", "pre_commit", "try-repo", str(hooks), "newslint", *args]
        return " ".join(args), subprocess.Popen(command, cwd=content, env=env, text=True,
                                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT)

    # each try-repo installs the hook into a fresh environment: run both at once
    runs = [try_repo("--all-files"), try_repo("--files", "clean.txt", "notes.py")]
    results = []
    for args, process in runs:
        output, _ = process.communicate(timeout=600)
        print(f"$ pre-commit try-repo <newslint> newslint {args}\n{output}")
        results.append((process.returncode, output))
    (code, output), (clean_code, clean_output) = results

    assert code == 1, output
    assert "newslint" in output and "Failed" in output
    assert "flawed.txt:5:18: error typos.idiom “见缝插扎”应为“见缝插针”" in output
    assert "clean.txt" not in output.split("Failed", 1)[1]
    assert "notes.py" not in output
    assert "No such option" not in output and "no such option" not in output
    assert victim.read_text(encoding="utf-8") == "not the repository's\n"  # never a baseline

    assert clean_code == 0, clean_output
    assert "Passed" in clean_output


def test_readme_snippets_are_valid_and_use_the_hook_and_formats():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## In CI and pre-commit", 1)[1].split("\n## ", 1)[0]
    blocks = [yaml.safe_load(b) for b in re.findall(r"```yaml\n(.*?)```", section, re.S)]
    config, sarif, annotations = blocks
    assert config["repos"][0]["hooks"][0]["id"] == "newslint"
    sarif_steps = " ".join(str(step) for step in sarif["jobs"]["newslint"]["steps"])
    assert "--format sarif > newslint.sarif" in sarif_steps and "upload-sarif" in sarif_steps
    assert "--format github" in " ".join(str(step) for step in annotations["jobs"]["newslint"]["steps"])


def _hook_repository(path):
    """A clone of this project as pre-commit fetches it: its files committed on branch main."""
    path.mkdir()
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, path / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(source, path / name)
    git("init", "-q", "-b", "main", cwd=path)
    git("add", "-A", cwd=path)
    git("commit", "-q", "-m", "newslint", cwd=path)
    return subprocess.run([GIT, "rev-parse", "HEAD"], cwd=path, check=True, capture_output=True,
                          text=True).stdout.strip()


@pytest.mark.slow
@pytest.mark.skipif(GIT is None, reason="git is not installed: pre-commit needs it")
def test_readme_pre_commit_snippet_works_as_written_and_pinned(tmp_path):
    """The README's block, with only `repo` pointed at a local clone: pre-commit runs the hook
    (its `rev` exists), and the command the README gives pins the clone's current commit."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## In CI and pre-commit", 1)[1]
    snippet = re.findall(r"```yaml\n(.*?)```", section, re.S)[0]
    command = re.search(r"`(pre-commit autoupdate [^`]*)`", section.split("```", 3)[2]).group(1)
    url = yaml.safe_load(snippet)["repos"][0]["repo"]
    commit = _hook_repository(tmp_path / "newslint")

    content = tmp_path / "content"
    content.mkdir()
    shutil.copy(EXAMPLES / "flawed.txt", content / "flawed.txt")
    config = content / ".pre-commit-config.yaml"
    config.write_text(snippet.replace(url, str(tmp_path / "newslint")), encoding="utf-8")
    git("init", "-q", cwd=content)
    git("add", "-A", cwd=content)
    env = installed_env(PRE_COMMIT_HOME=str(tmp_path / "cache"), NO_COLOR="1")

    def pre_commit(*args):
        result = subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=content, env=env,
                                capture_output=True, text=True, timeout=600)
        print(f"$ pre-commit {' '.join(args)}\n{result.stdout}{result.stderr}")
        return result

    as_written = pre_commit("run", "--all-files")
    assert as_written.returncode == 1, as_written.stdout + as_written.stderr
    assert "flawed.txt:5:18: error typos.idiom “见缝插扎”应为“见缝插针”" in as_written.stdout

    assert command.split()[:2] == ["pre-commit", "autoupdate"]
    pinned = pre_commit(*command.split()[1:])
    assert pinned.returncode == 0, pinned.stdout + pinned.stderr
    assert yaml.safe_load(config.read_text(encoding="utf-8"))["repos"][0]["rev"] == commit
    again = pre_commit("run", "--all-files")
    assert again.returncode == 1 and "typos.idiom" in again.stdout
    assert "mutable reference" not in again.stdout + again.stderr
