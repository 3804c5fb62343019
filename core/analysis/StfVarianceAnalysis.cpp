#include "core/analysis/StfVarianceAnalysis.h"

#include "core/common/Rng.h"
#include "core/objective/StableTargetField.h"
#include "core/sde/Sde.h"
#include "core/truth/DataPosterior.h"

#include <torch/torch.h>

#include <cmath>

namespace scorescope {

std::vector<StfVarianceRow> analyseStfVariance(const DataPosterior& data, const Sde& sde, const std::vector<double>& times,
                                               const StfVarianceOptions& options, Rng& rng)
{
    torch::NoGradGuard noGrad;
    const auto f64 = torch::TensorOptions().dtype(torch::kDouble);
    const int64_t N = options.samples, R = options.replicates;
    std::vector<StfVarianceRow> rows;
    for (const double t : times) {
        StfVarianceRow row;
        row.t = t;
        row.sigma = sde.sigmaAt(t);
        const double a = sde.meanCoeffAt(t), s = sde.stdAt(t);
        const auto a0 = torch::full({}, a, f64), s0 = torch::full({}, s, f64);
        const auto y = data.samplePrior(N, rng);
        const auto x = a * y + s * rng.normal(y.sizes(), f64);
        const auto [truth, posteriorTrace] = data.truth(x, a, s);
        row.vDsm = (a * a / std::pow(s, 4)) * posteriorTrace.mean().item<double>();

        const auto own = data.samplePosterior(x, a, s, R, rng);  // [R, N, D]
        std::vector<torch::Tensor> scores;
        double maxWeight = 0.0, ess = 0.0;
        for (int64_t r = 0; r < R; ++r) {
            const int64_t fromPrior = options.referenceSize - (options.includeOwn ? 1 : 0);
            const auto others = fromPrior > 0 ? data.samplePrior(fromPrior, rng) : torch::Tensor();
            const auto st = stableTargets(x, a0, s0, options.includeOwn ? own[r] : torch::Tensor(), others);
            scores.push_back(st.score(x, a0, s0));
            maxWeight += st.maxWeight.mean().item<double>() / R;
            ess += st.ess.mean().item<double>() / R;
        }
        const auto S = torch::stack(scores);                                     // [R, N, D]
        const auto trCov = (S - S.mean(0)).pow(2).sum(-1).sum(0) / double(R - 1);  // [N]
        row.vStf = trCov.mean().item<double>();
        // One-hot weights (near field of a finite pool) make both variances exactly zero: STF is DSM there.
        row.ratio = row.vDsm > 0.0 ? row.vStf / row.vDsm : 1.0;
        // Bias: the DSM target of the same y_1, f = (a·y_1 − x)/s², has mean exactly ∇log p_t(x)
        // and is strongly correlated with ŝ_STF outside the far field, so ŝ − c(f − ∇log p_t) is an
        // unbiased, far less noisy stand-in for ŝ (c fitted by least squares). ‖mean − truth‖²
        // then overstates the squared bias by tr Cov / R, which is subtracted.
        const auto F = (a * own - x.unsqueeze(0)) / (s * s) - truth.unsqueeze(0);
        const double c = ((S - S.mean(0)) * F).sum().item<double>() / std::max(1e-300, F.pow(2).sum().item<double>());
        const auto corrected = S - c * F;
        const auto mean = corrected.mean(0);
        const auto trCovCorrected = (corrected - mean).pow(2).sum(-1).sum(0) / double(R - 1);
        const double bias2 = ((mean - truth).pow(2).sum(-1) - trCovCorrected / double(R)).mean().item<double>();
        row.bias = std::sqrt(std::max(0.0, bias2));
        row.maxWeight = maxWeight;
        row.ess = ess;
        row.regime = stfRegime(maxWeight, ess, options);
        rows.push_back(row);
    }
    return rows;
}

std::string stfRegime(double maxWeight, double ess, const StfVarianceOptions& options)
{
    return maxWeight >= options.nearMaxWeight                        ? "near"
           : ess >= options.farEss * double(options.referenceSize) ? "far"
                                                                   : "intermediate";
}

} // namespace scorescope
