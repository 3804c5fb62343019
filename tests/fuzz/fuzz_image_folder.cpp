// An image folder (OpenCV decodes): the input is its one image, under each extension in turn.
#include "FuzzInput.h"
#include "core/common/Error.h"
#include "core/data/ImageDataset.h"

#include <filesystem>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const auto dir = fuzz::scratch() / "folder";
    for (const char* ext : {".png", ".jpg", ".bmp"}) {
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir / "class");
        fuzz::writeInput(data, size, std::string("folder/class/image") + ext);
        scorescope::ImageOptions options;
        options.size = 8;
        options.testFraction = 0.0;
        try {
            scorescope::loadImageFolder(dir.string(), options);
        } catch (const scorescope::Error&) {
        }
    }
    return 0;
}
