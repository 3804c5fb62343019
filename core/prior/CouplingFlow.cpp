#include "core/prior/CouplingFlow.h"

#include "core/common/Error.h"

#include <torch/nn/modules/activation.h>
#include <torch/nn/modules/container/sequential.h>
#include <torch/nn/modules/linear.h>
#include <torch/torch.h>

#include <cmath>

namespace scorescope {

CouplingFlowImpl::CouplingFlowImpl(const CouplingFlowOptions& o) : options(o)
{
    const int64_t D = o.dim();
    if (D < 2)
        throw Error("a coupling flow needs at least two dimensions");
    shift_ = register_buffer("shift", torch::zeros({D}));
    logScale_ = register_buffer("log_scale", torch::zeros({D}));
    nets_ = register_module("nets", torch::nn::ModuleList());
    const auto index = torch::arange(D);
    for (int64_t l = 0; l < o.layers(); ++l) {
        torch::Tensor mask;
        switch (l % 4) {
        case 0: mask = (index % 2 == 0); break;
        case 1: mask = (index % 2 == 1); break;
        case 2: mask = (index < D / 2); break;
        default: mask = (index >= D / 2); break;
        }
        masks_.push_back(register_buffer("mask" + std::to_string(l), mask.to(torch::kFloat)));
        gains_.push_back(register_parameter("gain" + std::to_string(l), torch::ones({D})));
        auto last = torch::nn::Linear(o.hidden(), 2 * D);
        torch::nn::init::zeros_(last->weight);
        torch::nn::init::zeros_(last->bias);
        nets_->push_back(torch::nn::Sequential(torch::nn::Linear(D, o.hidden()), torch::nn::SiLU(),
                                               torch::nn::Linear(o.hidden(), o.hidden()), torch::nn::SiLU(), last));
    }
}

void CouplingFlowImpl::standardise(const torch::Tensor& data)
{
    torch::NoGradGuard noGrad;
    const auto d = data.to(shift_.options());
    shift_.copy_(d.mean(0));
    logScale_.copy_(d.std(0).clamp_min(1e-6).log());
}

torch::Tensor CouplingFlowImpl::logProb(const torch::Tensor& x)
{
    auto y = (x - shift_) * torch::exp(-logScale_);
    auto logDet = -logScale_.sum().expand({x.size(0)});
    for (size_t l = 0; l < masks_.size(); ++l) {
        const auto& m = masks_[l];
        const auto st = nets_[l]->as<torch::nn::Sequential>()->forward(y * m).chunk(2, 1);
        const auto s = (1 - m) * gains_[l] * torch::tanh(st[0]);
        y = y * m + (1 - m) * (y * torch::exp(s) + st[1]);
        logDet = logDet + s.sum(1);
    }
    const double D = static_cast<double>(x.size(1));
    return -0.5 * y.pow(2).sum(1) - 0.5 * D * std::log(2.0 * M_PI) + logDet;
}

torch::Tensor CouplingFlowImpl::inverse(const torch::Tensor& z)
{
    auto y = z;
    for (auto l = static_cast<int64_t>(masks_.size()) - 1; l >= 0; --l) {
        const auto& m = masks_[l];
        const auto st = nets_[l]->as<torch::nn::Sequential>()->forward(y * m).chunk(2, 1);
        const auto s = (1 - m) * gains_[l] * torch::tanh(st[0]);
        y = y * m + (1 - m) * (y - st[1]) * torch::exp(-s);
    }
    return y * torch::exp(logScale_) + shift_;
}

} // namespace scorescope
