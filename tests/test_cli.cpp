// The runner as a function: flags, bad input and the result file.
#include <doctest.h>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include <Eigen/Dense>

#include "core/parameters.hpp"
#include "embed/page_state.hpp"
#include "run.hpp"

namespace fs = std::filesystem;

namespace {

struct Outcome {
    int status;
    std::string out, err;
};

Outcome run(std::vector<std::string> args) {
    std::ostringstream out, err;
    const int status = hebbian::run_cli(args, out, err);
    return {status, out.str(), err.str()};
}

fs::path scratch(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() / "hebbian_cli_tests";
    fs::create_directories(dir);
    const fs::path path = dir / name;
    fs::remove(path);
    return path;
}

std::string read(const fs::path& path) {
    std::ifstream in(path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

const std::string kData = HEBBIAN_TEST_DATA;

}  // namespace

TEST_CASE("a feedforward run writes every documented field") {
    const fs::path out = scratch("oja.json");
    const Outcome o = run({"run", "--rule", "oja", "--eta", "0.005", "--steps", "4000", "--out", out.string()});
    REQUIRE(o.status == 0);
    CHECK(o.err.empty());
    const std::string json = read(out);
    for (const char* key : {"\"weights\":[[", "\"recurrent\":null", "\"covariance\":[[", "\"eigenvalues\":[",
                            "\"eigenvectors\":[[", "\"diverged\":false", "\"diverged_at_step\":null", "\"history\":{",
                            "\"alignment\":[", "\"norm\":["})
        CHECK(json.find(key) != std::string::npos);
}

// The numbers of the array `"name":[...]` in `json` (empty when it is missing).
std::vector<double> number_array(const std::string& json, const std::string& name) {
    std::vector<double> values;
    const size_t at = json.find("\"" + name + "\":[");
    if (at == std::string::npos) return values;
    const char* p = json.c_str() + at + name.size() + 4;
    while (*p && *p != ']') {
        char* end = nullptr;
        const double value = std::strtod(p, &end);
        if (end == p) {  // null: a point without a value
            values.push_back(std::nan(""));
            for (end = const_cast<char*>(p); *end && *end != ',' && *end != ']'; ++end) {}
        } else {
            values.push_back(value);
        }
        p = *end == ',' ? end + 1 : end;
    }
    return values;
}

// The band `name`_low, _typical, _high has one point per step, in order.
void check_band(const std::string& json, const std::string& name) {
    const std::vector<double> low = number_array(json, name + "_low"), typical = number_array(json, name + "_typical"),
                              high = number_array(json, name + "_high");
    REQUIRE(!low.empty());
    REQUIRE(low.size() == number_array(json, "step").size());
    REQUIRE(typical.size() == low.size());
    REQUIRE(high.size() == low.size());
    for (size_t k = 0; k < low.size(); ++k) {
        if (std::isnan(low[k]) || std::isnan(typical[k]) || std::isnan(high[k])) continue;  // no band yet
        CHECK(low[k] <= typical[k]);
        CHECK(typical[k] <= high[k]);
    }
}

TEST_CASE("a feedforward run writes the single-run bands and, for plain Hebb, the explosion window") {
    const fs::path out = scratch("hebb.json");
    const Outcome o = run({"run", "--rule", "hebb", "--steps", "300", "--out", out.string()});
    REQUIRE(o.status == 0);
    const std::string json = read(out);
    check_band(json, "norm");
    check_band(json, "alignment");
    CHECK(json.find("\"relative_error_low\":[]") != std::string::npos);
    const size_t window = json.find("\"explosion_window\":{\"low\":");
    REQUIRE(window != std::string::npos);
    const double low = std::strtod(json.c_str() + json.find("\"low\":", window) + 6, nullptr);
    const double typical = std::strtod(json.c_str() + json.find("\"typical\":", window) + 10, nullptr);
    const double high = std::strtod(json.c_str() + json.find("\"high\":", window) + 7, nullptr);
    CHECK(low > 0.0);
    CHECK(low <= typical);
    CHECK(typical <= high);

    const fs::path oja = scratch("oja_band.json");
    REQUIRE(run({"run", "--rule", "oja", "--steps", "300", "--out", oja.string()}).status == 0);
    CHECK(read(oja).find("\"explosion_window\":null") != std::string::npos);
}

TEST_CASE("a Sanger run with k > 1 writes the subspace band: null before it holds, in order after") {
    const fs::path out = scratch("sanger_band.json");
    REQUIRE(run({"run", "--rule", "sanger", "--outputs", "2", "--source", "spectrum", "--inputs", "6", "--steps",
                 "20000", "--out", out.string()})
                .status == 0);
    const std::string json = read(out);
    check_band(json, "subspace_alignment");
    const std::vector<double> low = number_array(json, "subspace_alignment_low");
    CHECK(std::isnan(low.front()));  // step 0: the band does not hold yet
    CHECK(std::isfinite(low.back()));

    // Any other run: empty arrays.
    const fs::path oja = scratch("oja_subspace.json");
    REQUIRE(run({"run", "--rule", "oja", "--steps", "100", "--out", oja.string()}).status == 0);
    CHECK(read(oja).find("\"subspace_alignment_low\":[]") != std::string::npos);
}

TEST_CASE("a recurrent run writes the matrix, its error and its response") {
    const fs::path out = scratch("recurrent.json");
    const Outcome o = run({"run", "--circuit", "recurrent", "--source", "latent", "--inputs", "6", "--alpha", "5",
                           "--steps", "2000", "--out", out.string()});
    REQUIRE(o.status == 0);
    const std::string json = read(out);
    CHECK(json.find("\"weights\":null") != std::string::npos);
    CHECK(json.find("\"recurrent\":[[") != std::string::npos);
    CHECK(json.find("\"spectral_radius\":") != std::string::npos);
    CHECK(json.find("\"relative_error\":") != std::string::npos);
    check_band(json, "relative_error");
    CHECK(json.find("explosion_window") == std::string::npos);
}

TEST_CASE("the result file's empirical covariance, when asked for, is estimated from the samples drawn") {
    const fs::path plain = scratch("no-empirical.json");
    REQUIRE(run({"run", "--steps", "200", "--out", plain.string()}).status == 0);
    CHECK(read(plain).find("empirical_covariance") == std::string::npos);
    const fs::path out = scratch("empirical.json");
    const Outcome o = run({"run", "--steps", "20000", "--empirical-covariance", "--out", out.string()});
    REQUIRE(o.status == 0);
    const std::string json = read(out);
    auto first_entry = [&json](const std::string& key) {
        const size_t at = json.find("\"" + key + "\":[[");
        REQUIRE(at != std::string::npos);
        return std::strtod(json.c_str() + at + key.size() + 5, nullptr);
    };
    const double c11 = first_entry("covariance");
    CHECK(c11 > 0.0);
    CHECK(first_entry("empirical_covariance") == doctest::Approx(c11).epsilon(0.05));
}

TEST_CASE("a heterosynaptic run settles at the norm its regime sentence predicts") {
    const fs::path out = scratch("hetero.json");
    const Outcome o = run({"run", "--rule", "hetero", "--beta", "2", "--source", "spectrum", "--inputs", "4",
                           "--lambda1", "3", "--eta", "0.0005", "--steps", "40000", "--out", out.string()});
    REQUIRE(o.status == 0);
    const std::string json = read(out);
    CHECK(json.find("Hebb + heterosynaptic term") != std::string::npos);
    const size_t at = json.find("\"norm\":");
    REQUIRE(at != std::string::npos);
    // (3 beta lambda_1)^(-1/4) = 18^(-1/4); one sample a step jitters |w| by a few percent.
    CHECK(std::strtod(json.c_str() + at + 7, nullptr) == doctest::Approx(std::pow(18.0, -0.25)).epsilon(0.08));
}

TEST_CASE("an inhibitory run holds the output rate at rho0 and mirrors the excitatory tuning") {
    // Vogels et al. 2011: whatever the drive, inhibition brings the rate to rho0 and copies
    // the excitatory tuning (inhibitory_balance.hpp derives the exact fixed point).
    for (const char* drive : {"1", "4"}) {
        CAPTURE(drive);
        const fs::path out = scratch("inhibitory.json");
        const Outcome o = run({"run", "--circuit", "inhibitory", "--drive", drive, "--rho0", "2", "--steps", "100000",
                               "--out", out.string()});
        REQUIRE(o.status == 0);
        const std::string json = read(out);
        const auto number = [&json](const char* key) {
            const size_t at = json.find(key);
            REQUIRE(at != std::string::npos);
            return std::strtod(json.c_str() + at + std::strlen(key), nullptr);
        };
        CHECK(json.find("\"circuit\":\"inhibitory\"") != std::string::npos);
        CHECK(number("\"rate\":") == doctest::Approx(2.0).epsilon(0.05));
        CHECK(number("\"rate\":") == doctest::Approx(number("\"predicted_rate\":")).epsilon(0.03));
        CHECK(number("\"co_tuning\":") >= 0.9);
        check_band(json, "rate");  // the band of single runs' rate, one point per recorded interval
    }
}

TEST_CASE("a diverging run is a result, not an error") {
    const fs::path out = scratch("explode.json");
    const Outcome o = run({"run", "--rule", "hebb", "--eta", "1", "--steps", "100000", "--out", out.string()});
    REQUIRE(o.status == 0);
    CHECK(o.out.find("diverged at step") != std::string::npos);
    const std::string json = read(out);
    CHECK(json.find("\"diverged\":true") != std::string::npos);
    CHECK(json.find("\"diverged_at_step\":null") == std::string::npos);
    CHECK(json.find("nan") == std::string::npos);
    CHECK(json.find("inf") == std::string::npos);
}

TEST_CASE("bad input exits with status 2, one line on stderr, and writes nothing") {
    struct Case {
        std::vector<std::string> args;
        const char* message;
    };
    const std::vector<Case> cases = {
        {{"run", "--data", kData + "/missing.csv"}, "cannot read data file"},
        {{"run", "--data", kData + "/ragged.csv"}, "ragged.csv: line 4: this row has 1 fields but the first has 2"},
        {{"run", "--data", kData + "/nonnumeric.csv"}, "nonnumeric.csv: line 3, column 2: 'six' is not a number"},
        {{"run", "--data", kData + "/empty.csv"}, "the file is empty"},
        {{"run", "--data", kData + "/header_only.csv"}, "header row but no data rows"},
        {{"run", "--rule", "hebbb"}, "--rule: unknown rule 'hebbb'"},
        {{"run", "--circuit", "sideways"}, "--circuit: unknown circuit"},
        {{"run", "--source", "dataset"}, "--source: unknown source 'dataset'"},
        {{"run", "--eta", "-0.1"}, "--eta: -0.1 is outside 1e-06..1"},
        {{"run", "--eta", "nan"}, "--eta: 'nan' is not a finite number"},
        {{"run", "--alpha", "inf"}, "--alpha: 'inf' is not a finite number"},
        {{"run", "--alpha", "-1"}, "--alpha: -1 is outside 0..100"},
        {{"run", "--eta", "fast"}, "--eta: 'fast' is not a number"},
        {{"run", "--outputs", "3"}, "outputs (k = 3) must be between 1 and the number of inputs N = 2"},
        {{"run", "--outputs", "2.5"}, "--outputs: '2.5' is not a whole number"},
        {{"run", "--steps", "-5"}, "--steps: -5 is out of range"},
        {{"run", "--seed", "-1"}, "--seed: '-1' is not a whole number >= 0"},
        {{"run", "--circuit", "recurrent", "--rule", "oja"}, "rule oja is for the feedforward circuit"},
        {{"run", "--source", "latent", "--data", kData + "/correlated3.csv"}, "--data, --image and --source exclude each other"},
        {{"run", "--bogus", "1"}, "unknown option '--bogus'"},
        {{"run", "--eta"}, "--eta needs a value"},
        {{"walk"}, "unknown command 'walk'"},
        {{"run", "--steps", "1e3"}, "--steps: '1e3' is not a whole number"},
        {{"run", "--steps", "2000000000"}, "--steps: 2000000000 is out of range 0..1000000000"},
        {{"run", "--seed", "18446744073709551616"}, "--seed: 18446744073709551616 is larger than 2^64 - 1"},
        {{"run", "--source", "spectrum", "--inputs", "0"}, "--inputs: 0 is outside 2..1024"},
        {{"run", "--source", "spectrum", "--inputs", "100000"}, "--inputs: 100000 is outside 2..1024"},
        {{"run", "--source", "spectrum", "--inputs", "3", "--eigenvalues", "1,,2"}, "--eigenvalues: '' is not a number"},
        {{"run", "--source", "spectrum", "--inputs", "3", "--eigenvalues", "1,2"}, "eigenvalues must list exactly N = 3"},
        {{"run", "--source", "latent", "--signals", "0"}, "--signals: 0 is outside 1..1024"},
        {{"run", "--source", "latent", "--inputs", "4", "--signals", "5"}, "signals must be between 1 and N"},
        {{"run", "--history", "5"}, "--history: 5 is outside 16..1000000"},
        {{"run", "--batch", "0"}, "--batch: 0 is outside 1..4096"},
        {{"run", "--theta-rate", "2"}, "--theta-rate: 2 is outside 0.0001..1"},
        {{"run", "--rule", "hetero", "--beta", "-1"}, "--beta: -1 is outside 0..1000"},
        {{"run", "--rule", "hetero", "--w-ref", "nan"}, "--w-ref: 'nan' is not a finite number"},
        {{"run", "--var-minor", "0"}, "--var-minor: 0 is outside 0.001..100"},
        {{"run", "--image", kData + "/missing.png"}, "cannot read image file"},
        {{"run", "--image", kData + "/not_an_image.png"}, "not a PNG or PGM image"},
        {{"run", "--image", kData + "/correlated3.csv"}, "not a PNG or PGM image"},
        {{"run", "--image", kData + "/shapes.pgm", "--source", "latent"}, "--data, --image and --source exclude each other"},
        {{"run", "--image", kData + "/shapes.pgm", "--patch", "16", "--window", "-1"}, "--window: -1 is outside 0..16"},
        {{"run", "--image", kData + "/tiny.pgm"}, "patch"},
        {{"run", "--source", "dead-leaves", "--patch", "3"}, "--patch: 3 is outside 4..16"},
        {{"run", "--source", "pink-noise", "--image-side", "100"}, "power of two"},
        {{"run", "--circuit", "inhibitory", "--rho0", "0"}, "--rho0: 0 is outside 0.001..100"},
        {{"run", "--circuit", "inhibitory", "--channels", "65"}, "--channels: 65 is outside 2..64"},
        {{"run", "--circuit", "inhibitory", "--rate-spread", "inf"}, "--rate-spread: 'inf' is not a finite number"},
        {{"run", "--circuit", "inhibitory", "--data", kData + "/correlated3.csv"}, "--data and --image do not apply to --circuit inhibitory"},
        {{"run", "--subtract-mean", "yes"}, "--subtract-mean: 'yes' is not 0 or 1"},
        {{"run", "--eta", "1e999"}, "--eta: '1e999' is not a finite number"},
        {{"run", "--eta", ""}, "--eta: '' is not a number"},
    };
    for (const Case& c : cases) {
        std::vector<std::string> args = c.args;
        const fs::path out = scratch("never.json");
        if (std::string(c.message).find("--out") == std::string::npos && args[0] == "run") {
            args.push_back("--out");
            args.push_back(out.string());
        }
        const std::string expected = c.message;
        CAPTURE(expected);
        const Outcome o = run(args);
        CHECK(o.status == 2);
        CAPTURE(o.err);
        CHECK(o.err.find(expected) != std::string::npos);
        CHECK(o.err.find('\n') == o.err.size() - 1);
        CHECK(o.out.empty());
        CHECK_FALSE(fs::exists(out));
    }
    const Outcome unwritable = run({"run", "--steps", "10", "--out", "/nonexistent-dir/result.json"});
    CHECK(unwritable.status == 2);
    CHECK(unwritable.err.find("cannot write result file '/nonexistent-dir/result.json'") != std::string::npos);
    const Outcome missing_out = run({"run", "--steps", "10"});
    CHECK(missing_out.status == 2);
    CHECK(missing_out.err.find("--out RESULT.json is required") != std::string::npos);
}

// The first `count` numbers of the array (nested or not) after `key` in a result file.
std::vector<double> numbers_after(const std::string& json, const std::string& key, size_t count) {
    std::vector<double> numbers;
    size_t at = json.find("\"" + key + "\":");
    REQUIRE(at != std::string::npos);
    at += key.size() + 3;
    while (numbers.size() < count && at < json.size()) {
        if (json[at] == '[' || json[at] == ',' || json[at] == ']') {
            ++at;
            continue;
        }
        char* end = nullptr;
        numbers.push_back(std::strtod(json.c_str() + at, &end));
        REQUIRE(end != json.c_str() + at);
        at = static_cast<size_t>(end - json.c_str());
    }
    return numbers;
}

TEST_CASE("a picture's patches (PNG or PGM alike) have the covariance computed directly from its pixels, standardised") {
    // tests/data/shapes.pgm and shapes.png hold the same 48 x 40 grey pixels (8 bits).
    std::ifstream pgm(kData + "/shapes.pgm", std::ios::binary);
    std::string header;
    for (int line = 0; line < 4; ++line) std::getline(pgm, header);  // P5, a comment, "48 40", 255
    std::vector<unsigned char> bytes(48 * 40);
    pgm.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    REQUIRE(pgm.gcount() == 48 * 40);

    // The picture standardised (grey levels to mean 0 and variance 1), then every 8 x 8
    // patch: its own mean removed, then the Gaussian window of sigma 3.
    Eigen::ArrayXd grey(48 * 40);
    for (int i = 0; i < 48 * 40; ++i) grey(i) = bytes[static_cast<size_t>(i)] / 255.0;
    grey -= grey.mean();
    grey /= std::sqrt(grey.square().mean());
    const int p = 8, n = p * p, positions = (48 - p + 1) * (40 - p + 1);
    const double centre = 0.5 * (p - 1), sigma = 3.0;
    Eigen::MatrixXd patches(n, positions);
    for (int y0 = 0, column = 0; y0 + p <= 40; ++y0)
        for (int x0 = 0; x0 + p <= 48; ++x0, ++column) {
            for (int j = 0; j < p; ++j)
                for (int i = 0; i < p; ++i) patches(j * p + i, column) = grey((y0 + j) * 48 + x0 + i);
            patches.col(column).array() -= patches.col(column).mean();
            for (int j = 0; j < p; ++j)
                for (int i = 0; i < p; ++i)
                    patches(j * p + i, column) *=
                        std::exp(-((i - centre) * (i - centre) + (j - centre) * (j - centre)) / (2 * sigma * sigma));
        }
    const Eigen::MatrixXd centred = patches.colwise() - patches.rowwise().mean();
    const Eigen::MatrixXd covariance = centred * centred.transpose() / positions;

    for (const char* file : {"shapes.pgm", "shapes.png"}) {
        CAPTURE(file);
        const fs::path out = scratch("picture.json");
        const Outcome o = run({"run", "--image", kData + "/" + file, "--rule", "oja", "--window", "3", "--eta", "0.01",
                               "--steps", "20000", "--out", out.string()});
        REQUIRE(o.status == 0);
        const std::string json = read(out);
        CHECK(json.find("\"source\":\"picture\"") != std::string::npos);
        CHECK(json.find("\"inputs\":64") != std::string::npos);
        const std::vector<double> reported = numbers_after(json, "covariance", static_cast<size_t>(n * n));
        REQUIRE(reported.size() == static_cast<size_t>(n * n));
        double worst = 0.0;
        for (int r = 0; r < n; ++r)
            for (int c = 0; c < n; ++c) worst = std::max(worst, std::abs(reported[static_cast<size_t>(r * n + c)] - covariance(r, c)));
        CHECK(worst <= 1e-12 * covariance.cwiseAbs().maxCoeff());
        CHECK(numbers_after(json, "alignment", 1)[0] >= 0.97);  // Oja's w against PC1 of those patches
    }
}

TEST_CASE("the generated images' patches are N = p^2 inputs, and Sanger learns their top components") {
    const fs::path out = scratch("dead-leaves.json");
    const Outcome o = run({"run", "--source", "dead-leaves", "--patch", "6", "--rule", "sanger", "--outputs", "3",
                           "--eta", "0.002", "--steps", "60000", "--out", out.string()});
    REQUIRE(o.status == 0);
    const std::string json = read(out);
    CHECK(json.find("\"inputs\":36") != std::string::npos);
    CHECK(json.find("\"image_width\":256") != std::string::npos);
    CHECK(numbers_after(json, "subspace_alignment", 1)[0] >= 0.9);

    const fs::path pink = scratch("pink-noise.json");
    REQUIRE(run({"run", "--source", "pink-noise", "--image-side", "128", "--steps", "10", "--out", pink.string()}).status == 0);
    CHECK(read(pink).find("\"image_width\":128") != std::string::npos);
}

TEST_CASE("the runner learns the first principal component of a CSV data set") {
    const fs::path out = scratch("data.json");
    const Outcome o = run({"run", "--data", kData + "/correlated3.csv", "--rule", "oja", "--eta", "0.002",
                           "--steps", "20000", "--out", out.string()});
    REQUIRE(o.status == 0);
    const std::string json = read(out);
    const size_t at = json.find("\"alignment\":");
    REQUIRE(at != std::string::npos);
    CHECK(std::stod(json.substr(at + 12)) >= 0.999);
}

namespace {

// The text between "<!-- NAME:begin" and "<!-- NAME:end -->" in the README, without the marker lines.
std::string readme_block(const std::string& readme, const std::string& name) {
    const size_t begin = readme.find("<!-- " + name + ":begin");
    const size_t end = readme.find("<!-- " + name + ":end -->");
    REQUIRE(begin != std::string::npos);
    REQUIRE(end != std::string::npos);
    const size_t first = readme.find('\n', begin) + 1;
    return readme.substr(first, end - first);
}

}  // namespace

TEST_CASE("the README's parameter tables are the ones the code prints (hebbian parameters)") {
    const std::string readme = read(HEBBIAN_README);
    const Outcome o = run({"parameters"});
    REQUIRE(o.status == 0);
    CHECK(o.out == hebbian::embed::page_settings_markdown() + "\n" + hebbian::parameter_table_markdown());
    CHECK(readme_block(readme, "page-settings") == hebbian::embed::page_settings_markdown());
    CHECK(readme_block(readme, "parameters") == hebbian::parameter_table_markdown());
}
