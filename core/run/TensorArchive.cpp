#include "core/run/TensorArchive.h"

#include "core/common/Error.h"
#include "core/run/AtomicFile.h"

#include <torch/nn/module.h>
#include <torch/torch.h>

#include <cstring>
#include <fstream>
#include <iterator>

namespace scorescope {

namespace {

const std::string kMagic = "scorescope-tensors 1\n";
constexpr int64_t kMaxElements = int64_t{1} << 32;  // 16 GiB of float32: no real checkpoint comes near

const std::map<std::string, torch::ScalarType>& dtypes()
{
    static const std::map<std::string, torch::ScalarType> m{{"float32", torch::kFloat},  {"float64", torch::kDouble},
                                                           {"int64", torch::kLong},     {"int32", torch::kInt},
                                                           {"uint8", torch::kByte},     {"bool", torch::kBool}};
    return m;
}

std::string dtypeName(torch::ScalarType t)
{
    for (const auto& [name, type] : dtypes())
        if (type == t)
            return name;
    throw Error("cannot store a tensor of type " + std::string(c10::toString(t)));
}

} // namespace

void TensorArchive::write(const std::string& key, const torch::Tensor& tensor)
{
    tensors_[key] = tensor.detach().to(torch::kCPU).contiguous().clone();
}

void TensorArchive::write(const std::string& key, const std::string& text)
{
    texts_[key] = text;
}

void TensorArchive::write(const std::string& key, const TensorArchive& nested)
{
    for (const auto& [k, t] : nested.tensors_)
        tensors_[key + "/" + k] = t;
    for (const auto& [k, s] : nested.texts_)
        texts_[key + "/" + k] = s;
}

torch::Tensor TensorArchive::tensor(const std::string& key) const
{
    const auto it = tensors_.find(key);
    if (it == tensors_.end())
        throw Error(origin_, "has no tensor '" + key + "'");
    return it->second;
}

std::string TensorArchive::text(const std::string& key) const
{
    const auto it = texts_.find(key);
    if (it == texts_.end())
        throw Error(origin_, "has no entry '" + key + "'");
    return it->second;
}

bool TensorArchive::hasNested(const std::string& key) const
{
    const std::string prefix = key + "/";
    const auto t = tensors_.lower_bound(prefix);
    const auto s = texts_.lower_bound(prefix);
    return (t != tensors_.end() && t->first.rfind(prefix, 0) == 0) || (s != texts_.end() && s->first.rfind(prefix, 0) == 0);
}

TensorArchive TensorArchive::nested(const std::string& key) const
{
    const std::string prefix = key + "/";
    TensorArchive out;
    out.origin_ = origin_;
    for (auto it = tensors_.lower_bound(prefix); it != tensors_.end() && it->first.rfind(prefix, 0) == 0; ++it)
        out.tensors_[it->first.substr(prefix.size())] = it->second;
    for (auto it = texts_.lower_bound(prefix); it != texts_.end() && it->first.rfind(prefix, 0) == 0; ++it)
        out.texts_[it->first.substr(prefix.size())] = it->second;
    return out;
}

void TensorArchive::save(const std::string& path) const
{
    nlohmann::json header{{"texts", texts_}, {"tensors", nlohmann::json::array()}};
    int64_t offset = 0;
    for (const auto& [name, t] : tensors_) {
        const int64_t bytes = t.numel() * static_cast<int64_t>(t.element_size());
        header["tensors"].push_back({{"name", name}, {"dtype", dtypeName(t.scalar_type())}, {"shape", t.sizes().vec()},
                                     {"offset", offset}, {"bytes", bytes}});
        offset += bytes;
    }
    const std::string json = header.dump();
    std::string file = kMagic;
    const uint64_t length = json.size();
    for (int i = 0; i < 8; ++i)
        file.push_back(static_cast<char>((length >> (8 * i)) & 0xff));
    file += json;
    file.reserve(file.size() + static_cast<size_t>(offset));
    for (const auto& [name, t] : tensors_)
        file.append(static_cast<const char*>(t.data_ptr()), t.numel() * t.element_size());
    writeFileAtomically(path, file);
}

TensorArchive TensorArchive::load(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(path, "cannot be opened");
    const std::string file((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto bad = [&](const std::string& why) { return Error(path, "not a Scorescope archive: " + why); };
    if (file.compare(0, kMagic.size(), kMagic) != 0)
        throw bad(file.rfind("PK", 0) == 0 ? "a LibTorch (TorchScript) archive — a checkpoint of an earlier Scorescope "
                                             "version, or a foreign file — which is not loaded: loading one runs code from it"
                                           : "no 'scorescope-tensors' header");
    if (file.size() < kMagic.size() + 8)
        throw bad("truncated header");
    uint64_t length = 0;
    for (int i = 0; i < 8; ++i)
        length |= static_cast<uint64_t>(static_cast<unsigned char>(file[kMagic.size() + i])) << (8 * i);
    const size_t dataStart = kMagic.size() + 8;
    if (length > file.size() - dataStart)
        throw bad("the header runs past the end of the file (truncated?)");
    TensorArchive archive;
    archive.origin_ = path;
    const char* data = file.data() + dataStart + length;
    const auto dataSize = static_cast<int64_t>(file.size() - dataStart - length);
    try {
        const auto header = nlohmann::json::parse(file.begin() + static_cast<std::ptrdiff_t>(dataStart),
                                                  file.begin() + static_cast<std::ptrdiff_t>(dataStart + length));
        for (const auto& [key, value] : header.at("texts").items())
            archive.texts_[key] = value.get<std::string>();
        for (const auto& entry : header.at("tensors")) {
            const auto name = entry.at("name").get<std::string>();
            const auto type = dtypes().find(entry.at("dtype").get<std::string>());
            if (type == dtypes().end())
                throw bad("tensor '" + name + "' has an unknown dtype");
            std::vector<int64_t> shape;
            int64_t numel = 1;
            for (const auto& d : entry.at("shape")) {
                const auto n = d.get<int64_t>();
                if (n < 0 || (n > 0 && numel > kMaxElements / n))
                    throw bad("tensor '" + name + "' has an impossible shape");
                numel *= n;
                shape.push_back(n);
            }
            const auto offset = entry.at("offset").get<int64_t>(), bytes = entry.at("bytes").get<int64_t>();
            const int64_t elementSize = static_cast<int64_t>(c10::elementSize(type->second));
            if (shape.size() > 8 || bytes != numel * elementSize || offset < 0 || offset > dataSize || bytes > dataSize - offset)
                throw bad("tensor '" + name + "' does not fit its record (truncated?)");
            auto t = torch::empty(shape, torch::TensorOptions().dtype(type->second));
            if (bytes > 0)
                std::memcpy(t.data_ptr(), data + offset, static_cast<size_t>(bytes));
            if (type->second == torch::kBool && bytes > 0 && (t.view(torch::kByte) > 1).any().item<bool>())
                throw bad("tensor '" + name + "' holds bytes that are not booleans");
            archive.tensors_[name] = t;
        }
    } catch (const nlohmann::json::exception& e) {
        throw bad(std::string("malformed header: ") + e.what());
    }
    return archive;
}

void writeModule(TensorArchive& archive, const torch::nn::Module& module)
{
    for (const auto& p : module.named_parameters())
        archive.write(p.key(), p.value());
    for (const auto& b : module.named_buffers())
        archive.write(b.key(), b.value());
}

void readModule(const TensorArchive& archive, torch::nn::Module& module)
{
    torch::NoGradGuard noGrad;
    auto assign = [&](const std::string& name, torch::Tensor& target) {
        const auto t = archive.tensor(name);
        if (t.sizes() != target.sizes() || t.scalar_type() != target.scalar_type())
            throw Error(archive.origin(), "'" + name + "' does not match this network (a different architecture)");
        target.copy_(t);
    };
    for (auto& p : module.named_parameters())
        assign(p.key(), p.value());
    for (auto& b : module.named_buffers())
        assign(b.key(), b.value());
}

} // namespace scorescope
