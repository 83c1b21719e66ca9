// Parsing of `hebbian run` flags (see options.hpp and usage()).
#include "options.hpp"

#include <functional>
#include <map>

#include "core/number_text.hpp"

namespace hebbian {

std::string usage() {
    return R"(usage: hebbian run [options] --out RESULT.json

circuit and rule
  --circuit feedforward|recurrent   many-to-one neuron(s) or all-to-all matrix (feedforward)
  --rule hebb|decay|oja|sanger|bcm  learning rule (decay); recurrent takes hebb or decay
  --outputs K                       feedforward output neurons, 1..N (1)
  --eta E                           learning rate per step, > 0 (0.01)
  --alpha A                         decay rate, >= 0 (1)
  --theta-rate R                    BCM threshold rate, (0, 1] (0.1)
  --steps S                         learning steps, 0..1e9 (1000)
  --batch B                         samples averaged per step, 1..4096 (1)
  --seed N                          random seed, 0..2^64-1 (1)
  --init-scale s                    initial weights s * N(0,1), > 0 (0.1)
  --history H                       points kept per history series, >= 16 (1024)
inputs (one of)
  --data FILE.csv                   numeric CSV: rows are samples, columns inputs; optional header
  --source gaussian2d|spectrum|latent   synthetic source (gaussian2d)
source parameters
  --var-major V --var-minor V --angle DEG     gaussian2d (1, 0.25, 30)
  --inputs N                                  spectrum and latent, 2..1024 (8)
  --lambda1 L --ratio Q                       spectrum: lambda_i = L Q^i (1, 0.5)
  --eigenvalues v1,v2,...                     spectrum: explicit eigenvalues (N values)
  --signals K --signal-var V --noise-var V    latent: shared signals and private noise (1, 0.25, 1)
  --baseline B                                constant added to every input (0)
  --raw                                       dataset: do not centre the columns
  --no-offset                                 feed x itself, not x - mean
)";
}

namespace {

struct Parser {
    RunOptions& o;
    std::string error;

    bool number(const std::string& flag, const std::string& text, double& out) {
        const NumberText kind = parse_decimal(text, out);
        if (kind == NumberText::Number) return true;
        error = flag + ": '" + text + "' is " + (kind == NumberText::NotFinite ? "not a finite number" : "not a number");
        return false;
    }
    bool integer(const std::string& flag, const std::string& text, long long low, long long high, long long& out) {
        if (!parse_integer(text, out)) {
            error = flag + ": '" + text + "' is not a whole number";
            return false;
        }
        if (out < low || out > high) {
            error = flag + ": " + text + " is out of range " + std::to_string(low) + ".." + std::to_string(high);
            return false;
        }
        return true;
    }
    bool small_integer(const std::string& flag, const std::string& text, int& out) {
        long long v = 0;
        if (!integer(flag, text, -1'000'000'000, 1'000'000'000, v)) return false;
        out = static_cast<int>(v);
        return true;
    }
    bool seed(const std::string& flag, const std::string& text) {
        // Seeds take the whole unsigned 64-bit range.
        if (text.empty() || text.size() > 20 || text.find_first_not_of("0123456789") != std::string::npos) {
            error = flag + ": '" + text + "' is not a whole number >= 0";
            return false;
        }
        unsigned long long v = 0;
        for (char c : text) {
            const unsigned digit = static_cast<unsigned>(c - '0');
            if (v > (UINT64_MAX - digit) / 10) {
                error = flag + ": " + text + " is larger than 2^64 - 1";
                return false;
            }
            v = v * 10 + digit;
        }
        o.sim.seed = v;
        return true;
    }
    bool list(const std::string& flag, const std::string& text, std::vector<double>& out) {
        out.clear();
        size_t start = 0;
        while (true) {
            const size_t comma = text.find(',', start);
            double v = 0.0;
            if (!number(flag, text.substr(start, comma - start), v)) return false;
            out.push_back(v);
            if (comma == std::string::npos) return true;
            start = comma + 1;
        }
    }
};

}  // namespace

