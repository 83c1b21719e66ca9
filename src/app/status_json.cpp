// Formats the status report as JSON (see status_json.hpp).
#include "app/status_json.hpp"

#include <cmath>
#include <cstdio>

#include "embed/json_value.hpp"

namespace hebbian::app {

std::string status_json(const StatusReport& report) {
    char alignment[32] = "null";
    if (std::isfinite(report.alignment)) std::snprintf(alignment, sizeof alignment, "%.6g", report.alignment);
    char text[200];
    std::snprintf(text, sizeof text, R"({"view":"%s","steps":%lld,"alignment":%s,"diverged":%s,"playing":%s,"embed":%s)",
                  view_name(report.view), report.steps, alignment, report.diverged ? "true" : "false",
                  report.playing ? "true" : "false", report.embed ? "true" : "false");
    const auto optional_text = [](const std::string& s) { return s.empty() ? std::string("null") : embed::json_quote(s); };
    return text + (",\"notice\":" + optional_text(report.notice)) + ",\"data_error\":" + optional_text(report.data_error) + "}";
}

}  // namespace hebbian::app
