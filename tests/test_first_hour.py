"""Defects a new user met in the first hour (issue 17)."""
from tests.conftest import err, out, run_cli


def test_explain_a_pack_lists_its_rules_one_line_each():
    result = run_cli("explain", "typos")
    assert result.returncode == 0, err(result)
    lines = out(result).splitlines()
    assert lines[0].startswith("typos")
    listed = [line.split()[0] for line in lines[2:]]
    assert "typos.idiom" in listed and "typos.word" in listed
    assert all(name.startswith("typos.") for name in listed)
    assert "[error]" in out(result) and "默认关闭" in out(result)


def test_explain_an_unknown_name_is_a_one_line_error():
    result = run_cli("explain", "no-such-pack")
    assert result.returncode == 2
    assert err(result).strip() == "newslint: unknown rule or pack 'no-such-pack' (see 'newslint rules')"


def test_statistics_prints_the_table_alone(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("标题\n他说:“我们明天出发。\n", encoding="utf-8")
    result = run_cli("check", path, "--select", "punctuation", "--statistics")
    lines = out(result).splitlines()
    assert [line.split()[1] for line in lines] == ["punctuation.halfwidth-colon", "punctuation.unpaired"] or \
        sorted(line.split()[1] for line in lines) == ["punctuation.halfwidth-colon", "punctuation.unpaired"]
    assert "a.txt:" not in out(result)


def test_summary_counts_fixable_then_fixed_alike_and_says_checked(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("标题\n居民(老人)说:好!\n", encoding="utf-8")
    summary = out(run_cli("check", path, "--select", "punctuation")).splitlines()[-1]
    assert "in 1 file checked." in summary
    fixable = int(summary.split(" fixable")[0].split()[-1])
    fixed = out(run_cli("check", path, "--select", "punctuation", "--fix")).splitlines()[-1]
    assert fixed.startswith(f"Fixed {fixable} problem")


def test_a_front_matter_only_page_gets_no_credit_findings(tmp_path):
    page = tmp_path / "_index.md"
    page.write_text("---\ntitle: 本地新闻\n---\n", encoding="utf-8")
    result = run_cli("check", page, "--select", "byline", "--format", "json")
    assert result.returncode == 0, out(result) + err(result)
    article = tmp_path / "a.md"
    article.write_text("---\ntitle: 本地新闻\n---\n\n今天开会了。\n", encoding="utf-8")
    result = run_cli("check", article, "--select", "byline", "--format", "json")
    assert "byline.missing-author" in out(result) and "byline.missing-editor" in out(result)


def test_no_rule_description_says_the_same_phrase_twice():
    """headline.withheld said 或以省略号结尾 twice. Quoted examples (“孕妇能吃榴莲吗_…”) may repeat."""
    import regex

    from lint.rulepack import builtin_rules_dir, load_packs

    for rule in load_packs([builtin_rules_dir()]):
        prose = regex.sub(r"“[^”]*”", "“”", rule.description)
        repeated = {m.group(1) for m in regex.finditer(r"(?=(\p{Han}{6}))", prose) if prose.count(m.group(1)) > 1}
        assert not repeated, (rule.id, repeated)


# --- item 11: descriptions read as written prose ------------------------------------------------
_STRAY = r"[，。；：？！、”）」] | [“（「]|\p{Han} \p{Han}"


def test_rules_lists_whole_first_sentences_without_wrapping_spaces():
    """`rules` showed the first line of the YAML (cut mid-sentence) or a folded paragraph with
    the spaces of its line breaks (而不交代事实。 新闻)."""
    import regex

    result = run_cli("rules")
    assert result.returncode == 0, err(result)
    summaries = {line.split()[0]: line.split(None, 3)[3] for line in out(result).splitlines()}
    assert summaries["byline.missing-author"] == "新闻稿件应署明作者或记者。"
    assert summaries["headline.shock"].endswith("而不交代事实。")
    for rule_id, summary in summaries.items():
        summary = summary.removesuffix(" (off by default)")
        unquoted = regex.sub(r"“[^”]*”", "“”", summary)
        assert not regex.search(_STRAY, unquoted), (rule_id, summary)
        assert summary.endswith(("。", "！", "？")) or "。" not in summary, (rule_id, summary)


def test_a_users_wrapped_description_reads_without_stray_spaces(tmp_path):
    """Folded (>) and literal (|) descriptions wrapped over lines: joined as Chinese joins them,
    in `explain`, `rules --format json` and the pack's one-line list."""
    import json

    (tmp_path / "house.yaml").write_text(
        "pack: house\nrules:\n"
        "  - id: folded\n    kind: existence\n    level: warning\n    message: 不用“{match}”\n"
        "    tokens: [某些人士]\n    description: >-\n      本报不用“某些人士”这样含糊的\n"
        "      说法。Use a named\n      source instead.\n"
        "  - id: literal\n    kind: existence\n    level: warning\n    message: 不用“{match}”\n"
        "    tokens: [有关人士]\n    description: |\n      本报不用“有关人士”这样含糊的\n      说法。\n",
        encoding="utf-8")
    listed = {r["id"]: r["description"] for r in json.loads(out(run_cli("rules", "--format", "json", "--rules", tmp_path)))}
    assert listed["house.folded"] == "本报不用“某些人士”这样含糊的说法。Use a named source instead."
    assert listed["house.literal"] == "本报不用“有关人士”这样含糊的说法。"
    assert "这样含糊的说法。Use a named source instead." in out(run_cli("explain", "house.folded", "--rules", tmp_path))
    assert "[warning] 本报不用“有关人士”这样含糊的说法。" in out(run_cli("explain", "house", "--rules", tmp_path))


# --- item 2: a publication in Traditional characters --------------------------------------------
def _hant_project(tmp_path, body):
    (tmp_path / ".newslint.yml").write_text("rules:\n  script.traditional: {target: zh-Hant}\n", encoding="utf-8")
    (tmp_path / "稿件.txt").write_text(body, encoding="utf-8")
    return tmp_path / "稿件.txt"


def test_a_traditional_publication_can_pass_the_credit_checks(tmp_path):
    article = _hant_project(tmp_path, "社區花園今日開放\n\n（記者 王某）居民們在新建的花園裏散步。\n\n責任編輯：李四\n")
    result = run_cli("check", article, cwd=tmp_path)
    assert result.returncode == 0, out(result) + err(result)
    article.write_text("社區花園今日開放\n\n居民們在新建的花園裏散步。\n\n編輯：李四\n", encoding="utf-8")
    assert run_cli("check", article, cwd=tmp_path).returncode == 1  # no author: still reported


def test_a_traditional_publication_reads_its_messages_in_traditional_characters(tmp_path):
    import json

    article = _hant_project(tmp_path, "社區花園今日開放\n\n居民們在新建的花園裏散步，这里很美。\n")
    result = run_cli("check", article, "--format", "json", cwd=tmp_path)
    messages = {f["rule"]: f["message"] for f in json.loads(out(result))["files"][0]["findings"]}
    assert messages["byline.missing-author"] == "缺少作者或記者署名（如“作者：王某”“（記者 王某）”）"
    assert messages["byline.missing-editor"] == "缺少編輯署名（如“責任編輯：李四”）"
    # the template is converted, the matched text is quoted as written
    assert messages["script.traditional"] == "“这里”是簡體字，繁體文本中應爲“這裏”"
    # a Simplified publication keeps Simplified messages
    (tmp_path / ".newslint.yml").unlink()
    result = run_cli("check", article, "--format", "json", "--select", "byline", cwd=tmp_path)
    assert "缺少编辑署名" in out(result)


def test_a_simplified_label_in_a_traditional_publication_is_a_script_slip_not_a_missing_credit(tmp_path):
    article = _hant_project(tmp_path, "社區花園今日開放\n\n（記者 王某）居民們在新建的花園裏散步。\n\n责任编辑：李四\n")
    result = run_cli("check", article, "--format", "json", cwd=tmp_path)
    import json

    rules = [f["rule"] for f in json.loads(out(result))["files"][0]["findings"]]
    assert set(rules) == {"script.traditional"}  # 责, 编辑: no byline.missing-editor
    assert run_cli("check", article, "--fix", cwd=tmp_path).returncode == 0
    assert article.read_text(encoding="utf-8").endswith("責任編輯：李四\n")


# --- item 9: the nearest configuration for each file, as ruff does -------------------------------
def _repo(tmp_path):
    """repo/ with its own config (byline off, archive excluded, wire/ without typos, only errors
    fail), repo/local/ with a nearer config (typos at info), and an empty working folder."""
    repo = tmp_path / "repo"
    for folder in ("wire", "archive", "local"):
        (repo / folder).mkdir(parents=True)
    (repo / ".newslint.yml").write_text(
        'rules:\n  byline: off\nexclude: ["archive/**"]\nfail_level: error\n'
        'overrides:\n  - files: "wire/**"\n    rules: {typos: off}\n', encoding="utf-8")
    (repo / "local" / ".newslint.yml").write_text("rules:\n  typos: info\n", encoding="utf-8")
    for path in ("a.txt", "wire/b.txt", "archive/c.txt", "local/d.txt"):
        (repo / path).write_text("社区花园今日开放\n\n居民们见缝插扎地种花。\n", encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    return repo


def _findings(result):
    import json

    return {f["path"].replace("\\", "/").split("repo/")[-1]: sorted(x["rule"] + ":" + x["level"] for x in f["findings"])
            for f in json.loads(out(result))["files"]}


def test_check_of_another_folder_uses_that_folders_config(tmp_path):
    repo = _repo(tmp_path)
    result = run_cli("check", "../repo", "--format", "json", cwd=tmp_path / "elsewhere")
    assert _findings(result) == {
        "a.txt": ["typos.idiom:error"],     # byline off: the repo's config, found from the file
        # the nearer config of local/, alone (as ruff: no merging unless it `extends` the other)
        "local/d.txt": ["byline.missing-author:warning", "byline.missing-editor:warning", "typos.idiom:info"],
        "wire/b.txt": [],                     # the repo's override for wire/**
    }                                         # archive/ excluded by the repo's config
    assert result.returncode == 1, err(result)
    # the run's fail level is the repo's (error) when the working folder has no config
    (repo / "a.txt").write_text("社区花园今日开放\n\n居民们在花园里种花。\n", encoding="utf-8")
    assert run_cli("check", "../repo", cwd=tmp_path / "elsewhere").returncode == 0


def test_a_nearer_config_beats_the_working_folders_and_config_option_applies_to_all(tmp_path):
    repo = _repo(tmp_path)
    result = run_cli("check", ".", "--format", "json", cwd=repo)
    assert "typos.idiom:info" in _findings(result)["local/d.txt"]
    assert _findings(result)["a.txt"] == ["typos.idiom:error"]
    result = run_cli("check", ".", "--format", "json", "--config", repo / ".newslint.yml", cwd=repo)
    assert _findings(result)["local/d.txt"] == ["typos.idiom:error"]  # --config: one config for all
    # a nested config that extends the outer one inherits it
    (repo / "local" / ".newslint.yml").write_text("extends: ../.newslint.yml\nrules:\n  typos: info\n", encoding="utf-8")
    assert _findings(run_cli("check", ".", "--format", "json", cwd=repo))["local/d.txt"] == ["typos.idiom:info"]


def test_a_broken_config_costs_its_files_with_one_line_naming_it(tmp_path):
    repo = _repo(tmp_path)
    (repo / "local" / ".newslint.yml").write_text("rules:\n  no-such-rule: off\n", encoding="utf-8")
    result = run_cli("check", "../repo", "--format", "json", cwd=tmp_path / "elsewhere")
    assert result.returncode == 2
    lines = err(result).strip().splitlines()
    assert len(lines) == 1 and "local/d.txt: not linted: " in lines[0]
    assert "local/.newslint.yml:2: unknown rule or pack 'no-such-rule'" in lines[0]
    assert _findings(result)["a.txt"] == ["typos.idiom:error"]  # the other files are linted


def test_show_settings_and_verbose_tell_which_config_applies(tmp_path):
    repo = _repo(tmp_path)
    shown = run_cli("check", "--show-settings", "../repo/wire/b.txt", cwd=tmp_path / "elsewhere")
    assert shown.returncode == 0, err(shown)
    text = out(shown)
    assert f"config: {(repo / '.newslint.yml').resolve()}" in text
    assert "overrides: #1 wire/**" in text and "fail level: error" in text
    assert "typos.idiom" not in text.split("rules off")[0] and "byline.missing-author" in text.split("rules off")[1]
    local = out(run_cli("check", "--show-settings", "../repo/local/d.txt", cwd=tmp_path / "elsewhere"))
    assert f"config: {(repo / 'local' / '.newslint.yml').resolve()}" in local
    assert any(line.split() == ["typos.idiom", "info"] for line in local.splitlines())
    verbose = run_cli("check", "../repo", "-v", cwd=tmp_path / "elsewhere")
    assert f"newslint: ../repo/local/d.txt: {(repo / 'local' / '.newslint.yml').resolve()}" in err(verbose)
    assert f"newslint: ../repo/a.txt: {(repo / '.newslint.yml').resolve()}" in err(verbose)


# --- item 15: the command line's own lines in Chinese or English -------------------------------
def _run(args, cwd, **env):
    import os
    import subprocess
    import sys

    environment = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL", "LC_MESSAGES")}
    environment.update(env)
    return subprocess.run([sys.executable, "-m", "lint", *map(str, args)], cwd=cwd, env=environment,
                          capture_output=True)


def test_lang_zh_gives_chinese_summary_and_error_lines_and_keeps_findings(tmp_path):
    (tmp_path / "a.txt").write_text("标题\n他说,好。\n", encoding="utf-8")
    args = ["check", "a.txt", "missing.txt", "--select", "punctuation"]
    zh = _run(args + ["--lang", "zh"], tmp_path)
    lines = out(zh).splitlines()
    assert zh.returncode == 2
    assert lines[0] == "a.txt:2:3: warning punctuation.halfwidth-comma 中文语境中的半角逗号“,”应改为全角“，”"
    assert "错误：missing.txt: 文件或目录不存在" in lines
    assert lines[-1] == "检查了 1 个文件，发现 1 处问题（警告 1 处）。其中 1 处可用 --fix 自动修复。1 个错误使部分检查未能完成。"
    en = _run(args + ["--lang", "en"], tmp_path, LANG="zh_CN.UTF-8")
    assert out(en).splitlines()[0] == lines[0]  # the findings are the same
    assert "error: missing.txt: no such file or directory" in out(en)
    assert out(en).splitlines()[-1].startswith("Found 1 problem (1 warning) in 1 file checked.")
    unknown = _run(["check", "a.txt", "--select", "nope", "--lang", "zh"], tmp_path)
    assert err(unknown).strip() == "newslint: 未知的规则或规则包 'nope' (见 newslint rules)"


def test_lang_defaults_to_the_locale(tmp_path):
    (tmp_path / "a.txt").write_text("社区花园今日开放\n\n（记者 王某）居民们在花园里散步。\n\n责任编辑：李四\n", encoding="utf-8")
    assert out(_run(["check", "a.txt"], tmp_path, LANG="zh_CN.UTF-8")).strip() == "检查了 1 个文件，未发现问题。"
    assert out(_run(["check", "a.txt"], tmp_path, LANG="zh_TW.UTF-8")).strip() == "检查了 1 个文件，未发现问题。"
    assert out(_run(["check", "a.txt"], tmp_path, LANG="en_US.UTF-8")).strip() == "No problems found in 1 file checked."
    assert out(_run(["check", "a.txt"], tmp_path)).strip() == "No problems found in 1 file checked."
    # LC_ALL beats LANG, as in every program
    assert out(_run(["check", "a.txt"], tmp_path, LANG="zh_CN.UTF-8", LC_ALL="C.UTF-8")).strip().startswith("No problems")


def test_an_unknown_rule_name_suggests_the_likely_one(tmp_path):
    """A newcomer types a pack's name without its s, or a rule without its pack."""
    (tmp_path / "a.txt").write_text("标题\n正文。\n", encoding="utf-8")
    (tmp_path / ".newslint.yml").write_text("rules:\n  typo: off\n", encoding="utf-8")
    result = run_cli("check", "a.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert err(result).strip().endswith(".newslint.yml:2: unknown rule or pack 'typo' (did you mean 'typos'? see 'newslint rules')")
    assert err(run_cli("explain", "idiom")).strip() == \
        "newslint: unknown rule or pack 'idiom' (did you mean 'typos.idiom'? see 'newslint rules')"
    (tmp_path / ".newslint.yml").unlink()
    assert "(did you mean 'punctuation'? see" in err(run_cli("check", "a.txt", "--select", "punctuaton", cwd=tmp_path))
