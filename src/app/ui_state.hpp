// What the UI remembers between frames, and what a panel asks the frame to change.
//
// Panels only read the simulations: each returns a Changes value, and the frame
// function applies all of them in one place (apply_changes in app.cpp).
#pragma once

#include <array>
#include <optional>

#include "app/view.hpp"
#include "core/simulation.hpp"

namespace hebbian::app {

constexpr int kViewCount = 4;

inline int view_index(View view) { return static_cast<int>(view); }

struct UiState {
    View view = View::Feedforward;      // the open view
    bool select_view = true;            // the tab bar must open `view` this frame (start-up, page address)
    std::array<SimParams, kViewCount> drafts;  // parameters as being edited, per view (may be invalid)
    int amplification_stream = 0;       // the input stream i the amplification view follows
};

// Requests from one frame's panels; empty fields ask for nothing.
struct Changes {
    std::optional<SimParams> params;     // restart the open view's run with these
    std::optional<bool> playing;         // play (true) or pause (false)
    std::optional<int> steps_per_frame;  // learning steps each frame runs while playing
    bool step_once = false;              // run a single learning step now
    bool reset = false;                  // restart with the current parameters

    void merge(const Changes& other) {
        if (other.params) params = other.params;
        if (other.playing) playing = other.playing;
        if (other.steps_per_frame) steps_per_frame = other.steps_per_frame;
        step_once = step_once || other.step_once;
        reset = reset || other.reset;
    }
};

}  // namespace hebbian::app
