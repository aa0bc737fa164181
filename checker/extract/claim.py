"""One number phrase -> a claim or a rejection, through the steps below, in this order. Each step
reads the sentence context and fills in the draft; it returns None to go on, a ``Claim`` when
the claim is complete (years, ages by decade; ``finish`` always), or a ``Rejection`` when the
number is no claim."""

from __future__ import annotations

from typing import Callable

from ..models import Claim
from ..numbers import NumberPhrase
from . import ages, bounds, counts, entity, multipliers, qualifiers, ranges, reject, scale, sign, units, years
from .draft import Draft, Rejection, SentenceContext
from .lexicon import Lexicon

Step = Callable[[Lexicon, SentenceContext, Draft], "Claim | Rejection | None"]

STEPS: tuple[Step, ...] = (
    reject.reject_names,               # names, codes, labels, streets: "G20", "page 5", "10 Downing Street"
    years.decade_or_spoken_year,       # "in her early 30s", "nineteen fifty-three"
    reject.reject_per,                 # "per 100,000 people"
    years.year,                        # "in 2004", "the 2022 season"
    sign.sign_and_currency,            # "-3.2%", "minus 5", "$5", "US $5", "R5,000"
    qualifiers.qualifier_first,        # "more than 800" (not "over two defenders")
    scale.ambiguous_scale,             # "80m": metres unless money is involved
    units.unit,                        # "5%", "27 cents", "12 km"
    ranges.range_step,                 # "between 5 and 7", "5-7%"
    units.currency_and_factor,         # the currency is the unit; the unit's factor applies
    reject.reject_calibre_and_level,   # "155mm artillery rounds", "95% CI"
    units.unit_before,                 # "aged 42", "a magnitude of 4.4", "4 points in the poll"
    units.unit_after_filler,           # "three more years"
    units.suffix,                      # "400+ followers", "30-odd years"
    units.unit_of,                     # "hundreds of years", "two-tenths of a mile"
    units.feet_and_inches,             # "6-foot-11"
    qualifiers.period_not_bound,       # "repaid over 25 years"
    units.and_a_half,                  # "a mile and a half"
    ages.age,                          # "a 58-year-old", "John Smith, 42,"
    qualifiers.qualifier_last,         # "in the $75 million range", "800 or more", "55 or older"
    multipliers.multiplier,            # "30-fold", "eight times larger"; "stabbed 17 times"
    entity.counted,                    # "83 foreign companies", "thousands of soldiers", "$2 million in damages"
    entity.share_of,                   # "52% of voters"
    entity.ones,                       # "41 high-level ones"
    units.fraction_unit,               # "a third", "hit .358"
    entity.statistic,                  # "n=9,412"
    entity.subject,                    # "the death toll rose to 24", "that number is 82"
    units.currency_subject,            # "the yen weakened past 151": an exchange rate
    counts.count_unit,                 # count, or a quake's magnitude
    ages.age_bound,                    # "children under 16"
    counts.reject_counts,              # "a record of 9-14", pronoun "one", bare debris
    counts.count_neighbours,           # "two 16-year-olds", "27 737 MAX jets", "aged 4, 7 and 9", "and two dozen"
    bounds.finish,                     # the interval, the span, the change
)


def read_claim(lx: Lexicon, ctx: SentenceContext, phrase: NumberPhrase) -> Claim | Rejection:
    """The claim of the number phrase the grammar found at ``phrase.i``, or why it is none."""
    d = Draft(phrase=phrase, i=phrase.i, j=phrase.j, tok=ctx.tokens[phrase.i], n=len(ctx.tokens),
              start_tok=phrase.i, end_tok=phrase.j)
    for step in STEPS:
        out = step(lx, ctx, d)
        if out is not None:
            return out
    raise AssertionError("the last step always returns a claim")
