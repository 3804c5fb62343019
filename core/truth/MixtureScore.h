#pragma once
#include "core/nn/ScoreFunction.h"
#include "core/truth/GaussianMixture.h"

#include <memory>

namespace scorescope {

// The exact score of a Gaussian mixture diffused by an SDE (§5), as a ScoreFunction: samplers and
// the likelihood run on it with no network, which is how they are tested against the truth.
class MixtureScore : public ScoreFunction {
public:
    MixtureScore(GaussianMixture mixture, std::shared_ptr<const Sde> sde)
        : mixture_(std::move(mixture)), sde_(std::move(sde))
    {
    }
    torch::Tensor score(const torch::Tensor& x, const torch::Tensor& t) override;

private:
    GaussianMixture mixture_;
    std::shared_ptr<const Sde> sde_;
};

} // namespace scorescope
