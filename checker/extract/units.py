"""Units: the currency symbol before a number, the unit written after it (currency words,
percent, subunits, measures), and the steps that read the unit of a claim: the unit after the
number, the currency and the unit's factor, a unit named before the number ("aged 42", "a
magnitude of 4.4"), poll points, a filler word before the unit ("three more years"), a "+"/"-odd"
suffix, "hundreds of years", feet and inches, "and a half", fractions."""

from __future__ import annotations

from ..numbers import HYPHENS, NumberPhrase, Token
from .draft import Draft, SentenceContext
from .lexicon import Lexicon


def currency_before(lx: Lexicon, tokens: list[Token], i: int) -> tuple[str | None, int]:
    """'$', 'US$', '€', 'Rs', 'USD' just before token i."""
    if i == 0 or tokens[i - 1].text not in lx.symbol_ends:
        return None, i
    last = tokens[i - 1].text
    # the glued tokens joined below end with ``last``: only a symbol ending with it can match
    candidates = lx.symbols_ending[last]
    for sym in candidates:
        # join the glued tokens ending at i-1 and compare
        k = i - 1
        text = tokens[k].text
        while len(text) < len(sym) and k > 0 and tokens[k].glued:
            k -= 1
            text = tokens[k].text + text
        if text == sym:
            code = lx.rules.units.currency_symbols[sym]
            # a code or "Rs" must stand apart from a preceding word
            return code, k
        if k > 0 and text == "$" and not tokens[k].glued and tokens[k - 1].kind == "word" \
                and len(tokens[k - 1].text) >= 2 and tokens[k - 1].text.isupper() \
                and tokens[k - 1].text + text == sym:
            # "US $5", "NT $18": a country prefix set apart from its dollar sign (not "A $5
            # fine", where the one letter is an article)
            return lx.rules.units.currency_symbols[sym], k - 1
    return None, i


def weak_symbol(lx: Lexicon, tokens: list[Token], i: int, phrase: NumberPhrase) -> bool:
    """'R5,000', 'R120m', 'N25.50': a one-letter currency symbol (units.yaml weak_symbols),
    trusted only on an amount written with a separator, decimals or a scale ("R8" stays a name)."""
    if i == 0 or tokens[i - 1].text not in lx.rules.units.weak_currency_symbols or not tokens[i].glued:
        return False
    if i > 1 and tokens[i - 1].glued:
        return False
    text = tokens[i].text
    return "," in text or "." in text or phrase.scaled


def match_phrase(lx: Lexicon, tokens: list[Token], j: int, table: dict, max_len: int, exact: bool = False):
    """Longest phrase of ``table`` starting at token j (words and glued symbols)."""
    n = len(tokens)
    if j >= n or (tokens[j].text if exact else tokens[j].lower) not in lx.firsts[(id(table), exact)]:
        return None, j
    window = tokens[j:j + min(max_len, n - j)]
    texts = [t.text for t in window]
    keys = texts if exact else [t.lower for t in window]
    # the first ``glued`` tokens of the window are glued together (no space between them)
    glued = 1
    while glued < len(window) and window[glued].glued:
        glued += 1
    for size in range(len(window), 0, -1):
        key = tuple(keys[:size])
        if key in table:
            return table[key], j + size
        # "km/h", "°C": symbols glued into one spelling
        if size <= glued:
            joined = "".join(texts[:size])
            jk = (joined,) if exact else (joined.lower(),)
            if jk in table:
                return table[jk], j + size
    return None, j


