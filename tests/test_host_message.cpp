// Messages from the host page: each command of the schema is read, anything else is
// refused whole with a reason, and replies are valid JSON that echo the message's id.
#include <doctest.h>

#include <string>

#include "embed/host_message.hpp"
#include "embed/json_value.hpp"
#include "embed/page_state.hpp"
#include "embed/state_json.hpp"

using namespace hebbian;
using namespace hebbian::embed;

namespace {

HostCommand accepted(const std::string& text) {
    const HostMessage m = read_host_message(text);
    INFO(text, " -> ", m.error);
    REQUIRE(m.command);
    CHECK(m.error.empty());
    return *m.command;
}

std::string refused(const std::string& text) {
    const HostMessage m = read_host_message(text);
    INFO(text);
    CHECK_FALSE(m.command);
    CHECK_FALSE(m.error.empty());
    return m.error;
}

}  // namespace

TEST_CASE("the commands without members are read") {
    CHECK(accepted(R"({"type":"get"})").kind == CommandKind::Get);
    CHECK(accepted(R"({"type":"play"})").kind == CommandKind::Play);
    CHECK(accepted(R"({"type":"pause"})").kind == CommandKind::Pause);
    CHECK(accepted(R"({"type":"reset"})").kind == CommandKind::Reset);
    CHECK(accepted(R"({"type":"subscribe"})").kind == CommandKind::Subscribe);
    CHECK(accepted(R"({"type":"unsubscribe"})").kind == CommandKind::Unsubscribe);
    CHECK(accepted(R"({"type":"link"})").kind == CommandKind::Link);
}

TEST_CASE("set turns typed parameters into settings text") {
    const HostCommand c =
        accepted(R"({"type":"set","params":{"alpha":1.5,"rule":"oja","embed":true,"autoplay":0,"seed":"18446744073709551615","N":12}})");
    CHECK(c.kind == CommandKind::Set);
    const QueryPairs expected = {{"alpha", "1.5"}, {"rule", "oja"}, {"embed", "1"}, {"autoplay", "0"},
                                 {"seed", "18446744073709551615"}, {"N", "12"}};
    CHECK(c.settings == expected);
    CHECK(accepted(R"({"type":"set","params":{"seed":42}})").settings == QueryPairs{{"seed", "42"}});
}

TEST_CASE("set values of the wrong JSON type are refused") {
    CHECK(refused(R"({"type":"set","params":{"alpha":"1.5"}})") == "params.alpha must be a number");
    CHECK(refused(R"({"type":"set","params":{"rule":3}})") == "params.rule must be a string");
    CHECK(refused(R"({"type":"set","params":{"embed":"yes"}})") == "params.embed must be true or false");
    CHECK(refused(R"({"type":"set","params":{"alpha":null}})") == "params.alpha must be a number");
    CHECK(refused(R"({"type":"set","params":{"N":[8]}})") == "params.N must be a number");
    CHECK(refused(R"({"type":"set","params":{"seed":-1}})").rfind("params.seed", 0) == 0);
    CHECK(refused(R"({"type":"set","params":{"seed":1.5}})").rfind("params.seed", 0) == 0);
    CHECK(refused(R"({"type":"set","params":[1]})") == "params must be an object");
}

TEST_CASE("set refuses a parameter no spec names") {
    CHECK(refused(R"({"type":"set","params":{"colour":"red"}})") == "params.colour is not a parameter");
}

TEST_CASE("step reads a count within its range") {
    CHECK(accepted(R"({"type":"step"})").count == 1);
    CHECK(accepted(R"({"type":"step","count":250})").count == 250);
    for (const char* bad : {"0", "-3", "2.5", "1e9", "\"5\"", "null"})
        CHECK(refused(std::string(R"({"type":"step","count":)") + bad + "}").rfind("count must be", 0) == 0);
}

