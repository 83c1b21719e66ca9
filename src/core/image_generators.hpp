// Generated grey images with the statistics of natural images, to cut patches from.
//
// Photographs have power spectra falling roughly like 1/f^2 (Field 1987; van der Schaaf
// and van Hateren 1996) and are made of objects that occlude one another, with sharp
// edges at every scale. Two generators give one property each, from a seed:
//
//   dead leaves  Matheron's (1968) model as Lee, Mumford and Huang (IJCV 41, 2001) used it
//                for images: discs of uniform random grey levels fall on the canvas, each
//                hiding what lies below, with radii of density ~ r^-3 between 1 pixel and
//                side / 4 (scale invariant: as many discs per octave of size per unit area
//                at every scale). Edges, occlusion and a power spectrum near 1/f^2.
//   pink noise   a Gaussian random field with power spectrum 1/f^2: white Gaussian noise
//                filtered in the Fourier domain by 1/|f| (DC removed), periodic on the
//                canvas. Stationary and isotropic, but with no edges: its principal
//                components are close to Fourier modes ordered by frequency.
//
// Both images are standardised to pixel mean 0 and variance 1, so one learning rate suits
// both. Only correctly rounded operations are used (the Fourier transform's twiddles come
// from portable_sin_cos), so a seed gives the same bits natively and in WebAssembly.
#pragma once

#include <string>

#include "image_patches.hpp"
#include "random.hpp"

namespace hebbian {

enum class GeneratedImage { DeadLeaves, PinkNoise };

constexpr int kMinGeneratedSide = 64;
constexpr int kMaxGeneratedSide = 512;
constexpr int kDefaultGeneratedSide = 256;

// Shifts and scales the pixels to mean 0 and variance 1 (population form); a flat image is
// only shifted. The generated images come out so, and the page and the runner so prepare a
// picture, so that one learning rate suits all.
void standardise(GreyImage& image);

// Empty when a side x side image of this kind can be generated, otherwise one sentence
// naming the offending field: side in kMinGeneratedSide..kMaxGeneratedSide, and a power of
// two for pink noise (its radix-2 Fourier transform).
std::string validate_generated_side(GeneratedImage kind, int side);

// The image of that kind drawn from rng; an empty image (0 x 0, which validate rejects)
// when the side is not valid.
GreyImage generate_image(GeneratedImage kind, int side, Rng& rng);
GreyImage dead_leaves_image(int side, Rng& rng);
GreyImage pink_noise_image(int side, Rng& rng);

}  // namespace hebbian
