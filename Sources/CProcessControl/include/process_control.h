#ifndef EVIDENCED_PROCESS_CONTROL_H
#define EVIDENCED_PROCESS_CONTROL_H

/// prctl(PR_SET_PDEATHSIG, signal): prctl is variadic, which Swift cannot call.
int evidenced_set_parent_death_signal(int signal);

#endif
