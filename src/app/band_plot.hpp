// How every view draws a run beside its theory: the band that 90% of single runs stay in
// (shaded), the typical run (thin), the mean of many runs (dashed, drawn by the view) and
// the run itself (thick), with a legend that names them in the reader's words.
#pragma once

#include <vector>

#include "app/plot.hpp"

namespace hebbian::app {

// The legend of one run in `colour`: "this run", then "typical run" and "90% of runs" when
// there is a band, then "mean of many runs" (dashed) when there is a mean field.
// `compact`: "run", "typical", "90% band", "mean", for a small embed.
std::vector<LegendEntry> run_legend(ImU32 colour, bool band, bool mean, bool compact);

// The band's two entries alone: "typical run" (thin) and "90% of runs" (shaded), in `colour`.
std::vector<LegendEntry> band_legend(ImU32 colour, bool compact);

// The legend of several runs named by colour: the band, typical and mean entries alone, in
// the foreground colour (`compact` as above).
std::vector<LegendEntry> theory_legend(bool compact);

// The band of single runs (shaded between low and high) and the typical run (a thin line),
// both in `colour`; nothing where the series are empty.
void draw_single_runs(Plot& plot, const std::vector<double>& x, const std::vector<double>& low,
                      const std::vector<double>& typical, const std::vector<double>& high, ImU32 colour);

}  // namespace hebbian::app
