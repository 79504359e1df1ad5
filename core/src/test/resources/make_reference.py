#!/usr/bin/env python3
"""Reference values for Softmax Explorer's core tests, computed without the Java code, written to
reference-cases.json and rounding.json beside this script.

reference-cases.json (read by SoftmaxTest and PipelineTest): for 24 inputs (logits z, temperature
t, target class c, label smoothing eps), the softmax p, log-softmax logp, log-sum-exp of the raw
logits lse, the cross-entropy ce (one-hot target) and ceSmooth (PyTorch's convention,
y = (1 - eps) onehot(c) + eps/K), and the gradient with respect to the raw logits, (p - y)/T.
Each comes from 100-digit mpmath and is rounded once to the nearest double.

rounding.json (read by PrecisionTest): 237 doubles, each rounded to float32, float16 and bfloat16
with exact rational arithmetic (fractions.Fraction): round to nearest, ties to even, gradual
underflow, overflow to infinity, the sign of zero kept. If NumPy is installed, the float32 and
float16 columns are also compared with NumPy's own conversions.

Run: python3 make_reference.py   (needs mpmath; NumPy only for the cross-check)
With Python 3.11, mpmath 1.3.0 and NumPy 2.4.6 on Debian 12 the output is byte for byte the
committed JSON. Every input is in this file: fixed lists, and draws from Python's seeded
random.Random. Two kinds of draw also pass through the C library (gauss uses log and cos, and
10 ** -n is a floating-point power), so another platform could in principle draw a different
last bit; the JSON records every input it was computed for, so the tests never depend on that.
"""
import json, math, random, struct
from fractions import Fraction
from mpmath import mp, mpf, exp, log

mp.dps = 100
HERE = __file__.rsplit("/", 1)[0] if "/" in __file__ else "."


def exact(z, t, c, eps):
    x = [mpf(v) / mpf(t) for v in z]
    m = max(x)
    top = x.index(m)
    # m + log1p(rest), not m + log(sum): the latter loses log(sum) below 10^-dps * |m|.
    rest = sum(exp(v - m) for i, v in enumerate(x) if i != top)
    logp = [(v - m) - mp.log1p(rest) for v in x]
    p = [exp(v) for v in logp]
    k = len(z)
    y = [(1 - mpf(eps)) * (1 if i == c else 0) + mpf(eps) / k for i in range(k)]
    zz = [mpf(v) for v in z]
    mz = max(zz)
    lse_raw = mz + mp.log1p(sum(exp(v - mz) for i, v in enumerate(zz) if i != zz.index(mz)))
    return dict(p=[float(v) for v in p], logp=[float(v) for v in logp], lse=float(lse_raw),
                ce=float(-logp[c]), ceSmooth=float(-sum(y[i] * logp[i] for i in range(k))),
                grad=[float((p[i] - y[i]) / mpf(t)) for i in range(k)])


cases = []


def add(name, z, t=1.0, c=0, eps=0.0):
    case = dict(name=name, z=z, t=t, c=c, eps=eps)
    case.update(exact(z, t, c, eps))
    cases.append(case)


# Worked examples that popular explanations of softmax print (their rounded figures beside them).
add("three-2-1-0", [2.0, 1.0, 0.0])                 # p = 0.665, 0.245, 0.090; L = 0.408
add("three-2-1-0.1", [2.0, 1.0, 0.1])               # p = 0.659, 0.242, 0.099; L = 0.42
add("three-2-1-0.5", [2.0, 1.0, 0.5])               # p = 0.629, 0.231, 0.140; L = 0.464
add("cat-dog-bird", [4.5, -1.2, 0.8])               # p = 0.973, 0.003, 0.024
add("ten-nine-nine", [10.0, 9.0, 9.0])              # p = 0.576, 0.212, 0.212
add("five-candidates", [3.0, 1.0, 0.2, -0.5, 2.5])
add("shift-1000", [1000.0, 999.0, 998.0])           # same p as [2, 1, 0]
add("temperature-0.3", [3.0, 1.5, 0.5], t=0.3)      # p = 0.993, 0.007, 0.000 (rounded)
add("temperature-2", [3.0, 1.5, 0.5], t=2.0)
add("temperature-5", [2.0, 1.0, 0.0], t=5.0)
add("temperature-0.1", [2.0, 1.0, 0.0], t=0.1)
add("two-classes", [1.0, 0.0])                      # p_0 = sigmoid(1) = 0.731
add("margin-10", [10.0, 0.0])
add("smoothing-0.1", [2.0, 1.0, 0.0], eps=0.1)
add("smoothing-0.5-wrong", [0.0, 3.0, 1.0], c=0, eps=0.5)
add("confidently-wrong", [0.0, 4.6, 0.0], c=0)
# Extremes.
add("float32-edge", [88.7, 0.0, 0.0])
add("float16-edge", [11.1, 0.0, -11.1], c=2)
add("negative-745", [-745.0, 0.0], c=0)
add("all-equal-7", [-2.5] * 7, c=6, eps=0.2)
add("wide-T", [1.0, -1.0, 0.5], t=50.0, c=1)
add("narrow-T", [1.0, 0.999, -1.0], t=0.002, c=1)
rng = random.Random(7)
add("k10-random", [round(rng.uniform(-5, 5), 3) for _ in range(10)], c=4, t=1.7, eps=0.05)
add("k257-gauss", [rng.gauss(0, 4) for _ in range(257)], c=100, t=0.9, eps=0.1)


