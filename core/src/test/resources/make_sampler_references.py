#!/usr/bin/env python3
"""Reference outputs for SamplerChain in the two default orders, from NumPy re-statements of the
reference implementations' rules (written from reading their sources, not copied):

- Hugging Face transformers (src/transformers/generation/logits_process.py and the order of
  GenerationMixin._get_logits_processor in generation/utils.py): the warpers act on a full row of
  scores and remove a token by setting its score to -inf. Temperature divides the scores;
  TopKLogitsWarper removes scores below the k-th largest; TopPLogitsWarper sorts ascending, takes
  the softmax's cumulative sum and removes the tokens whose cumsum <= 1 - top_p; MinPLogitsWarper
  removes probabilities < min_p * max p; TypicalLogitsWarper sorts by |(-log p) - H| ascending and
  keeps up to the first position where the cumulative probability reaches the mass.
- llama.cpp (src/llama-sampling.cpp, default order in common/common.h): the samplers shrink a
  candidate array and each takes the softmax of the remaining candidates. top-k keeps the k
  largest logits; typical keeps candidates by |(-log p) - H| ascending until the cumulative p
  exceeds p (strictly); top-p keeps the descending prefix until the cumulative p reaches p
  (>=); min-p keeps logits >= max logit + log(min_p); temperature divides the logits last.

Each case is a random vector of distinct logits (3 decimals in [-4, 4], K from 2 to 16) with a
random T and random parameters (each filter sometimes off), run through one of the two orders.
Cases where a comparison is within a relative 1e-9 of its threshold are redrawn: there the
projects' own roundings (float32 in both) decide, and a double re-statement cannot speak for them.

sampler-references.json: {"cases": [{"order": "hf" | "llama", "z": [...], "t", "k", "top_p",
"min_p", "typical", "kept": [bitmask after each of the five steps, bit i = class i kept],
"entropy": entropy in nats of the final distribution}]}.

Run: python3 make_sampler_references.py   (needs NumPy; the output is byte-identical on rerun)
"""
import json
import numpy as np

HERE = __file__.rsplit("/", 1)[0] if "/" in __file__ else "."
MARGIN = 1e-9


class Near(Exception):
    """A comparison too close to its threshold to trust."""


def check(a, b):
    if abs(a - b) <= MARGIN * max(abs(a), abs(b), 1e-300):
        raise Near()


def softmax(x):
    finite = x[np.isfinite(x)]
    e = np.where(np.isfinite(x), np.exp(x - finite.max()), 0.0)
    return e / e.sum()


def mask_of(scores):
    return sum(1 << i for i in range(len(scores)) if np.isfinite(scores[i]))


# ---- Hugging Face transformers ----

def hf_temperature(s, t):
    return s / t


def hf_top_k(s, k):
    if k == 0:
        return s
    k = min(k, len(s))
    kth = np.sort(s)[::-1][k - 1]
    for v in s[np.isfinite(s)]:
        if v != kth:
            check(v, kth)
    return np.where(s < kth, -np.inf, s)


def hf_top_p(s, top_p):
    if top_p >= 1.0:
        return s
    order = np.argsort(s, kind="stable")
    cum = np.cumsum(softmax(s[order]))
    for c in cum[:-1]:
        check(c, 1 - top_p)
    remove = cum <= (1 - top_p)
    remove[-1] = False
    out = s.copy()
    out[order[remove]] = -np.inf
    return out


def hf_min_p(s, min_p):
    if min_p == 0.0:
        return s
    p = softmax(s)
    threshold = min_p * p.max()
    for v in p[p > 0]:
        if v != p.max():
            check(v, threshold)
    return np.where(p < threshold, -np.inf, s)


def hf_typical(s, mass):
    if mass >= 1.0:
        return s
    p = softmax(s)
    logp = np.log(np.where(p > 0, p, 1.0))
    ent = -np.sum(np.where(p > 0, logp * p, 0.0))
    shifted = np.where(p > 0, np.abs(-logp - ent), np.inf)
    order = np.argsort(shifted, kind="stable")
    fin = shifted[np.isfinite(shifted)]
    if len(np.unique(fin)) != len(fin):
        raise Near()
    cum = np.cumsum(p[order])
    for c in cum[: len(fin) - 1]:
        check(c, mass)
    last = min(int((cum < mass).sum()), len(s) - 1)
    remove_sorted = shifted[order] > shifted[order][last]
    out = s.copy()
    out[order[remove_sorted]] = -np.inf
    return out


# ---- llama.cpp (candidates: indices and logits, shrinking) ----

