#include "core/common/Rng.h"

#include <ATen/CPUGeneratorImpl.h>
#include <torch/torch.h>


namespace scorescope {

namespace {
torch::TensorOptions cpu(const torch::TensorOptions& options)
{
    return options.device(torch::kCPU).dtype(options.has_dtype() ? options.dtype() : caffe2::TypeMeta::Make<float>());
}
}

Rng::Rng(uint64_t seed) : generator_(at::make_generator<at::CPUGeneratorImpl>(seed)) {}

torch::Tensor Rng::normal(at::IntArrayRef sizes, const torch::TensorOptions& options)
{
    return torch::randn(sizes, generator_, cpu(options)).to(options.device());
}

torch::Tensor Rng::uniform(at::IntArrayRef sizes, const torch::TensorOptions& options)
{
    return torch::rand(sizes, generator_, cpu(options)).to(options.device());
}

torch::Tensor Rng::categorical(const torch::Tensor& weights, int64_t n)
{
    return torch::multinomial(weights.to(torch::kCPU, torch::kDouble), n, /*replacement=*/true, generator_);
}

torch::Tensor Rng::rademacher(at::IntArrayRef sizes, const torch::TensorOptions& options)
{
    auto bits = torch::randint(0, 2, sizes, generator_, torch::TensorOptions().dtype(torch::kLong));
    return (bits * 2 - 1).to(cpu(options)).to(options.device());
}

torch::Tensor Rng::state() const
{
    return generator_.get_state();
}

void Rng::setState(const torch::Tensor& state)
{
    generator_.set_state(state);
}

} // namespace scorescope
