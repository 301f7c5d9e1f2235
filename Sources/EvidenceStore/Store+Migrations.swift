import EvidenceModel
import Foundation
import GRDB

extension Store {
    /// The schema, in the order it was shipped. A shipped migration never changes: a later change
    /// is a new migration appended at the end ("v2-...").
    ///
    /// ```
    /// documents           one evidence file by content, extracted once and reused
    ///   sha256 TEXT PK, name, format, pages, extracted JSON (ExtractedDocument),
    ///   fields JSON (DocumentFields), number, issuer (copied from fields),
    ///   state queued|extracting|parsed|failed, failureCode, failureMessage, attempts,
    ///   createdAt, updatedAt, extractedAt, bytes (v2: the file's size, orders the queue),
    ///   numberKey (v3: DocumentNumber.key of a trusted number with a trusted issuer, indexed)
    /// submissions         the latest revision of each manifest
    ///   id TEXT PK (the manifest's `submission`), unitCode, unitName, unitLevel, framework,
    ///   periodFrom, periodTo, manifest JSON (Submission), manifestSHA256, revision,
    ///   state queued|extracting|checked|failed, failureReason, createdAt, updatedAt, checkedAt
    /// submission_files    (submissionId, path) PK → sha256 (FK documents)
    /// claims              (submissionId, claimIndex) PK, indicator, score
    /// claim_evidence      (submissionId, claimIndex, position) PK, file, declared number, date, signer
    /// flags               the queue: id INTEGER PK AUTOINCREMENT (ids never reused), submissionId,
    ///   revision, claimIndex, indicator, score, reason, message, file, page, expected, found,
    ///   createdAt, supersededAt (marked when a later result replaces it; never deleted),
    ///   field, box (v4: the parsed field a finding is about and its place on the page, JSON)
    /// queue_acks          (consumer, flagId) PK, ackedAt, withdrawalAckedAt
    /// submissions.precheck (v5: 1 for a unit's pre-check from the web service)
    /// units               (v5) code PK, name, level, bodies JSON: the units that have accounts
    /// users               (v5) name PK, role unit|appraiser|consumer|admin, unitCode (FK units, for
    ///   role unit), frameworks JSON, unitCodes JSON (an appraiser's scope; null = all),
    ///   passwordHash (bcrypt), disabled, createdAt
    /// api_tokens          (v5) tokenHash PK (sha256 of the token; the token itself is never stored),
    ///   userName FK, createdAt, lastUsedAt
    /// web_sessions        (v5) tokenHash PK (sha256 of the cookie), userName FK, csrfToken,
    ///   createdAt, expiresAt
    /// flag_decisions      (v6) the appraisers' decisions, append-only (triggers refuse UPDATE and
    ///   DELETE): id INTEGER PK AUTOINCREMENT, flagId (FK flags), decidedBy, decidedAt,
    ///   action confirm|dismiss|answer, supportedScore, answer, comment; a flag's latest row is its
    ///   current decision
    /// flags.unitCode, flags.decisionId, flags.decision (v6) kept by triggers: the submission's unit
    ///   when the flag was inserted, and the latest decision's id and action (null: open), so the
    ///   review queue filters and pages through indexes
    /// decision_acks       (v6) (consumer, decisionId) PK, ackedAt: decision events delivered
    /// documents.leaseNode, documents.leaseExpiresAt, submissions.leaseNode, submissions.leaseExpiresAt
    ///   (v11) the node that claimed the row and until when (`Store+Claims.swift`)
    /// nodes               (v11) id PK, host, pid, role, leaseSeconds, startedAt, heartbeatAt: the
    ///   daemons sharing the store (`Store+Nodes.swift`)
    /// change_stamps       (v12) scope PK ('*' or a unit code), stamp: bumped by triggers whenever
    ///   something a page shows changes (`Store+ChangeStamps.swift`)
    /// documents(state, createdAt)
    ///                     (v13) index: the oldest queued documents (`Store+Claims.swift`)
    /// ```
    /// Rows of a submission's latest revision (files, claims, evidence) are replaced when it changes;
    /// its flags are kept and marked. Foreign keys are enforced.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()

