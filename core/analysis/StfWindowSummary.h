#pragma once
#include "core/analysis/StfVarianceAnalysis.h"
#include "core/run/BinnedWindow.h"

#include <string>
#include <vector>

namespace scorescope {

// What the workbench's STF panel shows of one logging window of a training run (§3.2–3.4), per
// σ bin: the DSM and STF target variances in score units and their ratio; the regime of each bin
// that holds weights, by the analysis' own thresholds; and, on mixtures (the window holds
// "stf_err2"), the squared bias estimated as E‖ŝ − ∇log p_t‖² − tr Var, floored at 0.
struct StfWindowSummary {
    std::vector<double> sigma, vDsm, vStf, ratio;  // NaN where a bin is empty
    std::vector<double> bias2;                     // empty off mixtures
    std::vector<double> regimeSigma;               // the bins with weights, and their regimes
    std::vector<std::string> regime;
};

StfWindowSummary summariseStfWindow(const BinnedWindow& stf, const StfVarianceOptions& thresholds);

} // namespace scorescope
