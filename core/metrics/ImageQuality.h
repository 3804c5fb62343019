#pragma once
#include "core/nn/FeatureClassifier.h"

#include <string>

namespace scorescope {

class ImageDataset;
class Rng;

// "FD-FMNIST" and KID: Fréchet distance and kernel distance between features of a classifier
// trained in-app on the dataset's labels. Not comparable to published FID (different network,
// different data): the name says so.
class ImageQuality {
public:
    // Loads the classifier cached in `modelsDir`, or trains one (2 epochs, seed 0) and caches it.
    ImageQuality(const ImageDataset& data, const std::string& modelsDir, torch::Device device = torch::kCPU);

    torch::Tensor features(const torch::Tensor& images);  // images in [−1, 1]
    double testAccuracy() const { return accuracy_; }

    struct Scores {
        double fd = 0.0, kid = 0.0, kidStderr = 0.0;
    };
    Scores compare(const torch::Tensor& images, const torch::Tensor& reference, Rng& rng);

    static std::string defaultModelsDir();  // $XDG_CACHE_HOME/scorescope/models or ~/.cache/scorescope/models

private:
    FeatureClassifier net_{nullptr};
    torch::Device device_;
    double accuracy_ = 0.0;
};

} // namespace scorescope
