// Heatmap fragment shader: colours one matrix entry per pixel of a cols x rows target.
// Pixel (j, i) reads texel (j, i) of the matrix texture, which holds entry (i, j)
// (the upload is row-major, see matrix_layout.hpp), maps it to t = u_offset + u_gain * value
// in [0, 1] (a symmetric scale [-s, s]: offset 0.5, gain 0.5 / s; a range [lo, hi]: offset
// -lo / (hi - lo), gain 1 / (hi - lo)) and looks the colour up in the colour-map texture
// (diverging, or grey for images). Entries at or above u_gap (when it is > 0) mark the
// gaps between tiles (tile_strip in receptive.hpp): they are drawn transparent, so the
// panel behind shows through.
// GLSL ES 3.00 body; the build prepends the #version line.
precision highp float;

uniform highp sampler2D u_values;    // R32F, one texel per matrix entry
uniform mediump sampler2D u_colours; // RGBA8, 1 row, t = 0 (left) to t = 1 (right)
uniform float u_gain;                // t per unit of value
uniform float u_offset;              // t of the value 0
uniform float u_gap;                 // values >= this are gaps (0: no gaps)
uniform int u_colour_count;          // texels in u_colours

layout(location = 0) out vec4 out_colour;

void main() {
    float value = texelFetch(u_values, ivec2(gl_FragCoord.xy), 0).r;
    if (u_gap > 0.0 && value >= u_gap) {
        out_colour = vec4(0.0);
        return;
    }
    float t = clamp(u_offset + u_gain * value, 0.0, 1.0);
    float count = float(u_colour_count);
    out_colour = texture(u_colours, vec2((t * (count - 1.0) + 0.5) / count, 0.5));
}
