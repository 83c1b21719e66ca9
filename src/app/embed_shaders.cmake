# Turns the GLSL files in INPUTS (separated by '|') into OUTPUT, a C++ header with one
# raw string literal per file, named after the file (heatmap.frag -> heatmap_frag) and
# starting with VERSION_LINE ("#version 300 es" on the web, "#version 330 core" natively).
# Run as: cmake -DINPUTS=a.vert|b.frag -DOUTPUT=shaders.hpp -DVERSION_LINE=... -P embed_shaders.cmake
string(REPLACE "|" ";" inputs "${INPUTS}")
set(text "// Generated from shaders/ by src/app/embed_shaders.cmake: do not edit.\n#pragma once\n\nnamespace hebbian::shaders {\n")
foreach(input IN LISTS inputs)
  get_filename_component(name "${input}" NAME)
  string(MAKE_C_IDENTIFIER "${name}" identifier)
  file(READ "${input}" body)
  string(APPEND text "\ninline constexpr const char ${identifier}[] = R\"glsl(${VERSION_LINE}\n${body})glsl\";\n")
endforeach()
string(APPEND text "\n}  // namespace hebbian::shaders\n")
file(WRITE "${OUTPUT}.tmp" "${text}")
configure_file("${OUTPUT}.tmp" "${OUTPUT}" COPYONLY)
file(REMOVE "${OUTPUT}.tmp")
