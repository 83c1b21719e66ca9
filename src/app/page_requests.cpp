// Host messages, CSV files and pictures from the page (see page_requests.hpp).
#include "app/page_requests.hpp"

#include "app/page_bridge.hpp"
#include "app/receptive.hpp"
#include "app/run_control.hpp"
#include "embed/csv_import.hpp"
#include "embed/export_text.hpp"
#include "embed/json_value.hpp"

namespace hebbian::app {

namespace {

using embed::CommandKind;

// The Changes a "set" asks for: only what differs from the view it lands on, so that
// setting the speed does not restart the run. `members` receives the corrections.
Changes set_changes(const App& app, const embed::HostCommand& command, std::string& members) {
    const embed::ViewSetups setups = view_setups(app);
    const embed::SettingsResult result = embed::apply_settings(page_state(app), command.settings, setups);
    const embed::PageState& wanted = result.state;
    embed::PageState before = wanted;
    before.setup = setups[static_cast<size_t>(view_index(wanted.view))];
    Changes changes;
    changes.view = wanted.view;
    changes.embed = wanted.embed;
    changes.theme = wanted.theme;
    changes.playing = wanted.autoplay;
    changes.steps_per_frame = wanted.setup.speed;
    before.setup.speed = wanted.setup.speed;
    if (!embed::same_page_state(before, wanted)) changes.params = wanted.setup.params;
    members = "\"corrections\":[";
    for (size_t i = 0; i < result.corrections.size(); ++i)
        members += (i ? "," : "") + embed::json_quote(result.corrections[i].message());
    members += "],";
    return changes;
}

// The reply to a file that was loaded: the state it left.
std::string loaded_json(const App& app) {
    return "{\"source\":\"hebbian\",\"type\":\"reply\",\"id\":null,\"ok\":true,\"command\":\"load\",\"state\":" +
           embed::state_json(page_state(app), run_summary(app)) + "}";
}

// The reply to a file the page read: its parse error shown and refused, or its changes applied.
std::string answer_file(App& app, const std::string& name, const std::string& parse_error, bool picture,
                        const Changes& changes) {
    std::string error;
    if (!parse_error.empty()) {
        app.ui.data_error = name + ": " + parse_error;
        app.ui.picture_error = picture;
        error = app.ui.data_error;
    } else {
        error = apply_changes(app, changes);
    }
    if (!error.empty()) return embed::refusal_json("null", error);
    return loaded_json(app);
}

std::string answer_csv(App& app, const PageRequest& request) {
    const embed::CsvImport data = embed::import_csv(request.text);
    Changes changes;
    if (data.error.empty()) changes.data = LoadedData{request.name, data.values};
    return answer_file(app, request.name, data.error, false, changes);
}

// A picture the page decoded: standardised, then the receptive-fields view's source.
std::string answer_picture(App& app, const PageRequest& request) {
    const Picture picture = picture_from_grey(request.width, request.height, request.pixels);
    Changes changes;
    if (picture.error.empty()) changes.picture = LoadedPicture{request.name, picture.image};
    return answer_file(app, request.name, picture.error, true, changes);
}

}  // namespace

std::string answer_host_message(App& app, std::string_view text) {
    const embed::HostMessage message = embed::read_host_message(text);
    if (!message.command) return embed::refusal_json(message.id, message.error);
    const embed::HostCommand& command = *message.command;
    Changes changes;
    std::string members;
    switch (command.kind) {
        case CommandKind::Get:
        case CommandKind::Subscribe:
        case CommandKind::Unsubscribe: break;
        case CommandKind::Set: changes = set_changes(app, command, members); break;
        case CommandKind::Play: changes.playing = true; break;
        case CommandKind::Pause: changes.playing = false; break;
        case CommandKind::Reset: changes.reset = true; break;
        case CommandKind::Step: changes.steps = command.count; break;
        case CommandKind::Export:
            if (embed::picture_export(command.what)) {
                changes.download = DownloadRequest{command.what, command.format};
            } else {
                const ViewRun& run = app.runs[static_cast<size_t>(view_index(app.ui.view))];
                const embed::ExportFile file =
                    embed::export_file(run.sims, run.balance ? &*run.balance : nullptr, command.what, command.format);
                if (!file.error.empty()) return embed::refusal_json(message.id, file.error);
                members = "\"filename\":" + embed::json_quote(file.filename) + ",\"mime\":" + embed::json_quote(file.mime) +
                          ",\"text\":" + embed::json_quote(file.text) + ",";
            }
            break;
        case CommandKind::Link:
            members = "\"link\":" + embed::json_quote(app.page_base + "?" + embed::page_query(page_state(app))) + ",";
            break;
    }
    if (std::string error = apply_changes(app, changes); !error.empty()) return embed::refusal_json(message.id, error);
    return embed::reply_json(message.id, command.kind,
                             members + "\"state\":" + embed::state_json(page_state(app), run_summary(app)));
}

void serve_page_requests(App& app) {
    for (int served = 0; served < kRequestsPerFrame; ++served) {
        const std::optional<PageRequest> request = take_page_request();
        if (!request) return;
        switch (request->kind) {
            case PageRequestKind::HostMessage:
                answer_page_request(request->ticket, answer_host_message(app, request->text));
                break;
            case PageRequestKind::CsvFile: answer_page_request(request->ticket, answer_csv(app, *request)); break;
            case PageRequestKind::ImageFile: answer_page_request(request->ticket, answer_picture(app, *request)); break;
            case PageRequestKind::RefusedFile:
            case PageRequestKind::RefusedImage:
                app.ui.picture_error = request->kind == PageRequestKind::RefusedImage;
                app.ui.data_error = request->name + ": " + request->text;
                answer_page_request(request->ticket, embed::refusal_json("null", app.ui.data_error));
                break;
        }
    }
}

}  // namespace hebbian::app
