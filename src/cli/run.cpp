// `hebbian run`: parse flags, load data, simulate, write the result file.
#include "run.hpp"

#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>

#include "core/csv.hpp"
#include "core/parameters.hpp"
#include "embed/page_state.hpp"
#include "image_file.hpp"
#include "options.hpp"
#include "result_json.hpp"

namespace hebbian {

namespace {

constexpr int kBadInput = 2;

int fail(std::ostream& err, const std::string& message) {
    err << "hebbian: " << message << '\n';
    return kBadInput;
}

}  // namespace

int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    if (args.empty() || args[0] == "--help" || args[0] == "-h") {
        out << usage();
        return args.empty() ? kBadInput : 0;
    }
    if (args[0] == "parameters") {
        out << embed::page_settings_markdown() << '\n' << parameter_table_markdown();
        return 0;
    }
    if (args[0] != "run") return fail(err, "unknown command '" + args[0] + "' (the commands: hebbian run ..., hebbian parameters)");

    ParsedRunOptions parsed = parse_run_options(std::vector<std::string>(args.begin() + 1, args.end()));
    if (parsed.help) {
        out << usage();
        return 0;
    }
    if (!parsed.error.empty()) return fail(err, parsed.error);
    RunOptions& options = parsed.options;

    if (!options.data_path.empty()) {
        std::ifstream file(options.data_path, std::ios::binary);
        if (!file) return fail(err, "cannot read data file '" + options.data_path + "'");
        std::ostringstream text;
        text << file.rdbuf();
        CsvData csv = parse_csv(text.str());
        if (!csv.error.empty()) return fail(err, options.data_path + ": " + csv.error);
        options.sim.source.data = std::make_shared<const Eigen::MatrixXd>(std::move(csv.values));
    }

    if (!options.image_path.empty()) {
        ImageFile file = read_image_file(options.image_path);
        if (!file.error.empty()) return fail(err, file.error);
        standardise(file.image);  // as the page does: one learning rate suits every image
        options.sim.source.picture = std::make_shared<const GreyImage>(std::move(file.image));
    }

    std::ostringstream json;
    std::string summary;
    if (options.sim.circuit == Circuit::Inhibitory) {
        if (!options.data_path.empty() || !options.image_path.empty())
            return fail(err, "--data and --image do not apply to --circuit inhibitory (its inputs are its channels' rates)");
        InhibitoryBalance balance;
        if (std::string why = balance.reset(balance_params(options.sim)); !why.empty()) return fail(err, why);
        balance.step(options.steps);
        write_result_json(json, balance, options);
        summary = std::to_string(balance.steps_done()) + " steps";
    } else {
        Simulation sim;
        if (std::string why = sim.reset(options.sim); !why.empty()) return fail(err, why);
        sim.step(options.steps);
        write_result_json(json, sim, options);
        const Divergence& d = sim.divergence();
        summary = std::to_string(sim.steps_done()) + " steps";
        if (d.diverged) summary += ", diverged at step " + std::to_string(d.step) + " (" + d.reason + ")";
    }
    std::ofstream result(options.out_path, std::ios::binary);
    if (!result) return fail(err, "cannot write result file '" + options.out_path + "'");
    result << json.str();
    result.close();
    if (!result) {
        std::remove(options.out_path.c_str());
        return fail(err, "writing '" + options.out_path + "' failed");
    }

    out << "hebbian: " << summary << "; result in " << options.out_path << '\n';
    return 0;
}

}  // namespace hebbian
