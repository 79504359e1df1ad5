#!/usr/bin/env python3
"""Reference values for Sparsemax (sparsemax, entmax-1.5) and Attention.weights, from 1500-digit
mpmath arithmetic on the exact values of the given doubles, each result rounded once to the
nearest double. Independent of the Java code's algorithms:

- sparsemax: tau is found by bisection on sum_i max(x_i - tau, 0) = 1 (x = z / T), 400 halvings
  of [max x - 1, max x]; the support {i : x_i > tau} then gives tau exactly as
  (sum_support x - 1) / k and p_i = max(x_i - tau, 0).
- entmax-1.5: u = x / 2, bisection on sum_i max(u_i - tau, 0)^2 = 1 over [max u - 1, max u];
  on the support, tau is the smaller root of k tau^2 - 2 tau sum u + sum u^2 - 1 = 0 and
  p_i = (u_i - tau)^2.
- K = 2 closed forms, checked against the above: sparsemax p_1 = (1 + d) / 2 for d = x_1 - x_2 < 1;
  entmax-1.5 p_1 = ((g + sqrt(2 - g^2)) / 2)^2 with g = d / 2 < 1.
- attention: the dot products summed exactly (Fraction), times scale, softmax per row with
  mpmath exp; causal rows mask keys j > i (weight 0).

sparse-references.json: {"sparse": [{z, t, sparsemax, entmax, sparsemaxTau, entmaxTau,
sparsemaxSupport, entmaxSupport}], "attention": [{queries, keys, scale, causal, weights}]}; the
larger attention cases give "generated": [n, d] instead of queries and keys: both drawn, queries
first, from the MINSTD sequence of minstd_vectors starting at 1 and continuing from case to case.
Masked logits are the string "-Infinity".

Run: python3 make_sparse_references.py   (needs mpmath; the random cases use Python's own
seeded random module, so the file is reproducible)
"""
import json, math, random
from fractions import Fraction
from mpmath import mp, mpf, exp, sqrt

mp.dps = 1500
HERE = __file__.rsplit("/", 1)[0] if "/" in __file__ else "."
NEG = -math.inf


def bisect(f, lo, hi):
    """The tau in [lo, hi] with f(tau) = 0 for decreasing f, to 400 halvings."""
    for _ in range(400):
        mid = (lo + hi) / 2
        if f(mid) > 1:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def sparsemax(z, t):
    x = [mpf(v) / mpf(t) for v in z if v != NEG]
    top = max(x)
    approx = bisect(lambda tau: sum(max(v - tau, 0) for v in x), top - 1, top)
    support = [v for v in x if v > approx]
    tau = (sum(support) - 1) / len(support)
    p = [0.0 if v == NEG else float(max(mpf(v) / mpf(t) - tau, 0)) for v in z]
    return p, float(tau), len(support)


def entmax(z, t):
    u = [mpf(v) / (2 * mpf(t)) for v in z if v != NEG]
    top = max(u)
    approx = bisect(lambda tau: sum(max(v - tau, 0) ** 2 for v in u), top - 1, top)
    support = [v for v in u if v > approx]
    k = len(support)
    s1 = sum(support)
    s2 = sum(v * v for v in support)
    tau = (s1 - sqrt(s1 * s1 - k * (s2 - 1))) / k
    p = [0.0 if v == NEG else float(max(mpf(v) / (2 * mpf(t)) - tau, 0) ** 2) for v in z]
    return p, float(tau), k


def closed_forms(z, t, sp, en):
    """K = 2: the closed forms agree with the bisection results."""
    d = (mpf(z[0]) - mpf(z[1])) / mpf(t)
    if 0 <= d < 1:
        assert sp[0] == float((1 + d) / 2), (z, t)
    g = d / 2
    if 0 <= g < 1:
        assert en[0] == float(((g + sqrt(2 - g * g)) / 2) ** 2), (z, t)


def js(x):
    return "-Infinity" if x == NEG else ("Infinity" if x == math.inf else x)


def attention(queries, keys, scale, causal):
    rows = []
    for i, q in enumerate(queries):
        visible = min(i + 1, len(keys)) if causal else len(keys)
        dots = [sum((Fraction(a) * Fraction(b) for a, b in zip(q, keys[j])), Fraction(0))
                for j in range(visible)]
        s = [mpf(d.numerator) / mpf(d.denominator) * mpf(scale) for d in dots]
        top = max(s)
        e = [exp(v - top) for v in s]
        total = sum(e)
        rows.append([float(v / total) for v in e] + [0.0] * (len(keys) - visible))
    return rows


def minstd_vectors(seed, n, d):
    """n vectors of d entries (x / 2147483647 - 0.5) * 4 from the MINSTD generator
    x' = 48271 x mod (2^31 - 1): every step exact in doubles, so the Java test makes the same."""
    rows = []
    for _ in range(n):
        row = []
        for _ in range(d):
            seed = seed * 48271 % 2147483647
            row.append((seed / 2147483647 - 0.5) * 4)
        rows.append(row)
    return rows, seed


