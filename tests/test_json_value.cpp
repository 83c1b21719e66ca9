// The strict JSON reader used for messages from the host page.
#include <doctest.h>

#include "embed/json_value.hpp"

using namespace hebbian::embed;

TEST_CASE("valid JSON parses into the value tree") {
    const JsonParse p = parse_json(R"( {"type":"set","params":{"alpha":1.5,"seed":3,"play":true},"list":[1,-2e-3,null],"s":"a\"\u00e9\ud83d\ude00"} )");
    REQUIRE(p.error.empty());
    CHECK(p.value.type == JsonValue::Type::Object);
    CHECK(p.value.find("type")->string == "set");
    const JsonValue* params = p.value.find("params");
    REQUIRE(params != nullptr);
    CHECK(params->find("alpha")->number == 1.5);
    CHECK(params->find("play")->boolean);
    CHECK(p.value.find("list")->array.size() == 3);
    CHECK(p.value.find("list")->array[1].number == -0.002);
    CHECK(p.value.find("list")->array[2].type == JsonValue::Type::Null);
    CHECK(p.value.find("s")->string == "a\"\xC3\xA9\xF0\x9F\x98\x80");
    CHECK(p.value.find("missing") == nullptr);
}

TEST_CASE("invalid JSON is refused with the byte offset") {
    const char* cases[] = {
        "",          "{",          "{\"a\":}",   "{\"a\":1,}",  "[1,]",       "NaN",     "{\"a\":Infinity}",
        "01",        "1.",         "-",          "1e",          "\"\\x\"",    "\"a",      "{\"a\":1}x",
        "{'a':1}",   "{a:1}",      "\"\\ud800\"", "1e999",      "{\"a\":1,\"a\":2}", "tru", "\"\x01\"",
    };
    for (const char* text : cases) {
        CAPTURE(text);
        const JsonParse p = parse_json(text);
        CHECK(p.error.rfind("at byte ", 0) == 0);
        CHECK(p.value.type == JsonValue::Type::Null);
    }
}

TEST_CASE("JSON nested too deeply or too large is refused") {
    CHECK(parse_json(std::string(100, '[') + std::string(100, ']')).error.find("nested too deeply") != std::string::npos);
    CHECK(parse_json(std::string(kMaxJsonDepth, '[') + std::string(kMaxJsonDepth, ']')).error.empty());
    CHECK(parse_json("\"" + std::string(kMaxJsonBytes, 'a') + "\"").error.find("larger than") != std::string::npos);
}

TEST_CASE("json_quote escapes what JSON requires") {
    CHECK(json_quote("a\"b\\c\nd\x01") == "\"a\\\"b\\\\c\\nd\\u0001\"");
    CHECK(parse_json(json_quote("tab\there")).value.string == "tab\there");
}
