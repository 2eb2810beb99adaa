"""Reading release names such as "Exchange Server 2019 CU14 Oct25SU" or "SE RTM".

Used by :mod:`planner.core.builds`; kept apart because names and numbers are different
grammars. A text that does not start like a product name returns None, so the caller can try
the numeric notations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from planner.core.errors import InputError

__all__ = ["BuildParseError", "NameQuery", "parse_name"]


class BuildParseError(InputError):
    """The text is not an Exchange build or release name the planner understands."""


@dataclass(frozen=True)
class NameQuery:
    """A product and a normalised release, e.g. ("2019", "CU14 Oct25SU"); release may be ""."""

    product: str
    release: str


_PRODUCT = re.compile(
    r"""^(?:microsoft\s*)?(?:ms\s*)?(?:exchange|ex|e)?\s*(?:server\s*)?
        (?P<product>2013|2016|2019|se\b|subscription\s+edition)\s*(?:\((?:se)\)\s*)?
        (?P<rest>.*)$""",
    re.IGNORECASE | re.VERBOSE,
)
_CU = re.compile(
    r"^(?:(?P<rtm>rtm)|(?P<preview>preview)|(?P<sp>sp\s*1|service\s+pack\s+1)|"
    r"(?:cu|cumulative\s+update|kumulatives\s+update)\s*(?P<cu>\d{1,2}))\b\s*",
    re.IGNORECASE,
)
_UPDATE = re.compile(
    r"^(?P<month>[a-z]{3})\s*(?P<year>\d{2})\s*(?P<kind>su|hu)\s*(?P<version>v\d)?$",
    re.IGNORECASE,
)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _product(token: str) -> str:
    token = token.casefold()
    return (
        "SE"
        if token in ("se", "subscription edition") or token.startswith("subscription")
        else token
    )


def _update_label(text: str, original: str) -> str:
    """Normalise "oct 25 su" / "Nov24SUv2" to the table's spelling ("Oct25SU", "Nov24SUv2")."""
    match = _UPDATE.match(text)
    if not match or match["month"].casefold() not in _MONTHS:
        raise BuildParseError(
            f"{original!r}: cannot read the update {text!r} (expected e.g. Oct25SU)"
        )
    version = (match["version"] or "").lower()
    return f"{match['month'].capitalize()}{match['year']}{match['kind'].upper()}{version}"


def parse_name(text: str) -> NameQuery | None:
    """A product/release name as a query; None when the text is not a name at all."""
    cleaned = " ".join(text.strip().strip("\"'").replace("-", " ").replace("_", " ").split())
    match = _PRODUCT.match(cleaned)
    if not match:
        return None
    product = _product(" ".join(match["product"].split()))
    rest = match["rest"].strip(" ,;")
    if not rest:
        return NameQuery(product, "")
    cu_match = _CU.match(rest)
    if not cu_match:
        if re.match(r"^\d", rest):  # e.g. "2019.5": a number, not a name
            return None
        raise BuildParseError(
            f"{text!r}: cannot read the release {rest!r} (expected e.g. CU14 or RTM)"
        )
    cu = ("RTM" if cu_match["rtm"] else "Preview" if cu_match["preview"]
          else "SP1" if cu_match["sp"] else f"CU{int(cu_match['cu'])}")
    tail = rest[cu_match.end() :].strip(" ,;")
    if not tail:
        return NameQuery(product, cu)
    return NameQuery(product, f"{cu} {_update_label(tail, text)}")
