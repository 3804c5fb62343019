#include "core/nn/UNet.h"

#include "core/common/TorchCompat.h"

#include <torch/torch.h>

#include <cmath>

namespace scorescope {

namespace {

// Before the first convolution runs (TorchCompat.h: oneDNN's input gradients).
[[maybe_unused]] const bool oneDnnAvoided = torchcompat::avoidOneDnn();

int64_t groups(int64_t channels) { return std::min<int64_t>(32, std::max<int64_t>(1, channels / 4)); }

struct ResBlockImpl : torch::nn::Module {
    ResBlockImpl(int64_t in, int64_t out, int64_t emb, double dropout)
        : norm1(register_module("norm1", torch::nn::GroupNorm(groups(in), in))),
          conv1(register_module("conv1", torch::nn::Conv2d(torch::nn::Conv2dOptions(in, out, 3).padding(1)))),
          embProj(register_module("emb", torch::nn::Linear(emb, out))),
          norm2(register_module("norm2", torch::nn::GroupNorm(groups(out), out))),
          drop(register_module("dropout", torch::nn::Dropout(dropout))),
          conv2(register_module("conv2", torch::nn::Conv2d(torch::nn::Conv2dOptions(out, out, 3).padding(1))))
    {
        if (in != out)
            skip = register_module("skip", torch::nn::Conv2d(torch::nn::Conv2dOptions(in, out, 1)));
        // Zero-initialised last conv: each block starts as the identity (as in DDPM++).
        torch::NoGradGuard g;
        conv2->weight.zero_();
        conv2->bias.zero_();
    }
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& emb)
    {
        auto h = conv1(torch::silu(norm1(x)));
        h = h + embProj(torch::silu(emb)).unsqueeze(-1).unsqueeze(-1);
        h = conv2(drop(torch::silu(norm2(h))));
        return ((skip ? skip(x) : x) + h) / std::sqrt(2.0);
    }
    torch::nn::GroupNorm norm1;
    torch::nn::Conv2d conv1;
    torch::nn::Linear embProj;
    torch::nn::GroupNorm norm2;
    torch::nn::Dropout drop;
    torch::nn::Conv2d conv2;
    torch::nn::Conv2d skip{nullptr};
};
TORCH_MODULE(ResBlock);

struct AttentionImpl : torch::nn::Module {
    explicit AttentionImpl(int64_t ch)
        : norm(register_module("norm", torch::nn::GroupNorm(groups(ch), ch))),
          qkv(register_module("qkv", torch::nn::Conv2d(torch::nn::Conv2dOptions(ch, 3 * ch, 1)))),
          proj(register_module("proj", torch::nn::Conv2d(torch::nn::Conv2dOptions(ch, ch, 1))))
    {
        torch::NoGradGuard g;
        proj->weight.zero_();
        proj->bias.zero_();
    }
    torch::Tensor forward(const torch::Tensor& x)
    {
        const int64_t B = x.size(0), C = x.size(1), HW = x.size(2) * x.size(3);
        const auto parts = qkv(norm(x)).view({B, 3, C, HW}).unbind(1);
        const auto w = torch::softmax(torch::bmm(parts[0].transpose(1, 2), parts[1]) / std::sqrt(double(C)), -1);
        const auto h = torch::bmm(parts[2], w.transpose(1, 2)).view(x.sizes());
        return (x + proj(h)) / std::sqrt(2.0);
    }
    torch::nn::GroupNorm norm;
    torch::nn::Conv2d qkv, proj;
};
TORCH_MODULE(Attention);

bool contains(const std::vector<int64_t>& v, int64_t x) { return std::find(v.begin(), v.end(), x) != v.end(); }

} // namespace

