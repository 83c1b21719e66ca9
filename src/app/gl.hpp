// The OpenGL API our own GL code uses (the heatmap renderer, the frame's clear):
// OpenGL ES 3.0 (WebGL 2) on the web, OpenGL 3.3 core prototypes natively. Dear ImGui's
// OpenGL backend brings its own loader and does not include this.
#pragma once

#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#else
#define GL_GLEXT_PROTOTYPES 1
#include <GL/glcorearb.h>
#endif
