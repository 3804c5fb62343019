#pragma once
#include "core/sde/Sde.h"

#include <memory>
#include <string>

namespace scorescope {

// Everything needed to rebuild an SDE; defaults are score_sde's and EDM's (§6).
struct SdeConfig {
    SdeKind kind = SdeKind::VP;
    double beta0 = 0.1, beta1 = 20.0;          // VP, sub-VP
    double sigmaMin = 0.01, sigmaMax = 50.0;   // VE; EDM uses 0.002 and 80 unless set
    double T = 1.0;                            // horizon for VE, VP, sub-VP

    static SdeConfig defaults(SdeKind kind);
};

std::shared_ptr<Sde> makeSde(const SdeConfig& config);

SdeKind parseSdeKind(const std::string& name); // throws Error on an unknown name
std::string sdeKindName(SdeKind kind);

} // namespace scorescope
