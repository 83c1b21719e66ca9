// Page settings from and to key/value text (see page_state.hpp).
#include "embed/page_state.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include "core/number_text.hpp"

namespace hebbian::embed {

namespace {

using K = SettingKind;

// "feedforward|recurrent|...": every view's name, in kAllViews order.
std::string view_choices() {
    std::string names;
    for (View view : kAllViews) names += (names.empty() ? "" : "|") + std::string(view_name(view));
    return names;
}

// The page's own settings; the simulation parameters follow from the core's table.
const std::vector<SettingSpec> kPageSettings = {
    {"embed", K::Flag, 0, 0, "", "1: one view under a strip of buttons, for an iframe"},
    {"view", K::Choice, 0, 0, view_choices(), "the view to open, with its own default parameters"},
    {"autoplay", K::Flag, 0, 0, "", "0: start paused; 1: play even when the reader prefers reduced motion"},
    {"theme", K::Choice, 0, 0, "auto|light|dark", "colours: light, dark, or auto (the reader's prefers-color-scheme)"},
    {"speed", K::Whole, 1, kMaxSpeed, "", "learning steps per frame while playing (at most 10 ms of each frame)"},
};

SettingKind setting_kind(ParameterKind kind) {
    switch (kind) {
        case ParameterKind::Real: return K::Real;
        case ParameterKind::Whole: return K::Whole;
        case ParameterKind::Seed: return K::Seed;
        case ParameterKind::Flag: return K::Flag;
        case ParameterKind::Choice: break;
    }
    return K::Choice;
}

std::vector<SettingSpec> all_settings() {
    std::vector<SettingSpec> specs = kPageSettings;
    for (const Parameter& p : parameters())
        if (*p.key)
            specs.push_back({p.key, setting_kind(p.kind), p.lo, p.hi,
                             p.kind == ParameterKind::Choice ? choice_list(p) : std::string(), p.meaning, &p});
    return specs;
}

// How a value was read: the number (or name) to use, or why it cannot be used.
struct Reading {
    std::optional<double> number;
    std::string reason;  // empty when the value was used as given
};

// The value given as it may be shown to a person: printable ASCII, at most 32 characters.
std::string shown(std::string_view text) {
    std::string out;
    for (char c : text.substr(0, 32)) out += (c >= 0x20 && c < 0x7f) ? c : '?';
    if (text.size() > 32) out += "...";
    return out;
}

// Where a Whole page setting lives; the parameters' fields are reached through the core's table.
int* page_whole(PageState& s, std::string_view key) { return key == "speed" ? &s.setup.speed : nullptr; }
bool* page_flag(PageState& s, std::string_view key) {
    if (key == "embed") return &s.embed;
    if (key == "autoplay") return &s.autoplay;
    return nullptr;
}

// The receptive-fields view draws at most kReceptiveMaxOutputs filters: its k stops there.
bool receptive_outputs(const SettingSpec& spec, const PageState& s) {
    return s.view == View::Receptive && spec.parameter && spec.parameter->id == ParameterId::Outputs;
}

// k and signals are bounded by N as well as by their spec (k also by the receptive-fields view).
double upper_bound(const SettingSpec& spec, const PageState& s) {
    if (!spec.parameter) return spec.hi;
    const double bound = hebbian::upper_bound(*spec.parameter, s.setup.params);
    return receptive_outputs(spec, s) ? std::min(bound, double(kReceptiveMaxOutputs)) : bound;
}

std::string bound_text(const SettingSpec& spec, const PageState& s, double bound) {
    if (receptive_outputs(spec, s) && bound == kReceptiveMaxOutputs)
        return exact_number(bound) + ", the most filters the receptive-fields view draws";
    if (spec.parameter && bounded_by_inputs(*spec.parameter) && bound < spec.hi) return "N = " + exact_number(bound);
    return "the maximum " + exact_number(bound);
}

// A number of the spec's kind, clamped to its range; `reason` says what was repaired.
Reading read_number(const SettingSpec& spec, const PageState& s, std::string_view text) {
    if (text.empty()) return {std::nullopt, "empty"};
    double value = 0.0;
    const NumberText kind = parse_decimal(text, value);
    if (kind == NumberText::NotFinite) return {std::nullopt, "not a finite number"};
    if (kind == NumberText::NotANumber) return {std::nullopt, "not a number"};
    if (spec.kind == SettingKind::Whole && value != std::floor(value)) return {std::nullopt, "not a whole number"};
    const double hi = upper_bound(spec, s);
    if (value < spec.lo) return {spec.lo, "below the minimum " + exact_number(spec.lo)};
    if (value > hi) return {hi, "above " + bound_text(spec, s, hi)};
    return {value, ""};
}

std::optional<std::uint64_t> read_seed(std::string_view text) {
    if (text.empty() || text.size() > 20) return std::nullopt;
    std::uint64_t value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        const std::uint64_t digit = std::uint64_t(c - '0');
        if (value > (UINT64_MAX - digit) / 10) return std::nullopt;
        value = value * 10 + digit;
    }
    return value;
}

std::optional<bool> read_flag(std::string_view text) {
    if (text == "1" || text == "true") return true;
    if (text == "0" || text == "false") return false;
    return std::nullopt;
}

// The current value of `key` in `s` as text (see page_settings).
std::string value_text(const PageState& s, const SettingSpec& spec) {
    if (spec.parameter) return hebbian::value_text(*spec.parameter, s.setup.params);
    const std::string_view key = spec.key;
    if (key == "view") return view_name(s.view);
    if (key == "theme") return theme_name(s.theme);
    if (key == "speed") return std::to_string(s.setup.speed);
    return (key == "embed" ? s.embed : s.autoplay) ? "1" : "0";  // the two page flags
}

bool is_choice(const SettingSpec& spec, std::string_view name) {
    std::string_view rest = spec.choices;
    while (!rest.empty()) {
        const size_t bar = rest.find('|');
        if (rest.substr(0, bar) == name) return true;
        rest = bar == std::string_view::npos ? std::string_view() : rest.substr(bar + 1);
    }
    return false;
}

// Applies one Choice key; returns why the name was not used ("" when it was).
std::string apply_choice(SettingsResult& r, const SettingSpec& spec, const std::string& text, const ViewSetups& views) {
    PageState& s = r.state;
    const std::string_view key = spec.key;
    if (key == "source" && text == "dataset") return "a data set cannot be named here: load a CSV file";
    if (key == "source" && text == "picture") return "a picture cannot be named here: load an image";
    if (!is_choice(spec, text)) return text.empty() ? "empty" : "not one of " + spec.choices;
    if (spec.parameter) {
        const int index = choice_index(*spec.parameter, text);
        if (key == "source" && s.view == View::Receptive && !image_source(static_cast<SourceKind>(index)))
            return "the receptive-fields view learns from image patches: dead-leaves or pink-noise (or load an image)";
        if (key == "rule" && !circuit_takes(s.setup.params.circuit, static_cast<Rule>(index)))
            return "the " + to_string(s.setup.params.circuit) + " circuit takes " + rules_of(s.setup.params.circuit);
        spec.parameter->set(s.setup.params, index);
    } else if (key == "view") {
        s.view = *parse_view(text);
        s.setup = views[static_cast<size_t>(view_index(s.view))];
    } else {
        s.theme = text == "light" ? Theme::Light : text == "dark" ? Theme::Dark : Theme::Auto;  // "theme"
    }
    return "";
}

// Applies one key's value; records a Correction when the value had to be repaired.
void apply_one(SettingsResult& r, const SettingSpec& spec, const std::string& text, const ViewSetups& views) {
    PageState& s = r.state;
    std::string reason;
    switch (spec.kind) {
        case SettingKind::Real:
        case SettingKind::Whole: {
            const Reading reading = read_number(spec, s, text);
            reason = reading.reason;
            if (reading.number && spec.parameter) spec.parameter->set(s.setup.params, *reading.number);
            if (reading.number && !spec.parameter) *page_whole(s, spec.key) = static_cast<int>(*reading.number);
            break;
        }
        case SettingKind::Seed:
            if (const auto seed = read_seed(text)) {
                s.setup.params.seed = *seed;
            } else {
                reason = text.empty() ? "empty" : "not a whole number in 0..18446744073709551615";
            }
            break;
        case SettingKind::Flag:
            if (const auto flag = read_flag(text)) {
                if (spec.parameter) {
                    spec.parameter->set(s.setup.params, *flag ? 1.0 : 0.0);
                } else {
                    *page_flag(s, spec.key) = *flag;
                }
            } else {
                reason = "not 0 or 1";
            }
            break;
        case SettingKind::Choice: reason = apply_choice(r, spec, text, views); break;
    }
    if (!reason.empty()) r.corrections.push_back({spec.key, shown(text), value_text(s, spec), reason});
}

// k and signals must stay within N when the source or N changed and they were not given.
void keep_within_inputs(SettingsResult& r, const SettingSpec& spec) {
    SimParams& params = r.state.setup.params;
    const int value = static_cast<int>(spec.parameter->get(params));
    const int most = static_cast<int>(upper_bound(spec, r.state));
    if (value <= most) return;
    spec.parameter->set(params, most);
    r.corrections.push_back({spec.key, std::to_string(value), std::to_string(most), "above " + bound_text(spec, r.state, most)});
}

}  // namespace

