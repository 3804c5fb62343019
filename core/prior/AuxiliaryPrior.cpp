#include "core/prior/AuxiliaryPrior.h"

#include "core/common/Error.h"
#include "core/common/Rng.h"
#include "core/data/Dataset.h"
#include "core/prior/FlowPrior.h"
#include "core/prior/GaussianPrior.h"
#include "core/prior/MixturePrior.h"
#include "core/run/TensorArchive.h"
#include "core/sde/Sde.h"

#include <torch/torch.h>

#include <spdlog/fmt/fmt.h>

namespace scorescope {

void validate(const PriorConfig& c)
{
    if (c.kind != "gaussian" && c.kind != "gmm" && c.kind != "flow")
        throw Error("unknown prior '" + c.kind + "' (expected gaussian, gmm or flow)");
    if (c.components < 1 || c.fitPoints < 1 || c.restarts < 1 || c.fitSteps < 0 || c.layers < 1 || c.hidden < 1)
        throw Error("the prior's components, fit points, restarts, layers and hidden width must be positive, its fit steps "
                    "not negative");
    if (c.kind == "gmm" && c.fitPoints < c.components)
        throw Error("the auxiliary mixture needs at least as many fit points as components");
}

torch::Tensor forwardMarginal(const Sde& sde, const Dataset& data, int64_t n, Rng& rng)
{
    const auto x0 = data.sample(n, rng).flatten(1).to(torch::kCPU);
    const double T = sde.horizon();
    return sde.meanCoeffAt(T) * x0 + sde.stdAt(T) * rng.normal(x0.sizes(), x0.options());
}

std::shared_ptr<Prior> makePrior(const PriorConfig& c, const Sde& sde, const Dataset& data, uint64_t seed,
                                 const torch::Device& device, const std::function<void(const std::string&)>& report)
{
    validate(c);
    if (!c.auxiliary())
        return std::make_shared<GaussianPrior>(sde.priorStd());
    // Its own stream: the score model's training draws are the same whichever prior a run fits.
    Rng rng(seed ^ 0xa0c5'1a47'9e1dULL);
    if (c.kind == "gmm") {
        EmOptions o;
        o.components = c.components;
        o.fullCovariance = c.fullCovariance;
        o.iterations = c.fitSteps > 0 ? c.fitSteps : 200;
        o.restarts = c.restarts;
        std::vector<double> objective;
        auto prior = MixturePrior::fit(forwardMarginal(sde, data, c.fitPoints, rng), o, rng, &objective);
        if (report)
            report(fmt::format("auxiliary prior: {}-component {} Gaussian mixture at T = {}, EM best of {} starts, {} "
                               "iterations, mean log-likelihood {:.4f}", c.components, c.fullCovariance ? "full" : "diagonal",
                               sde.horizon(), c.restarts, objective.size(), objective.back()));
        return prior;
    }
    FlowFitOptions o;
    o.steps = c.fitSteps > 0 ? c.fitSteps : 3000;
    std::vector<double> loss;
    auto prior = FlowPrior::fit([&](int64_t n) { return forwardMarginal(sde, data, n, rng); },
                                CouplingFlowOptions(data.dim()).layers(c.layers).hidden(c.hidden), o, device, &loss);
    if (report) {
        const auto tail = std::min<size_t>(100, loss.size());
        double mean = 0.0;
        for (size_t i = loss.size() - tail; i < loss.size(); ++i)
            mean += loss[i] / static_cast<double>(tail);
        report(fmt::format("auxiliary prior: coupling flow ({} layers, width {}) at T = {}, {} steps, "
                           "mean log-likelihood {:.4f} over the last {}", c.layers, c.hidden, sde.horizon(), o.steps, -mean, tail));
    }
    return prior;
}

std::shared_ptr<Prior> loadPrior(const TensorArchive& archive, const std::string& origin)
{
    if (!archive.hasText("kind"))
        throw Error(origin, "the auxiliary prior has no kind");
    const auto name = archive.text("kind");
    try {
        if (name == "gmm")
            return MixturePrior::load(archive);
        if (name == "flow")
            return FlowPrior::load(archive);
        if (name == "gaussian") {
            const auto std = archive.tensor("std");
            if (std.numel() != 1 || !(std.item<double>() > 0.0))
                throw Error("the Gaussian prior's std is not one positive number");
            return std::make_shared<GaussianPrior>(std.item<double>());
        }
    } catch (const Error& e) {
        throw Error(origin, e.what());
    } catch (const std::exception& e) {
        throw Error(origin, std::string("the auxiliary prior is corrupt: ") + e.what());
    }
    throw Error(origin, "unknown auxiliary prior kind '" + name + "'");
}

} // namespace scorescope
