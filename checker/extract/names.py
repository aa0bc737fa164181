"""Numbers inside names, codes and labels, which are no amounts: "Army-2023", "COVID-19", "G20",
"Boeing 737", "Section 427", "5G", "S&P 500", golf scores, share splits, versions, docket numbers,
phone numbers, betting odds, street numbers."""

from __future__ import annotations

from ..numbers import HYPHENS, NumberPhrase, Token
from .lexicon import Lexicon
from .tokens import capitals_at, is_plural, statistic_before, title_case
from .units import amount_follows, currency_before, weak_symbol


def golf_or_split(tokens: list[Token], i: int) -> bool:
    """Golf scores ("8-under 63", "15 under par", "a 4-under-par 68") and share splits
    ("a 10-for-1 stock split"): numbers that are no amount of anything."""
    n = len(tokens)

    def word(k: int) -> str:
        return tokens[k].lower if 0 <= k < n else ""

    def skip_hyphen(k: int) -> int:
        return k + 1 if k < n and tokens[k].text in HYPHENS and tokens[k].glued else k

    k = skip_hyphen(i + 1)
    if word(k) in ("under", "over") and (k > i + 1 or word(skip_hyphen(k + 1)) == "par"):
        return True  # "8-under", "15 under par"
    if word(i - 1) == "par" or (word(i - 1) in ("under", "over") and i > 2
                                 and tokens[i - 2].text in HYPHENS and tokens[i - 3].kind == "num"):
        return True  # the round's score after "4-under-par 68", "8-under 63"
    # "a 10-for-1 stock split": both numbers
    if word(i + 1) in HYPHENS and word(i + 2) == "for" and i + 4 < n and tokens[i + 4].kind == "num":
        after = [word(i + 5), word(i + 6)]
    elif word(i - 1) in HYPHENS and word(i - 2) == "for" and i > 3 and tokens[i - 4].kind == "num":
        after = [word(i + 1), word(i + 2)]
    else:
        return False
    return "split" in after


# How far back a list of labelled numbers is followed ("versions 6, 7, 8 and 9" is 7 tokens): a
# bound, so that "1,1,1,..." costs a constant per number instead of the length of the list.
LABEL_LIST_TOKENS = 40


def after_label(lx: Lexicon, tokens: list[Token], i: int) -> bool:
    """Token i follows a label word ("page 5", "Section 427"), directly or through a list or a
    range of numbers ("versions 6, 7, 8 and 9", "pages 212 to 219") of at most LABEL_LIST_TOKENS."""
    r = lx.rules
    k = i - 1
    first = max(0, i - LABEL_LIST_TOKENS)
    n = len(tokens)
    # a range of labels ("pages 212 to 219", "pages 5-9"), unless a noun follows the second
    # number ("from page 5 to 12 people")
    counted = i + 1 < n and tokens[i + 1].kind == "word" and tokens[i + 1].lower not in r.grammar.stop_words
    while k > first and (tokens[k].text == "," or tokens[k].lower in ("and", "or", "&")
                     or not counted and (tokens[k].lower in ("to", "through")
                                         or tokens[k].text in HYPHENS and tokens[k].glued and tokens[i].glued)) \
            and (tokens[k - 1].kind == "num" or tokens[k - 1].text == ","):
        k -= 1
        while k > first and tokens[k].kind == "num":
            k -= 1
    prev = tokens[k]
    return prev.kind == "word" and prev.lower in r.grammar.label_words and not prev.text.isupper() \
        and prev.lower not in lx.qualifier_words \
        and (tokens[i].kind == "num" or k == i - 1)


def code_after(lx: Lexicon, tokens: list[Token], j: int) -> bool:
    """A legal code's abbreviation starts at token j ("U.S.C.", "USC", "CFR"; rules/grammar.yaml
    code_abbreviations), dots left out."""
    letters = ""
    k = j
    while k < len(tokens) and len(letters) < 6 and (k == j or tokens[k].glued) \
            and (tokens[k].kind == "word" and tokens[k].text.isupper() or tokens[k].text == "."):
        letters += tokens[k].text if tokens[k].text != "." else ""
        k += 1
    return letters.lower() in lx.rules.grammar.code_abbreviations if letters else False


