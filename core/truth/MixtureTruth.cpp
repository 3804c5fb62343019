#include "core/truth/MixtureTruth.h"

#include <torch/torch.h>

#include <cmath>

namespace scorescope {

namespace {
torch::Tensor asBatchCoeff(const torch::Tensor& c)
{
    return c.to(torch::kDouble).reshape({-1, 1, 1, 1});
}
}

MixtureTruth::MixtureTruth(const GaussianMixture& mixture, const torch::Tensor& a, const torch::Tensor& s)
    : mixture_(mixture), a_(asBatchCoeff(a)), s_(asBatchCoeff(s))
{
    const auto eye = torch::eye(mixture.dim(), torch::kDouble);
    const auto C = a_.pow(2) * mixture.covariances.unsqueeze(0) + s_.pow(2) * eye;
    cholesky_ = torch::linalg_cholesky(C);
}

MixtureTruth::Terms MixtureTruth::terms(const torch::Tensor& x) const
{
    const auto xd = x.to(torch::kDouble);
    const double D = static_cast<double>(mixture_.dim());
    const auto aK = a_.squeeze(-1);                                             // [N|1, 1, 1]
    const auto diff = xd.unsqueeze(1) - aK * mixture_.means.unsqueeze(0);       // [N, K, D]
    const auto solved = torch::cholesky_solve(diff.unsqueeze(-1), cholesky_).squeeze(-1);
    const auto maha = (diff * solved).sum(-1);                                  // [N, K]
    const auto logDet = 2.0 * cholesky_.diagonal(0, -2, -1).log().sum(-1);      // [N|1, K]
    const auto logN = -0.5 * (D * std::log(2.0 * M_PI) + logDet + maha);
    return {mixture_.weights.log().unsqueeze(0) + logN, solved};
}

torch::Tensor MixtureTruth::logDensity(const torch::Tensor& x) const { return torch::logsumexp(terms(x).logJoint, 1); }

torch::Tensor MixtureTruth::responsibilities(const torch::Tensor& x) const
{
    return torch::softmax(terms(x).logJoint, 1);
}

// ∇ log p_t(x) = −Σ_k r_k C_k⁻¹(x − aμ_k)
torch::Tensor MixtureTruth::score(const torch::Tensor& x) const
{
    const auto t = terms(x);
    return -(torch::softmax(t.logJoint, 1).unsqueeze(-1) * t.solved).sum(1);
}

// m_k = μ_k + aΣ_k C_k⁻¹(x − aμ_k)
torch::Tensor MixtureTruth::posteriorMeans(const torch::Tensor& x) const
{
    const auto solved = terms(x).solved;
    const auto aK = a_.squeeze(-1);
    return mixture_.means.unsqueeze(0) + aK * torch::matmul(mixture_.covariances.unsqueeze(0), solved.unsqueeze(-1)).squeeze(-1);
}

// P_k = Σ_k − a²Σ_k C_k⁻¹ Σ_k
torch::Tensor MixtureTruth::posteriorCovariances() const
{
    const auto S = mixture_.covariances.unsqueeze(0);
    return S - a_.pow(2) * torch::matmul(S, torch::cholesky_solve(S.expand_as(cholesky_), cholesky_));
}

torch::Tensor MixtureTruth::denoiser(const torch::Tensor& x) const
{
    return (responsibilities(x).unsqueeze(-1) * posteriorMeans(x)).sum(1);
}

// Cov[y|x] = Σ_k r_k (P_k + m_k m_kᵀ) − D* D*ᵀ
torch::Tensor MixtureTruth::posteriorCovariance(const torch::Tensor& x) const
{
    const auto r = responsibilities(x).unsqueeze(-1).unsqueeze(-1);                 // [N, K, 1, 1]
    const auto m = posteriorMeans(x);                                               // [N, K, D]
    const auto second = posteriorCovariances() + m.unsqueeze(-1) * m.unsqueeze(-2);
    const auto mean = (r.squeeze(-1) * m).sum(1);                                   // [N, D]
    return (r * second).sum(1) - mean.unsqueeze(-1) * mean.unsqueeze(-2);
}

} // namespace scorescope