TEST_CASE("export reads what and format, and pairs the view with png") {
    const HostCommand c = accepted(R"({"type":"export","what":"covariance","format":"json"})");
    CHECK(c.what == ExportWhat::Covariance);
    CHECK(c.format == ExportFormat::Json);
    CHECK(accepted(R"({"type":"export","what":"view","format":"png"})").what == ExportWhat::View);
    CHECK_FALSE(refused(R"({"type":"export","what":"weights","format":"png"})").empty());
    CHECK_FALSE(refused(R"({"type":"export","what":"view","format":"csv"})").empty());
    CHECK(refused(R"({"type":"export","what":"everything"})").rfind("what must be", 0) == 0);
    CHECK(refused(R"({"type":"export","what":"history","format":"xml"})") == "format must be csv, json or png");
}

TEST_CASE("messages that are not an object with a known type are refused") {
    CHECK(refused("").rfind("not JSON", 0) == 0);
    CHECK(refused("{\"type\":\"get\",}").rfind("not JSON", 0) == 0);
    CHECK(refused("\"get\"") == "a message must be a JSON object");
    CHECK(refused("[1,2]") == "a message must be a JSON object");
    CHECK(refused("{}").rfind("type must be one of", 0) == 0);
    CHECK(refused(R"j({"type":"eval","code":"alert(1)"})j").rfind("type must be one of", 0) == 0);
    CHECK(refused(R"({"type":7})").rfind("type must be one of", 0) == 0);
    CHECK(refused(std::string(70000, ' ')).rfind("not JSON", 0) == 0);
}

TEST_CASE("members that do not belong to the command are refused") {
    CHECK(refused(R"({"type":"get","params":{}})") == "member \"params\" is not part of a \"get\" message");
    CHECK(refused(R"({"type":"play","extra":1})") == "member \"extra\" is not part of a \"play\" message");
    CHECK(refused(R"({"type":"set","params":{},"params":{}})").rfind("not JSON", 0) == 0);  // duplicate key
}

TEST_CASE("the id is echoed as JSON, and must be a short string or a number") {
    CHECK(read_host_message(R"({"type":"get","id":7})").id == "7");
    CHECK(read_host_message(R"({"type":"get","id":"a\"b"})").id == R"("a\"b")");
    CHECK(read_host_message(R"({"type":"get"})").id == "null");
    CHECK(read_host_message(R"({"type":"nope","id":3})").id == "3");  // echoed in the refusal
    refused(R"({"type":"get","id":{}})");
    refused(R"({"type":"get","id":")" + std::string(65, 'x') + "\"}");
}

