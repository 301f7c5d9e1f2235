#ifndef EVIDENCED_PROCESS_CONTROL_H
#define EVIDENCED_PROCESS_CONTROL_H

/// prctl(PR_SET_PDEATHSIG, signal): prctl is variadic, which Swift cannot call.
int evidenced_set_parent_death_signal(int signal);

/// malloc_trim(0): returns freed heap memory to the system (malloc.h is not in Swift's Glibc module).
int evidenced_release_free_memory(void);
#endif
