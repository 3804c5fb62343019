#pragma once
#include <torch/nn/module.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/linear.h>

namespace scorescope {

// A small CNN classifier of 28×28 (or 32×32) images whose penultimate layer supplies the
// features of FD-FMNIST and KID. Trained in-app on the dataset's labels: no downloaded weights.
class FeatureClassifierImpl : public torch::nn::Module {
public:
    FeatureClassifierImpl(int64_t channels, int64_t resolution, int64_t classes = 10, int64_t features = 128);
    torch::Tensor features(const torch::Tensor& x);  // [B, features], x in [−1, 1]
    torch::Tensor forward(const torch::Tensor& x);   // logits

private:
    torch::nn::Conv2d conv1_{nullptr}, conv2_{nullptr}, conv3_{nullptr};
    torch::nn::Linear fc_{nullptr}, head_{nullptr};
};
TORCH_MODULE(FeatureClassifier);

} // namespace scorescope
