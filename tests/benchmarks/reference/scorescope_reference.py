"""The engine's math in PyTorch, for benchmarks: the same networks, SDE, objectives, optimiser,
samplers and likelihood as core/, written as a researcher would write them in Python.

Each piece mirrors one file of core/ (named beside it) operation for operation, so a benchmark row
compares the same computation; `bench_engine.py check` loads the C++ engine's weights and inputs
and asserts that both compute the same loss and gradient. Only what the benchmarks run is here:
the VP SDE, variance weighting, the epsilon parameterisation, Gaussian priors.
"""
import gzip
import math
import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


# --- core/sde/VpSde.cpp, LinearBetaSchedule.cpp (§1.1) -------------------------------------------
class VpSde:
    def __init__(self, beta0=0.1, beta1=20.0, T=1.0):
        self.beta0, self.beta1, self.T = beta0, beta1, T
        self.training_eps, self.sampling_eps, self.prior_std = 1e-5, 1e-3, 1.0

    def integral(self, t):
        return self.beta0 * t + 0.5 * (self.beta1 - self.beta0) * t * t

    def beta(self, t):
        return self.beta0 + t * (self.beta1 - self.beta0)

    def mean_coeff(self, t):
        return torch.exp(-0.5 * self.integral(t))

    def std(self, t):
        return torch.sqrt(-torch.expm1(-self.integral(t)))

    def diffusion(self, t):
        return torch.sqrt(self.beta(t))

    def drift_coeff(self, t):
        return -0.5 * self.beta(t)

    def sigma(self, t):
        return torch.sqrt(torch.expm1(self.integral(t)))

    def time_of_sigma(self, sigma):
        B = torch.log1p(sigma * sigma)
        d = self.beta1 - self.beta0
        return 2.0 * B / (self.beta0 + torch.sqrt(self.beta0 * self.beta0 + 2.0 * d * B))

    def drift(self, x, t):
        return broadcast_to(self.drift_coeff(t.double()), x) * x

    def at(self, fn, t):
        return fn(torch.tensor(t, dtype=torch.float64)).item()


def broadcast_to(coeff, x):  # core/sde/Sde.cpp
    if coeff.dim() == 0:
        return coeff.to(x.dtype)
    return coeff.to(x.dtype).view([coeff.size(0)] + [1] * (x.dim() - 1))


# --- core/nn/ToyMlp.cpp ----------------------------------------------------------------------------
class ToyMlp(nn.Module):
    def __init__(self, dim, hidden=256, depth=4, fourier_features=32, fourier_scale=2.0):
        super().__init__()
        gen = torch.Generator().manual_seed(0x5C0E)
        self.register_buffer("frequencies", torch.randn(fourier_features, generator=gen) * fourier_scale)
        layers, width = [], dim + 1 + 2 * fourier_features
        for _ in range(depth):
            layers += [nn.Linear(width, hidden), nn.SiLU()]
            width = hidden
        layers.append(nn.Linear(width, dim))
        self.layers = nn.Sequential(*layers)

    def forward(self, x, c_noise):
        c = c_noise.reshape(-1, 1).expand(x.size(0), 1).to(x.dtype)
        phase = 2.0 * math.pi * c * self.frequencies.unsqueeze(0)
        return self.layers(torch.cat([x, c, torch.sin(phase), torch.cos(phase)], 1))


