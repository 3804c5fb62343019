#pragma once
#include <torch/types.h>

#include <cstdint>
#include <memory>

namespace scorescope {

class Sde;
class ScoreFunction;
class Prior;

enum class Divergence { Auto, Exact, Hutchinson };

struct LikelihoodOptions {
    double eps = 1e-5;                 // integrate over [ε, T] (§1.4)
    double rtol = 1e-5, atol = 1e-5;   // RK45 tolerances (§1.4)
    Divergence divergence = Divergence::Auto;  // Auto: exact up to 8 dimensions, Hutchinson above
    bool gaussianProbe = false;        // Hutchinson probe: Rademacher (default) or Gaussian
    uint64_t seed = 0;
    std::shared_ptr<const Prior> prior;  // log p_T's law (§4.4); null: the SDE's Gaussian
};

struct LikelihoodResult {
    torch::Tensor logLikelihood;  // log p_0(x) per point [N], nats
    torch::Tensor priorLogProb;   // log p_T(x_T) [N]
    torch::Tensor deltaLogProb;   // ∫ ∇·f̃ dt [N]
    torch::Tensor xT;             // the ODE's end point
    int64_t nfe = 0;

    // log p_0(x) with `prior` as the prior term, from the same ODE solutions (§4.4).
    torch::Tensor logLikelihoodUnder(const Prior& prior) const;
};

// log p_0(x) = log p_T(x_T) + ∫_ε^T ∇·f̃(x_t, t) dt along the probability-flow ODE
// dx/dt = f̃ = f − ½g² s_θ (§1.4), with the divergence exact (autograd, one pass per dimension)
// or by Hutchinson–Skilling with one fixed probe per point for the whole solve.
LikelihoodResult probabilityFlowLikelihood(const Sde& sde, ScoreFunction& score, const torch::Tensor& x,
                                           const LikelihoodOptions& options = {});

} // namespace scorescope
