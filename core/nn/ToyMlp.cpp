#include "core/nn/ToyMlp.h"

#include <ATen/CPUGeneratorImpl.h>
#include <torch/torch.h>

#include <cmath>

namespace scorescope {

ToyMlpImpl::ToyMlpImpl(const ToyMlpOptions& opts) : options(opts)
{
    // A private generator keeps the frequencies independent of the global torch seed.
    auto gen = at::make_generator<at::CPUGeneratorImpl>(0x5c0e);
    frequencies_ = register_buffer("frequencies",
                                   torch::randn({options.fourierFeatures()}, gen, torch::TensorOptions()) *
                                       options.fourierScale());
    layers_ = register_module("layers", torch::nn::Sequential());
    int64_t in = options.dim() + 1 + 2 * options.fourierFeatures();
    for (int64_t i = 0; i < options.depth(); ++i) {
        layers_->push_back(torch::nn::Linear(in, options.hidden()));
        layers_->push_back(torch::nn::SiLU());
        in = options.hidden();
    }
    layers_->push_back(torch::nn::Linear(in, options.dim()));
}

torch::Tensor ToyMlpImpl::forward(const torch::Tensor& x, const torch::Tensor& cNoise)
{
    const auto c = cNoise.reshape({-1, 1}).expand({x.size(0), 1}).to(x.dtype());
    const auto phase = 2.0 * M_PI * c * frequencies_.unsqueeze(0);
    return layers_->forward(torch::cat({x, c, torch::sin(phase), torch::cos(phase)}, 1));
}

} // namespace scorescope
