#pragma once
#include "core/data/Dataset.h"

#include <memory>

#include <torch/types.h>

#include <string>

namespace scorescope {

struct ImageOptions {
    std::string dataDir;          // Fashion-MNIST / CIFAR-10 directory; empty: the dataset's default
    int64_t size = 0;             // resize to size×size (0: keep 28 for FMNIST, 32 for CIFAR; folders need it)
    bool gray = true;             // image folders: 1 channel (gray) or 3 (RGB)
    bool flip = false;            // random horizontal flips when training
    double testFraction = 0.1;    // held-out split for image folders (FMNIST and CIFAR have their own)
};

// Images held as uint8 [N, C, H, W]; training draws are scaled to [−1, 1] (with optional random
// horizontal flips); a held-out test split serves bits/dim and image-quality metrics.
class ImageDataset : public Dataset {
public:
    ImageDataset(std::string name, torch::Tensor train, torch::Tensor test, torch::Tensor trainLabels = {},
                 torch::Tensor testLabels = {}, bool flip = false);

    std::string name() const override { return name_; }
    std::vector<int64_t> sampleShape() const override;
    torch::Tensor sample(int64_t n, Rng& rng) const override;
    bool isImage() const override { return true; }

    const torch::Tensor& trainImages() const { return train_; }  // uint8
    const torch::Tensor& testImages() const { return test_; }    // uint8
    const torch::Tensor& trainLabels() const { return trainLabels_; }
    const torch::Tensor& testLabels() const { return testLabels_; }

    static torch::Tensor toModelRange(const torch::Tensor& uint8Images);  // [0,255] → [−1,1], float
    static torch::Tensor toBytes(const torch::Tensor& modelImages);       // [−1,1] → uint8, clamped

private:
    std::string name_;
    torch::Tensor train_, test_, trainLabels_, testLabels_;
    bool flip_;
};

// Fashion-MNIST from its four IDX files (plain or .gz) in `dir` (default /usr/share/datasets/fashion-mnist).
std::unique_ptr<ImageDataset> loadFashionMnist(const std::string& dir, bool flip);
// PNG/JPEG/BMP files under `dir` (recursively), resized to size×size, gray or RGB, via OpenCV.
std::unique_ptr<ImageDataset> loadImageFolder(const std::string& dir, const ImageOptions& options);
// CIFAR-10 binary version: data_batch_1..5.bin and test_batch.bin in `dir`.
std::unique_ptr<ImageDataset> loadCifar10(const std::string& dir, bool flip);
// The same images resized to size×size by area averaging (each output pixel the mean of the input
// pixels it covers; nearest-neighbour when enlarging); size ≤ 0 or the current size: unchanged.
std::unique_ptr<ImageDataset> resizedTo(std::unique_ptr<ImageDataset> dataset, int64_t size, bool flip);

const char* defaultFashionMnistDir();

} // namespace scorescope
