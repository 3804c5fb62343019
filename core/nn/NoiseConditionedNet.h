#pragma once
#include <torch/nn/module.h>
#include <torch/types.h>

namespace scorescope {

// The raw network F(x_in, c_noise) inside a ScoreModel's preconditioning (§1.5): x_in has the
// data's shape, c_noise one value per row. Toy MLPs and image U-Nets implement it.
class NoiseConditionedNet : public torch::nn::Module {
public:
    virtual torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& cNoise) = 0;
};

} // namespace scorescope
