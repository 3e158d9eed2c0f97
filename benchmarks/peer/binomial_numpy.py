#!/usr/bin/env python3
"""numpy's binomial sampler alone, ns per draw, for the n and p of BinomialSamplerPerformance: one vectorised call
Generator.binomial(n, p_array) over 1,024 probabilities that move a little from draw to draw (p * (0.95 + 0.1 i /
1024)), best of 20 timings of 200 calls. Prints one line per (n, p)."""
import time

import numpy as np

rng = np.random.default_rng(12345)
for n in (10, 100, 1000, 1_000_000):
    for p in (0.05, 0.4):
        probs = p * (0.95 + 0.1 * np.arange(1024) / 1024)
        rng.binomial(n, probs)
        best = float("inf")
        for _ in range(20):
            t0 = time.perf_counter()
            for _ in range(200):
                rng.binomial(n, probs)
            best = min(best, time.perf_counter() - t0)
        print(f"numpy n={n} p={p} ns_per_draw={best * 1e9 / (200 * 1024):.1f}")
