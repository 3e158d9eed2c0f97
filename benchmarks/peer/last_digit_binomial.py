#!/usr/bin/python3
"""How far from uniform is the last digit of a binomial count? The threshold of LastC and C05s under Psephos's
conventions (org.psephos.forensics.LastDigitMean, ZeroFiveCounts) comes from this table.

For every n = 5..199 and 200..2999 (step 7) and p on a grid of 199 values in [0.005, 0.995], the exact
distribution of Binomial(n, p) mod 10 (scipy's pmf); grouped by the binomial sd sqrt(n p (1 - p)) in steps of 0.5,
the largest deviation over the group of the mean last digit from 4.5, of P(last digit is 0 or 5) from 0.2, and the
total variation distance from uniform. Then the same rule on whole simulated elections (pooled(), below).
Run: /usr/bin/python3 benchmarks/peer/last_digit_binomial.py (about 2 min).
"""
import warnings

warnings.simplefilter("ignore")
import numpy as np
from scipy.stats import binom
# exact last-digit distribution of Bin(n, p) for many (n, p); worst bias by binomial sd bucket
rows = []
for n in list(range(5, 200)) + list(range(200, 3000, 7)):
    for p in np.linspace(0.005, 0.995, 199):
        sd = np.sqrt(n * p * (1 - p))
        k = np.arange(n + 1)
        pmf = binom.pmf(k, n, p)
        d = k % 10
        dist = np.bincount(d, weights=pmf, minlength=10)
        mean_bias = abs((dist * np.arange(10)).sum() - 4.5)
        c05_bias = abs(dist[0] + dist[5] - 0.2)
        tv = 0.5 * abs(dist - 0.1).sum()
        rows.append((sd, mean_bias, c05_bias, tv))
rows = np.array(rows)
for lo in [0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5, 5.5, 6, 7, 8]:
    sel = (rows[:, 0] >= lo) & (rows[:, 0] < lo + 0.5)
    print("sd in [%.1f, %.1f): n=%6d  max|E d - 4.5| %.2e  max|P05 - .2| %.2e  max TV %.2e" % (
        lo, lo + .5, sel.sum(), rows[sel, 1].max(), rows[sel, 2].max(), rows[sel, 3].max()))


def pooled():
    """Second table: the rule on whole simulated elections. 2,000,000 stations of U{20..3000} registered voters,
    turnout N(0.6, 0.1), an option with support p ~ Beta(m k, (1 - m) k) per station (small parties are very
    heterogeneous: k = 2 or 20), counts ~ Binomial(ballots, p). For each threshold s, the counts whose own binomial
    sd sqrt(c (1 - c/B)) is at least s are kept; printed: the fraction kept, the bias of the mean last digit and of
    the 0/5 share. Selecting on the count itself leaves a small bias where many counts sit just above the
    threshold (a partial decade of digits); it is what the thresholds of LastC (6) and C05s (3.5) keep smallest."""
    rng = np.random.default_rng(2)
    m_units = 2_000_000
    for mean, kappa in [(0.01, 20), (0.03, 2), (0.03, 20), (0.03, 200), (0.1, 2), (0.1, 20), (0.1, 200),
                        (0.3, 20), (0.6, 20), (0.9, 50)]:
        n = rng.integers(20, 3001, m_units)
        t = np.clip(rng.normal(0.6, 0.1, m_units), 0.05, 0.99)
        b = rng.binomial(n, t)
        c = rng.binomial(b, rng.beta(mean * kappa, (1 - mean) * kappa, m_units))
        d = c % 10
        line = "m=%.2f k=%3d all %+.3f %+.4f" % (mean, kappa, d.mean() - 4.5, np.isin(d, [0, 5]).mean() - 0.2)
        for s in [3.5, 5, 6, 8, 10]:
            sel = c * np.clip(1 - c / np.maximum(b, 1), 0, 1) >= s * s
            line += " | s%.1f kept %.2f %+.4f %+.4f" % (s, sel.mean(), d[sel].mean() - 4.5,
                                                        np.isin(d[sel], [0, 5]).mean() - 0.2)
        print(line)


pooled()