def _money_at(lx: Lexicon, tokens: list[Token], j: int, phrase: NumberPhrase | None, currency: str | None,
              in_tables: bool) -> tuple[str | None, int, float] | None:
    """A currency word or code right after the number at token j ("300 euros", "5 USD", "300
    pounds": money, or a weight away from money), or None."""
    r = lx.rules
    t = tokens[j]
    if in_tables:
        code, end = match_phrase(lx, tokens, j, r.units.currency_words, lx.cur_word_max)
        if code:
            return code, end, 1.0
    if t.kind == "word" and t.text in r.units.currency_symbols and t.text.isupper() and len(t.text) == 3:
        return r.units.currency_symbols[t.text], j + 1, 1.0
    if t.kind == "word" and t.lower in r.units.ambiguous_currency_words:
        cur, other = r.units.ambiguous_currency_words[t.lower]
        scaled = phrase is not None and phrase.scaled
        start = phrase.i if phrase is not None else j
        money_near = any(tok.lower in r.units.money_context for tok in tokens[max(0, start - 6):j + 4])
        return (cur if scaled or currency or money_near else other), j + 1, 1.0
    return None


def spaced_unit_plausible(lx: Lexicon, tokens: list[Token], k: int, end: int) -> bool:
    """A short unit standing apart from its number is a unit ("2.5 t of CO2", "46 L of water", "181
    m high", "13.5 nm, in") when units.yaml lists it in ``spaced_when_plausible`` and what follows it
    ends the measure: the end of the sentence, a symbol, or a word of ``measure_enders``."""
    units = lx.rules.units
    if end != k + 1 or tokens[k].text not in units.spaced_units:
        return False
    if end >= len(tokens):
        return True
    after = tokens[end]
    return after.kind == "sym" and after.text not in ("-", "/", "&", "'", "’") or after.lower in units.measure_enders


def _measure_at(lx: Lexicon, tokens: list[Token], j: int, k: int) -> tuple[str | None, int, float]:
    """A subunit ("27 cents"), percent word or measure starting at token k (j when none)."""
    r = lx.rules
    glued = tokens[k].glued
    sub, end = match_phrase(lx, tokens, k, r.units.subunits, lx.measure_max)
    if sub and end == k + 1 and (tokens[k].text,) in r.units.measure_words_exact:
        sub = None  # a measure spelled in this case wins over a subunit matched in any case: "38C" is Celsius, "75c" cents
    if sub and (len(tokens[k].text) > 2 or glued or tokens[k].text not in r.units.glued_only_units
                or spaced_unit_plausible(lx, tokens, k, end)):
        unit, factor = sub
        return unit, end, factor
    best, best_end = None, j
    for table, exact in ((r.units.percent_words, False), (r.units.measure_words_exact, True), (r.units.measure_words, False)):
        unit, end = match_phrase(lx, tokens, k, table, lx.measure_max, exact=exact)
        if unit and end > best_end:  # the longest spelling wins: "km/h" over "km"
            spelled = "".join(tok.text for tok in tokens[k:end])
            if spelled in r.units.glued_only_units and not glued and not spaced_unit_plausible(lx, tokens, k, end):
                continue
            best, best_end = unit, end
    if best is not None:
        return best, best_end, 1.0
    return None, j, 1.0


def unit_after(lx: Lexicon, tokens: list[Token], j: int, phrase: NumberPhrase | None,
               currency: str | None) -> tuple[str | None, int, float]:
    """Unit written after the number at token j: currency words, percent, subunits ("27 cents",
    "25 basis points"), measures. Returns (unit, index after it, factor to apply)."""
    r = lx.rules
    n = len(tokens)
    if j >= n:
        return None, j, 1.0
    t = tokens[j]
    if t.text == "%":
        return "percent", j + 1, 1.0
    # "12-kilometre", "7.1-magnitude", "five-year": a unit glued by a hyphen
    k = j
    if t.text in HYPHENS and t.glued and j + 1 < n and tokens[j + 1].glued and tokens[j + 1].kind == "word":
        k = j + 1
    # no phrase of the unit tables starts at k unless its first token does
    in_tables = tokens[k].lower in lx.unit_firsts or tokens[k].text in lx.unit_firsts_exact
    if k == j:
        money = _money_at(lx, tokens, j, phrase, currency, in_tables)
        if money is not None:
            return money
    elif tokens[k].lower in r.units.ambiguous_currency_words:
        return r.units.ambiguous_currency_words[tokens[k].lower][1], k + 1, 1.0  # "a 300-pound lineman"
    if not in_tables:
        return None, j, 1.0
    return _measure_at(lx, tokens, j, k)


