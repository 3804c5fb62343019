#pragma once
#include "core/truth/GaussianMixture.h"

#include <torch/types.h>

#include <memory>
#include <string>
#include <vector>

namespace scorescope {

class Rng;
struct ImageOptions;

// Training data: toy distributions draw fresh samples every step, image datasets draw random
// minibatches of their training split. Mixture-backed data also exposes its exact density (§5).
class Dataset {
public:
    virtual ~Dataset() = default;
    virtual std::string name() const = 0;
    virtual std::vector<int64_t> sampleShape() const = 0;        // {D} or {C, H, W}
    virtual torch::Tensor sample(int64_t n, Rng& rng) const = 0;  // [n, ...]; images in [−1, 1]
    virtual const GaussianMixture* mixture() const { return nullptr; }
    virtual bool isImage() const { return false; }
    int64_t dim() const;  // product of sampleShape()
};

// `spec`: a toy preset (ring8, grid25, moons, swissroll, checkerboard, circles), a mixture .json
// file, "fashion-mnist", "folder:DIR" or "cifar10:DIR". Throws Error naming the spec or file.
std::unique_ptr<Dataset> loadDataset(const std::string& spec, const ImageOptions& images);
bool isImageDatasetSpec(const std::string& spec);

} // namespace scorescope
