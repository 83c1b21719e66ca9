// libFuzzer target: the page address. Invariants: no crash or sanitizer report;
// encoding the split pairs and splitting again gives the same pairs; the settings read
// from any address are within their ranges (every number finite, N and k within the
// caps, a rule the view's circuit takes) and can run; writing the state back as an
// address and reading it again gives the same state with no correction.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "embed/page_state.hpp"
#include "embed/query_string.hpp"

namespace {

using namespace hebbian;
using namespace hebbian::embed;

bool within_ranges(const PageState& state) {
    const SimParams& p = state.setup.params;
    const double reals[] = {p.learning.eta, p.learning.alpha, p.learning.theta_rate, p.source.variance_major,
                            p.source.variance_minor, p.source.angle_deg, p.source.lambda1, p.source.ratio,
                            p.source.signal_variance, p.source.noise_variance, p.source.baseline};
    for (double v : reals)
        if (!std::isfinite(v)) return false;
    const int inputs = p.source.kind == SourceKind::Gaussian2D ? 2 : p.source.inputs;
    if (inputs < 2 || inputs > kMaxInputs) return false;
    if (p.learning.outputs < 1 || p.learning.outputs > inputs) return false;
    if (state.setup.speed < 1 || state.setup.speed > kMaxSpeed) return false;
    if (p.source.kind == SourceKind::Dataset) return false;
    if (recurrent_view(state.view) && p.learning.rule != Rule::Hebb && p.learning.rule != Rule::Decay) return false;
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const QueryPairs pairs = parse_query(text);
    QueryPairs non_empty;
    for (const auto& pair : pairs)
        if (!pair.first.empty() || !pair.second.empty()) non_empty.push_back(pair);
    if (parse_query(build_query(non_empty)) != non_empty) std::abort();

    const size_t hash = text.find('#');
    const SettingsResult result = parse_page_address(text.substr(0, hash), hash == std::string_view::npos ? "" : text.substr(hash));
    if (!within_ranges(result.state)) std::abort();
    for (const Correction& c : result.corrections)
        if (c.key.empty() || c.reason.empty() || c.value.size() > 35) std::abort();

    const SettingsResult again = parse_page_address(page_query(result.state), "");
    if (!again.corrections.empty() || !again.unknown_keys.empty()) std::abort();
    if (!same_page_state(again.state, result.state)) std::abort();
    return 0;
}
