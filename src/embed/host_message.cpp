// Reading host messages against their schema, and writing replies (see host_message.hpp).
#include "embed/host_message.hpp"

#include <cmath>

#include "embed/json_value.hpp"
#include "core/number_text.hpp"
#include "embed/page_state.hpp"

namespace hebbian::embed {

namespace {

using Type = JsonValue::Type;

constexpr CommandKind kCommands[] = {CommandKind::Get,   CommandKind::Set,       CommandKind::Play,
                                     CommandKind::Pause, CommandKind::Reset,     CommandKind::Step,
                                     CommandKind::Subscribe, CommandKind::Unsubscribe, CommandKind::Export,
                                     CommandKind::Link};
constexpr ExportWhat kExports[] = {ExportWhat::Weights, ExportWhat::Recurrent, ExportWhat::Covariance,
                                   ExportWhat::History, ExportWhat::Inhibition, ExportWhat::Filters, ExportWhat::View};
constexpr ExportFormat kFormats[] = {ExportFormat::Csv, ExportFormat::Json, ExportFormat::Png};

// The members a message of `kind` may have besides "type" and "id".
bool member_allowed(CommandKind kind, std::string_view name) {
    if (kind == CommandKind::Set) return name == "params";
    if (kind == CommandKind::Step) return name == "count";
    if (kind == CommandKind::Export) return name == "what" || name == "format";
    return false;
}

bool whole(double value) { return std::isfinite(value) && value == std::floor(value); }

// One parameter of a "set" as text for apply_settings; "" on success, else why not.
std::string setting_text(const std::string& key, const JsonValue& value, std::string& text) {
    const SettingSpec* spec = find_setting(key);
    if (!spec) return "params." + key + " is not a parameter";
    switch (spec->kind) {
        case SettingKind::Real:
        case SettingKind::Whole:
            if (value.type != Type::Number) return "params." + key + " must be a number";
            text = exact_number(value.number);
            return "";
        case SettingKind::Seed:
            if (value.type == Type::String) {
                text = value.string;
                return "";
            }
            if (value.type != Type::Number || !whole(value.number) || value.number < 0 || value.number > 9007199254740992.0)
                return "params.seed must be a whole number up to 2^53 or a string of digits";
            text = std::to_string(static_cast<unsigned long long>(value.number));
            return "";
        case SettingKind::Flag:
            if (value.type == Type::Bool) {
                text = value.boolean ? "1" : "0";
                return "";
            }
            if (value.type == Type::Number && (value.number == 0.0 || value.number == 1.0)) {
                text = value.number == 1.0 ? "1" : "0";
                return "";
            }
            return "params." + key + " must be true or false";
        case SettingKind::Choice:
            if (value.type != Type::String) return "params." + key + " must be a string";
            text = value.string;
            return "";
    }
    return "params." + key + " is not a parameter";
}

template <typename Enum, size_t N>
std::optional<Enum> named(const Enum (&values)[N], const char* (*name)(Enum), std::string_view text) {
    for (Enum value : values)
        if (text == name(value)) return value;
    return std::nullopt;
}

// Fills `command` from the members of a message of its kind; "" on success, else why not.
std::string read_members(const JsonValue& message, HostCommand& command) {
    for (const auto& [name, value] : message.object) {
        if (name == "type" || name == "id") continue;
        if (!member_allowed(command.kind, name))
            return "member \"" + name + "\" is not part of a \"" + command_name(command.kind) + "\" message";
        if (name == "params") {
            if (value.type != Type::Object) return "params must be an object";
            for (const auto& [key, setting] : value.object) {
                std::string text;
                if (std::string why = setting_text(key, setting, text); !why.empty()) return why;
                command.settings.emplace_back(key, text);
            }
        } else if (name == "count") {
            if (value.type != Type::Number || !whole(value.number) || value.number < 1 ||
                value.number > double(kMaxStepsPerMessage))
                return "count must be a whole number from 1 to " + std::to_string(kMaxStepsPerMessage);
            command.count = static_cast<long long>(value.number);
        } else if (name == "what") {
            const auto what = value.type == Type::String ? named(kExports, export_name, value.string) : std::nullopt;
            if (!what) return "what must be one of weights, recurrent, covariance, history, inhibition, filters, view";
            command.what = *what;
        } else {
            const auto format = value.type == Type::String ? named(kFormats, format_name, value.string) : std::nullopt;
            if (!format) return "format must be csv, json or png";
            command.format = *format;
        }
    }
    if (command.kind == CommandKind::Export && (picture_export(command.what) != (command.format == ExportFormat::Png)))
        return "the view and the filters export as png; the matrices and the history as csv or json";
    return "";
}

}  // namespace

const char* command_name(CommandKind kind) {
    switch (kind) {
        case CommandKind::Get: return "get";
        case CommandKind::Set: return "set";
        case CommandKind::Play: return "play";
        case CommandKind::Pause: return "pause";
        case CommandKind::Reset: return "reset";
        case CommandKind::Step: return "step";
        case CommandKind::Subscribe: return "subscribe";
        case CommandKind::Unsubscribe: return "unsubscribe";
        case CommandKind::Export: return "export";
        case CommandKind::Link: return "link";
    }
    return "get";
}

const char* export_name(ExportWhat what) {
    switch (what) {
        case ExportWhat::Weights: return "weights";
        case ExportWhat::Recurrent: return "recurrent";
        case ExportWhat::Covariance: return "covariance";
        case ExportWhat::History: return "history";
        case ExportWhat::Inhibition: return "inhibition";
        case ExportWhat::Filters: return "filters";
        case ExportWhat::View: return "view";
    }
    return "weights";
}

const char* format_name(ExportFormat format) {
    switch (format) {
        case ExportFormat::Csv: return "csv";
        case ExportFormat::Json: return "json";
        case ExportFormat::Png: return "png";
    }
    return "csv";
}

HostMessage read_host_message(std::string_view text) {
    HostMessage result;
    result.id = "null";
    const JsonParse parsed = parse_json(text);
    if (!parsed.error.empty()) {
        result.error = "not JSON: " + parsed.error;
        return result;
    }
    const JsonValue& message = parsed.value;
    if (message.type != Type::Object) {
        result.error = "a message must be a JSON object";
        return result;
    }
    if (const JsonValue* id = message.find("id")) {
        if (id->type == Type::Number) {
            result.id = json_number(id->number);
        } else if (id->type == Type::String && id->string.size() <= kMaxIdLength) {
            result.id = json_quote(id->string);
        } else {
            result.error = "id must be a number or a string of at most 64 characters";
            return result;
        }
    }
    const JsonValue* type = message.find("type");
    const auto kind = type && type->type == Type::String ? named(kCommands, command_name, type->string) : std::nullopt;
    if (!kind) {
        result.error = "type must be one of get, set, play, pause, reset, step, subscribe, unsubscribe, export, link";
        return result;
    }
    HostCommand command;
    command.kind = *kind;
    if (std::string why = read_members(message, command); !why.empty()) {
        result.error = why;
        return result;
    }
    result.command = std::move(command);
    return result;
}

std::string refusal_json(const std::string& id, std::string_view error) {
    return R"({"source":"hebbian","type":"reply","id":)" + id + R"(,"ok":false,"error":)" + json_quote(error) + "}";
}

std::string reply_json(const std::string& id, CommandKind kind, std::string_view members) {
    std::string out = R"({"source":"hebbian","type":"reply","id":)" + id + R"(,"ok":true,"command":")" +
                      command_name(kind) + "\"";
    if (!members.empty()) {
        out += ',';
        out += members;
    }
    return out + "}";
}

}  // namespace hebbian::embed
