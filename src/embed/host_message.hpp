// Messages from the host page (window.hebbian or postMessage into the iframe) and the
// replies to them. A message is one JSON object:
//
//   {"type": "get"}                                   the state (parameters, steps, alignment, ...)
//   {"type": "set", "params": {"alpha": 1.5, "rule": "decay", "seed": "42"}}
//                                                     the keys of setting_specs() (page_state.hpp);
//                                                     numbers for numbers, strings for names,
//                                                     true/false or 0/1 for flags, the seed as a
//                                                     whole number or a string of digits
//   {"type": "play"} {"type": "pause"} {"type": "reset"}
//   {"type": "step", "count": 100}                    1..kMaxStepsPerMessage learning steps now
//   {"type": "subscribe"} {"type": "unsubscribe"}     progress messages a few times a second
//   {"type": "export", "what": "weights|recurrent|covariance|history|inhibition|filters|view",
//    "format": "csv|json|png"}                        the view and the filters (the receptive-fields
//                                                     view's learned filters beside their PCs) as png
//   {"type": "link"}                                  the query string that reproduces the run
//
// plus an optional "id" (a number or a string of at most 64 characters) echoed in the
// reply. Anything else (another type, an unknown member, a value of the wrong JSON type,
// a parameter no spec names) is refused whole, with the reason. Values of the right type
// but out of range are clamped by apply_settings, which reports the correction.
// Pure std + core: unit-tested and fuzzed.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "embed/query_string.hpp"

namespace hebbian::embed {

constexpr long long kMaxStepsPerMessage = 100000;
constexpr size_t kMaxIdLength = 64;

enum class CommandKind { Get, Set, Play, Pause, Reset, Step, Subscribe, Unsubscribe, Export, Link };
enum class ExportWhat { Weights, Recurrent, Covariance, History, Inhibition, Filters, View };
// The exports that are pictures (png), drawn by the page; the others are text (csv or json).
inline bool picture_export(ExportWhat what) { return what == ExportWhat::View || what == ExportWhat::Filters; }
enum class ExportFormat { Csv, Json, Png };

struct HostCommand {
    CommandKind kind = CommandKind::Get;
    QueryPairs settings;  // set: (key, value as text) for apply_settings
    long long count = 1;  // step: how many learning steps
    ExportWhat what = ExportWhat::Weights;
    ExportFormat format = ExportFormat::Csv;
};

struct HostMessage {
    std::optional<HostCommand> command;  // empty when the message was refused
    std::string id;                      // the message's "id" as JSON text, "null" when it has none
    std::string error;                   // why the message was refused
};

HostMessage read_host_message(std::string_view text);

const char* command_name(CommandKind kind);
const char* export_name(ExportWhat what);
const char* format_name(ExportFormat format);

// {"source":"hebbian","type":"reply","id":ID,"ok":false,"error":"..."}
std::string refusal_json(const std::string& id, std::string_view error);
// {"source":"hebbian","type":"reply","id":ID,"ok":true,"command":"set",MEMBERS}; `members`
// is a list of JSON members without braces (may be empty).
std::string reply_json(const std::string& id, CommandKind kind, std::string_view members);

}  // namespace hebbian::embed
