#include "core/train/TrainParameters.h"

#include "core/common/TextValue.h"
#include "core/data/ToyPresets.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <sstream>

namespace scorescope {

using json = nlohmann::json;

namespace {

using Get = std::function<json(const TrainConfig&)>;
using Set = std::function<void(TrainConfig&, const json&)>;

// A field of TrainConfig read and written as itself.
#define SCORESCOPE_FIELD(member)                                                                  \
    [](const TrainConfig& c) { return json(c.member); },                                         \
        [](TrainConfig& c, const json& v) { v.get_to(c.member); }
// An enum field, named in JSON by its `name` function and parsed back by `parse`.
#define SCORESCOPE_ENUM(member, name, parse)                                                      \
    [](const TrainConfig& c) { return json(name(c.member)); },                                   \
        [](TrainConfig& c, const json& v) { c.member = parse(v.get<std::string>()); }

TrainParameter param(std::string key, std::string flag, std::string placeholder, ParameterKind kind, std::string help,
                     std::string section, Get get, Set set)
{
    TrainParameter p;
    p.key = std::move(key);
    p.flag = std::move(flag);
    p.placeholder = std::move(placeholder);
    p.kind = kind;
    p.help = std::move(help);
    p.section = std::move(section);
    p.get = std::move(get);
    p.set = std::move(set);
    return p;
}

TrainParameter choice(TrainParameter p, std::vector<std::string> choices, std::string noun)
{
    p.choices = std::move(choices);
    p.noun = std::move(noun);
    return p;
}

// What the default means where its value would not say it ("the SDE's").
TrainParameter meaning(TrainParameter p, std::string text)
{
    p.defaultMeaning = std::move(text);
    return p;
}

TrainParameter automatic(TrainParameter p, double marker, std::string text)
{
    p.automatic = marker;
    return meaning(std::move(p), std::move(text));
}

TrainParameter chosen(TrainParameter p, Set choose)
{
    p.choose = std::move(choose);
    return p;
}

std::string joined(const std::vector<std::string>& names)
{
    std::string out;
    for (const auto& n : names)
        out += (out.empty() ? "" : ", ") + n;
    return out;
}

// Files and folders are stored absolute so `sample` and `eval` work from any directory.
std::string absoluteDataSpec(std::string spec)
{
    namespace fs = std::filesystem;
    if (fs::is_regular_file(spec))
        return fs::absolute(spec).string();
    if (spec.rfind("folder:", 0) == 0 || spec.rfind("cifar10:", 0) == 0) {
        const auto colon = spec.find(':');
        return spec.substr(0, colon + 1) + fs::absolute(spec.substr(colon + 1)).string();
    }
    return spec;
}

std::vector<TrainParameter> table()
{
    using K = ParameterKind;
    const std::vector<std::string> sdes{"ve", "vp", "subvp", "edm"};
    return {
        chosen(param("dataset", "dataset", "D", K::Text,
                     joined(toyPresetNames()) + ", a mixture .json,\nfashion-mnist, folder:DIR or cifar10:DIR", "",
                     SCORESCOPE_FIELD(dataset)),
               [](TrainConfig& c, const json& v) { selectDataset(c, absoluteDataSpec(v.get<std::string>())); }),
        meaning(chosen(param("data.data_dir", "data-dir", "DIR", K::Text, "Fashion-MNIST or CIFAR-10 directory", "",
                               SCORESCOPE_FIELD(images.dataDir)),
                         [](TrainConfig& c, const json& v) {
                             c.images.dataDir = std::filesystem::absolute(v.get<std::string>()).string();
                         }),
                "/usr/share/datasets/fashion-mnist"),
        automatic(param("data.image_size", "image-size", "N", K::PositiveInteger,
                        "resize images to N x N (image folders need it)", "", SCORESCOPE_FIELD(images.size)),
                  0, "Fashion-MNIST 28, CIFAR-10 32"),
        chosen(param("data.gray", "rgb", "", K::Switch, "image folders: 3 colour channels (default gray)", "",
                     SCORESCOPE_FIELD(images.gray)),
               [](TrainConfig& c, const json& v) { c.images.gray = !v.get<bool>(); }),
        param("data.flip", "flip", "", K::Switch, "random horizontal flips of training images", "",
              SCORESCOPE_FIELD(images.flip)),
        param("data.test_fraction", "", "", K::Fraction, "image folders: the held-out share", "",
              SCORESCOPE_FIELD(images.testFraction)),
        chosen(choice(param("sde.kind", "sde", "KIND", K::Choice, "the forward SDE", "§1.1",
                            [](const TrainConfig& c) { return json(sdeKindName(c.sde.kind)); },
                            // Another SDE in a file starts from that SDE's defaults; the file's own values follow.
                            [](TrainConfig& c, const json& v) {
                                const SdeKind kind = parseSdeKind(v.get<std::string>());
                                if (kind != c.sde.kind)
                                    c.sde = SdeConfig::defaults(kind);
                            }),
                      sdes, "SDE"),
               [](TrainConfig& c, const json& v) { selectSde(c, parseSdeKind(v.get<std::string>())); }),
        param("sde.beta0", "", "", K::PositiveNumber, "VP, sub-VP: β_min", "§1.1", SCORESCOPE_FIELD(sde.beta0)),
        param("sde.beta1", "", "", K::PositiveNumber, "VP, sub-VP: β_max", "§1.1", SCORESCOPE_FIELD(sde.beta1)),
        param("sde.sigma_min", "", "", K::PositiveNumber, "VE, EDM: σ_min", "§1.1", SCORESCOPE_FIELD(sde.sigmaMin)),
        param("sde.sigma_max", "", "", K::PositiveNumber, "VE, EDM: σ_max", "§1.1", SCORESCOPE_FIELD(sde.sigmaMax)),
        choice(param("objective.target", "objective", "OBJ", K::Choice,
                     "dsm (denoising score matching) or stf (Stable Target Field)", "§3",
                     SCORESCOPE_ENUM(objective.target, targetName, parseTarget)),
               {"dsm", "stf"}, "objective"),
        automatic(param("objective.reference_size", "ref-size", "N", K::PositiveInteger,
                        "stf: reference batch size n, own sample included", "§3.3",
                        SCORESCOPE_FIELD(objective.referenceSize)),
                  0, "1024 on CPU, 4096 on CUDA"),
        param("objective.reference_chunk", "", "", K::PositiveInteger, "stf: reference rows per pass", "§3.5",
              SCORESCOPE_FIELD(objective.referenceChunk)),
        choice(param("objective.weighting", "weighting", "W", K::Choice,
                     "variance, likelihood, likelihood-is, edm, or mixed: half likelihood-is,\n"
                     "half variance scaled by --mixed-weight",
                     "§1.2", SCORESCOPE_ENUM(objective.weighting, weightingName, parseWeighting)),
               {"variance", "likelihood", "likelihood-is", "edm", "mixed"}, "weighting"),
        param("objective.mixed_weight", "mixed-weight", "X", K::PositiveNumber,
              "weight of the variance half in --weighting mixed", "§2.4", SCORESCOPE_FIELD(objective.mixedWeight)),
        automatic(param("objective.soft_truncation_k", "st-k", "K", K::PositiveNumber,
                        "Soft Truncation: a random truncation tau ~ tau^-K on [eps, T] per step", "§2.2",
                        SCORESCOPE_FIELD(objective.softTruncationK)),
                  0, "off, fixed eps"),
        param("objective.reduce_mean", "", "", K::Switch, "mean over dimensions instead of half the sum", "§1.2",
              SCORESCOPE_FIELD(objective.reduceMean)),
        param("objective.p_mean", "", "", K::Number, "edm weighting: mean of ln σ", "§1.5",
              SCORESCOPE_FIELD(objective.pMean)),
        param("objective.p_std", "", "", K::PositiveNumber, "edm weighting: deviation of ln σ", "§1.5",
              SCORESCOPE_FIELD(objective.pStd)),
        choice(param("model.parameterisation", "parameterisation", "P", K::Choice, "epsilon or edm", "§1.5",
                     SCORESCOPE_ENUM(model.parameterisation, parameterisationName, parseParameterisation)),
               {"epsilon", "edm"}, "parameterisation"),
        automatic(param("objective.eps", "eps", "E", K::PositiveNumber, "truncation epsilon", "§2.1",
                        SCORESCOPE_FIELD(objective.eps)),
                  -1, "the SDE's"),
        param("sde.T", "T", "T", K::PositiveNumber, "horizon of the VE/VP/sub-VP SDE", "§4", SCORESCOPE_FIELD(sde.T)),
        choice(param("prior.kind", "prior", "KIND", K::Choice,
                     "x_T's law: gaussian (the SDE's), or an auxiliary model fitted to the forward\n"
                     "marginal at T before training: gmm (EM) or flow (coupling layers)",
                     "§4.4", SCORESCOPE_FIELD(prior.kind)),
               {"gaussian", "gmm", "flow"}, "prior"),
        param("prior.components", "prior-components", "K", K::PositiveInteger, "gmm: mixture components", "§4.4",
              SCORESCOPE_FIELD(prior.components)),
        choice(param("prior.covariance", "prior-covariance", "C", K::Choice, "gmm: full or diag", "§4.4",
                     [](const TrainConfig& c) { return json(c.prior.fullCovariance ? "full" : "diag"); },
                     [](TrainConfig& c, const json& v) { c.prior.fullCovariance = v.get<std::string>() == "full"; }),
               {"full", "diag"}, "covariance"),
        param("prior.fit_points", "prior-points", "N", K::PositiveInteger, "gmm: forward-diffused points EM fits",
              "§4.4", SCORESCOPE_FIELD(prior.fitPoints)),
        param("prior.restarts", "prior-restarts", "N", K::PositiveInteger, "gmm: EM starts, the best kept", "§4.4",
              SCORESCOPE_FIELD(prior.restarts)),
        meaning(param("prior.fit_steps", "prior-steps", "N", K::Count, "EM iterations or flow optimiser steps",
                        "§4.4", SCORESCOPE_FIELD(prior.fitSteps)),
                "200 EM, 3000 flow"),
        param("prior.layers", "prior-layers", "N", K::PositiveInteger, "flow: coupling layers", "§4.4",
              SCORESCOPE_FIELD(prior.layers)),
        param("prior.hidden", "prior-hidden", "N", K::PositiveInteger, "flow: width of each coupling network", "§4.4",
              SCORESCOPE_FIELD(prior.hidden)),
        param("steps", "steps", "N", K::PositiveInteger, "optimisation steps", "", SCORESCOPE_FIELD(steps)),
        param("batch", "batch", "N", K::PositiveInteger, "batch size", "", SCORESCOPE_FIELD(batch)),
        param("lr", "lr", "X", K::PositiveNumber, "Adam learning rate", "", SCORESCOPE_FIELD(lr)),
        param("adam_beta2", "adam-beta2", "B", K::Fraction, "Adam's second-moment decay beta2", "",
              SCORESCOPE_FIELD(adamBeta2)),
        param("warmup", "warmup", "N", K::Count, "linear learning-rate warm-up steps", "", SCORESCOPE_FIELD(warmup)),
        param("grad_clip", "", "", K::PositiveNumber, "gradient norm clip", "", SCORESCOPE_FIELD(gradClip)),
        param("ema_decay", "ema", "X", K::Fraction, "EMA decay", "", SCORESCOPE_FIELD(emaDecay)),
        choice(param("model.arch", "", "", K::Choice, "the network: mlp (toy data) or unet (images)", "",
                     SCORESCOPE_FIELD(model.arch)),
               {"mlp", "unet"}, "network architecture"),
        param("model.hidden", "hidden", "N", K::PositiveInteger, "MLP width", "", SCORESCOPE_FIELD(model.hidden)),
        param("model.depth", "depth", "N", K::PositiveInteger, "MLP hidden layers", "", SCORESCOPE_FIELD(model.depth)),
        param("model.fourier_features", "", "", K::PositiveInteger, "MLP: Gaussian-Fourier features of the noise level",
              "", SCORESCOPE_FIELD(model.fourierFeatures)),
        param("model.fourier_scale", "", "", K::PositiveNumber, "MLP: scale of the Fourier features", "",
              SCORESCOPE_FIELD(model.fourierScale)),
        param("model.width", "width", "N", K::PositiveInteger, "U-Net channels at full resolution", "",
              SCORESCOPE_FIELD(model.width)),
        param("model.channel_mult", "", "", K::IntegerList, "U-Net: channel multipliers per level", "",
              SCORESCOPE_FIELD(model.channelMult)),
        param("model.res_blocks", "", "", K::PositiveInteger, "U-Net: residual blocks per level", "",
              SCORESCOPE_FIELD(model.resBlocks)),
        param("model.attention_resolutions", "", "", K::IntegerList, "U-Net: resolutions with self-attention", "",
              SCORESCOPE_FIELD(model.attentionResolutions)),
        param("model.dropout", "", "", K::Fraction, "U-Net dropout", "", SCORESCOPE_FIELD(model.dropout)),
        automatic(param("model.sigma_data", "", "", K::PositiveNumber, "σ_data of EDM's preconditioning", "§1.5",
                        SCORESCOPE_FIELD(model.sigmaData)),
                  0, "measured on 8192 data samples"),
        param("seed", "seed", "N", K::Seed, "random seed", "", SCORESCOPE_FIELD(seed)),
        choice(param("device", "device", "D", K::Choice, "cpu, cuda or auto", "", SCORESCOPE_FIELD(device)),
               {"cpu", "cuda", "auto"}, "device"),
        param("checkpoint_every", "checkpoint-every", "N", K::PositiveInteger, "steps between checkpoints", "",
              SCORESCOPE_FIELD(checkpointEvery)),
        param("log_every", "log-every", "N", K::PositiveInteger, "steps between metric rows", "",
              SCORESCOPE_FIELD(logEvery)),
        param("sample_every", "sample-every", "N", K::Count,
              "steps between sample snapshots in DIR/snapshots, for the workbench; 0: none", "",
              SCORESCOPE_FIELD(sampleEvery)),
        param("gradient_bins", "gradient-bins", "", K::Switch,
              "on logging steps, log each sigma bin's share of the gradient\n"
              "(one extra backward pass per occupied bin)",
              "§2.3", SCORESCOPE_FIELD(gradientBins)),
    };
}

#undef SCORESCOPE_FIELD
#undef SCORESCOPE_ENUM


// The text of a flag or dialog field as the JSON value its parameter's setter takes.
json valueFromText(const TrainParameter& p, const std::string& text)
{
    switch (p.kind) {
    case ParameterKind::PositiveInteger:
        return positiveIntegerFromText(text);
    case ParameterKind::Count:
        return static_cast<int64_t>(unsignedIntegerFromText(text));
    case ParameterKind::Seed:
        return unsignedIntegerFromText(text);
    case ParameterKind::PositiveNumber:
        return positiveNumberFromText(text);
    case ParameterKind::Number:
        return numberFromText(text);
    case ParameterKind::Fraction: {
        const double x = numberFromText(text);
        if (!(x >= 0.0 && x < 1.0))
            throw TextValueError("expected a number in [0, 1), got '" + text + "'");
        return x;
    }
    case ParameterKind::Switch:
        return true;
    case ParameterKind::Choice:
        return choiceFromText(text, p.choices);
    case ParameterKind::Text:
    case ParameterKind::IntegerList:
        return text;
    }
    return text;
}

} // namespace

std::string choiceList(const std::vector<std::string>& choices)
{
    std::string s;
    for (size_t i = 0; i < choices.size(); ++i)
        s += (i == 0 ? "" : i + 1 == choices.size() ? " or " : ", ") + choices[i];
    return s;
}

const std::vector<TrainParameter>& trainParameters()
{
    static const std::vector<TrainParameter> parameters = table();
    return parameters;
}

const TrainParameter* parameterByKey(const std::string& key)
{
    for (const auto& p : trainParameters())
        if (p.key == key)
            return &p;
    return nullptr;
}

const TrainParameter* parameterByFlag(const std::string& flag)
{
    for (const auto& p : trainParameters())
        if (!p.flag.empty() && p.flag == flag)
            return &p;
    return nullptr;
}

std::string parameterRuleProblem(const TrainParameter& p, const json& v)
{
    if (p.automatic && v.is_number() && v.get<double>() == *p.automatic)
        return {};
    const std::string orAutomatic =
        p.automatic ? " (or " + json(*p.automatic).dump() + ": " + p.defaultMeaning + ")" : std::string();
    switch (p.kind) {
    case ParameterKind::PositiveInteger:
        return v.get<int64_t>() > 0 ? "" : "must be positive" + orAutomatic;
    case ParameterKind::Count:
        return v.get<int64_t>() >= 0 ? "" : "must not be negative";
    case ParameterKind::PositiveNumber:
        return std::isfinite(v.get<double>()) && v.get<double>() > 0.0 ? "" : "must be positive" + orAutomatic;
    case ParameterKind::Number:
        return std::isfinite(v.get<double>()) ? "" : "must be a finite number";
    case ParameterKind::Fraction:
        return v.get<double>() >= 0.0 && v.get<double>() < 1.0 ? "" : "must be in [0, 1)";
    case ParameterKind::Choice:
        for (const auto& c : p.choices)
            if (c == v.get<std::string>())
                return {};
        return "names an unknown " + p.noun + " '" + v.get<std::string>() + "' (expected " + choiceList(p.choices) + ")";
    case ParameterKind::IntegerList:
        for (const auto& x : v)
            if (x.get<int64_t>() <= 0)
                return "must hold positive integers";
        return {};
    case ParameterKind::Seed:
    case ParameterKind::Switch:
    case ParameterKind::Text:
        return {};
    }
    return {};
}

std::vector<ParameterIssue> validate(const TrainConfig& c)
{
    std::vector<ParameterIssue> issues;
    for (const auto& p : trainParameters())
        if (auto problem = parameterRuleProblem(p, p.get(c)); !problem.empty())
            issues.push_back({p.key, std::move(problem)});
    // The truncation lies inside the diffusion's time range (§2.1); EDM's time is σ, up to σ_max.
    const bool edm = c.sde.kind == SdeKind::EDM;
    const double horizon = edm ? c.sde.sigmaMax : c.sde.T;
    if (c.objective.eps > 0.0 && c.objective.eps >= horizon) {
        std::ostringstream m;
        m << "must be smaller than the horizon " << (edm ? "σ_max" : "T") << " = " << horizon;
        issues.push_back({"objective.eps", m.str()});
    }
    if (c.prior.kind == "gmm" && c.prior.fitPoints < c.prior.components)
        issues.push_back({"prior.fit_points", "EM needs at least as many points as components (" +
                                                  std::to_string(c.prior.components) + ")"});
    return issues;
}

TrainConfig chooseParameters(const std::map<std::string, std::string>& textByFlag, TrainConfig c)
{
    for (const auto& p : trainParameters()) {
        const auto it = p.flag.empty() ? textByFlag.end() : textByFlag.find(p.flag);
        if (it == textByFlag.end())
            continue;
        json value;
        try {
            value = valueFromText(p, it->second);
        } catch (const TextValueError& e) {
            throw ParameterError({p.key, e.what()});
        }
        (p.choose ? p.choose : p.set)(c, value);
    }
    return c;
}

std::string defaultText(const TrainParameter& p)
{
    if (p.kind == ParameterKind::Switch)
        return {};
    if (!p.defaultMeaning.empty())
        return "default " + p.defaultMeaning;
    // Integral numbers as integers: "100", not "100.0".
    const auto render = [](const json& v) {
        if (v.is_number_float() && v.get<double>() == std::round(v.get<double>()) && std::abs(v.get<double>()) < 1e15)
            return std::to_string(static_cast<int64_t>(v.get<double>()));
        return v.is_string() ? v.get<std::string>() : v.dump();
    };
    const TrainConfig toy;
    TrainConfig images;
    selectDataset(images, "fashion-mnist");
    std::string text = "default " + render(p.get(toy));
    if (p.get(images) != p.get(toy))
        text += ", images " + render(p.get(images));
    return text;
}

} // namespace scorescope
