"""The local dollar: on an Australian or Singapore page a bare "$" (and "cents", "75c") is the
page's own dollar, not the US dollar. Decided once per article from its own cues, never from one
sentence's wording:

- the outlet (metadata or the source factcheck found): a web address or name ending as one of the
  currency's ``sources`` in units.yaml (".com.au", ".sg");
- the text: a mention of one of the currency's ``cues`` (its exchange, its central bank and
  regulators, its prefixed dollar such as "A$" or "S$", its cities), written as listed (case
  counts: "ASX", "RBA", "HDB").

When the cues of exactly one local dollar are found, the article's bare-dollar amounts take that
currency: claims whose unit is USD and whose text writes the dollar without a country ("$45.12",
"$1.57b", "60 cents", "75c", "5 dollars"), never "US$5", "$US850m", "US65.84c" or "5 US dollars".
With no cue, or cues of two local dollars, "$" stays USD.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Mapping

# A dollar amount that names no country: "$" not glued after letters ("US$", "A$") and not
# followed by a country's letters ("$US", "$A"); "cents"/"c"/"dollars" with no "US"/"U.S." before.
_BARE_DOLLAR = re.compile(r"(?<![A-Za-z.])\$(?![A-Z])")
_COUNTRY_BEFORE = re.compile(r"\b(?:US|U\.S\.|American|Australian|Singapore|NZ|Canadian|HK)\b|\bUS\d", re.IGNORECASE)
_DOLLAR_WORDS = re.compile(r"\d\s*(?:c|cents?|dollars?)\b|\bcents?\b|\bdollars?\b", re.IGNORECASE)


@dataclass(frozen=True)
class LocalDollarRules:
    """units.yaml ``local_dollars``: for each currency, the outlet endings and the cues in the text."""

    sources: Mapping[str, tuple[str, ...]]   # code -> outlet endings (".com.au")
    cues: Mapping[str, re.Pattern]           # code -> one pattern of its cues, as whole words


def compile_rules(table: Mapping[str, tuple[tuple[str, ...], tuple[str, ...]]]) -> LocalDollarRules:
    """(sources, cues) per currency code -> the record the extractor uses (patterns built once)."""
    sources = {code: tuple(s.lower() for s in srcs) for code, (srcs, _) in table.items()}
    cues = {code: re.compile("|".join(rf"(?<![\w$]){re.escape(c)}(?![A-Za-z])" for c in sorted(cue, key=len, reverse=True)))
            for code, (_, cue) in table.items() if cue}
    return LocalDollarRules(sources, cues)


def article_dollar(rules: LocalDollarRules, view: str, source: str | None) -> str | None:
    """The local dollar of an article (its ISO code), or None when "$" stays the US dollar."""
    outlet = (source or "").lower()
    found = {code for code, ends in rules.sources.items() if outlet and any(outlet.endswith(e) for e in ends)}
    found |= {code for code, pattern in rules.cues.items() if pattern.search(view)}
    return found.pop() if len(found) == 1 else None


def localized(unit: str, text: str, local: str | None) -> str:
    """A claim's unit with the article's local dollar applied: USD written as a bare dollar
    ("$45.12", "60 cents", "75c") becomes LOCAL; anything else is returned as it is."""
    if local is None or unit != "USD" or _COUNTRY_BEFORE.search(text):
        return unit
    if _BARE_DOLLAR.search(text) or _DOLLAR_WORDS.search(text):
        return local
    return unit
