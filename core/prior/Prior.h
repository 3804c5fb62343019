#pragma once
#include <torch/types.h>

#include <string>
#include <vector>


namespace scorescope {

class Rng;
class TensorArchive;

// The law of x_T that the reverse process starts from and that the likelihood uses as its prior
// term: the SDE's Gaussian, or an auxiliary density model fitted to the forward marginal p_T
// (§4.4). Points are [N, ...]; densities are over the flattened dimensions.
class Prior {
public:
    virtual ~Prior() = default;
    virtual std::string kind() const = 0;  // "gaussian", "gmm", "flow"
    // log ν(x) summed over all but the batch dimension, [N], in x's dtype.
    virtual torch::Tensor logProb(const torch::Tensor& x) const = 0;
    // n draws shaped [n, sampleShape...].
    virtual torch::Tensor sample(int64_t n, const std::vector<int64_t>& sampleShape, Rng& rng,
                                 const torch::TensorOptions& options) const = 0;
    // Into a checkpoint: "kind" and the fitted parameters, data only.
    virtual void save(TensorArchive& archive) const = 0;
};

// What a checkpoint's "prior" archive holds back as a Prior; throws Error naming `origin`.
std::shared_ptr<Prior> loadPrior(const TensorArchive& archive, const std::string& origin);

} // namespace scorescope