UNetImpl::UNetImpl(const UNetOptions& opts) : options(opts), embDim_(4 * opts.width())
{
    const int64_t W = options.width();
    emb1_ = register_module("emb1", torch::nn::Linear(W, embDim_));
    emb2_ = register_module("emb2", torch::nn::Linear(embDim_, embDim_));
    in_ = register_module("input_conv", torch::nn::Conv2d(torch::nn::Conv2dOptions(options.channels(), W, 3).padding(1)));
    down_ = register_module("down", torch::nn::ModuleList());
    mid_ = register_module("mid", torch::nn::ModuleList());
    up_ = register_module("up", torch::nn::ModuleList());

    std::vector<int64_t> skipChannels{W};
    int64_t ch = W, res = options.resolution();
    const auto& mult = options.channelMult();
    std::vector<int64_t> levelRes;
    for (size_t level = 0; level < mult.size(); ++level) {
        levelRes.push_back(res);
        for (int64_t i = 0; i < options.resBlocks(); ++i) {
            down_->push_back(ResBlock(ch, W * mult[level], embDim_, options.dropout()));
            downKinds_.push_back("res");
            ch = W * mult[level];
            if (contains(options.attentionResolutions(), res)) {
                down_->push_back(Attention(ch));
                downKinds_.push_back("attn");
            }
            skipChannels.push_back(ch);
        }
        if (level + 1 < mult.size()) {
            down_->push_back(torch::nn::Conv2d(torch::nn::Conv2dOptions(ch, ch, 3).stride(2).padding(1)));
            downKinds_.push_back("down");
            skipChannels.push_back(ch);
            res = (res + 1) / 2;
        }
    }
    mid_->push_back(ResBlock(ch, ch, embDim_, options.dropout()));
    mid_->push_back(Attention(ch));
    mid_->push_back(ResBlock(ch, ch, embDim_, options.dropout()));

    for (size_t level = mult.size(); level-- > 0;) {
        res = levelRes[level];
        for (int64_t i = 0; i <= options.resBlocks(); ++i) {
            up_->push_back(ResBlock(ch + skipChannels.back(), W * mult[level], embDim_, options.dropout()));
            skipChannels.pop_back();
            upKinds_.push_back("res");
            ch = W * mult[level];
            if (contains(options.attentionResolutions(), res)) {
                up_->push_back(Attention(ch));
                upKinds_.push_back("attn");
            }
        }
        if (level > 0) {
            up_->push_back(torch::nn::Conv2d(torch::nn::Conv2dOptions(ch, ch, 3).padding(1)));
            upKinds_.push_back("up");
        }
    }
    outNorm_ = register_module("out_norm", torch::nn::GroupNorm(groups(ch), ch));
    out_ = register_module("output_conv", torch::nn::Conv2d(torch::nn::Conv2dOptions(ch, options.channels(), 3).padding(1)));
    torch::NoGradGuard g;
    out_->weight.zero_();
    out_->bias.zero_();
}

// Sinusoidal embedding of c_noise (positional, max period 10⁴, as DDPM++), then a 2-layer MLP.
torch::Tensor UNetImpl::embed(const torch::Tensor& cNoise)
{
    const int64_t half = options.width() / 2;
    const auto freqs = torch::exp(-std::log(10000.0) * torch::arange(half, cNoise.options()) / half);
    // c_noise = ¼ ln σ spans ~[−2, 1.5]; ×250 spreads it over the embedding's frequency range.
    const auto args = 250.0 * cNoise.reshape({-1, 1}) * freqs.unsqueeze(0);
    return emb2_(torch::silu(emb1_(torch::cat({torch::sin(args), torch::cos(args)}, 1))));
}

torch::Tensor UNetImpl::forward(const torch::Tensor& x, const torch::Tensor& cNoise)
{
    const auto emb = embed(cNoise.reshape({-1}).expand({x.size(0)}));
    auto h = in_(x);
    std::vector<torch::Tensor> skips{h};
    for (size_t i = 0; i < down_->size(); ++i) {
        const auto& kind = downKinds_[i];
        if (kind == "res")
            h = down_[i]->as<ResBlockImpl>()->forward(h, emb);
        else if (kind == "attn")
            h = down_[i]->as<AttentionImpl>()->forward(h);
        else
            h = down_[i]->as<torch::nn::Conv2dImpl>()->forward(h);
        if (kind == "attn")
            skips.back() = h;  // attention refines the output of the res block just stored
        else
            skips.push_back(h);
    }
    h = mid_[0]->as<ResBlockImpl>()->forward(h, emb);
    h = mid_[1]->as<AttentionImpl>()->forward(h);
    h = mid_[2]->as<ResBlockImpl>()->forward(h, emb);
    for (size_t i = 0; i < up_->size(); ++i) {
        const auto& kind = upKinds_[i];
        if (kind == "res") {
            h = up_[i]->as<ResBlockImpl>()->forward(torch::cat({h, skips.back()}, 1), emb);
            skips.pop_back();
        } else if (kind == "attn") {
            h = up_[i]->as<AttentionImpl>()->forward(h);
        } else {
            const auto& target = skips.back();
            h = torch::upsample_nearest2d(h, std::vector<int64_t>{target.size(2), target.size(3)});
            h = up_[i]->as<torch::nn::Conv2dImpl>()->forward(h);
        }
    }
    return out_(torch::silu(outNorm_(h)));
}

} // namespace scorescope
