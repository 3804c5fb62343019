#pragma once
#include "core/prior/Prior.h"

#include <functional>
#include <memory>
#include <string>

namespace scorescope {

class Dataset;
class Sde;

// Which law x_T is drawn from (§4.4): the SDE's Gaussian, or an auxiliary model fitted to p_T.
struct PriorConfig {
    std::string kind = "gaussian";  // gaussian, gmm, flow
    int64_t components = 8;         // gmm
    bool fullCovariance = true;     // gmm: full or diagonal covariances
    int64_t fitPoints = 20000;      // gmm: forward-diffused points EM fits
    int64_t restarts = 1;           // gmm: EM starts, the best kept
    int64_t fitSteps = 0;           // EM iterations or flow optimiser steps; 0: 200 or 3000
    int64_t layers = 8;             // flow: coupling layers
    int64_t hidden = 128;           // flow: width of each coupling MLP

    bool auxiliary() const { return kind != "gaussian"; }
};
void validate(const PriorConfig& config);  // throws Error on an unknown kind or a non-positive size

// n draws [n, D] of the forward marginal p_T: x_T = a(T) x_0 + s(T) z with x_0 from the data (§4.1).
torch::Tensor forwardMarginal(const Sde& sde, const Dataset& data, int64_t n, Rng& rng);

// The prior the config asks for: the SDE's Gaussian, or an auxiliary model fitted by maximum
// likelihood on draws of p_T (EM on CPU, the flow on `device`). `report` gets a line of progress.
std::shared_ptr<Prior> makePrior(const PriorConfig& config, const Sde& sde, const Dataset& data, uint64_t seed,
                                 const torch::Device& device, const std::function<void(const std::string&)>& report = {});

} // namespace scorescope
