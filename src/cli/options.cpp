// Parsing of `hebbian run` flags (see options.hpp and usage()). The simulation's
// parameters, their flags, kinds and ranges come from the core's table
// (core/parameters.hpp); only the run's own options (steps, files, an explicit
// spectrum, raw data) are listed here.
#include "options.hpp"

#include <cstdint>

#include "core/number_text.hpp"
#include "core/parameters.hpp"

namespace hebbian {

namespace {

// The run's own options: not simulation parameters, so not in the core's table.
struct RunFlag {
    const char* flag;
    const char* value;    // "" for a switch
    const char* meaning;
};
const RunFlag kRunFlags[] = {
    {"--steps", "S", "learning steps, 0..1000000000 (1000)"},
    {"--data", "FILE.csv", "numeric CSV: rows are samples, columns inputs; optional header (instead of --source)"},
    {"--image", "FILE", "a PNG or PGM picture: its patches are the samples (instead of --source; --patch etc. apply)"},
    {"--eigenvalues", "v1,v2,...", "spectrum: explicit eigenvalues, N positive values (instead of lambda1, ratio)"},
    {"--raw", "", "a data set's columns are used as they are, not centred"},
    {"--empirical-covariance", "",
     "report the covariance of the samples drawn (a data set: from each row's draw count; other sources: "
     "O(N^2) a sample)"},
    {"--out", "RESULT.json", "the result file (required)"},
};

// "--eta E" or "--source gaussian2d|spectrum|latent", padded to a column.
std::string flag_column(const std::string& flag, const std::string& value) {
    std::string text = "  " + flag + (value.empty() ? "" : " " + value);
    return text + std::string(text.size() < 36 ? 36 - text.size() : 1, ' ');
}

std::string range_hint(const Parameter& p) {
    const SimParams defaults;
    switch (p.kind) {
        case ParameterKind::Real:
        case ParameterKind::Whole:
            return ", " + exact_number(p.lo) + ".." + (bounded_by_inputs(p) ? "N" : exact_number(p.hi)) +
                   " (" + value_text(p, defaults) + ")";
        case ParameterKind::Seed: return ", 0..2^64-1 (" + value_text(p, defaults) + ")";
        case ParameterKind::Flag: return " (" + value_text(p, defaults) + ")";
        case ParameterKind::Choice: return " (" + value_text(p, defaults) + ")";
    }
    return "";
}

std::string value_name(const Parameter& p) {
    switch (p.kind) {
        case ParameterKind::Choice: return choice_list(p);
        case ParameterKind::Flag: return "0|1";
        case ParameterKind::Seed: return "N";
        case ParameterKind::Real:
        case ParameterKind::Whole: break;
    }
    return "V";
}

// Reads `text` as `p`'s kind into `params`; "" on success, else one line naming the flag.
std::string read_parameter(const Parameter& p, const std::string& text, SimParams& params) {
    const std::string flag = p.flag;
    switch (p.kind) {
        case ParameterKind::Real:
        case ParameterKind::Whole: {
            double value = 0.0;
            const NumberText kind = parse_decimal(text, value);
            if (kind != NumberText::Number)
                return flag + ": '" + text + "' is " + (kind == NumberText::NotFinite ? "not a finite number" : "not a number");
            if (p.kind == ParameterKind::Whole && value != static_cast<double>(static_cast<long long>(value)))
                return flag + ": '" + text + "' is not a whole number";
            if (value < p.lo || value > p.hi)
                return flag + ": " + text + " is outside " + exact_number(p.lo) + ".." + exact_number(p.hi);
            p.set(params, value);
            return "";
        }
        case ParameterKind::Seed: {
            if (text.empty() || text.size() > 20 || text.find_first_not_of("0123456789") != std::string::npos)
                return flag + ": '" + text + "' is not a whole number >= 0";
            std::uint64_t value = 0;
            for (char c : text) {
                const std::uint64_t digit = static_cast<std::uint64_t>(c - '0');
                if (value > (UINT64_MAX - digit) / 10) return flag + ": " + text + " is larger than 2^64 - 1";
                value = value * 10 + digit;
            }
            params.seed = value;
            return "";
        }
        case ParameterKind::Flag:
            if (text != "0" && text != "1") return flag + ": '" + text + "' is not 0 or 1";
            p.set(params, text == "1" ? 1.0 : 0.0);
            return "";
        case ParameterKind::Choice: {
            const int index = choice_index(p, text);
            if (index < 0) return flag + ": unknown " + p.label + " '" + text + "' (" + choice_list(p, ", ") + ")";
            p.set(params, index);
            return "";
        }
    }
    return "";
}

bool read_list(const std::string& flag, const std::string& text, std::vector<double>& out, std::string& error) {
    out.clear();
    size_t start = 0;
    while (true) {
        const size_t comma = text.find(',', start);
        const std::string item = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        double v = 0.0;
        const NumberText kind = parse_decimal(item, v);
        if (kind != NumberText::Number) {
            error = flag + ": '" + item + "' is " + (kind == NumberText::NotFinite ? "not a finite number" : "not a number");
            return false;
        }
        out.push_back(v);
        if (comma == std::string::npos) return true;
        start = comma + 1;
    }
}

}  // namespace

std::string usage() {
    std::string text = "usage: hebbian run [options] --out RESULT.json\n       hebbian parameters   (the parameter "
                       "table as Markdown)\n\nparameters (the page address's key in brackets; range and default)\n";
    for (const Parameter& p : parameters()) {
        if (!*p.flag) continue;
        text += flag_column(p.flag, value_name(p)) + p.meaning + range_hint(p);
        if (*p.key && std::string(p.key) != std::string(p.flag).substr(2)) text += " [" + std::string(p.key) + "]";
        text += "\n";
    }
    text += "run\n";
    for (const RunFlag& f : kRunFlags) text += flag_column(f.flag, f.value) + f.meaning + "\n";
    return text;
}

ParsedRunOptions parse_run_options(const std::vector<std::string>& args) {
    ParsedRunOptions result;
    RunOptions& o = result.options;
    SimParams& s = o.sim;
    bool source_given = false;

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
        if (flag == "--empirical-covariance") {
            s.track_empirical = true;
            continue;
        }
        const Parameter* parameter = find_parameter_by_flag(flag);
        const bool run_flag =
            flag == "--steps" || flag == "--data" || flag == "--image" || flag == "--eigenvalues" || flag == "--out";
        if (!parameter && !run_flag) {
            result.error = "unknown option '" + flag + "' (see hebbian run --help)";
            return result;
        }
        if (i + 1 >= args.size() || args[i + 1].rfind("--", 0) == 0) {
            result.error = flag + " needs a value";
            return result;
        }
        const std::string& value = args[++i];
        if (parameter) {
            if (parameter->kind == ParameterKind::Choice && flag == "--source" && choice_index(*parameter, value) < 0) {
                result.error = flag + ": unknown source '" + value + "' (" + choice_list(*parameter, ", ") +
                               "; use --data for a CSV)";
                return result;
            }
            result.error = read_parameter(*parameter, value, s);
            source_given = source_given || flag == "--source";
        } else if (flag == "--steps") {
            if (!parse_integer(value, o.steps)) {
                result.error = flag + ": '" + value + "' is not a whole number";
            } else if (o.steps < 0 || o.steps > kMaxSteps) {
                result.error = flag + ": " + value + " is out of range 0.." + std::to_string(kMaxSteps);
            }
        } else if (flag == "--eigenvalues") {
            read_list(flag, value, s.source.eigenvalues, result.error);
        } else if (flag == "--data") {
            o.data_path = value;
        } else if (flag == "--image") {
            o.image_path = value;
        } else {
            o.out_path = value;
        }
        if (!result.error.empty()) return result;
    }
    if (int(source_given) + int(!o.data_path.empty()) + int(!o.image_path.empty()) > 1) {
        result.error = "--data, --image and --source exclude each other: give one input source";
        return result;
    }
    if (o.out_path.empty()) result.error = "--out RESULT.json is required";
    if (!o.data_path.empty()) s.source.kind = SourceKind::Dataset;
    if (!o.image_path.empty()) s.source.kind = SourceKind::Picture;
    return result;
}

}  // namespace hebbian
