#!/usr/bin/env python3
"""More reference values for Softmax Explorer's core tests: extreme inputs and the double-double
building blocks, from 100-digit mpmath arithmetic, each value rounded once to the nearest double
(mpmath's float() rounds to nearest-even, with subnormals and overflow to infinity).

more-reference-cases.json: the same fields as reference-cases.json (p, logp, lse, ce,
ceSmooth, grad; PyTorch conventions, y = (1-eps)*onehot(c) + eps/K, grad = (p - y)/T) plus entropy
(nats), perplexity = exp(ceSmooth) and margin = (z_c - max_{j != c} z_j)/T, for the extreme inputs
the accuracy requirement names and for random extremes (K up to 4096, logits within +-1e3,
T in [1e-3, 1e3], eps in {0, 0.1, 1}).

double-double-references.json: exp, log, log1p and the logistic function at chosen points,
each as hi (nearest double) and lo (nearest double to the rest), so tests can check ~2^-100.

Terms exp(v - m) with v - m < -1e6 are left out: they are below e^-1000000 relative to the sum,
and every double-rounded output they could touch is 0 or unchanged.

Run: python3 make_more_references.py   (needs mpmath)
"""
import json, math, random
from mpmath import mp, mpf, exp, log

mp.dps = 100
HERE = __file__.rsplit("/", 1)[0] if "/" in __file__ else "."
CUTOFF = -mpf(10) ** 6


def exact(z, t, c, eps):
    k = len(z)
    finite = [v for v in z if v != -math.inf]
    x = [mpf(v) / mpf(t) if v != -math.inf else None for v in z]
    m = max(v for v in x if v is not None)
    top = x.index(m)
    rest = sum(exp(v - m) for i, v in enumerate(x) if i != top and v is not None and v - m > CUTOFF)
    l1p = mp.log1p(rest)
    logp = [(v - m) - l1p if v is not None else None for v in x]
    p = [exp(v) if v is not None and v > CUTOFF else mpf(0) for v in logp]
    y = [(1 - mpf(eps)) * (1 if i == c else 0) + mpf(eps) / k for i in range(k)]

    def ce_of(yy):
        if any(yy[i] != 0 and logp[i] is None for i in range(k)):
            return math.inf
        return float(-sum(yy[i] * logp[i] for i in range(k) if yy[i] != 0))

    ce = ce_of([1 if i == c else 0 for i in range(k)])
    ce_s = ce_of(y)
    zz = [mpf(v) for v in finite]
    mz = max(zz)
    lse = mz + mp.log1p(sum(exp(v - mz) for i, v in enumerate(zz) if i != zz.index(mz) and v - mz > CUTOFF))
    ent = -sum(p[i] * logp[i] for i in range(k) if p[i] != 0)
    others = [x[j] for j in range(k) if j != c and x[j] is not None]
    if x[c] is None:
        margin = -math.inf
    elif not others:
        margin = math.inf
    else:
        margin = float(x[c] - max(others))
    if ce_s == math.inf:
        perp = math.inf
    else:
        sm = -sum(y[i] * logp[i] for i in range(k) if y[i] != 0)
        perp = float(exp(sm)) if sm < 1e6 else math.inf
    return dict(p=[float(v) for v in p],
                logp=[float(v) if v is not None else -math.inf for v in logp],
                lse=float(lse), ce=ce, ceSmooth=ce_s,
                grad=[float((p[i] - y[i]) / mpf(t)) for i in range(k)],
                entropy=float(ent), perplexity=perp, margin=margin)


cases = []


def add(name, z, t=1.0, c=0, eps=0.0):
    case = dict(name=name, z=[float(v) for v in z], t=float(t), c=c, eps=float(eps))
    case.update(exact(case["z"], case["t"], c, case["eps"]))
    cases.append(case)


for eps in (0.0, 0.1):
    add(f"shift-dominant-1000 eps={eps}", [1000, 0, 0, 0], c=1, eps=eps)
    add(f"spread-1-325-749-750 eps={eps}", [1, 325, 749, 750], c=2, eps=eps)
    add(f"log-near-zero-0--40 eps={eps}", [0, -40], eps=eps)
    add(f"exp-overflow-709 eps={eps}", [709, 0, 0], c=1, eps=eps)
    add(f"difference-overflows eps={eps}", [1e308, 0, -1e308], c=0, eps=eps)
    add(f"difference-overflows target-low eps={eps}", [1e308, 0, -1e308], c=2, eps=eps)
    add(f"cold-5--5-4.999 eps={eps}", [5, -5, 4.999], t=0.001, c=2, eps=eps)
    add(f"cold-2-1-0 eps={eps}", [2, 1, 0], t=0.1, c=1, eps=eps)