const char* theme_name(Theme theme) {
    switch (theme) {
        case Theme::Light: return "light";
        case Theme::Dark: return "dark";
        case Theme::Auto: break;
    }
    return "auto";
}

const std::vector<SettingSpec>& setting_specs() {
    static const std::vector<SettingSpec> specs = all_settings();  // after the core's table exists
    return specs;
}

const SettingSpec* find_setting(std::string_view key) {
    if (key == "play") key = "autoplay";
    for (const SettingSpec& spec : setting_specs())
        if (key == spec.key) return &spec;
    return nullptr;
}

std::string Correction::message() const { return key + "=" + value + ": " + reason + "; using " + used; }

SettingsResult apply_settings(const PageState& state, const QueryPairs& settings, const ViewSetups& views) {
    const std::vector<SettingSpec>& specs = setting_specs();
    std::vector<std::optional<std::string>> given(specs.size());
    SettingsResult result{state, {}, {}};
    for (const auto& [key, value] : settings) {
        if (const SettingSpec* spec = find_setting(key)) {
            given[static_cast<size_t>(spec - specs.data())] = value;
            result.autoplay_given = result.autoplay_given || std::string_view(spec->key) == "autoplay";
        } else {
            result.unknown_keys.push_back(shown(key));
        }
    }
    for (size_t i = 0; i < specs.size(); ++i) {
        if (given[i]) apply_one(result, specs[i], *given[i], views);
        if (specs[i].parameter && bounded_by_inputs(*specs[i].parameter)) keep_within_inputs(result, specs[i]);
    }
    return result;
}

