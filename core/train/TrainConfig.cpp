#include "train/TrainConfig.h"

#include "common/Error.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <set>
#include <sstream>
#include <type_traits>

namespace scorescope {

using json = nlohmann::json;

void selectSde(TrainConfig& c, SdeKind kind)
{
    const double T = c.sde.T;
    c.sde = SdeConfig::defaults(kind);
    c.sde.T = T;
    if (kind == SdeKind::EDM) {
        c.model.parameterisation = Parameterisation::Edm;
        c.objective.weighting = Weighting::Edm;
    }
}

void selectDataset(TrainConfig& c, const std::string& spec)
{
    const bool wasImage = isImageDatasetSpec(c.dataset), image = isImageDatasetSpec(spec);
    c.dataset = spec;
    if (wasImage == image)
        return;
    const TrainConfig defaults;
    if (image) {
        c.model.arch = "unet";
        c.batch = 64;
        c.steps = 5000;
        c.lr = 5e-4;
        c.objective.reduceMean = true;
        c.model.sigmaData = 0.5;
        c.logEvery = 25;
        c.checkpointEvery = 250;
        c.sampleEvery = 500;
    } else {
        c.model.arch = defaults.model.arch;
        c.batch = defaults.batch;
        c.steps = defaults.steps;
        c.lr = defaults.lr;
        c.objective.reduceMean = defaults.objective.reduceMean;
        c.logEvery = defaults.logEvery;
        c.checkpointEvery = defaults.checkpointEvery;
        c.sampleEvery = defaults.sampleEvery;
    }
}

json toJson(const TrainConfig& c)
{
    return {
        {"dataset", c.dataset},
        {"data", {{"data_dir", c.images.dataDir}, {"image_size", c.images.size}, {"gray", c.images.gray},
                  {"flip", c.images.flip}, {"test_fraction", c.images.testFraction}}},
        {"sde", {{"kind", sdeKindName(c.sde.kind)}, {"beta0", c.sde.beta0}, {"beta1", c.sde.beta1},
                 {"sigma_min", c.sde.sigmaMin}, {"sigma_max", c.sde.sigmaMax}, {"T", c.sde.T}}},
        {"model", {{"arch", c.model.arch}, {"hidden", c.model.hidden}, {"depth", c.model.depth},
                   {"fourier_features", c.model.fourierFeatures}, {"fourier_scale", c.model.fourierScale},
                   {"width", c.model.width}, {"channel_mult", c.model.channelMult}, {"res_blocks", c.model.resBlocks},
                   {"attention_resolutions", c.model.attentionResolutions}, {"dropout", c.model.dropout},
                   {"parameterisation", parameterisationName(c.model.parameterisation)},
                   {"sigma_data", c.model.sigmaData}}},
        {"objective", {{"weighting", weightingName(c.objective.weighting)}, {"eps", c.objective.eps},
                       {"reduce_mean", c.objective.reduceMean}, {"p_mean", c.objective.pMean},
                       {"p_std", c.objective.pStd}, {"mixed_weight", c.objective.mixedWeight},
                       {"soft_truncation_k", c.objective.softTruncationK}, {"target", targetName(c.objective.target)},
                       {"reference_size", c.objective.referenceSize},
                       {"reference_chunk", c.objective.referenceChunk}}},
        {"prior", {{"kind", c.prior.kind}, {"components", c.prior.components},
                   {"covariance", c.prior.fullCovariance ? "full" : "diag"}, {"fit_points", c.prior.fitPoints}, {"restarts", c.prior.restarts},
                   {"fit_steps", c.prior.fitSteps}, {"layers", c.prior.layers}, {"hidden", c.prior.hidden}}},
        {"steps", c.steps}, {"batch", c.batch}, {"lr", c.lr}, {"warmup", c.warmup}, {"grad_clip", c.gradClip},
        {"ema_decay", c.emaDecay}, {"seed", c.seed}, {"device", c.device}, {"log_every", c.logEvery},
        {"checkpoint_every", c.checkpointEvery}, {"sample_every", c.sampleEvery}, {"gradient_bins", c.gradientBins},
    };
}

namespace {

// Reads typed values out of one JSON object, rejecting unknown keys so typos are caught.
class Reader {
public:
    Reader(const json& j, std::string path) : j_(j), path_(std::move(path))
    {
        if (!j_.is_object())
            throw Error((path_.empty() ? "the config" : "\"" + path_ + "\"") + " must be an object");
    }
    // Call after the last get(): any key not asked for is a typo or a key of another version.
    void rejectUnknown() const
    {
        for (auto it = j_.begin(); it != j_.end(); ++it)
            if (!seen_.count(it.key()))
                throw Error("unknown key \"" + where(it.key()) + "\"");
    }
    template <typename T> void get(const char* key, T& out)
    {
        seen_.insert(key);
        if (!j_.contains(key))
            return;
        // An integer field takes an integer only: nlohmann would convert 1e129 to int64_t, which is
        // undefined behaviour (found by fuzzing), and 2.5 silently to 2.
        if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>)
            if (!j_.at(key).is_number_integer() || (std::is_unsigned_v<T> && !j_.at(key).is_number_unsigned()))
                throw Error("\"" + where(key) + "\" must be " + (std::is_unsigned_v<T> ? "a non-negative" : "an") + " integer");
        try {
            out = j_.at(key).get<T>();
        } catch (const json::exception&) {
            throw Error("\"" + where(key) + "\" has the wrong type (" + j_.at(key).type_name() + ")");
        }
    }
    template <typename T> void positive(const char* key, T& out)
    {
        get(key, out);
        if (!(out > 0))
            throw Error("\"" + where(key) + "\" must be positive");
    }
    template <typename Parse, typename T> void parsed(const char* key, T& out, Parse parse)
    {
        std::string name;
        get(key, name);
        if (j_.contains(key))
            out = parse(name);
    }
    const json* child(const char* key)
    {
        seen_.insert(key);
        return j_.contains(key) ? &j_.at(key) : nullptr;
    }
    std::string where(const std::string& key) const { return path_.empty() ? key : path_ + "." + key; }

private:
    const json& j_;
    std::string path_;
    std::set<std::string> seen_;
};

} // namespace

