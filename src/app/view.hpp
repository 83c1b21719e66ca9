// The views, as the app names them: the pure helpers live in embed/views.hpp
// (the page address and host messages need them too); this brings them into the app.
#pragma once

#include "embed/views.hpp"

namespace hebbian::app {

using embed::default_setup;
using embed::kAllViews;
using embed::kViewCount;
using embed::parse_view;
using embed::recurrent_view;
using embed::View;
using embed::view_index;
using embed::view_name;
using embed::view_title;

}  // namespace hebbian::app
