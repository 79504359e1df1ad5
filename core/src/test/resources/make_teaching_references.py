#!/usr/bin/env python3
"""Reference values for the teaching classes of Softmax Explorer's core (SeededGenerator,
Distillation, LabelSmoothing, NegativeLogCurve, TemperatureSweep), written to
teaching-references.json beside this script. Nothing here calls the Java code.

- generator: an independent Python transcription of the published xoshiro128** 1.1 algorithm
  (Blackman and Vigna, https://prng.di.unimi.it/xoshiro128starstar.c) with the seeding documented
  in SeededGenerator.java (MurmurHash3's fmix32 of seed + j * 0x9E3779B9, j = 1..4), all in
  explicit 32-bit unsigned arithmetic; outputs are written as signed 32-bit ints (Java's int).
  nextDouble is (a * 2^26 + b) * 2^-53 with a = out >> 5 and b = out >> 6 of two outputs
  (Matsumoto and Nishimura's genrand_res53), computed exactly with integers.
- distillation: KL(q || p) with q = softmax(a / T), p = softmax(b / T), T^2 KL and T (p - q),
  from 100-digit mpmath, each rounded once to the nearest double.
- labelSmoothing: H(y) for y = (1 - eps) onehot + eps / K (100-digit mpmath).
- negativeLog: -ln p for the classic table's p (the doubles nearest 0.99, 0.9, ...).
- temperatures: exp(log min + i / (n - 1) * log(max / min)) for the page's sweep, 0.05 to 20.

Non-finite values are written as the strings "Infinity" / "-Infinity", as the other fixtures.
Run: python3 make_teaching_references.py   (needs mpmath)
"""
import json
from mpmath import mp, mpf, exp, log

mp.dps = 100
HERE = __file__.rsplit("/", 1)[0] if "/" in __file__ else "."
MASK = 0xFFFFFFFF


def signed(x):
    return x - (1 << 32) if x & 0x80000000 else x


def fmix32(h):
    h &= MASK
    h ^= h >> 16
    h = (h * 0x85EBCA6B) & MASK
    h ^= h >> 13
    h = (h * 0xC2B2AE35) & MASK
    h ^= h >> 16
    return h


def rotl(x, k):
    return ((x << k) | (x >> (32 - k))) & MASK


class Xoshiro128StarStar:
    def __init__(self, seed):
        self.s = [fmix32(seed + j * 0x9E3779B9) for j in range(1, 5)]

    def next(self):
        s = self.s
        result = (rotl((s[1] * 5) & MASK, 7) * 9) & MASK
        t = (s[1] << 9) & MASK
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 11)
        return result

    def next_double(self):
        a = self.next() >> 5
        b = self.next() >> 6
        return (a * 67108864 + b) / 9007199254740992  # exact: a numerator below 2^53


def num(x):
    f = float(x)
    if f == float("inf"):
        return "Infinity"
    if f == float("-inf"):
        return "-Infinity"
    return f


def softmax_mp(z, t):
    x = [mpf(v) / mpf(t) if v != float("-inf") else None for v in z]
    m = max(v for v in x if v is not None)
    s = sum(exp(v - m) for v in x if v is not None)
    logp = [(v - m) - log(s) if v is not None else None for v in x]
    p = [exp(v) if v is not None else mpf(0) for v in logp]
    return p, logp


def distillation_case(name, a, b, t):
    q, logq = softmax_mp(a, t)
    p, logp = softmax_mp(b, t)
    kl = mpf(0)
    for i in range(len(a)):
        if logq[i] is None:
            continue
        kl += q[i] * (logq[i] - logp[i])
    return {"name": name, "teacher": [num(v) for v in a], "student": [num(v) for v in b],
            "t": t, "kl": num(kl), "loss": num(kl * mpf(t) ** 2),
            "gradient": [num(mpf(t) * (p[i] - q[i])) for i in range(len(a))]}


def label_smoothing_case(k, eps):
    e = mpf(eps)
    a = 1 - e + e / k
    b = e / k
    h = -a * log(a) if a > 0 else mpf(0)
    if b > 0:
        h -= (k - 1) * b * log(b)
    return {"k": k, "eps": eps, "minimum": num(h)}


def main():
    generator = []
    for seed in [0, 1, 42, -1, 2147483647, -2147483648, 20250101]:
        g = Xoshiro128StarStar(seed)
        ints = [signed(g.next()) for _ in range(8)]
        g = Xoshiro128StarStar(seed)
        doubles = [g.next_double() for _ in range(4)]
        generator.append({"seed": seed, "ints": ints, "doubles": doubles})

    ninf = float("-inf")
    distillation = [
        distillation_case("teacher-student-T1", [2.0, 1.0, 0.1], [1.0, 1.5, 0.0], 1.0),
        distillation_case("teacher-student-T4", [2.0, 1.0, 0.1], [1.0, 1.5, 0.0], 4.0),
        distillation_case("cat-dog-bird-T2", [4.5, -1.2, 0.8], [2.0, 0.0, 1.0], 2.0),
        distillation_case("nearly-equal-1e-9", [2.0, 1.0, 0.0], [2.0 + 1e-9, 1.0, 0.0], 1.0),
        distillation_case("nearly-equal-1e-6-T3", [0.3, -0.7, 1.9, 0.0],
                          [0.3, -0.7 - 1e-6, 1.9, 1e-6], 3.0),
        distillation_case("far-apart", [30.0, 0.0, -30.0], [-30.0, 0.0, 30.0], 1.0),
        distillation_case("large-logits-T0.05", [1000.0, 999.0, 998.0], [999.0, 1000.0, 998.0], 0.05),
        distillation_case("teacher-masks-a-class", [ninf, 1.0, 0.0], [0.5, 1.0, 0.0], 1.0),
        distillation_case("ten-classes-T20", [float(i) for i in range(10)],
                          [float(9 - i) * 0.5 for i in range(10)], 20.0),
    ]

    smoothing = [label_smoothing_case(k, eps)
                 for k, eps in [(2, 0.1), (3, 0.1), (10, 0.1), (3, 0.5), (10, 0.5), (3, 1.0),
                                (1000, 0.01), (2, 1e-10), (5, 0.3)]]

    negative_log = [{"p": p, "value": num(-log(mpf(p)))}
                    for p in [0.99, 0.9, 0.5, 0.1, 0.01, 1e-300, 5e-324, 1 - 2 ** -53]]

    lo, hi, n = 0.05, 20.0, 9
    temperatures = [num(exp(log(mpf(lo)) + mpf(i) / (n - 1) * log(mpf(hi) / mpf(lo))))
                    for i in range(n)]

    out = {"generator": generator, "distillation": distillation, "labelSmoothing": smoothing,
           "negativeLog": negative_log,
           "temperatures": {"min": lo, "max": hi, "points": n, "values": temperatures}}
    with open(HERE + "/teaching-references.json", "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
