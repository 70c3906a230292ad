/* The interrupt flag, in the base so that every layer may poll it: the
 * shell's SIGINT handler sets it, and scans, free list walks and debuginfod
 * transfers stop at their next batch (the shell clears it). */
#include "internal.h"

volatile sig_atomic_t kp_interrupted;
