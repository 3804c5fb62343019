#pragma once
#include <torch/nn/module.h>

#include <vector>

namespace scorescope {

class TensorArchive;

// Exponential moving average of a module's parameters (buffers are copied as they are).
class Ema {
public:
    Ema(const torch::nn::Module& module, double decay);

    void update(const torch::nn::Module& module);
    void copyTo(torch::nn::Module& module) const;  // module must have the same architecture

    void save(TensorArchive& archive) const;
    void load(const TensorArchive& archive);

private:
    double decay_;
    std::vector<torch::Tensor> shadow_;
};

} // namespace scorescope
