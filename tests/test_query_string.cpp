// Query-string splitting, decoding and encoding.
#include <doctest.h>

#include "embed/query_string.hpp"

using namespace hebbian::embed;

TEST_CASE("a query string splits into decoded pairs in order") {
    const QueryPairs pairs = parse_query("?view=recurrent&alpha=1.5&name=a%20b+c&flag&&x=%zz&=v");
    REQUIRE(pairs.size() == 6);
    CHECK(pairs[0] == std::make_pair(std::string("view"), std::string("recurrent")));
    CHECK(pairs[1].second == "1.5");
    CHECK(pairs[2].second == "a b c");
    CHECK(pairs[3] == std::make_pair(std::string("flag"), std::string()));
    CHECK(pairs[4].second == "%zz");  // malformed escape kept literally
    CHECK(pairs[5].first.empty());
    CHECK(parse_query("#seed=3")[0].first == "seed");
    CHECK(parse_query("").empty());
    CHECK(parse_query("?").empty());
}

TEST_CASE("building a query string and parsing it back gives the same pairs") {
    const QueryPairs pairs = {{"view", "appendix"}, {"text", "a&b=c d%/?#"}, {"utf8", "\xC3\xA9"}};
    const std::string query = build_query(pairs);
    CHECK(query.find(' ') == std::string::npos);
    CHECK(query.find('#') == std::string::npos);
    CHECK(parse_query(query) == pairs);
    CHECK(encode_component("a-b_c.d~e") == "a-b_c.d~e");
    CHECK(encode_component("a b") == "a%20b");
}
