// Applying changes to the runs, and the app's state for the page (see run_control.hpp).
#include "app/run_control.hpp"

#include <algorithm>
#include <chrono>

#include "app/band.hpp"
#include "app/page_bridge.hpp"
#include "app/receptive.hpp"
#include "embed/csv_import.hpp"
#include "embed/export_text.hpp"

namespace hebbian::app {

namespace {

ViewRun& run_of(App& app, View view) { return app.runs[static_cast<size_t>(view_index(view))]; }
const ViewRun& run_of(const App& app, View view) { return app.runs[static_cast<size_t>(view_index(view))]; }

// The appendix runs the same parameters twice: plain Hebb, then Hebb with decay; the
// stabilizers once per rule of embed::kStabilizerRules.
SimParams params_for(View view, const SimParams& params, size_t run) {
    SimParams p = params;
    if (view == View::Appendix) p.learning.rule = run == 0 ? Rule::Hebb : Rule::Decay;
    if (view == View::Stabilizers) p.learning.rule = embed::kStabilizerRules[run];
    return p;
}

// "" when every run of the view can start with `params`, else why not.
std::string check(const ViewRun& run, View view, const SimParams& params) {
    if (view == View::Receptive) {  // the view draws its filters as patches, at most 16 of them
        if (!image_source(params.source.kind) || params.circuit != Circuit::Feedforward)
            return "the receptive-fields view learns from image patches: dead-leaves, pink-noise or a picture";
        if (params.learning.outputs > embed::kReceptiveMaxOutputs)
            return "the receptive-fields view draws at most " + std::to_string(embed::kReceptiveMaxOutputs) + " filters";
    }
    for (size_t s = 0; s < run.sims.size(); ++s)
        if (std::string why = validate(params_for(view, params, s)); !why.empty()) return why;
    return run.balance ? validate(balance_params(params)) : "";
}

// Restarts every run of the view with `params`; on invalid parameters keeps the runs
// and records why (also returned).
std::string restart(ViewRun& run, View view, const SimParams& params) {
    run.error = check(run, view, params);
    if (!run.error.empty()) return run.error;
    run.params = params;
    run.generation += 1;
    run.seconds_per_step = run.measured_seconds = run.measured_steps = 0.0;
    for (size_t s = 0; s < run.sims.size(); ++s) run.sims[s].reset(params_for(view, params, s));
    if (run.balance) run.balance->reset(balance_params(params));
    if (!run.weight_paths.empty())
        for (size_t s = 0; s < run.sims.size(); ++s)
            run.weight_paths[s] = {run.sims[s].feedforward()->weights().row(0).transpose()};
    return "";
}

// The data set becomes the source of both circuits (the feedforward and recurrent views),
// or of neither: the previous runs go on when one of them cannot take it.
std::string load_data(App& app, const LoadedData& data) {
    constexpr View kDataViews[] = {View::Feedforward, View::Recurrent};
    for (View view : kDataViews)
        if (std::string why = check(run_of(app, view), view, embed::with_data(run_of(app, view).params, data.values));
            !why.empty()) {
            app.ui.data_error = data.name + ": " + why;
            app.ui.picture_error = false;
            return app.ui.data_error;
        }
    for (View view : kDataViews) {
        const SimParams params = embed::with_data(run_of(app, view).params, data.values);
        restart(run_of(app, view), view, params);
        app.ui.drafts[static_cast<size_t>(view_index(view))] = params;
    }
    app.ui.data_name = data.name;
    app.ui.data_error.clear();
    if (!(app.ui.view == View::Feedforward || app.ui.view == View::Recurrent)) {
        app.ui.view = View::Feedforward;
        app.ui.select_view = true;
    }
    return "";
}

// The picture becomes the receptive-fields view's source (which opens), or the previous run
// goes on when it cannot take it (too small for the patch, one flat grey).
std::string load_picture(App& app, const LoadedPicture& picture) {
    ViewRun& run = run_of(app, View::Receptive);
    SimParams params = run.params;
    params.source.kind = SourceKind::Picture;
    params.source.picture = picture.image;
    if (std::string why = check(run, View::Receptive, params); !why.empty()) {
        app.ui.data_error = picture.name + ": " + why;
        app.ui.picture_error = true;
        return app.ui.data_error;
    }
    restart(run, View::Receptive, params);
    app.ui.drafts[static_cast<size_t>(view_index(View::Receptive))] = params;
    app.ui.picture_name = picture.name;
    app.ui.data_error.clear();
    if (app.ui.view != View::Receptive) {
        app.ui.view = View::Receptive;
        app.ui.select_view = true;
    }
    return "";
}

// The filters of the open view as a PNG: the learned ones over their principal components.
std::string download_filters(const App& app) {
    const ReceptiveFields fields = receptive_fields(run_of(app, app.ui.view).primary());
    if (fields.side == 0 || fields.filters.rows() == 0)
        return "the filters are those of image patches: open the receptive-fields view";
    const int columns = std::min(static_cast<int>(fields.filters.rows()), 8);
    const RgbaImage sheet = filter_sheet(fields, columns, std::max(1, 64 / fields.side));
    offer_png("hebbian-filters.png", sheet.width, sheet.height, sheet.pixels);
    return "";
}

std::string download(App& app, const DownloadRequest& request) {
    if (request.what == embed::ExportWhat::View) {
        app.png_request = std::string("hebbian-") + view_name(app.ui.view) + ".png";
        return "";
    }
    if (request.what == embed::ExportWhat::Filters) {
        app.ui.export_error = download_filters(app);
        return app.ui.export_error;
    }
    const ViewRun& run = run_of(app, app.ui.view);
    const embed::ExportFile file =
        embed::export_file(run.sims, run.balance ? &*run.balance : nullptr, request.what, request.format);
    app.ui.export_error = file.error;
    if (file.error.empty()) offer_download(file.filename, file.mime, file.text);
    return file.error;
}

}  // namespace

long long advance(ViewRun& run, long long steps) {
    const long long before = run.steps_done();
    // The steps a run that has done `done` may still take.
    const auto allowed = [&run, steps](long long done) {
        return std::max(run.step_limit > 0 ? std::min(steps, run.step_limit - done) : steps, 0LL);
    };
    if (run.balance) run.balance->step(allowed(run.balance->steps_done()));
    for (size_t s = 0; s < run.sims.size(); ++s) {
        Simulation& sim = run.sims[s];
        long long todo = allowed(sim.steps_done());
        if (run.weight_paths.empty()) {
            sim.step(todo);
            continue;
        }
        for (; todo > 0 && !sim.divergence().diverged; --todo) {
            sim.step(1);
            if (!sim.divergence().diverged) run.weight_paths[s].push_back(sim.feedforward()->weights().row(0).transpose());
        }
    }
    return run.steps_done() - before;
}

long long advance_within(ViewRun& run, long long steps, double budget_seconds) {
    using Clock = std::chrono::steady_clock;
    const Clock::time_point start = Clock::now();
    long long done = 0;
    double elapsed = 0.0;
    while (done < steps && (done == 0 || elapsed + run.seconds_per_step <= budget_seconds)) {
        // A first single step measures the cost; then each chunk fills half of what is left
        // of the budget, so a step that costs twice the estimate still stays within it.
        long long chunk = 1;
        if (run.seconds_per_step > 0.0)
            chunk = std::clamp(static_cast<long long>(0.5 * (budget_seconds - elapsed) / run.seconds_per_step), 1LL,
                               steps - done);
        const Clock::time_point before = Clock::now();
        const long long ran = advance(run, chunk);
        const double seconds = std::chrono::duration<double>(Clock::now() - before).count();
        if (ran <= 0) break;
        // The cost of a step over the recent chunks, weighted by their steps: the history's
        // records (every `stride` steps, each worth many steps) land in some chunks only, and
        // a chunk without one must not size the next too long.
        run.measured_seconds = 0.5 * run.measured_seconds + seconds;
        run.measured_steps = 0.5 * run.measured_steps + double(ran);
        run.seconds_per_step = run.measured_seconds / run.measured_steps;
        done += ran;
        elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    }
    return done;
}

std::string apply_changes(App& app, const Changes& changes) {
    std::string error;
    if (changes.view && *changes.view != app.ui.view) {
        app.ui.view = *changes.view;
        app.ui.select_view = true;
    }
    if (changes.embed) app.ui.embed = *changes.embed;
    if (changes.theme) app.ui.theme = *changes.theme;
    if (changes.data) error = load_data(app, *changes.data);
    if (changes.picture) error = load_picture(app, *changes.picture);
    const View view = app.ui.view;  // a data set or a picture may have opened its view
    ViewRun& run = run_of(app, view);
    if (changes.params) {
        error = restart(run, view, *changes.params);
        if (error.empty()) app.ui.drafts[static_cast<size_t>(view_index(view))] = *changes.params;
    }
    if (changes.reset) restart(run, view, run.params);
    if (changes.playing) run.playing = *changes.playing;
    if (run.playing) app.ui.motion_hint = false;
    if (changes.steps_per_frame) run.steps_per_frame = std::clamp(*changes.steps_per_frame, 1, embed::kMaxSpeed);
    if (changes.steps > 0) advance(run, changes.steps);
    if (changes.download) error = download(app, *changes.download);
    if (changes.copy_link) {
        app.ui.link = app.page_base + "?" + embed::page_query(page_state(app));
        copy_to_clipboard(app.ui.link);
    }
    if (changes.pick_file) open_file_picker(FileKind::Csv);
    if (changes.pick_image) open_file_picker(FileKind::Image);
    return error;
}

embed::PageState page_state(const App& app) {
    const ViewRun& run = run_of(app, app.ui.view);
    embed::PageState state;
    state.view = app.ui.view;
    state.setup = {run.params, run.steps_per_frame};
    state.autoplay = run.playing;
    state.embed = app.ui.embed;
    state.theme = app.ui.theme;
    return state;
}

embed::ViewSetups view_setups(const App& app) {
    embed::ViewSetups setups;
    for (View view : kAllViews) setups[static_cast<size_t>(view_index(view))] = {run_of(app, view).params, run_of(app, view).steps_per_frame};
    return setups;
}

embed::RunSummary run_summary(const App& app) {
    const ViewRun& run = run_of(app, app.ui.view);
    const Simulation& sim = run.primary();
    embed::RunSummary summary;
    summary.steps = run.steps_done();
    summary.inputs = sim.inputs();
    summary.alignment = sim.history().alignment.empty() ? 0.0 : sim.history().alignment.back();
    summary.norm = sim.history().norm.empty() ? 0.0 : sim.history().norm.back();
    summary.lambda1 = sim.components().values(0);
    for (const Simulation& s : run.sims) summary.diverged = summary.diverged || s.divergence().diverged;
    summary.playing = run.playing;
    summary.primary = to_string(sim.params().learning.rule);
    if (run.sims.size() == 1) summary.regime = sim.regime();
    for (size_t s = 0; run.sims.size() > 1 && s < run.sims.size(); ++s)
        summary.regime += (s ? "; " : "") + to_string(run.sims[s].params().learning.rule) + ": " + run.sims[s].regime();
    summary.error = run.error;
    const SourceKind kind = sim.params().source.kind;
    summary.data_name = kind == SourceKind::Dataset ? app.ui.data_name : kind == SourceKind::Picture ? app.ui.picture_name : "";
    for (const Simulation& s : run.sims) {
        const History& h = s.history();
        summary.runs.push_back({to_string(s.params().learning.rule), s.steps_done(), h.norm.empty() ? 0.0 : h.norm.back(),
                                h.alignment.empty() ? 0.0 : h.alignment.back(),
                                s.divergence().diverged ? s.divergence().step : 0, last_norm_band(h),
                                last_alignment_band(h)});
    }
    summary.norm_band = last_norm_band(sim.history());
    summary.alignment_band = last_alignment_band(sim.history());
    summary.relative_error_band = last_relative_error_band(sim.history());
    summary.subspace_alignment_band = last_subspace_alignment_band(sim.history());
    if (run.balance) {
        const InhibitoryBalance& b = *run.balance;
        summary.inhibition = embed::BalanceRun{b.steps_done(), b.history_rate().empty() ? 0.0 : b.history_rate().back(),
                                               b.params().target_rate, b.predicted_rate(), b.co_tuning(),
                                               last_rate_band(b)};
    }
    return summary;
}

}  // namespace hebbian::app