def in_designation(tokens: list[Token], i: int) -> bool:
    """Token i is a number of 'N-in-M-<word>' ("a 1-in-100-year flood")."""
    n = len(tokens)
    if not (i + 1 < n and tokens[i + 1].text in HYPHENS):
        return False  # both numbers of the pattern have a hyphen right after them

    def hyphen(k):
        return 0 <= k < n and tokens[k].text in HYPHENS and tokens[k].glued

    def is_in(k):
        return 0 <= k < n and tokens[k].lower == "in" and tokens[k].glued

    if i + 4 < n and hyphen(i + 1) and is_in(i + 2) and hyphen(i + 3) and tokens[i + 4].glued \
            and hyphen(i + 5):
        return True
    return i >= 4 and hyphen(i - 1) and is_in(i - 2) and hyphen(i - 3) and tokens[i].glued \
        and tokens[i - 4].kind in ("num", "word") and hyphen(i + 1)


def betting_odds(tokens: list[Token], i: int) -> bool:
    """Token i is a number of 'N/M' or 'N-M' right after "odds" (or "odds of", "odds at")."""
    n = len(tokens)
    if i + 2 < n and tokens[i + 1].text in ("/", "-") and tokens[i + 2].kind == "num":
        first = i
    elif i >= 2 and tokens[i - 1].text in ("/", "-") and tokens[i - 2].kind == "num":
        first = i - 2
    else:
        return False
    k = first - 1
    if k >= 0 and tokens[k].lower in ("of", "at"):
        k -= 1
    return k >= 0 and tokens[k].lower == "odds"


def _label_or_word(lx: Lexicon, tokens: list[Token], i: int, phrase: NumberPhrase) -> bool | None:
    """After a label ("page 5"), or a number word: True/False when that settles it, else None."""
    r = lx.rules
    tok = tokens[i]
    n = len(tokens)
    if i > 0 and after_label(lx, tokens, i) and not (
            tok.kind == "word" and phrase.j < n and tokens[phrase.j].kind == "word"
            and is_plural(tokens[phrase.j].lower) and tokens[i - 1].lower not in r.grammar.rank_words):
        # "page twenty", "number 12", "versions 6, 7, 8 and 9"; but a number word that counts
        # a plural noun is an amount ("ending his season two games short of the finale"),
        # unless a rank word makes it a rank ("the school's top four scorers")
        return True
    if tok.kind != "num":
        # "a two-seeded team", "a four-pointer": a number word glued to a designation
        return phrase.j + 1 < n and tokens[phrase.j].text in HYPHENS and tokens[phrase.j].glued \
            and tokens[phrase.j + 1].glued and tokens[phrase.j + 1].lower in r.grammar.designation_words
    if i > 0 and statistic_before(lx, tokens, i):
        return False  # "95% CI 0.61 to 0.85", "HR 0.77": a statistic's value, not a code
    return None


def _designation_after(lx: Lexicon, tokens: list[Token], i: int, phrase: NumberPhrase) -> bool:
    """"877-LAPD", "an 8-K filing", "a .38-caliber revolver", "32-bit"; "1B Mark Teixeira", "3M"."""
    r = lx.rules
    n = len(tokens)
    j = phrase.j
    if j + 1 < n and tokens[j].text in HYPHENS and tokens[j].glued and tokens[j + 1].glued \
            and tokens[j + 1].kind == "word":
        after = tokens[j + 1]
        if after.text.isupper() and (len(after.text) > 1 or j + 2 >= n or not tokens[j + 2].glued) \
                or after.lower in r.grammar.designation_words:
            return True
    if phrase.ambiguous_scale and tokens[j - 1].text.isupper() and tokens[j - 1].glued and tokens[i].text.isdigit():
        cur, _ = currency_before(lx, tokens, i)
        if cur is None:
            return True  # a code, not a billion
    return False


def _version_or_docket(lx: Lexicon, tokens: list[Token], i: int) -> bool:
    """"Firmware 3.2.1", "version 10.4.2": a version; "No. 23-cv-4417": a docket or file number
    (not "15-of-22", "6-foot-9")."""
    tok = tokens[i]
    n = len(tokens)
    if i + 2 < n and tokens[i + 1].text == "." and tokens[i + 1].glued and tokens[i + 2].glued \
            and tokens[i + 2].kind == "num" \
            or i >= 2 and tok.glued and tokens[i - 1].text == "." and tokens[i - 1].glued \
            and tokens[i - 2].kind == "num" and "." in tokens[i - 2].text:
        return True
    return i >= 4 and len(tok.text) >= 3 and tok.glued and tokens[i - 1].text in HYPHENS \
        and tokens[i - 1].glued and tokens[i - 2].kind == "word" and tokens[i - 2].glued \
        and len(tokens[i - 2].text) <= 3 and tokens[i - 2].lower not in lx.rules.grammar.stop_words \
        and tokens[i - 3].text in HYPHENS and tokens[i - 3].glued and tokens[i - 4].kind == "num"


