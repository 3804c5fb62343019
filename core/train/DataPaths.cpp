#include "core/train/DataPaths.h"

#include "core/common/Error.h"
#include "core/data/MixtureJson.h"
#include "core/run/AtomicFile.h"
#include "core/run/RunDirectory.h"

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

// The config with `map(path, isDataDir)` in place of each data path: the data set's (after its
// prefix) and data_dir.
template <class Map>
TrainConfig mapDataPaths(TrainConfig config, const Map& map)
{
    std::string prefix, path;
    if (splitPath(config.dataset, prefix, path))
        config.dataset = prefix + map(path, false);
    if (!config.images.dataDir.empty())
        config.images.dataDir = map(config.images.dataDir, true);
    return config;
}

} // namespace

TrainConfig confinedToRun(TrainConfig config, const std::string& runDir, const std::string& origin, const GivenData& given)
{
    const fs::path run = fs::absolute(runDir);
    if (!given.dataset.empty())
        config.dataset = given.dataset;
    if (!given.dataDir.empty())
        config.images.dataDir = given.dataDir;
    return mapDataPaths(std::move(config), [&](const std::string& path, bool dataDir) {
        // What the user gave is taken from the working directory, as any path on the command line.
        if (!(dataDir ? given.dataDir : given.dataset).empty())
            return fs::absolute(path).string();
        return confined(path, run, origin, dataDir ? "data_dir" : "the data set", dataDir ? "--data-dir" : "--dataset");
    });
}

std::string directoryOf(const std::string& file)
{
    const auto dir = fs::path(file).parent_path();
    return dir.empty() ? "." : dir.string();
}

TrainConfig anchoredAt(TrainConfig config, const std::string& dir)
{
    return mapDataPaths(std::move(config), [&](const std::string& path, bool) {
        return fs::path(path).is_absolute() ? path : (fs::absolute(dir) / path).lexically_normal().string();
    });
}

TrainConfig relativeToRun(TrainConfig config, const std::string& runDir)
{
    const fs::path run = fs::weakly_canonical(fs::absolute(runDir));
    return mapDataPaths(std::move(config), [&](const std::string& path, bool) {
        const auto p = fs::weakly_canonical(fs::absolute(path));
        return inside(p, run) ? p.lexically_relative(run).string() : path;
    });
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
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(path, "cannot open mixture file");
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    parseMixtureJson(text, path);  // a bad mixture is reported under its own name, not the copy's
    const auto copy = fs::absolute(fs::path(runDir) / "mixture.json");
    writeFileAtomically(copy.string(), text);
    config.dataset = copy.string();
    return config;
}

} // namespace scorescope
