// The parameter table (core/parameters.hpp): every entry sits at its id, keys and flags are
// unique, every entry reads and writes its own field (a write of one entry changes no other),
// ranges hold the defaults, and the rule facts every interface shares.
#include <doctest.h>

#include <set>
#include <string>

#include "core/parameters.hpp"

using namespace hebbian;

TEST_CASE("every parameter sits at its id, with a unique key and flag") {
    const std::vector<Parameter>& table = parameters();
    REQUIRE(table.size() == static_cast<size_t>(ParameterId::Count));
    std::set<std::string> keys, flags;
    for (size_t i = 0; i < table.size(); ++i) {
        CAPTURE(table[i].label);
        CHECK(static_cast<size_t>(table[i].id) == i);
        CHECK((*table[i].key || *table[i].flag));
        if (*table[i].key) CHECK(keys.insert(table[i].key).second);
        if (*table[i].flag) CHECK(flags.insert(table[i].flag).second);
        if (*table[i].key) CHECK(find_parameter(table[i].key) == &table[i]);
        if (*table[i].flag) CHECK(find_parameter_by_flag(table[i].flag) == &table[i]);
    }
    CHECK(find_parameter("bogus") == nullptr);
    CHECK(find_parameter("") == nullptr);
    CHECK(find_parameter_by_flag("--bogus") == nullptr);
}

TEST_CASE("each entry writes its own field and no other") {
    for (const Parameter& p : parameters()) {
        if (p.kind == ParameterKind::Seed) continue;  // SimParams::seed, written directly
        CAPTURE(p.label);
        SimParams params;
        const double before = p.get(params);
        const double other = p.kind == ParameterKind::Flag || p.kind == ParameterKind::Choice ? (before == 0 ? 1 : 0)
                                                                                               : (before == p.lo ? p.hi : p.lo);
        p.set(params, other);
        CHECK(p.get(params) == other);
        for (const Parameter& q : parameters())
            if (&q != &p && q.get) CHECK_MESSAGE(q.get(params) == q.get(SimParams{}), q.label);
    }
}

TEST_CASE("the defaults lie within their ranges, and the choices name the enums") {
    const SimParams defaults;
    for (const Parameter& p : parameters()) {
        CAPTURE(p.label);
        if (p.kind == ParameterKind::Real || p.kind == ParameterKind::Whole) {
            CHECK(p.get(defaults) >= p.lo);
            CHECK(p.get(defaults) <= upper_bound(p, defaults));
        }
    }
    CHECK(choice_list(parameter(ParameterId::Rule)) == "hebb|decay|oja|sanger|bcm|hetero");
    CHECK(choice_list(parameter(ParameterId::Source)) == "gaussian2d|spectrum|latent|dead-leaves|pink-noise");
    CHECK(choice_index(parameter(ParameterId::Rule), "sanger") == static_cast<int>(Rule::Sanger));
    CHECK(choice_index(parameter(ParameterId::Rule), "hebbb") == -1);
    CHECK(value_text(parameter(ParameterId::Eta), defaults) == "0.01");
    CHECK(value_text(parameter(ParameterId::Seed), defaults) == "1");
}

TEST_CASE("k and signals are bounded by N") {
    SimParams p;
    p.source.kind = SourceKind::Spectrum;
    p.source.inputs = 6;
    CHECK(upper_bound(parameter(ParameterId::Outputs), p) == 6);
    CHECK(upper_bound(parameter(ParameterId::Signals), p) == 6);
    CHECK(upper_bound(parameter(ParameterId::Eta), p) == 1);
}

TEST_CASE("the decay a rule applies and the rules a circuit takes") {
    FeedforwardParams learning;
    learning.alpha = 2.5;
    learning.rule = Rule::Decay;
    CHECK(effective_alpha(learning) == 2.5);
    for (Rule rule : {Rule::Hebb, Rule::Oja, Rule::Sanger, Rule::Bcm}) {
        learning.rule = rule;
        CHECK(effective_alpha(learning) == 0.0);
    }
    CHECK(circuit_takes(Circuit::Recurrent, Rule::Decay));
    CHECK(circuit_takes(Circuit::Recurrent, Rule::Hebb));
    CHECK_FALSE(circuit_takes(Circuit::Recurrent, Rule::Oja));
    CHECK(circuit_takes(Circuit::Feedforward, Rule::Bcm));
    CHECK(rules_of(Circuit::Recurrent) == "hebb or decay");
    CHECK(rules_of(Circuit::Feedforward) == "hebb, decay, oja, sanger, bcm or hetero");
}
