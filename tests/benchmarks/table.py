"""Joins the outputs of run.sh into one table (see run.sh for the inputs).

    /usr/bin/python3 tests/benchmarks/table.py BUILD_DIR

Rates are medians over the rounds; wasm/native is the median of the per-round
ratios, with the lowest round beside it. The native limit of a kernel is its
roofline on this machine: min(peak / flops per sample, bandwidth of the level
holding its data / bytes per sample), with the peak and the bandwidths measured
by the native harness (machine_* rows, the best round of each). "native two-lane" is the same native
build on its two-lane back end (SSE2: the vector width of wasm SIMD). Below the
table: normals against the generator's uint64 stream, each whole step on the data
set against its learning step alone, the whole runs as processes (whole_run.py),
and the targets of issue 14 with the measured values, met or missed.
"""
import glob
import json
import math
import os
import platform
import statistics
import subprocess
import sys

MIB = 1 << 20
PAGE_LIMIT = 256 * MIB

# Each whole step on the data set (N = 64) and the learning step alone it contains.
DATASET_STEPS = [("sim_csv_hebb_N64", "ff_hebb_N64"), ("sim_csv_decay_N64", "ff_decay_N64"),
                 ("sim_csv_oja_N64", "ff_oja_N64"), ("sim_csv_sanger_N64_k4", "ff_sanger_N64_k4"),
                 ("sim_csv_bcm_N64", "ff_bcm_N64"), ("sim_csv_rec_N64", "rec_update_N64")]
# Targets: a whole step at least this fraction of its learning step alone; every sim_ row
# at least this many times its NumPy loop; the runner at least this many times the NumPy
# script, whole process against whole process; sim_oja_N1024's rates; the receptive run's.
STEP_FRACTION_TARGET = 0.5
SIM_OVER_NUMPY_TARGET = 10.0
RUNNER_OVER_NUMPY_TARGET = 100.0
SIM_OJA_N1024_TARGET = {"native": 400e3, "wasm": 250e3}
# The receptive-fields view's run (8 x 8 patches, Sanger k = 16, drawing included) in wasm.
RECEPTIVE_WASM_TARGET = 500e3


def read_tsv(path):
    values = {}
    with open(path) as f:
        for line in f:
            name, value = line.rstrip("\n").split("\t")
            values[name] = value
    return values


def read_optional_lines(path):
    """The lines of a file that a partial run (quick.sh) may not have written; none if absent."""
    if not os.path.exists(path):
        return []
    with open(path) as f:
        return [line for line in f if line.strip()]


def read_optional_tsv(path):
    return dict(line.rstrip("\n").split("\t") for line in read_optional_lines(path))


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


def times(value):
    return "-" if math.isnan(value) else f"{value:.0f}x"


def fraction(value):
    return "-" if math.isnan(value) else f"{value:.2f}"


def read_whole_runs(path):
    """whole_run.py's lines: name -> (samples/s, steps, seconds); empty if it did not run."""
    runs = {}
    for line in read_optional_lines(path):
        name, rate, steps, seconds = line.split()
        runs[name] = (float(rate), int(steps), float(seconds))
    return runs


def median(values):
    return statistics.median(values) if values else math.nan


def verdict(value, target, text):
    """`text` (the measured value) with met / missed; "-" when nothing was measured."""
    if math.isnan(value):
        return "-"
    return f"{text} {'met' if value >= target else 'missed'}"


def print_random_ratio(rate):
    """Normals per second against the generator's plain uint64 stream, in each column."""
    print("rng_ rows count random numbers, not samples (1024 a call; NumPy: its own bulk generator, PCG64). "
          "Normals against the plain uint64 stream, rng_normal / rng_u64: " +
          ", ".join(f"{column} {fraction(rate[column]('rng_normal') / rate[column]('rng_u64'))}" for column in rate))
    print()


def print_dataset_steps(rate):
    """Each whole step on the data set against the learning step alone it contains."""
    print("Whole step on the data set (Simulation::step, drawing and history included) against the learning step "
          "alone, N = 64 (samples/s):")
    print()
    print("| whole step | learning step alone | native whole / alone | wasm whole / alone |")
    print("|---|---|---|---|")
    for whole_step, alone in DATASET_STEPS:
        cells = [f"{si(rate[c](whole_step))} / {si(rate[c](alone))} = {fraction(rate[c](whole_step) / rate[c](alone))}"
                 for c in ("native", "wasm")]
        print(f"| {whole_step} | {alone} | {cells[0]} | {cells[1]} |")
    print()


