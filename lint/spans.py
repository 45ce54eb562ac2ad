"""Character spans (start, end) of a text: merging, cutting holes, choosing among overlaps.

Readers use them to build scopes, the document to join scopes, kinds to pick matches."""
from __future__ import annotations


def merged(ranges) -> list[tuple[int, int]]:
    """The ranges sorted, with overlapping or touching ones joined."""
    result: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if result and start <= result[-1][1]:
            if end > result[-1][1]:
                result[-1] = (result[-1][0], end)
        else:
            result.append((start, end))
    return result


def subtract(ranges: list[tuple[int, int]], holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Ranges minus holes (both sorted); used to cut URLs, code and markup out of prose."""
    if not holes:
        return ranges
    result = []
    for start, end in ranges:
        cursor = start
        for hole_start, hole_end in holes:
            if hole_end <= cursor or hole_start >= end:
                continue
            if hole_start > cursor:
                result.append((cursor, hole_start))
            cursor = max(cursor, hole_end)
        if cursor < end:
            result.append((cursor, end))
    return result


def leftmost_longest(spans):
    """Non-overlapping spans, preferring the leftmost, then the longest. Items are tuples
    whose first two entries are start and end."""
    chosen = []
    last_end = -1
    for item in sorted(spans, key=lambda s: (s[0], -s[1])):
        if item[0] >= last_end:
            chosen.append(item)
            last_end = item[1]
    return chosen


def covered(start: int, end: int, shelters: list[tuple[int, int]]) -> bool:
    """True when [start, end) lies inside one of the shelter spans (exception occurrences)."""
    return any(s <= start and end <= e for s, e in shelters)


def split_hits(hits, boundary: int):
    """Split automaton hits into (wanted, exception spans) at a literal index boundary."""
    wanted, shelters = [], []
    for index, start, end in hits:
        if index < boundary:
            wanted.append((start, end, index))
        else:
            shelters.append((start, end))
    return wanted, shelters
