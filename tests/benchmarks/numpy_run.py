"""The runner's job written in NumPy, as a whole process: what
`hebbian run --data DATA.csv --rule oja --eta 0.001 --steps STEPS --out OUT.json`
does, the way a NumPy user would write it (whole_run.py times the two).

    /usr/bin/python3 tests/benchmarks/numpy_run.py DATA.csv STEPS OUT.json

Loads the CSV, centres its columns, runs STEPS online Oja steps on a random row
each (dw = eta y (x - y w), eta = 0.001) and writes the weights to OUT.json.
"""
import json
import sys

import numpy as np


def main():
    data_path, steps, out_path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    data = np.loadtxt(data_path, delimiter=",")
    data -= data.mean(axis=0)
    rng = np.random.default_rng(1)
    w = 0.1 * rng.standard_normal(data.shape[1])
    eta = 1e-3
    for _ in range(steps):
        x = data[rng.integers(len(data))]
        y = w @ x
        w = w + eta * y * (x - y * w)
    with open(out_path, "w") as f:
        json.dump({"rule": "oja", "eta": eta, "steps": steps, "weights": w.tolist()}, f)


if __name__ == "__main__":
    main()
