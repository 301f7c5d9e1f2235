/// Counters of change for the web service's kept pages (v12-change-stamps): a trigger bumps the
/// whole store's and each touched unit's whenever something a page shows is written (submissions,
/// flags and their decisions, a document's state or reading, a unit's name), on every node and
/// backend alike. A page rendered when its scope's stamp read N shows what is current as long as
/// the stamp still reads N.
package enum ChangeScope: Hashable, Sendable {
    /// Everything: an appraiser's or a program's view of every unit.
    case store
    /// One unit's own submissions, flags and documents: what its account can see.
    case unit(String)

    var key: String {
        switch self {
        case .store: "*"
        case .unit(let code): code
        }
    }
}

extension Store {
    /// The scope's stamp now; 0 before anything was written in it.
    package func changeStamp(_ scope: ChangeScope) throws -> Int64 {
        try database.read { db in
            try db.value("SELECT stamp FROM change_stamps WHERE scope = \(scope.key)", as: Int64.self) ?? 0
        }
    }
}
