// The app's six views: their names in the page address (?view=...), their tab titles,
// and the run each one starts with (parameters and speed). Pure: no GL, no ImGui, no
// browser, so the URL parser and the host-message schema can use them and be unit-tested.
#pragma once

#include <array>
#include <optional>
#include <string_view>

#include "core/simulation.hpp"

namespace hebbian::embed {

enum class View { Feedforward, Recurrent, Amplification, Appendix, Stabilizers, Receptive };

constexpr View kAllViews[] = {View::Feedforward, View::Recurrent, View::Amplification, View::Appendix,
                             View::Stabilizers, View::Receptive};
constexpr int kViewCount = 6;

inline int view_index(View view) { return static_cast<int>(view); }

// "feedforward", "recurrent", "amplification", "appendix", "stabilizers", "receptive".
const char* view_name(View view);
// The label on the view's tab, e.g. "Feedforward".
const char* view_title(View view);
std::optional<View> parse_view(std::string_view name);

// The recurrent and amplification views run the recurrent circuit; the others the feedforward one.
bool recurrent_view(View view);

// The appendix: plain Hebb against Hebb with decay, 250 steps at eta = 0.1.
constexpr long long kAppendixSteps = 250;
constexpr double kAppendixEta = 0.1;
// The amplification view starts at alpha = kAmplificationAlphaFactor * lambda_1 of its
// source: (I - W)^-1 stays defined with a strong gain (5 on the top eigen-direction).
constexpr double kAmplificationAlphaFactor = 1.25;
// The stabilizers: five rules side by side on one input stream, in this order, for this many
// steps (plain Hebb reaches the divergence limit before, at about 35000 steps at eta = 0.01).
constexpr Rule kStabilizerRules[] = {Rule::Hebb, Rule::Decay, Rule::Oja, Rule::Bcm, Rule::Heterosynaptic};
constexpr int kStabilizerRuns = 5;
constexpr long long kStabilizerSteps = 50000;
// The receptive fields: feedforward neurons learn from image patches (dead-leaves, pink-noise
// or the reader's picture); the view draws at most this many filters.
constexpr int kReceptiveMaxOutputs = 16;

// What a view runs when it opens: the simulation parameters and the learning steps per frame.
struct ViewSetup {
    SimParams params;
    int speed = 5;  // learning steps per frame while playing (1..kMaxSpeed)
};

using ViewSetups = std::array<ViewSetup, kViewCount>;

ViewSetup default_setup(View view);
ViewSetups default_setups();

}  // namespace hebbian::embed
