#pragma once
#include "core/nn/NoiseConditionedNet.h"
#include "core/nn/ScoreFunction.h"

#include <memory>
#include <string>
#include <vector>

namespace scorescope {

class Sde;

enum class Parameterisation {
    Epsilon,  // score_sde: s_θ = −F(c_in x, c_noise)/s(t)  (§1.1; VE's scale_by_sigma is the same form)
    Edm       // EDM: D_θ = c_skip x̃ + c_out F(c_in x̃, c_noise) on x̃ = x/a, score = (D_θ − x̃)/(a σ²)  (§1.5)
};

struct ModelConfig {
    std::string arch = "mlp";
    int64_t hidden = 256;
    int64_t depth = 4;
    int64_t fourierFeatures = 32;
    double fourierScale = 2.0;
    // U-Net (arch "unet"): width at full resolution, multipliers per level
    int64_t width = 32;
    std::vector<int64_t> channelMult{1, 2, 2};
    int64_t resBlocks = 2;
    std::vector<int64_t> attentionResolutions{7, 8};  // the lowest level of 28- and 32-pixel images
    double dropout = 0.1;
    Parameterisation parameterisation = Parameterisation::Epsilon;
    double sigmaData = 0.5;  // σ_d of EDM's preconditioning and of c_in
};

Parameterisation parseParameterisation(const std::string& name);
std::string parameterisationName(Parameterisation p);

// A noise-conditioned network wrapped in a parameterisation so it is a score function.
// The network is always conditioned on c_noise = ¼ ln σ(t) (EDM's choice, §1.5) rather than the
// SDE-specific 999t: σ is the one noise scale all SDEs share, so one embedding fits them all.
// Inputs are scaled by c_in = 1/sqrt(s² + a²σ_d²) to unit variance in both parameterisations.
class ScoreModelImpl : public torch::nn::Module, public ScoreFunction {
public:
    ScoreModelImpl(std::shared_ptr<const Sde> sde, std::shared_ptr<NoiseConditionedNet> net, Parameterisation p,
                   double sigmaData);

    torch::Tensor score(const torch::Tensor& x, const torch::Tensor& t) override;
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& t) { return score(x, t); }

    const Sde& sde() const { return *sde_; }
    int64_t parameterCount() const;

private:
    std::shared_ptr<const Sde> sde_;
    std::shared_ptr<NoiseConditionedNet> net_;
    Parameterisation parameterisation_;
    double sigmaData_;
};
TORCH_MODULE(ScoreModel);

// Builds the network named by config.arch for data of shape `dataShape` (without the batch dim).
ScoreModel makeScoreModel(std::shared_ptr<const Sde> sde, const ModelConfig& config, const std::vector<int64_t>& dataShape);

} // namespace scorescope
