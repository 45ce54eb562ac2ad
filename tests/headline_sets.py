"""Reading the blind headline sets (JSON lines) for their shape tests."""
import json


def read_rows(path, keys: set) -> list[dict]:
    """The rows of a blind set, checked line by line: one JSON object a line with exactly
    `keys`, every value a non-empty string without surrounding blanks, one-line headlines, and
    the file ending with one newline."""
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[-1] == "", "file must end with one newline"
    lines = lines[:-1]
    assert lines, "empty set"
    out = []
    for n, line in enumerate(lines, 1):
        assert line.strip(), f"blank line {n}"
        row = json.loads(line)
        assert isinstance(row, dict), f"line {n} is not an object"
        assert set(row) == keys, f"line {n} keys {sorted(row)}"
        for key, value in row.items():
            assert isinstance(value, str) and value == value.strip() and value, (n, key)
        assert "\n" not in row["headline"] and "\t" not in row["headline"], n
        out.append(row)
    return out
