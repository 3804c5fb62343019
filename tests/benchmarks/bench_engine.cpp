// One benchmark measurement of the engine, printed as a JSON line: a training step, a sampler, the
// PF-ODE likelihood or a matrix multiply. reference/bench_engine.py takes the same flags and runs
// the same computation in PyTorch; run_suite.py alternates the two and writes docs/BENCHMARKS.md.
// `check` writes one loss evaluation's inputs, weights, loss and gradient for the reference to
// recompute. Speed is not asserted anywhere: these print figures.
#include "core/common/Allocator.h"
#include "core/common/Error.h"
#include "core/common/Rng.h"
#include "core/likelihood/ProbabilityFlowLikelihood.h"
#include "app/cli/ArgParser.h"
#include "core/sampling/ReverseSampler.h"
#include "core/sde/Sde.h"
#include "core/train/Trainer.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <string>

using namespace scorescope;
using cli::ArgParser;
using nlohmann::json;

namespace {

// Resident and peak resident memory of this process, MiB (/proc/self/status).
double statusMiB(const std::string& field)
{
    std::ifstream in("/proc/self/status");
    for (std::string line; std::getline(in, line);)
        if (line.rfind(field + ":", 0) == 0)
            return std::stod(line.substr(field.size() + 1)) / 1024.0;
    return 0.0;
}

void resetPeakMemory() { std::ofstream("/proc/self/clear_refs") << "5"; }

// Runs `unit` (returning how many units it did: steps, NFE) after `warmup` calls, until both
// `seconds` have passed and `minUnits` are done, or `unit` returns 0 (the work ran out). The
// peak memory is that of the timed part (clear_refs resets the kernel's high-water mark).
json timeLoop(const std::function<int64_t()>& unit, int64_t warmup, int64_t minUnits, double seconds)
{
    for (int64_t i = 0; i < warmup; ++i)
        unit();
    const double rss = statusMiB("VmRSS");
    resetPeakMemory();
    const auto start = std::chrono::steady_clock::now();
    auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
    int64_t units = 0;
    while (units < minUnits || elapsed() < seconds) {
        const int64_t done = unit();
        if (done == 0)
            break;
        units += done;
    }
    const double t = elapsed();
    return {{"units", units}, {"seconds", t}, {"seconds_per_unit", t / static_cast<double>(std::max<int64_t>(units, 1))},
            {"rss_mib", rss}, {"peak_mib", statusMiB("VmHWM")}};
}

std::vector<cli::OptionSpec> options()
{
    return {{"data", "NAME", "ring8 or fashion-mnist"},
            {"objective", "NAME", "dsm, stf or st (Soft Truncation)"},
            {"batch", "N", "training batch"},
            {"n", "N", "STF reference batch size"},
            {"st-k", "K", "Soft Truncation's k"},
            {"image-size", "N", "resize the images to N x N"},
            {"sampler", "NAME", "em, pc, ode-euler, ode-heun, ode-rk45, edm-heun"},
            {"particles", "N", "samples drawn at once / points of the likelihood"},
            {"steps", "N", "sampler steps"},
            {"m", "N", "sgemm rows"},
            {"k", "N", "sgemm inner dimension"},
            {"cols", "N", "sgemm columns"},
            {"threads", "N", "LibTorch threads"},
            {"warmup", "N", "untimed units first"},
            {"min-units", "N", "at least this many timed units"},
            {"seconds", "S", "time at least this long"},
            {"plain-malloc", "", "keep glibc's default malloc thresholds (no retainFreedMemory)"},
            {"out", "FILE", "check: where to write the tensors"}};
}

TrainConfig trainConfig(const ArgParser& a)
{
    TrainConfig cfg;
    selectDataset(cfg, a.choice("data", {"ring8", "fashion-mnist"}, "ring8"));
    cfg.batch = a.positiveInt("batch", cfg.batch);
    cfg.images.size = a.positiveInt("image-size", 0);
    const auto objective = a.choice("objective", {"dsm", "stf", "st"}, "dsm");
    if (objective == "stf") {
        cfg.objective.target = Target::Stf;
        cfg.objective.referenceSize = a.positiveInt("n", 1024);
    }
    if (objective == "st")
        cfg.objective.softTruncationK = a.positive("st-k", 1.0);
    return cfg;
}

json train(const ArgParser& a)
{
    Trainer trainer(trainConfig(a));
    auto r = timeLoop([&] { trainer.step(); return int64_t{1}; }, a.positiveInt("warmup", 10), a.positiveInt("min-units", 20),
                      a.positive("seconds", 3.0));
    r["parameters"] = trainer.model()->parameterCount();
    return r;
}

json sample(const ArgParser& a)
{
    Trainer trainer(trainConfig(a));  // an untrained network: evaluations cost what trained ones do
    auto& model = *trainer.model();
    model.eval();
    SamplerOptions opts;
    opts.steps = a.positiveInt("steps", 50);
    const auto name = a.choice("sampler", samplerNames(), "em");
    std::vector<int64_t> shape{a.positiveInt("particles", 2000)};
    for (auto d : trainer.dataset().sampleShape())
        shape.push_back(d);
    torch::NoGradGuard noGrad;
    auto warm = makeSampler(name, trainer.sde(), model, opts);
    warm->reset(shape);
    warm->step();
    auto sampler = makeSampler(name, trainer.sde(), model, opts);
    sampler->reset(shape);
    auto r = timeLoop(
        [&] {
            if (sampler->done())
                return int64_t{0};
            const auto before = sampler->state().nfe;
            sampler->step();
            return sampler->state().nfe - before;
        },
        0, a.positiveInt("min-units", 1), a.positive("seconds", 3.0));
    r["items"] = shape[0];
    return r;
}

json likelihood(const ArgParser& a)
{
    Trainer trainer(trainConfig(a));
    auto& model = *trainer.model();
    model.eval();
    Rng rng(1);
    const auto x = trainer.dataset().sample(a.positiveInt("particles", 500), rng);
    int64_t nfe = 0;
    auto r = timeLoop([&] { nfe += probabilityFlowLikelihood(*trainer.sde(), model, x, {}).nfe; return int64_t{1}; }, 0, 1,
                      a.positive("seconds", 0.0));
    r["items"] = x.size(0);
    r["nfe"] = nfe;
    return r;
}

json sgemm(const ArgParser& a)
{
    const auto A = torch::randn({a.positiveInt("m", 512), a.positiveInt("k", 256)});
    const auto B = torch::randn({A.size(1), a.positiveInt("cols", 256)});
    auto C = torch::empty({A.size(0), B.size(1)});
    auto r = timeLoop([&] { torch::mm_out(C, A, B); return int64_t{1}; }, 5, 20, a.positive("seconds", 1.0));
    r["gflops"] = 2.0 * A.size(0) * A.size(1) * B.size(1) / r["seconds_per_unit"].get<double>() / 1e9;
    return r;
}

// One loss evaluation at fixed times and noise, in eval mode (no dropout), for the reference to
// recompute: the model's named parameters and buffers, the inputs, the loss and ‖∇loss‖.
json check(const ArgParser& a)
{
    const auto cfg = trainConfig(a);
    Trainer trainer(cfg);
    auto& model = *trainer.model();
    model.eval();
    DenoisingScoreMatching objective(trainer.sde(), trainer.config().objective);
    Rng rng(7);
    const int64_t extra = objective.extraSamples();
    const auto data = trainer.dataset().sample(cfg.batch + extra, rng).to(torch::kFloat);
    const auto x0 = data.slice(0, 0, cfg.batch);
    const auto extras = extra > 0 ? data.slice(0, cfg.batch) : torch::Tensor();
    const auto times = objective.drawTimes(cfg.batch, rng, objective.eps());
    const auto z = rng.normal(x0.sizes(), x0.options());
    const auto batch = objective.loss(model, x0, times, z, extras);
    batch.loss.backward();
    double grad2 = 0.0;
    for (const auto& p : model.parameters())
        grad2 += p.grad().pow(2).sum().item<double>();

    c10::impl::GenericDict tensors(c10::StringType::get(), c10::TensorType::get());
    for (const auto& p : model.named_parameters())
        tensors.insert(p.key(), p.value().detach());
    for (const auto& b : model.named_buffers())
        tensors.insert(b.key(), b.value());
    tensors.insert("input.x0", x0);
    tensors.insert("input.t", times.t);
    tensors.insert("input.weight", times.weight);
    tensors.insert("input.z", z);
    if (extras.defined())
        tensors.insert("input.extras", extras);
    const auto bytes = torch::pickle_save(tensors);
    const auto out = a.required("out");
    std::ofstream(out, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return {{"loss", batch.loss.item<double>()}, {"grad_norm", std::sqrt(grad2)}, {"file", out}};
}

} // namespace

int main(int argc, char** argv)
{
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) {
        std::fprintf(stderr, "usage: bench_engine train|sample|likelihood|sgemm|check [options]\n");
        return 2;
    }
    const std::map<std::string, std::function<json(const ArgParser&)>> kinds{
        {"train", train}, {"sample", sample}, {"likelihood", likelihood}, {"sgemm", sgemm}, {"check", check}};
    const auto kind = kinds.find(args[0]);
    try {
        if (kind == kinds.end())
            throw cli::UsageError("unknown measurement '" + args[0] + "'");
        ArgParser a("bench_engine " + args[0], "one benchmark measurement of the engine", options());
        if (!a.parseOrShowHelp({args.begin() + 1, args.end()}))
            return 0;
        if (!a.has("plain-malloc"))
            retainFreedMemory();
        const int threads = static_cast<int>(a.positiveInt("threads", 1));
        torch::set_num_threads(threads);
        auto r = kind->second(a);
        r["impl"] = "c++";
        r["kind"] = args[0];
        r["threads"] = threads;
        r["torch"] = TORCH_VERSION;
        std::printf("%s\n", r.dump().c_str());
        return 0;
    } catch (const cli::UsageError& e) {
        std::fprintf(stderr, "bench_engine: %s\n", e.what());
        return 2;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_engine: error: %s\n", e.what());
        return 1;
    }
}
