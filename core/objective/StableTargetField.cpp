#include "objective/StableTargetField.h"

#include "sde/Sde.h"

#include <torch/torch.h>


namespace scorescope {

namespace {

// Per-row coefficient [B] (or a scalar) as a [B, 1] float64 column on `device`.
torch::Tensor column(const torch::Tensor& c, int64_t rows, const torch::Device& device)
{
    return c.to(device, torch::kDouble).reshape({-1, 1}).expand({rows, 1});
}

// Running sums of p = exp(L − m) over reference rows seen so far, rescaled whenever the row
// maximum m grows (the streaming log-sum-exp of §3.5).
struct Accumulator {
    torch::Tensor m, sum, sumY, sumYY, sum2, sum2Y, sum2YY;

    void add(const torch::Tensor& logits, const torch::Tensor& y, const torch::Tensor& yy, bool perRow)
    {
        const auto chunkMax = std::get<0>(logits.max(1, true));
        const auto mNew = m.defined() ? torch::maximum(m, chunkMax) : chunkMax;
        const auto p = torch::exp(logits - mNew);
        const auto p2 = p * p;
        // perRow: y is [B, D] with one reference row per x (the own sample); else y is shared [k, D].
        const auto py = perRow ? p * y : torch::matmul(p, y);
        const auto p2y = perRow ? p2 * y : torch::matmul(p2, y);
        const auto pyy = (p * yy).sum(1, true), p2yy = (p2 * yy).sum(1, true);
        if (!m.defined()) {
            m = mNew, sum = p.sum(1, true), sumY = py, sumYY = pyy, sum2 = p2.sum(1, true), sum2Y = p2y, sum2YY = p2yy;
            return;
        }
        const auto r = torch::exp(m - mNew), r2 = r * r;
        m = mNew;
        sum = sum * r + p.sum(1, true);
        sumY = sumY * r + py;
        sumYY = sumYY * r + pyy;
        sum2 = sum2 * r2 + p2.sum(1, true);
        sum2Y = sum2Y * r2 + p2y;
        sum2YY = sum2YY * r2 + p2yy;
    }
};

} // namespace

torch::Tensor referenceLogits(const torch::Tensor& x, const torch::Tensor& a, const torch::Tensor& s, const torch::Tensor& y)
{
    const int64_t B = x.size(0);
    const auto X = x.reshape({B, -1}).to(torch::kDouble), Y = y.reshape({y.size(0), -1}).to(x.device(), torch::kDouble);
    const auto ac = column(a, B, x.device());
    return (ac * torch::matmul(X, Y.t()) - 0.5 * ac * ac * Y.pow(2).sum(1).unsqueeze(0)) / column(s, B, x.device()).pow(2);
}

torch::Tensor StfTargets::score(const torch::Tensor& x, const torch::Tensor& a, const torch::Tensor& s) const
{
    const auto ab = broadcastTo(a.to(x.device(), x.scalar_type()), x), sb = broadcastTo(s.to(x.device(), x.scalar_type()), x);
    return (ab * denoised.to(x.scalar_type()) - x) / (sb * sb);
}

torch::Tensor StfTargets::epsilon(const torch::Tensor& x, const torch::Tensor& a, const torch::Tensor& s) const
{
    const auto ab = broadcastTo(a.to(x.device(), x.scalar_type()), x), sb = broadcastTo(s.to(x.device(), x.scalar_type()), x);
    return (x - ab * denoised.to(x.scalar_type())) / sb;
}

StfTargets stableTargets(const torch::Tensor& x, const torch::Tensor& a, const torch::Tensor& s, const torch::Tensor& own,
                         const torch::Tensor& others, int64_t chunk)
{
    torch::NoGradGuard noGrad;
    const int64_t B = x.size(0);
    const auto X = x.reshape({B, -1}).to(torch::kDouble);
    Accumulator acc;
    if (own.defined()) {
        // Row b against its own sample only: the diagonal of the B × B logits.
        const auto Y = own.reshape({B, -1}).to(x.device(), torch::kDouble);
        acc.add(referenceLogits(X, a, s, Y).diagonal().unsqueeze(1), Y, Y.pow(2).sum(1, true), /*perRow=*/true);
    }
    const int64_t n = others.defined() ? others.size(0) : 0;
    const auto R = n > 0 ? others.reshape({n, -1}).to(x.device(), torch::kDouble) : torch::Tensor();
    for (int64_t c = 0; c < n; c += chunk) {
        const auto Y = R.slice(0, c, c + chunk);
        acc.add(referenceLogits(X, a, s, Y), Y, Y.pow(2).sum(1).unsqueeze(0), /*perRow=*/false);
    }
    TORCH_CHECK(acc.m.defined(), "stableTargets: the reference batch is empty");

    StfTargets out;
    const auto D = acc.sumY / acc.sum;
    const auto DD = D.pow(2).sum(1, true);
    out.denoised = D.to(x.scalar_type()).reshape(x.sizes());
    out.maxWeight = (1.0 / acc.sum).squeeze(1).cpu();  // the largest p is exp(m − m) = 1
    out.ess = (acc.sum.pow(2) / acc.sum2).squeeze(1).cpu();
    out.posteriorTrace = (acc.sumYY / acc.sum - DD).clamp_min(0.0).squeeze(1).cpu();
    out.targetTrace = ((acc.sum2YY - 2.0 * (acc.sum2Y * D).sum(1, true) + DD * acc.sum2) / acc.sum.pow(2))
                          .clamp_min(0.0).squeeze(1).cpu();
    return out;
}

} // namespace scorescope
