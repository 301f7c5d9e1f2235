/// What recording a submission found, compared with what the store held under the same id.
package enum SubmissionChange: String, Hashable, Sendable {
    /// First time this id is seen: recorded as revision 1, queued.
    case new
    /// Same manifest bytes and same file contents: nothing written, nothing to re-check.
    case unchanged
    /// The manifest or a file's content differs: a new revision, queued; its result will supersede
    /// the earlier revision's flags.
    case changed
}
