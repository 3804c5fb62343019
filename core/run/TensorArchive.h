#pragma once
#include <nlohmann/json.hpp>
#include <torch/types.h>

#include <map>
#include <string>

namespace torch::nn { class Module; }

namespace scorescope {

// Named tensors and texts, saved as data only: a checkpoint from anywhere is read as bytes and
// JSON, never executed. (LibTorch's own archives are TorchScript modules: loading one parses and
// compiles the code inside the file, and a crafted file crashed that parser under fuzzing.)
//
// File: the line "scorescope-tensors 1", an 8-byte little-endian header length, a JSON header
// {"texts": {name: text}, "tensors": [{"name", "dtype", "shape", "offset", "bytes"}]}, then the
// tensors' bytes back to back, little-endian. Reading checks every field against the file's size
// before anything is allocated: a bad file is an Error naming it, whatever its bytes.
class TensorArchive {
public:
    void write(const std::string& key, const torch::Tensor& tensor);  // stored as a contiguous CPU copy
    void write(const std::string& key, const std::string& text);
    void write(const std::string& key, const TensorArchive& nested);  // its keys under "key/"

    // Error (naming the archive's origin) when absent; the tensor comes back on the CPU.
    torch::Tensor tensor(const std::string& key) const;
    std::string text(const std::string& key) const;
    bool hasText(const std::string& key) const { return texts_.count(key) > 0; }
    bool hasNested(const std::string& key) const;
    TensorArchive nested(const std::string& key) const;  // the keys under "key/"

    void save(const std::string& path) const;  // atomically (temporary file, then rename)
    static TensorArchive load(const std::string& path);
    const std::string& origin() const { return origin_; }

private:
    std::map<std::string, torch::Tensor> tensors_;
    std::map<std::string, std::string> texts_;
    std::string origin_ = "archive";
};

// A module's parameters and buffers by name; reading requires the same names and shapes (the
// network's architecture) and throws Error otherwise.
void writeModule(TensorArchive& archive, const torch::nn::Module& module);
void readModule(const TensorArchive& archive, torch::nn::Module& module);

} // namespace scorescope
