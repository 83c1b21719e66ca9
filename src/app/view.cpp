// Names of the views (see view.hpp).
#include "app/view.hpp"

namespace hebbian::app {

const char* view_name(View view) {
    switch (view) {
        case View::Feedforward: return "feedforward";
        case View::Recurrent: return "recurrent";
        case View::Amplification: return "amplification";
        case View::Appendix: return "appendix";
    }
    return "feedforward";
}

const char* view_title(View view) {
    switch (view) {
        case View::Feedforward: return "Feedforward";
        case View::Recurrent: return "Recurrent";
        case View::Amplification: return "Amplification";
        case View::Appendix: return "Appendix: Hebb vs decay";
    }
    return "Feedforward";
}

std::optional<View> parse_view(std::string_view name) {
    for (View view : kAllViews)
        if (name == view_name(view)) return view;
    return std::nullopt;
}

}  // namespace hebbian::app
