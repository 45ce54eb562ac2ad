"""A rule's time budget on one file, in wall-clock seconds (a leaf module: the engine and the
search helpers of the kinds share it).

A user's regular expression carries a per-search limit (`regex`'s ``timeout``, which counts
CPU time), but a rule searches every paragraph: forty searches just under the limit took 34 s
and passed. So the engine runs each untrusted rule (any rule outside the built-in packs)
inside `RuleBudget`: when the rule has spent `RULE_BUDGET_SECONDS` of wall-clock time on the
file, it is stopped with `BudgetSpent` and reported; the other rules and files go on.

In the main thread a real-time interval timer (``SIGALRM``) enforces it: `regex` checks for
signals while it matches, so even one runaway search stops on time, whatever kind runs it
(`metric`, `existence`…). The timer is armed once and left running: when it rings, the
handler compares the clock with the deadline of the rule running now, raises if it has
passed, re-arms for the rest otherwise, and does nothing when no rule is running. So a rule
costs a clock reading, not system calls (arming a timer and a handler for each rule cost
50 us, a fifth of the time of a small article). Elsewhere (the web server lints in a worker
thread) no signal can be delivered: there each search's limit is cut to what is left of the
budget (`search_limit`) and the engine checks the clock between matches.
Built-in rules run without a budget: the test suite checks their expressions for runaway
backtracking.
"""
from __future__ import annotations

import os
import signal
import threading
import time

RULE_BUDGET_SECONDS = 2.0


class BudgetSpent(TimeoutError):
    """A rule used up its time on one file."""


_local = threading.local()  # .deadline: monotonic time at which the running rule's budget ends
_timer_due = None  # monotonic time at which the interval timer rings (None: not armed)


def remaining() -> float | None:
    """Seconds left of the running rule's budget in this thread, or None outside a budget."""
    deadline = getattr(_local, "deadline", None)
    return None if deadline is None else deadline - time.monotonic()


def search_limit(limit: float | None) -> float | None:
    """The time limit for one search: `limit` (the per-search limit, or None), cut to what is
    left of the running rule's budget; `BudgetSpent` when nothing is left."""
    left = remaining()
    if left is None:
        return limit
    if left <= 0:
        raise BudgetSpent()
    return left if limit is None or left < limit else limit


def _ring(signum, frame):
    global _timer_due
    _timer_due = None
    deadline = getattr(_local, "deadline", None)
    if deadline is None:
        return  # no rule is running: the timer stays off until the next one starts
    left = deadline - time.monotonic()
    if left <= 0:
        _local.deadline = None
        raise BudgetSpent()
    _arm(left)


def _arm(seconds: float) -> None:
    global _timer_due
    _timer_due = time.monotonic() + seconds
    signal.setitimer(signal.ITIMER_REAL, seconds)


def _timer_usable() -> bool:
    """Whether the SIGALRM timer is ours to use: in the main thread, with our handler in
    place or nobody's (someone else's handler or timer is left alone)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        return False
    handler = signal.getsignal(signal.SIGALRM)
    if handler is _ring:
        return True
    if handler is not signal.SIG_DFL or signal.getitimer(signal.ITIMER_REAL) != (0.0, 0.0):
        return False
    signal.signal(signal.SIGALRM, _ring)
    return True


def _forked():
    global _timer_due
    _timer_due = None  # a child process (--jobs) does not inherit the parent's timer


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forked)


class RuleBudget:
    """``with RuleBudget():`` runs its body under the rule budget (`RULE_BUDGET_SECONDS`);
    `BudgetSpent` is raised inside the body when it is spent."""

    __slots__ = ("seconds",)

    def __init__(self, seconds: float | None = None):
        self.seconds = RULE_BUDGET_SECONDS if seconds is None else seconds

    def __enter__(self):
        now = time.monotonic()
        deadline = _local.deadline = now + self.seconds
        # arm the timer unless it already rings before this deadline (then it re-arms itself);
        # one long overdue was cancelled by someone else
        if (_timer_due is None or _timer_due > deadline or _timer_due < now - 1) and _timer_usable():
            _arm(self.seconds)
        return self

    def check(self) -> None:
        """`BudgetSpent` when the clock says the budget is spent (for threads, where no
        timer rings)."""
        deadline = getattr(_local, "deadline", None)
        if deadline is not None and time.monotonic() > deadline:
            _local.deadline = None
            raise BudgetSpent()

    def __exit__(self, *exc):
        _local.deadline = None  # a ring from now on finds no rule running and does nothing
        return False
