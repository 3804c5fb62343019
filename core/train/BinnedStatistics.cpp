#include "core/train/BinnedStatistics.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <iterator>

namespace scorescope {

BinnedStatistics::BinnedStatistics(double sigmaMin, double sigmaMax, int bins, std::string axis)
    : lo_(std::log10(sigmaMin)), hi_(std::log10(sigmaMax)), bins_(bins), axis_(std::move(axis)), count_(bins, 0.0)
{
}

torch::Tensor BinnedStatistics::binOf(const torch::Tensor& sigma) const
{
    return ((torch::log10(sigma.to(torch::kCPU, torch::kDouble)) - lo_) / (hi_ - lo_) * bins_)
        .floor().clamp(0, bins_ - 1).to(torch::kLong).contiguous();
}

void BinnedStatistics::add(const torch::Tensor& sigma, const std::vector<std::pair<std::string, torch::Tensor>>& values)
{
    const auto index = binOf(sigma);
    const auto* bin = index.data_ptr<int64_t>();
    const int64_t n = index.numel();
    for (int64_t i = 0; i < n; ++i)
        count_[bin[i]] += 1.0;
    for (const auto& value : values) {
        const auto& [name, tensor] = value;
        // Compared through `value`: a lambda may not capture a structured binding before C++20 (clang).
        auto it = std::find_if(series_.begin(), series_.end(), [&](const Series& s) { return s.name == value.first; });
        if (it == series_.end()) {
            series_.push_back({name, std::vector<double>(bins_, 0.0), std::vector<double>(bins_, 0.0)});
            it = std::prev(series_.end());
        }
        const auto v = tensor.to(torch::kCPU, torch::kDouble).contiguous();
        const auto* p = v.data_ptr<double>();
        for (int64_t i = 0; i < n; ++i) {
            it->sum[bin[i]] += p[i];
            it->sumSquares[bin[i]] += p[i] * p[i];
        }
    }
}

BinnedWindow BinnedStatistics::take()
{
    BinnedWindow out;
    out.axis = axis_;
    for (int b = 0; b < bins_; ++b)
        out.centres.push_back(lo_ + (b + 0.5) * (hi_ - lo_) / bins_);
    out.count = count_;
    for (auto& s : series_) {
        BinnedWindow::Series window{s.name, std::vector<double>(bins_, NAN), std::vector<double>(bins_, NAN)};
        for (int b = 0; b < bins_; ++b) {
            if (count_[b] == 0.0)
                continue;
            const double m = s.sum[b] / count_[b];
            window.mean[b] = m;
            window.spread[b] = std::sqrt(std::max(0.0, s.sumSquares[b] / count_[b] - m * m));
        }
        out.series.push_back(std::move(window));
        std::fill(s.sum.begin(), s.sum.end(), 0.0);
        std::fill(s.sumSquares.begin(), s.sumSquares.end(), 0.0);
    }
    std::fill(count_.begin(), count_.end(), 0.0);
    return out;
}

} // namespace scorescope
