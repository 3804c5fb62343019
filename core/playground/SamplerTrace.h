#pragma once
#include "core/playground/PlanarMixture.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace scorescope {

class Prior;
class ReverseSampler;
class ScoreFunction;
class Sde;

struct TraceOptions {
    std::string sampler = "em";     // a name of samplerNames()
    int64_t steps = 100;            // ignored by the adaptive RK45
    int64_t particles = 2000;
    uint64_t seed = 0;              // x_T and the sampler's noise: equal seeds give equal starts
    int64_t qualitySamples = 1000;  // draws of the true mixture (and particles) in the energy distance
    std::shared_ptr<const Prior> prior;  // null: the SDE's Gaussian
};

// One recorded step of a reverse sampler: the particles, the score and denoised estimates of the
// step's last score evaluation, the NFE so far, and the energy distance of the particles to the
// true mixture p_0 (SampleMetrics; ≈ 0 when they are distributed as p_0).
struct TraceFrame {
    int64_t step = 0;
    double t = 0.0;
    int64_t nfe = 0;
    std::vector<float> x, score, denoised;  // (x, y) interleaved; score/denoised empty at frame 0
    double energyDistance = 0.0;
};

// A reverse sampler that can be stepped back: every step's frame is kept, so stepping back and
// forward again replays the same positions (stochastic samplers included), and a jump computes only
// the steps not yet taken.
class SamplerTrace {
public:
    SamplerTrace(std::shared_ptr<const Sde> sde, std::shared_ptr<ScoreFunction> score, const PlanarMixture& truth,
                 const TraceOptions& options);
    ~SamplerTrace();

    const TraceFrame& frame() const { return frames_[position_]; }
    const TraceFrame& frameAt(int64_t index) const { return frames_.at(index); }
    int64_t position() const { return position_; }
    int64_t recorded() const { return static_cast<int64_t>(frames_.size()); }
    // Steps of the whole run; for the adaptive RK45 only known once it has finished (-1 before).
    int64_t totalSteps() const;
    bool atEnd() const;  // the sampler has reached ε and this is its last frame

    bool forward();      // false at the end
    bool back();         // false at x_T
    void jumpTo(int64_t step);  // clamped to [0, the last step]

    std::string samplerName() const;

private:
    void record();

    std::shared_ptr<ScoreFunction> score_;
    std::unique_ptr<ReverseSampler> sampler_;
    std::vector<TraceFrame> frames_;
    int64_t position_ = 0;
    int64_t qualitySamples_;
    struct Reference;
    std::unique_ptr<Reference> reference_;  // draws of p_0 for the energy distance
};

} // namespace scorescope
