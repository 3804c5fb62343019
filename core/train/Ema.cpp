#include "core/train/Ema.h"

#include "core/common/Error.h"
#include "core/run/TensorArchive.h"

#include <torch/torch.h>

namespace scorescope {

Ema::Ema(const torch::nn::Module& module, double decay) : decay_(decay)
{
    torch::NoGradGuard noGrad;
    for (const auto& p : module.parameters())
        shadow_.push_back(p.detach().clone());
}

void Ema::update(const torch::nn::Module& module)
{
    torch::NoGradGuard noGrad;
    const auto params = module.parameters();
    for (size_t i = 0; i < params.size(); ++i)
        shadow_[i].mul_(decay_).add_(params[i].detach(), 1.0 - decay_);
}

void Ema::copyTo(torch::nn::Module& module) const
{
    torch::NoGradGuard noGrad;
    auto params = module.parameters();
    for (size_t i = 0; i < params.size(); ++i)
        params[i].copy_(shadow_[i]);
}

void Ema::save(TensorArchive& archive) const
{
    for (size_t i = 0; i < shadow_.size(); ++i)
        archive.write("p" + std::to_string(i), shadow_[i]);
}

void Ema::load(const TensorArchive& archive)
{
    for (auto& tensor : shadow_) {
        const auto loaded = archive.tensor("p" + std::to_string(&tensor - shadow_.data()));
        if (loaded.sizes() != tensor.sizes() || loaded.scalar_type() != tensor.scalar_type())
            throw Error("EMA weights do not match the network");
        tensor.copy_(loaded);
    }
}

} // namespace scorescope
