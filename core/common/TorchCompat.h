#pragma once
// The one place where LibTorch 1.13 (Debian 12) and 2.x (Debian 13, pip, the GPU machine) differ
// for this project; a file that uses what it covers includes it.
//
// - torch::linalg::… lives in <torch/linalg.h>, which Debian 13's libtorch-dev 2.6 does not ship:
//   the code calls the same operators as ATen functions (torch::linalg_cholesky, linalg_eigh, …),
//   declared by <torch/torch.h> in every version.
// - An optimizer's per-parameter state is keyed by the parameter's TensorImpl: 1.13 as the string
//   c10::guts::to_string made of the pointer (an ostream'd void*), 2.x by the pointer itself;
//   c10::guts::to_string is gone from 2.x.
// - c10d (core/distributed/DataParallel.cpp): 1.13's ProcessGroupGloo/NCCL derive from
//   c10d::ProcessGroup, 2.x's from c10d::Backend; both keep the constructors (store, rank, size,
//   options), Options::create and the collectives this project calls, so that file holds the
//   concrete classes and needs nothing here.
// - 2.4 and later make a TCPStore serve through libuv by default, which Debian 13's LibTorch is
//   built without ("use_libuv was requested but PyTorch was build without libuv support"): the
//   store asks for the plain socket server where its options have the switch.
// - oneDNN 3.x (2.x's CPU convolutions; Debian 13's is 3.7.2): with two threads its kernels for a
//   convolution's input gradient return wrong values or NaN now and then (its AVX-512 kernels for
//   some shapes every time, 16 or 32 channels into 8 at 7×7 or 28×28; its AVX2 kernels rarely:
//   a small U-Net's training diverged in 1 to 5 runs of 16), seen on an AMD EPYC on 2026-12-07, in
//   C++ and in Debian's python3-torch alike. So with 2.x, convolutions on the CPU use ATen's own
//   (im2col and OpenBLAS), correct to rounding; on 2 cores it takes about 2.3× oneDNN's time for a
//   small convolutional net's training step (five 3×3 layers, 28×28, batch 64). The files that
//   make convolutions call avoidOneDnn before the first one.
//   1.13's oneDNN 2.6 has no such fault and stays on; 2.x builds with another oneDNN (pip's, the GPU
//   machine's) were not checked and lose it too.
// - 2.3 and later have a fused CPU attention kernel that also returns each row's log-sum-exp
//   (aten::_scaled_dot_product_flash_attention_for_cpu); the Stable Target Field's weights use it
//   where it pays (objective/StableTargetField.cpp). Its header and 2.3 both required (earlier
//   versions' signature unchecked).
#include <torch/torch.h>
#include <torch/version.h>
#if __has_include(<ATen/ops/_scaled_dot_product_flash_attention_for_cpu.h>) && \
    (TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 3))
#include <ATen/ops/_scaled_dot_product_flash_attention_for_cpu.h>
#define SCORESCOPE_HAS_CPU_ATTENTION 1
#endif

#include <optional>
#include <sstream>
#include <string>
#include <type_traits>
#include <utility>

namespace scorescope::torchcompat {

// The key of `p` in an optimizer's state map (torch::optim::Optimizer::state()).
template <class Map>
typename Map::key_type optimizerStateKey(const Map&, const torch::Tensor& p)
{
    using Key = typename Map::key_type;
    if constexpr (std::is_same_v<Key, std::string>) {
        std::ostringstream os;  // exactly what 1.13's c10::guts::to_string wrote
        os << p.unsafeGetTensorImpl();
        return os.str();
    } else {
        return static_cast<Key>(p.unsafeGetTensorImpl());
    }
}

// Turns off TCPStoreOptions::useLibUV where this LibTorch has it (2.3 and later).
template <class Options, class = void>
struct HasUseLibUV : std::false_type {};
template <class Options>
struct HasUseLibUV<Options, std::void_t<decltype(std::declval<Options&>().useLibUV)>> : std::true_type {};

template <class Options>
void useSocketStore(Options& options)
{
    if constexpr (HasUseLibUV<Options>::value)
        options.useLibUV = false;
}

// softmax(q·kᵀ)·v and each row's log Σ_j exp(q·k_j) from LibTorch's fused CPU attention, which
// never holds the [B, n] logits; std::nullopt where this LibTorch lacks it. q: [B, d], k and v:
// [n, d] (one width for all three, as the kernel asks), on the CPU; results [B, d] and [B, 1].
inline std::optional<std::pair<torch::Tensor, torch::Tensor>> cpuAttention([[maybe_unused]] const torch::Tensor& q,
                                                                           [[maybe_unused]] const torch::Tensor& k,
                                                                           [[maybe_unused]] const torch::Tensor& v)
{
#ifdef SCORESCOPE_HAS_CPU_ATTENTION
    auto [out, lse] = at::_scaled_dot_product_flash_attention_for_cpu(q.view({1, 1, q.size(0), q.size(1)}),
                                                                      k.view({1, 1, k.size(0), k.size(1)}),
                                                                      v.view({1, 1, v.size(0), v.size(1)}), 0.0, false,
                                                                      std::nullopt, 1.0);
    return std::pair{out.view({q.size(0), v.size(1)}), lse.view({q.size(0), 1})};
#else
    return std::nullopt;
#endif
}

// Turns LibTorch's use of oneDNN off (above). Called from namespace-scope initialisers in UNet.cpp and
// FeatureClassifier.cpp (the project's only convolutions), so it runs before main() in every
// program that links either.
inline bool avoidOneDnn()
{
#if TORCH_VERSION_MAJOR >= 2
    at::globalContext().setUserEnabledMkldnn(false);
    return true;
#else
    return false;
#endif
}

} // namespace scorescope::torchcompat
