#!/usr/bin/env bash
# End-to-end checks of the real `hebbian` executable: exit codes, stderr, and a
# result file that an independent JSON parser (Python's, which rejects NaN and
# Infinity here) accepts, with eigenvalues matching NumPy-free recomputation.
set -u
bin=$1
data=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
check() {  # check NAME COMMAND...
  local name=$1
  shift
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $name"; fi
}

strict_json() {
  python3 - "$1" <<'PY'
import json, sys
def reject(token):
    raise ValueError("non-standard JSON token " + token)
doc = json.load(open(sys.argv[1]), parse_constant=reject)
for key in ("weights", "recurrent", "covariance", "eigenvalues", "eigenvectors", "diverged", "diverged_at_step", "history"):
    assert key in doc, key
PY
}

eigen_matches_data() {
  python3 - "$1" "$2" <<'PY'
import csv, json, sys
doc = json.load(open(sys.argv[1]))
rows = [list(map(float, r)) for r in list(csv.reader(open(sys.argv[2])))[1:]]
n = len(rows); m = len(rows[0])
mean = [sum(r[j] for r in rows) / n for j in range(m)]
cov = [[sum((r[i] - mean[i]) * (r[j] - mean[j]) for r in rows) / n for j in range(m)] for i in range(m)]
# The eigen-pairs in the file must satisfy C v = lambda v for this independently computed C.
for lam, v in zip(doc["eigenvalues"], doc["eigenvectors"]):
    residual = max(abs(sum(cov[i][j] * v[j] for j in range(m)) - lam * v[i]) for i in range(m))
    assert residual < 1e-9, residual
assert doc["eigenvalues"] == sorted(doc["eigenvalues"], reverse=True)
assert doc["alignment"] >= 0.999, doc["alignment"]
PY
}

"$bin" run --rule oja --eta 0.005 --steps 3000 --out "$work/oja.json" >/dev/null
check "oja run is valid JSON" strict_json "$work/oja.json"

"$bin" run --rule hebb --eta 1 --steps 100000 --out "$work/explode.json" >/dev/null
check "a diverged run is valid JSON" strict_json "$work/explode.json"
check "a diverged run says so" grep -q '"diverged":true' "$work/explode.json"

"$bin" run --circuit recurrent --source latent --inputs 5 --alpha 4 --steps 500 --out "$work/rec.json" >/dev/null
check "recurrent run is valid JSON" strict_json "$work/rec.json"

"$bin" run --data "$data/correlated3.csv" --rule oja --eta 0.002 --steps 20000 --out "$work/data.json" >/dev/null
check "CSV run is valid JSON" strict_json "$work/data.json"
check "CSV eigenvectors match the data" eigen_matches_data "$work/data.json" "$data/correlated3.csv"

bad_input() {  # bad_input EXPECTED-TEXT ARGS...
  local expected=$1
  shift
  local err status
  err=$("$bin" "$@" --out "$work/bad.json" 2>&1 >/dev/null)
  status=$?
  [ "$status" -eq 2 ] && [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] && [[ "$err" == *"$expected"* ]] && [ ! -e "$work/bad.json" ]
}
check "missing file" bad_input "cannot read data file" run --data "$work/none.csv"
check "ragged CSV" bad_input "line 4" run --data "$data/ragged.csv"
check "unknown rule" bad_input "unknown rule" run --rule nope
check "negative rate" bad_input "--eta: -1 is outside" run --eta -1
check "k > N" bad_input "outputs (k = 5)" run --outputs 5

echo "cli_end_to_end: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
