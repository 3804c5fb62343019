#include "core/nn/FeatureClassifier.h"

#include "core/common/TorchCompat.h"

#include <torch/torch.h>

namespace scorescope {

namespace {

// Before the first convolution runs (TorchCompat.h: oneDNN's input gradients).
[[maybe_unused]] const bool oneDnnAvoided = torchcompat::avoidOneDnn();

} // namespace

FeatureClassifierImpl::FeatureClassifierImpl(int64_t channels, int64_t resolution, int64_t classes, int64_t features)
{
    conv1_ = register_module("conv1", torch::nn::Conv2d(torch::nn::Conv2dOptions(channels, 32, 3).padding(1)));
    conv2_ = register_module("conv2", torch::nn::Conv2d(torch::nn::Conv2dOptions(32, 64, 3).padding(1)));
    conv3_ = register_module("conv3", torch::nn::Conv2d(torch::nn::Conv2dOptions(64, 64, 3).padding(1)));
    const int64_t r = resolution / 4;
    fc_ = register_module("fc", torch::nn::Linear(64 * r * r, features));
    head_ = register_module("head", torch::nn::Linear(features, classes));
}

torch::Tensor FeatureClassifierImpl::features(const torch::Tensor& x)
{
    auto h = torch::max_pool2d(torch::relu(conv1_(x)), 2);
    h = torch::max_pool2d(torch::relu(conv2_(h)), 2);
    h = torch::relu(conv3_(h));
    return torch::relu(fc_(h.flatten(1)));
}

torch::Tensor FeatureClassifierImpl::forward(const torch::Tensor& x) { return head_(features(x)); }

} // namespace scorescope
