"""What a researcher would otherwise write: the same rules and sizes as
bench_kernels.cpp, as NumPy per-sample loops (Debian's python3-numpy).

    /usr/bin/python3 tests/benchmarks/numpy_bench.py [repetitions]

Prints `name <TAB> samples_per_second` (median of the repetitions), with the
names of the C++ kernels. Like them, the ff_ and rec_ kernels learn from
pre-drawn samples; sim_ and frame_ draw their samples inside the loop.
"""
import sys
import time

import numpy as np

PRE_DRAWN = 256


def rate(step, samples_per_call, repetitions):
    """Median samples per second of step(), each repetition about 0.25 s."""
    calls = 1
    while True:
        start = time.perf_counter()
        for _ in range(calls):
            step()
        if time.perf_counter() - start > 0.05:
            break
        calls *= 2
    calls = max(1, int(calls * 0.25 / (time.perf_counter() - start)))
    rates = []
    for _ in range(repetitions):
        start = time.perf_counter()
        for _ in range(calls):
            step()
        rates.append(calls * samples_per_call / (time.perf_counter() - start))
    return sorted(rates)[len(rates) // 2]


def cycled(n, seed):
    samples = np.random.default_rng(seed).standard_normal((PRE_DRAWN, n))
    state = {"next": 0}

    def take():
        x = samples[state["next"]]
        state["next"] = (state["next"] + 1) % PRE_DRAWN
        return x

    return samples, take


def oja(n):
    _, take = cycled(n, 2)
    w = np.random.default_rng(1).standard_normal(n) / np.sqrt(n)
    eta = 1e-3

    def step():
        nonlocal w
        x = take()
        y = w @ x
        w = w + eta * y * (x - y * w)  # dw = eta y (x - y w)

    return step


def decay(n):
    samples, take = cycled(n, 2)
    alpha = np.linalg.eigvalsh(samples.T @ samples / PRE_DRAWN)[-1]
    w0 = np.random.default_rng(1).standard_normal(n) / np.sqrt(n)
    w = w0
    eta = 1e-3
    done = 0

    def step():
        nonlocal w, done
        x = take()
        y = w @ x
        w = w + eta * (y * x - alpha * w)  # dw = eta (y x - alpha w)
        # As in bench_kernels.cpp: restart every pass, before |w| shrinks into subnormals.
        done += 1
        if done % PRE_DRAWN == 0:
            w = w0

    return step


def sanger(n, k):
    _, take = cycled(n, 2)
    w = np.random.default_rng(1).standard_normal((k, n)) / np.sqrt(n)
    eta = 1e-3

    def step():
        nonlocal w
        x = take()
        y = w @ x
        w = w + eta * (np.outer(y, x) - np.tril(np.outer(y, y)) @ w)  # dW = eta (y x^T - LT[y y^T] W)

    return step


def recurrent(n, eta=1e-3, alpha=1.0):
    _, take = cycled(n, 3)
    w = np.zeros((n, n))
    keep = 1.0 - eta * alpha

    def step():
        nonlocal w
        x = take()
        w = keep * w + eta * np.outer(x, x)  # W <- (1 - eta alpha) W + eta x x^T

    return step


def response(n):
    samples, take = cycled(n, 4)
    w = 0.5 * samples.T @ samples / PRE_DRAWN / np.linalg.eigvalsh(samples.T @ samples / PRE_DRAWN)[-1]
    mu, v = np.linalg.eigh(w)
    gains = 1.0 / (1.0 - mu)

    def step():
        x = take()
        return v @ (gains * (v.T @ x))  # r = V diag(1 / (1 - mu)) V^T x

    return step


def frame_default():
    """SimParams{}: 2-D Gaussian (variances 1, 0.25, 30 degrees), decay, 5 steps."""
    rng = np.random.default_rng(1)
    a = np.radians(30.0)
    mixing = np.array([[np.cos(a), -np.sin(a)], [np.sin(a), np.cos(a)]]) @ np.diag([1.0, 0.5])
    w = 0.1 * rng.standard_normal(2)
    eta, alpha = 0.01, 1.0

    def step():
        nonlocal w
        for _ in range(5):
            x = mixing @ rng.standard_normal(2)
            y = w @ x
            w = w + eta * (y * x - alpha * w)

    return step


def latent(n, seed=1):
    rng = np.random.default_rng(seed)
    loadings = 0.5 * rng.standard_normal(n)

    def draw():
        return loadings * rng.standard_normal() + rng.standard_normal(n)

    return draw


def sim_recurrent(n, covariance):
    draw = latent(n)
    w = np.zeros((n, n))
    eta, alpha = 1e-3, 4.0
    state = {"count": 0, "mean": np.zeros(n), "scatter": np.zeros((n, n))}

    def step():
        nonlocal w
        for _ in range(64):
            x = draw()
            w = (1.0 - eta * alpha) * w + eta * np.outer(x, x)
            if covariance:  # Welford
                state["count"] += 1
                delta = x - state["mean"]
                state["mean"] += delta / state["count"]
                state["scatter"] += np.outer(delta, x - state["mean"])

    return step


def sim_oja(n):
    draw = latent(n)
    w = 0.1 * np.random.default_rng(2).standard_normal(n)
    eta = 1e-3

    def step():
        nonlocal w
        for _ in range(64):
            x = draw()
            y = w @ x
            w = w + eta * y * (x - y * w)

    return step


KERNELS = [
    ("ff_oja_N64", lambda: oja(64), 1),
    ("ff_oja_N1024", lambda: oja(1024), 1),
    ("ff_decay_N64", lambda: decay(64), 1),
    ("ff_decay_N1024", lambda: decay(1024), 1),
    ("ff_sanger_N256_k8", lambda: sanger(256, 8), 1),
    ("rec_update_N256", lambda: recurrent(256), 1),
    ("rec_update_N1024", lambda: recurrent(1024), 1),
    ("rec_update_rank1_N512", lambda: recurrent(512), 1),
    ("rec_response_N256", lambda: response(256), 1),
    ("frame_default", frame_default, 5),
    ("sim_rec_N512", lambda: sim_recurrent(512, False), 64),
    ("sim_rec_N512_cov", lambda: sim_recurrent(512, True), 64),
    ("sim_oja_N1024", lambda: sim_oja(1024), 64),
]


def main():
    repetitions = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    for name, make, samples in KERNELS:
        print(f"{name}\t{rate(make(), samples, repetitions):.6g}", flush=True)


if __name__ == "__main__":
    main()
