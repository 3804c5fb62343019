#pragma once
#include "core/nn/NoiseConditionedNet.h"

#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/modules/normalization.h>

#include <vector>

namespace scorescope {

struct UNetOptions {
    UNetOptions(int64_t channels, int64_t resolution) : channels_(channels), resolution_(resolution) {}
    TORCH_ARG(int64_t, channels);
    TORCH_ARG(int64_t, resolution);                         // input height = width
    TORCH_ARG(int64_t, width) = 32;                         // channels at full resolution
    TORCH_ARG(std::vector<int64_t>, channelMult) = std::vector<int64_t>{1, 2, 2};
    TORCH_ARG(int64_t, resBlocks) = 2;                      // per resolution
    TORCH_ARG(std::vector<int64_t>, attentionResolutions) = std::vector<int64_t>{7, 8};
    TORCH_ARG(double, dropout) = 0.1;
};

// A small DDPM++-style U-Net (§1.5's SongUNet in miniature): residual blocks with GroupNorm and
// SiLU, the noise embedding added in every block, self-attention at the listed resolutions,
// skip connections rescaled by 1/√2, strided-conv down- and nearest-neighbour up-sampling.
// Submodule names end up as attributes in LibTorch's archives: never a Python keyword such as `in`.
class UNetImpl : public NoiseConditionedNet {
public:
    explicit UNetImpl(const UNetOptions& options);
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& cNoise) override;

    UNetOptions options;

private:
    torch::Tensor embed(const torch::Tensor& cNoise);
    int64_t embDim_;
    torch::nn::Linear emb1_{nullptr}, emb2_{nullptr};
    torch::nn::Conv2d in_{nullptr}, out_{nullptr};
    torch::nn::GroupNorm outNorm_{nullptr};
    torch::nn::ModuleList down_{nullptr}, mid_{nullptr}, up_{nullptr};
    std::vector<std::string> downKinds_, upKinds_;  // "res", "attn", "down", "up" per module
};
TORCH_MODULE(UNet);

} // namespace scorescope
