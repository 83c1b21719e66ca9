// The flush of tiny weights, shared by every back end of the learning kernels.
//
// After each learning update, a weight (or BCM threshold) with |w| < kFlushBelow
// becomes exactly +0.0; every other value, NaN and infinities included, keeps its
// bits. The weights of an input with zero variance (a constant column) decay
// geometrically, and without this rule they sink into the subnormal doubles
// (|w| < 2^-1022), where x86 processors, and wasm on them, take a slow path.
//
// Why 2^-500 (about 3.05e-151): a power of two, so the constant and the comparison
// are exact in every build; every weight kept is at least 2^-500, so the product of
// two kept weights, or of a kept weight and an input of at least 2^-522, is at least
// 2^-1022, a normal double; and a weight below it is some 2^447 times smaller than
// the rounding unit (2^-53) of an O(1) weight, so it changes no sum that an O(1) term
// enters: runs whose weights never get that small keep every bit.
// Flushing only lowers magnitudes, so the divergence bounds (step_magnitude_bound)
// still hold. No standard header here: kernels_avx2.cpp includes this file.
#pragma once

namespace hebbian::kernels {

// Weights with |w| below this are set to +0.0 after each learning update (2^-500).
constexpr double kFlushBelow = 0x1p-500;

}  // namespace hebbian::kernels
