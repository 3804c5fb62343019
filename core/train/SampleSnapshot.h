#pragma once
#include <string>

namespace scorescope {

class Trainer;

// Samples of the trainer's EMA model at fixed per-particle seeds (so that every snapshot of a run
// starts from the same x_T and the grids can be compared step by step), written atomically to
// RunDirectory::snapshot(): 16 images as a 4 × 4 grid, or 1000 toy points as CSV. The EDM Heun
// sampler with 18 steps (35 evaluations, §1.5) keeps a snapshot cheap beside training. Training
// itself is unaffected: the global generator's state is restored afterwards.
void writeSampleSnapshot(const Trainer& trainer, const std::string& runDirectory);

} // namespace scorescope
