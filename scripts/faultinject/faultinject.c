/* An LD_PRELOAD shim for the fault-injection test (scripts/fault_test.py): makes the Nth call of
 * one file-system function on a file under a folder fail with an errno, as a full or failing disk
 * would, so the test can check that evidenced keeps every upload and loses nothing.
 *
 *   EVIDENCED_FAULT_DIR    only files under this folder count (the test's inbox and data)
 *   EVIDENCED_FAULT_CALL   open | write | fsync | rename  (open: open/openat for writing;
 *                          write: write/pwrite; fsync: fsync/fdatasync; rename: rename/renameat)
 *   EVIDENCED_FAULT_AT     N: the Nth counted call fails (1-based); 0 counts only
 *   EVIDENCED_FAULT_ERRNO  EIO (default) or ENOSPC
 *   EVIDENCED_FAULT_MODE   once (default: that one call) or persist (that call and every later one)
 *   EVIDENCED_FAULT_COUNTS a file where the process writes its counts at exit ("write 123" lines)
 *
 * The shim removes LD_PRELOAD from the environment as it loads: the daemon's worker processes run
 * without it (a fault in the daemon is what is tested, not a document made unreadable).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { OPEN, WRITE, FSYNC, RENAME, KINDS };
static const char *names[KINDS] = {"open", "write", "fsync", "rename"};
static atomic_long counts[KINDS];
static char folder[PATH_MAX];
static size_t folder_length;
static int target = -1;
static long at;
static int fault_errno = EIO;
static int persist;
static const char *counts_file;

static void write_counts(void) {
    if (!counts_file) return;
    FILE *f = fopen(counts_file, "w");
    if (!f) return;
    for (int i = 0; i < KINDS; i++) fprintf(f, "%s %ld\n", names[i], atomic_load(&counts[i]));
    fclose(f);
}

__attribute__((constructor)) static void setup(void) {
    unsetenv("LD_PRELOAD");
    const char *dir = getenv("EVIDENCED_FAULT_DIR");
    if (dir && realpath(dir, folder)) folder_length = strlen(folder);
    const char *call = getenv("EVIDENCED_FAULT_CALL");
    for (int i = 0; call && i < KINDS; i++) if (strcmp(call, names[i]) == 0) target = i;
    const char *n = getenv("EVIDENCED_FAULT_AT");
    at = n ? atol(n) : 0;
    const char *e = getenv("EVIDENCED_FAULT_ERRNO");
    if (e && strcmp(e, "ENOSPC") == 0) fault_errno = ENOSPC;
    const char *m = getenv("EVIDENCED_FAULT_MODE");
    persist = m && strcmp(m, "persist") == 0;
    counts_file = getenv("EVIDENCED_FAULT_COUNTS");
    if (counts_file) atexit(write_counts);
}

static int under_folder(const char *path) {
    if (!folder_length || !path) return 0;
    char resolved[PATH_MAX];
    const char *p = path;
    if (path[0] != '/') {  /* relative: from the working folder */
        char cwd[PATH_MAX / 2];
        if (!getcwd(cwd, sizeof cwd)) return 0;
        snprintf(resolved, sizeof resolved, "%s/%s", cwd, path);
        p = resolved;
    }
    return strncmp(p, folder, folder_length) == 0 && (p[folder_length] == '/' || p[folder_length] == 0);
}

static int fd_under_folder(int fd) {
    char link[64], path[PATH_MAX];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, path, sizeof path - 1);
    if (n <= 0) return 0;
    path[n] = 0;
    return under_folder(path);
}

/* Counts the call; true when it must fail. */
static int fails(int kind) {
    long n = atomic_fetch_add(&counts[kind], 1) + 1;
    if (kind != target || at <= 0) return 0;
    return persist ? n >= at : n == at;
}

#define REAL(name, type) static __typeof__(type) *real_##name; if (!real_##name) real_##name = dlsym(RTLD_NEXT, #name)

