// Formats the status report as JSON (see status_json.hpp).
#include "app/status_json.hpp"

#include "embed/json_value.hpp"
#include "core/number_text.hpp"

namespace hebbian::app {

namespace {

std::string flag(bool value) { return value ? "true" : "false"; }
std::string optional_text(const std::string& s) { return s.empty() ? std::string("null") : embed::json_quote(s); }

}  // namespace

std::string status_json(const StatusReport& r) {
        using embed::json_quote;
    std::string out = "{\"view\":" + json_quote(view_name(r.view));
    out += ",\"steps\":" + std::to_string(r.steps);
    out += ",\"alignment\":" + json_number(r.alignment);
    out += ",\"subspace_alignment\":" + json_number(r.subspace_alignment);
    out += ",\"diverged\":" + flag(r.diverged);
    out += ",\"playing\":" + flag(r.playing);
    out += ",\"embed\":" + flag(r.embed);
    out += ",\"notice\":" + optional_text(r.notice);
    out += ",\"data_error\":" + optional_text(r.data_error);
    out += ",\"layout\":" + json_quote(layout_name(r.layout.mode));
    out += ",\"compact\":" + flag(r.layout.compact);
    out += ",\"css_width\":" + json_number(r.css_width);
    out += ",\"css_height\":" + json_number(r.css_height);
    out += ",\"pixel_ratio\":" + json_number(r.pixel_ratio);
    out += ",\"framebuffer_width\":" + std::to_string(r.framebuffer_width);
    out += ",\"framebuffer_height\":" + std::to_string(r.framebuffer_height);
    out += ",\"font_px\":" + json_number(r.font_px);
    out += ",\"theme\":" + json_quote(r.theme);
    out += ",\"coarse_pointer\":" + flag(r.coarse_pointer);
    out += ",\"speed\":" + std::to_string(r.speed);
    out += ",\"frame_steps\":" + std::to_string(r.frame_steps);
    out += ",\"steps_per_second\":" + json_number(r.steps_per_second);
    out += ",\"simulation_ms\":" + json_number(r.simulation_ms);
    out += ",\"frames\":" + std::to_string(r.frames);
    out += ",\"active\":" + flag(r.active);
    out += ",\"preferred_height\":" + std::to_string(r.preferred_height);
    out += ",\"summary\":" + json_quote(r.summary);
    out += ",\"context_restores\":" + std::to_string(r.context_restores);
    return out + "}";
}

}  // namespace hebbian::app
