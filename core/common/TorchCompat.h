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
// - oneDNN 3.x (2.x's CPU convolutions; Debian 13's is 3.7.2) on an AVX-512 CPU: with two or more
//   threads its AVX-512 kernels for a convolution's input gradient return NaN for some shapes (16
//   or 32 channels into 8, 3×3, at 7×7 and 28×28; seen on an AMD EPYC, 2026-12-07, in C++ and in
//   Debian's python3-torch alike), so the U-Net's training diverged at its second step. Its AVX2
//   kernels are exact there. The files that make convolutions cap oneDNN at AVX2 (capOneDnnIsa)
//   unless the user has set ONEDNN_MAX_CPU_ISA. 1.13's oneDNN 2.6 has no such fault.
#include <torch/torch.h>
#include <torch/version.h>

#include <cstdlib>

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

// Caps oneDNN's CPU kernels at AVX2 (above) before its first primitive reads the cap. Called from
// a namespace-scope initialiser, so it runs before main(), while no other thread reads the
// environment.
inline bool capOneDnnIsa()
{
#if TORCH_VERSION_MAJOR >= 2
    return setenv("ONEDNN_MAX_CPU_ISA", "AVX2", /*overwrite=*/0) == 0;
#else
    return false;
#endif
}

} // namespace scorescope::torchcompat
