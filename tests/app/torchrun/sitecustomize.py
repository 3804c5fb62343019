# Loaded by Python (PYTHONPATH) in the torchrun that tst_distributed starts. PyTorch 2.4 and later
# ask TCPStore for libuv by default, and torchrun's agent gives no switch for its own store; Debian
# 13's python3-torch 2.6 is built without libuv, so its torchrun fails before any worker starts
# ("use_libuv was requested but PyTorch was build without libuv support"). This asks for the plain
# socket server instead, as Scorescope's ranks do (core/common/TorchCompat.h).
try:
    import torch.distributed as dist
except ImportError:  # no torch: torchrun fails on its own, with its own message
    dist = None

# Only where TCPStore takes the switch (2.2 and later); torch.distributed.rendezvous keeps the class
# it imported before this runs, but torchrun's agent looks it up later, so it gets this one.
_TCPStore = getattr(dist, "TCPStore", None)
if _TCPStore is not None and "use_libuv" in (_TCPStore.__init__.__doc__ or ""):
    class TCPStore(_TCPStore):
        def __init__(self, *args, **kwargs):
            kwargs["use_libuv"] = False
            super().__init__(*args, **kwargs)

    dist.TCPStore = TCPStore
