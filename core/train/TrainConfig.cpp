#include "train/TrainConfig.h"

#include "common/Error.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <set>
#include <sstream>

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

json toJson(const TrainConfig& c)
{
    return {
        {"dataset", c.dataset},
        {"sde", {{"kind", sdeKindName(c.sde.kind)}, {"beta0", c.sde.beta0}, {"beta1", c.sde.beta1},
                 {"sigma_min", c.sde.sigmaMin}, {"sigma_max", c.sde.sigmaMax}, {"T", c.sde.T}}},
        {"model", {{"arch", c.model.arch}, {"hidden", c.model.hidden}, {"depth", c.model.depth},
                   {"fourier_features", c.model.fourierFeatures}, {"fourier_scale", c.model.fourierScale},
                   {"parameterisation", parameterisationName(c.model.parameterisation)},
                   {"sigma_data", c.model.sigmaData}}},
        {"objective", {{"weighting", weightingName(c.objective.weighting)}, {"eps", c.objective.eps},
                       {"reduce_mean", c.objective.reduceMean}, {"p_mean", c.objective.pMean},
                       {"p_std", c.objective.pStd}}},
        {"steps", c.steps}, {"batch", c.batch}, {"lr", c.lr}, {"warmup", c.warmup}, {"grad_clip", c.gradClip},
        {"ema_decay", c.emaDecay}, {"seed", c.seed}, {"device", c.device}, {"log_every", c.logEvery},
        {"checkpoint_every", c.checkpointEvery},
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
            ro.rejectUnknown();
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
        r.rejectUnknown();
    } catch (const Error& e) {
        throw Error(origin, e.what());
    }
    if (c.emaDecay < 0.0 || c.emaDecay >= 1.0)
        throw Error(origin, "\"ema_decay\" must be in [0, 1)");
    if (c.warmup < 0)
        throw Error(origin, "\"warmup\" must not be negative");
    if (c.device != "cpu" && c.device != "cuda" && c.device != "auto")
        throw Error(origin, "\"device\" must be cpu, cuda or auto");
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
    } catch (const json::parse_error& e) {
        throw Error(path, std::string("not valid JSON: ") + e.what());
    }
    return trainConfigFromJson(j, path);
}

} // namespace scorescope