def ll_probs(z):
    return softmax(z)


def ll_top_k(idx, z, k):
    if k <= 0:
        return idx, z
    k = min(k, len(z))
    order = np.argsort(-z, kind="stable")[:k]
    if k < len(z):
        check(z[order[-1]], np.sort(z)[::-1][k])
    return idx[order], z[order]


def ll_typical(idx, z, p_typ):
    if p_typ >= 1.0:
        return idx, z
    p = ll_probs(z)
    ent = -np.sum(p * np.log(p))
    shifted = np.abs(-np.log(p) - ent)
    if len(np.unique(shifted)) != len(shifted):
        raise Near()
    order = np.argsort(shifted, kind="stable")
    cum = 0.0
    last = len(z)
    for i, j in enumerate(order):
        cum += p[j]
        if i < len(order) - 1:
            check(cum, p_typ)
        if cum > p_typ:
            last = i + 1
            break
    keep = order[:last]
    return idx[keep], z[keep]


def ll_top_p(idx, z, top_p):
    if top_p >= 1.0:
        return idx, z
    order = np.argsort(-z, kind="stable")
    p = ll_probs(z)[order]
    cum = 0.0
    last = len(z)
    for i in range(len(p)):
        cum += p[i]
        if i < len(p) - 1:
            check(cum, top_p)
        if cum >= top_p:
            last = i + 1
            break
    keep = order[:last]
    return idx[keep], z[keep]


def ll_min_p(idx, z, min_p):
    if min_p <= 0.0:
        return idx, z
    bound = z.max() + np.log(min_p)
    for v in z:
        if v != z.max():
            check(v, bound)
    keep = z >= bound
    return idx[keep], z[keep]


def ll_mask(idx):
    return sum(1 << int(i) for i in idx)


def run_hf(z, t, k, top_p, min_p, typical):
    s = z.copy()
    kept = []
    for step in ("temperature", "top_k", "top_p", "min_p", "typical"):
        if step == "temperature":
            s = hf_temperature(s, t)
        elif step == "top_k":
            s = hf_top_k(s, k)
        elif step == "top_p":
            s = hf_top_p(s, top_p)
        elif step == "min_p":
            s = hf_min_p(s, min_p)
        else:
            s = hf_typical(s, typical)
        kept.append(mask_of(s))
    return kept, entropy(softmax(s))


def run_llama(z, t, k, top_p, min_p, typical):
    idx = np.arange(len(z))
    c = z.copy()
    kept = []
    for step in ("top_k", "typical", "top_p", "min_p", "temperature"):
        if step == "top_k":
            idx, c = ll_top_k(idx, c, k)
        elif step == "typical":
            idx, c = ll_typical(idx, c, typical)
        elif step == "top_p":
            idx, c = ll_top_p(idx, c, top_p)
        elif step == "min_p":
            idx, c = ll_min_p(idx, c, min_p)
        else:
            c = c / t
        kept.append(ll_mask(idx))
    return kept, entropy(ll_probs(c))


def entropy(p):
    p = p[p > 0]
    return float(-np.sum(p * np.log(p)))


def main():
    rng = np.random.default_rng(20261203)
    cases = []
    while len(cases) < 2000:
        n = int(rng.integers(2, 17))
        z = np.round(rng.uniform(-4, 4, n), 3)
        if len(np.unique(z)) != n:
            continue
        t = float(np.round(rng.choice([0.25, 0.5, 0.7, 1.0, 1.5, 2.0, 3.0]) * rng.uniform(0.8, 1.25), 3))
        k = int(rng.integers(0, n + 1)) if rng.random() < 0.6 else 0
        top_p = float(np.round(rng.uniform(0.5, 1.0), 3)) if rng.random() < 0.6 else 1.0
        min_p = float(np.round(rng.uniform(0.01, 0.3), 3)) if rng.random() < 0.6 else 0.0
        typical = float(np.round(rng.uniform(0.2, 1.0), 3)) if rng.random() < 0.5 else 1.0
        order = "hf" if len(cases) % 2 == 0 else "llama"
        run = run_hf if order == "hf" else run_llama
        try:
            kept, h = run(z, t, k, top_p, min_p, typical)
        except Near:
            continue
        cases.append({"order": order, "z": [float(v) for v in z], "t": t, "k": k,
                      "top_p": top_p, "min_p": min_p, "typical": typical, "kept": kept,
                      "entropy": float(np.float64(h))})
    with open(f"{HERE}/sampler-references.json", "w") as f:
        json.dump({"cases": cases}, f, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()
