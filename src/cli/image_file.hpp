// The runner's --image FILE: a PNG (decoded by libpng) or a PGM (binary P5 or plain P2)
// read into grey levels in [0, 1]. Colour PNGs become grey by libpng's sRGB luminance;
// an image wider or taller than kMaxImageExtent is shrunk by averaging f x f blocks, with
// f the smallest whole factor that makes it fit.
#pragma once

#include <string>

#include "core/image_patches.hpp"

namespace hebbian {

struct ImageFile {
    GreyImage image;
    std::string error;  // one sentence naming the file and what is wrong ("" when read)
};

ImageFile read_image_file(const std::string& path);
// The same for a file's bytes; `name` is what messages call it.
ImageFile decode_image(const std::string& bytes, const std::string& name);

// `image` shrunk by block averages to at most `extent` pixels a side (unchanged when it fits).
GreyImage shrink_to_fit(const GreyImage& image, int extent);

}  // namespace hebbian
