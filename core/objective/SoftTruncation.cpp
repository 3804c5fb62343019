#include "core/objective/SoftTruncation.h"

#include "core/common/Error.h"
#include "core/common/Rng.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>

namespace scorescope {

SoftTruncation::SoftTruncation(double eps, double T, double k) : eps_(eps), T_(T), k_(k)
{
    if (!(eps > 0.0 && eps < T))
        throw Error("Soft Truncation needs 0 < eps < T (objective.eps, --eps; got eps = " + std::to_string(eps) +
                    ", T = " + std::to_string(T) + ")");
    if (!(k > 0.0))
        throw Error("Soft Truncation's k must be positive (objective.soft_truncation_k, --st-k; got " + std::to_string(k) + ")");
}

// §2.2 for a horizon T, written relative to ε so that no power overflows (k ≫ 1 approaches the
// fixed truncation): with c = 1 − k and L = ln(T/ε), F_k(t) = expm1(c·ln(t/ε))/expm1(c·L), which
// is (ε^{1−k} − t^{1−k})/(ε^{1−k} − T^{1−k}); k = 1 is its limit ln(t/ε)/L.
double SoftTruncation::cdf(double t) const
{
    if (t <= eps_) return 0.0;
    if (t >= T_) return 1.0;
    const double x = std::log(t / eps_), L = std::log(T_ / eps_), c = 1.0 - k_;
    return c == 0.0 ? x / L : std::expm1(c * x) / std::expm1(c * L);
}

double SoftTruncation::density(double t) const
{
    if (t < eps_ || t > T_) return 0.0;
    const double x = std::log(t / eps_), L = std::log(T_ / eps_), c = 1.0 - k_;
    return c == 0.0 ? 1.0 / (t * L) : c * std::exp(c * x) / (t * std::expm1(c * L));
}

double SoftTruncation::quantile(double u) const
{
    const double L = std::log(T_ / eps_), c = 1.0 - k_;
    const double x = c == 0.0 ? u * L : std::log1p(u * std::expm1(c * L)) / c;
    return std::clamp(eps_ * std::exp(x), eps_, T_);
}

double SoftTruncation::sample(Rng& rng) const
{
    return quantile(rng.uniform({1}, torch::TensorOptions().dtype(torch::kDouble)).item<double>());
}

} // namespace scorescope
