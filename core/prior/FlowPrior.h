#pragma once
#include "core/prior/CouplingFlow.h"
#include "core/prior/Prior.h"

#include <functional>

namespace scorescope {

struct FlowFitOptions {
    int64_t steps = 3000;
    int64_t batch = 512;
    double lr = 1e-3;  // Adam, cosine-decayed to 0 over the steps
};

// An auxiliary prior that is a coupling flow (§4.4), fitted by maximum likelihood on fresh draws
// of the forward marginal at T, so it cannot overfit a finite sample.
class FlowPrior : public Prior {
public:
    explicit FlowPrior(CouplingFlow flow);

    // `draw(n)` returns n fresh points [n, D] of the target law; `loss` receives each step's mean NLL.
    static std::shared_ptr<FlowPrior> fit(const std::function<torch::Tensor(int64_t)>& draw, const CouplingFlowOptions& flow,
                                          const FlowFitOptions& options, const torch::Device& device,
                                          std::vector<double>* loss = nullptr);

    std::string kind() const override { return "flow"; }
    torch::Tensor logProb(const torch::Tensor& x) const override;
    torch::Tensor sample(int64_t n, const std::vector<int64_t>& sampleShape, Rng& rng,
                         const torch::TensorOptions& options) const override;
    void save(TensorArchive& archive) const override;
    static std::shared_ptr<FlowPrior> load(const TensorArchive& archive);

private:
    mutable CouplingFlow flow_;  // evaluated in eval mode under no_grad; LibTorch's forward is non-const
};

} // namespace scorescope
