/// Every table that holds the store's data, each after the tables its foreign keys reference: what
/// `evidenced store copy` copies, in this order, and what it verifies.
///
/// One list, kept by hand on purpose: a migration that adds a table adds it here too, in
/// foreign-key order. `StoreCopyTests` compares it with the schema of both backends and fails naming
/// a table that is missing, so a new table cannot be left behind by a copy.
package enum StoreTables {
    package static let copied = [
        "documents", "submissions", "submission_files", "claims", "claim_evidence",
        "flags", "queue_acks",
        "units", "users", "api_tokens", "web_sessions",
        "flag_decisions", "decision_acks",
        "score_events", "score_acks", "season_publications",
    ]

    /// Never copied: the backends' own bookkeeping (the migrations each applied, compared instead;
    /// SQLite's autoincrement counters, which follow the copied ids by themselves) and the daemons
    /// running on the source (`nodes`: a copy is made with them stopped, and the target's nodes
    /// register themselves when they start), and the pages' change stamps (the target's triggers
    /// stamp what is copied into it; a web service's kept pages are its own process's).
    package static let bookkeeping: Set<String> = ["grdb_migrations", "evidenced_migrations", "sqlite_sequence", "nodes", "change_stamps"]
}
