#include "core/likelihood/BitsPerDim.h"

#include "core/common/MeanEstimate.h"
#include "core/common/Rng.h"
#include "core/prior/GaussianPrior.h"
#include "core/sde/Sde.h"

#include <torch/torch.h>

#include <cmath>

namespace scorescope {

BitsPerDimResult bitsPerDim(const Sde& sde, ScoreFunction& score, const torch::Tensor& images,
                            const LikelihoodOptions& options, int64_t batch)
{
    Rng dequant(options.seed ^ 0xdeadbeefULL);
    const double D = static_cast<double>(images[0].numel());
    std::vector<torch::Tensor> parts, gaussian;
    const GaussianPrior standard(sde.priorStd());
    const auto toBpd = [&](const torch::Tensor& logLikelihood) { return -logLikelihood / (D * std::log(2.0)) + 7.0; };
    BitsPerDimResult r;
    for (int64_t i = 0; i < images.size(0); i += batch) {
        const auto k = images.slice(0, i, i + batch).to(torch::kDouble);
        const auto y = 2.0 * (k + dequant.uniform(k.sizes(), k.options())) / 256.0 - 1.0;
        LikelihoodOptions o = options;
        o.seed = options.seed + static_cast<uint64_t>(i);
        const auto lik = probabilityFlowLikelihood(sde, score, y, o);
        parts.push_back(toBpd(lik.logLikelihood));
        gaussian.push_back(toBpd(lik.logLikelihoodUnder(standard)));
        r.nfe += lik.nfe;
    }
    r.perImage = torch::cat(parts);
    r.perImageGaussianPrior = torch::cat(gaussian);
    const auto estimate = meanWithError(r.perImage);
    r.mean = estimate.mean;
    r.stderr_ = estimate.stderr_;
    return r;
}

} // namespace scorescope
