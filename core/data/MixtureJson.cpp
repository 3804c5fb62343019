#include "core/data/MixtureJson.h"

#include "core/common/Error.h"
#include "core/run/AtomicFile.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <cmath>
#include <fstream>
#include <sstream>

namespace scorescope {

namespace {

using json = nlohmann::json;

double number(const json& j, const std::string& where)
{
    if (!j.is_number())
        throw Error(where + " must be a number, got " + std::string(j.type_name()));
    const double v = j.get<double>();
    if (!std::isfinite(v))
        throw Error(where + " is not finite");
    return v;
}

std::vector<double> vector(const json& j, const std::string& where)
{
    if (!j.is_array())
        throw Error(where + " must be an array of numbers");
    std::vector<double> out;
    for (size_t i = 0; i < j.size(); ++i)
        out.push_back(number(j[i], where + "[" + std::to_string(i) + "]"));
    return out;
}

} // namespace

GaussianMixture parseMixtureJson(const std::string& text, const std::string& origin)
{
    json doc;
    try {
        doc = json::parse(text);
    } catch (const json::exception& e) {  // parse_error, or out_of_range for a number past double
        throw Error(origin, std::string("not valid JSON: ") + e.what());
    }
    try {
        if (!doc.is_object())
            throw Error("the top level must be an object with a \"components\" array");
        if (!doc.contains("components") || !doc["components"].is_array() || doc["components"].empty())
            throw Error("\"components\" must be a non-empty array");
        const auto& comps = doc["components"];
        const int64_t K = static_cast<int64_t>(comps.size());
        int64_t D = -1;
        auto weights = torch::empty({K}, torch::kDouble);
        torch::Tensor means, covs;
        for (int64_t k = 0; k < K; ++k) {
            const std::string where = "component " + std::to_string(k);
            const auto& c = comps[k];
            if (!c.is_object())
                throw Error(where + " must be an object");
            const double w = c.contains("weight") ? number(c["weight"], where + ": \"weight\"") : 1.0;
            if (w < 0.0)
                throw Error(where + ": negative weight " + std::to_string(w));
            if (!c.contains("mean"))
                throw Error(where + ": missing \"mean\"");
            const auto mean = vector(c["mean"], where + ": \"mean\"");
            if (mean.empty())
                throw Error(where + ": \"mean\" is empty");
            if (D < 0) {
                D = static_cast<int64_t>(mean.size());
                means = torch::empty({K, D}, torch::kDouble);
                covs = torch::empty({K, D, D}, torch::kDouble);
            } else if (static_cast<int64_t>(mean.size()) != D) {
                throw Error(where + ": \"mean\" has dimension " + std::to_string(mean.size()) + ", component 0 has " +
                            std::to_string(D));
            }
            means[k] = torch::tensor(mean, torch::kDouble);
            if (c.contains("std") == c.contains("cov"))
                throw Error(where + ": give exactly one of \"std\" and \"cov\"");
            if (c.contains("std")) {
                const double s = number(c["std"], where + ": \"std\"");
                if (s <= 0.0)
                    throw Error(where + ": \"std\" must be positive, got " + std::to_string(s));
                covs[k] = torch::eye(D, torch::kDouble) * (s * s);
            } else {
                const auto& rows = c["cov"];
                if (!rows.is_array() || static_cast<int64_t>(rows.size()) != D)
                    throw Error(where + ": \"cov\" must be a " + std::to_string(D) + "x" + std::to_string(D) + " matrix");
                for (int64_t i = 0; i < D; ++i) {
                    const auto row = vector(rows[i], where + ": \"cov\" row " + std::to_string(i));
                    if (static_cast<int64_t>(row.size()) != D)
                        throw Error(where + ": \"cov\" must be a " + std::to_string(D) + "x" + std::to_string(D) + " matrix");
                    covs[k][i] = torch::tensor(row, torch::kDouble);
                }
                if (!torch::allclose(covs[k], covs[k].t(), 0.0, 1e-12))
                    throw Error(where + ": \"cov\" is not symmetric");
                const auto eig = std::get<0>(torch::linalg_eigh(covs[k], "L"));
                if (eig.min().item<double>() <= 0.0)
                    throw Error(where + ": \"cov\" is not positive definite (smallest eigenvalue " +
                                std::to_string(eig.min().item<double>()) + ")");
            }
            weights[k] = w;
        }
        if (weights.sum().item<double>() <= 0.0)
            throw Error("the weights sum to zero");
        const std::string name = doc.contains("name") && doc["name"].is_string() ? doc["name"].get<std::string>() : "mixture";
        return {name, weights / weights.sum(), means, covs};
    } catch (const Error& e) {
        throw Error(origin, e.what());
    }
}

GaussianMixture readMixtureJson(const std::string& path)
{
    std::ifstream in(path);
    if (!in)
        throw Error(path, "cannot open mixture file");
    std::stringstream buffer;
    buffer << in.rdbuf();
    return parseMixtureJson(buffer.str(), path);
}

void writeMixtureJson(const GaussianMixture& mixture, const std::string& path)
{
    json comps = json::array();
    for (int64_t k = 0; k < mixture.components(); ++k) {
        json cov = json::array();
        for (int64_t i = 0; i < mixture.dim(); ++i) {
            const auto row = mixture.covariances[k][i].contiguous();
            cov.push_back(std::vector<double>(row.data_ptr<double>(), row.data_ptr<double>() + row.numel()));
        }
        const auto mean = mixture.means[k].contiguous();
        comps.push_back({{"weight", mixture.weights[k].item<double>()},
                         {"mean", std::vector<double>(mean.data_ptr<double>(), mean.data_ptr<double>() + mean.numel())},
                         {"cov", cov}});
    }
    writeFileAtomically(path, json({{"name", mixture.name}, {"components", comps}}).dump(2) + "\n");
}

} // namespace scorescope
