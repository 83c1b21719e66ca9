// Parses the page address's query string (see page_options.hpp).
#include "app/page_options.hpp"

namespace hebbian::app {

PageOptions parse_page_options(std::string_view query) {
    PageOptions options;
    if (!query.empty() && query.front() == '?') query.remove_prefix(1);
    while (!query.empty()) {
        const size_t end = query.find('&');
        const std::string_view pair = query.substr(0, end);
        query = end == std::string_view::npos ? std::string_view{} : query.substr(end + 1);
        const size_t equals = pair.find('=');
        if (equals == std::string_view::npos) continue;
        const std::string_view key = pair.substr(0, equals), value = pair.substr(equals + 1);
        if (key == "view") {
            if (auto view = parse_view(value)) options.view = *view;
        } else if (key == "play") {
            if (value == "0") options.playing = false;
            if (value == "1") options.playing = true;
        }
    }
    return options;
}

}  // namespace hebbian::app
