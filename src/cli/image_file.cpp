// Reading PNG and PGM files into grey images (see image_file.hpp).
#include "image_file.hpp"

#include <png.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iterator>
#include <vector>

namespace hebbian {

namespace {

constexpr long long kMaxPixels = 16LL * 1024 * 1024;  // a picture with more pixels is refused

// A PNG through libpng's simplified API, as 8-bit grey.
ImageFile read_png(const std::string& path, const std::string& bytes) {
    ImageFile result;
    png_image png{};
    png.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(&png, bytes.data(), bytes.size())) {
        result.error = path + ": not a readable PNG (" + png.message + ")";
        return result;
    }
    if (static_cast<long long>(png.width) * png.height > kMaxPixels) {
        png_image_free(&png);
        result.error = path + ": " + std::to_string(png.width) + " x " + std::to_string(png.height) +
                       " pixels is more than this runner reads (16 M pixels)";
        return result;
    }
    png.format = PNG_FORMAT_GRAY;
    std::vector<unsigned char> grey(PNG_IMAGE_SIZE(png));
    if (!png_image_finish_read(&png, nullptr, grey.data(), 0, nullptr)) {
        result.error = path + ": the PNG could not be decoded (" + png.message + ")";
        return result;
    }
    result.image.width = static_cast<int>(png.width);
    result.image.height = static_cast<int>(png.height);
    result.image.pixels.reserve(grey.size());
    for (unsigned char g : grey) result.image.pixels.push_back(g / 255.0);
    return result;
}

// Skips white space and '#' comments of a PGM header; reads one whole number.
bool pgm_number(const std::string& text, size_t& at, long long& value) {
    while (at < text.size()) {
        if (text[at] == '#') {
            while (at < text.size() && text[at] != '\n') ++at;
        } else if (std::isspace(static_cast<unsigned char>(text[at]))) {
            ++at;
        } else {
            break;
        }
    }
    if (at >= text.size() || !std::isdigit(static_cast<unsigned char>(text[at]))) return false;
    value = 0;
    while (at < text.size() && std::isdigit(static_cast<unsigned char>(text[at]))) {
        value = value * 10 + (text[at++] - '0');
        if (value > kMaxPixels) return false;
    }
    return true;
}

// A PGM (Netpbm): "P5" binary or "P2" plain, width, height, maxval (1..65535), then the pixels.
ImageFile read_pgm(const std::string& path, const std::string& text) {
    ImageFile result;
    const bool binary = text[1] == '5';
    size_t at = 2;
    long long width = 0, height = 0, maxval = 0;
    if (!pgm_number(text, at, width) || !pgm_number(text, at, height) || !pgm_number(text, at, maxval) ||
        width < 1 || height < 1 || maxval < 1 || maxval > 65535 || width * height > kMaxPixels) {
        result.error = path + ": the PGM header (width, height, maxval 1..65535) is malformed";
        return result;
    }
    const long long count = width * height;
    std::vector<double>& pixels = result.image.pixels;
    // Every plain pixel takes at least two characters, every binary one at least a byte.
    pixels.reserve(std::min(static_cast<size_t>(count), text.size()));
    if (binary) {
        const size_t bytes = maxval > 255 ? 2 : 1;
        if (at >= text.size() || !std::isspace(static_cast<unsigned char>(text[at])))
            return {{}, path + ": the PGM's maxval is not followed by a white space character"};
        ++at;
        if (text.size() < at + static_cast<size_t>(count) * bytes) {
            return {{}, path + ": the PGM ends before its " + std::to_string(count) + " pixels"};
        }
        for (long long i = 0; i < count; ++i, at += bytes) {
            const unsigned high = static_cast<unsigned char>(text[at]);
            const unsigned value = bytes == 2 ? (high << 8) | static_cast<unsigned char>(text[at + 1]) : high;
            if (value > maxval)
                return {{}, path + ": pixel " + std::to_string(i + 1) + " of the PGM is above its maxval"};
            pixels.push_back(static_cast<double>(value) / static_cast<double>(maxval));
        }
    } else {
        for (long long i = 0; i < count; ++i) {
            long long value = 0;
            if (!pgm_number(text, at, value) || value > maxval) {
                return {{}, path + ": pixel " + std::to_string(i + 1) + " of the PGM is missing or above its maxval"};
            }
            pixels.push_back(static_cast<double>(value) / static_cast<double>(maxval));
        }
    }
    result.image.width = static_cast<int>(width);
    result.image.height = static_cast<int>(height);
    return result;
}

}  // namespace

GreyImage shrink_to_fit(const GreyImage& image, int extent) {
    const int factor = (std::max(image.width, image.height) + extent - 1) / extent;
    if (factor <= 1) return image;
    GreyImage small;
    small.width = image.width / factor;
    small.height = image.height / factor;
    small.pixels.assign(static_cast<size_t>(small.width) * small.height, 0.0);
    const double share = 1.0 / (static_cast<double>(factor) * factor);
    for (int y = 0; y < small.height * factor; ++y)
        for (int x = 0; x < small.width * factor; ++x)
            small.pixels[static_cast<size_t>(y / factor) * small.width + x / factor] +=
                share * image.pixels[static_cast<size_t>(y) * image.width + x];
    return small;
}

ImageFile decode_image(const std::string& bytes, const std::string& name) {
    ImageFile result;
    if (bytes.size() >= 8 && png_sig_cmp(reinterpret_cast<png_const_bytep>(bytes.data()), 0, 8) == 0) {
        result = read_png(name, bytes);
    } else if (bytes.size() >= 2 && bytes[0] == 'P' && (bytes[1] == '5' || bytes[1] == '2')) {
        result = read_pgm(name, bytes);
    } else {
        return {{}, name + ": not a PNG or PGM image (the runner reads those two)"};
    }
    if (result.error.empty()) result.image = shrink_to_fit(result.image, kMaxImageExtent);
    return result;
}

ImageFile read_image_file(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file) return {{}, "cannot read image file '" + path + "'"};
    const std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    return decode_image(bytes, path);
}

}  // namespace hebbian
