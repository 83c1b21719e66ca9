// Recurrent circuit learning and response (theory in recurrent.hpp).
#include "recurrent.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "divergence.hpp"
#include "kernels.hpp"

namespace hebbian {

std::string validate(const RecurrentParams& p) {
    if (!std::isfinite(p.eta) || p.eta <= 0.0) return "eta must be a positive finite number";
    if (!std::isfinite(p.alpha) || p.alpha < 0.0) return "alpha must be a finite number >= 0";
    return "";
}

namespace {

// The rounded operations of one step with m samples, for the rounding rule of
// step_magnitude_bound: 3 m + 2 per weight (m terms x_i (c x_j) summed, then keep W
// added) and 2 m + 1 for the input bound gain * sum_b max_i x_ib^2.
int step_operations(int m) { return 5 * m + 3; }

}  // namespace

RecurrentCircuit::RecurrentCircuit(const RecurrentParams& params, int inputs)
    : params_(params), w_(Eigen::MatrixXd::Zero(inputs, inputs)) {}

std::string RecurrentCircuit::learn(const Eigen::MatrixXd& x, double divergence_limit) {
    std::string why = learn_step(x, divergence_limit);
    if (why.empty()) count_step();
    return why;
}

void RecurrentCircuit::count_step() {
    // Every kFlushEvery-th step: entries with |W_ij| < 2^-500 to +0 (flush_tiny.hpp);
    // elementwise, so a symmetric W stays exactly symmetric.
    if (++steps_ % kernels::kFlushEvery == 0) kernels::flush_tiny(w_.data(), w_.size());
}

std::string RecurrentCircuit::learn_step(const Eigen::MatrixXd& x, double divergence_limit) {
    const int n = static_cast<int>(w_.rows()), m = static_cast<int>(x.cols());
    const double keep = 1.0 - params_.eta * params_.alpha;
    const double gain = params_.eta / static_cast<double>(m);
    coefficients_.assign(static_cast<size_t>(m), gain);
    // |W_new|_max <= |keep| |W|_max + gain * sum_b max_i x_ib^2: a cheap bound that
    // spares reading all of W on every step.
    double input_bound = 0.0;
    for (int b = 0; b < m; ++b) {
        const double largest = kernels::max_abs(x.col(b).data(), n);
        input_bound += largest * largest;
    }
    const int operations = step_operations(m);
    double bound = step_magnitude_bound(keep, magnitude_bound_, gain * input_bound, operations);
    if (!(bound <= divergence_limit)) {
        magnitude_bound_ = w_.cwiseAbs().maxCoeff();
        bound = step_magnitude_bound(keep, magnitude_bound_, gain * input_bound, operations);
        if (!(bound <= divergence_limit)) {
            // W <- (1 - eta*alpha) W + eta <x x^T>, tried on a copy first.
            Eigen::MatrixXd candidate = w_;
            kernels::symmetric_rank_update(candidate.data(), n, keep, x.data(), n, m, coefficients_.data(), packed_);
            std::string why = blow_up_reason(candidate, divergence_limit, "recurrent weights");
            if (!why.empty()) return why;
            w_.swap(candidate);
            magnitude_bound_ = w_.cwiseAbs().maxCoeff();
            return "";
        }
    }
    // W <- (1 - eta*alpha) W + eta <x x^T>
    kernels::symmetric_rank_update(w_.data(), n, keep, x.data(), n, m, coefficients_.data(), packed_);
    magnitude_bound_ = bound;
    return "";
}

RecurrentCircuit::StepsDone RecurrentCircuit::learn_steps(const Eigen::MatrixXd& x, int batch,
                                                          double divergence_limit) {
    const int n = static_cast<int>(w_.rows());
    const int steps = static_cast<int>(x.cols()) / batch;
    const double keep = 1.0 - params_.eta * params_.alpha;
    const double gain = params_.eta / static_cast<double>(batch);
    // The bound of learn() carried through every step of the block; each step adds, per
    // weight, one multiplication of its coefficient's power k^(S-1-s) to learn()'s operations.
    const int operations = step_operations(batch) + 1;
    double bound = magnitude_bound_;
    bool safe = true;
    for (int s = 0; s < steps && safe; ++s) {
        double inputs = 0.0;
        for (int b = s * batch; b < (s + 1) * batch; ++b) {
            const double largest = kernels::max_abs(x.col(b).data(), n);
            inputs += largest * largest;
        }
        bound = step_magnitude_bound(keep, bound, gain * inputs, operations);
        safe = bound <= divergence_limit;
    }
    if (!safe) {
        StepsDone done;
        step_batch_.resize(n, batch);
        for (; done.steps < steps; ++done.steps) {
            step_batch_ = x.middleCols(static_cast<Eigen::Index>(done.steps) * batch, batch);
            done.reason = learn(step_batch_, divergence_limit);
            if (!done.reason.empty()) break;
        }
        return done;
    }
    // The block in pieces that end where the count of steps reaches a multiple of
    // kFlushEvery (or at the block's end), so the flush of tiny weights follows the same
    // steps however the caller groups them. Each piece of S steps, from step first:
    // W <- k^S W + sum_s c_s sum_{b in step s} x_b x_b^T,  c_s = (eta/batch) k^(S-1-s),  k = 1 - eta*alpha
    for (int first = 0; first < steps;) {
        const int piece = static_cast<int>(
            std::min<long long>(steps - first, kernels::kFlushEvery - steps_ % kernels::kFlushEvery));
        coefficients_.resize(static_cast<size_t>(piece) * static_cast<size_t>(batch));
        double power = 1.0;  // k^(S-1-s), s counting down
        for (int s = piece - 1; s >= 0; --s, power *= keep)
            for (int b = s * batch; b < (s + 1) * batch; ++b) coefficients_[static_cast<size_t>(b)] = gain * power;
        const double* columns = x.data() + static_cast<long>(first) * batch * n;
        kernels::symmetric_rank_update(w_.data(), n, power, columns, n, piece * batch, coefficients_.data(), packed_);
        steps_ += piece - 1;
        count_step();
        first += piece;
    }
    magnitude_bound_ = bound;
    return StepsDone{steps, ""};
}

RecurrentResponse::RecurrentResponse(const Eigen::MatrixXd& weights) {
    const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(weights);
    vectors_ = solver.eigenvectors();
    const Eigen::VectorXd& mu = solver.eigenvalues();
    radius_ = mu.cwiseAbs().maxCoeff();
    gains_ = (1.0 - mu.array()).inverse().matrix();
}

std::string RecurrentResponse::why_undefined() const {
    if (defined()) return "";
    char text[200];
    std::snprintf(text, sizeof text,
                  "no steady response: the spectral radius of W is %.4g >= 1, so r = x + W r runs away "
                  "(raise alpha above lambda_1)",
                  radius_);
    return text;
}

Eigen::VectorXd RecurrentResponse::apply(const Eigen::VectorXd& x) const {
    // r = V diag(1 / (1 - mu)) V^T x
    const int n = static_cast<int>(vectors_.rows());
    Eigen::VectorXd z(n), r(n);
    kernels::gemv_transposed(z.data(), vectors_.data(), n, n, n, x.data());  // z = V^T x
    z.array() *= gains_.array();                                               // z = diag(1 / (1 - mu)) z
    kernels::gemv(r.data(), vectors_.data(), n, n, n, z.data());             // r = V z
    return r;
}

}  // namespace hebbian
