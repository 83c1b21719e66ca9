// GL side of the heatmaps (see heatmap_renderer.hpp).
#include "app/heatmap_renderer.hpp"

#include <cstdint>
#include <vector>

#include "app/colour_map.hpp"
#include "app/matrix_layout.hpp"
#include "hebbian_shaders.hpp"

namespace hebbian::app {

namespace {

constexpr int kColourMapEntries = 256;

GLuint compile(GLenum kind, const char* source, std::string& error) {
    const GLuint shader = glCreateShader(kind);
    glShaderSource(shader, 1, &source, nullptr);
    glCompileShader(shader);
    GLint ok = GL_FALSE;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (ok != GL_TRUE) {
        char log[1024] = "";
        glGetShaderInfoLog(shader, sizeof log, nullptr, log);
        error = std::string("heatmap shader does not compile: ") + log;
    }
    return shader;
}

GLuint texture_2d(GLint internal_format, int width, int height, GLenum format, GLenum type, GLint filter,
                  const void* pixels) {
    GLuint texture = 0;
    glGenTextures(1, &texture);
    glBindTexture(GL_TEXTURE_2D, texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, filter);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, filter);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glTexImage2D(GL_TEXTURE_2D, 0, internal_format, width, height, 0, format, type, pixels);
    return texture;
}

}  // namespace

bool HeatmapRenderer::init() {
    const GLuint vertex = compile(GL_VERTEX_SHADER, shaders::heatmap_vert, error_);
    const GLuint fragment = compile(GL_FRAGMENT_SHADER, shaders::heatmap_frag, error_);
    program_ = glCreateProgram();
    glAttachShader(program_, vertex);
    glAttachShader(program_, fragment);
    glLinkProgram(program_);
    glDeleteShader(vertex);
    glDeleteShader(fragment);
    GLint linked = GL_FALSE;
    glGetProgramiv(program_, GL_LINK_STATUS, &linked);
    if (linked != GL_TRUE && error_.empty()) {
        char log[1024] = "";
        glGetProgramInfoLog(program_, sizeof log, nullptr, log);
        error_ = std::string("heatmap shaders do not link: ") + log;
    }
    if (!error_.empty()) return false;

    glUseProgram(program_);
    glUniform1i(glGetUniformLocation(program_, "u_values"), 0);
    glUniform1i(glGetUniformLocation(program_, "u_colours"), 1);
    glUniform1i(glGetUniformLocation(program_, "u_colour_count"), kColourMapEntries);
    gain_location_ = glGetUniformLocation(program_, "u_gain");
    offset_location_ = glGetUniformLocation(program_, "u_offset");
    gap_location_ = glGetUniformLocation(program_, "u_gap");
    glUseProgram(0);

    glGenVertexArrays(1, &vertex_array_);
    const std::vector<std::uint8_t> diverging = diverging_table_rgba(kColourMapEntries);
    diverging_map_ = texture_2d(GL_RGBA8, kColourMapEntries, 1, GL_RGBA, GL_UNSIGNED_BYTE, GL_LINEAR, diverging.data());
    const std::vector<std::uint8_t> grey = grey_table_rgba(kColourMapEntries);
    grey_map_ = texture_2d(GL_RGBA8, kColourMapEntries, 1, GL_RGBA, GL_UNSIGNED_BYTE, GL_LINEAR, grey.data());
    glBindTexture(GL_TEXTURE_2D, 0);
    return true;
}

void HeatmapRenderer::shutdown() {
    for (Target& target : targets_) release(target);
    glDeleteTextures(1, &diverging_map_);
    glDeleteTextures(1, &grey_map_);
    glDeleteVertexArrays(1, &vertex_array_);
    glDeleteProgram(program_);
    diverging_map_ = grey_map_ = vertex_array_ = program_ = 0;
}

void HeatmapRenderer::release(Target& target) {
    glDeleteFramebuffers(1, &target.framebuffer);
    glDeleteTextures(1, &target.values);
    glDeleteTextures(1, &target.colours);
    target = Target{};
}

void HeatmapRenderer::resize(Target& target, int rows, int cols) {
    release(target);
    target.rows = rows;
    target.cols = cols;
    target.values = texture_2d(GL_R32F, cols, rows, GL_RED, GL_FLOAT, GL_NEAREST, nullptr);
    target.colours = texture_2d(GL_RGBA8, cols, rows, GL_RGBA, GL_UNSIGNED_BYTE, GL_NEAREST, nullptr);
    glGenFramebuffers(1, &target.framebuffer);
    glBindFramebuffer(GL_FRAMEBUFFER, target.framebuffer);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, target.colours, 0);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

ImTextureID HeatmapRenderer::draw(int slot, const Eigen::MatrixXd& m, const Shading& shading, Version version) {
    Target& target = targets_.at(static_cast<size_t>(slot));
    const int rows = static_cast<int>(m.rows()), cols = static_cast<int>(m.cols());
    if (program_ == 0 || rows == 0 || cols == 0) return ImTextureID{};
    if (target.rows == rows && target.cols == cols && target.version == version && target.shading == shading)
        return reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(target.colours));
    if (target.rows != rows || target.cols != cols) resize(target, rows, cols);
    target.version = version;
    target.shading = shading;
    uploads_ += 1;
    // t = offset + gain * value takes [lo, hi] to [0, 1].
    const double width = shading.hi > shading.lo ? shading.hi - shading.lo : 1.0;
    const double gain = 1.0 / width, offset = -shading.lo / width;

    // Row-major data: texel (x = j, y = i) holds m(i, j); the shader reads pixel (j, i).
    const std::vector<float> values = row_major_floats(m);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, target.values);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, cols, rows, GL_RED, GL_FLOAT, values.data());
    glActiveTexture(GL_TEXTURE1);
    glBindTexture(GL_TEXTURE_2D, shading.map == ColourMap::Grey ? grey_map_ : diverging_map_);

    GLint viewport[4];
    glGetIntegerv(GL_VIEWPORT, viewport);
    glBindFramebuffer(GL_FRAMEBUFFER, target.framebuffer);
    glViewport(0, 0, cols, rows);
    glDisable(GL_BLEND);
    glDisable(GL_SCISSOR_TEST);
    glUseProgram(program_);
    glUniform1f(gain_location_, static_cast<float>(gain));
    glUniform1f(offset_location_, static_cast<float>(offset));
    glUniform1f(gap_location_, shading.gaps ? static_cast<float>(0.5 * kTileGap) : 0.0f);
    glBindVertexArray(vertex_array_);
    glDrawArrays(GL_TRIANGLES, 0, 3);

    glBindVertexArray(0);
    glUseProgram(0);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glViewport(viewport[0], viewport[1], viewport[2], viewport[3]);
    glBindTexture(GL_TEXTURE_2D, 0);
    glActiveTexture(GL_TEXTURE0);
    // How ImGui samples the result: crisp cells, or smooth for an image shown at another size.
    const GLint filter = shading.smooth ? GL_LINEAR : GL_NEAREST;
    glBindTexture(GL_TEXTURE_2D, target.colours);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, filter);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, filter);
    glBindTexture(GL_TEXTURE_2D, 0);
    return reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(target.colours));
}

}  // namespace hebbian::app