        migrator.registerMigration("v1-documents") { db in
            try db.create(table: "documents") { t in
                t.primaryKey("sha256", .text)
                t.column("name", .text)
                t.column("format", .text)
                t.column("pages", .integer)
                t.column("extracted", .jsonText)
                t.column("fields", .jsonText)
                t.column("number", .text)
                t.column("issuer", .text)
                t.column("state", .text).notNull().indexed()
                    .check(sql: "state IN ('queued', 'extracting', 'parsed', 'failed')")
                t.column("failureCode", .text)
                t.column("failureMessage", .text)
                t.column("attempts", .integer).notNull().defaults(to: 0)
                t.column("createdAt", .datetime).notNull()
                t.column("updatedAt", .datetime).notNull()
                t.column("extractedAt", .datetime).indexed()
            }
        }

        migrator.registerMigration("v1-submissions") { db in
            try db.create(table: "submissions") { t in
                t.primaryKey("id", .text)
                t.column("unitCode", .text).notNull().indexed()
                t.column("unitName", .text).notNull()
                t.column("unitLevel", .text).notNull()
                    .check(sql: "unitLevel IN ('province', 'department', 'district', 'commune')")
                t.column("framework", .text).notNull()
                t.column("periodFrom", .text).notNull()
                t.column("periodTo", .text).notNull()
                t.column("manifest", .jsonText).notNull()
                t.column("manifestSHA256", .text).notNull()
                t.column("revision", .integer).notNull()
                t.column("state", .text).notNull().indexed()
                    .check(sql: "state IN ('queued', 'extracting', 'checked', 'failed')")
                t.column("failureReason", .text)
                t.column("createdAt", .datetime).notNull()
                t.column("updatedAt", .datetime).notNull()
                t.column("checkedAt", .datetime)
            }
            try db.create(table: "submission_files") { t in
                t.column("submissionId", .text).notNull().references("submissions", onDelete: .cascade)
                t.column("path", .text).notNull()
                t.column("sha256", .text).notNull().indexed().references("documents")
                t.primaryKey(["submissionId", "path"])
            }
            try db.create(table: "claims") { t in
                t.column("submissionId", .text).notNull().references("submissions", onDelete: .cascade)
                t.column("claimIndex", .integer).notNull()
                t.column("indicator", .text).notNull()
                t.column("score", .double).notNull()
                t.primaryKey(["submissionId", "claimIndex"])
            }
            try db.create(table: "claim_evidence") { t in
                t.column("submissionId", .text).notNull()
                t.column("claimIndex", .integer).notNull()
                t.column("position", .integer).notNull()
                t.column("file", .text).notNull()
                t.column("number", .text)
                t.column("date", .text)
                t.column("signer", .text)
                t.primaryKey(["submissionId", "claimIndex", "position"])
                t.foreignKey(["submissionId", "claimIndex"], references: "claims", onDelete: .cascade)
            }
        }