def print_whole_runs(whole):
    """The runner and the NumPy script as whole processes (whole_run.py)."""
    if "runner_oja_N64" not in whole:
        return
    runner_rate, runner_steps, runner_seconds = whole["runner_oja_N64"]
    numpy_rate, numpy_steps, numpy_seconds = whole["numpy_run_oja_N64"]
    print("Whole runs as processes (wall clock: start-up, CSV parsing, learning and the result file; online Oja, "
          "eta = 0.001, a random row of a 4096 x 64 CSV per step; medians):")
    print(f"- native runner, `hebbian run --data FILE.csv --rule oja --eta 0.001 --steps {runner_steps}`: "
          f"{si(runner_rate)} samples/s ({runner_seconds:.2f} s)")
    print(f"- NumPy, numpy_run.py (np.loadtxt, per-sample loop, json.dump), {numpy_steps} steps (fewer: the runner's "
          f"{runner_steps} would take {runner_steps / numpy_rate:.0f} s): {si(numpy_rate)} samples/s "
          f"({numpy_seconds:.2f} s)")
    print(f"- runner / NumPy: {times(runner_rate / numpy_rate)}")
    print()


def print_targets(rate, sim_rows, numpy, whole):
    """Every target of issue 14 with the measured value, met or missed, native and wasm."""
    print("Targets (issue 14):")
    print()
    print("| target | native | wasm |")
    print("|---|---|---|")
    for whole_step, alone in DATASET_STEPS:
        fractions = [rate[c](whole_step) / rate[c](alone) for c in ("native", "wasm")]
        print(f"| {whole_step} / {alone} >= {STEP_FRACTION_TARGET} | " +
              " | ".join(verdict(f, STEP_FRACTION_TARGET, fraction(f)) for f in fractions) + " |")
    for name in sim_rows:
        speedups = [rate[c](name) / numpy.get(name, math.nan) for c in ("native", "wasm")]
        print(f"| {name} / NumPy >= {SIM_OVER_NUMPY_TARGET:.0f}x | " +
              " | ".join(verdict(x, SIM_OVER_NUMPY_TARGET, times(x)) for x in speedups) + " |")
    not_run = (math.nan,)
    runner_speedup = whole.get("runner_oja_N64", not_run)[0] / whole.get("numpy_run_oja_N64", not_run)[0]
    print(f"| whole run as a process: runner / NumPy >= {RUNNER_OVER_NUMPY_TARGET:.0f}x | "
          f"{verdict(runner_speedup, RUNNER_OVER_NUMPY_TARGET, times(runner_speedup))} | - |")
    print(f"| sim_oja_N1024 >= {si(SIM_OJA_N1024_TARGET['native'])} samples/s native, "
          f"{si(SIM_OJA_N1024_TARGET['wasm'])} wasm | " +
          " | ".join(verdict(rate[c]("sim_oja_N1024"), SIM_OJA_N1024_TARGET[c], si(rate[c]("sim_oja_N1024")))
                     for c in ("native", "wasm")) + " |")
    print(f"| sim_receptive_p8_k16 >= {si(RECEPTIVE_WASM_TARGET)} samples/s in wasm | - | " +
          verdict(rate["wasm"]("sim_receptive_p8_k16"), RECEPTIVE_WASM_TARGET, si(rate["wasm"]("sim_receptive_p8_k16"))) + " |")


def machine_limits(native):
    """The peak flop rates and the read and triad bandwidths measured by the native harness
    (None when its machine_ rows were not run)."""
    # A machine limit is the best the machine showed: a slow round lowers a measured peak,
    # nothing raises it, so the limits take the largest round, not the median.
    levels = ("L1", "L2", "L3", "DRAM")
    peaks = {k: max(native(f"machine_peak_{k}")) for k in ("sse2", "avx_mul_add", "avx2_fma")
             if native(f"machine_peak_{k}")}
    read = {lv: max(native(f"machine_read_{lv}")) for lv in levels if native(f"machine_read_{lv}")}
    triad = {lv: max(native(f"machine_triad_{lv}")) for lv in levels if native(f"machine_triad_{lv}")}
    if len(peaks) < 3 or len(read) < 4 or len(triad) < 4:
        return None
    print("machine limits (measured by hebbian_bench): peak " +
          ", ".join(f"{k} {v / 1e9:.1f}" for k, v in peaks.items()) + " GFLOP/s; bandwidth GB/s read / triad: " +
          ", ".join(f"{lv} {read[lv] / 1e9:.0f} / {triad[lv] / 1e9:.0f}" for lv in levels))
    return {"peak": max(peaks.values()), "read": read, "triad": triad}


