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

The same rule serves a currency word several countries share: an entry with ``replaces`` turns
that currency into the local one on a page with its cues ("rials" are Iranian, IRR, but Omani,
OMR, on a page that names Oman or Muscat), unless the claim names the country ("Iranian rials").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Mapping

# A dollar amount that names no country: "$" not glued after letters ("US$", "A$") and not
# followed by a country's letters ("$US", "$A"); "cents"/"c"/"dollars" with no "US"/"U.S." before.
_BARE_DOLLAR = re.compile(r"(?<![A-Za-z.])\$(?![A-Z])")
_COUNTRY_BEFORE = re.compile(r"\b(?:US|U\.S\.|American|Australian|Singapore|NZ|Canadian|HK)\b|\bUS\d", re.IGNORECASE)
_NAMED_COUNTRY = re.compile(r"[A-Z][a-z]+\s+[a-z]+\s*$")  # "Iranian rials": the currency's country named
_DOLLAR_WORDS = re.compile(r"\d\s*(?:c|cents?|dollars?)\b|\bcents?\b|\bdollars?\b", re.IGNORECASE)


@dataclass(frozen=True)
class LocalDollarRules:
    """units.yaml ``local_dollars``: for each currency, the outlet endings and the cues in the text."""

    sources: Mapping[str, tuple[str, ...]]   # code -> outlet endings (".com.au")
    cues: Mapping[str, tuple[str, ...]]      # code -> its cues, found as whole words
    replaces: Mapping[str, str]              # code -> the currency it stands for on its pages (USD for "$")


def compile_rules(table: Mapping[str, tuple[tuple[str, ...], tuple[str, ...]]],
                  replaces: Mapping[str, str] | None = None) -> LocalDollarRules:
    """(sources, cues) per currency code, and the currency each replaces (default USD) -> the
    record the extractor uses (patterns built once)."""
    sources = {code: tuple(s.lower() for s in srcs) for code, (srcs, _) in table.items()}
    cues = {code: tuple(cue) for code, (_, cue) in table.items() if cue}
    return LocalDollarRules(sources, cues, {code: (replaces or {}).get(code, "USD") for code in table})


def _mentions(view: str, cue: str) -> bool:
    """Is CUE in VIEW as a whole word ("ASX", not "ASXL"; "A$" before digits)? A substring search
    first (a regex of the alternatives at every position cost 40% of extraction on real news)."""
    at = view.find(cue)
    while at >= 0:
        before = view[at - 1] if at > 0 else " "
        end = at + len(cue)
        after = view[end] if end < len(view) else " "
        if not (before.isalnum() or before in "_$") and not (after.isascii() and after.isalpha()):
            return True
        at = view.find(cue, at + 1)
    return False


def article_dollar(rules: LocalDollarRules, view: str, source: str | None) -> dict[str, str]:
    """The local currencies of an article: replaced code -> local code ({"USD": "AUD"}); a
    currency whose page cues two local ones ("ASX" and "SGX") is left out."""
    outlet = (source or "").lower()
    found = {code for code, ends in rules.sources.items() if outlet and any(outlet.endswith(e) for e in ends)}
    found |= {code for code, cues in rules.cues.items() if any(_mentions(view, cue) for cue in cues)}
    by_replaced: dict[str, list[str]] = {}
    for code in sorted(found):
        by_replaced.setdefault(rules.replaces[code], []).append(code)
    return {replaced: codes[0] for replaced, codes in by_replaced.items() if len(codes) == 1}


def localized(unit: str, text: str, locals_: Mapping[str, str]) -> str:
    """A claim's unit with the article's local currencies applied: USD written as a bare dollar
    ("$45.12", "60 cents", "75c") becomes the local dollar; a replaced currency named by its word
    alone ("3.5 rials") the local one; anything else is returned as it is."""
    local = locals_.get(unit) if locals_ else None
    if local is None:
        return unit
    if unit != "USD":
        return unit if _NAMED_COUNTRY.search(text) else local
    if _COUNTRY_BEFORE.search(text):
        return unit
    if _BARE_DOLLAR.search(text) or _DOLLAR_WORDS.search(text):
        return local
    return unit
