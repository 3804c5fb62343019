#include "core/distributed/DataParallel.h"

#include "core/common/ExceptionText.h"
#include "core/common/SystemError.h"
#include "core/common/TorchCompat.h"

#include <torch/torch.h>

#ifdef SCORESCOPE_HAVE_C10D
#include <torch/csrc/distributed/c10d/PrefixStore.hpp>
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>
#ifdef USE_C10D_NCCL
#include <torch/csrc/distributed/c10d/ProcessGroupNCCL.hpp>
#endif
#endif

#include <csignal>
#include <cstdlib>
#include <thread>

namespace scorescope {

namespace {
const std::string failureKey = "scorescope/failure", readKey = "scorescope/failure-read";
}

#ifdef SCORESCOPE_HAVE_C10D

struct DataParallel::Impl {
    c10::intrusive_ptr<c10d::Store> store;
    // c10d::ProcessGroup in LibTorch 1.13, c10d::Backend in 2.x: the same collectives either way.
    c10::intrusive_ptr<c10d::ProcessGroupGloo> gloo;
#ifdef USE_C10D_NCCL
    c10::intrusive_ptr<c10d::ProcessGroupNCCL> nccl;
#endif
    // Collectives run on the device with NCCL; Gloo reduces CPU tensors (it would stage CUDA ones anyway).
    torch::Device collectiveDevice = torch::kCPU;

    Impl(const ProcessEnvironment& env, const torch::Device& device, std::chrono::seconds timeout);

