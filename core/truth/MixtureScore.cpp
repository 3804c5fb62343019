#include "core/truth/MixtureScore.h"

#include "core/sde/Sde.h"
#include "core/truth/MixtureTruth.h"

namespace scorescope {

torch::Tensor MixtureScore::score(const torch::Tensor& x, const torch::Tensor& t)
{
    const auto td = t.to(torch::kDouble).to(torch::kCPU);
    const MixtureTruth truth(mixture_, sde_->meanCoeff(td), sde_->std(td));
    // Images [N, C, H, W] are points of dimension C·H·W to the mixture.
    return truth.score(x.to(torch::kCPU).flatten(1)).view(x.sizes()).to(x.options());
}

} // namespace scorescope
