#include <sys/prctl.h>
#include "process_control.h"

int evidenced_set_parent_death_signal(int signal) {
    return prctl(PR_SET_PDEATHSIG, (unsigned long)signal, 0UL, 0UL, 0UL);
}

#include <malloc.h>

int evidenced_release_free_memory(void) {
    return malloc_trim(0);
}
