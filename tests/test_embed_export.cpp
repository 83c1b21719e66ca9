// The page's downloads and data import: matrices and histories as CSV and JSON whose
// numbers read back exactly, row i as line i; CSV files the page refuses, with where.
#include <doctest.h>

#include <cmath>
#include <limits>
#include <string>

#include "core/csv.hpp"
#include "embed/csv_import.hpp"
#include "embed/export_text.hpp"
#include "embed/json_value.hpp"
#include "core/number_text.hpp"

using namespace hebbian;
using namespace hebbian::embed;

namespace {

// A band's three arrays `name`_low, `name`_typical and `name`_high in an exported JSON
// object, each required to hold `points` entries.
struct BandArrays {
    const JsonValue *low, *typical, *high;
};
BandArrays band_arrays(const JsonValue& object, const std::string& name, size_t points) {
    const BandArrays band{object.find(name + "_low"), object.find(name + "_typical"), object.find(name + "_high")};
    REQUIRE(band.low);
    REQUIRE(band.typical);
    REQUIRE(band.high);
    REQUIRE(band.low->array.size() == points);
    REQUIRE(band.typical->array.size() == points);
    REQUIRE(band.high->array.size() == points);
    return band;
}

// Every point of the band in order: low <= typical <= high.
void check_ordered(const BandArrays& band) {
    for (size_t k = 0; k < band.low->array.size(); ++k) {
        CHECK(band.low->array[k].number <= band.typical->array[k].number);
        CHECK(band.typical->array[k].number <= band.high->array[k].number);
    }
}

}  // namespace

TEST_CASE("exact numbers are short and read back to the same double") {
    CHECK(exact_number(0.01) == "0.01");
    CHECK(exact_number(1.0) == "1");
    CHECK(exact_number(0.1 + 0.2) == "0.30000000000000004");
    CHECK(std::strtod(exact_number(std::nextafter(1.0, 2.0)).c_str(), nullptr) == std::nextafter(1.0, 2.0));
    CHECK(json_number(std::numeric_limits<double>::quiet_NaN()) == "null");
    CHECK(json_number(-std::numeric_limits<double>::infinity()) == "null");
}

TEST_CASE("a matrix as CSV puts row i on line i, and reads back exactly") {
    Eigen::MatrixXd m(2, 3);
    m << 1, 2.5, -3,
         0.1 + 0.2, 5, 1e-300;  // not symmetric, not square
    const std::string csv = matrix_csv(m);
    CHECK(csv.substr(0, csv.find('\n')) == "1,2.5,-3");
    const CsvData back = parse_csv(csv);
    REQUIRE(back.error.empty());
    CHECK(back.values == m);
}

TEST_CASE("a matrix as JSON is an array of rows, non-finite entries null") {
    Eigen::MatrixXd m(2, 2);
    m << 1, std::numeric_limits<double>::infinity(),
         3, 4;
    CHECK(matrix_json(m) == "[[1,null],[3,4]]");
    CHECK(matrix_csv(m) == "1,\n3,4\n");
}

TEST_CASE("the history as CSV and JSON has the step and every recorded series") {
    Simulation sim;
    SimParams p;
    p.learning.rule = Rule::Decay;
    REQUIRE(sim.reset(p).empty());
    sim.step(50);
    const History& h = sim.history();
    const std::string csv = history_csv(h);
    CHECK(csv.substr(0, csv.find('\n')) ==
          "step,norm,alignment,predicted_norm,predicted_alignment,output,norm_low,norm_typical,norm_high,"
          "alignment_low,alignment_typical,alignment_high");
    const CsvData table = parse_csv(csv);
    REQUIRE(table.error.empty());
    REQUIRE(table.values.rows() == static_cast<Eigen::Index>(h.step.size()));
    CHECK(table.values(table.values.rows() - 1, 0) == double(h.step.back()));
    CHECK(table.values(table.values.rows() - 1, 1) == h.norm.back());

    const JsonParse json = parse_json(history_json(h));
    REQUIRE(json.error.empty());
    CHECK(json.value.find("norm")->array.back().number == h.norm.back());
    CHECK(json.value.find("relative_error") == nullptr);
    CHECK(json.value.find("relative_error_low") == nullptr);
    // The single-run bands: one point per step, in order low <= typical <= high.
    for (const char* name : {"norm", "alignment"}) check_ordered(band_arrays(json.value, name, h.step.size()));
    CHECK(table.values(0, 6) == h.norm_low.front());
}

