#pragma once
#include "core/common/Error.h"
#include "core/distributed/ProcessEnvironment.h"

#include <torch/types.h>

#include <chrono>
#include <exception>
#include <functional>
#include <optional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace scorescope {

// This rank stops because another rank failed or vanished; the message says which and why.
class PeerFailure : public Error {
public:
    using Error::Error;
};

// One process's membership in a data-parallel job on LibTorch's c10d: a TCPStore at
// MASTER_ADDR:MASTER_PORT (rank 0 hosts it) and a process group over it — Gloo, or NCCL for CUDA
// tensors where this LibTorch was built with it.
//
// Every collective turns a lost peer (a killed rank closes its sockets; a hung one runs past the
// timeout) into an Error that says which rank failed and why, when the failing rank could leave its
// reason in the store first (publishFailure), so each rank stops with the same clear message.
class DataParallel {
public:
    // Joins the job; blocks until all world-size ranks have joined (or `timeout` has passed).
    DataParallel(const ProcessEnvironment& env, const torch::Device& device, std::chrono::seconds timeout);
    ~DataParallel();
    DataParallel(const DataParallel&) = delete;
    DataParallel& operator=(const DataParallel&) = delete;

    int rank() const { return env_.rank; }
    int size() const { return env_.worldSize; }
    bool leads() const { return env_.rank == 0; }
    std::string backend() const;
    // Whether this build has c10d's process groups (Gloo's headers at build time): else one process only.
    static bool supported();
    // This rank's device: the one asked for, on CUDA the LOCAL_RANK-th GPU.
    const torch::Device& device() const { return device_; }

    // This rank's rows [begin, end) of a global batch of `batch` (which `size()` must divide).
    std::pair<int64_t, int64_t> shard(int64_t batch) const;

    // The sum over ranks, in place, in one collective: the tensors travel as one flat buffer of the
    // first one's type. One collective per step matters: on a loaded machine each costs a round of
    // thread wake-ups in every process (~1 ms on 2 cores), more than a small network's step.
    void sum(std::vector<torch::Tensor>& tensors, const std::string& what);
    // True on every rank when `flag` is true on any rank (a stop request, a failure at start).
    bool any(bool flag, const std::string& what);
    // The same value on every rank, or an Error naming `what` (a resumed step, a config hash).
    void checkSame(int64_t value, const std::string& what);

    // Runs `work` on every rank and agrees on the outcome: if it threw anywhere, every rank throws —
    // the rank that failed its own exception, the others a PeerFailure with that rank's reason.
    void together(const std::string& what, const std::function<void()>& work);
    // This rank fails for `reason` (not for a PeerFailure): leaves the reason in the store, leaves the
    // group so the others' collectives fail at once, and — rank 0 holds the store — waits a few
    // seconds for the others to have read it.
    void abandon(const std::string& reason);

private:
    [[noreturn]] void peerLost(const std::string& what, const std::exception& cause);
    void publishFailure(const std::string& reason);
    std::string failureOfOthers();  // the failed rank's reason, acknowledged as read

    struct Impl;
    ProcessEnvironment env_;
    torch::Device device_;
    std::unique_ptr<Impl> impl_;
};

} // namespace scorescope
