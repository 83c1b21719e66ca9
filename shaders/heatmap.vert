// Heatmap vertex shader: one triangle that covers the whole render target, built from
// gl_VertexID so that no vertex buffer is needed. GLSL ES 3.00 body; the build prepends
// the #version line (300 es on the web, 330 core natively).
precision highp float;

void main() {
    vec2 corner = vec2(float((gl_VertexID << 1) & 2), float(gl_VertexID & 2));  // (0,0) (2,0) (0,2)
    gl_Position = vec4(corner * 2.0 - 1.0, 0.0, 1.0);
}
