// The four views of the app and their names in the page address (?view=...).
// Pure: no GL, no ImGui, so the names can be unit-tested.
#pragma once

#include <optional>
#include <string_view>

namespace hebbian::app {

enum class View { Feedforward, Recurrent, Amplification, Appendix };

constexpr View kAllViews[] = {View::Feedforward, View::Recurrent, View::Amplification, View::Appendix};

// "feedforward", "recurrent", "amplification", "appendix".
const char* view_name(View view);
// The label on the view's tab, e.g. "Feedforward".
const char* view_title(View view);
std::optional<View> parse_view(std::string_view name);

}  // namespace hebbian::app
