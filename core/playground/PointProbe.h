#pragma once
#include "core/playground/PlanarMixture.h"
#include "core/playground/RegimeMap.h"

#include <array>
#include <cstdint>
#include <memory>
#include <vector>

namespace scorescope {

class Sde;

// What the training targets look like at one point x of p_t (§3.2–3.3): a reference batch
// y_1..y_n with y_1 ~ p(y | x) (the clean sample that could have produced x) and y_2..y_n ~ p_0,
// their self-normalised weights w_i ∝ N(x; a y_i, s² I), the DSM target (a y_1 − x)/s², the STF
// target (a Σ w_i y_i − x)/s², and the exact score ∇log p_t(x) (§5).
struct ProbeRequest {
    PlanarMixture mixture;
    std::shared_ptr<const Sde> sde;
    double t = 0.1;
    double x = 0.0, y = 0.0;
    int64_t referenceSize = 256;
    uint64_t seed = 0;
};

struct ProbeResult {
    double t = 0.0, a = 1.0, s = 1.0;
    std::array<double, 2> x{};
    std::vector<double> reference;   // y_i in data space, (x, y) interleaved; y_1 first
    std::vector<double> weights;     // w_i, summing to 1
    std::array<double, 2> trueScore{}, dsmTarget{}, stfTarget{};
    double maxWeight = 0.0, ess = 0.0;  // max_i w_i and 1/Σ w_i²
    Regime regime = Regime::Intermediate;
};

ProbeResult probePoint(const ProbeRequest& request);

} // namespace scorescope
