#!/usr/bin/env python3
"""Reference values for Calibration (temperature scaling, Guo et al. 2017), written to
calibration-references.json beside this script. Nothing here calls the Java code.

For each validation set (rows of logits z_i, labels y_i), from 60-digit mpmath arithmetic:
- nll: the mean of -log softmax(z_i / T)[y_i], rounded once to the nearest double;
- ece: with M equal-width bins, the confidence c_i = max_j softmax(z_i / T)_j rounded to the
  nearest double (as the Java code defines it), example i in bin m when (m-1)/M < c_i <= m/M
  decided exactly (fractions.Fraction), then (1/N) sum_m |correct_m - sum_{i in B_m} c_i| in
  exact rational arithmetic, rounded once; the bin counts too;
- accuracy: the fraction with y_i = argmax_j z_ij (the lowest index on ties);
- fitted: the T > 0 minimising the mean NLL: the root b* of
  g(b) = sum_i (E_{softmax(b z_i)}[z_i] - z_iy), bracketed by doubling, narrowed by 30
  geometric bisections and found by mpmath's findroot (Newton's solver, with g's derivative
  sum_i Var_p(z_i)) at 60 digits, checked by g's sign at b* (1 -+ 1e-30); written as the double
  nearest 1 / b*, with the NLL at that double. A set without "fitted" has no minimiser at
  0 < T < Infinity (its labels score below their rows' means): fitTemperature must refuse it.

The sets: small hand-made ones (ties, confidences exactly on a bin edge: 1/2 and 1/4), seeded
random ones (K = 2 to 50, N = 1 to 300, logits of scale 0.01 to 1000), extreme temperatures,
and the page's seeded set (ValidationSet.overconfident(42, 1000, 10)), rebuilt here from an
independent transcription of its documented model with make_teaching_references.py's
xoshiro128**: its labels and logits are written too, so the test checks the generator as well.

Non-finite values are written as the strings "Infinity" / "-Infinity".
Run: python3 make_calibration_references.py   (needs mpmath)
"""
import json, math, random
from fractions import Fraction
from mpmath import mp, mpf, exp, log, findroot
from make_teaching_references import Xoshiro128StarStar

HERE = __file__.rsplit("/", 1)[0] if "/" in __file__ else "."
DIGITS = 60
SIGNAL = 3.0          # ValidationSet's documented model
OVERCONFIDENCE = 2.5


def softmax_mp(z, t):
    x = [mpf(v) / mpf(t) for v in z]
    m = max(x)
    e = [exp(v - m) for v in x]
    s = sum(e)
    return [v / s for v in e], m + log(s)


def argmax(z):
    best = 0
    for j, v in enumerate(z):
        if v > z[best]:
            best = j
    return best


def nll(rows, labels, t):
    total = mpf(0)
    for z, y in zip(rows, labels):
        p, lse = softmax_mp(z, t)
        total += lse - mpf(z[y]) / mpf(t)
    return total / len(rows)


def reliability(rows, labels, t, bins):
    counts = [0] * bins
    correct = [0] * bins
    sums = [Fraction(0)] * bins
    for z, y in zip(rows, labels):
        p, _ = softmax_mp(z, t)
        c = float(max(p))
        fc = Fraction(c)
        m = math.ceil(fc * bins)   # (m-1)/M < c <= m/M
        m = min(bins, max(1, m)) - 1
        counts[m] += 1
        sums[m] += fc
        if argmax(z) == y:
            correct[m] += 1
    ece = sum(abs(correct[m] - sums[m]) for m in range(bins)) / len(rows)
    return float(ece), counts


def moments(rows, labels, b):
    """g(b) = sum_i (E_p[z_i] - z_iy) and its derivative sum_i Var_p(z_i), p = softmax(b z_i)."""
    g, dg = mpf(0), mpf(0)
    for z, y in zip(rows, labels):
        x = [mpf(v) * b for v in z]
        m = max(x)
        e = [exp(v - m) for v in x]
        s = sum(e)
        mean = sum(ei * mpf(v) for ei, v in zip(e, z)) / s
        g += mean - mpf(z[y])
        dg += sum(ei * (mpf(v) - mean) ** 2 for ei, v in zip(e, z)) / s
    return g, dg


