// The periodic flush of tiny weights, shared by the feedforward and recurrent circuits.
//
// After every kFlushEvery-th learning step of a circuit (its own count of steps, so the
// same steps whether a caller asks for them one at a time or in blocks), each weight
// (and each BCM threshold) with |w| < kFlushBelow becomes exactly +0.0; every other
// value, NaN and infinities included, keeps its bits (kernels::flush_tiny, one two-lane
// pass, the same in every build). The weights of an input with zero variance (a constant
// column) decay geometrically, and without this rule they sink into the subnormal
// doubles (|w| < 2^-1022), where x86 processors, and wasm on them, take a slow path.
// Flushing between steps instead of inside the learning kernels keeps those kernels
// as they are: one pass over W every 64 steps is a small fraction of 64 updates.
//
// Why 2^-500 (about 3.05e-151): a power of two, so the constant and the comparison
// are exact in every build; every weight kept is at least 2^-500, so the product of
// two kept weights, or of a kept weight and an input of at least 2^-522, is at least
// 2^-1022, a normal double; and a weight below it is some 2^447 times smaller than
// the rounding unit (2^-53) of an O(1) weight, so it changes no sum that an O(1) term
// enters: runs whose weights never get that small keep every bit.
// Flushing only lowers magnitudes, so the divergence bounds (step_magnitude_bound)
// still hold.
//
// Why every 64 steps is enough: right after a flush every nonzero weight has
// |w| >= 2^-500. To become subnormal before the next flush it must shrink by more than
// 2^-522 within 64 steps, by a factor below 2^(-522/64) ~ 1/284 per step on average.
// A silent input's weight shrinks per step by |1 - eta alpha| (decay, and the
// recurrent W), about |1 - eta y^2| (oja, sanger), |1 - eta beta y^4| (hetero, towards
// w_ref = 0), and BCM's threshold with silent outputs by |1 - theta_rate|. These are
// at most 1/284 only when the product is within 0.0035 of 1: a corner the parameter
// table allows (eta up to 1, alpha up to 100, theta_rate up to 1, beta up to 1000; e.g.
// eta alpha = 0.999). There the weight does pass through the subnormal numbers, but
// for a few steps only: each step takes off at least 8 of the 52 binary orders of the
// subnormal range before the value underflows to 0 or the next flush clears it. (A
// factor of exactly 0, as eta alpha = 1, gives 0 at once.) The rule promises speed on
// ordinary settings, not a property the results depend on: in every case the flush is
// deterministic and gives the same bits in every build.
#pragma once

namespace hebbian::kernels {

// Weights with |w| below this are set to +0.0 by the periodic flush (2^-500).
constexpr double kFlushBelow = 0x1p-500;

// A circuit flushes its weights after each learning step whose count is a multiple of this.
constexpr long long kFlushEvery = 64;

}  // namespace hebbian::kernels
