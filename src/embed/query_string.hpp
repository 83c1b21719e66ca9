// Query strings and URL fragments ("?view=recurrent&alpha=1.5", "#seed=3"): split into
// decoded key/value pairs, and built back. Pure std, no browser: unit-tested and fuzzed.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hebbian::embed {

using QueryPairs = std::vector<std::pair<std::string, std::string>>;

// Splits at '&' (one leading '?' or '#' is skipped), decodes %XX and '+' in keys and
// values, keeps the order. "flag" without '=' has an empty value; empty pieces are
// dropped; a malformed %-escape is kept literally.
QueryPairs parse_query(std::string_view text);

// Percent-encodes everything but unreserved characters (A-Z a-z 0-9 - . _ ~).
std::string encode_component(std::string_view text);

// "key=value&key=value", each part encoded.
std::string build_query(const QueryPairs& pairs);

}  // namespace hebbian::embed
