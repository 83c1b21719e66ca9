"""Joins the outputs of run.sh into one table (see run.sh for the inputs).

    /usr/bin/python3 tests/benchmarks/table.py BUILD_DIR

Rates are medians over the rounds; wasm/native is the median of the per-round
ratios, with the lowest round beside it. The native limit of a kernel is its
roofline on this machine: min(peak / flops per sample, bandwidth of the level
holding its data / bytes per sample), with the peak and the bandwidths measured
by the native harness (machine_* rows, the best round of each). "native two-lane" is the same native
build on its two-lane back end (SSE2: the vector width of wasm SIMD).
"""
import glob
import json
import math
import platform
import statistics
import subprocess
import sys

MIB = 1 << 20
PAGE_LIMIT = 256 * MIB


def read_tsv(path):
    values = {}
    with open(path) as f:
        for line in f:
            name, value = line.rstrip("\n").split("\t")
            values[name] = value
    return values


def read_native(path):
    with open(path) as f:
        data = json.load(f)
    return data["context"], {b["run_name"]: b for b in data["benchmarks"] if b.get("run_type") == "iteration"}


def si(value):
    if math.isnan(value):
        return "-"
    for unit, scale in (("G", 1e9), ("M", 1e6), ("k", 1e3)):
        if abs(value) >= scale:
            return f"{value / scale:.3g} {unit}"
    return f"{value:.3g}"


def output(command):
    return subprocess.run(["sh", "-c", command], capture_output=True, text=True).stdout.strip()


def main():
    build = sys.argv[1]
    native_rounds = [read_native(p) for p in sorted(glob.glob(f"{build}/native-*.json"))]
    with open(f"{build}/two-lane.json") as f:
        two_lane = {b["run_name"]: b["items_per_second"] for b in json.load(f)["benchmarks"]
                    if b.get("aggregate_name") == "median"}
    wasm_rounds = [read_tsv(p) for p in sorted(glob.glob(f"{build}/wasm-*.tsv"))]
    numpy = {k: float(v) for k, v in read_tsv(f"{build}/numpy.tsv").items()}
    heap = {int(k.split("_N")[1]): float(v) for k, v in read_tsv(f"{build}/heap.tsv").items() if k.startswith("heap_N")}
    context, first = native_rounds[0]

    def native(name):
        return [runs[name]["items_per_second"] for _, runs in native_rounds if name in runs]

    def wasm(name):
        return [float(r[name]) for r in wasm_rounds if name in r]

    def median(values):
        return statistics.median(values) if values else math.nan

    print(f"machine: {output('lscpu | sed -n s/^Model.name:.//p').strip()}, {output('nproc')} cores, "
          f"{platform.system()} {platform.release()}; {len(native_rounds)} alternating rounds")
    print(f"native: g++ -O3, x86-64 baseline, kernels back end {context.get('kernels', '?')}; "
          f"wasm: em++ -O3 -msimd128, kernels back end {wasm_rounds[0].get('kernels', '?')}, node {output('node --version')}")
    # A machine limit is the best the machine showed: a slow round lowers a measured peak,
    # nothing raises it, so the limits take the largest round, not the median.
    peaks = {k: max(native(f"machine_peak_{k}")) for k in ("sse2", "avx_mul_add", "avx2_fma")}
    peak = max(peaks.values())
    read = {lv: max(native(f"machine_read_{lv}")) for lv in ("L1", "L2", "L3", "DRAM")}
    triad = {lv: max(native(f"machine_triad_{lv}")) for lv in ("L1", "L2", "L3", "DRAM")}
    print("machine limits (measured by hebbian_bench): peak " +
          ", ".join(f"{k} {v / 1e9:.1f}" for k, v in peaks.items()) + " GFLOP/s; bandwidth GB/s read / triad: " +
          ", ".join(f"{lv} {read[lv] / 1e9:.0f} / {triad[lv] / 1e9:.0f}" for lv in read))
    print()
    print("| kernel | native samples/s | wasm samples/s | wasm/native (lowest round) | native two-lane | wasm / two-lane "
          "| NumPy samples/s | native / NumPy | wasm / NumPy | native limit samples/s (bound) | native / limit |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for name in first:
        if name.startswith("machine_"):
            continue
        n, w, p = median(native(name)), median(wasm(name)), numpy.get(name, math.nan)
        ratios = [wr / nr for nr, wr in zip(native(name), wasm(name))]
        run = first[name]
        label = run.get("label", "")
        limit_text, fraction_text = "- (composite)", "-"
        if label:
            level, traffic = label.split(" ")
            bandwidth = read[level] if traffic == "read" else triad[level]
            compute = peak / run["flops_per_sample"]
            memory = bandwidth / run["bytes_per_sample"]
            limit = min(compute, memory)
            limit_text = f"{si(limit)} ({'compute' if compute <= memory else label})"
            fraction_text = f"{n / limit:.2f}"
        t = two_lane.get(name, math.nan)
        print(f"| {name} | {si(n)} | {si(w)} | {median(ratios):.2f} ({min(ratios):.2f}) | {si(t)} | {w / t:.2f} "
              f"| {si(p)} | {n / p:.0f}x | {w / p:.0f}x | {limit_text} | {fraction_text} |")
    print()
    with open(f"{build}/page.tsv") as f:
        for line in f:
            name, rate, fps, speed = line.split()
            print(f"{name}: the page learns {si(float(rate))} samples/s at {speed} steps per frame, drawing {fps} "
                  "frames/s (headless Chromium, SwiftShader)")
    print()
    sizes = sorted(heap)
    for n in sizes:
        print(f"wasm heap high-water mark at N = {n}: {heap[n] / MIB:.0f} MiB")
    if len(sizes) >= 2:
        # heap ~ a + b N^2 through the two largest probes
        n1, n2 = sizes[-2], sizes[-1]
        b = (heap[n2] - heap[n1]) / (n2 * n2 - n1 * n1)
        a = heap[n2] - b * n2 * n2
        cap = int(math.sqrt(max(0.0, (PAGE_LIMIT - a) / b)))
        print(f"fit heap = {a / MIB:.0f} MiB + {b:.0f} bytes * N^2: 256 MiB is reached at N = {cap}")


if __name__ == "__main__":
    main()
