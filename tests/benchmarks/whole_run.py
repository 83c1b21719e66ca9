"""Whole runs as processes: the native runner and the NumPy script numpy_run.py doing
the same job (online Oja, eta = 0.001, a random row of the same CSV per step), each
timed by the wall clock from start to exit: start-up, CSV parsing, learning and
writing the result file.

    /usr/bin/python3 tests/benchmarks/whole_run.py RUNNER OUT_DIR [rounds]

Writes OUT_DIR/latent_4096x64.csv (latent_dataset.py), runs the two in alternating
rounds (default 3) and prints, for each, the median over the rounds as
    name <TAB> samples/s <TAB> steps <TAB> seconds
with samples/s = steps / wall seconds. NumPy runs fewer steps than the runner (its
per-sample loop at the runner's step count would take a minute a round), still enough
that its start-up and loadtxt (about 0.4 s) are a small part of its time.
"""
import os
import statistics
import subprocess
import sys
import time

import latent_dataset

RUNNER_STEPS = 5_000_000
NUMPY_STEPS = 250_000
HERE = os.path.dirname(os.path.abspath(__file__))


def wall_seconds(command):
    """Seconds from start to exit of `command`, and its standard output."""
    start = time.perf_counter()
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    return time.perf_counter() - start, done.stdout


def main():
    runner, out = sys.argv[1], sys.argv[2]
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    os.makedirs(out, exist_ok=True)
    data = os.path.join(out, f"latent_{latent_dataset.ROWS}x{latent_dataset.COLUMNS}.csv")
    subprocess.run([sys.executable, os.path.join(HERE, "latent_dataset.py"), data], check=True)
    runner_command = [runner, "run", "--data", data, "--rule", "oja", "--eta", "0.001", "--steps", str(RUNNER_STEPS),
                      "--out", os.path.join(out, "runner-result.json")]
    numpy_command = [sys.executable, os.path.join(HERE, "numpy_run.py"), data, str(NUMPY_STEPS),
                     os.path.join(out, "numpy-result.json")]
    runner_seconds, numpy_seconds = [], []
    for _ in range(rounds):
        seconds, said = wall_seconds(runner_command)
        if f": {RUNNER_STEPS} steps;" not in said:
            sys.exit(f"whole_run: the runner did not run all {RUNNER_STEPS} steps: {said.strip()}")
        runner_seconds.append(seconds)
        numpy_seconds.append(wall_seconds(numpy_command)[0])
    for name, steps, seconds in (("runner_oja_N64", RUNNER_STEPS, statistics.median(runner_seconds)),
                                 ("numpy_run_oja_N64", NUMPY_STEPS, statistics.median(numpy_seconds))):
        print(f"{name}\t{steps / seconds:.6g}\t{steps}\t{seconds:.4g}", flush=True)


if __name__ == "__main__":
    main()
