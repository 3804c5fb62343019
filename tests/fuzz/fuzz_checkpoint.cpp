// A checkpoint from someone else: readCheckpointConfig and loadCheckpoint give an Error or a
// loaded run, never a crash (TensorArchive: a JSON index and raw tensor bytes, all checked).
#include "FuzzInput.h"
#include "core/common/Error.h"
#include "core/train/Trainer.h"

#include <memory>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    // One small trainer for all inputs (the seed corpus's checkpoints are of this network).
    static const auto trainer = [] {
        scorescope::TrainConfig config;
        config.model.hidden = 16;
        config.model.depth = 2;
        config.sde.T = 0.3;
        config.prior.kind = "gmm";  // so that a checkpoint's prior record is read too
        return std::make_unique<scorescope::Trainer>(config);
    }();
    const auto path = fuzz::writeInput(data, size, "checkpoint.pt");
    try {
        scorescope::readCheckpointConfig(path);
    } catch (const scorescope::Error&) {
    }
    try {
        trainer->loadCheckpoint(path);
    } catch (const scorescope::Error&) {
    }
    return 0;
}
