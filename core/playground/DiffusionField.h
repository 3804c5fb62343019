#pragma once
#include "core/playground/PlaneGrid.h"
#include "core/playground/PlanarMixture.h"
#include "core/playground/RegimeMap.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace scorescope {

class Sde;
class ScoreFunction;
struct GaussianMixture;

// Which score field the arrows show: the closed form, a trained model, or model − truth.
enum class ScoreSource { Truth, Model, Difference };

// Everything the playground shows of p_t at one time t: what a view needs to draw, computed in
// one call off the UI thread.
struct FieldRequest {
    PlanarMixture mixture;
    std::shared_ptr<const Sde> sde;
    double t = 0.1;
    PlaneGrid frame;             // the visible rectangle (its resolution is ignored)
    int densityCells = 160;      // heat map resolution per side
    int arrowCells = 40;         // score arrows per side
    int forwardSamples = 1000;   // y ~ p_0 pushed through the kernel to time t
    int regimeCells = 48;        // regime map per side
    int64_t referenceSize = 256; // the reference batch that classifies the regimes (§3.2)
    uint64_t seed = 0;           // the same seed gives the same samples at every t (common random numbers)
    ScoreSource source = ScoreSource::Truth;
    std::shared_ptr<ScoreFunction> model;  // needed for Model and Difference; evaluated on the CPU
};

struct FieldSnapshot {
    double t = 0.0, sigma = 0.0, a = 1.0, s = 1.0;  // the kernel x = a y + s z at t (§1.1)
    PlaneGrid densityGrid;
    std::vector<float> logDensity;   // ln p_t at the cell centres (§5)
    PlaneGrid arrowGrid;
    std::vector<float> arrows;       // the chosen score field at the cell centres, (u, v) interleaved
    std::vector<float> samples;      // forward-diffused samples x_t, (x, y) interleaved
    PlaneGrid regimeGrid;
    std::vector<Regime> regime;
};

// ln p_t at the cell centres of `grid`, row by row (§5).
std::vector<float> logDensityGrid(const GaussianMixture& mixture, const Sde& sde, double t, const PlaneGrid& grid);

// Throws Error when the mixture is invalid or a model is needed and missing.
FieldSnapshot computeField(const FieldRequest& request);

} // namespace scorescope
