#!/usr/bin/env python3
"""Correct-rounding references for Softmax Explorer's core (issue 21): a seeded set of random
extreme inputs, and inputs built next to a rounding midpoint of each quantity, with every
quantity from 200-digit mpmath arithmetic (1500 digits where 200 and 260 digits round
differently, as for exact zeros, and for the cases on a midpoint).

Random extremes (1,200, seed 21): logits uniform over +-800 and of magnitudes up to 1e300, T
log-uniform in [1e-6, 1e6], label smoothing anywhere in [0, 1] (0, 1, uniform, within 1e-16 to
1e-1 below 1, and subnormal), K = 17 over +-800 at T = 2 with full smoothing, K = 10 over +-600
at T = 2, K = 7 at T = 0.1 with smoothing 1, near-ties (logits a few ulps apart), masked classes,
and built-in cancellation (logits near -log K, where log-sum-exp is close to 0, and smoothing
eps = K p_i, where the gradient p_i - eps/K cancels about 53 bits).

Near midpoints: for each quantity, a random input with one extra "fine-tuning" logit b, far
enough below the largest that e^((b - z_max)/T) moves the quantity by a few ulps at most; b is
solved (secant steps in mpmath) so that the quantity sits on the midpoint between two doubles,
then rounded to a double: the quantity typically ends within 2^-20 ulp of the midpoint (median
about 2^-31), on either side; a few tunings land less close. Margins, which are rational, and a few other rational cases sit exactly on midpoints.

Fields: name, z, t, c, eps, and for each quantity its value as [r, rest]: r the nearest double
(ties to even), rest the nearest double to (exact - r), so the exact value is known to about
2^-106 relative and a test can check an error bound, not only the rounding. Quantities (PyTorch
conventions, y = (1 - eps) onehot(c) + eps/K): p, logp, grad = (p - y)/T (per class), lse (of the
raw logits), ce (eps = 0), ceSmooth, entropy, perplexity = exp(ceSmooth), margin = (z_c - max_{j
!= c} z_j)/T. Non-finite values are the strings "Infinity" / "-Infinity" (rest 0).

Terms e^(d) with d = (z_i - z_max)/T < -1e5 are left out: they are below e^-100000 of the sum,
so they change no rounded value in this set (no input here is exactly on a midpoint but for such
a term).

Run: python3 make_rounding_references.py   (needs mpmath); writes rounding-cases.json.
"""
import json, math, random
from mpmath import mp, mpf, exp, log

mp.dps = 200
HERE = __file__.rsplit("/", 1)[0] if "/" in __file__ else "."
CUTOFF = -mpf(10) ** 5
NEG = float("-inf")


def exact(z, t, c, eps):
    """Every quantity as an mpf (or a float infinity)."""
    k = len(z)
    T = mpf(t)
    ztop = max(v for v in z if v != NEG)
    top = z.index(ztop)
    d = [(mpf(v) - mpf(ztop)) / T if v != NEG else None for v in z]
    e = [exp(v) if v is not None and v > CUTOFF else mpf(0) for v in d]
    e[top] = mpf(1)
    rest = sum(e[i] for i in range(k) if i != top)
    s = 1 + rest
    # log1p of the rest, and 1 - p_c as the other classes' sum: 1 + tiny is 1 at 200 digits.
    ls = mp.log1p(rest)
    logp = [v - ls if v is not None else None for v in d]
    p = [v / s for v in e]
    y = [(1 - mpf(eps)) * (1 if i == c else 0) + mpf(eps) / k for i in range(k)]
    grad = [(p[i] - y[i]) / T for i in range(k)]
    others_c = sum(e[i] for i in range(k) if i != c)
    grad[c] = ((mpf(eps) - mpf(eps) / k) - others_c / s) / T

    def ce_of(yy):
        if any(yy[i] != 0 and logp[i] is None for i in range(k)):
            return math.inf
        return -sum(yy[i] * logp[i] for i in range(k) if yy[i] != 0)

    ce = ce_of([1 if i == c else 0 for i in range(k)])
    ce_s = ce_of(y)
    lse = mpf(ztop) + mp.log1p(sum(exp(mpf(v) - mpf(ztop)) for i, v in enumerate(z)
                                   if i != top and v != NEG and mpf(v) - mpf(ztop) > CUTOFF))
    ent = -sum(p[i] * logp[i] for i in range(k) if p[i] != 0)
    others = [mpf(z[j]) for j in range(k) if j != c and z[j] != NEG]
    if z[c] == NEG:
        margin = -math.inf
    elif not others:
        margin = math.inf
    else:
        margin = (mpf(z[c]) - max(others)) / T
    if ce_s == math.inf or ce_s > 1000:
        perp = math.inf
    else:
        perp = exp(ce_s)
    return dict(p=p, logp=[v if v is not None else -math.inf for v in logp], lse=lse, ce=ce,
                ceSmooth=ce_s, grad=grad, entropy=ent,
                perplexity=perp, margin=margin)


