// Heatmap fragment shader: colours one matrix entry per pixel of a cols x rows target.
// Pixel (j, i) reads texel (j, i) of the matrix texture, which holds entry (i, j)
// (the upload is row-major, see matrix_layout.hpp), maps it onto the symmetric scale
// [-u_scale, u_scale] and looks the colour up in the diverging colour-map texture.
// GLSL ES 3.00 body; the build prepends the #version line.
precision highp float;

uniform highp sampler2D u_values;    // R32F, one texel per matrix entry
uniform mediump sampler2D u_colours; // RGBA8, 1 row, negative (left) to positive (right)
uniform float u_scale;               // |value| that reaches either end of the colour map
uniform int u_colour_count;          // texels in u_colours

layout(location = 0) out vec4 out_colour;

void main() {
    float value = texelFetch(u_values, ivec2(gl_FragCoord.xy), 0).r;
    float t = clamp(0.5 + 0.5 * value / u_scale, 0.0, 1.0);
    float count = float(u_colour_count);
    out_colour = texture(u_colours, vec2((t * (count - 1.0) + 0.5) / count, 0.5));
}