add("difference-overflows eps=1e-300", [1e308, 0, -1e308], c=0, eps=1e-300)
add("difference-overflows eps=1", [1e308, 0, -1e308], c=1, eps=1.0)
add("tiny-T overflowing shifts small eps", [0, 0, -1], t=5e-324, c=0, eps=5e-324)
add("tiny-T 1e-300", [1, 0.5, 0], t=1e-300, c=1, eps=0.1)
add("subnormal-T", [3e-320, 1e-320, 0], t=1e-320, c=2, eps=0.1)
add("subnormal logits normal T", [3e-320, 1e-320, 0], t=1.0, c=2)
add("subnormal-T min", [1e-323, 5e-324, 0], t=5e-324, c=1, eps=0.5)
add("huge-T", [1e300, -1e300, 0], t=1e308, c=1, eps=0.1)
add("huge-T max", [1.7976931348623157e308, 0, -1.7976931348623157e308], t=1.7976931348623157e308, c=2, eps=0.2)
add("huge-T small logits", [2, 1, 0], t=1e300, c=0, eps=0.1)
add("p tiny gradient at tiny T", [0, -800], t=1e-3, c=0)
add("target tiny", [0, -700, -730], t=1.0, c=2)
add("one class", [3.5], t=0.7, c=0, eps=0.3)
add("all equal", [4.0] * 5, t=0.3, c=3, eps=0.1)
add("masked class", [1.0, -math.inf, 0.5], t=1.0, c=0)
add("masked class smoothed", [1.0, -math.inf, 0.5], t=1.0, c=0, eps=0.1)
add("masked target", [1.0, -math.inf, 0.5], t=1.0, c=1)

rng = random.Random(20240611)
add("k4096 T=1.3", [rng.gauss(0, 3) for _ in range(4096)], t=1.3, c=17, eps=0.1)
# Kept in a file of its own so that no reference file grows past a few hundred KB.
large_cases = [cases.pop()]
add("k1000 T=1", [rng.gauss(0, 1) for _ in range(1000)], t=1.0, c=500, eps=0.0)
for n in range(40):
    k = rng.choice([2, 3, 5, 10, 64, 257])
    z = [rng.uniform(-1e3, 1e3) for _ in range(k)]
    if rng.random() < 0.5:
        z = [rng.choice([1, -1]) * 10 ** rng.uniform(-3, 3) for _ in range(k)]
    t = 10 ** rng.uniform(-3, 3)
    eps = rng.choice([0.0, 0.1, 1.0])
    add(f"random-{n} K={k}", z, t=t, c=rng.randrange(k), eps=eps)


def dd(v):
    hi = float(v)
    if not math.isfinite(hi) or hi == 0:
        return [hi, 0.0]
    return [hi, float(v - mpf(hi))]


points = []
for x in [0.0, 1e-300, 5e-324, 1e-20, -1e-20, 1e-8, 0.001, 0.00541, -0.00541, 0.1, 0.5, -0.5, 1.0, -1.0,
          0.6931471805599453, 2.0, 10.0, -10.0, 100.0, -100.0, 700.0, 709.7, 709.78, -700.0, -708.3,
          -745.0, -740.0, -1000.0, -1599.0, 123.456, -37.5, 1e-3 * 3]:
    points.append(dict(f="exp", x=x, y=dd(exp(mpf(x)))))
for x in [1.0, 2.0, 0.5, 1e-300, 5e-324, 2.2250738585072014e-308, 1e308, 1.7976931348623157e308,
          1.0000000000000002, 0.9999999999999999, 1.5, 1.4142135623730951, 0.7071067811865476,
          10.0, 3.0, 1e-5, 123456.789, 0.1, 2.718281828459045, 7.5e-200]:
    points.append(dict(f="log", x=x, y=dd(log(mpf(x)))))
for x in [0.0, 5e-324, 1e-300, 1e-20, 1e-10, 1e-5, 0.001, 0.1, 0.2, 0.24, 0.375, 0.376, 0.5, 1.0,
          2.0, 4095.0, 1e10, 1e300, -0.1, -0.25, -0.26, -0.5, -0.9]:
    points.append(dict(f="log1p", x=x, y=dd(mp.log1p(mpf(x)))))
for x in [0.0, 1.0, -1.0, 20.0, -20.0, 37.0, -37.0, 40.0, -700.0, -745.0, -800.0, 1e-20, -1e-20,
          0.5, -0.5, 710.0, 1e300, -1e300]:
    points.append(dict(f="sigmoid", x=x, y=dd(1 / (1 + exp(-mpf(x))))))


def finite_or_word(v):
    if isinstance(v, float) and not math.isfinite(v):
        return "NaN" if math.isnan(v) else ("Infinity" if v > 0 else "-Infinity")
    if isinstance(v, list):
        return [finite_or_word(x) for x in v]
    if isinstance(v, dict):
        return {k: finite_or_word(x) for k, x in v.items()}
    return v


def dump(obj, name):
    with open(f"{HERE}/{name}", "w") as fh:
        json.dump(finite_or_word(obj), fh, indent=None, separators=(",", ":"), allow_nan=False)
        fh.write("\n")


dump(cases, "more-reference-cases.json")
dump(large_cases, "k4096-reference-case.json")
dump(points, "double-double-references.json")
print(len(cases), "cases,", len(points), "double-double points")
