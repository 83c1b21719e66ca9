"""The data set of the sim_csv_ rows, drawn with NumPy: the model of latent_dataset()
in bench_kernels.cpp (the same model, NumPy's random numbers). 4096 rows x 64
columns, x = L z + e: three shared signals z of standard deviations 1, 0.7 and 0.5,
loadings L ~ N(0, 0.25), unit private noise e, so PC1 stands clear (this draw:
lambda_1 = 13.5, then 9.3 and 3.6 above a bulk near 1.2).

    /usr/bin/python3 tests/benchmarks/latent_dataset.py OUT.csv    writes it as CSV (no header)
"""
import sys

import numpy as np

ROWS, COLUMNS = 4096, 64
SIGNAL_SD = np.array([1.0, 0.7, 0.5])


def latent_dataset(seed=11):
    """ROWS x COLUMNS samples of the latent model, the same for the same seed."""
    rng = np.random.default_rng(seed)
    loadings = 0.5 * rng.standard_normal((COLUMNS, len(SIGNAL_SD)))
    signals = SIGNAL_SD * rng.standard_normal((ROWS, len(SIGNAL_SD)))
    return signals @ loadings.T + rng.standard_normal((ROWS, COLUMNS))


def main():
    np.savetxt(sys.argv[1], latent_dataset(), delimiter=",", fmt="%.9g")


if __name__ == "__main__":
    main()
