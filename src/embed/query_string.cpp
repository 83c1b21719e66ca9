// Query string splitting, decoding and encoding (see query_string.hpp).
#include "query_string.hpp"

namespace hebbian::embed {

namespace {

constexpr char kHex[] = "0123456789ABCDEF";

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string decode_component(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '+') {
            out += ' ';
        } else if (c == '%' && i + 2 < text.size() && hex_digit(text[i + 1]) >= 0 && hex_digit(text[i + 2]) >= 0) {
            out += static_cast<char>(hex_digit(text[i + 1]) * 16 + hex_digit(text[i + 2]));
            i += 2;
        } else {
            out += c;
        }
    }
    return out;
}

}  // namespace

QueryPairs parse_query(std::string_view text) {
    if (!text.empty() && (text.front() == '?' || text.front() == '#')) text.remove_prefix(1);
    QueryPairs pairs;
    while (!text.empty()) {
        const size_t amp = text.find('&');
        const std::string_view piece = text.substr(0, amp);
        text = amp == std::string_view::npos ? std::string_view() : text.substr(amp + 1);
        if (piece.empty()) continue;
        const size_t eq = piece.find('=');
        if (eq == std::string_view::npos) {
            pairs.emplace_back(decode_component(piece), "");
        } else {
            pairs.emplace_back(decode_component(piece.substr(0, eq)), decode_component(piece.substr(eq + 1)));
        }
    }
    return pairs;
}

std::string encode_component(std::string_view text) {
    std::string out;
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                                c == '-' || c == '.' || c == '_' || c == '~';
        if (unreserved) {
            out += c;
        } else {
            out += '%';
            out += kHex[u >> 4];
            out += kHex[u & 15];
        }
    }
    return out;
}

std::string build_query(const QueryPairs& pairs) {
    std::string out;
    for (const auto& [key, value] : pairs) {
        if (!out.empty()) out += '&';
        out += encode_component(key);
        out += '=';
        out += encode_component(value);
    }
    return out;
}

}  // namespace hebbian::embed