# --- core/nn/UNet.cpp ------------------------------------------------------------------------------
def _groups(channels):
    return min(32, max(1, channels // 4))


class ResBlock(nn.Module):
    def __init__(self, cin, cout, emb, dropout):
        super().__init__()
        self.norm1 = nn.GroupNorm(_groups(cin), cin)
        self.conv1 = nn.Conv2d(cin, cout, 3, padding=1)
        self.emb = nn.Linear(emb, cout)
        self.norm2 = nn.GroupNorm(_groups(cout), cout)
        self.dropout = nn.Dropout(dropout)
        self.conv2 = nn.Conv2d(cout, cout, 3, padding=1)
        self.skip = nn.Conv2d(cin, cout, 1) if cin != cout else None
        nn.init.zeros_(self.conv2.weight)
        nn.init.zeros_(self.conv2.bias)

    def forward(self, x, emb):
        h = self.conv1(F.silu(self.norm1(x)))
        h = h + self.emb(F.silu(emb)).unsqueeze(-1).unsqueeze(-1)
        h = self.conv2(self.dropout(F.silu(self.norm2(h))))
        return ((self.skip(x) if self.skip is not None else x) + h) / math.sqrt(2.0)


class Attention(nn.Module):
    def __init__(self, ch):
        super().__init__()
        self.norm = nn.GroupNorm(_groups(ch), ch)
        self.qkv = nn.Conv2d(ch, 3 * ch, 1)
        self.proj = nn.Conv2d(ch, ch, 1)
        nn.init.zeros_(self.proj.weight)
        nn.init.zeros_(self.proj.bias)

    def forward(self, x):
        B, C, H, W = x.shape
        q, k, v = self.qkv(self.norm(x)).view(B, 3, C, H * W).unbind(1)
        w = torch.softmax(torch.bmm(q.transpose(1, 2), k) / math.sqrt(C), -1)
        h = torch.bmm(v, w.transpose(1, 2)).view(x.shape)
        return (x + self.proj(h)) / math.sqrt(2.0)


class UNet(nn.Module):
    def __init__(self, channels, resolution, width=32, channel_mult=(1, 2, 2), res_blocks=2,
                 attention_resolutions=(7, 8), dropout=0.1):
        super().__init__()
        self.width, emb = width, 4 * width
        self.emb1, self.emb2 = nn.Linear(width, emb), nn.Linear(emb, emb)
        self.input_conv = nn.Conv2d(channels, width, 3, padding=1)
        self.down, self.mid, self.up = nn.ModuleList(), nn.ModuleList(), nn.ModuleList()
        self.down_kinds, self.up_kinds = [], []
        skips, ch, res, level_res = [width], width, resolution, []
        for level, mult in enumerate(channel_mult):
            level_res.append(res)
            for _ in range(res_blocks):
                self.down.append(ResBlock(ch, width * mult, emb, dropout))
                self.down_kinds.append("res")
                ch = width * mult
                if res in attention_resolutions:
                    self.down.append(Attention(ch))
                    self.down_kinds.append("attn")
                skips.append(ch)
            if level + 1 < len(channel_mult):
                self.down.append(nn.Conv2d(ch, ch, 3, stride=2, padding=1))
                self.down_kinds.append("down")
                skips.append(ch)
                res = (res + 1) // 2
        self.mid.extend([ResBlock(ch, ch, emb, dropout), Attention(ch), ResBlock(ch, ch, emb, dropout)])
        for level in reversed(range(len(channel_mult))):
            res = level_res[level]
            for _ in range(res_blocks + 1):
                self.up.append(ResBlock(ch + skips.pop(), width * channel_mult[level], emb, dropout))
                self.up_kinds.append("res")
                ch = width * channel_mult[level]
                if res in attention_resolutions:
                    self.up.append(Attention(ch))
                    self.up_kinds.append("attn")
            if level > 0:
                self.up.append(nn.Conv2d(ch, ch, 3, padding=1))
                self.up_kinds.append("up")
        self.out_norm = nn.GroupNorm(_groups(ch), ch)
        self.output_conv = nn.Conv2d(ch, channels, 3, padding=1)
        nn.init.zeros_(self.output_conv.weight)
        nn.init.zeros_(self.output_conv.bias)

    def embed(self, c_noise):
        half = self.width // 2
        freqs = torch.exp(-math.log(10000.0) * torch.arange(half, dtype=c_noise.dtype) / half)
        args = 250.0 * c_noise.reshape(-1, 1) * freqs.unsqueeze(0)
        return self.emb2(F.silu(self.emb1(torch.cat([torch.sin(args), torch.cos(args)], 1))))

    def forward(self, x, c_noise):
        emb = self.embed(c_noise.reshape(-1).expand(x.size(0)))
        h = self.input_conv(x)
        skips = [h]
        for module, kind in zip(self.down, self.down_kinds):
            h = module(h, emb) if kind == "res" else module(h)
            if kind == "attn":
                skips[-1] = h
            else:
                skips.append(h)
        h = self.mid[2](self.mid[1](self.mid[0](h, emb)), emb)
        for module, kind in zip(self.up, self.up_kinds):
            if kind == "res":
                h = module(torch.cat([h, skips.pop()], 1), emb)
            elif kind == "attn":
                h = module(h)
            else:
                h = module(F.interpolate(h, size=skips[-1].shape[2:], mode="nearest"))
        return self.output_conv(F.silu(self.out_norm(h)))


# --- core/nn/ScoreModel.cpp: epsilon parameterisation with c_in and c_noise = ¼ ln σ (§1.5) --------
class ScoreModel(nn.Module):
    def __init__(self, sde, net, sigma_data=0.5):
        super().__init__()
        self.sde, self.net, self.sigma_data = sde, net, sigma_data

    def score(self, x, t):
        td = t.double().reshape(-1).expand(x.size(0))
        a64, s64 = self.sde.mean_coeff(td), self.sde.std(td)
        sigma64 = s64 / a64
        s = broadcast_to(s64, x)
        c_in = broadcast_to(1.0 / torch.sqrt(s64 * s64 + a64 * a64 * self.sigma_data ** 2), x)
        c_noise = (0.25 * torch.log(sigma64)).to(x.dtype)
        return -self.net(c_in * x, c_noise) / s


def tweedie_denoise(sde, x, t, score):  # core/nn/ScoreFunction.cpp
    a, s = broadcast_to(sde.mean_coeff(t.double()), x), broadcast_to(sde.std(t.double()), x)
    return (x + s * s * score) / a


# --- data: core/truth/GaussianMixture.cpp, core/data/ToyPresets.cpp, ImageDataset.cpp --------------
class Ring8:
    def __init__(self):
        angle = torch.arange(8, dtype=torch.float64) * (2.0 * math.pi / 8.0)
        self.means = 2.0 * torch.stack([torch.cos(angle), torch.sin(angle)], 1)
        self.weights = torch.full((8,), 1.0 / 8, dtype=torch.float64)
        self.covariances = 0.01 * torch.eye(2, dtype=torch.float64).expand(8, 2, 2).clone()
        self.shape = [2]

    def sample(self, n, gen):
        k = torch.multinomial(self.weights, n, True, generator=gen)
        L = torch.linalg.cholesky(self.covariances).index_select(0, k)
        z = torch.randn(n, 2, 1, generator=gen, dtype=torch.float64)
        return self.means.index_select(0, k) + torch.matmul(L, z).squeeze(-1)


def read_idx(path):
    with (gzip.open(path) if path.endswith(".gz") else open(path, "rb")) as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    return torch.from_numpy(np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape).copy())


class FashionMnist:
    def __init__(self, size=28, directory="/usr/share/datasets/fashion-mnist"):
        path = os.path.join(directory, "train-images-idx3-ubyte")
        images = read_idx(path + ".gz" if os.path.exists(path + ".gz") else path).unsqueeze(1)
        if size != 28:  # the engine resizes with OpenCV's area filter; the cost is paid once, here
            images = F.interpolate(images.float(), size=(size, size), mode="area").round().clamp(0, 255).to(torch.uint8)
        self.train = images
        self.shape = list(images.shape[1:])

    def sample(self, n, gen):
        idx = (torch.rand(n, generator=gen, dtype=torch.float64) * self.train.size(0)).floor().long()
        return self.train.index_select(0, idx.clamp_max(self.train.size(0) - 1)).float() / 127.5 - 1.0


# --- core/objective/SoftTruncation.cpp (§2.2) -------------------------------------------------------
class SoftTruncation:
    def __init__(self, eps, T, k):
        self.eps, self.T, self.k = eps, T, k

    def sample(self, gen):
        u = torch.rand(1, generator=gen, dtype=torch.float64).item()
        L, c = math.log(self.T / self.eps), 1.0 - self.k
        x = u * L if c == 0.0 else math.log1p(u * math.expm1(c * L)) / c
        return min(max(self.eps * math.exp(x), self.eps), self.T)


# --- core/objective/StableTargetField.cpp (§3.3, §3.5): streaming softmax over the reference batch --
def stable_targets(x, a, s, own, others, chunk=4096):
    with torch.no_grad():
        B = x.size(0)
        X = x.reshape(B, -1).double()
        D = X.size(1)
        ac, inv_s2 = a.double().reshape(-1, 1), 1.0 / s.double().reshape(-1, 1).pow(2)
        q = torch.cat([X * (ac * inv_s2), -0.5 * ac * ac * inv_s2], 1)

        def keys(Y):
            return torch.cat([Y, Y.pow(2).sum(1, keepdim=True)], 1)

        def values(Y, k):
            return torch.cat([Y, torch.ones(Y.size(0), 1, dtype=Y.dtype), k[:, -1:]], 1)

        m = pv = None

        def add(logits, vals, per_row):
            nonlocal m, pv
            chunk_max = logits.max(1, keepdim=True)[0]
            m_new = chunk_max if m is None else torch.maximum(m, chunk_max)
            p = logits.sub_(m_new).exp_()
            pv1 = p * vals if per_row else torch.matmul(p, vals)
            if m is not None:
                pv1 += pv * torch.exp(m - m_new)
            m, pv = m_new, pv1

        Y = own.reshape(B, -1).double()
        k = keys(Y)
        add((q * k).sum(1, keepdim=True), values(Y, k), True)
        R = others.reshape(others.size(0), -1).double()
        for c in range(0, R.size(0), chunk):
            Y = R[c:c + chunk]
            k = keys(Y)
            add(torch.matmul(q, k.t()), values(Y, k), False)
        total = pv[:, D:D + 1]
        denoised = pv[:, :D] / total
        # the diagnostics the trainer always keeps (largest weight, posterior trace), as the engine does
        max_weight = (1.0 / total).squeeze(1)
        trace = (pv[:, D + 1:] / total - denoised.pow(2).sum(1, keepdim=True)).clamp_min(0.0).squeeze(1)
        return denoised.to(x.dtype).reshape(x.shape), max_weight, trace


# --- core/objective/DenoisingScoreMatching.cpp (§1.2, variance weighting) ----------------------------
class Objective:
    def __init__(self, sde, target="dsm", reference_size=0, st_k=0.0, reduce_mean=False):
        self.sde, self.target, self.n, self.reduce_mean = sde, target, reference_size, reduce_mean
        self.truncation = SoftTruncation(sde.training_eps, sde.T, st_k) if st_k > 0 else None

    def extra_samples(self):
        return self.n - 1 if self.target == "stf" else 0

    def loss(self, model, x0, gen, extras=None):
        tau = self.truncation.sample(gen) if self.truncation else self.sde.training_eps
        u = torch.rand(x0.size(0), generator=gen, dtype=torch.float64)
        t = tau + u * (self.sde.T - tau)
        weight = self.sde.std(t).pow(2)
        z = torch.randn(x0.shape, generator=gen)
        return self.loss_at(model, x0, t, weight, z, extras)

    def loss_at(self, model, x0, t, weight, z, extras=None):
        a64, s64 = self.sde.mean_coeff(t), self.sde.std(t)
        a, s = broadcast_to(a64, x0), broadcast_to(s64, x0)
        xt = a * x0 + s * z
        err = model.score(xt, t) + z / s
        if self.target == "stf":
            denoised, _, _ = stable_targets(xt, a64, s64, x0, extras)
            err = err - a * (denoised - x0) / (s * s)
        err = err.flatten(1)
        reduced = err.pow(2).mean(1) if self.reduce_mean else 0.5 * err.pow(2).sum(1)
        per_sample = weight.to(reduced.dtype) * reduced
        # with the per-sample losses and noise levels that the per-time views bin, as the engine returns
        return per_sample.mean(), per_sample.detach().double(), s64 / a64


# --- core/train/Trainer.cpp, Ema.cpp ------------------------------------------------------------------
class Trainer:
    def __init__(self, dataset, model, objective, batch, lr, warmup=200, grad_clip=1.0, ema_decay=0.999, seed=0):
        self.dataset, self.model, self.objective = dataset, model, objective
        self.batch, self.lr, self.warmup, self.grad_clip, self.ema_decay = batch, lr, warmup, grad_clip, ema_decay
        self.gen = torch.Generator().manual_seed(seed)
        self.optimizer = torch.optim.Adam(model.parameters(), lr=lr, betas=(0.9, 0.999), eps=1e-8)
        with torch.no_grad():
            self.shadow = [p.detach().clone() for p in model.parameters()]
        self.step_count = 0

    def step(self):
        self.model.train()
        lr = self.lr * min(1.0, (self.step_count + 1) / max(1, self.warmup))
        for group in self.optimizer.param_groups:
            group["lr"] = lr
        extra = self.objective.extra_samples()
        data = self.dataset.sample(self.batch + extra, self.gen).float()
        x0 = data[:self.batch]
        self.optimizer.zero_grad()
        loss, _, _ = self.objective.loss(self.model, x0, self.gen, data[self.batch:] if extra > 0 else None)
        loss.backward()
        grad_norm = float(nn.utils.clip_grad_norm_(self.model.parameters(), self.grad_clip))
        self.optimizer.step()
        with torch.no_grad():
            for s, p in zip(self.shadow, self.model.parameters()):
                s.mul_(self.ema_decay).add_(p.detach(), alpha=1.0 - self.ema_decay)
        self.step_count += 1
        return loss.item(), grad_norm


# --- core/sampling/ (§1.3, §1.5) ----------------------------------------------------------------------
class Sampler:
    """Reverse-time samplers stepping from T to ε on a uniform grid (EDM Heun: on the ρ-schedule)."""

    def __init__(self, name, sde, model, steps, gen, snr=0.16, rtol=1e-5, atol=1e-5, rho=7.0):
        self.name, self.sde, self.model, self.steps, self.gen = name, sde, model, steps, gen
        self.snr, self.rtol, self.atol, self.rho = snr, rtol, atol, rho
        self.nfe = 0

    def eval_score(self, x, t):
        tt = torch.tensor(t, dtype=torch.float64)
        s = self.model.score(x, tt)
        tweedie_denoise(self.sde, x, tt, s)  # the engine keeps the denoised estimate for the views
        self.nfe += 1
        return s

    def pf_drift(self, x, t):
        g = self.sde.at(self.sde.diffusion, t)
        return self.sde.drift(x, torch.tensor(t, dtype=torch.float64)) - 0.5 * g * g * self.eval_score(x, t)

    def grid(self, i):
        T, end = self.sde.T, self.sde.sampling_eps
        return T + (end - T) * i / self.steps

    def iterate(self, x):
        """Yields the particles after each step, as the engine's step(); no gradients."""
        with torch.no_grad():
            if self.name == "ode-rk45":
                solver = DormandPrince(self.pf_drift, x, self.sde.T, self.sde.sampling_eps, self.rtol, self.atol)
                while not solver.done():
                    solver.step()
                    yield solver.y
            elif self.name == "edm-heun":
                yield from self.edm_steps(x)
            else:
                for i in range(self.steps):
                    x = self.step(x, i)
                    yield x

    def step(self, x, i):
        t, t_next = self.grid(i), self.grid(i + 1)
        dt, last = t_next - t, i + 1 >= self.steps
        if self.name == "em":
            tt = torch.tensor(t, dtype=torch.float64)
            g = self.sde.at(self.sde.diffusion, t)
            x = x + (self.sde.drift(x, tt) - g * g * self.eval_score(x, t)) * dt
            return x if last else x + g * math.sqrt(-dt) * torch.randn(x.shape, generator=self.gen)
        if self.name == "pc":
            alpha = self.sde.at(self.sde.mean_coeff, t) / self.sde.at(self.sde.mean_coeff, t_next)
            g2 = max(self.sde.at(self.sde.std, t) ** 2 - alpha ** 2 * self.sde.at(self.sde.std, t_next) ** 2, 0.0)
            grad = self.eval_score(x, t)
            z = torch.randn(x.shape, generator=self.gen)
            norm = lambda v: v.flatten(1).norm(2, 1).mean().item()  # noqa: E731
            ratio = self.snr * norm(z) / max(norm(grad), 1e-30)
            step = 2.0 * alpha * alpha * ratio * ratio
            x = x + step * grad + math.sqrt(2.0 * step) * z
            x_mean = (2.0 - alpha) * x + g2 * self.eval_score(x, t)
            return x_mean if last else x_mean + math.sqrt(g2) * torch.randn(x.shape, generator=self.gen)
        d1 = self.pf_drift(x, t)
        x_next = x + dt * d1
        if self.name == "ode-heun":
            x_next = x + 0.5 * dt * (d1 + self.pf_drift(x_next, t_next))
        return x_next

    def edm_steps(self, x):
        N, rho, sde = self.steps, self.rho, self.sde
        hi = sde.at(sde.sigma, sde.T) ** (1.0 / rho)
        lo = sde.at(sde.sigma, sde.sampling_eps) ** (1.0 / rho)
        sigmas = [(hi + (i / (N - 1) if N > 1 else 0.0) * (lo - hi)) ** rho for i in range(N)] + [0.0]
        time_of = lambda s: sde.at(sde.time_of_sigma, s) if s > 0 else 0.0  # noqa: E731

        def denoise(xt, sigma):
            t = time_of(sigma)
            a = sde.at(sde.mean_coeff, t)
            return xt + sigma * sigma * a * self.eval_score(a * xt, t)

        xt = x / sde.at(sde.mean_coeff, sde.T)
        for i in range(N):
            s0, s1 = sigmas[i], sigmas[i + 1]
            d0 = (xt - denoise(xt, s0)) / s0
            nxt = xt + (s1 - s0) * d0
            if s1 > 0:
                d1 = (nxt - denoise(nxt, s1)) / s1
                nxt = xt + (s1 - s0) * 0.5 * (d0 + d1)
            xt = nxt
            yield sde.at(sde.mean_coeff, time_of(s1)) * xt


# --- core/sampling/DormandPrince.cpp -----------------------------------------------------------------
class DormandPrince:
    A = [[1 / 5], [3 / 40, 9 / 40], [44 / 45, -56 / 15, 32 / 9],
         [19372 / 6561, -25360 / 2187, 64448 / 6561, -212 / 729],
         [9017 / 3168, -355 / 33, 46732 / 5247, 49 / 176, -5103 / 18656]]
    C = [1 / 5, 3 / 10, 4 / 5, 8 / 9, 1.0]
    B = [35 / 384, 0.0, 500 / 1113, 125 / 192, -2187 / 6784, 11 / 84]
    E = [71 / 57600, 0.0, -71 / 16695, 71 / 1920, -17253 / 339200, 22 / 525, -1 / 40]

    def __init__(self, f, y0, t0, t1, rtol, atol):
        self.f, self.y, self.t, self.t1, self.rtol, self.atol = f, y0, t0, t1, rtol, atol
        self.nfe = 0
        self.k1 = self.eval(y0, t0)
        scale = atol + rtol * y0.abs()
        d0 = (y0 / scale).pow(2).mean().sqrt().item()
        d1 = (self.k1 / scale).pow(2).mean().sqrt().item()
        span = abs(t1 - t0)
        self.h = 1e-6 * span if d0 < 1e-5 or d1 < 1e-5 else min(0.01 * d0 / d1, span)
        self.min_step = 1e-12 * max(1.0, span)
        self.h = max(self.h, self.min_step)

    def eval(self, y, t):
        self.nfe += 1
        return self.f(y, t)

    def done(self):
        return self.t == self.t1

    def step(self):
        direction = 1.0 if self.t1 > self.t else -1.0
        while True:
            h = min(self.h, abs(self.t1 - self.t))
            hs = direction * h
            k = [self.k1]
            for row, c in zip(self.A, self.C):
                k.append(self.eval(self.y + hs * sum(a * ki for a, ki in zip(row, k)), self.t + c * hs))
            y_new = self.y + hs * sum(b * ki for b, ki in zip(self.B, k) if b != 0.0)
            t_new = self.t1 if h == abs(self.t1 - self.t) else self.t + hs
            k.append(self.eval(y_new, t_new))
            err = hs * sum(e * ki for e, ki in zip(self.E, k) if e != 0.0)
            scale = self.atol + self.rtol * torch.maximum(self.y.abs(), y_new.abs())
            norm = (err / scale).pow(2).mean().sqrt().item()
            if not math.isfinite(norm):
                self.h = 0.2 * h
                continue
            factor = 10.0 if norm == 0.0 else min(max(0.9 * norm ** -0.2, 0.2), 10.0)
            if norm <= 1.0 or h <= self.min_step:
                self.y, self.k1, self.t, self.h = y_new, k[-1], t_new, h * factor
                return
            self.h = h * min(factor, 1.0)


# --- core/likelihood/ProbabilityFlowLikelihood.cpp (§1.4) ---------------------------------------------
def pf_likelihood(sde, model, x, rtol=1e-5, atol=1e-5, seed=0):
    """log p_0(x) by the PF-ODE from ε to T: exact divergence up to 8 dimensions, Hutchinson above."""
    n, shape = x.size(0), list(x.shape)
    D = x.numel() // n
    exact = D <= 8
    gen = torch.Generator().manual_seed(seed)
    probe = None if exact else torch.randint(0, 2, (n, D), generator=gen).float() * 2 - 1

    def rhs(y, t):
        with torch.enable_grad():
            xt = y[:, :D].detach().requires_grad_(True)
            tt = torch.tensor(t, dtype=torch.float64)
            g = sde.at(sde.diffusion, t)
            xs = xt.view(shape)
            drift = (sde.drift(xs, tt) - 0.5 * g * g * model.score(xs, tt)).flatten(1)
            if exact:
                div = torch.zeros(n)
                for d in range(D):
                    div = div + torch.autograd.grad(drift[:, d].sum(), xt, retain_graph=True)[0][:, d]
            else:
                div = (torch.autograd.grad((drift * probe).sum(), xt)[0] * probe).sum(1)
        return torch.cat([drift.detach(), div.detach().unsqueeze(1)], 1)

    y0 = torch.cat([x.flatten(1), torch.zeros(n, 1)], 1)
    solver = DormandPrince(rhs, y0, sde.training_eps, sde.T, rtol, atol)
    while not solver.done():
        solver.step()
    xT = solver.y[:, :D]
    prior = -0.5 * D * math.log(2.0 * math.pi) - xT.pow(2).sum(1) / 2.0
    return prior + solver.y[:, D], solver.nfe
