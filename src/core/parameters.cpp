// The table of simulation parameters (see parameters.hpp).
#include "parameters.hpp"

#include <algorithm>

#include "number_text.hpp"

namespace hebbian {

namespace {

using K = ParameterKind;
using S = SliderScale;
constexpr double kInputsCap = kMaxInputs;
constexpr int kRuleCount = static_cast<int>(Rule::Heterosynaptic) + 1;

std::string rule_name(int i) { return to_string(static_cast<Rule>(i)); }
std::string source_name(int i) { return to_string(static_cast<SourceKind>(i)); }
std::string circuit_name(int i) { return to_string(static_cast<Circuit>(i)); }

// Readers and writers of each field; numbers pass as doubles (whole numbers, flags and
// choice indices exactly).
#define HEBBIAN_FIELD(expr) \
    [](const SimParams& p) { return static_cast<double>(p.expr); }, \
    [](SimParams& p, double v) { p.expr = static_cast<decltype(p.expr)>(v); }
#define HEBBIAN_FLAG(expr) \
    [](const SimParams& p) { return p.expr ? 1.0 : 0.0; }, [](SimParams& p, double v) { p.expr = v != 0.0; }
#define HEBBIAN_CHOICE(expr, type) \
    [](const SimParams& p) { return static_cast<double>(static_cast<int>(p.expr)); }, \
    [](SimParams& p, double v) { p.expr = static_cast<type>(static_cast<int>(v)); }

// Built on first use (parameters()), so that other files' static tables may read it.
std::vector<Parameter> make_parameters() {
    return {
    {ParameterId::Circuit, "", "--circuit", "circuit", K::Choice, 0, 0, S::Linear, "runner",
     "feedforward: k outputs y = W x; recurrent: an all-to-all matrix W; inhibitory: balanced inhibitory "
     "plasticity (the page: the view decides)", "",
     HEBBIAN_CHOICE(circuit, Circuit), 3, circuit_name},
    {ParameterId::Source, "source", "--source", "source", K::Choice, 0, 0, S::Linear, "all",
     "input model (a data set or a picture arrive as files: the runner's --data and --image, the page's "
     "Load CSV and Load image)",
     "Input model x = A z + sigma e (z, e standard normal), covariance C = A A^T + sigma^2 I:\n"
     "  gaussian2d  N = 2, A = R(angle) diag(sqrt(var major), sqrt(var minor))\n"
     "  spectrum    A = Q diag(sqrt(lambda_i)), lambda_i = lambda_1 ratio^(i-1), Q a random\n"
     "              butterfly rotation (Parker 1995): O(N log N) a sample\n"
     "  latent      A = sqrt(signal var) L (N x k loadings), sigma^2 = noise var (private)\n"
     "Image patches (N = patch^2), C their exact covariance over all positions:\n"
     "  dead-leaves  occluding discs of power-law sizes (Lee, Mumford and Huang 2001): edges\n"
     "  pink-noise   a Gaussian field with a 1/f^2 power spectrum: no edges\n"
     "  (and the runner's --image or the page's Load image: a picture of your own)",
     HEBBIAN_CHOICE(source.kind, SourceKind), kNamedSources, source_name},
    {ParameterId::Inputs, "N", "--inputs", "inputs N", K::Whole, 2, kInputsCap, S::Log, "spectrum, latent",
     "input neurons N (gaussian2d: always 2; a data set: its columns)",
     "x has N entries and C is N x N. N stops at 1024 so the page stays under its 256 MiB heap "
     "(measured: 94 MiB at N = 1024); large N also costs O(N^2) per sample in the recurrent circuit.",
     HEBBIAN_FIELD(source.inputs), 0, nullptr},
    {ParameterId::Rule, "rule", "--rule", "rule", K::Choice, 0, 0, S::Linear, "all (recurrent: hebb or decay)", "learning rule",
     "  hebb    dw = eta y x                 |w| grows like (1 + eta lambda_1)^t\n"
     "  decay   dw = eta (y x - alpha w)     fixed point C w = alpha w\n"
     "  oja     dw = eta y (x - y w)         |w| -> 1, w -> PC1\n"
     "  sanger  dW = eta (y x^T - LT[y y^T] W)  rows -> PC1..PCk\n"
     "  bcm     dw = eta y (y - theta) x,  dtheta = rate (y^2 - theta)\n"
     "  hetero  dw = eta (y x - beta (w - w_ref) y^4)  bounded; w -> PC1\n"
     "The recurrent circuit: decay dW = eta (x x^T - alpha W) -> W = C / alpha, or hebb (alpha = 0).",
     HEBBIAN_CHOICE(learning.rule, Rule), kRuleCount, rule_name},
    {ParameterId::Outputs, "k", "--outputs", "outputs k", K::Whole, 1, kInputsCap, S::Linear, "feedforward",
     "output neurons k, at most N",
     "y = W x with W a k x N matrix, one row w_i per output. Sanger's rule makes row i learn PC i; "
     "the other rules treat each row alone.",
     HEBBIAN_FIELD(learning.outputs), 0, nullptr},
    {ParameterId::Eta, "eta", "--eta", "eta", K::Real, 1e-6, 1, S::Log, "all", "learning rate",
     "The step size of every rule, e.g. dw = eta (y x - alpha w). Plain Hebb grows by (1 + eta lambda_1) per "
     "step; the recurrent decay run closes its gap by (1 - eta alpha) per step and needs eta alpha < 2.",
     HEBBIAN_FIELD(learning.eta), 0, nullptr},
    {ParameterId::Alpha, "alpha", "--alpha", "alpha", K::Real, 0, 100, S::Log, "decay", "decay rate",
     "dw = eta (y x - alpha w) (feedforward) and dW = eta (x x^T - alpha W) (recurrent). Feedforward: |w| "
     "shrinks, holds or grows as alpha >, =, < lambda_1. Recurrent: W -> C / alpha, and the response "
     "(I - W)^-1 x exists only when alpha > lambda_1.",
     HEBBIAN_FIELD(learning.alpha), 0, nullptr},
    {ParameterId::ThetaRate, "theta_rate", "--theta-rate", "theta rate", K::Real, 1e-4, 1, S::Log, "bcm", "BCM threshold rate",
     "dtheta = rate (y^2 - theta): how fast the sliding threshold tracks <y^2>. When the threshold is about "
     "as slow as the weights (a small rate against eta), the weights and the threshold chase each other "
     "and oscillate (Udeigwe, Munro and Ermentrout 2017); a fast threshold settles.",
     HEBBIAN_FIELD(learning.theta_rate), 0, nullptr},
    {ParameterId::Beta, "beta", "--beta", "beta", K::Real, 0, 1000, S::Log, "hetero", "heterosynaptic strength",
     "dw = eta (y x - beta (w - w_ref) y^4) (Zenke, Agnes and Gerstner 2015): an active output pulls every "
     "synapse towards w_ref, silent ones included. For Gaussian inputs and w_ref = 0, |w| settles at "
     "(3 beta lambda_1)^(-1/4).",
     HEBBIAN_FIELD(learning.beta), 0, nullptr},
    {ParameterId::WRef, "w_ref", "--w-ref", "w_ref", K::Real, -10, 10, S::Linear, "hetero",
     "the weight the heterosynaptic term pulls towards",
     "The reference weight of dw = eta (y x - beta (w - w_ref) y^4): with an active output, a silent "
     "synapse relaxes to w_ref.",
     HEBBIAN_FIELD(learning.w_ref), 0, nullptr},
    {ParameterId::InhibitoryEta, "inh_eta", "--inh-eta", "inh. eta", K::Real, 1e-6, 1, S::Log, "inhibitory",
     "inhibitory learning rate",
     "dw_inh_j = inh_eta s_j (y - rho0), w_inh >= 0 (Vogels et al. 2011, rate form): inhibition grows on "
     "channels active while the output fires above rho0 and shrinks while it fires below.",
     HEBBIAN_FIELD(inhibition.eta), 0, nullptr},
    {ParameterId::TargetRate, "rho0", "--rho0", "rho0", K::Real, 1e-3, 100, S::Log, "inhibitory",
     "the output rate inhibition steers to",
     "The target rate of dw_inh_j = eta s_j (y - rho0). The rate settles at rho0 M m^2 / (v + M m^2), within "
     "1% of rho0 at the defaults, whatever the excitatory drive.",
     HEBBIAN_FIELD(inhibition.target_rate), 0, nullptr},
    {ParameterId::Drive, "drive", "--drive", "drive", K::Real, 1e-3, 100, S::Log, "inhibitory",
     "scale of the fixed excitatory weights",
     "w_exc_j = drive (0.2 + exp(-(j - M/2)^2 / (2 width^2))): a stronger drive is met by stronger "
     "inhibition, and the rate still settles at rho0.",
     HEBBIAN_FIELD(inhibition.drive), 0, nullptr},
    {ParameterId::Channels, "channels", "--channels", "channels", K::Whole, 2, 64, S::Linear, "inhibitory",
     "input channels M",
     "Each channel carries one rate s_j to an excitatory and an inhibitory synapse.",
     HEBBIAN_FIELD(inhibition.channels), 0, nullptr},
    {ParameterId::TuningWidth, "tuning_width", "--tuning-width", "tuning width", K::Real, 0.1, 64, S::Log, "inhibitory",
     "width of the excitatory tuning, in channels",
     "The Gaussian bump of w_exc around the preferred channel M/2; the learned inhibition copies it.",
     HEBBIAN_FIELD(inhibition.tuning_width), 0, nullptr},
    {ParameterId::InputRate, "input_rate", "--input-rate", "input rate", K::Real, 1e-3, 100, S::Log, "inhibitory",
     "mean rate m of every input channel",
     "s_j = m exp(sigma xi_j - sigma^2 / 2), xi_j standard normal: mean m, variance v = m^2 (exp(sigma^2) - 1).",
     HEBBIAN_FIELD(inhibition.mean_rate), 0, nullptr},
    {ParameterId::RateSpread, "rate_spread", "--rate-spread", "rate spread", K::Real, 0, 2, S::Linear, "inhibitory",
     "sigma of the lognormal input rates",
     "How much the channels' rates vary from sample to sample; 0 makes every channel fire at m, and the "
     "channels cannot be told apart (the co-tuning needs variation).",
     HEBBIAN_FIELD(inhibition.rate_spread), 0, nullptr},
    {ParameterId::VarianceMajor, "var_major", "--var-major", "var major", K::Real, 1e-3, 100, S::Log, "gaussian2d",
     "variance along the major axis (lambda_1)", "The largest eigenvalue of C.",
     HEBBIAN_FIELD(source.variance_major), 0, nullptr},
    {ParameterId::VarianceMinor, "var_minor", "--var-minor", "var minor", K::Real, 1e-3, 100, S::Log, "gaussian2d",
     "variance along the minor axis", "lambda_2 of C.", HEBBIAN_FIELD(source.variance_minor), 0, nullptr},
    {ParameterId::Angle, "angle", "--angle", "angle", K::Real, -180, 180, S::Linear, "gaussian2d", "angle of the major axis, degrees",
     "PC1's angle from the x axis: A = R(angle) diag(...).", HEBBIAN_FIELD(source.angle_deg), 0, nullptr},
    {ParameterId::Lambda1, "lambda1", "--lambda1", "lambda_1", K::Real, 1e-3, 100, S::Log, "spectrum", "largest eigenvalue",
     "lambda_i = lambda_1 ratio^(i-1).", HEBBIAN_FIELD(source.lambda1), 0, nullptr},
    {ParameterId::Ratio, "ratio", "--ratio", "ratio", K::Real, 0.01, 1, S::Linear, "spectrum", "ratio of successive eigenvalues",
     "lambda_(i+1) = ratio lambda_i. Close to 1 makes PC1 hard to single out.", HEBBIAN_FIELD(source.ratio), 0,
     nullptr},
    {ParameterId::Signals, "signals", "--signals", "signals", K::Whole, 1, kInputsCap, S::Linear, "latent", "shared signals, at most N",
     "Number k of shared latent signals z (x = sqrt(signal var) L z + sigma e); every stream mixes all k of "
     "them through its loadings L.",
     HEBBIAN_FIELD(source.signals), 0, nullptr},
    {ParameterId::SignalVariance, "signal_var", "--signal-var", "signal var", K::Real, 1e-3, 100, S::Log, "latent",
     "variance of each shared signal",
     "A = sqrt(signal var) L, so the shared part of stream i has variance signal var |L_i|^2.",
     HEBBIAN_FIELD(source.signal_variance), 0, nullptr},
    {ParameterId::NoiseVariance, "noise_var", "--noise-var", "noise var", K::Real, 0, 100, S::Log, "latent",
     "variance of each stream's private noise",
     "sigma^2, the private (spurious) noise of each stream: C = A A^T + sigma^2 I; spurious share of stream "
     "i = sigma^2 / C_ii.",
     HEBBIAN_FIELD(source.noise_variance), 0, nullptr},
    {ParameterId::Patch, "patch", "--patch", "patch side", K::Whole, kMinPatchSide, kMaxPatchSide, S::Linear, "dead-leaves, pink-noise, picture",
     "patch side p in pixels: N = p^2 inputs",
     "Each sample is a p x p patch of the image at a random position, pixel (i, j) at input j p + i. Small "
     "patches see edges and gradients; larger ones also textures.",
     HEBBIAN_FIELD(source.patches.side), 0, nullptr},
    {ParameterId::ImageSide, "image_side", "--image-side", "image side", K::Whole, kMinGeneratedSide, kMaxGeneratedSide,
     S::Log, "dead-leaves, pink-noise", "side of the generated image in pixels (pink-noise: a power of two)",
     "The seed draws the image; a larger one holds more distinct patches (the covariance is exact either way).",
     HEBBIAN_FIELD(source.image_side), 0, nullptr},
    {ParameterId::Window, "window", "--window", "window sigma", K::Real, 0, 16, S::Linear, "dead-leaves, pink-noise, picture",
     "sigma of a Gaussian window over each patch, in pixels (0: none)",
     "x_ij = exp(-r_ij^2 / (2 sigma^2)) (patch_ij - mean) with r_ij the distance to the patch centre, as "
     "Hancock, Baddeley and Smith (1992) did: the first component becomes a centre blob of one sign.",
     HEBBIAN_FIELD(source.patches.window_sigma), 0, nullptr},
    {ParameterId::PatchMean, "patch_mean", "--patch-mean", "remove patch mean", K::Flag, 0, 1, S::Linear, "dead-leaves, pink-noise, picture",
     "1: subtract each patch's own mean grey level (before the window)",
     "Without it the brightness of the patch as a whole dominates the first component.",
     HEBBIAN_FLAG(source.patches.remove_mean), 0, nullptr},
    {ParameterId::UnitNorm, "unit_norm", "--unit-norm", "unit length", K::Flag, 0, 1, S::Linear, "dead-leaves, pink-noise, picture",
     "1: scale each patch to unit length (after the window)",
     "Contrast normalisation: every patch counts the same, whatever its contrast.",
     HEBBIAN_FLAG(source.patches.unit_norm), 0, nullptr},
    {ParameterId::Baseline, "baseline", "--baseline", "baseline", K::Real, -100, 100, S::Linear, "all", "constant added to every input",
     "A mean firing rate m. With 'subtract mean' the circuit sees x - m; without it, C + m m^T drags w "
     "towards the mean.",
     HEBBIAN_FIELD(source.baseline), 0, nullptr},
    {ParameterId::SubtractMean, "subtract_mean", "--subtract-mean", "subtract mean", K::Flag, 0, 1, S::Linear, "all",
     "1: feed x - mean (the offset rule); 0: feed x",
     "With the offset the rule sees the covariance C; without it the second moment C + m m^T.",
     HEBBIAN_FLAG(subtract_mean), 0, nullptr},
    {ParameterId::Batch, "batch", "--batch", "batch", K::Whole, 1, kMaxBatch, S::Log, "all", "samples averaged per learning step",
     "dw = eta <y x - alpha w> over the batch (1 = online).", HEBBIAN_FIELD(batch), 0, nullptr},
    {ParameterId::Seed, "seed", "--seed", "seed", K::Seed, 0, 0, S::Linear, "all",
     "random seed: the source model, the initial weights, the samples",
     "Fixes the source model (rotation, loadings), the initial weights w_0 = 0.1 N(0, 1) and the input "
     "stream. Equal seeds give identical inputs.",
     nullptr, nullptr, 0, nullptr},
    {ParameterId::InitScale, "", "--init-scale", "init scale", K::Real, 1e-6, 10, S::Log, "feedforward (runner)",
     "initial weights init_scale N(0, 1)", "", HEBBIAN_FIELD(init_scale), 0, nullptr},
    {ParameterId::History, "", "--history", "history", K::Whole, 16, 1e6, S::Log, "runner", "points kept per history series", "",
     HEBBIAN_FIELD(history_capacity), 0, nullptr},
    };
}

#undef HEBBIAN_FIELD
#undef HEBBIAN_FLAG
#undef HEBBIAN_CHOICE

// Markdown of a range: "1e-06..1", "0, 1", "hebb, decay, ..."
std::string range_text(const Parameter& p) {
    switch (p.kind) {
        case K::Real:
        case K::Whole: {
            const std::string hi = bounded_by_inputs(p) ? "N" : exact_number(p.hi);
            return exact_number(p.lo) + ".." + hi;
        }
        case K::Seed: return "0..2^64-1";
        case K::Flag: return "`0`, `1`";
        case K::Choice: return "`" + choice_list(p, "`, `") + "`";
    }
    return "";
}

std::string code_or_dash(const char* text) { return *text ? "`" + std::string(text) + "`" : "-"; }

}  // namespace

const std::vector<Parameter>& parameters() {
    static const std::vector<Parameter> table = make_parameters();
    return table;
}

const Parameter& parameter(ParameterId id) { return parameters()[static_cast<size_t>(id)]; }

const Parameter* find_parameter(std::string_view key) {
    if (key.empty()) return nullptr;
    for (const Parameter& p : parameters())
        if (key == p.key) return &p;
    return nullptr;
}

const Parameter* find_parameter_by_flag(std::string_view flag) {
    if (flag.empty()) return nullptr;
    for (const Parameter& p : parameters())
        if (flag == p.flag) return &p;
    return nullptr;
}

std::string choice_list(const Parameter& parameter, const char* separator) {
    std::string out;
    for (int i = 0; i < parameter.choice_count; ++i) out += (i ? separator : "") + parameter.choice_name(i);
    return out;
}

int choice_index(const Parameter& parameter, std::string_view name) {
    for (int i = 0; i < parameter.choice_count; ++i)
        if (parameter.choice_name(i) == name) return i;
    return -1;
}

double upper_bound(const Parameter& parameter, const SimParams& params) {
    if (bounded_by_inputs(parameter)) return std::min(parameter.hi, double(input_count(params.source)));
    return parameter.hi;
}

bool bounded_by_inputs(const Parameter& parameter) {
    return parameter.id == ParameterId::Outputs || parameter.id == ParameterId::Signals;
}

std::string value_text(const Parameter& parameter, const SimParams& params) {
    switch (parameter.kind) {
        case K::Real: return exact_number(parameter.get(params));
        case K::Whole: return std::to_string(static_cast<long long>(parameter.get(params)));
        case K::Seed: return std::to_string(params.seed);
        case K::Flag: return parameter.get(params) != 0.0 ? "1" : "0";
        case K::Choice: {
            const int index = static_cast<int>(parameter.get(params));
            return index < parameter.choice_count ? parameter.choice_name(index) : to_string(params.source.kind);
        }
    }
    return "";
}

double effective_alpha(const FeedforwardParams& learning) {
    return learning.rule == Rule::Decay ? learning.alpha : 0.0;
}

bool circuit_takes(Circuit circuit, Rule rule) {
    return circuit == Circuit::Feedforward ||
           (circuit == Circuit::Recurrent && (rule == Rule::Hebb || rule == Rule::Decay));
}

std::string rules_of(Circuit circuit) {
    std::vector<std::string> names;
    for (int i = 0; i < kRuleCount; ++i)
        if (circuit_takes(circuit, static_cast<Rule>(i))) names.push_back(rule_name(i));
    std::string out;
    for (size_t i = 0; i < names.size(); ++i)
        out += (i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + names[i];
    return out;
}

std::string parameter_table_markdown() {
    const SimParams defaults;
    std::string out = "| key | runner flag | range | default | meaning | applies to |\n|---|---|---|---|---|---|\n";
    for (const Parameter& p : parameters())
        out += "| " + code_or_dash(p.key) + " | " + code_or_dash(p.flag) + " | " + range_text(p) + " | `" +
               value_text(p, defaults) + "` | " + p.meaning + " | " + p.applies + " |\n";
    return out;
}

}  // namespace hebbian