    template <class Run>
    void wait(Run&& run)
    {
#ifdef USE_C10D_NCCL
        if (nccl) {
            run(*nccl)->wait();
            return;
        }
#endif
        run(*gloo)->wait();
    }
    void allreduce(std::vector<torch::Tensor>& tensors, bool max)
    {
        c10d::AllreduceOptions options;
        options.reduceOp = max ? c10d::ReduceOp::MAX : c10d::ReduceOp::SUM;
        wait([&](auto& group) { return group.allreduce(tensors, options); });
    }
    void set(const std::string& key, const std::string& value)
    {
        store->set(key, std::vector<uint8_t>(value.begin(), value.end()));
    }
    std::optional<std::string> get(const std::string& key)
    {
        if (!store->check({key}))
            return std::nullopt;
        const auto bytes = store->get(key);
        return std::string(bytes.begin(), bytes.end());
    }
    int64_t add(const std::string& key, int64_t n) { return store->add(key, n); }
    // Closes this rank's connections to the others, whose pending collectives then fail at once.
    void leave()
    {
        gloo.reset();
#ifdef USE_C10D_NCCL
        nccl.reset();
#endif
    }
};

namespace {
bool isLoopback(const std::string& host)
{
    return host == "localhost" || host.rfind("127.", 0) == 0 || host == "::1";
}
}

DataParallel::Impl::Impl(const ProcessEnvironment& env, const torch::Device& device, std::chrono::seconds timeout)
{
    // Gloo writes to its sockets without MSG_NOSIGNAL: a peer that dies mid-write would kill this
    // process with SIGPIPE instead of failing the collective with an error we can report.
    std::signal(SIGPIPE, SIG_IGN);
    const std::string who = "rank " + std::to_string(env.rank) + " of " + std::to_string(env.worldSize);
    const std::string where = env.masterAddr + ":" + std::to_string(env.masterPort);
    try {
        c10d::TCPStoreOptions options;
        options.port = static_cast<std::uint16_t>(env.masterPort);
        options.isServer = env.rank == 0 && !env.agentStore;
        options.numWorkers = static_cast<std::size_t>(env.worldSize);
        options.waitWorkers = true;
        options.timeout = timeout;
        torchcompat::useSocketStore(options);
        store = c10::make_intrusive<c10d::TCPStore>(env.masterAddr, options);
        if (env.agentStore)
            store = c10::make_intrusive<c10d::PrefixStore>("/worker/attempt_" + std::to_string(env.restartAttempt), store);
    } catch (const std::exception& e) {
        throw SystemError(who + ": cannot join the job's store at " + where + " (MASTER_ADDR:MASTER_PORT) within " +
                    std::to_string(timeout.count()) + " s: " + firstLine(e.what()));
    }
    try {
#ifdef USE_C10D_NCCL
        if (device.is_cuda()) {
            // Without blocking waits an NCCL error or timeout aborts the process from a watchdog
            // thread; with them, wait() throws and the job stops with the reason (names of 2.2+ and before).
            setenv("TORCH_NCCL_BLOCKING_WAIT", "1", 0);
            setenv("NCCL_BLOCKING_WAIT", "1", 0);
            auto options = c10d::ProcessGroupNCCL::Options::create();
            options->timeout = timeout;
            nccl = c10::make_intrusive<c10d::ProcessGroupNCCL>(store, env.rank, env.worldSize, options);
            collectiveDevice = device;
            return;
        }
#else
        (void)device;
#endif
        auto options = c10d::ProcessGroupGloo::Options::create(timeout);
        // GLOO_SOCKET_IFNAME picks the network interface, as in PyTorch; a job on one machine stays on loopback.
        if (const char* ifname = std::getenv("GLOO_SOCKET_IFNAME"); ifname && *ifname)
            options->devices.push_back(c10d::ProcessGroupGloo::createDeviceForInterface(ifname));
        else if (isLoopback(env.masterAddr))
            options->devices.push_back(c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1"));
        else
            options->devices.push_back(c10d::ProcessGroupGloo::createDefaultDevice());
        gloo = c10::make_intrusive<c10d::ProcessGroupGloo>(store, env.rank, env.worldSize, options);
    } catch (const std::exception& e) {
        throw SystemError(who + ": cannot form the process group through " + where + ": " + firstLine(e.what()));
    }
}

std::string DataParallel::backend() const
{
#ifdef USE_C10D_NCCL
    if (impl_->nccl)
        return "nccl";
#endif
    return "gloo";
}

bool DataParallel::supported() { return true; }

#else  // this LibTorch has no c10d (or Gloo's headers were missing at build time): one process only

struct DataParallel::Impl {
    torch::Device collectiveDevice = torch::kCPU;
    Impl(const ProcessEnvironment& env, const torch::Device&, std::chrono::seconds)
    {
        if (env.distributed())
            throw Error("WORLD_SIZE=" + std::to_string(env.worldSize) +
                        ": this build has no c10d process groups (LibTorch without distributed support, or Gloo's "
                        "headers were missing when it was built); run one process");
    }
    // Unreachable: with one process every collective returns before it needs the group.
    void allreduce(std::vector<torch::Tensor>&, bool) {}
    void set(const std::string&, const std::string&) {}
    std::optional<std::string> get(const std::string&) { return std::nullopt; }
    int64_t add(const std::string&, int64_t) { return 0; }
    void leave() {}
};

std::string DataParallel::backend() const { return "none"; }
bool DataParallel::supported() { return false; }

#endif

DataParallel::DataParallel(const ProcessEnvironment& env, const torch::Device& device, std::chrono::seconds timeout)
    : env_(env), device_(device.is_cuda() ? torch::Device(torch::kCUDA, static_cast<c10::DeviceIndex>(env.localRank)) : device)
{
    impl_ = std::make_unique<Impl>(env, device_, timeout);
}

DataParallel::~DataParallel() = default;

std::pair<int64_t, int64_t> DataParallel::shard(int64_t batch) const
{
    if (batch % size() != 0)
        throw Error("batch " + std::to_string(batch) + " is not divisible by the " + std::to_string(size()) +
                    " processes; each rank takes an equal share of the batch");
    const int64_t per = batch / size();
    return {rank() * per, (rank() + 1) * per};
}

void DataParallel::publishFailure(const std::string& reason)
{
    if (size() == 1)
        return;
    try {
        impl_->set(failureKey, "rank " + std::to_string(rank()) + " failed: " + firstLine(reason));
    } catch (const std::exception&) {  // the store is gone (its server's process ended); the others see the lost contact
    }
}

std::string DataParallel::failureOfOthers()
{
    try {
        auto reason = impl_->get(failureKey);
        if (!reason)
            return "a rank stopped without a reason (killed, or its machine lost)";
        impl_->add(readKey, 1);
        return *reason;
    } catch (const std::exception&) {
        return "rank 0, which holds the job's store, is gone (killed, or its machine lost)";
    }
}

void DataParallel::abandon(const std::string& reason)
{
    if (size() == 1)
        return;
    publishFailure(reason);
    try {
        impl_->leave();
        // The store lives in rank 0's process: keep it up until the others have read the reason.
        for (int i = 0; leads() && i < 100 && impl_->add(readKey, 0) < size() - 1; ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
    } catch (const std::exception&) {
    }
}

void DataParallel::peerLost(const std::string& what, const std::exception& cause)
{
    throw PeerFailure("rank " + std::to_string(rank()) + " of " + std::to_string(size()) + " stops: lost contact during " + what +
                      ": " + failureOfOthers() + " [" + firstLine(cause.what()) + "]");
}

void DataParallel::sum(std::vector<torch::Tensor>& tensors, const std::string& what)
{
    if (size() == 1 || tensors.empty())
        return;
    const auto type = tensors.front().scalar_type();
    std::vector<torch::Tensor> flat;
    for (const auto& t : tensors)
        flat.push_back(t.detach().reshape({-1}).to(impl_->collectiveDevice, type));
    std::vector<torch::Tensor> buffer{torch::cat(flat)};
    try {
        impl_->allreduce(buffer, /*max=*/false);
    } catch (const std::exception& e) {
        peerLost(what, e);
    }
    int64_t offset = 0;
    for (auto& t : tensors) {
        t.detach().copy_(buffer[0].slice(0, offset, offset + t.numel()).view(t.sizes()));
        offset += t.numel();
    }
}

bool DataParallel::any(bool flag, const std::string& what)
{
    if (size() == 1)
        return flag;
    std::vector<torch::Tensor> value{torch::tensor({flag ? int64_t{1} : int64_t{0}}, torch::kLong).to(impl_->collectiveDevice)};
    try {
        impl_->allreduce(value, /*max=*/true);
    } catch (const std::exception& e) {
        peerLost(what, e);
    }
    return value[0].item<int64_t>() > 0;
}

void DataParallel::checkSame(int64_t value, const std::string& what)
{
    if (size() == 1)
        return;
    // max(v) and max(−v) = −min(v) in one collective.
    std::vector<torch::Tensor> extremes{torch::tensor({value, -value}, torch::kLong).to(impl_->collectiveDevice)};
    try {
        impl_->allreduce(extremes, /*max=*/true);
    } catch (const std::exception& e) {
        peerLost(what, e);
    }
    const auto hi = extremes[0][0].item<int64_t>(), lo = -extremes[0][1].item<int64_t>();
    if (hi != lo)
        throw Error("the ranks disagree on " + what + " (from " + std::to_string(lo) + " to " + std::to_string(hi) +
                    "); every rank must run the same command on the same run directory");
}

void DataParallel::together(const std::string& what, const std::function<void()>& work)
{
    std::exception_ptr failure;
    try {
        work();
    } catch (const std::exception& e) {
        failure = std::current_exception();
        publishFailure(e.what());
    }
    if (!any(failure != nullptr, what))
        return;
    if (failure)
        std::rethrow_exception(failure);
    throw PeerFailure("rank " + std::to_string(rank()) + " of " + std::to_string(size()) + " stops: " + failureOfOthers());
}

} // namespace scorescope
