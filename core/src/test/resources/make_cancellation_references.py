#!/usr/bin/env python3
"""Adversarial reference values for the two results of Softmax Explorer's core that are
differences of nearly equal quantities (see Softmax's class comment):

- log-sum-exp near 0: z_max close to -log S. Cases: K equal logits a = -log K rounded (and its
  neighbours), pairs [x, y] with y the logit that makes e^x + e^y closest to 1, and logits built
  greedily so that sum_i e^(z_i) - 1 is as small as 2^-900 (each new logit is the log of the
  remaining gap, rounded down, so the gap shrinks by about 2^-48 per logit).
- gradient components p_i - y_i near 0: off-target p_i close to eps/K and target 1 - p_c close to
  eps (1 - 1/K), first with eps chosen as the double nearest to K p_i (a cancellation of about 53
  bits), then with extra small logits that close the remaining gap greedily, at T = 1 and at
  other temperatures.

Every value comes from mpmath at 1500 significant digits (enough for a difference as small as
2^-1000 of operands of order 1, then rounded once to the nearest double).
Fields: name, z, t, c, eps, lse, grad (PyTorch conventions: y = (1 - eps) onehot(c) + eps/K,
grad = (p - y) / T).

Run: python3 make_cancellation_references.py   (needs mpmath); writes cancellation-cases.json.
"""
import json, math
from mpmath import mp, mpf, exp, log

mp.dps = 1500
HERE = __file__.rsplit("/", 1)[0] if "/" in __file__ else "."


def lse_of(z):
    return float(log(sum(exp(mpf(v)) for v in z)))


def grad_of(z, t, c, eps):
    k = len(z)
    x = [mpf(v) / mpf(t) for v in z]
    m = max(x)
    e = [exp(v - m) for v in x]
    s = sum(e)
    y = [(1 - mpf(eps)) * (1 if i == c else 0) + mpf(eps) / k for i in range(k)]
    return [float((e[i] / s - y[i]) / mpf(t)) for i in range(k)]


cases = []


def add(name, z, t=1.0, c=0, eps=0.0):
    z = [float(v) for v in z]
    cases.append(dict(name=name, z=z, t=float(t), c=c, eps=float(eps), lse=lse_of(z),
                      grad=grad_of(z, t, c, eps)))


def down(v):
    """The largest double <= v."""
    f = float(v)
    return f if mpf(f) <= v else math.nextafter(f, -math.inf)


def close_gap(z, gap, logits):
    """Appends up to `logits` logits, each the log of the remaining positive gap rounded down."""
    for _ in range(logits):
        if gap <= 0 or gap < mpf(2) ** -1000:
            break
        zn = down(log(gap))
        z.append(zn)
        gap -= exp(mpf(zn))
    return z


# log-sum-exp: K equal logits near -log K.
for k in range(2, 51):
    a = float(-log(mpf(k)))
    for v in (a, math.nextafter(a, -math.inf), math.nextafter(a, math.inf)):
        add(f"lse equal K={k} a={v!r}", [v] * k)
# Pairs [x, y] with e^x + e^y closest to 1, x from the whole range where that is possible.
for x in [-1e-300, -2.0 ** -60, -1e-9, -1e-3, -0.1, -0.3, -0.5, -0.6931471805599453, -1.0, -2.0,
          -5.0, -20.0, -36.0]:
    y0 = float(log(1 - exp(mpf(x))))
    for y in (y0, math.nextafter(y0, -math.inf), math.nextafter(y0, math.inf)):
        add(f"lse pair x={x!r} y={y!r}", [x, y])
        add(f"lse pair reversed x={x!r} y={y!r}", [y, x])
