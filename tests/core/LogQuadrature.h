#pragma once
#include <torch/torch.h>

#include <cmath>

namespace scorescope::testing {

// ∫_lo^hi f(t) dt by the trapezoid rule on a log grid of 200k nodes (relative error < 1e-8
// for the smooth integrands here).
template <typename F> double integrateLog(double lo, double hi, F f)
{
    const auto u = torch::linspace(std::log(lo), std::log(hi), 200001, torch::TensorOptions().dtype(torch::kDouble));
    auto values = torch::empty_like(u);
    auto* p = values.data_ptr<double>();
    const auto* pu = u.data_ptr<double>();
    for (int64_t i = 0; i < u.size(0); ++i)
        p[i] = f(std::exp(pu[i])) * std::exp(pu[i]);
    return torch::trapezoid(values, u).item<double>();
}

} // namespace scorescope::testing
