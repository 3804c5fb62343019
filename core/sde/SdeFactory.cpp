#include "core/sde/SdeFactory.h"

#include "core/common/Error.h"
#include "core/sde/EdmSde.h"
#include "core/sde/SubVpSde.h"
#include "core/sde/VeSde.h"
#include "core/sde/VpSde.h"

namespace scorescope {

SdeConfig SdeConfig::defaults(SdeKind kind)
{
    SdeConfig c;
    c.kind = kind;
    if (kind == SdeKind::EDM) {
        c.sigmaMin = 0.002;
        c.sigmaMax = 80.0;
    }
    return c;
}

std::shared_ptr<Sde> makeSde(const SdeConfig& c)
{
    switch (c.kind) {
    case SdeKind::VE: return std::make_shared<VeSde>(c.sigmaMin, c.sigmaMax, c.T);
    case SdeKind::VP: return std::make_shared<VpSde>(LinearBetaSchedule{c.beta0, c.beta1}, c.T);
    case SdeKind::SubVP: return std::make_shared<SubVpSde>(LinearBetaSchedule{c.beta0, c.beta1}, c.T);
    case SdeKind::EDM: return std::make_shared<EdmSde>(c.sigmaMin, c.sigmaMax);
    }
    throw Error("unknown SDE kind");
}

SdeKind parseSdeKind(const std::string& name)
{
    if (name == "ve") return SdeKind::VE;
    if (name == "vp") return SdeKind::VP;
    if (name == "subvp") return SdeKind::SubVP;
    if (name == "edm") return SdeKind::EDM;
    throw Error("unknown SDE '" + name + "' (expected ve, vp, subvp or edm)");
}

std::string sdeKindName(SdeKind kind)
{
    switch (kind) {
    case SdeKind::VE: return "ve";
    case SdeKind::VP: return "vp";
    case SdeKind::SubVP: return "subvp";
    case SdeKind::EDM: return "edm";
    }
    return "?";
}

} // namespace scorescope
