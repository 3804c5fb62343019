#include "core/objective/StableTargetField.h"

#include "core/common/TorchCompat.h"
#include "core/sde/Sde.h"

#include <torch/torch.h>


namespace scorescope {

namespace {

// Per-row coefficient [B] (or a scalar) as a [B, 1] float64 column on `device`.
torch::Tensor column(const torch::Tensor& c, int64_t rows, const torch::Device& device)
{
    return c.to(device, torch::kDouble).reshape({-1, 1}).expand({rows, 1});
}

// The logits as attention (§3.5): queries q = [a·x/s², −a²/2s²] and keys k = [y, ‖y‖²] give
// q·k = (a x·y − a²‖y‖²/2)/s², the softmax logit up to the per-row constant −‖x‖²/2s².
torch::Tensor queries(const torch::Tensor& X, const torch::Tensor& a, const torch::Tensor& s)
{
    const auto ac = column(a, X.size(0), X.device()), invS2 = 1.0 / column(s, X.size(0), X.device()).pow(2);
    return torch::cat({X * (ac * invS2), -0.5 * ac * ac * invS2}, 1);
}

torch::Tensor keys(const torch::Tensor& Y) { return torch::cat({Y, Y.pow(2).sum(1, true)}, 1); }

// Running sums over the reference rows seen so far of p = exp(L − m) and p², each against the
// values [y, 1, ‖y‖²], rescaled whenever the row maximum m grows (streaming log-sum-exp, §3.5).
struct Accumulator {
    explicit Accumulator(bool squares) : squares(squares) {}

    bool squares;              // also accumulate p² (the diagnostics)
    torch::Tensor m, pv, p2v;  // [B, 1], [B, D + 2], [B, D + 2]

    // perRow: values [B, D + 2], one reference row per x (the own sample); else shared [k, D + 2].
    void add(torch::Tensor logits, const torch::Tensor& values, bool perRow)
    {
        const auto chunkMax = std::get<0>(logits.max(1, true));
        const auto p = logits.sub_(chunkMax).exp_();
        auto against = [&](const torch::Tensor& w) { return perRow ? w * values : torch::matmul(w, values); };
        merge(chunkMax, against(p), squares ? against(p * p) : torch::Tensor());
    }