# Greedy: sum_i e^(z_i) - 1 down to about 2^-48 per extra logit.
for first in [-0.6931471805599453, -0.1, -2.5]:
    for extra in [1, 2, 3, 5, 10, 19]:
        z0 = down(first)
        z = close_gap([z0, down(log(1 - exp(mpf(z0))))], 1 - exp(mpf(z0)) - exp(mpf(down(log(1 - exp(mpf(z0)))))), extra)
        add(f"lse greedy first={first} logits={len(z)}", z)
        add(f"lse greedy first={first} logits={len(z)} shuffled", z[1:] + z[:1])


# Gradient, off-target class: p_i close to eps / K, eps the double nearest K p_i (about 53 bits
# cancel).
for k in [2, 3, 4, 10, 50]:
    for d in [-0.5, -1.25, -3.0, -10.0, -30.0]:
        for t in [1.0, 0.7, 3.0]:
            z = [0.0] * (k - 1) + [d]
            x = [mpf(v) / mpf(t) for v in z]
            eps = float(k * exp(x[-1]) / sum(exp(v) for v in x))
            if eps <= 1:
                add(f"grad off-target K={k} d={d!r} T={t}", z, t, 0, eps)


def fill(z, t, gap, logits):
    """Appends exactly `logits` logits that bring sum_i e^(z_i / t) up towards its value + gap."""
    for _ in range(logits):
        if gap > mpf(2) ** -1000:
            w = down(log(gap) * mpf(t))
            gap -= exp(mpf(w) / mpf(t))
        else:
            w = -1e4
        z.append(w)
    return z


# Deeper: K = 2 + extra classes [0, d, w...]; eps makes K e^(x_1) = eps S for an S that is 1.5
# times that of [0, d], and the extra logits w fill that sum greedily (gap about 2^-48 per logit).
for d in [-0.5, -2.0, -7.0]:
    for t in [1.0, 0.3]:
        for extra in [1, 2, 4, 8, 16]:
            k = 2 + extra
            x1 = mpf(d) / mpf(t)
            s0 = 1 + exp(x1)
            eps = float(k * exp(x1) / (mpf(1.5) * s0))
            if eps > 1:
                continue
            z = fill([0.0, d], t, k * exp(x1) / mpf(eps) - s0, extra)
            add(f"grad off-target deep d={d!r} T={t} K={k}", z, t, 0, eps)


# Gradient, target class c = 0: 1 - p_c close to eps (1 - 1/K). extra = 0: eps the double nearest
# (1 - p_c) / (1 - 1/K); otherwise S = 1 / (1 - eps (1 - 1/K)) is 1.5 times the sum of the first k
# classes and the extra logits fill the gap greedily.
for k in [2, 3, 10, 50]:
    for d in [-0.25, -1.0, -4.0]:
        for t in [1.0, 0.6]:
            for extra in [0, 1, 3, 6, 12]:
                kk = k + extra
                z = [0.0] + [d] * (k - 1)
                s0 = sum(exp(mpf(v) / mpf(t)) for v in z)
                if extra == 0:
                    eps = float(((s0 - 1) / s0) / (1 - mpf(1) / kk))
                else:
                    q = 1 - 1 / (mpf(1.5) * s0)
                    eps = float(q / (1 - mpf(1) / kk))
                if eps > 1:
                    continue
                if extra:
                    z = fill(z, t, 1 / (1 - mpf(eps) * (1 - mpf(1) / kk)) - s0, extra)
                add(f"grad target K={kk} d={d!r} T={t} extra={extra}", z, t, 0, eps)


def finite_or_word(v):
    if isinstance(v, float) and not math.isfinite(v):
        return "NaN" if math.isnan(v) else ("Infinity" if v > 0 else "-Infinity")
    if isinstance(v, list):
        return [finite_or_word(x) for x in v]
    if isinstance(v, dict):
        return {k: finite_or_word(x) for k, x in v.items()}
    return v


with open(f"{HERE}/cancellation-cases.json", "w") as fh:
    json.dump(finite_or_word(cases), fh, indent=None, separators=(",", ":"), allow_nan=False)
    fh.write("\n")
print(len(cases), "cases")
