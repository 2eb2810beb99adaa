"""Row labels of the Gantt chart that tell rows apart when they must be shortened.

Cutting long titles at the end makes siblings identical ("Move mailboxes from BER-EX16-01,
BER-EX1…" four times). Here a title that does not fit keeps its beginning (what is done)
and its distinguishing end (which batch, which server), and the part it shares with other
titles gives way: "Move mailboxes from BER-EX16-… (2/4)".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

__all__ = ["distinct_labels"]

ELLIPSIS = "…"
_MIN_HEAD = 6  # characters of the beginning kept at least


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _word_start(text: str, at: int) -> int:
    """Back up to the start of the word ``at`` falls in (a distinguishing "01" of
    "BER-EX16-01" is read with its whole name)."""
    while at > 0 and not text[at - 1].isspace() and text[at - 1] not in ",;":
        at -= 1
    return at


def _shorten(text: str, shared: int, fits: Callable[[str], bool]) -> str:
    tail_at = _word_start(text, min(shared, len(text)))
    tail = text[tail_at:]
    if tail_at > _MIN_HEAD:
        candidates = [text[:head].rstrip(" ,;") + ELLIPSIS + " " + tail.lstrip()
                      for head in range(tail_at - 1, _MIN_HEAD - 1, -1)]
        found = _first_fitting(candidates, fits)
        if found < len(candidates):
            return candidates[found]
        # even the shortest head does not fit beside the whole tail: keep the first word
        # (what is done) and the start of the tail, cut at its end
        words = text[:tail_at].split()
        text = (words[0] if words else "") + ELLIPSIS + " " + tail.lstrip()
    return _shorter(text, fits, ELLIPSIS)  # even the distinguishing end is too long


def _first_fitting(candidates: Sequence[str], fits: Callable[[str], bool]) -> int:
    """The index of the first candidate that fits (len(candidates) when none does).

    Each candidate is shorter than the one before, so whether they fit changes once: a
    binary search asks ``fits`` (a font measurement) a few times instead of for each."""
    low, high = 0, len(candidates)
    while low < high:
        middle = (low + high) // 2
        if fits(candidates[middle]):
            high = middle
        else:
            low = middle + 1
    return low


def _shorter(text: str, fits: Callable[[str], bool], strip: str) -> str:
    """Drop two characters at a time from the end (marked "…") until the text fits."""
    candidates = [text]
    while len(candidates[-1]) > 4:
        candidates.append(candidates[-1][:-2].rstrip(strip) + ELLIPSIS)
    return candidates[min(_first_fitting(candidates, fits), len(candidates) - 1)]


def _cut(text: str, fits: Callable[[str], bool]) -> str:
    return _shorter(text, fits, ELLIPSIS + " ,;")


def distinct_labels(titles: Sequence[str], fits: Callable[[str], bool]) -> list[str]:
    """Each title as it fits (``fits(text)`` says whether a text fits the column): cut at the
    end when that still tells it apart, else keeping the part that tells it apart from the
    most similar other title."""
    cut = [_cut(text, fits) for text in titles]
    count = Counter(cut)
    # The longest beginning a title shares with any other title is the one it shares with
    # a neighbour in sorted order: one sort instead of comparing every pair (quadratic:
    # seconds on the GUI thread for a plan of a few hundred servers).
    ordered = sorted(set(titles))
    place = {text: k for k, text in enumerate(ordered)}
    result = []
    for i, text in enumerate(titles):
        if fits(text) or count[cut[i]] == 1:
            result.append(cut[i])
            continue
        k = place[text]
        neighbours = ordered[max(k - 1, 0):k] + ordered[k + 1:k + 2]
        shared = max((_common_prefix(text, other) for other in neighbours), default=0)
        result.append(_shorten(text, shared, fits))
    return result