def roofline(name, run, limits, rate):
    """The native limit of a kernel (text) and the native rate's fraction of it (text)."""
    label = run.get("label", "")
    if not label:
        return ("- (generator)" if name.startswith("rng_") else "- (composite)"), "-"
    if not limits:
        return "- (machine limits not run)", "-"
    level, traffic = label.split(" ")
    bandwidth = limits["read"][level] if traffic == "read" else limits["triad"][level]
    compute = limits["peak"] / run["flops_per_sample"]
    memory = bandwidth / run["bytes_per_sample"]
    limit = min(compute, memory)
    return f"{si(limit)} ({'compute' if compute <= memory else label})", f"{rate / limit:.2f}"


def print_page_and_heap(page, heap):
    if not page and not heap:
        return
    for name, samples_per_second, fps, speed in page:
        print(f"{name}: the page learns {si(float(samples_per_second))} samples/s at {speed} steps per frame, "
              f"drawing {fps} frames/s (headless Chromium, SwiftShader)")
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
    print()


def main():
    build = sys.argv[1]
    native_rounds = [read_native(p) for p in sorted(glob.glob(f"{build}/native-*.json"))]
    two_lane = {}
    if os.path.exists(f"{build}/two-lane.json"):
        with open(f"{build}/two-lane.json") as f:
            two_lane = {b["run_name"]: b["items_per_second"] for b in json.load(f)["benchmarks"]
                        if b.get("aggregate_name") == "median"}
    wasm_rounds = [read_tsv(p) for p in sorted(glob.glob(f"{build}/wasm-*.tsv"))]
    numpy = {k: float(v) for k, v in read_optional_tsv(f"{build}/numpy.tsv").items()}
    heap = {int(k.split("_N")[1]): float(v) for k, v in read_optional_tsv(f"{build}/heap.tsv").items()
            if k.startswith("heap_N")}
    page = [line.split() for line in read_optional_lines(f"{build}/page.tsv")]
    whole = read_whole_runs(f"{build}/whole.tsv")
    context, first = native_rounds[0]

    def native(name):
        return [runs[name]["items_per_second"] for _, runs in native_rounds if name in runs]

    def wasm(name):
        return [float(r[name]) for r in wasm_rounds if name in r]

    print(f"machine: {output('lscpu | sed -n s/^Model.name:.//p').strip()}, {output('nproc')} cores, "
          f"{platform.system()} {platform.release()}; {len(native_rounds)} alternating rounds")
    print(f"native: g++ -O3, x86-64 baseline, kernels back end {context.get('kernels', '?')}; "
          f"wasm: em++ -O3 -msimd128, kernels back end {wasm_rounds[0].get('kernels', '?')}, node {output('node --version')}")
    limits = machine_limits(native)
    print()
    print("| kernel | native samples/s | wasm samples/s | wasm/native (lowest round) | native two-lane | wasm / two-lane "
          "| NumPy samples/s | native / NumPy | wasm / NumPy | native limit samples/s (bound) | native / limit |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for name in first:
        if name.startswith("machine_"):
            continue
        n, w, p = median(native(name)), median(wasm(name)), numpy.get(name, math.nan)
        ratios = [wr / nr for nr, wr in zip(native(name), wasm(name))] or [math.nan]
        limit_text, fraction_text = roofline(name, first[name], limits, n)
        t = two_lane.get(name, math.nan)
        print(f"| {name} | {si(n)} | {si(w)} | {fraction(median(ratios))} ({fraction(min(ratios))}) | {si(t)} "
              f"| {fraction(w / t)} | {si(p)} | {times(n / p)} | {times(w / p)} | {limit_text} | {fraction_text} |")
    print()
    rate = {"native": lambda name: median(native(name)), "wasm": lambda name: median(wasm(name))}
    print_random_ratio(rate)
    print_dataset_steps(rate)
    print_whole_runs(whole)
    print_page_and_heap(page, heap)
    print_targets(rate, [name for name in first if name.startswith("sim_")], numpy, whole)


if __name__ == "__main__":
    main()