TrainConfig trainConfigFromJson(const json& j, const std::string& origin, TrainConfig c)
{
    try {
        Reader r(j, "");
        r.get("dataset", c.dataset);
        if (const json* d = r.child("data")) {
            Reader rd(*d, "data");
            rd.get("data_dir", c.images.dataDir);
            rd.get("image_size", c.images.size);
            rd.get("gray", c.images.gray);
            rd.get("flip", c.images.flip);
            rd.get("test_fraction", c.images.testFraction);
            rd.rejectUnknown();
        }
        if (const json* s = r.child("sde")) {
            Reader rs(*s, "sde");
            SdeKind kind = c.sde.kind;
            rs.parsed("kind", kind, parseSdeKind);
            if (kind != c.sde.kind)
                c.sde = SdeConfig::defaults(kind);
            rs.positive("beta0", c.sde.beta0);
            rs.positive("beta1", c.sde.beta1);
            rs.positive("sigma_min", c.sde.sigmaMin);
            rs.positive("sigma_max", c.sde.sigmaMax);
            rs.positive("T", c.sde.T);
            rs.rejectUnknown();
        }
        if (const json* m = r.child("model")) {
            Reader rm(*m, "model");
            rm.get("arch", c.model.arch);
            rm.positive("hidden", c.model.hidden);
            rm.positive("depth", c.model.depth);
            rm.positive("fourier_features", c.model.fourierFeatures);
            rm.positive("fourier_scale", c.model.fourierScale);
            rm.positive("width", c.model.width);
            rm.get("channel_mult", c.model.channelMult);
            rm.positive("res_blocks", c.model.resBlocks);
            rm.get("attention_resolutions", c.model.attentionResolutions);
            rm.get("dropout", c.model.dropout);
            rm.parsed("parameterisation", c.model.parameterisation, parseParameterisation);
            rm.get("sigma_data", c.model.sigmaData);
            rm.rejectUnknown();
        }
        if (const json* o = r.child("objective")) {
            Reader ro(*o, "objective");
            ro.parsed("weighting", c.objective.weighting, parseWeighting);
            ro.get("eps", c.objective.eps);
            ro.get("reduce_mean", c.objective.reduceMean);
            ro.get("p_mean", c.objective.pMean);
            ro.positive("p_std", c.objective.pStd);
            ro.get("mixed_weight", c.objective.mixedWeight);
            ro.get("soft_truncation_k", c.objective.softTruncationK);
            ro.parsed("target", c.objective.target, parseTarget);
            ro.get("reference_size", c.objective.referenceSize);
            ro.positive("reference_chunk", c.objective.referenceChunk);
            ro.rejectUnknown();
        }
        if (const json* p = r.child("prior")) {
            Reader rp(*p, "prior");
            rp.get("kind", c.prior.kind);
            rp.positive("components", c.prior.components);
            std::string covariance = c.prior.fullCovariance ? "full" : "diag";
            rp.get("covariance", covariance);
            if (covariance != "full" && covariance != "diag")
                throw Error("\"prior.covariance\" must be full or diag");
            c.prior.fullCovariance = covariance == "full";
            rp.positive("fit_points", c.prior.fitPoints);
            rp.positive("restarts", c.prior.restarts);
            rp.get("fit_steps", c.prior.fitSteps);
            rp.positive("layers", c.prior.layers);
            rp.positive("hidden", c.prior.hidden);
            rp.rejectUnknown();
            validate(c.prior);
        }
        r.positive("steps", c.steps);
        r.positive("batch", c.batch);
        r.positive("lr", c.lr);
        r.get("warmup", c.warmup);
        r.positive("grad_clip", c.gradClip);
        r.get("ema_decay", c.emaDecay);
        r.get("seed", c.seed);
        r.get("device", c.device);
        r.positive("log_every", c.logEvery);
        r.positive("checkpoint_every", c.checkpointEvery);
        r.get("sample_every", c.sampleEvery);
        r.get("gradient_bins", c.gradientBins);
        r.rejectUnknown();
    } catch (const Error& e) {
        throw Error(origin, e.what());
    }
    if (c.emaDecay < 0.0 || c.emaDecay >= 1.0)
        throw Error(origin, "\"ema_decay\" must be in [0, 1)");
    if (c.warmup < 0)
        throw Error(origin, "\"warmup\" must not be negative");
    if (c.sampleEvery < 0)
        throw Error(origin, "\"sample_every\" must not be negative (0 takes no snapshots)");
    if (c.device != "cpu" && c.device != "cuda" && c.device != "auto")
        throw Error(origin, "\"device\" must be cpu, cuda or auto");
    if (c.objective.softTruncationK < 0.0)
        throw Error(origin, "\"objective.soft_truncation_k\" must not be negative (0 turns Soft Truncation off)");
    if (!(c.objective.mixedWeight > 0.0))
        throw Error(origin, "\"objective.mixed_weight\" must be positive");
    return c;
}

TrainConfig readTrainConfig(const std::string& path)
{
    std::ifstream in(path);
    if (!in)
        throw Error(path, "cannot open config file");
    json j;
    try {
        j = json::parse(in);
    } catch (const json::exception& e) {  // parse_error, or out_of_range for a number past double
        throw Error(path, std::string("not valid JSON: ") + e.what());
    }
    return trainConfigFromJson(j, path);
}

} // namespace scorescope
