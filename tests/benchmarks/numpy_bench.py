"""What a researcher would otherwise write: the same rules and sizes as
bench_kernels.cpp, as NumPy per-sample loops (Debian's python3-numpy).

    /usr/bin/python3 tests/benchmarks/numpy_bench.py [repetitions] [filter]

(filter: a regular expression the names must match somewhere, as the harnesses' filters)

Prints `name <TAB> samples_per_second` (median of the repetitions), with the
names of the C++ kernels. Like them, the ff_ and rec_ kernels learn from
pre-drawn samples; sim_ and frame_ draw their samples inside the loop, the way a
NumPy user would: normals per sample for the latent source, a random row index per
sample for the data set (sim_csv_, latent_dataset.py: the same model as the C++
rows, NumPy's numbers). The rng_ rows are NumPy's own bulk generator (PCG64), 1024
numbers a call: there a NumPy user would not loop.
"""
import re
import sys
import time

import numpy as np

import latent_dataset

PRE_DRAWN = 256
RANDOM_PER_CALL = 1024


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


def hebb(n):
    _, take = cycled(n, 2)
    w0 = np.random.default_rng(1).standard_normal(n) / np.sqrt(n)
    w = w0
    eta = 1e-3
    done = 0

    def step():
        nonlocal w, done
        x = take()
        y = w @ x
        w = w + eta * y * x  # dw = eta y x
        # As in bench_kernels.cpp: restart every pass (|w| grows without bound).
        done += 1
        if done % PRE_DRAWN == 0:
            w = w0

    return step


def bcm(n, theta_rate=0.1):
    _, take = cycled(n, 2)
    w0 = np.random.default_rng(1).standard_normal(n) / np.sqrt(n)
    w, theta = w0, 0.0
    eta = 1e-3
    done = 0

    def step():
        nonlocal w, theta, done
        x = take()
        y = w @ x
        w = w + eta * y * (y - theta) * x  # dw = eta y (y - theta) x
        theta += theta_rate * (y * y - theta)  # dtheta = rate (y^2 - theta)
        # As in bench_kernels.cpp: restart every pass.
        done += 1
        if done % PRE_DRAWN == 0:
            w, theta = w0, 0.0

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


def sim_receptive(side=8, k=16, eta=2e-3):
    """Sanger on random 8 x 8 patches of a 256 x 256 image, each patch's mean removed."""
    rng = np.random.default_rng(5)
    image = rng.standard_normal((256, 256))
    w = 0.1 * np.random.default_rng(2).standard_normal((k, side * side))
    span = 256 - side + 1

    def step():
        nonlocal w
        for _ in range(64):
            at = rng.integers(span * span)
            y0, x0 = divmod(at, span)
            x = image[y0:y0 + side, x0:x0 + side].reshape(-1)
            x = x - x.mean()
            y = w @ x
            w = w + eta * (np.outer(y, x) - np.tril(np.outer(y, y)) @ w)

    return step


def random_u64():
    bits = np.random.default_rng(7).bit_generator
    return lambda: bits.random_raw(RANDOM_PER_CALL)


def random_normal():
    rng = np.random.default_rng(7)
    return lambda: rng.standard_normal(RANDOM_PER_CALL)


def dataset_draw(seed=1):
    """The centred data set, and a function that returns a random row of it."""
    data = latent_dataset.latent_dataset()
    data -= data.mean(axis=0)
    rng = np.random.default_rng(seed)

    def draw():
        return data[rng.integers(len(data))]

    return data, draw


def sim_csv_feedforward(update, outputs=1):
    """64 online steps of `update(w, x) -> w` a call, each on a random row of the data set."""
    _, draw = dataset_draw()
    shape = (outputs, latent_dataset.COLUMNS) if outputs > 1 else latent_dataset.COLUMNS
    w = 0.1 * np.random.default_rng(2).standard_normal(shape)

    def step():
        nonlocal w
        for _ in range(64):
            w = update(w, draw())

    return step


def sim_csv_hebb(eta=1e-7):
    def update(w, x):
        return w + eta * (w @ x) * x

    return sim_csv_feedforward(update)


def sim_csv_decay(eta=5e-5):
    data, _ = dataset_draw()
    alpha = np.linalg.eigvalsh(data.T @ data / len(data))[-1]  # lambda_1, as the C++ row

    def update(w, x):
        return w + eta * ((w @ x) * x - alpha * w)

    return sim_csv_feedforward(update)


def sim_csv_oja(eta=1e-3):
    def update(w, x):
        y = w @ x
        return w + eta * y * (x - y * w)

    return sim_csv_feedforward(update)


def sim_csv_sanger(k, eta=1e-3):
    def update(w, x):
        y = w @ x
        return w + eta * (np.outer(y, x) - np.tril(np.outer(y, y)) @ w)

    return sim_csv_feedforward(update, k)


def sim_csv_bcm(eta=1e-3, theta_rate=0.1):
    theta = 0.0

    def update(w, x):
        nonlocal theta
        y = w @ x
        w = w + eta * y * (y - theta) * x
        theta += theta_rate * (y * y - theta)
        return w

    return sim_csv_feedforward(update)


def sim_csv_recurrent(eta=1e-3, alpha=4.0):
    _, draw = dataset_draw()
    n = latent_dataset.COLUMNS
    w = np.zeros((n, n))

    def step():
        nonlocal w
        for _ in range(64):
            x = draw()
            w = (1.0 - eta * alpha) * w + eta * np.outer(x, x)

    return step


KERNELS = [
    ("rng_u64", random_u64, RANDOM_PER_CALL),
    ("rng_normal", random_normal, RANDOM_PER_CALL),
    ("ff_hebb_N64", lambda: hebb(64), 1),
    ("ff_decay_N64", lambda: decay(64), 1),
    ("ff_oja_N64", lambda: oja(64), 1),
    ("ff_sanger_N64_k4", lambda: sanger(64, 4), 1),
    ("ff_bcm_N64", lambda: bcm(64), 1),
    ("rec_update_N64", lambda: recurrent(64), 1),
    ("ff_oja_N1024", lambda: oja(1024), 1),
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
    ("sim_receptive_p8_k16", sim_receptive, 64),
    ("sim_csv_hebb_N64", sim_csv_hebb, 64),
    ("sim_csv_decay_N64", sim_csv_decay, 64),
    ("sim_csv_oja_N64", sim_csv_oja, 64),
    ("sim_csv_sanger_N64_k4", lambda: sim_csv_sanger(4), 64),
    ("sim_csv_bcm_N64", sim_csv_bcm, 64),
    ("sim_csv_rec_N64", sim_csv_recurrent, 64),
]


def main():
    repetitions = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    pattern = re.compile(sys.argv[2] if len(sys.argv) > 2 else "")
    for name, make, samples in KERNELS:
        if not pattern.search(name):
            continue
        print(f"{name}\t{rate(make(), samples, repetitions):.6g}", flush=True)


if __name__ == "__main__":
    main()
