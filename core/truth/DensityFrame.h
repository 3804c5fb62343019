#pragma once
#include "core/playground/PlaneGrid.h"

#include <optional>
#include <string>
#include <vector>

namespace scorescope {

struct GaussianMixture;
struct TrainConfig;

// The data density p_0 of a 2-D mixture over a square frame around it (the means ± 3 of the
// largest component standard deviation), relative to its largest value on the grid: what the
// Samples panel draws behind a run's snapshot points.
struct DensityFrame {
    PlaneGrid grid;
    std::vector<float> relative;  // p_0 / max p_0 at the cell centres, row by row, top row first
};

DensityFrame densityFrame(const GaussianMixture& mixture, int cells = 160);
// The frame of a run's data when it is a 2-D mixture, read inside the run directory only
// (DataPaths.h); nullopt for other data (moons, images). Throws Error when the data is unreadable.
std::optional<DensityFrame> runDensityFrame(const TrainConfig& config, const std::string& runDir, int cells = 160);

} // namespace scorescope
