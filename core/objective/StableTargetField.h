#pragma once
#include <torch/types.h>

namespace scorescope {

// Self-normalised importance weights over a reference batch and what they give (§3.3):
// w_i(x) = softmax_i(−‖x − a·y_i‖² / 2s²) and the weighted clean sample D = Σ w_i y_i, from which
// the STF targets follow in each form. With the reference batch taken to be a whole empirical
// data set the same weights are its exact posterior (§5).
struct StfTargets {
    torch::Tensor denoised;        // D = Σ w_i y_i, shaped like x
    torch::Tensor maxWeight;       // max_i w_i, [B] double (diagnostics only)
    torch::Tensor ess;             // effective sample size 1/Σ w_i², [B] double (diagnostics only)
    torch::Tensor posteriorTrace;  // Σ w_i ‖y_i − D‖²: the weights' estimate of tr Cov[y | x], [B] double
    torch::Tensor targetTrace;     // Σ w_i² ‖y_i − D‖²: delta-method estimate of tr Cov[D | x] (§3.4), [B] double (diagnostics only)

    // The three forms of §3.3 for the kernel x = a y + s z (a, s: [B] or scalars).
    torch::Tensor score(const torch::Tensor& x, const torch::Tensor& a, const torch::Tensor& s) const;    // (aD − x)/s²
    torch::Tensor epsilon(const torch::Tensor& x, const torch::Tensor& a, const torch::Tensor& s) const;  // (x − aD)/s
};

// −‖x − a·y_i‖²/2s² without its per-row constant −‖x‖²/2s²: (a x·y_i − a²‖y_i‖²/2)/s² from one
// matrix product. x: [B, D], y: [k, D], a and s: [B] or scalars; float64, [B, k].
torch::Tensor referenceLogits(const torch::Tensor& x, const torch::Tensor& a, const torch::Tensor& s, const torch::Tensor& y);

// The reference batch of row b is {own_b} ∪ others: own_b is the clean sample that produced x_b
// (§3.3's y_1) and `others` are n − 1 independent data samples shared by all rows. `own` may be
// undefined, leaving just `others` (an empirical data set's posterior).
//
// Memory is O(B·chunk + n·D): logits come from a matrix product, (a x·y_i − a²‖y_i‖²/2)/s², which
// differs from the softmax logits by a per-row constant, and a running (max, sums) accumulator
// walks `others` in chunks. Computed in float64 under no-grad: at small s the row-wise cancellation
// in the product form would cost float32 its precision (§3.5). `diagnostics` adds ess,
// maxWeight and targetTrace, at the price of a second pass over the weights (w²). Without them,
// short rows on the CPU go through LibTorch's fused attention kernel where it has one (2.3+).
// `kernel` forces one path (bench_stf and tst_stf compare them); Fused still streams where the
// kernel is absent or the diagnostics are on, or the tensors are not on the CPU.
enum class StfKernel { Auto, Streamed, Fused };
StfTargets stableTargets(const torch::Tensor& x, const torch::Tensor& a, const torch::Tensor& s,
                         const torch::Tensor& own, const torch::Tensor& others, int64_t chunk = 4096,
                         bool diagnostics = true, StfKernel kernel = StfKernel::Auto);

} // namespace scorescope