def _code(lx: Lexicon, tokens: list[Token], i: int, phrase: NumberPhrase) -> bool:
    """A digit number that is part of a code, a designation, a score, odds or a version."""
    tok = tokens[i]
    if golf_or_split(tokens, i):
        return True
    if len(tok.text) > 1 and tok.text[0] == "0" and tok.text[1].isdigit():
        return True  # "0845 125 2222", "BEY 0843": codes and phone numbers, not amounts
    if _designation_after(lx, tokens, i, phrase):
        return True
    if in_designation(tokens, i):
        return True  # "a 1-in-100-year flood": a kind of flood, neither number an amount
    if betting_odds(tokens, i):
        return True  # "odds of 2/1", "at 5 / 2": betting odds, not amounts
    if _version_or_docket(lx, tokens, i):
        return True
    if phrase.j < len(tokens) and code_after(lx, tokens, phrase.j):
        return True  # "18 U.S.C. § 1343", "40 CFR 60": the title of a code
    prev = tokens[i - 1] if i > 0 else None
    # "27 737 MAX jets": a number between a count and a capitalized name is the model's
    return prev is not None and prev.kind == "num" and not tok.glued and not phrase.scaled \
        and capitals_at(tokens, phrase.j)


def _marked(lx: Lexicon, tokens: list[Token], i: int, phrase: NumberPhrase) -> bool:
    """A word, hyphen or sign glued or set right before: G20, MH17, "dial 999", Army-2023,
    "under-21", "No. 1", "#1", "§ 1343"."""
    r = lx.rules
    tok, prev = tokens[i], tokens[i - 1]
    n = len(tokens)
    if prev.kind == "word" and tok.glued and prev.text not in r.units.currency_symbols \
            and not weak_symbol(lx, tokens, i, phrase) and currency_before(lx, tokens, i)[0] is None:
        return True  # G20, MH17; not "EUR2.3bn", "Rp60.4 trillion", "R120m", "$US18.24", "$A9bn"
    if prev.lower in r.grammar.phone_words and phrase.j == i + 1 and not phrase.scaled and (
            phrase.j >= n or tokens[phrase.j].kind != "word" or tokens[phrase.j].lower in r.grammar.stop_words):
        return True  # "called 911 to report", "dial 999": a phone number
    if prev.text in HYPHENS and tok.glued and i > 1 and tokens[i - 2].kind in ("word", "num") and prev.glued:
        w = tokens[i - 2]
        if w.kind == "word" and (w.text[:1].isupper() or w.lower in r.grammar.label_words):
            return True  # Army-2023, COVID-19, F-35
        if w.kind == "word" and w.lower in ("under", "over"):
            return True  # "the under-21 side", "over-50s": an age group's name
    if prev.text == "." and i > 1 and tokens[i - 2].lower in ("no", "nos", "p", "pp", "vol", "art", "sec") \
            and tokens[i - 2].text[:1].isupper():
        return True  # No. 1
    return prev.text == "#" and tok.glued or prev.text in ("§", "¶")  # "#1", "§ 1343"


def _capitalized_before(lx: Lexicon, tokens: list[Token], i: int, phrase: NumberPhrase) -> bool:
    """A capitalized word right before: part of a name, unless the sentence starts there
    ("Another 20 people", "Those 12 jurors" start a sentence, not a name), the sentence is a
    headline in title case ("Company Cuts 1,200 Jobs"), or the number is an amount of money or a
    percentage ("fined Orange 3.2 million euros")."""
    r = lx.rules
    prev = tokens[i - 1]
    n = len(tokens)
    if not (prev.kind == "word" and prev.text[:1].isupper() and not tokens[i].glued):
        return False
    low = prev.lower
    if low in r.grammar.stop_words or low in r.grammar.calendar_words or low in lx.qualifier_ends \
            or prev.text in r.units.currency_symbols or low in r.qualifiers.change_words \
            or low in r.units.measures_before or low.endswith("'s") or low.endswith("’s") \
            or low in lx.grammar.number_words or low in r.entities.ignored_modifiers:
        return False
    at_start = i == 1 or (i > 1 and tokens[i - 2].text in ".:;\"“(")
    if prev.text.isupper() and len(prev.text) > 1:
        return True
    headline = title_case(tokens) and phrase.j < n and tokens[phrase.j].kind == "word"
    if not at_start and not headline and not amount_follows(lx, tokens, phrase):
        return True  # ("Creighton 65, Drake 5" stays a score line)
    measure_follows = phrase.j + 1 < n and tokens[phrase.j].text in HYPHENS \
        and tokens[phrase.j].glued and (tokens[phrase.j + 1].lower,) in r.units.measure_words
    # "Apollo 11 ..." is a name; "Exactly 40 ...", "Only 12 ...", "Benchmark 10-year yields ..." are not
    return at_start and low not in r.qualifiers.change_words and low not in r.grammar.number_adverbs and not measure_follows


