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