def main():
    rnd = random.Random(19)
    sparse_inputs = [
        ([2, 1, 0], 1), ([2, 1, 0], 0.5), ([2, 1, 0], 5), ([2, 1, 0.1], 1),
        ([4.5, -1.2, 0.8], 1), ([10, 9, 9], 1), ([3, 1.5, 0.5], 0.3), ([3, 1.5, 0.5], 2),
        ([0, 0, 0], 1), ([1, 1, 0], 1), ([1, 1, 1, -1], 0.25), ([5, 5, 5, 5, 5], 1e-300),
        ([1000, 999, 998], 1), ([1e308, 0, -1e308], 1), ([1e308, 1e308, -1e308], 1e308),
        ([1.7976931348623157e308, 1.7976931348623157e308], 5e-324), ([2, 1, 0], 5e-324),
        ([2, 1, 0], 1e-300), ([2, 1, 0], 1e300), ([2, 1, 0], 1.7976931348623157e308),
        ([1e-300, 0, -1e-300], 1e-300), ([5e-324, 0], 5e-324), ([1, 0], 1), ([1, 0], 0.5),
        ([0.5, 0], 1), ([1, 0], 2), ([0.1, 0], 0.3), ([2, 1, 0, NEG], 1), ([NEG, 3], 1),
        ([1, 0, 0, 0, 0, 0, 0, 0, 0, 0], 1), ([0.3, 0.2, 0.1], 0.1), ([1e20, 1e20 - 2 ** 14, 0], 1e4),
        ([3, 2, 1, 0, -1, -2], 1.5), ([1, 2 ** -60, 0], 0.5), ([1, 1 - 2 ** -52], 2 ** -53),
        ([0.75, 0.25, -0.25], 0.5), ([1 / 3, 0, -1 / 3], 1 / 3),
    ]
    for _ in range(6):
        a = rnd.uniform(-5, 5)
        sparse_inputs.append(([a, a + rnd.choice([1, 2, 0.5]), a - 1], rnd.choice([0.5, 1, 2])))
    for _ in range(120):
        k = rnd.randint(2, 10)
        z = [round(rnd.gauss(0, 3), rnd.choice([1, 2, 17])) for _ in range(k)]
        t = 10 ** rnd.uniform(-2, 2)
        sparse_inputs.append((z, t))
    for k in (2, 3):
        for _ in range(10):
            z = [rnd.uniform(-2, 2) for _ in range(k)]
            sparse_inputs.append((z, 10 ** rnd.uniform(-1, 1)))
    sparse = []
    for z, t in sparse_inputs:
        z = [float(v) for v in z]
        t = float(t)
        sp, sp_tau, sp_k = sparsemax(z, t)
        en, en_tau, en_k = entmax(z, t)
        if len(z) == 2 and NEG not in z and z[0] >= z[1]:
            closed_forms(z, t, sp, en)
        sparse.append({"z": [js(v) for v in z], "t": t, "sparsemax": sp, "entmax": en,
                       "sparsemaxTau": js(sp_tau), "entmaxTau": js(en_tau),
                       "sparsemaxSupport": sp_k, "entmaxSupport": en_k})

    att = []
    def add(queries, keys, scale, causal):
        att.append({"queries": queries, "keys": keys, "scale": scale, "causal": causal,
                    "weights": attention(queries, keys, scale, causal)})
    add([[1.0, 0.0], [0.0, 1.0]], [[1.0, 0.0], [0.0, 1.0]], 1.0, False)
    add([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]], [[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]],
        2 ** -0.5, True)
    add([[1.0, 2.0]], [[3.0, 4.0], [3.0, 4.0], [4.0, 3.0]], 1.0, False)
    add([[1e20, 1.0, -1e20]], [[1.0, 1.0, 1.0], [0.0, 0.0, 0.0]], 1.0, False)
    add([[1e200, 1e200]], [[1e200, -1e200], [1e200, 1e200 * (1 - 2 ** -52)]], 1e-300, False)
    add([[1e300, 1.0]], [[1e10, 0.0], [0.0, 1.0]], 1.0, False)
    add([[0.1, 0.2, 0.3]], [[0.3, 0.2, 0.1], [0.1, 0.2, 0.3]], 1e-20, False)
    add([[5e-324, 1.0]], [[5e-324, 0.5], [1.0, 0.5]], 1.0, False)
    seed = 1
    for n, d, scaled, causal in [(4, 1, True, False), (6, 64, True, True), (6, 64, False, False),
                                 (8, 1024, False, False), (8, 1024, True, True), (3, 16, True, False),
                                 (2, 1024, False, True), (5, 8, False, True)]:
        queries, seed = minstd_vectors(seed, n, d)
        keys, seed = minstd_vectors(seed, n, d)
        scale = 1 / math.sqrt(d) if scaled else 1.0
        att.append({"generated": [n, d], "scale": scale, "causal": causal,
                    "weights": attention(queries, keys, scale, causal)})
    with open(HERE + "/sparse-references.json", "w") as f:
        json.dump({"sparse": sparse, "attention": att}, f, separators=(",", ":"))


if __name__ == "__main__":
    main()
