// The CLI's points CSV (analyze truth --points): an Error or a [N, D] tensor.
#include "FuzzInput.h"
#include "core/common/Error.h"
#include "core/run/PointsCsv.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    try {
        scorescope::readPointsCsv(fuzz::writeInput(data, size, "points.csv"));
    } catch (const scorescope::Error&) {
    }
    return 0;
}
