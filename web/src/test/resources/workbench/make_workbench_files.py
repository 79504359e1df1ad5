"""Writes the workbench's test inputs: small .npy files (every dtype the page reads, both byte
orders, format versions 1.0, 2.0 and 3.0, C and Fortran 2-D, and broken ones), NumPy prints, a
50,257-class float16 vector for the browser tests, and expected.json with what each should give.

Needs NumPy (and mpmath for the 50,257-class references). Running `python3 make_workbench_files.py`
here rewrites every file; with NumPy 2.4 and mpmath 1.3 they come out byte for byte as committed.
"""
import io
import json
import os
import struct

import mpmath
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
FILES = os.path.join(HERE, "npy")
expected = {"good": {}, "bad": {}, "prints": {}}


def shortest(x):
    x = float(x)
    if x != x:
        return "NaN"
    if x in (float("inf"), float("-inf")):
        return "Infinity" if x > 0 else "-Infinity"
    return repr(x)


def save(name, array, version=None):
    buffer = io.BytesIO()
    np.lib.format.write_array(buffer, array, version=version, allow_pickle=False)
    with open(os.path.join(FILES, name), "wb") as f:
        f.write(buffer.getvalue())
    return buffer.getvalue()


def good(name, array, version=None, precision=None):
    save(name, array, version)
    rows = array.reshape(1, -1) if array.ndim == 1 else array
    expected["good"][name] = {
        "rows": int(rows.shape[0]),
        "precision": precision,
        "values": [[shortest(v) for v in row.astype(np.float64)] for row in rows],
    }


def bad(name, data, key):
    with open(os.path.join(FILES, name), "wb") as f:
        f.write(data)
    expected["bad"][name] = key


os.makedirs(FILES, exist_ok=True)
floats = [2.1, -0.5, 0.38, 65504.0, 6e-08, -np.inf, 0.0, -0.0, 1.0 / 3.0, -1e-300]
precisions = {"f2": "FLOAT16", "f4": "FLOAT32", "f8": None}
for code, precision in precisions.items():
    for order in "<>":
        values = [v for v in floats if code != "f2" or abs(v) != 1e-300]
        with np.errstate(over="ignore", under="ignore"):
            good("%s-%s.npy" % (code, "le" if order == "<" else "be"), np.array(values, dtype=order + code),
                 precision=precision)
integers = {"i1": [-128, 127, 0, 5], "u1": [0, 255, 7, 1], "i2": [-32768, 32767, 3, 0],
            "u2": [65535, 0, 1, 2], "i4": [-2147483648, 2147483647, 0, 9], "u4": [4294967295, 0, 1, 2],
            "i8": [-9223372036854775808, 9223372036854775807, 9007199254740993, -1],
            "u8": [18446744073709551615, 9007199254740993, 0, 1]}
for code, values in integers.items():
    for order in "<>":
        good("%s-%s.npy" % (code, "le" if order == "<" else "be"), np.array(values, dtype=order + code))
good("version-2.npy", np.array([1.5, -2.25, 3.0], dtype="<f4"), version=(2, 0), precision="FLOAT32")
good("version-3.npy", np.array([1.5, -2.25, 3.0], dtype="<f8"), version=(3, 0))
matrix = np.arange(15, dtype="<f8").reshape(3, 5) * 0.5 - 2.0
good("c-2d.npy", matrix)
good("fortran-2d.npy", np.asfortranarray(matrix))
good("fortran-2d-f2-be.npy", np.asfortranarray(matrix.astype(">f2")), precision="FLOAT16")

ok = save("base.npy", np.array([1.0, 2.0, 3.0, 4.0], dtype="<f4"))
header_length = struct.unpack("<H", ok[8:10])[0]
bad("header-too-long.npy", ok[:8] + struct.pack("<H", header_length + 8) + ok[10:], "workbench.npy.header")
bad("header-too-short.npy", ok[:8] + struct.pack("<H", header_length - 8) + ok[10:], "workbench.npy.header")
bad("header-beyond-file.npy", ok[:8] + struct.pack("<H", 60000) + ok[10:], "workbench.npy.header-length")
bad("truncated.npy", ok[:-3], "workbench.npy.truncated")
bad("extra.npy", ok + b"\0\0\0\0", "workbench.npy.extra")
bad("magic.npy", b"\x93NUMPX" + ok[6:], "workbench.npy.magic")
bad("version-4.npy", ok[:6] + b"\x04\x00" + ok[8:], "workbench.npy.version")
bad("cut-in-magic.npy", ok[:4], "workbench.npy.magic")
bad("cut-in-length.npy", ok[:9], "workbench.npy.header-length")
bad("complex.npy", save("complex.npy", np.array([1 + 2j, 3], dtype="<c8")), "workbench.npy.dtype")
bad("bool.npy", save("bool.npy", np.array([True, False])), "workbench.npy.dtype")
bad("unicode.npy", save("unicode.npy", np.array(["ab", "c"])), "workbench.npy.dtype")
bad("three-d.npy", save("three-d.npy", np.zeros((2, 2, 2))), "workbench.npy.shape")
bad("scalar.npy", save("scalar.npy", np.array(2.5)), "workbench.npy.shape")
bad("nan-entry.npy", save("nan-entry.npy", np.array([1.0, 2.0, np.nan, 4.0], dtype="<f2")),
    "workbench.problem.nan")
