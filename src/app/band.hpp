// A run beside its single-run band (core/single_run.hpp): the band at the latest history
// record, and the words that say whether the run is inside it, for the summary sentence,
// the views' status lines and the host's state. Pure: reads a core History.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/inhibitory_balance.hpp"
#include "core/simulation.hpp"
#include "core/single_run.hpp"

namespace hebbian::app {

// The band's low, typical and high values at the last record, if the series have one.
std::optional<Quantiles> last_band(const std::vector<double>& low, const std::vector<double>& typical,
                                   const std::vector<double>& high);

// The history's bands at the last record: feedforward |w_1| and |cos(w_1, PC1)|, recurrent error.
std::optional<Quantiles> last_norm_band(const History& history);
std::optional<Quantiles> last_alignment_band(const History& history);
std::optional<Quantiles> last_relative_error_band(const History& history);
// Sanger with k > 1: the subspace alignment's stationary band at the last record; none before
// the step it holds from (the series are NaN there) and for every other run.
std::optional<Quantiles> last_subspace_alignment_band(const History& history);
// The inhibitory balance's band of the mean output rate over its last recorded interval.
std::optional<Quantiles> last_rate_band(const InhibitoryBalance& balance);

// "inside the 90% band of single runs (0.05-0.31)" or "outside (above) ..." / "outside (below) ...";
// `brief`: "inside its 90% band (0.05-0.31)", for a sentence that names several runs. "" without a band.
std::string band_words(double value, const std::optional<Quantiles>& band, bool brief = false);

// The primary quantity of a run beside its band, for the status line: "|w_1| inside its 90% band",
// "error outside its 90% band"; "" when the run has no band.
std::string band_status(const Simulation& sim);

// Where plain Hebb explodes, forecast, beside where this run did: "explodes near step 90 in 90% of
// runs between 70 and 120; this run at step 95, inside". "" when the forecast has no explosion.
std::string explosion_words(const Simulation& sim, std::optional<long long> exploded_at);

}  // namespace hebbian::app
