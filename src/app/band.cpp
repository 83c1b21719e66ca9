// A run beside its single-run band (see band.hpp).
#include "app/band.hpp"

#include <cmath>
#include <cstdio>

#include "app/axis_scale.hpp"

namespace hebbian::app {

std::optional<Quantiles> last_band(const std::vector<double>& low, const std::vector<double>& typical,
                                   const std::vector<double>& high) {
    if (low.empty() || typical.empty() || high.empty()) return std::nullopt;
    const Quantiles band{low.back(), typical.back(), high.back()};
    if (!std::isfinite(band.low) || !std::isfinite(band.high)) return std::nullopt;
    return band;
}

std::optional<Quantiles> last_norm_band(const History& h) { return last_band(h.norm_low, h.norm_typical, h.norm_high); }

std::optional<Quantiles> last_alignment_band(const History& h) {
    return last_band(h.alignment_low, h.alignment_typical, h.alignment_high);
}

std::optional<Quantiles> last_relative_error_band(const History& h) {
    return last_band(h.relative_error_low, h.relative_error_typical, h.relative_error_high);
}

std::optional<Quantiles> last_subspace_alignment_band(const History& h) {
    return last_band(h.subspace_alignment_low, h.subspace_alignment_typical, h.subspace_alignment_high);
}

std::optional<Quantiles> last_rate_band(const InhibitoryBalance& balance) {
    const std::vector<Quantiles>& bands = balance.history_band();
    if (bands.empty() || !std::isfinite(bands.back().low) || !std::isfinite(bands.back().high)) return std::nullopt;
    return bands.back();
}

namespace {

// "low-high" with the fewest significant digits (3, as format_number, to 7) that tell low, high
// and the value apart.
std::string band_range(double value, const Quantiles& band) {
    for (int digits = 3;; ++digits) {
        const auto text = [digits](double v) {
            char buffer[32];
            std::snprintf(buffer, sizeof buffer, "%.*g", digits, v);
            return std::string(buffer);
        };
        const std::string low = text(band.low), high = text(band.high), now = text(value);
        if (digits == 7 || (low != high && now != low && now != high)) return low + "-" + high;
    }
}

}  // namespace

std::string band_words(double value, const std::optional<Quantiles>& band, bool brief) {
    if (!band || !std::isfinite(value)) return "";
    const std::string where = band->contains(value) ? "inside" : value > band->high ? "outside (above)" : "outside (below)";
    return where + (brief ? " its 90% band (" : " the 90% band of single runs (") + band_range(value, *band) + ")";
}

std::string band_status(const Simulation& sim) {
    const History& h = sim.history();
    const bool recurrent = sim.recurrent() != nullptr;
    const std::vector<double>& series = recurrent ? h.relative_error : h.norm;
    const std::optional<Quantiles> band = recurrent ? last_relative_error_band(h) : last_norm_band(h);
    if (!band || series.empty() || !std::isfinite(series.back())) return "";
    return std::string(recurrent ? "error " : "|w_1| ") + (band->contains(series.back()) ? "inside" : "outside") +
           " its 90% band";
}

std::string explosion_words(const Simulation& sim, std::optional<long long> exploded_at) {
    const std::optional<Quantiles>& window = sim.forecast().explosion_step();
    if (!window) return "";
    std::string text = "explodes near step " + format_number(std::round(window->typical)) +
                       " in 90% of runs between " + format_number(std::round(window->low)) + " and " +
                       format_number(std::round(window->high));
    if (exploded_at)
        text += "; this run at step " + std::to_string(*exploded_at) +
                (window->contains(double(*exploded_at)) ? ", inside" : ", outside");
    return text;
}

}  // namespace hebbian::app
