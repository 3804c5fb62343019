#include "core/data/IdxFile.h"

#include "core/common/Error.h"

#include <torch/torch.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>

namespace scorescope {

namespace {
struct GzCloser {
    void operator()(gzFile f) const { gzclose(f); }
};
using GzFile = std::unique_ptr<std::remove_pointer_t<gzFile>, GzCloser>;

void readExactly(gzFile f, void* buf, size_t n, const std::string& path, const char* what)
{
    auto* p = static_cast<unsigned char*>(buf);
    while (n > 0) {
        const unsigned chunk = static_cast<unsigned>(std::min<size_t>(n, 1u << 30));
        const int got = gzread(f, p, chunk);
        if (got < 0) {
            int err = 0;
            throw Error(path, std::string("corrupt compressed data (") + gzerror(f, &err) + ")");
        }
        if (got == 0)
            throw Error(path, std::string("truncated: the file ends inside the ") + what);
        p += got;
        n -= static_cast<size_t>(got);
    }
}
}

torch::Tensor readIdx(const std::string& path)
{
    GzFile f(gzopen(path.c_str(), "rb"));
    if (!f)
        throw Error(path, "cannot open IDX file");
    std::array<unsigned char, 4> magic{};
    readExactly(f.get(), magic.data(), 4, path, "header");
    if (magic[0] != 0 || magic[1] != 0)
        throw Error(path, "not an IDX file (wrong magic number)");
    if (magic[2] != 0x08)
        throw Error(path, "IDX element type " + std::to_string(magic[2]) + " is not unsigned byte (0x08)");
    const int ndims = magic[3];
    if (ndims < 1 || ndims > 4)
        throw Error(path, "IDX file with " + std::to_string(ndims) + " dimensions (expected 1 to 4)");
    std::vector<int64_t> shape;
    int64_t count = 1;
    for (int i = 0; i < ndims; ++i) {
        std::array<unsigned char, 4> b{};
        readExactly(f.get(), b.data(), 4, path, "header");
        const int64_t n = (int64_t(b[0]) << 24) | (int64_t(b[1]) << 16) | (int64_t(b[2]) << 8) | int64_t(b[3]);
        if (n <= 0 || n > (int64_t(1) << 28))
            throw Error(path, "implausible IDX dimension " + std::to_string(n));
        shape.push_back(n);
        count *= n;
        if (count > (int64_t(1) << 33))
            throw Error(path, "IDX data too large");
    }
    // Read in chunks before allocating the whole: a small (or cut) file whose header claims
    // gigabytes fails as truncated, not by allocating what the header claims.
    std::vector<uint8_t> bytes;
    constexpr int64_t chunk = int64_t(1) << 24;
    while (static_cast<int64_t>(bytes.size()) < count) {
        const auto offset = bytes.size();
        bytes.resize(offset + static_cast<size_t>(std::min(chunk, count - static_cast<int64_t>(offset))));
        readExactly(f.get(), bytes.data() + offset, bytes.size() - offset, path, "data");
    }
    auto data = torch::empty(shape, torch::kUInt8);
    std::memcpy(data.data_ptr<uint8_t>(), bytes.data(), bytes.size());
    unsigned char extra;
    if (gzread(f.get(), &extra, 1) > 0)
        throw Error(path, "trailing bytes after the IDX data (sizes in the header do not match the file)");
    return data;
}

void writeIdx(const std::string& path, const torch::Tensor& data, bool gzip)
{
    const auto bytes = data.to(torch::kUInt8).contiguous();
    GzFile f(gzopen(path.c_str(), gzip ? "wb" : "wbT"));
    if (!f)
        throw Error(path, "cannot write IDX file");
    std::vector<unsigned char> header{0, 0, 0x08, static_cast<unsigned char>(bytes.dim())};
    for (int64_t n : bytes.sizes())
        for (int shift : {24, 16, 8, 0})
            header.push_back(static_cast<unsigned char>((n >> shift) & 0xff));
    if (gzwrite(f.get(), header.data(), static_cast<unsigned>(header.size())) != static_cast<int>(header.size()) ||
        gzwrite(f.get(), bytes.data_ptr<uint8_t>(), static_cast<unsigned>(bytes.numel())) != static_cast<int>(bytes.numel()))
        throw Error(path, "write failed");
}

} // namespace scorescope
