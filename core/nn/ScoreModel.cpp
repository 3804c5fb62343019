#include "core/nn/ScoreModel.h"

#include "core/common/Error.h"
#include "core/nn/ToyMlp.h"
#include "core/nn/UNet.h"
#include "core/sde/Sde.h"

#include <torch/torch.h>

namespace scorescope {

Parameterisation parseParameterisation(const std::string& name)
{
    if (name == "epsilon") return Parameterisation::Epsilon;
    if (name == "edm") return Parameterisation::Edm;
    throw Error("unknown parameterisation '" + name + "' (expected epsilon or edm)");
}

std::string parameterisationName(Parameterisation p) { return p == Parameterisation::Edm ? "edm" : "epsilon"; }

ScoreModelImpl::ScoreModelImpl(std::shared_ptr<const Sde> sde, std::shared_ptr<NoiseConditionedNet> net,
                               Parameterisation p, double sigmaData)
    : sde_(std::move(sde)), net_(register_module("net", std::move(net))), parameterisation_(p), sigmaData_(sigmaData)
{
}

torch::Tensor ScoreModelImpl::score(const torch::Tensor& x, const torch::Tensor& t)
{
    const auto dtype = net_->parameters().front().scalar_type();
    const auto device = net_->parameters().front().device();
    const auto td = t.to(torch::kDouble).to(torch::kCPU).reshape({-1}).expand({x.size(0)});
    const auto a64 = sde_->meanCoeff(td);
    const auto s64 = sde_->std(td);
    const auto sigma64 = s64 / a64;
    const auto xin = x.to(device, dtype);
    auto coeff = [&](const torch::Tensor& c) { return broadcastTo(c.to(device, dtype), xin); };
    const auto a = coeff(a64), s = coeff(s64), sigma = coeff(sigma64);
    const auto cIn = coeff(1.0 / torch::sqrt(s64 * s64 + a64 * a64 * sigmaData_ * sigmaData_));
    const auto cNoise = (0.25 * torch::log(sigma64)).to(device, dtype);
    const auto F = net_->forward(cIn * xin, cNoise);

    torch::Tensor out;
    if (parameterisation_ == Parameterisation::Epsilon) {
        out = -F / s;
    } else {
        const double sd2 = sigmaData_ * sigmaData_;
        const auto xt = xin / a;
        const auto cSkip = sd2 / (sigma * sigma + sd2);
        const auto cOut = sigma * sigmaData_ / torch::sqrt(sigma * sigma + sd2);
        const auto D = cSkip * xt + cOut * F;
        out = (D - xt) / (a * sigma * sigma);
    }
    return out.to(x.options());
}

int64_t ScoreModelImpl::parameterCount() const
{
    int64_t n = 0;
    for (const auto& p : parameters())
        n += p.numel();
    return n;
}

ScoreModel makeScoreModel(std::shared_ptr<const Sde> sde, const ModelConfig& config, const std::vector<int64_t>& dataShape)
{
    std::shared_ptr<NoiseConditionedNet> net;
    if (config.arch == "mlp") {
        if (dataShape.size() != 1)
            throw Error("the mlp network takes flat vectors; use a U-Net for images");
        net = ToyMlp(ToyMlpOptions(dataShape[0])
                         .hidden(config.hidden)
                         .depth(config.depth)
                         .fourierFeatures(config.fourierFeatures)
                         .fourierScale(config.fourierScale))
                  .ptr();
    } else if (config.arch == "unet") {
        if (dataShape.size() != 3 || dataShape[1] != dataShape[2])
            throw Error("the unet network takes square images [C, H, W]");
        net = UNet(UNetOptions(dataShape[0], dataShape[1])
                       .width(config.width)
                       .channelMult(config.channelMult)
                       .resBlocks(config.resBlocks)
                       .attentionResolutions(config.attentionResolutions)
                       .dropout(config.dropout))
                  .ptr();
    } else {
        throw Error("unknown network architecture '" + config.arch + "' (expected mlp or unet)");
    }
    return ScoreModel(std::move(sde), std::move(net), config.parameterisation, config.sigmaData);
}

} // namespace scorescope
