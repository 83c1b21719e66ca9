// libFuzzer target: the reader for messages from the host page. Invariants: no
// crash or sanitizer report; a refused message says where; an accepted one has
// only finite numbers.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "embed/json_value.hpp"

namespace {

bool all_finite(const hebbian::embed::JsonValue& v) {
    using Type = hebbian::embed::JsonValue::Type;
    if (v.type == Type::Number) return v.number == v.number && v.number - v.number == 0.0;
    for (const auto& element : v.array)
        if (!all_finite(element)) return false;
    for (const auto& member : v.object)
        if (!all_finite(member.second)) return false;
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
    using namespace hebbian::embed;
    const JsonParse parsed = parse_json(std::string_view(reinterpret_cast<const char*>(data), size));
    if (!parsed.error.empty()) {
        if (parsed.error.rfind("at byte ", 0) != 0 && parsed.error.rfind("message larger", 0) != 0) std::abort();
        return 0;
    }
    if (!all_finite(parsed.value)) std::abort();
    return 0;
}
