// A run beside its theory, drawn (see band_plot.hpp).
#include "app/band_plot.hpp"

#include "app/theme.hpp"

namespace hebbian::app {

std::vector<LegendEntry> band_legend(ImU32 colour, bool compact) {
    return {{compact ? "typical" : "typical run", colour, Stroke::Solid, false, 1.0f},
            {compact ? "90% band" : "90% of runs", colour, Stroke::Solid, true}};
}

std::vector<LegendEntry> run_legend(ImU32 colour, bool band, bool mean, bool compact) {
    std::vector<LegendEntry> legend{{compact ? "run" : "this run", colour}};
    if (band)
        for (const LegendEntry& entry : band_legend(colour, compact)) legend.push_back(entry);
    if (mean) legend.push_back({compact ? "mean" : "mean of many runs", colours().foreground, Stroke::Dashed});
    return legend;
}

std::vector<LegendEntry> theory_legend(bool compact) {
    std::vector<LegendEntry> legend = band_legend(colours().foreground, compact);
    legend.push_back({compact ? "mean" : "mean of many runs", colours().foreground, Stroke::Dashed});
    return legend;
}

void draw_single_runs(Plot& plot, const std::vector<double>& x, const std::vector<double>& low,
                      const std::vector<double>& typical, const std::vector<double>& high, ImU32 colour) {
    plot.band(x, low, high, colour);
    plot.line(x, typical, colour, Stroke::Solid, 1.0f);
}

}  // namespace hebbian::app
