// libFuzzer target: the CSV reader, and a short run on whatever it accepts.
// Invariants: no crash, no sanitizer report; an accepted file holds only finite
// numbers within the caps; a refused one says why; a run on accepted data stays finite.
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string_view>

#include "core/csv.hpp"
#include "core/simulation.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
    using namespace hebbian;
    const CsvData csv = parse_csv(std::string_view(reinterpret_cast<const char*>(data), size));
    if (!csv.error.empty()) {
        if (csv.values.size() != 0) std::abort();
        return 0;
    }
    if (csv.values.rows() < 1 || csv.values.cols() < 1 || csv.values.cols() > kMaxInputs) std::abort();
    if (!csv.values.allFinite()) std::abort();
    if (!csv.header.empty() && static_cast<Eigen::Index>(csv.header.size()) != csv.values.cols()) std::abort();

    SimParams params;
    params.source.kind = SourceKind::Dataset;
    params.source.data = std::make_shared<const Eigen::MatrixXd>(csv.values);
    params.learning.rule = Rule::Oja;
    Simulation sim;
    if (!sim.reset(params).empty()) return 0;  // e.g. fewer than 2 rows or columns
    sim.step(20);
    if (!sim.feedforward()->weights().allFinite()) std::abort();
    for (double v : sim.history().norm)
        if (!(v == v)) std::abort();
    return 0;
}
