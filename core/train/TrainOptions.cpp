#include "train/TrainOptions.h"

#include <filesystem>

namespace scorescope::cli {

std::vector<OptionSpec> trainConfigOptions()
{
    return {
        {"config", "FILE", "run configuration JSON (as written to a run's config.json)"},
        {"dataset", "D", "ring8, grid25, moons, swissroll, checkerboard, circles, a mixture .json,\n"
         "                            fashion-mnist, folder:DIR or cifar10:DIR"},
        {"data-dir", "DIR", "Fashion-MNIST directory (default /usr/share/datasets/fashion-mnist)"},
        {"image-size", "N", "resize images to N x N (image folders need it; Fashion-MNIST and CIFAR-10 keep 28 and 32 without it)"},
        {"rgb", "", "image folders: 3 colour channels (default gray)"},
        {"flip", "", "random horizontal flips of training images"},
        {"sde", "KIND", "ve, vp, subvp or edm (default vp)"},
        {"objective", "OBJ", "dsm (denoising score matching) or stf (Stable Target Field)"},
        {"ref-size", "N", "stf: reference batch size n, own sample included (default 1024 on CPU, 4096 on CUDA)"},
        {"weighting", "W", "variance, likelihood, likelihood-is, edm, or mixed: half likelihood-is,\n"
                          "half variance scaled by --mixed-weight (default variance)"},
        {"mixed-weight", "X", "weight of the variance half in --weighting mixed (default 100)"},
        {"st-k", "K", "Soft Truncation: a random truncation tau ~ tau^-K on [eps, T] per step\n"
                      "(default: off, fixed eps)"},
        {"parameterisation", "P", "epsilon or edm"},
        {"eps", "E", "truncation epsilon (default: the SDE's)"},
        {"T", "T", "horizon of the VE/VP/sub-VP SDE (default 1)"},
        {"prior", "KIND", "x_T's law: gaussian (the SDE's), or an auxiliary model fitted to the forward\n"
                          "marginal at T before training: gmm (EM) or flow (coupling layers)"},
        {"prior-components", "K", "gmm: mixture components (default 8)"},
        {"prior-covariance", "C", "gmm: full or diag (default full)"},
        {"prior-points", "N", "gmm: forward-diffused points EM fits (default 20000)"},
        {"prior-restarts", "N", "gmm: EM starts, the best kept (default 1)"},
        {"prior-steps", "N", "EM iterations (default 200) or flow optimiser steps (default 3000)"},
        {"prior-layers", "N", "flow: coupling layers (default 8)"},
        {"prior-hidden", "N", "flow: width of each coupling network (default 128)"},
        {"steps", "N", "optimisation steps (default 20000)"},
        {"batch", "N", "batch size (default 512)"},
        {"lr", "X", "Adam learning rate (default 1e-3)"},
        {"warmup", "N", "linear learning-rate warm-up steps (default 200)"},
        {"ema", "X", "EMA decay (default 0.999)"},
        {"hidden", "N", "MLP width (default 256)"},
        {"depth", "N", "MLP hidden layers (default 4)"},
        {"width", "N", "U-Net channels at full resolution (default 32)"},
        {"seed", "N", "random seed (default 0)"},
        {"device", "D", "cpu, cuda or auto (default cpu)"},
        {"checkpoint-every", "N", "steps between checkpoints (default 1000)"},
        {"log-every", "N", "steps between metric rows (default 50)"},
        {"sample-every", "N", "steps between sample snapshots in DIR/snapshots, for the workbench\n"
                              "(default 1000 toy, 500 images; 0: none)"},
        {"gradient-bins", "", "on logging steps, log each sigma bin's share of the gradient\n"
                              "(one extra backward pass per occupied bin)"}};
}

PriorConfig priorConfigFromFlags(const ArgParser& a, PriorConfig c)
{
    c.kind = a.choice("prior", {"gaussian", "gmm", "flow"}, c.kind);
    c.components = a.positiveInt("prior-components", c.components);
    if (a.has("prior-covariance"))
        c.fullCovariance = a.choice("prior-covariance", {"full", "diag"}, "") == "full";
    c.fitPoints = a.positiveInt("prior-points", c.fitPoints);
    c.restarts = a.positiveInt("prior-restarts", c.restarts);
    if (a.has("prior-steps"))
        c.fitSteps = a.positiveInt("prior-steps", 0);
    c.layers = a.positiveInt("prior-layers", c.layers);
    c.hidden = a.positiveInt("prior-hidden", c.hidden);
    if (c.kind == "gmm" && c.fitPoints < c.components)
        throw UsageError("--prior-points: EM needs at least as many points as components (" + std::to_string(c.components) + ")");
    validate(c);  // the flags above admit nothing else it would refuse
    return c;
}

TrainConfig trainConfigFromFlags(const ArgParser& a)
{
    TrainConfig c = a.has("config") ? readTrainConfig(a.str("config")) : TrainConfig{};
    if (a.has("sde"))
        selectSde(c, parseSdeKind(a.choice("sde", {"ve", "vp", "subvp", "edm"}, "")));
    if (a.has("dataset")) {
        std::string spec = a.str("dataset");
        // Files and folders are stored absolute so `sample` and `eval` work from any directory.
        if (std::filesystem::is_regular_file(spec))
            spec = std::filesystem::absolute(spec).string();
        else if (spec.rfind("folder:", 0) == 0 || spec.rfind("cifar10:", 0) == 0) {
            const auto colon = spec.find(':');
            spec = spec.substr(0, colon + 1) + std::filesystem::absolute(spec.substr(colon + 1)).string();
        }
        selectDataset(c, spec);
    }
    if (a.has("data-dir"))
        c.images.dataDir = std::filesystem::absolute(a.str("data-dir")).string();
    c.images.size = a.has("image-size") ? a.positiveInt("image-size", 0) : c.images.size;
    if (a.has("rgb"))
        c.images.gray = false;
    if (a.has("flip"))
        c.images.flip = true;
    c.model.width = a.positiveInt("width", c.model.width);
    if (a.has("objective"))
        c.objective.target = parseTarget(a.choice("objective", {"dsm", "stf"}, ""));
    c.objective.referenceSize = a.positiveInt("ref-size", c.objective.referenceSize);
    if (a.has("weighting"))
        c.objective.weighting = parseWeighting(a.choice("weighting", {"variance", "likelihood", "likelihood-is", "edm", "mixed"}, ""));
    c.objective.mixedWeight = a.positive("mixed-weight", c.objective.mixedWeight);
    c.objective.softTruncationK = a.positive("st-k", c.objective.softTruncationK);
    if (a.has("parameterisation"))
        c.model.parameterisation = parseParameterisation(a.choice("parameterisation", {"epsilon", "edm"}, ""));
    c.objective.eps = a.positive("eps", c.objective.eps);
    c.sde.T = a.positive("T", c.sde.T);
    c.prior = priorConfigFromFlags(a, c.prior);
    c.steps = a.positiveInt("steps", c.steps);
    c.batch = a.positiveInt("batch", c.batch);
    c.lr = a.positive("lr", c.lr);
    c.warmup = a.has("warmup") ? static_cast<int64_t>(a.unsignedInt("warmup", 0)) : c.warmup;
    c.seed = a.unsignedInt("seed", c.seed);
    c.device = a.choice("device", {"cpu", "cuda", "auto"}, c.device);
    c.model.hidden = a.positiveInt("hidden", c.model.hidden);
    c.model.depth = a.positiveInt("depth", c.model.depth);
    c.emaDecay = a.number("ema", c.emaDecay);
    if (c.emaDecay < 0.0 || c.emaDecay >= 1.0)
        throw UsageError("--ema: expected a decay in [0, 1), got '" + a.str("ema") + "'");
    c.checkpointEvery = a.positiveInt("checkpoint-every", c.checkpointEvery);
    if (a.has("gradient-bins"))
        c.gradientBins = true;
    c.logEvery = a.positiveInt("log-every", c.logEvery);
    c.sampleEvery = a.has("sample-every") ? static_cast<int64_t>(a.unsignedInt("sample-every", 0)) : c.sampleEvery;
    return c;
}

} // namespace scorescope::cli