static int counted_open(const char *path, int flags) {
    return (flags & (O_WRONLY | O_RDWR | O_CREAT)) && under_folder(path) && fails(OPEN);
}

int open(const char *path, int flags, ...) {
    REAL(open, int (const char *, int, ...));
    mode_t mode = 0;
    if (flags & (O_CREAT | O_TMPFILE)) { va_list a; va_start(a, flags); mode = va_arg(a, mode_t); va_end(a); }
    if (counted_open(path, flags)) { errno = fault_errno; return -1; }
    return real_open(path, flags, mode);
}

int open64(const char *path, int flags, ...) {
    REAL(open64, int (const char *, int, ...));
    mode_t mode = 0;
    if (flags & (O_CREAT | O_TMPFILE)) { va_list a; va_start(a, flags); mode = va_arg(a, mode_t); va_end(a); }
    if (counted_open(path, flags)) { errno = fault_errno; return -1; }
    return real_open64(path, flags, mode);
}

int openat(int dirfd, const char *path, int flags, ...) {
    REAL(openat, int (int, const char *, int, ...));
    mode_t mode = 0;
    if (flags & (O_CREAT | O_TMPFILE)) { va_list a; va_start(a, flags); mode = va_arg(a, mode_t); va_end(a); }
    if (path[0] == '/' && counted_open(path, flags)) { errno = fault_errno; return -1; }
    return real_openat(dirfd, path, flags, mode);
}

ssize_t write(int fd, const void *buffer, size_t count) {
    REAL(write, ssize_t (int, const void *, size_t));
    if (fd > 2 && fd_under_folder(fd) && fails(WRITE)) { errno = fault_errno; return -1; }
    return real_write(fd, buffer, count);
}

ssize_t pwrite(int fd, const void *buffer, size_t count, off_t offset) {
    REAL(pwrite, ssize_t (int, const void *, size_t, off_t));
    if (fd > 2 && fd_under_folder(fd) && fails(WRITE)) { errno = fault_errno; return -1; }
    return real_pwrite(fd, buffer, count, offset);
}

ssize_t pwrite64(int fd, const void *buffer, size_t count, off_t offset) {
    REAL(pwrite64, ssize_t (int, const void *, size_t, off_t));
    if (fd > 2 && fd_under_folder(fd) && fails(WRITE)) { errno = fault_errno; return -1; }
    return real_pwrite64(fd, buffer, count, offset);
}

int fsync(int fd) {
    REAL(fsync, int (int));
    if (fd_under_folder(fd) && fails(FSYNC)) { errno = fault_errno; return -1; }
    return real_fsync(fd);
}

int fdatasync(int fd) {
    REAL(fdatasync, int (int));
    if (fd_under_folder(fd) && fails(FSYNC)) { errno = fault_errno; return -1; }
    return real_fdatasync(fd);
}

int rename(const char *from, const char *to) {
    REAL(rename, int (const char *, const char *));
    if ((under_folder(from) || under_folder(to)) && fails(RENAME)) { errno = fault_errno; return -1; }
    return real_rename(from, to);
}

int renameat(int fromfd, const char *from, int tofd, const char *to) {
    REAL(renameat, int (int, const char *, int, const char *));
    if (((from && from[0] == '/' && under_folder(from)) || (to && to[0] == '/' && under_folder(to))) && fails(RENAME)) {
        errno = fault_errno; return -1;
    }
    return real_renameat(fromfd, from, tofd, to);
}

int renameat2(int fromfd, const char *from, int tofd, const char *to, unsigned int flags) {
    REAL(renameat2, int (int, const char *, int, const char *, unsigned int));
    if (((from && from[0] == '/' && under_folder(from)) || (to && to[0] == '/' && under_folder(to))) && fails(RENAME)) {
        errno = fault_errno; return -1;
    }
    return real_renameat2(fromfd, from, tofd, to, flags);
}
