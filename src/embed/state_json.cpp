// JSON of the page state (see state_json.hpp).
#include "embed/state_json.hpp"

#include "core/number_text.hpp"
#include "embed/json_value.hpp"

namespace hebbian::embed {

namespace {

std::string optional_text(const std::string& text) { return text.empty() ? "null" : json_quote(text); }

// ,"<name>_low":...,"<name>_typical":...,"<name>_high":... (null without a band).
std::string band_json(const char* name, const std::optional<Quantiles>& band) {
    const std::string prefix = std::string(",\"") + name;
    if (!band) return prefix + "_low\":null" + prefix + "_typical\":null" + prefix + "_high\":null";
    return prefix + "_low\":" + json_number(band->low) + prefix + "_typical\":" + json_number(band->typical) + prefix +
           "_high\":" + json_number(band->high);
}

std::string runs_json(const std::vector<RuleRun>& runs) {
    std::string out = "[";
    for (const RuleRun& run : runs)
        out += std::string(out.size() > 1 ? "," : "") + "{\"rule\":" + json_quote(run.rule) +
               ",\"steps\":" + std::to_string(run.steps) + ",\"norm\":" + json_number(run.norm) +
               ",\"alignment\":" + json_number(run.alignment) +
               ",\"diverged_at\":" + (run.diverged_at > 0 ? std::to_string(run.diverged_at) : "null") +
               band_json("norm", run.norm_band) + band_json("alignment", run.alignment_band) + "}";
    return out + "]";
}

std::string balance_json(const std::optional<BalanceRun>& balance) {
    if (!balance) return "null";
    return "{\"steps\":" + std::to_string(balance->steps) + ",\"rate\":" + json_number(balance->rate) +
           ",\"rho0\":" + json_number(balance->rho0) + ",\"predicted_rate\":" + json_number(balance->predicted_rate) +
           ",\"co_tuning\":" + json_number(balance->co_tuning) + band_json("rate", balance->rate_band) + "}";
}

}  // namespace

std::string params_json(const PageState& state) {
    const QueryPairs settings = page_settings(state);
    std::string out = "{";
    for (const auto& [key, text] : settings) {
        if (out.size() > 1) out += ',';
        out += json_quote(key) + ':';
        switch (find_setting(key)->kind) {
            case SettingKind::Real: {
                double value = 0.0;
                out += parse_decimal(text, value) == NumberText::Number ? json_number(value) : "null";
                break;
            }
            case SettingKind::Whole: out += text; break;
            case SettingKind::Flag: out += text == "1" ? "true" : "false"; break;
            case SettingKind::Seed:
            case SettingKind::Choice: out += json_quote(text); break;
        }
    }
    return out + "}";
}

std::string state_json(const PageState& state, const RunSummary& run) {
    return "{\"params\":" + params_json(state) + ",\"link\":" + json_quote(page_query(state)) +
           ",\"steps\":" + std::to_string(run.steps) + ",\"inputs\":" + std::to_string(run.inputs) + ",\"alignment\":" + json_number(run.alignment) +
           ",\"norm\":" + json_number(run.norm) + ",\"lambda1\":" + json_number(run.lambda1) +
           ",\"diverged\":" + (run.diverged ? "true" : "false") + ",\"playing\":" + (run.playing ? "true" : "false") +
           ",\"regime\":" + json_quote(run.regime) + ",\"error\":" + optional_text(run.error) +
           ",\"data\":" + optional_text(run.data_name) + ",\"runs\":" + runs_json(run.runs) +
           ",\"primary\":" + json_quote(run.primary) + ",\"inhibition\":" + balance_json(run.inhibition) +
           band_json("norm", run.norm_band) + band_json("alignment", run.alignment_band) +
           band_json("relative_error", run.relative_error_band) +
           band_json("subspace_alignment", run.subspace_alignment_band) + "}";
}

}  // namespace hebbian::embed