FORMATS = {"float32": (24, -126, 127), "float16": (11, -14, 15), "bfloat16": (8, -126, 127)}


def round_to(xd, prec, emin, emax):
    """Round a double exactly to a binary format with `prec` significand bits."""
    if math.isnan(xd) or math.isinf(xd) or xd == 0.0:
        return xd
    sign = -1.0 if xd < 0 else 1.0
    x = Fraction(abs(xd))
    e = math.floor(math.log2(x))
    while Fraction(2) ** e > x:
        e -= 1
    while Fraction(2) ** (e + 1) <= x:
        e += 1
    quantum = Fraction(2) ** (max(e, emin) - prec + 1)
    q, r = divmod(x, quantum)
    if r * 2 > quantum or (r * 2 == quantum and q % 2 == 1):
        q += 1
    v = q * quantum
    largest = (2 - Fraction(2) ** (1 - prec)) * Fraction(2) ** emax
    if v > largest:
        return sign * math.inf
    return sign * float(v)


def bits(d):
    return struct.unpack("<q", struct.pack("<d", d))[0]


def edge_exp(x):
    """e^x rounded once to the nearest double: the same doubles math.exp gave when the file was
    first made, but from mpmath, so no platform's exp can change the table's inputs."""
    return float(exp(mpf(x)))


values = [0.0, -0.0, 1.0, -1.0, 0.1, 1 / 3, math.pi, 65504.0, 65519.99, 65520.0, 1e-8, 5.96e-8,
          2.98e-8, 2.9802322387695312e-08, 6.1e-5, 3.4028234663852886e38, 3.4028235677973366e38,
          3.4e38, 1e39, 1.401298464324817e-45, 7.006492321624085e-46, 1.1754943508222875e-38,
          edge_exp(88.7), edge_exp(88.73), edge_exp(11.09), edge_exp(11.1), 1.00390625, 1.01171875,
          1.0009765625, 1.00048828125, 1.000732421875, 2049.0, 2051.0, 16777217.0, 16777219.0,
          math.inf, -math.inf]
rng = random.Random(11)
values += [rng.uniform(-1, 1) * 10 ** rng.randint(-45, 39) for _ in range(200)]
rounding = []
for v in values:
    row = {"x": v, "xBits": bits(v)}
    for name, (prec, emin, emax) in FORMATS.items():
        r = round_to(v, prec, emin, emax)
        row[name] = r
    rounding.append(row)

try:
    import numpy as np
    np.seterr(over="ignore")
    for row in rounding:
        assert row["float32"] == float(np.float32(row["x"])) or (
            math.isinf(row["float32"]) and math.isinf(float(np.float32(row["x"])))), row
        with np.errstate(over="ignore"):
            assert row["float16"] == float(np.float16(row["x"])), row
    print("float32 and float16 columns agree with NumPy", np.__version__)
except ImportError:
    print("NumPy not installed: the float32 and float16 columns were not cross-checked")


def finite_or_word(v):
    """JSON has no infinities: write them as the words Java's Double.parseDouble reads."""
    if isinstance(v, float) and not math.isfinite(v):
        return "NaN" if math.isnan(v) else ("Infinity" if v > 0 else "-Infinity")
    if isinstance(v, list):
        return [finite_or_word(x) for x in v]
    if isinstance(v, dict):
        return {k: finite_or_word(x) for k, x in v.items()}
    return v


def dump(obj, name):
    with open(f"{HERE}/{name}", "w") as fh:
        json.dump(finite_or_word(obj), fh, indent=1, allow_nan=False)


dump(cases, "reference-cases.json")
dump(rounding, "rounding.json")
print(len(cases), "cases,", len(rounding), "rounding rows")
