// The desktop stand-in for page_bridge.hpp: the address is the first command-line
// argument, downloads are written to the current folder, the rest goes to stderr.
#include "app/page_bridge.hpp"

#include <cstdio>
#include <fstream>

namespace hebbian::app {

PageAddress startup_address(int argc, char** argv) {
    const std::string address = argc > 1 ? argv[1] : "";
    const size_t hash = address.find('#');
    if (hash == std::string::npos) return {address, "", "hebbian_app"};
    return {address.substr(0, hash), address.substr(hash), "hebbian_app"};
}

std::optional<PageRequest> take_page_request() { return std::nullopt; }
void answer_page_request(int, const std::string&) {}
void publish_status(const std::string&) {}

void offer_download(const std::string& filename, const std::string&, const std::string& text) {
    std::ofstream out(filename, std::ios::binary);
    out << text;
    std::fprintf(stderr, out ? "hebbian: wrote %s\n" : "hebbian: could not write %s\n", filename.c_str());
}

void save_view_png(const std::string&) { std::fprintf(stderr, "hebbian: PNG export is available in the web page\n"); }
void offer_png(const std::string& filename, int, int, const std::vector<std::uint8_t>&) {
    std::fprintf(stderr, "hebbian: %s: PNG export is available in the web page\n", filename.c_str());
}
void open_file_picker(FileKind kind) {
    if (kind == FileKind::Image)
        std::fprintf(stderr, "hebbian: pictures load in the web page (or: hebbian run --image FILE.png)\n");
    else
        std::fprintf(stderr, "hebbian: CSV import is available in the web page (or: hebbian run --data FILE.csv)\n");
}
void copy_to_clipboard(const std::string& text) { std::fprintf(stderr, "hebbian: link %s\n", text.c_str()); }
void warn_console(const std::string& text) { std::fprintf(stderr, "hebbian: %s\n", text.c_str()); }
void serve_page_requests_with(void (*)(void*), void*) {}
void publish_pointer_regions(const std::vector<std::array<float, 4>>&, bool) {}

}  // namespace hebbian::app
