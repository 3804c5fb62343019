#pragma once
#include "core/playground/PlaneGrid.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace scorescope {

class Sde;
struct GaussianMixture;

// The three noise regimes of a point x at time t (§3.2), read off the self-normalised weights
// of a reference batch of n data samples: near where one sample dominates (max w ≥ 0.9), far where
// the effective sample size reaches n/2, intermediate between — stfRegime's thresholds.
enum class Regime : uint8_t { Near = 0, Intermediate = 1, Far = 2 };
Regime regimeOf(double maxWeight, double ess, int64_t referenceSize);
std::string regimeName(Regime regime);

// The regime of each cell centre of `grid` at time t, against one reference batch of
// `referenceSize` draws of the mixture (seeded): row by row, as the grid runs.
std::vector<Regime> regimeMap(const GaussianMixture& mixture, const Sde& sde, double t, const PlaneGrid& grid,
                              int64_t referenceSize, uint64_t seed);

// The regime over the whole horizon: for each time (log-spaced over [the sampler's ε, T]) and each
// radius r ∈ [0, maxRadius] from the diffused data mean a(t)·E[y], the regime of the mean max weight
// and mean effective sample size over `directions` points on that circle.
struct RegimeStrip {
    std::vector<double> times;   // ascending
    std::vector<double> radii;   // ascending
    std::vector<Regime> regime;  // times.size() rows of radii.size()
    Regime at(size_t time, size_t radius) const { return regime[time * radii.size() + radius]; }
};
RegimeStrip regimeStrip(const GaussianMixture& mixture, const Sde& sde, double maxRadius, int times, int radii,
                        int64_t referenceSize, uint64_t seed, int directions = 16);

} // namespace scorescope
