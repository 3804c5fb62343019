#include "core/prior/MixturePrior.h"

#include "core/common/Error.h"
#include "core/common/Rng.h"
#include "core/run/TensorArchive.h"

#include <torch/torch.h>

#include <cmath>

namespace scorescope {

namespace {
constexpr int64_t kChunk = 4096;  // points per triangular solve: bounds the [K, D, chunk] temporaries

double logTwoPi() { return std::log(2.0 * M_PI); }
}

MixturePrior::MixturePrior(torch::Tensor weights, torch::Tensor means, torch::Tensor scale)
    : weights_(std::move(weights)), means_(std::move(means)), scale_(std::move(scale))
{
}

torch::Tensor MixturePrior::covariances() const
{
    if (fullCovariance())
        return scale_.matmul(scale_.transpose(1, 2));
    return torch::diag_embed(scale_.pow(2));
}

torch::Tensor MixturePrior::componentLogDensity(const torch::Tensor& x) const
{
    const auto D = static_cast<double>(means_.size(1));
    const auto diff = x.unsqueeze(1) - means_.unsqueeze(0);  // [N, K, D]
    torch::Tensor quad, logDet;
    if (fullCovariance()) {
        // ||L_k⁻¹ (x − μ_k)||² by one triangular solve per component over all points.
        const auto solved = torch::linalg_solve_triangular(scale_, diff.permute({1, 2, 0}), /*upper=*/false);
        quad = solved.pow(2).sum(1).transpose(0, 1);                          // [N, K]
        logDet = 2.0 * scale_.diagonal(0, 1, 2).log().sum(1);                 // [K]
    } else {
        quad = (diff / scale_.unsqueeze(0)).pow(2).sum(2);
        logDet = 2.0 * scale_.log().sum(1);
    }
    return weights_.log().unsqueeze(0) - 0.5 * (quad + logDet.unsqueeze(0) + D * logTwoPi());
}

torch::Tensor MixturePrior::logProb(const torch::Tensor& x) const
{
    torch::NoGradGuard noGrad;
    const auto flat = x.flatten(1).to(torch::kCPU, torch::kDouble);
    std::vector<torch::Tensor> parts;
    for (int64_t i = 0; i < flat.size(0); i += kChunk)
        parts.push_back(torch::logsumexp(componentLogDensity(flat.slice(0, i, i + kChunk)), 1));
    return torch::cat(parts).to(x.device(), x.scalar_type());
}

torch::Tensor MixturePrior::sample(int64_t n, const std::vector<int64_t>& sampleShape, Rng& rng,
                                   const torch::TensorOptions& options) const
{
    const auto k = rng.categorical(weights_, n);
    const auto z = rng.normal({n, means_.size(1)}, torch::TensorOptions().dtype(torch::kDouble));
    const auto scale = scale_.index_select(0, k);
    const auto offset = fullCovariance() ? scale.matmul(z.unsqueeze(2)).squeeze(2) : scale * z;
    std::vector<int64_t> shape{n};
    shape.insert(shape.end(), sampleShape.begin(), sampleShape.end());
    return (means_.index_select(0, k) + offset).reshape(shape).to(options);
}

std::shared_ptr<MixturePrior> MixturePrior::fit(const torch::Tensor& data, const EmOptions& o, Rng& rng,
                                                std::vector<double>* objective)
{
    if (o.restarts < 1)
        throw Error("EM needs at least one start");
    // EM finds a local maximum: with several starts, keep the one that ends highest.
    std::shared_ptr<MixturePrior> best;
    std::vector<double> bestObjective;
    for (int64_t r = 0; r < o.restarts; ++r) {
        std::vector<double> trace;
        auto model = fitOnce(data, o, rng, trace);
        if (!best || trace.back() > bestObjective.back()) {
            best = std::move(model);
            bestObjective = std::move(trace);
        }
    }
    if (objective)
        *objective = std::move(bestObjective);
    return best;
}

std::shared_ptr<MixturePrior> MixturePrior::fitOnce(const torch::Tensor& data, const EmOptions& o, Rng& rng,
                                                    std::vector<double>& objective)
{
    torch::NoGradGuard noGrad;
    const auto x = data.flatten(1).to(torch::kCPU, torch::kDouble);
    const int64_t N = x.size(0), D = x.size(1), K = o.components;
    if (K < 1 || N < K)
        throw Error("EM needs at least one component and at least as many points as components (" + std::to_string(N) +
                    " points, " + std::to_string(K) + " components)");
    const double lambda = o.regularisation * x.var(0).mean().item<double>();
    const auto eye = torch::eye(D, torch::kDouble);

    // Σ_k = (S_k + λI)/N_k maximises the EM bound with the penalty −½λ tr(Σ_k⁻¹), so each step is exact.
    auto scaleOf = [&](const torch::Tensor& scatter, const torch::Tensor& count) {
        if (o.fullCovariance)
            return torch::linalg_cholesky((scatter + lambda * eye) / count.view({-1, 1, 1}));
        return ((scatter + lambda) / count.view({-1, 1})).sqrt();
    };
    auto penalty = [&](const MixturePrior& m) {
        const auto inverseTrace = m.fullCovariance()
            ? torch::linalg_solve_triangular(m.scale_, eye.expand({K, D, D}), false).pow(2).sum()
            : m.scale_.pow(-2).sum();
        return 0.5 * lambda * inverseTrace.item<double>() / static_cast<double>(N);
    };

    // Start: k-means++ seeding (each next mean a data point drawn with probability ∝ its squared
    // distance to the nearest mean so far), so separated modes rarely share a component; the data's
    // (co)variance for every component.
    std::vector<torch::Tensor> seeds{x[rng.categorical(torch::ones({N}, torch::kDouble), 1).item<int64_t>()]};
    auto nearest = (x - seeds[0]).pow(2).sum(1);
    for (int64_t k = 1; k < K; ++k) {
        const auto weights = nearest.sum().item<double>() > 0.0 ? nearest : torch::ones({N}, torch::kDouble);
        seeds.push_back(x[rng.categorical(weights, 1).item<int64_t>()]);
        nearest = torch::minimum(nearest, (x - seeds.back()).pow(2).sum(1));
    }
    const auto centred = x - x.mean(0);
    const auto all = torch::full({K}, static_cast<double>(N), torch::kDouble);
    auto model = std::make_shared<MixturePrior>(
        torch::full({K}, 1.0 / K, torch::kDouble), torch::stack(seeds),
        o.fullCovariance ? scaleOf(centred.t().matmul(centred).expand({K, D, D}), all)
                         : scaleOf(centred.pow(2).sum(0).expand({K, D}), all));

    double previous = -INFINITY;
    for (int64_t it = 0; it < o.iterations; ++it) {
        // E step: responsibilities r_ik, and the objective of the current parameters.
        std::vector<torch::Tensor> logJoint;
        for (int64_t i = 0; i < N; i += kChunk)
            logJoint.push_back(model->componentLogDensity(x.slice(0, i, i + kChunk)));
        const auto lj = torch::cat(logJoint);
        const auto logP = torch::logsumexp(lj, 1, /*keepdim=*/true);
        const double current = logP.mean().item<double>() - penalty(*model);
        objective.push_back(current);
        if (current - previous < o.tolerance)
            break;
        previous = current;
        const auto r = (lj - logP).exp();  // [N, K]

        // M step.
        const auto count = r.sum(0).clamp_min(1e-300);
        const auto means = r.t().matmul(x) / count.unsqueeze(1);
        torch::Tensor scatter;
        if (o.fullCovariance) {
            std::vector<torch::Tensor> s;
            for (int64_t k = 0; k < K; ++k) {
                const auto c = x - means[k];
                s.push_back((c * r.select(1, k).unsqueeze(1)).t().matmul(c));
            }
            scatter = torch::stack(s);
        } else {
            scatter = r.t().matmul(x.pow(2)) - count.unsqueeze(1) * means.pow(2);
            scatter = scatter.clamp_min(0.0);
        }
        model = std::make_shared<MixturePrior>(count / count.sum(), means, scaleOf(scatter, count));
    }
    return model;
}

void MixturePrior::save(TensorArchive& archive) const
{
    archive.write("kind", kind());
    archive.write("weights", weights_);
    archive.write("means", means_);
    archive.write("scale", scale_);
}

std::shared_ptr<MixturePrior> MixturePrior::load(const TensorArchive& archive)
{
    const auto weights = archive.tensor("weights"), means = archive.tensor("means"), scale = archive.tensor("scale");
    const bool ok = weights.dim() == 1 && means.dim() == 2 && means.size(0) == weights.size(0) &&
                    (scale.dim() == 2 || scale.dim() == 3) && scale.size(0) == weights.size(0) &&
                    scale.size(1) == means.size(1) && (scale.dim() == 2 || scale.size(2) == means.size(1));
    if (!ok)
        throw Error("the auxiliary mixture's tensors have inconsistent shapes");
    return std::make_shared<MixturePrior>(weights.to(torch::kDouble), means.to(torch::kDouble), scale.to(torch::kDouble));
}

} // namespace scorescope
