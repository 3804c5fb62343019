// A run's config.json (train --config, --resume, the checkpoint's copy): an Error or a config.
#include "FuzzInput.h"
#include "core/common/Error.h"
#include "core/train/TrainConfig.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    try {
        scorescope::readTrainConfig(fuzz::writeInput(data, size, "config.json"));
    } catch (const scorescope::Error&) {
    }
    return 0;
}