    // Sums Σ exp(L − mc)·v (and of the squares) over further rows, against their own offset mc.
    void merge(const torch::Tensor& mc, torch::Tensor pvc, torch::Tensor p2vc)
    {
        if (m.defined()) {
            const auto mNew = torch::maximum(m, mc);
            const auto r = torch::exp(m - mNew), rc = torch::exp(mc - mNew);
            pvc = pv * r + pvc * rc;
            if (squares)
                p2vc = p2v * (r * r) + p2vc * (rc * rc);
            m = mNew;
        } else {
            m = mc;
        }
        pv = std::move(pvc), p2v = std::move(p2vc);
    }
};

// Reference rows up to this width go through LibTorch's fused CPU attention where it has one.
// Measured (`bench_stf attention`, LibTorch 2.6, 2 cores, float64, B = 512, n = 1024 and 4096):
// 1.14-1.69x the streamed path's speed for D = 2 to 32, 1.03-1.12x at D = 64, 0.81-0.93x for
// 784-pixel images; the same targets bit for bit at σ = 0.002, and no [B, n] block held (the
// streamed path holds two, 32 MiB at B = 512, n = 4096).
constexpr int64_t kFusedAttentionWidth = 32;

// Whether the fused kernel is used: on the CPU, without the diagnostics (it has no Σ p²), and for
// Auto only where it pays (rows no wider than above).
bool fusedAttentionApplies(const Accumulator& acc, const torch::Tensor& q, StfKernel kernel)
{
    const bool pays = kernel == StfKernel::Fused || (kernel == StfKernel::Auto && q.size(1) - 1 <= kFusedAttentionWidth);
    return pays && !acc.squares && q.is_cpu();
}

// The sums over `others` in one fused pass (softmax·v with its log-sum-exp is an accumulator
// entry at m = lse), or false where this LibTorch lacks the kernel.
bool addFused(Accumulator& acc, const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& values)
{
    // One width for all three: q and k gain a zero column beside values' extra ‖y‖² column.
    auto widen = [](const torch::Tensor& t) { return torch::cat({t, torch::zeros({t.size(0), 1}, t.options())}, 1); };
    const auto fused = torchcompat::cpuAttention(widen(q), widen(k), values);
    if (!fused)
        return false;
    acc.merge(fused->second, fused->first, {});
    return true;
}

} // namespace

torch::Tensor referenceLogits(const torch::Tensor& x, const torch::Tensor& a, const torch::Tensor& s, const torch::Tensor& y)
{
    const auto X = x.reshape({x.size(0), -1}).to(torch::kDouble), Y = y.reshape({y.size(0), -1}).to(x.device(), torch::kDouble);
    return torch::matmul(queries(X, a, s), keys(Y).t());
}

namespace {
// x − a·D with a broadcast over x; and s broadcast likewise.
std::pair<torch::Tensor, torch::Tensor> residualAndStd(const torch::Tensor& x, const torch::Tensor& a, const torch::Tensor& s,
                                                       const torch::Tensor& denoised)
{
    auto like = [&](const torch::Tensor& c) { return broadcastTo(c.to(x.device(), x.scalar_type()), x); };
    return {x - like(a) * denoised.to(x.device(), x.scalar_type()), like(s)};
}
}

torch::Tensor StfTargets::score(const torch::Tensor& x, const torch::Tensor& a, const torch::Tensor& s) const
{
    const auto [residual, sb] = residualAndStd(x, a, s, denoised);
    return -residual / (sb * sb);
}

torch::Tensor StfTargets::epsilon(const torch::Tensor& x, const torch::Tensor& a, const torch::Tensor& s) const
{
    const auto [residual, sb] = residualAndStd(x, a, s, denoised);
    return residual / sb;
}

StfTargets stableTargets(const torch::Tensor& x, const torch::Tensor& a, const torch::Tensor& s, const torch::Tensor& own,
                         const torch::Tensor& others, int64_t chunk, bool diagnostics, StfKernel kernel)
{
    torch::NoGradGuard noGrad;
    const int64_t B = x.size(0);
    const auto X = x.reshape({B, -1}).to(torch::kDouble);
    const int64_t D = X.size(1);
    const auto q = queries(X, a, s);
    auto values = [](const torch::Tensor& Y, const torch::Tensor& k) {
        return torch::cat({Y, torch::ones({Y.size(0), 1}, Y.options()), k.slice(1, -1)}, 1);
    };
    Accumulator acc(diagnostics);
    if (own.defined()) {
        const auto Y = own.reshape({B, -1}).to(x.device(), torch::kDouble);
        const auto k = keys(Y);
        acc.add((q * k).sum(1, true), values(Y, k), /*perRow=*/true);
    }
    const int64_t n = others.defined() ? others.size(0) : 0;
    const auto R = n > 0 ? others.reshape({n, -1}).to(x.device(), torch::kDouble) : torch::Tensor();
    const auto fused = n > 0 && fusedAttentionApplies(acc, q, kernel) && [&] {
        const auto k = keys(R);
        return addFused(acc, q, k, values(R, k));
    }();
    for (int64_t c = 0; c < n && !fused; c += chunk) {
        const auto Y = R.slice(0, c, c + chunk);
        const auto k = keys(Y);
        acc.add(torch::matmul(q, k.t()), values(Y, k), /*perRow=*/false);
    }
    TORCH_CHECK(acc.m.defined(), "stableTargets: the reference batch is empty");

    const auto sum = acc.pv.slice(1, D, D + 1), sumYY = acc.pv.slice(1, D + 1);
    const auto Dn = acc.pv.slice(1, 0, D) / sum;
    const auto DD = Dn.pow(2).sum(1, true);
    StfTargets out;
    out.denoised = Dn.to(x.scalar_type()).reshape(x.sizes());
    out.posteriorTrace = (sumYY / sum - DD).clamp_min(0.0).squeeze(1).cpu();
    if (diagnostics) {
        out.maxWeight = (1.0 / sum).squeeze(1).cpu();  // streamed, m is the row maximum: its p is exp(m − m) = 1
        const auto sum2 = acc.p2v.slice(1, D, D + 1), sum2YY = acc.p2v.slice(1, D + 1);
        out.ess = (sum.pow(2) / sum2).squeeze(1).cpu();
        out.targetTrace = ((sum2YY - 2.0 * (acc.p2v.slice(1, 0, D) * Dn).sum(1, true) + DD * sum2) / sum.pow(2))
                              .clamp_min(0.0).squeeze(1).cpu();
    }
    return out;
}

} // namespace scorescope
