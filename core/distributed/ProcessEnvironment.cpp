#include "core/distributed/ProcessEnvironment.h"

#include "core/common/Error.h"

#include <cstdlib>
#include <optional>

namespace scorescope {

namespace {

std::optional<long> integerVariable(const char* name, long lo, long hi)
{
    const char* value = std::getenv(name);
    if (!value || !*value)
        return std::nullopt;
    char* end = nullptr;
    const long n = std::strtol(value, &end, 10);
    if (*end != '\0' || n < lo || n > hi)
        throw Error(std::string("environment variable ") + name + "=" + value + ": expected an integer in [" +
                    std::to_string(lo) + ", " + std::to_string(hi) + "]");
    return n;
}

} // namespace

ProcessEnvironment processEnvironment()
{
    ProcessEnvironment env;
    const auto world = integerVariable("WORLD_SIZE", 1, 4096);
    const auto rank = integerVariable("RANK", 0, 4095);
    if (world.has_value() != rank.has_value())
        throw Error(std::string("environment: ") + (world ? "WORLD_SIZE is set but RANK is not" : "RANK is set but WORLD_SIZE is not") +
                    "; a launcher sets both (see scorescope-launch)");
    if (!world)
        return env;
    env.worldSize = static_cast<int>(*world);
    env.rank = static_cast<int>(*rank);
    if (env.rank >= env.worldSize)
        throw Error("environment: RANK=" + std::to_string(env.rank) + " is not below WORLD_SIZE=" + std::to_string(env.worldSize));
    env.localRank = static_cast<int>(integerVariable("LOCAL_RANK", 0, 4095).value_or(env.rank));
    if (const char* addr = std::getenv("MASTER_ADDR"); addr && *addr)
        env.masterAddr = addr;
    else if (env.distributed())
        throw Error("environment: WORLD_SIZE=" + std::to_string(env.worldSize) + " but MASTER_ADDR is not set (the host of rank 0)");
    env.masterPort = static_cast<int>(integerVariable("MASTER_PORT", 1, 65535).value_or(env.masterPort));
    const char* agent = std::getenv("TORCHELASTIC_USE_AGENT_STORE");
    env.agentStore = agent && std::string(agent) == "True";  // Python's str(True), as torchrun writes it
    env.restartAttempt = static_cast<int>(integerVariable("TORCHELASTIC_RESTART_COUNT", 0, 1 << 20).value_or(0));
    return env;
}

} // namespace scorescope
