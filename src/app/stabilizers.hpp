// The stabilizers view's words and numbers, without drawing: each rule's name, equation and
// what it needs to know, its row of the view's table (the theory, with the run's own
// numbers), and a one-line status per run.
// Pure: reads core runs, no ImGui, so the helpers' tests check it.
#pragma once

#include <optional>
#include <string>

#include "core/inhibitory_balance.hpp"
#include "core/simulation.hpp"

namespace hebbian::app {

struct StabilizerFacts {
    const char* name;        // "plain Hebb"
    const char* short_name;  // "Hebb", for compact legends and status lines
    const char* equation;    // the update, for tooltips
    const char* needs;       // what the rule needs to know beyond its own synapse
};

// The five feedforward rules of embed::kStabilizerRules, and the inhibitory balance.
const StabilizerFacts& stabilizer_facts(Rule rule);
const StabilizerFacts& balance_facts();

// One row of the table: the run now, then the theory's answers.
struct StabilizerRow {
    std::string now;        // "|w| 0.74\ncos 0.99" (two lines), or "diverged at step 35012"
    std::string bounded;    // is |w| bounded: "no", "yes", "yes (alpha > lambda_1: 1.5 > 1)"
    std::string norm;       // where |w| goes
    std::string direction;  // does w reach PC1
};

StabilizerRow stabilizer_row(const Simulation& sim);
StabilizerRow balance_row(const InhibitoryBalance& balance);

// A short line for small screens: "Oja |w| 1, cos 0.998", "Hebb: diverged at step 35012";
// `brief`, for a half-width column: "Oja |w| 1", "Hebb: diverged".
std::string stabilizer_status(const Simulation& sim, bool brief = false);
// ", inside the 90% band of single runs (0.95-1.05)" for the latest rate (`brief`: "inside its
// 90% band (...)"), or "outside (above) ..." / "outside (below) ..."; "" before the first point.
std::string rate_band_words(const InhibitoryBalance& balance, bool brief = false);
// "inhibition: rate 1.01, inside its 90% band (0.95-1.05) (rho0 1)"; brief: "inh. rate 1.01".
std::string balance_status(const InhibitoryBalance& balance, bool brief = false);

}  // namespace hebbian::app
