// libFuzzer target: the page address parser. Invariants: no crash or sanitizer
// report; encoding the parsed pairs and parsing again gives the same pairs.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "embed/query_string.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
    using namespace hebbian::embed;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const QueryPairs pairs = parse_query(text);
    QueryPairs non_empty;
    for (const auto& pair : pairs)
        if (!pair.first.empty() || !pair.second.empty()) non_empty.push_back(pair);
    if (parse_query(build_query(non_empty)) != non_empty) std::abort();
    return 0;
}
