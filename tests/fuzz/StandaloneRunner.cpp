// main() for a fuzz target in the ordinary build (no libFuzzer, as in CI): runs every file of the
// corpus directories given, then, for --mutate SECONDS, inputs made from them by random byte
// edits (flips, insertions, deletions, repeats, splices; a fixed seed, so a failure repeats).
// Not coverage-guided — that is the fuzz preset's libFuzzer — but it keeps a regression input from
// landing and shakes the readers a little on every CI run.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);
extern "C" __attribute__((weak)) int LLVMFuzzerInitialize(int* argc, char*** argv);

namespace {

std::vector<uint8_t> readFile(const std::filesystem::path& p)
{
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void mutate(std::vector<uint8_t>& x, const std::vector<std::vector<uint8_t>>& corpus, std::mt19937_64& rng)
{
    auto pick = [&](size_t n) { return n == 0 ? size_t{0} : static_cast<size_t>(rng() % n); };
    const int edits = 1 + static_cast<int>(rng() % 8);
    for (int e = 0; e < edits; ++e) {
        switch (rng() % 6) {
        case 0: if (!x.empty()) x[pick(x.size())] ^= static_cast<uint8_t>(1u << (rng() % 8)); break;
        case 1: if (!x.empty()) x[pick(x.size())] = static_cast<uint8_t>(rng()); break;
        case 2: x.insert(x.begin() + static_cast<std::ptrdiff_t>(pick(x.size() + 1)), static_cast<uint8_t>(rng())); break;
        case 3: if (!x.empty()) { const size_t at = pick(x.size()); x.erase(x.begin() + static_cast<std::ptrdiff_t>(at), x.begin() + static_cast<std::ptrdiff_t>(std::min(x.size(), at + 1 + pick(16)))); } break;
        case 4: if (!x.empty()) { const size_t at = pick(x.size()), n = std::min(x.size() - at, 1 + pick(32)); std::vector<uint8_t> chunk(x.begin() + static_cast<std::ptrdiff_t>(at), x.begin() + static_cast<std::ptrdiff_t>(at + n)); x.insert(x.begin() + static_cast<std::ptrdiff_t>(pick(x.size())), chunk.begin(), chunk.end()); } break;
        case 5: { const auto& other = corpus[pick(corpus.size())]; if (!other.empty()) { const size_t from = pick(other.size()); x.resize(pick(x.size() + 1)); x.insert(x.end(), other.begin() + static_cast<std::ptrdiff_t>(from), other.end()); } } break;
        }
    }
}

} // namespace

int main(int argc, char** argv)
{
    if (LLVMFuzzerInitialize)
        LLVMFuzzerInitialize(&argc, &argv);
    double seconds = 0.0;
    std::vector<std::vector<uint8_t>> corpus;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--mutate") && i + 1 < argc) {
            seconds = std::atof(argv[++i]);
            continue;
        }
        const std::filesystem::path p(argv[i]);
        if (!std::filesystem::exists(p)) {
            std::fprintf(stderr, "%s: no such corpus\n", argv[i]);
            return 1;
        }
        std::vector<std::filesystem::path> files;
        if (std::filesystem::is_directory(p)) {
            for (const auto& e : std::filesystem::directory_iterator(p))
                if (e.is_regular_file())
                    files.push_back(e.path());
        } else {
            files.push_back(p);
        }
        std::sort(files.begin(), files.end());
        for (const auto& f : files) {
            corpus.push_back(readFile(f));
            std::fprintf(stderr, "replay %s\n", f.c_str());
            LLVMFuzzerTestOneInput(corpus.back().data(), corpus.back().size());
        }
    }
    std::fprintf(stderr, "replayed %zu inputs\n", corpus.size());
    // An empty or mistyped corpus path would replay nothing and pass: that is a failure here.
    if (corpus.empty()) {
        std::fprintf(stderr, "no inputs: give the corpus directory (or files) to replay\n");
        return 1;
    }
    if (seconds <= 0.0)
        return 0;
    std::mt19937_64 rng(20261202);
    const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    long runs = 0;
    while (std::chrono::steady_clock::now() < end) {
        auto x = corpus[rng() % corpus.size()];
        mutate(x, corpus, rng);
        LLVMFuzzerTestOneInput(x.data(), x.size());
        ++runs;
    }
    std::fprintf(stderr, "ran %ld mutated inputs in %.0f s\n", runs, seconds);
    return 0;
}
