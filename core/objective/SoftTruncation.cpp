#include "objective/SoftTruncation.h"

#include "common/Error.h"
#include "common/Rng.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>

namespace scorescope {

SoftTruncation::SoftTruncation(double eps, double T, double k) : eps_(eps), T_(T), k_(k)
{
    if (!(eps > 0.0 && eps < T))
        throw Error("Soft Truncation needs 0 < ε < T (got ε = " + std::to_string(eps) + ", T = " + std::to_string(T) + ")");
    if (!(k > 0.0))
        throw Error("Soft Truncation's k must be positive (got " + std::to_string(k) + ")");
}

// §2.2 for a horizon T: F_1(t) = ln(t/ε)/ln(T/ε); F_k(t) = (ε^{1−k} − t^{1−k})/(ε^{1−k} − T^{1−k}).
double SoftTruncation::cdf(double t) const
{
    if (t <= eps_) return 0.0;
    if (t >= T_) return 1.0;
    if (k_ == 1.0)
        return std::log(t / eps_) / std::log(T_ / eps_);
    const double e = std::pow(eps_, 1.0 - k_);
    return (e - std::pow(t, 1.0 - k_)) / (e - std::pow(T_, 1.0 - k_));
}

double SoftTruncation::density(double t) const
{
    if (t < eps_ || t > T_) return 0.0;
    if (k_ == 1.0)
        return 1.0 / (t * std::log(T_ / eps_));
    return (1.0 - k_) * std::pow(t, -k_) / (std::pow(T_, 1.0 - k_) - std::pow(eps_, 1.0 - k_));
}

double SoftTruncation::quantile(double u) const
{
    if (k_ == 1.0)
        return eps_ * std::pow(T_ / eps_, u);
    const double e = std::pow(eps_, 1.0 - k_);
    return std::clamp(std::pow(e - u * (e - std::pow(T_, 1.0 - k_)), 1.0 / (1.0 - k_)), eps_, T_);
}

double SoftTruncation::sample(Rng& rng) const
{
    return quantile(rng.uniform({1}, torch::TensorOptions().dtype(torch::kDouble)).item<double>());
}

} // namespace scorescope
