#pragma once
#include "core/common/Rng.h"

#include <torch/types.h>

#include <memory>
#include <string>
#include <vector>

namespace scorescope {

class Sde;
class ScoreFunction;
class Prior;

struct SamplerOptions {
    int64_t steps = 500;            // time steps (ignored by the adaptive RK45 sampler)
    double eps = -1.0;              // end time; < 0: the SDE's sampling ε (§1.3)
    double snr = 0.16;              // Langevin corrector signal-to-noise ratio (§1.3)
    int64_t correctorSteps = 1;
    double rtol = 1e-5, atol = 1e-5;  // RK45 tolerances (§1.3)
    double rho = 7.0;               // EDM schedule exponent (§1.5)
    uint64_t seed = 0;              // for x_T and the sampler's own noise
    std::shared_ptr<const Prior> prior;  // x_T's law (§4.4); null: the SDE's Gaussian
};

// What the sampler holds after each step: the particles, their time, the score and Tweedie's
// denoised estimate from the most recent score evaluation, and the network evaluations so far.
struct SamplerState {
    torch::Tensor x;
    double t = 0.0;
    torch::Tensor score;
    torch::Tensor denoised;
    int64_t nfe = 0;
    int64_t step = 0;
};

// A reverse-time sampler that advances one step at a time (the GUI's step-through view drives it
// directly). reset() places particles at time T; step() moves them towards ε; run() finishes.
class ReverseSampler {
public:
    ReverseSampler(std::shared_ptr<const Sde> sde, ScoreFunction& score, SamplerOptions options);
    virtual ~ReverseSampler() = default;

    virtual std::string name() const = 0;
    void reset(const torch::Tensor& xT);
    // Draws particles [shape] from the prior with the sampler's seed, in `dtype`.
    void reset(const std::vector<int64_t>& shape, torch::ScalarType dtype = torch::kFloat);
    // Gives particle i its own random stream seeded with seeds[i], for x_T and all later noise, so
    // its trajectory does not depend on the others: grid cell k always shows seed k.
    void resetPerParticle(const std::vector<uint64_t>& seeds, const std::vector<int64_t>& sampleShape,
                          torch::ScalarType dtype = torch::kFloat);
    virtual bool done() const { return state_.step >= totalSteps(); }
    virtual void step() = 0;
    virtual int64_t totalSteps() const { return options_.steps; }  // -1 when adaptive
    torch::Tensor run();

    const SamplerState& state() const { return state_; }
    double endTime() const;
    std::shared_ptr<const Prior> prior() const { return prior_; }

protected:
    virtual void onReset() {}
    torch::Tensor evalScore(const torch::Tensor& x, double t);       // counts NFE, records score/denoised
    torch::Tensor noise(const torch::Tensor& like);                   // N(0, I) shaped like `like`
    torch::Tensor probabilityFlowDrift(const torch::Tensor& x, double t);
    double gridTime(int64_t i) const;  // uniform grid T → ε in totalSteps() steps

    std::shared_ptr<const Sde> sde_;
    std::shared_ptr<const Prior> prior_;
    ScoreFunction& score_;
    SamplerOptions options_;
    Rng rng_;
    std::vector<Rng> particleRngs_;  // per-particle streams; empty: rng_ for the whole batch
    SamplerState state_;
};

// Seeds first, first+1, … for n particles: particle k of a grid always uses seed first + k.
std::vector<uint64_t> particleSeeds(uint64_t first, int64_t n);

const std::vector<std::string>& samplerNames();  // em, pc, ode-euler, ode-heun, ode-rk45, edm-heun
std::unique_ptr<ReverseSampler> makeSampler(const std::string& name, std::shared_ptr<const Sde> sde, ScoreFunction& score,
                                            const SamplerOptions& options);

} // namespace scorescope
