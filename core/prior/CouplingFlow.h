#pragma once
#include <torch/nn/module.h>
#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/pimpl.h>

namespace scorescope {

struct CouplingFlowOptions {
    CouplingFlowOptions(int64_t dim) : dim_(dim) {}
    TORCH_ARG(int64_t, dim);
    TORCH_ARG(int64_t, layers) = 8;    // affine coupling layers
    TORCH_ARG(int64_t, hidden) = 128;  // width of each layer's two-hidden-layer MLP
};

// A RealNVP-style normalizing flow on R^D: a fixed standardisation, then affine coupling layers
// y = x_m + (1 − m)(x e^{s(x_m)} + t(x_m)) whose masks m alternate between even/odd and first/second
// halves of the coordinates, onto a standard normal. The last layer of each MLP starts at zero, so
// an untrained flow is the Gaussian of the standardisation.
class CouplingFlowImpl : public torch::nn::Module {
public:
    explicit CouplingFlowImpl(const CouplingFlowOptions& options);

    torch::Tensor logProb(const torch::Tensor& x);  // x [N, D] → log density [N]
    torch::Tensor inverse(const torch::Tensor& z);  // base draws [N, D] → points
    void standardise(const torch::Tensor& data);    // shift and scale from data [N, D]

    CouplingFlowOptions options;

private:
    torch::Tensor shift_, logScale_;      // standardisation, buffers [D]
    std::vector<torch::Tensor> masks_;    // buffers [D], 1 where the layer leaves x unchanged
    std::vector<torch::Tensor> gains_;    // per-layer bound of |s|: s = gain · tanh(raw)
    torch::nn::ModuleList nets_;
};
TORCH_MODULE(CouplingFlow);

} // namespace scorescope
