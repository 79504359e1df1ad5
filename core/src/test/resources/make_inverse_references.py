#!/usr/bin/env python3
"""Reference values for InverseSoftmax.logitFor: the logit z_i that gives class i probability q at
temperature T, the other logits kept,

    z_i = T (log q - log1p(-q)) + T logSumExp_{j != i}(z_j / T),

from 400-digit mpmath arithmetic (enough for every term here, the largest near 1e308 * 745, to
keep hundreds of digits below the double result), rounded once to the nearest double and then to
the nearest finite double (the function's contract: a logit beyond the double range is
+-Double.MAX_VALUE).

inverse-references.json: a list of {z, t, i, q, logit, scale}, where scale is the largest
magnitude among the three terms m, T logit(q) and T log1p(R) (m the largest other logit,
R = sum_{j != i, m} exp((z_j - m) / T)): where those cancel, the test bounds the error by a
fraction of scale instead of in ulps. Non-finite values are the strings "Infinity" and
"-Infinity". Cases: the page's defaults, every edge of q (0, subnormal, 1/2, 1/3, 1 - 2^-53),
masked classes, tiny, subnormal and huge T, logits near +-1e308, K = 1000, exact cancellations,
and 300 seeded random cases.

Run: python3 make_inverse_references.py   (needs mpmath)
"""
import json, math, random
from mpmath import mp, mpf, exp, log

mp.dps = 400
HERE = __file__.rsplit("/", 1)[0] if "/" in __file__ else "."
MAX = 1.7976931348623157e308
CUTOFF = -mpf(10) ** 6


def exact(z, t, i, q):
    others = [mpf(v) for j, v in enumerate(z) if j != i and v != -math.inf]
    m = max(others)
    top = others.index(m)
    t = mpf(t)
    rest = sum(exp((v - m) / t) for j, v in enumerate(others) if j != top and (v - m) / t > CUTOFF)
    qq = mpf(q)
    logit_term = t * (log(qq) - mp.log1p(-qq))
    rest_term = t * mp.log1p(rest)
    value = m + logit_term + rest_term
    scale = max(abs(m), abs(logit_term), abs(rest_term))
    return min(MAX, max(-MAX, float(value))), float(scale)


def js(x):
    if x == math.inf:
        return "Infinity"
    if x == -math.inf:
        return "-Infinity"
    return x


def main():
    cases = []
    qs = [0.5, 0.9, 0.1, 1e-10, 1 - 2 ** -53, 5e-324, 2 ** -1022, 1 / 3, 0.999, 0.25]
    bases = [
        ([2, 1, 0], 1), ([2, 1, 0], 0.5), ([2, 1, 0], 5), ([4.5, -1.2, 0.8], 1),
        ([0, 0, 0], 1), ([1000, 999, 998], 1), ([1e308, 0, -1e308], 1),
        ([-1e308, -1e308, 0], 1), ([5, -5, 4.999], 0.001), ([2, 1, 0], 1e-300),
        ([2, 1, 0], 5e-324), ([2, 1, 0], 1e300), ([2, 1, 0], 1.7976931348623157e308),
        ([0, -math.inf, 3], 1), ([0, 1, -math.inf, -math.inf], 2), ([1e-310, 0, 1e-320], 1e-310),
        ([-745, 0, 0], 1), ([3, 3, 3, 3], 0.7),
    ]
    for z, t in bases:
        for i in range(len(z)):
            for q in qs:
                if all(v == -math.inf for j, v in enumerate(z) if j != i):
                    continue
                cases.append((z, t, i, q))
    rng = random.Random(20261203)
    for _ in range(300):
        k = rng.choice([2, 3, 5, 10, 50])
        z = [rng.choice([rng.uniform(-10, 10), rng.uniform(-1e3, 1e3), float(rng.randint(-5, 5))])
             for _ in range(k)]
        if rng.random() < 0.1:
            z[rng.randrange(k)] = -math.inf
        t = 10 ** rng.uniform(-3, 3)
        i = rng.randrange(k)
        if all(v == -math.inf for j, v in enumerate(z) if j != i):
            continue
        q = rng.choice([rng.random(), 10 ** rng.uniform(-300, 0), 1 - 10 ** rng.uniform(-16, -1)])
        cases.append((z, t, i, q))
    big = [rng.uniform(-5, 5) for _ in range(1000)]
    cases.append((big, 1.3, 17, 0.5))
    cases.append((big, 0.01, 999, 1e-5))
    out = []
    for z, t, i, q in cases:
        logit, scale = exact(z, t, i, q)
        out.append({"z": [js(v) for v in z], "t": t, "i": i, "q": q, "logit": js(logit),
                    "scale": js(scale)})
    with open(HERE + "/inverse-references.json", "w") as f:
        json.dump(out, f, separators=(",", ":"))
        f.write("\n")
    print(len(out), "cases")


main()