TEST_CASE("a recurrent history exports the relative error's band") {
    Simulation sim;
    SimParams p;
    p.circuit = Circuit::Recurrent;
    p.source.kind = SourceKind::Latent;
    p.source.inputs = 4;
    p.learning.rule = Rule::Decay;
    p.learning.alpha = 2.0;
    REQUIRE(sim.reset(p).empty());
    sim.step(200);
    const JsonParse json = parse_json(history_json(sim.history()));
    REQUIRE(json.error.empty());
    check_ordered(band_arrays(json.value, "relative_error", sim.history().step.size()));
    CHECK(json.value.find("norm_low") == nullptr);
}

TEST_CASE("Sanger's subspace band exports null before the step it holds from, then in order") {
    Simulation sim;
    SimParams p;
    p.source.kind = SourceKind::Spectrum;
    p.source.inputs = 6;
    p.learning.rule = Rule::Sanger;
    p.learning.outputs = 2;
    p.history_capacity = 64;  // a history short enough for the JSON reader's 64 KB
    REQUIRE(sim.reset(p).empty());
    const double start = sim.subspace_forecast().start;
    REQUIRE(start > 2.0);
    REQUIRE(start < 1e5);
    sim.step(static_cast<long long>(std::ceil(start)) + 100);
    const History& h = sim.history();
    const std::string csv = history_csv(h);
    const std::string header = csv.substr(0, csv.find('\n'));
    CHECK(header.find(",subspace_alignment_low,subspace_alignment_typical,subspace_alignment_high") != std::string::npos);
    const JsonParse json = parse_json(history_json(h));
    REQUIRE(json.error.empty());
    const auto [low, typical, high] = band_arrays(json.value, "subspace_alignment", h.step.size());
    size_t held = 0;
    for (size_t k = 0; k < h.step.size(); ++k) {
        CAPTURE(h.step[k]);
        const bool holds = double(h.step[k]) >= start;
        for (const JsonValue* series : {low, typical, high})
            CHECK(series->array[k].type == (holds ? JsonValue::Type::Number : JsonValue::Type::Null));
        if (!holds) continue;
        ++held;
        CHECK(low->array[k].number <= typical->array[k].number);
        CHECK(typical->array[k].number <= high->array[k].number);
        CHECK(low->array[k].number == sim.subspace_forecast().alignment.low);
    }
    CHECK(held > 0);
    CHECK(held < h.step.size());  // the first points come before it holds
}

TEST_CASE("export_file picks the matrix the command names and says when it has none") {
    Simulation sim;
    SimParams p;
    p.source.kind = SourceKind::Spectrum;
    p.source.inputs = 4;
    p.learning.outputs = 2;
    REQUIRE(sim.reset(p).empty());
    sim.step(10);
    const ExportFile weights = export_file(sim, ExportWhat::Weights, ExportFormat::Csv);
    CHECK(weights.filename == "hebbian-weights.csv");
    CHECK(weights.mime == "text/csv");
    CHECK(parse_csv(weights.text).values == sim.feedforward()->weights());
    const ExportFile covariance = export_file(sim, ExportWhat::Covariance, ExportFormat::Json);
    CHECK(covariance.mime == "application/json");
    CHECK(parse_json(covariance.text).value.array.size() == 4);
    CHECK_FALSE(export_file(sim, ExportWhat::Recurrent, ExportFormat::Csv).error.empty());

    p.circuit = Circuit::Recurrent;
    REQUIRE(sim.reset(p).empty());
    sim.step(10);
    CHECK(parse_csv(export_file(sim, ExportWhat::Recurrent, ExportFormat::Csv).text).values == sim.recurrent()->weights());
}

TEST_CASE("several runs export w_1 and the history of each, named by its rule") {
    std::vector<Simulation> sims(2);
    SimParams p;
    p.source.kind = SourceKind::Spectrum;
    p.source.inputs = 3;
    p.learning.rule = Rule::Hebb;
    REQUIRE(sims[0].reset(p).empty());
    p.learning.rule = Rule::Oja;
    REQUIRE(sims[1].reset(p).empty());
    for (Simulation& sim : sims) sim.step(5);

    const ExportFile csv = export_file(sims, nullptr, ExportWhat::Weights, ExportFormat::Csv);
    CHECK(csv.text.rfind("rule,w_1,w_2,w_3\nhebb,", 0) == 0);
    CHECK(csv.text.find("\noja," + exact_number(sims[1].feedforward()->weights()(0, 0)) + ",") != std::string::npos);
    const JsonParse json = parse_json(export_file(sims, nullptr, ExportWhat::Weights, ExportFormat::Json).text);
    REQUIRE(json.error.empty());
    CHECK(json.value.find("oja")->array.at(2).number == sims[1].feedforward()->weights()(0, 2));

    const ExportFile history = export_file(sims, nullptr, ExportWhat::History, ExportFormat::Csv);
    // Plain Hebb has predictions, Oja none: its cells there are empty.
    CHECK(history.text.rfind("rule,step,norm,alignment,predicted_norm,predicted_alignment,output,norm_low,norm_typical,"
                             "norm_high,alignment_low,alignment_typical,alignment_high\n",
                             0) == 0);
    CHECK(history.text.find("\noja,0," + exact_number(sims[1].history().norm[0]) + "," +
                            exact_number(sims[1].history().alignment[0]) + ",,,") != std::string::npos);
    const JsonParse histories = parse_json(export_file(sims, nullptr, ExportWhat::History, ExportFormat::Json).text);
    REQUIRE(histories.error.empty());
    CHECK(histories.value.find("hebb")->find("norm")->array.back().number == sims[0].history().norm.back());
    CHECK(export_file(sims, nullptr, ExportWhat::Covariance, ExportFormat::Csv).text ==
          export_file(sims[0], ExportWhat::Covariance, ExportFormat::Csv).text);
}

