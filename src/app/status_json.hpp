// The JSON status the page's script reads (window.hebbianStatus(), the live region, the
// host's auto-height, the browser tests). Pure formatting, no browser code: non-finite
// numbers become null. Published after every drawn frame and every served page request.
#pragma once

#include <string>

#include "app/layout.hpp"
#include "app/view.hpp"

namespace hebbian::app {

struct StatusReport {
    View view = View::Feedforward;
    long long steps = 0;     // learning steps done by the view's simulation
    double alignment = 0.0;  // latest |cos| with PC1 (see History::alignment)
    double subspace_alignment = 0.0;  // latest alignment with the top-k PCs (k > 1; NaN, written null, otherwise)
    bool diverged = false;   // any of the view's runs stopped on divergence
    bool playing = false;
    bool embed = false;      // embed mode (?embed=1) is on
    std::string notice;      // the page address's corrections ("" when none)
    std::string data_error;  // why the last CSV file was refused ("" when none)

    Layout layout;                         // chosen from the CSS size below
    float css_width = 0, css_height = 0;   // the canvas in CSS px
    float pixel_ratio = 1;                 // device pixels per CSS px
    int framebuffer_width = 0, framebuffer_height = 0;
    float font_px = 0;                     // text size in CSS px
    const char* theme = "dark";            // resolved: "light" or "dark"
    bool coarse_pointer = false;           // touch: larger controls
    int speed = 0;                         // learning steps per frame asked for
    long long frame_steps = 0;             // steps the last active frame ran (the budget may cut them)
    double steps_per_second = 0;           // learning steps per wall-clock second (the status line's)
    double simulation_ms = 0;              // milliseconds of learning in the last active frame
    long long frames = 0;                  // frames drawn since start
    bool active = true;                    // simulating and drawing (in view, GL context alive)
    int preferred_height = 0;              // CSS px the figure wants for its width (embed)
    std::string summary;                   // one sentence on what the figure shows now
    int context_restores = 0;              // GL resources rebuilt after a lost context
};

// {"view":"recurrent","steps":120,"alignment":0.93,"subspace_alignment":null,"diverged":false,"playing":true,"embed":false,
//  "notice":null,"data_error":null,"layout":"wide","compact":false,"css_width":1280,...}
std::string status_json(const StatusReport& report);

}  // namespace hebbian::app
