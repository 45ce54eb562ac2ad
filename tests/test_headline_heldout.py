"""The held-out headline sets stay held out: the build script never reads them, and the evaluation
script measures one only when asked for it by name (never while tuning)."""
import pytest


def test_the_build_script_never_reads_the_held_out_sets():
    from scripts.build_headline_score import JSONL_FILES, NEVER, read_jsonl

    assert "headlines-blind14.jsonl" in NEVER and "headlines-blind13.jsonl" in NEVER
    assert not set(NEVER) & set(JSONL_FILES)
    for name in NEVER:
        with pytest.raises(ValueError):
            read_jsonl(name)


def test_the_evaluation_measures_blind14_only_when_asked(monkeypatch):
    import benchmarks.eval_headlines as ev

    assert 14 in ev.WHOLE_BLIND_SETS
    read = []
    monkeypatch.setattr(ev, "load_blind", lambda path=ev.BLIND_JSONL: read.append(path.name) or [])
    monkeypatch.setattr(ev, "engine_checker", lambda: (lambda text: []))
    monkeypatch.setattr(ev, "evaluate", lambda *a, **k: (1.0, 1.0))
    monkeypatch.setattr(ev, "blind_figures", lambda *a, **k: {})
    monkeypatch.setattr(ev, "print_blind", lambda *a, **k: None)
    monkeypatch.setattr(ev, "blind3_figures", lambda *a, **k: {})
    monkeypatch.setattr(ev, "print_blind3", lambda *a, **k: None)
    ev.main(["--corpus", "/nonexistent"])
    assert "headlines-blind14.jsonl" not in read
    if not ev.blind_path(14).exists():  # asked for by name before the set exists: no crash, nothing read
        ev.main(["--corpus", "/nonexistent", "--blind14"])
        assert "headlines-blind14.jsonl" not in read
