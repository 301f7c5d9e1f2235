#ifndef EVIDENCED_PROCESS_CONTROL_H
#define EVIDENCED_PROCESS_CONTROL_H

/// prctl(PR_SET_PDEATHSIG, signal): prctl is variadic, which Swift cannot call.
int evidenced_set_parent_death_signal(int signal);

/// malloc_trim(0): returns freed heap memory to the system (malloc.h is not in Swift's Glibc module).
int evidenced_release_free_memory(void);

/// mallopt(M_MMAP_THRESHOLD, bytes): blocks this large are mmapped and given back when freed, and
/// glibc no longer raises the threshold to the largest block freed.
int evidenced_fix_mmap_threshold(int bytes);

/// setpriority(PRIO_PROCESS, gettid(), niceness): lowers the calling thread alone (Linux keeps a
/// niceness per thread); gettid needs _GNU_SOURCE, which Swift's Glibc module does not define.
int evidenced_lower_thread_priority(int niceness);
#endif
