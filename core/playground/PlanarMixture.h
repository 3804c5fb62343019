#pragma once
#include <string>
#include <vector>

namespace scorescope {

struct GaussianMixture;

// A 2-D Gaussian mixture as plain numbers, the form the playground edits: the canvas adds, drags,
// resizes and deletes components without touching tensors. Weights are relative (normalised when
// the mixture is built).
struct PlanarComponent {
    double weight = 1.0;
    double mx = 0.0, my = 0.0;                    // mean
    double cxx = 0.01, cxy = 0.0, cyy = 0.01;     // covariance
};

struct PlanarMixture {
    std::string name = "playground";
    std::vector<PlanarComponent> components;
};

// Throws Error when there is no component, a weight is not positive or a covariance is not
// positive definite.
GaussianMixture toGaussianMixture(const PlanarMixture& mixture);
// Throws Error, naming `origin` (a file or preset), when the mixture is not two-dimensional.
PlanarMixture toPlanarMixture(const GaussianMixture& mixture, const std::string& origin);

// The mixture JSON of the CLI (MixtureJson); errors name the file.
PlanarMixture readPlanarMixture(const std::string& path);
void writePlanarMixture(const PlanarMixture& mixture, const std::string& path);

// The toy presets that are mixtures (ring8, grid25, …), by name; throws Error for others.
std::vector<std::string> planarPresetNames();
PlanarMixture planarPreset(const std::string& name);

} // namespace scorescope
