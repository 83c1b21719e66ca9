// Serves what the page's script queued since the last frame: host messages
// (window.hebbian, postMessage), CSV files and pictures (file pickers, drag and drop). Each
// becomes Changes applied by apply_changes, and each gets one JSON answer.
#pragma once

#include <string>
#include <string_view>

#include "app/app.hpp"

namespace hebbian::app {

// At most this many requests are served per frame; the rest wait for the next frames.
constexpr int kRequestsPerFrame = 16;

void serve_page_requests(App& app);

// The reply to one host message (embed/host_message.hpp), after applying it.
std::string answer_host_message(App& app, std::string_view text);

}  // namespace hebbian::app
