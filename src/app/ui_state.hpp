// What the UI remembers between frames, and what a panel, the page address or the host
// page asks the frame to change.
//
// Panels only read the simulations: each returns a Changes value, and the frame
// function applies all of them in one place (apply_changes in run_control.cpp), whether
// they come from a button, the page address at start-up, a host message or a CSV file.
#pragma once

#include <Eigen/Dense>
#include <array>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/analysis_schedule.hpp"
#include "app/layout.hpp"
#include "app/receptive.hpp"
#include "app/view.hpp"
#include "core/amplification.hpp"
#include "core/simulation.hpp"
#include "embed/host_message.hpp"
#include "embed/page_state.hpp"

namespace hebbian::app {

// Rectangles (CSS px from the canvas's corner: x0 y0 x1 y1) where a touch belongs to the figure.
using TouchTargets = std::vector<std::array<float, 4>>;

struct UiState {
    View view = View::Feedforward;      // the open view
    bool select_view = true;            // the tab bar must open `view` this frame (start-up, page address)
    std::array<SimParams, kViewCount> drafts;  // parameters as being edited, per view (may be invalid)
    int amplification_stream = 0;       // the input stream i the amplification view follows
    AmplificationAnalysis amplification;          // the amplification view's last analysis of its run
    AnalysisRecord amplification_record;          // which run and step it analysed, and its cost
    std::chrono::steady_clock::time_point amplification_time;  // when
    ReceptiveCache receptive;           // the receptive-fields view's filters, components and image
    bool embed = false;                 // embed mode (?embed=1): one view, no tabs
    embed::Theme theme = embed::Theme::Auto;  // the theme setting (auto follows the reader's preference)
    Layout layout;                      // this frame's layout, from the canvas size in CSS px
    bool compact = false;               // the views draw their compact form (= layout.compact)
    bool controls_open = false;         // embed and narrow: the controls are shown instead of the view
    TouchTargets touch_targets;         // this frame's sliders: a touch starting there drags them
    std::string notice;                 // what the page address had wrong and what was used instead
    bool motion_hint = false;           // paused at start for a reader who prefers reduced motion, until Play
    std::string data_name;              // the CSV file the feedforward and recurrent views learn from
    std::string picture_name;           // the picture the receptive-fields view learns from
    std::string data_error;             // why the last file (CSV or picture) was refused ("" when it was not)
    bool picture_error = false;         // data_error is about a picture (else a CSV file)
    std::string link;                   // the last link made by "Copy link", for copying by hand
    std::string export_error;           // why the last export had nothing to write
};

// A CSV file read into numbers, ready to become the input source.
struct LoadedData {
    std::string name;                               // the file's name, for the UI
    std::shared_ptr<const Eigen::MatrixXd> values;  // rows are samples, columns input neurons
};

// A picture the page decoded, ready to become the receptive-fields view's source.
struct LoadedPicture {
    std::string name;                         // the file's name, for the UI
    std::shared_ptr<const GreyImage> image;   // standardised grey levels (picture_from_grey)
};

// A file to offer for download: a matrix or the history as CSV or JSON, the view or the
// filters as PNG.
struct DownloadRequest {
    embed::ExportWhat what = embed::ExportWhat::Weights;
    embed::ExportFormat format = embed::ExportFormat::Csv;
};

// Requests from one frame's panels (or one host message); empty fields ask for nothing.
struct Changes {
    std::optional<View> view;            // open this view (its run continues where it was)
    std::optional<SimParams> params;     // restart the open view's run with these
    std::optional<bool> playing;         // play (true) or pause (false)
    std::optional<int> steps_per_frame;  // learning steps each frame runs while playing
    std::optional<bool> embed;           // switch embed mode on or off
    std::optional<embed::Theme> theme;   // switch the theme
    long long steps = 0;                 // run this many learning steps now (the Step button: 1)
    bool reset = false;                  // restart with the current parameters
    std::optional<LoadedData> data;      // learn from this data set (feedforward and recurrent views)
    std::optional<LoadedPicture> picture;  // learn from this picture (the receptive-fields view)
    std::optional<DownloadRequest> download;
    bool copy_link = false;              // make the link that reproduces the run and copy it
    bool pick_file = false;              // open the page's file picker for a CSV file
    bool pick_image = false;             // open the page's file picker for a picture

    void merge(const Changes& other) {
        if (other.view) view = other.view;
        if (other.params) params = other.params;
        if (other.playing) playing = other.playing;
        if (other.steps_per_frame) steps_per_frame = other.steps_per_frame;
        if (other.embed) embed = other.embed;
        if (other.theme) theme = other.theme;
        steps += other.steps;
        reset = reset || other.reset;
        if (other.data) data = other.data;
        if (other.picture) picture = other.picture;
        if (other.download) download = other.download;
        copy_link = copy_link || other.copy_link;
        pick_file = pick_file || other.pick_file;
        pick_image = pick_image || other.pick_image;
    }
};

}  // namespace hebbian::app
