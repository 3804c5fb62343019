// Mixture JSON (the CLI's --dataset FILE, the playground's Load): bad input is an Error, nothing else.
#include "core/common/Error.h"
#include "core/data/MixtureJson.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    try {
        scorescope::parseMixtureJson(std::string(reinterpret_cast<const char*>(data), size), "fuzz.json");
    } catch (const scorescope::Error&) {
    }
    return 0;
}
