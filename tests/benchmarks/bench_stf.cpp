// Cost of the Stable Target Field against plain DSM (§3.5): training steps/s for reference
// batches n ∈ {256, 1024, 4096} on the toy MLP (ring8, batch 512) and the Fashion-MNIST U-Net
// (batch 64), the time of drawing the batch with its reference batch, the time of the target
// computation alone (without the logging-step diagnostics), and the process's peak memory.
// `attention`: the target computation through LibTorch's fused CPU attention (2.3+) against the
// streamed float64 path, by row width: time, the streamed path's largest temporaries (the fused
// kernel holds no [B, n] block) and the difference at EDM's σ = 0.002.
// Usage: bench_stf [toy|images|attention] (default toy and images).
// Prints figures; asserts nothing.
#include "core/common/Allocator.h"
#include "core/common/Rng.h"
#include "core/common/TorchCompat.h"
#include "core/objective/StableTargetField.h"
#include "core/train/Trainer.h"

#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <thread>

using namespace scorescope;

namespace {
double seconds(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Peak resident memory of this process so far (VmHWM), in MiB.
double peakMiB()
{
    std::ifstream status("/proc/self/status");
    std::string key;
    while (status >> key) {
        if (key == "VmHWM:") {
            double kib = 0;
            status >> kib;
            return kib / 1024.0;
        }
    }
    return 0.0;
}

double stepsPerSecond(Trainer& trainer, double budget)
{
    for (int i = 0; i < 3; ++i)
        trainer.step();  // warm-up
    const auto start = std::chrono::steady_clock::now();
    int steps = 0;
    while (seconds(start) < budget) {
        trainer.step();
        ++steps;
    }
    return steps / seconds(start);
}

// Milliseconds per call of f over at least `budget` seconds and 3 calls, after a warm-up call.
template <class F>
double msPerCall(F&& f, double budget = 1.0)
{
    f();
    const auto start = std::chrono::steady_clock::now();
    int reps = 0;
    while (seconds(start) < budget || reps < 3) {
        f();
        ++reps;
    }
    return 1000.0 * seconds(start) / reps;
}

// Milliseconds to draw `rows` training samples (the minibatch and, for STF, the reference batch).
double dataMs(const Trainer& trainer, int64_t rows)
{
    Rng rng(2);
    return msPerCall([&] { trainer.dataset().sample(rows, rng); }, 0.5);
}

// The weights streamed over the reference batch in chunks with a running max (never holding the
// B × n weights: the fused-attention formulation, §3.5) against one pass that materialises them.
void streamingAgainstMaterialised(const torch::Tensor& x0, const torch::Tensor& others, const torch::Tensor& a,
                                  const torch::Tensor& s)
{
    const auto x = x0 + 0.5 * torch::randn_like(x0);
    for (int64_t chunk : {others.size(0), int64_t(512), int64_t(128)}) {
        const double ms = msPerCall([&] { stableTargets(x, a, s, x0, others, chunk, /*diagnostics=*/false); });
        std::printf("    weights in chunks of %-6lld %8.2f ms, largest block %.1f MiB\n", static_cast<long long>(chunk), ms,
                    x.size(0) * chunk * 8.0 / (1 << 20));
    }
}

void fusedAgainstStreamed()
{
    std::printf("STF targets without diagnostics: fused CPU attention against the streamed float64 path (§3.5)\n");
#ifndef SCORESCOPE_HAS_CPU_ATTENTION
    std::printf("  this LibTorch has no fused CPU attention: every row is streamed\n");
#endif
    std::printf("  %5s %5s %6s %12s %12s %8s %20s %16s\n", "D", "B", "n", "streamed ms", "fused ms", "speed-up",
                "streamed blocks MiB", "max|dD| s=0.002");
    const std::pair<int64_t, int64_t> shapes[] = {{2, 512}, {4, 512}, {8, 512}, {16, 512}, {32, 512}, {64, 256}, {784, 64}};
    for (const auto& [dim, B] : shapes)
        for (int64_t n : {1024, 4096}) {
            Rng rng(3);
            const auto y = rng.normal({B, dim}), others = rng.normal({n - 1, dim});
            auto run = [&](double sigma, StfKernel kernel) {
                const auto a = torch::ones({B}, torch::kDouble), s = torch::full({B}, sigma, torch::kDouble);
                const auto x = y + static_cast<float>(sigma) * torch::randn_like(y);
                return stableTargets(x, a, s, y, others, 4096, /*diagnostics=*/false, kernel);
            };
            const double ts = msPerCall([&] { run(0.5, StfKernel::Streamed); });
            const double tf = msPerCall([&] { run(0.5, StfKernel::Fused); });
            const double blocks = 2.0 * B * std::min<int64_t>(n - 1, 4096) * 8 / (1 << 20);  // logits and p, float64
            torch::manual_seed(1);
            const auto streamed = run(0.002, StfKernel::Streamed).denoised;
            torch::manual_seed(1);
            const double err = (run(0.002, StfKernel::Fused).denoised - streamed).abs().max().item<double>();
            std::printf("  %5lld %5lld %6lld %12.2f %12.2f %7.2fx %20.1f %16.2e\n", static_cast<long long>(dim),
                        static_cast<long long>(B), static_cast<long long>(n), ts, tf, ts / tf, blocks, err);
        }
}

void compare(const char* title, TrainConfig cfg, double budget)
{
    std::printf("%s\n  %-22s %10s %10s %10s %14s %12s\n", title, "objective", "steps/s", "overhead", "data ms", "targets ms",
                "peak MiB");
    Trainer dsm(cfg);
    const double base = stepsPerSecond(dsm, budget);
    std::printf("  %-22s %10.2f %10s %10.2f %14s %12.0f\n", "dsm", base, "-", dataMs(dsm, cfg.batch), "-", peakMiB());
    for (int64_t n : {256, 1024, 4096}) {
        TrainConfig c = cfg;
        c.objective.target = Target::Stf;
        c.objective.referenceSize = n;
        Trainer stf(c);
        const double rate = stepsPerSecond(stf, budget);
        // The target computation alone, on a batch and reference batch of the trainer's data.
        Rng rng(1);
        const auto data = stf.dataset().sample(cfg.batch + n - 1, rng).to(torch::kFloat);
        const auto x0 = data.slice(0, 0, cfg.batch), others = data.slice(0, cfg.batch);
        const auto a = torch::ones({cfg.batch}, torch::kDouble), s = torch::full({cfg.batch}, 0.5, torch::kDouble);
        const double targetsMs = msPerCall(
            [&] { stableTargets(x0 + 0.5 * torch::randn_like(x0), a, s, x0, others, 4096, /*diagnostics=*/false); });
        std::printf("  stf n=%-16lld %10.2f %9.1f%% %10.2f %14.2f %12.0f\n", static_cast<long long>(n), rate,
                    100.0 * (base / rate - 1.0), dataMs(stf, cfg.batch + n - 1), targetsMs, peakMiB());
        if (n == 4096)
            streamingAgainstMaterialised(x0, others, a, s);
    }
}
}

int main(int argc, char** argv)
{
    const std::string only = argc > 1 ? argv[1] : "";
    retainFreedMemory();
    const int threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    torch::set_num_threads(threads);
    std::printf("bench_stf: LibTorch %s, %d threads, device cpu\n\n", TORCH_VERSION, threads);
    if (only == "attention") {
        fusedAgainstStreamed();
        return 0;
    }
    if (only != "images")
        compare("toy: MLP 4x256, ring8, VP, batch 512", TrainConfig{}, 5.0);
    if (only == "toy")
        return 0;
    std::printf("\n");
    TrainConfig images;
    selectDataset(images, "fashion-mnist");
    selectSde(images, SdeKind::EDM);
    compare("images: U-Net (width 32), Fashion-MNIST, EDM, batch 64", images, 20.0);
    return 0;
}
