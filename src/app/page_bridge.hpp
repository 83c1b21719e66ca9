// What the page's script (web/page.js) and the app exchange. page_bridge_web.cpp calls
// into page.js through small EM_JS functions; page_bridge_native.cpp is the desktop
// stand-in. The app never holds a pointer the script could reach: the script queues
// requests (host messages, CSV files, pictures) in its own inbox, Module.hebbianInbox, and the
// app takes them one by one with take_page_request() and answers each by its ticket:
// in every frame, and at once when the script calls the function given to
// serve_page_requests_with (so a figure out of view, whose frames the browser has
// stopped, still answers its host).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hebbian::app {

// The address the page was opened with (native: the first command-line argument,
// e.g. "?view=recurrent#eta=0.05").
struct PageAddress {
    std::string query;     // "?view=..." or ""
    std::string fragment;  // "#..." or ""
    std::string base;      // the address without query and fragment, for links
};
PageAddress startup_address(int argc, char** argv);

enum class PageRequestKind {
    HostMessage,  // text: a JSON message from window.hebbian or postMessage (checked in JS and again here)
    CsvFile,      // name and text of a file the reader picked or dropped
    RefusedFile,  // name of a file the script would not read; text: why
    ImageFile,    // name, width, height and grey levels of a picture the script decoded
    RefusedImage, // name of a file offered as a picture that the script would not decode; text: why
};

struct PageRequest {
    int ticket = 0;  // answer_page_request(ticket, ...) resolves the script's promise
    PageRequestKind kind = PageRequestKind::HostMessage;
    std::string name;
    std::string text;
    int width = 0, height = 0;          // ImageFile: the picture's size in pixels (at most 512 a side)
    std::vector<std::uint8_t> pixels;   // ImageFile: width x height grey levels 0..255, row by row
};

std::optional<PageRequest> take_page_request();
void answer_page_request(int ticket, const std::string& json);
// The script calls serve(context) right after it queues a request (web: as
// Module.hebbianServeRequests(); natively nothing queues requests).
void serve_page_requests_with(void (*serve)(void*), void* context);

// Makes the JSON status readable by the page's script (window.hebbianStatus()).
void publish_status(const std::string& json);
// Offers `text` as a file download (web: a Blob and a link with a download attribute;
// native: a file written to the current folder).
void offer_download(const std::string& filename, const std::string& mime, const std::string& text);
// Saves what the canvas shows now as a PNG download; call after rendering the frame.
void save_view_png(const std::string& filename);
// Offers a picture as a PNG download: `rgba` holds width x height RGBA8 pixels, row by row
// from the top (the page draws them on a canvas and encodes it).
void offer_png(const std::string& filename, int width, int height, const std::vector<std::uint8_t>& rgba);
// Opens the page's file picker: for a CSV file (it arrives as a CsvFile request) or for a
// picture (PNG or JPEG, decoded to grey by the page: an ImageFile request).
enum class FileKind { Csv, Image };
void open_file_picker(FileKind kind);
// Puts `text` on the clipboard where the browser allows it.
void copy_to_clipboard(const std::string& text);
// A warning for the person reading the browser console (native: stderr).
void warn_console(const std::string& text);
// Tells the page where a touch belongs to the figure (rectangles x0 y0 x1 y1 in CSS px
// from the canvas's corner: the sliders) and whether the mouse wheel does (the pointer is
// over a panel that scrolls). Everywhere else touches and the wheel scroll the host page.
void publish_pointer_regions(const std::vector<std::array<float, 4>>& touch_targets, bool wants_wheel);

}  // namespace hebbian::app