def fitted(rows, labels):
    """The root b* of g, bracketed by doubling, narrowed by 30 geometric bisections, then found
    by findroot's Newton solver with g's derivative; checked by g's sign on both sides."""
    g = lambda v: moments(rows, labels, v)[0]
    lo, hi = mpf(1), mpf(1)
    while g(lo) > 0:
        lo /= 2
        assert lo > mpf(2) ** -1100, "no finite minimiser"
    while g(hi) < 0:
        hi *= 2
        assert hi < mpf(2) ** 1100, "no minimiser at T > 0"
    for _ in range(30):
        mid = mp.sqrt(lo * hi)
        if g(mid) > 0:
            hi = mid
        else:
            lo = mid
    b = findroot(g, mp.sqrt(lo * hi), solver="newton", df=lambda v: moments(rows, labels, v)[1],
                 tol=mpf(10) ** -100, maxsteps=30, verify=False)
    assert g(b * (1 - mpf(10) ** -30)) < 0 < g(b * (1 + mpf(10) ** -30)), b
    return float(1 / b)


def case(name, rows, labels, temperatures, bins=(10, 15), fit=True):
    rows = [[float(v) for v in z] for z in rows]
    out = dict(name=name, logits=rows, labels=labels,
               accuracy=sum(1 for z, y in zip(rows, labels) if argmax(z) == y) / len(rows))
    ts = list(temperatures)
    if fit:
        out["fitted"] = fitted(rows, labels)
        ts.append(out["fitted"])
    out["at"] = []
    for t in ts:
        entry = dict(t=t, nll=float(nll(rows, labels, t)), ece={}, counts={})
        for m in bins:
            entry["ece"][str(m)], entry["counts"][str(m)] = reliability(rows, labels, t, m)
        out["at"].append(entry)
    return out


def seeded_set(seed, size, classes):
    r = Xoshiro128StarStar(seed)
    rows, labels = [], []
    for _ in range(size):
        favoured = min(classes - 1, math.floor(r.next_double() * classes))
        w = []
        for j in range(classes):
            s = 0.0
            for _ in range(12):
                s = s + r.next_double()
            v = s - 6.0
            if j == favoured:
                v = v + SIGNAL
            w.append(v)
        p = [float(v) for v in softmax_mp(w, 1)[0]]
        u = r.next_double()
        label, cumulative = classes - 1, 0.0
        for j, pj in enumerate(p):
            cumulative = cumulative + pj
            if u < cumulative:
                label = j
                break
        rows.append([v * OVERCONFIDENCE for v in w])
        labels.append(label)
    return rows, labels


def main():
    mp.dps = DIGITS
    cases = [
        case("three rows, a tie", [[2, 1, 0], [0, 1, 2], [1, 1, 0]], [0, 0, 1], [1, 0.5, 3]),
        case("confidence 1/2 on bin edges", [[0, 0], [1, 0], [0, 2], [5, 5]], [0, 1, 1, 1],
             [1, 2], bins=(1, 2, 4, 10, 15)),
        case("confidence 1/4 on bin edges", [[3, 3, 3, 3], [1, 0, 0, 0], [0, 0, 2, 0]],
             [1, 1, 0], [1], bins=(1, 4, 8, 10, 15), fit=False),  # labels below their rows' means
        case("K = 2", [[0.5, -0.5], [2, 0], [-1, 1], [0, 3]], [0, 0, 0, 1], [1, 0.1, 10]),
        case("one example", [[0, 2, 3]], [1], [1, 1e-8, 1e8]),
    ]
    rng = random.Random(20261203)
    for k, n, scale in [(2, 50, 1), (3, 20, 3), (5, 100, 2), (10, 300, 4), (50, 40, 1),
                        (10, 60, 0.01), (10, 60, 1000), (4, 200, 30)]:
        rows, labels = [], []
        for _ in range(n):
            z = [rng.gauss(0, scale) for _ in range(k)]
            y = rng.randrange(k)
            if rng.random() < 0.6:   # the labelled class usually leads: a finite minimiser
                z[y] += 2 * scale
            rows.append(z)
            labels.append(y)
        cases.append(case(f"random K = {k}, N = {n}, scale {scale}", rows, labels,
                          [1, 0.37, 2.9, 1e-6, 1e6]))
    rows, labels = seeded_set(42, 1000, 10)
    cases.append(case("seeded set 42", rows, labels, [1, 0.5, 2, 5]))
    with open(f"{HERE}/calibration-references.json", "w") as f:
        json.dump(cases, f, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()