def pair(v):
    if isinstance(v, float) and math.isinf(v):
        return ["Infinity" if v > 0 else "-Infinity", 0.0]
    r = float(v)
    if math.isinf(r):
        return ["Infinity" if r > 0 else "-Infinity", 0.0]
    return [r, float(v - mpf(r))]


def encoded(values):
    out = {}
    for key, v in values.items():
        out[key] = [pair(x) for x in v] if isinstance(v, list) else pair(v)
    return out


def word(x):
    return "-Infinity" if x == NEG else x


cases = []


def values_at(digits, z, t, c, eps):
    with mp.workdps(digits):
        return encoded(exact(z, t, c, eps))


def add(name, z, t=1.0, c=0, eps=0.0, digits=200):
    z = [float(v) for v in z]
    case = dict(name=name, z=[word(v) for v in z], t=float(t), c=c, eps=float(eps))
    values = values_at(digits, z, float(t), c, float(eps))
    if values_at(digits + 60, z, float(t), c, float(eps)) != values:
        # Rounded differently at 60 more digits: an exact 0 (all logits equal) or a value
        # that 200 digits do not settle; 1500 digits do for every case here.
        values = values_at(1500, z, float(t), c, float(eps))
    case.update(values)
    cases.append(case)


rng = random.Random(21)


def log_uniform(lo, hi):
    return 10 ** rng.uniform(math.log10(lo), math.log10(hi))


def smoothing():
    kind = rng.randrange(6)
    if kind == 0:
        return 0.0
    if kind == 1:
        return 1.0
    if kind == 2:
        return rng.random()
    if kind == 3:
        return 1.0 - 10 ** -rng.uniform(1, 16)
    if kind == 4:
        return rng.choice([5e-324, 1e-310, 1e-300, 1e-17])
    return rng.choice([0.1, 0.5, 0.9, 0.99])


def huge_logit():
    return rng.choice([1.0, -1.0]) * 10 ** rng.uniform(-300, 300)


def near_ties(k):
    base = rng.uniform(-50, 50)
    z = []
    for _ in range(k):
        v = base
        for _ in range(rng.randrange(4)):
            v = math.nextafter(v, math.inf if rng.random() < 0.5 else -math.inf)
        z.append(v)
    return z


