// libFuzzer target: the runner's image decoder (PNG through libpng, PGM our own), and a
// short Oja run on the patches of whatever it accepts.
// Invariants: no crash, no sanitizer report; a refused file says why and holds no pixels;
// an accepted one has width x height grey levels in [0, 1] and sides within the cap; a
// run on its patches stays finite.
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "core/simulation.hpp"
#include "image_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
    using namespace hebbian;
    const ImageFile file = decode_image(std::string(reinterpret_cast<const char*>(data), size), "fuzz");
    if (!file.error.empty()) {
        if (!file.image.pixels.empty()) std::abort();
        return 0;
    }
    const GreyImage& image = file.image;
    if (image.width < 1 || image.height < 1 || image.width > kMaxImageExtent || image.height > kMaxImageExtent) std::abort();
    if (image.pixels.size() != static_cast<size_t>(image.width) * static_cast<size_t>(image.height)) std::abort();
    for (double v : image.pixels)
        if (!(v >= 0.0 && v <= 1.0)) std::abort();

    SimParams params;
    params.source.kind = SourceKind::Picture;
    params.source.patches.side = 4;
    params.source.picture = std::make_shared<const GreyImage>(image);
    params.learning.rule = Rule::Oja;
    Simulation sim;
    if (!sim.reset(params).empty()) return 0;  // e.g. smaller than a patch, or one grey level
    sim.step(20);
    if (!sim.feedforward()->weights().allFinite()) std::abort();
    return 0;
}
