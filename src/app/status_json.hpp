// The small JSON status the page's script reads (window.hebbianStatus(), the browser test).
// Pure formatting, no browser code: non-finite numbers become null.
#pragma once

#include <string>

#include "app/view.hpp"

namespace hebbian::app {

struct StatusReport {
    View view = View::Feedforward;
    long long steps = 0;     // learning steps done by the view's simulation
    double alignment = 0.0;  // latest |cos| with PC1 (see History::alignment)
    bool diverged = false;   // any of the view's runs stopped on divergence
    bool playing = false;
    bool embed = false;      // the compact layout is on
    std::string notice;      // the page address's corrections ("" when none)
    std::string data_error;  // why the last CSV file was refused ("" when none)
};

// {"view":"recurrent","steps":120,"alignment":0.93,"diverged":false,"playing":true,
//  "embed":false,"notice":null,"data_error":null}
std::string status_json(const StatusReport& report);

}  // namespace hebbian::app
