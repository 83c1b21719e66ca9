// Every simulation parameter, described once. The page address and host messages
// (src/embed/page_state.cpp), the runner's flags and --help (src/cli/options.cpp), the
// sliders (src/app/controls_panel.cpp) and the README's parameter tables all read this
// table: its key, runner flag, kind, range, slider scale, default (the value in
// SimParams{}), meaning, and where it applies. A key that is not in the table cannot
// be read or written: each entry reaches its field through its own accessor.
//
// Also here: the rule facts every interface needs (the decay a rule applies, the rules
// a circuit takes).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "simulation.hpp"

namespace hebbian {

enum class ParameterKind {
    Real,    // a finite number within [lo, hi]
    Whole,   // a whole number within [lo, hi] (k and signals: also at most N)
    Seed,    // a whole number in 0 .. 2^64 - 1 (SimParams::seed)
    Flag,    // 0 or 1
    Choice,  // one of choice_count names, choice_name(0 .. count - 1)
};

enum class SliderScale { Linear, Log };

// Every entry by name, in table order: code that means one parameter names it here, so a
// misspelt parameter does not compile (tests/test_parameters.cpp checks the order).
enum class ParameterId {
    Circuit, Source, Inputs, Rule, Outputs, Eta, Alpha, ThetaRate, Beta, WRef, InhibitoryEta, TargetRate, Drive,
    Channels, TuningWidth, InputRate, RateSpread, VarianceMajor, VarianceMinor, Angle,
    Lambda1, Ratio, Signals, SignalVariance, NoiseVariance, Patch, ImageSide, Window, PatchMean,
    UnitNorm, Baseline, SubtractMean, Batch, Seed, InitScale,
    History, Count
};

struct Parameter {
    ParameterId id;
    const char* key;          // in a page address and host messages, e.g. "eta" ("" : runner only)
    const char* flag;         // the runner's flag, e.g. "--eta" ("": page only)
    const char* label;        // the slider's label
    ParameterKind kind;
    double lo, hi;            // Real and Whole
    SliderScale scale;        // how the slider spreads [lo, hi]
    const char* applies;      // where it takes effect, e.g. "all", "feedforward", "gaussian2d"
    const char* meaning;      // one line
    const char* details;      // the slider's tooltip after the meaning: equations, effects ("" when none)
    // Real, Whole, Flag (0 or 1) and Choice (the index); null for Seed, which is SimParams::seed.
    double (*get)(const SimParams&);
    void (*set)(SimParams&, double);
    int choice_count;                    // Choice: how many names
    std::string (*choice_name)(int);     // Choice: the i-th name
};

// Every parameter, in the order they apply: the source and N come before k and signals,
// which N bounds.
const std::vector<Parameter>& parameters();
// The entry of `id`.
const Parameter& parameter(ParameterId id);
// The entry of `key` (page key) or of `flag` (runner flag), or nullptr.
const Parameter* find_parameter(std::string_view key);
const Parameter* find_parameter_by_flag(std::string_view flag);

// "hebb|decay|oja|sanger|bcm|hetero"
std::string choice_list(const Parameter& parameter, const char* separator = "|");
// The index of `name` among the choices, or -1.
int choice_index(const Parameter& parameter, std::string_view name);
// k and signals: at most N as well as their range.
bool bounded_by_inputs(const Parameter& parameter);
// The upper bound of a Whole value in `params`: k and signals are also at most N.
double upper_bound(const Parameter& parameter, const SimParams& params);
// The value in `params` as text: numbers exactly (shortest round trip), flags 0 or 1,
// choices by name, the seed in decimal.
std::string value_text(const Parameter& parameter, const SimParams& params);

// The decay rate a rule applies: alpha for decay (and for the recurrent circuit's decay
// rule), 0 for plain Hebb, unused (0) by Oja, Sanger and BCM.
double effective_alpha(const FeedforwardParams& learning);
// The rules a circuit learns with: the recurrent circuit takes hebb and decay only.
bool circuit_takes(Circuit circuit, Rule rule);
// The same in words: "hebb or decay", "hebb, decay, oja, sanger, bcm or hetero".
std::string rules_of(Circuit circuit);

// The README's parameter table (Markdown): key, runner flag, range, default, meaning,
// where it applies. tests/test_parameters.cpp checks that the README holds exactly this.
std::string parameter_table_markdown();

}  // namespace hebbian