        migrator.registerMigration("v1-flags") { db in
            try db.create(table: "flags") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("submissionId", .text).notNull().references("submissions")
                t.column("revision", .integer).notNull()
                t.column("claimIndex", .integer).notNull()
                t.column("indicator", .text).notNull()
                t.column("score", .double).notNull()
                t.column("reason", .text).notNull()
                t.column("message", .text).notNull()
                t.column("file", .text)
                t.column("page", .integer)
                t.column("expected", .text)
                t.column("found", .text)
                t.column("createdAt", .datetime).notNull()
                t.column("supersededAt", .datetime)
            }
            try db.create(index: "flags_on_submission", on: "flags", columns: ["submissionId", "supersededAt"])
        }

        migrator.registerMigration("v1-queue") { db in
            try db.create(table: "queue_acks", options: .withoutRowID) { t in
                t.column("consumer", .text).notNull()
                t.column("flagId", .integer).notNull().references("flags")
                t.column("ackedAt", .datetime).notNull()
                t.column("withdrawalAckedAt", .datetime)
                t.primaryKey(["consumer", "flagId"])
            }
        }

        // The file's size orders the extraction queue: within one arrival, the longest work first.
        migrator.registerMigration("v2-document-bytes") { db in
            try db.alter(table: "documents") { t in t.add(column: "bytes", .integer) }
        }

        // duplicate-evidence looks up other submissions' evidence by content and by number instead
        // of reading every stored submission: a check costs the same with 100 or 100,000 stored.
        migrator.registerMigration("v3-evidence-lookups") { db in
            try db.alter(table: "documents") { t in t.add(column: "numberKey", .text) }
            let rows = try Row.fetchAll(db, sql: "SELECT sha256, fields FROM documents WHERE fields IS NOT NULL")
            let decoder = JSONDecoder()
            for row in rows {
                guard let json: String = row["fields"],
                      let fields = try? decoder.decode(DocumentFields.self, from: Data(json.utf8)),
                      let key = DocumentRecord.numberKey(of: fields) else { continue }
                try db.execute(sql: "UPDATE documents SET numberKey = ? WHERE sha256 = ?", arguments: [key, row["sha256"] as String])
            }
            try db.create(index: "documents_on_numberKey", on: "documents", columns: ["numberKey"])
            try db.create(index: "claim_evidence_on_file", on: "claim_evidence", columns: ["submissionId", "file"])
        }

        // needs-review names the field to read and where it is printed (issue 11): the review
        // screen crops the box. Older flags keep null in both.
        migrator.registerMigration("v4-flag-field-box") { db in
            try db.alter(table: "flags") { t in
                t.add(column: "field", .text)
                t.add(column: "box", .text)
            }
        }

        // The web service (issue 14): accounts, sessions, API tokens, and pre-checks kept apart.
        migrator.registerMigration("v5-web-accounts") { db in
            try db.alter(table: "submissions") { t in
                t.add(column: "precheck", .boolean).notNull().defaults(to: false)
            }
            try db.create(table: "units") { t in
                t.primaryKey("code", .text)
                t.column("name", .text).notNull()
                t.column("level", .text).notNull()
                    .check(sql: "level IN ('province', 'department', 'district', 'commune')")
                t.column("bodies", .jsonText)
            }
            try db.create(table: "users") { t in
                t.primaryKey("name", .text)
                t.column("role", .text).notNull().check(sql: "role IN ('unit', 'appraiser', 'consumer', 'admin')")
                t.column("unitCode", .text).references("units")
                t.column("frameworks", .jsonText)
                t.column("unitCodes", .jsonText)
                t.column("passwordHash", .text)
                t.column("disabled", .boolean).notNull().defaults(to: false)
                t.column("createdAt", .datetime).notNull()
                t.check(sql: "role != 'unit' OR unitCode IS NOT NULL")
            }
            try db.create(table: "api_tokens") { t in
                t.primaryKey("tokenHash", .text)
                t.column("userName", .text).notNull().indexed().references("users", onDelete: .cascade)
                t.column("createdAt", .datetime).notNull()
                t.column("lastUsedAt", .datetime)
            }
            try db.create(table: "web_sessions") { t in
                t.primaryKey("tokenHash", .text)
                t.column("userName", .text).notNull().indexed().references("users", onDelete: .cascade)
                t.column("csrfToken", .text).notNull()
                t.column("createdAt", .datetime).notNull()
                t.column("expiresAt", .datetime).notNull().indexed()
            }
            try db.create(index: "submissions_on_updatedAt", on: "submissions", columns: ["unitCode", "updatedAt"])
        }

        // NOTE for merges: the web service branch registers "v5-web-accounts" just before this one.
        // Keep "v6-flag-decisions" registered last (after v5), whatever order the branches merge in.
        migrator.registerMigration("v6-flag-decisions") { db in
            try db.create(table: "flag_decisions") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("flagId", .integer).notNull().references("flags")
                t.column("decidedBy", .text).notNull().check(sql: "length(trim(decidedBy)) > 0")
                t.column("decidedAt", .datetime).notNull()
                t.column("action", .text).notNull().check(sql: "action IN ('confirm', 'dismiss', 'answer')")
                t.column("supportedScore", .double)
                t.column("answer", .text)
                t.column("comment", .text)
                t.check(sql: "action <> 'dismiss' OR coalesce(length(trim(comment)), 0) > 0")
            }
            try db.create(index: "flag_decisions_on_flag", on: "flag_decisions", columns: ["flagId", "id"])
            // The audit trail is append-only: a revision is a new row.
            try db.execute(sql: """
                CREATE TRIGGER flag_decisions_no_update BEFORE UPDATE ON flag_decisions
                BEGIN SELECT RAISE(ABORT, 'flag_decisions is append-only'); END;
                CREATE TRIGGER flag_decisions_no_delete BEFORE DELETE ON flag_decisions
                BEGIN SELECT RAISE(ABORT, 'flag_decisions is append-only'); END;
                """)

            // The review queue's filters as columns of flags, kept by triggers so no writer of flags
            // or decisions can forget them.
            try db.alter(table: "flags") { t in
                t.add(column: "unitCode", .text)
                t.add(column: "decisionId", .integer)
                t.add(column: "decision", .text)
            }
            try db.execute(sql: """
                UPDATE flags SET unitCode = (SELECT unitCode FROM submissions s WHERE s.id = flags.submissionId);
                CREATE TRIGGER flags_unit_code AFTER INSERT ON flags
                BEGIN UPDATE flags SET unitCode = (SELECT unitCode FROM submissions s WHERE s.id = NEW.submissionId)
                      WHERE id = NEW.id; END;
                CREATE TRIGGER flag_decisions_current AFTER INSERT ON flag_decisions
                BEGIN UPDATE flags SET decisionId = NEW.id, decision = NEW.action WHERE id = NEW.flagId; END;
                """)
            // Current flags only (the queue screen never shows superseded ones): newest first, by
            // unit, by reason (and the counts per reason), by indicator.
            try db.execute(sql: """
                CREATE INDEX flags_review_newest ON flags(supersededAt, id);
                CREATE INDEX flags_review_unit ON flags(unitCode, id) WHERE supersededAt IS NULL;
                CREATE INDEX flags_review_reason ON flags(reason, id) WHERE supersededAt IS NULL;
                CREATE INDEX flags_review_indicator ON flags(indicator, id) WHERE supersededAt IS NULL;
                """)

            try db.create(table: "decision_acks", options: .withoutRowID) { t in
                t.column("consumer", .text).notNull()
                t.column("decisionId", .integer).notNull().references("flag_decisions")
                t.column("ackedAt", .datetime).notNull()
                t.primaryKey(["consumer", "decisionId"])
            }
        }

        // The `metrics` role (a Prometheus scraper's token: /metrics and nothing else). SQLite cannot
        // change a CHECK constraint in place: the table is rebuilt as GRDB's guide describes (the
        // migrator runs with foreign keys off and checks them after), its rows and indexes kept.
        migrator.registerMigration("v7-metrics-role") { db in
            try db.create(table: "users_v7") { t in
                t.primaryKey("name", .text)
                t.column("role", .text).notNull().check(sql: "role IN ('unit', 'appraiser', 'consumer', 'admin', 'metrics')")
                t.column("unitCode", .text).references("units")
                t.column("frameworks", .jsonText)
                t.column("unitCodes", .jsonText)
                t.column("passwordHash", .text)
                t.column("disabled", .boolean).notNull().defaults(to: false)
                t.column("createdAt", .datetime).notNull()
                t.check(sql: "role != 'unit' OR unitCode IS NOT NULL")
            }
            try db.execute(sql: """
                INSERT INTO users_v7 (name, role, unitCode, frameworks, unitCodes, passwordHash, disabled, createdAt)
                    SELECT name, role, unitCode, frameworks, unitCodes, passwordHash, disabled, createdAt FROM users;
                DROP TABLE users;
                ALTER TABLE users_v7 RENAME TO users;
                """)
        }

        // The secretariat's roster (issue 23): where each unit sits and whom to reach.
        migrator.registerMigration("v8-unit-roster") { db in
            try db.alter(table: "units") { t in
                t.add(column: "parentBody", .text)
                t.add(column: "contact", .text)
            }
        }

        // The season (issue 23): a unit's accepted total as the queue delivers it when it changes,
        // its acks, and the secretariat's publication of a season to the units.
        migrator.registerMigration("v9-season") { db in
            try db.create(table: "score_events") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("submissionId", .text).notNull().references("submissions")
                t.column("unitCode", .text).notNull()
                t.column("framework", .text).notNull()
                t.column("periodFrom", .text).notNull()
                t.column("periodTo", .text).notNull()
                t.column("claimed", .double).notNull()
                t.column("accepted", .double).notNull()
                t.column("decisionId", .integer).references("flag_decisions")
                t.column("createdAt", .datetime).notNull()
            }
            try db.create(index: "score_events_on_submission", on: "score_events", columns: ["submissionId", "id"])
            try db.create(table: "score_acks", options: .withoutRowID) { t in
                t.column("consumer", .text).notNull()
                t.column("scoreEventId", .integer).notNull().references("score_events")
                t.column("ackedAt", .datetime).notNull()
                t.primaryKey(["consumer", "scoreEventId"])
            }
            try db.create(table: "season_publications") { t in
                t.column("framework", .text).notNull()
                t.column("period", .text).notNull()
                t.column("publishedBy", .text).notNull()
                t.column("publishedAt", .datetime).notNull()
                t.primaryKey(["framework", "period"])
            }
        }

        // The season's latest submission per unit read from an index alone (not the rows, whose
        // manifests hold every claim): the season page for 700 units stays well under 200 ms.
        migrator.registerMigration("v10-season-index") { db in
            try db.create(index: "submissions_season", on: "submissions",
                          columns: ["framework", "precheck", "unitCode", "periodFrom", "createdAt", "id", "periodTo"])
        }

        // Claims with leases: several daemons (nodes) share the work of one database.
        migrator.registerMigration("v11-leases") { db in
            for table in ["documents", "submissions"] {
                try db.alter(table: table) { t in
                    t.add(column: "leaseNode", .text)
                    t.add(column: "leaseExpiresAt", .datetime)
                }
                try db.execute(sql: "CREATE INDEX \(table)_on_leaseNode ON \(table)(leaseNode) WHERE leaseNode IS NOT NULL")
            }
            try db.create(table: "nodes") { t in
                t.primaryKey("id", .text)
                t.column("host", .text).notNull()
                t.column("pid", .integer).notNull()
                t.column("role", .text).notNull()
                t.column("leaseSeconds", .double).notNull()
                t.column("startedAt", .datetime).notNull()
                t.column("heartbeatAt", .datetime).notNull()
            }
        }

        // What the pages show, stamped: every change a page could show bumps a counter for the
        // whole store ('*') and one for each unit it touches, so the web service keeps a rendered
        // page while its counter stands (`Store+ChangeStamps.swift`). Triggers, so no writer can
        // forget them; leases and heartbeats change nothing a page shows and bump nothing.
        migrator.registerMigration("v12-change-stamps") { db in
            try db.execute(sql: """
                CREATE TABLE change_stamps (scope TEXT NOT NULL PRIMARY KEY, stamp INTEGER NOT NULL) WITHOUT ROWID;
                CREATE TRIGGER submissions_stamp_insert AFTER INSERT ON submissions BEGIN
                  INSERT INTO change_stamps (scope, stamp) VALUES ('*', 1), (NEW.unitCode, 1)
                  ON CONFLICT (scope) DO UPDATE SET stamp = stamp + 1; END;
                CREATE TRIGGER submissions_stamp_update AFTER UPDATE OF unitCode, unitName, unitLevel, framework, periodFrom,
                  periodTo, manifest, manifestSHA256, revision, state, failureReason, checkedAt, precheck ON submissions BEGIN
                  INSERT INTO change_stamps (scope, stamp) VALUES ('*', 1), (OLD.unitCode, 1), (NEW.unitCode, 1)
                  ON CONFLICT (scope) DO UPDATE SET stamp = stamp + 1; END;
                CREATE TRIGGER submissions_stamp_delete AFTER DELETE ON submissions BEGIN
                  INSERT INTO change_stamps (scope, stamp) VALUES ('*', 1), (OLD.unitCode, 1)
                  ON CONFLICT (scope) DO UPDATE SET stamp = stamp + 1; END;
                CREATE TRIGGER flags_stamp_insert AFTER INSERT ON flags BEGIN
                  INSERT INTO change_stamps (scope, stamp)
                  VALUES ('*', 1), ((SELECT unitCode FROM submissions s WHERE s.id = NEW.submissionId), 1)
                  ON CONFLICT (scope) DO UPDATE SET stamp = stamp + 1; END;
                CREATE TRIGGER flags_stamp_update AFTER UPDATE ON flags BEGIN
                  INSERT INTO change_stamps (scope, stamp) VALUES ('*', 1), (coalesce(NEW.unitCode, '*'), 1)
                  ON CONFLICT (scope) DO UPDATE SET stamp = stamp + 1; END;
                CREATE TRIGGER flags_stamp_delete AFTER DELETE ON flags BEGIN
                  INSERT INTO change_stamps (scope, stamp) VALUES ('*', 1), (coalesce(OLD.unitCode, '*'), 1)
                  ON CONFLICT (scope) DO UPDATE SET stamp = stamp + 1; END;
                CREATE TRIGGER documents_stamp AFTER UPDATE OF state, pages, extracted, fields, failureCode, failureMessage ON documents BEGIN
                  INSERT INTO change_stamps (scope, stamp) VALUES ('*', 1) ON CONFLICT (scope) DO UPDATE SET stamp = stamp + 1;
                  INSERT INTO change_stamps (scope, stamp)
                  SELECT DISTINCT s.unitCode, 1 FROM submission_files f JOIN submissions s ON s.id = f.submissionId
                  WHERE f.sha256 = NEW.sha256
                  ON CONFLICT (scope) DO UPDATE SET stamp = stamp + 1; END;
                CREATE TRIGGER units_stamp_insert AFTER INSERT ON units BEGIN
                  INSERT INTO change_stamps (scope, stamp) VALUES ('*', 1), (NEW.code, 1)
                  ON CONFLICT (scope) DO UPDATE SET stamp = stamp + 1; END;
                CREATE TRIGGER units_stamp_update AFTER UPDATE ON units BEGIN
                  INSERT INTO change_stamps (scope, stamp) VALUES ('*', 1), (NEW.code, 1)
                  ON CONFLICT (scope) DO UPDATE SET stamp = stamp + 1; END;
                """)
        }

        // The oldest queued documents found through an index, not a sort of the whole backlog
        // (`Store+Claims.swift`): a claim costs the same with a season's backlog as with none.
        migrator.registerMigration("v13-claim-order") { db in
            try db.execute(sql: "CREATE INDEX documents_on_state_createdAt ON documents(state, createdAt)")
        }

        return migrator
    }
}