ParsedRunOptions parse_run_options(const std::vector<std::string>& args) {
    ParsedRunOptions result;
    RunOptions& o = result.options;
    SimParams& s = o.sim;
    s.track_empirical = true;  // the result file reports the empirical covariance
    Parser p{o, ""};
    bool source_given = false;

    using Handler = std::function<bool(const std::string&, const std::string&)>;
    const std::map<std::string, Handler> with_value = {
        {"--circuit",
         [&](const std::string& f, const std::string& v) {
             if (auto c = parse_circuit(v)) return s.circuit = *c, true;
             p.error = f + ": unknown circuit '" + v + "' (feedforward or recurrent)";
             return false;
         }},
        {"--rule",
         [&](const std::string& f, const std::string& v) {
             if (auto r = parse_rule(v)) return s.learning.rule = *r, true;
             p.error = f + ": unknown rule '" + v + "' (hebb, decay, oja, sanger or bcm)";
             return false;
         }},
        {"--source",
         [&](const std::string& f, const std::string& v) {
             const auto kind = parse_source_kind(v);
             if (!kind || *kind == SourceKind::Dataset) {
                 p.error = f + ": unknown source '" + v + "' (gaussian2d, spectrum or latent; use --data for a CSV)";
                 return false;
             }
             s.source.kind = *kind;
             source_given = true;
             return true;
         }},
        {"--outputs", [&](const std::string& f, const std::string& v) { return p.small_integer(f, v, s.learning.outputs); }},
        {"--eta", [&](const std::string& f, const std::string& v) { return p.number(f, v, s.learning.eta); }},
        {"--alpha", [&](const std::string& f, const std::string& v) { return p.number(f, v, s.learning.alpha); }},
        {"--theta-rate", [&](const std::string& f, const std::string& v) { return p.number(f, v, s.learning.theta_rate); }},
        {"--steps", [&](const std::string& f, const std::string& v) { return p.integer(f, v, 0, kMaxSteps, o.steps); }},
        {"--batch", [&](const std::string& f, const std::string& v) { return p.small_integer(f, v, s.batch); }},
        {"--seed", [&](const std::string& f, const std::string& v) { return p.seed(f, v); }},
        {"--init-scale", [&](const std::string& f, const std::string& v) { return p.number(f, v, s.init_scale); }},
        {"--history", [&](const std::string& f, const std::string& v) { return p.small_integer(f, v, s.history_capacity); }},
        {"--data", [&](const std::string&, const std::string& v) { return o.data_path = v, true; }},
        {"--out", [&](const std::string&, const std::string& v) { return o.out_path = v, true; }},
        {"--var-major", [&](const std::string& f, const std::string& v) { return p.number(f, v, s.source.variance_major); }},
        {"--var-minor", [&](const std::string& f, const std::string& v) { return p.number(f, v, s.source.variance_minor); }},
        {"--angle", [&](const std::string& f, const std::string& v) { return p.number(f, v, s.source.angle_deg); }},
        {"--inputs", [&](const std::string& f, const std::string& v) { return p.small_integer(f, v, s.source.inputs); }},
        {"--lambda1", [&](const std::string& f, const std::string& v) { return p.number(f, v, s.source.lambda1); }},
        {"--ratio", [&](const std::string& f, const std::string& v) { return p.number(f, v, s.source.ratio); }},
        {"--eigenvalues", [&](const std::string& f, const std::string& v) { return p.list(f, v, s.source.eigenvalues); }},
        {"--signals", [&](const std::string& f, const std::string& v) { return p.small_integer(f, v, s.source.signals); }},
        {"--signal-var", [&](const std::string& f, const std::string& v) { return p.number(f, v, s.source.signal_variance); }},
        {"--noise-var", [&](const std::string& f, const std::string& v) { return p.number(f, v, s.source.noise_variance); }},
        {"--baseline", [&](const std::string& f, const std::string& v) { return p.number(f, v, s.source.baseline); }},
    };

    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& flag = args[i];
        if (flag == "--help" || flag == "-h") {
            result.help = true;
            return result;
        }
        if (flag == "--raw") {
            s.source.centre = false;
            continue;
        }
        if (flag == "--no-offset") {
            s.subtract_mean = false;
            continue;
        }
        const auto handler = with_value.find(flag);
        if (handler == with_value.end()) {
            result.error = "unknown option '" + flag + "' (see hebbian run --help)";
            return result;
        }
        if (i + 1 >= args.size() || args[i + 1].rfind("--", 0) == 0) {
            result.error = flag + " needs a value";
            return result;
        }
        if (!handler->second(flag, args[++i])) {
            result.error = p.error;
            return result;
        }
    }
    if (source_given && !o.data_path.empty()) {
        result.error = "--data and --source exclude each other: give one input source";
        return result;
    }
    if (o.out_path.empty()) result.error = "--out RESULT.json is required";
    if (!o.data_path.empty()) s.source.kind = SourceKind::Dataset;
    return result;
}

}  // namespace hebbian