def random_case(n):
    kind = n % 10
    k = rng.choice([2, 3, 4, 5, 7, 10, 17, 24])
    t = log_uniform(1e-6, 1e6)
    eps = smoothing()
    if kind in (0, 1):
        z = [rng.uniform(-800, 800) for _ in range(k)]
    elif kind == 2:
        z = [huge_logit() for _ in range(k)]
    elif kind == 3:
        k, t, eps = 17, 2.0, 1.0
        z = [rng.uniform(-800, 800) for _ in range(k)]
    elif kind == 4:
        k, t = 10, 2.0
        z = [rng.uniform(-600, 600) for _ in range(k)]
    elif kind == 5:
        k, t, eps = 7, 0.1, 1.0
        z = [rng.uniform(-30, 30) for _ in range(k)]
    elif kind == 6:
        z = near_ties(k)
        t = rng.choice([t, 1.0, 1e-6])
    elif kind == 7:
        # log-sum-exp near 0: k logits near -log k, a few ulps apart.
        a = float(-log(mpf(k)))
        z = [a] * k
        for i in range(k):
            for _ in range(rng.randrange(3)):
                z[i] = math.nextafter(z[i], math.inf if rng.random() < 0.5 else -math.inf)
        t = rng.choice([1.0, t])
    elif kind == 8:
        # the gradient p_i - eps/K cancels: eps is the double nearest to K p_i.
        z = [rng.uniform(-5, 5) for _ in range(k)]
        t = rng.choice([1.0, 0.5, 3.0, t])
        e = exact(z, t, 0, 0.0)
        i = rng.randrange(k)
        eps = min(1.0, float(e["p"][i] * k))
    else:
        z = [rng.uniform(-800, 800) if rng.random() < 0.5 else huge_logit() for _ in range(k)]
        if rng.random() < 0.5:
            z[rng.randrange(k)] = NEG
            if all(v == NEG for v in z):
                z[0] = 0.0
    c = rng.randrange(k)
    add(f"random-{n} kind={kind} K={k}", z, t=t, c=c, eps=eps)


for n in range(1200):
    random_case(n)


# ---- Near midpoints ----------------------------------------------------------------------

def midpoint_near(v):
    """The midpoint between the two doubles around v that is nearest to v."""
    r = float(v)
    up = math.nextafter(r, math.inf)
    down = math.nextafter(r, -math.inf)
    m_up = (mpf(r) + mpf(up)) / 2
    m_down = (mpf(r) + mpf(down)) / 2
    return m_up if abs(m_up - v) < abs(m_down - v) else m_down


def tune(name, z, t, c, eps, key, index, depth):
    """Appends logit b = z_max + T log(u) with u about 2^-depth, solved so that the quantity
    sits next to a midpoint."""
    ztop = max(v for v in z if v != NEG)

    def q_of(bm):
        zz = [mpf(v) for v in z] + [bm]
        return quantity_mp(zz, t, c, eps, key, index)

    b0 = mpf(ztop) + mpf(t) * log(mpf(2) ** -depth)
    q0 = q_of(b0)
    if not mp.isfinite(q0) or q0 == 0:
        return
    target = midpoint_near(q0)
    b = b0
    h = mpf(t) * mpf(2) ** -60
    for _ in range(4):
        q = q_of(b)
        slope = (q_of(b + h) - q) / h
        if slope == 0:
            return
        b = b - (q - target) / slope
        if not (b0 - 50 * mpf(t) < b < mpf(ztop)):
            return
    bf = float(b)
    if bf >= ztop:
        return
    add(name, z + [bf], t=t, c=c, eps=eps)


def quantity_mp(zz, t, c, eps, key, index):
    """The exact quantity for logits given as mpf values (the fine-tuning logit unrounded)."""
    k = len(zz)
    T = mpf(t)
    ztop = max(zz)
    d = [(v - ztop) / T for v in zz]
    e = [exp(v) for v in d]
    s = sum(e)
    ls = log(s)
    y = [(1 - mpf(eps)) * (1 if i == c else 0) + mpf(eps) / k for i in range(k)]
    if key == "p":
        return e[index] / s
    if key == "logp":
        return d[index] - ls
    if key == "grad":
        return (e[index] / s - y[index]) / T
    if key == "lse":
        return ztop + log(sum(exp(v - ztop) for v in zz))
    if key == "ce":
        return ls - d[c]
    if key in ("ceSmooth", "perplexity"):
        ce = -sum(y[i] * (d[i] - ls) for i in range(k))
        return ce if key == "ceSmooth" else exp(ce)
    if key == "entropy":
        return -sum(e[i] / s * (d[i] - ls) for i in range(k))
    raise ValueError(key)