def amount_follows(lx: Lexicon, tokens: list[Token], phrase: NumberPhrase) -> bool:
    """The number is money or a share: a big scale ("3.2 million"), "%" or a currency word after it."""
    if phrase.scaled and not phrase.ambiguous_scale:
        return True
    j = phrase.j
    if j >= len(tokens):
        return False
    if tokens[j].text == "%":
        return True
    unit, _, _ = unit_after(lx, tokens, j, phrase, None)
    return unit in lx.money or unit in ("percent", "percentage_point")


# ------------------------------------------------------------------ steps
def unit(lx: Lexicon, ctx: SentenceContext, d: Draft) -> None:
    d.unit, d.after_unit, d.factor = unit_after(lx, ctx.tokens, d.end_tok, d.phrase, d.currency)
    return None


def currency_and_factor(lx: Lexicon, ctx: SentenceContext, d: Draft) -> None:
    """The currency before the number is the unit (its currency word after it is part of the
    claim: "US$5 billion dollars"); the unit's factor applies to the amount."""
    if d.currency is not None:
        if d.unit in lx.money:
            d.end_tok = d.after_unit
        d.unit = d.currency
    elif d.unit is not None:
        d.end_tok = d.after_unit
    factor = d.factor
    if factor != 1.0:
        d.low, d.high = round(d.low * factor, 9), round(d.high * factor, 9)
        d.value = round(d.value * factor, 9) if d.value is not None else None
        d.resolution *= factor
    return None


def unit_before(lx: Lexicon, ctx: SentenceContext, d: Draft) -> None:
    """Ages and measures named before the number: "aged 42", "a magnitude of 4.4"; poll points."""
    r, tokens, start_tok, prev_word = lx.rules, ctx.tokens, d.start_tok, d.prev_word
    if d.unit is None and prev_word in r.units.measures_before:
        d.unit = r.units.measures_before[prev_word]
    elif d.unit is None and (prev_word == "of" or prev_word in r.qualifiers.range_openers and d.kind == "range") \
            and start_tok > 1 and tokens[start_tok - 2].lower in r.units.measures_before:
        d.unit = r.units.measures_before[tokens[start_tok - 2].lower]  # "a magnitude of 4.4", "aged between 17 and 45"
    end_tok = d.end_tok
    if d.unit is None and end_tok < d.n and tokens[end_tok].lower in ("point", "points") \
            and any(t.lower in r.grammar.poll_words for t in tokens):
        d.unit, d.end_tok = "percentage_point", end_tok + 1  # "leads by 4 points in the poll"
    return None


def unit_after_filler(lx: Lexicon, ctx: SentenceContext, d: Draft) -> None:
    """"three more years", "five straight days": a filler word between number and unit."""
    tokens, end_tok = ctx.tokens, d.end_tok
    if d.unit is None and end_tok + 1 < d.n and tokens[end_tok].lower in lx.rules.grammar.unit_fillers:
        filled, after_fill, fill_factor = unit_after(lx, tokens, end_tok + 1, d.phrase, d.currency)
        _take_measure(lx, d, filled, after_fill, fill_factor)
    return None


def _take_measure(lx: Lexicon, d: Draft, unit: str | None, end_tok: int, factor: float) -> None:
    """A unit found after a filler or a suffix, if it is a measure (money is read elsewhere): the
    draft takes it, its end and its factor to the base unit."""
    if unit is not None and unit not in lx.money:
        d.unit, d.end_tok, d.factor = unit, end_tok, factor
        if d.factor != 1.0:
            d.scale(d.factor)


