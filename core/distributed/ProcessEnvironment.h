#pragma once
#include <string>

namespace scorescope {

// Where this process sits in a data-parallel job, from the variables every launcher sets
// (torchrun, srun wrappers, scorescope-launch): RANK, WORLD_SIZE, LOCAL_RANK, MASTER_ADDR, MASTER_PORT,
// and torchrun's TORCHELASTIC_USE_AGENT_STORE and TORCHELASTIC_RESTART_COUNT.
struct ProcessEnvironment {
    int rank = 0;
    int worldSize = 1;
    int localRank = 0;
    std::string masterAddr = "127.0.0.1";
    int masterPort = 29500;
    // torchrun's agent already serves the job's store at MASTER_ADDR:MASTER_PORT
    // (TORCHELASTIC_USE_AGENT_STORE=True): every rank joins it as a client, under the prefix of
    // its restart attempt (TORCHELASTIC_RESTART_COUNT), as PyTorch's env:// rendezvous does.
    bool agentStore = false;
    int restartAttempt = 0;

    bool distributed() const { return worldSize > 1; }
};

// Reads the variables; none set is a single process. A variable that is malformed or inconsistent
// with the others (RANK ≥ WORLD_SIZE, WORLD_SIZE without RANK) throws Error naming it.
ProcessEnvironment processEnvironment();

} // namespace scorescope