for n in range(40):
    for key in ("p", "logp", "grad", "lse", "ce", "ceSmooth", "entropy", "perplexity"):
        k = rng.choice([1, 2, 3, 5, 9])
        scale = rng.choice([1.0, 5.0, 30.0, 300.0])
        z = [rng.uniform(-scale, scale) for _ in range(k)]
        t = rng.choice([1.0, 2.0, 0.1, log_uniform(1e-3, 1e3)])
        if key == "lse":
            t = 1.0
        eps = rng.choice([0.0, 0.1, 1.0, rng.random()])
        c = rng.randrange(k)
        index = rng.randrange(k) if key in ("p", "logp", "grad") else None
        tune(f"midpoint {key} n={n} K={k + 1}", z, t, c, eps, key, index, rng.choice([30, 40]))

# Margins on and next to midpoints: (a - b) / T with a - b = m T (+- a tiny amount).
for n in range(60):
    r = rng.uniform(-100, 100)
    m = (mpf(r) + mpf(math.nextafter(r, math.inf))) / 2
    t = rng.choice([1.0, 0.5, 4.0, 3.0, 0.1])
    exact_diff = m * mpf(t)
    a = float(exact_diff)
    b_exact = mpf(a) - exact_diff
    offset = rng.choice([0, 1, -1]) * mpf(2) ** -rng.randrange(150, 300)
    b = float(b_exact - offset)
    add(f"midpoint margin n={n}", [a, b], t=t, c=0, eps=0.0)

# Exactly on midpoints, rational cases.
# 2^-42 - (-2048) is a midpoint at 2048's scale; e^-2048 (about 10^-889) decides its rounding.
add("exact midpoint logp -2048-2^-42 with e^-2048", [2.0 ** -42, -2048.0], c=1, digits=1500)
add("exact midpoint gradient tie eps=3*2^-54", [0.5, 0.5], c=0, eps=3 * 2.0 ** -54)
add("exact midpoint gradient tie eps=3*2^-54 T=4", [0.5, 0.5], t=4.0, c=1, eps=3 * 2.0 ** -54)
add("exact midpoint margin 1+2^-53", [1.0, -2.0 ** -53], c=0)
add("exact midpoint margin ties four", [7.0, 7.0, 7.0, 7.0], t=1.0, c=2, eps=1.0 - 3 * 2.0 ** -53)
# (2^-40 - (-8192)) is a midpoint at 8192's scale and e^-8192 (about 2^-11819), below what the
# slow path's sums keep, decides it: away from the even neighbour.
add("left-out term decides log p of [2^-40, -8192]", [2.0 ** -40, -8192.0], c=1, digits=4000)

# At the overflow threshold: DBL_MAX + x rounds to DBL_MAX below x = 2^970 (half an ulp) and to
# Infinity from it (the tie goes to the even 2^1024); the gradient at the smallest T overflows.
MAX = 1.7976931348623157e308
for x in (2.0 ** 969, 2.0 ** 970, 2.0 ** 970 + 2.0 ** 940, 2.0 ** 970 - 2.0 ** 940):
    add(f"overflow margin DBL_MAX + {x!r}", [MAX, -x], c=0)
add("overflow gradient at T = 5e-324", [0.0, -1.0], t=5e-324, c=1)
add("overflow gradient at T = 2^-1060", [0.0, -40.0], t=2.0 ** -1060, c=1, eps=0.5)


def dump(obj, name):
    with open(f"{HERE}/{name}", "w") as fh:
        json.dump(obj, fh, indent=None, separators=(",", ":"), allow_nan=False)
        fh.write("\n")


dump(cases, "rounding-cases.json")
print(len(cases), "cases")
