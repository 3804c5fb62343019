#include "core/likelihood/ProbabilityFlowLikelihood.h"

#include "core/common/Rng.h"
#include "core/nn/ScoreFunction.h"
#include "core/prior/GaussianPrior.h"
#include "core/sampling/DormandPrince.h"
#include "core/sde/Sde.h"

#include <torch/torch.h>

namespace scorescope {

LikelihoodResult probabilityFlowLikelihood(const Sde& sde, ScoreFunction& score, const torch::Tensor& x,
                                           const LikelihoodOptions& options)
{
    const int64_t n = x.size(0);
    const auto shape = x.sizes().vec();
    const int64_t D = x.numel() / n;
    const bool exact = options.divergence == Divergence::Exact || (options.divergence == Divergence::Auto && D <= 8);
    Rng rng(options.seed);
    torch::Tensor probe;
    if (!exact)
        probe = options.gaussianProbe ? rng.normal({n, D}, x.options()) : rng.rademacher({n, D}, x.options());

    // State [N, D + 1]: the flattened point and the accumulated divergence integral.
    auto rhs = [&](const torch::Tensor& y, double t) {
        torch::AutoGradMode enable(true);
        const auto xt = y.narrow(1, 0, D).detach().requires_grad_(true);
        const auto tt = torch::full({}, t, torch::kDouble);
        const double g = sde.diffusion(tt).item<double>();
        const auto xs = xt.view(shape);
        const auto drift = (sde.drift(xs, tt) - 0.5 * g * g * score.score(xs, tt)).flatten(1);
        torch::Tensor div;
        if (exact) {
            div = torch::zeros({n}, y.options());
            for (int64_t d = 0; d < D; ++d) {
                const auto grad = torch::autograd::grad({drift.select(1, d).sum()}, {xt}, {}, /*retain_graph=*/true)[0];
                div = div + grad.select(1, d);
            }
        } else {
            const auto grad = torch::autograd::grad({(drift * probe).sum()}, {xt})[0];
            div = (grad * probe).sum(1);
        }
        return torch::cat({drift.detach(), div.detach().unsqueeze(1)}, 1);
    };

    auto y0 = torch::cat({x.flatten(1), torch::zeros({n, 1}, x.options())}, 1);
    DormandPrince solver(rhs, y0, options.eps, sde.horizon(), options.rtol, options.atol);
    const auto yT = solver.solve();
    LikelihoodResult r;
    r.xT = yT.narrow(1, 0, D).reshape(shape);
    r.deltaLogProb = yT.select(1, D);
    r.priorLogProb = options.prior ? options.prior->logProb(r.xT) : GaussianPrior(sde.priorStd()).logProb(r.xT);
    r.logLikelihood = r.priorLogProb + r.deltaLogProb;
    r.nfe = solver.evaluations();
    return r;
}

torch::Tensor LikelihoodResult::logLikelihoodUnder(const Prior& prior) const
{
    return prior.logProb(xT) + deltaLogProb;
}

} // namespace scorescope
