// Draws matrices as heatmaps with our own shaders (shaders/heatmap.vert, .frag, embedded
// at build time): the matrix is uploaded as a float texture, and the fragment shader
// colours one pixel per entry into an offscreen target through the diverging colour map
// (colour_map.hpp). The target's texture is then shown with ImGui::Image, with nearest
// filtering so every entry stays a crisp cell. A matrix is uploaded and drawn again only
// when its version or scale changed: a paused N = 1024 figure costs no upload per frame.
//
//   HeatmapRenderer heatmaps;
//   heatmaps.init();                                          // after the GL context exists
//   ImTextureID id = heatmaps.draw(0, W, scale, version);     // each frame, before ImGui renders
//   ImGui::Image(id, size);
//   heatmaps.shutdown();                                      // before the context goes
#pragma once

#include <Eigen/Dense>
#include <array>
#include <string>

#include "app/gl.hpp"
#include "imgui.h"

namespace hebbian::app {

class HeatmapRenderer {
public:
    static constexpr int kTargets = 2;  // heatmaps shown at once (W and C/alpha)

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

    // Draws `m` (values in [-scale, scale]) into target `slot` (0..kTargets-1) unless it
    // already holds `version` at `scale`, and returns its texture for ImGui::Image: row i
    // of m is the i-th row of the image from the top.
    ImTextureID draw(int slot, const Eigen::MatrixXd& m, double scale, Version version);
    // Matrices uploaded since init (for tests and the status of large N).
    long long uploads() const { return uploads_; }

private:
    struct Target {
        GLuint values = 0;       // R32F, cols x rows, the matrix entries
        GLuint colours = 0;      // RGBA8, cols x rows, what ImGui shows
        GLuint framebuffer = 0;  // renders into `colours`
        int rows = 0, cols = 0;
        Version version;
        double scale = 0.0;
    };
    void resize(Target& target, int rows, int cols);
    void release(Target& target);

    GLuint program_ = 0, vertex_array_ = 0, colour_map_ = 0;
    GLint scale_location_ = -1;
    std::array<Target, kTargets> targets_{};
    std::string error_;
    long long uploads_ = 0;
};

}  // namespace hebbian::app
