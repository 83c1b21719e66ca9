// One view's simulations and how the frame drives them. The app holds one per view;
// panels receive it read-only.
#pragma once

#include <Eigen/Dense>
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "core/inhibitory_balance.hpp"
#include "core/simulation.hpp"

namespace hebbian::app {

struct ViewRun {
    std::vector<Simulation> sims;  // one; the appendix has two (plain Hebb, then Hebb with decay), the
                                   // stabilizers five (embed::kStabilizerRules)
    SimParams params;              // the parameters the runs were last started with (the view's, not per run)
    bool playing = true;           // run steps_per_frame steps every frame
    int steps_per_frame = 5;       // the speed control
    long long step_limit = 0;      // stop after this many steps (0: never); the appendix runs 250
    std::string error;             // why the last requested parameters were refused ("" when accepted)
    double seconds_per_step = 0.0; // measured cost of one learning step (0: not measured yet)
    // The measurements behind it, fading by half each chunk: seconds and steps of the recent chunks.
    double measured_seconds = 0.0, measured_steps = 0.0;
    long long generation = 0;      // counts restarts: (generation, steps) names the weights' state
    // The appendix keeps w_1 after every step of each run, for its weight trajectories.
    std::vector<std::vector<Eigen::VectorXd>> weight_paths;
    // The stabilizers view also runs balanced inhibitory plasticity, step for step with the sims.
    std::optional<InhibitoryBalance> balance;

    const Simulation& primary() const { return sims.front(); }
    // The steps of the run that went furthest (a diverged run stops early).
    long long steps_done() const {
        long long most = 0;
        for (const Simulation& sim : sims) most = std::max(most, sim.steps_done());
        return most;
    }
    // True once every run has done step_limit steps or stopped on divergence.
    bool finished() const {
        if (step_limit <= 0) return false;
        for (const Simulation& sim : sims)
            if (!sim.divergence().diverged && sim.steps_done() < step_limit) return false;
        return !balance || balance->steps_done() >= step_limit;
    }
};

}  // namespace hebbian::app