bad("inf-entry.npy", save("inf-entry.npy", np.array([1.0, np.inf], dtype="<f4")), "workbench.problem.infinity")
bad("one-value.npy", save("one-value.npy", np.array([1.0])), "workbench.problem.too-few")
bad("empty-vector.npy", save("empty-vector.npy", np.zeros(0)), "workbench.problem.empty")
bad("empty-file.npy", b"", "workbench.problem.empty")
os.remove(os.path.join(FILES, "base.npy"))

# Prints, as NumPy writes them (the PyTorch ones are in the Java test, written as torch prints them).
small = np.array([2.1, -0.5, 0.38, np.float32(1e-8), -np.inf], dtype=np.float32)
wide = (np.arange(40, dtype=np.float64) - 20.0) / 7.0
expected["prints"]["numpy-float32"] = {"text": repr(small), "precision": "FLOAT32",
                                      "values": [shortest(float(repr(float(v)))) for v in
                                                 [2.1, -0.5, 0.38, 1e-8, -np.inf]]}
expected["prints"]["numpy-wrapped"] = {"text": repr(wide), "precision": None,
                                      "values": [shortest(float(t)) for t in
                                                 repr(wide)[7:-2].replace("\n", " ").split(",")]}
expected["prints"]["numpy-shortened"] = {"text": repr(np.linspace(-3, 3, 2001)), "problem": "workbench.text.shortened"}
expected["prints"]["numpy-nested"] = {"text": repr(np.array([[1.0, 2.5, -3.0]], dtype=np.float16)),
                                     "precision": "FLOAT16", "values": ["1.0", "2.5", "-3.0"]}
expected["prints"]["numpy-two-rows"] = {"text": repr(matrix), "problem": "workbench.text.rows"}

# The browser tests' vocabulary-sized vector: GPT-2's 50,257 classes in float16, seeded; class 1234
# is the true class. References from mpmath at 40 digits.
rng = np.random.default_rng(50257)
logits = (rng.standard_normal(50257) * 2.0 - 4.0).astype(np.float16)
logits[1234] = np.float16(17.5)
logits[42] = np.float16(18.25)
logits[7] = np.float16(16.0)
save("gpt2-50257-f2.npy", logits)
mpmath.mp.dps = 40
exact = [mpmath.mpf(float(v)) for v in logits]
total = mpmath.fsum(mpmath.exp(v) for v in exact)
order = sorted(range(len(exact)), key=lambda i: -float(exact[i]))
expected["gpt2"] = {
    "file": "gpt2-50257-f2.npy",
    "target": 1234,
    "top": [[i, shortest(float(mpmath.exp(exact[i]) / total))] for i in order[:3]],
    "rest_after_20": shortest(float(mpmath.fsum(mpmath.exp(exact[i]) for i in order[20:]) / total)),
    "target_rank": order.index(1234) + 1,
    "target_loss": shortest(float(mpmath.log(total) - exact[1234])),
    "max": shortest(float(max(exact))),
}
# The export writer's reference: np.save's own bytes for float64 values of every kind (negative
# zero, both infinities, the smallest subnormal, NaN), and the values, for NpyWriterTest.
export = np.array([2.1, -0.5, 0.0, -0.0, np.inf, -np.inf, 5e-324, 1.0 / 3.0, -1e300, np.nan], dtype="<f8")
save("export-f8.npy", export)
expected["export"] = {"file": "export-f8.npy", "values": [shortest(v) for v in export]}
with open(os.path.join(HERE, "expected.json"), "w") as f:
    json.dump(expected, f, indent=1, sort_keys=True)
    f.write("\n")
