#include "core/common/Threads.h"

#include <ATen/Parallel.h>

namespace scorescope {

void keepThisThreadSerial()
{
    // LibTorch initialises a thread's OpenMP width from the global setting once, on the thread's
    // first parallel operation: do that now, so a later global change (the training thread's own
    // set_num_threads) no longer reaches this thread, then narrow it to one.
    at::internal::lazy_init_num_threads();
    at::set_num_threads(1);
}

} // namespace scorescope
