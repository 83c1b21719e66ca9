// log, exp, sin and cos that give the same bits on every IEEE-754 platform.
//
// std::log, std::exp, std::sin and std::cos come from the C library, and libstdc++'s
// (glibc) and libc++'s (musl, in the wasm build) round differently in the last place.
// These use only correctly rounded operations (+, -, *, /, frexp, ldexp, floor), so
// the sampler and the image generators built on them give the same numbers natively
// and in the browser.
#pragma once

namespace hebbian {

// log(x) for finite x > 0, accurate to about one ulp.
double portable_log(double x);

// exp(t) for t <= 709, accurate to a few ulp (0 below -745).
double portable_exp(double t);

struct SineCosine {
    double sin = 0.0;
    double cos = 1.0;
};
// sin(x) and cos(x) for |x| <= 1e6, each accurate to a couple of ulp (or 1e-16 absolute
// near a zero); NaN for larger or non-finite x.
SineCosine portable_sin_cos(double x);

}  // namespace hebbian