def suffix(lx: Lexicon, ctx: SentenceContext, d: Draft) -> None:
    """"400+ followers", "4-plus hours", "30-odd years" (a qualifier before it wins: "some 40-odd
    people"); the unit may follow the suffix."""
    tokens, end_tok, n = ctx.tokens, d.end_tok, d.n
    if not (end_tok < n and tokens[end_tok].glued and (
            tokens[end_tok].text == "+" or end_tok + 1 < n and tokens[end_tok].text in HYPHENS
            and tokens[end_tok + 1].glued and tokens[end_tok + 1].lower in ("plus", "odd"))):
        return None
    word = tokens[end_tok].text if tokens[end_tok].text == "+" else tokens[end_tok + 1].lower
    d.qualifier = d.qualifier or ("~" if word == "odd" else ">=")
    end_tok = d.end_tok = end_tok + (1 if word == "+" else 2)
    after, after_end, after_factor = unit_after(lx, tokens, end_tok, d.phrase, d.currency) \
        if d.unit is None else (None, end_tok, 1.0)
    _take_measure(lx, d, after, after_end, after_factor)
    return None


def unit_of(lx: Lexicon, ctx: SentenceContext, d: Draft) -> None:
    """"hundreds of years", "thousands of dollars", "two-tenths of a mile"."""
    tokens, end_tok, n, kind = ctx.tokens, d.end_tok, d.n, d.kind
    if not (d.unit is None and kind in ("vague", "fraction") and end_tok + 1 < n and tokens[end_tok].lower == "of"):
        return None
    k_of = end_tok + 1
    if k_of < n and tokens[k_of].lower in ("a", "an") and kind == "fraction":
        k_of += 1
    of_unit, after_of, of_factor = unit_after(lx, tokens, k_of, d.phrase, None)
    if of_unit is not None and (of_unit not in ("percent", "percentage_point") or k_of > end_tok + 1):
        d.unit, d.end_tok = of_unit, after_of
        d.scale(of_factor)
        d.kind = "vague" if kind == "vague" else "cardinal"
    return None


def feet_and_inches(lx: Lexicon, ctx: SentenceContext, d: Draft) -> None:
    tokens, start_tok, value = ctx.tokens, d.start_tok, d.value
    if d.unit is None and start_tok >= 2 and tokens[start_tok - 1].text in HYPHENS and d.tok.glued \
            and tokens[start_tok - 1].glued and tokens[start_tok - 2].lower in ("foot", "feet", "ft") \
            and value is not None and 0 <= value < 12:
        d.unit = "inch"  # "the 6-foot-11 forward": six feet and eleven inches
    return None


def and_a_half(lx: Lexicon, ctx: SentenceContext, d: Draft) -> None:
    """"a mile and a half", "two hours and a half"."""
    tokens, end_tok, value = ctx.tokens, d.end_tok, d.value
    if d.unit is not None and d.factor == 1.0 and value is not None and float(value).is_integer() \
            and end_tok + 2 < d.n and [t.lower for t in tokens[end_tok:end_tok + 3]] == ["and", "a", "half"]:
        d.value = value + 0.5
        d.low, d.high = d.value, d.value
        d.end_tok = end_tok + 3
    return None


def fraction_unit(lx: Lexicon, ctx: SentenceContext, d: Draft) -> None:
    if d.phrase.kind == "fraction" and d.unit is None:
        d.unit = "fraction"
    elif d.unit is None and d.tok.kind == "num" and d.tok.text.startswith(".") and not d.phrase.scaled:
        d.unit = "fraction"  # "hit .358", "a record of 284-286 (.498)": an average written as a decimal
    return None


def currency_subject(lx: Lexicon, ctx: SentenceContext, d: Draft) -> None:
    """"the yen weakened past 151", "the naira fell to 1,530 per dollar", "the rupee ended at
    83.47": a bare number whose subject is a currency is that currency's exchange rate."""
    if d.unit is None and d.subject and d.currency is None:
        code = lx.rules.units.currency_words.get(tuple(d.entity.split()))
        if code is not None:
            d.unit = code
    return None