TEST_CASE("the inhibitory balance exports its weights per channel, and its theory and rate as JSON") {
    InhibitoryBalance balance;
    REQUIRE(balance.reset(InhibitoryParams{}).empty());
    balance.step(2000);
    const ExportFile csv = export_file(balance, ExportFormat::Csv);
    CHECK(csv.filename == "hebbian-inhibition.csv");
    const CsvData table = parse_csv(csv.text);
    REQUIRE(table.error.empty());
    REQUIRE(table.values.rows() == balance.params().channels);
    CHECK(table.values.col(0)(2) == 3.0);  // channels count from 1
    CHECK(table.values.col(1) == balance.excitatory());
    CHECK(table.values.col(2) == balance.inhibitory());
    CHECK(table.values.col(3) == balance.excitatory() - balance.inhibitory());

    const JsonParse json = parse_json(export_file(balance, ExportFormat::Json).text);
    REQUIRE(json.error.empty());
    CHECK(json.value.find("rho0")->number == balance.params().target_rate);
    CHECK(json.value.find("predicted_rate")->number == balance.predicted_rate());
    CHECK(json.value.find("co_tuning")->number == balance.co_tuning());
    CHECK(json.value.find("inhibitory")->array.at(3).number == balance.inhibitory()(3));
    CHECK(json.value.find("history")->find("rate")->array.back().number == balance.history_rate().back());
    // The band of single runs' rate over each recorded interval, one point per rate, in order.
    const JsonValue& history = *json.value.find("history");
    const BandArrays band = band_arrays(history, "rate", balance.history_rate().size());
    check_ordered(band);
    CHECK(band.typical->array.back().number == balance.history_band().back().typical);

    // A view without the balance refuses, naming where it is.
    std::vector<Simulation> sims(1);
    CHECK(export_file(sims, nullptr, ExportWhat::Inhibition, ExportFormat::Csv).error.find("stabilizers view") !=
          std::string::npos);
    CHECK(export_file(sims, &balance, ExportWhat::Inhibition, ExportFormat::Csv).text == csv.text);
}

TEST_CASE("a CSV import keeps good data and names the line and column of a bad cell") {
    const CsvImport good = import_csv("a,b\n1,2\n3,4.5\n5,6\n");
    REQUIRE(good.error.empty());
    CHECK(good.values->rows() == 3);
    CHECK((*good.values)(1, 1) == 4.5);
    CHECK(import_csv("1,2\n3,x\n").error.rfind("line 2, column 2", 0) == 0);
    CHECK(import_csv("1,2\n3,4,5\n").error.rfind("line 2", 0) == 0);
    CHECK_FALSE(import_csv("").error.empty());
    CHECK_FALSE(import_csv("1\n2\n3\n").error.empty());
    CHECK_FALSE(import_csv("1,2\n").error.empty());
    std::string wide;
    for (int c = 0; c <= kMaxInputs; ++c) wide += c ? ",1" : "1";
    CHECK_FALSE(import_csv(wide + "\n" + wide + "\n").error.empty());
    CHECK_FALSE(good.values == nullptr);
    CHECK(import_csv("1,2\n3,x\n").values == nullptr);
}

TEST_CASE("with_data makes the data set the source and keeps k within its columns") {
    SimParams p;
    p.learning.outputs = 5;
    const SimParams d = with_data(p, std::make_shared<const Eigen::MatrixXd>(Eigen::MatrixXd::Ones(4, 3)));
    CHECK(d.source.kind == SourceKind::Dataset);
    CHECK(d.learning.outputs == 3);
    CHECK(d.source.data->cols() == 3);
}
