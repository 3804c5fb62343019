// IDX files, plain or gzip (Fashion-MNIST): an Error or a tensor of the header's shape.
#include "FuzzInput.h"
#include "core/common/Error.h"
#include "core/data/IdxFile.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    try {
        scorescope::readIdx(fuzz::writeInput(data, size, "images-idx3-ubyte.gz"));
    } catch (const scorescope::Error&) {
    }
    return 0;
}
