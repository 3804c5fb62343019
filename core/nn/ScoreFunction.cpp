#include "core/nn/ScoreFunction.h"

#include "core/sde/Sde.h"

namespace scorescope {

torch::Tensor tweedieDenoise(const Sde& sde, const torch::Tensor& x, const torch::Tensor& t, const torch::Tensor& score)
{
    const auto td = t.to(torch::kDouble);
    const auto a = broadcastTo(sde.meanCoeff(td).to(x.device()), x);
    const auto s = broadcastTo(sde.std(td).to(x.device()), x);
    return (x + s * s * score) / a;
}

} // namespace scorescope
