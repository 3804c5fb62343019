#include "core/analysis/TimeSamplingLaw.h"

#include "core/analysis/TruncationLaw.h"
#include "core/objective/DenoisingScoreMatching.h"
#include "core/objective/SoftTruncation.h"
#include "core/train/TrainConfig.h"

#include <cmath>
#include <functional>
#include <optional>

namespace scorescope {

namespace {
constexpr double kLn10 = 2.302585092994046;

// ∫ P_k(τ) f(τ) dτ over [ε, T] by the midpoint rule in log τ, where P_k τ is smooth.
double overTau(const SoftTruncation& st, const std::function<double(double)>& f, int nodes = 400)
{
    const double lo = std::log(st.eps()), h = (std::log(st.horizon()) - lo) / nodes;
    double sum = 0.0;
    for (int i = 0; i < nodes; ++i) {
        const double tau = std::exp(lo + (i + 0.5) * h);
        sum += st.density(tau) * tau * f(tau) * h;
    }
    return sum;
}
} // namespace

TimeSamplingLaw timeSamplingLaw(const TrainConfig& config, int points)
{
    const auto sde = makeSde(config.sde);
    const auto& o = config.objective;
    const DenoisingScoreMatching dsm(sde, o);  // ε and τ's law exactly as training has them
    const double eps = dsm.eps(), T = sde->horizon();
    const SoftTruncation* soft = dsm.softTruncation();
    const SoftTruncation fixed(eps, T, 1.0);  // only its range matters for the conditional law at τ = ε
    const SoftTruncation& st = soft ? *soft : fixed;
    // The tables of the branches this weighting uses, and no others.
    const bool uniformBranch = o.weighting == Weighting::Variance || o.weighting == Weighting::Likelihood ||
                               o.weighting == Weighting::Mixed;
    const bool isBranch = o.weighting == Weighting::LikelihoodIS || o.weighting == Weighting::Mixed;
    std::optional<TruncationLaw> uniform, importance;
    if (uniformBranch)
        uniform.emplace(*sde, st, false);
    if (isBranch)
        importance.emplace(*sde, st, true);

    // Density of t per unit t, for the fixed ε or marginally over τ.
    auto lawDensity = [&](const TruncationLaw& law, double t) { return soft ? law.marginalDensity(t) : law.conditionalDensity(t, eps); };
    std::function<double(double)> densityOfT;
    switch (o.weighting) {
    case Weighting::Variance:
    case Weighting::Likelihood:
        densityOfT = [&](double t) { return lawDensity(*uniform, t); };
        break;
    case Weighting::LikelihoodIS:
        densityOfT = [&](double t) { return lawDensity(*importance, t); };
        break;
    case Weighting::Mixed:
        densityOfT = [&](double t) { return 0.5 * (lawDensity(*uniform, t) + lawDensity(*importance, t)); };
        break;
    case Weighting::Edm:
        densityOfT = [&](double t) {
            // ln σ ~ N(P_mean, P_std²) truncated to [ln σ(τ), ln σ(T)]; per unit t through d ln σ/dt.
            const double sigma = sde->sigmaAt(t), z = (std::log(sigma) - o.pMean) / o.pStd;
            const double h = 1e-5 * t;
            const double dLnSigma = (std::log(sde->sigmaAt(t + h)) - std::log(sde->sigmaAt(t - h))) / (2.0 * h);
            const double phi = std::exp(-0.5 * z * z) / (o.pStd * std::sqrt(2.0 * M_PI)) * dLnSigma;
            const double hi = dsm.edmSigmaCdf(sde->sigmaAt(T));
            if (!soft)
                return phi / (hi - dsm.edmSigmaCdf(sde->sigmaAt(eps)));
            return phi * overTau(st, [&](double tau) { return tau <= t ? 1.0 / (hi - dsm.edmSigmaCdf(sde->sigmaAt(tau))) : 0.0; });
        };
        break;
    }

    TimeSamplingLaw law;
    law.eps = eps;
    law.horizon = T;
    for (int i = 0; i < points; ++i) {
        // Interior nodes: the EDM branch differentiates σ(t) on both sides.
        const double t = eps * std::pow(T / eps, (i + 0.5) / points);
        law.t.x.push_back(t);
        law.t.density.push_back(densityOfT(t) * t * kLn10);
        if (soft) {
            law.tau.x.push_back(t);
            law.tau.density.push_back(st.density(t) * t * kLn10);
        }
    }
    return law;
}

} // namespace scorescope
