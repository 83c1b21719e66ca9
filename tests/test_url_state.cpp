// The page address: every key sets its field, every kind of bad value is repaired
// (clamped, or replaced by the view's default) with a correction naming it, unknown keys
// are listed, and the address written back reproduces the state exactly.
#include <doctest.h>

#include <cmath>
#include <string>

#include "embed/page_state.hpp"

using namespace hebbian;
using namespace hebbian::embed;

namespace {

SettingsResult parse(const std::string& query) { return parse_page_address(query, ""); }

// The one correction of a result (fails the test when there is not exactly one).
Correction only_correction(const SettingsResult& r) {
    REQUIRE(r.corrections.size() == 1);
    return r.corrections.front();
}

const SimParams& params(const SettingsResult& r) { return r.state.setup.params; }

}  // namespace

TEST_CASE("an empty address gives the feedforward view's defaults, playing, not embedded") {
    const SettingsResult r = parse("");
    CHECK(r.corrections.empty());
    CHECK(r.unknown_keys.empty());
    CHECK(r.state.view == View::Feedforward);
    CHECK(r.state.autoplay);
    CHECK_FALSE(r.state.embed);
    CHECK(same_page_state(r.state, PageState{}));
}

TEST_CASE("every key sets its field") {
    const SettingsResult r = parse(
        "?view=feedforward&embed=1&autoplay=0&speed=40&source=latent&N=12&rule=sanger&k=3&eta=0.005&alpha=2.5"
        "&theta_rate=0.2&lambda1=3&ratio=0.4&signals=2&signal_var=0.5&noise_var=0.7&baseline=0.3&subtract_mean=0"
        "&batch=16&seed=18446744073709551615&var_major=2&var_minor=0.5&angle=-45");
    CHECK(r.corrections.empty());
    const SimParams& p = params(r);
    CHECK(r.state.embed);
    CHECK_FALSE(r.state.autoplay);
    CHECK(r.state.setup.speed == 40);
    CHECK(p.source.kind == SourceKind::Latent);
    CHECK(p.source.inputs == 12);
    CHECK(p.learning.rule == Rule::Sanger);
    CHECK(p.learning.outputs == 3);
    CHECK(p.learning.eta == 0.005);
    CHECK(p.learning.alpha == 2.5);
    CHECK(p.learning.theta_rate == 0.2);
    CHECK(p.source.lambda1 == 3);
    CHECK(p.source.ratio == 0.4);
    CHECK(p.source.signals == 2);
    CHECK(p.source.signal_variance == 0.5);
    CHECK(p.source.noise_variance == 0.7);
    CHECK(p.source.baseline == 0.3);
    CHECK_FALSE(p.subtract_mean);
    CHECK(p.batch == 16);
    CHECK(p.seed == 18446744073709551615ULL);
    CHECK(p.source.variance_major == 2);
    CHECK(p.source.variance_minor == 0.5);
    CHECK(p.source.angle_deg == -45);
}

TEST_CASE("a view key starts from that view's defaults") {
    const SettingsResult r = parse("?alpha=7&view=recurrent");
    CHECK(r.state.view == View::Recurrent);
    CHECK(params(r).circuit == Circuit::Recurrent);
    CHECK(params(r).learning.eta == default_setup(View::Recurrent).params.learning.eta);
    CHECK(params(r).learning.alpha == 7);  // applied after the view, whatever the order in the address
    CHECK(r.state.setup.speed == default_setup(View::Recurrent).speed);
}

TEST_CASE("the stabilizers view opens on its spectrum source, and its link keeps what was changed") {
    const SettingsResult r = parse("?view=stabilizers&beta=2");
    CHECK(r.corrections.empty());
    CHECK(r.state.view == View::Stabilizers);
    CHECK(params(r).source.kind == SourceKind::Spectrum);
    CHECK(params(r).learning.beta == 2);
    CHECK(r.state.setup.speed == default_setup(View::Stabilizers).speed);
    CHECK(page_query(r.state) == "view=stabilizers&beta=2&seed=1");
}

TEST_CASE("the fragment works like the query string and wins over it") {
    const SettingsResult r = parse_page_address("?eta=0.2&seed=5", "#eta=0.3");
    CHECK(params(r).learning.eta == 0.3);
    CHECK(params(r).seed == 5);
    CHECK(r.corrections.empty());
}

TEST_CASE("play is an older name of autoplay") { CHECK_FALSE(parse("?play=0").state.autoplay); }

TEST_CASE("an address that names autoplay says so (it overrides a preference for reduced motion)") {
    CHECK_FALSE(parse("?view=recurrent").autoplay_given);
    CHECK(parse("?autoplay=1").autoplay_given);
    CHECK(parse("?play=1").autoplay_given);
    CHECK(parse("?autoplay=0").autoplay_given);
}

