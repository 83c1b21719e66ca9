// The few settings the page address can carry: ?view=feedforward|recurrent|amplification|appendix
// and play=0|1. Pure string parsing (no GL, no browser), so it can be unit-tested; the web
// platform hands it window.location.search, the desktop build its first argument.
#pragma once

#include <string_view>

#include "app/view.hpp"

namespace hebbian::app {

struct PageOptions {
    View view = View::Feedforward;  // which view opens first
    bool playing = true;            // whether the simulation runs from the first frame
};

// Reads "?view=recurrent&play=0" (the leading '?' is optional). Unknown keys and
// unreadable values are ignored and leave the defaults.
PageOptions parse_page_options(std::string_view query);

}  // namespace hebbian::app
