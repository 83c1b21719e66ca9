"""Joins the outputs of run.sh into one table (see run.sh for the inputs).

    /usr/bin/python3 tests/benchmarks/table.py BUILD_DIR
"""
import json
import math
import platform
import subprocess
import sys

MIB = 1 << 20
PAGE_LIMIT = 256 * MIB

# Flops and minimum bytes per sample of each kernel, as in bench_kernels.cpp.
WORK = {
    "ff_oja_N64": (5 * 64, 16 * 64), "ff_oja_N1024": (5 * 1024, 16 * 1024),
    "ff_decay_N64": (5 * 64, 16 * 64), "ff_decay_N1024": (5 * 1024, 16 * 1024),
    "ff_sanger_N256_k8": (7 * 256 * 8, 24 * 256 * 8),
    "rec_update_N256": (256 * 257, 16 * 256 * 256 / 64), "rec_update_N1024": (1024 * 1025, 16 * 1024 * 1024 / 64),
    "rec_update_rank1_N512": (3 * 512 * 512, 16 * 512 * 512), "rec_response_N256": (4 * 256 * 256, 8 * 256 * 256),
    "sim_rec_N512": (512 * 513, 0), "sim_rec_N512_cov": (2 * 512 * 513, 0), "sim_oja_N1024": (5 * 1024, 0),
    "frame_default": (10, 0),
}


def read_tsv(path):
    values = {}
    with open(path) as f:
        for line in f:
            name, value = line.split("\t")
            values[name] = float(value)
    return values


def read_native(path):
    with open(path) as f:
        data = json.load(f)
    values = {}
    for b in data["benchmarks"]:
        if b.get("aggregate_name") == "median":
            values[b["run_name"]] = b["items_per_second"]
    return values


def si(value):
    for unit, scale in (("G", 1e9), ("M", 1e6), ("k", 1e3)):
        if abs(value) >= scale:
            return f"{value / scale:.3g} {unit}"
    return f"{value:.3g}"


def main():
    build = sys.argv[1]
    native = read_native(f"{build}/native.json")
    wasm = read_tsv(f"{build}/wasm.tsv")
    numpy = read_tsv(f"{build}/numpy.tsv")
    heap = {int(k.split("_N")[1]): v for k, v in read_tsv(f"{build}/heap.tsv").items() if k.startswith("heap_N")}
    cpu = subprocess.run(["sh", "-c", "lscpu | sed -n 's/^Model name: *//p'"], capture_output=True, text=True).stdout.strip()
    print(f"machine: {cpu}, {subprocess.run(['nproc'], capture_output=True, text=True).stdout.strip()} cores, "
          f"{platform.system()} {platform.release()}; native g++ -O3 (x86-64 baseline: SSE2), "
          f"wasm em++ -O3 -msimd128 under node {subprocess.run(['node', '--version'], capture_output=True, text=True).stdout.strip()}")
    peak_sse2 = native.get("machine_peak_sse2", math.nan)
    peak_fma = native.get("machine_peak_avx2_fma", math.nan)
    bandwidth = native.get("machine_stream_triad", math.nan)
    print(f"machine limits (measured): 128-bit SSE2 mul+add {peak_sse2 / 1e9:.1f} GFLOP/s, "
          f"256-bit FMA {peak_fma / 1e9:.1f} GFLOP/s, STREAM triad {bandwidth / 1e9:.1f} GB/s")
    print()
    print("| kernel | native samples/s | wasm samples/s | wasm/native | NumPy samples/s | native / NumPy | wasm / NumPy "
          "| native GFLOP/s | % SSE2 peak | % FMA peak |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name, rate in wasm.items():
        n = native.get(name, math.nan)
        p = numpy.get(name, math.nan)
        flops = WORK.get(name, (0, 0))[0] * n
        print(f"| {name} | {si(n)} | {si(rate)} | {rate / n:.2f} | {si(p)} | {n / p:.0f}x | {rate / p:.0f}x "
              f"| {flops / 1e9:.2f} | {100 * flops / peak_sse2:.0f}% | {100 * flops / peak_fma:.0f}% |")
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
