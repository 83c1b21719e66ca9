// Draws matrices as heatmaps with our own shaders (shaders/heatmap.vert, .frag, embedded
// at build time): the matrix is uploaded as a float texture, and the fragment shader
// colours one pixel per entry into an offscreen target through a colour map
// (colour_map.hpp: the diverging map of weights and covariances, or grey for images). The
// target's texture is then shown with ImGui::Image, with nearest filtering so every entry
// stays a crisp cell (an image may ask for smooth filtering instead). A tiled matrix marks
// the gaps between its tiles with kTileGap (matrix_layout.hpp): they are drawn transparent. A
// matrix is uploaded and drawn again only when its version or shading changed: a paused
// N = 1024 figure costs no upload per frame.
//
//   HeatmapRenderer heatmaps;
//   heatmaps.init();                                          // after the GL context exists
//   ImTextureID id = heatmaps.draw(slot::kLearned, W, scale, version);  // each frame, before ImGui renders
//   ImGui::Image(id, size);
//   heatmaps.shutdown();                                      // before the context goes
#pragma once

#include <Eigen/Dense>
#include <array>
#include <string>

#include "app/gl.hpp"
#include "imgui.h"

namespace hebbian::app {

// The targets, one per heatmap that may be on screen at once.
namespace slot {
constexpr int kLearned = 0;     // recurrent view: the learned W
constexpr int kTarget = 1;      // recurrent view: C / alpha
constexpr int kImage = 2;       // receptive-fields view: the image patches are cut from
constexpr int kFilters = 3;     // receptive-fields view: the learned filters, tiled
constexpr int kComponents = 4;  // receptive-fields view: their principal components, tiled
}  // namespace slot

enum class ColourMap { Diverging, Grey };

// How a matrix's entries become colours.
struct Shading {
    ColourMap map = ColourMap::Diverging;
    double lo = -1.0, hi = 1.0;  // the values at either end of the map (diverging: lo = -hi, 0 in the middle)
    bool gaps = false;           // entries of kTileGap are gaps between tiles, drawn transparent
    bool smooth = false;         // linear filtering when shown at another size (images); else crisp cells
    bool operator==(const Shading& o) const {
        return map == o.map && lo == o.lo && hi == o.hi && gaps == o.gaps && smooth == o.smooth;
    }
};

class HeatmapRenderer {
public:
    static constexpr int kTargets = 5;  // heatmaps shown at once (the slots above)

    // Compiles the shaders and builds the colour-map texture; false (see error()) on failure.
    bool init();
    void shutdown();
    const std::string& error() const { return error_; }

    // Names what a matrix holds: equal versions mean equal entries (the run's restart
    // count and its step count, for example).
    struct Version {
        long long generation = -1, steps = -1;
        bool operator==(const Version& o) const { return generation == o.generation && steps == o.steps; }
    };

    // Draws `m` into target `slot` (0..kTargets-1) unless it already holds `version` with the
    // same shading, and returns its texture for ImGui::Image: row i of m is the i-th row of
    // the image from the top.
    ImTextureID draw(int slot, const Eigen::MatrixXd& m, const Shading& shading, Version version);
    // The same through the diverging map over [-scale, scale].
    ImTextureID draw(int slot, const Eigen::MatrixXd& m, double scale, Version version) {
        return draw(slot, m, Shading{ColourMap::Diverging, -scale, scale}, version);
    }
    // Matrices uploaded since init (for tests and the status of large N).
    long long uploads() const { return uploads_; }

private:
    struct Target {
        GLuint values = 0;       // R32F, cols x rows, the matrix entries
        GLuint colours = 0;      // RGBA8, cols x rows, what ImGui shows
        GLuint framebuffer = 0;  // renders into `colours`
        int rows = 0, cols = 0;
        Version version;
        Shading shading;
    };
    void resize(Target& target, int rows, int cols);
    void release(Target& target);

    GLuint program_ = 0, vertex_array_ = 0, diverging_map_ = 0, grey_map_ = 0;
    GLint gain_location_ = -1, offset_location_ = -1, gap_location_ = -1;
    std::array<Target, kTargets> targets_{};
    std::string error_;
    long long uploads_ = 0;
};

}  // namespace hebbian::app
