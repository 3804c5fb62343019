#pragma once
#include "core/nn/NoiseConditionedNet.h"

#include <torch/nn/modules/container/sequential.h>

namespace scorescope {

struct ToyMlpOptions {
    ToyMlpOptions(int64_t dim) : dim_(dim) {}
    TORCH_ARG(int64_t, dim);
    TORCH_ARG(int64_t, hidden) = 256;
    TORCH_ARG(int64_t, depth) = 4;              // hidden layers
    TORCH_ARG(int64_t, fourierFeatures) = 32;   // random frequencies of the noise embedding
    TORCH_ARG(double, fourierScale) = 2.0;      // their standard deviation
};

// MLP score network for low-dimensional data: [x, c, sin(2πfc), cos(2πfc)] → SiLU layers → D.
// The Gaussian Fourier frequencies f are a fixed buffer, so checkpoints reproduce them.
class ToyMlpImpl : public NoiseConditionedNet {
public:
    explicit ToyMlpImpl(const ToyMlpOptions& options);
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& cNoise) override;

    ToyMlpOptions options;

private:
    torch::Tensor frequencies_;
    torch::nn::Sequential layers_{nullptr};
};
TORCH_MODULE(ToyMlp);

} // namespace scorescope
