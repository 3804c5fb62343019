#include "core/analysis/StfWindowSummary.h"

#include <algorithm>
#include <cmath>

namespace scorescope {

StfWindowSummary summariseStfWindow(const BinnedWindow& stf, const StfVarianceOptions& thresholds)
{
    StfWindowSummary out;
    out.sigma = stf.sigmas();
    out.vDsm = stf.mean("v_dsm");
    out.vStf = stf.mean("v_stf");
    const auto maxWeight = stf.mean("max_weight"), ess = stf.mean("ess"), err2 = stf.mean("stf_err2");
    const size_t bins = out.sigma.size();
    const auto at = [](const std::vector<double>& v, size_t i) { return i < v.size() ? v[i] : NAN; };
    for (size_t i = 0; i < bins; ++i) {
        out.ratio.push_back(at(out.vStf, i) / at(out.vDsm, i));
        if (std::isfinite(at(maxWeight, i)) && std::isfinite(at(ess, i))) {
            out.regimeSigma.push_back(out.sigma[i]);
            out.regime.push_back(stfRegime(maxWeight[i], ess[i], thresholds));
        }
        // The estimate is a difference of two noisy means: below 0 it says only "small".
        if (!err2.empty()) {
            const double b = at(err2, i) - at(out.vStf, i);
            out.bias2.push_back(std::isnan(b) ? NAN : std::max(0.0, b));
        }
    }
    return out;
}

} // namespace scorescope
