#define _GNU_SOURCE
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>
#include "process_control.h"

int evidenced_set_parent_death_signal(int signal) {
    return prctl(PR_SET_PDEATHSIG, (unsigned long)signal, 0UL, 0UL, 0UL);
}

#include <malloc.h>

int evidenced_release_free_memory(void) {
    return malloc_trim(0);
}

int evidenced_fix_mmap_threshold(int bytes) {
    return mallopt(M_MMAP_THRESHOLD, bytes);
}

int evidenced_lower_thread_priority(int niceness) {
    return setpriority(PRIO_PROCESS, (id_t)gettid(), niceness);
}
