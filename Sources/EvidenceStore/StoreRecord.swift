/// A row type of one table, read and written by the same code on both backends.
protocol StoreRecord {
    static var table: String { get }
    /// Its primary key's columns.
    static var primaryKey: [String] { get }
    init(row: StoreRow) throws
    /// Every column with its value, for inserts and updates (an autoincremented id left out while nil).
    var columns: [(String, StoreValue)] { get }
}

extension StoreConnection {
    func fetch<Record: StoreRecord>(_ sql: StoreSQL, as type: Record.Type) throws -> [Record] {
        try fetch(sql).map(Record.init(row:))
    }

    /// The row whose one-column primary key is `key`.
    func record<Record: StoreRecord>(_ type: Record.Type, key: some StoreValueConvertible) throws -> Record? {
        try fetch("SELECT * FROM \(raw: Record.table) WHERE \(raw: Record.primaryKey[0]) = \(key)", as: Record.self).first
    }

    func exists<Record: StoreRecord>(_ type: Record.Type, key: some StoreValueConvertible) throws -> Bool {
        try fetchOne("SELECT 1 FROM \(raw: Record.table) WHERE \(raw: Record.primaryKey[0]) = \(key)") != nil
    }

    /// Inserts the record; with `ignoringConflict`, a row with the same key is left as it is.
    /// Returns whether a row was inserted.
    @discardableResult
    func insert(_ record: some StoreRecord, ignoringConflict: Bool = false) throws -> Bool {
        let sql = Self.insertSQL(record) + (ignoringConflict ? " ON CONFLICT DO NOTHING" : "")
        return try execute(sql) > 0
    }

    /// Inserts a record of a table with an autoincremented `id` and returns that id.
    func insertReturningID(_ record: some StoreRecord) throws -> Int64 {
        guard let id = try value(Self.insertSQL(record) + " RETURNING id", as: Int64.self) else {
            throw StoreRowError(description: "\(type(of: record).table): the insert returned no id")
        }
        return id
    }

    /// Inserts the record, or replaces every other column of the row with its key.
    func save<Record: StoreRecord>(_ record: Record) throws {
        let updates = record.columns.filter { !Record.primaryKey.contains($0.0) }
            .map { "\($0.0) = excluded.\($0.0)" }.joined(separator: ", ")
        try execute(Self.insertSQL(record)
            + " ON CONFLICT (\(raw: Record.primaryKey.joined(separator: ", "))) DO UPDATE SET \(raw: updates)")
    }

    /// Writes every other column of the row with the record's key.
    func update<Record: StoreRecord>(_ record: Record) throws {
        let columns = record.columns
        let assignments: [StoreSQL] = columns.filter { !Record.primaryKey.contains($0.0) }
            .map { "\(raw: $0.0) = \(sql: StoreSQL(pieces: [.value($0.1)]))" }
        let key: [StoreSQL] = columns.filter { Record.primaryKey.contains($0.0) }
            .map { "\(raw: $0.0) = \(sql: StoreSQL(pieces: [.value($0.1)]))" }
        try execute("UPDATE \(raw: Record.table) SET \(sql: assignments.joined(separator: ", ")) WHERE \(sql: key.joined(separator: " AND "))")
    }

    private static func insertSQL(_ record: some StoreRecord) -> StoreSQL {
        let columns = record.columns
        let names = columns.map(\.0).joined(separator: ", ")
        let values: [StoreSQL] = columns.map { StoreSQL(pieces: [.value($0.1)]) }
        return "INSERT INTO \(raw: type(of: record).table) (\(raw: names)) VALUES (\(sql: values.joined(separator: ", ")))"
    }
}
