// log and exp that give the same bits on every IEEE-754 platform.
//
// std::log and std::exp come from the C library, and libstdc++'s (glibc) and
// libc++'s (musl, in the wasm build) round differently in the last place. These
// use only correctly rounded operations (+, -, *, /, frexp, ldexp, floor), so the
// sampler built on them draws the same numbers natively and in the browser.
#pragma once

namespace hebbian {

// log(x) for finite x > 0, accurate to about one ulp.
double portable_log(double x);

// exp(t) for t <= 709, accurate to a few ulp (0 below -745).
double portable_exp(double t);

}  // namespace hebbian
