// libFuzzer target: messages from the host page. Invariants: no crash or sanitizer
// report; the strict JSON reader accepts only finite numbers and says where it refused;
// a refused message has a reason and an id that is JSON; an accepted "set" applies to
// in-range settings, and the reply built from the state is valid JSON.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "embed/host_message.hpp"
#include "embed/json_value.hpp"
#include "embed/page_state.hpp"
#include "embed/state_json.hpp"

namespace {

using namespace hebbian;
using namespace hebbian::embed;

bool all_finite(const JsonValue& v) {
    if (v.type == JsonValue::Type::Number) return std::isfinite(v.number);
    for (const auto& element : v.array)
        if (!all_finite(element)) return false;
    for (const auto& member : v.object)
        if (!all_finite(member.second)) return false;
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const JsonParse parsed = parse_json(text);
    if (!parsed.error.empty()) {
        if (parsed.error.rfind("at byte ", 0) != 0 && parsed.error.rfind("message larger", 0) != 0) std::abort();
    } else if (!all_finite(parsed.value)) {
        std::abort();
    }

    const HostMessage message = read_host_message(text);
    if (!parse_json(message.id).error.empty()) std::abort();
    if (!message.command) {
        if (message.error.empty() || !parse_json(refusal_json(message.id, message.error)).error.empty()) std::abort();
        return 0;
    }
    if (!parsed.error.empty()) std::abort();  // accepted only what the strict reader accepts
    if (message.command->kind != CommandKind::Set) return 0;
    for (const auto& [key, value] : message.command->settings)
        if (!find_setting(key)) std::abort();
    const SettingsResult result = apply_settings(PageState{}, message.command->settings, default_setups());
    const SimParams& p = result.state.setup.params;
    if (!std::isfinite(p.learning.eta) || !std::isfinite(p.learning.alpha) || p.source.inputs > kMaxInputs ||
        p.learning.outputs < 1)
        std::abort();
    const std::string reply = reply_json(message.id, CommandKind::Set, "\"state\":" + state_json(result.state, {}));
    if (!parse_json(reply).error.empty()) std::abort();
    return 0;
}