def _capitals_before(lx: Lexicon, tokens: list[Token], i: int) -> bool:
    """"S&P 500", "NATO 5"; "iPhone 15", "PlayStation 5" (not "IBM's 10 percent share")."""
    r = lx.rules
    tok, prev = tokens[i], tokens[i - 1]
    if prev.text == "&" or (prev.kind == "word" and prev.text.isupper() and len(prev.text) >= 2 and not tok.glued
                            and prev.text not in r.units.currency_symbols and prev.lower not in lx.qualifier_ends):
        return True
    return prev.kind == "word" and not tok.glued and any(c.isupper() for c in prev.text[1:]) \
        and prev.text not in r.units.currency_symbols and not prev.lower.endswith(("'s", "’s"))


def _glued_letters(lx: Lexicon, tokens: list[Token], phrase: NumberPhrase) -> bool:
    """5G, 4K, 3D: letters glued after the number that are no unit, scale or suffix."""
    r = lx.rules
    nxt = tokens[phrase.j] if phrase.j < len(tokens) else None
    if nxt is None or not nxt.glued or nxt.kind != "word" or phrase.scaled:
        return False
    low = nxt.lower
    if nxt.text == "L" and "." not in tokens[phrase.j - 1].text:
        return True  # "Xeon E3-1260L": a model name; "5.0L" is an engine's volume
    known = (low in r.numbers.scale_abbreviations or (low,) in r.units.measure_words or (nxt.text,) in r.units.measure_words_exact
             or (low,) in r.units.percent_words or (low,) in r.units.subunits or (low,) in r.units.currency_words
             or low in ("st", "nd", "rd", "th", "s", "am", "pm") or nxt.text in r.units.count_units)
    return not known


def is_name_number(lx: Lexicon, tokens: list[Token], i: int, phrase: NumberPhrase) -> bool:
    """'Army-2023', 'COVID-19', 'G20', 'Boeing 737', 'Section 427', '5G', 'S&P 500'."""
    settled = _label_or_word(lx, tokens, i, phrase)
    if settled is not None:
        return settled
    if _code(lx, tokens, i, phrase):
        return True
    if i > 0:
        if _marked(lx, tokens, i, phrase):
            return True
        # (a word in lower case before the number is no name's: a cheap test first)
        prev = tokens[i - 1].text
        if (prev == "&" or not prev.islower()) and (
                _capitalized_before(lx, tokens, i, phrase) or _capitals_before(lx, tokens, i)):
            return True
    return phrase.j < len(tokens) and tokens[phrase.j].glued and _glued_letters(lx, tokens, phrase)


def is_street(lx: Lexicon, tokens: list[Token], j: int) -> bool:
    """'10 Downing Street', '325 E. Dahlia Ave.', '40 East 5th Ave.', 'the 3400 block of'."""
    n = len(tokens)
    if j + 1 < n and tokens[j].lower == "block" and tokens[j + 1].lower == "of":
        return True
    k = j
    words = 0
    while k < n and words < 4:
        t = tokens[k]
        if t.kind == "word" and t.text[:1].isupper():
            if t.lower in lx.rules.grammar.street_words and words >= 1:
                return True
            words += 1
        elif t.text == "." and k > j:
            pass
        elif t.kind == "num" and k + 1 < n and tokens[k + 1].lower in ("st", "nd", "rd", "th") and tokens[k + 1].glued:
            k += 1  # "5th Ave."
            words += 1
        else:
            return False
        k += 1
    return False
