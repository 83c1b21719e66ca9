// The page's settings as a page address carries them, e.g.
//     index.html?view=recurrent&alpha=3&N=16&seed=7&autoplay=0#eta=0.005
// and the same key/value settings sent by a host page ({"type":"set","params":{...}}).
//
// Every key is listed in setting_specs(): the page's own settings (embed, view, autoplay,
// theme, speed), then every simulation parameter of the core's table
// (core/parameters.hpp) that has a page key, with its kind, range and meaning. Bad values
// never stop the page: an out-of-range number is clamped, anything unreadable (empty,
// not a number, NaN, Infinity, a fraction where a whole number belongs, an unknown
// name) is replaced by the value it would otherwise have had (the view's default, for
// an address), and each such repair is reported as a Correction naming the key, the
// value given and the value used. Unknown keys are collected, not applied. The
// receptive-fields view takes only image sources and at most kReceptiveMaxOutputs outputs;
// a data set and a picture arrive as files, never by name.
//
// page_query(state) writes the address back: view and seed always, every other key
// only when it differs from the view's default, and parse(page_query(s)) == s.
// Pure std + core: no browser, no GL; unit-tested and fuzzed.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/parameters.hpp"
#include "embed/query_string.hpp"
#include "embed/views.hpp"

namespace hebbian::embed {

// The most learning steps one frame may run.
constexpr int kMaxSpeed = 5000;

// The figure's colours: light for a white article, dark, or auto (the reader's
// prefers-color-scheme, resolved by the page).
enum class Theme { Auto, Light, Dark };
const char* theme_name(Theme theme);

struct PageState {
    View view = View::Feedforward;                      // the open view
    ViewSetup setup = default_setup(View::Feedforward);  // its parameters and speed
    bool autoplay = true;                               // learning runs from the first frame
    bool embed = false;                                 // compact layout for an iframe: one view, no tabs
    Theme theme = Theme::Auto;                          // colours (auto: follow prefers-color-scheme)
};

enum class SettingKind {
    Real,    // a finite decimal number within [lo, hi]
    Whole,   // a whole number within [lo, hi] (k and signals: at most N)
    Seed,    // a whole number in 0 .. 2^64 - 1
    Flag,    // 0 or 1 (also false or true)
    Choice,  // one of the names in `choices`
};

struct SettingSpec {
    const char* key;
    SettingKind kind;
    double lo = 0.0, hi = 0.0;   // Real and Whole
    std::string choices;         // Choice: names separated by '|'
    const char* meaning = "";    // one line: what the value sets
    const Parameter* parameter = nullptr;  // the core table's entry (null: a page setting)
};

// Every key, in the order settings are applied (view before the parameters it resets,
// source and N before k and signals, which they bound).
const std::vector<SettingSpec>& setting_specs();
// The spec of `key` ("play" is an older name of "autoplay"), or nullptr.
const SettingSpec* find_setting(std::string_view key);

struct Correction {
    std::string key;     // e.g. "eta"
    std::string value;   // the value given, shortened to 32 printable characters
    std::string used;    // the value used instead
    std::string reason;  // e.g. "not a number", "above the maximum 1024"
    // "eta=abc: not a number; using 0.01"
    std::string message() const;
};

struct SettingsResult {
    PageState state;
    std::vector<Correction> corrections;
    std::vector<std::string> unknown_keys;  // keys no spec names, ignored
    bool autoplay_given = false;            // the settings named autoplay (or play) themselves
};

// Applies `settings` on top of `state`, key by key in setting_specs() order (for a key
// given twice the later value counts). A "view" key first switches to views[view]: that
// view's parameters and speed, on which the other keys then apply.
SettingsResult apply_settings(const PageState& state, const QueryPairs& settings, const ViewSetups& views);

// The page address: the query string and then the fragment (whose keys win), over the defaults.
SettingsResult parse_page_address(std::string_view query, std::string_view fragment);

// Every key of `state` with its value as text, in setting_specs() order. A data-set
// source is written as source=dataset, a picture as source=picture (which an address cannot load).
QueryPairs page_settings(const PageState& state);

// The query string (without '?') that reproduces `state`: view and seed always, the other
// keys when they differ from the view's default. A data-set or picture source is left out.
std::string page_query(const PageState& state);

// The README's table of the page's own settings (Markdown): key, range, default, meaning.
// The simulation parameters' table is core's parameter_table_markdown().
std::string page_settings_markdown();

// Equal in every key of page_settings().
bool same_page_state(const PageState& a, const PageState& b);

}  // namespace hebbian::embed
