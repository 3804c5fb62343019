#pragma once

namespace scorescope {

// Makes every later LibTorch (and OpenBLAS) operation on the calling thread run serially, whatever
// torch::set_num_threads calls other threads make. The GUI calls it on its UI thread: an OpenMP
// team there would give libgomp more managed threads than cores, and libgomp then stops spinning
// at barriers, so the training thread's team sleeps and wakes at every parallel region.
void keepThisThreadSerial();

} // namespace scorescope
