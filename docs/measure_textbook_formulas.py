#!/usr/bin/env python3
"""How far the usual float64 softmax formulas land from the exact values, on the reference cases
the core is tested against: the figures quoted in docs/numerics.md and the README.

It reads core/src/test/resources/reference-cases.json, more-reference-cases.json and
k4096-reference-case.json (100-digit mpmath values, each rounded once to a double; see FIXTURES.md
there), evaluates three formulas in NumPy float64, and prints, per quantity, the worst error in
ulps and in how many cases some component is wrong in every digit.

- naive: p = exp(x) / sum exp(x), log p = log(p), with x = z / T.
- textbook: the max-subtracted form, p = exp(x - m) / S and log p = (x - m) - log(S), with
  m = max x and S = sum exp(x - m); log-sum-exp of z the same way.
- scipy: scipy.special.softmax, log_softmax and logsumexp (skipped if SciPy is not installed).

Losses and gradients are formed from each formula's log p and p in the obvious way:
ce = -log p_c, ceSmooth = -sum y_i log p_i with y = (1 - eps) onehot(c) + eps/K, and
grad = (p - y) / T. Cases with a masked class (a logit of -Infinity) are left out, and so are
components whose exact value is below 1e-300 in magnitude (there a double's ulp is meaningless).

An error is counted in ulps (how many doubles lie between the result and the exact value) while
the relative error is below 1%; a component further off than that, or not finite where the exact
value is, counts as "every digit wrong" instead, since an ulp count there says nothing.

Run: python3 docs/measure_textbook_formulas.py   (needs NumPy; SciPy for its row)
"""
import json
import math
import os
import struct
import warnings

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
RESOURCES = os.path.join(HERE, "..", "core", "src", "test", "resources")
FILES = ["reference-cases.json", "more-reference-cases.json", "k4096-reference-case.json"]
QUANTITIES = ["p", "logp", "lse", "ce", "ceSmooth", "grad"]


def number(v):
    """The fixtures write non-finite values as the words Java reads."""
    return float(v.replace("Infinity", "inf")) if isinstance(v, str) else float(v)


def ordered(d):
    """A double's bits as an integer that counts doubles in order across zero."""
    bits = struct.unpack("<q", struct.pack("<d", d))[0]
    return bits if bits >= 0 else -(bits & 0x7FFFFFFFFFFFFFFF)


def target(k, c, eps):
    y = np.full(k, eps / k)
    y[c] += 1 - eps
    return y


def finish(p, logp, lse, z, t, c, eps):
    y = target(len(z), c, eps)
    return dict(p=p, logp=logp, lse=lse, ce=-logp[c], ceSmooth=-(y * logp).sum(), grad=(p - y) / t)


def naive(z, t, c, eps):
    x = z / t
    e = np.exp(x)
    p = e / e.sum()
    return finish(p, np.log(p), np.log(np.exp(z).sum()), z, t, c, eps)


def textbook(z, t, c, eps):
    x = z / t
    m = x.max()
    e = np.exp(x - m)
    s = e.sum()
    zm = z.max()
    lse = zm + np.log(np.exp(z - zm).sum())
    return finish(e / s, (x - m) - np.log(s), lse, z, t, c, eps)


def with_scipy():
    try:
        from scipy import special
    except ImportError:
        return None

    def scipy_formulas(z, t, c, eps):
        x = z / t
        return finish(special.softmax(x), special.log_softmax(x), special.logsumexp(z), z, t, c, eps)

    return scipy_formulas


def cases():
    out = []
    for name in FILES:
        with open(os.path.join(RESOURCES, name)) as fh:
            out += json.load(fh)
    return [c for c in out if all(math.isfinite(number(v)) for v in c["z"])]


def measure(formula, all_cases):
    worst = {q: (0, "") for q in QUANTITIES}
    wrong = {q: set() for q in QUANTITIES}
    for case in all_cases:
        z = np.array([number(v) for v in case["z"]])
        got = formula(z, number(case["t"]), case["c"], number(case["eps"]))
        for q in QUANTITIES:
            exact = case[q] if isinstance(case[q], list) else [case[q]]
            for r, a in zip((number(v) for v in exact), np.atleast_1d(got[q])):
                a = float(a)
                if not math.isfinite(r) or abs(r) < 1e-300:
                    continue
                if not math.isfinite(a) or abs(a - r) >= 0.01 * abs(r):
                    wrong[q].add(case["name"])
                    continue
                ulps = abs(ordered(a) - ordered(r))
                if ulps > worst[q][0]:
                    worst[q] = (ulps, case["name"])
    return worst, wrong


def main():
    all_cases = cases()
    formulas = [("naive", naive), ("textbook", textbook)]
    scipy_formulas = with_scipy()
    if scipy_formulas is not None:
        formulas.append(("scipy", scipy_formulas))
    print(len(all_cases), "reference cases without masked classes")
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        for name, formula in formulas:
            worst, wrong = measure(formula, all_cases)
            print(name)
            for q in QUANTITIES:
                ulps, where = worst[q]
                names = sorted(wrong[q])
                # Name the cases when they are few enough to read; the naive formula breaks in dozens.
                which = ": " + ", ".join(names) if 0 < len(names) <= 6 else ""
                print(f"  {q:9} worst {ulps:>6} ulp ({where or '-'}); every digit wrong in "
                      f"{len(names)} cases{which}")
    if scipy_formulas is None:
        print("SciPy not installed: its row was skipped")


if __name__ == "__main__":
    main()
