// The web side of page_bridge.hpp: thin EM_JS calls into web/page.js, which owns the
// inbox of requests (Module.hebbianInbox), the downloads, the file pickers and the clipboard.
// No eval: every call is a fixed JavaScript function, data passes as UTF-8 strings.
#include "app/page_bridge.hpp"

#include <emscripten/emscripten.h>

namespace {

// Address parts: 0 the query string, 1 the fragment, 2 the address without them.
EM_JS(int, address_part_bytes, (int part), {
    var href = String(window.location.href);
    var parts = [window.location.search, window.location.hash, href.split(/[?#]/)[0]];
    return lengthBytesUTF8(parts[part]);
});
EM_JS(void, copy_address_part, (int part, char* out, int size), {
    var href = String(window.location.href);
    var parts = [window.location.search, window.location.hash, href.split(/[?#]/)[0]];
    stringToUTF8(parts[part], out, size);
});

// The front request of the inbox: ticket (-1 when empty), kind, and its fields (0 text, 1 name).
EM_JS(int, front_request_ticket, (), {
    var inbox = Module.hebbianInbox;
    return inbox && inbox.length > 0 ? inbox[0].ticket : -1;
});
EM_JS(int, front_request_kind, (), { return Module.hebbianInbox[0].kind; });
EM_JS(int, front_request_bytes, (int field), {
    var request = Module.hebbianInbox[0];
    return lengthBytesUTF8(field === 0 ? request.text : request.name);
});
EM_JS(void, copy_front_request, (int field, char* out, int size), {
    var request = Module.hebbianInbox[0];
    stringToUTF8(field === 0 ? request.text : request.name, out, size);
});
EM_JS(void, drop_front_request, (), { Module.hebbianInbox.shift(); });
// A picture's size (0 width, 1 height) and its grey levels, copied into `out` (width x height bytes).
EM_JS(int, front_request_size, (int field), {
    var request = Module.hebbianInbox[0];
    return (field === 0 ? request.width : request.height) | 0;
});
EM_JS(void, copy_front_request_pixels, (unsigned char* out, int count), {
    var pixels = Module.hebbianInbox[0].pixels;
    if (pixels && pixels.length === count) HEAPU8.set(pixels, out);
});

EM_JS(void, answer_js, (int ticket, const char* json), { Module.hebbianAnswer(ticket, UTF8ToString(json)); });
EM_JS(void, publish_status_js, (const char* json), { Module.hebbianStatusText = UTF8ToString(json); });
EM_JS(void, download_js, (const char* name, const char* mime, const char* text), {
    Module.hebbianDownload(UTF8ToString(name), UTF8ToString(mime), UTF8ToString(text));
});
EM_JS(void, save_png_js, (const char* name), { Module.hebbianSaveCanvas(UTF8ToString(name)); });
EM_JS(void, save_pixels_js, (const char* name, int width, int height, const unsigned char* rgba), {
    var copy = new Uint8ClampedArray(HEAPU8.subarray(rgba, rgba + 4 * width * height));
    Module.hebbianSavePixels(UTF8ToString(name), width, height, copy);
});
EM_JS(void, pick_file_js, (int image), { Module.hebbianPickFile(image ? 'image' : 'csv'); });
EM_JS(void, copy_js, (const char* text), { Module.hebbianCopy(UTF8ToString(text)); });
EM_JS(void, warn_js, (const char* text), { console.warn(UTF8ToString(text)); });
using ServeFunction = void (*)(void*);
EM_JS(void, serve_with_js, (ServeFunction serve, void* context), {
    Module.hebbianServeRequests = function() { wasmTable.get(serve)(context); };
});
// `xyxy`: `count` rectangles of four floats each.
EM_JS(void, pointer_regions_js, (const float* xyxy, int count, int wants_wheel), {
    var targets = [];
    for (var i = 0; i < count; ++i) {
        var at = (xyxy >> 2) + 4 * i;
        targets.push([HEAPF32[at], HEAPF32[at + 1], HEAPF32[at + 2], HEAPF32[at + 3]]);
    }
    Module.hebbianTouchTargets = targets;
    Module.hebbianWantsWheel = wants_wheel !== 0;
});

std::string address_part(int part) {
    std::string text(static_cast<size_t>(address_part_bytes(part)), '\0');
    copy_address_part(part, text.data(), static_cast<int>(text.size()) + 1);
    return text;
}

std::string front_request_field(int field) {
    std::string text(static_cast<size_t>(front_request_bytes(field)), '\0');
    copy_front_request(field, text.data(), static_cast<int>(text.size()) + 1);
    return text;
}

}  // namespace

namespace hebbian::app {

PageAddress startup_address(int, char**) { return {address_part(0), address_part(1), address_part(2)}; }

std::optional<PageRequest> take_page_request() {
    const int ticket = front_request_ticket();
    if (ticket < 0) return std::nullopt;
    PageRequest request;
    request.ticket = ticket;
    request.kind = static_cast<PageRequestKind>(front_request_kind());
    request.text = front_request_field(0);
    request.name = front_request_field(1);
    if (request.kind == PageRequestKind::ImageFile) {
        request.width = front_request_size(0);
        request.height = front_request_size(1);
        const long long count = static_cast<long long>(request.width) * request.height;
        if (request.width > 0 && request.height > 0 && count <= 4LL * 1024 * 1024) {
            request.pixels.resize(static_cast<size_t>(count));
            copy_front_request_pixels(request.pixels.data(), static_cast<int>(count));
        }
    }
    drop_front_request();
    return request;
}

void answer_page_request(int ticket, const std::string& json) { answer_js(ticket, json.c_str()); }
void publish_status(const std::string& json) { publish_status_js(json.c_str()); }
void offer_download(const std::string& filename, const std::string& mime, const std::string& text) {
    download_js(filename.c_str(), mime.c_str(), text.c_str());
}
void save_view_png(const std::string& filename) { save_png_js(filename.c_str()); }
void offer_png(const std::string& filename, int width, int height, const std::vector<std::uint8_t>& rgba) {
    if (width > 0 && height > 0 && rgba.size() == 4 * size_t(width) * size_t(height))
        save_pixels_js(filename.c_str(), width, height, rgba.data());
}
void open_file_picker(FileKind kind) { pick_file_js(kind == FileKind::Image ? 1 : 0); }
void copy_to_clipboard(const std::string& text) { copy_js(text.c_str()); }
void warn_console(const std::string& text) { warn_js(text.c_str()); }
void serve_page_requests_with(void (*serve)(void*), void* context) { serve_with_js(serve, context); }
void publish_pointer_regions(const std::vector<std::array<float, 4>>& touch_targets, bool wants_wheel) {
    pointer_regions_js(touch_targets.empty() ? nullptr : touch_targets.front().data(), static_cast<int>(touch_targets.size()),
                       wants_wheel ? 1 : 0);
}

}  // namespace hebbian::app
