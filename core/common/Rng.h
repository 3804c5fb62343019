#pragma once
#include <ATen/core/Generator.h>
#include <torch/types.h>

#include <cstdint>

namespace scorescope {

// The single source of randomness of a run. Draws happen on the CPU and are moved to the
// target device, so a seed gives the same numbers on CPU and CUDA, and the state can be
// checkpointed and restored exactly.
// Not thread-safe: each thread (trainer, sampler, GUI view) owns its own Rng.
class Rng {
public:
    explicit Rng(uint64_t seed = 0);

    torch::Tensor normal(at::IntArrayRef sizes, const torch::TensorOptions& options = {});
    torch::Tensor uniform(at::IntArrayRef sizes, const torch::TensorOptions& options = {});
    // Indices 0..weights.size(0)-1 drawn with probability proportional to `weights`.
    torch::Tensor categorical(const torch::Tensor& weights, int64_t n);
    torch::Tensor rademacher(at::IntArrayRef sizes, const torch::TensorOptions& options = {});

    torch::Tensor state() const;
    void setState(const torch::Tensor& state);

private:
    mutable at::Generator generator_;
};

} // namespace scorescope
