// Closed-form curves the feedforward view draws dashed over the simulation, built on
// the mean-field theory in core/analysis.hpp (which also gives the |w| prediction,
// History::predicted_norm). Pure: Eigen and the core only.
#pragma once

#include <Eigen/Dense>

#include "core/analysis.hpp"

namespace hebbian::app {

// |cos(w_t, PC1)| of the mean-field trajectory w_t = sum_i (1 + eta (lambda_i - alpha))^t (v_i . w_0) v_i
// (alpha = 0 for plain Hebb): the PC1 part |v_1 . w_0| |1 + eta (lambda_1 - alpha)|^t over |w_t|,
// computed in logs so that it stays finite when |w_t| overflows.
double predicted_alignment(const PrincipalComponents& pcs, const Eigen::VectorXd& initial_weights, double eta,
                           double alpha, double steps);

}  // namespace hebbian::app
