#include "core/playground/PointProbe.h"

#include "core/common/Rng.h"
#include "core/objective/StableTargetField.h"
#include "core/sde/Sde.h"
#include "core/truth/DataPosterior.h"
#include "core/truth/MixtureTruth.h"

#include <torch/torch.h>

namespace scorescope {

namespace {
std::array<double, 2> pair(const torch::Tensor& v)
{
    const auto c = v.to(torch::kDouble).contiguous().view({-1});
    return {c[0].item<double>(), c[1].item<double>()};
}
}

ProbeResult probePoint(const ProbeRequest& request)
{
    torch::NoGradGuard noGrad;
    const auto mixture = toGaussianMixture(request.mixture);
    const Sde& sde = *request.sde;
    ProbeResult out;
    out.t = request.t;
    out.a = sde.meanCoeffAt(request.t);
    out.s = sde.stdAt(request.t);
    out.x = {request.x, request.y};
    const auto x = torch::tensor({request.x, request.y}, torch::kDouble).view({1, 2});
    const auto a = torch::tensor(out.a, torch::kDouble), s = torch::tensor(out.s, torch::kDouble);

    Rng rng(request.seed);
    const auto own = mixturePosterior(mixture)->samplePosterior(x, out.a, out.s, 1, rng).view({1, 2});
    const auto others = mixture.sample(request.referenceSize - 1, rng);
    const auto batch = torch::cat({own, others}, 0);
    const auto w = torch::softmax(referenceLogits(x, a, s, batch), 1).view({-1});  // §3.3
    const auto wc = w.contiguous();
    const auto bc = batch.contiguous();
    out.weights.assign(wc.data_ptr<double>(), wc.data_ptr<double>() + wc.numel());
    out.reference.assign(bc.data_ptr<double>(), bc.data_ptr<double>() + bc.numel());
    out.maxWeight = w.max().item<double>();
    out.ess = 1.0 / w.pow(2).sum().item<double>();
    out.regime = regimeOf(out.maxWeight, out.ess, request.referenceSize);

    const double s2 = out.s * out.s;
    out.dsmTarget = pair((out.a * own - x) / s2);
    out.stfTarget = pair((out.a * (w.unsqueeze(1) * batch).sum(0, true) - x) / s2);
    out.trueScore = pair(MixtureTruth(mixture, a, s).score(x));
    return out;
}

} // namespace scorescope
