#include "core/analysis/DebiasedEma.h"

#include <cmath>

namespace scorescope {

std::vector<double> debiasedEma(const std::vector<double>& values, double weight)
{
    std::vector<double> out;
    out.reserve(values.size());
    double last = 0.0;
    int n = 0;
    for (double v : values) {
        if (!std::isfinite(v)) {
            out.push_back(n ? last / (1.0 - std::pow(weight, n)) : v);
            continue;
        }
        last = weight * last + (1.0 - weight) * v;
        ++n;
        out.push_back(last / (1.0 - std::pow(weight, n)));
    }
    return out;
}

} // namespace scorescope
