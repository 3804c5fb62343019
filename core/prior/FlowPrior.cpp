#include "core/prior/FlowPrior.h"

#include "core/common/Error.h"
#include "core/common/Rng.h"
#include "core/run/TensorArchive.h"

#include <torch/optim/adam.h>
#include <torch/torch.h>

#include <cmath>

namespace scorescope {

FlowPrior::FlowPrior(CouplingFlow flow) : flow_(std::move(flow))
{
    flow_->eval();
}

std::shared_ptr<FlowPrior> FlowPrior::fit(const std::function<torch::Tensor(int64_t)>& draw, const CouplingFlowOptions& flowOptions,
                                          const FlowFitOptions& o, const torch::Device& device, std::vector<double>* loss)
{
    CouplingFlow flow(flowOptions);
    flow->to(device);
    flow->standardise(draw(std::max<int64_t>(4096, o.batch)).to(device));
    torch::optim::Adam optimizer(flow->parameters(), torch::optim::AdamOptions(o.lr));
    for (int64_t step = 0; step < o.steps; ++step) {
        auto& group = optimizer.param_groups().front();
        static_cast<torch::optim::AdamOptions&>(group.options()).lr(0.5 * o.lr * (1.0 + std::cos(M_PI * step / o.steps)));
        const auto nll = -flow->logProb(draw(o.batch).to(device, torch::kFloat)).mean();
        optimizer.zero_grad();
        nll.backward();
        torch::nn::utils::clip_grad_norm_(flow->parameters(), 10.0);
        optimizer.step();
        if (loss)
            loss->push_back(nll.item<double>());
    }
    return std::make_shared<FlowPrior>(flow);
}

torch::Tensor FlowPrior::logProb(const torch::Tensor& x) const
{
    torch::NoGradGuard noGrad;
    const auto device = flow_->parameters().front().device();
    return flow_->logProb(x.flatten(1).to(device, torch::kFloat)).to(x.device(), x.scalar_type());
}

torch::Tensor FlowPrior::sample(int64_t n, const std::vector<int64_t>& sampleShape, Rng& rng,
                                const torch::TensorOptions& options) const
{
    torch::NoGradGuard noGrad;
    const auto device = flow_->parameters().front().device();
    const auto z = rng.normal({n, flow_->options.dim()}, torch::TensorOptions().device(device));
    std::vector<int64_t> shape{n};
    shape.insert(shape.end(), sampleShape.begin(), sampleShape.end());
    return flow_->inverse(z).reshape(shape).to(options);
}

void FlowPrior::save(TensorArchive& archive) const
{
    archive.write("kind", kind());
    const auto& o = flow_->options;
    archive.write("shape", torch::tensor({o.dim(), o.layers(), o.hidden()}, torch::kLong));
    TensorArchive weights;
    writeModule(weights, *flow_);
    archive.write("flow", weights);
}

std::shared_ptr<FlowPrior> FlowPrior::load(const TensorArchive& archive)
{
    const auto shape = archive.tensor("shape");
    // Bounded before anything is allocated: a checkpoint is data from anywhere.
    if (shape.numel() != 3 || shape.min().item<int64_t>() < 1 || shape[0].item<int64_t>() < 2 ||
        shape[0].item<int64_t>() > (1 << 22) || shape[1].item<int64_t>() > 256 || shape[2].item<int64_t>() > (1 << 14))
        throw Error("the auxiliary flow's shape record is invalid");
    CouplingFlow flow(CouplingFlowOptions(shape[0].item<int64_t>()).layers(shape[1].item<int64_t>()).hidden(shape[2].item<int64_t>()));
    readModule(archive.nested("flow"), *flow);
    return std::make_shared<FlowPrior>(flow);
}

} // namespace scorescope
