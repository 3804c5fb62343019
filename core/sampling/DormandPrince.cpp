#include "core/sampling/DormandPrince.h"

#include "core/common/Error.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>

namespace scorescope {

namespace {
constexpr double c2 = 1.0 / 5, c3 = 3.0 / 10, c4 = 4.0 / 5, c5 = 8.0 / 9;
constexpr double a21 = 1.0 / 5;
constexpr double a31 = 3.0 / 40, a32 = 9.0 / 40;
constexpr double a41 = 44.0 / 45, a42 = -56.0 / 15, a43 = 32.0 / 9;
constexpr double a51 = 19372.0 / 6561, a52 = -25360.0 / 2187, a53 = 64448.0 / 6561, a54 = -212.0 / 729;
constexpr double a61 = 9017.0 / 3168, a62 = -355.0 / 33, a63 = 46732.0 / 5247, a64 = 49.0 / 176, a65 = -5103.0 / 18656;
constexpr double b1 = 35.0 / 384, b3 = 500.0 / 1113, b4 = 125.0 / 192, b5 = -2187.0 / 6784, b6 = 11.0 / 84;
// b − b̂ (5th minus embedded 4th order weights)
constexpr double e1 = 71.0 / 57600, e3 = -71.0 / 16695, e4 = 71.0 / 1920, e5 = -17253.0 / 339200, e6 = 22.0 / 525,
                 e7 = -1.0 / 40;
}

DormandPrince::DormandPrince(Rhs f, torch::Tensor y0, double t0, double t1, double rtol, double atol)
    : f_(std::move(f)), y_(std::move(y0)), t_(t0), t1_(t1), rtol_(rtol), atol_(atol)
{
    k1_ = eval(y_, t_);
    // Initial step from the scale of y and its derivative (Hairer, Nørsett & Wanner II.4).
    const auto scale = atol_ + rtol_ * y_.abs();
    const double d0 = (y_ / scale).pow(2).mean().sqrt().item<double>();
    const double d1 = (k1_ / scale).pow(2).mean().sqrt().item<double>();
    const double span = std::abs(t1_ - t0);
    h_ = (d0 < 1e-5 || d1 < 1e-5) ? 1e-6 * span : std::min(0.01 * d0 / d1, span);
    minStep_ = 1e-12 * std::max(1.0, span);
    h_ = std::max(h_, minStep_);
}

torch::Tensor DormandPrince::eval(const torch::Tensor& y, double t)
{
    ++nfe_;
    return f_(y, t);
}

void DormandPrince::step()
{
    const double dir = t1_ > t_ ? 1.0 : -1.0;
    for (;;) {
        const double h = std::min(h_, std::abs(t1_ - t_));
        const double hs = dir * h;
        const auto& k1 = k1_;
        const auto k2 = eval(y_ + hs * a21 * k1, t_ + c2 * hs);
        const auto k3 = eval(y_ + hs * (a31 * k1 + a32 * k2), t_ + c3 * hs);
        const auto k4 = eval(y_ + hs * (a41 * k1 + a42 * k2 + a43 * k3), t_ + c4 * hs);
        const auto k5 = eval(y_ + hs * (a51 * k1 + a52 * k2 + a53 * k3 + a54 * k4), t_ + c5 * hs);
        const auto k6 = eval(y_ + hs * (a61 * k1 + a62 * k2 + a63 * k3 + a64 * k4 + a65 * k5), t_ + hs);
        const auto yNew = y_ + hs * (b1 * k1 + b3 * k3 + b4 * k4 + b5 * k5 + b6 * k6);
        const double tNew = (h == std::abs(t1_ - t_)) ? t1_ : t_ + hs;
        const auto k7 = eval(yNew, tNew);
        const auto err = hs * (e1 * k1 + e3 * k3 + e4 * k4 + e5 * k5 + e6 * k6 + e7 * k7);
        const auto scale = atol_ + rtol_ * torch::maximum(y_.abs(), yNew.abs());
        const double norm = (err / scale).pow(2).mean().sqrt().item<double>();
        if (!std::isfinite(norm)) {
            if (h <= minStep_)
                throw Error("RK45: the ODE right-hand side produced non-finite values at t = " + std::to_string(t_));
            h_ = 0.2 * h;
            continue;
        }
        const double factor = norm == 0.0 ? 10.0 : std::clamp(0.9 * std::pow(norm, -0.2), 0.2, 10.0);
        // Accept within tolerance, or when the step cannot shrink further (stiff corner).
        if (norm <= 1.0 || h <= minStep_) {
            y_ = yNew;
            k1_ = k7;
            t_ = tNew;
            h_ = h * factor;
            return;
        }
        h_ = h * std::min(factor, 1.0);
    }
}

torch::Tensor DormandPrince::solve()
{
    while (!done())
        step();
    return y_;
}

} // namespace scorescope
