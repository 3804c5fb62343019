// Throughput of the toy engine on this machine: training steps/s, sampler NFE/s and PF-ODE
// likelihood points/s. Prints figures; asserts nothing (speed is not a test).
#include "common/Allocator.h"
#include "common/Rng.h"
#include "likelihood/ProbabilityFlowLikelihood.h"
#include "sampling/ReverseSampler.h"
#include "train/Trainer.h"

#include <torch/torch.h>

#include <chrono>
#include <cstdio>
#include <thread>

using namespace scorescope;

namespace {
double seconds(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}
}

int main()
{
    retainFreedMemory();
    const int threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    torch::set_num_threads(threads);
    std::printf("bench_toy: LibTorch %s, %d threads, device cpu\n\n", TORCH_VERSION, threads);

    std::printf("%-40s %12s\n", "training (MLP 4x256, ring8, VP)", "steps/s");
    for (int64_t batch : {128, 512, 2048}) {
        TrainConfig cfg;
        cfg.batch = batch;
        Trainer trainer(cfg);
        for (int i = 0; i < 20; ++i)
            trainer.step();  // warm-up
        const auto start = std::chrono::steady_clock::now();
        int steps = 0;
        while (seconds(start) < 5.0 && steps < 2000) {
            trainer.step();
            ++steps;
        }
        const double rate = steps / seconds(start);
        std::printf("  batch %-32lld %12.1f   (%.0f samples/s)\n", static_cast<long long>(batch), rate, rate * batch);
    }

    Trainer trainer(TrainConfig{});
    auto model = trainer.emaModel();
    std::printf("\n%-40s %12s\n", "sampling 2000 particles (untrained MLP)", "NFE/s");
    for (const auto& name : samplerNames()) {
        SamplerOptions opts;
        opts.steps = 50;
        auto sampler = makeSampler(name, trainer.sde(), *model, opts);
        sampler->reset({2000, 2});
        const auto start = std::chrono::steady_clock::now();
        sampler->run();
        std::printf("  %-38s %12.1f   (%lld NFE)\n", name.c_str(), sampler->state().nfe / seconds(start),
                    static_cast<long long>(sampler->state().nfe));
    }

    Rng rng(0);
    const auto x = trainer.dataset().sample(500, rng);
    const auto start = std::chrono::steady_clock::now();
    const auto r = probabilityFlowLikelihood(*trainer.sde(), *model, x, {});
    std::printf("\n%-40s %12.1f   (%lld NFE for 500 points)\n", "PF-ODE NLL, exact divergence: points/s",
                500 / seconds(start), static_cast<long long>(r.nfe));
    return 0;
}
