// CIFAR-10's binary batches: the input is every batch file of the directory.
#include "FuzzInput.h"
#include "core/common/Error.h"
#include "core/data/ImageDataset.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    for (const char* name : {"data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin",
                             "data_batch_5.bin", "test_batch.bin"})
        fuzz::writeInput(data, size, std::string("cifar/") + name);
    try {
        scorescope::loadCifar10((fuzz::scratch() / "cifar").string(), /*flip=*/true);
    } catch (const scorescope::Error&) {
    }
    return 0;
}
