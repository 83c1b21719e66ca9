// A strict JSON reader (RFC 8259) for messages from the host page: no comments, no
// trailing commas, no NaN/Infinity, no duplicate keys, bounded size and depth.
// Errors name the byte offset. Pure std: unit-tested and fuzzed.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hebbian::embed {

struct JsonValue {
    enum class Type { Null, Bool, Number, String, Array, Object };
    Type type = Type::Null;
    bool boolean = false;
    double number = 0.0;
    std::string string;
    std::vector<JsonValue> array;
    std::vector<std::pair<std::string, JsonValue>> object;  // in document order

    // The member named `key` of an object, or nullptr.
    const JsonValue* find(std::string_view key) const;
};

struct JsonParse {
    JsonValue value;
    std::string error;  // empty on success, otherwise "at byte N: ..."
};

constexpr size_t kMaxJsonBytes = 64 * 1024;
constexpr int kMaxJsonDepth = 16;

JsonParse parse_json(std::string_view text);

// `text` as a JSON string literal, quotes included.
std::string json_quote(std::string_view text);

}  // namespace hebbian::embed
