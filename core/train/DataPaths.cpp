#include "train/DataPaths.h"

#include "common/Error.h"
#include "data/MixtureJson.h"
#include "run/AtomicFile.h"
#include "run/RunDirectory.h"

#include <filesystem>
#include <fstream>
#include <iterator>

namespace fs = std::filesystem;

namespace scorescope {

namespace {

// The data sets that name a path: the prefix before it ("" for a mixture .json).
bool splitPath(const std::string& dataset, std::string& prefix, std::string& path)
{
    for (const char* p : {"folder:", "cifar10:"})
        if (dataset.rfind(p, 0) == 0) {
            prefix = p;
            path = dataset.substr(prefix.size());
            return true;
        }
    if (dataset.size() > 5 && dataset.substr(dataset.size() - 5) == ".json") {
        prefix.clear();
        path = dataset;
        return true;
    }
    return false;
}

bool inside(const fs::path& path, const fs::path& dir)
{
    const auto rel = path.lexically_relative(dir);
    return !rel.empty() && *rel.begin() != "..";
}

// The path as it will be opened — symbolic links followed — and whether that is inside the run.
std::string confined(const std::string& path, const fs::path& run, const std::string& origin, const char* field,
                     const char* flag)
{
    const fs::path p = fs::path(path).is_absolute() ? fs::path(path) : run / path;
    std::error_code ec;
    const auto real = fs::weakly_canonical(p, ec);
    if (ec || !inside(real, fs::weakly_canonical(run)))
        throw Error(origin, std::string(field) + " '" + path + "' lies outside the run directory: a run's config is "
                    "only read inside it; give the data with " + flag + " to use it");
    return real.string();
}

} // namespace

TrainConfig confinedToRun(TrainConfig config, const std::string& runDir, const std::string& origin, const GivenData& given)
{
    const fs::path run = fs::absolute(runDir);
    std::string prefix, path;
    // What the user gave is taken from the working directory, as any path on the command line.
    if (!given.dataset.empty())
        config.dataset = splitPath(given.dataset, prefix, path) ? prefix + fs::absolute(path).string() : given.dataset;
    else if (splitPath(config.dataset, prefix, path))
        config.dataset = prefix + confined(path, run, origin, "the data set", "--dataset");
    if (!given.dataDir.empty())
        config.images.dataDir = fs::absolute(given.dataDir).string();
    else if (!config.images.dataDir.empty())
        config.images.dataDir = confined(config.images.dataDir, run, origin, "data_dir", "--data-dir");
    return config;
}

std::string directoryOf(const std::string& file)
{
    const auto dir = fs::path(file).parent_path();
    return dir.empty() ? "." : dir.string();
}

TrainConfig anchoredAt(TrainConfig config, const std::string& dir)
{
    const auto anchored = [&](const std::string& path) {
        return fs::path(path).is_absolute() ? path : (fs::absolute(dir) / path).lexically_normal().string();
    };
    std::string prefix, path;
    if (splitPath(config.dataset, prefix, path))
        config.dataset = prefix + anchored(path);
    if (!config.images.dataDir.empty())
        config.images.dataDir = anchored(config.images.dataDir);
    return config;
}

TrainConfig relativeToRun(TrainConfig config, const std::string& runDir)
{
    const fs::path run = fs::weakly_canonical(fs::absolute(runDir));
    const auto relative = [&](const std::string& path) {
        const auto p = fs::weakly_canonical(fs::absolute(path));
        return inside(p, run) ? p.lexically_relative(run).string() : path;
    };
    std::string prefix, path;
    if (splitPath(config.dataset, prefix, path))
        config.dataset = prefix + relative(path);
    if (!config.images.dataDir.empty())
        config.images.dataDir = relative(config.images.dataDir);
    return config;
}

void writeRunConfig(const std::string& runDir, const TrainConfig& config)
{
    writeFileAtomically(RunDirectory{runDir}.config(), toJson(relativeToRun(config, runDir)).dump(2) + "\n");
}

TrainConfig withMixtureCopied(TrainConfig config, const std::string& runDir)
{
    std::string prefix, path;
    if (!splitPath(config.dataset, prefix, path) || !prefix.empty())
        return config;
    readMixtureJson(path);  // a bad mixture is reported under its own name, not the copy's
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(path, "cannot open mixture file");
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    const auto copy = fs::absolute(fs::path(runDir) / "mixture.json");
    writeFileAtomically(copy.string(), text);
    config.dataset = copy.string();
    return config;
}

} // namespace scorescope
