#if canImport(Glibc)
import Glibc
#endif

/// Tesseract's OpenMP runtime reads OMP_THREAD_LIMIT once, when the library loads: unset, it runs
/// several threads per page on 2 cores and a page takes ~5 s instead of ~1 s. Setting it inside the
/// running process is too late, so the executable re-executes itself with the variable set.
package enum OpenMPThreads {
    package static let variable = "OMP_THREAD_LIMIT"

    /// Call first thing in `main`. Returns when the variable is already set (or exec failed).
    package static func reexecSingleThreadedIfNeeded() {
        guard getenv(variable) == nil else { return }
        setenv(variable, "1", 1)
        execv("/proc/self/exe", CommandLine.unsafeArgv)
        // exec failed (no /proc): carry on, slower but correct.
    }
}
