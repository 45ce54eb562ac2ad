"""--fix / --diff with the punctuation pack, end to end through the command."""
import codecs

from tests.conftest import err, out, run_cli

ARTICLE = "老街改造完工\r\n\r\n近日,居民们说:\"现在干净多了...\"\r\n时间 2023-08-15 17:54:44\r\n"
FIXED = "老街改造完工\r\n\r\n近日，居民们说：“现在干净多了……”\r\n时间 2023-08-15 17:54:44\r\n"


def test_fix_keeps_bom_and_crlf_and_exits_clean_when_nothing_is_left(tmp_path):
    path = tmp_path / "稿件.txt"
    path.write_bytes(codecs.BOM_UTF8 + ARTICLE.encode("utf-8"))
    result = run_cli("check", path, "--fix", "--select", "punctuation")
    assert result.returncode == 0, out(result)
    assert path.read_bytes() == codecs.BOM_UTF8 + FIXED.encode("utf-8")
    # a second run finds nothing and changes nothing
    assert run_cli("check", path, "--fix", "--select", "punctuation").returncode == 0
    assert path.read_bytes() == codecs.BOM_UTF8 + FIXED.encode("utf-8")


def test_exit_status_after_fix_reflects_the_unfixable_mark_left(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("标题\n他说:“我们明天出发。\n", encoding="utf-8")
    result = run_cli("check", path, "--fix", "--select", "punctuation", "--format", "json")
    assert result.returncode == 1
    assert path.read_text(encoding="utf-8") == "标题\n他说：“我们明天出发。\n"
    assert '"rule": "punctuation.unpaired"' in out(result)
    assert "halfwidth-colon" not in out(result)


def test_diff_shows_the_fix_and_writes_nothing(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("标题\n大家都在等待。。。\n", encoding="utf-8")
    result = run_cli("check", path, "--diff", "--select", "punctuation")
    assert "-大家都在等待。。。" in out(result) and "+大家都在等待……" in out(result)
    assert path.read_text(encoding="utf-8") == "标题\n大家都在等待。。。\n"


def test_stdin_fix_prints_the_fixed_text():
    result = run_cli("check", "-", "--fix", "--select", "punctuation", input="标题\n荆楚网(湖北日报网)发布!!\n")
    assert out(result) == "标题\n荆楚网（湖北日报网）发布！\n"


def test_diff_of_a_file_without_final_newline_applies_with_git(tmp_path):
    import subprocess

    path = tmp_path / "a.txt"
    path.write_text("标题\n大家都在等待。。。\n居民说,好", encoding="utf-8")
    result = run_cli("check", path.name, "--diff", "--select", "punctuation", cwd=tmp_path)
    patch = out(result)
    assert "\\ No newline at end of file" in patch
    (tmp_path / "fix.patch").write_text(patch, encoding="utf-8")
    applied = subprocess.run(["git", "apply", "--unsafe-paths", "fix.patch"], cwd=tmp_path,
                             capture_output=True, text=True)
    assert applied.returncode == 0, applied.stderr
    assert path.read_text(encoding="utf-8") == "标题\n大家都在等待……\n居民说，好"


def test_stdin_fix_says_on_stderr_what_is_left():
    result = run_cli("check", "-", "--fix", "--select", "punctuation", input="标题\n他说:“我们明天出发。\n")
    assert result.returncode == 1
    assert out(result) == "标题\n他说：“我们明天出发。\n"
    assert "punctuation.unpaired" in err(result) and "-:2:4" in err(result)
    assert "halfwidth-colon" not in err(result)