TEST_CASE("theme is light, dark or auto; auto is the default and is not written back") {
    CHECK(parse("").state.theme == Theme::Auto);
    CHECK(parse("?theme=light").state.theme == Theme::Light);
    CHECK(parse("?theme=dark").state.theme == Theme::Dark);
    CHECK(page_query(parse("?view=recurrent&seed=3").state).find("theme") == std::string::npos);
    CHECK(page_query(parse("?theme=light").state).find("theme=light") != std::string::npos);
    const SettingsResult bad = parse("?theme=sepia");
    CHECK(bad.state.theme == Theme::Auto);
    const Correction c = only_correction(bad);
    CHECK(c.key == "theme");
    CHECK(c.message() == "theme=sepia: not one of auto|light|dark; using auto");
}

TEST_CASE("unknown keys are listed and change nothing") {
    const SettingsResult r = parse("?colour=red&eta=0.5&Eta=3");
    REQUIRE(r.unknown_keys.size() == 2);
    CHECK(r.unknown_keys[0] == "colour");
    CHECK(r.unknown_keys[1] == "Eta");
    CHECK(params(r).learning.eta == 0.5);
    CHECK(r.corrections.empty());
}

TEST_CASE("an empty value is replaced by the default") {
    const Correction c = only_correction(parse("?eta="));
    CHECK(c.key == "eta");
    CHECK(c.value.empty());
    CHECK(c.reason == "empty");
    CHECK(c.used == "0.01");
    CHECK(c.message() == "eta=: empty; using 0.01");
}

TEST_CASE("a non-numeric value is replaced by the default") {
    const SettingsResult r = parse("?alpha=abc");
    CHECK(params(r).learning.alpha == 1.0);
    const Correction c = only_correction(r);
    CHECK(c.message() == "alpha=abc: not a number; using 1");
}

TEST_CASE("NaN is replaced by the default") {
    for (const char* nan : {"nan", "NaN", "-nan"}) {
        const SettingsResult r = parse(std::string("?eta=") + nan);
        CHECK(params(r).learning.eta == 0.01);
        CHECK(only_correction(r).reason == "not a finite number");
    }
}

TEST_CASE("Infinity, and numbers too large for a double, are replaced by the default") {
    for (const char* infinite : {"Infinity", "-inf", "1e999"}) {
        const SettingsResult r = parse(std::string("?alpha=") + infinite);
        CHECK(params(r).learning.alpha == 1.0);
        CHECK(only_correction(r).reason == "not a finite number");
    }
}

TEST_CASE("a negative value below the range is clamped to its minimum") {
    const SettingsResult r = parse("?alpha=-3&eta=-0.5");
    CHECK(params(r).learning.alpha == 0.0);
    CHECK(params(r).learning.eta == 1e-6);
    REQUIRE(r.corrections.size() == 2);
    CHECK(r.corrections[0].message() == "eta=-0.5: below the minimum 1e-06; using 1e-06");
    CHECK(r.corrections[1].message() == "alpha=-3: below the minimum 0; using 0");
}

TEST_CASE("a huge value is clamped to its maximum") {
    const SettingsResult r = parse("?eta=1e300&speed=99999999999");
    CHECK(params(r).learning.eta == 1.0);
    CHECK(r.state.setup.speed == kMaxSpeed);
    REQUIRE(r.corrections.size() == 2);
    CHECK(r.corrections[0].reason == "above the maximum 5000");
    CHECK(r.corrections[1].reason == "above the maximum 1");
}

TEST_CASE("a value of the wrong type is replaced by the default") {
    const SettingsResult r = parse("?N=2.5&rule=7&embed=yes&view=3&source=true&seed=1.5&k=x");
    CHECK(r.state.view == View::Feedforward);
    CHECK(params(r).source.inputs == 8);
    CHECK(params(r).learning.rule == Rule::Decay);
    CHECK(params(r).learning.outputs == 1);
    CHECK(params(r).seed == 1);
    CHECK_FALSE(r.state.embed);
    REQUIRE(r.corrections.size() == 7);
    CHECK(r.corrections[0].message() == "embed=yes: not 0 or 1; using 0");
    CHECK(r.corrections[1].message() == "view=3: not one of feedforward|recurrent|amplification|appendix|stabilizers|receptive; using feedforward");
    CHECK(r.corrections[2].reason == "not one of gaussian2d|spectrum|latent|dead-leaves|pink-noise");
    CHECK(r.corrections[3].message() == "N=2.5: not a whole number; using 8");
    CHECK(r.corrections[4].key == "rule");
    CHECK(r.corrections[5].message() == "k=x: not a number; using 1");
    CHECK(r.corrections[6].reason == "not a whole number in 0..18446744073709551615");
}

TEST_CASE("N beyond the cap is clamped to the cap") {
    const SettingsResult r = parse("?source=spectrum&N=5000");
    CHECK(params(r).source.inputs == kMaxInputs);
    CHECK(only_correction(r).message() == "N=5000: above the maximum " + std::to_string(kMaxInputs) +
                                              "; using " + std::to_string(kMaxInputs));
}