TEST_CASE("replies and refusals are valid JSON naming the source and the id") {
    const JsonParse refusal = parse_json(refusal_json("\"q1\"", "bad \"thing\"\n"));
    REQUIRE(refusal.error.empty());
    CHECK(refusal.value.find("source")->string == "hebbian");
    CHECK(refusal.value.find("id")->string == "q1");
    CHECK(refusal.value.find("ok")->boolean == false);
    CHECK(refusal.value.find("error")->string == "bad \"thing\"\n");

    RunSummary run;
    run.steps = 12;
    run.inputs = 2;
    run.alignment = 0.5;
    run.norm = std::numeric_limits<double>::infinity();
    run.regime = "alpha = lambda_1";
    run.runs = {{"hebb", 12, 1e30, 0.9, 11, std::nullopt, std::nullopt},
                {"decay", 12, 0.5, 0.99, 0, Quantiles{0.4, 0.45, 0.6}, Quantiles{0.9, 0.98, 1.0}}};
    run.primary = "hebb";
    run.inhibition = BalanceRun{12, 1.01, 1.0, 0.99, 0.98, Quantiles{0.95, 0.99, 1.04}};
    run.norm_band = Quantiles{0.1, 0.2, 0.3};
    const JsonParse reply = parse_json(reply_json("4", CommandKind::Get, "\"state\":" + state_json(PageState{}, run)));
    REQUIRE(reply.error.empty());
    CHECK(reply.value.find("command")->string == "get");
    const JsonValue& state = *reply.value.find("state");
    CHECK(state.find("steps")->number == 12);
    CHECK(state.find("inputs")->number == 2);
    CHECK(state.find("norm")->type == JsonValue::Type::Null);
    CHECK(state.find("data")->type == JsonValue::Type::Null);
    CHECK(state.find("link")->string == "view=feedforward&seed=1");
    const JsonValue& runs = *state.find("runs");
    REQUIRE(runs.array.size() == 2);
    CHECK(runs.array[0].find("rule")->string == "hebb");
    CHECK(runs.array[0].find("diverged_at")->number == 11);
    CHECK(runs.array[1].find("norm")->number == 0.5);
    CHECK(runs.array[1].find("diverged_at")->type == JsonValue::Type::Null);
    // The single-run bands: three numbers each, null where the run has none.
    CHECK(runs.array[0].find("norm_low")->type == JsonValue::Type::Null);
    CHECK(runs.array[1].find("norm_typical")->number == 0.45);
    CHECK(runs.array[1].find("alignment_high")->number == 1.0);
    CHECK(state.find("norm_low")->number == 0.1);
    CHECK(state.find("norm_high")->number == 0.3);
    CHECK(state.find("alignment_typical")->type == JsonValue::Type::Null);
    CHECK(state.find("relative_error_high")->type == JsonValue::Type::Null);
    // Sanger's subspace band: null before it holds (and for every other run).
    CHECK(state.find("subspace_alignment_low")->type == JsonValue::Type::Null);
    CHECK(state.find("subspace_alignment_typical")->type == JsonValue::Type::Null);
    CHECK(state.find("subspace_alignment_high")->type == JsonValue::Type::Null);
    CHECK(state.find("primary")->string == "hebb");
    const JsonValue& inhibition = *state.find("inhibition");
    CHECK(inhibition.find("steps")->number == 12);
    CHECK(inhibition.find("rate")->number == 1.01);
    CHECK(inhibition.find("rho0")->number == 1.0);
    CHECK(inhibition.find("predicted_rate")->number == 0.99);
    CHECK(inhibition.find("co_tuning")->number == 0.98);
    // The rate's band of single runs over the latest interval, in order.
    CHECK(inhibition.find("rate_low")->number == 0.95);
    CHECK(inhibition.find("rate_typical")->number == 0.99);
    CHECK(inhibition.find("rate_high")->number == 1.04);
    // Once Sanger's subspace band holds, and an inhibitory balance without a recorded point yet.
    run.subspace_alignment_band = Quantiles{0.983, 0.99, 0.995};
    run.inhibition = BalanceRun{0, 0.0, 1.0, 0.99, 0.0, std::nullopt};
    const JsonParse held = parse_json(state_json(PageState{}, run));
    REQUIRE(held.error.empty());
    CHECK(held.value.find("subspace_alignment_low")->number == 0.983);
    CHECK(held.value.find("subspace_alignment_typical")->number == 0.99);
    CHECK(held.value.find("subspace_alignment_high")->number == 0.995);
    CHECK(held.value.find("inhibition")->find("rate_low")->type == JsonValue::Type::Null);
    CHECK(held.value.find("inhibition")->find("rate_high")->type == JsonValue::Type::Null);
    CHECK(parse_json(state_json(PageState{}, RunSummary{})).value.find("inhibition")->type == JsonValue::Type::Null);
    const JsonValue& p = *state.find("params");
    CHECK(p.find("eta")->number == 0.01);
    CHECK(p.find("seed")->string == "1");
    CHECK(p.find("embed")->boolean == false);
    CHECK(p.find("rule")->string == "decay");
    CHECK(p.object.size() == setting_specs().size());
}

TEST_CASE("the state's params read back through set give the same state") {
    PageState state;
    state.setup.params.learning.alpha = 0.1 + 0.2;
    state.setup.params.seed = 18446744073709551615ULL;
    const HostCommand c = accepted("{\"type\":\"set\",\"params\":" + params_json(state) + "}");
    const SettingsResult back = apply_settings(PageState{}, c.settings, default_setups());
    CHECK(back.corrections.empty());
    CHECK(same_page_state(back.state, state));
}
