// The status line under every view: step count, learning steps per second, the
// milliseconds of simulation each frame costs, and the steps per frame reached against
// the speed asked for (the frame's time budget may cut them), and whether the run is inside
// the band of single runs (band.hpp).
#pragma once

#include "app/view_run.hpp"

namespace hebbian::app {

// Measured by the frame function around its learning steps.
struct FrameStats {
    double simulation_ms = 0.0;      // time spent in Simulation::step this frame (smoothed)
    double steps_per_second = 0.0;   // learning steps per wall-clock second, over the last half second
    long long window_steps = 0;      // steps counted in the current measuring window
    double window_seconds = 0.0;     // wall time of the current measuring window
    long long frame_steps = 0;       // steps the last frame ran
    double frame_simulation_ms = 0.0;  // milliseconds of simulation in the last frame

    // Adds one frame: `steps` learning steps that took `step_seconds`, in a frame of `frame_seconds`.
    void add_frame(long long steps, double step_seconds, double frame_seconds);
};

void draw_status_line(const ViewRun& run, const FrameStats& stats);

}  // namespace hebbian::app