SettingsResult parse_page_address(std::string_view query, std::string_view fragment) {
    QueryPairs settings = parse_query(query);
    for (auto& pair : parse_query(fragment)) settings.push_back(std::move(pair));
    return apply_settings(PageState{}, settings, default_setups());
}

QueryPairs page_settings(const PageState& state) {
    QueryPairs pairs;
    for (const SettingSpec& spec : setting_specs()) pairs.emplace_back(spec.key, value_text(state, spec));
    return pairs;
}

std::string page_query(const PageState& state) {
    PageState defaults;
    defaults.view = state.view;
    defaults.setup = default_setup(state.view);
    const QueryPairs mine = page_settings(state), standard = page_settings(defaults);
    QueryPairs kept;
    for (size_t i = 0; i < mine.size(); ++i) {
        const std::string& key = mine[i].first;
        const bool always = key == "view" || key == "seed";
        const SourceKind kind = state.setup.params.source.kind;
        if (key == "source" && (kind == SourceKind::Dataset || kind == SourceKind::Picture)) continue;
        if (always || mine[i].second != standard[i].second) kept.push_back(mine[i]);
    }
    return build_query(kept);
}

std::string page_settings_markdown() {
    const PageState defaults;
    std::string out = "| key | range | default | meaning |\n|---|---|---|---|\n";
    for (const SettingSpec& spec : kPageSettings) {
        std::string range = "`0`, `1`";
        if (spec.kind == K::Whole) range = exact_number(spec.lo) + ".." + exact_number(spec.hi);
        if (spec.kind == K::Choice) {
            range = "`" + spec.choices + "`";
            for (size_t bar = range.find('|'); bar != std::string::npos; bar = range.find('|', bar)) range.replace(bar, 1, "`, `");
        }
        out += "| `" + std::string(spec.key) + "` | " + range + " | `" + value_text(defaults, spec) + "` | " + spec.meaning + " |\n";
    }
    return out;
}

bool same_page_state(const PageState& a, const PageState& b) { return page_settings(a) == page_settings(b); }

}  // namespace hebbian::embed
