// The status line (see status_line.hpp).
#include "app/status_line.hpp"

#include "app/band.hpp"
#include "imgui.h"

namespace hebbian::app {

void FrameStats::add_frame(long long steps, double step_seconds, double frame_seconds) {
    simulation_ms = 0.9 * simulation_ms + 0.1 * (1000.0 * step_seconds);
    frame_steps = steps;
    frame_simulation_ms = 1000.0 * step_seconds;
    window_steps += steps;
    window_seconds += frame_seconds;
    if (window_seconds >= 0.5) {
        steps_per_second = double(window_steps) / window_seconds;
        window_steps = 0;
        window_seconds = 0.0;
    }
}

void draw_status_line(const ViewRun& run, const FrameStats& stats) {
    ImGui::Text("step %lld   |   %.0f steps/s   |   simulation %.3f ms/frame (%lld of %d steps/frame)   |   %.0f fps",
                run.steps_done(), stats.steps_per_second, stats.simulation_ms, stats.frame_steps, run.steps_per_frame,
                double(ImGui::GetIO().Framerate));
    if (const std::string band = band_status(run.primary()); !band.empty()) {
        ImGui::SameLine();
        ImGui::Text("|   %s", band.c_str());
    }
    for (const Simulation& s : run.sims)
        if (s.divergence().diverged) {
            ImGui::SameLine();
            ImGui::TextColored(ImVec4(1, 0.5f, 0.4f, 1), "|   %s run diverged at step %lld",
                               to_string(s.params().learning.rule).c_str(), s.divergence().step);
        }
    if (run.finished()) {
        ImGui::SameLine();
        ImGui::TextDisabled("|   finished: %lld steps (Reset to run again)", run.step_limit);
    } else if (!run.playing) {
        ImGui::SameLine();
        ImGui::TextDisabled("|   paused");
    }
}

}  // namespace hebbian::app