TEST_CASE("k beyond N is clamped to N") {
    const SettingsResult r = parse("?source=spectrum&N=6&k=9");
    CHECK(params(r).learning.outputs == 6);
    CHECK(only_correction(r).message() == "k=9: above N = 6; using 6");
}

TEST_CASE("k and signals follow a smaller N even when they are not in the address") {
    PageState state;
    state.setup.params.source.kind = SourceKind::Latent;
    state.setup.params.learning.outputs = 4;
    state.setup.params.source.signals = 5;
    const SettingsResult r = apply_settings(state, {{"N", "3"}}, default_setups());
    CHECK(r.state.setup.params.learning.outputs == 3);
    CHECK(r.state.setup.params.source.signals == 3);
    REQUIRE(r.corrections.size() == 2);
    CHECK(r.corrections[0].message() == "k=4: above N = 3; using 3");
}

TEST_CASE("the gaussian2d source fixes N = 2, which bounds k") {
    const SettingsResult r = parse("?k=2&N=40");
    CHECK(params(r).learning.outputs == 2);
    CHECK(r.corrections.empty());
    CHECK(only_correction(parse("?k=3")).message() == "k=3: above N = 2; using 2");
}

TEST_CASE("a rule the recurrent circuit does not take is refused") {
    const SettingsResult r = parse("?view=recurrent&rule=oja");
    CHECK(params(r).learning.rule == Rule::Decay);
    CHECK(only_correction(r).message() == "rule=oja: the recurrent circuit takes hebb or decay; using decay");
    CHECK(parse("?view=recurrent&rule=hebb").corrections.empty());
}

TEST_CASE("a data set cannot be named in the address") {
    const SettingsResult r = parse("?source=dataset");
    CHECK(params(r).source.kind == SourceKind::Gaussian2D);
    CHECK(only_correction(r).reason == "a data set cannot be named here: load a CSV file");
}

TEST_CASE("a negative or too large seed is replaced by the default") {
    CHECK(params(parse("?seed=-1")).seed == 1);
    CHECK(params(parse("?seed=18446744073709551616")).seed == 1);
    CHECK(parse("?seed=18446744073709551616").corrections.size() == 1);
}

TEST_CASE("corrections show the given value as printable text of bounded length") {
    const SettingsResult r = parse("?eta=%3Cscript%3E%0A" + std::string(60, 'x'));
    const Correction c = only_correction(r);
    CHECK(c.value.size() <= 35);
    CHECK(c.value.find('\n') == std::string::npos);
    CHECK(c.value.rfind("<script>?", 0) == 0);
}

TEST_CASE("the written address reproduces the state and names only what differs") {
    const SettingsResult r = parse("?view=recurrent&alpha=3.3&N=16&seed=77&autoplay=0&eta=0.0123456789012345");
    REQUIRE(r.corrections.empty());
    const std::string query = page_query(r.state);
    CHECK(query == "view=recurrent&autoplay=0&N=16&eta=0.0123456789012345&alpha=3.3&seed=77");
    CHECK(same_page_state(parse(query).state, r.state));
    CHECK(page_query(PageState{}) == "view=feedforward&seed=1");
}

TEST_CASE("every view's default state round-trips through its address") {
    for (View view : kAllViews) {
        PageState state;
        state.view = view;
        state.setup = default_setup(view);
        const SettingsResult back = parse(page_query(state));
        CHECK(back.corrections.empty());
        CHECK(same_page_state(back.state, state));
    }
}

TEST_CASE("doubles survive the address bit for bit") {
    PageState state;
    state.setup.params.learning.eta = 0.1 + 0.2;  // 0.30000000000000004
    state.setup.params.learning.alpha = std::nextafter(1.0, 2.0);
    const SettingsResult back = parse(page_query(state));
    CHECK(back.state.setup.params.learning.eta == state.setup.params.learning.eta);
    CHECK(back.state.setup.params.learning.alpha == state.setup.params.learning.alpha);
}

TEST_CASE("a data-set source is left out of the written address") {
    PageState state;
    state.setup.params.source.kind = SourceKind::Dataset;
    CHECK(page_query(state).find("source") == std::string::npos);
}

TEST_CASE("every page setting writes its own field") {
    const PageState defaults;
    const SettingsResult r = parse("?embed=1&view=appendix&autoplay=0&theme=dark&speed=77");
    CHECK(r.corrections.empty());
    CHECK(r.state.embed);
    CHECK(r.state.view == View::Appendix);
    CHECK_FALSE(r.state.autoplay);
    CHECK(r.state.theme == Theme::Dark);
    CHECK(r.state.setup.speed == 77);
    // Each alone changes its field and nothing else of the view's setup.
    CHECK(same_page_state(parse("?speed=5").state, defaults));
    CHECK(parse("?embed=1").state.setup.params.learning.eta == defaults.setup.params.learning.eta);
    for (const SettingSpec& spec : setting_specs()) CHECK(find_setting(spec.key) == &spec);
}
