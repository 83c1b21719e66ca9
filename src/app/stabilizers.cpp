// The stabilizers view's words and numbers (see stabilizers.hpp).
#include "app/stabilizers.hpp"

#include <cmath>

#include "app/axis_scale.hpp"
#include "app/band.hpp"
#include "core/analysis.hpp"

namespace hebbian::app {

namespace {

const StabilizerFacts kHebb{"plain Hebb", "Hebb", "dw = eta y x", "nothing: x_i and y (and nothing stops it)"};
const StabilizerFacts kDecay{"Hebb with decay", "decay", "dw = eta (y x - alpha w)",
                             "alpha tuned to lambda_1, a property of all its inputs"};
const StabilizerFacts kOja{"Oja", "Oja", "dw = eta y (x - y w)", "y^2 at every synapse: a neuron-wide normaliser"};
const StabilizerFacts kBcm{"BCM", "BCM", "dw = eta y (y - theta) x,  dtheta = theta_rate (y^2 - theta)",
                           "a threshold theta: a running average of y^2"};
const StabilizerFacts kHetero{"heterosynaptic", "hetero", "dw = eta (y x - beta (w - w_ref) y^4)",
                              "y^4 at every synapse, silent ones too, and w_ref"};
const StabilizerFacts kBalance{"inhibition", "inhibition",
                               "dw_inh_j = eta s_j (y - rho0),  w_inh >= 0,  y = [sum_j (w_exc_j - w_inh_j) s_j]_+",
                               "a target rate rho0 for its output"};

double last(const std::vector<double>& series) { return series.empty() ? std::nan("") : series.back(); }

std::string diverged_text(const Simulation& sim) { return "diverged at step " + std::to_string(sim.divergence().step); }

}  // namespace

const StabilizerFacts& stabilizer_facts(Rule rule) {
    switch (rule) {
        case Rule::Hebb: return kHebb;
        case Rule::Decay: return kDecay;
        case Rule::Oja:
        case Rule::Sanger: return kOja;
        case Rule::Bcm: return kBcm;
        case Rule::Heterosynaptic: return kHetero;
    }
    return kHebb;
}

const StabilizerFacts& balance_facts() { return kBalance; }

StabilizerRow stabilizer_row(const Simulation& sim) {
    const History& h = sim.history();
    StabilizerRow row;
    row.now = sim.divergence().diverged
                  ? diverged_text(sim)
                  : "|w| " + format_number(last(h.norm)) + "\ncos " + format_number(last(h.alignment));
    const double lambda1 = sim.components().values(0), alpha = sim.params().learning.alpha;
    const DecayRegime regime = decay_regime(alpha, lambda1);
    const std::string compared = " (" + format_number(alpha) +
                                 (regime == DecayRegime::NormShrinks ? " > " : regime == DecayRegime::NormGrows ? " < " : " = ") +
                                 format_number(lambda1) + ")";
    switch (sim.params().learning.rule) {
        case Rule::Hebb:
            row = {row.now, "no", "infinity: (1 + eta lambda_1)^t", "yes, until it diverges"};
            break;
        case Rule::Decay:
            row.direction = "yes, whatever alpha is";
            if (regime == DecayRegime::NormShrinks) {
                row.bounded = "yes: alpha > lambda_1" + compared;
                row.norm = "0: (1 - eta (alpha - lambda_1))^t";
            } else if (regime == DecayRegime::NormGrows) {
                row.bounded = "no: alpha < lambda_1" + compared;
                row.norm = "infinity: (1 + eta (lambda_1 - alpha))^t";
            } else {
                row.bounded = "only at alpha = lambda_1" + compared;
                row.norm = "|w_0 . PC1| in the mean; the noise walks it away";
            }
            break;
        case Rule::Oja:
        case Rule::Sanger:
            row.bounded = "yes";
            row.norm = "1";
            row.direction = "yes";
            break;
        case Rule::Bcm:
            row.bounded = "yes: theta grows with y^2";
            row.norm = "to 0, slowly: Gaussian inputs hold no pattern";
            row.direction = "no: -eta theta C w shrinks PC1 first";
            break;
        case Rule::Heterosynaptic:
            row.bounded = "yes";
            row.norm = sim.params().learning.w_ref == 0.0
                           ? "(3 beta lambda_1)^(-1/4) = " + format_number(*sim.fixed_norm())
                           : "a fixed norm (a closed form needs w_ref = 0)";
            row.direction = "yes";
            break;
    }
    return row;
}

StabilizerRow balance_row(const InhibitoryBalance& balance) {
    StabilizerRow row;
    // "rate 1.01\ninside its 90% band (0.95-1.05)\nco-tuning 0.98": the band's words on a line of their own.
    const std::string band = rate_band_words(balance, true);
    row.now = "rate " + format_number(last(balance.history_rate())) + (band.empty() ? "" : "\n" + band.substr(2)) +
              "\nco-tuning " + format_number(balance.co_tuning());
    row.bounded = "yes: the output rate is held";
    row.norm = "w_exc - w_inh -> " + format_number(balance.predicted_net_weight()) + " each; rate -> " +
               format_number(balance.predicted_rate());
    row.direction = "inhibition copies the excitatory tuning";
    return row;
}

std::string stabilizer_status(const Simulation& sim, bool brief) {
    const std::string name = stabilizer_facts(sim.params().learning.rule).short_name;
    if (sim.divergence().diverged) return name + ": " + (brief ? "diverged" : diverged_text(sim));
    const std::string norm = name + " |w| " + format_number(last(sim.history().norm));
    return brief ? norm : norm + ", cos " + format_number(last(sim.history().alignment));
}

std::string rate_band_words(const InhibitoryBalance& balance, bool brief) {
    const std::vector<double>& rate = balance.history_rate();
    const std::string words = rate.empty() ? "" : band_words(rate.back(), last_rate_band(balance), brief);
    return words.empty() ? "" : ", " + words;
}

std::string balance_status(const InhibitoryBalance& balance, bool brief) {
    const std::string rate = format_number(last(balance.history_rate()));
    if (brief) return "inh. rate " + rate;
    return std::string(balance_facts().short_name) + ": rate " + rate + rate_band_words(balance, true) + " (rho0 " +
           format_number(balance.params().target_rate) + ")";
}

}  // namespace hebbian::app
