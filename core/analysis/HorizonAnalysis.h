#pragma once
#include "core/common/MeanEstimate.h"
#include "core/prior/AuxiliaryPrior.h"
#include "core/sde/SdeFactory.h"

#include <cstdint>
#include <vector>

namespace scorescope {

struct GaussianMixture;
class ScoreFunction;

struct HorizonOptions {
    std::vector<double> horizons{0.2, 0.3, 0.5, 0.7, 1.0};  // T grid
    int64_t points = 20000;   // Monte-Carlo points of each KL term
    int64_t gapNodes = 40;    // quadrature nodes in log t over [ε, T] for the score-matching gap
    int64_t gapPoints = 2000; // Monte-Carlo points at each node
    double eps = 1e-5;        // lower end of the gap's integral
    PriorConfig auxiliary;    // fitted at every T for the auxiliary KL; gaussian: skipped
    uint64_t seed = 0;
};

// The terms of the ELBO's excess over E log p_data at one horizon T (§4.2): the prior mismatch
// KL[p_T ‖ N(0, σ_T² I)] and KL[p_T ‖ ν] for an auxiliary ν fitted to p_T, and the score-matching
// gap G(θ, T) = ½ ∫_ε^T g² E_{p_t} ‖s_θ − ∇log p_t‖² dt of a model (NaN without one, or beyond the
// horizon it was trained on).
struct HorizonRow {
    double T = 0.0, meanCoeff = 0.0, std = 0.0;
    MeanEstimate klGaussian, klAuxiliary, gap;
};

// Every term from the closed-form p_t of the mixture (§5); `model` may be null.
std::vector<HorizonRow> analyzeHorizon(const GaussianMixture& mixture, const SdeConfig& sde, const HorizonOptions& options,
                                       ScoreFunction* model = nullptr, double modelHorizon = 0.0);

} // namespace scorescope
